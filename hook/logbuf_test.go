package hook

import (
	"bytes"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a writer the test reads while the buffer writes to it.
type lockedBuffer struct {
	mu     sync.Mutex
	b      bytes.Buffer
	writes int
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.writes++
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// Info lines wait for the interval and go out together; a warning goes out
// at once with the lines before it; a full buffer is written without
// waiting; Close writes the rest; no line is lost or cut, whatever the
// goroutines writing at once.
func TestLogBuffer(t *testing.T) {
	out := &lockedBuffer{}
	b := NewLogBuffer(out, time.Hour)
	log := slog.New(b.Handler(slog.NewJSONHandler(b, nil), slog.LevelWarn))
	log.Info("first")
	log.Info("second")
	if got := out.String(); got != "" {
		t.Fatalf("info lines written before the interval: %q", got)
	}
	log.Warn("third")
	if got := out.String(); strings.Count(got, "\n") != 3 || !strings.Contains(got, `"msg":"first"`) || out.writes != 1 {
		t.Fatalf("a warning did not write the lines kept, in one write: %d writes, %q", out.writes, got)
	}
	// With attributes the handler still writes warnings at once.
	log.With("request_id", "r1").Error("fourth")
	if got := out.String(); !strings.Contains(got, `"msg":"fourth","request_id":"r1"`) {
		t.Fatalf("an error with attributes waited: %q", got)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 2000 {
				log.Info("line", "g", g, "i", i)
			}
		})
	}
	wg.Wait()
	if n := strings.Count(out.String(), "\n"); n <= 4 {
		t.Fatalf("a full buffer was not written before Close: %d lines", n)
	}
	b.Close()
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 4+8*2000 {
		t.Fatalf("%d lines after Close, want %d", len(lines), 4+8*2000)
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, `{"time":`) || !strings.HasSuffix(l, "}") {
			t.Fatalf("a line cut or mixed: %q", l)
		}
	}
}

// The timer writes info lines without a warning or Close.
func TestLogBufferInterval(t *testing.T) {
	out := &lockedBuffer{}
	b := NewLogBuffer(out, 10*time.Millisecond)
	defer b.Close()
	slog.New(slog.NewJSONHandler(b, nil)).Info("waiting")
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(out.String(), `"msg":"waiting"`) {
		if time.Now().After(deadline) {
			t.Fatal("the line was never written")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// A second Close is harmless, and a line written after Close (a request
// still finishing while the server shuts down) is written at once, not kept.
func TestLogBufferAfterClose(t *testing.T) {
	var out lockedBuffer
	b := NewLogBuffer(&out, time.Hour)
	if _, err := b.Write([]byte("before\n")); err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Write([]byte("after\n")); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != "before\nafter\n" {
		t.Errorf("written %q, want %q", got, "before\nafter\n")
	}
}

// The request line JSONHandler writes itself is the line slog's JSON
// handler writes for the same record; a value that needs escaping, a
// handler with attributes or a level above info leaves it to the handler.
func TestRequestLine(t *testing.T) {
	times := []time.Time{time.Now(), time.Date(2026, 11, 30, 13, 2, 7, 0, time.UTC), time.Date(2026, 1, 2, 3, 4, 5, 120000000, time.FixedZone("x", 3*3600+1800))}
	cases := []struct {
		id, method, path string
		status           int
		us               int64
		fast             bool
	}{
		{"0123456789abcdef", "POST", "/v1/check", 200, 57, true},
		{"req-<&>~ 1", "GET", "/metrics", 503, 0, true},
		{"a\"b", "POST", "/v1/check", 200, 1, false},
		{"id", "POST", "/v1/ch\\eck", 400, 12345678, false},
		{"id", "POST", "/v1/çheck", 404, -1, false},
		{"id\x7f", "PUT", "/", 405, 3, false},
	}
	for _, tm := range times {
		for _, c := range cases {
			var want, got bytes.Buffer
			wb := NewLogBuffer(&want, time.Hour)
			slog.New(wb.JSONHandler(slog.LevelInfo, slog.LevelWarn)).Handler().Handle(t.Context(), func() slog.Record {
				r := slog.NewRecord(tm, slog.LevelInfo, "request", 0)
				r.AddAttrs(slog.String("request_id", c.id), slog.String("method", c.method), slog.String("path", c.path), slog.Int("status", c.status), slog.Int64("duration_us", c.us))
				return r
			}())
			wb.Close()
			gb := NewLogBuffer(&got, time.Hour)
			h := slog.New(gb.JSONHandler(slog.LevelInfo, slog.LevelWarn)).Handler().(flushing)
			if fast := h.requestLine(tm, c.id, c.method, c.path, c.status, c.us); fast != c.fast {
				t.Errorf("%+v: fast path %v, want %v", c, fast, c.fast)
			}
			gb.Close()
			if c.fast && got.String() != want.String() {
				t.Errorf("%+v:\n got %s\nwant %s", c, got.String(), want.String())
			}
		}
	}
	b := NewLogBuffer(&bytes.Buffer{}, time.Hour)
	defer b.Close()
	if h := b.JSONHandler(slog.LevelInfo, slog.LevelWarn).WithAttrs([]slog.Attr{slog.String("k", "v")}).(flushing); h.requestLine(time.Now(), "id", "GET", "/", 200, 1) {
		t.Error("a handler with attributes took the fast path")
	}
	if h := b.JSONHandler(slog.LevelInfo, slog.LevelInfo).(flushing); h.requestLine(time.Now(), "id", "GET", "/", 200, 1) {
		t.Error("a handler that flushes info lines took the fast path")
	}
}
