package main

import (
	"context"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// The hook's live heap is small (the rule data and the states it keeps in
// memory) and every check leaves some kilobytes of garbage, so at the usual
// pace (GOGC=100: collect once the heap has doubled) it collected every few
// hundred checks and paid each collection's fixed work (stacks, globals)
// again: a tenth of its CPU under load. While it serves, the heap may grow
// by serveHeadroom past what is live before a collection, or double when
// the live heap is larger than that. A GOGC the user set is left alone.
const serveHeadroom = 64 << 20

// headroomInterval is how often the pace follows the live heap.
const headroomInterval = time.Second

// paceFor is the GC percent that lets the heap grow by serveHeadroom (at
// least 100) past a collection's base: the live heap, and the stacks and
// globals it scans, which GOGC's percent counts too. A base is taken to be
// at least the 4 MiB the runtime starts from, so that the first goal is
// the headroom too.
func paceFor(base uint64) int {
	return max(100, int(serveHeadroom*100/max(base, 4<<20)))
}

// gcBase is what the last collection found live, with the stacks and
// globals it scanned.
func gcBase() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/gc/scan/globals:bytes"}, {Name: "/gc/scan/stack:bytes"}}
	metrics.Read(s)
	var n uint64
	for _, v := range s {
		if v.Value.Kind() == metrics.KindUint64 {
			n += v.Value.Uint64()
		}
	}
	return n
}

// keepHeadroom sets the pace for the live heap now and every interval
// until ctx ends, then puts back the pace it found; nothing when the user
// set GOGC. It returns when the pace is set the first time.
func keepHeadroom(ctx context.Context, userGOGC string, interval time.Duration) {
	if userGOGC != "" {
		return
	}
	old := debug.SetGCPercent(paceFor(gcBase()))
	go func() {
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				debug.SetGCPercent(old)
				return
			case <-t.C:
				debug.SetGCPercent(paceFor(gcBase()))
			}
		}
	}()
}
