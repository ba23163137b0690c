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
	return Hooks{
		Send: func(t *Turn) {
			m := t.Message()
			if !t.FirstReply || m == nil {
				return
			}
			g := *m
			g.Kind = lint.Greeting
			if ds := greets(&g); len(ds) > 0 {
				t.ReportText(lint.Span{}, "the first reply of the conversation "+strings.TrimPrefix(ds[0].Message, "the message "), ds[0].Suggestion)
			}
		},
		End: func(t *Turn) {
			if t.Conv.Pending {
				t.ReportAt(t.Conv.PendingLine, "the customer's message got no reply", "answer every customer message, even with an away message")
			}
		},
	}, nil
}
