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

	"github.com/msglint/msglint/lint"
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

// ParseEvent reads and checks one transcript line.
func ParseEvent(line []byte) (Event, error) {
	var e Event
	dec := json.NewDecoder(bytes.NewReader(line))
	if err := dec.Decode(&e); err != nil {
		return e, fmt.Errorf("invalid JSON: %v", err)
	}
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
	if _, err := lint.ParseChannel(string(e.Channel)); err != nil {
		return e, err
	}
	if e.Type == "" {
		e.Type = Message
	}
	if !slices.Contains(types, e.Type) {
		return e, fmt.Errorf("unknown event type %q (want one of %s)", e.Type, joinTypes())
	}
	switch e.Direction {
	case In, Out:
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
