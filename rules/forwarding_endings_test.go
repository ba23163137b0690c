package rules

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/msglint/msglint/lint"
)

// FuzzForwardingEndings holds the rule's ending lists to the walks over
// its word sets they replaced: on any word, in every language, typed with
// its letters or without, each answers as the walk did.
func FuzzForwardingEndings(f *testing.F) {
	for _, w := range []string{"ekibimiz", "ekibimizin", "komandamız", "gönderdiniz", "göndərdiniz", "iletirseniz", "ekibimizde",
		"EKIBIMIZ", "bilirsiniz", "ediniz", "biz", "", "a", "\xff", "İade", "iTicket", "eBay", "Tom", "tom", "ısrar"} {
		for l := range 3 {
			f.Add(w, uint8(l), false)
			f.Add(w, uint8(l), true)
		}
	}
	fw := newForwardingWords()
	f.Fuzz(func(t *testing.T, w string, pick uint8, folded bool) {
		l := lint.Langs[int(pick)%len(lint.Langs)]
		any := func(ends map[string]bool, stem int, folded bool) bool {
			for e := range ends {
				if len(w) >= len(e)+stem && hasEnding(l, w, e, folded) {
					return true
				}
			}
			return false
		}
		if got, want := fw.ours(l, w, folded), any(fw.ourEndings[l], 0, folded); got != want {
			t.Errorf("%s %q folded %v: ours %v, the walk %v", l, w, folded, got, want)
		}
		if got, want := fw.verbEnding(l, w), any(fw.verbPersonEndings[l], 0, false); got != want {
			t.Errorf("%s %q: verbEnding %v, the walk %v", l, w, got, want)
		}
		if el := fw.ifYouList[l]; el != nil {
			if got, want := el.has(l, w, folded), any(fw.ifYou[l], 2, folded); got != want {
				t.Errorf("%s %q folded %v: if-you ending %v, the walk %v", l, w, folded, got, want)
			}
		}
		r, _ := utf8.DecodeRuneInString(w)
		if lowerASCII(w) && (unicode.IsUpper(r) || camelCase(w) || strings.ToLower(w) != w) {
			t.Errorf("%q: lowerASCII, but has a capital", w)
		}
	})
}
