package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/report"
)

// bigResult is a run of n messages, each with one finding, the last message
// of every hundred with an error (the worst), one with a script in it.
func bigResult(n int) *lint.Result {
	res := &lint.Result{Files: 1, Messages: n}
	src := lint.NewSource("big.jsonl", nil)
	for i := 0; i < n; i++ {
		text := fmt.Sprintf("Message %d: we recieve it.", i)
		if i == 7 {
			text = "Hi <script>window.pwned = 1</script> we recieve it"
		}
		m := &lint.Message{ID: fmt.Sprintf("#%d", i+1), Lang: lint.English, Kind: lint.Reply, Channel: lint.Messenger,
			Body: lint.Field{Text: text}, Source: src}
		f := lint.Finding{Rule: "spelling", Severity: lint.Warning, Message: `"recieve" is a misspelling of "receive"`,
			Suggestion: "receive", File: "big.jsonl", Line: i + 1, Col: 1, MessageID: m.ID, Msg: m,
			Span: lint.Span{Start: strings.Index(text, "recieve"), End: strings.Index(text, "recieve") + 7}}
		if i%100 == 99 {
			f.Rule, f.Severity, f.Message = "length", lint.Error, "too long"
		}
		res.Findings = append(res.Findings, f)
	}
	return res
}

// TestBigHTMLReportInBrowser opens a 100 000-message report: the page comes
// up with the worst messages and the first page of all of them, pages on,
// and filters across every page.
func TestBigHTMLReportInBrowser(t *testing.T) {
	const n = 100_000
	ctx := browser(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	f, err := os.Create(page)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if err := report.HTML.Write(f, &report.Report{Result: bigResult(n), Rules: allRules()}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	st, _ := os.Stat(page)
	t.Logf("%d messages: %.1f MB written in %v", n, float64(st.Size())/1e6, time.Since(start).Round(time.Millisecond))
	eval := func(js string) int {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[int](js))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	start = time.Now()
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+page), chromedp.WaitVisible(chromedp.CSS("#page .card"))); err != nil {
		t.Fatal(err)
	}
	t.Logf("opened in %v", time.Since(start).Round(time.Millisecond))
	if got := eval(`document.querySelectorAll("main > .card").length`); got != 100 {
		t.Errorf("%d worst cards, want 100", got)
	}
	if got := eval(`document.querySelectorAll("main > .card .finding.error").length`); got != 100 {
		t.Errorf("%d errors among the worst, want 100", got)
	}
	if got := eval(`document.querySelectorAll("#page .card").length`); got != 500 {
		t.Errorf("%d cards on a page, want 500", got)
	}
	if got := eval(`+document.getElementById("pages-n").textContent`); got != n/500 {
		t.Errorf("%d pages, want %d", got, n/500)
	}
	if got := eval(`document.getElementById("next").click(); +document.querySelector("#page .card .meta span code").textContent.slice(1)`); got != 501 {
		t.Errorf("page 2 starts with message %d, want 501", got)
	}
	if got := eval(`var r = document.getElementById("f-rule"); r.value = "length"; r.dispatchEvent(new Event("change")); +document.getElementById("pages-n").textContent`); got != 2 {
		t.Errorf("filtered to length: %d pages, want 2", got)
	}
	if got := eval(`typeof window.pwned === "undefined" ? 0 : 1`); got != 0 {
		t.Error("a script in a message ran")
	}
}
