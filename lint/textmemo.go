package lint

import (
	"encoding/binary"
	"hash/maphash"
	"math"
	"slices"
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

// textMemoBytes bounds what a linter's memo keeps (its texts, what was
// said of them and what the rules shared of them, about). It keeps two
// generations of texts, each up to half of it: when the newer is full, the
// older is dropped and the newer takes its place, and a text met again in
// the older moves to the newer. The texts an export sends most stay, what
// came once goes; a memo that started again empty when full lost its most
// sent texts with the rest. On the generated 1M-message export (99 430
// texts) 193 000 messages are of a text not in the memo: 99 430 first
// sightings, the rest texts dropped since; without a bound, 99 430.
// textMemoLongest is the longest text kept: a long text seldom comes
// twice.
const (
	textMemoBytes   = 32 << 20
	textMemoLongest = 1 << 10
)

// textKey names what a rule that is the same for a text reads of a
// message but its kind: its text, language, placeholder systems and where
// its kind came from. What the rules say of a text depends on the kind only
// for those that ask it, and of them only for the kinds they ask about
// (placeSaid.kinds): an export sends the same text as a greeting, a reply
// and a bot's answer, and most rules never ask.
// detected is whether the language was guessed: the language rule says
// a text is in another language only of a message whose language was
// declared.
// plain says the message was read as a stream and has no quick replies
// and no buttons, for the rules that are the same for its text then
// (Rule.SameForStreamedText).
type textKey struct {
	text, kindFrom string
	lang           Lang
	syntax         placeholder.Syntax
	detected       bool
	plain          bool
}

func textKeyOf(m *Message) textKey {
	plain := m.Streamed && len(m.QuickReplies) == 0 && len(m.Buttons) == 0
	return textKey{text: m.Body.Text, kindFrom: m.KindFrom, lang: m.Lang, syntax: m.Syntax, detected: m.LangDetected, plain: plain}
}

// textSaid is what the rules said of a text, by their place (active.said).
// The text is known by its key's hashes under two seeds the memo made at
// random (h, which the memo's maps are by, and h2), not by the key itself:
// two keys alike in 128 bits of hashes are one chance in 2^64 even for a
// run of four billion texts, and the text was a fifth of what an entry
// took; the memo holds as many more texts. plain is the key's.
type textSaid struct {
	h, h2 uint64
	plain bool
	// said is what the rules said of the text in a message of any kind
	// they did not ask about, and the kinds they asked about, those that
	// said something or asked: most say nothing of most texts (records).
	said []byte
	// byKind are the rules, a bit a place, whose word on the text is by
	// kind for every kind (kinds): those that read the kind another way
	// than by asking, and those the text's first message's kind was
	// asked about.
	byKind uint64
	// kinds is what the rules said of the text by kind, when they asked
	// about the kind of the message they said it of; nil until then.
	kinds atomic.Pointer[kindTable]
	// size is about what the entry takes (textMemoBytes), with its
	// analysis and what it keeps by kind once kept.
	size int
	// analysis is what every rule shares of the text (textAnalysis),
	// kept when the text comes a second time: nil until then.
	analysis atomic.Pointer[textAnalysis]
}

// kindTable is what the rules said of a text by kind, by the kind's place
// in Kinds (kindSlot); never changed once filed, but for a new one in its
// place.
type kindTable [kindSlots]*kindSaid

// kindSlots is how many kinds a text's kindTable keeps: a message of a
// kind past them, or of a config's own kind, has the rules that asked run
// again.
const kindSlots = 8

// kindSaid is what the rules at holds (a bit a place) said of a text in a
// message of one kind.
type kindSaid struct {
	holds uint64
	said  []byte // records
}

// kindSlot is k's place in a kindTable, -1 for none.
func kindSlot(k Kind) int {
	if i := slices.Index(Kinds, k); i < kindSlots {
		return i
	}
	return -1
}

// What the rules said of a text is kept as records in bytes, a record a
// rule that said something or asked the kind: the rule's place, the kinds
// it asked about (two bytes), the length of the rest (four), then how many
// diagnostics it said and each of them (appendDiagnostic). Bytes, not
// Diagnostic values: a diagnostic took a hundred bytes and more and four
// pointers the collector followed, and the memo held half as many texts;
// a finding said again reads its strings where they are kept.
const recordHead = 7

// appendRecord appends to b the record of the rule at place: the kinds it
// asked about and what it said.
func appendRecord(b []byte, place int, kinds kindBits, ds []Diagnostic) []byte {
	b = append(b, byte(place), byte(kinds), byte(kinds>>8), 0, 0, 0, 0)
	at := len(b)
	b = binary.AppendUvarint(b, uint64(len(ds)))
	for i := range ds {
		b = appendDiagnostic(b, &ds[i])
	}
	binary.LittleEndian.PutUint32(b[at-4:], uint32(len(b)-at))
	return b
}

// record finds the record of the rule at place in records: what it said
// (sayings, for replay) and the kinds it asked about; found false when it
// has none.
func record(records []byte, place int) (sayings []byte, kinds kindBits, found bool) {
	for len(records) >= recordHead {
		sayings, kinds, next := recordAt(records)
		if int(records[0]) == place {
			return sayings, kinds, true
		}
		records = next
	}
	return nil, 0, false
}

// recordAt reads the record that starts records: what its rule said, the
// kinds it asked about, and the records after it.
func recordAt(records []byte) (sayings []byte, kinds kindBits, next []byte) {
	n := recordHead + int(binary.LittleEndian.Uint32(records[3:]))
	return records[recordHead:n], kindBits(records[1]) | kindBits(records[2])<<8, records[n:]
}

// appendDiagnostic appends d to b: its part, span and severity as numbers,
// its message and suggestion, and its fix when it has one.
func appendDiagnostic(b []byte, d *Diagnostic) []byte {
	b = binary.AppendVarint(b, int64(d.Part.Kind))
	b = binary.AppendVarint(b, int64(d.Part.Index))
	b = binary.AppendVarint(b, int64(d.Span.Start))
	b = binary.AppendVarint(b, int64(d.Span.End))
	b = binary.AppendVarint(b, int64(d.Severity))
	b = appendString(b, d.Message)
	b = appendString(b, d.Suggestion)
	if d.Fix == nil {
		return append(b, 0)
	}
	b = append(b, 1)
	b = binary.AppendVarint(b, int64(d.Fix.Span.Start))
	b = binary.AppendVarint(b, int64(d.Fix.Span.End))
	return appendString(b, d.Fix.New)
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// readDiagnostic reads a diagnostic appendDiagnostic wrote at the start of
// b, its fix into fix, and returns it and the rest of b. Its strings are
// b's bytes, which are never written again.
func readDiagnostic(b []byte, fix *Edit) (Diagnostic, []byte) {
	var d Diagnostic
	var n [5]int64
	for i := range n {
		v, k := binary.Varint(b)
		n[i], b = v, b[k:]
	}
	d.Part, d.Span, d.Severity = Part{Kind: PartKind(n[0]), Index: int(n[1])}, Span{Start: int(n[2]), End: int(n[3])}, Severity(n[4])
	d.Message, b = readString(b)
	d.Suggestion, b = readString(b)
	if b[0] == 0 {
		return d, b[1:]
	}
	b = b[1:]
	start, k := binary.Varint(b)
	b = b[k:]
	end, k := binary.Varint(b)
	b = b[k:]
	fix.Span = Span{Start: int(start), End: int(end)}
	fix.New, b = readString(b)
	d.Fix = fix
	return d, b
}

func readString(b []byte) (string, []byte) {
	n, k := binary.Uvarint(b)
	if n == 0 {
		return "", b[k:]
	}
	return unsafe.String(&b[k], int(n)), b[k+int(n):]
}

// forKind is what the rule at place (bit, its bit) said of the text in a
// message of a kind (kb, its bit; slot, its kindSlot), when the memo has
// it (known): its sayings, for replay. at are the places of the text's
// records in said.said, by rule (recordsAt).
func (said *textSaid) forKind(at []int32, place int, bit uint64, kb kindBits, slot int) (sayings []byte, known bool) {
	if said.byKind&bit == 0 {
		i := at[place]
		if i < 0 {
			return nil, true
		}
		if sayings, kinds, _ := recordAt(said.said[i:]); kinds&kb == 0 {
			return sayings, true
		}
	}
	if slot < 0 {
		return nil, false
	}
	if table := said.kinds.Load(); table != nil {
		if k := table[slot]; k != nil && k.holds&bit != 0 {
			sayings, _, _ := record(k.said, place)
			return sayings, true
		}
	}
	return nil, false
}

// recordsAt sets at[place] to where the record of the rule at place is in
// records, -1 where it has none: a message's rules find theirs with no
// walk of the records each.
func recordsAt(at []int32, records []byte) {
	for i := range at {
		at[i] = -1
	}
	for rest := records; len(rest) >= recordHead; {
		at[rest[0]] = int32(len(records) - len(rest))
		_, _, rest = recordAt(rest)
	}
}

// textMemo is a linter's memo of texts, shared by the messages checked on
// every core.
type textMemo struct {
	rules       int // how many rules it keeps
	seed, seed2 maphash.Seed
	mu          sync.Mutex
	// texts are by their key's hash, hashed once a message: a text
	// whose hash another's has is said afresh. older is the generation
	// before (textMemoBytes); bytes what texts take.
	texts, older map[uint64]*textSaid
	bytes        int
}

// textMemoRules is how many rules a memo keeps (the bits of
// textSaid.byKind and kindSaid.holds); the others run on every message.
const textMemoRules = 64

// newTextMemo gives each running rule that is the same for a text its
// place in the memo it returns; nil when none runs.
func newTextMemo(active []active) *textMemo {
	n := 0
	for i := range active {
		active[i].said = -1
		if r := active[i].rule; active[i].check != nil && (r.SameForText || r.SameForStreamedText) && n < textMemoRules {
			active[i].said = n
			n++
		}
	}
	if n == 0 {
		return nil
	}
	return &textMemo{rules: n, seed: maphash.MakeSeed(), seed2: maphash.MakeSeed(), texts: map[uint64]*textSaid{}, older: map[uint64]*textSaid{}}
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
	h, h2 := maphash.Comparable(t.seed, key), maphash.Comparable(t.seed2, key)
	t.mu.Lock()
	said = t.texts[h]
	if said == nil {
		// Met in the older generation: it moves to the newer.
		if said = t.older[h]; said != nil && said.h2 == h2 {
			delete(t.older, h)
			t.file(said)
		}
	}
	t.mu.Unlock()
	if said != nil && said.h2 == h2 {
		return said, false
	}
	return &textSaid{h: h, h2: h2, plain: key.plain}, true
}

// file puts said in the newer generation, first making it the older when
// it is full; under t.mu.
func (t *textMemo) file(said *textSaid) {
	if t.bytes+said.size > textMemoBytes/2 {
		t.older, t.texts = t.texts, t.older
		clear(t.texts)
		t.bytes = 0
	}
	if _, ok := t.texts[said.h]; !ok {
		t.texts[said.h] = said
		t.bytes += said.size
	}
}

// keep files what the rules said of a text (said): what each rule at a
// place in places (a bit a place) said (by, by place) and the kinds it
// asked about (kinds, by place), and what those at byKind said in a
// message of the kind at slot. room is where records are made.
func (t *textMemo) keep(said *textSaid, by [][]Diagnostic, kinds []kindBits, places, byKind uint64, slot int, room *[]byte) {
	said.said = records(room, by, kinds, places)
	said.size = 96 + len(said.said)
	t.mu.Lock()
	t.file(said)
	t.mu.Unlock()
	if byKind != 0 && slot >= 0 {
		t.keepByKind(said, by, byKind, slot, room)
	}
}

// records are the records of what each rule at a place in places said
// (by) and the kinds it asked about (kinds; nil for none), made in room
// and copied out, nil when none said or asked anything.
func records(room *[]byte, by [][]Diagnostic, kinds []kindBits, places uint64) []byte {
	b := (*room)[:0]
	for place, ds := range by {
		var asked kindBits
		if kinds != nil {
			asked = kinds[place]
		}
		if len(ds) == 0 && asked == 0 || places&(1<<place) == 0 {
			continue
		}
		b = appendRecord(b, place, asked, ds)
	}
	*room = b
	if len(b) == 0 {
		return nil
	}
	return slices.Clone(b)
}

// keepByKind files what the rules at byKind said of a text (said) in a
// message of the kind at slot, with what the memo has of the
// text's other kinds; nothing when another worker filed the kind first.
func (t *textMemo) keepByKind(said *textSaid, by [][]Diagnostic, byKind uint64, slot int, room *[]byte) {
	old := said.kinds.Load()
	var table kindTable
	if old != nil {
		if table = *old; table[slot] != nil {
			return
		}
	}
	k := &kindSaid{holds: byKind, said: records(room, by, nil, byKind)}
	table[slot] = k
	if said.kinds.CompareAndSwap(old, &table) {
		t.grew(said, 48+8*kindSlots+len(k.said))
	}
}

// grew counts size more bytes for said, kept since it was filed.
func (t *textMemo) grew(said *textSaid, size int) {
	t.mu.Lock()
	said.size += size
	if t.texts[said.h] == said {
		t.bytes += size
	}
	t.mu.Unlock()
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
// are not the same for a text (spelling in a file read whole, length)
// still read its tokens, word ids, words and sentences, worked out afresh
// for each message. They depend on the text and its language alone (the
// memo's key holds both), so the memo keeps them too, and a message with a
// text met before gets a copy of each when a rule first asks for it
// (messageRoom.lender; a copy: a rule may write a word's Entry, and the
// engine hands each message's slices back to its worker). Of a plain text
// (textKey.plain), whose spelling is said again, only the sentences are
// kept: length reads nothing else. They are kept on a text's second
// sighting, not its first: most texts of most exports come once, and
// copying out what a text that never comes back had would be a cost for
// nothing. A token is kept in 12 bytes, not 40, its norm a slice of the
// text but for the few words whose norm is another string (a capital
// lowered), and a word in 8, not 88.

// textAnalysis is what the rules share of a text: its tokens (the norms
// that are not a slice of the text in norms, in token order), their word
// ids, its words and its sentences, each but the tokens nil when no rule
// asked for it.
type textAnalysis struct {
	tokens    []keptToken
	norms     []string
	ids       []WordID
	words     []keptWord
	sentences []Span
}

// keptWord is a word of a kept text (Message.Words): its token's index
// and where its gap ends. words is nil when no rule asked for the words.
type keptWord struct{ tok, gapEnd int32 }

// keptToken is a token of a kept text: its norm is the text's bytes from
// start to end (normText), none (normNone), or the next of norms
// (normOwn).
type keptToken struct {
	start, end int32
	kind       TokenKind
	norm       uint8
}

const (
	normText = iota
	normNone
	normOwn
)

// lend gives m a copy of what the memo kept of its text (said), in the
// slices m's room lends; false when nothing is kept yet or m has some of
// it already (a loader worked it out), which is then left as it is. The
// sentences, which need no tokens, may have been lent before
// (lendSentences).
func (said *textSaid) lend(m *Message) bool {
	a := said.analysis.Load()
	if a == nil || a.tokens == nil || m.tokens != nil || m.ids != nil || m.words != nil {
		return false
	}
	// The slices are the room's, or the pools', as those the passes
	// make: a message checked alone (Linter.Check) has no room.
	var toks []Token
	if r := m.room; r != nil {
		toks = take(&r.tokens)
	} else {
		toks = fromPool[Token](&tokenPool)
	}
	toks = slices.Grow(toks, len(a.tokens))[:len(a.tokens)]
	text, norms := m.Body.Text, a.norms
	for i, k := range a.tokens {
		t := &toks[i]
		t.Start, t.End, t.Kind = int(k.start), int(k.end), k.kind
		switch k.norm {
		case normText:
			t.Norm = text[k.start:k.end]
		case normNone:
			t.Norm = ""
		default:
			t.Norm, norms = norms[0], norms[1:]
		}
	}
	m.tokens = toks
	if a.ids != nil {
		ids := m.newIDs(len(a.ids))
		copy(ids, a.ids)
		m.ids = ids
	}
	if a.words != nil {
		// Made from the tokens as wordsOf makes them, without its pass
		// over every token.
		var words []WordToken
		if r := m.room; r != nil {
			words = take(&r.words)
		} else {
			words = fromPool[WordToken](&wordPool)
		}
		words = slices.Grow(words, len(a.words))[:len(a.words)]
		for i, k := range a.words {
			w := &words[i]
			w.Token, w.Tok, w.Entry = toks[k.tok], int(k.tok), nil
			w.Gap = text[w.End:k.gapEnd]
			w.ID = 0
			if m.ids != nil {
				w.ID = m.ids[k.tok]
			}
		}
		m.words = words
	}
	said.lendSentences(m)
	return true
}

// lendSentences gives m a copy of the sentences the memo kept of its text
// (said), alone: the rule that asks for a text's sentences on a text met
// before (length) most often asks for nothing else. False when none are
// kept or m has its own.
func (said *textSaid) lendSentences(m *Message) bool {
	a := said.analysis.Load()
	if a == nil || a.sentences == nil || m.sentences != nil {
		return false
	}
	var sentences []Span
	if r := m.room; r != nil {
		sentences = take(&r.sentences)
	} else {
		sentences = fromPool[Span](&spanPool)
	}
	m.sentences = append(sentences, a.sentences...)
	return true
}

// fromPool is an empty slice from pool (tokenPool, wordPool, spanPool),
// nil when it holds none.
func fromPool[T any](pool *sync.Pool) []T {
	buf := pool.Get().(*[]T)
	out := (*buf)[:0]
	*buf = nil
	pool.Put(buf)
	return out
}

// keepAnalysis files what m's rules worked out of its text (said's) for
// the messages with the text after it: its sentences, and its tokens, ids
// and words when a rule asked for them and the text is not plain; nothing
// when nothing was worked out, or another worker kept them first.
func (t *textMemo) keepAnalysis(said *textSaid, m *Message) {
	if m.tokens == nil && m.sentences == nil || len(m.Body.Text) > math.MaxInt32 || said.analysis.Load() != nil {
		return
	}
	text := m.Body.Text
	a := &textAnalysis{}
	size := 0
	// The tokens, ids and words of a plain text (textKey.plain) are not
	// kept: every rule that reads them is then said again, but for one
	// asked about the message's kind, seldom. Kept, they took two thirds
	// of what a text's entry took, and the memo held a third as many
	// texts.
	tokens := m.tokens
	if said.plain {
		tokens = nil
	}
	if tokens != nil {
		a.tokens = make([]keptToken, len(tokens))
		size += 12 * len(a.tokens)
	}
	for i, tok := range tokens {
		k := keptToken{start: int32(tok.Start), end: int32(tok.End), kind: tok.Kind}
		switch {
		case tok.Norm == "":
			k.norm = normNone
		case tok.Norm == text[tok.Start:tok.End]:
			k.norm = normText
		default:
			// Kept apart from the message: a norm may be a slice of
			// its text, which may hold the file's bytes.
			k.norm = normOwn
			a.norms = append(a.norms, strings.Clone(tok.Norm))
			size += 16 + len(tok.Norm)
		}
		a.tokens[i] = k
	}
	if tokens != nil && m.ids != nil {
		a.ids = slices.Clone(m.ids)
		size += 4 * len(a.ids)
	}
	if tokens != nil && m.words != nil {
		a.words = make([]keptWord, len(m.words))
		for i, w := range m.words {
			a.words[i] = keptWord{tok: int32(w.Tok), gapEnd: int32(w.End + len(w.Gap))}
		}
		size += 8 * len(a.words)
	}
	if m.sentences != nil {
		a.sentences = append([]Span{}, m.sentences...)
		size += 16 * len(a.sentences)
	}
	if said.analysis.CompareAndSwap(nil, a) {
		t.grew(said, size+96)
	}
}
