package report

import (
	"bufio"
	"fmt"
	"io"

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
	for _, fd := range r.Result.Findings {
		if err := s.Finding(fd); err != nil {
			return err
		}
	}
	return s.Close()
}
