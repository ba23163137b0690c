package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/msglint/msglint/internal/golden"
)

// --fix in every locale format writes only fixes whose text was written as
// it reads (no escape, entity or folded white space under it), byte for byte
// in the file's own encoding (UTF-16 too); a second run changes nothing.
func TestFixLocaleFormats(t *testing.T) {
	toRoot(t)
	root, _ := os.Getwd()
	src := filepath.Join(root, "testdata/locales/fix")
	dir := t.TempDir()
	var names []string
	err := filepath.WalkDir(src, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		os.MkdirAll(filepath.Join(dir, filepath.Dir(rel)), 0o755)
		names = append(names, filepath.ToSlash(rel))
		return os.WriteFile(filepath.Join(dir, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	gold := filepath.Join(root, "testdata/golden/load/fix")
	code, diff, errs := msglint(t, "", "check", "--i18n", "--diff", ".")
	if code != 1 || errs != "" {
		t.Errorf("--diff: exit %d, stderr %q", code, errs)
	}
	golden.Check(t, filepath.Join(gold, "fix.diff"), diff)
	if _, _, errs := msglint(t, "", "check", "--i18n", "--fix", "--format", "json", "."); errs != "fixed 22 problems\n" {
		t.Errorf("--fix: stderr %q", errs)
	}
	for _, n := range names {
		got, _ := os.ReadFile(n)
		golden.Check(t, filepath.Join(gold, strings.ReplaceAll(n, "/", "_")), string(got))
	}
	if _, diff, _ := msglint(t, "", "check", "--i18n", "--diff", "."); diff != "" {
		t.Errorf("second run would still change:\n%s", diff)
	}
}

// Bad input in a locale format is an error at its line and column, exit 2,
// and the other files are still checked.
func TestLocaleBadInput(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "values-tr"), 0o755)
	os.WriteFile(filepath.Join(dir, "tr.po"), []byte("msgid \"a\"\nmsgstr \"b\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "values-tr", "strings.xml"), []byte("<resources>\n  <string name=\"a\">Herkez için</strin>\n</resources>\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "app_tr.arb"), []byte("{\"a\": \"Bu kampanya herkez için.\"}"), 0o644)
	t.Chdir(dir)
	code, out, errs := msglint(t, "", "check", ".")
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	for _, want := range []string{"tr.po:2:8: invalid PO: string not closed on its line\n", "strings.xml:2:31: invalid XML: end tag </strin> does not close <string> of line 2\n"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr %q lacks %q", errs, want)
		}
	}
	if !strings.Contains(out, "app_tr.arb:1:20: warning spelling") {
		t.Errorf("the good file was not checked:\n%s", out)
	}
}

// A locale string's kind, inferred from its key path or given by the
// config's kinds: globs, runs the rules of that kind and is reported with
// what it came from, in JSON and in the HTML report.
func TestLocaleKindsReported(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "locales"), 0o755)
	os.WriteFile(filepath.Join(dir, "locales", "en.json"), []byte(`{"chat": {"fallback": "Sorry, I did not understand that. Please rephrase your question.", "hours": "We are closed over the weekend. Leave us your order number."}}`), 0o644)
	os.WriteFile(filepath.Join(dir, ".msglint.yaml"), []byte("kinds:\n  \"chat.hours\": away\n"), 0o644)
	t.Chdir(dir)
	_, out, _ := msglint(t, "", "check", "--i18n", "--format", "json", "--enable", "bot-handoff,greeting", "locales/en.json")
	for _, want := range []string{
		"\"message_id\": \"chat.fallback\",\n      \"suggestion\": \"add a way out: \\\"Type 'agent' to chat with a person, or call us.\\\"\",\n      \"kind\": \"bot\",\n      \"kind_from\": \"key \\\"fallback\\\"\"",
		"\"message_id\": \"chat.hours\",",
		"\"kind\": \"away\",\n      \"kind_from\": \"kinds: \\\"chat.hours\\\"\"",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("JSON lacks %s:\n%s", want, out)
		}
	}
	_, html, _ := msglint(t, "", "check", "--i18n", "--format", "html", "locales/en.json")
	if !strings.Contains(html, `<span title="inferred from key &#34;fallback&#34;">bot (from key &#34;fallback&#34;)</span>`) {
		t.Error("the HTML report does not say where the kind came from")
	}
}

// A file read as a stream, and standard input among other files, are not
// compared by parity: a line on standard error says so, naming the input
// and why, rather than letting it pass as compared.
func TestUncomparedSaid(t *testing.T) {
	dir := t.TempDir()
	export := filepath.Join(dir, "export.jsonl")
	lines := "{\"id\":\"a\",\"lang\":\"en\",\"text\":\"Your order has shipped today.\"}\n{\"id\":\"a\",\"lang\":\"tr\",\"text\":\"Your order has shipped today.\"}\n"
	os.WriteFile(export, []byte(lines), 0o644)
	en := filepath.Join(dir, "en.json")
	os.WriteFile(en, []byte(`{"a": "Your order has shipped today."}`), 0o644)

	old := streamMin
	streamMin = 0
	_, _, errs := msglint(t, "", "check", "--format", "json", export)
	_, _, errs2 := msglint(t, "", "check", "--i18n", "--format", "json", export, en)
	streamMin = old
	want := export + ": not compared with other files (parity): read as a stream, its messages were not kept\n"
	if errs != want || errs2 != want {
		t.Errorf("streamed: stderr %q and %q, want %q", errs, errs2, want)
	}
	if _, _, errs := msglint(t, "", "check", "--format", "json", "--disable", "parity", export); errs != "" {
		t.Errorf("without parity: stderr %q", errs)
	}

	po := "msgid \"\"\nmsgstr \"Language: tr\\n\"\n\nmsgid \"a\"\nmsgstr \"Siparişiniz bugün kargoya verildi.\"\n"
	_, _, errs = msglint(t, po, "check", "--i18n", "--format", "json", en, "-")
	if want := "-: not compared with other files (parity): standard input has no path to pair it with its translations by (name the file instead)\n"; errs != want {
		t.Errorf("stdin: stderr %q, want %q", errs, want)
	}
	if _, _, errs := msglint(t, "", "check", "--format", "json", export); errs != "" {
		t.Errorf("read whole: stderr %q", errs)
	}
}
