package logreg

import (
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"
)

var opts = Options{L2: 0.001, MinCount: 2, Epochs: 300, Rate: 0.5, PositiveWeight: 1, Digits: 3}

// Features of the tests, by what they stand for.
const (
	bravo Feature = iota + 1
	refund
	the
	once
	unknown
)

// examples: bravo goes with the positives, refund with the negatives, the
// with both, once is seen in one example only.
func examples() []Example {
	var ex []Example
	for range 5 {
		ex = append(ex,
			Example{Features: []Feature{bravo, the}, Positive: true},
			Example{Features: []Feature{refund, the}},
			Example{Features: []Feature{refund}},
		)
	}
	return append(ex, Example{Features: []Feature{once, bravo}, Positive: true})
}

func TestTrainLearnsWhichFeaturesGoWithPositives(t *testing.T) {
	m := Train(examples(), opts)
	if m.Weights[bravo] <= 1 || m.Weights[refund] >= -1 {
		t.Errorf("bravo %v, refund %v: want clearly positive and clearly negative", m.Weights[bravo], m.Weights[refund])
	}
	if _, ok := m.Weights[once]; ok {
		t.Errorf("a feature seen once has a weight: %v", m.Weights)
	}
	if p := Probability(m.Logit([]Feature{bravo, the})); p < 0.9 {
		t.Errorf("a positive scores %.3f", p)
	}
	if p := Probability(m.Logit([]Feature{refund, the})); p > 0.1 {
		t.Errorf("a negative scores %.3f", p)
	}
}

func TestTrainIsDeterministic(t *testing.T) {
	a, b := Train(examples(), opts), Train(examples(), opts)
	if diff := cmp.Diff(a, b); diff != "" {
		t.Error(diff)
	}
}

// Positives weighed more raise the score of a message with nothing but a
// word that goes with both.
func TestPositiveWeightRaisesScores(t *testing.T) {
	heavier := opts
	heavier.PositiveWeight = 5
	fs := []Feature{the}
	if a, b := Train(examples(), opts).Logit(fs), Train(examples(), heavier).Logit(fs); b <= a {
		t.Errorf("logit %.3f with positives weighed 5, %.3f with 1", b, a)
	}
}

func TestLogitCountsEachFeatureOnce(t *testing.T) {
	m := &Model{Bias: -1, Weights: map[Feature]float64{bravo: 2, refund: 0.5}}
	for _, c := range []struct {
		fs   []Feature
		want float64
	}{
		{nil, -1},
		{[]Feature{bravo}, 1},
		{[]Feature{bravo, bravo, refund}, 1.5},
		{[]Feature{unknown, refund}, -0.5},
	} {
		if got := m.Logit(c.fs); got != c.want {
			t.Errorf("Logit(%v) = %v, want %v", c.fs, got, c.want)
		}
	}
	if got := Probability(0); got != 0.5 {
		t.Errorf("Probability(0) = %v", got)
	}
}

func TestCompiledLooksUpFeatures(t *testing.T) {
	c, err := (&Model{Bias: -1, Weights: map[Feature]float64{1 << 63: 0.5, 7: 2, 1 << 40: -0.001}}).Compile()
	if err != nil {
		t.Fatal(err)
	}
	for f, want := range map[Feature]struct {
		w  float64
		ok bool
	}{7: {2, true}, 1 << 40: {-0.001, true}, 1 << 63: {0.5, true}, 8: {0, false}, 0: {0, false}, 1<<63 + 7: {0, false}} {
		_, w, ok := c.Slot(f)
		if w != want.w || ok != want.ok {
			t.Errorf("%#x: %v %v, want %+v", f, w, ok, want)
		}
	}
	if c.Bias != -1 || c.Len() != 3 {
		t.Errorf("bias %v, %d features", c.Bias, c.Len())
	}
	var each []Feature
	c.Each(func(f Feature, _ float64) { each = append(each, f) })
	if !slices.Equal(each, []Feature{7, 1 << 40, 1 << 63}) {
		t.Errorf("Each: %#x", each)
	}
}

// Slot finds each feature at a place below Slots, a different one for
// each; a model whose features are 0 and 1 marks its empty slots with a
// number it does not hold.
func TestCompiledSlots(t *testing.T) {
	c, err := (&Model{Bias: 0, Weights: map[Feature]float64{0: 1.5, 1: -2, 3: 0.25, 1 << 63: 4}}).Compile()
	if err != nil {
		t.Fatal(err)
	}
	places := map[int32]Feature{}
	for _, f := range []Feature{0, 1, 2, 3, 4, 1 << 63, 1<<63 + 1} {
		at, w, ok := c.Slot(f)
		if want, has := map[Feature]float64{0: 1.5, 1: -2, 3: 0.25, 1 << 63: 4}[f]; ok != has || w != want {
			t.Errorf("%#x: %v %v, want %v %v", f, w, ok, want, has)
		}
		if !ok {
			continue
		}
		if at < 0 || int(at) >= c.Slots() {
			t.Errorf("%#x: place %d, %d slots", f, at, c.Slots())
		}
		if g, dup := places[at]; dup {
			t.Errorf("%#x and %#x both at %d", f, g, at)
		}
		places[at] = f
	}
	if len(places) != 4 {
		t.Errorf("%d features found, want 4", len(places))
	}
}

// A model written and read back scores every feature with the very same
// bits, and a lookup allocates nothing.
func TestBinaryRoundTrip(t *testing.T) {
	m := &Model{Bias: -5.038, Weights: map[Feature]float64{}}
	for i := range 500 {
		// Numbers alike in their low bits, and far apart.
		m.Weights[Feature(i)<<32] = round(float64(i%97-48)/37, 3)
		m.Weights[Feature(i)*0x9e3779b97f4a7c15+1] = 0.1
	}
	c, err := m.Compile()
	if err != nil {
		t.Fatal(err)
	}
	if c.Bias != m.Bias || c.Len() != len(m.Weights) {
		t.Fatalf("bias %v, %d features", c.Bias, c.Len())
	}
	for f, w := range m.Weights {
		if _, got, ok := c.Slot(f); !ok || math.Float64bits(got) != math.Float64bits(w) {
			t.Errorf("%#x: %v %v, want %v", f, got, ok, w)
		}
	}
	if a := testing.AllocsPerRun(100, func() { c.Slot(3 << 32) }); a != 0 {
		t.Errorf("%v allocations per lookup", a)
	}
}

// A damaged file is refused with what is wrong, never read wrong.
func TestReadRefusesDamage(t *testing.T) {
	good, err := (&Model{Bias: -1, Weights: map[Feature]float64{1: 2, 2: 0.5, 3: -1}}).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	c, err := Read(good)
	if err != nil {
		t.Fatal(err)
	}
	// Where each feature is, and an empty slot.
	at := map[Feature]int{}
	for f := range Feature(4) {
		if s, _, ok := c.Slot(f); ok {
			at[f] = headerSize + slotSize*int(s)
		}
	}
	free := -1
	for s := range c.Slots() {
		if f, _ := c.entry(uint64(s)); f == c.empty {
			free = s
			break
		}
	}
	edit := func(f func(b []byte)) []byte {
		b := append([]byte(nil), good...)
		f(b)
		return b
	}
	put := func(b []byte, at int, v uint64) { binary.LittleEndian.PutUint64(b[at:], v) }
	for name, c := range map[string]struct {
		data []byte
		want string
	}{
		"empty":       {nil, "truncated: 0 bytes, a header needs 32"},
		"magic":       {edit(func(b []byte) { b[0] = 'X' }), `not a weights file: starts with "XGRW", not "LGRW"`},
		"version":     {edit(func(b []byte) { b[4] = 2 }), "weights format version 2, this program reads 3"},
		"bias":        {edit(func(b []byte) { put(b, 8, math.Float64bits(math.NaN())) }), "bias is NaN"},
		"count":       {edit(func(b []byte) { b[16] = 9 }), "9 features with a table of 2^3 slots, not 2^5"},
		"huge count":  {edit(func(b []byte) { b[19] = 0xff }), "4278190083 features: too many"},
		"bits":        {edit(func(b []byte) { b[20] = 4 }), "3 features with a table of 2^4 slots, not 2^3"},
		"cut weight":  {good[:len(good)-1], "a table of 2^3 slots needs 128 bytes, 127 follow the header"},
		"extra bytes": {append(append([]byte(nil), good...), 'c'), "a table of 2^3 slots needs 128 bytes, 129 follow the header"},
		"one less":    {edit(func(b []byte) { b[16] = 4 }), "3 features in the table, the header says 4"},
		"twice":       {edit(func(b []byte) { put(b, headerSize+slotSize*free, 1) }), fmt.Sprintf("feature 0x1 in slot %d: a look-up does not find it there", free)},
		"weight":      {edit(func(b []byte) { put(b, at[2]+8, math.Float64bits(math.Inf(1))) }), "feature 0x2: weight +Inf"},
		"empty weight": {edit(func(b []byte) { put(b, headerSize+slotSize*free+8, math.Float64bits(1)) }),
			fmt.Sprintf("empty slot %d: weight 1", free)},
		"empty number": {edit(func(b []byte) {
			put(b, 24, 4)
			for s := headerSize; s < len(b); s += slotSize {
				if binary.LittleEndian.Uint64(b[s:]) == 0 {
					put(b, s, 4)
				}
			}
		}), "empty slots hold 0x4, not the smallest number that is not a feature"},
	} {
		if _, err := Read(c.data); err == nil || err.Error() != c.want {
			t.Errorf("%s: %v, want %s", name, err, c.want)
		}
	}
}

// FuzzRead: bytes of any content are read or refused, never a panic, and a
// model read finds every feature of its table where it is, and nothing
// that is not there.
func FuzzRead(f *testing.F) {
	good, err := (&Model{Bias: -1, Weights: map[Feature]float64{1: 2, 2: 0.5, 1 << 60: -1}}).MarshalBinary()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good, uint64(2))
	f.Add(good[:len(good)-3], uint64(1))
	f.Add([]byte("LGRW\x03\x00\x00\x00"), uint64(0))
	f.Fuzz(func(t *testing.T, data []byte, feature uint64) {
		c, err := Read(data)
		if err != nil {
			return
		}
		if at, w, ok := c.Slot(feature); ok {
			if f, fw := c.entry(uint64(at)); at < 0 || int(at) >= c.Slots() || f != feature || fw != w {
				t.Fatalf("%#x found in slot %d of %d", feature, at, c.Slots())
			}
		}
		n := 0
		c.Each(func(f Feature, w float64) {
			if _, got, ok := c.Slot(f); !ok || got != w {
				t.Fatalf("feature %#x not found: %v %v", f, got, ok)
			}
			n++
		})
		if n != c.Len() {
			t.Fatalf("%d features, Len %d", n, c.Len())
		}
	})
}

// Writing a model lays out the table Read checks: the same features in
// the same slots whatever order the map gives them in, and View reads it
// as Read does.
func TestMarshalBinaryIsStable(t *testing.T) {
	m := &Model{Bias: 0.5, Weights: map[Feature]float64{}}
	for i := range 300 {
		m.Weights[Feature(i)*0x9e3779b97f4a7c15] = float64(i%11) / 8
	}
	first, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	for range 5 {
		again, err := m.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(first, again) {
			t.Fatal("two writes of one model differ")
		}
	}
	read, err := Read(first)
	if err != nil {
		t.Fatal(err)
	}
	viewed, err := View(first)
	if err != nil {
		t.Fatal(err)
	}
	if read.Bias != viewed.Bias || read.n != viewed.n || read.empty != viewed.empty || read.shift != viewed.shift || !slices.Equal(read.table, viewed.table) {
		t.Errorf("Read %+v, View %+v", read, viewed)
	}
	// On a little-endian machine the table is read where it is; bytes
	// not aligned for it are copied, and answer the same.
	if littleEndian && unsafe.Pointer(&viewed.table[0]) != unsafe.Pointer(&first[headerSize]) {
		t.Error("the table was copied")
	}
	odd := make([]byte, len(first)+1)
	copy(odd[1:], first)
	moved, err := Read(odd[1:])
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(moved.table, read.table) {
		t.Error("a table read from unaligned bytes differs")
	}
	for f, w := range m.Weights {
		if at, got, ok := moved.Slot(f); !ok || got != w || moved.table[at].f != f {
			t.Errorf("%#x: %v %v in unaligned bytes, want %v", f, got, ok, w)
		}
	}
}

// BenchmarkCompiledSlot looks up features in a model the size of a
// language's sarcasm weights, four in five of them there, as the scorer
// finds them.
func BenchmarkCompiledSlot(b *testing.B) {
	m := &Model{Weights: map[Feature]float64{}}
	for i := range 20000 {
		m.Weights[Feature(i)*0x9e3779b97f4a7c15+1] = float64(i%7) / 10
	}
	c, err := m.Compile()
	if err != nil {
		b.Fatal(err)
	}
	fs := make([]Feature, 4096)
	for i := range fs {
		fs[i] = Feature(i*5)*0x9e3779b97f4a7c15 + 1 // i*5 past 20000: not there
		if i%5 == 4 {
			fs[i] += 2
		}
	}
	var sum float64
	for b.Loop() {
		for _, f := range fs {
			if _, w, ok := c.Slot(f); ok {
				sum += w
			}
		}
	}
	if sum < 0 {
		b.Fatal(sum)
	}
}
