package rules

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/msglint/msglint/lint"
)

// matchByStrings is wordList.match as it was first written, a look-up per
// stem length on a lowered string: the reference for the buffered match
// with its stem filter.
func (wl *wordList) matchByStrings(l lint.Lang, word string, ascii bool) (int, string) {
	lw := lint.Lower(l, word)
	words := wl.words
	if ascii {
		words = wl.folded
	}
	if right, ok := words[lw]; ok {
		return len(word), right
	}
	runes := utf8.RuneCountInString(lw)
	k := runes
	for b := len(lw); k > wl.minStem; {
		_, w := utf8.DecodeLastRuneInString(lw[:b])
		b -= w
		k--
		if right, ok := words[lw[:b]]; ok && !wl.exact[lw[:b]] {
			return len(word), right + lint.Lower(l, word[runeOffset(word, k):])
		}
	}
	for _, e := range wl.endings {
		if strings.HasSuffix(lw, e[0]) && runes-utf8.RuneCountInString(e[0]) >= 2 {
			stem := runeOffset(word, runes-utf8.RuneCountInString(e[0]))
			return len(word), lint.Lower(l, word[:stem]) + e[1]
		}
	}
	return 0, ""
}

// FuzzListMatch checks the curated lists' match against the reference, on
// the listed words themselves with suffixes and capitals, and on any word.
func FuzzListMatch(f *testing.F) {
	lists, err := builtinLists()
	if err != nil {
		f.Fatal(err)
	}
	for _, wl := range lists {
		for w := range wl.words {
			f.Add(w, "")
			f.Add(strings.ToUpper(w[:1])+w[1:], "larınızdan")
			f.Add(w, "ı")
		}
		for w := range wl.folded {
			f.Add(w, "lari")
		}
		for _, e := range wl.endings {
			f.Add("kitap"+e[0], "")
		}
	}
	f.Fuzz(func(t *testing.T, word, suffix string) {
		word += suffix
		for l, wl := range lists {
			for _, ascii := range []bool{false, true} {
				wn, wr := wl.matchByStrings(l, word, ascii)
				// Twice: worked out, then remembered.
				for range 2 {
					if gn, gr := wl.match(l, word, ascii); gn != wn || gr != wr {
						t.Errorf("%s match(%q, %v) = %d %q, the reference says %d %q", l, word, ascii, gn, gr, wn, wr)
					}
				}
			}
		}
	})
}

// TestLetterAt holds letterAt's short cut below U+02B0 to the Unicode
// tables it stands for.
func TestLetterAt(t *testing.T) {
	for r := rune(0); r < 0x3000; r++ {
		s := string(r)
		letter, mark, w := letterAt(s, 0)
		if letter != unicode.IsLetter(r) || mark != unicode.Is(unicode.Mn, r) || w != len(s) {
			t.Errorf("letterAt(%U) = %v %v %d, want %v %v %d", r, letter, mark, w, unicode.IsLetter(r), unicode.Is(unicode.Mn, r), len(s))
		}
	}
}

// FuzzMatchCase holds matchCase's short cut for ASCII words to the rune by
// rune version, in every casing.
func FuzzMatchCase(f *testing.F) {
	for _, s := range [][2]string{{"recieve", "receive"}, {"RECIEVE", "receive"}, {"Recieve", "receive"}, {"Iade", "iade"},
		{"ISTE", "işte"}, {"X", "x"}, {"iPhone", "ıphone"}, {"e-Mail", "email"}, {"'", "a"}, {"A1", "b"}, {"Ab", ""},
		{"teşekür", "teşekkür"}, {"Teşekür", "teşekkür"}, {"TEŞEKÜR", "teşekkür"}, {"ıı", "ii"}, {"Iı", "ıi"}, {"əX", "ə"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, orig, right string) {
		for _, l := range lint.Langs {
			got, ok := matchCaseASCII(l, orig, right)
			if want := matchCaseRunes(l, orig, right); ok && got != want {
				t.Errorf("%s: matchCaseASCII(%q, %q) = %q, want %q", l, orig, right, got, want)
			}
		}
	})
}

// FuzzLowerWord holds lowerWord to lint.AppendLower and the counts it
// stands for, in every language.
func FuzzLowerWord(f *testing.F) {
	for _, s := range []string{"", "Iade", "İade", "IŞIK", "siparişiniz", "Təşəkkür", "CAFÉ", "naïve", "Ⅰx", "a\xffb", "ŞÇĞ", "abcd", "abcdé"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, word string) {
		for _, l := range lint.Langs {
			for _, n := range []int{0, 1, 4} {
				lw, runes, at := lowerWord(nil, l, lint.CasingOf(l) == lint.TurkicCasing, word, n)
				want := lint.AppendLower(nil, l, word)
				if string(lw) != string(want) || runes != utf8.RuneCount(want) || at != runeOffsetBytes(want, n) {
					t.Errorf("%s lowerWord(%q, %d) = %q %d %d, want %q %d %d", l, word, n, lw, runes, at, want, utf8.RuneCount(want), runeOffsetBytes(want, n))
				}
			}
		}
	})
}

// FuzzAppendQuoted holds appendQuoted to strconv.AppendQuote.
func FuzzAppendQuoted(f *testing.F) {
	for _, s := range []string{"", "recieve", "Təşəkür", "İade", "a\"b", "a\\b", "\x00", "\x7f", "\xff", "ş\xc5", "\u00a0", "~ ", "ÇĞİÖŞÜƏ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendQuoted([]byte("x"), s)), string(strconv.AppendQuote([]byte("x"), s)); got != want {
			t.Errorf("appendQuoted(%q) = %s, want %s", s, got, want)
		}
	})
}

// FuzzListedTokens holds listed, which reads a text a word token at a time
// and tells most words off the list by their norm's first and last bytes,
// to listedIn's letter by letter reading of the whole text.
func FuzzListedTokens(f *testing.F) {
	for _, s := range []string{
		"Malesef herkez için stokta değil. Orjinal kutusuyla yapabilirmisiniz?",
		"MALESEF HERKEZ İÇİN YANLIZ; Herkeze, yanliz ve orjinali 3 günde.",
		"Təşəkür edirik! Xaiş edirik, gələcəx və edəciyik. TƏŞƏKÜR, xais.",
		"İade'niz herkez'e 12herkez herkez34 ʼherkez herkezʼ herkéz he\u0301rkez \u0301herkez",
		"Shoes'a herkez’in d'herkez I Iı ıI ǅ ǆ ǲherkez", "", "a", "I", "\xffherkez",
	} {
		f.Add(s)
	}
	lists, err := builtinLists()
	if err != nil {
		f.Fatal(err)
	}
	sp := &speller{}
	f.Fuzz(func(t *testing.T, text string) {
		for l, wl := range lists {
			want := sp.listedIn(l, wl, text, 0, len(text), asciiLetters(text), nil)
			if got := sp.listed(l, wl, nil, text, lint.Tokenize(text, l), nil, nil); !reflect.DeepEqual(got, want) {
				t.Errorf("%s listed(%q) = %v, reading it a letter at a time gives %v", l, text, got, want)
			}
			// And told from the words' verdicts, which keep what the
			// list finds in each word.
			lx, err := lexiconFor(l)
			if err != nil || lx == nil {
				continue
			}
			m := &lint.Message{Lang: l, Body: lint.Field{Text: text}}
			if got := sp.listed(l, wl, lx, text, m.Tokens(), m.Words(), nil); !reflect.DeepEqual(got, want) {
				t.Errorf("%s listed(%q) from the verdicts = %v, reading it a letter at a time gives %v", l, text, got, want)
			}
		}
	})
}

// FuzzClosesBeforeSuffix holds closesBeforeSuffix to strings.ContainsAny.
func FuzzClosesBeforeSuffix(f *testing.F) {
	for _, s := range []string{"}", "’", "“", "'", "a", "", "x}", "\xff", "’’", "—"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := closesBeforeSuffix(s), strings.ContainsAny(s, "}])%'’"); got != want {
			t.Errorf("closesBeforeSuffix(%q) = %v, want %v", s, got, want)
		}
	})
}

// FuzzEnglishTokens holds english, which looks most words up by their
// token's norm, to englishIn's reading of the whole text, with misspell's
// list and with one that has a misspelling of no letter.
func FuzzEnglishTokens(f *testing.F) {
	for _, s := range []string{"We will recieve it, RECIEVE Recieve ReCieve.", "teh 'recieve' don't recieve's 2recieve recieve2",
		"café recieve’s naïve-recieve I İ recieve_x x'y'z '' 90's 2day", "", "'", "\xffrecieve"} {
		f.Add(s)
	}
	plain, err := newSpeller(SpellingOptions{})
	if err != nil {
		f.Fatal(err)
	}
	digits, err := newSpeller(SpellingOptions{Words: map[lint.Lang]map[string]string{lint.English: {"2'": "two", "recieve": "receive"}}})
	if err != nil {
		f.Fatal(err)
	}
	if plain.enLetterless || !digits.enLetterless {
		f.Fatalf("letterless: %v with misspell's list, %v with 2'", plain.enLetterless, digits.enLetterless)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, sp := range []*speller{plain, digits} {
			want := sp.englishIn(text, 0, len(text), nil)
			for _, l := range lint.Langs {
				if got := sp.english(nil, text, lint.Tokenize(text, l), nil, nil); !reflect.DeepEqual(got, want) {
					t.Errorf("english(%q) tokenized in %s = %v, reading the text gives %v", text, l, got, want)
				}
				// And told from the words' verdicts, which keep what
				// misspell's list says of each word.
				lx, err := lexiconFor(l)
				if err != nil || lx == nil {
					continue
				}
				m := &lint.Message{Lang: l, Body: lint.Field{Text: text}}
				if got := sp.english(lx, text, m.Tokens(), m.Words(), nil); !reflect.DeepEqual(got, want) {
					t.Errorf("english(%q) from the verdicts in %s = %v, reading the text gives %v", text, l, got, want)
				}
			}
		}
	})
}

// FuzzUnknownWords holds the unknown-word pass read from the message's
// words (their shared verdicts, by word) to the pass read from the tokens.
func FuzzUnknownWords(f *testing.F) {
	for _, s := range []string{"Siparişinizdeki ürünleri onaylayamıyoruz, herkez?", "We will recieve teh parcle tomorow.",
		"Təşəkür edirik, xaiş edirik {{x}}'daki PIN-inizi", "İİİ ııı ŞŞŞ café au lait", "", "a"} {
		f.Add(s)
	}
	sp, err := newSpeller(SpellingOptions{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, l := range lint.Langs {
			lx, err := lexiconFor(l)
			if err != nil || lx == nil {
				continue
			}
			want := sp.unknown(lx, text, lint.Tokenize(text, l), nil)
			m := &lint.Message{Lang: l, Body: lint.Field{Text: text}}
			if got := sp.unknown(lx, text, m.Tokens(), m.Words()); !reflect.DeepEqual(got, want) {
				t.Errorf("%s unknown(%q) from the words = %+v, from the tokens %+v", l, text, got, want)
			}
		}
	})
}
