package rules

import "github.com/msglint/msglint/lint"

// The rules whose checks read nothing of a message but its body's text,
// language (and whether it was guessed), kind and placeholder systems
// (lint.Rule.SameForText): what they said of a text the engine says again
// when the text comes again. A rule that reads a message's channel, buttons
// or quick replies (length) is none of them; spelling, which reads them
// and keeps what it read for a look at the whole file, is one in a
// message read as a stream with none (lint.Rule.SameForStreamedText).
// Grammar, language and placeholder read the text's words, language and
// placeholders alone (placeholder's look across a file is its file check,
// which runs as before): on an export they were most of what a repeated
// text still cost.
//
// Each reads a message's kind only by asking (lint.Message.IsKind), if at
// all (lint.Rule.AsksKind): what it said of a text is said again of the
// text in a message of any kind it did not ask about. cta, goodbye,
// greeting and bot-handoff ask about the kinds they check, sarcasm about a
// promo or a greeting only of a text a frame found something in.
func init() {
	for _, r := range []*lint.Rule{Sarcasm, ForwardingConsent, CTA, Goodbye, Greeting, BotHandoff, Shouting, Whitespace, RepeatedWord, Grammar, Language, Placeholder} {
		r.SameForText, r.AsksKind = true, true
	}
	Spelling.SameForStreamedText, Spelling.AsksKind = true, true
}
