package report

import (
	"math/bits"
	"strconv"
	"unicode/utf8"
)

// The JSON and SARIF writers append their fixed schemas by hand, in the
// bytes encoding/json's Encoder with SetEscapeHTML(false) and a two-space
// indent writes, without its reflection and its indent pass over each value.

const hexDigits = "0123456789abcdef"

// twoDigits are 00 to 99, each as two bytes.
const twoDigits = "00010203040506070809" + "10111213141516171819" + "20212223242526272829" +
	"30313233343536373839" + "40414243444546474849" + "50515253545556575859" + "60616263646566676869" +
	"70717273747576777879" + "80818283848586878889" + "90919293949596979899"

// AppendJSONString appends s as a JSON string, escaped as encoding/json
// escapes it without HTML escaping: quotes, backslashes and control
// characters; each byte of invalid UTF-8 as \ufffd; U+2028 and U+2029 (they
// end a line in JavaScript).
func AppendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	i := plainJSONPrefix(s)
	if i == len(s) {
		// Most strings (a rule's name, a file's, a word): copied
		// whole.
		dst = append(dst, s...)
		return append(dst, '"')
	}
	start := 0
	for i < len(s) {
		// Eight bytes at a time while none needs a second look: no
		// control character, quote, backslash or byte of a multi-byte
		// character; else straight to the first of them that does.
		if i+8 <= len(s) {
			look := jsonLooks(load64(s[i : i+8]))
			if look == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(look) / 8
		} else if b := s[i]; plainJSONByte[b] {
			i++
			continue
		}
		b := s[i]
		// A letter of two bytes (every letter of Turkish and
		// Azerbaijani that ASCII lacks) is valid and copied as it
		// is: told here, as utf8.DecodeRuneInString would, without
		// a call.
		if 0xC2 <= b && b <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			i += 2
			continue
		}
		if b < utf8.RuneSelf {
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case c == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case c == '\u2028' || c == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[c&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// plainJSONPrefix is how many of s's first bytes AppendJSONString is
// sure to copy as they are: all of them, or as far as the first eight
// bytes that need a second look.
func plainJSONPrefix(s string) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if !plainJSON(load64(s[i : i+8])) {
			return i
		}
	}
	if i == len(s) {
		return i
	}
	if len(s) >= 8 {
		// The last bytes, fewer than eight: the last eight, read again
		// from before them, answer for them at once.
		if plainJSON(load64(s[len(s)-8:])) {
			return len(s)
		}
		return i
	}
	for i < len(s) && plainJSONByte[s[i]] {
		i++
	}
	return i
}

// plainJSONByte are the bytes AppendJSONString copies as they are, one at
// a time: ASCII from 0x20 on, but '"' and '\\'.
var plainJSONByte = func() (set [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		set[c] = c != '"' && c != '\\'
	}
	return set
}()

// plainJSON reports eight bytes that AppendJSONString copies as they are:
// each of them ASCII, from 0x20 on, and neither '"' nor '\\'.
func plainJSON(w uint64) bool { return jsonLooks(w) == 0 }

// jsonLooks marks, by its high bit, each of eight bytes that
// AppendJSONString must look at: a control character, '"', '\\', a byte of
// a multi-byte character. A byte above one of them may be marked too (a
// borrow runs upward), the first marked never: it is the first to look
// at.
func jsonLooks(w uint64) uint64 {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	zero := func(v uint64) uint64 { return (v - ones) & ^v & high } // high bit of each zero byte
	return (w | (w - 0x20*ones) | zero(w^'"'*ones) | zero(w^'\\'*ones)) & high
}

// load64 reads eight bytes of s as a little-endian word, one load.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// appendDecimal is strconv.AppendInt(dst, int64(v), 10), digit by digit
// from the end into a small buffer: a finding's line and column are a few
// digits each, four a finding, and strconv's general path was most of
// writing them.
func appendDecimal(dst []byte, v int) []byte {
	if v < 0 {
		return strconv.AppendInt(dst, int64(v), 10)
	}
	// A line or a column of up to three digits, most of them, is
	// appended digit by digit: copying a few bytes from the buffer was a
	// call of its own.
	switch {
	case v < 10:
		return append(dst, byte('0'+v))
	case v < 100:
		return append(dst, byte('0'+v/10), byte('0'+v%10))
	case v < 1000:
		return append(dst, byte('0'+v/100), byte('0'+v/10%10), byte('0'+v%10))
	}
	var buf [20]byte
	i := len(buf)
	u := uint64(v)
	// Two digits a division while there are more than two: a line of a
	// large export has six or seven.
	for u >= 100 {
		d := u % 100 * 2
		u /= 100
		i -= 2
		buf[i], buf[i+1] = twoDigits[d], twoDigits[d+1]
	}
	for u >= 10 {
		i--
		buf[i] = byte('0' + u%10)
		u /= 10
	}
	i--
	buf[i] = byte('0' + u)
	return append(dst, buf[i:]...)
}

// appendField appends `,\n<indent>"name": ` (without the comma for the
// first field of an object).
func appendField(dst []byte, indent, name string, first bool) []byte {
	if !first {
		dst = append(dst, ',')
	}
	dst = append(dst, '\n')
	dst = append(dst, indent...)
	dst = append(dst, '"')
	dst = append(dst, name...)
	return append(dst, '"', ':', ' ')
}

func appendStringField(dst []byte, indent, name, value string, first bool) []byte {
	return AppendJSONString(appendField(dst, indent, name, first), value)
}

func appendIntField(dst []byte, indent, name string, value int) []byte {
	return strconv.AppendInt(appendField(dst, indent, name, false), int64(value), 10)
}
