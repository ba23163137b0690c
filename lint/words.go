package lint

import (
	"slices"
	"sync"
)

// WordToken is one word of a message's body with what the rules ask of every
// word, worked out once per message and shared by every rule
// (Message.Words) instead of each rule walking the tokens and asking again.
type WordToken struct {
	Token
	// Tok is the word's index in Message.Tokens.
	Tok int
	// ID is the word's id (Message.WordIDs) once a reader asked for
	// the message's ids, 0 before or if it has none: a reader that does
	// not read ids does not pay for them.
	ID WordID
	// Gap is the text from the word's end to the next word or number, or
	// to the text's end: "a, user" is not "a user".
	Gap string
	// Entry is what a dictionary of the message's language made of the
	// word, kept by the first rule that looked it up so that the rules
	// after it read it instead of looking the word up again. One package
	// stores it (the spelling rules' verdicts) and says its type; it is
	// nil until stored, and dropped with the words by Trim.
	Entry any
}

// Words are the body's word tokens, in order, found once per message.
// The slice is the message's until Trim: a rule may set a word's Entry,
// but must not keep the slice.
func (m *Message) Words() []WordToken {
	if m.words == nil { // inlined, as Tokens
		m.makeWords()
	}
	return m.words
}

// makeWords makes the body's words (Words).
func (m *Message) makeWords() {
	if m.lendAnalysis() && m.words != nil {
		return
	}
	if r := m.room; r != nil {
		m.words = wordsOf(take(&r.words), m.Body.Text, m.Tokens(), m.ids)
		return
	}
	buf := wordPool.Get().(*[]WordToken)
	m.words = wordsOf((*buf)[:0], m.Body.Text, m.Tokens(), m.ids)
	*buf = nil
	wordPool.Put(buf)
}

// wordPool recycles the word slices between messages, as tokenPool does
// the tokens.
var wordPool = sync.Pool{New: func() any { return new([]WordToken) }}

// releaseWords hands a message's words back to the room r, or to the
// pool when r is nil.
func (m *Message) releaseWords(r *messageRoom) {
	if m.words == nil {
		return
	}
	if r != nil {
		r.words, m.words = m.words[:0], nil
		return
	}
	// Not cleared: wordsOf writes every word of the next message whole
	// (its Entry nil), so none sees this one's entries.
	buf := wordPool.Get().(*[]WordToken)
	*buf = m.words[:0]
	wordPool.Put(buf)
	m.words = nil
}

// wordsOf appends the word tokens of toks to dst, each with its gap and
// its id from ids (by token; nil: none yet). A text with no word gets an
// empty, non-nil slice: asked once.
func wordsOf(dst []WordToken, text string, toks []Token, ids []WordID) []WordToken {
	// No two word tokens are next to each other, so a text has at most
	// half its tokens, rounded up, as words: room for them all at once.
	if most := (len(toks) + 1) / 2; dst == nil || cap(dst)-len(dst) < most {
		dst = slices.Grow(dst, max(most, 8))
	}
	// One pass from the start: a word's gap runs to the start of the word
	// or number after it, written when that one is met; open is the word
	// whose gap is still open, or -1.
	open := -1
	for i := range toks {
		t := &toks[i]
		if t.Kind-Word > Number-Word { // neither a word nor a number
			continue
		}
		if open >= 0 {
			dst[open].Gap = text[dst[open].End:t.Start]
			open = -1
		}
		if t.Kind == Word {
			// Written field by field into the room made above: a
			// literal appended was zeroed, built and copied whole.
			open = len(dst)
			dst = dst[:open+1]
			w := &dst[open]
			w.Token, w.Tok, w.Gap, w.Entry = *t, i, "", nil
			w.ID = 0
			if ids != nil {
				w.ID = ids[i]
			}
		}
	}
	if open >= 0 {
		dst[open].Gap = text[dst[open].End:]
	}
	return dst
}
