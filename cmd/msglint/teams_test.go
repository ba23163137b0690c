package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A monorepo with a folder per brand: each file gets the nearest config,
// which extends the base and a style folder; an override softens promos;
// a brand folder without its own config gets the base.
func TestMonorepoConfig(t *testing.T) {
	toRoot(t)
	code, out, errs := msglint(t, "", "check", "--disable", "spelling,shouting", "testdata/config/monorepo/brands")
	if code != 1 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	checkGolden(t, "monorepo.txt", out)

	// --config gives every file one config: no folder's own rules.
	code, out, _ = msglint(t, "", "check", "--disable", "spelling,shouting", "--config", "testdata/config/monorepo/.msglint.yaml", "testdata/config/monorepo/brands")
	if code != 1 || strings.Contains(out, "luma-name") || strings.Contains(out, "kiwi-claims") || strings.Count(out, "error claims") != 4 {
		t.Errorf("--config: exit %d\n%s", code, out)
	}

	// rules and explain show the rules the config found from here defines.
	t.Chdir("testdata/config/monorepo/brands/luma")
	_, out, _ = msglint(t, "", "rules")
	for _, want := range []string{
		"claims              error     on       claims the brands cannot stand behind\n",
		"email               warning   on       write e-mail with a hyphen\n",
		"luma-name           warning   on       substitution rule from .msglint.yaml\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("rules: no line %q in\n%s", want, out)
		}
	}
	_, out, _ = msglint(t, "", "explain", "email", "--lang", "en")
	want := `email: write e-mail with a hyphen
severity: warning (on by default)

Write e-mail with a hyphen. Defined in ../../styles/house/email.yml (extends: substitution).
`
	if !strings.HasPrefix(out, want) || !strings.Contains(out, "substitution: email → e-mail") {
		t.Errorf("explain:\n%s", out)
	}
}

func TestConfigErrors(t *testing.T) {
	toRoot(t)
	for _, c := range []struct{ config, want string }{
		{"testdata/config/cycle/a.yaml", "msglint: testdata/config/cycle/c.yaml: extends a.yaml, a cycle: testdata/config/cycle/a.yaml -> testdata/config/cycle/b.yaml -> testdata/config/cycle/c.yaml -> testdata/config/cycle/a.yaml\n"},
		{"testdata/config/bad/child.yaml", "msglint: testdata/config/bad/base.yaml: rules.spelling: line 4: unknown option \"severty\" (known: enabled, severity, options)\n"},
	} {
		code, _, errs := msglint(t, "", "check", "--config", c.config, "testdata/examples/replies.yaml")
		if code != 2 || errs != c.want {
			t.Errorf("%s: exit %d, stderr\n%s\nwant\n%s", c.config, code, errs, c.want)
		}
	}

	// A broken folder config is reported once, with its line, and the
	// files under other configs are still checked.
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a", ".msglint.yaml"), "rules:\n  nosuch: {}\n")
	write(t, filepath.Join(dir, "a", "r.yaml"), "lang: en\ntemplates:\n  - text: Hi.\n  - text: Hello.\n")
	write(t, filepath.Join(dir, "a", "s.yaml"), "lang: en\ntemplates:\n  - text: Hi.\n")
	write(t, filepath.Join(dir, "b", "r.yaml"), "lang: en\ntemplates:\n  - text: We recieve it.\n")
	t.Chdir(dir)
	code, out, errs := msglint(t, "", "check", "a", "b")
	if code != 2 || errs != "a/.msglint.yaml:2: unknown rule \"nosuch\" (see `msglint rules`) (2 inputs not checked)\n" || !strings.Contains(out, "b/r.yaml:3:14: warning spelling") {
		t.Errorf("exit %d, stderr %q\n%s", code, errs, out)
	}
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// The baseline's round trip: written, a rerun passes; one new typo fails;
// moved and reordered templates still pass.
func TestBaselineRoundTrip(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	lib := `lang: en
templates:
  - id: a
    text: "We recieve orders daily."
  - id: b
    text: "Your adress is saved. We recieve returns too."
  - text: "Thanks, your adress is saved."
`
	write(t, "lib/replies.yaml", lib)
	check := func(args ...string) (int, string, string) {
		return msglint(t, "", append([]string{"check", "--fail-on", "warning"}, args...)...)
	}
	if code, _, _ := check("lib"); code != 1 {
		t.Fatalf("without a baseline: exit %d, want 1", code)
	}
	code, out, errs := check("--write-baseline", "msglint-baseline.json", "lib")
	if code != 0 || out != "" || errs != "wrote 4 findings to msglint-baseline.json\n" {
		t.Fatalf("write: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	base := "--baseline=msglint-baseline.json"
	code, out, errs = check(base, "lib")
	if code != 0 || out != "no problems in 3 messages (1 file)\n" || errs != "4 findings in msglint-baseline.json not shown\n" {
		t.Fatalf("rerun: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	// The same check from another folder finds the same baseline entries.
	t.Chdir("lib")
	if code, _, errs = check("--baseline=../msglint-baseline.json", "."); code != 0 {
		t.Fatalf("from another folder: exit %d, %s", code, errs)
	}
	t.Chdir("..")

	// One more of a known typo is new: the baseline counted two.
	write(t, "lib/replies.yaml", lib+"  - id: c\n    text: \"We recieve calls.\"\n")
	code, out, _ = check(base, "lib")
	if code != 1 || !strings.Contains(out, "lib/replies.yaml:9:15: warning spelling: \"recieve\" is a misspelling of \"receive\"") ||
		strings.Count(out, "spelling:") != 1 {
		t.Fatalf("a new typo: exit %d\n%s", code, out)
	}

	// Moved lines and reordered templates: nothing is new.
	moved := `# A comment moves every line down.
lang: en

templates:
  - id: b
    text: "Your adress is saved. We recieve returns too."
  - text: "Thanks, your adress is saved."
  - id: a
    text: "We recieve orders daily."
`
	write(t, "lib/replies.yaml", moved)
	if code, out, _ = check(base, "lib"); code != 0 {
		t.Fatalf("moved lines: exit %d\n%s", code, out)
	}

	for _, bad := range []string{"missing.json", "lib/replies.yaml"} {
		if code, _, errs = check("--baseline", bad, "lib"); code != 2 || !strings.Contains(errs, bad) {
			t.Errorf("baseline %s: exit %d, %q", bad, code, errs)
		}
	}
}

// Directives written in a YAML library, end to end.
func TestDirectivesInYAML(t *testing.T) {
	t.Chdir(t.TempDir())
	write(t, "r.yaml", `lang: en
templates:
  - id: a
    # msglint-disable-next-line spelling -- the product's name
    text: "Try Recieve Pro."
  - id: b
    # msglint-disable-next-line spelling
    text: "Fixed already."
  # msglint-disable spelling
  - text: "We recieve it."
  # msglint-enable spelling
  - text: "We recieve it."
`)
	code, out, _ := msglint(t, "", "check", "r.yaml")
	want := `r.yaml:7:7: warning directive: msglint-disable-next-line spelling switched off nothing: remove spelling
r.yaml:12:15: warning spelling: "recieve" is a misspelling of "receive"
`
	if code != 0 || !strings.HasPrefix(out, want) {
		t.Errorf("exit %d\n%s\nwant\n%s", code, out, want)
	}
}
