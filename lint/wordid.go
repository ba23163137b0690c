package lint

import (
	"sync"
	"sync/atomic"
)

// Many readers ask about every word of every message: the cue index (what
// the word is to a language's cue lists), the spelling verdict, the
// sarcasm scorer's weights. Each kept its own cache by the word's text,
// so each hashed the same word again. A word id names a word's text once
// a run: a message's words are hashed once (Message.WordIDs), and every
// reader keeps what it makes of a word in a WordValues, found by the id
// with two loads and no hash.

// WordID numbers a word's text (its bytes as the message has them, not its
// norm) for the run: the same text has the same id in every message and
// language; 0 is none (a token that is no word, or a word the ids do not
// hold: past maxWordIDs distinct words, or longer than maxCachedLen). A reader keeps its answers by language where they depend
// on it: the id says only which text it is.
type WordID uint32

// maxWordIDs bounds the words given an id: the common words of a run's
// languages, which are most of any text, and room for the names and slips
// a long run meets. A word past it is looked up as before, by its text.
const maxWordIDs = 1 << 17

// wordIDTable hands out the ids: a word cache whose value is the id, given
// in order on a word's first look-up, up to limit ids (ids below limit).
type wordIDTable struct {
	cache wordCache[WordID]
	last  atomic.Uint32 // the last id handed out
	limit uint32
}

func newWordIDTable(limit uint32) *wordIDTable {
	t := &wordIDTable{limit: limit}
	t.cache.tabled, t.cache.limit = true, int(limit)-1
	return t
}

// wordIDs are the run's ids.
var wordIDs = newWordIDTable(maxWordIDs)

// id is a word's id, given one if it has none.
func (t *wordIDTable) id(w string) WordID {
	if w == "" || len(w) > maxCachedLen {
		return 0 // never cached: each look-up would hand out another
	}
	if id, ok := t.cache.table.Load().find(w); ok {
		return id
	}
	if t.out() {
		return 0 // a word the table lacks has none to get
	}
	return t.cache.get(w, t.next)
}

// out reports whether every id is handed out.
func (t *wordIDTable) out() bool { return t.last.Load() >= t.limit }

// next hands out the next id, 0 once they are all out. Two goroutines
// that meet a new word together may each give it one: each id still names
// that one text, and the one the cache keeps wins.
func (t *wordIDTable) next(string) WordID {
	if n := t.last.Add(1); n < t.limit {
		return WordID(n)
	}
	t.last.Store(t.limit) // no wrap, however many ask
	return 0
}

// WordIDs are the ids of the body's words, by token (0 for the other
// tokens: numbers, which are seldom the same twice, would use the ids up),
// worked out once per message. The slice is the message's until Trim. A
// reader keeps what it makes of a token's Norm by the token's id: the
// tokens must be the message's language's (as Message.Tokens makes them).
// The engine asks for them when two rules or more read them
// (Rule.ReadsWordIDs); a reader that finds none (HasWordIDs) looks its
// words up by their text.
func (m *Message) WordIDs() []WordID {
	if m.ids == nil { // inlined, as Tokens
		m.makeIDs()
	}
	return m.ids
}

// makeIDs works out the body's word ids (WordIDs).
func (m *Message) makeIDs() {
	toks := m.Tokens()
	if m.ids != nil { // lent with the tokens
		return
	}
	ids := m.newIDs(len(toks))
	text := m.Body.Text
	table := wordIDs.cache.table.Load()
words:
	for i := range toks {
		t := &toks[i]
		if t.Kind != Word {
			continue
		}
		w := text[t.Start:t.End]
		// A short word known (most words), found here, without a
		// call: the word table's find, unrolled.
		if n := len(w); n <= 8 && table != nil {
			k := shortKey(w)
			for j := mixWord(uint64(n)*0x9e3779b97f4a7c15^k) & table.mask; ; j = (j + 1) & table.mask {
				s := &table.slots[j]
				if s.k == k && len(s.w) == n {
					ids[i] = s.v
					continue words
				}
				if s.w == "" {
					break
				}
			}
		}
		ids[i] = wordIDs.id(w)
	}
	m.setIDs(ids)
}

// HasWordIDs reports whether the message's word ids are worked out.
func (m *Message) HasWordIDs() bool { return m.ids != nil }

// newIDs is a zeroed slice of n ids from the pool, for a reader that
// works the ids out itself while it walks the tokens (see cueHits.look),
// not in a pass of their own; it hands them to setIDs.
func (m *Message) newIDs(n int) []WordID {
	var ids []WordID
	if r := m.room; r != nil {
		ids = take(&r.ids)
	} else {
		buf := idPool.Get().(*[]WordID)
		ids = *buf
		*buf = nil
		idPool.Put(buf)
	}
	if cap(ids) < n {
		return make([]WordID, n, max(n, 16))
	}
	ids = ids[:n]
	clear(ids)
	return ids
}

// setIDs makes ids the message's, and gives the words made before them
// theirs.
func (m *Message) setIDs(ids []WordID) {
	m.ids = ids
	m.wordsIDs()
}

// wordsIDs gives the message's words their ids, if both are made.
func (m *Message) wordsIDs() {
	if m.ids == nil {
		return
	}
	for k := range m.words {
		m.words[k].ID = m.ids[m.words[k].Tok]
	}
}

// idReaders counts the running rules that read word ids.
func idReaders(active []active) int {
	n := 0
	for i := range active {
		if active[i].check != nil && active[i].rule.ReadsWordIDs {
			n++
		}
	}
	return n
}

var idPool = sync.Pool{New: func() any { return new([]WordID) }}

// releaseIDs hands a message's ids back to the room r, or to the pool
// when r is nil.
func (m *Message) releaseIDs(r *messageRoom) {
	if m.ids == nil {
		return
	}
	if r != nil {
		r.ids, m.ids = m.ids[:0], nil
		return
	}
	buf := idPool.Get().(*[]WordID)
	*buf = m.ids[:0]
	idPool.Put(buf)
	m.ids = nil
}

// WordValues keeps a reader's answer for each word id: what a pure
// function of the word (and of what the reader is: its language, its
// lists) makes of it. Messages on every core read and write it without a
// lock; an answer stored twice is the same answer. It grows a thousand
// ids at a time, as ids are met.
type WordValues[V any] struct {
	chunks [maxWordIDs >> wordChunkBits]atomic.Pointer[wordChunk[V]]
}

const wordChunkBits = 10

type wordChunk[V any] [1 << wordChunkBits]atomic.Pointer[V]

// Get is the answer kept for id, nil if none (always for id 0).
func (s *WordValues[V]) Get(id WordID) *V {
	if c := s.chunks[id>>wordChunkBits].Load(); c != nil {
		return c[id&(1<<wordChunkBits-1)].Load()
	}
	return nil
}

// Put keeps v as the answer for id; id 0 keeps nothing.
func (s *WordValues[V]) Put(id WordID, v *V) {
	if id == 0 {
		return
	}
	at := &s.chunks[id>>wordChunkBits]
	c := at.Load()
	if c == nil {
		c = new(wordChunk[V])
		if !at.CompareAndSwap(nil, c) {
			c = at.Load()
		}
	}
	c[id&(1<<wordChunkBits-1)].Store(v)
}
