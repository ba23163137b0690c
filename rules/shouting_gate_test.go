package rules

import (
	"testing"
	"unicode"

	"github.com/msglint/msglint/lint"
)

// capitalsAdjacent says no word can be in capitals only of a text none of
// whose words shouted reads as capitals: checked on every word of texts
// in the rule's languages, typed with their letters and without.
func TestCapitalsAdjacentMissesNoCapitals(t *testing.T) {
	texts := []string{
		"Your order has shipped. Thanks, Anna!", "PLEASE reply", "Reply NOW please", "Sifarişiniz HAZIRDIR!",
		"Şu an İstanbul'dayız.", "ÇOK teşekkürler", "Əla, Əli bəy", "ƏLA", "İİ", "TL'ye çevrildi", "A-B plan", "a B",
		"X", "Ok X", "iPhone 15 Pro", "SW1A 2AA", "BREW10 code", "Dr. Ötzi", "«ÖNEMLİ» not", "“YES” we can", "Ünal ÖZ",
		"Ǆemal", "ǅemal", "Ⅻ", "ΑΒΓ", "Αβγ", "Straße GROSS", "café ÉTÉ", "A1 B2", "N°5", "C'est", "O’Neil", "MƏN",
	}
	for _, text := range texts {
		for _, l := range []lint.Lang{lint.English, lint.Turkish, lint.Azerbaijani} {
			m := &lint.Message{Lang: l, Body: lint.Field{Text: text}}
			capitals := false
			for _, tk := range m.Tokens() {
				if tk.Kind == lint.Word && shouted(l, text[tk.Start:tk.End], nil) {
					capitals = true
				}
			}
			if capitals && !capitalsAdjacent(text) {
				t.Errorf("%s %q: a word is in capitals, but capitalsAdjacent says none can be", l, text)
			}
		}
	}
	if capitalsAdjacent("Your order has shipped. Thanks, Anna! Şu an İstanbul'dayız. Əla.") {
		t.Error("capitalsAdjacent: a text of capitalised words only may have a word in capitals")
	}
}

// The gate reads capitals from lint.IsUpper, shouted from unicode: they
// agree on every character below U+0800 (the two-byte letters runeAt
// decodes).
func TestCapitalsAdjacentCasesAgree(t *testing.T) {
	for r := rune(0); r < 0x800; r++ {
		if lint.IsUpper(r) != unicode.IsUpper(r) || lint.IsDigit(r) != unicode.IsDigit(r) {
			t.Errorf("%U: lint and unicode disagree on its case or digit", r)
		}
		var b [4]byte
		n := copy(b[:], string(r))
		if got, w := runeAt(string(b[:n]), 0); got != r || w != n {
			t.Errorf("%U: runeAt read %U, %d bytes", r, got, w)
		}
	}
}
