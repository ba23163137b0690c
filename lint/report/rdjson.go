package report

import (
	"encoding/json"
	"io"

	"github.com/msglint/msglint/lint"
)

// rdjson is reviewdog's Diagnostic Format (a DiagnosticResult as JSON):
// reviewdog -f=rdjson posts its diagnostics as review comments, with the
// suggestions as suggested changes. Columns count UTF-8 bytes, ranges end
// exclusive.
type rdjsonResult struct {
	Source      rdjsonSource       `json:"source"`
	Diagnostics []rdjsonDiagnostic `json:"diagnostics"`
}

type rdjsonSource struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type rdjsonDiagnostic struct {
	Message     string             `json:"message"`
	Location    rdjsonLocation     `json:"location"`
	Severity    string             `json:"severity"`
	Code        *rdjsonCode        `json:"code,omitempty"`
	Suggestions []rdjsonSuggestion `json:"suggestions,omitempty"`
}

type rdjsonCode struct {
	Value string `json:"value"`
	URL   string `json:"url,omitempty"`
}

type rdjsonLocation struct {
	Path  string       `json:"path"`
	Range *rdjsonRange `json:"range,omitempty"`
}

type rdjsonRange struct {
	Start rdjsonPosition  `json:"start"`
	End   *rdjsonPosition `json:"end,omitempty"`
}

type rdjsonPosition struct {
	Line   int `json:"line"`
	Column int `json:"column,omitempty"`
}

type rdjsonSuggestion struct {
	Range rdjsonRange `json:"range"`
	Text  string      `json:"text"`
}

var rdjsonSeverity = map[lint.Severity]string{lint.Error: "ERROR", lint.Warning: "WARNING", lint.Info: "INFO"}

// RulesURL is where each rule's page is, by its name as the fragment.
const RulesURL = InformationURI + "/blob/main/docs/rules.md"

// RDJSON writes reviewdog's rdjson, with a finding's safe fix as its
// suggestion.
var RDJSON Format = rdjsonFormat{}

type rdjsonFormat struct{}

func (rdjsonFormat) Name() string       { return "rdjson" }
func (rdjsonFormat) WritesErrors() bool { return true }

func (rdjsonFormat) Write(w io.Writer, r *Report) error {
	res := rdjsonResult{Source: rdjsonSource{Name: "msglint", URL: InformationURI}, Diagnostics: []rdjsonDiagnostic{}}
	for _, f := range r.Result.Findings {
		d := rdjsonDiagnostic{
			Message:  withSuggestion(f),
			Severity: rdjsonSeverity[f.Severity],
			Code:     &rdjsonCode{Value: f.Rule, URL: RulesURL + "#" + f.Rule},
			Location: rdjsonLocation{Path: relPath(f.File), Range: &rdjsonRange{Start: rdjsonPosition{Line: f.Line, Column: f.Col}, End: &rdjsonPosition{Line: f.EndLine, Column: f.EndCol}}},
		}
		if f.Msg != nil && f.Msg.Source != nil {
			src := f.Msg.Source
			d.Location.Range = byteRange(src, src.Offset(f.Line-src.Line0, f.Col), src.Offset(f.EndLine-src.Line0, f.EndCol))
			if f.Fix != nil {
				d.Suggestions = []rdjsonSuggestion{{Range: *byteRange(src, f.Fix.Start, f.Fix.End), Text: f.Fix.New}}
			}
		}
		res.Diagnostics = append(res.Diagnostics, d)
	}
	for _, err := range r.Result.Errors {
		e := placeError(err)
		d := rdjsonDiagnostic{Message: e.msg, Severity: "ERROR", Code: &rdjsonCode{Value: "input"}, Location: rdjsonLocation{Path: e.path}}
		if e.line > 0 {
			d.Location.Range = &rdjsonRange{Start: rdjsonPosition{Line: e.line}}
		}
		res.Diagnostics = append(res.Diagnostics, d)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(res)
}

// byteRange is the rdjson range of file bytes [start, end): lines from the
// source, columns in bytes from the line's start. A source that is one piece
// of a streamed file numbers its lines from Line0 on.
func byteRange(src *lint.Source, start, end int) *rdjsonRange {
	pos := func(off int) rdjsonPosition {
		line, _ := src.Position(off)
		return rdjsonPosition{Line: line, Column: off - src.Offset(line-src.Line0, 1) + 1}
	}
	e := pos(end)
	return &rdjsonRange{Start: pos(start), End: &e}
}
