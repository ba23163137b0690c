package rules

import (
	"strings"

	"github.com/msglint/msglint/lint"
)

// The customer's view asked in a rhetorical question (see viewQuestions),
// by language.
var (
	lsYourView    = sarcasmListOf("your_view")
	viewDegree    = sarcasmData.WordSets("view_degree")
	viewPast      = sarcasmData.WordSets("view_past_endings")
	viewSincere   = sarcasmData.WordSets("view_sincere")
	viewParticles = sarcasmData.WordSets("view_particles")
)

// viewQuestions are the customer's view asked (your_view: sizce, sizcə)
// in a question that answers itself: one that asks why or how much
// (why_words, view_degree: "sizce neden battı?", "sizcə nə qədər dözməli
// idi?"), or what was bound to be, its verb in the past (view_past_endings
// on the last word before the question mark or its particle: "sizcə
// hansı rəngdə gələcəkdi?", "sizce ne kadar iyi bir fikirdi?"). Not a
// question about a choice or how a thing went (view_sincere: "Sizce
// hangisi daha uygun?", "Sizcə tur necə keçdi?"), nor one about what is
// ours (news_our_endings, "biz": "Sizce neden bizi seçmelisiniz?",
// "göndermemizde sizce bir sakınca var mı?"), nor beside an apology.
func viewQuestions(m *lint.Message, found cuesFound) []lint.Match {
	vs := found[lsYourView]
	if len(vs) == 0 || len(found[lsApology]) > 0 {
		return nil
	}
	l := m.Lang
	toks, sents := m.Tokens(), m.Sentences()
	var out []lint.Match
	for _, v := range vs {
		s := sents[sentenceOf(sents, v.Span.Start)]
		if !asks(m.Body.Text, s) {
			continue
		}
		why, sincere, last, prev := false, false, -1, -1
		for k := tokenAt(toks, s.Start); k >= 0 && k < len(toks) && toks[k].End <= s.End; k++ {
			t := toks[k]
			if t.Kind != lint.Word {
				continue
			}
			if whyWords[l][t.Norm] {
				why = true
			}
			if n := neighbour(toks, k, 1); n >= 0 && toks[n].Kind == lint.Word && viewDegree[l][t.Norm+" "+toks[n].Norm] {
				why = true
			}
			if viewSincere[l][t.Norm] {
				sincere = true
			}
			if !yourView(v, t) && ourWord(t.Norm, newsOurEndings[l]) {
				sincere = true
			}
			prev, last = last, k
		}
		if sincere || last < 0 {
			continue
		}
		// The verb asked about: the last word, or the one before a
		// question particle ("geçerli miydi", "gələcəkdimi").
		verb := toks[last].Norm
		if viewParticles[l][verb] && prev >= 0 {
			verb = toks[prev].Norm + verb
		}
		if why || len(verb) > 3 && endsWithAny(verb, viewPast[l]) {
			out = append(out, v)
		}
	}
	return out
}

// yourView reports whether a token is the cue of the customer's view
// itself ("sizin fikrinizcə").
func yourView(v lint.Match, t lint.Token) bool {
	return v.Span.Start <= t.Start && t.End <= v.Span.End
}

// ourWord reports whether a word ends with one of our endings, or with
// one and a case suffix after it (göndermemizde, ürünlerimizi), after a
// stem of three bytes at least: not an ending's letters inside a stem
// (sürükləyirsiniz).
func ourWord(w string, ours map[string]bool) bool {
	for e := range ours {
		if i := strings.LastIndex(w, e); i >= 3 && len(w)-i-len(e) <= 5 {
			return true
		}
	}
	return false
}
