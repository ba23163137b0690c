package hook

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// runeCount counts as utf8.RuneCountInString does, on text of every kind:
// ASCII, two-byte letters, longer characters, invalid bytes, characters
// cut at every place.
func TestRuneCount(t *testing.T) {
	pieces := []string{"a", "Hi Ayşe! ", "ğüşıöç", "ə", "€", "😀", "\xff", "\xc3", "\x80", "\xc0\xaf", "\xe2\x82", "0123456789"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var s string
		for range rng.IntN(12) {
			s += pieces[rng.IntN(len(pieces))]
		}
		for i := 0; i <= len(s); i++ {
			if got, want := runeCount(s[i:]), utf8.RuneCountInString(s[i:]); got != want {
				t.Fatalf("runeCount(%q) = %d, want %d", s[i:], got, want)
			}
		}
	}
}

func FuzzRuneCount(f *testing.F) {
	f.Add("Sifarişiniz sabah çatdırılacaq.")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := runeCount(s), utf8.RuneCountInString(s); got != want {
			t.Fatalf("runeCount(%q) = %d, want %d", s, got, want)
		}
	})
}
