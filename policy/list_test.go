package policy

import (
	"slices"
	"testing"
)

// insertKeepLast keeps what inserting and keeping the last n kept, for
// lists of every length up to and past n and every place.
func TestInsertKeepLast(t *testing.T) {
	for n := 1; n <= 6; n++ {
		for size := 0; size <= n+2; size++ {
			for i := 0; i <= size; i++ {
				for _, room := range []int{size, size + 1, n + 3} {
					s := make([]int, size, room)
					for k := range s {
						s[k] = k + 1
					}
					want := keepLast(slices.Insert(slices.Clone(s), i, -1), n)
					if got := insertKeepLast(s, i, -1, n); !slices.Equal(got, want) {
						t.Errorf("n %d, %d elements (room %d), at %d: got %v, want %v", n, size, room, i, got, want)
					}
				}
			}
		}
	}
}
