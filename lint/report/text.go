package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

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
func (textFormat) start(s *Stream) findingWriter        { return &textWriter{Stream: s} }

type textWriter struct {
	*Stream
	num []byte // a number's digits, reused
}

// paint writes text in an ANSI colour when the report has colour.
func (s *textWriter) paint(code, text string) {
	if s.r.Color {
		s.w.WriteString(code)
	}
	s.w.WriteString(text)
	if s.r.Color {
		s.w.WriteString(ansiReset)
	}
}

func (s *textWriter) int(n int) {
	s.num = strconv.AppendInt(s.num[:0], int64(n), 10)
	s.w.Write(s.num)
}

// finding writes "file:line:col: severity rule: message", the source line
// with the span underlined, and the suggestion.
func (s *textWriter) finding(f lint.Finding) error {
	w := s.w
	if s.r.Color {
		w.WriteString(ansiBold)
	}
	w.WriteString(f.File)
	w.WriteByte(':')
	s.int(f.Line)
	w.WriteByte(':')
	s.int(f.Col)
	w.WriteByte(':')
	if s.r.Color {
		w.WriteString(ansiReset)
	}
	w.WriteByte(' ')
	s.paint(severityColor[f.Severity], f.Severity.String())
	w.WriteByte(' ')
	s.paint(ansiDim, f.Rule+":")
	w.WriteByte(' ')
	w.WriteString(f.Message)
	w.WriteByte('\n')
	if f.Msg != nil && f.Msg.Source != nil {
		ex := excerpt(f.Msg.Source.Line(f.Line), f)
		w.WriteString("    ")
		if ex.cutBefore {
			w.WriteString("…")
		}
		w.WriteString(ex.shown)
		if ex.cutAfter {
			w.WriteString("…")
		}
		w.WriteString("\n    ")
		if s.r.Color {
			w.WriteString(severityColor[f.Severity])
		}
		for range ex.pad {
			w.WriteByte(' ')
		}
		w.WriteByte('^')
		for range ex.width - 1 {
			w.WriteByte('~')
		}
		if s.r.Color {
			w.WriteString(ansiReset)
		}
		w.WriteByte('\n')
	}
	if f.Suggestion != "" {
		w.WriteString("    suggestion: ")
		w.WriteString(f.Suggestion)
		w.WriteByte('\n')
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

// shownLine is the part of a source line shown under a finding: the line
// (tabs shown as one space, so columns line up), cut to a window around
// the span when it is long, and where the ^~~~ under the span goes.
type shownLine struct {
	shown               string
	cutBefore, cutAfter bool // the line goes on before or after what is shown (…)
	pad, width          int  // characters before the underline, and its length
}

// excerpt finds what of a source line to show for a finding. Columns count
// characters; a line of valid UTF-8 without tabs, as nearly all are, is cut
// where it is, without a copy.
func excerpt(line string, f lint.Finding) shownLine {
	var runes []rune
	n := 0
	plain := utf8.ValidString(line) && strings.IndexByte(line, '\t') < 0
	if plain {
		n = utf8.RuneCountInString(line)
	} else {
		runes = []rune(strings.ReplaceAll(line, "\t", " "))
		n = len(runes)
	}
	start := min(max(f.Col-1, 0), n)
	end := n
	if f.EndLine == f.Line {
		end = min(max(f.EndCol-1, start+1), n)
	}
	from, to := 0, n
	if n > excerptWidth {
		from = max(0, start-excerptWidth/3)
		to = min(n, from+excerptWidth)
	}
	ex := shownLine{pad: start - from, cutBefore: from > 0, cutAfter: to < n}
	switch {
	case plain && n == len(line): // ASCII: a character is a byte
		ex.shown = line[from:to]
	case plain:
		ex.shown = line[runeOffset(line, from):runeOffset(line, to)]
	default:
		ex.shown = string(runes[from:to])
	}
	if from > 0 {
		ex.pad++
	}
	ex.width = max(1, min(end, to)-start)
	if start >= n { // a span at the end of the line, such as a missing text
		ex.width = 1
	}
	return ex
}

// runeOffset is the byte offset of character i of s.
func runeOffset(s string, i int) int {
	if i <= 0 {
		return 0
	}
	k := 0
	for off := range s {
		if k == i {
			return off
		}
		k++
	}
	return len(s)
}
