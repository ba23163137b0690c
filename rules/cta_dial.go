package rules

import (
	"strings"
	"unicode"

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
// ring"), right before a phone number, a run of digits (spaces, dashes and
// a leading "+" allowed) of seven digits or more ("Ring 01632 960412 to
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
		end, ok := phoneNumberEnd(m.Body.Text, toks, neighbour(toks, i, 1))
		if !ok {
			continue
		}
		if !opens || !ctaDialNouns[m.Lang][t.Norm] {
			return true
		}
		// "Phone 01632 960412 stays the same": a label or a subject unless
		// a purpose, a time or "!" follows the number.
		if next := neighbour(toks, end-1, 1); next >= 0 && (toks[next].Kind == lint.Word && ctaDialAfter[m.Lang][toks[next].Norm] ||
			toks[next].Kind == lint.Punct && strings.HasPrefix(toks[next].Norm, "!")) {
			return true
		}
	}
	return false
}

// phoneNumberEnd reports whether a phone number opens at token i: seven
// digits or more, in numbers joined by spaces, dashes, dots or
// brackets, a "+" allowed before the first; end is the index after its
// last token.
func phoneNumberEnd(text string, toks []lint.Token, i int) (end int, ok bool) {
	digits, last := 0, i
	for j := i; j >= 0 && j < len(toks); j++ {
		t := toks[j]
		s := text[t.Start:t.End]
		switch {
		case t.Kind == lint.Space:
			if j == i {
				return 0, false
			}
			continue
		case t.Kind == lint.Punct && (s == "+" && digits == 0 || s == "-" || s == "(" || s == ")" || s == "."):
		case t.Kind == lint.Number:
			digits += countDigits(s)
		default:
			return last + 1, digits >= 7
		}
		last = j
	}
	return last + 1, digits >= 7
}

// countDigits is the number of decimal digits in s.
func countDigits(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsDigit(r) {
			n++
		}
	}
	return n
}
