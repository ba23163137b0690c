package rules

import (
	"fmt"
	"strings"
	"testing"
)

// TestFirstUses holds firstUses to a map of the words seen: a word is new
// once a message, in the slice while the message has few words and in the
// map after, and a reset forgets them.
func TestFirstUses(t *testing.T) {
	var f firstUses
	for _, n := range []int{0, 1, fewUses - 1, fewUses, fewUses + 1, 5 * fewUses} {
		f.reset()
		want := map[string]bool{}
		for i := range 3 * n {
			w := fmt.Sprint("w", i%(n+1), "x")[:len(fmt.Sprint("w", i%(n+1)))] // a slice of a longer string
			if got := f.first(w); got != !want[w] {
				t.Fatalf("n=%d: first(%q) = %v after %d words", n, w, got, i)
			}
			want[w] = true
		}
		if f.first("new") != true || f.first("new") != false {
			t.Fatalf("n=%d: a new word is not new once", n)
		}
	}
}

// FuzzAnyByteOf holds anyByteOf to strings.ContainsAny for the ASCII sets
// it is asked with.
func FuzzAnyByteOf(f *testing.F) {
	for _, s := range []string{"", " ", "\n", " \r ", "…", ",", "ab.", "\xff?"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, set := range []string{"\n\r", ".!?:;,"} {
			if got, want := anyByteOf(s, set), strings.ContainsAny(s, set); got != want {
				t.Fatalf("anyByteOf(%q, %q) = %v, want %v", s, set, got, want)
			}
		}
	})
}
