package rules

import (
	"slices"
	"strings"

	"github.com/msglint/msglint/lint"
)

// The word sets of understatement (see understatedActs).
var (
	understatedCopulas   = byFirstWord(sarcasmData.WordSets("understated_copulas"))
	understatedHedges    = byFirstWord(sarcasmData.WordSets("understated_hedges"))
	understatedJudgments = byFirstWord(sarcasmData.WordSets("understated_judgments"))
	understatedPlain     = byFirstWord(sarcasmData.WordSets("understated_plain"))
	understatedOurs      = sarcasmData.WordSets("understated_ours")
	gerundSkip           = sarcasmData.WordSets("gerund_skip")
)

// understatedActs are the understatements that judge an act named by a
// gerund opening its sentence, after the fact ("Leaving the box on a
// radiator overnight …"): after a past copula ("was", "may have been"),
// at most eight words on, a hedge, and after it a judgment of daring or
// excess ("a touch risky", "slightly ambitious") or a negated superlative
// ("perhaps not the gentlest idea"). English only. The present ("Hiking
// the ridge is a little risky after rain") is advice about what may yet
// happen, an act of ours ("… was a rather bold step for our team") is no
// mockery, and a judgment without a hedge is praise or advice as often
// ("Booking early was a smart choice", "… was not the best idea"); not
// beside an apology, nor in a promotion.
func understatedActs(m *lint.Message, found cuesFound) []lint.Match {
	return notIn(m, understatedActsAny(m, found), lint.Promo)
}

// understatedActsAny is understatedActs for a message of any kind.
func understatedActsAny(m *lint.Message, found cuesFound) []lint.Match {
	if understatedCopulas[m.Lang] == nil || len(found[lsApology]) > 0 {
		return nil
	}
	toks := m.Tokens()
	var out []lint.Match
	for _, s := range m.Sentences() {
		k := tokenAt(toks, s.Start)
		if k >= len(toks) || toks[k].Kind != lint.Word || !gerund(m.Lang, toks[k].Norm) {
			continue
		}
		end := k
		for end < len(toks) && toks[end].End <= s.End {
			end++
		}
		sent := toks[k:end]
		if slices.ContainsFunc(sent, func(t lint.Token) bool { return understatedOurs[m.Lang][t.Norm] }) {
			continue
		}
		for _, c := range phrasesIn(sent, m.WordIDs()[k:end], understatedCopulas[m.Lang]) {
			rest := wordsAfter(sent, c.Last, 8)
			h, ok := firstOf(phrasesIn(rest, nil, understatedHedges[m.Lang]))
			if !ok {
				continue
			}
			after := rest[h.Last+1:]
			if j, ok := firstOf(append(phrasesIn(after, nil, understatedPlain[m.Lang]), phrasesIn(after, nil, understatedJudgments[m.Lang])...)); ok {
				out = append(out, shifted(j, k+c.Last+1+h.Last+1))
				break
			}
		}
	}
	return out
}

// gerund reports whether a word may be a verb's -ing form naming an act:
// five letters or more ("using") and none of the nouns and prepositions that end so
// ("morning", "during", "nothing").
func gerund(l lint.Lang, w string) bool {
	return len(w) >= 5 && strings.HasSuffix(w, "ing") && !gerundSkip[l][w]
}

// wordsAfter are the tokens after token i up to n words on.
func wordsAfter(toks []lint.Token, i, n int) []lint.Token {
	j := i + 1
	for words := 0; j < len(toks); j++ {
		if toks[j].Kind == lint.Word {
			if words == n {
				break
			}
			words++
		}
	}
	return toks[i+1 : j]
}

// firstOf is the first of the matches, if any.
func firstOf(ms []lint.Match) (lint.Match, bool) {
	if len(ms) == 0 {
		return lint.Match{}, false
	}
	return ms[0], true
}

// shifted is a match found in a slice of the tokens from token off on,
// with its token indexes made the message's.
func shifted(mt lint.Match, off int) lint.Match {
	mt.First += off
	mt.Last += off
	return mt
}
