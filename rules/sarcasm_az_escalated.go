package rules

import (
	"strings"

	"github.com/msglint/msglint/lint"
)

// The word sets of a yes that escalates (see azEscalated); Azerbaijani
// only, keyed az_escalated_*.
var (
	azEscalatedLeads     = sarcasmData.WordSets("az_escalated_leads")
	azEscalatedPromises  = sarcasmData.WordSets("az_escalated_promise_endings")
	azEscalatedNotOurs   = sarcasmData.WordSets("az_escalated_not_ours_endings")
	azEscalatedAdditives = sarcasmData.WordSets("az_escalated_additives")
	azEscalatedStack     = sarcasmData.WordSets("az_escalated_stack")
	azEscalatedAfter     = sarcasmData.WordSets("az_escalated_after")
	azEscalatedAblatives = sarcasmData.WordSets("az_escalated_ablatives")
	azEscalatedCaveats   = sarcasmData.WordSets("az_escalated_caveats")
	azEscalatedMore      = sarcasmData.WordSets("az_escalated_more")
	azEscalatedHave      = sarcasmData.WordSets("az_escalated_have")
)

// azEscalated is mock compliance that piles one promise on another: a
// sentence opened by a yes (granted_openers: əlbəttə, təbii ki; after
// "bəli," or "hə," at most, az_escalated_leads) that goes on, to its end
// or a semicolon, with our own promises in the first person plural
// (az_escalated_promise_endings: the aorist, future and optative,
// çatdırarıq, hazırlayacağıq, dəmləyək; not an infinitive nor the third
// person's future, az_escalated_not_ours_endings: etmək, uçacaq), the
// additive "da/də" after what is added, and the words that stack one thing
// on another (az_escalated_stack: üstəlik, hətta, həm; "sonra" as "then",
// not after an ablative, "kremasiyadan sonra"), and a short question with
// no verb that asks for more (az_escalated_more: "Başqa arzunuz?",
// "…, başqa nə?") counts twice. Four or more of them mock: "Əlbəttə,
// mebeli beşinci mərtəbəyə əlimizdə qaldıraq, üstəlik pərdələri də
// asaq, nahar da bişirək." One promise and one thing added is a sincere
// offer ("Əlbəttə, noutbuku təmir edərik, klaviaturanı da pulsuz
// təmizləyərik"), and so is a yes with a caveat (az_escalated_caveats:
// amma, ancaq, əgər) or a closing question that asks with a verb or
// "var" ("Başqa sualınız var?"). Not in a promotion nor beside an
// apology; a sentence with a listed escalation (escalation: "hətta
// üstünə") is the compliance frame's. Word sets, not cue lists: the
// learnt scorer does not read them.
func azEscalated(m *lint.Message, found cuesFound) []lint.Match {
	l := m.Lang
	if azEscalatedPromises[l] == nil || grantedOpeners[l] == nil || m.Kind == lint.Promo || len(found[lsApology]) > 0 {
		return nil
	}
	toks, sents := m.Tokens(), m.Sentences()
	var out []lint.Match
	for i, sent := range sents {
		// Only a sentence's first word, or its second after a lead and a
		// comma, may open the yes: a look at one or two words a sentence.
		o, ok := azEscalatedOpener(toks, sent, grantedOpeners[l], azEscalatedLeads[l])
		// A listed escalation ("hətta üstünə") is told by its own frame.
		if !ok || inSentence(sents, found[lsEscalation], i) {
			continue
		}
		c := neighbour(toks, o.Last, 1)
		if c < 0 || toks[c].Norm != "," {
			continue
		}
		score, promised, caveat := 0, false, false
		prev := ""
		k := neighbour(toks, c, 1)
		for ; k >= 0 && toks[k].End <= sent.End; k = neighbour(toks, k, 1) {
			t := toks[k]
			if t.Kind != lint.Word {
				if t.Norm == ";" {
					break
				}
				prev = ""
				continue
			}
			w := t.Norm
			switch {
			case azEscalatedCaveats[l][w]:
				caveat = true
			case azEscalatedAdditives[l][w] || azEscalatedStack[l][w]:
				score++
			case azEscalatedAfter[l][w]:
				if !endsWithAny(prev, azEscalatedAblatives[l]) {
					score++
				}
			case azEscalatedMore[l][w] && azEscalatedAsksMore(m, toks, k, sent, azEscalatedHave[l]):
				score += 2
			case azEscalatedPromise(w, azEscalatedPromises[l], azEscalatedNotOurs[l]):
				score++
				promised = true
			}
			prev = w
		}
		if caveat || !promised {
			continue
		}
		// A short question that asks for more follows the sentence.
		if i+1 < len(sents) {
			if f := tokenAt(toks, sents[i+1].Start); f < len(toks) && toks[f].Kind == lint.Word && azEscalatedMore[l][toks[f].Norm] &&
				azEscalatedAsksMore(m, toks, f, sents[i+1], azEscalatedHave[l]) {
				score += 2
			}
		}
		if score >= 4 {
			out = append(out, o)
		}
	}
	return out
}

// azEscalatedOpener finds the yes that opens sentence s (granted_openers,
// a phrase of one or more words), or follows one lead word and a comma
// there ("Bəli, əlbəttə, …").
func azEscalatedOpener(toks []lint.Token, s lint.Span, openers *firstWords, leads map[string]bool) (lint.Match, bool) {
	f := tokenAt(toks, s.Start)
	if f >= len(toks) || toks[f].Kind != lint.Word {
		return lint.Match{}, false
	}
	if leads[toks[f].Norm] {
		c := neighbour(toks, f, 1)
		if c < 0 || toks[c].Norm != "," {
			return lint.Match{}, false
		}
		if f = neighbour(toks, c, 1); f < 0 || toks[f].Kind != lint.Word {
			return lint.Match{}, false
		}
	}
	var best lint.Match
	found := false
	for _, words := range openers.by[toks[f].Norm] {
		last, ok := f, true
		for _, w := range words[1:] {
			if last = neighbour(toks, last, 1); last < 0 || toks[last].Kind != lint.Word || toks[last].Norm != w {
				ok = false
				break
			}
		}
		if ok && (!found || last > best.Last) { // the longest: "əlbəttə ki", not "əlbəttə"
			best = lint.Match{Cue: strings.Join(words, " "), Span: lint.Span{Start: toks[f].Start, End: toks[last].End}, First: f, Last: last}
			found = true
		}
	}
	return best, found
}

// azEscalatedAsksMore reports whether the word at k ("başqa") opens a
// question of at most three words to the end of its sentence s, none of
// them a verb of having or a verb ending like a promise: "Başqa arzunuz?",
// "başqa nə?", not "Başqa sualınız var?".
func azEscalatedAsksMore(m *lint.Message, toks []lint.Token, k int, s lint.Span, have map[string]bool) bool {
	if !asks(m.Body.Text, s) {
		return false
	}
	if p := neighbour(toks, k, -1); p >= 0 && toks[p].Start >= s.Start && toks[p].Kind == lint.Word {
		return false // inside a clause: "… başqa rəng də seçə bilərsiniz?"
	}
	words := 0
	for j := k; j >= 0 && toks[j].End <= s.End; j = neighbour(toks, j, 1) {
		if toks[j].Kind != lint.Word {
			if strings.ContainsAny(toks[j].Norm, ",;") {
				return false
			}
			continue
		}
		words++
		if words > 3 || have[toks[j].Norm] {
			return false
		}
	}
	return true
}

// azEscalatedPromise reports whether w is our own promise: it ends with
// one of the first person plural's endings and not with an ending of
// another's (an infinitive, the third person's future).
func azEscalatedPromise(w string, ours, notOurs map[string]bool) bool {
	if endsWithAny(w, notOurs) {
		return false
	}
	for e := range ours {
		if len(w) >= len(e)+2 && strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}
