package rules

import "github.com/msglint/msglint/lint"

// The rules whose checks read nothing of a message but its body's text,
// language (and whether it was guessed), kind and placeholder systems
// (lint.Rule.SameForText): what they said of a text the engine says again
// when the text comes again. A rule that reads a message's channel, buttons
// or quick replies (length), or keeps what it read for a look at the whole
// file (spelling), is none of them. Grammar, language and placeholder
// read the text's words, language and placeholders alone (placeholder's
// look across a file is its file check, which runs as before): on an
// export they were most of what a repeated text still cost.
func init() {
	for _, r := range []*lint.Rule{Sarcasm, ForwardingConsent, CTA, Goodbye, Greeting, BotHandoff, Shouting, Whitespace, RepeatedWord, Grammar, Language, Placeholder} {
		r.SameForText = true
	}
	// Of them, those that never read a message's kind, and sarcasm, which
	// asks it (lint.Message.IsKind) only of a text with the cues of a frame
	// a promo or a greeting is spared: what they said of a text is said
	// again of it as any kind. cta, goodbye, greeting and bot-handoff look
	// for what a kind of message lacks and read the kind first.
	for _, r := range []*lint.Rule{Sarcasm, ForwardingConsent, Shouting, Whitespace, RepeatedWord, Grammar, Language, Placeholder} {
		r.AsksKind = true
	}
}
