package report

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/msglint/msglint/lint"
)

var githubLevel = map[lint.Severity]string{lint.Error: "error", lint.Warning: "warning", lint.Info: "notice"}

var (
	ghData     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	ghProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// GitHub prints GitHub Actions workflow commands, which the runner turns into
// annotations on the pull request; input errors are annotations too.
var GitHub Format = githubFormat{}

type githubFormat struct{}

func (githubFormat) Name() string                         { return "github" }
func (githubFormat) WritesErrors() bool                   { return true }
func (f githubFormat) Write(w io.Writer, r *Report) error { return writeAll(w, f, r) }
func (githubFormat) start(s *Stream) findingWriter        { return githubWriter{s} }

type githubWriter struct{ *Stream }

func (s githubWriter) finding(f lint.Finding) error {
	msg := f.Message
	if f.Suggestion != "" {
		msg += " (suggestion: " + f.Suggestion + ")"
	}
	fmt.Fprintf(s.w, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
		githubLevel[f.Severity], ghProperty.Replace(f.File), f.Line, f.Col, f.EndLine, f.EndCol,
		ghProperty.Replace("msglint "+f.Rule), ghData.Replace(msg))
	return nil
}

func (s githubWriter) close() error {
	for _, err := range s.r.Result.Errors {
		if e := (*lint.InputError)(nil); errors.As(err, &e) && e.Line > 0 {
			fmt.Fprintf(s.w, "::error file=%s,line=%d,col=%d,title=msglint::%s\n", ghProperty.Replace(e.Path), e.Line, max(e.Col, 1), ghData.Replace(e.Msg))
			continue
		}
		fmt.Fprintf(s.w, "::error title=msglint::%s\n", ghData.Replace(err.Error()))
	}
	for _, line := range Skipped(s.r.Result.Skips) {
		fmt.Fprintf(s.w, "::notice title=msglint::skipped %s\n", ghData.Replace(line))
	}
	return nil
}
