package policy_test

import (
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
	"github.com/msglint/msglint/policy"
)

// JudgeMemo with one memo shared by the judgements of a draft in many
// conversations, on several goroutines at once, finds what JudgeChecked
// finds in each: the memo keeps only what the text says, never what a
// conversation made of it.
func TestJudgeMemoAsChecked(t *testing.T) {
	c, _ := checker(t)
	rng := rand.New(rand.NewPCG(21, 21))
	start := time.Date(2026, 11, 23, 6, 0, 0, 0, time.UTC)
	o := load.Options{Channel: lint.Messenger, Lang: lint.English}
	drafts := []string{
		"We forwarded your details to our courier partner.",
		"Your order is on its way.",
		"Hello! Thanks for writing, we are on it.",
		"Big sale today: 50% off every sofa, shop now at https://example.com/sale!",
	}
	type judged struct {
		st *policy.State
		e  policy.Event
	}
	var cases []judged
	for range 60 {
		evs := conversation(rng, lint.Messenger, 2+rng.IntN(10), start)
		st := &policy.State{}
		for i := range evs[:len(evs)-1] {
			c.Apply(st, &evs[i])
		}
		at := evs[len(evs)-2].Time.Add(time.Minute)
		cases = append(cases, judged{st: st, e: policy.Event{Time: at, RawTime: at.Format(time.RFC3339), Conversation: "c", Channel: lint.Messenger,
			Direction: policy.Out, Actor: policy.Agent, Type: policy.Message, Lang: lint.English}})
	}
	// A promotion an hour before: a second one is over the frequency
	// rule's limit, which only a draft read as a promotion meets.
	promoted := &policy.State{}
	for _, e := range []policy.Event{
		{Direction: policy.In, Actor: policy.Customer, Type: policy.Message, Text: "hi"},
		{Direction: policy.Out, Actor: policy.Agent, Type: policy.Message, Kind: lint.Promo, Text: "New sofas are in!"},
	} {
		at := start.Add(-time.Hour)
		e.Time, e.RawTime, e.Conversation, e.Channel = at, at.Format(time.RFC3339), "c", lint.Messenger
		c.Apply(promoted, &e)
	}
	for range 4 {
		cases = append(cases, judged{st: promoted, e: policy.Event{Time: start, RawTime: start.Format(time.RFC3339), Conversation: "c", Channel: lint.Messenger,
			Direction: policy.Out, Actor: policy.Agent, Type: policy.Message, Lang: lint.English}})
	}
	seen := map[string]bool{}
	for _, text := range drafts {
		memo := new(policy.DraftMemo)
		var wg sync.WaitGroup
		var mu sync.Mutex
		for i := range cases {
			wg.Go(func() {
				e := cases[i].e
				e.Text = text
				want := c.JudgeChecked(cases[i].st, &e, o.Text("c", text), c.CheckDraft(o.Text("c", text)))
				m := o.Text("c", text)
				got := c.JudgeMemo(cases[i].st, &e, m, c.CheckDraft(m), memo)
				if diff := cmp.Diff(ruleFindings(want, rulesOf(want)...), ruleFindings(got, rulesOf(got)...)); diff != "" {
					t.Errorf("%q in conversation %d (-JudgeChecked +JudgeMemo):\n%s", text, i, diff)
				}
				mu.Lock()
				for _, f := range got {
					seen[f.Rule] = true
				}
				mu.Unlock()
			})
		}
		wg.Wait()
	}
	for _, rule := range []string{"forwarding-consent", "greeting", "frequency"} {
		if !seen[rule] {
			t.Errorf("no judgement found %s: the memo of its text was not tried", rule)
		}
	}
}
