package rules

import (
	"strings"

	"github.com/msglint/msglint/lint"
)

// Understatement of the customer's act, by language (see understated).
var (
	understateHedges = sarcasmData.WordSets("understate_hedges")
	understateFinal  = sarcasmData.WordSets("understate_final")
	understateLight  = sarcasmData.WordSets("understate_light")
	understatePerf   = sarcasmData.WordSets("understate_perfect")
	// understateHedgeWords flags the words a hedge needs: a hedge of one
	// word, or the last of one of two ("tık" of "bir tık").
	understateHedgeWords = func() langFlags {
		sets := map[lint.Lang]map[string]bool{}
		for l, hs := range understateHedges {
			sets[l] = map[string]bool{}
			for h := range hs {
				ws := strings.Fields(h)
				sets[l][ws[len(ws)-1]] = true
			}
		}
		return setFlagsOf(sets)
	}()
)

// understated are the customer's acts (a verbal noun with their
// possessive, act_endings: istemeniz, yazmağınız) played down after the
// fact: a hedge after the act in its clause (understate_hedges: belki,
// bir tık, bir balaca) and the clause ended by a copula that judges the
// act as something (understate_final: olmuştur, idi: "Kumaşı bir gün
// önce getirmeniz belki bir tık aceleci bir plan olmuştur"), or by
// "olabilir" after a perfect with a hedge stacked on a hedge ("belki bir
// parça uzatmış olabilir"). The irony is in the judgment, not the tense:
// what the act did, told once hedged, is a delay explained ("Adresi
// değiştirmeniz teslimatı biraz uzatmıştır", "… biraz geciktirmiş
// olabilir"), and so is a copula of cause or help (understate_light:
// "biraz gecikmeye sebep olmuştur"); what may yet happen is advice
// ("… dikişi biraz uzatabilir"); not beside an apology.
func (c *customer) understated(m *lint.Message, found cuesFound) []lint.Match {
	l := m.Lang
	if understateHedges[l] == nil || len(found[lsApology]) > 0 || !understateHedgeWords.anyWord(m) {
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
		hedged, prev, prev2 := 0, -1, -1
		// A comma may set the act apart ("… istemeniz, belki bir tık
		// iddialı olmuştur"); a hyphen joins a word (qeyri-adi).
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
				hedged++
			} else if n := neighbour(toks, k, 1); n >= 0 && toks[n].Kind == lint.Word && hedges[w+" "+toks[n].Norm] {
				hedged++
			}
			prev2, prev = prev, k
		}
		// k is the clause's end: a comma, a semicolon, a full stop.
		if hedged == 0 || prev < 0 || prev2 < 0 || k >= 0 && !strings.ContainsAny(toks[k].Norm, ",;.!") {
			continue
		}
		last, before := toks[prev].Norm, toks[prev2].Norm
		if understateFinal[l][last] && !understateLight[l][before] ||
			last == "olabilir" && hedged > 1 && endsWithAny(before, understatePerf[l]) {
			out = append(out, lint.Match{Cue: a.Cue, Span: lint.Span{Start: a.Span.Start, End: toks[prev].End}, First: a.First, Last: prev})
		}
	}
	return out
}
