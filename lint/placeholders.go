package lint

import "github.com/msglint/msglint/lint/placeholder"

// holders are a body's placeholders and the body with them blanked, worked
// out once per message for every rule.
type holders struct {
	list   []placeholder.Placeholder
	masked string
	index  placeholder.Index
}

func (m *Message) placeholders() *holders {
	if m.holders == nil {
		ps := placeholder.Find(m.Body.Text, m.Syntax)
		m.holders = &holders{list: ps, masked: placeholder.Mask(m.Body.Text, ps), index: placeholder.NewIndex(ps)}
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
func (m *Message) Masked() string { return m.placeholders().masked }

// InPlaceholder reports whether a span of the body touches a placeholder's
// own characters. The placeholders are found and indexed once per message,
// so a rule may ask for every word.
func (m *Message) InPlaceholder(s Span) bool { return m.placeholders().index.Touches(s.Start, s.End) }
