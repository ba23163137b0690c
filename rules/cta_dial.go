package rules

import (
	"strings"

	"github.com/msglint/msglint/lint"
)

// ctaDialVerbs: the verbs of phoning (en dial_verbs: "ring", "phone",
// "dial") that tell the customer to call when a phone number follows them.
var ctaDialVerbs = ctaData.WordSets("dial_verbs")

// ctaDialNouns and ctaDialAfter: the dial verbs that also label a number
// (dial_nouns) and the words after the number that make them tell
// (dial_after).
var ctaDialNouns, ctaDialAfter = ctaData.WordSets("dial_nouns"), ctaData.WordSets("dial_after")

// dialed reports whether a promotion tells the customer to phone a number:
// one of dial_verbs opening a sentence, or after one of before ("just
// ring"), right before a phone number (phoneAt) ("Ring 01632 960412 to
// book", "Phone +44 1632 960588"). Without the number the verb is as often
// a noun ("Phone cases are half price", "Ring sizes run small"), and a
// number after a noun is a fact ("Phone: 01632 960412").
func (g ctaGrammar) dialed(m *lint.Message) bool {
	verbs := ctaDialVerbs[m.Lang]
	if verbs == nil {
		return false
	}
	toks := m.Tokens()
	for i, t := range toks {
		if t.Kind != lint.Word || !verbs[t.Norm] {
			continue
		}
		prev := neighbour(toks, i, -1)
		opens := prev < 0 || sentenceStart(toks, i)
		if !(opens || toks[prev].Kind == lint.Word && g.before[m.Lang][toks[prev].Norm]) {
			continue
		}
		at := neighbour(toks, i, 1)
		if at < 0 {
			continue
		}
		end, ok := phoneAt(m.Body.Text, toks[at].Start)
		if !ok {
			continue
		}
		if !opens || !ctaDialNouns[m.Lang][t.Norm] {
			return true
		}
		// "Phone 01632 960412 stays the same": a label or a subject unless
		// a purpose, a time or "!" follows the number.
		next := at
		for next < len(toks) && toks[next].Start < end {
			next++
		}
		if next = neighbour(toks, next-1, 1); next >= 0 && (toks[next].Kind == lint.Word && ctaDialAfter[m.Lang][toks[next].Norm] ||
			toks[next].Kind == lint.Punct && strings.HasPrefix(toks[next].Norm, "!")) {
			return true
		}
	}
	return false
}
