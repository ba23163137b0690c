package main

import (
	"flag"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/msglint/msglint/internal/logreg"
	"github.com/msglint/msglint/rules"
)

// An experiment beside the logistic regression: a network with one small
// hidden layer over the same sparse features, plus the linear weights as a
// skip. A hidden unit can fire only when two kinds of evidence meet (praise
// and a bad event the customer caused), which a sum of weights cannot say.
//
//	logit = bias + Σ w[f] + Σ_h out[h] · relu(hb[h] + Σ_f v[f][h])
//
// Trained by stochastic gradient descent with AdaGrad, the examples in an
// order drawn from a fixed seed, so a run is reproducible.

var (
	modelKind = flag.String("model", "logreg", "scorer to train: logreg, net (a hidden layer) or fm (factorised pairs) (experiments only)")
	hidden    = flag.Int("hidden", 16, "with -model net: hidden units")
	netEpochs = flag.Int("netepochs", 30, "with -model net: passes over the examples")
	netRate   = flag.Float64("netrate", 0.05, "with -model net: AdaGrad step size")
	netL2     = flag.Float64("netl2", 1e-5, "with -model net: L2 penalty per update on the hidden weights")
	netInit   = flag.Float64("netinit", 0.1, "with -model net: the hidden weights start uniform in ±this")
	netSeed   = flag.Uint64("netseed", 1, "with -model net: the seed of the starting weights and the order of the examples")
	netIn     = flag.String("netin", "", "with -model net: kinds of features the hidden layer reads (w,f,b,c,c1,cN,p,s); empty: every kind")
	netBlend  = flag.Float64("netblend", 1, "with -model net: the share of the network in a logit averaged with the logistic regression's (experiments only)")
	netWarm   = flag.Bool("netwarm", false, "with -model net: start the linear part from the logistic regression's weights")
)

// scorer is a trained model's logit for a message's features.
type scorer interface {
	Logit(features []logreg.Feature) float64
}

// network is the hidden-layer model.
type network struct {
	bias  float64
	index map[logreg.Feature]int
	w     []float64 // linear, by feature index
	v     []float64 // hidden, n × h
	hb    []float64 // hidden bias
	out   []float64 // hidden → logit
	h     int
	fm    bool   // factorised pairs, not a hidden layer
	deep  []bool // by feature index: the hidden layer reads it
	// linear is the logistic regression the network's logit is averaged
	// with (-netblend below 1), if any.
	linear *logreg.Model
}

// Logit is the network's log-odds for a message's features.
func (nw *network) Logit(features []logreg.Feature) float64 {
	row := make([]int, 0, len(features))
	for _, f := range features {
		if j, ok := nw.index[f]; ok {
			row = append(row, j)
		}
	}
	slices.Sort(row)
	row = slices.Compact(row)
	act := make([]float64, nw.h)
	z, _ := nw.forward(row, act)
	if nw.linear != nil {
		z = *netBlend*z + (1-*netBlend)*nw.linear.Logit(features)
	}
	return z
}

// forward is the logit of an example's distinct feature indices; act
// receives the hidden units' inputs (before relu).
func (nw *network) forward(row []int, act []float64) (float64, float64) {
	z := nw.bias
	copy(act, nw.hb)
	for _, j := range row {
		z += nw.w[j]
		vj := nw.v[j*nw.h : (j+1)*nw.h]
		for k := range act {
			act[k] += vj[k]
		}
	}
	lin := z
	if nw.fm {
		// Every pair of features i < j adds v[i]·v[j]: half of the
		// square of the sum less the sum of squares.
		for k, sum := range act {
			sq := 0.0
			for _, j := range row {
				sq += float64(nw.v[j*nw.h+k] * nw.v[j*nw.h+k])
			}
			z += 0.5 * (float64(sum*sum) - sq)
		}
		return z, lin
	}
	for k, a := range act {
		if a > 0 {
			z += float64(nw.out[k] * a)
		}
	}
	return z, lin
}

// trainNetwork fits a network to the examples.
func trainNetwork(examples []logreg.Example, o logreg.Options) *network {
	counts := map[logreg.Feature]int{}
	for _, e := range examples {
		for _, f := range distinctFeatures(e.Features) {
			counts[f]++
		}
	}
	var kept []logreg.Feature
	for f, c := range counts {
		if c >= o.MinCount {
			kept = append(kept, f)
		}
	}
	slices.Sort(kept)
	h := *hidden
	nw := &network{index: make(map[logreg.Feature]int, len(kept)), h: h,
		w: make([]float64, len(kept)), v: make([]float64, len(kept)*h), hb: make([]float64, h), out: make([]float64, h)}
	nw.fm = *modelKind == "fm"
	nw.deep = make([]bool, len(kept))
	for i, f := range kept {
		nw.index[f] = i
		nw.deep[i] = *netIn == "" || slices.Contains(strings.Split(*netIn, ","), rules.SarcasmFeatureKind(f))
	}
	rows := make([][]int, len(examples))
	for i, e := range examples {
		for _, f := range distinctFeatures(e.Features) {
			if j, ok := nw.index[f]; ok {
				rows[i] = append(rows[i], j)
			}
		}
		slices.Sort(rows[i])
	}
	rng := rand.New(rand.NewPCG(*netSeed, 2))
	for i := range nw.v {
		if r := *netInit * (2*rng.Float64() - 1); nw.deep[i/h] {
			nw.v[i] = r
		}
	}
	for k := range nw.out {
		nw.out[k] = *netInit * (2*rng.Float64() - 1)
	}
	if *netWarm {
		lin := logreg.Train(examples, o)
		nw.bias = lin.Bias
		for f, j := range nw.index {
			nw.w[j] = lin.Weights[f]
		}
	}
	gw := make([]float64, len(nw.w))
	gv := make([]float64, len(nw.v))
	ghb := make([]float64, h)
	gout := make([]float64, h)
	var gbias float64
	step := func(p *float64, g2 *float64, g float64) {
		*g2 += float64(g * g)
		if *g2 > 0 {
			*p -= float64(*netRate*g) / math.Sqrt(*g2)
		}
	}
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	act := make([]float64, h)
	dact := make([]float64, h)
	l2w := o.L2 / 10
	for range *netEpochs {
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		for _, i := range order {
			row := rows[i]
			z, _ := nw.forward(row, act)
			dz := logreg.Probability(z)
			if examples[i].Positive {
				dz = float64(o.PositiveWeight * (dz - 1))
			}
			for k, a := range act {
				if nw.fm {
					dact[k] = dz // times (sum less v[j][k]), per feature below
				} else if a > 0 {
					dact[k] = float64(dz * nw.out[k])
					step(&nw.out[k], &gout[k], float64(dz*a)+float64(*netL2*nw.out[k]))
				} else {
					dact[k] = 0
				}
			}
			step(&nw.bias, &gbias, dz)
			for k := range dact {
				if dact[k] != 0 && !nw.fm {
					step(&nw.hb[k], &ghb[k], dact[k])
				}
			}
			for _, j := range row {
				step(&nw.w[j], &gw[j], dz+float64(l2w*nw.w[j]))
				if !nw.deep[j] {
					continue
				}
				vj := nw.v[j*h : (j+1)*h]
				gj := gv[j*h : (j+1)*h]
				for k := range vj {
					if nw.fm {
						step(&vj[k], &gj[k], float64(dact[k]*(act[k]-vj[k]))+float64(*netL2*vj[k]))
					} else if dact[k] != 0 {
						step(&vj[k], &gj[k], dact[k]+float64(*netL2*vj[k]))
					}
				}
			}
		}
	}
	if *netBlend < 1 {
		nw.linear = logreg.Train(examples, o)
	}
	return nw
}

func distinctFeatures(fs []logreg.Feature) []logreg.Feature {
	out := slices.Clone(fs)
	slices.Sort(out)
	return slices.Compact(out)
}
