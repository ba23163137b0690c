package rules

import (
	"github.com/msglint/msglint/lint"
)

// virtues are the nouns of a virtue praised (see virtueActs).
var virtues = byFirstWord(sarcasmData.WordSets("virtues"))

// virtueActs are virtues praised in a sentence's opening words and then
// shown by an act after a comma, as a gerund: "Such patience, waiting a
// full three minutes …", "Impressive attention to detail, noticing the
// sign after the pizza". The act told as the proof of a virtue mocks
// it; a virtue thanked for ("Thank you for your patience, …") or beside
// an apology is sincere, and so is a promotion's praise.
func virtueActs(m *lint.Message, found cuesFound) []lint.Match {
	if virtues[m.Lang] == nil || m.Kind == lint.Promo || len(found[lsApology]) > 0 {
		return nil
	}
	toks, sents := m.Tokens(), m.Sentences()
	var out []lint.Match
	for _, v := range phrasesIn(toks, virtues[m.Lang]) {
		i := sentenceOf(sents, v.Span.Start)
		if wordsIn(toks, lint.Span{Start: sents[i].Start, End: v.Span.End}) > 7 || inSentence(sents, found[lsGratitude], i) {
			continue
		}
		c := neighbour(toks, v.Last, 1)
		if c < 0 || toks[c].Norm != "," {
			continue
		}
		if g := neighbour(toks, c, 1); g >= 0 && toks[g].Kind == lint.Word && gerund(m.Lang, toks[g].Norm) {
			out = append(out, v)
		}
	}
	return out
}
