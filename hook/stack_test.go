package hook

import (
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// burn calls f under about kb kilobytes of frames of its own.
//
//go:noinline
func burn(kb int, f func()) byte {
	var pad [1000]byte
	pad[kb%len(pad)] = byte(kb)
	if kb <= 0 {
		f()
		return pad[1]
	}
	return burn(kb-1, f) + pad[kb%7]
}

// TestCheckStack holds a check (its draft cached, its conversation known)
// to a stack a connection's goroutine holds in 16 KiB with 8 KiB of frames
// under it (net/http's are under 2): a goroutine whose stack a collection
// shrank grows it back to 16 KiB, not to 32 KiB, copying it once.
func TestCheckStack(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector's frames are larger")
	}
	logs := NewLogBuffer(io.Discard, time.Second)
	defer logs.Close()
	srv := newHarness(t, func(c *Config) { c.Logger = slog.New(logs.JSONHandler(slog.LevelInfo, slog.LevelWarn)) }).srv
	for i := range 10 {
		ev := fmt.Sprintf(`{"time":"2026-11-23T09:59:00Z","conversation":"c-%d","channel":"messenger","direction":"in","actor":"customer","type":"message","text":"hello"}`, i)
		req := httptest.NewRequest("POST", "/v1/events", strings.NewReader(ev))
		req.Header.Set("Authorization", "Bearer "+token)
		srv.ServeHTTP(httptest.NewRecorder(), req)
	}
	body := `{"conversation":"c-%d","channel":"messenger","message":{"text":"Hi Ayşe! Your order #4411 has shipped and will arrive tomorrow. Track it here: https://example.com/t/4411. Thanks for shopping with us!","lang":"en","quick_replies":["Track order","Talk to us"]}}`
	check := func(i int) {
		req := httptest.NewRequest("POST", "/v1/check", strings.NewReader(fmt.Sprintf(body, i%10)))
		req.Header.Set("Authorization", "Bearer "+token)
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, req)
		if w.Code != 200 {
			t.Error(w.Body.String())
		}
	}
	for i := range 10 {
		check(i) // the draft is cached the second time it is seen
	}
	const n = 100
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	before := ms.StackInuse
	var wg, ready sync.WaitGroup
	stop := make(chan struct{})
	ready.Add(n)
	for i := range n {
		wg.Go(func() { burn(8, func() { check(i) }); ready.Done(); <-stop })
	}
	ready.Wait()
	runtime.ReadMemStats(&ms)
	close(stop)
	wg.Wait()
	if per := (int64(ms.StackInuse) - int64(before)) / n; per > 24<<10 {
		t.Errorf("a check under 8 KiB of frames left its goroutine %d bytes of stack, want 16 KiB", per)
	}
}
