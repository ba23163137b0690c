package report

import (
	"encoding/json"
	"io"
	"strconv"

	"github.com/msglint/msglint/lint"
)

// GitLab code quality report: a JSON array of Code Climate issues, of which
// GitLab reads description, check_name, fingerprint, severity and location.
type gitlabIssue struct {
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path      string           `json:"path"`
	Positions *gitlabPositions `json:"positions,omitempty"`
	Lines     *gitlabLines     `json:"lines,omitempty"`
}

// gitlabPositions are 1-based lines and columns (characters).
type gitlabPositions struct {
	Begin gitlabPosition `json:"begin"`
	End   gitlabPosition `json:"end"`
}

type gitlabPosition struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
}

// GitLab's severities run info, minor, major, critical, blocker; an input
// that cannot be read is a blocker, as nothing in it was checked.
var gitlabSeverity = map[lint.Severity]string{lint.Error: "major", lint.Warning: "minor", lint.Info: "info"}

// GitLab writes a GitLab code quality report (artifacts:reports:codequality),
// which merge requests show as a widget and in the diff.
var GitLab Format = gitlabFormat{}

type gitlabFormat struct{}

func (gitlabFormat) Name() string       { return "gitlab" }
func (gitlabFormat) WritesErrors() bool { return true }

func (gitlabFormat) Write(w io.Writer, r *Report) error {
	issues := []gitlabIssue{}
	prints := fingerprints{}
	for _, f := range r.Result.Findings {
		issues = append(issues, gitlabIssue{
			Description: withSuggestion(f),
			CheckName:   f.Rule,
			Fingerprint: prints.next(lint.Fingerprint(f)),
			Severity:    gitlabSeverity[f.Severity],
			Location: gitlabLocation{Path: relPath(f.File), Positions: &gitlabPositions{
				Begin: gitlabPosition{Line: f.Line, Column: f.Col},
				End:   gitlabPosition{Line: f.EndLine, Column: f.EndCol},
			}},
		})
	}
	for _, err := range r.Result.Errors {
		e := placeError(err)
		issue := gitlabIssue{Description: e.msg, CheckName: "input", Severity: "blocker",
			Location: gitlabLocation{Path: e.path, Lines: &gitlabLines{Begin: max(e.line, 1)}}}
		issue.Fingerprint = prints.next(hashStrings("input", issue.Location.Path, issue.Description))
		issues = append(issues, issue)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(issues)
}

// fingerprints makes fingerprints unique within one report, as GitLab keeps
// one issue per fingerprint: the second finding with the same fingerprint
// (the same typo twice in one message) gets one derived from it and its
// count, which stays the same from run to run.
type fingerprints map[string]int

func (p fingerprints) next(fp string) string {
	n := p[fp]
	p[fp]++
	if n == 0 {
		return fp
	}
	return hashStrings(fp, strconv.Itoa(n))
}
