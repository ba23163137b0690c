package rules

import (
	"slices"
	"strings"
	"testing"
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
