package policy

import (
	"fmt"
	"time"

	"github.com/msglint/msglint/lint"
	"gopkg.in/yaml.v3"
)

// WindowOptions configures the window rule; its channel table is the one
// every conversation rule uses.
type WindowOptions struct {
	// Channels replaces a channel's built-in policy as a whole.
	Channels Profiles `yaml:"channels,omitempty"`
	// Zone is the recipient's time zone for SMS quiet hours when the
	// transcript does not give one.
	Zone string `yaml:"zone"`
}

// Window flags a send outside the channel's messaging window.
var Window = conversationOnly("window", lint.Doc{
	Title: "message sent outside the channel's messaging window",
	Text: `In a transcript, flags a brand message sent when the channel does not allow it: on Messenger
more than 24 hours after the customer's last message, postback, reaction, referral or opt-in (7 days when
the conversation started from a Click-to-Messenger ad) without a valid message tag; on Instagram outside 24
hours without HUMAN_AGENT; on WhatsApp outside the 24-hour customer-service window without an approved
template; on SMS inside quiet hours (21:00-08:00 in the recipient's time zone), after the customer replied
STOP, or as a first message with no opt-out wording. It says which event opened the last window, when it
closed, and by how much the send missed it.`,
	Why: `Meta refuses sends outside the window and may restrict the page; WhatsApp refuses free-form
messages outside the customer-service window; SMS at night or after STOP breaks the law in many countries
(TCPA, CTIA). The channel table (policy/data/channels.yaml) names the source of each rule and dates each
tag, so a transcript is judged by the rules in force when it happened.`,
	Examples: docExamples("window"),
	Severity: lint.Error,
	Default:  true,
}, WindowOptions{Zone: "UTC"}, newWindow)

func newWindow(node *yaml.Node, env *Env) (Hooks, error) {
	o, err := lint.DecodeOptions(node, WindowOptions{Zone: "UTC"})
	if err != nil {
		return Hooks{}, err
	}
	p := DefaultProfiles()
	for ch, prof := range o.Channels {
		if _, err := lint.ParseChannel(string(ch)); err != nil {
			return Hooks{}, fmt.Errorf("channels: %v", err)
		}
		p[ch] = prof
	}
	zone, err := loadZone(o.Zone)
	if err != nil {
		return Hooks{}, fmt.Errorf("zone: unknown time zone %q", o.Zone)
	}
	// The window rule's options configure the channel table every rule
	// reads.
	env.Profiles, env.Zone = p, zone
	return Hooks{Send: func(t *Turn) {
		if t.Miss != nil {
			t.Report(t.Miss.Message, t.Miss.Fix)
		}
	}}, nil
}

type window struct {
	length     time.Duration
	by         Type
	line       int
	at, closes time.Time
}

// openWindow is the conversation's latest window: the one a customer's
// message opened, or the longer one of an ad referral.
func openWindow(cv *State, p *Profile) window {
	w := window{length: time.Duration(p.Window), by: cv.OpenType, line: cv.OpenLine, at: cv.Open}
	w.closes = cv.Open.Add(w.length)
	if ref := cv.referralAt(); !ref.IsZero() && ref.Add(time.Duration(p.ReferralWindow)).After(w.closes) {
		// A conversation started from a Click-to-Messenger ad: the longer window.
		w = window{length: time.Duration(p.ReferralWindow), by: Referral, line: cv.ReferralLine, at: ref}
		w.closes = ref.Add(w.length)
	}
	return w
}

// Miss is why a channel does not allow a send: the window rule's finding,
// and a send outside the window in the statistics.
type Miss struct {
	Message, Fix string
}

// miss explains why a send is outside what the channel allows; nil when the
// send is fine.
func (env *Env) miss(cv *State, e *Event, p *Profile) *Miss {
	if p.QuietHours != nil || len(p.StopWords) > 0 {
		return env.smsMiss(cv, e, p)
	}
	if p.Window <= 0 {
		return nil
	}
	w := openWindow(cv, p)
	if !cv.Open.IsZero() && e.Time.Before(w.closes) {
		return nil
	}
	if p.Templates && e.Template != "" {
		return nil
	}
	why := ""
	if e.Tag != "" {
		t, ok := p.tag(e.Tag)
		switch {
		case !ok || !t.ValidAt(e.Time):
			why = fmt.Sprintf("; tag %s does not allow it", e.Tag)
		case t.HumanOnly && e.Actor != Agent:
			why = fmt.Sprintf("; %s is only for a person", e.Tag)
		case t.Window > 0 && !cv.LastCustomer.IsZero() && !e.Time.Before(cv.LastCustomer.Add(time.Duration(t.Window))):
			end := cv.LastCustomer.Add(time.Duration(t.Window))
			why = fmt.Sprintf("; and %s the %s %s window after the customer's last message closed at %s", missedBy(e.Time.Sub(end)), span(time.Duration(t.Window)), e.Tag, end.UTC().Format(time.RFC3339))
		case t.Window > 0 && cv.LastCustomer.IsZero():
			why = fmt.Sprintf("; %s needs a message from the customer first", e.Tag)
		default:
			return nil // a valid tag
		}
	}
	fix := "reply within the window"
	switch {
	case p.Templates:
		fix = "send an approved template message instead"
	case len(p.Tags) > 0:
		fix = "wait for the customer to write, or use a message tag that applies"
	}
	if cv.Open.IsZero() {
		return &Miss{fmt.Sprintf("sent before the customer opened a messaging window: %s only allows a business to answer people who wrote first%s", e.Channel.Title(), why), fix}
	}
	return &Miss{fmt.Sprintf("sent %s the %s window closed at %s (opened by the customer's %s %s)%s",
		missedBy(e.Time.Sub(w.closes)), span(w.length), w.closes.UTC().Format(time.RFC3339), w.by, where(w.line, w.at), why), fix}
}

func (env *Env) smsMiss(cv *State, e *Event, p *Profile) *Miss {
	if cv.Stopped {
		return &Miss{fmt.Sprintf("sent after the customer replied STOP %s and before a new opt-in", where(cv.StopLine, cv.StopAt)), "send nothing more until the customer opts in again"}
	}
	if q := p.QuietHours; q != nil {
		zone := env.zoneOf(cv)
		local := e.Time.In(zone)
		mins := local.Hour()*60 + local.Minute()
		start, end := q.Start.H*60+q.Start.M, q.End.H*60+q.End.M
		if mins < start || mins >= end {
			return &Miss{fmt.Sprintf("sent at %s in %s, outside the hours SMS may be sent (%02d:%02d-%02d:%02d)", local.Format("15:04 MST"), zone, q.Start.H, q.Start.M, q.End.H, q.End.M),
				fmt.Sprintf("schedule it for %02d:%02d the recipient's time", q.Start.H, q.Start.M)}
		}
	}
	if !cv.SentOut && len(p.OptOutWords) > 0 && !p.hasOptOut(e.Text) {
		return &Miss{"the first SMS to this number does not say how to opt out", `end it with "Reply STOP to opt out"`}
	}
	return nil
}
