package report

import (
	"bufio"
	"fmt"
	"io"
	"runtime"
	"sync/atomic"

	"github.com/msglint/msglint/lint"
)

// Stream writes a report a finding at a time, so a run over an input too
// large to hold every finding in memory keeps none: text, JSON and GitHub
// can; SARIF and HTML need the whole result.
type Stream struct {
	w  *bufio.Writer
	r  *Report
	n  int // findings written so far
	fw findingWriter
}

// NewStream starts a report; r.Result is read only by Close, for the summary.
func NewStream(w io.Writer, f Format, r *Report) (*Stream, error) {
	sf, ok := f.(streamFormat)
	if !ok {
		return nil, fmt.Errorf("the %s format needs the whole result", f.Name())
	}
	s := &Stream{w: bufio.NewWriterSize(w, 64<<10), r: r}
	s.fw = sf.start(s)
	return s, nil
}

// Finding writes one finding.
func (s *Stream) Finding(f lint.Finding) error {
	err := s.fw.finding(f)
	s.n++
	return err
}

// Close writes what follows the findings (summary, input errors) and flushes.
func (s *Stream) Close() error {
	if err := s.fw.close(); err != nil {
		return err
	}
	return s.w.Flush()
}

// writeAll writes a whole result through a stream: a streaming format's
// Write.
func writeAll(w io.Writer, f Format, r *Report) error {
	s, err := NewStream(w, f, r)
	if err != nil {
		return err
	}
	fs := r.Result.Findings
	if a, ok := s.fw.(findingsAppender); ok && len(fs) >= 2*writeChunk && runtime.GOMAXPROCS(0) > 1 && a.canAppend(fs) {
		writeOnAllCores(s, a, fs)
		return s.Close()
	}
	for _, fd := range fs {
		if err := s.Finding(fd); err != nil {
			return err
		}
	}
	return s.Close()
}

// findingsAppender is a finding writer whose findings' bytes depend on
// nothing but the finding and whether one came before it, so that a
// result's findings can be made into bytes on every core and written in
// order.
type findingsAppender interface {
	// canAppend tells whether appendFindings can write every finding,
	// which then writes the bytes finding would for each.
	canAppend(fs []lint.Finding) bool
	appendFindings(dst []byte, fs []lint.Finding, first bool) []byte
}

// writeChunk is how many findings a worker makes into bytes at a time.
const writeChunk = 1024

// chunkBytesPerFinding is the room a chunk's new buffer has for each of its
// findings: more than most JSON findings take (about 330 bytes).
const chunkBytesPerFinding = 512

// writeOnAllCores writes findings as Finding would one by one, made into
// bytes a chunk at a time on every core while the chunks before are
// written; a few chunks at most wait to be written.
func writeOnAllCores(s *Stream, a findingsAppender, fs []lint.Finding) {
	type part struct {
		buf  []byte
		done chan struct{}
	}
	parts := make([]part, (len(fs)+writeChunk-1)/writeChunk)
	for i := range parts {
		parts[i].done = make(chan struct{})
	}
	workers := runtime.GOMAXPROCS(0)
	ahead := make(chan struct{}, 2*workers) // chunks made but not yet written
	free := make(chan []byte, 2*workers)    // their buffers, once written
	var next atomic.Int64
	for range workers {
		go func() {
			for {
				ahead <- struct{}{}
				i := int(next.Add(1)) - 1
				if i >= len(parts) {
					<-ahead
					return
				}
				chunk := fs[i*writeChunk : min(len(fs), (i+1)*writeChunk)]
				var buf []byte
				select {
				case buf = <-free:
				default:
					// Room for the chunk's bytes at once: grown by
					// appends, a buffer was made over and over, each
					// copy memory the process had not touched before.
					// The room a chunk leaves unused is never touched.
					buf = make([]byte, 0, len(chunk)*chunkBytesPerFinding)
				}
				parts[i].buf = a.appendFindings(buf[:0], chunk, i == 0 && s.n == 0)
				close(parts[i].done)
			}
		}()
	}
	for i := range parts {
		<-parts[i].done
		s.w.Write(parts[i].buf)
		select {
		case free <- parts[i].buf:
		default:
		}
		parts[i].buf = nil
		<-ahead
	}
	s.n += len(fs)
}
