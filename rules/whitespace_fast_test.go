package rules

import (
	"math/bits"
	"reflect"
	"testing"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
)

// FuzzWhitespaceSingleSpace holds the pass over single spaces between
// plain bytes (plainAfterSpace) to the check without it, which looks at
// every space: the findings are the same.
func FuzzWhitespaceSingleSpace(f *testing.F) {
	for _, s := range []string{"Hello there , friend", "a b\r\nc d \nx", "ab \r\ncd", "Siparişiniz  hazır :) ok", "one two.Three four ;five",
		"  indented line\n two", "{{ first_name }} hi ,x", "a b", "a ", " a", "x :y see https://a.com/b c", "3 ,4 x! y"} {
		f.Add(s)
	}
	all := WhitespaceOptions{Trailing: true, SpaceBeforePunct: true, DoubleSpace: true, SpaceAfterPunct: true}
	findings := func(text string) []lint.Diagnostic {
		var out []lint.Diagnostic
		m := load.Options{Lang: lint.English}.Text("draft", text)
		checkWhitespace(lint.NewPass(m, func(d lint.Diagnostic) { out = append(out, d) }), all)
		return out
	}
	f.Fuzz(func(t *testing.T, text string) {
		got := findings(text)
		saved := plainAfterSpace
		plainAfterSpace = [256]bool{}
		want := findings(text)
		plainAfterSpace = saved
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: %v, checking every space %v", text, got, want)
		}
	})
}

// FuzzLowBytes holds lowBytes to a byte-by-byte search: its lowest bit is
// at the first of eight bytes below 0x40, and it is zero when none is.
func FuzzLowBytes(f *testing.F) {
	for _, s := range []string{"abcdefgh", "abc defg", "\x00\x3f\x40\x7f\x80\xff@?", "şğıəüöç!", "@@@@@@@?", "AAAAAAA\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) < 8 {
			return
		}
		want := -1
		for i := 0; i < 8; i++ {
			if s[i] < 0x40 {
				want = i
				break
			}
		}
		got := -1
		if low := lowBytes(s); low != 0 {
			got = bits.TrailingZeros64(low) >> 3
		}
		if got != want {
			t.Fatalf("%q: first byte below 0x40 at %d, lowBytes says %d", s[:8], want, got)
		}
	})
}
