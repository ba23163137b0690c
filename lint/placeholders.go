package lint

import (
	"slices"

	"github.com/msglint/msglint/lint/placeholder"
)

// holders are a body's placeholders and the body with them blanked, worked
// out once per message for every rule.
type holders struct {
	list   []placeholder.Placeholder
	masked string // "" until Masked asks for it
	index  placeholder.Index
	// room holds the list and its index for a body with few
	// placeholders, most of those with any: one allocation, not three.
	room [2]placeholder.Placeholder
	ends [2]int
}

// noHolders are the placeholders of a body with none, most bodies: shared
// by their messages and never written, so that finding none allocates
// nothing.
var noHolders = &holders{}

func (m *Message) placeholders() *holders {
	if m.holders == nil {
		m.holders = noHolders
		// Found in the worker's room, if the engine lent one, and
		// copied out only when there are any.
		var found []placeholder.Placeholder
		if m.room != nil {
			found = m.room.found[:0]
		}
		ps := placeholder.AppendFind(found, m.Body.Text, m.Syntax)
		if m.room != nil {
			m.room.found = ps[:0]
		}
		if len(ps) > 0 {
			h := new(holders)
			switch {
			case len(ps) <= len(h.room):
				h.list = append(h.room[:0:len(ps)], ps...)
			case m.room != nil:
				h.list = slices.Clone(ps)
			default:
				h.list = ps
			}
			h.index = placeholder.NewIndexIn(h.list, h.ends[:0])
			m.holders = h
		}
	}
	return m.holders
}

// Placeholders are the body's placeholders, in the systems of m.Syntax,
// found once and shared by every rule.
func (m *Message) Placeholders() []placeholder.Placeholder { return m.placeholders().list }

// Masked is the body with every placeholder's own characters turned into
// spaces of the same byte length: offsets into it are offsets into the body.
// The text of an ICU plural or select branch stays, as it is message text.
// Rules that read words (spelling, shouting, whitespace) look at this text,
// so that none of them reports what is inside a placeholder.
func (m *Message) Masked() string {
	h := m.placeholders()
	if len(h.list) == 0 {
		return m.Body.Text
	}
	if h.masked == "" { // a body with a placeholder is never empty
		h.masked = placeholder.Mask(m.Body.Text, h.list)
	}
	return h.masked
}

// InPlaceholder reports whether a span of the body touches a placeholder's
// own characters. The placeholders are found and indexed once per message,
// so a rule may ask for every word.
func (m *Message) InPlaceholder(s Span) bool { return m.placeholders().index.Touches(s.Start, s.End) }

// trim is Trim, but for keepHolders it keeps the placeholders (and the
// masked body) a file check reads again: a file checked whole has every
// message's placeholders found once, not once for its rules and again for
// each file check.
func (m *Message) trim(keepHolders bool) {
	h := m.holders
	m.Trim()
	if keepHolders {
		m.holders = h
	}
}
