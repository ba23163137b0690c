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

// writeGitHub prints GitHub Actions workflow commands, which the runner turns
// into annotations on the pull request.
func writeGitHub(w io.Writer, r *Report) error { return writeAll(w, GitHub, r) }

func (s *Stream) githubFinding(f lint.Finding) {
	msg := f.Message
	if f.Suggestion != "" {
		msg += " (suggestion: " + f.Suggestion + ")"
	}
	fmt.Fprintf(s.w, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
		githubLevel[f.Severity], ghProperty.Replace(f.File), f.Line, f.Col, f.EndLine, f.EndCol,
		ghProperty.Replace("msglint "+f.Rule), ghData.Replace(msg))
}

func (s *Stream) githubErrors() {
	for _, err := range s.r.Result.Errors {
		if e := (*lint.InputError)(nil); errors.As(err, &e) && e.Line > 0 {
			fmt.Fprintf(s.w, "::error file=%s,line=%d,col=%d,title=msglint::%s\n", ghProperty.Replace(e.Path), e.Line, max(e.Col, 1), ghData.Replace(e.Msg))
			continue
		}
		fmt.Fprintf(s.w, "::error title=msglint::%s\n", ghData.Replace(err.Error()))
	}
}
