package placeholder

import (
	"encoding/binary"
	"math/bits"
	"testing"
)

// TestScanLooks: each byte alone among letters is marked when scan stops
// at it, and only the few ASCII bytes between the stops besides.
func TestScanLooks(t *testing.T) {
	for c := range 256 {
		for k := 0; k < 8; k++ {
			w := []byte("abcdefgh")
			w[k] = byte(c)
			look := scanLooks(binary.LittleEndian.Uint64(w))
			between := c == '&' || c == '\'' || c == '(' || c == ')' || c == '|'
			if want := scanStop[c] || between; (look != 0) != want {
				t.Errorf("%#x at %d: marked %v, want %v", c, k, look != 0, want)
			}
			if look != 0 && bits.TrailingZeros64(look)/8 != k {
				t.Errorf("%#x at %d: first mark at %d", c, k, bits.TrailingZeros64(look)/8)
			}
		}
	}
}

// FuzzScanLooks: no byte before the first mark of eight is one scan
// stops at, and eight without a mark hold none.
func FuzzScanLooks(f *testing.F) {
	f.Add(uint64(0x3a3a3a3a3a3a3a3a))
	f.Add(uint64(0x7d7b3b3a2a252423))
	f.Fuzz(func(t *testing.T, w uint64) {
		var b [8]byte
		binary.LittleEndian.PutUint64(b[:], w)
		first := 8
		if look := scanLooks(w); look != 0 {
			first = bits.TrailingZeros64(look) / 8
		}
		for k := 0; k < first; k++ {
			if scanStop[b[k]] {
				t.Fatalf("%q: byte %d (%q) stops scan, first mark at %d", b, k, b[k], first)
			}
		}
	})
}
