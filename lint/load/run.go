package load

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"

	"github.com/msglint/msglint/lint"
)

// Names of the inputs that are no file: standard input and a draft given on
// the command line. Their findings are reported under these names, and no
// fix is ever written to them.
const (
	StdinName = "<stdin>"
	DraftName = "<text>"
)

// Run checks inputs (files, folders, standard input, a draft) with a linter,
// each read in the format Formats choose for it.
type Run struct {
	Options
	Linter *lint.Linter
	// Conversations checks transcripts and webhook payloads; without it
	// they are read as message files.
	Conversations Conversations
	// Stdin is read for the path "-".
	Stdin io.Reader
	// Include and Exclude are the folder walk's globs (Expand).
	Include, Exclude []string
	// StreamMin is the size from which a file whose format can be streamed
	// is read in batches rather than whole, keeping memory flat; a streamed
	// export is not compared across messages (placeholder styles).
	StreamMin int64
	// Progress, if set, is called after each input with how many are done.
	Progress func(done, total int)
	// Scope, if set, gives the linter and options for one input: those of
	// the config nearest to it, with its overrides for it.
	Scope func(path string) (*lint.Linter, Options, error)
	// SkipOther passes over named files that hold no messages, as a folder
	// walk does, rather than reporting them: a pre-commit hook names every
	// changed file its pattern picks (a CI config, package.json).
	SkipOther bool
	// Whole, if set, is told the size of each input read whole as
	// messages, before they are made: the run keeps them, and their
	// findings, to its end (the collector's pace grows with them).
	Whole func(size int64)
}

// Check checks every input once, and draft, if not empty, as one message.
func (r *Run) Check(paths []string, draft string) lint.Result {
	inputs, walkErrs := Expand(paths, r.Include, r.Exclude)
	walked := map[string]bool{}
	names := make([]string, len(inputs))
	for i, in := range inputs {
		names[i], walked[in.Path] = in.Path, in.Walked || r.SkipOther
	}
	var progress []func(int, int)
	if r.Progress != nil {
		progress = append(progress, r.Progress)
	}
	res := r.Linter.CheckFiles(names, func(path string) (lint.Loaded, error) {
		sub, err := r.scoped(path)
		if err != nil {
			return lint.Loaded{}, err
		}
		if ld, ok, err := sub.stream(path, nil); ok {
			return ld, err
		}
		ld, err := sub.load(path, walked[path])
		ld.Linter = sub.Linter
		return ld, err
	}, progress...)
	res.Errors = append(walkErrs, once(res.Errors)...)
	if draft != "" {
		res.Findings = append(res.Findings, r.Linter.Check(r.Text(DraftName, draft))...)
		res.Messages++
		lint.SortFindings(res.Findings)
	}
	return res
}

// configError is a broken config, which keeps the inputs under it from
// being checked.
type configError struct{ err error }

func (e *configError) Error() string { return e.err.Error() }
func (e *configError) Unwrap() error { return e.err }

// once reports a broken config once, not once for each input under it,
// with how many inputs it kept from being checked.
func once(errs []error) []error {
	n := map[string]int{}
	for _, e := range errs {
		if ce := (*configError)(nil); errors.As(e, &ce) {
			n[e.Error()]++
		}
	}
	out := make([]error, 0, len(errs))
	for _, e := range errs {
		c, isConfig := n[e.Error()]
		switch {
		case !isConfig:
			out = append(out, e)
		case c > 0:
			out = append(out, fmt.Errorf("%w (%d %s not checked)", e, c, plural(c, "input", "inputs")))
			n[e.Error()] = 0
		}
	}
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// scoped is the run as it applies to one input, with the linter and
// options of its own config.
func (r *Run) scoped(path string) (*Run, error) {
	if r.Scope == nil || path == "-" {
		return r, nil
	}
	l, o, err := r.Scope(path)
	if err != nil {
		return nil, &configError{err}
	}
	sub := *r
	sub.Linter, sub.Options = l, o
	return &sub, nil
}

// Stream checks one file of at least StreamMin bytes in a format that can be
// streamed, giving findings to sink as they are made: a transcript's in
// event order (those only a conversation's end shows come last), an
// export's batch by batch, each batch sorted. ok is false for any other
// input, which the caller checks the usual way.
func (r *Run) Stream(path string, sink func(lint.Finding)) (messages int, ok bool, err error) {
	sub, err := r.scoped(path)
	if err != nil {
		return 0, false, nil // read the usual way, which reports it
	}
	ld, ok, err := sub.stream(path, sink)
	return ld.Count, ok, err
}

// stream reads a file as a stream when its format allows and it is large
// enough; findings go to sink, or without one come back in ld.
func (r *Run) stream(path string, sink func(lint.Finding)) (ld lint.Loaded, ok bool, err error) {
	f := byExt(path)
	if path == "-" || f == nil || f.Stream == nil {
		return ld, false, nil
	}
	// Stat before opening: opening a FIFO waits for a writer.
	if st, err := os.Stat(path); err != nil || st.Size() < r.StreamMin || !st.Mode().IsRegular() {
		return ld, false, nil // read whole, which says why it cannot be
	}
	file, err := os.Open(path)
	if err != nil {
		return ld, false, nil
	}
	defer file.Close()
	br := bufio.NewReaderSize(file, 64<<10)
	if r.Conversations != nil {
		if c := streamingConversation(br); c != nil {
			ld, err = c.CheckStream(r.Conversations, path, rereadable{br, file}, sink)
			return ld, true, err
		}
	}
	// Each batch is read and checked on one core, batches on all of them
	// at once; their findings come back in file order.
	var kept [][]lint.Finding // joined once at the end, at its size
	ld.Streamed = true
	ld.Count, err = f.Stream(r.Options, path, br, func(msgs []*lint.Message) []lint.Finding {
		for _, m := range msgs {
			m.Streamed = true // no file check sees them
		}
		if sink == nil {
			return r.Linter.CheckMessages(msgs)
		}
		fs := r.Linter.CheckBatch(msgs)
		lint.SortFindings(fs)
		return fs
	}, func(fs []lint.Finding) bool {
		if sink == nil {
			kept = append(kept, fs) // the run sorts them all
			return false
		}
		for _, f := range fs {
			sink(f)
		}
		lint.Recycle(fs) // written: its buffer serves a later batch
		return true      // and its messages, which no finding holds now
	})
	ld.Findings = slices.Concat(kept...)
	return ld, true, err
}

// streamingConversation peeks at a buffered input, without consuming it, and
// returns the conversation format it starts, if that format streams.
func streamingConversation(br *bufio.Reader) *Format {
	head, _ := br.Peek(64 << 10)
	if c := Conversation(head); c != nil && c.CheckStream != nil {
		return c
	}
	return nil
}

// StartsStream tells whether a buffered input, peeked at without consuming
// it, starts a conversation that is checked as it is read (a transcript).
func StartsStream(br *bufio.Reader) bool { return streamingConversation(br) != nil }

// load reads one input whole and checks a conversation, or reads messages
// for the linter. A walked file that holds no messages is skipped, with why.
func (r *Run) load(path string, walked bool) (lint.Loaded, error) {
	data, name, err := r.readInput(path)
	if err != nil {
		return lint.Loaded{}, err
	}
	f := formatOf(name, data, r.Conversations != nil)
	if f.Check != nil {
		return f.Check(r.Conversations, name, data)
	}
	if r.Whole != nil {
		r.Whole(int64(len(data)))
	}
	msgs, err := r.read(f, name, data)
	switch {
	case err != nil && walked && len(msgs) == 0 && IsNotMessages(err):
		return lint.Loaded{}, skipOf(name, err)
	case err == nil && len(msgs) == 0:
		// An empty document, a Send API body that sends no text: said,
		// never a silent file that passes.
		return lint.Loaded{}, &lint.Skip{Path: name, Reason: lint.Empty, Msg: "holds no messages"}
	}
	return lint.Loaded{Msgs: msgs}, err
}

// readInput reads a file, or standard input for "-", up to the file size
// cap. Only regular files are read: a FIFO would wait for a writer forever
// and a device such as /dev/zero never ends, so they, and symlinks to them,
// are skipped with a note.
func (r *Run) readInput(path string) ([]byte, string, error) {
	limit := r.maxFile()
	if path == "-" {
		data, over, err := readCapped(r.Stdin, limit)
		if err != nil {
			return nil, StdinName, &lint.InputError{Path: StdinName, Msg: "cannot read: " + err.Error()}
		}
		if over {
			return nil, StdinName, &lint.InputError{Path: StdinName, Msg: tooBig(limit)}
		}
		return data, StdinName, nil
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, path, &lint.InputError{Path: path, Msg: "cannot read: " + pathErr(err)}
	}
	if !st.Mode().IsRegular() {
		kind := fileKind(st.Mode())
		return nil, path, &lint.Skip{Path: path, Reason: lint.NotRegular, Detail: kind, Msg: "not a regular file (" + kind + "); skipped"}
	}
	if st.Size() > limit {
		return nil, path, &lint.Skip{Path: path, Reason: lint.TooBig, Fail: true, Msg: fmt.Sprintf("%d bytes, %s", st.Size(), tooBig(limit))}
	}
	file, err := os.Open(path)
	if err != nil {
		return nil, path, &lint.InputError{Path: path, Msg: "cannot read: " + pathErr(err)}
	}
	defer file.Close()
	data, err := readSized(file, st.Size(), limit)
	if err != nil {
		return nil, path, &lint.InputError{Path: path, Msg: "cannot read: " + pathErr(err)}
	}
	if int64(len(data)) > limit { // it grew since
		return nil, path, &lint.Skip{Path: path, Reason: lint.TooBig, Fail: true, Msg: tooBig(limit)}
	}
	return data, path, nil
}

// readSized reads a file to its end, or to just past limit, into one
// buffer of the size it had when it was looked at, and a little more to see
// its end: a file that did not change since is read with no copy, where a
// growing buffer (io.ReadAll) took about twice its size, copied over as it
// grew, all of it memory the process had not touched before.
func readSized(r io.Reader, size, limit int64) ([]byte, error) {
	buf := make([]byte, 0, min(size, limit)+512)
	lr := io.LimitReader(r, limit+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // it grew since: room for more
		}
		n, err := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// readCapped reads a stream to its end, or to just past limit (over is then
// true). It reads into chunks, larger as it goes, and joins them once at the
// end: a stream that never ends (/dev/zero) then holds about the cap, not
// the two or three times it that a growing buffer's copies would.
func readCapped(r io.Reader, limit int64) (data []byte, over bool, err error) {
	var parts [][]byte
	var total int64
	for size := int64(64 << 10); total <= limit; size = min(size*2, 4<<20) {
		buf := make([]byte, min(size, limit+1-total))
		n, err := io.ReadFull(r, buf)
		parts, total = append(parts, buf[:n]), total+int64(n)
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			break
		}
		if err != nil {
			return nil, false, err
		}
	}
	if total > limit {
		return nil, true, nil
	}
	if len(parts) == 1 {
		return parts[0], false, nil
	}
	data = make([]byte, 0, total)
	for _, p := range parts {
		data = append(data, p...)
	}
	return data, false, nil
}

func tooBig(limit int64) string {
	return fmt.Sprintf("over the file size cap of %s (max_file_size); not read", lint.Size(limit))
}

// fileKind names what a file that is not a regular one is.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}
