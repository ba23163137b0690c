// Package policy checks conversations over time: messaging windows, message
// tags, frequency, response time and consent, from transcripts of events.
package policy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
)

// Direction says who sent an event.
type Direction string

// Directions.
const (
	In  Direction = "in"  // from the customer
	Out Direction = "out" // from the brand
)

// Actor is who acted.
type Actor string

// Actors.
const (
	Customer Actor = "customer"
	Agent    Actor = "agent"
	BotActor Actor = "bot"
)

// Type is what happened.
type Type string

// Event types.
const (
	Message        Type = "message"
	Postback       Type = "postback"
	Reaction       Type = "reaction"
	Referral       Type = "referral"
	Optin          Type = "optin"
	Forward        Type = "forward"
	ConsentGranted Type = "consent_granted"
	ConsentRevoked Type = "consent_revoked"
	Handoff        Type = "handoff"
	Close          Type = "close"
	Stop           Type = "stop"
)

var types = []Type{Message, Postback, Reaction, Referral, Optin, Forward, ConsentGranted, ConsentRevoked, Handoff, Close, Stop}

// Origin says where an event came from, which decides where its findings
// are placed and how earlier events are named.
type Origin int

// Origins.
const (
	// Live is an event the hook learns of: findings are placed in its text
	// alone, and earlier events are named by their time.
	Live Origin = iota
	// TranscriptLine is a line of a JSONL transcript: findings are placed
	// in the line.
	TranscriptLine
	// WebhookFile is an item of a webhook payload file: findings are on the
	// item's line, as its text has no place of its own in the file.
	WebhookFile
)

// Event is one line of a transcript.
type Event struct {
	Time          time.Time    `json:"-"`
	RawTime       string       `json:"time"`
	Conversation  string       `json:"conversation"`
	User          string       `json:"user"`
	Channel       lint.Channel `json:"channel"`
	Direction     Direction    `json:"direction"`
	Actor         Actor        `json:"actor"`
	Type          Type         `json:"type"`
	Text          string       `json:"text"`
	MessagingType string       `json:"messaging_type"`
	Tag           string       `json:"tag"`
	Template      string       `json:"template"`
	To            string       `json:"to"`
	Kind          lint.Kind    `json:"kind"`
	Lang          lint.Lang    `json:"lang"`
	Zone          string       `json:"zone"` // the recipient's IANA time zone (SMS quiet hours)
	ID            string       `json:"id"`
	// EventID names the event for de-duplication: the hook applies an
	// event with a given id once, however often it is delivered.
	EventID string `json:"event_id"`

	Origin Origin `json:"-"`
	Line   int    `json:"-"` // in the file, where the origin has one
	Raw    []byte `json:"-"` // a transcript's line as read, for placing findings in its text
	// parsed is the transcript's line parsed, which the message of the
	// event's text is read from; or that message, made when the line was
	// parsed (made).
	parsed load.JSONLine
	msg    *lint.Message
	made   bool
	// at is where Raw starts in a transcript the loop can read again,
	// plus one; 0 when it cannot.
	at int64
}

// read takes the event's fields from a line parsed as a JSON object,
// where encoding/json would take them the same way: every key the event
// knows spelled as it is, with a string or null; any other key not one of
// those in another case. False for anything else, which encoding/json
// decides.
func (e *Event) read(l *load.JSONLine) bool {
	if bytes.HasPrefix(l.Data(), []byte("\ufeff")) {
		return false // encoding/json refuses a byte order mark
	}
	n := l.Keys()
	for i := range n {
		key, value, kind := l.Field(i)
		f := e.field(key)
		switch {
		case f == nil:
			if foldsToField(key) {
				return false
			}
		case kind == load.StringValue:
			*f = value
		case kind != load.NullValue:
			return false
		}
	}
	return n >= 0
}

// field is the event's string field a JSON key names, as spelled in its
// tag; nil for any other key.
func (e *Event) field(key string) *string {
	switch key {
	case "time":
		return &e.RawTime
	case "conversation":
		return &e.Conversation
	case "user":
		return &e.User
	case "channel":
		return (*string)(&e.Channel)
	case "direction":
		return (*string)(&e.Direction)
	case "actor":
		return (*string)(&e.Actor)
	case "type":
		return (*string)(&e.Type)
	case "text":
		return &e.Text
	case "messaging_type":
		return &e.MessagingType
	case "tag":
		return &e.Tag
	case "template":
		return &e.Template
	case "to":
		return &e.To
	case "kind":
		return (*string)(&e.Kind)
	case "lang":
		return (*string)(&e.Lang)
	case "zone":
		return &e.Zone
	case "id":
		return &e.ID
	case "event_id":
		return &e.EventID
	}
	return nil
}

// eventKeys are the keys field knows.
var eventKeys = []string{"time", "conversation", "user", "channel", "direction", "actor", "type", "text",
	"messaging_type", "tag", "template", "to", "kind", "lang", "zone", "id", "event_id"}

// foldsToField tells whether encoding/json might take key, which field
// does not know, for one of the event's keys: it matches them regardless
// of case, with Unicode's folds (K, the Kelvin sign, for k).
func foldsToField(key string) bool {
	for i := 0; i < len(key); i++ {
		if key[i] >= utf8.RuneSelf {
			return true
		}
	}
	return slices.ContainsFunc(eventKeys, func(k string) bool { return strings.EqualFold(k, key) })
}

// line is the event's line in its file; 0 for a live event, which has
// none.
func (e *Event) line() int {
	if e.Origin == Live {
		return 0
	}
	return e.Line
}

// messageID names the event in a finding.
func (e *Event) messageID() string {
	if e.ID != "" {
		return e.ID
	}
	return e.Conversation
}

// ParseEvent reads and checks one transcript line. The event's strings are
// cut from one copy of the line.
func ParseEvent(line []byte) (Event, error) {
	e, err := parseEvent(load.ParseLine("", line, 0))
	e.parsed = load.JSONLine{}
	return e, err
}

// parseEvent reads and checks a transcript line parsed once, which the
// event keeps for the message of its text.
func parseEvent(l load.JSONLine) (Event, error) {
	var e Event
	if !e.read(&l) {
		// What read does not take as encoding/json would (a key in
		// another case, a value not a string, a duplicate key, JSON
		// that does not parse) is decoded by encoding/json, which
		// the event's fields and its errors are defined by.
		var err error
		if e, err = decodeEvent(l.Data()); err != nil {
			return e, err
		}
	}
	e.parsed = l
	return checkEvent(e)
}

// decodeEvent decodes a line with encoding/json. (A function of its own,
// so that an event read without it is not moved to the heap.)
func decodeEvent(line []byte) (Event, error) {
	var e Event
	if err := json.NewDecoder(bytes.NewReader(line)).Decode(&e); err != nil {
		return e, fmt.Errorf("invalid JSON: %v", err)
	}
	return e, nil
}

// checkEvent checks an event's fields, as read from its line, and fills
// in the defaults.
func checkEvent(e Event) (Event, error) {
	t, err := time.Parse(time.RFC3339, e.RawTime)
	if err != nil {
		return e, fmt.Errorf("bad time %q: want RFC 3339 with an offset, such as 2026-03-01T10:00:00+03:00", e.RawTime)
	}
	e.Time = t
	if e.Conversation == "" {
		e.Conversation = e.User
	}
	if e.Conversation == "" {
		return e, fmt.Errorf("no conversation (or user) id")
	}
	if e.Channel == "" {
		e.Channel = lint.Messenger
	}
	// The values a state keeps are the constants, not cut from the line,
	// which they would keep in memory.
	ch, err := lint.ParseChannel(string(e.Channel))
	if err != nil {
		return e, err
	}
	if ch == e.Channel {
		e.Channel = ch
	}
	if e.Type == "" {
		e.Type = Message
	}
	i := slices.Index(types, e.Type)
	if i < 0 {
		return e, fmt.Errorf("unknown event type %q (want one of %s)", e.Type, joinTypes())
	}
	e.Type = types[i]
	switch e.Direction {
	case In:
		e.Direction = In
	case Out:
		e.Direction = Out
	case "":
		return e, fmt.Errorf("no direction: want in (from the customer) or out (from the brand)")
	default:
		return e, fmt.Errorf("unknown direction %q: want in or out", e.Direction)
	}
	switch e.Actor {
	case Customer, Agent, BotActor:
	case "":
		if e.Direction == In {
			e.Actor = Customer
		} else {
			e.Actor = Agent
		}
	default:
		return e, fmt.Errorf("unknown actor %q: want customer, agent or bot", e.Actor)
	}
	if e.Kind != "" {
		if _, err := lint.ParseKind(string(e.Kind)); err != nil {
			return e, err
		}
	}
	if e.Lang != "" {
		l, err := lint.ParseLang(string(e.Lang))
		if err != nil {
			return e, err
		}
		e.Lang = l
	}
	if e.Zone != "" {
		if _, err := loadZone(e.Zone); err != nil {
			return e, fmt.Errorf("unknown time zone %q", e.Zone)
		}
	}
	e.MessagingType = strings.ToUpper(e.MessagingType)
	e.Tag = strings.ToUpper(e.Tag)
	return e, nil
}

func joinTypes() string {
	s := make([]string, len(types))
	for i, t := range types {
		s[i] = string(t)
	}
	return strings.Join(s, ", ")
}
