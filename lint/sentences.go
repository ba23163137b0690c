package lint

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentences splits a text into sentence spans. A sentence ends at . ! ? or …
// (a run of them, with closing quotes and brackets) followed by white space
// and a character that is not a lower-case letter, at a blank line, or at the
// end of the text. A period does not end a sentence after a known
// abbreviation, a single letter (initials, "və s."), or a number followed by
// a lower-case word (Turkish ordinals: "4. maddesinde"). Decimals, times,
// e-mail addresses and URLs have no white space after their periods, so they
// never end one. Spans with no letter or digit are dropped.
func Sentences(text string, l Lang) []Span {
	// Room for the few sentences of a chat message in one allocation, not
	// three growing ones.
	out := sentencesInto(make([]Span, 0, 4), text, l)
	if len(out) == 0 {
		return nil
	}
	return out
}

// sentencesInto appends the sentence spans of text to out.
func sentencesInto(out []Span, text string, l Lang) []Span {
	start := 0
	emit := func(end int) {
		if s, e := trimSpace(text, start, end); hasLetterOrDigit(text[s:e]) {
			out = append(out, Span{s, e})
		}
		start = end
	}
	ends := newMayEndScan(text)
	for i := 0; i < len(text); {
		// Only a line break or . ! ? … can end a sentence: skip to one.
		i = ends.next(i)
		if i == len(text) {
			break
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			// A blank line ends a paragraph and so a sentence.
			j := i + 1
			for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
				j++
			}
			if j < len(text) && text[j] == '\n' {
				emit(i)
			}
			i += w
		case r == '.' || r == '!' || r == '?' || r == '…':
			j := i
			for j < len(text) {
				r2, w2 := utf8.DecodeRuneInString(text[j:])
				if !closesSentence(r2) {
					break
				}
				j += w2
			}
			if j < len(text) {
				next, _ := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsSpace(next) {
					i = j
					continue
				}
			}
			k := j
			for k < len(text) {
				r2, w2 := utf8.DecodeRuneInString(text[k:])
				if !unicode.IsSpace(r2) {
					break
				}
				k += w2
			}
			if k < len(text) {
				next, _ := utf8.DecodeRuneInString(text[k:])
				if IsLower(next) { // unicode.IsLower, the Latin letters from a table
					i = j
					continue
				}
				if r == '.' && j == i+1 && !periodEnds(text[:i], l) {
					i = j
					continue
				}
			}
			emit(j)
			i = j
		default:
			i += w
		}
	}
	emit(len(text))
	return out
}

// mayEnd marks the bytes a character that may end a sentence starts with:
// \n . ! ? and the first byte of …. None of them is ever inside another
// character, so the text is read a byte at a time up to one.
var mayEnd = [256]bool{'\n': true, '.': true, '!': true, '?': true, 0xe2: true} // … is e2 80 a6

// mayEndScan finds the bytes of mayEnd in a text from offsets that only
// grow: each byte's next offset is found with strings.IndexByte, whose
// vector instructions read a text many times faster than a loop over its
// bytes, and kept until the scan passes it.
type mayEndScan struct {
	text string
	at   [len(mayEndBytes)]int // each byte's next offset; len(text) for none; -1 not looked for
}

// mayEndBytes are the bytes of mayEnd.
const mayEndBytes = "\n.!?\xe2"

func newMayEndScan(text string) mayEndScan {
	s := mayEndScan{text: text}
	for k := range s.at {
		s.at[k] = -1
	}
	return s
}

// next is the offset of the first byte of mayEnd in the text from i, or
// len(text); i is never less than it was at the last call.
func (s *mayEndScan) next(i int) int {
	best := len(s.text)
	for k := range s.at {
		if s.at[k] < i {
			s.at[k] = len(s.text)
			if j := strings.IndexByte(s.text[i:], mayEndBytes[k]); j >= 0 {
				s.at[k] = i + j
			}
		}
		best = min(best, s.at[k])
	}
	return best
}

// periodEnds decides whether the period after before ends a sentence.
func periodEnds(before string, l Lang) bool {
	w := lastWord(before)
	if utf8.RuneCountInString(w) == 1 {
		return false // an initial, or "və s."
	}
	if w == "" || IsAbbreviation(l, before[:len(before)-len(w)], w) {
		return w == ""
	}
	// Dotted abbreviations such as e.g and a.m: the run of letters and
	// dots, when it is more than the word (asked again, it would be no
	// abbreviation again). It is the word itself when the word ends the
	// text and no dot comes before it: most sentences, told without
	// reading the word again.
	if c := before[len(before)-1]; c != ' ' && c != '\t' {
		if start := len(before) - len(w); start == 0 || before[start-1] != '.' {
			return true
		}
	}
	i := lastNonLetter(before, true)
	dotted := strings.Trim(before[i+1:], ".")
	return dotted == w || !IsAbbreviation(l, "", dotted)
}

// closesSentence reports the characters of a sentence's end: . ! ? … and
// the closing quotes and brackets after them.
func closesSentence(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '"', '\'', '”', '’', '»', ')', ']':
		return true
	}
	return false
}

// trimSpace is the span of text[start:end] without its leading and
// trailing white space (strings.TrimSpace's).
func trimSpace(text string, start, end int) (int, int) {
	for start < end {
		if c := text[start]; c < utf8.RuneSelf {
			if asciiKind[c] != asciiSpace {
				break
			}
			start++
			continue
		}
		r, w := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += w
	}
	for end > start {
		if c := text[end-1]; c < utf8.RuneSelf {
			if asciiKind[c] != asciiSpace {
				break
			}
			end--
			continue
		}
		r, w := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= w
	}
	return start, end
}

// hasLetterOrDigit reports whether s has a letter or a digit, telling
// ASCII ones without decoding.
func hasLetterOrDigit(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if k := asciiKind[c]; k == asciiLower || k == asciiUpper || k == asciiDigit {
				return true
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if r >= 0x100 && r < 0x2B0 || unicode.IsLetter(r) || unicode.IsDigit(r) { // U+0100 to U+02AF are letters
			return true
		}
		i += w
	}
	return false
}
