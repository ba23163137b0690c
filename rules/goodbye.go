package rules

import (
	"strings"

	"github.com/msglint/msglint/lint"
)

var (
	goodbyeData    = loadData("goodbye.yaml")
	goodbyeLexicon = Lexicon(goodbyeData.Lexicon)
)

// GoodbyeOptions configures the goodbye rule.
type GoodbyeOptions struct {
	// Kinds are the message kinds that end a conversation.
	Kinds          []lint.Kind `yaml:"kinds"`
	LexiconOptions `yaml:",inline"`
}

// Goodbye flags a closing message without a closing courtesy.
var Goodbye = &lint.Rule{
	Name: "goodbye",
	Doc: lint.Doc{
		Title: "closing message without a goodbye",
		Text: `Flags a message that ends a conversation (kind: closing) with no closing courtesy: no
farewell or wish ("have a great day", "safe travels", "iyi günler", "yolunuz açık olsun", "xoş
günlər"; an exclamation ending in a wish, "Happy baking!", "Bol kazançlı günler!", "Xoş yol!";
congratulations), no thanks ("thanks for your patience", "sağ olun") and no offer of more help ("anything else I
can help with?", "başka bir konuda yardımcı olabilir miyim?", "başqa sualınız varmı?"). Words match in
their inflected forms ("iyi gün*" matches "İyi günler") and typed without the language's letters ("Xos
gunler"). In a transcript, it flags a conversation closed when the last brand message has none of these.`,
		Why: `The last message is what the customer remembers; ending without a word of thanks or an open
door reads as being shown out. Messenger's guidance for customer care asks businesses to close
conversations politely and say how to get back in touch.`,
		Examples: goodbyeData.Examples,
		Severity: lint.Warning,
		Default:  true,
	},
	Options: GoodbyeOptions{Kinds: []lint.Kind{lint.Closing}},
	Lexicon: goodbyeData.Lexicon,
	New: lexiconRule(GoodbyeOptions{Kinds: []lint.Kind{lint.Closing}}, goodbyeLexicon, func(o *GoodbyeOptions) *LexiconOptions { return &o.LexiconOptions },
		func(o GoodbyeOptions, lx Lexicon, pb phraseBook) lint.Check {
			typos := pb.withTypos()
			wish := lx.wordSets("wish")
			ifEndings, us, ifWords := goodbyeData.WordSets("if_endings"), goodbyeData.WordSets("us"), goodbyeData.WordSets("if")
			courteous := func(m *lint.Message) bool {
				if pb.has(m, "farewell") || pb.has(m, "thanks") || pb.has(m, "help") || wished(m, wish[m.Lang]) ||
					ifContact(m, pb, ifEndings[m.Lang], us[m.Lang], ifWords[m.Lang]) {
					return true
				}
				all := typos.findAll(m) // one pass for the second look
				return len(all["farewell"]) > 0 || len(all["thanks"]) > 0 || len(all["help"]) > 0
			}
			return func(p *lint.Pass) {
				m := p.Msg
				if !kindIn(m.Kind, o.Kinds) || courteous(m) {
					return
				}
				p.Report(lint.Diagnostic{
					Message:    "closing message has no goodbye: no farewell, no thanks and no offer of more help",
					Suggestion: goodbyeData.Say(m.Lang, "suggestion"),
				})
			}
		}),
}

// wished reports whether a sentence ending in "!" opens a wish in its last
// three words ("Happy baking!", "Pistlerde bol karlı günler!", "Xoş
// mütaliələr!"): a farewell, whatever is wished. A wish word earlier in
// the sentence, or a sentence ending otherwise ("Xoş xəbər: …"), is not one.
func wished(m *lint.Message, wish map[string]bool) bool {
	if wish == nil {
		return false
	}
	toks := m.Tokens()
	for i, t := range toks {
		if t.Kind != lint.Punct || !strings.HasPrefix(t.Norm, "!") {
			continue
		}
		for j, k := i, 0; k < 3; k++ {
			if j = neighbour(toks, j, -1); j < 0 || toks[j].Kind != lint.Word {
				break
			}
			if wish[toks[j].Norm] {
				return true
			}
			// Typed without the language's letters: "Xos yol!".
			for w := range wish {
				if lint.Fold(m.Lang, w) == lint.Fold(m.Lang, toks[j].Norm) {
					return true
				}
			}
		}
	}
	return false
}

// ifContact reports whether the customer is told to get in touch if
// something comes up: in English a contact cue and "if" in one sentence;
// in Turkish and Azerbaijani a contact cue ("yazın", "bize ulaşın", "əlaqə
// saxlayın") right after a conditional verb ("olursa", "gəlsə"), with only
// a comma or "us" (bize, bizimlə) between: "Aklınıza takılan bir şey olursa
// yazın". A contact cue after another word writes something else ("…
// ödəsəniz, qəbzi yazın").
func ifContact(m *lint.Message, pb phraseBook, ends, us, ifWords map[string]bool) bool {
	if ends == nil && ifWords == nil {
		return false
	}
	toks := m.Tokens()
	if ifWords != nil {
		// English says "if" in a word, before or after: "If anything comes
		// up, message us", "Text us if the bike needs a tune-up".
		sents := m.Sentences()
		for _, c := range pb.find(m, "contact") {
			s := sents[sentenceOf(sents, c.Span.Start)]
			for _, t := range toks {
				if t.Start >= s.Start && t.End <= s.End && t.Kind == lint.Word && ifWords[t.Norm] {
					return true
				}
			}
		}
		return false
	}
	folded := lint.Folded(m.Lang, m.Body.Text)
	for _, c := range pb.find(m, "contact") {
		j := neighbour(toks, c.First, -1)
		for j >= 0 && (toks[j].Norm == "," || us[toks[j].Norm]) {
			j = neighbour(toks, j, -1)
		}
		if c.First < 0 || j < 0 || toks[j].Kind != lint.Word {
			continue
		}
		for e := range ends {
			if len(toks[j].Norm) > len(e)+1 && hasEnding(m.Lang, toks[j].Norm, e, folded) {
				return true
			}
		}
	}
	return false
}
