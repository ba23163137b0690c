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

// mixedResult is a run of n messages with two findings each, as an export's
// run has them: a misspelling among a dozen, and a limit broken by a few
// characters more or less, so a rule's message is seldom its last one.
func mixedResult(n int) *lint.Result {
	words := [][2]string{{"recieve", "receive"}, {"adres", "address"}, {"herkez", "herkes"}, {"malesef", "maalesef"},
		{"orjinal", "orijinal"}, {"yanlız", "yalnız"}, {"definately", "definitely"}, {"seperate", "separate"},
		{"tşk", "teşekkürler"}, {"occured", "occurred"}, {"untill", "until"}, {"sipariş", "siparişiniz"}}
	res := &lint.Result{Files: 1, Messages: n, Findings: make([]lint.Finding, 0, 2*n)}
	src := lint.NewSource("big.jsonl", nil)
	for i := 0; i < n; i++ {
		w := words[i*7%len(words)]
		m := &lint.Message{ID: fmt.Sprintf("c-%d", i+1), Lang: lint.English, Source: src}
		res.Findings = append(res.Findings, lint.Finding{Rule: "spelling", Severity: lint.Warning,
			Message: fmt.Sprintf("%q is a misspelling of %q", w[0], w[1]), Suggestion: w[1], File: "big.jsonl",
			Line: i + 1, Col: 80, EndLine: i + 1, EndCol: 80 + len(w[0]), MessageID: m.ID, Msg: m},
			lint.Finding{Rule: "length", Severity: lint.Error,
				Message:    fmt.Sprintf("SMS needs 2 segments (UCS-2 because of \"ş\", 67 per segment when split); %d over", i%5+1),
				Suggestion: fmt.Sprintf("shorten it to %d characters", 70-i%5), File: "big.jsonl",
				Line: i + 1, Col: 120, EndLine: i + 1, EndCol: 140, MessageID: m.ID, Msg: m})
	}
	return res
}

// BenchmarkJSONStream writes a run's findings one at a time, as a streamed
// export's are, with messages that vary from finding to finding.
func BenchmarkJSONStream(b *testing.B) {
	res := mixedResult(10_000)
	b.ReportAllocs()
	for b.Loop() {
		s, err := NewStream(io.Discard, JSON, &Report{Result: res})
		if err != nil {
			b.Fatal(err)
		}
		for _, f := range res.Findings {
			if err := s.Finding(f); err != nil {
				b.Fatal(err)
			}
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
}
