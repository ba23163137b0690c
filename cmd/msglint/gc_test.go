package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

// gcPercent reads the collector's pace without changing it.
func gcPercent() uint64 {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// TestCollectWithHeadroom checks that the pace lets a small heap grow by
// the headroom, follows the live heap after each collection, is undone by
// stop, and that a GOGC the user set is not touched.
func TestCollectWithHeadroom(t *testing.T) {
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	collectWithHeadroom("50")()
	if runtime.GC(); gcPercent() != 100 {
		t.Fatal("changed the pace although the user set GOGC")
	}
	stop := collectWithHeadroom("")
	if got := gcPercent(); got != 1600 {
		t.Fatalf("GC percent %d at start, want 1600 (a 64 MiB goal)", got)
	}
	// A live heap over the headroom: collected at the usual doubling.
	live := make([]*[1 << 20]byte, serveHeadroom>>20+16)
	for i := range live {
		live[i] = new([1 << 20]byte)
	}
	for deadline := time.Now().Add(10 * time.Second); gcPercent() != 100; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("GC percent still %d with %d MiB live", gcPercent(), len(live))
		}
		runtime.GC()
	}
	runtime.KeepAlive(live)
	live = nil
	// A small one again: the headroom.
	for deadline := time.Now().Add(10 * time.Second); gcPercent() <= 100; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("GC percent still %d once the heap is small again", gcPercent())
		}
		runtime.GC()
	}
	stop()
	if runtime.GC(); gcPercent() != 100 {
		t.Errorf("GC percent %d after stop, want 100", gcPercent())
	}
}

// TestPaceByScannedHeap checks that while transcripts are read the memory
// limit follows the live heap after each collection, with at least
// scanFloor to grow, that it is undone when the last of them ends, and that
// a GOGC or GOMEMLIMIT the user set is not touched.
func TestPaceByScannedHeap(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(before)
	limit := func() int64 { return debug.SetMemoryLimit(-1) }
	for _, user := range [][2]string{{"100", ""}, {"", "1GiB"}} {
		paceByScannedHeap(user[0], user[1])()
		if runtime.GC(); limit() != before {
			t.Fatalf("changed the memory limit although the user set GOGC=%q GOMEMLIMIT=%q", user[0], user[1])
		}
	}
	first, second := paceByScannedHeap("", ""), paceByScannedHeap("", "")
	for deadline := time.Now().Add(10 * time.Second); limit() == before; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("no memory limit long after a collection")
		}
		runtime.GC()
	}
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if got, least := limit(), int64(s[0].Value.Uint64())+scanFloor; got < least || got > 1<<30 {
		t.Errorf("memory limit %d while reading, want at least the live heap and scanFloor (%d) and far below 1 GiB", got, least)
	}
	first()
	if limit() == before {
		t.Error("the pace was undone while a transcript was still read")
	}
	second()
	if limit() != before {
		t.Errorf("memory limit %d after the last transcript, want %d", limit(), before)
	}
}

// TestCheckPace checks that the headroom grows with the files read whole,
// up to wholeHeadroom more, and that readWhole leaves the pace alone when
// the user set GOGC (headroom off).
func TestCheckPace(t *testing.T) {
	defer wholeBytes.Store(wholeBytes.Load())
	wholeBytes.Store(0)
	if got, want := checkPace(0), paceFor(0); got != want {
		t.Fatalf("checkPace(0) = %d with no file read whole, want paceFor's %d", got, want)
	}
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	readWhole(1 << 20) // headroom is off: the user's GOGC stands
	if gcPercent() != 100 || wholeBytes.Load() != 0 {
		t.Fatalf("readWhole changed the pace (%d%%, %d bytes) although the user set GOGC", gcPercent(), wholeBytes.Load())
	}
	wholeBytes.Store(2 << 20)
	if got, want := checkPace(0), (serveHeadroom+2<<20*wholeFactor)*100/(4<<20); got != want {
		t.Errorf("checkPace(0) = %d with 2 MiB read whole, want %d", got, want)
	}
	wholeBytes.Store(1 << 30)
	if got, want := checkPace(0), (serveHeadroom+wholeHeadroom)*100/(4<<20); got != want {
		t.Errorf("checkPace(0) = %d with 1 GiB read whole, want the cap's %d", got, want)
	}
	if got := checkPace(1 << 30); got != 100 {
		t.Errorf("checkPace(1 GiB) = %d, want 100: a live heap over the headroom doubles", got)
	}
}
