package rules

import (
	"strings"

	"github.com/msglint/msglint/lint"
)

// The ordinals a count set off reads, and the words of a record or an
// event of ours (see countedAside).
var (
	ordinalCounted = sarcasmData.WordSets("ordinal_counted")
	countedRecords = byFirstWord(sarcasmData.WordSets("counted_records"))
	lsAskingTold   = sarcasmListOf("asking")
)

// countedAside is a count of times set off in its sentence: "for the"
// with an ordinal from the fourth on and "time", opening its sentence or
// after a comma, and a comma, a colon or the sentence's end after it
// ("For the sixth time: the bakery opens at 8", "Noted, for the ninth
// time.", three words of a time at most before it: "For the fourth time
// this week, …"). English only. A count that goes on in its clause tells a
// status ("voted the best in town for the fourth time", "rescheduled for
// the fifth time because of the storm"), and so does a record or an event
// of ours counted in a sentence that speaks of us and not of the customer
// ("For the fourth time, our bakery has been voted the best in town",
// "For the fifth time this year, we're running our free repair café"), or
// with a word of a record or an event (counted_records: voted, won,
// hosting); not exclaimed, nor beside an apology or in a promotion.
func countedAside(m *lint.Message, found cuesFound) []lint.Match {
	return notIn(m, countedAsideAny(m, found), lint.Promo)
}

// countedAsideAny is countedAside for a message of any kind.
func countedAsideAny(m *lint.Message, found cuesFound) []lint.Match {
	if ordinalCounted[m.Lang] == nil || len(found[lsApology]) > 0 {
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
		if !asideEnds(toks, tm, s) || ownRecord(m, s) || !repeatedAnswer(m, found, k, tm, s) {
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

// ownRecord reports whether sentence s tells a record or an event of ours:
// it speaks of us and not of the customer, or it holds a word of a record
// or an event.
func ownRecord(m *lint.Message, s lint.Span) bool {
	toks := m.Tokens()
	k, end := tokenAt(toks, s.Start), tokenAt(toks, s.End)
	if len(phrasesIn(toks[k:end], m.WordIDs()[k:end], countedRecords[m.Lang])) > 0 {
		return true
	}
	ours, theirs := false, false
	for _, t := range toks[k:end] {
		switch t.Norm {
		case "we", "we're", "we've", "we'll", "our", "ours":
			ours = true
		case "you", "your", "you've", "you're", "yours", "you'd", "you'll":
			theirs = true
		}
	}
	return ours && !theirs
}

// repeatedAnswer reports whether the count from token first to last, in
// sentence s, goes with an answer given again: the count is all the
// sentence says ("Noted, for the ninth time."), a colon follows it ("For
// the sixth time: …"), the sentence opens with "yes" or "no", holds a verb
// of asking or telling ("Thanks for telling us, for the fourth time, …")
// or speaks to the customer ("For the fifth time, your parcel is at the
// depot"). A
// count before a fact of the world with none of these is as often a
// series ("For the tenth time, the festival returns to the harbour").
func repeatedAnswer(m *lint.Message, found cuesFound, first, last int, s lint.Span) bool {
	toks := m.Tokens()
	k, end := tokenAt(toks, s.Start), tokenAt(toks, s.End)
	n := neighbour(toks, last, 1)
	for n >= 0 && n < end && toks[n].Kind == lint.Word {
		n = neighbour(toks, n, 1)
	}
	if n < 0 || n >= end || toks[n].Norm == ":" || toks[n].Norm == "." || toks[n].Norm == "?" {
		return true
	}
	if f := neighbour(toks, k-1, 1); f >= 0 && f < first && (toks[f].Norm == "yes" || toks[f].Norm == "no") {
		return true
	}
	for _, a := range found[lsAskingTold] {
		if a.Span.Start >= s.Start && a.Span.End <= s.End {
			return true
		}
	}
	for _, t := range toks[k:end] {
		switch t.Norm {
		case "you", "your", "you've", "you're", "yours", "you'd", "you'll":
			return true
		}
	}
	return false
}
