package main

import (
	"math"
	"testing"

	"github.com/msglint/msglint/internal/logreg"
)

// xorExamples are positive with exactly one of features 1 and 2: no sum of
// weights tells them apart, an interaction does. Feature 3 is in every
// example (a bias the network must not lean on).
func xorExamples() []logreg.Example {
	var out []logreg.Example
	for range 20 {
		out = append(out,
			logreg.Example{Features: []logreg.Feature{3}},
			logreg.Example{Features: []logreg.Feature{1, 3}, Positive: true},
			logreg.Example{Features: []logreg.Feature{2, 3}, Positive: true},
			logreg.Example{Features: []logreg.Feature{1, 2, 3}})
	}
	return out
}

var toyOptions = logreg.Options{L2: 0.001, MinCount: 1, Epochs: 200, Rate: 0.5, PositiveWeight: 1, Digits: 3}

// withModel sets the experiment's flags for one test.
func withModel(t *testing.T, kind string, h, epochs int, rate float64) {
	old := [...]any{*modelKind, *hidden, *netEpochs, *netRate}
	*modelKind, *hidden, *netEpochs, *netRate = kind, h, epochs, rate
	t.Cleanup(func() {
		*modelKind, *hidden, *netEpochs, *netRate = old[0].(string), old[1].(int), old[2].(int), old[3].(float64)
	})
}

func TestNetworkLearnsWhatNoSumOfWeightsCan(t *testing.T) {
	withModel(t, "net", 4, 300, 0.1)
	ex := xorExamples()
	nw := trainNetwork(ex, toyOptions)
	lin := logreg.Train(ex, toyOptions)
	linearWrong := 0
	for _, e := range ex[:4] {
		if got := nw.Logit(e.Features) > 0; got != e.Positive {
			t.Errorf("network: %v scores %.2f, want positive %v", e.Features, nw.Logit(e.Features), e.Positive)
		}
		if got := lin.Logit(e.Features) > 0; got != e.Positive {
			linearWrong++
		}
	}
	if linearWrong == 0 {
		t.Error("the logistic regression separates the examples: they test no interaction")
	}
}

// Training twice gives the same model, bit for bit: the order of the
// examples and the starting weights come from a fixed seed.
func TestNetworkTrainingIsReproducible(t *testing.T) {
	for _, kind := range []string{"net", "fm"} {
		withModel(t, kind, 4, 20, 0.05)
		a, b := trainNetwork(xorExamples(), toyOptions), trainNetwork(xorExamples(), toyOptions)
		for _, e := range xorExamples()[:4] {
			if za, zb := a.Logit(e.Features), b.Logit(e.Features); math.Float64bits(za) != math.Float64bits(zb) {
				t.Errorf("%s: %v scores %v, then %v", kind, e.Features, za, zb)
			}
		}
	}
}

// A factorisation machine's logit is the bias, the weights and a dot
// product for every pair of features, worked out without the pairs.
func TestFactorisedPairsAreEveryPair(t *testing.T) {
	withModel(t, "fm", 3, 5, 0.05)
	nw := trainNetwork(xorExamples(), toyOptions)
	row := []int{0, 1, 2}
	want := nw.bias
	for _, i := range row {
		want += nw.w[i]
		for _, j := range row {
			if i < j {
				for k := range nw.h {
					want += nw.v[i*nw.h+k] * nw.v[j*nw.h+k]
				}
			}
		}
	}
	got, _ := nw.forward(row, make([]float64, nw.h))
	if math.Abs(got-want) > 1e-12 {
		t.Errorf("logit %v, want %v", got, want)
	}
	if got == nw.bias+nw.w[0]+nw.w[1]+nw.w[2] {
		t.Error("no pair weighs anything: the test checks nothing")
	}
}
