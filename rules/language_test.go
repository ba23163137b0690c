package rules

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/msglint/msglint/lint"
)

// A word that starts with no pair's neighbour word has no paired word, so
// the language rule does not look for one.
func FuzzPairFrom(f *testing.F) {
	for _, s := range []string{"maalesef", "siparişiniz", "teşekkürler", "hoşgeldiniz", "xoş", "", "ş"} {
		f.Add(s)
	}
	lc, err := newLanguageCheck()
	if err != nil {
		f.Fatal(err)
	}
	for l := range lc.neighbour {
		if _, err := lexiconFor(l); err != nil {
			f.Fatal(err)
		}
	}
	f.Fuzz(func(t *testing.T, lw string) {
		for l := range lc.neighbour {
			own, err := lexiconFor(l)
			if err != nil || own == nil {
				continue
			}
			starts := slices.ContainsFunc(lc.pairFrom[l], func(from string) bool { return strings.HasPrefix(lw, from) })
			if right := pairedWord(l, own, lw); right != "" && !starts {
				t.Errorf("%s %q: paired with %q, but starts with no pair's word", l, lw, right)
			}
		}
	})
}

// pairByHand is what neighbourWords asked of each word the neighbouring
// language knows before the answer was kept in the word's verdict.
func pairByHand(lc *languageCheck, l lint.Lang, own *lexicon, v *wordVerdict, w string) string {
	lw := lint.Lower(l, w)
	if utf8.RuneCountInString(lw) < 4 || lc.english(v, w) || own.neighbourWord(w) != "" {
		return ""
	}
	if !slices.ContainsFunc(lc.pairFrom[l], func(from string) bool { return strings.HasPrefix(lw, from) }) {
		return ""
	}
	right := pairedWord(l, own, lw)
	if right == "" || v.known && own.weight(lw)*5 >= own.weight(firstWord(right)) {
		return ""
	}
	return right
}

// The pair a word's verdict keeps is the one worked out by hand, asked
// once or again.
func FuzzPairOf(f *testing.F) {
	for _, s := range []string{"maalesef", "Maalesef", "lütfen", "siparişiniz", "teşekkürler", "hoşgeldiniz", "kargo", "bugün", "size", "xoş", "", "ş"} {
		f.Add(s)
	}
	lc, err := newLanguageCheck()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, word string) {
		for l := range lc.neighbour {
			own, err := lexiconFor(l)
			if err != nil || own == nil {
				continue
			}
			v := own.verdict(word)
			w := word[:v.base]
			want := pairByHand(lc, l, own, v, w)
			for range 2 {
				if got := lc.pairOf(own, v, w); got != want {
					t.Fatalf("%s %q: pairOf = %q, by hand %q", l, w, got, want)
				}
			}
		}
	})
}
