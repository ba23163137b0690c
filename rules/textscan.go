package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Small text scans the rules share, written for the common case: a few
// bytes compared where the standard library's general function decodes
// every rune.

// lastCurlyQuoteOpens reports whether the last of s's curly and angle
// double quotes opens (“ « „) rather than closes (” »): what comparing
// strings.LastIndexAny of each kind tells, read back from the end byte by
// byte (a quote is found by its last byte) instead of rune by rune.
func lastCurlyQuoteOpens(s string) bool {
	for i := len(s) - 1; i >= 1; i-- {
		switch s[i] {
		case 0x9C, 0x9D, 0x9E: // “ ” „: E2 80 9C, 9D, 9E
			if i >= 2 && s[i-1] == 0x80 && s[i-2] == 0xE2 {
				return s[i] != 0x9D
			}
		case 0xAB, 0xBB: // « »: C2 AB, C2 BB
			if s[i-1] == 0xC2 {
				return s[i] == 0xAB
			}
		}
	}
	return false
}

// lastField is the last of strings.Fields(s), "" if it has none: the
// text after the last white space once trailing space is cut, without
// splitting the whole of s.
func lastField(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	i := strings.LastIndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return s
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return s[i+n:]
}
