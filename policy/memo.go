package policy

import (
	"hash/maphash"
	"strings"
	"sync"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/placeholder"
)

// DraftMemo is what the conversation rules read in one draft's text that
// no conversation changes (whether it tells of forwarding, whether it
// greets, whether it is a promotion): worked out by the first judgement that asks and reused by the
// next ones of the same draft, on any goroutine. Its zero value is ready.
type DraftMemo struct {
	mu    sync.Mutex
	first map[string]memoed
}

// memoed is a detector's first diagnostic in the draft, if it had one, or
// a test's answer (found).
type memoed struct {
	d     lint.Diagnostic
	found bool
}

// MemoBytes is about the most a memo holds beyond the diagnostics' texts,
// for a cache that counts what it keeps: a few rules' first diagnostics.
const MemoBytes = 1 << 10

// detectFirst is detect's first diagnostic in m, from the run's memo under
// name when the turn judges a draft with one. A detector read through it
// must depend on nothing but m, and m must be the turn's draft.
func (t *Turn) detectFirst(name string, m *lint.Message, detect func(*lint.Message) []lint.Diagnostic) (lint.Diagnostic, bool) {
	got := t.remember(name, func() (got memoed) {
		got.d, got.found = first(detect(m))
		if t.run.memo != nil {
			// Kept beyond the request: a text cut from the draft would
			// hold the request's body.
			got.d.Message, got.d.Suggestion = strings.Clone(got.d.Message), strings.Clone(got.d.Suggestion)
			if got.d.Fix != nil {
				got.d.Fix = &lint.Edit{Span: got.d.Fix.Span, New: strings.Clone(got.d.Fix.New)}
			}
		}
		return got
	})
	return got.d, got.found
}

// tells is whether test says yes of m, remembered as detectFirst's are.
func (t *Turn) tells(name string, m *lint.Message, test func(*lint.Message) bool) bool {
	return t.remember(name, func() memoed { return memoed{found: test(m)} }).found
}

// remember is what work found, from the run's memo under name when there
// is one.
func (t *Turn) remember(name string, work func() memoed) memoed {
	memo := t.run.memo
	if memo == nil {
		return work()
	}
	memo.mu.Lock()
	got, ok := memo.first[name]
	memo.mu.Unlock()
	if ok {
		return got
	}
	// Worked out without the lock: two judgements that ask at once both
	// work it out, and agree.
	got = work()
	memo.mu.Lock()
	if memo.first == nil {
		memo.first = map[string]memoed{}
	}
	memo.first[name] = got
	memo.mu.Unlock()
	return got
}

func first(ds []lint.Diagnostic) (lint.Diagnostic, bool) {
	if len(ds) == 0 {
		return lint.Diagnostic{}, false
	}
	return ds[0], true
}

// textKey names what a transcript event's detectors read (textMemo): a
// plain message's text, kind, language and channel, the placeholders its
// sending system fills in, and whose it is.
type textKey struct {
	text     string
	kind     lint.Kind
	lang     lint.Lang
	detected bool
	channel  lint.Channel
	syntax   placeholder.Syntax
	dir      Direction
}

// textMemo is what the rules read in one text of a transcript, for the
// events of the same text a worker judges (a template sent again and
// again, a customer's "where is my order?"): the detections of the
// message (Turn.detectFirst, Turn.tells) and what the conversation rules
// read in the text with its language's cues.
type textMemo struct {
	draft DraftMemo
	// print is a send's fingerprint (brandPrint) but for its time and
	// line, once printed is set.
	print   Print
	printed bool
	// gave is what a customer's message gives (gave), once gaveRead is
	// set: the kinds of data in it, whether it says one is wrong, and
	// the kinds it names.
	given, named [datums]bool
	wrong        bool
	gaveRead     bool
	// asks are the sketches of its questions (the ignored-question rule),
	// once asksRead is set.
	asks     []sketch
	asksRead bool
}

// maxTextMemos is how many texts a transcript worker's memos hold; it
// forgets them all when it has that many (0: it keeps none).
var maxTextMemos = 2048

// seenTexts is how many texts' hashes a transcript worker remembers
// (seenBefore): a power of two.
const seenTexts = 1 << 13

// seenText is what a transcript worker remembers of the texts it met
// without a memo: each one's hash, in a slot picked by the hash.
type seenText [seenTexts]uint64

var seenSeed = maphash.MakeSeed()

// seenBefore reports whether the worker met text lately, and notes it
// met it. A text gets a memo the second time it comes (textMemo): a
// transcript's texts that never repeat (a customer's own words) would
// otherwise fill the memos, each with its detections, and have them
// forgotten before the next template came again. A text whose slot
// another took since is only worked out once more.
func (r *run) seenBefore(text string) bool {
	if r.seen == nil {
		r.seen = new(seenText)
	}
	h := maphash.String(seenSeed, text) | 1 // 0 is an empty slot
	at := &r.seen[h&(seenTexts-1)]
	if *at == h {
		return true
	}
	*at = h
	return false
}

// textMemo is the memo of a transcript event's text, or nil when its
// message is more than its text (buttons, a template, rules switched
// off), which the memo's key would not name, or it has none.
func (r *run) textMemo(e *Event) *textMemo {
	m := e.msg
	if maxTextMemos <= 0 || !e.made || m == nil || m.Body.Text != e.Text || len(m.QuickReplies) > 0 || len(m.Buttons) > 0 ||
		len(m.Elements) > 0 || m.Template != nil || m.Profile || len(m.Disable) > 0 || m.MessagingType != "" || m.Tag != "" || m.KindFrom != "" {
		return nil
	}
	k := textKey{m.Body.Text, m.Kind, m.Lang, m.LangDetected, m.Channel, m.Syntax, e.Direction}
	if memo, ok := r.memos[k]; ok {
		return memo
	}
	if !r.seenBefore(k.text) {
		return nil
	}
	if r.memos == nil || len(r.memos) == maxTextMemos {
		r.memos = make(map[textKey]*textMemo, 64)
	}
	// The key outlives the line the text was cut from.
	k.text = strings.Clone(k.text)
	memo := new(textMemo)
	r.memos[k] = memo
	return memo
}
