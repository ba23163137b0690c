package main

import (
	"runtime/debug"
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
