package policy

import (
	"strings"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/rules"
	"gopkg.in/yaml.v3"
)

// Greeting is the greeting rule over a conversation: the brand's first
// reply must greet, and every customer message must get a reply.
var Greeting = &Rule{Rule: rules.Greeting, New: newGreeting, Replaces: true, DraftToo: true}

func newGreeting(node *yaml.Node, _ *Env) (Hooks, error) {
	greets, err := rules.Detect(rules.Greeting, node)
	if err != nil {
		return Hooks{}, err
	}
	// A first reply is read as a greeting, whatever its kind.
	asGreeting := func(m *lint.Message) []lint.Diagnostic {
		g := *m
		g.Kind = lint.Greeting
		return greets(&g)
	}
	return Hooks{
		Send: func(t *Turn) {
			m := t.Message()
			if !t.FirstReply || m == nil {
				return
			}
			if d, ok := t.detectFirst("greeting", m, asGreeting); ok {
				t.ReportText(lint.Span{}, "the first reply of the conversation "+strings.TrimPrefix(d.Message, "the message "), d.Suggestion)
			}
		},
		End: func(t *Turn) {
			if t.Conv.Pending {
				t.ReportAt(t.Conv.PendingLine, "the customer's message got no reply", "answer every customer message, even with an away message")
			}
		},
	}, nil
}
