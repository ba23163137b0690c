package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
)

// Start-up collection: a check of a file or two is over in a few tens of
// milliseconds, and a third of that went to collecting garbage while the
// rule data and dictionary chunks were read, with almost nothing yet to free.
// For its first startupPeriod the program lets the heap grow to five times
// what is live before collecting (GOGC=400) instead of twice, then goes back
// to the usual pace, so a long run (an export, the hook) keeps its memory. A
// GOGC the user set is left alone.
const (
	startupGCPercent = 400
	startupPeriod    = 100 * time.Millisecond
)

// collectLessAtStart applies the start-up pace unless userGOGC is set, and
// returns the timer that restores the previous one (nil when left alone).
func collectLessAtStart(userGOGC string) *time.Timer {
	if userGOGC != "" {
		return nil
	}
	old := debug.SetGCPercent(startupGCPercent)
	return time.AfterFunc(startupPeriod, func() { debug.SetGCPercent(old) })
}

// Transcript collection: a transcript's quiet conversations are kept packed
// in byte slices, which the collector never scans, yet at the usual pace
// (GOGC=100) the heap grows by as much as they take before each collection:
// a 1M-event transcript held twice its live heap. While a transcript is
// read, after each collection the memory limit is set to the memory in use
// but for the heap's objects, plus the live heap, plus what a collection
// scans, or scanFloor if more: the heap grows by what a collection costs,
// as it would without the packed bytes. (A 1M-event transcript: with 16
// MiB, collected twice as often as at the usual pace, for a sixth more CPU;
// with 24 MiB, a quarter more often, but its peak RSS went from 97 to 102
// MiB on a busy machine, whose slow marking lets the heap overshoot; with
// 20 MiB, half as often again, 91 MiB.) The limit only ever lowers the
// usual pace's goal. A GOGC or GOMEMLIMIT the user set is left alone.
const scanFloor = 20 << 20

var pacing struct {
	sync.Mutex
	readers int   // transcripts being read
	limit   int64 // the memory limit before the first
	armed   bool  // a finalizer waits for the next collection
}

// paceByScannedHeap applies the transcript pace until the returned func is
// called; transcripts read at the same time share it.
func paceByScannedHeap(userGOGC, userLimit string) (done func()) {
	if userGOGC != "" || userLimit != "" {
		return func() {}
	}
	pacing.Lock()
	defer pacing.Unlock()
	if pacing.readers++; pacing.readers == 1 {
		pacing.limit = debug.SetMemoryLimit(-1)
		if !pacing.armed {
			armPacing()
		}
	}
	return func() {
		pacing.Lock()
		defer pacing.Unlock()
		if pacing.readers--; pacing.readers == 0 {
			debug.SetMemoryLimit(pacing.limit)
		}
	}
}

// armPacing sets the limit at the end of the next collection, and so on
// while transcripts are read: a finalizer runs once the collector has found
// its object unreachable. pacing is locked.
func armPacing() {
	pacing.armed = true
	runtime.SetFinalizer(&struct{ _ *int }{}, func(any) {
		pacing.Lock()
		defer pacing.Unlock()
		pacing.armed = false
		if pacing.readers > 0 {
			debug.SetMemoryLimit(scannedLimit())
			armPacing()
		}
	})
}

// scannedLimit is the memory in use but for the heap's objects, plus the
// live heap, plus what a collection scans.
func scannedLimit() int64 {
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"},
		{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"},
		{Name: "/gc/scan/heap:bytes"}, {Name: "/gc/scan/stack:bytes"}, {Name: "/gc/scan/globals:bytes"}}
	metrics.Read(s)
	v := func(i int) int64 { return int64(s[i].Value.Uint64()) }
	other := v(0) - v(1) - v(2)
	return other + v(3) + max(v(4)+v(5)+v(6), scanFloor)
}
