package rules

import (
	"strings"

	"github.com/msglint/msglint/lint"
)

// The ordinals a count set off reads (see countedAside).
var ordinalCounted = sarcasmData.WordSets("ordinal_counted")

// countedAside is a count of times set off in its sentence: "for the"
// with an ordinal from the fourth on and "time", opening its sentence or
// after a comma, and a comma, a colon or the sentence's end after it
// ("For the sixth time, the bakery opens at 8", "Noted, for the ninth
// time.", three words of a time at most before it: "For the fourth time
// this week, …"). English only. A count that goes on in its clause tells a
// status ("voted the best in town for the fourth time", "rescheduled for
// the fifth time because of the storm"); not exclaimed, nor beside an
// apology or in a promotion.
func countedAside(m *lint.Message, found cuesFound) []lint.Match {
	if ordinalCounted[m.Lang] == nil || len(found[lsApology]) > 0 || m.Kind == lint.Promo {
		return nil
	}
	toks, sents := m.Tokens(), m.Sentences()
	var out []lint.Match
	for k, t := range toks {
		if t.Kind != lint.Word || t.Norm != "for" {
			continue
		}
		the := neighbour(toks, k, 1)
		ord := neighbour(toks, the, 1)
		tm := neighbour(toks, ord, 1)
		if the < 0 || ord < 0 || tm < 0 || toks[the].Norm != "the" || !ordinalCounted[m.Lang][toks[ord].Norm] || toks[tm].Norm != "time" {
			continue
		}
		if p := neighbour(toks, k, -1); !sentenceStart(toks, k) && (p < 0 || toks[p].Norm != ",") {
			continue
		}
		s := sents[sentenceOf(sents, t.Start)]
		if strings.Contains(m.Body.Text[s.Start:s.End], "!") {
			continue
		}
		if !asideEnds(toks, tm, s) {
			continue
		}
		out = append(out, lint.Match{Cue: "for the " + toks[ord].Norm + " time", Span: lint.Span{Start: t.Start, End: toks[tm].End}, First: k, Last: tm})
	}
	return out
}

// asideEnds reports whether the aside that ends with token i closes
// within three more words of a time ("this week", "today"): a comma, a
// colon or the end of sentence s.
func asideEnds(toks []lint.Token, i int, s lint.Span) bool {
	for words := 0; ; words++ {
		n := neighbour(toks, i, 1)
		if n < 0 || toks[n].End > s.End || strings.ContainsAny(toks[n].Norm, ",:.?") {
			return true
		}
		if toks[n].Kind != lint.Word || words == 3 {
			return false
		}
		i = n
	}
}
