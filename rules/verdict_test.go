package rules

import (
	"reflect"
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

// FuzzQuietWords holds the unknown-word pass, which passes over a word
// its verdict calls quiet, to the pass asking every word in full, in
// every language, with the words' shared verdicts and without.
func FuzzQuietWords(f *testing.F) {
	for _, s := range []string{"Təşəkür edirik, {name}'daki PIN-inizi 11-də sipariş maalesef görub.",
		"We will recieve the calender, café au lait, Lumara's order.", "Malesef herkez için Siparişiniz stokta değil; aldınızmı?", ""} {
		f.Add(s)
	}
	quick, err := newSpeller(SpellingOptions{})
	if err != nil {
		f.Fatal(err)
	}
	full, err := newSpeller(SpellingOptions{})
	if err != nil {
		f.Fatal(err)
	}
	full.askAll = true
	f.Fuzz(func(t *testing.T, text string) {
		for _, l := range []lint.Lang{lint.English, lint.Turkish, lint.Azerbaijani} {
			lx, err := lexiconFor(l)
			if err != nil || lx == nil {
				t.Fatalf("%s: no lexicon: %v", l, err)
			}
			m := &lint.Message{Lang: l, Body: lint.Field{Text: text}}
			want := full.unknown(lx, text, m.Tokens(), nil)
			for _, ws := range [][]lint.WordToken{nil, m.Words()} {
				if got := quick.unknown(lx, text, m.Tokens(), ws); !reflect.DeepEqual(got, want) {
					t.Fatalf("%s %q: %+v, asking every word gives %+v", l, text, got, want)
				}
			}
			// The text's words with ids, twice: their verdicts found by
			// id, kept the first time, are the verdicts by text.
			m.Trim()
			m.WordIDs()
			ws := m.Words()
			if got := quick.unknown(lx, text, m.Tokens(), ws); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s %q: %+v with word ids, asking every word gives %+v", l, text, got, want)
			}
			m.Trim()
			m.WordIDs()
			ws = m.Words()
			if got := quick.unknown(lx, text, m.Tokens(), ws); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s %q: %+v by word ids, asking every word gives %+v", l, text, got, want)
			}
			for k := range ws {
				word := text[ws[k].Start:ws[k].End]
				if v, byText := lx.sharedVerdict(&ws[k], word), lx.verdict(word); !reflect.DeepEqual(v, byText) {
					t.Fatalf("%s %q: verdict by id %+v, by text %+v", l, word, v, byText)
				}
			}
			m.Trim()
		}
	})
}
