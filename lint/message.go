package lint

import (
	"fmt"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/msglint/msglint/lint/placeholder"
)

// Kind says what a message is for; several rules only apply to some kinds.
type Kind string

// The kinds of message a brand sends.
const (
	Greeting Kind = "greeting" // first reply in a conversation
	Reply    Kind = "reply"
	Away     Kind = "away" // auto-reply outside working hours
	Promo    Kind = "promo"
	Closing  Kind = "closing" // last message of a conversation
	Bot      Kind = "bot"     // automated assistant answer
	Update   Kind = "update"  // order, booking or account notification
)

// Kinds lists every kind, in documentation order.
var Kinds = []Kind{Greeting, Reply, Away, Promo, Closing, Bot, Update}

// Channel is where a message is sent; limits and policies differ per channel.
type Channel string

// The built-in channels that code refers to by name (the hook's and the
// transcript reader's defaults); the list of channels is the registry.
const (
	Messenger Channel = "messenger"
	Instagram Channel = "instagram"
	WhatsApp  Channel = "whatsapp"
	SMS       Channel = "sms"
)

// Title is the channel's name as people write it (Messenger, WhatsApp, SMS),
// from the registry; a channel it does not know is capitalised.
func (c Channel) Title() string {
	for _, s := range channelSpecs {
		if s.Code == c {
			return s.Title
		}
	}
	if c == "" {
		return ""
	}
	return strings.ToUpper(string(c[:1])) + string(c[1:])
}

// Channels lists every channel, in the registry's order (data/channels.yaml).
var Channels = codes(channelSpecs, func(s ChannelSpec) Channel { return s.Code })

// Lang is a supported message language.
type Lang string

// The built-in languages that code and tests refer to by name; the list of
// languages is the registry (data/lang.yaml and RegisterLang).
const (
	English     Lang = "en"
	Turkish     Lang = "tr"
	Azerbaijani Lang = "az"
)

// Langs lists every language, in the registry's order: the built-in ones
// (data/lang.yaml), then those added with RegisterLang.
var Langs = codes(langSpecs, func(s *LangSpec) Lang { return s.Code })

// ParseKind validates a kind name.
func ParseKind(s string) (Kind, error) {
	for _, k := range Kinds {
		if string(k) == s {
			return k, nil
		}
	}
	return "", fmt.Errorf("unknown kind %q (want one of %s)", s, joinAny(Kinds))
}

// ParseChannel validates a channel name.
func ParseChannel(s string) (Channel, error) {
	// Written as the registry writes it, as nearly every message has it,
	// before it is lowered.
	for _, c := range Channels {
		if string(c) == s {
			return c, nil
		}
	}
	lower := strings.ToLower(s)
	for _, c := range Channels {
		if string(c) == lower {
			return c, nil
		}
	}
	return "", fmt.Errorf("unknown channel %q (want one of %s)", s, joinAny(Channels))
}

// ParseLang validates a language code; region subtags (en-US, tr_TR) are accepted.
func ParseLang(s string) (Lang, error) {
	// A bare code as the registry writes it, as nearly every message has
	// it: found before it is lowered and cut.
	for _, l := range Langs {
		if string(l) == s {
			return l, nil
		}
	}
	base := strings.ToLower(s)
	if i := strings.IndexAny(base, "-_"); i > 0 {
		base = base[:i]
	}
	for _, l := range Langs {
		if string(l) == base {
			return l, nil
		}
	}
	return "", fmt.Errorf("unsupported language %q (want one of %s)", s, joinAny(Langs))
}

func joinAny[T ~string](v []T) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = string(x)
	}
	return strings.Join(s, ", ")
}

// Field is a piece of text with the map back to where it was written.
type Field struct {
	Text string
	Map  SourceMap
}

// PartKind names which field of a message a finding is about.
type PartKind int

// The parts of a message.
const (
	Body PartKind = iota
	QuickReply
	Button
	// TemplateText is one of Message.Template's texts (a header, a footer,
	// a button's URL, the template's name).
	TemplateText
	// ElementTitle and ElementSubtitle are the title and subtitle of the
	// Index-th of Message.Elements (a card of a generic template).
	ElementTitle
	ElementSubtitle
)

// Part points at one field: the body, or the n-th quick reply or button.
type Part struct {
	Kind  PartKind
	Index int
}

// Element is one card of a generic template: its title and subtitle (an
// empty Field when it has none), its default action's URL, and its buttons,
// Buttons of them from Message.Buttons[FirstButton].
type Element struct {
	Title, Subtitle      Field
	DefaultAction        Field
	FirstButton, Buttons int
}

// Message is one text a brand sends, as read from a library file.
type Message struct {
	ID      string
	Kind    Kind
	Lang    Lang
	Channel Channel
	// LangDetected is true when Lang was guessed from the text.
	LangDetected bool
	// KindFrom says where Kind was inferred from, for a locale string
	// whose key path named it (`key "fallback"`, `kinds: "bot.*"`).
	KindFrom string

	Body Field
	// BodyUTF8 is set by a reader that found Body's text valid UTF-8
	// without U+FFFD as it read it (an export's line): the invalid-text
	// check, which would read every byte of it again, passes over it.
	// Whoever changes Body's text after must clear it.
	BodyUTF8     bool
	QuickReplies []Field
	Buttons      []Field
	// Elements are the cards of a Messenger or Instagram generic template,
	// in order; their buttons are among Buttons.
	Elements []Element

	// MessagingType and Tag come from Send API bodies (RESPONSE, UPDATE, MESSAGE_TAG).
	MessagingType string
	Tag           string

	// Template is the structure of the platform template the message was
	// read from; nil for a plain message.
	Template *Template
	// Profile says the message is part of a Messenger Profile (the
	// greeting, ice breakers or persistent menu of a Page), not a message
	// sent in a conversation: its quick replies are ice breaker questions,
	// its buttons menu items, and the profile's own limits apply.
	Profile bool

	// Disable lists rules switched off for this message only.
	Disable []string
	// Syntax is the placeholder systems its sending system fills in, from
	// the file's format or the config; 0 means every system.
	Syntax placeholder.Syntax

	Source    *Source
	langOf    langPlace    // the place of Lang in Langs (langIndex)
	room      *messageRoom // lent by the engine until Trim (messageRoom)
	tokens    []Token
	words     []WordToken // the body's words (Words)
	ids       []WordID    // the body's words' and numbers' ids, by token (WordIDs)
	sentences []Span
	holders   *holders
	cues      *cueHits // every cue list's matches in the body (FindIn)
	// kept are values rules worked out for the message and want again
	// in their file check (Remember); Trim keeps them. The first is
	// kept1, in the message itself: most messages keep one (the spelling
	// rule's), and a slice of one was an allocation a message. A copy of
	// the message copies it, sharing nothing it could write.
	kept  []kept
	kept1 kept
	// fixes are room for the edits of the message's first fixes
	// (NewFix), taken by fixesN, counted atomically: a fix, about one a
	// message, was an allocation of its own. A taken edit is never
	// written again.
	fixes  [2]Edit
	fixesN int32
	// cuesListed: the language had no index when the message was first
	// looked up, and its lists are found one by one (FindIn). With
	// Streamed, it is in fixesN's padding: a message is 576 bytes, not
	// 592 (a 640-byte size class), and a file read whole keeps them all.
	cuesListed bool
	// Streamed says the message was read as a stream and is not kept for
	// the rules that look across files (Loaded.Streamed): no file check
	// will ask what a rule would Remember of it, so Remember keeps nothing.
	Streamed bool
	// kindsAsked are the kinds a rule asked the message's kind about
	// (IsKind, IsKindIn, a bit a kind: kindBit): the engine reads them
	// after a rule that reads the kind no other way (Rule.AsksKind).
	kindsAsked kindBits
	// Offset is the file offset of the message's definition, used for
	// findings about the message as a whole when its text has no map.
	Offset int
}

// IsKind reports whether the message is of kind k. A rule that reads the
// kind this way alone (Rule.AsksKind) lets the engine say what it said of a
// text again of the text in a message of any kind it did not ask about.
func (m *Message) IsKind(k Kind) bool {
	m.kindsAsked |= kindBit(k)
	return m.Kind == k
}

// IsKindIn reports whether the message's kind is one of kinds, as IsKind.
func (m *Message) IsKindIn(kinds ...Kind) bool {
	for _, k := range kinds {
		m.kindsAsked |= kindBit(k)
	}
	return slices.Contains(kinds, m.Kind)
}

// kindBits is a set of kinds, a bit each (kindBit).
type kindBits uint16

// otherKinds stands for every kind not in Kinds or past its fifteenth (a
// config's own): a rule that asked about one of them asked about them all.
const otherKinds kindBits = 1 << 15

// kindBit is k's bit in a set of kinds: its place in Kinds, or otherKinds.
func kindBit(k Kind) kindBits {
	if i := slices.Index(Kinds, k); i >= 0 && i < 15 {
		return 1 << i
	}
	return otherKinds
}

// Field returns the field a part names.
func (m *Message) Field(p Part) *Field {
	switch p.Kind {
	case QuickReply:
		if p.Index < len(m.QuickReplies) {
			return &m.QuickReplies[p.Index]
		}
	case Button:
		if p.Index < len(m.Buttons) {
			return &m.Buttons[p.Index]
		}
	case TemplateText:
		if m.Template != nil {
			return m.Template.Text(p.Index)
		}
	case ElementTitle, ElementSubtitle:
		if p.Index < len(m.Elements) {
			if p.Kind == ElementTitle {
				return &m.Elements[p.Index].Title
			}
			return &m.Elements[p.Index].Subtitle
		}
	default:
		return &m.Body
	}
	return nil
}

// Disabled reports whether the message switches a rule off.
func (m *Message) Disabled(rule string) bool {
	for _, r := range m.Disable {
		if r == rule || r == "all" {
			return true
		}
	}
	return false
}

type kept struct{ key, val any }

// Remember keeps a value a rule worked out for the message under key, so
// that the rule's file check, which runs after every message was checked,
// uses it instead of working it out again. Trim keeps it.
func (m *Message) Remember(key, val any) {
	if m.Streamed {
		return
	}
	if key != nil && (m.kept1.key == nil || m.kept1.key == key) {
		m.kept1 = kept{key, val}
		return
	}
	for i := range m.kept {
		if m.kept[i].key == key {
			m.kept[i].val = val
			return
		}
	}
	m.kept = append(m.kept, kept{key, val})
}

// Recall returns the value Remember kept under key.
func (m *Message) Recall(key any) (any, bool) {
	if key != nil && m.kept1.key == key {
		return m.kept1.val, true
	}
	for _, k := range m.kept {
		if k.key == key {
			return k.val, true
		}
	}
	return nil, false
}

// NewFix returns the edit replacing span of one of the message's texts with
// text, for a diagnostic's Fix: the message's first fixes are made in its
// own room, the rest on the heap. The edit lives as long as the message
// or the diagnostic, whichever is longer, and must not be changed.
func (m *Message) NewFix(span Span, text string) *Edit {
	if i := atomic.AddInt32(&m.fixesN, 1) - 1; i < int32(len(m.fixes)) {
		e := &m.fixes[i]
		*e = Edit{Span: span, New: text}
		return e
	}
	return &Edit{Span: span, New: text}
}
