package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"time"

	"github.com/msglint/msglint/lint/dict"
)

// Collection with headroom: a check's live heap is small (the rule data,
// the dictionary chunks read, one file's messages and findings) and every
// message leaves garbage, so at the usual pace (GOGC=100: collect once the
// heap has doubled) a check of 20 000 messages collected three to seven
// times, each a fifth slower while it marked, and a start-up of a few tens
// of milliseconds collected while the rule data was read, with almost
// nothing yet to free: a fifth of the CPU of such a check went to the
// collector. As the hook does while it serves (paceFor), the heap may grow
// by serveHeadroom past what the last collection found live, or double when
// that is larger; the pace follows the live heap after each collection.
// While a transcript is read its own pace applies (paceByScannedHeap). A
// GOGC the user set is left alone.
func collectWithHeadroom(userGOGC string) (stop func()) {
	if userGOGC != "" {
		return func() {}
	}
	old := debug.SetGCPercent(paceFor(0))
	headroom.Store(true)
	armHeadroom()
	return func() {
		headroom.Store(false)
		debug.SetGCPercent(old)
	}
}

// headroom is whether the pace follows the live heap (collectWithHeadroom).
var headroom atomic.Bool

// armHeadroom sets the pace for the live heap at the end of the next
// collection, and so on while headroom is on: a finalizer runs once the
// collector has found its object unreachable.
func armHeadroom() {
	runtime.SetFinalizer(&struct{ _ *int }{}, func(any) {
		if !headroom.Load() {
			return
		}
		pacing.Lock()
		reading := pacing.readers > 0
		pacing.Unlock()
		if !reading {
			debug.SetGCPercent(checkPace(gcBase()))
		}
		releasePages()
		armHeadroom()
	})
}

// Files read whole: a check keeps every message of a file it read whole,
// and their findings, until the report is written, so a collection while
// it checks finds nearly all of the heap live, marks it all and frees
// little (a 20 000-message text file: one collection, at 61 MB, found 44
// MB live, and took a sixth of the check's CPU). While headroom is on, the
// heap may grow past the live heap by the headroom and by wholeFactor
// times the bytes of the files read whole so far, up to wholeHeadroom
// more: a check of a file of a few MB is not collected at all, and a
// larger one as before once the heap is past that.
const (
	// wholeFactor is about what a check allocates for each byte of a
	// file it reads whole (22 to 24 for the generated text files and
	// JSONL exports: the messages, their findings, what the rules made).
	wholeFactor = 24
	// wholeHeadroom is the most the files read whole add to the headroom.
	wholeHeadroom = 128 << 20
)

// wholeBytes is the size of the files the check read whole so far.
var wholeBytes atomic.Int64

// readWhole is load.Run.Whole: the headroom grows with a file read whole,
// from now on (checkPace).
func readWhole(size int64) {
	if size <= 0 || !headroom.Load() {
		return
	}
	if wholeBytes.Add(size)-size >= wholeHeadroom/wholeFactor {
		return // the headroom was at its most already
	}
	pacing.Lock()
	reading := pacing.readers > 0
	pacing.Unlock()
	if !reading {
		debug.SetGCPercent(checkPace(gcBase()))
	}
}

// checkPace is paceFor with the headroom of the files read whole.
func checkPace(base uint64) int {
	room := uint64(serveHeadroom) + min(uint64(wholeBytes.Load())*wholeFactor, wholeHeadroom)
	return max(100, int(room*100/max(base, 4<<20)))
}

// Transcript collection: a transcript's quiet conversations are kept packed
// in byte slices, which the collector never scans, yet at the usual pace
// (GOGC=100) the heap grows by as much as they take before each collection:
// a 1M-event transcript held twice its live heap. While a transcript is
// read, after each collection the memory limit is set to the memory in use
// but for the heap's objects and its free pages, plus the live heap, plus
// what a collection scans, or scanFloor if more: the heap grows by what a
// collection costs, as it would without the packed bytes. (The free pages
// counted in, the limit rose by whatever the heap had once held and freed,
// and the heap grew into it: some 25 MB of a 1M-event transcript's peak.
// Counted out, the runtime hands them back to stay under the limit: the
// peak went from 111-117 to about 100 MiB, for no more CPU we could see.) (A 1M-event transcript: with 16
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
		// The usual pace, under the limit set after each collection: the
		// headroom would let the heap grow to the limit every time.
		debug.SetGCPercent(100)
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
			releasePages()
			armPacing()
		}
	})
}

// scannedLimit is the memory in use but for the heap's objects and free
// pages, plus the live heap, plus what a collection scans.
func scannedLimit() int64 {
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"},
		{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"},
		{Name: "/gc/scan/heap:bytes"}, {Name: "/gc/scan/stack:bytes"}, {Name: "/gc/scan/globals:bytes"},
		{Name: "/memory/classes/heap/free:bytes"}}
	metrics.Read(s)
	v := func(i int) int64 { return int64(s[i].Value.Uint64()) }
	other := v(0) - v(1) - v(2) - v(7)
	return other + v(3) + max(v(4)+v(5)+v(6), scanFloor)
}

// Pages of the binary: its code, its read-only data and the spelling lists
// (read where they lie, in its data) are mapped from its file, and a long
// check touches most of their pages, 30 MB of them, the code's and the
// read-only data's mostly as it starts, the lists' over time, while a
// second of it reads a few MB. After a collection, at most once each
// pageRelease, the lists' pages are handed back (dict.ReleasePages), and
// at most once each readOnlyRelease the code's and read-only data's
// (releaseReadOnly): the resident memory holds the pages read since. The
// code a check runs all the time is mapped back in after each release,
// hence less often: released with the lists every 200 ms, a 1M-event
// transcript made twice the page faults; every 5 s, a third more (39 000,
// not 29 000), and its file-mapped pages at the peak were 20 MB, not 31.
const (
	pageRelease     = 200 * time.Millisecond
	readOnlyRelease = 5 * time.Second
)

var lastPageRelease, lastReadOnlyRelease atomic.Int64

// releasePages hands the binary's pages back where their time has come.
func releasePages() {
	now := time.Now().UnixNano()
	if due(&lastPageRelease, now, pageRelease) {
		dict.ReleasePages()
	}
	if due(&lastReadOnlyRelease, now, readOnlyRelease) {
		releaseReadOnly()
	}
}

// due reports whether every has passed since last, and if so sets it to
// now; of callers at the same time one is told so.
func due(last *atomic.Int64, now int64, every time.Duration) bool {
	l := last.Load()
	return now-l >= int64(every) && last.CompareAndSwap(l, now)
}
