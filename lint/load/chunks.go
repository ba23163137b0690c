package load

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// inChunks calls do on the items lo to hi of n, per at a time, on every
// core when there is more than one chunk, in the caller's goroutine
// otherwise. Each worker has a state of its own, made by state: the
// scratch a chunk's work reuses.
func inChunks[S any](n, per int, state func() S, do func(s S, lo, hi int)) {
	workers := min(runtime.GOMAXPROCS(0), (n+per-1)/per)
	if workers <= 1 {
		if n > 0 {
			do(state(), 0, n)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := state()
			for {
				lo := int(next.Add(int64(per))) - per
				if lo >= n {
					return
				}
				do(s, lo, min(lo+per, n))
			}
		}()
	}
	wg.Wait()
}
