package lint

import (
	"hash/maphash"
	"strings"
	"sync"

	"github.com/msglint/msglint/lint/placeholder"
)

// An export from an inbox repeats its texts: a macro sent to a hundred
// customers, a bot's answer, a closing line, each with its language and
// kind. A rule that is the same for a text (Rule.SameForText) reads nothing
// else of a message, so what it said of a text it says again: the engine
// keeps what those rules said of each text it met (up to textMemoBytes), and
// a text met again has their diagnostics said again without their checks
// running; the other rules run as ever. The text is hashed once a message,
// for all of them. The transcripts' loop and the hook's draft cache keep
// what the rules read of a text for the same reason.

// textMemoBytes bounds what a linter's memo keeps (its texts and what was
// said of them, about); past it the memo starts again empty.
// textMemoLongest is the longest text kept: a long text seldom comes
// twice.
const (
	textMemoBytes   = 8 << 20
	textMemoLongest = 1 << 10
)

// textKey names what a rule that is the same for a text reads of a
// message.
type textKey struct {
	text, kindFrom string
	lang           Lang
	kind           Kind
	syntax         placeholder.Syntax
}

func textKeyOf(m *Message) textKey {
	return textKey{text: m.Body.Text, kindFrom: m.KindFrom, lang: m.Lang, kind: m.Kind, syntax: m.Syntax}
}

// textSaid is what the rules said of a text (key, hashed to h), by their
// place (active.said).
type textSaid struct {
	key textKey
	h   uint64
	by  [][]Diagnostic
}

// textMemo is a linter's memo of texts, shared by the messages checked on
// every core.
type textMemo struct {
	rules int // how many rules it keeps
	seed  maphash.Seed
	mu    sync.Mutex
	// texts are by their key's hash, hashed once a message: a text
	// whose hash another's has is said afresh.
	texts map[uint64]*textSaid
	bytes int
}

// newTextMemo gives each running rule that is the same for a text its
// place in the memo it returns; nil when none runs.
func newTextMemo(active []active) *textMemo {
	n := 0
	for i := range active {
		active[i].said = -1
		if active[i].check != nil && active[i].rule.SameForText {
			active[i].said = n
			n++
		}
	}
	if n == 0 {
		return nil
	}
	return &textMemo{rules: n, seed: maphash.MakeSeed(), texts: map[uint64]*textSaid{}}
}

// said is what the rules said of m's text before (unseen false), or, for a
// text not met, where what they say of it now is kept (unseen true; keep
// files it); nil for a message the memo does not read (a long text, rules
// switched off for it) or with no memo.
func (t *textMemo) said(m *Message) (said *textSaid, unseen bool) {
	if t == nil || len(m.Body.Text) > textMemoLongest || len(m.Disable) > 0 {
		return nil, false
	}
	key := textKeyOf(m)
	h := maphash.Comparable(t.seed, key)
	t.mu.Lock()
	said = t.texts[h]
	t.mu.Unlock()
	if said != nil && said.key == key {
		return said, false
	}
	return &textSaid{key: key, h: h, by: make([][]Diagnostic, t.rules)}, true
}

// keep files what the rules said of a text.
func (t *textMemo) keep(said *textSaid) {
	// Kept apart from the message: its text may hold the file's bytes.
	key := &said.key
	key.text, key.kindFrom = strings.Clone(key.text), strings.Clone(key.kindFrom)
	size := len(key.text) + len(key.kindFrom) + 96 + 24*len(said.by)
	for _, ds := range said.by {
		for _, d := range ds {
			size += len(d.Message) + len(d.Suggestion) + 96
			if d.Fix != nil {
				size += len(d.Fix.New) + 32
			}
		}
	}
	t.mu.Lock()
	if t.bytes+size > textMemoBytes {
		clear(t.texts)
		t.bytes = 0
	}
	if _, ok := t.texts[said.h]; !ok {
		t.texts[said.h] = said
		t.bytes += size
	}
	t.mu.Unlock()
}

// keptDiagnostic is a copy of d for a text's memo: its strings apart from
// the message's, and its fix its own.
func keptDiagnostic(d Diagnostic) Diagnostic {
	d.Message, d.Suggestion = strings.Clone(d.Message), strings.Clone(d.Suggestion)
	if d.Fix != nil {
		d.Fix = &Edit{Span: d.Fix.Span, New: strings.Clone(d.Fix.New)}
	}
	return d
}

// SetTextMemo switches the linter's memo of texts on (as NewLinter builds
// it) or off. Off, every running rule checks every message, a text met
// before or not: what a benchmark that checks the same messages each round
// needs to measure the rules and not the memo, and what a test needs to
// see a rule's own findings for a message. Call it before the linter
// checks anything; switched on again, the memo starts empty.
func (l *Linter) SetTextMemo(on bool) {
	l.memo = nil
	if on {
		l.memo = newTextMemo(l.active)
	}
}
