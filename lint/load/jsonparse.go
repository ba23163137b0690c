package load

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"io"
	"math/bits"
	"strings"
	"unicode/utf8"

	"github.com/msglint/msglint/internal/swar"
	"github.com/msglint/msglint/lint"
)

// maxDepth is how deeply JSON values may nest.
const maxDepth = 200

// parseJSON reads one JSON value from data, which starts at file offset base,
// keeping where each string came from. It reads the bytes once, without a
// token or an allocation per value: the strings are cut from one copy of
// data, and the nodes come from blocks of them. A fault is reported where
// and as encoding/json reports it, and in the order encoding/json's Decoder
// meets it: a duplicate key or a too deep value before a syntax error later
// in the text.
func parseJSON(src *lint.Source, data []byte, base int) (*node, error) {
	return parseJSONText(src, data, string(data), base)
}

// parseJSONText is parseJSON with data also as a string (the same bytes),
// which the values are cut from.
func parseJSONText(src *lint.Source, data []byte, text string, base int) (*node, error) {
	return parseJSONIn(nil, src, data, text, base)
}

// parseJSONIn is parseJSONText with the nodes taken from a (nil: new
// blocks of them).
func parseJSONIn(a *Nodes, src *lint.Source, data []byte, text string, base int) (*node, error) {
	if len(data) >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf {
		data, text, base = data[3:], text[3:], base+3
	}
	p := &jsonParser{d: doc{src}, data: data, text: text, base: base, arena: a}
	p.pos = p.space(0)
	n, err := p.value(0)
	if err != nil {
		return nil, err
	}
	if p.space(p.pos) < len(data) {
		return nil, p.d.errAt(base+p.skipSeparators(p.pos), "invalid JSON: unexpected data after the top-level value")
	}
	return n, nil
}

type jsonParser struct {
	d     doc
	data  []byte
	text  string // data as a string, which unescaped values are cut from
	base  int
	pos   int    // the next byte to read
	nodes []node // the block new nodes are taken from
	arena *Nodes // where nodes come from instead, when set
}

// errSyntax marks a syntax error found by the parser; fail says what it is.
var errSyntax = errors.New("syntax error")

func (p *jsonParser) node(kind nodeKind, off int) *node {
	if p.arena != nil {
		n := p.arena.node()
		n.kind, n.off = kind, p.base+off
		return n
	}
	if len(p.nodes) == cap(p.nodes) {
		p.nodes = make([]node, 0, 16)
	}
	p.nodes = append(p.nodes, node{kind: kind, off: p.base + off})
	return &p.nodes[len(p.nodes)-1]
}

// space skips JSON white space from off.
func (p *jsonParser) space(off int) int {
	// Keys and values mostly follow one another with no space between:
	// told by one compare, as every white space byte is below '!'.
	if off < len(p.data) && p.data[off] > ' ' {
		return off
	}
	for off < len(p.data) {
		switch p.data[off] {
		case ' ', '\t', '\r', '\n':
			off++
		default:
			return off
		}
	}
	return off
}

// skipSeparators skips white space, commas and colons, as encoding/json's
// Decoder does before it reports what follows a value.
func (p *jsonParser) skipSeparators(off int) int {
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

// fail reports a syntax error: encoding/json says what and where, so the
// message is the one its users know.
func (p *jsonParser) fail(err error) error {
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

// value reads the value at p.pos, which is past white space.
func (p *jsonParser) value(depth int) (*node, error) {
	if p.pos >= len(p.data) {
		return nil, p.fail(io.ErrUnexpectedEOF)
	}
	start := p.pos
	switch c := p.data[start]; {
	case c == '{':
		return p.object(depth)
	case c == '[':
		return p.array(depth)
	case c == '"':
		n := p.node(scalarNode, start)
		n.str = true
		return n, p.str(n)
	case c == '-' || c >= '0' && c <= '9':
		if !p.number() {
			return nil, p.fail(errSyntax)
		}
		n := p.node(scalarNode, start)
		n.value = p.text[start:p.pos]
		return n, nil
	case c == 't' || c == 'f':
		lit := "true"
		if c == 'f' {
			lit = "false"
		}
		if !strings.HasPrefix(p.text[start:], lit) {
			return nil, p.fail(errSyntax)
		}
		p.pos += len(lit)
		n := p.node(scalarNode, start)
		n.value = lit
		return n, nil
	case c == 'n':
		if !strings.HasPrefix(p.text[start:], "null") {
			return nil, p.fail(errSyntax)
		}
		p.pos += 4
		return p.node(nullNode, start), nil
	}
	return nil, p.fail(errSyntax)
}

// child moves to the next element of a container opened at depth, past
// white space and, after the first, a comma; it tells whether there is one.
// A value nested too deep is reported before what follows it is read.
func (p *jsonParser) child(depth int, first bool, closer byte) (bool, error) {
	at := p.space(p.pos)
	if at >= len(p.data) {
		return false, p.fail(io.ErrUnexpectedEOF)
	}
	if c := p.data[at]; c == '}' || c == ']' {
		if c != closer {
			return false, p.fail(errSyntax)
		}
		p.pos = at + 1
		return false, nil
	}
	if depth+1 > maxDepth {
		return false, p.d.errAt(p.base+at, "invalid JSON: nested more than %d levels", maxDepth)
	}
	if !first {
		if p.data[at] != ',' {
			return false, p.fail(errSyntax)
		}
		at = p.space(at + 1)
	}
	p.pos = at
	return true, nil
}

func (p *jsonParser) object(depth int) (*node, error) {
	n := p.node(mapNode, p.pos)
	p.pos++
	for first := true; ; first = false {
		more, err := p.child(depth, first, '}')
		if err != nil || !more {
			return n, err
		}
		if p.pos >= len(p.data) || p.data[p.pos] != '"' {
			return nil, p.fail(errSyntax)
		}
		k := p.node(scalarNode, p.pos)
		k.str = true
		if err := p.str(k); err != nil {
			return nil, err
		}
		if n.get(k.value) != nil {
			return nil, p.d.errAt(k.off, "duplicate key %q", k.value)
		}
		p.pos = p.space(p.pos)
		if p.pos >= len(p.data) || p.data[p.pos] != ':' {
			return nil, p.fail(errSyntax)
		}
		p.pos = p.space(p.pos + 1)
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		if n.keys == nil {
			kv := p.arena.pointers()
			n.keys, n.vals = kv[:0:8], kv[8:8]
		}
		n.keys, n.vals = append(n.keys, k), append(n.vals, v)
	}
}

func (p *jsonParser) array(depth int) (*node, error) {
	n := p.node(seqNode, p.pos)
	p.pos++
	for first := true; ; first = false {
		more, err := p.child(depth, first, ']')
		if err != nil || !more {
			return n, err
		}
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		n.items = append(n.items, v)
	}
}

// number reads a number's literal at p.pos; false if it is not one.
func (p *jsonParser) number() bool {
	d, i := p.data, p.pos
	digits := func() bool {
		s := i
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
		}
		return i > s
	}
	if d[i] == '-' {
		i++
	}
	switch {
	case i < len(d) && d[i] == '0':
		i++
	case !digits():
		return false
	}
	if i < len(d) && d[i] == '.' {
		i++
		if !digits() {
			return false
		}
	}
	if i < len(d) && (d[i] == 'e' || d[i] == 'E') {
		i++
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			i++
		}
		if !digits() {
			return false
		}
	}
	p.pos = i
	return true
}

// str reads the string literal at p.pos into n: its value as encoding/json
// decodes it and a map from the value to the file. A string without escapes
// that is valid UTF-8, as nearly all are, is cut from the text as it is.
func (p *jsonParser) str(n *node) error {
	d, start := p.data, p.pos
	plain := true
	bad := false // a byte that is not UTF-8, or U+FFFD, met
	i := start + 1
	for {
		i = plainRun(d, i)
		if i >= len(d) {
			return p.fail(io.ErrUnexpectedEOF)
		}
		c := d[i]
		switch {
		case c == '"':
			p.pos = i + 1
			if plain {
				n.value = p.text[start+1 : i]
				n.verbatim = p.base + start + 2
				n.utf8 = !bad
				return nil
			}
			raw := d[start:p.pos]
			n.value = unquoteJSON(raw)
			m, ok := mapJSONString(raw, p.base+start, n.value)
			if !ok {
				m = lint.PointMap(len(n.value), p.base+start, p.base+p.pos)
			}
			n.smap = m
			return nil
		case c < 0x20:
			return p.fail(errSyntax)
		case c == '\\':
			plain = false
			if i+1 >= len(d) {
				return p.fail(io.ErrUnexpectedEOF)
			}
			switch d[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				for k := i + 2; k < i+6; k++ {
					if k >= len(d) {
						return p.fail(io.ErrUnexpectedEOF)
					}
					if !isHex(d[k]) {
						return p.fail(errSyntax)
					}
				}
				i += 6
			default:
				return p.fail(errSyntax)
			}
		case c < utf8.RuneSelf:
			i++
		case 0xC2 <= c && c <= 0xDF && i+1 < len(d) && d[i+1]&0xC0 == 0x80:
			// A letter of two bytes (every Turkish and Azerbaijani letter
			// ASCII lacks) is valid: told here, as utf8.DecodeRune would,
			// without a call.
			i += 2
		default:
			r, w := utf8.DecodeRune(d[i:])
			if r == utf8.RuneError {
				bad = true
				if w == 1 {
					plain = false
				}
			}
			i += w
		}
	}
}

// plainBytes are the bytes a string literal holds as they are: printable
// ASCII but the quote and the backslash.
var plainBytes = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// plainRun is where the run of plain bytes (plainBytes) from i in d ends,
// read eight bytes at a time; eight bytes of plain bytes and valid
// two-byte characters are passed over too.
func plainRun(d []byte, i int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	if i >= len(d) {
		return i
	}
	// The rest of d is read through p, cut eight bytes shorter each step:
	// with no index to check against d's length twice, a step is a
	// quarter fewer instructions.
	p := d[i:]
	for len(p) >= 8 {
		x := binary.LittleEndian.Uint64(p)
		quote, backslash := x^(ones*'"'), x^(ones*'\\')
		// A high bit for a byte that is 0 in quote or backslash, below 0x20,
		// or at or above 0x80. A borrow may set one above such a byte, never
		// below: the lowest is the first byte that ends the run.
		stop := ((quote-ones)&^quote | (backslash-ones)&^backslash | (x-ones*0x20)&^x) & highs
		if m := stop | x&highs; m != 0 {
			if stop == 0 {
				// Letters of two bytes, each whole within the eight (most
				// of a Turkish or Azerbaijani text's high bytes), are as
				// valid as str's byte-by-byte reading finds them.
				if swar.TwoByteValid(x) {
					p = p[8:]
					continue
				}
				// A letter of two bytes whose lead is the eighth byte,
				// after seven that pass: one in eight of a Turkish
				// text's letters lies so, and ending the run there sent
				// the string to str, a character at a time. The next
				// eight start at the lead.
				if lead := x >> 56; 0xC2 <= lead && lead <= 0xDF && swar.TwoByteValid(x&(1<<56-1)) {
					p = p[7:]
					continue
				}
			}
			return len(d) - len(p) + bits.TrailingZeros64(m)/8
		}
		p = p[8:]
	}
	for len(p) > 0 && plainBytes[p[0]] {
		p = p[1:]
	}
	return len(d) - len(p)
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// unquoteJSON decodes a string literal the parser has checked, as
// encoding/json does: escapes, surrogate pairs (a lone surrogate is U+FFFD)
// and each byte of invalid UTF-8 as U+FFFD.
func unquoteJSON(raw []byte) string {
	s := raw[1 : len(raw)-1]
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\':
			if d, ok := jsonSimpleEscapes[s[i+1]]; ok {
				out = append(out, d)
				i += 2
				continue
			}
			r, n := jsonUnicode(s[i:])
			out = utf8.AppendRune(out, r)
			i += n
		case c < utf8.RuneSelf:
			out = append(out, c)
			i++
		default:
			r, w := utf8.DecodeRune(s[i:])
			out = utf8.AppendRune(out, r)
			i += w
		}
	}
	return string(out)
}
