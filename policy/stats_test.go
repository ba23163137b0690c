package policy

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// The response times kept by their distinct values give the median and p90
// a sorted list of every one gives, added one by one or merged from other
// transcripts' figures, with few values or many.
func TestSecondsAsASortedList(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, distinct := range []int{1, 3, 60, 100000} {
		for _, n := range []int{1, 2, 10, freshMax - 1, freshMax, 3*freshMax + 7, 50000} {
			var all []float32
			var whole seconds
			var parts [3]seconds
			for i := range n {
				v := float32(r.IntN(distinct)) * 1.5
				all = append(all, v)
				whole.add(v)
				parts[i%3].add(v)
			}
			var merged seconds
			for i := range parts {
				merged.merge(&parts[i])
			}
			slices.Sort(all)
			for _, s := range []*seconds{&whole, &merged} {
				if s.len() != n {
					t.Fatalf("%d values of %d: len %d", n, distinct, s.len())
				}
				for _, i := range []int{0, (n - 1) / 2, min(n-1, (n*9+9)/10-1), n - 1} {
					if got := s.nth(i); got != all[i] {
						t.Errorf("%d values of %d: nth(%d) = %v, want %v", n, distinct, i, got, all[i])
					}
				}
			}
			if len(merged.values) > distinct || len(merged.values) != len(slices.Compact(slices.Clone(all))) {
				t.Errorf("%d values of %d: %d kept", n, distinct, len(merged.values))
			}
		}
	}
}
