package rules

import "github.com/msglint/msglint/lint"

// The rules that read a message's word ids (lint.Rule.ReadsWordIDs): the
// spelling verdicts (spelling, language), the cue index (every rule that
// looks for phrase cues) and the sarcasm scorer. Run together, they share
// one look-up of each word a message.
func init() {
	for _, r := range []*lint.Rule{Spelling, Language, Sarcasm, CTA, Goodbye, Greeting, ForwardingConsent, BotHandoff} {
		r.ReadsWordIDs = true
	}
}
