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
