package rules

import "regexp"

// phoneRule is how a rule tells a phone number from other digits. The
// rules that read numbers do not agree, and each keeps its own measure:
// a bot's route to a person and a forwarded number need eight characters
// from the first digit to the last (a grouped "61 23 45" counts, a bare
// "4839201" does not, so an order number is no line to a person), and
// only the bot's route leaves dates and spans of hours out.
type phoneRule struct {
	minSpan int  // bytes from the first digit to the last, both counted
	dates   bool // a date or a span of hours is no number
}

var (
	// botPhone: a route to a person in a bot's reply.
	botPhone = phoneRule{minSpan: 8, dates: true}
	// forwardPhone: a number given in a forwarding sentence.
	forwardPhone = phoneRule{minSpan: 8}
)

// dateOrHours: a date or a span of hours has the digits and separators of a
// phone number ("14.06.2027", "2027-06-14", "09.00-18.00") but reaches no
// one.
var dateOrHours = regexp.MustCompile(`^(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[.:]\d{2}\s*[-–]\s*\d{1,2}[.:]\d{2})$`)

// phoneAt reads a phone number that opens at byte i of text: a "+" may
// stand before its first digit, then digits with spaces, dashes, dots and
// brackets between them, up to its last digit. It is one when it spans
// r.minSpan bytes or more and, under r.dates, is not a date or a span of
// hours. end is the byte after its last digit (after the run of digits
// and separators read when it is none; i when no digit opens it), so a
// scan goes on from there.
func phoneAt(text string, i int, r phoneRule) (end int, ok bool) {
	j := i
	if j < len(text) && text[j] == '+' {
		j++
	}
	if j >= len(text) || !isASCIIDigit(text[j]) {
		return i, false
	}
	first, last := j, j
	for ; j < len(text); j++ {
		c := text[j]
		switch {
		case isASCIIDigit(c):
			last = j
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '(' || c == ')' || c == '.' || c == '-':
		default:
			return phoneEnd(text, first, last, j, r)
		}
	}
	return phoneEnd(text, first, last, j, r)
}

// phoneEnd settles phoneAt's run of digits from first to last (run is the
// byte after the whole run of digits and separators).
func phoneEnd(text string, first, last, run int, r phoneRule) (int, bool) {
	if last+1-first < r.minSpan || r.dates && dateOrHours.MatchString(text[first:last+1]) {
		return run, false
	}
	return last + 1, true
}

// hasPhone reports whether a phone number, as r reads one, stands
// anywhere in text.
func hasPhone(text string, r phoneRule) bool {
	for i := 0; i < len(text); i++ {
		if c := text[i]; !isASCIIDigit(c) && c != '+' {
			continue
		}
		end, ok := phoneAt(text, i, r)
		if ok {
			return true
		}
		if end > i {
			i = end - 1
		}
	}
	return false
}

func isASCIIDigit(c byte) bool { return '0' <= c && c <= '9' }
