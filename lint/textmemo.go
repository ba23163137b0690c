package lint

import (
	"hash/maphash"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

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
// textAnalysisBytes bounds, apart, what it keeps of the texts met twice
// for the rules to share (textAnalysis): tokens and words are several
// times their text's size, and counted with the findings they made the
// memo start again empty, and the findings be worked out afresh, far more
// often. Past it no more is kept until the memo starts again.
const (
	textMemoBytes     = 8 << 20
	textMemoLongest   = 1 << 10
	textAnalysisBytes = 16 << 20
)

// textKey names what a rule that is the same for a text reads of a
// message.
// detected is whether the language was guessed: the language rule says
// a text is in another language only of a message whose language was
// declared.
type textKey struct {
	text, kindFrom string
	lang           Lang
	kind           Kind
	syntax         placeholder.Syntax
	detected       bool
}

func textKeyOf(m *Message) textKey {
	return textKey{text: m.Body.Text, kindFrom: m.KindFrom, lang: m.Lang, kind: m.Kind, syntax: m.Syntax, detected: m.LangDetected}
}

// textSaid is what the rules said of a text (key, hashed to h), by their
// place (active.said).
type textSaid struct {
	key textKey
	h   uint64
	by  [][]Diagnostic
	// analysis is what every rule shares of the text (textAnalysis),
	// kept when the text comes a second time: nil until then.
	analysis atomic.Pointer[textAnalysis]
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
	// analysed is what the texts' analyses kept take (textAnalysisBytes).
	analysed atomic.Int64
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
		t.analysed.Store(0)
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

// A text met again had its rules' findings said again, yet the rules that
// are not the same for a text (spelling, length, language, grammar,
// placeholders) still read its tokens, word ids, words and sentences,
// which were worked out afresh for each message: on an export whose texts
// repeat, a repeated text cost half of a new one, most of it those passes.
// They depend on the text and its language alone (the memo's key holds
// both), so the memo keeps them too, and a message with a text met before
// gets a copy of them (a copy: a rule may write a word's Entry, and the
// engine hands each message's slices back to its worker) for a memmove
// instead of the passes. They are kept on a text's second sighting, not
// its first: most texts of most exports come once, and copying out what a
// text that never comes back had would be a cost for nothing.

// textAnalysis is what the rules share of a text: its tokens, their word
// ids, its words (their Entry nil) and its sentences, each nil when no
// rule asked for it. Its strings are the memo's own: a slice of the key's
// text where the message's were a slice of its text, else copies.
type textAnalysis struct {
	tokens    []Token
	ids       []WordID
	words     []WordToken
	sentences []Span
}

// lend gives m a copy of what the memo kept of its text (said), in the
// slices m's room lends; false when nothing is kept yet or m has some of
// it already (a loader worked it out), which is then left as it is.
func (said *textSaid) lend(m *Message) bool {
	a := said.analysis.Load()
	if a == nil || m.tokens != nil || m.ids != nil || m.words != nil || m.sentences != nil {
		return false
	}
	r := m.room
	var toks []Token
	var words []WordToken
	var sentences []Span
	if r != nil {
		toks, words, sentences = take(&r.tokens), take(&r.words), take(&r.sentences)
	}
	m.tokens = append(toks, a.tokens...)
	if a.ids != nil {
		ids := m.newIDs(len(a.ids))
		copy(ids, a.ids)
		m.ids = ids
	}
	if a.words != nil {
		m.words = append(words, a.words...)
	}
	if a.sentences != nil {
		m.sentences = append(sentences, a.sentences...)
	}
	return true
}

// keepAnalysis files what m's rules worked out of its text (said's) for
// the messages with the text after it; nothing when its tokens were not
// worked out, or another worker kept them first.
func (t *textMemo) keepAnalysis(said *textSaid, m *Message) {
	if m.tokens == nil || said.analysis.Load() != nil || t.analysed.Load() > textAnalysisBytes {
		return
	}
	from, to := m.Body.Text, said.key.text
	a := &textAnalysis{tokens: make([]Token, len(m.tokens))}
	for i, tok := range m.tokens {
		tok.Norm = rebased(tok.Norm, from, to)
		a.tokens[i] = tok
	}
	size := 48 * len(a.tokens)
	if m.ids != nil {
		a.ids = append([]WordID(nil), m.ids...)
		size += 4 * len(a.ids)
	}
	if m.words != nil {
		a.words = make([]WordToken, len(m.words))
		for i, w := range m.words {
			w.Norm, w.Gap, w.Entry = rebased(w.Norm, from, to), rebased(w.Gap, from, to), nil
			a.words[i] = w
		}
		size += 80 * len(a.words)
	}
	if m.sentences != nil {
		a.sentences = append([]Span{}, m.sentences...)
		size += 16 * len(a.sentences)
	}
	if said.analysis.CompareAndSwap(nil, a) {
		t.analysed.Add(int64(size))
	}
}

// rebased is s, a string read from text from, as the same bytes of to (the
// same text, kept apart) when s is a slice of from; else a copy of s. So a
// kept token holds nothing of a message's text, which may be the file's
// bytes.
func rebased(s, from, to string) string {
	if s == "" {
		return ""
	}
	p, base := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(from)))
	if p >= base && p+uintptr(len(s)) <= base+uintptr(len(from)) {
		at := int(p - base)
		return to[at : at+len(s)]
	}
	return strings.Clone(s)
}
