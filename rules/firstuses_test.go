package rules

import (
	"fmt"
	"slices"
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

// FuzzLastIndex holds newLastIndex to the endings of each byte listed by a
// pass over the endings in order.
func FuzzLastIndex(f *testing.F) {
	f.Add("lar ler\tım im ım  iz ız dır\xff a")
	f.Add("")
	f.Fuzz(func(t *testing.T, list string) {
		ends := strings.Split(list, " ")
		ix := newLastIndex(ends)
		for b := range 256 {
			var want []uint16
			for k, e := range ends {
				if e != "" && e[len(e)-1] == byte(b) {
					want = append(want, uint16(k))
				}
			}
			if got := ix.order[ix.at[b]:ix.at[b+1]]; !slices.Equal(got, want) {
				t.Fatalf("%q: byte %#x: %v, want %v", list, b, got, want)
			}
		}
	})
}
