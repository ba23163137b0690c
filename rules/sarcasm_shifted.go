package rules

import (
	"github.com/msglint/msglint/lint"
)

// The word sets of blame shifted onto us (see shiftedBlame).
var (
	shiftedOpeners = byFirstWord(sarcasmData.WordSets("shifted_openers"))
	shiftedLead    = sarcasmData.WordSets("shifted_lead")
	shiftedDenials = byFirstWord(sarcasmData.WordSets("shifted_denials"))
)

// shiftedBlame is the cause shifted onto us or the product with the
// customer's own act denied as its cause: a sentence opened by a word of
// the obvious ("Obviously", "Clearly", "Of course", after "oh", "yes" or
// "well" at most) and later in it the real cause denied ("…, and not
// because it spent the winter in a pond", "… and had nothing to do with
// the piano you carried up it"). English only. Blame we take in earnest
// comes with an apology or a remedy ("Clearly the fault was ours, not
// because of anything you did; we'll replace it").
func shiftedBlame(m *lint.Message, found cuesFound) []lint.Match {
	if shiftedOpeners[m.Lang] == nil || len(found[lsApology]) > 0 || len(found[lsRemedy]) > 0 {
		return nil
	}
	toks, sents, ids := m.Tokens(), m.Sentences(), m.WordIDs()
	var out []lint.Match
	for _, o := range phrasesIn(toks, ids, shiftedOpeners[m.Lang]) {
		if !opensSentence(toks, o.First) {
			p := neighbour(toks, o.First, -1)
			if p >= 0 && toks[p].Norm == "," {
				p = neighbour(toks, p, -1)
			}
			if p < 0 || !shiftedLead[m.Lang][toks[p].Norm] || !opensSentence(toks, p) {
				continue
			}
		}
		s := sents[sentenceOf(sents, o.Span.Start)]
		if asks(m.Body.Text, s) {
			continue
		}
		end := tokenAt(toks, s.End)
		if o.Last+1 >= end {
			continue
		}
		if _, ok := firstOf(phrasesIn(toks[o.Last+1:end], ids[o.Last+1:end], shiftedDenials[m.Lang])); ok {
			out = append(out, o)
		}
	}
	return out
}
