package policy

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/msglint/msglint/lint"
	"gopkg.in/yaml.v3"
)

// ReAskOptions configures the re-ask rule.
type ReAskOptions struct {
	// Within is how long a datum the customer gave counts as known.
	Within Duration `yaml:"within"`
}

var defaultReAsk = ReAskOptions{Within: Duration(7 * 24 * time.Hour)}

// ReAsk flags a brand asking for something the customer already gave.
var ReAsk = conversationOnly("re-ask", lint.Doc{
	Title: "asking the customer for something they already gave",
	Text: `In a transcript or the hook, flags a brand message that asks for an order or booking number, an
e-mail address, a phone number, a name, an address or a photo that the customer already gave in the same
conversation (within 7 days, configurable). It stays silent when the customer said the datum was wrong, and
when the brand quotes the datum back to confirm it.`,
	Why: `Being asked again reads as not being listened to, and adds work for someone trying to get help:
scroll up, or confirm what they gave instead of asking for it.`,
	Examples: docExamples("re-ask"),
	Severity: lint.Warning,
	Default:  true,
}, defaultReAsk, newReAsk)

func newReAsk(node *yaml.Node, _ *Env) (Hooks, error) {
	o, err := lint.DecodeOptions(node, defaultReAsk)
	if err != nil {
		return Hooks{}, err
	}
	if o.Within <= 0 {
		return Hooks{}, errors.New("within must be positive")
	}
	return Hooks{Inbound: gave, Send: o.check, Keep: time.Duration(o.Within)}, nil
}

// gave records the kinds of data in a customer's message, or that the
// customer said one they gave was wrong: the kind the message names, else
// any given before it.
func gave(t *Turn) {
	cv, e := t.Conv, t.Event
	if e.Type != Message || t.Stop || e.Text == "" {
		return
	}
	found, named, wrong := gives(t)
	gaveAny := false
	for d := range datums {
		if found[d] {
			cv.give(d, e)
			gaveAny = true
		}
	}
	if gaveAny || !wrong {
		return
	}
	some := false
	for d := range datums {
		if named[d] {
			cv.wrong(d, e)
			some = true
		}
	}
	if !some {
		cv.wrongAny(e)
	}
}

// gives is what a customer's message gives: the kinds of data in it,
// whether it says one is wrong, and if it gives none but says so, the
// kinds it names; from the memo of its text in a transcript.
func gives(t *Turn) (found, named [datums]bool, wrong bool) {
	memo := t.run.text
	if memo != nil && memo.gaveRead {
		return memo.given, memo.named, memo.wrong
	}
	e := t.Event
	cs, folded := cuesFor(langOf(t)), t.foldedText()
	found = given(e.Text, folded, cs)
	for _, c := range cs {
		wrong = wrong || matchAny(c.wrong, e.Text, folded)
	}
	if wrong && !slices.Contains(found[:], true) {
		named = nouns(e.Text, folded, cs)
	}
	if memo != nil {
		memo.given, memo.named, memo.wrong, memo.gaveRead = found, named, wrong, true
	}
	return found, named, wrong
}

// check flags a request for a kind the customer gave, unless they said it
// was wrong since, or the send quotes a datum of that kind back.
func (o ReAskOptions) check(t *Turn) {
	cv, e := t.Conv, t.Event
	if e.Text == "" || len(cv.Given) == 0 {
		return
	}
	cs := cuesFor(langOf(t))
	asks := asked(e.Text, t.foldedText(), cs)
	var quoted *[datums]bool
	for d := range datums {
		g, ok := cv.Given[datumKeys[d]]
		if !asks[d] || !ok || g.At.IsZero() || !g.At.Before(e.Time) || e.Time.Sub(g.At) > time.Duration(o.Within) || g.disputed(cv.WrongAt, e.Time) {
			continue
		}
		if quoted == nil {
			q := given(e.Text, t.foldedText(), cs)
			quoted = &q
		}
		if quoted[d] {
			continue
		}
		t.run.stats.reask(e.Channel)
		t.ReportText(lint.Span{}, fmt.Sprintf("the customer gave %s %s, and the message asks for it again", datumNames[d], where(g.line, g.At)),
			"use what the customer gave, or quote it back to confirm it")
	}
}
