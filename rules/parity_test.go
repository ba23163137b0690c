package rules

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
)

// TestParityTree reads a locale tree shaped like a project's (locales/en.yaml
// beside locales/tr.yaml, en/chat.yaml beside tr/chat.yaml) as a run does,
// and matches the findings with the `# want` comments of every file.
func TestParityTree(t *testing.T) {
	dir := filepath.Join("..", "testdata", "rules", "parity", "tree")
	l, err := lint.NewLinter(All(), nil, []string{Parity.Name}, slices.DeleteFunc(Names(), func(n string) bool { return n == Parity.Name }))
	if err != nil {
		t.Fatal(err)
	}
	res := (&load.Run{Options: load.Options{I18n: true}, Linter: l}).Check([]string{dir}, "")
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	type want struct {
		file string
		expectation
	}
	var wants []want
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		for _, e := range parseWants(t, string(data)) {
			wants = append(wants, want{path, e})
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	matched := make([]bool, len(wants))
	for _, f := range res.Findings {
		got := expectation{line: f.Line, col: f.Col, rule: f.Rule, sev: f.Severity.String(), msg: f.Message, suggestion: f.Suggestion}
		i := slices.IndexFunc(wants, func(w want) bool {
			return w.file == f.File && w.line == got.line && w.col == got.col && w.sev == got.sev && w.msg == got.msg &&
				(!w.hasSuggestion || w.suggestion == got.suggestion)
		})
		if i < 0 || matched[i] {
			t.Errorf("%s: unexpected finding: %s", f.File, got)
			continue
		}
		matched[i] = true
	}
	for i, w := range wants {
		if !matched[i] {
			t.Errorf("%s: expected finding not reported: %s", w.file, w.expectation)
		}
	}
}

func TestLocaleKey(t *testing.T) {
	for _, c := range []struct {
		path string
		lang lint.Lang
		want string
	}{
		{"locales/en.json", lint.English, "locales/*.json"},
		{"locales/tr.json", lint.Turkish, "locales/*.json"},
		{"app/en/chat.yaml", lint.English, "app/*/chat.yaml"},
		{"i18n/messages.en-US.json", lint.English, "i18n/messages.*.json"},
		{"config/locales/tr_TR.yml", lint.Turkish, "config/locales/*.yml"},
		// Android: values/ holds the source language, the language
		// qualifiers drop out, the others stay.
		{"res/values-az/strings.xml", lint.Azerbaijani, "res/values/strings.xml"},
		{"res/values/strings.xml", lint.English, "res/values/strings.xml"},
		{"app/res/values-b+az+Latn/strings.xml", lint.Azerbaijani, "app/res/values/strings.xml"},
		{"res/values-tr-rTR/strings.xml", lint.Turkish, "res/values/strings.xml"},
		{"res/values-night-tr/strings.xml", lint.Turkish, "res/values-night/strings.xml"},
		{"res/values-tr/other.xml", lint.Turkish, "res/values/other.xml"},
		{"az-Latn-AZ.json", lint.Azerbaijani, "*.json"},
		{"trend/trial.yaml", lint.Turkish, ""}, // tr only inside words
		{"en_chat.yaml", lint.English, "*_chat.yaml"},
		{"replies.yaml", lint.English, ""},
	} {
		if got := localeKey(c.path, c.lang); got != c.want {
			t.Errorf("localeKey(%q, %s) = %q, want %q", c.path, c.lang, got, c.want)
		}
	}
	if strings.Contains(localeKey("locales/en.json", lint.English), "en") {
		t.Error("the language is still in the key")
	}
}

// missing: false leaves out the texts a translation lacks, and nothing else.
func TestParityMissingOff(t *testing.T) {
	cfg, err := lint.ParseConfig("c.yaml", []byte("rules: {parity: {options: {missing: false}}}"), Names())
	if err != nil {
		t.Fatal(err)
	}
	l, err := lint.NewLinter(All(), cfg, []string{Parity.Name}, slices.DeleteFunc(Names(), func(n string) bool { return n == Parity.Name }))
	if err != nil {
		t.Fatal(err)
	}
	res := (&load.Run{Options: load.Options{I18n: true}, Linter: l}).Check([]string{filepath.Join("..", "testdata", "rules", "parity", "tree")}, "")
	var got []string
	for _, f := range res.Findings {
		got = append(got, filepath.Base(f.File)+" "+f.Message[:min(len(f.Message), 30)])
	}
	want := []string{
		"strings.xml the translation drops %1$s (en",
		"strings.xml not translated: the same text ",
		`strings.xml "unread" has no "one" form, wh`,
		`tr.yml "cart.items" has no "one" form`,
		"tr.yaml renames %{amount} to %{tutar},",
		"tr.yaml not translated: the same text ",
		`chat.yaml "unread" has no "one" form, wh`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
