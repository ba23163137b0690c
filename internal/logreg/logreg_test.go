package logreg

import (
	"encoding/binary"
	"math"
	"testing"

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

func TestCompiledNumbersFeatures(t *testing.T) {
	c, err := (&Model{Bias: -1, Weights: map[Feature]float64{1 << 63: 0.5, 7: 2, 1 << 40: -0.001}}).Compile()
	if err != nil {
		t.Fatal(err)
	}
	for f, want := range map[Feature]struct {
		n  int32
		w  float64
		ok bool
	}{7: {0, 2, true}, 1 << 40: {1, -0.001, true}, 1 << 63: {2, 0.5, true}, 8: {0, 0, false}, 0: {0, 0, false}, 1<<63 + 7: {0, 0, false}} {
		n, w, ok := c.Feature(f)
		if n != want.n || w != want.w || ok != want.ok {
			t.Errorf("%#x: %d %v %v, want %+v", f, n, w, ok, want)
		}
	}
	if c.Bias != -1 || c.Len() != 3 {
		t.Errorf("bias %v, %d features", c.Bias, c.Len())
	}
}

// Slot finds what Feature finds, at a place below Slots, a different one
// for each feature; a model whose features are 0 and 1 marks its empty
// slots with a number it does not hold.
func TestCompiledSlots(t *testing.T) {
	c, err := (&Model{Bias: 0, Weights: map[Feature]float64{0: 1.5, 1: -2, 3: 0.25, 1 << 63: 4}}).Compile()
	if err != nil {
		t.Fatal(err)
	}
	places := map[int32]Feature{}
	for _, f := range []Feature{0, 1, 2, 3, 4, 1 << 63, 1<<63 + 1} {
		_, w, ok := c.Feature(f)
		at, sw, sok := c.Slot(f)
		if sok != ok || sw != w {
			t.Errorf("%#x: Slot %v %v, Feature %v %v", f, sw, sok, w, ok)
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
		if _, got, ok := c.Feature(f); !ok || math.Float64bits(got) != math.Float64bits(w) {
			t.Errorf("%#x: %v %v, want %v", f, got, ok, w)
		}
	}
	if a := testing.AllocsPerRun(100, func() { c.Feature(3 << 32) }); a != 0 {
		t.Errorf("%v allocations per lookup", a)
	}
}

// A damaged file is refused with what is wrong, never read wrong.
func TestReadRefusesDamage(t *testing.T) {
	good, err := (&Model{Bias: -1, Weights: map[Feature]float64{1: 2, 2: 0.5}}).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	edit := func(f func(b []byte) []byte) []byte { return f(append([]byte(nil), good...)) }
	for name, c := range map[string]struct {
		data []byte
		want string
	}{
		"empty":       {nil, "truncated: 0 bytes, a header needs 20"},
		"magic":       {edit(func(b []byte) []byte { b[0] = 'X'; return b }), `not a weights file: starts with "XGRW", not "LGRW"`},
		"version":     {edit(func(b []byte) []byte { b[4] = 1; return b }), "weights format version 1, this program reads 2"},
		"bias":        {edit(func(b []byte) []byte { binary.LittleEndian.PutUint64(b[8:], math.Float64bits(math.NaN())); return b }), "bias is NaN"},
		"count":       {edit(func(b []byte) []byte { b[16] = 9; return b }), "9 features need 144 bytes of features and weights, 32 follow the header"},
		"cut weight":  {good[:len(good)-1], "2 features need 32 bytes of features and weights, 31 follow the header"},
		"extra bytes": {append(append([]byte(nil), good...), 'c'), "2 features need 32 bytes of features and weights, 33 follow the header"},
		"order":       {edit(func(b []byte) []byte { b[headerSize], b[headerSize+8] = 2, 1; return b }), "feature 1: 0x1 not above 0x2 (features must be ascending and distinct)"},
		"twice":       {edit(func(b []byte) []byte { b[headerSize+8] = 1; return b }), "feature 1: 0x1 not above 0x1 (features must be ascending and distinct)"},
		"weight": {edit(func(b []byte) []byte {
			binary.LittleEndian.PutUint64(b[headerSize+16:], math.Float64bits(math.Inf(1)))
			return b
		}), "feature 0x1: weight +Inf"},
	} {
		if _, err := Read(c.data); err == nil || err.Error() != c.want {
			t.Errorf("%s: %v, want %s", name, err, c.want)
		}
	}
}

// FuzzRead: bytes of any content are read or refused, never a panic, and a
// model read answers every lookup within its bounds.
func FuzzRead(f *testing.F) {
	good, err := (&Model{Bias: -1, Weights: map[Feature]float64{1: 2, 2: 0.5, 1 << 60: -1}}).MarshalBinary()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good, uint64(2))
	f.Add(good[:len(good)-3], uint64(1))
	f.Add([]byte("LGRW\x02\x00\x00\x00"), uint64(0))
	f.Fuzz(func(t *testing.T, data []byte, feature uint64) {
		c, err := Read(data)
		if err != nil {
			return
		}
		if n, _, ok := c.Feature(feature); ok && (n < 0 || int(n) >= c.Len() || c.feature(int(n)) != feature) {
			t.Fatalf("%#x found as feature %d of %d", feature, n, c.Len())
		}
		for i := range c.Len() {
			if n, _, ok := c.Feature(c.feature(i)); !ok || int(n) != i {
				t.Fatalf("feature %d (%#x) not found: %d %v", i, c.feature(i), n, ok)
			}
		}
	})
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
