package swar

import (
	"encoding/binary"
	"testing"
	"unicode/utf8"
)

// TwoByteRunes is true only for eight bytes that are ASCII and whole valid
// two-byte characters, and then counts what utf8.RuneCount counts.
func FuzzTwoByteRunes(f *testing.F) {
	for _, s := range []string{"şəğüöçıİ", "aşbəcğdü", "abcdefgş", "\xc0\x80abcdef", "\xc1\xbfabcdef", "\x80şəğabc", "a€bcdefg", "şə\xc3(abcd", "abcdefgh"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) < 8 {
			return
		}
		b = b[:8]
		n, ok := TwoByteRunes(binary.LittleEndian.Uint64(b))
		want := true
		for i := 0; i < len(b); {
			r, w := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && w == 1 || w > 2 {
				want = false
				break
			}
			i += w
		}
		if ok != want {
			t.Fatalf("TwoByteRunes(%q) ok = %v, want %v", b, ok, want)
		}
		if TwoByteValid(binary.LittleEndian.Uint64(b)) != ok {
			t.Fatalf("TwoByteValid(%q) = %v, TwoByteRunes says %v", b, !ok, ok)
		}
		if ok && n != utf8.RuneCount(b) {
			t.Fatalf("TwoByteRunes(%q) = %d, want %d", b, n, utf8.RuneCount(b))
		}
	})
}
