package load

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/msglint/msglint/lint"
)

// jsonFormat is a reply library, Send API body or locale tree in JSON.
var jsonFormat = &Format{
	Name: "json", Exts: []string{".json"}, Walked: true,
	Guess: func(data []byte) bool {
		_, ok := startsJSON(data)
		return ok && !jsonlFormat.Guess(data)
	},
	Unsafe: jsonUnsafe,
	Read: func(o Options, src *lint.Source) ([]*lint.Message, error) {
		root, err := parseJSON(src, src.Data, 0)
		if err != nil {
			return nil, err
		}
		return o.readTree(src, root)
	},
}

// jsonUnsafe: a JSON string needs quotes and backslashes escaped, and has no
// raw line breaks; ' # and : are held back too (see heldBack).
const jsonUnsafe = heldBack

// startsJSON tells whether data, past white space and a byte order mark,
// starts like a JSON object or list, and returns it from there.
func startsJSON(data []byte) ([]byte, bool) {
	t := bytes.TrimLeft(data, " \t\r\n\ufeff")
	return t, len(t) > 0 && (t[0] == '{' || t[0] == '[')
}

var jsonSimpleEscapes = map[byte]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

// mapJSONString maps a raw JSON string literal (with its quotes), which starts
// at file offset at, to its decoded value.
func mapJSONString(raw []byte, at int, val string) (lint.SourceMap, bool) {
	var b lint.MapBuilder
	var buf [4]byte
	p, i := 1, 0
	for p < len(raw)-1 {
		c := raw[p]
		if c != '\\' {
			if i >= len(val) || val[i] != c {
				// encoding/json replaces invalid UTF-8 with U+FFFD.
				r, w := utf8.DecodeRune(raw[p:])
				if r == utf8.RuneError && w == 1 && i+3 <= len(val) && val[i:i+3] == "\uFFFD" {
					b.Escaped(3, at+p, at+p+1)
					i, p = i+3, p+1
					continue
				}
				return lint.SourceMap{}, false
			}
			b.Verbatim(1, at+p)
			i, p = i+1, p+1
			continue
		}
		if p+1 >= len(raw) {
			return lint.SourceMap{}, false
		}
		if d, ok := jsonSimpleEscapes[raw[p+1]]; ok {
			if i >= len(val) || val[i] != d {
				return lint.SourceMap{}, false
			}
			b.Escaped(1, at+p, at+p+2)
			i, p = i+1, p+2
			continue
		}
		r, n := jsonUnicode(raw[p:])
		if n == 0 {
			return lint.SourceMap{}, false
		}
		w := utf8.EncodeRune(buf[:], r)
		if i+w > len(val) || val[i:i+w] != string(buf[:w]) {
			return lint.SourceMap{}, false
		}
		b.Escaped(w, at+p, at+p+n)
		i, p = i+w, p+n
	}
	return b.Map(), i == len(val)
}

// jsonUnicode decodes \uXXXX, or a surrogate pair of them, at the start of s.
func jsonUnicode(s []byte) (rune, int) { return unicodeEscape(s, "u") }

// unicodeEscape decodes a \uXXXX escape at the start of s (marks are the
// letters that may follow the backslash: JSON takes u, Apple's .strings u
// or U), joining a UTF-16 surrogate pair written as two escapes. It returns
// the rune and the bytes it took, 0 when s starts with no such escape; a
// lone surrogate is U+FFFD.
func unicodeEscape(s []byte, marks string) (rune, int) {
	hex := func(s []byte) (rune, bool) {
		if len(s) < 6 || s[0] != '\\' || !strings.ContainsRune(marks, rune(s[1])) {
			return 0, false
		}
		v, err := strconv.ParseUint(string(s[2:6]), 16, 16)
		return rune(v), err == nil
	}
	r, ok := hex(s)
	if !ok {
		return 0, 0
	}
	if utf16.IsSurrogate(r) {
		if r2, ok := hex(s[6:]); ok {
			if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
				return d, 12
			}
		}
		return utf8.RuneError, 6
	}
	return r, 6
}
