package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
)

// Fixtures live in testdata/rules/<rule>/*.yaml, with what must be found
// written beside the text:
//
//	text: "Herkez gelsin."  # want 12 spelling/warning `"Herkez" is a misspelling of "Herkes"` `Herkes`
//
// Each expectation is [LINE:]COL RULE/SEVERITY `message` and, optionally,
// `suggestion`; LINE defaults to the comment's line. A file name.config.yaml
// beside name.yaml is used as the config. Every finding must be expected and
// every expectation found.

var wantRE = regexp.MustCompile("(?:(\\d+):)?(\\d+) ([a-z-]+)/([a-z]+) `([^`]*)`(?: `([^`]*)`)?")

type expectation struct {
	line, col                  int
	rule, sev, msg, suggestion string
	hasSuggestion              bool
}

func (e expectation) String() string {
	s := fmt.Sprintf("%d:%d %s/%s `%s`", e.line, e.col, e.rule, e.sev, e.msg)
	if e.hasSuggestion {
		s += fmt.Sprintf(" `%s`", e.suggestion)
	}
	return s
}

func parseWants(t *testing.T, data string) []expectation {
	var out []expectation
	for i, line := range strings.Split(data, "\n") {
		_, rest, ok := strings.Cut(line, "# want ")
		if !ok {
			continue
		}
		ms := wantRE.FindAllStringSubmatch(rest, -1)
		if len(ms) == 0 {
			t.Fatalf("line %d: cannot read expectation %q", i+1, rest)
		}
		for _, m := range ms {
			e := expectation{line: i + 1, rule: m[3], sev: m[4], msg: m[5], suggestion: m[6], hasSuggestion: m[6] != ""}
			if m[1] != "" {
				e.line, _ = strconv.Atoi(m[1])
			}
			e.col, _ = strconv.Atoi(m[2])
			out = append(out, e)
		}
	}
	return out
}

func runFixture(t *testing.T, rule *lint.Rule, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cfg := &lint.Config{}
	if c := strings.TrimSuffix(path, ".yaml") + ".config.yaml"; fileExists(c) {
		if cfg, err = lint.LoadConfig(c, Names()); err != nil {
			t.Fatal(err)
		}
	}
	var others []string
	for _, r := range All() {
		if r != rule {
			others = append(others, r.Name)
		}
	}
	l, err := lint.NewLinter(All(), cfg, []string{rule.Name}, others)
	if err != nil {
		t.Fatal(err)
	}
	checkFixture(t, l, path, data)
}

// checkFixture checks a fixture's findings against its want comments and
// returns the findings.
func checkFixture(t *testing.T, l *lint.Linter, path string, data []byte) []lint.Finding {
	t.Helper()
	msgs, err := load.Options{}.File(path, data)
	if err != nil {
		t.Fatal(err)
	}
	wants := parseWants(t, string(data))
	matched := make([]bool, len(wants))
	// A fixture file is a run of one file: the rules that look across files
	// see it alone.
	fs := append(l.CheckFile(msgs), l.CheckSets([][]*lint.Message{msgs})...)
	for _, f := range fs {
		{
			m := f.Msg
			got := expectation{line: f.Line, col: f.Col, rule: f.Rule, sev: f.Severity.String(), msg: f.Message, suggestion: f.Suggestion}
			found := false
			for i, w := range wants {
				if !matched[i] && w.line == got.line && w.col == got.col && w.rule == got.rule && w.sev == got.sev && w.msg == got.msg &&
					(!w.hasSuggestion || w.suggestion == got.suggestion) {
					matched[i], found = true, true
					break
				}
			}
			if !found {
				got.hasSuggestion = got.suggestion != ""
				t.Errorf("%s: unexpected finding (message %s): %s", path, m.ID, got)
			}
		}
	}
	for i, w := range wants {
		if !matched[i] {
			t.Errorf("%s: expected finding not reported: %s", path, w)
		}
	}
	return fs
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func TestFixtures(t *testing.T) {
	for _, r := range All() {
		files, _ := filepath.Glob(filepath.Join("../testdata/rules", r.Name, "*.yaml"))
		var langs []string
		for _, f := range files {
			if strings.HasSuffix(f, ".config.yaml") {
				continue
			}
			langs = append(langs, filepath.Base(f))
			t.Run(r.Name+"/"+filepath.Base(f), func(t *testing.T) { runFixture(t, r, f) })
		}
		for _, l := range lint.Langs {
			if !containsStr(langs, string(l)+".yaml") {
				t.Errorf("rule %s has no fixture for %s (testdata/rules/%s/%s.yaml)", r.Name, l, r.Name, l)
			}
		}
	}
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestRegistry(t *testing.T) {
	if err := lint.Validate(All()); err != nil {
		t.Fatal(err)
	}
}
