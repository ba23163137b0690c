package main

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/msglint/msglint/hook"
	"github.com/msglint/msglint/hook/store"
	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
	"github.com/msglint/msglint/policy"
)

// chromium finds the browser; without one the browser tests skip, except in
// CI, where .ci/run installs it and a skip would hide a broken page.
func chromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("no chromium on PATH: .ci/run installs it")
	}
	t.Skip("no chromium on PATH")
	return ""
}

// artifacts is where screenshots go: $MSGLINT_ARTIFACTS, or a folder in the
// system's temporary directory that outlives the test.
func artifacts(t *testing.T) string {
	dir := os.Getenv("MSGLINT_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "msglint-artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func browser(t *testing.T) context.Context {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)),
		chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1200, 1600))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	return ctx
}

// TestHTMLReportInBrowser opens the report of a library with findings in all
// three languages and a template that tries to inject a script.
func TestHTMLReportInBrowser(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "replies.yaml")
	os.WriteFile(lib, []byte(`templates:
  - {id: en-1, lang: en, text: "We will recieve it. PLEASE wait!!"}
  - {id: tr-1, lang: tr, text: "Malesef herkez için geçerli değil."}
  - {id: az-1, lang: az, text: "Təşəkür edirik, xaiş edirik gözləyin."}
  - {id: evil, lang: en, text: "Hi <script>window.pwned = 1</script> thanks for writing, we recieve it"}
  - {id: clean, lang: en, text: "Thanks for your message."}
`), 0o644)
	_, js, _ := msglint(t, "", "check", "--format", "json", lib)
	var rep struct {
		Findings []struct {
			Rule      string
			MessageID string `json:"message_id"`
		}
	}
	if err := json.Unmarshal([]byte(js), &rep); err != nil {
		t.Fatal(err)
	}
	spelling := map[string]bool{}
	for _, f := range rep.Findings {
		if f.Rule == "spelling" {
			spelling[f.MessageID] = true
		}
	}
	_, page, _ := msglint(t, "", "check", "--format", "html", lib)
	html := filepath.Join(dir, "report.html")
	os.WriteFile(html, []byte(page), 0o644)

	ctx := browser(t)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	eval := func(js string) int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](js))
		must(err)
		return n
	}
	must(chromedp.Do(ctx, chromedp.Navigate("file://"+html), chromedp.WaitVisible(chromedp.CSS(".card"))))
	marks := eval(`document.querySelectorAll("mark").length`)
	cards := eval(`document.querySelectorAll(".card").length`)
	pwned, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof window.pwned !== "undefined"`))
	must(err)
	count, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#n-findings")))
	must(err)
	evilText, err := chromedp.Run(ctx, chromedp.Evaluate[string](`[...document.querySelectorAll(".card")].find(c => c.textContent.includes("evil")).querySelector(".text").textContent`))
	must(err)
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	must(err)
	must(chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS("#f-rule"), "spelling")))
	shownAfter := eval(`document.getElementById("f-rule").dispatchEvent(new Event("change")); document.querySelectorAll(".card:not([hidden])").length`)
	if pwned {
		t.Error("the script in a template ran")
	}
	if want := "Hi <script>window.pwned = 1</script> thanks for writing, we recieve it"; evilText != want {
		t.Errorf("the template's text shows as %q", evilText)
	}
	if count != itoa(len(rep.Findings)) {
		t.Errorf("page counts %s findings, want %d", count, len(rep.Findings))
	}
	if cards != 4 { // the clean message has no card
		t.Errorf("%d cards, want 4", cards)
	}
	if marks < len(spelling) {
		t.Errorf("%d highlights for %d misspelt messages", marks, len(spelling))
	}
	if shownAfter != len(spelling) {
		t.Errorf("filter by spelling shows %d cards, want %d", shownAfter, len(spelling))
	}
	out := filepath.Join(artifacts(t), "report.png")
	if err := os.WriteFile(out, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", out)
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// TestPlaygroundInBrowser types drafts into the playground of a running
// hook and reads what the page shows.
func TestPlaygroundInBrowser(t *testing.T) {
	linter, err := lint.NewLinter(allRules(), &lint.Config{}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	checker, err := policy.NewChecker(linter, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	states, err := store.OpenBolt(filepath.Join(t.TempDir(), "state.db"), checker.MaxAge())
	if err != nil {
		t.Fatal(err)
	}
	defer states.Close()
	srv, err := hook.New(hook.Config{Linter: linter, Checker: checker, Store: states, Rules: allRules(), Token: "pg-token"})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()

	ctx := browser(t)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		must(err)
		return s
	}
	// type sets the draft as a person would and waits for the answer.
	typeDraft := func(draft, lang string) {
		t.Helper()
		js, _ := json.Marshal(draft)
		_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const l = document.getElementById("lang"); l.value = "`+lang+`"; l.dispatchEvent(new Event("change"));
			const t = document.getElementById("text"); t.value = `+string(js)+`; t.dispatchEvent(new Event("input")); return true })()`))
		must(err)
		// The preview shows the draft once its answer is in.
		_, err = chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById("preview").textContent === `+string(js), chromedp.WithPollingTimeout(10*time.Second)))
		must(err)
	}
	must(chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.CSS("#text"))))
	// Without the token the page asks for it.
	must(chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("#token-row"))))
	must(chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS("#token"), "pg-token")))
	_, err = chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById("token").dispatchEvent(new Event("change")); true`))
	must(err)
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll("#rules li summary").length > 10`, chromedp.WithPollingTimeout(10*time.Second)))
	must(err)

	for _, c := range []struct{ lang, draft, mark, rule string }{
		{"en", "Hi! We will recieve it tomorrow. Thanks for writing!", "recieve", "spelling"},
		{"tr", "Merhaba! Malesef yarın kapalıyız. İyi günler!", "Malesef", "spelling"},
		{"az", "Salam! Təşəkür edirik, sabah açığıq. Sağ olun!", "Təşəkür", "spelling"},
	} {
		typeDraft(c.draft, c.lang)
		if got := text("#preview mark"); got != c.mark {
			t.Errorf("%s: highlighted %q, want %q", c.lang, got, c.mark)
		}
		if got := text("#findings .rule"); got != c.rule {
			t.Errorf("%s: first finding %q, want %q", c.lang, got, c.rule)
		}
		if got := text("#verdict"); got != "May be sent now" {
			t.Errorf("%s: verdict %q", c.lang, got)
		}
		shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		must(err)
		out := filepath.Join(artifacts(t), "playground-"+c.lang+".png")
		must(os.WriteFile(out, shot, 0o644))
		t.Logf("screenshot: %s", out)
	}
	// A draft that tries to run code shows as text, and runs nothing.
	typeDraft(`Hi <img src=x onerror="window.pwned=1"><script>window.pwned=2</script> PLEASE CALL US NOW!!!`, "en")
	pwned, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof window.pwned !== "undefined"`))
	must(err)
	if pwned {
		t.Error("the draft's markup ran")
	}
	if got := text("#preview"); !strings.Contains(got, `<script>window.pwned=2</script>`) {
		t.Errorf("preview %q does not show the markup as text", got)
	}
	// Nobody wrote: the window rule refuses, and says why.
	must(chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS("#last"), "")))
	_, err = chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById("last").dispatchEvent(new Event("change")); true`))
	must(err)
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById("verdict").textContent.startsWith("Would be refused")`, chromedp.WithPollingTimeout(10*time.Second)))
	must(err)
	if got := text("#findings"); !strings.Contains(got, "sent before the customer opened a messaging window") {
		t.Errorf("findings %q lack the window", got)
	}
}
