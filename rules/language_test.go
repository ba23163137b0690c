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

// What knownIn answers is kept in the verdict, and keptIn reads it back
// for each lexicon alone.
func TestKeptIn(t *testing.T) {
	en, err := lexiconFor(lint.English)
	if err != nil || en == nil || en.slot < 0 {
		t.Fatalf("English lexicon: %v", err)
	}
	tr, err := lexiconFor(lint.Turkish)
	if err != nil || tr == nil || tr.slot < 0 {
		t.Fatalf("Turkish lexicon: %v", err)
	}
	for _, c := range []struct {
		word      string
		inEnglish bool
	}{{"order", true}, {"sipariş", false}} {
		v := &wordVerdict{}
		if _, ok := v.keptIn(en.slot); ok {
			t.Fatalf("%q: kept before asked", c.word)
		}
		if got := v.knownIn(en, c.word); got != c.inEnglish {
			t.Fatalf("%q: knownIn(en) = %v, want %v", c.word, got, c.inEnglish)
		}
		if k, ok := v.keptIn(en.slot); !ok || k != c.inEnglish {
			t.Errorf("%q: keptIn(en) = %v, %v; want %v, true", c.word, k, ok, c.inEnglish)
		}
		if _, ok := v.keptIn(tr.slot); ok {
			t.Errorf("%q: Turkish kept, never asked", c.word)
		}
	}
}
