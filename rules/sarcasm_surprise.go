package rules

import (
	"strings"

	"github.com/msglint/msglint/lint"
)

// The word sets of a plain fact told as a surprise (see surprisedFacts and
// echoedVerdicts).
var (
	surpriseAdverbs     = sarcasmData.WordSets("surprise_adverbs")
	surpriseWords       = byFirstWord(sarcasmData.WordSets("surprise_words"))
	surpriseConceded    = byFirstWord(sarcasmData.WordSets("surprise_conceded"))
	surpriseDisclaimers = byFirstWord(sarcasmData.WordSets("surprise_disclaimers"))
	surprisePlain       = byFirstWord(sarcasmData.WordSets("surprise_plain"))
	surpriseVerdicts    = byFirstWord(sarcasmData.WordSets("surprise_verdicts"))
	surpriseGiven       = sarcasmData.WordSets("surprise_given")
)

// surprisedFacts are plain facts told as a surprise: a sentence adverb
// of surprise set off by a comma ("Amazingly, our forge doesn't open at
// midnight"), a word of surprise conceded ("We're closed on Sundays,
// shocking as it may be") or a disclaimer of surprise ("believe it or
// not", "brace yourself"), in a sentence that tells our limit or a thing
// unchanged: closed, a negation, "still". English only. Good news told
// with surprise is sincere ("Amazingly, the vase survived the fall!" has
// no limit; an exclamation is delight), and so is a question, an
// apology beside it or a promotion's.
func surprisedFacts(m *lint.Message, found cuesFound) []lint.Match {
	if surpriseDisclaimers[m.Lang] == nil || len(found[lsApology]) > 0 || m.Kind == lint.Promo {
		return nil
	}
	toks, sents, ids := m.Tokens(), m.Sentences(), m.WordIDs()
	var cues []lint.Match
	for k, t := range toks {
		if t.Kind == lint.Word && surpriseAdverbs[m.Lang][t.Norm] && setOff(toks, k) {
			cues = append(cues, lint.Match{Cue: t.Norm, Span: lint.Span{Start: t.Start, End: t.End}, First: k, Last: k})
		}
	}
	for _, w := range phrasesIn(toks, ids, surpriseWords[m.Lang]) {
		if c, ok := firstOf(phrasesIn(wordsAfter(toks, w.Last, 6), nil, surpriseConceded[m.Lang])); ok {
			if c = shifted(c, w.Last+1); c.First != neighbour(toks, w.Last, 1) {
				continue
			}
			cues = append(cues, lint.Match{Cue: w.Cue + " " + c.Cue, Span: lint.Span{Start: w.Span.Start, End: c.Span.End}, First: w.First, Last: c.Last})
		}
	}
	cues = append(cues, phrasesIn(toks, ids, surpriseDisclaimers[m.Lang])...)
	var out []lint.Match
	for _, c := range cues {
		s := sents[sentenceOf(sents, c.Span.Start)]
		text := m.Body.Text[s.Start:s.End]
		if asks(m.Body.Text, s) || strings.Contains(text, "!") {
			continue
		}
		k, end := tokenAt(toks, s.Start), tokenAt(toks, s.End)
		plain := false
		for _, p := range phrasesIn(toks[k:end], ids[k:end], surprisePlain[m.Lang]) {
			plain = plain || p.First+k < c.First || p.First+k > c.Last
		}
		if plain {
			out = append(out, c)
		}
	}
	return out
}

// setOff reports whether word k stands apart as a sentence adverb: it
// opens its sentence or follows a comma, and a comma follows it.
func setOff(toks []lint.Token, k int) bool {
	n := neighbour(toks, k, 1)
	if n < 0 || toks[n].Norm != "," {
		return false
	}
	p := neighbour(toks, k, -1)
	return p < 0 || toks[p].Norm == "," || sentenceStart(toks, k)
}

// echoedVerdicts are verdicts of surprise after the customer's complaint
// echoed back as a short question: "Too loud? For a drum? Astonishing.",
// "Melted? In July? Unheard of." The verdict is a sentence of its own,
// alone or with what makes the fact obvious after a comma
// ("Surprising, with no pegs in"), and the sentence before it a question
// of six words at most. English only. A question followed by our help
// ("Too slow? It might be the humidity") has no verdict; not beside an
// apology ("Blew away? So sorry …"), nor in a promotion ("New flavours?
// Amazing.").
func echoedVerdicts(m *lint.Message, found cuesFound) []lint.Match {
	if surpriseVerdicts[m.Lang] == nil || len(found[lsApology]) > 0 || m.Kind == lint.Promo {
		return nil
	}
	toks, sents := m.Tokens(), m.Sentences()
	var out []lint.Match
	for i := 1; i < len(sents); i++ {
		prev := sents[i-1]
		if !asks(m.Body.Text, prev) || wordsIn(toks, prev) > 6 {
			continue
		}
		k, end := tokenAt(toks, sents[i].Start), tokenAt(toks, sents[i].End)
		v, ok := firstOf(phrasesIn(toks[k:end], m.WordIDs()[k:end], surpriseVerdicts[m.Lang]))
		if !ok || v.First != 0 {
			continue
		}
		v = shifted(v, k)
		n := neighbour(toks, v.Last, 1)
		alone := n < 0 || toks[n].End > sents[i].End || toks[n].Norm == "." || toks[n].Norm == "!"
		if !alone && toks[n].Norm == "," {
			g := neighbour(toks, n, 1)
			alone = g >= 0 && surpriseGiven[m.Lang][toks[g].Norm]
		}
		if alone {
			out = append(out, v)
		}
	}
	return out
}
