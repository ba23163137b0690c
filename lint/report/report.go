// Package report writes the result of a run in each output format, one file
// a format.
package report

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/msglint/msglint/lint"
)

// Format is an output format. Each is one value in Formats, defined in a
// file of its own; nothing else in msglint names the formats.
type Format interface {
	// Name is the --format value.
	Name() string
	// WritesErrors reports whether the output carries input errors itself;
	// otherwise the caller prints them on stderr.
	WritesErrors() bool
	// Write renders a whole report.
	Write(w io.Writer, r *Report) error
}

// streamFormat is a format that can be written a finding at a time.
type streamFormat interface {
	Format
	// start begins a stream's output and returns what writes its findings.
	start(s *Stream) findingWriter
}

// findingWriter writes one stream's findings and, at the end, what follows
// them (a summary, input errors).
type findingWriter interface {
	finding(f lint.Finding) error
	close() error
}

// Formats are the output formats, in the order --help lists them.
var Formats = []Format{Text, JSON, SARIF, GitHub, HTML, GitLab, JUnit, Checkstyle, RDJSON}

// ParseFormat reads a --format value.
func ParseFormat(s string) (Format, error) {
	var names []string
	for _, f := range Formats {
		if f.Name() == s {
			return f, nil
		}
		names = append(names, f.Name())
	}
	return nil, fmt.Errorf("unknown format %q (want %s or %s)", s, strings.Join(names[:len(names)-1], ", "), names[len(names)-1])
}

// CanStream reports whether a format can be written a finding at a time.
func CanStream(f Format) bool {
	_, ok := f.(streamFormat)
	return ok
}

// Report is everything a reporter may show.
type Report struct {
	Result  *lint.Result
	Rules   []*lint.Rule // the rules that ran, for SARIF's rule table
	Version string
	Color   bool // ANSI colours, for formats that use them (text)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// skipWhat says, per reason, what the skipped files are.
var skipWhat = map[lint.SkipReason][2]string{
	lint.NotMessages:   {"file that is not a message library", "files that are not message libraries"},
	lint.OtherLanguage: {"file in a language msglint does not check", "files in languages msglint does not check"},
	lint.NotRegular:    {"file that is not a regular file", "files that are not regular files"},
	lint.TooBig:        {"file over the size cap", "files over the size cap"},
	lint.Empty:         {"file without messages", "files without messages"},
}

// Skipped says what a run passed over, one line a reason:
// "3 files in languages msglint does not check: de, fr".
func Skipped(skips []lint.Skip) []string {
	var out []string
	for _, reason := range []lint.SkipReason{lint.NotMessages, lint.OtherLanguage, lint.Empty, lint.NotRegular, lint.TooBig} {
		n := 0
		var details []string
		for _, s := range skips {
			if s.Reason == reason {
				n++
				if s.Detail != "" && !slices.Contains(details, s.Detail) {
					details = append(details, s.Detail)
				}
			}
		}
		if n == 0 {
			continue
		}
		w := skipWhat[reason]
		line := plural(n, w[0], w[1])
		if len(details) > 0 {
			slices.Sort(details)
			line += ": " + strings.Join(details, ", ")
		}
		out = append(out, line)
	}
	return out
}

// badFiles is how many files have input errors.
func badFiles(errs []error) int {
	var paths []string
	n := 0
	for _, err := range errs {
		var ie *lint.InputError
		var sk *lint.Skip
		switch {
		case errors.As(err, &ie):
			if !slices.Contains(paths, ie.Path) {
				paths = append(paths, ie.Path)
			}
		case errors.As(err, &sk):
			if !slices.Contains(paths, sk.Path) {
				paths = append(paths, sk.Path)
			}
		default:
			n++
		}
	}
	return n + len(paths)
}
