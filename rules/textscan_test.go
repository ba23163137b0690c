package rules

import (
	"math/rand"
	"strings"
	"testing"
)

// The scans must answer as the standard library's functions they stand
// for, on any bytes: checked on random texts of quotes, spaces, letters
// and broken encodings.
func TestTextScansAsLibrary(t *testing.T) {
	pieces := []string{"“", "”", "„", "«", "»", "\"", " ", "\u00a0", "\u2003", "\t", "a", "ş", "ı", "’", "…",
		"\xe2", "\x80", "\x9c", "\x9d", "\xc2", "\xab", "\xbb", "\xf0\x9f", "—"}
	r := rand.New(rand.NewSource(1))
	for n := 0; n < 200000; n++ {
		var b strings.Builder
		for k := r.Intn(8); k >= 0; k-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		s := b.String()
		open, cl := strings.LastIndexAny(s, "“«„"), strings.LastIndexAny(s, "”»")
		if want := open >= 0 && open > cl; lastCurlyQuoteOpens(s) != want {
			t.Fatalf("lastCurlyQuoteOpens(%q) = %v, want %v", s, !want, want)
		}
		if f := strings.Fields(s); len(f) > 0 && lastField(s) != f[len(f)-1] {
			t.Fatalf("lastField(%q) = %q, want %q", s, lastField(s), f[len(f)-1])
		}
	}
}

// BenchmarkQuoted reads a long sentence with a typographic apostrophe and
// no double quotes, as the forwarding rule asks of each verb's sentence.
func BenchmarkQuoted(b *testing.B) {
	sent := strings.Repeat("Siparişinizi kargo firmasına ilettik, yarın size ulaşır; müşteri’nin adresi doğru. ", 3)
	for b.Loop() {
		quoted(sent, len(sent)/2)
	}
}
