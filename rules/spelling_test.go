package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/dict"
	"gopkg.in/yaml.v3"
)

// The dictionary checks see any text: findings stay inside it, on rune
// boundaries, and a fix never splits a letter.
func FuzzDictionaryRules(f *testing.F) {
	for _, s := range []string{"Siparişinizdeki ürünleri onaylayamıyoruz?", "a original it's own, var mı?",
		"{{x}}'daki PIN-inizi %s :name ${y} <b>xliff</b>", "İİİ ııı ŞŞŞ", "‘quoted’ “text” `code`"} {
		f.Add(s, 0)
	}
	var checks []lint.Check
	for _, r := range []*lint.Rule{Spelling, Grammar, Language} {
		c, err := r.New(nil)
		if err != nil {
			f.Fatal(err)
		}
		checks = append(checks, c)
	}
	f.Fuzz(func(t *testing.T, text string, lang int) {
		l := lint.Langs[(lang%3+3)%3]
		m := &lint.Message{Lang: l, Body: lint.Field{Text: text}}
		for _, c := range checks {
			c(lint.NewPass(m, func(d lint.Diagnostic) {
				s := d.Span
				if s.Start < 0 || s.End > len(text) || s.Start > s.End {
					t.Fatalf("%q: span %v out of the text", text, s)
				}
				if s != (lint.Span{}) && utf8.ValidString(text) && (!utf8.RuneStart(text[s.Start]) || s.End < len(text) && !utf8.RuneStart(text[s.End])) {
					t.Fatalf("%q: span %v splits a letter", text, s)
				}
			}))
		}
	})
}

// A suggestion is always a word the dictionary accepts, and the ranking
// puts the cheapest, commonest edit first.
func TestSuggestions(t *testing.T) {
	for _, c := range []struct {
		lang       lint.Lang
		word, want string
		sure       bool
	}{
		{lint.English, "apreciate", "appreciate", true},
		{lint.English, "allowence", "allowance", true},
		{lint.Turkish, "başarıyle", "başarıyla", true},
		{lint.Turkish, "günüde", "günü de", true},
		{lint.Azerbaijani, "təşəkürlər", "təşəkkürlər", true},
	} {
		lx, err := lexiconFor(c.lang)
		if err != nil {
			t.Fatal(err)
		}
		cands := lx.suggest(c.word)
		if len(cands) == 0 || cands[0].word != c.want {
			t.Errorf("%s: suggest(%q) = %v, want %q first", c.lang, c.word, cands, c.want)
			continue
		}
		if _, sure := lx.confidentPick(cands); sure != c.sure {
			t.Errorf("%s: %q: sure = %v, want %v", c.lang, c.word, sure, c.sure)
		}
		for _, cd := range cands {
			if !lx.allKnown(cd.word) {
				t.Errorf("%s: suggest(%q) offers %q, not a word", c.lang, c.word, cd.word)
			}
		}
	}
}

func TestNotProse(t *testing.T) {
	for w, want := range map[string]bool{"order": true, "Order": true, "SMS": false, "ATMs": false, "iPhone": false,
		"WhatsApp": false, "AB12": false, "hmm": false, "to": false, "snake_case": false} {
		if got := checkable(w); got != want {
			t.Errorf("checkable(%q) = %v, want %v", w, got, want)
		}
	}
	text := "Press “Send” or `go` or 'Save', don't stop"
	spans := quotedSpans(text)
	var got []string
	for _, s := range spans {
		got = append(got, text[s.Start:s.End])
	}
	if strings.Join(got, "|") != "go|Send|Save" {
		t.Errorf("quotedSpans = %q", got)
	}
}

// A bad vocabulary is an error that names the entry or the file and line.
func TestVocabularyErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "words.txt")
	os.WriteFile(bad, []byte("good\n\ntwo words\n"), 0o644)
	for _, c := range []struct{ opts, want string }{
		{"accept: {en: [\"/[/\"]}", "accept.en[0]: error parsing regexp"},
		{"reject: {en: [a b]}", `reject.en[0]: "a b": one word an entry`},
		{"accept: {xx: [a]}", `accept: unsupported language "xx"`},
		{"accept_files: {en: [" + bad + "]}", `accept (` + bad + `:3): "two words": one word an entry`},
		{"reject_files: {en: [" + filepath.Join(dir, "none.txt") + "]}", "reject_files: open " + filepath.Join(dir, "none.txt")},
	} {
		var node yaml.Node
		if err := yaml.Unmarshal([]byte(c.opts), &node); err != nil {
			t.Fatal(err)
		}
		_, err := Spelling.New(node.Content[0])
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q in it", c.opts, err, c.want)
		}
	}
}

// Links are blanked byte for byte: a scheme link up to the next space
// (as misspell does), a link without its scheme from its host on; prose
// around them, a slash between words and a sentence's dot stay.
func TestBlankLinks(t *testing.T) {
	for in, want := range map[string]string{
		"see https://recieve.example/a?b=c now": "see " + strings.Repeat(" ", 29) + " now",
		"HTTP://x.io/y, then":                   strings.Repeat(" ", 14) + " then",
		"go to shop.com.tr/flas today":          "go to " + strings.Repeat(" ", 16) + " today",
		"ve/veya. Thanks.We said/done":          "ve/veya. Thanks.We said/done",
		"x://y and mailto:z":                    "x://y and mailto:z",
		"write to us (mailto:hi@luma.example)":  "write to us (" + strings.Repeat(" ", 22) + ")",
	} {
		if got := blankLinks(in); got != want {
			t.Errorf("blankLinks(%q) = %q, want %q", in, got, want)
		}
	}
}

// The ASCII fast paths agree with the rune-by-rune checks.
func FuzzWordShape(f *testing.F) {
	for _, s := range []string{"order", "Order", "SMS", "e-Mail", "don't", "iPhone", "AB12", "hmm", "to", "snake_case", "Sipariş", "it’s", "Lumaʼya", "x'Y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if ok, decided := checkableASCII(w); decided && ok != checkableRunes(w) {
			t.Fatalf("checkableASCII(%q) = %v, checkableRunes = %v", w, ok, checkableRunes(w))
		}
		if got, want := apostrophe(w), strings.IndexAny(w, "'’ʼ"); got != want {
			t.Fatalf("apostrophe(%q) = %d, want %d", w, got, want)
		}
	})
}

// A suggestion is at most two edits from a listed word, so no stem longer
// than the longest listed word by more than two needs trying: the rule
// skips them (maxSuggestRunes), and every shipped list must stay within it.
func TestLongestListedWord(t *testing.T) {
	for _, l := range dict.Langs() {
		d, err := dict.For(l)
		if err != nil {
			t.Fatal(err)
		}
		d.Each(func(w string) bool {
			if n := utf8.RuneCountInString(w); n > maxSuggestRunes-2 {
				t.Errorf("%s lists %q, %d letters: raise maxSuggestRunes to %d", l, w, n, n+2)
				return false
			}
			return true
		})
	}
}

// A "word" far longer than any listed one gets no suggestion and costs no
// edits: trying them took seconds for a few thousand letters.
func TestNoSuggestionForEndlessWord(t *testing.T) {
	for _, c := range []struct {
		lang lint.Lang
		word string
	}{
		{lint.Turkish, strings.Repeat("gönderilemeyen", 180)},
		{lint.Azerbaijani, strings.Repeat("göndərilməyən", 180)},
		{lint.English, strings.Repeat("deliveries", 250)},
		{lint.Turkish, strings.Repeat("a", 49)},
	} {
		lx, err := lexiconFor(c.lang)
		if err != nil {
			t.Fatal(err)
		}
		if cands := lx.suggest(c.word); len(cands) != 0 {
			t.Errorf("%s: suggest(%d letters) = %v, want none", c.lang, utf8.RuneCountInString(c.word), cands[:min(3, len(cands))])
		}
	}
}

// A message read as a stream gets the findings a kept one gets, and the
// rule keeps nothing of it for the file check, which never sees it.
func TestSpellingStreamedKeepsNothing(t *testing.T) {
	check, err := Spelling.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		lang lint.Lang
		text string
	}{
		{lint.English, "We will recieve the returned item tomorow, Lumara."},
		{lint.Turkish, "Malesef bu ürün herkez için stokta değil."},
		{lint.Azerbaijani, "Təşəkür edirik, xaiş edirik bir az gözləyin."},
	} {
		run := func(streamed bool) ([]lint.Diagnostic, *lint.Message) {
			m := &lint.Message{Lang: c.lang, Body: lint.Field{Text: c.text}, Streamed: streamed}
			var ds []lint.Diagnostic
			check(lint.NewPass(m, func(d lint.Diagnostic) { ds = append(ds, d) }))
			return ds, m
		}
		want, kept := run(false)
		got, streamed := run(true)
		if len(want) == 0 {
			t.Fatalf("%q: no findings to compare", c.text)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%q: streamed findings differ (-kept +streamed):\n%s", c.text, diff)
		}
		if _, ok := kept.Recall(spellingKey{}); !ok {
			t.Errorf("%q: kept message: passes not kept", c.text)
		}
		if _, ok := streamed.Recall(spellingKey{}); ok {
			t.Errorf("%q: streamed message: passes kept", c.text)
		}
	}
}

// A finding of a listed misspelling kept by its word is the one made
// afresh, in every language, asked once or again, with or without the
// dictionary.
func FuzzListedDiagnostic(f *testing.F) {
	for _, s := range []string{"We will recieve it, RECIEVE and Recieve.", "Malesef herkez, MALESEF", "Təşəkür edirik, xaiş edirik",
		"reiceved the definately {{recieve}} https://x.example/recieve", "Orjinal orjinalini Herkez'e"} {
		f.Add(s)
	}
	var kept, fresh []*speller
	for _, dictionary := range []bool{true, false} {
		for _, out := range []*[]*speller{&kept, &fresh} {
			sp, err := newSpeller(SpellingOptions{Dictionary: &dictionary})
			if err != nil {
				f.Fatal(err)
			}
			sp.diagnoseAll = out == &fresh
			*out = append(*out, sp)
		}
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, l := range lint.Langs {
			for i := range kept {
				var want []lint.Diagnostic
				fresh[i].fields(&lint.Message{Lang: l, Body: lint.Field{Text: text}}, func(d lint.Diagnostic) { want = append(want, d) })
				for range 2 {
					var got []lint.Diagnostic
					kept[i].fields(&lint.Message{Lang: l, Body: lint.Field{Text: text}}, func(d lint.Diagnostic) { got = append(got, d) })
					if diff := cmp.Diff(want, got); diff != "" {
						t.Fatalf("%s %q: kept findings differ (-fresh +kept):\n%s", l, text, diff)
					}
				}
			}
		}
	})
}
