package lint

import "github.com/msglint/msglint/lint/placeholder"

// messageRoom holds the slices a message's tokens, words, word ids and
// sentences are made in, handed from one message to the next by an engine
// worker that checks messages one after another and trims each before the
// next (checkBatch, checkMessages). A message takes a slice out of the room
// (the room keeps none of it) and Trim gives it back: the four sync.Pool
// round trips a message made for each were a thousand instructions a
// message. A message checked any other way uses the pools.
type messageRoom struct {
	tokens    []Token
	words     []WordToken
	ids       []WordID
	sentences []Span
	lowered   loweredWords
	// found is where a message's placeholders are found, copied out of
	// it when there are any (Message.placeholders).
	found []placeholder.Placeholder
	// mark is where the worker's last finding was placed in its source,
	// which SpanFrom checks is the finding's.
	mark SourceMark
	// lender is the memo's entry of the text of the message the room is
	// lent to, while its rules run, when the text was met before: its
	// tokens, ids, words and sentences are copied from it when a rule
	// first asks for one (lendAnalysis), not before. On a text met
	// before, most rules say again what they said, and nothing asks.
	lender *textSaid
}

// lendAnalysis copies in what the memo kept of m's text, once, when it
// is lent; false when it copied nothing.
func (m *Message) lendAnalysis() bool {
	r := m.room
	if r == nil || r.lender == nil {
		return false
	}
	said := r.lender
	r.lender = nil
	return said.lend(m)
}

// lendSentences copies in the sentences the memo kept of m's text, when
// it is lent, and leaves the rest for a rule that asks; false when it
// copied nothing.
func (m *Message) lendSentences() bool {
	r := m.room
	return r != nil && r.lender != nil && r.lender.lendSentences(m)
}

// take empties a slot of the room and returns what it held, emptied.
func take[T any](slot *[]T) []T {
	s := *slot
	*slot = nil
	return s[:0]
}
