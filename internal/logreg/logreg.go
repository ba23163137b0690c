// Package logreg is a small L2-regularised logistic regression over binary
// features, each known by a 64-bit number (a hash of its name, made by the
// caller without building the name): trained offline from labelled
// examples, its weights kept as data, a message's score the weights of the
// features it has.
//
// Training is deterministic: the same examples in the same order give the
// same weights (features are indexed in sorted order, sums run in a fixed
// order, and every product is rounded before it is added so that no fused
// multiply-add changes a bit), so a weights file can be checked against a
// fresh run. One step is not bit for bit the same everywhere: math.Exp is
// written in assembly for some architectures, and on amd64 it takes a fused
// multiply-add where the processor has one, so its last bit may differ
// from one machine to another. The weights are rounded to Options.Digits,
// which hides such a difference unless a weight falls right at a rounding
// edge.
package logreg

import (
	"math"
	"slices"
)

// Feature is a feature's number: the caller's hash of what it names.
type Feature = uint64

// Example is one labelled item: the features it has (each counts once) and
// whether it is a positive.
type Example struct {
	Features []Feature
	Positive bool
}

// Options steer training.
type Options struct {
	// L2 is the penalty on the squared weights, per example: larger keeps
	// weights small and the model close to the features seen often.
	L2 float64
	// MinCount drops features seen in fewer examples than this: a word
	// met once says nothing general.
	MinCount int
	// Epochs is the number of full passes of gradient descent.
	Epochs int
	// Rate is the step size (AdaGrad scales it per feature).
	Rate float64
	// PositiveWeight weighs each positive example's loss against a
	// negative's: above 1 when positives are rare.
	PositiveWeight float64
	// Digits rounds the weights to this many decimals, so a file written
	// from them is stable.
	Digits int
}

// Model is a trained scorer: a bias and a weight per feature.
type Model struct {
	Bias    float64
	Weights map[Feature]float64
}

// Logit is the model's log-odds for a set of features (each counts once;
// unknown features weigh nothing).
func (m *Model) Logit(features []Feature) float64 {
	z := m.Bias
	seen := make(map[Feature]bool, len(features))
	for _, f := range features {
		if !seen[f] {
			seen[f] = true
			z += m.Weights[f]
		}
	}
	return z
}

// Probability is the logit as a probability in (0, 1).
func Probability(logit float64) float64 { return 1 / (1 + math.Exp(-logit)) }

// Train fits a model to the examples.
func Train(examples []Example, o Options) *Model {
	index, rows := number(examples, o.MinCount)
	n := len(index)
	w := make([]float64, n)
	g2 := make([]float64, n) // AdaGrad: sum of squared gradients per feature
	var bias, biasG2 float64
	grad := make([]float64, n)
	count := float64(len(rows))
	for range o.Epochs {
		clear(grad)
		var biasGrad float64
		for i, row := range rows {
			z := bias
			for _, j := range row {
				z += w[j]
			}
			err := Probability(z)
			if examples[i].Positive {
				err = float64(o.PositiveWeight * (err - 1))
			}
			biasGrad += err
			for _, j := range row {
				grad[j] += err
			}
		}
		for j := range w {
			gj := grad[j]/count + float64(o.L2*w[j])
			g2[j] += float64(gj * gj)
			if g2[j] > 0 {
				w[j] -= float64(o.Rate*gj) / math.Sqrt(g2[j])
			}
		}
		bg := biasGrad / count
		biasG2 += float64(bg * bg)
		if biasG2 > 0 {
			bias -= float64(o.Rate*bg) / math.Sqrt(biasG2)
		}
	}
	m := &Model{Bias: round(bias, o.Digits), Weights: map[Feature]float64{}}
	for f, j := range index {
		if r := round(w[j], o.Digits); r != 0 {
			m.Weights[f] = r
		}
	}
	return m
}

// number gives each feature seen in at least minCount examples an index
// in sorted order, and each example its sorted, distinct indices.
func number(examples []Example, minCount int) (map[Feature]int, [][]int) {
	counts := map[Feature]int{}
	for _, e := range examples {
		for _, f := range distinct(e.Features) {
			counts[f]++
		}
	}
	var kept []Feature
	for f, c := range counts {
		if c >= minCount {
			kept = append(kept, f)
		}
	}
	slices.Sort(kept)
	index := make(map[Feature]int, len(kept))
	for i, f := range kept {
		index[f] = i
	}
	rows := make([][]int, len(examples))
	for i, e := range examples {
		for _, f := range distinct(e.Features) {
			if j, ok := index[f]; ok {
				rows[i] = append(rows[i], j)
			}
		}
		slices.Sort(rows[i])
	}
	return index, rows
}

func distinct(fs []Feature) []Feature {
	out := slices.Clone(fs)
	slices.Sort(out)
	return slices.Compact(out)
}

func round(x float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(x*p) / p
}
