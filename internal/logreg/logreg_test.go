package logreg

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var opts = Options{L2: 0.001, MinCount: 2, Epochs: 300, Rate: 0.5, PositiveWeight: 1, Digits: 3}

// examples: "bravo" goes with the positives, "refund" with the negatives,
// "the" with both, "once" is seen in one example only.
func examples() []Example {
	var ex []Example
	for range 5 {
		ex = append(ex,
			Example{Features: []string{"bravo", "the"}, Positive: true},
			Example{Features: []string{"refund", "the"}},
			Example{Features: []string{"refund"}},
		)
	}
	return append(ex, Example{Features: []string{"once", "bravo"}, Positive: true})
}

func TestTrainLearnsWhichFeaturesGoWithPositives(t *testing.T) {
	m := Train(examples(), opts)
	if m.Weights["bravo"] <= 1 || m.Weights["refund"] >= -1 {
		t.Errorf("bravo %v, refund %v: want clearly positive and clearly negative", m.Weights["bravo"], m.Weights["refund"])
	}
	if _, ok := m.Weights["once"]; ok {
		t.Errorf("a feature seen once has a weight: %v", m.Weights)
	}
	if p := Probability(m.Logit([]string{"bravo", "the"})); p < 0.9 {
		t.Errorf("a positive scores %.3f", p)
	}
	if p := Probability(m.Logit([]string{"refund", "the"})); p > 0.1 {
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
	fs := []string{"the"}
	if a, b := Train(examples(), opts).Logit(fs), Train(examples(), heavier).Logit(fs); b <= a {
		t.Errorf("logit %.3f with positives weighed 5, %.3f with 1", b, a)
	}
}

func TestLogitCountsEachFeatureOnce(t *testing.T) {
	m := &Model{Bias: -1, Weights: map[string]float64{"a": 2, "b": 0.5}}
	for _, c := range []struct {
		fs   []string
		want float64
	}{
		{nil, -1},
		{[]string{"a"}, 1},
		{[]string{"a", "a", "b"}, 1.5},
		{[]string{"unknown", "b"}, -0.5},
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
	c, err := (&Model{Bias: -1, Weights: map[string]float64{"b": 0.5, "a": 2, "ab": -0.001}}).Compile()
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]struct {
		n  int32
		w  float64
		ok bool
	}{"a": {0, 2, true}, "ab": {1, -0.001, true}, "b": {2, 0.5, true}, "c": {0, 0, false}, "": {0, 0, false}, "aa": {0, 0, false}} {
		n, w, ok := c.Feature([]byte(name))
		if n != want.n || w != want.w || ok != want.ok {
			t.Errorf("%q: %d %v %v, want %+v", name, n, w, ok, want)
		}
	}
	if c.Bias != -1 || c.Len() != 3 {
		t.Errorf("bias %v, %d features", c.Bias, c.Len())
	}
}

// A model written and read back scores every feature with the very same
// bits, and a lookup allocates nothing.
func TestBinaryRoundTrip(t *testing.T) {
	m := &Model{Bias: -5.038, Weights: map[string]float64{}}
	for i := range 500 {
		m.Weights[fmt.Sprintf("w:%x", i*7919)] = round(float64(i%97-48)/37, 3)
	}
	m.Weights["w:ğüşıöç"] = 0.1
	c, err := m.Compile()
	if err != nil {
		t.Fatal(err)
	}
	if c.Bias != m.Bias || c.Len() != len(m.Weights) {
		t.Fatalf("bias %v, %d features", c.Bias, c.Len())
	}
	for f, w := range m.Weights {
		if _, got, ok := c.Feature([]byte(f)); !ok || math.Float64bits(got) != math.Float64bits(w) {
			t.Errorf("%s: %v %v, want %v", f, got, ok, w)
		}
	}
	name := []byte("w:ğüşıöç")
	if a := testing.AllocsPerRun(100, func() { c.Feature(name) }); a != 0 {
		t.Errorf("%v allocations per lookup", a)
	}
}

// A damaged file is refused with what is wrong, never read wrong.
func TestReadRefusesDamage(t *testing.T) {
	good, err := (&Model{Bias: -1, Weights: map[string]float64{"a": 2, "b": 0.5}}).MarshalBinary()
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
		"version":     {edit(func(b []byte) []byte { b[4] = 2; return b }), "weights format version 2, this program reads 1"},
		"bias":        {edit(func(b []byte) []byte { binary.LittleEndian.PutUint64(b[8:], math.Float64bits(math.NaN())); return b }), "bias is NaN"},
		"count":       {edit(func(b []byte) []byte { b[16] = 9; return b }), "truncated: 9 features need 112 bytes of offsets and weights, 30 left"},
		"cut name":    {good[:len(good)-1], "names take bytes 0 to 2, but 1 follow the weights"},
		"extra bytes": {append(append([]byte(nil), good...), 'c'), "names take bytes 0 to 2, but 3 follow the weights"},
		"order":       {edit(func(b []byte) []byte { b[len(b)-2], b[len(b)-1] = 'b', 'a'; return b }), `feature 1: name "a" not after "b" (names must be sorted and distinct)`},
		"offset":      {edit(func(b []byte) []byte { b[24] = 5; return b }), "feature 0: name at bytes 0 to 5 of 2"},
		"weight":      {edit(func(b []byte) []byte { binary.LittleEndian.PutUint64(b[32:], math.Float64bits(math.Inf(1))); return b }), `feature "a": weight +Inf`},
	} {
		if _, err := Read(c.data); err == nil || err.Error() != c.want {
			t.Errorf("%s: %v, want %s", name, err, c.want)
		}
	}
}

// FuzzRead: bytes of any content are read or refused, never a panic, and a
// model read answers every lookup within its bounds.
func FuzzRead(f *testing.F) {
	good, err := (&Model{Bias: -1, Weights: map[string]float64{"a": 2, "b": 0.5, "w:x": -1}}).MarshalBinary()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good, []byte("b"))
	f.Add(good[:len(good)-3], []byte("a"))
	f.Add([]byte("LGRW\x01\x00\x00\x00"), []byte(""))
	f.Fuzz(func(t *testing.T, data, name []byte) {
		c, err := Read(data)
		if err != nil {
			return
		}
		if n, _, ok := c.Feature(name); ok && (n < 0 || int(n) >= c.Len() || !bytes.Equal(c.name(int(n)), name)) {
			t.Fatalf("%q found as feature %d of %d", name, n, c.Len())
		}
		for i := range c.Len() {
			if n, _, ok := c.Feature(c.name(i)); !ok || int(n) != i {
				t.Fatalf("feature %d (%q) not found: %d %v", i, c.name(i), n, ok)
			}
		}
	})
}
