package hook

import (
	"context"
	"io"
	"log/slog"
	"strconv"
	"sync"
	"time"
)

// LogBuffer is where the hook's JSON log lines go on their way to a
// writer: a line is kept in memory and the lines reach the writer
// together, every interval or once the buffer fills, so that a request's
// line costs no write of its own. Lines at the urgent level and above
// (warnings, errors) go out at once, with the lines before them.
type LogBuffer struct {
	w     io.Writer
	limit int

	mu  sync.Mutex
	buf []byte
	// wmu orders the writes: one flush writes at a time, and a line
	// written when the buffer is full waits for it, so that a writer that
	// blocks holds up the requests as an unbuffered one would, instead of
	// the buffer growing.
	wmu   sync.Mutex
	spare []byte

	closeOnce sync.Once

	stop chan struct{}
	done chan struct{}
}

// logBufferSize is how many bytes of lines are kept before they are
// written: some hundreds of requests' lines.
const logBufferSize = 64 << 10

// NewLogBuffer keeps lines for w and writes them every interval.
func NewLogBuffer(w io.Writer, interval time.Duration) *LogBuffer {
	b := &LogBuffer{w: w, limit: logBufferSize, buf: make([]byte, 0, logBufferSize), spare: make([]byte, 0, logBufferSize),
		stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(b.done)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-b.stop:
				return
			case <-t.C:
				b.Flush()
			}
		}
	}()
	return b
}

// Write keeps a line (slog writes each record with one call).
func (b *LogBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	b.buf = append(b.buf, p...)
	full := len(b.buf) >= b.limit
	b.mu.Unlock()
	if full {
		if err := b.Flush(); err != nil {
			return 0, err
		}
	}
	return len(p), nil
}

// Flush writes the lines kept.
func (b *LogBuffer) Flush() error {
	b.wmu.Lock()
	defer b.wmu.Unlock()
	b.mu.Lock()
	out := b.buf
	b.buf = b.spare[:0]
	b.mu.Unlock()
	b.spare = out[:0]
	if len(out) == 0 {
		return nil
	}
	_, err := b.w.Write(out)
	return err
}

// Close stops the timer and writes what is kept; a line written after it
// is written at once. Closing twice is closing once.
func (b *LogBuffer) Close() error {
	b.closeOnce.Do(func() {
		close(b.stop)
		<-b.done
		b.mu.Lock()
		b.limit = 0
		b.mu.Unlock()
	})
	return b.Flush()
}

// Handler wraps a handler that writes to b, so that a record at urgent or
// above is written out before Handle returns.
func (b *LogBuffer) Handler(h slog.Handler, urgent slog.Level) slog.Handler {
	return flushing{Handler: h, buf: b, urgent: urgent}
}

// JSONHandler is Handler over slog's JSON handler (with only a level)
// writing to b. It knows the layout that handler gives a line, so the
// hook's line a request is appended to b directly, the same bytes
// without a record's attributes resolved and escaped one by one.
func (b *LogBuffer) JSONHandler(level slog.Leveler, urgent slog.Level) slog.Handler {
	return flushing{Handler: slog.NewJSONHandler(b, &slog.HandlerOptions{Level: level}), buf: b, urgent: urgent, plainJSON: true}
}

type flushing struct {
	slog.Handler
	buf    *LogBuffer
	urgent slog.Level
	// plainJSON: Handler is slog's JSON handler on buf with no options
	// but a level, and no attributes or groups added.
	plainJSON bool
}

// requestLine writes the info line of a request as slog's JSON handler
// writes a record at t, message "request", with these attributes; false
// (nothing written) when the handler is not that plain one or a value
// would need escaping, and the record is left to Handle.
func (f flushing) requestLine(t time.Time, id, method, path string, status int, us int64) bool {
	if !f.plainJSON || slog.LevelInfo >= f.urgent || !plainJSONString(id) || !plainJSONString(method) || !plainJSONString(path) {
		return false
	}
	t = t.Round(0)
	if y := t.Year(); y < 0 || y >= 10000 {
		return false
	}
	bp := lineBufs.Get().(*[]byte)
	b := append((*bp)[:0], `{"time":"`...)
	b = t.AppendFormat(b, time.RFC3339Nano)
	b = append(b, `","level":"INFO","msg":"request","request_id":"`...)
	b = append(b, id...)
	b = append(b, `","method":"`...)
	b = append(b, method...)
	b = append(b, `","path":"`...)
	b = append(b, path...)
	b = append(b, `","status":`...)
	b = strconv.AppendInt(b, int64(status), 10)
	b = append(b, `,"duration_us":`...)
	b = strconv.AppendInt(b, us, 10)
	b = append(b, "}\n"...)
	f.buf.Write(b)
	*bp = b
	lineBufs.Put(bp)
	return true
}

var lineBufs = sync.Pool{New: func() any { b := make([]byte, 0, 256); return &b }}

// plainJSONString is whether slog's JSON handler writes s as it is,
// between quotes: printable ASCII without a quote or a backslash.
func plainJSONString(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}

func (f flushing) Handle(ctx context.Context, r slog.Record) error {
	err := f.Handler.Handle(ctx, r)
	if r.Level >= f.urgent {
		if ferr := f.buf.Flush(); err == nil {
			err = ferr
		}
	}
	return err
}

func (f flushing) WithAttrs(as []slog.Attr) slog.Handler {
	return flushing{Handler: f.Handler.WithAttrs(as), buf: f.buf, urgent: f.urgent}
}

func (f flushing) WithGroup(name string) slog.Handler {
	return flushing{Handler: f.Handler.WithGroup(name), buf: f.buf, urgent: f.urgent}
}
