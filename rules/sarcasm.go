package rules

import (
	"fmt"

	"github.com/msglint/msglint/lint"
)

var (
	sarcasmData    = loadData("sarcasm.yaml")
	sarcasmLexicon = Lexicon(sarcasmData.Lexicon)
)

// SarcasmOptions configures the sarcasm rule.
type SarcasmOptions struct {
	LexiconOptions `yaml:",inline"`
}

// Sarcasm flags sarcasm, irony and snark toward the customer.
var Sarcasm = &lint.Rule{
	Name: "sarcasm",
	Doc: lint.Doc{
		Title: "sarcasm or snark toward the customer",
		Text: `Flags sarcastic, ironic or snarky wording: phrases that are sarcastic wherever they stand
("yeah right", "as I already said", "what a surprise", "nothing better to do", "/s", 🙄, "(!)", "tabii
canım", "yok artık", "başka işimiz yok", "əlbəttə canım", "nə sürpriz"), and openers that turn sarcastic
with a complaint beside them ("Oh great, another…", "Wow, … this time", "Ne güzel, yine…", "Əla,
yenə…"). Sincere enthusiasm ("Great news!"), sincere thanks ("thanks a lot for your patience") and a
sincere "sure, happy to help" are not flagged.`,
		Why: `Sarcasm in writing reads as contempt: the customer cannot hear the tone, only the words, and a
screenshot of a snarky reply travels far. Say the fact plainly and helpfully.`,
		Examples: sarcasmData.Examples,
		Severity: lint.Error,
		Default:  true,
	},
	Options: SarcasmOptions{},
	Lexicon: sarcasmData.Lexicon,
	New: lexiconRule(SarcasmOptions{}, sarcasmLexicon, func(o *SarcasmOptions) *LexiconOptions { return &o.LexiconOptions },
		func(_ SarcasmOptions, _ Lexicon, pb phraseBook) lint.Check {
			return func(p *lint.Pass) { checkSarcasm(p, pb) }
		}),
}

func checkSarcasm(p *lint.Pass, pb phraseBook) {
	m := p.Msg
	markers, openers := pb.find(m, "markers"), pb.find(m, "openers")
	if len(markers) == 0 && len(openers) == 0 {
		return
	}
	sents := m.Sentences()
	if len(sents) == 0 {
		return
	}
	flagged := map[int]bool{} // one finding a sentence is enough
	report := func(mt lint.Match, why string) {
		i := sentenceOf(sents, mt.Span.Start)
		if flagged[i] {
			return
		}
		flagged[i] = true
		p.Report(lint.Diagnostic{
			Span:       mt.Span,
			Message:    fmt.Sprintf("%q %s", m.Body.Text[mt.Span.Start:mt.Span.End], why),
			Suggestion: sarcasmData.Say(m.Lang, "suggestion"),
		})
	}
	for _, mt := range markers {
		report(mt, "reads as sarcasm toward the customer")
	}
	complaints := pb.find(m, "complaints")
	for _, mt := range openers {
		i := sentenceOf(sents, mt.Span.Start)
		for _, c := range complaints {
			// The complaint stands anywhere in the opener's sentence ("Daha önce
			// de iki kez söylediğim gibi") or in the next one.
			if j := sentenceOf(sents, c.Span.Start); (j == i || j == i+1 && c.Span.Start >= mt.Span.End) && (c.Span.End <= mt.Span.Start || c.Span.Start >= mt.Span.End) {
				report(mt, fmt.Sprintf("with %q reads as sarcasm toward the customer", m.Body.Text[c.Span.Start:c.Span.End]))
				break
			}
		}
	}
}
