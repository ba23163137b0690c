package load

// The parser msglint used before it had its own: encoding/json's
// Decoder.Token, token by token. The fuzz test holds the new parser to it:
// the same tree, the same values and source maps, the same errors.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/msglint/msglint/lint"
)

// parseJSONReference reads one JSON value from data, which starts at file offset base.
// encoding/json does the parsing; this adds where each string came from.
func parseJSONReference(src *lint.Source, data []byte, base int) (*node, error) {
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		data, base = data[3:], base+3
	}
	p := &refParser{d: doc{src}, data: data, base: base, dec: json.NewDecoder(bytes.NewReader(data))}
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

type refParser struct {
	d    doc
	data []byte
	base int
	dec  *json.Decoder
}

// next skips the white space and separators json.Decoder consumes before a token.
func (p *refParser) next(off int) int {
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

func (p *refParser) fail(err error) error {
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

func (p *refParser) value(depth int) (*node, error) {
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

// FuzzParseJSON holds the parser to encoding/json: for any bytes, the same
// tree, values, offsets and source maps as a parse through Decoder.Token,
// or the same error (placed at the same line and column); and every string
// is the one json.Unmarshal reads.
func FuzzParseJSON(f *testing.F) {
	for _, s := range []string{
		`{"text":"a","id":"m1","n":-1.5e3,"b":true,"c":false,"d":null,"e":[1,{"f":"g"}]}`,
		`{"text":"\ud83d\ude00 \u00e7 \\ \" \/ \b\f\n\r\t \ud800 \udc00x \ud800\u0041"}`,
		"{\"text\":\"\xff\xef\x41 \xc3\"}", "{\"text\":\"şə \xc3\x28 \xc1\x80 \xc0\xaf \xdf\xbf \x80 \xc2\"}", `{"a":1,"a":2}`, `{"a":1,"a" x}`, `[1,2,]`, `{"a":1,}`, `{} x`, `{},`,
		`123abc`, `1.`, `-`, `01`, `"abc"x`, `[1 2]`, `{"a" 1}`, `{]`, `[}`, "", "   ", "\ufeff{}", `{"a":"b`,
		`{"a":"\u12"}`, `{"a":"\x"}`, "{\"a\":\"\x01\"}", `tru`, `nulll`, `[truex]`, strings.Repeat("[", 201) + "1",
		strings.Repeat(`{"a":`, 201) + "1", strings.Repeat("[", 199) + "[ , x", strings.Repeat("[", 200) + "[1,2]",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, base := range []int{0, 7} {
			file := append(bytes.Repeat([]byte("\n"), base), data...)
			src := lint.NewSource("f.json", file)
			got, gerr := parseJSON(src, file[base:], base)
			want, werr := parseJSONReference(src, file[base:], base)
			if fmt.Sprint(gerr) != fmt.Sprint(werr) {
				t.Fatalf("error %v, want %v", gerr, werr)
			}
			if gerr != nil {
				var ie *lint.InputError
				if !errors.As(gerr, &ie) || ie.Line < 1 {
					t.Fatalf("error %T %v not placed", gerr, gerr)
				}
				continue
			}
			if !json.Valid(bytes.TrimPrefix(data, []byte("\ufeff"))) {
				t.Fatalf("read %q, which encoding/json finds invalid", data)
			}
			sameNode(t, "$", got, want)
		}
	})
}

func sameNode(t *testing.T, path string, got, want *node) {
	t.Helper()
	if got.kind != want.kind || got.off != want.off || got.str != want.str || got.value != want.value ||
		!reflect.DeepEqual(got.field(), want.field()) {
		t.Fatalf("%s: got %+v (%+v), want %+v", path, *got, got.field(), *want)
	}
	if len(got.keys) != len(want.keys) || len(got.vals) != len(want.vals) || len(got.items) != len(want.items) {
		t.Fatalf("%s: %d keys %d items, want %d keys %d items", path, len(got.keys), len(got.items), len(want.keys), len(want.items))
	}
	for i := range got.keys {
		sameNode(t, path+".key", got.keys[i], want.keys[i])
		sameNode(t, path+"."+got.keys[i].value, got.vals[i], want.vals[i])
	}
	for i := range got.items {
		sameNode(t, fmt.Sprintf("%s[%d]", path, i), got.items[i], want.items[i])
	}
}

// plainRun, eight bytes at a time, passes at least the run of plain bytes
// read one by one, and beyond it only whole, valid two-byte characters and
// plain bytes, as str reads them; it ends at a byte str must look at, or at
// the end, from every offset.
func FuzzPlainRun(f *testing.F) {
	for _, s := range []string{`{"text":"Merhaba! Siparişiniz yarın"}`, "abcdefgh\"ijklmnop", "0123456789abcdef\\n", "tab\there", "\x7f\x80\xff", "",
		"şşşşşşşş\"", "abcdeşfgh", "\xc0\x80abcdef", "ab\xc3\xa7\xc3\xa7\xc3\xa7\\", "çöğüşıİə—x"} {
		f.Add([]byte(s))
	}
	plain := func(c byte) bool { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\' }
	f.Fuzz(func(t *testing.T, d []byte) {
		for i := range len(d) + 1 {
			ascii := i
			for ascii < len(d) && plain(d[ascii]) {
				ascii++
			}
			got := plainRun(d, i)
			if got < ascii || got > len(d) || got < len(d) && plain(d[got]) {
				t.Fatalf("plainRun(%q, %d) = %d, plain bytes to %d", d, i, got, ascii)
			}
			for k := i; k < got; {
				switch c := d[k]; {
				case plain(c):
					k++
				case 0xC2 <= c && c <= 0xDF && k+1 < got && d[k+1]&0xC0 == 0x80:
					k += 2
				default:
					t.Fatalf("plainRun(%q, %d) = %d, past %q at %d", d, i, got, c, k)
				}
			}
		}
	})
}
