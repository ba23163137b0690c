package rules

import (
	"fmt"
	"slices"

	"github.com/msglint/msglint/lint"
)

var (
	repeatedData    = loadData("repeated.yaml")
	repeatedLexicon = Lexicon(repeatedData.Lexicon)
)

// RepeatedWordOptions configures the repeated-word rule.
type RepeatedWordOptions struct {
	LexiconOptions `yaml:",inline"`
}

// RepeatedWord flags the same word twice in a row.
var RepeatedWord = &lint.Rule{
	Name: "repeated-word",
	Doc: lint.Doc{
		Title: "the same word twice in a row",
		Text: `Flags a word written twice in a row ("the the", "için için"), the kind of slip the eye skips.
Words a language repeats on purpose are allowed: Turkish and Azerbaijani reduplication ("yavaş yavaş",
"bir bir", "tez tez") and English "bye bye" or "had had".`,
		Why: `A doubled word is the most common typo in edited text and looks careless in a saved reply that is
sent thousands of times.`,
		Examples: repeatedData.Examples,
		Severity: lint.Warning,
		Default:  true,
	},
	Options: RepeatedWordOptions{},
	Lexicon: repeatedData.Lexicon,
	New: lexiconRule(RepeatedWordOptions{}, repeatedLexicon, func(o *RepeatedWordOptions) *LexiconOptions { return &o.LexiconOptions },
		func(_ RepeatedWordOptions, lx Lexicon, _ phraseBook) lint.Check {
			allow := lint.NewLangTable(lx.wordSets("allow"))
			return func(p *lint.Pass) { checkRepeated(p, allow.Of(p.Msg)) }
		}),
}

func checkRepeated(p *lint.Pass, allow map[string]bool) {
	toks := p.Msg.Tokens()
	// From the second word of a pair, b, whose kind alone tells most
	// tokens apart: a, the first, is two tokens back, a space between.
	for j := 2; j < len(toks); j++ {
		b := &toks[j]
		if b.Kind != lint.Word {
			continue
		}
		i, a := j-2, &toks[j-2]
		if a.Kind != lint.Word || len(a.Norm) != len(b.Norm) || toks[j-1].Kind != lint.Space || a.Norm != b.Norm {
			continue
		}
		if allow[a.Norm] || p.Msg.InPlaceholder(lint.Span{Start: a.Start, End: b.End}) {
			continue // a word of a placeholder's is not prose: {{ name }} name, {count, plural, other {…}}
		}
		if i+4 < len(toks) && toks[i+3].Kind == lint.Space && toks[i+4].Kind == lint.Word &&
			slices.Contains(repeatedData.Langs[p.Msg.Lang].Words["postpositions"], toks[i+4].Norm) {
			continue // "yanıt yanıt olarak": the second word heads a phrase of its own
		}
		p.Report(lint.Diagnostic{
			Span:       lint.Span{Start: a.End, End: b.End},
			Message:    fmt.Sprintf("%q is written twice in a row", p.Msg.Body.Text[b.Start:b.End]),
			Suggestion: "remove the second " + fmt.Sprintf("%q", p.Msg.Body.Text[b.Start:b.End]),
		})
	}
}
