package policy

import (
	"fmt"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/rules"
	"gopkg.in/yaml.v3"
)

// BotHandoff is the bot-handoff rule over a conversation: once the customer
// asks for a person, a bot must hand the conversation over, not answer.
var BotHandoff = &Rule{Rule: rules.BotHandoff, New: newBotHandoff, Replaces: true}

func newBotHandoff(node *yaml.Node, _ *Env) (Hooks, error) {
	asksForPerson, err := rules.NewPersonRequest(node)
	if err != nil {
		return Hooks{}, err
	}
	return Hooks{
		Event: func(t *Turn) {
			if t.Event.Type == Handoff {
				t.Conv.handled(t.Event.Time)
			}
		},
		Inbound: func(t *Turn) {
			if t.Stop {
				return
			}
			if m := t.Message(); m != nil && t.tells("person", m, func(m *lint.Message) bool { return len(asksForPerson(m)) > 0 }) {
				t.Conv.request(t.Event)
			}
		},
		Send: func(t *Turn) {
			cv, e := t.Conv, t.Event
			if e.Actor == BotActor && cv.Requested && cv.RequestAt.Before(e.Time) {
				t.ReportText(lint.Span{}, fmt.Sprintf("the customer asked for a person %s and the bot kept answering without a handoff", where(cv.RequestLine, cv.RequestAt)),
					"hand the conversation to a person (handover protocol) as soon as they ask")
			}
			// A person's answer deals with the request; so does the bot's
			// answer, once reported.
			cv.handled(e.Time)
		},
	}, nil
}
