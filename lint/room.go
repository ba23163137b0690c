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
}

// take empties a slot of the room and returns what it held, emptied.
func take[T any](slot *[]T) []T {
	s := *slot
	*slot = nil
	return s[:0]
}
