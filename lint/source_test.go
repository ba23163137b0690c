package lint

import (
	"slices"
	"sort"
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
		// SpanFrom counts on from the mark an earlier span left, before
		// start, after it or on another line, and from start again.
		var mark SourceMark
		marked := NewSource("f", data)
		marked.Line0 = 3
		marked.SpanFrom(&mark, before, before)
		for range 2 {
			gl, gc, gel, gec = marked.SpanFrom(&mark, start, end)
			if gl != l || gc != c || gel != el || gec != ec {
				t.Fatalf("SpanFrom(%d, %d) after %d of %q = %d:%d-%d:%d, want %d:%d-%d:%d", start, end, before, data, gl, gc, gel, gec, l, c, el, ec)
			}
		}
	})
}

// lineIndex and SourceMap.find search as sort.Search did before they were
// written out, on line indexes and maps of any shape.
func FuzzSearches(f *testing.F) {
	f.Add([]byte{0, 3, 1, 4, 1, 5, 9, 2, 6}, 7)
	f.Add([]byte{}, 0)
	f.Add([]byte{5}, -1)
	f.Fuzz(func(t *testing.T, steps []byte, off int) {
		idx := []int{0}
		var b MapBuilder
		for i, s := range steps {
			idx = append(idx, idx[len(idx)-1]+int(s%8)+1)
			if i%2 == 0 {
				b.Verbatim(int(s%5), 3*i)
			} else {
				b.Escaped(int(s%3), 3*i, 3*i+2)
			}
		}
		for _, o := range []int{off, off % 64, -off % 64, idx[len(idx)-1], 0} {
			if len(idx) > 1 {
				want := sort.Search(len(idx), func(i int) bool { return idx[i] > o }) - 1
				if got := lineIndex(idx, o); got != want {
					t.Fatalf("lineIndex(%v, %d) = %d, want %d", idx, o, got, want)
				}
			}
			m := b.Map()
			if len(m.segs) == 0 {
				continue
			}
			i := sort.Search(len(m.segs), func(i int) bool { return m.segs[i].text+m.segs[i].textBytes > o })
			if i == len(m.segs) {
				i--
			}
			if got := m.find(o); got != &m.segs[i] {
				t.Fatalf("find(%d) in %v = segment %v, want %d", o, m.segs, *got, i)
			}
		}
	})
}

// A source's line index is where each line starts, as a loop over every
// byte finds them.
func FuzzLineIndex(f *testing.F) {
	for _, s := range []string{"", "one line", "a\nb", "\n\n", "ends\n", "ş\r\nğ\n\nx"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		want := []int{0}
		for i, c := range data {
			if c == '\n' {
				want = append(want, i+1)
			}
		}
		if got := NewSource("f", data).index(); !slices.Equal(got, want) {
			t.Errorf("index of %q = %v, want %v", data, got, want)
		}
	})
}

// A linear map, most fields', is made without an allocation and maps as
// the one verbatim segment a builder records for the same text.
func TestLinearMap(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { _ = LinearMap(12, 40) }); n != 0 {
		t.Errorf("LinearMap allocates %v times", n)
	}
	for _, n := range []int{0, 1, 7, 12} {
		var b MapBuilder
		b.Verbatim(n, 40)
		seg := SourceMap{segs: []segment{{file: 40, fileEnd: 40 + n, verbatim: true, textBytes: n}}}
		lin := LinearMap(n, 40)
		if got := b.Map(); n > 0 && (got.segs != nil || got.at != lin.at || got.n != lin.n) {
			t.Errorf("builder's map of %d bytes is %+v, want %+v", n, got, lin)
		}
		for off := -2; off <= n+2; off++ {
			if lin.Start(off) != seg.Start(off) || lin.End(off) != seg.End(off) {
				t.Errorf("%d bytes, offset %d: linear map %d-%d, segment %d-%d", n, off, lin.Start(off), lin.End(off), seg.Start(off), seg.End(off))
			}
		}
		if lin.Empty() {
			t.Errorf("LinearMap(%d) is empty", n)
		}
	}
	if !LinearMap(-1, 3).Empty() {
		t.Error("LinearMap(-1) is not empty")
	}
}
