package load

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
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

// parseJSON reads one JSON value from data, which starts at file offset base.
// encoding/json does the parsing; this adds where each string came from.
func parseJSON(src *lint.Source, data []byte, base int) (*node, error) {
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		data, base = data[3:], base+3
	}
	p := &jsonParser{d: doc{src}, data: data, base: base, dec: json.NewDecoder(bytes.NewReader(data))}
	p.dec.UseNumber()
	n, err := p.value(0)
	if err != nil {
		return nil, err
	}
	after := p.next(int(p.dec.InputOffset()))
	if _, err := p.dec.Token(); err != io.EOF {
		return nil, p.d.errAt(base+after, "invalid JSON: unexpected data after the top-level value")
	}
	return n, nil
}

type jsonParser struct {
	d    doc
	data []byte
	base int
	dec  *json.Decoder
}

const maxDepth = 200

// next skips the white space and separators json.Decoder consumes before a token.
func (p *jsonParser) next(off int) int {
	for off < len(p.data) {
		switch p.data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
		default:
			return off
		}
	}
	return off
}

func (p *jsonParser) fail(err error) error {
	// json.Decoder's offsets are relative to where it last buffered; a plain
	// Unmarshal of the same bytes says exactly where the first fault is.
	var se *json.SyntaxError
	off := len(p.data)
	var raw json.RawMessage
	if uerr := json.Unmarshal(p.data, &raw); errors.As(uerr, &se) {
		err, off = uerr, max(int(se.Offset)-1, 0)
	}
	msg := err.Error()
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) || strings.HasPrefix(msg, "unexpected end of JSON") {
		msg, off = "unexpected end of input", len(p.data)
	}
	return p.d.errAt(p.base+off, "invalid JSON: %s", msg)
}

func (p *jsonParser) value(depth int) (*node, error) {
	if depth > maxDepth {
		return nil, p.d.errAt(p.base+int(p.dec.InputOffset()), "invalid JSON: nested more than %d levels", maxDepth)
	}
	prev := int(p.dec.InputOffset())
	tok, err := p.dec.Token()
	if err != nil {
		return nil, p.fail(err)
	}
	start := p.next(prev)
	n := &node{off: p.base + start}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n.kind = mapNode
			for p.dec.More() {
				k, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				if n.get(k.value) != nil {
					return nil, p.d.errAt(k.off, "duplicate key %q", k.value)
				}
				v, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.keys, n.vals = append(n.keys, k), append(n.vals, v)
			}
		case '[':
			n.kind = seqNode
			for p.dec.More() {
				v, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.items = append(n.items, v)
			}
		}
		if _, err := p.dec.Token(); err != nil { // the closing delimiter
			return nil, p.fail(err)
		}
	case string:
		end := int(p.dec.InputOffset())
		n.kind, n.str, n.value = scalarNode, true, t
		m, ok := mapJSONString(p.data[start:end], p.base+start, t)
		if !ok {
			m = lint.PointMap(len(t), p.base+start, p.base+end)
		}
		n.smap = m
	case json.Number, bool:
		n.kind = scalarNode
		n.value = string(p.data[start:int(p.dec.InputOffset())])
	case nil:
		n.kind = nullNode
	}
	return n, nil
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
func jsonUnicode(s []byte) (rune, int) {
	hex := func(s []byte) (rune, bool) {
		if len(s) < 6 || s[0] != '\\' || s[1] != 'u' {
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
