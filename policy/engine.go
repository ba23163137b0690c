package policy

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
	"github.com/msglint/msglint/rules"
	"gopkg.in/yaml.v3"
)

// MaxLine is the longest transcript line read, in bytes.
const MaxLine = 1 << 20

// Checker judges transcripts with the rules a linter has switched on.
type Checker struct {
	linter   *lint.Linter
	load     load.Options
	profiles Profiles
	zone     *time.Location
	freq     FrequencyOptions
	resp     ResponseTimeOptions
	on       map[string]bool

	goodbye, greeting, forwarding func(*lint.Message) []lint.Diagnostic
	personRequest                 func(*lint.Message) []lint.Match
	promo                         func(*lint.Message) bool
}

// conversationRules are the template rules that read a transcript with its
// context instead of message by message.
var conversationRules = []string{"goodbye", "greeting", "forwarding-consent", "bot-handoff"}

// NewChecker builds a checker from the linter's rules and their options.
func NewChecker(l *lint.Linter, o load.Options) (*Checker, error) {
	c := &Checker{linter: l, load: o, on: map[string]bool{}}
	for _, r := range append(Rules(), rules.Goodbye, rules.Greeting, rules.ForwardingConsent, rules.BotHandoff, rules.CTA) {
		_, _, ok := l.Config(r.Name)
		c.on[r.Name] = ok
	}
	opts := func(name string) *yaml.Node { n, _, _ := l.Config(name); return n }
	wo, err := lint.DecodeOptions(opts("window"), WindowOptions{Zone: "UTC"})
	if err != nil {
		return nil, err
	}
	if c.profiles, err = wo.profiles(); err != nil {
		return nil, err
	}
	c.zone, _ = loadZone(wo.Zone)
	if c.freq, err = lint.DecodeOptions(opts("frequency"), defaultFrequency); err != nil {
		return nil, err
	}
	if c.resp, err = lint.DecodeOptions(opts("response-time"), defaultResponse); err != nil {
		return nil, err
	}
	for _, d := range []struct {
		r   *lint.Rule
		out *func(*lint.Message) []lint.Diagnostic
	}{{rules.Goodbye, &c.goodbye}, {rules.Greeting, &c.greeting}, {rules.ForwardingConsent, &c.forwarding}} {
		if *d.out, err = rules.Detect(d.r, opts(d.r.Name)); err != nil {
			return nil, err
		}
	}
	if c.personRequest, err = rules.NewPersonRequest(opts("bot-handoff")); err != nil {
		return nil, err
	}
	if c.promo, err = rules.NewPromoDetector(opts("cta")); err != nil {
		return nil, err
	}
	return c, nil
}

// State is what the rules remember of one conversation: a few times and
// flags, never its whole history, so memory does not grow with its length.
// The hook keeps it in its store between requests, so it is plain data.
type State struct {
	ID       string       `json:"id"`
	Channel  lint.Channel `json:"ch"`
	Zone     string       `json:"zone,omitempty"` // the recipient's time zone, when an event named it
	Last     time.Time    `json:"last"`           // the latest event, for order and expiry
	LastLine int          `json:"-"`

	Open         time.Time `json:"open,omitzero"`
	LastCustomer time.Time `json:"customer,omitzero"`
	OpenLine     int       `json:"-"`
	OpenType     Type      `json:"open_type,omitempty"`
	ReferralAt   time.Time `json:"referral,omitzero"` // a conversation started from an ad referral
	ReferralLine int       `json:"-"`

	Stopped  bool      `json:"stopped,omitempty"`
	StopAt   time.Time `json:"stop_at,omitzero"`
	StopLine int       `json:"-"`
	SentOut  bool      `json:"sent,omitempty"`

	Consent     bool      `json:"consent,omitempty"`
	Revoked     bool      `json:"revoked,omitempty"`
	RevokedAt   time.Time `json:"revoked_at,omitzero"`
	RevokedLine int       `json:"-"`

	Unanswered []time.Time `json:"unanswered,omitempty"` // brand sends since the customer last wrote, in the period
	Promos     []time.Time `json:"promos,omitempty"`

	Pending     bool      `json:"pending,omitempty"`
	PendingAt   time.Time `json:"pending_at,omitzero"`
	PendingLine int       `json:"-"`
	Turns       int       `json:"turns,omitempty"`
	Answered    int       `json:"answered,omitempty"`
	FirstLine   int       `json:"-"`
	Replied     bool      `json:"replied,omitempty"` // the brand has answered at least once

	Requested   bool      `json:"requested,omitempty"`
	RequestAt   time.Time `json:"request_at,omitzero"`
	RequestLine int       `json:"-"`

	lastOut     *lint.Message // transcripts only: the goodbye check on close
	lastOutLine int
	zone        *time.Location
}

// Result is what a transcript gave.
type Result struct {
	Findings []lint.Finding // sorted; empty when a sink took them
	Events   int
	Stats    *Stats
}

// Sink receives findings as they are made; a run with a sink keeps none, so
// its memory does not grow with the findings either.
type Sink func(lint.Finding)

// RunWebhook checks a Meta webhook payload as a transcript.
func (c *Checker) RunWebhook(path string, data []byte) (Result, error) {
	events, err := WebhookEvents(path, data)
	if err != nil {
		return Result{}, err
	}
	return c.events(path, nil, func(yield func(Event) error) error {
		for _, e := range events {
			if err := yield(e); err != nil {
				return err
			}
		}
		return nil
	})
}

// Run reads a JSONL transcript in one pass. A line that cannot be read, an
// unknown type or a time earlier than the conversation's previous event stops
// it with an error naming the line.
func (c *Checker) Run(path string, r io.Reader) (Result, error) { return c.Stream(path, r, nil) }

// Stream is Run with findings sent to sink as they are made (nil: collect).
func (c *Checker) Stream(path string, r io.Reader, sink Sink) (Result, error) {
	return c.events(path, sink, func(yield func(Event) error) error {
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 64<<10), MaxLine)
		for n := 1; sc.Scan(); n++ {
			line := sc.Bytes()
			if len(bytes.TrimSpace(line)) == 0 {
				continue
			}
			e, err := ParseEvent(line)
			if err != nil {
				return &lint.InputError{Path: path, Line: n, Msg: err.Error()}
			}
			e.Line, e.Raw = n, line
			if err := yield(e); err != nil {
				return err
			}
		}
		if err := sc.Err(); err != nil {
			if errors.Is(err, bufio.ErrTooLong) {
				return &lint.InputError{Path: path, Msg: fmt.Sprintf("a line is longer than %d bytes", MaxLine)}
			}
			return &lint.InputError{Path: path, Msg: err.Error()}
		}
		return nil
	})
}

func (c *Checker) events(path string, sink Sink, each func(func(Event) error) error) (Result, error) {
	res := Result{Stats: newStats()}
	convs := map[string]*State{}
	out := sink
	if out == nil {
		out = func(f lint.Finding) { res.Findings = append(res.Findings, f) }
	}
	err := each(func(e Event) error {
		res.Events++
		k := string(e.Channel) + "\x00" + e.Conversation
		cv := convs[k]
		if cv == nil {
			cv = &State{ID: e.Conversation, Channel: e.Channel, FirstLine: e.Line}
			convs[k] = cv
			res.Stats.conversation(e.Channel)
		}
		if e.Time.Before(cv.Last) {
			return &lint.InputError{Path: path, Line: e.Line, Msg: fmt.Sprintf("time %s is earlier than the conversation's event on line %d (%s)",
				e.RawTime, cv.LastLine, cv.Last.Format(time.RFC3339))}
		}
		cv.Last, cv.LastLine = e.Time, e.Line
		c.event(path, cv, &e, out, res.Stats)
		return nil
	})
	if err != nil {
		return Result{}, err
	}
	for _, cv := range convs {
		c.finish(path, cv, out, res.Stats)
	}
	lint.SortFindings(res.Findings)
	return res, nil
}
