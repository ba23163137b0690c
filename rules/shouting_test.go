package rules

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
)

// shoutedByTables is shouted as it reads with the Unicode tables alone,
// which the short cuts must agree with.
func shoutedByTables(l lint.Lang, word string, allow map[string]bool) bool {
	if i := strings.IndexAny(word, "'’"); i > 0 {
		word = word[:i]
	}
	letters, upper := 0, 0
	for _, r := range word {
		switch {
		case unicode.IsDigit(r):
			return false
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters >= 2 && upper == letters && !allow[lint.Lower(l, word)] && !allow[strings.ToLower(word)]
}

func FuzzShouted(f *testing.F) {
	for _, w := range []string{"SALE", "Sale", "TL'ye", "TL’YE", "ÇOK", "ÇOk", "A1", "OK", "İNDİRİM", "X-RAY", "ŞOK2", "’AB", "FAQ", "", "\xffAB"} {
		f.Add(w)
	}
	allow := map[string]bool{"faq": true}
	f.Fuzz(func(t *testing.T, w string) {
		for _, l := range []lint.Lang{lint.English, lint.Turkish} {
			if got, want := shouted(l, w, allow), shoutedByTables(l, w, allow); got != want {
				t.Errorf("shouted(%s, %q) = %v, want %v", l, w, got, want)
			}
			// classify answers a word starting with a lower-case ASCII
			// letter without asking shouted.
			if w != "" && 'a' <= w[0] && w[0] <= 'z' && shouted(l, w, allow) {
				t.Errorf("shouted(%s, %q) = true for a word starting in lower case", l, w)
			}
		}
	})
}

// A draft may start with white space (the hook does not trim it): a word in
// capitals in brackets right after it is read as any other, not a panic
// looking for the word before the bracket.
func TestShoutingBracketAfterLeadingSpace(t *testing.T) {
	o := load.Options{Lang: lint.English}
	for _, text := range []string{"(AMAZING) deals today for you", " (AMAZING) deals today for you", "\n (AMAZING) deals today for you"} {
		lead := len(text) - len(strings.TrimLeft(text, " \n"))
		want := []string{fmt.Sprintf("%d-%d %s %s", 1+lead, 8+lead, lint.Severity(0), `"AMAZING": word is in capitals, which reads as shouting`)}
		if diff := cmp.Diff(want, check(t, Shouting, "", o, text)); diff != "" {
			t.Errorf("%q (-want +got):\n%s", text, diff)
		}
	}
}

func FuzzIndexMark(f *testing.F) {
	for _, s := range []string{"", "Hi!", "What?!", "a?b!c", "no marks", "!!??"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := indexMark(s), strings.IndexAny(s, "!?"); got != want {
			t.Errorf("indexMark(%q) = %d, want %d", s, got, want)
		}
	})
}
