// Package rules holds msglint's rules, one file each.
package rules

import "github.com/msglint/msglint/lint"

// All is every rule, in the order `msglint rules` lists them.
func All() []*lint.Rule {
	return []*lint.Rule{Length, Spelling, Grammar, Language, Sarcasm, CTA, Goodbye, Greeting, ForwardingConsent, BotHandoff, Shouting, RepeatedWord, Whitespace, Placeholder, Parity, WhatsAppTemplate}
}

// Names lists the rule names, for config validation.
func Names() []string {
	var out []string
	for _, r := range All() {
		out = append(out, r.Name)
	}
	return out
}
