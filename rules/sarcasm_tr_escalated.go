package rules

import (
	"slices"
	"strings"

	"github.com/msglint/msglint/lint"
)

// Mock compliance escalated, by language (see escalated).
var (
	escalatedAdditive = sarcasmData.WordSets("escalated_additive")
	escalatedMore     = sarcasmData.WordSets("escalated_more")
	escalatedAdding   = sarcasmData.WordSets("escalated_adding")
	escalatedAsked    = sarcasmData.WordSets("escalated_asked")
	escalatedYours    = sarcasmData.WordSets("escalated_yours")
)

// escalated is mock compliance that offers more on top: a sentence opened
// by a word of agreement (agreed_openers, in its first two words), whose
// first clause, two words at least, grants the request, and a later clause
// that adds one more thing (the additive particle, escalated_additive: "…
// da", "… de") and ends in our own promise (promise_endings: ekleyelim,
// getiririz), or asks whether to (a question particle after our verb, or
// escalated_asked: "ister misiniz"), marked as more than was asked: by a
// word of "on top" (escalated_more: yanına, üstüne, ek olarak) or a verb of
// adding or giving for free (escalated_adding: ekle-, hediye et-).
// "Tabii, …, yanına bir vinç de hediye edelim mi?". A second service told
// plainly or offered ("…, klavyeyi de ücretsiz temizleriz", "…, kışlık
// lastikleri de takalım mı?") is an offer, and so is adding the customer's own thing (escalated_yours, their
// possessive with the accusative: "yanına da faturanızı ekleriz"); not
// beside an apology. A sentence the escalation list already marks ("hatta
// üstüne") is left to the compliance × escalation frame.
func (c customer) escalated(m *lint.Message, found cuesFound) []lint.Match {
	l := m.Lang
	openers, additive := agreedOpeners[l], escalatedAdditive[l]
	if openers == nil || additive == nil || len(found[lsApology]) > 0 {
		return nil
	}
	toks := m.Tokens()
	var out []lint.Match
	var clause []int // the words of the clause being read
	for i, t := range toks {
		if t.Kind != lint.Word || !openers[t.Norm] || !agreedOpens(toks, i) {
			continue
		}
		granted, later := 0, false
		clause = clause[:0]
		end := -1
		for k := neighbour(toks, i, 1); ; k = neighbour(toks, k, 1) {
			stop := k < 0 || toks[k].Kind == lint.Punct && strings.ContainsAny(toks[k].Norm, ".!?")
			if stop || toks[k].Kind == lint.Punct && strings.ContainsAny(toks[k].Norm, ",;:") {
				if later && c.escalatedClause(m, toks, clause) {
					end = clause[len(clause)-1]
					break
				}
				if granted >= 2 {
					later = true
				}
				clause = clause[:0]
				if stop {
					break
				}
				continue
			}
			if toks[k].Kind != lint.Word {
				continue
			}
			if !later && toks[k].Norm != "ki" {
				granted++
			}
			clause = append(clause, k)
		}
		if end < 0 {
			continue
		}
		// The escalation frame's own cue ("hatta üstüne") is told by it.
		within := func(e lint.Match) bool { return e.Span.Start >= t.Start && e.Span.End <= toks[end].End }
		if !slices.ContainsFunc(found[lsEscalation], within) && !slices.ContainsFunc(found[lsEscalationAsked], within) {
			out = append(out, lint.Match{Cue: t.Norm, Span: lint.Span{Start: t.Start, End: toks[end].End}, First: i, Last: end})
		}
	}
	return out
}

// escalatedClause reports whether a clause (its words' indices) adds one
// more thing on top of what was granted (see escalated).
func (c customer) escalatedClause(m *lint.Message, toks []lint.Token, clause []int) bool {
	l := m.Lang
	n := len(clause)
	if n < 3 {
		return false
	}
	w := func(j int) string { return toks[clause[j]].Norm }
	verb := n - 1
	switch {
	case escalatedAsked[l][w(n-2)+" "+w(n-1)]: // "ister misiniz"
		verb = n - 2
	case questionParticles[l][w(n-1)]:
		verb = n - 2
		if !endsWithAny(w(verb), c.promiseEndings[l]) {
			return false
		}
	case !endsWithAny(w(verb), c.promiseEndings[l]):
		return false
	}
	added, more := false, false
	for j := 0; j < verb; j++ {
		x := w(j)
		if endsWithAny(x, escalatedYours[l]) {
			return false // the customer's own thing: "yanına da faturanızı ekleriz"
		}
		if escalatedAdditive[l][x] {
			added = true
		}
		if escalatedMore[l][x] || j+1 < n && escalatedMore[l][x+" "+w(j+1)] {
			more = true
		}
	}
	if startsWithAny(w(verb), escalatedAdding[l]) || verb > 0 && startsWithAny(w(verb-1), escalatedAdding[l]) {
		more = true
	}
	return added && more
}
