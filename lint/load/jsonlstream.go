package load

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"runtime"
	"strings"
	"unsafe"

	"github.com/msglint/msglint/lint"
)

// streamLines is how many lines of a streamed export make one batch: enough
// that handing a batch on costs little next to reading and checking it, few
// enough that a batch is checked on one core.
const streamLines = 256

// StreamJSONL reads a JSONL export in batches of up to batch lines, so a
// file of any size is read in bounded memory: each message keeps only its own batch's
// lines, and a line may be as long as the message size cap. The batches are
// read on every core and given to each in file order. A line that cannot be
// read is an error naming it; the lines after it are still read.
func (o Options) StreamJSONL(path string, r io.Reader, batch int, each func([]*lint.Message)) (int, error) {
	return streamJSONL(o, path, r, batch, func(ms []*lint.Message) []*lint.Message { return ms },
		func(ms []*lint.Message) bool { each(ms); return false }) // each may keep them
}

// checkJSONL streams an export with the work on each batch (checking it)
// done on every core too; done gets each batch's result in file order.
func checkJSONL(o Options, path string, r io.Reader, check func([]*lint.Message) []lint.Finding, done func([]lint.Finding) bool) (int, error) {
	return streamJSONL(o, path, r, streamLines, check, done)
}

// lineBatch is a run of an export's lines on its way through streamJSONL.
type lineBatch[T any] struct {
	text  string    // the lines' bytes, as a string too, which messages cut theirs from
	data  []byte    // the lines, one after another
	lines []rawLine // where each line is in data, and its number
	prev  *lineBatch[T]

	msgs   []*lint.Message
	room   *batchRoom // where msgs are made
	errs   []error    // on the batch's lines, in line order
	total  int        // messages up to and including this batch's
	parsed chan struct{}
	out    T
	done   chan struct{}
}

// batchRoom is where a batch's messages and their sources are made, in
// two slices, not two allocations a line; once done says the batch is done
// with, its room is taken by a later batch, cleared, and its messages made
// again there. Made afresh for each batch, they were two thirds of the
// bytes a streamed export's reading allocated (a Message is near 600 bytes,
// its Source 100, its line 200), and so of the collections it caused.
type batchRoom struct {
	msgs []lint.Message
	srcs []lint.Source
	used int // how many of each a batch made: cleared before the next
}

// takeRoom returns room for n messages and their sources, cleared, from free
// when it holds one large enough.
func takeRoom(free chan *batchRoom, n int) *batchRoom {
	select {
	case r := <-free:
		if cap(r.msgs) >= n {
			clear(r.msgs[:r.used])
			clear(r.srcs[:r.used])
			r.msgs, r.srcs, r.used = r.msgs[:n], r.srcs[:n], n
			return r
		}
	default:
	}
	return &batchRoom{msgs: make([]lint.Message, n), srcs: make([]lint.Source, n), used: n}
}

// rawLine is one non-blank line of a batch, or an error instead of it.
type rawLine struct {
	start, end, n int
	err           error
}

// streamJSONL is a pipeline: one goroutine reads lines into batches; on
// every core a worker parses a batch's lines into messages, numbers them
// once the batch before it is parsed (a blank or bad line is not a message,
// so "#n" counts messages, not lines), and runs work on them; the caller's
// goroutine gives each batch's result to done, and its errors to the
// result, in file order. At most a few batches a core are under way, so
// memory stays flat.
func streamJSONL[T any](o Options, path string, r io.Reader, batch int, work func([]*lint.Message) T, done func(T) (free bool)) (int, error) {
	workers := runtime.GOMAXPROCS(0)
	jobs := make(chan *lineBatch[T], workers)
	ordered := make(chan *lineBatch[T], 2*workers)
	// The rooms of batches done with, for the batches after: as many as
	// can be under way at once.
	free := make(chan *batchRoom, 4*workers)
	go func() {
		defer close(ordered)
		defer close(jobs)
		readBatches(o, path, r, max(batch, 1), func(b *lineBatch[T]) {
			ordered <- b
			jobs <- b
		})
	}()
	for range workers {
		go func() {
			var nodes Nodes // each line's tree, made in the memory of the one before
			for b := range jobs {
				b.room = takeRoom(free, len(b.lines))
				parseBatch(o, path, b, &nodes)
				b.out = work(b.msgs)
				close(b.done)
			}
		}()
	}
	p := problems{path: path}
	total := 0
	for b := range ordered {
		<-b.done
		for _, err := range b.errs {
			p.add(err)
		}
		total = b.total
		if done(b.out) {
			select {
			case free <- b.room:
			default:
			}
		}
		b.room, b.msgs = nil, nil
	}
	return total, p.err()
}

// readBatches reads lines into batches of up to size lines each and hands
// them on in file order. A line over the message size cap, or one that
// cannot be read, is an error in its place; reading stops at the latter.
func readBatches[T any](o Options, path string, r io.Reader, size int, send func(*lineBatch[T])) {
	lines := LineReader{R: bufio.NewReaderSize(r, 64<<10), Max: int(o.maxMessage())}
	var prev *lineBatch[T]
	var b *lineBatch[T]
	// The lines are gathered in buf, made for each batch with room for
	// the last batch's bytes and an eighth more (a batch's data grown by
	// appends was made several times over), and handed on as the batch's
	// data, which nothing writes: its text, the same bytes, is read from
	// them in place. Copied out at its size, and copied again as a
	// string, each line's bytes were moved three times.
	var buf []byte
	room := 4 << 10
	flush := func() {
		if b == nil {
			return
		}
		b.data, b.text = buf, unsafe.String(unsafe.SliceData(buf), len(buf))
		room = max(len(buf)+len(buf)/8, 4<<10)
		buf = nil
		b.prev, prev = prev, b
		send(b)
		b = nil
	}
	for n := 1; ; n++ {
		line, err := lines.Next()
		if err == io.EOF {
			break
		}
		if b == nil {
			b = &lineBatch[T]{lines: make([]rawLine, 0, size), parsed: make(chan struct{}), done: make(chan struct{})}
			buf = make([]byte, 0, room)
		}
		switch {
		case err == ErrLongLine:
			msg := fmt.Sprintf("line is longer than the message size cap of %s (max_message_size)", lint.Size(lines.Max))
			b.lines = append(b.lines, rawLine{n: n, err: &lint.InputError{Path: path, Line: n, Msg: msg}})
		case err != nil:
			b.lines = append(b.lines, rawLine{n: n, err: &lint.InputError{Path: path, Line: n, Msg: "cannot read: " + err.Error()}})
			flush()
			return
		case len(bytes.TrimSpace(line)) > 0:
			start := len(buf)
			buf = append(buf, line...)
			b.lines = append(b.lines, rawLine{start: start, end: len(buf), n: n})
		}
		if len(b.lines) == size {
			flush()
		}
	}
	flush()
}

// parseBatch reads a batch's lines into messages, each with a source of
// its own line, and numbers them after the batch before it; each line's
// tree is made in nodes, reset after the line is read.
func parseBatch[T any](o Options, path string, b *lineBatch[T], nodes *Nodes) {
	def := o.defaults()
	b.msgs = make([]*lint.Message, 0, len(b.lines))
	msgs, srcs := b.room.msgs, b.room.srcs
	for i, l := range b.lines {
		if l.err != nil {
			b.errs = append(b.errs, l.err)
			continue
		}
		line := b.data[l.start:l.end:l.end]
		src := &srcs[i]
		src.Path, src.Data, src.Line0, src.Unsafe = path, line, l.n-1, jsonUnsafe
		m, err := o.jsonlLineInto(nodes, doc{src}, line, b.text[l.start:l.end], 0, l.n, def, &msgs[i])
		nodes.Reset()
		if err != nil {
			b.errs = append(b.errs, err)
			continue
		}
		b.msgs = append(b.msgs, m)
	}
	before := 0
	if b.prev != nil {
		<-b.prev.parsed
		before = b.prev.total
		b.prev = nil
	}
	b.total = before + len(b.msgs)
	close(b.parsed)
	for k, m := range b.msgs {
		// Blank or bad lines were skipped: number messages, not lines.
		if n, total := m.Source.Line0+1, before+k+1; n != total {
			m.ID = strings.Replace(m.ID, fmt.Sprintf("#%d", n), fmt.Sprintf("#%d", total), 1)
		}
	}
}
