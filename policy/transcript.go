package policy

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unsafe"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
)

// A transcript is read on one goroutine and judged on all cores, a batch
// of events at a time: the reader gives each conversation's events of the
// batch to one worker (the one with the fewest so far), which judges them
// in order; the batch's findings are then given out in the order of the
// events, as one goroutine would have made them.
// While the workers judge a batch, the next one is parsed and read.

// convKey names a conversation of a transcript: its channel and its id.
type convKey struct {
	ch lint.Channel
	id string
}

// conv is a conversation of a transcript: its state, or once it has been
// quiet for a while, the state frozen, both its worker's alone (the reader
// makes the state when the conversation begins, before the worker sees it);
// and what the reader needs to know of it without touching the state.
type conv struct {
	st   *State
	cold []byte
	// The reader's: the number of its latest event; its worker, chosen
	// for the batch numbered batch; whether it is among the hot (not
	// frozen, nor to be).
	used          int
	worker, batch int
	hot           bool
	// last is the time of its latest event, and on which line.
	last     time.Time
	lastLine int
}

var (
	// convChunk is how many conversations one block of a transcript's
	// holds: they are kept in blocks, which never move, rather than each
	// on its own; the ends are judged a block a worker.
	convChunk = 4096
	// quietAfter is how many events of a transcript may pass without one
	// of a conversation before its state is frozen.
	quietAfter = 4096
	// batchSize is how many events are read before they are judged.
	batchSize = 1024
	// workers is how many goroutines judge the conversations.
	workers = runtime.GOMAXPROCS(0)
)

// queued is an event of a batch, waiting for its conversation's worker:
// its findings are from:to of the worker's.
type queued struct {
	e        Event
	cv       *conv
	worker   int
	from, to int
}

// transcript is one transcript being read.
type transcript struct {
	c   *Checker
	out *run   // where findings go, in order
	ws  []*run // each worker's findings of the batch
	// convs are the conversations by channel and id.
	convs map[lint.Channel]map[string]*conv
	// began are the conversations in the order they began, in which their
	// ends are judged, in blocks of convChunk; hot are those not frozen,
	// and freezing those each worker freezes before it judges the batch.
	began    [][]conv
	hot      []*conv
	freezing [][]*conv
	// customers are where each customer first wrote, so that a later
	// conversation of theirs knows them.
	customers map[string]firstWrote
	// batch are the events read, judging those the workers are judging
	// (judged is done when they are).
	batch, judging []queued
	judged         sync.WaitGroup
	// spare is room for a batch, once its findings are given out.
	spare  []queued
	events int
	// batches is how many batches were given to the workers, and load how
	// many events of the batch read each worker has.
	batches int
	load    []int

	// lines are the lines of a batch, parsed into parsed, each worker's
	// share of them with its nodes.
	lines  []numbered
	parsed []parsedLine
	nodes  []load.Nodes
}

// numbered is a line of a transcript, its number, and where it starts
// plus one (0: unknown). The line is the reader's own copy, which nothing
// changes.
type numbered struct {
	line []byte
	n    int
	at   int64
}

// text is the line as a string over the same bytes, which the event's
// strings and its message's text are cut from, so that the line is not
// copied a second time.
func (l numbered) text() string { return unsafe.String(unsafe.SliceData(l.line), len(l.line)) }

type parsedLine struct {
	e   Event
	err error
}

type firstWrote struct {
	conv convKey
	at   time.Time
	line int
}

// events reads a transcript's events with each; source, when not nil,
// holds the transcript's bytes to read an earlier line again.
func (c *Checker) events(path string, source io.ReaderAt, sink Sink, each func(*transcript) error) (Result, error) {
	res := Result{Stats: newStats()}
	t := &transcript{c: c, out: &run{path: path, sink: sink, stats: res.Stats, source: source}, convs: map[lint.Channel]map[string]*conv{}, customers: map[string]firstWrote{}}
	for range max(1, workers) {
		t.ws = append(t.ws, &run{path: path, stats: newStats(), source: source})
	}
	t.nodes, t.freezing, t.load = make([]load.Nodes, len(t.ws)), make([][]*conv, len(t.ws)), make([]int, len(t.ws))
	err := each(t)
	// The events before an error are judged, as they were read.
	t.flush()
	t.wait()
	for _, w := range t.ws {
		if err == nil {
			err = w.failed
		}
	}
	if err != nil {
		return Result{}, err
	}
	t.end()
	for _, w := range t.ws {
		res.Stats.Merge(w.stats)
	}
	res.Events = t.events
	res.Findings = t.out.found
	lint.SortFindings(res.Findings)
	return res, nil
}

// read takes the next event into the batch, refusing one that goes back
// in its conversation's time.
func (t *transcript) read(e Event) error { return t.readEvent(&e) }

// readEvent is read with the event where it was parsed, copied once, into
// the batch.
func (t *transcript) readEvent(e *Event) error {
	t.events++
	k := convKey{e.Channel, e.Conversation}
	byID := t.convs[k.ch]
	if byID == nil {
		byID = map[string]*conv{}
		t.convs[lint.Channel(strings.Clone(string(k.ch)))] = byID
	}
	v := byID[k.id]
	switch {
	case v == nil:
		// The map and the state outlive the line the id was cut from.
		k.id = strings.Clone(k.id)
		v = t.begin(conv{st: &State{ID: k.id, Channel: e.Channel, FirstLine: e.line()}, hot: true})
		byID[k.id] = v
		t.hot = append(t.hot, v)
		if f, ok := t.customers[e.User]; ok && e.User != "" && f.conv != k {
			v.st.Earlier, v.st.EarlierLine = f.at, f.line
		}
		t.out.stats.conversation(e.Channel)
	case !v.hot:
		// Frozen, or to be before its worker judges this event: the
		// worker thaws it then.
		v.hot = true
		t.hot = append(t.hot, v)
	}
	v.used = t.events
	if e.Time.Before(v.last) {
		return &lint.InputError{Path: t.out.path, Line: e.Line, Msg: fmt.Sprintf("time %s is earlier than the conversation's event on line %d (%s)",
			e.RawTime, v.lastLine, v.last.Format(time.RFC3339))}
	}
	v.last, v.lastLine = e.Time, e.Line
	if e.User != "" && e.Direction == In {
		if _, ok := t.customers[e.User]; !ok {
			t.customers[strings.Clone(e.User)] = firstWrote{convKey{k.ch, k.id}, e.Time, e.line()}
		}
	}
	// A conversation is judged on one worker within a batch, in order, but
	// may move to another between batches: each batch's events are shared
	// out evenly.
	if v.batch != t.batches+1 {
		v.batch, v.worker = t.batches+1, leastLoaded(t.load)
	}
	t.load[v.worker]++
	t.batch = append(t.batch, queued{e: *e, cv: v, worker: v.worker})
	return nil
}

// begin keeps a conversation that began.
func (t *transcript) begin(v conv) *conv {
	n := len(t.began)
	if n == 0 || len(t.began[n-1]) == convChunk {
		t.began = append(t.began, make([]conv, 0, convChunk))
		n++
	}
	block := &t.began[n-1]
	*block = append(*block, v)
	return &(*block)[len(*block)-1]
}

// leastLoaded is the worker with the fewest events.
func leastLoaded(load []int) int {
	w := 0
	for i, n := range load {
		if n < load[w] {
			w = i
		}
	}
	return w
}

// readLines parses the batch's lines on all cores, each worker a share of
// them in a row, then reads their events in order and judges them; the
// first line that cannot be read stops it, after the events before it.
func (t *transcript) readLines() error {
	if len(t.lines) == 0 {
		return nil
	}
	t.parsed = slices.Grow(t.parsed[:0], len(t.lines))[:len(t.lines)]
	nodes := t.nodes
	share := (len(t.lines) + len(nodes) - 1) / len(nodes)
	parse := func(w int) {
		for i := w * share; i < min((w+1)*share, len(t.lines)); i++ {
			l, p := t.lines[i], &t.parsed[i]
			p.e, p.err = parseEvent(nodes[w].ParseText(t.out.path, l.line, l.text(), l.n-1))
			e := &p.e
			e.Origin, e.Line, e.Raw, e.at = TranscriptLine, l.n, l.line, l.at
			if p.err != nil {
				p.err = &lint.InputError{Path: t.out.path, Line: l.n, Msg: p.err.Error()}
			} else {
				// The message of its text is made here, on all cores, so
				// that the parsed line need not be kept: a message is a
				// fraction of its tree's memory, and the rules read one
				// of nearly every event with a text.
				e.msg, e.made = t.c.message(e), true
			}
			e.parsed = load.JSONLine{}
			nodes[w].Reset()
		}
	}
	if len(nodes) == 1 {
		parse(0)
	} else {
		var wg sync.WaitGroup
		for w := range nodes {
			wg.Go(func() { parse(w) })
		}
		wg.Wait()
	}
	var err error
	for i := range t.parsed {
		if err = t.parsed[i].err; err == nil {
			err = t.readEvent(&t.parsed[i].e)
		}
		if err != nil {
			break
		}
	}
	clear(t.parsed)
	clear(t.lines)
	t.lines = t.lines[:0]
	t.flush()
	return err
}

// flush waits for the batch being judged, has the workers freeze the
// conversations gone quiet by its end and judge the batch read since, and
// meanwhile gives out the findings of the batch judged: packing and
// unpacking states, and writing findings, are done while the workers work.
func (t *transcript) flush() {
	done := t.finished()
	// Not the conversations of the batch read: their events hold them.
	t.freezeQuiet(t.events - len(t.batch) - quietAfter)
	if len(t.batch) > 0 || slices.ContainsFunc(t.freezing, func(f []*conv) bool { return len(f) > 0 }) {
		t.judging, t.batch = t.batch, t.judging
		t.batches++
		clear(t.load)
		for w := range t.ws {
			t.judged.Go(func() { t.work(w) })
		}
	}
	t.give(done)
}

// wait waits for the batch being judged and gives out its findings.
func (t *transcript) wait() { t.give(t.finished()) }

// finished waits for the batch being judged and returns it; its findings
// are the workers' previous, and the workers' found and the batch being
// judged are empty again.
func (t *transcript) finished() []queued {
	t.judged.Wait()
	for _, w := range t.ws {
		w.found, w.previous = w.previous, w.found
	}
	for w := range t.freezing {
		clear(t.freezing[w])
		t.freezing[w] = t.freezing[w][:0]
	}
	done := t.judging
	t.judging, t.spare = t.spare, nil
	return done
}

// give gives out the findings of a batch finished in the order of its
// events, and keeps its room for another.
func (t *transcript) give(done []queued) {
	for i := range done {
		q := &done[i]
		for _, f := range t.ws[q.worker].previous[q.from:q.to] {
			t.out.emit(f)
		}
	}
	for _, w := range t.ws {
		clear(w.previous)
		w.previous = w.previous[:0]
	}
	clear(done)
	t.spare = done[:0]
}

// work freezes worker w's conversations gone quiet, and judges the
// batch's events of its conversations, thawing those frozen.
func (t *transcript) work(w int) {
	r := t.ws[w]
	for _, v := range t.freezing[w] {
		if v.st != nil {
			r.scratch = freeze(r.scratch[:0], v.st)
			v.st, v.cold = nil, bytes.Clone(r.scratch)
		}
	}
	for i := range t.judging {
		q := &t.judging[i]
		if q.worker != w {
			continue
		}
		v := q.cv
		if v.st == nil {
			v.st, v.cold = thaw(v.cold), nil
		}
		v.st.Last, v.st.LastLine = q.e.Time, q.e.Line
		q.from = len(r.found)
		if r.text, r.memo = r.textMemo(&q.e), nil; r.text != nil {
			r.memo = &r.text.draft
		}
		t.c.event(r, v.st, &q.e)
		q.to = len(r.found)
	}
	r.text, r.memo = nil, nil
}

// freezeQuiet gives the workers the conversations to freeze whose latest
// event came at or before the event numbered before.
func (t *transcript) freezeQuiet(before int) {
	kept := t.hot[:0]
	for _, v := range t.hot {
		if v.used > before {
			kept = append(kept, v)
			continue
		}
		v.hot = false
		t.freezing[v.worker] = append(t.freezing[v.worker], v)
	}
	clear(t.hot[len(kept):])
	t.hot = kept
}

// end judges the ends of the conversations, in the order they began, on
// all cores: each worker a block of them at a time, thawing those frozen;
// the findings are then given out block by block, as one goroutine would
// have made them.
func (t *transcript) end() {
	// What reading needed is done with, and is let go before the states
	// are thawed: the ends need the conversations alone.
	t.convs, t.customers, t.hot, t.freezing = nil, nil, nil, nil
	t.batch, t.judging, t.spare, t.lines, t.parsed, t.nodes = nil, nil, nil, nil, nil, nil
	for _, r := range t.ws {
		r.scratch, r.previous, r.memos, r.seen = nil, nil, nil, nil
	}
	for first := 0; first < len(t.began); first += len(t.ws) {
		var wg sync.WaitGroup
		for w, r := range t.ws {
			if first+w == len(t.began) {
				break
			}
			block := t.began[first+w]
			wg.Go(func() {
				for i := range block {
					v := &block[i]
					if v.st == nil {
						v.st = thaw(v.cold)
					}
					t.c.finish(r, v.st)
					v.st, v.cold = nil, nil
				}
			})
		}
		wg.Wait()
		for _, r := range t.ws {
			for _, f := range r.found {
				t.out.emit(f)
			}
			clear(r.found)
			r.found = r.found[:0]
		}
		// The blocks judged are done with: their states need not wait for
		// the rest.
		clear(t.began[first:min(first+len(t.ws), len(t.began))])
	}
}
