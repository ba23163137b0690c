package lint

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// foldedByRunes is Folded as it was written first: every character lowered
// and searched for among the letters to fold.
func foldedByRunes(sp *LangSpec, text string) bool {
	for _, r := range text {
		if r >= utf8.RuneSelf && strings.ContainsRune(sp.foldLetters, unicode.ToLower(r)) {
			return false
		}
	}
	return true
}

var foldSeeds = append([]string{"teşekkürler", "TEŞEKKÜR Şəki", "ğüşıöçə", "ş\xc5", "\xc5\x9f\x9f", "\xe2\xc5\x9f",
	"Ə ə İ ı", "çok güzel", "\xc3", "ab\xc3\xa7", "\u0130\u0307", "Ω ω K"}, detectSeeds...)

// FuzzFold holds Fold, AppendFold and Folded, which read a character at a
// time from a table, to the replacer and the search they stand for, in
// every language with letters to fold.
func FuzzFold(f *testing.F) {
	for _, s := range foldSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, l := range Langs {
			sp := spec(l)
			if sp == nil || sp.folder == nil {
				continue
			}
			if sp.foldTo == nil {
				t.Fatalf("%s: no fold table", l)
			}
			want := sp.folder.Replace(s)
			if got := Fold(l, s); got != want {
				t.Errorf("Fold(%s, %q) = %q, want %q", l, s, got, want)
			}
			if got := string(AppendFold([]byte("x"), l, s)); got != "x"+want {
				t.Errorf("AppendFold(%s, %q) = %q, want %q", l, s, got, "x"+want)
			}
			if got, want := Folded(l, s), isASCII(s) || foldedByRunes(sp, s); got != want {
				t.Errorf("Folded(%s, %q) = %v, want %v", l, s, got, want)
			}
		}
	})
}

// A word is folded into a caller's buffer without allocating, and Fold
// allocates only when it has something to fold.
func TestFoldAllocs(t *testing.T) {
	buf := make([]byte, 0, 64)
	if n := testing.AllocsPerRun(100, func() {
		buf = AppendFold(buf[:0], Turkish, "teşekkürler")
		_ = Fold(Turkish, "güzel")   // ü folds: the one allocation
		_ = Fold(Turkish, "ŞOK")     // a capital does not fold: none
		_ = Fold(Turkish, "merhaba") // ASCII
		_ = Folded(Azerbaijani, "Salam, necəsiniz?")
	}); n != 1 {
		t.Errorf("%v allocations, want 1 (Fold of güzel)", n)
	}
	if got := string(AppendFold(nil, Azerbaijani, "Çəki ŞIŞ")); got != "Çeki ŞIŞ" {
		t.Errorf("AppendFold = %q: only lower-case letters fold", got)
	}
}

// foldCase, made from the letters' case orbits, is whether a character
// lowers to a letter to fold, asked of every character below U+0800.
func TestFoldCaseTable(t *testing.T) {
	for _, l := range Langs {
		sp := spec(l)
		if sp == nil || sp.foldCase == nil {
			continue
		}
		for r := rune(0); r < 0x800; r++ {
			want := r >= utf8.RuneSelf && strings.ContainsRune(sp.foldLetters, unicode.ToLower(r))
			if sp.foldCase[r] != want {
				t.Errorf("%s: foldCase[%q] = %v, want %v", l, r, sp.foldCase[r], want)
			}
		}
	}
}
