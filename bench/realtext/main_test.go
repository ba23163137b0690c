package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeDir lays out DIR/<lang>/<name>.txt files.
func writeDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestReport(t *testing.T) {
	dir := writeDir(t, map[string]string{
		"en/app.txt": "Settings saved.\n---\nERROR!! Could not load the page\n---\n\n---\nYour backup is ready to download.\n",
		"tr/app.txt": "Ayarlar kaydedildi.\n---\nYedekleme tamamlandı.\n",
	})
	var b bytes.Buffer
	if err := run(&b, dir, "reply", true); err != nil {
		t.Fatal(err)
	}
	got := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	want := []string{
		"  lang  words  messages  all  per 1k  sarcasm  forwarding-consent  bot-handoff  goodbye  greeting  cta  shouting",
		"    en     14         3    2  142.86        0                   0            0        0         0    0         2",
		"    tr      4         2    0    0.00        0                   0            0        0         0    0         0",
	}
	if len(got) < len(want) {
		t.Fatalf("report:\n%s", b.String())
	}
	for i, w := range want {
		if got[i] != w {
			t.Errorf("line %d:\n got %q\nwant %q", i, got[i], w)
		}
	}
	// -list names each finding with its file and line, the text and the rule's words.
	for _, w := range []string{
		`en shouting app.txt:3: "ERROR!! Could not load the page" — "!!" reads as shouting; one "!" is enough`,
		`en shouting app.txt:3: "ERROR!! Could not load the page" — "ERROR": word is in capitals, which reads as shouting`,
	} {
		if !strings.Contains(b.String(), w) {
			t.Errorf("list lacks %q:\n%s", w, b.String())
		}
	}
}

// A kind wakes the rules of that kind: every string checked as a closing
// lacks a goodbye.
func TestKind(t *testing.T) {
	dir := writeDir(t, map[string]string{"en/app.txt": "Settings saved.\n"})
	var b bytes.Buffer
	if err := run(&b, dir, "closing", false); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "    en      2         1    1  500.00        0                   0            0        1") {
		t.Errorf("report:\n%s", b.String())
	}
}

// A file that cannot be read is an error, not an empty report: here a
// folder named like a file.
func TestUnreadable(t *testing.T) {
	dir := writeDir(t, map[string]string{"en/app.txt/inner": "Settings saved.\n"})
	if err := run(&bytes.Buffer{}, dir, "reply", false); err == nil {
		t.Error("no error for an unreadable file")
	}
}
