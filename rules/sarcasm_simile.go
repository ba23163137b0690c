package rules

import (
	"github.com/msglint/msglint/lint"
)

// The word sets of a simile of the obvious (see shruggedSimiles).
var (
	simileHedges = byFirstWord(sarcasmData.WordSets("simile_hedges"))
	simileTurns  = sarcasmData.WordSets("simile_turns")
	simileShrugs = byFirstWord(sarcasmData.WordSets("simile_shrugs"))
)

// shruggedSimiles are similes of the obvious with a shrug after them: a
// hedge and "as … as" ("about as quiet as a brass band"), then "but" or
// "yet" later in the sentence and a word of shrugging consent after it
// ("…, but enjoy", "…, but sure, it's your party"). English only. A
// simile that describes goes on with what follows from it ("It's about as
// tall as a chair, so it fits under most desks") or with a fact ("…, but
// it holds four cups"), and a question compares; not beside an apology.
func shruggedSimiles(m *lint.Message, found cuesFound) []lint.Match {
	if simileHedges[m.Lang] == nil || len(found[lsApology]) > 0 {
		return nil
	}
	toks, sents := m.Tokens(), m.Sentences()
	var out []lint.Match
	for _, h := range phrasesIn(toks, m.WordIDs(), simileHedges[m.Lang]) {
		a := neighbour(toks, h.Last, 1)
		if a < 0 || toks[a].Norm != "as" {
			continue
		}
		adj := neighbour(toks, a, 1)
		as := neighbour(toks, adj, 1)
		if adj < 0 || as < 0 || toks[adj].Kind != lint.Word || toks[as].Norm != "as" {
			continue
		}
		s := sents[sentenceOf(sents, h.Span.Start)]
		if asks(m.Body.Text, s) {
			continue
		}
		end := tokenAt(toks, s.End)
		for k := neighbour(toks, as, 1); k >= 0 && k < end; k = neighbour(toks, k, 1) {
			if simileTurns[m.Lang][toks[k].Norm] {
				if len(phrasesIn(toks[k:end], m.WordIDs()[k:end], simileShrugs[m.Lang])) > 0 {
					out = append(out, lint.Match{Cue: h.Cue + " as " + toks[adj].Norm + " as", Span: lint.Span{Start: h.Span.Start, End: toks[as].End}, First: h.First, Last: as})
				}
				break
			}
		}
	}
	return out
}
