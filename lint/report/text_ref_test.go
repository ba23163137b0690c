package report

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/msglint/msglint/lint"
)

// The text writer as it was written with fmt, before it wrote by hand;
// FuzzTextFinding holds the new one to its bytes.
func refTextFinding(color bool, f lint.Finding) string {
	paint := func(code, text string) string {
		if !color {
			return text
		}
		return code + text + ansiReset
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %s %s\n",
		paint(ansiBold, fmt.Sprintf("%s:%d:%d:", f.File, f.Line, f.Col)),
		paint(severityColor[f.Severity], f.Severity.String()),
		paint(ansiDim, f.Rule+":"), f.Message)
	if f.Msg != nil && f.Msg.Source != nil {
		line, under := refExcerpt(f.Msg.Source.Line(f.Line), f)
		fmt.Fprintf(&b, "    %s\n    %s\n", line, paint(severityColor[f.Severity], under))
	}
	if f.Suggestion != "" {
		fmt.Fprintf(&b, "    suggestion: %s\n", f.Suggestion)
	}
	return b.String()
}

func refExcerpt(line string, f lint.Finding) (string, string) {
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
	if start >= len(runes) {
		width = 1
	}
	return shown, strings.Repeat(" ", pad) + "^" + strings.Repeat("~", width-1)
}

func FuzzTextFinding(f *testing.F) {
	long := strings.Repeat("aş", 90) + " herkez\t" + strings.Repeat("b", 150)
	f.Add("x\tyz recieve\n"+long+"\nend", 1, 6, 1, 13, 1, true, "s")
	f.Add("x\tyz recieve\n"+long+"\nend", 2, 152, 2, 158, 2, false, "")
	f.Add("\xffabc\n"+strings.Repeat("c", 300), 2, 290, 2, 400, 3, true, "s")
	f.Add(strings.Repeat("ü", 300), 1, 0, 0, -5, 0, false, "x")
	f.Fuzz(func(t *testing.T, data string, line, col, endLine, endCol, sev int, color bool, sugg string) {
		src := lint.NewSource("f.txt", []byte(data))
		fd := lint.Finding{Rule: "spelling", Severity: lint.Severity(sev), Message: "m", Suggestion: sugg,
			File: "f.txt", Line: line, Col: col, EndLine: endLine, EndCol: endCol, Msg: &lint.Message{Source: src}}
		var b bytes.Buffer
		s := &Stream{w: bufio.NewWriter(&b), r: &Report{Color: color}}
		tw := &textWriter{Stream: s}
		if err := tw.finding(fd); err != nil {
			t.Fatal(err)
		}
		s.w.Flush()
		if d := cmp.Diff(refTextFinding(color, fd), b.String()); d != "" {
			t.Fatalf("(-fmt +by hand):\n%s", d)
		}
	})
}
