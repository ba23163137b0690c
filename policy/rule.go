package policy

import (
	_ "embed"
	"time"

	"github.com/msglint/msglint/lint"
	"gopkg.in/yaml.v3"
)

// Rule is a conversation rule: a described value whose hooks the event loop
// calls as each conversation unfolds. The loop knows no rule by name.
type Rule struct {
	// Rule names and documents the rule: it is what `msglint rules` lists
	// and what the config switches on and configures. For the transcript
	// form of a template rule it is that template rule.
	Rule *lint.Rule
	// New decodes the rule's options strictly over their defaults (nil:
	// defaults) and returns its hooks; it is the one place they are decoded.
	New func(opts *yaml.Node, env *Env) (Hooks, error)
	// Replaces is set on the transcript form of a template rule: in a
	// transcript the template rule leaves brand messages to this form, which
	// judges them with their context.
	Replaces bool
	// DraftToo is set when, in the hook, the template rule still judges a
	// draft by the kind its sender declared; its finding then stands for
	// this form's.
	DraftToo bool
}

// Hooks are where a conversation rule looks in the event loop; any may be
// nil.
type Hooks struct {
	Event   func(*Turn) // every event, before the loop reads it: closes, forwards, hand-offs
	Inbound func(*Turn) // a customer's message or postback, after the loop recorded it
	Send    func(*Turn) // a brand message, judged against the conversation before it
	End     func(*Turn) // each conversation, once its transcript is read
	// Keep is how long the rule's memory of a conversation matters (a
	// store may forget a conversation quiet for longer).
	Keep time.Duration
}

// Env is what the conversation rules share: the channel table and the
// recipients' default time zone (configured by the window rule's options),
// and how soon a reply counts as an answer (the response-time rule's).
type Env struct {
	Profiles Profiles
	Zone     *time.Location
	Within   time.Duration
}

func defaultEnv() *Env {
	return &Env{Profiles: DefaultProfiles(), Zone: time.UTC, Within: time.Duration(defaultResponse.Within)}
}

// all are the conversation rules, in the order their hooks run (the order
// in which one event's findings are made).
var all = []*Rule{ResponseTime, Greeting, BotHandoff, ForwardingConsent, Frequency, MessageTag, Window, ReAsk, RepeatedReply, ReturningCustomer, IgnoredQuestion, Goodbye}

// Rules are the conversation rules that only judge transcripts, in
// catalogue order; goodbye, greeting, forwarding-consent and bot-handoff
// judge transcripts too, with the same detectors as on templates, and are
// listed in package rules.
func Rules() []*lint.Rule {
	return []*lint.Rule{Window.Rule, MessageTag.Rule, Frequency.Rule, ResponseTime.Rule, ReAsk.Rule, RepeatedReply.Rule, ReturningCustomer.Rule, IgnoredQuestion.Rule}
}

// conversationOnly makes a rule that has no per-message check, as a
// single template has no time line: the linter validates its options
// through the rule's own New and runs nothing on templates.
func conversationOnly(name string, doc lint.Doc, options any, build func(*yaml.Node, *Env) (Hooks, error)) *Rule {
	return &Rule{New: build, Rule: &lint.Rule{Name: name, Doc: doc, Options: options, New: func(opts *yaml.Node) (lint.Check, error) {
		_, err := build(opts, defaultEnv())
		return nil, err
	}}}
}

//go:embed data/examples.yaml
var examplesYAML []byte

// examples are the conversation rules' doc examples by rule name, from
// data/examples.yaml.
var examples = func() map[string]map[lint.Lang]lint.Example {
	var all map[string]map[lint.Lang]lint.Example
	if err := yaml.Unmarshal(examplesYAML, &all); err != nil {
		panic("policy: bad embedded data/examples.yaml: " + err.Error())
	}
	return all
}()

func docExamples(rule string) map[lint.Lang]lint.Example { return examples[rule] }
