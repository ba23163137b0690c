package main

import (
	"context"
	"runtime/debug"
	"testing"
	"time"
)

// The pace lets the heap grow by the headroom past a small live heap, and
// doubles a large one.
func TestPaceFor(t *testing.T) {
	for _, c := range []struct {
		live uint64
		want int
	}{
		{0, 6400},                // nothing measured yet: as for 1 MiB
		{1 << 20, 6400},          // 1 MiB live: a 65 MiB goal
		{16 << 20, 400},          // 16 MiB: 80 MiB
		{64 << 20, 100},          // 64 MiB: 128 MiB
		{512 << 20, 100},         // large: the usual doubling
		{serveHeadroom / 3, 300}, // rounds down
		{serveHeadroom * 2 / 3, 150},
	} {
		if got := paceFor(c.live); got != c.want {
			t.Errorf("paceFor(%d) = %d, want %d", c.live, got, c.want)
		}
	}
}

// keepHeadroom sets the pace while the hook serves and puts the old one
// back after; a GOGC the user set is not touched.
func TestKeepHeadroom(t *testing.T) {
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	ctx, cancel := context.WithCancel(context.Background())
	keepHeadroom(ctx, "50", time.Millisecond)
	if got := gcPercent(); got != 100 {
		t.Fatalf("GC percent %d although the user set GOGC", got)
	}
	live := liveHeap()
	keepHeadroom(ctx, "", time.Hour)
	// (A collection in between may have changed what is live.)
	if got := gcPercent(); got != uint64(paceFor(live)) && got != uint64(paceFor(liveHeap())) {
		t.Fatalf("GC percent %d while serving with %d bytes live, want %d", got, live, paceFor(live))
	}
	cancel()
	for deadline := time.Now().Add(10 * time.Second); gcPercent() != 100; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("GC percent still %d after serving", gcPercent())
		}
	}
}
