package rules

import (
	"github.com/msglint/msglint/lint"
)

// The word sets of a belief asked about (see expectedAsked).
var (
	expectedOpeners  = byFirstWord(sarcasmData.WordSets("expected_openers"))
	expectedStressed = sarcasmData.WordSets("expected_stressed")
	expectedVerbs    = sarcasmData.WordSets("expected_verbs")
	expectedWould    = sarcasmData.WordSets("expected_would")
	expectedSkip     = sarcasmData.WordSets("expected_skip")
	expectedPlain    = sarcasmData.WordSets("expected_plain")
)

// expectedAsked are the questions that ask whether the customer really
// believed what was bound to fail: a sentence that opens with "did you" or
// "would you" and a verb of believing or expecting, and ends with "?":
// with "really", "honestly" or the like before the verb ("Did you really
// expect the paint to dry in the rain?"), or, for a plain "did you think",
// a clause with "would" after it ("Did you think the tyre would pump
// itself up?"; "did you" only, not "would you"). A plain "Did you expect a parcel today?" asks; "think
// about" or "think of" suggests.
func expectedAsked(m *lint.Message, found cuesFound) []lint.Match {
	if expectedOpeners[m.Lang] == nil || len(found[lsApology]) > 0 {
		return nil
	}
	toks, sents := m.Tokens(), m.Sentences()
	var out []lint.Match
	for _, o := range phrasesIn(toks, expectedOpeners[m.Lang]) {
		i := sentenceOf(sents, o.Span.Start)
		if tokenAt(toks, sents[i].Start) != o.First || !asks(m.Body.Text, sents[i]) {
			continue
		}
		v := neighbour(toks, o.Last, 1)
		stressed := v >= 0 && expectedStressed[m.Lang][toks[v].Norm]
		if stressed {
			v = neighbour(toks, v, 1)
		}
		if v < 0 || !expectedVerbs[m.Lang][toks[v].Norm] {
			continue
		}
		if n := neighbour(toks, v, 1); n < 0 || expectedSkip[m.Lang][toks[n].Norm] {
			continue
		}
		would := false
		for k := v + 1; !stressed && expectedPlain[m.Lang][o.Cue] && k < len(toks) && toks[k].End <= sents[i].End; k++ {
			would = would || expectedWould[m.Lang][toks[k].Norm]
		}
		if stressed || would {
			out = append(out, lint.Match{Cue: o.Cue, Span: lint.Span{Start: o.Span.Start, End: toks[v].End}, First: o.First, Last: v})
		}
	}
	return out
}
