package rules

import (
	"strings"
	"testing"
	"unicode"
)

// FuzzNoCapital holds noCapital, which reads ASCII as bytes and the Latin
// letters from lint's table, to unicode.IsUpper of every character.
func FuzzNoCapital(f *testing.F) {
	for _, s := range []string{"eBay", "iTicket", "şirkət", "Şirkət", "qəbul", "ƏLİ", "ǅ", "ǆ", "\xffA", "σΣ", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := noCapital(w), !strings.ContainsFunc(w, unicode.IsUpper); got != want {
			t.Errorf("noCapital(%q) = %v, want %v", w, got, want)
		}
	})
}
