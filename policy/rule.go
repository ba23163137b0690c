package policy

import (
	_ "embed"
	"time"
	"unicode/utf8"

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
var all = []*Rule{ResponseTime, Greeting, BotHandoff, ForwardingConsent, Frequency, MessageTag, Window, Goodbye}

// Rules are the conversation rules that only judge transcripts, in
// catalogue order; goodbye, greeting, forwarding-consent and bot-handoff
// judge transcripts too, with the same detectors as on templates, and are
// listed in package rules.
func Rules() []*lint.Rule {
	return []*lint.Rule{Window.Rule, MessageTag.Rule, Frequency.Rule, ResponseTime.Rule}
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

// Turn is one event as a rule's hook sees it: the conversation before the
// event's own changes (Send) or after them (Inbound), what the loop worked
// out about it, and where to report.
type Turn struct {
	Conv    *State
	Event   *Event   // nil in End
	Profile *Profile // the channel's policy; nil for a channel without one

	// Stop is set in Inbound when the customer asked to stop (SMS STOP).
	Stop bool
	// Answering is set in Send on the first brand message since the
	// customer wrote; Waited is how long after.
	Answering bool
	Waited    time.Duration
	// FirstReply is set in Send on the brand's first reply to a customer
	// who wrote.
	FirstReply bool
	// Miss says why the channel does not allow this send now; nil when it
	// does (or the channel has no policy).
	Miss *Miss

	c              *Checker
	run            *run
	rule           *active
	msg            *lint.Message
	msgRead        bool
	promo, promoed bool
}

// Message is the event's text read as a message, placed in its transcript
// line; nil when the event has no text or its text has no place (an item
// of a webhook file).
func (t *Turn) Message() *lint.Message {
	if !t.msgRead {
		t.msg, t.msgRead = t.c.message(t.run.path, t.Event), true
	}
	return t.msg
}

// Promo tells whether the send is promotional: of kind promo, or a call to
// action with the words of an offer (the cta rule's detector).
func (t *Turn) Promo() bool {
	if !t.promoed {
		m := t.Message()
		t.promo, t.promoed = t.Event.Kind == lint.Promo || m != nil && t.c.promo(m), true
	}
	return t.promo
}

// Report reports on the event as a whole: its line in a transcript.
func (t *Turn) Report(msg, fix string) { t.run.emit(t.finding(t.Event.line(), msg, fix)) }

// ReportText reports on a span of the event's text (the zero span: all of
// it), placed by the engine; on the event as a whole when the text has no
// place.
func (t *Turn) ReportText(span lint.Span, msg, fix string) {
	f := t.finding(t.Event.line(), msg, fix)
	if m := t.Message(); m != nil {
		lint.Place(m, lint.Diagnostic{Span: span}, &f)
		// The finding names the transcript and the event, whatever the
		// message read from the event's text calls itself.
		f.File, f.MessageID = t.run.path, t.Event.messageID()
	}
	t.run.emit(f)
}

// ReportAt reports on a line of the transcript, for what only shows at the
// end of a conversation.
func (t *Turn) ReportAt(line int, msg, fix string) { t.run.emit(t.finding(line, msg, fix)) }

func (t *Turn) finding(line int, msg, fix string) lint.Finding {
	f := lint.Finding{Rule: t.rule.name, Severity: t.rule.severity, Message: msg, Suggestion: fix, File: t.run.path,
		Line: line, Col: 1, EndLine: line, EndCol: 1, MessageID: t.Conv.ID}
	if e := t.Event; e != nil {
		f.EndCol, f.MessageID = utf8.RuneCount(e.Raw)+1, e.messageID()
	}
	return f
}

//go:embed data/examples.yaml
var examplesYAML []byte

// docExamples are a conversation rule's doc examples, from
// data/examples.yaml.
func docExamples(rule string) map[lint.Lang]lint.Example {
	var all map[string]map[lint.Lang]lint.Example
	if err := yaml.Unmarshal(examplesYAML, &all); err != nil {
		panic("policy: bad embedded data/examples.yaml: " + err.Error())
	}
	return all[rule]
}
