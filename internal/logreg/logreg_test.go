package logreg

import (
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
	c := (&Model{Bias: -1, Weights: map[string]float64{"b": 0.5, "a": 2}}).Compile()
	for name, want := range map[string]struct {
		n  int32
		w  float64
		ok bool
	}{"a": {0, 2, true}, "b": {1, 0.5, true}, "c": {0, 0, false}} {
		n, w, ok := c.Feature([]byte(name))
		if n != want.n || w != want.w || ok != want.ok {
			t.Errorf("%s: %d %v %v, want %+v", name, n, w, ok, want)
		}
	}
	if c.Bias != -1 {
		t.Errorf("bias %v", c.Bias)
	}
}
