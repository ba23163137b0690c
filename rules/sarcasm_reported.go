package rules

import (
	"slices"
	"strings"

	"github.com/msglint/msglint/lint"
)

var (
	lsKnowBetter   = sarcasmListOf("know_better")
	reportedOwn    = sarcasmData.WordSets("reported_own")
	helplessCues   = sarcasmData.WordSets("helpless_cues")
	helplessBare   = sarcasmData.WordSets("helpless_bare")
	helplessObject = sarcasmData.WordSets("helpless_object")
	dutyCues       = sarcasmData.WordSets("duty_cues")
)

// accountsGiven drops from the cues of knowing better an explaining "how"
// that tells what happened: a past tense at most four words after it in
// its clause, not after "to" ("thanks for explaining how the wheel
// broke"). The customer's account of a mishap is no lesson in our trade
// ("explaining how a lighting desk works", "how to cut tiles"); nor is
// what we did or should have done ("how we should have packed it",
// reported_own), and no account stands beside mock praise of the lesson
// ("So illuminating"). It also drops feigned helplessness (helplessCues:
// "we'd never have guessed") that goes on with what we would not have
// guessed ("… the part number from the description"): a tip thanked for
// helped; only the bare clause ("We'd never have guessed.", "… without
// you", "… on our own") or one after thanks for being told a fact
// ("thanks for pointing out that …") mocks.
func (c *customer) accountsGiven(m *lint.Message, found cuesFound) {
	if len(found[lsKnowBetter]) == 0 {
		return
	}
	toks := m.Tokens()
	found[lsKnowBetter] = slices.DeleteFunc(found[lsKnowBetter], func(k lint.Match) bool {
		if helplessCues[m.Lang][k.Cue] {
			return !helplessBareAt(m, toks, k) && !toldFact(toks, found, k)
		}
		if c.past[m.Lang] == nil || k.Last < 0 || toks[k.Last].Norm != "how" || len(found[lsEnlightened]) > 0 {
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
			if reportedOwn[m.Lang][t.Norm] {
				return false
			}
			if prev != "to" && c.past[m.Lang][pastStem(t.Norm)] {
				return true
			}
			prev, words = t.Norm, words+1
		}
		return false
	})
}

// helplessBareAt reports whether the helplessness k ends its clause, after
// an "it out" or "that out" ("we'd never have figured it out"), or goes
// on only with a word of helplessBare ("without you", "on our own").
func helplessBareAt(m *lint.Message, toks []lint.Token, k lint.Match) bool {
	n := neighbour(toks, k.Last, 1)
	if n >= 0 && helplessObject[m.Lang][toks[n].Norm] {
		if o := neighbour(toks, n, 1); o >= 0 && toks[o].Norm == "out" {
			n = neighbour(toks, o, 1)
		}
	}
	return n < 0 || toks[n].Kind == lint.Punct && strings.ContainsAny(toks[n].Norm, ".!;") || helplessBare[m.Lang][toks[n].Norm]
}

// toldFact reports whether a thanks before the helplessness k is for
// being told a fact: a "that" between them ("thanks for pointing out
// that windmills need wind").
func toldFact(toks []lint.Token, found cuesFound, k lint.Match) bool {
	for _, t := range found[lsThanks] {
		if t.Last < 0 || t.Last >= k.First {
			continue
		}
		for n := t.Last + 1; n < k.First; n++ {
			if toks[n].Norm == "that" {
				return true
			}
		}
	}
	return false
}

// dutiesCompared drops a duty called "about as optional as" the obvious
// (dutyCues) unless a word in -ing follows (a gerund, "closing" too) ("Oiling the tracks is about as
// optional as brushing your teeth") and its sentence does not ask ("Is
// the warranty about as optional as the insurance?" compares).
func dutiesCompared(m *lint.Message, found cuesFound) {
	if dutyCues[m.Lang] == nil || len(found[lsMarkers]) == 0 {
		return
	}
	toks, sents := m.Tokens(), m.Sentences()
	found[lsMarkers] = slices.DeleteFunc(found[lsMarkers], func(k lint.Match) bool {
		if !dutyCues[m.Lang][k.Cue] {
			return false
		}
		g := neighbour(toks, k.Last, 1)
		return g < 0 || toks[g].Kind != lint.Word || len(toks[g].Norm) < 5 || !strings.HasSuffix(toks[g].Norm, "ing") || asks(m.Body.Text, sents[sentenceOf(sents, k.Span.Start)])
	})
}
