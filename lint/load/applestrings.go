package load

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"path/filepath"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/msglint/msglint/lint"
)

// appleStringsFormat is an Apple .strings file (tr.lproj/Localizable.strings):
// "key" = "value"; pairs with C comments, in UTF-8 or, as Xcode long wrote
// them, UTF-16 with a byte order mark. Base.lproj and en.lproj hold the
// source strings.
var appleStringsFormat = &Format{
	Name: "strings", Exts: []string{".strings"}, Walked: true,
	Unsafe:   appleStringsUnsafe,
	Comments: &lint.Comments{Line: []string{"//"}, Block: [][2]string{{"/*", "*/"}}},
	Read: func(o Options, src *lint.Source) ([]*lint.Message, error) {
		if text, ok := decodeUTF16(src.Data); ok {
			// Positions count characters, which UTF-16 and UTF-8 agree
			// on; Fixes writes the fixed text back as UTF-16.
			src.Data = text
		}
		d := doc{src}
		strs, err := parseAppleStrings(d)
		if err != nil {
			return nil, err
		}
		lang, err := appleLang(o, src.Path)
		if err != nil {
			return nil, err
		}
		return o.localeMessages(src, lang, printfSyntax, strs), nil
	},
}

// appleStringsUnsafe: a quoted string needs quotes and backslashes escaped;
// line breaks and tabs are written as \n and \t.
const appleStringsUnsafe = "\"\\\n\r\t"

// appleLang is the language of tr.lproj/…; Base.lproj is the source language
// (--lang, else English).
func appleLang(o Options, path string) (lint.Lang, error) {
	l, err := localeOf(path)
	if err == nil {
		return l, nil
	}
	if _, ok := OtherLocale(err); ok {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	if filepath.Base(filepath.Dir(path)) == "Base.lproj" {
		if o.Lang != "" {
			return o.Lang, nil
		}
		return lint.English, nil
	}
	return "", &lint.InputError{Path: path, Msg: err.Error()}
}

// parseAppleStrings reads "key" = "value"; pairs; keys may be bare words.
func parseAppleStrings(d doc) ([]localeString, error) {
	data := d.src.Data
	p := 0
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		p = 3
	}
	var out []localeString
	skip := func() error {
		for p < len(data) {
			switch {
			case isXMLSpace(data[p]):
				p++
			case bytes.HasPrefix(data[p:], []byte("//")):
				for p < len(data) && data[p] != '\n' {
					p++
				}
			case bytes.HasPrefix(data[p:], []byte("/*")):
				e := bytes.Index(data[p+2:], []byte("*/"))
				if e < 0 {
					return d.errAt(p, "invalid .strings: comment not closed")
				}
				p += 2 + e + 2
			default:
				return nil
			}
		}
		return nil
	}
	token := func(what string) (lint.Field, int, error) {
		at := p
		if p < len(data) && data[p] == '"' {
			f, end, err := appleQuoted(d, p)
			p = end
			return f, at, err
		}
		for p < len(data) && (isXMLName(data[p]) && data[p] != ':' || data[p] == '$') {
			p++
		}
		if p == at {
			return lint.Field{}, at, d.errAt(at, "invalid .strings: expected a quoted %s", what)
		}
		return lint.Field{Text: string(data[at:p]), Map: lint.LinearMap(p-at, at)}, at, nil
	}
	expect := func(c byte, what string) error {
		if err := skip(); err != nil {
			return err
		}
		if p >= len(data) || data[p] != c {
			return d.errAt(p, "invalid .strings: expected %q %s", string(c), what)
		}
		p++
		return nil
	}
	for {
		if err := skip(); err != nil {
			return nil, err
		}
		if p >= len(data) {
			return out, nil
		}
		key, at, err := token("key")
		if err != nil {
			return nil, err
		}
		if err := expect('=', "after the key"); err != nil {
			return nil, err
		}
		if err := skip(); err != nil {
			return nil, err
		}
		val, _, err := token("value")
		if err != nil {
			return nil, err
		}
		if err := expect(';', "after the value"); err != nil {
			return nil, err
		}
		out = append(out, localeString{id: key.Text, key: key.Text, text: val, off: at})
	}
}

// appleQuoted reads a quoted string at p: \" \\ \n \t \r and \U or \u with
// four hex digits are escapes, and a backslash before any other character
// stands for that character.
func appleQuoted(d doc, p int) (lint.Field, int, error) {
	data := d.src.Data
	var b lint.MapBuilder
	var text []byte
	q := p + 1
	for q < len(data) {
		switch c := data[q]; c {
		case '"':
			return lint.Field{Text: string(text), Map: b.Map()}, q + 1, nil
		case '\\':
			if q+1 >= len(data) {
				return lint.Field{}, 0, d.errAt(q, "invalid .strings: string not closed")
			}
			e := data[q+1]
			dec, n := map[byte]string{'"': "\"", '\\': "\\", 'n': "\n", 't': "\t", 'r': "\r", '\'': "'"}[e], 2
			if e == 'U' || e == 'u' {
				r, w := appleUnicode(data[q:])
				if w == 0 {
					return lint.Field{}, 0, d.errAt(q, "invalid .strings: \\%c needs four hex digits", e)
				}
				dec, n = string(r), w
			}
			if dec == "" {
				// Apple's reader takes any other escaped character as
				// itself: Swift's \(name) in a key reads as (name).
				_, w := utf8.DecodeRune(data[q+1:])
				dec, n = string(data[q+1:q+1+w]), 1+w
			}
			b.Escaped(len(dec), q, q+n)
			text = append(text, dec...)
			q += n
		default:
			b.Verbatim(1, q)
			text = append(text, c)
			q++
		}
	}
	return lint.Field{}, 0, d.errAt(p, "invalid .strings: string not closed")
}

// decodeUTF16 turns UTF-16 text with a byte order mark into UTF-8.
func decodeUTF16(data []byte) ([]byte, bool) {
	var order binary.ByteOrder
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		order = binary.LittleEndian
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		order = binary.BigEndian
	default:
		return nil, false
	}
	units := make([]uint16, 0, len(data)/2)
	for i := 2; i+1 < len(data); i += 2 {
		units = append(units, order.Uint16(data[i:]))
	}
	return []byte(string(utf16.Decode(units))), true
}

// encodeUTF16 writes UTF-8 text as UTF-16 with the byte order mark of like,
// the file it was read from.
func encodeUTF16(text, like []byte) []byte {
	var order binary.AppendByteOrder = binary.LittleEndian
	if bytes.HasPrefix(like, []byte{0xfe, 0xff}) {
		order = binary.BigEndian
	}
	out := append([]byte{}, like[:2]...)
	for _, u := range utf16.Encode([]rune(string(text))) {
		out = order.AppendUint16(out, u)
	}
	return out
}

// appleUnicode decodes \Uxxxx (or \uxxxx) at the start of s, and a second
// one after it when the two make a surrogate pair.
func appleUnicode(s []byte) (rune, int) { return unicodeEscape(s, "uU") }
