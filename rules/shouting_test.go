package rules

import (
	"strings"
	"testing"
	"unicode"

	"github.com/msglint/msglint/lint"
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
		}
	})
}
