package policy_test

import (
	"encoding/json"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
	"github.com/msglint/msglint/policy"
)

// copyState is a deep copy of a state, as a store would give it back.
func copyState(t *testing.T, st *policy.State) *policy.State {
	t.Helper()
	data, err := json.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	cp := new(policy.State)
	if err := json.Unmarshal(data, cp); err != nil {
		t.Fatal(err)
	}
	return cp
}

// ruleFindings are the rule: message lines of the findings of some rules,
// sorted (Judge sorts its findings, Apply gives them as they are made).
func ruleFindings(fs []lint.Finding, rules ...string) []string {
	var out []string
	for _, f := range fs {
		if slices.Contains(rules, f.Rule) {
			out = append(out, f.Rule+": "+f.Message)
		}
	}
	slices.Sort(out)
	return out
}

// A draft judged against a conversation gets from the rules that compare
// it with the conversation's earlier texts (repeated-reply,
// ignored-question) what the same send gets when it is applied: Judge
// passes over the work only when there is nothing to compare.
func TestJudgeComparesAsApply(t *testing.T) {
	c, _ := checker(t)
	rng := rand.New(rand.NewPCG(19, 19))
	start := time.Date(2026, 11, 23, 6, 0, 0, 0, time.UTC)
	drafts := []string{
		"Could you send your order number and your e-mail address, please?",
		"Our new sofas are in, take a look at the catalogue. Have a nice day!",
		"Thanks for writing, we are on it.",
	}
	o := load.Options{Channel: lint.Messenger, Lang: lint.English}
	found := 0
	for range 300 {
		evs := conversation(rng, lint.Messenger, 2+rng.IntN(12), start)
		st := &policy.State{}
		for i := range evs {
			c.Apply(st, &evs[i])
		}
		at := evs[len(evs)-1].Time.Add(time.Duration(1+rng.IntN(600)) * time.Minute)
		for _, d := range drafts {
			e := policy.Event{Time: at, RawTime: at.Format(time.RFC3339), Conversation: "c", Channel: lint.Messenger, Direction: policy.Out,
				Actor: policy.Agent, Type: policy.Message, Text: d, Lang: lint.English}
			judged := ruleFindings(c.Judge(st, &e, o.Text("c", d)), "repeated-reply", "ignored-question")
			ae := e
			applied := ruleFindings(c.Apply(copyState(t, st), &ae), "repeated-reply", "ignored-question")
			if diff := cmp.Diff(applied, judged); diff != "" {
				t.Fatalf("draft %q (-applied +judged):\n%s\nevents: %s", d, diff, describe(evs))
			}
			found += len(judged)
		}
	}
	if found == 0 {
		t.Fatal("no conversation gave the rules anything to find: the test compares nothing")
	}
}

// JudgeChecked with the template rules' findings made beforehand judges
// as Judge does, and leaves those findings as they were; Record changes the
// state as Apply does.
func TestJudgeCheckedAndRecord(t *testing.T) {
	c, _ := checker(t)
	rng := rand.New(rand.NewPCG(20, 20))
	start := time.Date(2026, 11, 23, 6, 0, 0, 0, time.UTC)
	o := load.Options{Channel: lint.Messenger, Lang: lint.English}
	for range 100 {
		evs := conversation(rng, lint.Messenger, 2+rng.IntN(10), start)
		st := &policy.State{}
		for i := range evs[:len(evs)-1] {
			c.Apply(st, &evs[i])
		}
		at := evs[len(evs)-2].Time.Add(time.Minute)
		text := "Hi!! We forwarded your details to our courier partner, click here."
		e := policy.Event{Time: at, RawTime: at.Format(time.RFC3339), Conversation: "c", Channel: lint.Messenger, Direction: policy.Out,
			Actor: policy.Agent, Type: policy.Message, Text: text, Lang: lint.English}
		want := c.Judge(st, &e, o.Text("c", text))
		m := o.Text("c", text)
		drafted := c.CheckDraft(m)
		before := slices.Clone(drafted)
		for range 2 { // a retried transaction judges twice
			got := c.JudgeChecked(st, &e, m, drafted)
			if diff := cmp.Diff(ruleFindings(want, rulesOf(want)...), ruleFindings(got, rulesOf(got)...)); diff != "" {
				t.Fatalf("(-Judge +JudgeChecked):\n%s", diff)
			}
		}
		if diff := cmp.Diff(ruleFindings(before, rulesOf(before)...), ruleFindings(drafted, rulesOf(drafted)...)); diff != "" || len(drafted) == 0 {
			t.Fatalf("the findings passed in changed, or there were none (-before +after):\n%s", diff)
		}
		applied, recorded := copyState(t, st), copyState(t, st)
		ae, re := e, e
		c.Apply(applied, &ae)
		c.Record(recorded, &re)
		a, _ := json.Marshal(applied)
		r, _ := json.Marshal(recorded)
		if diff := cmp.Diff(string(a), string(r)); diff != "" {
			t.Fatalf("(-Apply +Record):\n%s", diff)
		}
	}
}

func rulesOf(fs []lint.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Rule)
	}
	return out
}

// A judgement is made on a copy of the state in arrays a run keeps from
// the judgement before: judging conversations in one order or another
// finds the same, and leaves each state as it was.
func TestJudgeInAnyOrderLeavesStates(t *testing.T) {
	c, _ := checker(t)
	rng := rand.New(rand.NewPCG(21, 21))
	start := time.Date(2026, 11, 23, 6, 0, 0, 0, time.UTC)
	o := load.Options{Channel: lint.Messenger, Lang: lint.English}
	type judged struct {
		st *policy.State
		e  policy.Event
	}
	var cases []judged
	for range 60 {
		evs := conversation(rng, lint.Messenger, 1+rng.IntN(14), start)
		st := &policy.State{}
		for i := range evs {
			c.Apply(st, &evs[i])
		}
		at := evs[len(evs)-1].Time.Add(time.Duration(1+rng.IntN(600)) * time.Minute)
		text := []string{"Thanks for writing, we are on it.", "Our new sofas are in, take a look at the catalogue!", "Could you send your order number?"}[rng.IntN(3)]
		cases = append(cases, judged{st, policy.Event{Time: at, RawTime: at.Format(time.RFC3339), Conversation: "c", Channel: lint.Messenger,
			Direction: policy.Out, Actor: policy.Agent, Type: policy.Message, Text: text, Lang: lint.English}})
	}
	judgeAll := func(order []int) map[int]string {
		out := map[int]string{}
		for _, i := range order {
			k := &cases[i]
			before, _ := json.Marshal(k.st)
			fs := c.Judge(k.st, &k.e, o.Text("c", k.e.Text))
			if after, _ := json.Marshal(k.st); string(after) != string(before) {
				t.Fatalf("case %d: Judge changed the state:\n%s\n%s", i, before, after)
			}
			out[i] = describeFindings(fs)
		}
		return out
	}
	order := make([]int, len(cases))
	for i := range order {
		order[i] = i
	}
	first := judgeAll(order)
	slices.Reverse(order)
	if diff := cmp.Diff(first, judgeAll(order)); diff != "" {
		t.Fatalf("(-in order +reversed):\n%s", diff)
	}
	rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	if diff := cmp.Diff(first, judgeAll(order)); diff != "" {
		t.Fatalf("(-in order +shuffled):\n%s", diff)
	}
}

func describeFindings(fs []lint.Finding) string {
	var b []byte
	for _, f := range fs {
		b = append(b, f.Rule+": "+f.Message+"\n"...)
	}
	return string(b)
}
