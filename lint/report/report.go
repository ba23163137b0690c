// Package report writes the result of a run in each output format, one file
// a format.
package report

import (
	"fmt"
	"io"

	"github.com/msglint/msglint/lint"
)

// Format is an output format.
type Format int

// The output formats.
const (
	Text Format = iota
	JSON
	SARIF
	GitHub
	HTML
)

var formatNames = map[string]Format{"text": Text, "json": JSON, "sarif": SARIF, "github": GitHub, "html": HTML}

// ParseFormat reads a --format value.
func ParseFormat(s string) (Format, error) {
	if f, ok := formatNames[s]; ok {
		return f, nil
	}
	return 0, fmt.Errorf("unknown format %q (want text, json, sarif, github or html)", s)
}

// Report is everything a reporter may show.
type Report struct {
	Result  *lint.Result
	Rules   []*lint.Rule // the rules that ran, for SARIF's rule table
	Version string
	Color   bool // text only: ANSI colours
}

// Write renders the report in a format.
func Write(w io.Writer, f Format, r *Report) error {
	switch f {
	case JSON:
		return writeJSON(w, r)
	case SARIF:
		return writeSARIF(w, r)
	case GitHub:
		return writeGitHub(w, r)
	case HTML:
		return writeHTML(w, r)
	}
	return writeText(w, r)
}

// WritesErrors reports whether the format carries input errors itself;
// otherwise the caller prints them on stderr.
func WritesErrors(f Format) bool { return f == SARIF || f == GitHub || f == HTML }

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
