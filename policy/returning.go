package policy

import (
	"errors"
	"fmt"
	"time"

	"github.com/msglint/msglint/lint"
	"gopkg.in/yaml.v3"
)

// ReturningCustomerOptions configures the returning-customer rule.
type ReturningCustomerOptions struct {
	// Session is how long after their first message a customer is no
	// longer new, even in one conversation without a close.
	Session Duration `yaml:"session"`
	// Remember is how long the hook remembers that a customer wrote.
	Remember Duration `yaml:"remember"`
}

var defaultNewCustomer = ReturningCustomerOptions{Session: Duration(24 * time.Hour), Remember: Duration(30 * 24 * time.Hour)}

// ReturningCustomer flags a returning customer greeted as a new one.
var ReturningCustomer = conversationOnly("returning-customer", lint.Doc{
	Title: "a returning customer greeted as a new one",
	Text: `In a transcript or the hook, flags a brand message that welcomes the customer as new ("welcome to
the family", "your first order", "nice to meet you") when the customer wrote before: in an earlier
conversation of the same transcript file, before an earlier close of this conversation, or more than 24
hours before (configurable). The hook remembers a customer for 30 days (configurable).`,
	Why: `A returning customer greeted as a stranger learns that the brand does not know them; it reads as a
script, not a conversation.`,
	Examples: docExamples("returning-customer"),
	Severity: lint.Warning,
	Default:  true,
}, defaultNewCustomer, newReturningCustomer)

func newReturningCustomer(node *yaml.Node, _ *Env) (Hooks, error) {
	o, err := lint.DecodeOptions(node, defaultNewCustomer)
	if err != nil {
		return Hooks{}, err
	}
	if o.Session <= 0 || o.Remember <= 0 {
		return Hooks{}, errors.New("session and remember must be positive")
	}
	return Hooks{
		Event: func(t *Turn) {
			if t.Event.Type == Close {
				t.Conv.closed(t.Event)
			}
		},
		Inbound: func(t *Turn) {
			if t.Event.Type == Message || t.Event.Type == Postback {
				t.Conv.customerWrote(t.Event)
			}
		},
		Send: o.check,
		Keep: time.Duration(o.Remember),
	}, nil
}

func (o ReturningCustomerOptions) check(t *Turn) {
	cv, e := t.Conv, t.Event
	if e.Text == "" {
		return
	}
	var since string
	switch {
	case !cv.Earlier.IsZero() && cv.Earlier.Before(e.Time):
		since = "in an earlier conversation " + where(cv.EarlierLine, cv.Earlier)
	case cv.FirstIn.IsZero():
		return
	case cv.FirstIn.Before(cv.ClosedAt) && cv.ClosedAt.Before(e.Time):
		since = where(cv.FirstInLine, cv.FirstIn) + ", before the conversation was closed"
	case e.Time.Sub(cv.FirstIn) >= time.Duration(o.Session):
		since = where(cv.FirstInLine, cv.FirstIn) + ", " + human(e.Time.Sub(cv.FirstIn)) + " before"
	default:
		return
	}
	welcomes, folded := false, t.foldedText()
	for _, c := range cuesFor(langOf(t)) {
		welcomes = welcomes || matchAny(c.newCustomer, e.Text, folded)
	}
	if !welcomes {
		return
	}
	t.ReportText(lint.Span{}, fmt.Sprintf("the message greets the customer as new, but they first wrote %s", since),
		"welcome them back, and pick up where the last conversation left off")
}
