package main

import (
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

// TestCollectLessAtStart checks the start-up pace is applied and then
// undone, and that a GOGC the user set is not touched.
func TestCollectLessAtStart(t *testing.T) {
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	if collectLessAtStart("50") != nil || gcPercent() != 100 {
		t.Fatal("changed the pace although the user set GOGC")
	}
	start := time.Now()
	timer := collectLessAtStart("")
	if timer == nil {
		t.Fatal("no start-up pace")
	}
	if got := gcPercent(); got != startupGCPercent && time.Since(start) < startupPeriod {
		t.Fatalf("GC percent %d during start-up, want %d", got, startupGCPercent)
	}
	for deadline := time.Now().Add(10 * time.Second); gcPercent() != 100; time.Sleep(startupPeriod / 4) {
		if time.Now().After(deadline) {
			t.Fatalf("GC percent still %d long after start-up", gcPercent())
		}
	}
}
