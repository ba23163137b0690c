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

// maxFlatKeys is the most keys a line the fast reader reads may have: the
// keys it does not read are told from each other by comparing each with
// those before it.
const maxFlatKeys = 16

// jsonlFlat reads line, at file offset off, as message n, made in m (a
// zero message) when m is not nil, as jsonlMessage would from its tree; ok
// is false when the line is not one the fast reader answers for (see
// above), and the line is then to be read the usual way.
func (d doc) jsonlFlat(line []byte, text string, off, n int, def defaults, m *lint.Message) (_ *lint.Message, ok bool) {
	p := jsonParser{d: d, data: line, text: text, base: off}
	p.pos = p.space(0)
	if p.pos >= len(line) || line[p.pos] != '{' {
		return nil, false // a byte order mark, too, is the tree reader's
	}
	rootOff := off + p.pos
	p.pos++
	var (
		nk     int                 // keys met
		others [maxFlatKeys]string // those not read
		no     int
		vals   [flatKeys]flatScalar // the values of the keys read, by flatKey
		have   [flatKeys]bool
		other  flatScalar // a value of a key not read
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
		if at >= len(line) || line[at] != '"' || nk == maxFlatKeys {
			return nil, false
		}
		// A key is plain bytes between quotes, nearly always: cut as
		// it is; one with an escape is the tree reader's.
		end := plainRun(line, at+1)
		if end >= len(line) || line[end] != '"' {
			return nil, false
		}
		key := text[at+1 : end]
		// A duplicate key is the tree reader's error: a key read is
		// told again by have, and only the keys not read are compared
		// with each other.
		which := flatKeyOf(key)
		v := &other
		if which != flatOther {
			if have[which] {
				return nil, false
			}
			v, have[which] = &vals[which], true
		} else {
			if key == "quick_replies" || key == "buttons" {
				return nil, false
			}
			for _, seen := range others[:no] {
				if seen == key {
					return nil, false
				}
			}
			others[no] = key
			no++
		}
		nk++
		p.pos = p.space(end + 1)
		if p.pos >= len(line) || line[p.pos] != ':' {
			return nil, false
		}
		p.pos = p.space(p.pos + 1)
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
	if !have[flatText] || t.null || !t.str {
		return nil, false
	}
	// Each parsed straight into def (as defaultKeys would set it, through
	// a call of a func value and a copy of the defaults each way).
	var err error
	if v := &vals[flatLang]; have[flatLang] && !v.null {
		if def.lang, err = lint.ParseLang(v.value); err != nil {
			return nil, false
		}
	}
	if v := &vals[flatKind]; have[flatKind] && !v.null {
		if def.kind, err = lint.ParseKind(v.value); err != nil {
			return nil, false
		}
	}
	if v := &vals[flatChannel]; have[flatChannel] && !v.null {
		if def.channel, err = lint.ParseChannel(v.value); err != nil {
			return nil, false
		}
	}
	id := ""
	if v := &vals[flatID]; have[flatID] && !v.null {
		id = v.value
	}
	if id == "" {
		id = fmt.Sprintf("#%d", n)
	}
	if m == nil {
		m = new(lint.Message)
	}
	// m is zero (jsonlLineInto): its fields are set one by one, not the
	// whole message, some 400 bytes, written over with zeros again.
	m.ID, m.Body, m.BodyUTF8, m.Source, m.Offset = id, t.field(), t.utf8, d.src, rootOff
	finish(m, def)
	return m, true
}

// flatScalar is what the fast reader keeps of a scalar value: its text
// (decoded), whether it is a string or null, and for a string where its
// text is in the file and whether it is valid UTF-8 without U+FFFD (as a
// node keeps them: see node.field).
type flatScalar struct {
	null, str, utf8 bool
	value           string
	verbatim        int
	smap            lint.SourceMap
}

// field is the value as a message's field, as node.field makes it.
func (v *flatScalar) field() lint.Field {
	return (&node{value: v.value, verbatim: v.verbatim, smap: v.smap}).field()
}

// flatScalar reads the scalar value at p.pos into v, as value does; false
// for a list, an object or a fault.
func (p *jsonParser) flatScalar(v *flatScalar) bool {
	if p.pos >= len(p.data) {
		return false
	}
	start := p.pos
	*v = flatScalar{}
	switch c := p.data[start]; {
	case c == '"':
		v.str = true
		// Plain bytes and letters of two bytes up to the closing quote,
		// as most strings are, are cut here as str would cut them;
		// anything else (an escape, a longer character) is str's.
		if end := plainRun(p.data, start+1); end < len(p.data) && p.data[end] == '"' {
			v.value, v.verbatim, v.utf8 = p.text[start+1:end], p.base+start+2, true
			p.pos = end + 1
			return true
		}
		var n node
		if p.str(&n) != nil {
			return false
		}
		v.value, v.verbatim, v.smap, v.utf8 = n.value, n.verbatim, n.smap, n.utf8
	case c == '-' || c >= '0' && c <= '9':
		if !p.number() {
			return false
		}
		v.value = p.text[start:p.pos]
	case c == 't' || c == 'f':
		lit := "true"
		if c == 'f' {
			lit = "false"
		}
		if !strings.HasPrefix(p.text[start:], lit) {
			return false
		}
		p.pos += len(lit)
		v.value = lit
	case c == 'n':
		if !strings.HasPrefix(p.text[start:], "null") {
			return false
		}
		p.pos += 4
		v.null = true
	default:
		return false
	}
	return true
}
