package rules

import (
	"slices"

	"github.com/msglint/msglint/lint"
)

// The word sets of a belief asked about (see expectedAsked).
var (
	expectedOpeners    = byFirstWord(sarcasmData.WordSets("expected_openers"))
	expectedStressed   = sarcasmData.WordSets("expected_stressed")
	expectedVerbs      = sarcasmData.WordSets("expected_verbs")
	expectedWould      = sarcasmData.WordSets("expected_would")
	expectedSkip       = sarcasmData.WordSets("expected_skip")
	expectedPlain      = sarcasmData.WordSets("expected_plain")
	expectedPlainVerbs = sarcasmData.WordSets("expected_plain_verbs")
	expectedHelp       = byFirstWord(sarcasmData.WordSets("expected_help"))
)

// expectedAsked are the questions that ask whether the customer really
// believed what was bound to fail: a sentence that opens with "did you" or
// "would you" and a verb of believing or expecting, and ends with "?":
// with "really", "honestly" or the like before the verb ("Did you really
// expect the paint to dry in the rain?"), or, for a plain "did you think"
// (only that verb, only "did you"), a clause with "would" after it ("Did
// you think the tyre would pump itself up?"). English only. A plain "Did
// you expect a parcel today?" or "Did you assume the plan would renew?"
// asks, and so does any plain question that our help follows ("Did you
// think the discount would apply? … let me fix that", "we can cancel
// it"); "think about" or "think of" suggests.
func expectedAsked(m *lint.Message, found cuesFound) []lint.Match {
	if expectedOpeners[m.Lang] == nil || len(found[lsApology]) > 0 {
		return nil
	}
	toks, sents := m.Tokens(), m.Sentences()
	var out []lint.Match
	for _, o := range phrasesIn(toks, m.WordIDs(), expectedOpeners[m.Lang]) {
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
		if !stressed && expectedPlain[m.Lang][o.Cue] && expectedPlainVerbs[m.Lang][toks[v].Norm] && !helped(m, found, sents[i].End) {
			for k := v + 1; k < len(toks) && toks[k].End <= sents[i].End; k++ {
				would = would || expectedWould[m.Lang][toks[k].Norm]
			}
		}
		if stressed || would {
			out = append(out, lint.Match{Cue: o.Cue, Span: lint.Span{Start: o.Span.Start, End: toks[v].End}, First: o.First, Last: v})
		}
	}
	return out
}

// helped reports whether our help follows offset off in the message: a
// promise or a remedy ("we can cancel it"), or "let me".
func helped(m *lint.Message, found cuesFound, off int) bool {
	after := func(ms []lint.Match) bool {
		return slices.ContainsFunc(ms, func(j lint.Match) bool { return j.Span.Start >= off })
	}
	toks := m.Tokens()
	return after(found[lsPromise]) || after(found[lsRemedy]) || after(phrasesIn(toks, m.WordIDs(), expectedHelp[m.Lang]))
}
