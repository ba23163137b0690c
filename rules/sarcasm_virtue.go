package rules

import (
	"github.com/msglint/msglint/lint"
)

// The word sets of a virtue praised (see virtueActs).
var (
	virtues       = byFirstWord(sarcasmData.WordSets("virtues"))
	virtueOpeners = sarcasmData.WordSets("virtue_openers")
	virtueVerbs   = sarcasmData.WordSets("virtue_verbs")
)

// virtueActs are virtues praised in a sentence's opening words and then
// shown by an act after a comma, as a gerund: "Such patience, waiting a
// full three minutes …", "Impressive attention to detail, noticing the
// sign after the pizza". English only. The act told as the proof of a
// virtue mocks it when a word of praise or the customer's "your" stands
// before the virtue (virtue_openers); without one the words are a list
// ("Planning, packing and shipping are included") or our own practice
// ("Our commitment, delivering within 24 hours, …"), and a sentence that
// goes on with the virtue as its subject (", … is what makes our jackets
// last") tells, not mocks. A virtue thanked for ("Thank you for your
// patience, …") or beside an apology is sincere, and so is a
// promotion's praise.
func virtueActs(m *lint.Message, found cuesFound) []lint.Match {
	return notIn(m, virtueActsAny(m, found), lint.Promo)
}

// virtueActsAny is virtueActs for a message of any kind.
func virtueActsAny(m *lint.Message, found cuesFound) []lint.Match {
	if virtues[m.Lang] == nil || len(found[lsApology]) > 0 {
		return nil
	}
	toks, sents := m.Tokens(), m.Sentences()
	var out []lint.Match
	for _, v := range phrasesIn(toks, m.WordIDs(), virtues[m.Lang]) {
		i := sentenceOf(sents, v.Span.Start)
		if wordsIn(toks, lint.Span{Start: sents[i].Start, End: v.Span.End}) > 7 || inSentence(sents, found[lsGratitude], i) {
			continue
		}
		praised := false
		for p := neighbour(toks, v.First, -1); p >= 0 && toks[p].Start >= sents[i].Start; p = neighbour(toks, p, -1) {
			praised = praised || virtueOpeners[m.Lang][toks[p].Norm]
		}
		c := neighbour(toks, v.Last, 1)
		if !praised || c < 0 || toks[c].Norm != "," {
			continue
		}
		g := neighbour(toks, c, 1)
		if g < 0 || toks[g].Kind != lint.Word || !gerund(m.Lang, toks[g].Norm) {
			continue
		}
		subject := false
		for k := neighbour(toks, g, 1); k >= 0 && toks[k].End <= sents[i].End; k = neighbour(toks, k, 1) {
			if toks[k].Norm == "," {
				n := neighbour(toks, k, 1)
				subject = subject || n >= 0 && virtueVerbs[m.Lang][toks[n].Norm]
			}
		}
		if !subject {
			out = append(out, v)
		}
	}
	return out
}
