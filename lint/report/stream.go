package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/msglint/msglint/lint"
)

// Stream writes a report a finding at a time, so a run over an input too
// large to hold every finding in memory keeps none: text, JSON and GitHub
// can; SARIF and HTML need the whole result.
type Stream struct {
	w *bufio.Writer
	f Format
	r *Report
	n int

	buf bytes.Buffer // JSON: one finding, reused
	enc *json.Encoder
}

// CanStream reports whether a format can be written a finding at a time.
func CanStream(f Format) bool { return f == Text || f == JSON || f == GitHub }

// NewStream starts a report; r.Result is read only by Close, for the summary.
func NewStream(w io.Writer, f Format, r *Report) (*Stream, error) {
	if !CanStream(f) {
		return nil, fmt.Errorf("the %s format needs the whole result", formatName(f))
	}
	s := &Stream{w: bufio.NewWriterSize(w, 64<<10), f: f, r: r}
	if f == JSON {
		s.jsonHead()
	}
	return s, nil
}

// Finding writes one finding.
func (s *Stream) Finding(f lint.Finding) error {
	var err error
	switch s.f {
	case JSON:
		err = s.jsonFinding(f)
	case GitHub:
		s.githubFinding(f)
	default:
		s.textFinding(f)
	}
	s.n++
	return err
}

// Close writes what follows the findings (summary, input errors) and flushes.
func (s *Stream) Close() error {
	switch s.f {
	case JSON:
		if err := s.jsonTail(); err != nil {
			return err
		}
	case GitHub:
		s.githubErrors()
	default:
		s.textSummary()
	}
	return s.w.Flush()
}

// writeAll writes a whole result through a stream.
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

func formatName(f Format) string {
	for name, v := range formatNames {
		if v == f {
			return name
		}
	}
	return "unknown"
}
