package lint

import (
	"math"
	"slices"
	"unsafe"
)

// LangTable is a value for each language, read by a message's language on
// a hot path. A map keyed by Lang compares the keys' strings on every
// look-up, and the rules looked their data up so several times a message
// and once a word: a table is read by the language's place in the
// registry, which the message finds once (Message.langIndex).
type LangTable[V any] struct {
	vals []V // by place in Langs, as it was when the table was made
	m    map[Lang]V
}

// NewLangTable is a table of m's values. A language registered after it
// was made is looked up in m.
func NewLangTable[V any](m map[Lang]V) LangTable[V] {
	t := LangTable[V]{m: m, vals: make([]V, len(Langs))}
	for i, l := range Langs {
		t.vals[i] = m[l]
	}
	return t
}

// Of is the value for the message's language, m[msg.Lang] of the map the
// table was made of.
func (t *LangTable[V]) Of(msg *Message) V {
	if i := msg.langIndex(); i >= 0 && i < len(t.vals) {
		return t.vals[i]
	}
	return t.m[msg.Lang]
}

// langIndex is the place of the message's language in Langs (-1 for a
// language not registered), found once for a Lang and kept with the
// string it was found for: a rule or a loader that sets Lang again is
// answered afresh.
func (m *Message) langIndex() int {
	if p := m.langOf; p.at != 0 && p.ptr == unsafe.StringData(string(m.Lang)) && int(p.len) == len(m.Lang) {
		return int(p.at) - 1
	}
	return m.findLangIndex()
}

// findLangIndex is langIndex the first time.
func (m *Message) findLangIndex() int {
	p := unsafe.StringData(string(m.Lang))
	at := slices.Index(Langs, m.Lang)
	if len(m.Lang) <= math.MaxUint32 && at < math.MaxInt32 {
		m.langOf = langPlace{ptr: p, len: uint32(len(m.Lang)), at: int32(at) + 1}
	}
	return at
}

// langPlace is what langIndex found for the language string at ptr, of
// len bytes: its place plus one (0: nothing found yet). Small, as every
// message has one.
type langPlace struct {
	ptr *byte
	len uint32
	at  int32
}
