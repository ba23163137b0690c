package load

import (
	"fmt"
	"strings"

	"github.com/msglint/msglint/lint"
)

// An export's line is nearly always one flat object: a text, an id, a
// language, a kind and a channel, maybe a few keys msglint does not read,
// every value a string or another scalar. Such a line is read here in one
// pass over its bytes, its message made from the keys as they come, with no
// tree of nodes built and no key looked up by name afterwards (the tree and
// its look-ups were half of reading a line). Anything else (a list, a nested
// object, quick replies, buttons, a line that is not valid, a value
// msglint would reject) is left to the tree reader, which reads it and says
// what is wrong as it always did: the fast reader only ever answers for a
// line the tree reader would read without a fault, and with the same
// message.

// flatKey is what the fast reader keeps of a key it reads.
type flatKey uint8

const (
	flatOther flatKey = iota
	flatText
	flatID
	flatLang
	flatKind
	flatChannel
	flatKeys
)

// flatKeyOf is which key name is.
func flatKeyOf(name string) flatKey {
	switch name {
	case "text":
		return flatText
	case "id":
		return flatID
	case "lang":
		return flatLang
	case "kind":
		return flatKind
	case "channel":
		return flatChannel
	}
	return flatOther
}

// maxFlatKeys is the most keys a line the fast reader reads may have: its
// keys are told from each other by comparing each with those before it.
const maxFlatKeys = 16

// jsonlFlat reads line, at file offset off, as message n, made in m when m
// is not nil, as jsonlMessage would from its tree; ok is false when the
// line is not one the fast reader answers for (see above), and the line
// is then to be read the usual way.
func (d doc) jsonlFlat(line []byte, text string, off, n int, def defaults, m *lint.Message) (_ *lint.Message, ok bool) {
	p := jsonParser{d: d, data: line, text: text, base: off}
	p.pos = p.space(0)
	if p.pos >= len(line) || line[p.pos] != '{' {
		return nil, false // a byte order mark, too, is the tree reader's
	}
	rootOff := off + p.pos
	p.pos++
	var (
		keys [maxFlatKeys]string
		nk   int
		vals [flatKeys]node // the values of the keys read, by flatKey
		have [flatKeys]bool
		skip node // a value of a key not read
	)
	for first := true; ; first = false {
		at := p.space(p.pos)
		if at >= len(line) {
			return nil, false
		}
		if line[at] == '}' {
			p.pos = at + 1
			break
		}
		if !first {
			if line[at] != ',' {
				return nil, false
			}
			at = p.space(at + 1)
		}
		p.pos = at
		if p.pos >= len(line) || line[p.pos] != '"' || nk == maxFlatKeys {
			return nil, false
		}
		var k node
		if p.str(&k) != nil {
			return nil, false
		}
		for _, seen := range keys[:nk] {
			if seen == k.value {
				return nil, false // a duplicate key: the tree reader's error
			}
		}
		keys[nk] = k.value
		nk++
		p.pos = p.space(p.pos)
		if p.pos >= len(line) || line[p.pos] != ':' {
			return nil, false
		}
		p.pos = p.space(p.pos + 1)
		which := flatKeyOf(k.value)
		v := &skip
		if which != flatOther {
			v, have[which] = &vals[which], true
		} else if k.value == "quick_replies" || k.value == "buttons" {
			return nil, false
		}
		if !p.flatScalar(v) {
			return nil, false
		}
	}
	if p.space(p.pos) < len(line) {
		return nil, false
	}

	// What jsonlMessage reads, in its order; a value it would reject is
	// the tree reader's to report.
	t := &vals[flatText]
	if !have[flatText] || t.kind != scalarNode || !t.str {
		return nil, false
	}
	for _, f := range [...]struct {
		key flatKey
		set func(defaults, string) (defaults, error)
	}{{flatLang, defaultKeys[0].set}, {flatKind, defaultKeys[1].set}, {flatChannel, defaultKeys[2].set}} {
		v := &vals[f.key]
		if !have[f.key] || v.kind == nullNode {
			continue
		}
		var err error
		if def, err = f.set(def, v.value); err != nil {
			return nil, false
		}
	}
	id := ""
	if v := &vals[flatID]; have[flatID] && v.kind != nullNode {
		id = v.value
	}
	if id == "" {
		id = fmt.Sprintf("#%d", n)
	}
	if m == nil {
		m = new(lint.Message)
	}
	*m = lint.Message{ID: id, Body: t.field(), BodyUTF8: t.utf8, Source: d.src, Offset: rootOff}
	finish(m, def)
	return m, true
}

// flatScalar reads the scalar value at p.pos into n, as value does; false
// for a list, an object or a fault.
func (p *jsonParser) flatScalar(n *node) bool {
	if p.pos >= len(p.data) {
		return false
	}
	start := p.pos
	*n = node{kind: scalarNode, off: p.base + start}
	switch c := p.data[start]; {
	case c == '"':
		n.str = true
		return p.str(n) == nil
	case c == '-' || c >= '0' && c <= '9':
		if !p.number() {
			return false
		}
		n.value = p.text[start:p.pos]
	case c == 't' || c == 'f':
		lit := "true"
		if c == 'f' {
			lit = "false"
		}
		if !strings.HasPrefix(p.text[start:], lit) {
			return false
		}
		p.pos += len(lit)
		n.value = lit
	case c == 'n':
		if !strings.HasPrefix(p.text[start:], "null") {
			return false
		}
		p.pos += 4
		n.kind = nullNode
	default:
		return false
	}
	return true
}
