package policy_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
	"github.com/msglint/msglint/policy"
)

// A conversation's events, as the hook may hear of them: each kind of event
// that sets a fact, on a channel with windows and on SMS.
var eventKinds = map[lint.Channel][]policy.Event{
	lint.Messenger: {
		{Direction: policy.In, Actor: policy.Customer, Type: policy.Message, Text: "Hi, where is my order?"},
		{Direction: policy.In, Actor: policy.Customer, Type: policy.Message, Text: "Can I talk to a real person please?"},
		{Direction: policy.In, Actor: policy.Customer, Type: policy.Referral},
		{Direction: policy.In, Actor: policy.Customer, Type: policy.Postback},
		{Direction: policy.In, Actor: policy.Customer, Type: policy.ConsentGranted},
		{Direction: policy.In, Actor: policy.Customer, Type: policy.ConsentRevoked},
		{Direction: policy.Out, Actor: policy.Agent, Type: policy.Handoff},
		{Direction: policy.Out, Actor: policy.Agent, Type: policy.Message, Text: "Thanks for writing, we are on it."},
		{Direction: policy.Out, Actor: policy.BotActor, Type: policy.Message, Text: "Your order is on its way."},
		// The context rules' facts: data given and said to be wrong, a
		// question, a request, a goodbye, a close.
		{Direction: policy.In, Actor: policy.Customer, Type: policy.Message, Text: "My order number is 48213 and my e-mail is dana@example.com"},
		{Direction: policy.In, Actor: policy.Customer, Type: policy.Message, Text: "Sorry, that number was wrong."},
		{Direction: policy.In, Actor: policy.Customer, Type: policy.Message, Text: "Do you deliver to Ganja on Sundays?"},
		{Direction: policy.Out, Actor: policy.Agent, Type: policy.Message, Text: "Could you send your order number and your e-mail address, please?"},
		{Direction: policy.Out, Actor: policy.Agent, Type: policy.Message, Text: "Our new sofas are in, take a look at the catalogue. Have a nice day!"},
		{Direction: policy.Out, Actor: policy.Agent, Type: policy.Close},
	},
	lint.SMS: {
		{Direction: policy.In, Actor: policy.Customer, Type: policy.Message, Text: "STOP"},
		{Direction: policy.In, Actor: policy.Customer, Type: policy.Optin},
		{Direction: policy.In, Actor: policy.Customer, Type: policy.Message, Text: "What time do you open?"},
		{Direction: policy.Out, Actor: policy.Agent, Type: policy.Message, Text: "We open at 9. Reply STOP to opt out"},
		{Direction: policy.In, Actor: policy.Customer, Type: policy.Stop, Zone: "Europe/Istanbul"},
	},
}

// conversation makes n events of one conversation at distinct times.
func conversation(rng *rand.Rand, ch lint.Channel, n int, start time.Time) []policy.Event {
	var evs []policy.Event
	at := start
	for range n {
		kinds := eventKinds[ch]
		e := kinds[rng.IntN(len(kinds))]
		at = at.Add(time.Duration(1+rng.IntN(180)) * time.Minute)
		e.Time, e.RawTime, e.Conversation, e.Channel = at, at.Format(time.RFC3339), "c", ch
		evs = append(evs, e)
	}
	return evs
}

// outcome is what a state decides: the stored state and the findings on
// drafts judged against it.
func outcome(t *testing.T, c *policy.Checker, evs []policy.Event, at time.Time) (string, []string) {
	st := &policy.State{}
	for i := range evs {
		e := evs[i]
		c.Apply(st, &e)
	}
	js, err := json.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	o := load.Options{Channel: evs[0].Channel, Lang: lint.English}
	for _, d := range []struct {
		actor policy.Actor
		text  string
	}{
		{policy.Agent, "Hi! We forwarded your details to our courier partner."},
		{policy.BotActor, "Your order ships tomorrow. Reply STOP to opt out"},
		{policy.Agent, "Big sale today: 50% off everything, shop now!"},
		{policy.Agent, "Welcome to the Luma family! Could you send your order number and your e-mail address?"},
		{policy.Agent, "Our new sofas are in, take a look at the catalogue. Have a nice day!"},
	} {
		e := policy.Event{Time: at, RawTime: at.Format(time.RFC3339), Conversation: "c", Channel: evs[0].Channel, Direction: policy.Out,
			Actor: d.actor, Type: policy.Message, Text: d.text, Lang: lint.English}
		for _, f := range c.Judge(st, &e, o.Text("c", d.text)) {
			found = append(found, f.Rule+": "+f.Message)
		}
	}
	return string(js), found
}

// Any order of a conversation's events gives the same state and the same
// decisions: a late older event never undoes a newer one.
func TestStateByEventTime(t *testing.T) {
	c, _ := checker(t)
	rng := rand.New(rand.NewPCG(18, 18))
	start := time.Date(2026, 11, 23, 6, 0, 0, 0, time.UTC)
	for round := range 300 {
		ch := lint.Messenger
		if round%3 == 0 {
			ch = lint.SMS
		}
		evs := conversation(rng, ch, 2+rng.IntN(10), start)
		at := evs[len(evs)-1].Time.Add(time.Duration(1+rng.IntN(600)) * time.Minute)
		wantState, wantFound := outcome(t, c, evs, at)
		for range 8 {
			perm := slices.Clone(evs)
			rng.Shuffle(len(perm), func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
			gotState, gotFound := outcome(t, c, perm, at)
			if d := cmp.Diff(wantState, gotState); d != "" {
				t.Fatalf("round %d: events in another order give another state (-in order +shuffled):\n%s\nevents: %s", round, d, describe(perm))
			}
			if d := cmp.Diff(wantFound, gotFound); d != "" {
				t.Fatalf("round %d: events in another order give other decisions (-in order +shuffled):\n%s\nevents: %s", round, d, describe(perm))
			}
		}
	}
}

func describe(evs []policy.Event) string {
	s := ""
	for _, e := range evs {
		s += fmt.Sprintf("\n  %s %s %s %s %q", e.RawTime, e.Direction, e.Actor, e.Type, e.Text)
	}
	return s
}

// The cases the hook got wrong: an opt-in dated before a STOP, heard of
// after it, does not lift the STOP; a grant of consent dated before a
// revocation, heard of after it, does not restore consent.
func TestLateOlderEventsDoNotUndoNewer(t *testing.T) {
	c, _ := checker(t)
	t0 := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	ev := func(ch lint.Channel, minute int, typ policy.Type, text string) *policy.Event {
		at := t0.Add(time.Duration(minute) * time.Minute)
		return &policy.Event{Time: at, RawTime: at.Format(time.RFC3339), Conversation: "c", Channel: ch, Direction: policy.In, Actor: policy.Customer, Type: typ, Text: text}
	}
	sms := &policy.State{}
	c.Apply(sms, ev(lint.SMS, 10, policy.Message, "STOP"))
	c.Apply(sms, ev(lint.SMS, 5, policy.Optin, ""))
	if !sms.Stopped {
		t.Error("an opt-in dated before STOP lifted it")
	}
	c.Apply(sms, ev(lint.SMS, 15, policy.Optin, ""))
	if sms.Stopped {
		t.Error("an opt-in after STOP did not lift it")
	}
	fw := &policy.State{}
	c.Apply(fw, ev(lint.Messenger, 10, policy.ConsentRevoked, ""))
	c.Apply(fw, ev(lint.Messenger, 5, policy.ConsentGranted, ""))
	if fw.Consent || !fw.Revoked {
		t.Errorf("a grant dated before the revocation restored consent: %+v", fw)
	}
}

// A state stored before facts kept their times reads with the same facts.
func TestStateStoredBefore(t *testing.T) {
	var st policy.State
	old := `{"id":"c","ch":"messenger","last":"2026-11-23T10:00:00Z","open":"2026-11-23T09:00:00Z","consent":true,"revoked":false,` +
		`"pending":true,"pending_at":"2026-11-23T09:00:00Z","referral":"2026-11-23T08:00:00Z","stopped":true,"stop_at":"2026-11-23T07:00:00Z"}`
	if err := json.Unmarshal([]byte(old), &st); err != nil {
		t.Fatal(err)
	}
	c, _ := checker(t)
	e := policy.Event{Time: time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC), Conversation: "c", Channel: lint.Messenger, Direction: policy.In, Actor: policy.Customer, Type: policy.Reaction}
	c.Apply(&st, &e)
	if !st.Consent || !st.Pending || !st.PendingAt.Equal(time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)) || len(st.Referrals) != 1 || !st.Stopped {
		t.Errorf("read as %+v", st)
	}
}
