package rules

import (
	"github.com/msglint/msglint/lint"
	"gopkg.in/yaml.v3"
)

// Detect builds a rule's own check with its options and returns a function
// that runs it on one message and returns what it found. Conversation checks
// use it so that a transcript is judged by the same detector as a template:
// "closed without a goodbye" is the goodbye rule on the last brand message.
func Detect(r *lint.Rule, opts *yaml.Node) (func(*lint.Message) []lint.Diagnostic, error) {
	check, err := r.New(opts)
	if err != nil {
		return nil, err
	}
	return func(m *lint.Message) []lint.Diagnostic {
		var out []lint.Diagnostic
		check(lint.NewPass(m, func(d lint.Diagnostic) { out = append(out, d) }))
		return out
	}, nil
}

// NewPersonRequest returns a detector of a customer asking for a person
// ("agent", "müşteri temsilcisi", "operator"), from the bot-handoff rule's
// word lists and options.
func NewPersonRequest(opts *yaml.Node) (func(*lint.Message) []lint.Match, error) {
	o, err := lint.DecodeOptions(opts, BotHandoffOptions{Kinds: []lint.Kind{lint.Bot}})
	if err != nil {
		return nil, err
	}
	lx, err := o.LexiconOptions.apply(botLexicon)
	if err != nil {
		return nil, err
	}
	pb := lx.compile()
	return func(m *lint.Message) []lint.Match { return pb.find(m, "request") }, nil
}

// NewPromoDetector returns whether a message is promotional: a promo by kind,
// or a call to action together with the words of an offer. It uses the cta
// rule's word lists and options.
func NewPromoDetector(opts *yaml.Node) (func(*lint.Message) bool, error) {
	o, err := lint.DecodeOptions(opts, CTAOptions{Kinds: []lint.Kind{lint.Promo}})
	if err != nil {
		return nil, err
	}
	lx, err := o.LexiconOptions.apply(ctaLexicon)
	if err != nil {
		return nil, err
	}
	pb, g := lx.compile(), newCTAGrammar()
	return func(m *lint.Message) bool {
		return m.Kind == lint.Promo || pb.has(m, "promo") && g.hasCTA(m, pb)
	}, nil
}
