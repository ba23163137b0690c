package policy

import (
	"fmt"

	"github.com/msglint/msglint/lint"
	"gopkg.in/yaml.v3"
)

// MessageTag flags a message tag used where it does not apply.
var MessageTag = conversationOnly("message-tag", lint.Doc{
	Title: "message tag used where it does not apply",
	Text: `In a transcript, flags a message tag that does not apply: a tag the channel does not know, a
tag no longer accepted (CONFIRMED_EVENT_UPDATE, POST_PURCHASE_UPDATE and ACCOUNT_UPDATE from 2026-04-27),
HUMAN_AGENT sent by a bot, a tag on a message sent as an in-window RESPONSE, MESSAGE_TAG with no tag, and
promotional content in a tagged message (found by the cta rule's detector: a call to action with the words
of an offer).`,
	Why: `Tags exist for specific non-promotional updates; Meta rejects expired tags with error 100 and
restricts pages that send promotions under a tag.`,
	Examples: docExamples("message-tag"),
	Severity: lint.Error,
	Default:  true,
}, nil, newMessageTag)

func newMessageTag(node *yaml.Node, _ *Env) (Hooks, error) {
	if _, err := lint.DecodeOptions(node, struct{}{}); err != nil {
		return Hooks{}, err
	}
	return Hooks{Send: checkTag}, nil
}

func checkTag(t *Turn) {
	e, p := t.Event, t.Profile
	if p == nil {
		return
	}
	if e.MessagingType == "MESSAGE_TAG" && e.Tag == "" {
		t.Report("sent as MESSAGE_TAG with no tag", "add the tag that applies, or send it as a RESPONSE within the window")
		return
	}
	if e.Tag == "" {
		return
	}
	tag, ok := p.tag(e.Tag)
	switch {
	case !ok:
		var known []string
		for _, k := range p.Tags {
			if k.ValidAt(e.Time) {
				known = append(known, k.Tag)
			}
		}
		t.Report(fmt.Sprintf("%s does not accept the tag %s (tags in force: %s)", e.Channel.Title(), e.Tag, orNone(known)), "use a tag that applies, or none")
	case !tag.ValidAt(e.Time):
		t.Report(fmt.Sprintf("the tag %s is no longer accepted since %s: Meta refuses it with error code 100", e.Tag, tag.Until.AddDate(0, 0, 1).Format("2006-01-02")),
			"reply within 24 hours of the customer's message, or use a tag still in force")
	case tag.HumanOnly && e.Actor != Agent:
		t.Report(fmt.Sprintf("%s may only be used by a person, not by a bot or automation", e.Tag), "let a person send it, or reply within 24 hours")
	}
	if e.MessagingType == "RESPONSE" {
		t.Report(fmt.Sprintf("the tag %s is on a message sent as an in-window RESPONSE", e.Tag), "drop the tag from responses")
	}
	if t.Promo() {
		t.Report(fmt.Sprintf("promotional content sent under the tag %s; tags are for non-promotional updates", e.Tag), "send promotions only inside the 24-hour window")
	}
}
