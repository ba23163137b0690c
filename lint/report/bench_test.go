package report

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/msglint/msglint/lint"
)

// result is a run of n messages with one finding each, a tenth of them
// errors.
func result(n int) *lint.Result {
	res := &lint.Result{Files: 1, Messages: n, Findings: make([]lint.Finding, 0, n)}
	src := lint.NewSource("big.jsonl", nil)
	for i := 0; i < n; i++ {
		text := fmt.Sprintf("Message %d: we recieve it.", i)
		m := &lint.Message{ID: fmt.Sprintf("#%d", i+1), Lang: lint.English, Body: lint.Field{Text: text}, Source: src}
		at := strings.Index(text, "recieve")
		f := lint.Finding{Rule: "spelling", Severity: lint.Warning, Message: `"recieve" is a misspelling of "receive"`,
			Suggestion: "receive", File: "big.jsonl", Line: i + 1, Col: at + 1, EndLine: i + 1, EndCol: at + 8,
			MessageID: m.ID, Msg: m, Span: lint.Span{Start: at, End: at + 7}}
		if i%10 == 0 {
			f.Severity = lint.Error
		}
		res.Findings = append(res.Findings, f)
	}
	return res
}

// BenchmarkFormats writes each format for 10 000 and 100 000 messages; time
// and bytes allocated per report should grow linearly.
func BenchmarkFormats(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		res := result(n)
		for _, f := range Formats {
			b.Run(fmt.Sprintf("%s/%d", f.Name(), n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if err := f.Write(io.Discard, &Report{Result: res}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
