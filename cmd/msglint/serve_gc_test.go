package main

import (
	"context"
	"runtime/debug"
	"testing"
	"time"
)

// The pace lets the heap grow by the headroom past a small base, and
// doubles a large one.
func TestPaceFor(t *testing.T) {
	for _, c := range []struct {
		base uint64
		want int
	}{
		{0, 1600},                // nothing measured yet: as for the runtime's first 4 MiB, a 64 MiB goal
		{1 << 20, 1600},          // 1 MiB: the same
		{16 << 20, 400},          // 16 MiB: an 80 MiB goal
		{64 << 20, 100},          // 64 MiB: 128 MiB
		{512 << 20, 100},         // large: the usual doubling
		{serveHeadroom / 3, 300}, // rounds down
		{serveHeadroom * 2 / 3, 150},
	} {
		if got := paceFor(c.base); got != c.want {
			t.Errorf("paceFor(%d) = %d, want %d", c.base, got, c.want)
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
	base := gcBase()
	keepHeadroom(ctx, "", time.Hour)
	// (A collection in between may have changed what is live.)
	if got := gcPercent(); got != uint64(paceFor(base)) && got != uint64(paceFor(gcBase())) {
		t.Fatalf("GC percent %d while serving with a base of %d bytes, want %d", got, base, paceFor(base))
	}
	cancel()
	for deadline := time.Now().Add(10 * time.Second); gcPercent() != 100; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("GC percent still %d after serving", gcPercent())
		}
	}
}
