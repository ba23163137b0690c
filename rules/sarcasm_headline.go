package rules

import (
	"slices"
	"strings"

	"github.com/msglint/msglint/lint"
)

// Mock news by its shape: the words of size or surprise and the nouns of
// news a headline is made of (see composedHeadlines), by language.
var (
	newsSizes = sarcasmData.WordSets("news_sizes")
	newsNouns = sarcasmData.WordSets("news_nouns")
	// newsSizeFlags are newsSizes read by word id, with no hash a word.
	newsSizeFlags = setFlagsOf(newsSizes)
)

// composedHeadlines adds to the headlines (the list) those made by their
// shape rather than listed whole: a word of size or surprise (news_sizes:
// büyük, şaşırtıcı, böyük, təəccüblü), "bir" at most, and a noun of news
// in any form (news_nouns, stems: haberimiz, gelişmeyi, kəşf). headlines keeps those
// that open a sentence, end at a colon and tell a thing's obvious nature
// after it; the rest are announcements.
func composedHeadlines(m *lint.Message, found cuesFound) {
	l := m.Lang
	nouns := newsNouns[l]
	if len(nouns) == 0 || strings.IndexByte(m.Body.Text, ':') < 0 {
		return // headlines keeps only those a colon follows
	}
	toks := m.Tokens()
	if !slices.ContainsFunc(toks, func(t lint.Token) bool { return t.Kind == lint.Punct && t.Norm == ":" }) {
		return
	}
	sizes, ids := newsSizeFlags.of(m), m.WordIDs()
	for i, t := range toks {
		if t.Kind != lint.Word || sizes.bitsOf(m.Body.Text, &toks[i], ids[i]) == 0 {
			continue
		}
		k := neighbour(toks, i, 1)
		if k >= 0 && toks[k].Norm == "bir" {
			k = neighbour(toks, k, 1)
		}
		if k < 0 || toks[k].Kind != lint.Word || !newsNoun(toks[k].Norm, nouns) {
			continue
		}
		found[lsHeadline] = append(found[lsHeadline], lint.Match{Cue: t.Norm, Span: lint.Span{Start: t.Start, End: toks[k].End}, First: i, Last: k})
	}
}

// newsNoun reports whether a word is a noun of news in one of its forms:
// it starts with one of the stems.
func newsNoun(w string, stems map[string]bool) bool {
	for s := range stems {
		if strings.HasPrefix(w, s) {
			return true
		}
	}
	return false
}
