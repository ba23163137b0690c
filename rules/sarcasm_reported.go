package rules

import (
	"slices"
	"strings"

	"github.com/msglint/msglint/lint"
)

var lsKnowBetter = sarcasmListOf("know_better")

// accountsGiven drops from the cues of knowing better an explaining "how"
// that tells what happened: a past tense at most four words after it in
// its clause, not after "to" ("thanks for explaining how the wheel
// broke"). The customer's account of a mishap is no lesson in our trade
// ("explaining how a lighting desk works", "how to cut tiles").
func (c customer) accountsGiven(m *lint.Message, found cuesFound) {
	if c.past[m.Lang] == nil || len(found[lsKnowBetter]) == 0 {
		return
	}
	toks := m.Tokens()
	found[lsKnowBetter] = slices.DeleteFunc(found[lsKnowBetter], func(k lint.Match) bool {
		if k.Last < 0 || toks[k.Last].Norm != "how" {
			return false
		}
		prev, words := "", 0
		for n := neighbour(toks, k.Last, 1); n >= 0 && words < 4; n = neighbour(toks, n, 1) {
			t := toks[n]
			if t.Kind == lint.Punct && strings.ContainsAny(t.Norm, ".,;:!?") {
				return false
			}
			if t.Kind != lint.Word {
				continue
			}
			if prev != "to" && c.past[m.Lang][pastStem(t.Norm)] {
				return true
			}
			prev, words = t.Norm, words+1
		}
		return false
	})
}
