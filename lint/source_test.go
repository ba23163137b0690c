package lint

import (
	"strings"
	"testing"
)

// Span gives what two calls of Position give, whatever the offsets: on one
// line or two, inside a character, past the end, on a line long enough to
// be counted from its marks; and so does a source that placed another
// offset before, which Position counts on from.
func FuzzSpan(f *testing.F) {
	long := strings.Repeat("aş€", 300)
	for _, s := range []string{"hello\nwörld\n", "çağrı", "\xff\xfe\nab\xc3", long + "\n" + long} {
		for _, off := range [][2]int{{0, 0}, {1, 4}, {2, 3}, {5, 9}, {3, 1}, {-1, 2}, {7, 100}, {700, 1500}, {1, 2000}} {
			f.Add([]byte(s), off[0], off[1], off[0]-1)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, start, end, before int) {
		// Each call on a source of its own: one Span call must not lean on
		// what an earlier Position built.
		l, c := NewSource("f", data).Position(start)
		el, ec := NewSource("f", data).Position(end)
		src := NewSource("f", data)
		src.Line0 = 3
		src.Position(before)
		gl, gc, gel, gec := src.Span(start, end)
		if start >= 0 {
			l += 3
		}
		if end >= 0 {
			el += 3
		}
		if gl != l || gc != c || gel != el || gec != ec {
			t.Errorf("Span(%d, %d) of %q = %d:%d-%d:%d, want %d:%d-%d:%d", start, end, data, gl, gc, gel, gec, l, c, el, ec)
		}
	})
}
