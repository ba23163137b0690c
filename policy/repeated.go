package policy

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/msglint/msglint/lint"
	"gopkg.in/yaml.v3"
)

// RepeatedReplyOptions configures the repeated-reply rule.
type RepeatedReplyOptions struct {
	// MinWords is the shortest text judged: a closing thanks twice is no
	// loop.
	MinWords int `yaml:"min_words"`
	// Similarity is the share of word stems two texts must have in common
	// to count as nearly the same.
	Similarity float64 `yaml:"similarity"`
	// Within is how far back a conversation's texts are compared.
	Within Duration `yaml:"within"`
}

var defaultRepeated = RepeatedReplyOptions{MinWords: 8, Similarity: 0.8, Within: Duration(7 * 24 * time.Hour)}

// RepeatedReply flags the same brand text sent twice in a conversation.
var RepeatedReply = conversationOnly("repeated-reply", lint.Doc{
	Title: "the same reply sent twice in a conversation",
	Text: `In a transcript or the hook, flags a brand message whose text is the same as, or nearly the same
as, an earlier one in the conversation: a bot caught in a loop, or one pasted answer for two different
questions. Texts are compared by their words, with template placeholders, links and e-mail addresses left
out; texts that differ in a number (two orders, two dates) are different. Texts under 8 words ("Thank you, have a great day!") are not judged.`,
	Why: `A customer who gets the same answer twice knows nobody read their second message; it is the moment
they give up, or ask for a person.`,
	Examples: docExamples("repeated-reply"),
	Severity: lint.Warning,
	Default:  true,
}, defaultRepeated, newRepeatedReply)

func newRepeatedReply(node *yaml.Node, _ *Env) (Hooks, error) {
	o, err := lint.DecodeOptions(node, defaultRepeated)
	if err != nil {
		return Hooks{}, err
	}
	if o.MinWords < 1 || o.Similarity <= 0 || o.Similarity > 1 || o.Within <= 0 {
		return Hooks{}, errors.New("min_words must be at least 1, similarity above 0 and at most 1, within positive")
	}
	return Hooks{Send: o.check, Keep: time.Duration(o.Within)}, nil
}

// brandPrint fingerprints the turn's brand text and records it; ok is
// false for a send without text.
func brandPrint(t *Turn) (Print, bool) {
	e := t.Event
	if e.Text == "" {
		return Print{}, false
	}
	// Two rules fingerprint each send: the second takes the first's.
	if t.printed {
		return t.print, true
	}
	// In a transcript, the fingerprint of a text sent before is its
	// memo's (a transcript worker's memos are its own).
	var p Print
	switch memo := t.run.text; {
	case memo != nil && memo.printed:
		p = memo.print
	case memo != nil:
		p = printOf(e.Text, t.foldedText(), cuesFor(langOf(t)))
		memo.print, memo.printed = p, true
	default:
		p = printOf(e.Text, t.foldedText(), cuesFor(langOf(t)))
	}
	p.At, p.line = e.Time, e.line()
	t.print, t.printed = p, true
	return p, true
}

// earlier tells whether q is a text a send at t may repeat: sent before
// it, within the rule's reach, and long enough to judge.
func (o RepeatedReplyOptions) earlier(q Print, t time.Time) bool {
	return q.At.Before(t) && t.Sub(q.At) <= time.Duration(o.Within) && q.Words >= o.MinWords
}

func (o RepeatedReplyOptions) check(t *Turn) {
	cv, e := t.Conv, t.Event
	// A judged draft is recorded nowhere: with no earlier text to repeat,
	// it needs no fingerprint.
	if t.run.judging && !slices.ContainsFunc(cv.Prints, func(q Print) bool { return o.earlier(q, e.Time) }) {
		return
	}
	p, ok := brandPrint(t)
	if !ok {
		return
	}
	defer cv.print(p)
	if p.Words < o.MinWords {
		return
	}
	for i := len(cv.Prints) - 1; i >= 0; i-- {
		q := cv.Prints[i]
		if !o.earlier(q, e.Time) || q.Nums != p.Nums {
			continue
		}
		same := "the same text"
		if q.Text != p.Text {
			if p.Stems.similarity(q.Stems) < o.Similarity {
				continue
			}
			same = "nearly the same text"
		}
		fix := "send it once; if a bot repeats itself, hand the conversation to a person"
		if cv.LastCustomer.After(q.At) && !cv.LastCustomer.After(e.Time) {
			fix = "answer what the customer wrote since, not with the earlier answer"
		}
		t.run.stats.repeat(e.Channel)
		t.ReportText(lint.Span{}, fmt.Sprintf("%s as the brand's message %s", same, where(q.line, q.At)), fix)
		return
	}
}
