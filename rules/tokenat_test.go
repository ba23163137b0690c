package rules

import (
	"cmp"
	"slices"
	"testing"

	"github.com/msglint/msglint/lint"
)

// tokenAt finds what a binary search of the tokens' starts finds, at every
// offset of a message and beyond it.
func TestTokenAt(t *testing.T) {
	for _, text := range []string{"", "a", "Hello there, friend!  See you at 5pm?", "Siparişiniz yolda; tıkla, izle."} {
		m := &lint.Message{Lang: lint.English, Body: lint.Field{Text: text}}
		toks := m.Tokens()
		for off := -1; off <= len(text)+1; off++ {
			want, _ := slices.BinarySearchFunc(toks, off, func(t lint.Token, off int) int { return cmp.Compare(t.Start, off) })
			if got := tokenAt(toks, off); got != want {
				t.Errorf("%q at %d: %d, want %d", text, off, got, want)
			}
		}
	}
}
