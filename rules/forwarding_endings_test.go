package rules

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
)

// FuzzForwardingEndings holds the rule's ending lists to the walks over
// its word sets they replaced: on any word, in every language, typed with
// its letters or without, each answers as the walk did.
func FuzzForwardingEndings(f *testing.F) {
	for _, w := range []string{"ekibimiz", "ekibimizin", "komandamız", "gönderdiniz", "göndərdiniz", "iletirseniz", "ekibimizde",
		"EKIBIMIZ", "bilirsiniz", "ediniz", "biz", "", "a", "\xff", "İade", "iTicket", "eBay", "Tom", "tom", "ısrar", "imiz", "sobemi", "imizin", "şİrket", "ıŞık", "çağrı", "İade"} {
		for l := range 3 {
			f.Add(w, uint8(l), false)
			f.Add(w, uint8(l), true)
		}
	}
	fw := newForwardingWords()
	f.Fuzz(func(t *testing.T, w string, pick uint8, folded bool) {
		l := lint.Langs[int(pick)%len(lint.Langs)]
		// The walks as they were written: ours and verbEnding compare no
		// lengths, conditional wants two bytes before the ending.
		anyEnding := func(ends map[string]bool, folded bool) bool {
			for e := range ends {
				if hasEnding(l, w, e, folded) {
					return true
				}
			}
			return false
		}
		anyLong := func(ends map[string]bool, folded bool) bool {
			for e := range ends {
				if len(w) > len(e)+1 && hasEnding(l, w, e, folded) {
					return true
				}
			}
			return false
		}
		if got, want := fw.ours(l, w, folded), anyEnding(fw.ourEndings[l], folded); got != want {
			t.Errorf("%s %q folded %v: ours %v, the walk %v", l, w, folded, got, want)
		}
		verbWalk := false
		for e := range fw.verbPersonEndings[l] {
			verbWalk = verbWalk || strings.HasSuffix(w, e)
		}
		if got := fw.verbEnding(l, w); got != verbWalk {
			t.Errorf("%s %q: verbEnding %v, the walk %v", l, w, got, verbWalk)
		}
		if el := fw.ifYouList[l]; el != nil {
			if got, want := el.has(l, w, folded), anyLong(fw.ifYou[l], folded); got != want {
				t.Errorf("%s %q folded %v: if-you ending %v, the walk %v", l, w, folded, got, want)
			}
		}
		// A word turned away as having no capital is neither a name nor
		// camel case.
		if r, _ := utf8.DecodeRuneInString(w); noCapital(w) && (unicode.IsUpper(r) || camelCase(w)) {
			t.Errorf("%q: no capital, but a name's first letter or camel case", w)
		}
	})
}

// A genitive glued after a closing quote may be the ending alone, and in
// a text typed without the letters a byte shorter than the ending as
// written ("in" for "ın"): the team after it is still the name's, and
// the rule does not panic cutting the ending off.
func TestForwardingGluedGenitiveAlone(t *testing.T) {
	fw, pb := newForwardingWords(), forwardingLexicon.compile()
	for _, text := range []string{"Nömrəniz partnyorumuz “Beta Market”in satış komandası ilə paylaşılıb.",
		"Nomreniz partnyorumuz “Beta Market”in satis komandasi ile paylasilib."} {
		var got []string
		m := load.Options{Lang: lint.Azerbaijani}.Text("draft", text)
		fw.check(lint.NewPass(m, func(d lint.Diagnostic) { got = append(got, d.Message) }), pb, newForwardingGate(pb))
		want := []string{`says the customer's details went to a third party ("Beta") without asking for consent`}
		if !slices.Equal(got, want) {
			t.Errorf("%q: %q, want %q", text, got, want)
		}
	}
}

// Our own unit named with our genitive is ours in a text typed without
// the letters too: the genitive is cut as it stands there ("in", not
// "ın", a byte longer), so the 1st person plural before it is seen, and
// the answer does not hang on the order of a set.
func TestForwardingOurGenitiveFolded(t *testing.T) {
	fw, pb := newForwardingWords(), forwardingLexicon.compile()
	for _, c := range []struct {
		lang lint.Lang
		text string
	}{
		{lint.Turkish, "Talebinizi sirketimizin muhasebe birimine ilettik."},
		{lint.Turkish, "Talebinizi şirketimizin muhasebe birimine ilettik."},
		{lint.Azerbaijani, "Sorgunuzu sirketimizin muhasibat sobesine gonderdik."},
	} {
		for range 5 {
			m := load.Options{Lang: c.lang}.Text("draft", c.text)
			fw.check(lint.NewPass(m, func(d lint.Diagnostic) { t.Errorf("%q: %s", c.text, d.Message) }), pb, newForwardingGate(pb))
		}
	}
}
