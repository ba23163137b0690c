package rules

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/msglint/msglint/lint"
)

// FuzzGrammarFirstBytes holds the grammar rule, which tells most words
// off its frames and compounds by their first byte, to the rule asking
// of every word.
func FuzzGrammarFirstBytes(f *testing.F) {
	for _, s := range []string{"Your welcome, it's own way: on it's way. More then that; could of course, could of been.",
		"Hiç bir şey, her hangi biri, bir kaç kez; vitrinde ki ürünler. Bel ki gelir, aldınızmı?",
		"Var mı? Çün ki gəlir, halbu ki.", "", "a", "an user a hour"} {
		f.Add(s)
	}
	fast := newGrammar()
	every := newGrammar()
	for i := range every.frameFirst {
		every.frameFirst[i] = ^uint32(0)
	}
	for l := range every.togetherFirst {
		for i := range every.togetherFirst[l] {
			every.togetherFirst[l][i] = true
		}
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, l := range []lint.Lang{lint.English, lint.Turkish, lint.Azerbaijani} {
			var got, want []lint.Diagnostic
			fast.check(lint.NewPass(&lint.Message{Lang: l, Body: lint.Field{Text: text}}, func(d lint.Diagnostic) { got = append(got, d) }))
			every.check(lint.NewPass(&lint.Message{Lang: l, Body: lint.Field{Text: text}}, func(d lint.Diagnostic) { want = append(want, d) }))
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s %q (-every word +first bytes):\n%s", l, text, diff)
			}
		}
	})
}
