package policy

import (
	"fmt"
	"slices"
	"time"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/rules"
	"gopkg.in/yaml.v3"
)

// IgnoredQuestionOptions configures the ignored-question rule.
type IgnoredQuestionOptions struct {
	// Within is how long a question stays open.
	Within Duration `yaml:"within"`
}

var defaultIgnored = IgnoredQuestionOptions{Within: Duration(7 * 24 * time.Hour)}

// IgnoredQuestion flags a customer question the brand moved past and
// never took up before closing.
var IgnoredQuestion = conversationOnly("ignored-question", lint.Doc{
	Title: "a customer question passed by and never answered",
	Text: `In a transcript or the hook, flags a customer's question that the brand's next message does not
take up (it names none of its topic, and is no yes, no or "let me check"), and that no later message takes
up before the brand says goodbye or the conversation is closed.`,
	Why: `A question passed by is the customer's reason for writing left open: they ask again, or leave
without an answer.`,
	Examples: docExamples("ignored-question"),
	Severity: lint.Warning,
	Default:  true,
}, defaultIgnored, newIgnoredQuestion)

func newIgnoredQuestion(node *yaml.Node, _ *Env) (Hooks, error) {
	o, err := lint.DecodeOptions(node, defaultIgnored)
	if err != nil {
		return Hooks{}, err
	}
	if o.Within <= 0 {
		return Hooks{}, fmt.Errorf("within must be positive")
	}
	// A goodbye is told as the goodbye rule tells it, with its defaults.
	lacksFarewell, err := rules.Detect(rules.Goodbye, nil)
	if err != nil {
		return Hooks{}, err
	}
	// A send says goodbye when its last sentence does: "Thanks for your
	// question!" opening an answer says none.
	said := func(t *Turn) bool {
		ss := sentences(t.Event.Text)
		if len(ss) == 0 {
			return false
		}
		return saysFarewell(t, ss[len(ss)-1], lacksFarewell)
	}
	// In a transcript, a send's goodbye depends on its text alone (its
	// message is that text, with its kind, language and channel): it is
	// remembered with the text's other detections (Turn.tells).
	farewell := func(t *Turn) bool {
		if m := t.Message(); m != nil && t.run.text != nil {
			return t.tells("farewell", m, func(*lint.Message) bool { return said(t) })
		}
		return said(t)
	}
	return Hooks{
		Inbound: func(t *Turn) {
			e := t.Event
			if e.Type != Message || t.Stop || e.Text == "" {
				return
			}
			// Each question on its own: an answer to one of two leaves
			// the other open.
			for _, sk := range asks(t) {
				t.Conv.ask(Question{At: e.Time, Stems: sk, line: e.line()})
			}
		},
		Send: func(t *Turn) {
			cv := t.Conv
			// A judged draft is recorded nowhere: only a question passed by
			// before it can be reported, and without one the send needs
			// neither a fingerprint nor the goodbye detector.
			if t.run.judging && !slices.ContainsFunc(cv.Questions, func(q Question) bool { return o.overdue(q, t.Event.Time) }) {
				return
			}
			p, ok := brandPrint(t)
			if !ok {
				return
			}
			cv.print(p)
			cv.answer(p)
			// A file's events come in time order, and there a goodbye
			// settles only the questions passed by before it: with none,
			// the test is spared. The hook may hear of such a question
			// later, and keeps the time of every goodbye for it.
			if (t.Event.Origin == Live || cv.passedBy(p.At)) && farewell(t) {
				o.report(t, "the brand said goodbye", func(q Question) bool { return q.Passed.Before(p.At) })
				cv.farewell(p.At)
			}
		},
		Event: func(t *Turn) {
			if t.Event.Type == Close {
				o.report(t, "the conversation was closed", func(Question) bool { return true })
				t.Conv.closed(t.Event)
			}
		},
		Keep: time.Duration(o.Within),
	}, nil
}

// saysFarewell tells whether a send's last sentence, last, read as a
// closing, says goodbye: lacksFarewell finds nothing in it. The sentence
// is read as the send's own message when it is all of it (the same text,
// language and channel, with the words it has already cut), else alone.
func saysFarewell(t *Turn, last string, lacksFarewell func(*lint.Message) []lint.Diagnostic) bool {
	if m := wholeMessage(t, last); m != nil {
		// Read as a closing in place rather than as a copy: what the
		// detector works out in it (its tokens, its cues) is the send's
		// for the rules after, and goes back to the pools with it; none
		// of that depends on the kind.
		kind := m.Kind
		m.Kind = lint.Closing
		said := len(lacksFarewell(m)) == 0
		m.Kind = kind
		return said
	}
	g := sentenceAlone(t, last)
	said := len(lacksFarewell(g)) == 0
	g.Trim()
	return said
}

// wholeMessage is the send's message when last is all of it, with nothing
// beside its text; else nil.
func wholeMessage(t *Turn, last string) *lint.Message {
	if m := t.Message(); m != nil && last == t.Event.Text && m.Body.Text == last && len(m.QuickReplies) == 0 && len(m.Buttons) == 0 {
		return m
	}
	return nil
}

// sentenceAlone is a sentence of a send read as a closing on its own.
func sentenceAlone(t *Turn, s string) *lint.Message {
	o := t.c.load
	o.Lang, o.Channel = langOf(t), t.Event.Channel
	g := o.Text(t.Event.Conversation, s)
	g.Kind = lint.Closing
	return g
}

// overdue tells whether an event at t may report q: the brand passed it by
// before t, and it is still open.
func (o IgnoredQuestionOptions) overdue(q Question, t time.Time) bool {
	return !q.Passed.IsZero() && q.Passed.Before(t) && t.Sub(q.At) <= time.Duration(o.Within)
}

// report flags the questions the brand passed by before the event (and
// also takes), and forgets them.
func (o IgnoredQuestionOptions) report(t *Turn, how string, also func(Question) bool) {
	cv, e := t.Conv, t.Event
	cv.Questions = slices.DeleteFunc(cv.Questions, func(q Question) bool {
		if !o.overdue(q, e.Time) || !also(q) {
			return false
		}
		t.run.stats.ignored(e.Channel)
		msg := "the customer's question " + where(q.line, q.At) + " was never answered: the brand's next message " +
			where(q.passedLine, q.Passed) + " did not take it up, and " + how
		if e.Text != "" {
			t.ReportText(lint.Span{}, msg, "answer the question, or say when you will")
		} else {
			t.Report(msg, "answer the question, or say when you will")
		}
		return true
	})
}

// asks are the sketches of a customer message's questions, from the memo
// of its text in a transcript.
func asks(t *Turn) []sketch {
	memo := t.run.text
	if memo != nil && memo.asksRead {
		return memo.asks
	}
	var out []sketch
	cs := cuesFor(langOf(t))
	for _, s := range questions(t.Event.Text, t.foldedText(), cs) {
		if sk, n := contentSketch(s, cs); n > 0 {
			out = append(out, sk)
		}
	}
	if memo != nil {
		memo.asks, memo.asksRead = out, true
	}
	return out
}
