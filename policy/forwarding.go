package policy

import (
	"fmt"

	"github.com/msglint/msglint/rules"
	"gopkg.in/yaml.v3"
)

// ForwardingConsent is the forwarding-consent rule over a conversation: a
// forward, or a message that says the customer's details went to a third
// party, needs the customer's consent earlier in the conversation.
var ForwardingConsent = &Rule{Rule: rules.ForwardingConsent, New: newForwarding, Replaces: true}

func newForwarding(node *yaml.Node, _ *Env) (Hooks, error) {
	forwards, err := rules.Detect(rules.ForwardingConsent, node)
	if err != nil {
		return Hooks{}, err
	}
	return Hooks{
		Event: func(t *Turn) {
			if e := t.Event; e.Type == Forward && !t.Conv.Consent {
				to := ""
				if e.To != "" {
					to = " to " + e.To
				}
				t.Report(noConsent(t.Conv, "the conversation was forwarded"+to), "ask the customer first, and forward only after a consent_granted event")
			}
		},
		Send: func(t *Turn) {
			if m := t.Message(); m != nil && !t.Conv.Consent {
				if d, ok := t.detectFirst("forwarding", m, forwards); ok {
					t.ReportText(d.Span, noConsent(t.Conv, "the message says the customer's details went to a third party"), d.Suggestion)
				}
			}
		},
	}, nil
}

func noConsent(cv *State, what string) string {
	if cv.Revoked {
		return fmt.Sprintf("%s after the customer revoked consent %s, and consent was not granted again", what, where(cv.RevokedLine, cv.RevokedAt))
	}
	return what + " with no consent from the customer earlier in the conversation"
}
