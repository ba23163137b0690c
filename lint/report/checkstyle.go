package report

import (
	"encoding/xml"
	"io"

	"github.com/msglint/msglint/lint"
)

// Checkstyle's XML, which Jenkins (warnings-ng), Bitbucket, reviewdog,
// SonarQube and most CI dashboards read: a file element per file, an error
// element per finding.
type checkstyleReport struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr,omitempty"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

// checkstyleVersion is the Checkstyle release whose format this follows.
const checkstyleVersion = "4.3"

// Checkstyle severities are error, warning, info (and ignore).
var checkstyleSeverity = map[lint.Severity]string{lint.Error: "error", lint.Warning: "warning", lint.Info: "info"}

// Checkstyle writes Checkstyle XML. Input errors are errors of their file
// with the source "msglint.input".
var Checkstyle Format = checkstyleFormat{}

type checkstyleFormat struct{}

func (checkstyleFormat) Name() string       { return "checkstyle" }
func (checkstyleFormat) WritesErrors() bool { return true }

func (checkstyleFormat) Write(w io.Writer, r *Report) error {
	rep := checkstyleReport{Version: checkstyleVersion}
	index := map[string]int{}
	add := func(path string, e checkstyleError) {
		i, ok := index[path]
		if !ok {
			i = len(rep.Files)
			index[path] = i
			rep.Files = append(rep.Files, checkstyleFile{Name: path})
		}
		rep.Files[i].Errors = append(rep.Files[i].Errors, e)
	}
	for _, f := range r.Result.Findings {
		add(relPath(f.File), checkstyleError{Line: f.Line, Column: f.Col, Severity: checkstyleSeverity[f.Severity],
			Message: withSuggestion(f), Source: "msglint." + f.Rule})
	}
	for _, err := range r.Result.Errors {
		e := placeError(err)
		add(e.path, checkstyleError{Line: e.line, Column: e.col, Severity: "error", Message: e.msg, Source: "msglint.input"})
	}
	return writeXML(w, rep)
}

// writeXML writes an XML document with a declaration, indented by two
// spaces and ending in a newline.
func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
