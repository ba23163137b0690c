package rules

import "regexp"

// minPhoneDigits is how many digits a phone number has at least: a local
// number has seven ("960 4120"), a national or international one more.
const minPhoneDigits = 7

// dateOrHours: a date or a span of hours has the digits and separators of a
// phone number ("14.06.2027", "2027-06-14", "09.00-18.00") but reaches no
// one.
var dateOrHours = regexp.MustCompile(`^(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[.:]\d{2}\s*[-–]\s*\d{1,2}[.:]\d{2})$`)

// phoneAt reads a phone number that opens at byte i of text: a "+" or an
// opening bracket may stand before its first digit, then digits with
// spaces, dashes, dots and brackets between them, up to its last digit.
// It is one when it holds minPhoneDigits digits or more and is not a date
// or a span of hours. end is the byte after its last digit (after the
// run of digits and separators read when it is none; i when no digit
// opens it), so a scan goes on from there. Every rule that asks whether a
// text gives a phone number reads it here: the bot's route to a person,
// the promotion's "Ring 01632 960412", a forwarded number.
func phoneAt(text string, i int) (end int, ok bool) {
	j := i
	for j < len(text) && (text[j] == '+' || text[j] == '(') && j-i < 2 {
		j++
	}
	if j >= len(text) || !isASCIIDigit(text[j]) {
		return i, false
	}
	first, last, digits := j, j, 0
	for ; j < len(text); j++ {
		c := text[j]
		switch {
		case isASCIIDigit(c):
			digits++
			last = j
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '(' || c == ')' || c == '.' || c == '-':
		default:
			return phoneEnd(text, first, last, j, digits)
		}
	}
	return phoneEnd(text, first, last, j, digits)
}

// phoneEnd settles phoneAt's run of digits from first to last (run is the
// byte after the whole run of digits and separators).
func phoneEnd(text string, first, last, run, digits int) (int, bool) {
	if digits < minPhoneDigits || dateOrHours.MatchString(text[first:last+1]) {
		return run, false
	}
	return last + 1, true
}

// hasPhone reports whether a phone number stands anywhere in text.
func hasPhone(text string) bool {
	for i := 0; i < len(text); i++ {
		if c := text[i]; !isASCIIDigit(c) && c != '+' {
			continue
		}
		end, ok := phoneAt(text, i)
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
