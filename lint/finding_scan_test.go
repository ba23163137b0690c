package lint

import (
	"math/rand"
	"strings"
	"testing"
)

// containsAny answers as strings.ContainsAny, for ASCII sets and others.
func TestContainsAnyAsLibrary(t *testing.T) {
	sets := []string{"", "\"'\\\n\r#:", "\"\\\n\r\t", "\"'\\@?<&\n\r\t", "«»", "a’"}
	pieces := []string{"a", "b", "\"", "'", "\\", "\n", "#", ":", "@", "ş", "’", "«", "\xe2", "\x80", "\xff", " "}
	r := rand.New(rand.NewSource(1))
	for n := 0; n < 100000; n++ {
		var b strings.Builder
		for k := r.Intn(10); k > 0; k-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		s, chars := b.String(), sets[r.Intn(len(sets))]
		if got, want := containsAny(s, chars), strings.ContainsAny(s, chars); got != want {
			t.Fatalf("containsAny(%q, %q) = %v, want %v", s, chars, got, want)
		}
	}
}

// BenchmarkContainsAny is the test of a fix's text for a JSON export's
// unsafe characters, asked once a finding with a fix.
func BenchmarkContainsAny(b *testing.B) {
	for b.Loop() {
		containsAny("Maalesef", "\"'\\\n\r#:")
	}
}
