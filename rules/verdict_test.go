package rules

import (
	"testing"

	"github.com/msglint/msglint/lint"
)

// FuzzKnownIn holds what a word's verdict keeps of the other languages'
// dictionaries to asking them, on the first question and on the next.
func FuzzKnownIn(f *testing.F) {
	for _, s := range []string{"maalesef", "Teşekkür", "size", "time", "sifariş", "Luma'ya", "x", "", "hello", "salam"} {
		f.Add(s)
	}
	var lxs []*lexicon
	for _, l := range []lint.Lang{lint.English, lint.Turkish, lint.Azerbaijani} {
		lx, err := lexiconFor(l)
		if err != nil || lx == nil {
			f.Fatalf("%s: no lexicon: %v", l, err)
		}
		lxs = append(lxs, lx)
	}
	f.Fuzz(func(t *testing.T, word string) {
		for _, own := range lxs {
			v := own.verdict(word)
			base := word[:v.base]
			for range 2 {
				for _, other := range lxs {
					if got, want := v.knownIn(other, base), other.known(base); got != want {
						t.Fatalf("%s verdict of %q: known in %s %v, the dictionary says %v", own.lang, word, other.lang, got, want)
					}
				}
			}
		}
	})
}
