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
// language; 0 is none (a token that is no word or number, or a word the
// ids do not hold: past maxWordIDs distinct words, or longer than
// maxCachedLen). A reader keeps its answers by language where they depend
// on it: the id says only which text it is.
type WordID uint32

// maxWordIDs bounds the words given an id: the common words of a run's
// languages, which are most of any text. A word past it is looked up as
// before, by its text.
const maxWordIDs = 1 << 16

// wordIDs gives the ids: a word cache whose value is the id, handed out
// in order on a word's first look-up.
var wordIDs = &wordCache[WordID]{tabled: true, limit: maxWordIDs - 1}

// lastWordID is the last id handed out.
var lastWordID atomic.Uint32

// newWordID hands out the next id, 0 once they are all out. Two
// goroutines that meet a new word together may each give it one: each id
// still names that one text, and the one the cache keeps wins.
func newWordID(string) WordID {
	if n := lastWordID.Add(1); n < maxWordIDs {
		return WordID(n)
	}
	lastWordID.Store(maxWordIDs) // no wrap, however many ask
	return 0
}

// wordIDOf is a word's id, given one if it has none.
func wordIDOf(w string) WordID {
	if w == "" || len(w) > maxCachedLen {
		return 0 // never cached: each look-up would hand out another
	}
	if id, ok := wordIDs.table.Load().find(w); ok {
		return id
	}
	if lastWordID.Load() >= maxWordIDs {
		return 0 // all out: a word the table lacks has none to get
	}
	return wordIDs.get(w, newWordID)
}

// WordIDs are the ids of the body's words and numbers, by token (0 for
// the other tokens), worked out once per message. The slice is the
// message's until Trim.
func (m *Message) WordIDs() []WordID {
	if m.ids == nil {
		toks := m.Tokens()
		buf := idPool.Get().(*[]WordID)
		ids := *buf
		*buf = nil
		idPool.Put(buf)
		if cap(ids) < len(toks) {
			ids = make([]WordID, len(toks), max(len(toks), 16))
		}
		ids = ids[:len(toks)]
		text := m.Body.Text
		for i := range toks {
			ids[i] = 0
			if t := &toks[i]; t.Kind == Word || t.Kind == Number {
				ids[i] = wordIDOf(text[t.Start:t.End])
			}
		}
		m.ids = ids
	}
	return m.ids
}

var idPool = sync.Pool{New: func() any { return new([]WordID) }}

// releaseIDs hands a message's ids back to the pool.
func (m *Message) releaseIDs() {
	if m.ids == nil {
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
