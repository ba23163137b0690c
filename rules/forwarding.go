package rules

import (
	"fmt"
	"strings"

	"github.com/msglint/msglint/lint"
)

var (
	forwardingData    = loadData("forwarding.yaml")
	forwardingLexicon = Lexicon(forwardingData.Lexicon)
)

// ForwardingConsentOptions configures the forwarding-consent rule.
type ForwardingConsentOptions struct {
	LexiconOptions `yaml:",inline"`
}

// ForwardingConsent flags a message saying the customer's conversation or
// data went to a third party without asking.
var ForwardingConsent = &lint.Rule{
	Name: "forwarding-consent",
	Doc: lint.Doc{
		Title: "customer data passed to a third party without asking",
		Text: `Flags a message that says the customer's message, conversation or details were, or will be,
forwarded, shared or passed to a third party (a courier, delivery or repair partner, manufacturer,
supplier, insurer or another agency) without asking first. Asking for consent ("May we share your number
with the courier?", "Kargo firmasıyla paylaşmamıza izin verir misiniz?"), giving the customer the third
party's contact instead, and passing it to the brand's own teams (billing, the store manager) are fine.
In a transcript, a forward event or such a message is fine after the customer's consent_granted, and
flagged again after consent_revoked.`,
		Why: `A private chat is private: passing it or the customer's details to another company without
consent breaks their trust and, under data protection law (GDPR, Turkey's KVKK, Azerbaijan's law on
personal data), needs a lawful basis; asking first is both polite and safe.`,
		Examples: forwardingData.Examples,
		Severity: lint.Error,
		Default:  true,
	},
	Options: ForwardingConsentOptions{},
	Lexicon: forwardingData.Lexicon,
	New: lexiconRule(ForwardingConsentOptions{}, forwardingLexicon, func(o *ForwardingConsentOptions) *LexiconOptions { return &o.LexiconOptions },
		func(_ ForwardingConsentOptions, _ Lexicon, pb phraseBook) lint.Check {
			return func(p *lint.Pass) { checkForwarding(p, pb) }
		}),
}

func checkForwarding(p *lint.Pass, pb phraseBook) {
	m := p.Msg
	// Most messages forward nothing: look for a third party first.
	if !pb.has(m, "third") || !pb.has(m, "verbs") || pb.has(m, "consent") {
		return
	}
	sents := m.Sentences()
	if len(sents) == 0 {
		return
	}
	bySentence := func(list string) map[int][]lint.Match {
		out := map[int][]lint.Match{}
		for _, mt := range pb.find(m, list) {
			i := sentenceOf(sents, mt.Span.Start)
			out[i] = append(out[i], mt)
		}
		return out
	}
	verbs, data, third, own, contact := bySentence("verbs"), bySentence("data"), bySentence("third"), bySentence("own"), bySentence("contact")
	for i, s := range sents {
		if len(verbs[i]) == 0 || len(data[i]) == 0 || len(third[i]) == 0 || len(contact[i]) > 0 ||
			strings.HasSuffix(strings.TrimRight(m.Body.Text[s.Start:s.End], "\"'”’)"), "?") {
			continue
		}
		// What was sent comes before who got it: "sent your number to the
		// courier", "numaranızı kargo firmasına ilettik" — not "sent the
		// courier to your address".
		d, t := data[i][0], lint.Match{}
		for _, c := range third[i] {
			if c.Span.Start > d.Span.Start {
				t = c
				break
			}
		}
		if t.Cue == "" || ownBetween(own[i], d, t) {
			continue
		}
		v := verbs[i][0]
		start, end := min(v.Span.Start, d.Span.Start), max(v.Span.End, t.Span.End)
		p.Report(lint.Diagnostic{
			Span:       lint.Span{Start: start, End: end},
			Message:    fmt.Sprintf("says the customer's details went to a third party (%q) without asking for consent", m.Body.Text[t.Span.Start:t.Span.End]),
			Suggestion: forwardingData.Say(m.Lang, "suggestion"),
		})
	}
}

// ownBetween: the brand's own team named as the receiver ("our billing team")
// overlaps the third-party cue ("partner" in "our team partner").
func ownBetween(own []lint.Match, d, t lint.Match) bool {
	for _, o := range own {
		if o.Span.Start > d.Span.Start && o.Span.Start <= t.Span.End && o.Span.End >= t.Span.Start {
			return true
		}
	}
	return false
}
