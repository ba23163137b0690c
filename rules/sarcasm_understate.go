package rules

import (
	"strings"

	"github.com/msglint/msglint/lint"
)

// Understatement of the customer's act, by language (see understated).
var (
	understateHedges = sarcasmData.WordSets("understate_hedges")
	understateFinal  = sarcasmData.WordSets("understate_final")
	understateEnds   = sarcasmData.WordSets("understate_final_endings")
	understatePerf   = sarcasmData.WordSets("understate_perfect")
)

// understated are the customer's acts (a verbal noun with their
// possessive, act_endings: istemeniz, yazmağınız) played down after the
// fact: a hedge after the act in its clause (understate_hedges: belki,
// bir tık, bir balaca) and the clause ended by a judgment of what has
// been (understate_final: olmuştur, sayılabilir, idi; or a verb with one
// of understate_final_endings: uzatmıştır, yarada bilərdi; or "olabilir"
// after a perfect, understate_perfect: "uzatmış olabilir"). "Kırk kutuyu
// bir saatte istemeniz belki bir tık iddialı olmuştur." What may yet
// happen is advice ("Adresi değiştirmeniz teslimatı biraz uzatabilir");
// not beside an apology.
func (c customer) understated(m *lint.Message, found cuesFound) []lint.Match {
	l := m.Lang
	if understateHedges[l] == nil || len(found[lsApology]) > 0 {
		return nil
	}
	acts := c.ending(m, found, lsEndsAct)
	if len(acts) == 0 {
		return nil
	}
	toks := m.Tokens()
	hedges := understateHedges[l]
	var out []lint.Match
	for _, a := range acts {
		if a.Last < 0 {
			continue
		}
		hedged, prev, prev2 := false, -1, -1
		// A comma may set the act apart ("… istemeniz, belki küçük bir
		// aksaklık sayılabilir"); a hyphen joins a word (qeyri-adi).
		k := neighbour(toks, a.Last, 1)
		if k >= 0 && toks[k].Norm == "," {
			k = neighbour(toks, k, 1)
		}
		for ; k >= 0 && (toks[k].Kind == lint.Word || toks[k].Norm == "-"); k = neighbour(toks, k, 1) {
			if toks[k].Kind != lint.Word {
				continue
			}
			w := toks[k].Norm
			if hedges[w] {
				hedged = true
			}
			if n := neighbour(toks, k, 1); n >= 0 && toks[n].Kind == lint.Word && hedges[w+" "+toks[n].Norm] {
				hedged = true
			}
			prev2, prev = prev, k
		}
		// k is the clause's end: a comma, a semicolon, a full stop.
		if !hedged || prev < 0 || prev2 < 0 || k >= 0 && !strings.ContainsAny(toks[k].Norm, ",;.!") {
			continue
		}
		last, before := toks[prev].Norm, toks[prev2].Norm
		if understateFinal[l][last] || endsWithAny(last, understateEnds[l]) ||
			last == "olabilir" && endsWithAny(before, understatePerf[l]) {
			out = append(out, lint.Match{Cue: a.Cue, Span: lint.Span{Start: a.Span.Start, End: toks[prev].End}, First: a.First, Last: prev})
		}
	}
	return out
}
