package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/msglint/msglint/bench/gen"
	"github.com/msglint/msglint/internal/golden"
	"github.com/msglint/msglint/lint"
	"gopkg.in/yaml.v3"
)

// msglint runs the command from the repository root, as a user would.
func msglint(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func toRoot(t *testing.T) {
	t.Chdir("../..")
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata/golden/cli", name), got)
}

func TestCheckExamples(t *testing.T) {
	toRoot(t)
	for _, format := range []string{"text", "json", "sarif", "github", "html", "gitlab", "junit", "checkstyle", "rdjson"} {
		t.Run(format, func(t *testing.T) {
			code, out, errs := msglint(t, "", "check", "--format", format, "testdata/examples")
			if code != 1 || errs != "" {
				t.Fatalf("exit %d, stderr %q", code, errs)
			}
			checkGolden(t, "examples."+format, out)
		})
	}
}

func TestJSONSchema(t *testing.T) {
	toRoot(t)
	_, out, _ := msglint(t, "", "check", "--format", "json", "testdata/examples/replies.yaml")
	var doc struct {
		Version  int              `json:"version"`
		Findings []map[string]any `json:"findings"`
		Summary  map[string]int   `json:"summary"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	keys := []string{"rule", "severity", "message", "file", "line", "col", "end_line", "end_col", "message_id", "suggestion"}
	for _, f := range doc.Findings {
		var got []string
		for k := range f {
			got = append(got, k)
		}
		if d := cmp.Diff(keys, got, cmpSorted); d != "" {
			t.Fatalf("finding keys: %s", d)
		}
	}
	want := map[string]int{"files": 1, "messages": 15, "errors": 6, "warnings": 15, "infos": 1}
	if doc.Version != 1 || !cmp.Equal(want, doc.Summary) {
		t.Errorf("version %d summary %v", doc.Version, doc.Summary)
	}
}

var cmpSorted = cmp.Transformer("sort", func(in []string) []string {
	out := append([]string(nil), in...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
})

// TestSARIFRequired checks every field SARIF 2.1.0 requires and GitHub code
// scanning reads, on a run with findings and an input error.
func TestSARIFRequired(t *testing.T) {
	toRoot(t)
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("templates:\n  - txt: hi\n"), 0o644)
	code, out, _ := msglint(t, "", "check", "--format", "sarif", "testdata/examples", bad)
	if code != 2 {
		t.Fatalf("exit %d", code)
	}
	var log map[string]any
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	get := func(v any, path ...any) any {
		for _, p := range path {
			switch k := p.(type) {
			case string:
				m, ok := v.(map[string]any)
				if !ok {
					t.Fatalf("%v: not an object at %q", path, k)
				}
				v = m[k]
			case int:
				a, ok := v.([]any)
				if !ok || k >= len(a) {
					t.Fatalf("%v: no item %d", path, k)
				}
				v = a[k]
			}
			if v == nil {
				t.Fatalf("missing %v", path)
			}
		}
		return v
	}
	if get(log, "version") != "2.1.0" || get(log, "$schema") != "https://json.schemastore.org/sarif-2.1.0.json" {
		t.Error("version or $schema")
	}
	run := get(log, "runs", 0)
	if get(run, "tool", "driver", "name") != "msglint" || get(run, "columnKind") != "unicodeCodePoints" {
		t.Error("driver name or columnKind")
	}
	ids := map[string]int{}
	for i, r := range get(run, "tool", "driver", "rules").([]any) {
		id := get(r, "id").(string)
		ids[id] = i
		for _, p := range [][]any{{"shortDescription", "text"}, {"fullDescription", "text"}, {"help", "text"}, {"help", "markdown"}, {"defaultConfiguration", "level"}} {
			if s, _ := get(r, p...).(string); s == "" {
				t.Errorf("rule %s: empty %v", id, p)
			}
		}
	}
	results := get(run, "results").([]any)
	if len(results) != 28 {
		t.Errorf("%d results, want 28", len(results))
	}
	for _, r := range results {
		id := get(r, "ruleId").(string)
		if idx, ok := ids[id]; !ok || int(get(r, "ruleIndex").(float64)) != idx {
			t.Errorf("result rule %s not in the rule table at its index", id)
		}
		if l := get(r, "level"); l != "error" && l != "warning" && l != "note" {
			t.Errorf("level %v", l)
		}
		if get(r, "message", "text") == "" {
			t.Error("empty message")
		}
		loc := get(r, "locations", 0, "physicalLocation")
		if uri := get(loc, "artifactLocation", "uri").(string); !strings.HasPrefix(uri, "testdata/examples/") {
			t.Errorf("uri %q", uri)
		}
		for _, k := range []string{"startLine", "startColumn", "endLine", "endColumn"} {
			if get(loc, "region", k).(float64) < 1 {
				t.Errorf("region %s < 1", k)
			}
		}
		get(r, "partialFingerprints", "msglintFinding/v1")
	}
	inv := get(run, "invocations", 0)
	if get(inv, "executionSuccessful") != false {
		t.Error("executionSuccessful should be false with an input error")
	}
	n := get(inv, "toolExecutionNotifications", 0)
	if get(n, "level") != "error" || get(n, "message", "text") != `unknown template key "txt" (known: id, kind, lang, channel, text, quick_replies, buttons, disable)` ||
		get(n, "locations", 0, "physicalLocation", "region", "startLine").(float64) != 2 {
		t.Errorf("notification %v", n)
	}
}

// TestBadInputs: each broken file is an error naming file:line, exit 2, and
// the good file beside them is still checked and reported.
func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"good.yaml": "lang: en\ntemplates:\n  - text: We recieve it.\n",
		"bad.yaml":  "templates:\n  - text: ok\n  - text: @x\n",
		"bad.json":  "{\"templates\": [\n  {\"text\": \"ok\"\n  {\"text\": \"no comma\"}\n]}\n",
		"bad.csv":   "id,text\n1,\"unclosed\n",
	}
	for name, data := range files {
		os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644)
	}
	t.Chdir(dir)
	code, out, errs := msglint(t, "", "check", ".")
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	wantErr := "bad.csv:3:1: invalid CSV: extraneous or missing \" in quoted-field\n" +
		"bad.json:3:3: invalid JSON: invalid character '{' after object key:value pair\n" +
		"bad.yaml:3: invalid YAML: found character that cannot start any token\n"
	if d := cmp.Diff(wantErr, errs); d != "" {
		t.Errorf("stderr (-want +got):\n%s", d)
	}
	wantOut := "good.yaml:3:14: warning spelling: \"recieve\" is a misspelling of \"receive\"\n" +
		"      - text: We recieve it.\n" +
		"                 ^~~~~~~\n" +
		"    suggestion: receive\n" +
		"0 errors, 1 warning, 0 infos in 1 message (4 files; 3 with input errors)\n"
	if d := cmp.Diff(wantOut, out); d != "" {
		t.Errorf("stdout (-want +got):\n%s", d)
	}
}

func TestExitCodes(t *testing.T) {
	toRoot(t)
	warnOnly := "testdata/rules/spelling/en.yaml"
	cases := []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"check", warnOnly, "--disable", "length"}, 0, ""},
		{[]string{"check", warnOnly, "--disable", "length", "--fail-on", "warning"}, 1, ""},
		{[]string{"check", "--text", "Thanks, see you soon."}, 0, ""},
		{[]string{"check", "--text", "We recieve it", "--fail-on", "info"}, 1, ""},
		{[]string{"check"}, 2, "msglint: nothing to check: name files or folders, - for standard input, or --text\n"},
		{[]string{"check", "--format", "xml", warnOnly}, 2, "msglint: unknown format \"xml\" (want text, json, sarif, github, html, gitlab, junit, checkstyle or rdjson)\n"},
		{[]string{"check", "--fail-on", "never", warnOnly}, 2, "msglint: --fail-on: unknown severity \"never\" (want error, warning or info)\n"},
		{[]string{"check", "--enable", "nope", warnOnly}, 2, "msglint: unknown rule \"nope\" (see `msglint rules`)\n"},
		{[]string{"check", "--lang", "de", warnOnly}, 2, "msglint: unsupported language \"de\" (want one of en, tr, az)\n"},
		{[]string{"check", "no/such/file.yaml"}, 2, "no/such/file.yaml: cannot read: no such file or directory\n"},
		{[]string{"check", "--bogus"}, 2, "msglint: unknown flag: --bogus (see `msglint check --help`)\n"},
		{[]string{"explain", "nope"}, 2, "msglint: unknown rule \"nope\" (see `msglint rules`)\n"},
	}
	for _, c := range cases {
		code, _, errs := msglint(t, "", c.args...)
		if code != c.code || errs != c.err {
			t.Errorf("%v: exit %d, stderr %q; want %d, %q", c.args, code, errs, c.code, c.err)
		}
	}
}

func TestStdinAndText(t *testing.T) {
	code, out, _ := msglint(t, "Herkez gelsin.\n---\nMerhaba!\n", "check", "--lang", "tr", "-")
	want := "<stdin>:1:1: warning spelling: \"Herkez\" is a misspelling of \"Herkes\"\n    Herkez gelsin.\n    ^~~~~~\n    suggestion: Herkes\n0 errors, 1 warning, 0 infos in 2 messages (1 file)\n"
	if code != 0 || out != want {
		t.Errorf("stdin: exit %d\n%s", code, out)
	}
	code, out, _ = msglint(t, "", "check", "--format", "json", "--text", "Təşəkür edirik")
	if code != 0 || !strings.Contains(out, `"file": "<text>",
      "line": 1,
      "col": 1,
      "end_line": 1,
      "end_col": 8,`) {
		t.Errorf("--text: exit %d\n%s", code, out)
	}
}

func TestConfigFile(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, ".msglint.yaml"), []byte("fail_on: warning\nrules:\n  length:\n    enabled: false\n"), 0o644)
	os.MkdirAll(filepath.Join(dir, "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "sub", "r.yaml"), []byte("lang: en\ntemplates:\n  - text: We recieve it. One. Two. Three.\n"), 0o644)
	t.Chdir(filepath.Join(dir, "sub"))
	code, out, _ := msglint(t, "", "check", "r.yaml")
	if code != 1 || strings.Contains(out, "length") || !strings.Contains(out, "spelling") {
		t.Errorf("config from a parent folder not used: exit %d\n%s", code, out)
	}
	os.WriteFile("bad.yaml", []byte("rules:\n  spelling:\n    options:\n      word: {}\n"), 0o644)
	code, _, errs := msglint(t, "", "check", "--config", "bad.yaml", "r.yaml")
	if code != 2 || errs != "msglint: bad.yaml: rule spelling: line 4: unknown option \"word\" (known: words, ignore, accept, reject, accept_files, reject_files, dictionary)\n" {
		t.Errorf("bad option: exit %d, %q", code, errs)
	}
}

func TestRulesExplainInit(t *testing.T) {
	toRoot(t)
	_, out, _ := msglint(t, "", "rules")
	checkGolden(t, "rules.txt", out)
	_, out, _ = msglint(t, "", "explain", "length")
	checkGolden(t, "explain-length.txt", out)
	_, out, _ = msglint(t, "", "explain", "goodbye", "--lang", "tr")
	checkGolden(t, "explain-goodbye-tr.txt", out)
	// docs/rules.md is generated from the rules' docs and must stay in step.
	_, out, _ = msglint(t, "", "rules", "--format", "markdown")
	golden.Check(t, "docs/rules.md", out)

	t.Chdir(t.TempDir())
	if code, out, _ := msglint(t, "", "init"); code != 0 || out != "wrote .msglint.yaml\n" {
		t.Fatalf("init: exit %d %q", code, out)
	}
	data, _ := os.ReadFile(".msglint.yaml")
	cfg, err := lint.ParseConfig(".msglint.yaml", data, ruleNames())
	if err != nil {
		t.Fatalf("init wrote a config msglint rejects: %v", err)
	}
	if len(cfg.Rules) != len(allRules()) {
		t.Errorf("init config has %d rules, want every rule", len(cfg.Rules))
	}
	// The written defaults change nothing: same findings as no config at all.
	if _, err := lint.NewLinter(allRules(), cfg, nil, nil); err != nil {
		t.Error(err)
	}
	if code, _, errs := msglint(t, "", "init"); code != 2 || errs != "msglint: .msglint.yaml exists; use --force to overwrite it\n" {
		t.Errorf("second init: exit %d %q", code, errs)
	}
}

func TestRegistry(t *testing.T) {
	if err := lint.Validate(allRules()); err != nil {
		t.Fatal(err)
	}
}

func TestStdinTranscript(t *testing.T) {
	in := `{"time":"2026-03-01T10:00:00Z","conversation":"c","direction":"in","text":"Hi"}
{"time":"2026-03-03T10:00:00Z","conversation":"c","direction":"out","text":"Hello, your order shipped."}
`
	code, out, _ := msglint(t, in, "check", "--format", "json", "--disable", "response-time", "-")
	if code != 1 || !strings.Contains(out, `"rule": "window"`) || !strings.Contains(out, `"file": "<stdin>"`) {
		t.Errorf("exit %d\n%s", code, out)
	}
}

func TestStats(t *testing.T) {
	toRoot(t)
	code, out, errs := msglint(t, "", "stats", "testdata/transcripts/conversation.jsonl", "testdata/transcripts/channels.jsonl")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d: %s", code, errs)
	}
	checkGolden(t, "stats.txt", out)
	_, out, _ = msglint(t, "", "stats", "--format", "json", "testdata/transcripts/messenger.jsonl")
	checkGolden(t, "stats.json", out)
	code, _, errs = msglint(t, "", "stats", "testdata/examples/replies.yaml")
	if code != 2 || !strings.Contains(errs, "replies.yaml: not a transcript") {
		t.Errorf("a library given to stats: exit %d, %q", code, errs)
	}
}

// A transcript and a webhook payload are recognised by content and checked
// with the conversation rules, beside ordinary libraries.
func TestCheckTranscripts(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "hook.json"), []byte(`{"object":"page","entry":[{"messaging":[
 {"sender":{"id":"u1"},"recipient":{"id":"p1"},"timestamp":1772359200000,"message":{"mid":"m1","text":"Hi"}},
 {"sender":{"id":"p1"},"recipient":{"id":"u1"},"timestamp":1772445600000,"message":{"mid":"m2","text":"Hello, your order shipped.","is_echo":true}}
]}]}`), 0o644)
	t.Chdir(dir)
	code, out, _ := msglint(t, "", "check", "--format", "github", "hook.json")
	want := "::warning file=hook.json,line=3,col=1,endLine=3,endColumn=1,title=msglint response-time::first response came 1d after the customer's message on line 2 (target 15m) (suggestion: answer within the target, or set an away message that says when)\n" +
		"::error file=hook.json,line=3,col=1,endLine=3,endColumn=1,title=msglint window::sent at the second the 24-hour window closed at 2026-03-02T10:00:00Z (opened by the customer's message on line 2) (suggestion: wait for the customer to write, or use a message tag that applies)\n"
	if code != 1 || out != want {
		t.Errorf("exit %d\n%s", code, out)
	}
}

// --fix applies only safe fixes and changes nothing else in the file, byte for
// byte, in every format; a second run changes nothing.
func TestFix(t *testing.T) {
	toRoot(t)
	root, _ := os.Getwd()
	names := []string{"replies.yaml", "replies.json", "promos.csv", "inbox.jsonl", "away.txt"}
	dir := t.TempDir()
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join("testdata/fix", n))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, n), data, 0o640)
	}
	t.Chdir(dir)
	code, diff, _ := msglint(t, "", append([]string{"check", "--diff"}, names...)...)
	if code != 1 {
		t.Errorf("--diff exit %d, want 1", code)
	}
	golden.Check(t, filepath.Join(root, "testdata/golden/fix/fix.diff"), diff)
	if code, _, errs := msglint(t, "", append([]string{"check", "--fix", "--format", "json"}, names...)...); errs != "fixed 23 problems\n" {
		t.Errorf("--fix: exit %d, stderr %q", code, errs)
	}
	for _, n := range names {
		got, _ := os.ReadFile(n)
		golden.Check(t, filepath.Join(root, "testdata/golden/fix", n), string(got))
		if st, _ := os.Stat(n); st.Mode().Perm() != 0o640 {
			t.Errorf("%s: mode %v after --fix", n, st.Mode().Perm())
		}
	}
	if code, diff, _ := msglint(t, "", append([]string{"check", "--diff"}, names...)...); diff != "" || code == 1 && diff != "" {
		t.Errorf("second run would still change:\n%s", diff)
	}
	if code, _, errs := msglint(t, "x", "check", "--fix", "-"); code != 2 || errs != "msglint: --fix and --diff edit files, not standard input\n" {
		t.Errorf("--fix on stdin: exit %d %q", code, errs)
	}
}

// The pre-commit hook and the GitHub Action call msglint the way the CLI
// works: the entry is the check command, and the action writes SARIF, uploads
// it, then fails with msglint's own exit code.
func TestIntegrations(t *testing.T) {
	toRoot(t)
	var hooks []struct {
		ID, Entry, Language, Files string
	}
	data, err := os.ReadFile(".pre-commit-hooks.yaml")
	if err != nil || yaml.Unmarshal(data, &hooks) != nil || len(hooks) != 1 {
		t.Fatalf("pre-commit hooks: %v", err)
	}
	if h := hooks[0]; h.Entry != "msglint check --skip-other --allow-empty" || h.Language != "golang" || !regexp.MustCompile(h.Files).MatchString("replies.yaml") {
		t.Errorf("hook %+v", h)
	}
	var action struct {
		Runs struct {
			Using string
			Steps []struct{ Uses, Run string }
		}
	}
	data, _ = os.ReadFile("action.yml")
	if err := yaml.Unmarshal(data, &action); err != nil || action.Runs.Using != "composite" {
		t.Fatalf("action.yml: %v", err)
	}
	var all []string
	for _, s := range action.Runs.Steps {
		all = append(all, s.Uses+s.Run)
	}
	steps := strings.Join(all, "\n")
	for _, want := range []string{"go install github.com/msglint/msglint/cmd/msglint@", "check --format sarif", "github/codeql-action/upload-sarif@", "exit ${{ steps.check.outputs.status }}"} {
		if !strings.Contains(steps, want) {
			t.Errorf("action.yml lacks %q", want)
		}
	}
}

func TestProgress(t *testing.T) {
	if got := bar(120, 400, 10); got != "checking [###       ] 120/400 files" {
		t.Errorf("bar = %q", got)
	}
	var b bytes.Buffer
	if newProgress(&b) != nil {
		t.Error("a progress bar on a writer that is not a terminal")
	}
}

// A large export is written as it is checked; the bytes are those of a run
// that holds every finding.
func TestStreamedEqualsCollected(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "export.jsonl")
	var buf bytes.Buffer
	if err := gen.JSONL(&buf, 3000, 7); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path, buf.Bytes(), 0o644)
	for _, format := range []string{"json", "text", "github"} {
		code1, collected, _ := msglint(t, "", "check", "--format", format, path)
		old := streamMin
		streamMin = 0
		code2, streamed, _ := msglint(t, "", "check", "--format", format, path)
		streamMin = old
		if code1 != code2 || code1 != 1 {
			t.Errorf("%s: exit codes %d collected, %d streamed", format, code1, code2)
		}
		if d := cmp.Diff(collected, streamed); d != "" {
			t.Errorf("%s: streamed output differs (-collected +streamed):\n%s", format, d)
		}
	}
}
