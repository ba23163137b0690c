package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/msglint/msglint/lint"
)

const (
	ansiReset = "\x1b[0m"
	ansiBold  = "\x1b[1m"
	ansiDim   = "\x1b[2m"
)

var severityColor = map[lint.Severity]string{lint.Error: "\x1b[31m", lint.Warning: "\x1b[33m", lint.Info: "\x1b[36m"}

// excerptWidth is how many characters of a long source line are shown.
const excerptWidth = 100

// Text prints each finding as file:line:col, the source line with the span
// underlined, and the suggestion; then a summary line.
var Text Format = textFormat{}

type textFormat struct{}

func (textFormat) Name() string                         { return "text" }
func (textFormat) WritesErrors() bool                   { return false }
func (f textFormat) Write(w io.Writer, r *Report) error { return writeAll(w, f, r) }
func (textFormat) start(s *Stream) findingWriter        { return textWriter{s} }

type textWriter struct{ *Stream }

func (s textWriter) paint(code, text string) string {
	if !s.r.Color {
		return text
	}
	return code + text + ansiReset
}

func (s textWriter) finding(f lint.Finding) error {
	fmt.Fprintf(s.w, "%s %s %s %s\n",
		s.paint(ansiBold, fmt.Sprintf("%s:%d:%d:", f.File, f.Line, f.Col)),
		s.paint(severityColor[f.Severity], f.Severity.String()),
		s.paint(ansiDim, f.Rule+":"), f.Message)
	if f.Msg != nil && f.Msg.Source != nil {
		line, under := excerpt(f.Msg.Source.Line(f.Line), f)
		fmt.Fprintf(s.w, "    %s\n    %s\n", line, s.paint(severityColor[f.Severity], under))
	}
	if f.Suggestion != "" {
		fmt.Fprintf(s.w, "    suggestion: %s\n", f.Suggestion)
	}
	return nil
}

func (s textWriter) close() error {
	res := s.r.Result
	files := plural(res.Files, "file", "files")
	if n := badFiles(res.Errors); n > 0 {
		files += fmt.Sprintf("; %d with input errors", n)
	}
	msgs := plural(res.Messages, "message", "messages")
	if s.n == 0 && len(res.Errors) == 0 {
		fmt.Fprintf(s.w, "no problems in %s (%s)\n", msgs, files)
	} else {
		fmt.Fprintf(s.w, "%s, %s, %s in %s (%s)\n",
			plural(res.Count(lint.Error), "error", "errors"),
			plural(res.Count(lint.Warning), "warning", "warnings"),
			plural(res.Count(lint.Info), "info", "infos"), msgs, files)
	}
	for _, line := range Skipped(res.Skips) {
		fmt.Fprintf(s.w, "skipped %s\n", line)
	}
	return nil
}

// excerpt returns the source line (tabs shown as one space, so columns line
// up) and a ^~~~ line under the finding's span, cut to a window around the
// span when the line is long.
func excerpt(line string, f lint.Finding) (string, string) {
	runes := []rune(strings.ReplaceAll(line, "\t", " "))
	start := min(max(f.Col-1, 0), len(runes))
	end := len(runes)
	if f.EndLine == f.Line {
		end = min(max(f.EndCol-1, start+1), len(runes))
	}
	from, to := 0, len(runes)
	if len(runes) > excerptWidth {
		from = max(0, start-excerptWidth/3)
		to = min(len(runes), from+excerptWidth)
	}
	shown := string(runes[from:to])
	pad := start - from
	if from > 0 {
		shown, pad = "…"+shown, pad+1
	}
	if to < len(runes) {
		shown += "…"
	}
	width := max(1, min(end, to)-start)
	if start >= len(runes) { // a span at the end of the line, such as a missing text
		width = 1
	}
	return shown, strings.Repeat(" ", pad) + "^" + strings.Repeat("~", width-1)
}
