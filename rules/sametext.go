package rules

import "github.com/msglint/msglint/lint"

// The rules whose checks read nothing of a message but its body's text,
// language, kind and placeholder systems (lint.Rule.SameForText): what they
// said of a text the engine says again when the text comes again. A rule
// that reads a message's channel, buttons or quick replies, or keeps what
// it read for a look at the whole file (spelling), is none of them.
func init() {
	for _, r := range []*lint.Rule{Sarcasm, ForwardingConsent, CTA, Goodbye, Greeting, BotHandoff, Shouting, Whitespace, RepeatedWord} {
		r.SameForText = true
	}
}
