package rules

import (
	"strings"
	"testing"

	"github.com/client9/misspell"
	"github.com/msglint/msglint/lint"
)

// FuzzWordTable holds the look-up tables to the maps they are built from:
// misspell's English pairs (the first fix of a word wins) and each curated
// list's words, folded words and stems, for listed words, their stems and
// any word.
func FuzzWordTable(f *testing.F) {
	lists, err := builtinLists()
	if err != nil {
		f.Fatal(err)
	}
	english := map[string]string{}
	for i := 0; i+1 < len(misspell.DictMain); i += 2 {
		if w := strings.ToLower(misspell.DictMain[i]); english[w] == "" {
			english[w] = misspell.DictMain[i+1]
		}
	}
	n := 0
	for w := range english {
		if n++; n%100 == 0 { // a sample: every seed runs in every test run
			f.Add(w)
			f.Add(w[:len(w)/2])
		}
	}
	for _, wl := range lists {
		for w := range wl.words {
			f.Add(w)
			f.Add(w + "lar")
		}
		for w := range wl.folded {
			f.Add(w)
		}
	}
	f.Add("")
	check := func(t *testing.T, name string, tb *wordTable, m map[string]string, flags map[string]bool, word string) {
		t.Helper()
		got, flag, ok := tb.get(hashOf(word), []byte(word))
		want, wantOK := m[word]
		if got != want || ok != wantOK || flag != (wantOK && flags[word]) {
			t.Errorf("%s: get(%q) = %q %v %v, the map has %q %v (flag %v)", name, word, got, flag, ok, want, wantOK, flags[word])
		}
	}
	sets := func(s map[string]bool) map[string]string {
		m := map[string]string{}
		for w := range s {
			m[w] = ""
		}
		return m
	}
	stems, foldedStems := map[lint.Lang]map[string]string{}, map[lint.Lang]map[string]string{}
	for l, wl := range lists {
		stems[l], foldedStems[l] = sets(wl.stems), sets(wl.foldedStems)
	}
	f.Fuzz(func(t *testing.T, word string) {
		check(t, "en", defaultEnglish(), english, nil, word)
		for l, wl := range lists {
			lw := lint.Lower(l, word)
			for _, w := range []string{word, lw} {
				check(t, string(l)+" words", &wl.wordsTable, wl.words, wl.exact, w)
				check(t, string(l)+" folded", &wl.foldedTable, wl.folded, wl.exact, w)
				check(t, string(l)+" stems", &wl.stemsTable, stems[l], nil, w)
				check(t, string(l)+" folded stems", &wl.foldedStemsTable, foldedStems[l], nil, w)
			}
		}
	})
}

// TestWordTableFull fills a table to the brim of its sizing and finds every
// word, and none it was not given.
func TestWordTableFull(t *testing.T) {
	words := map[string]string{}
	for i := range 1000 {
		words[strings.Repeat("a", i%7)+string(rune('a'+i%26))+string(rune('a'+i/26))] = string(rune('A' + i%26))
	}
	tb := newWordTable(words, func(w string) bool { return len(w)%2 == 0 })
	if len(tb.entries) != len(words) {
		t.Fatalf("%d entries, want %d", len(tb.entries), len(words))
	}
	for w, v := range words {
		if got, flag, ok := tb.get(hashOf(w), []byte(w)); !ok || got != v || flag != (len(w)%2 == 0) {
			t.Errorf("get(%q) = %q %v %v, want %q %v true", w, got, flag, ok, v, len(w)%2 == 0)
		}
		if _, _, ok := tb.get(hashOf(w+"z"), []byte(w+"z")); ok && words[w+"z"] == "" {
			t.Errorf("get(%q) found a word not given", w+"z")
		}
	}
	if tb.add("ab", "x", false) && words["ab"] != "" {
		t.Error("add of a word the table has added it again")
	}
}

// FuzzOneASCIIWord holds oneASCIIWord to strings.Fields.
func FuzzOneASCIIWord(f *testing.F) {
	for _, s := range []string{"", "a", "a b", " a", "a\t", "a\vb", "é", "a\u00a0b", "a\x85b", "x\x1cy"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if oneASCIIWord(s) {
			if fs := strings.Fields(s); len(fs) != 1 || fs[0] != s {
				t.Errorf("oneASCIIWord(%q), but its fields are %q", s, fs)
			}
		}
	})
}
