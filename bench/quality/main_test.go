package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReport(t *testing.T) {
	corpus := `{"id": "en-1", "lang": "en", "kind": "closing", "text": "Your ticket is closed.", "labels": ["missing_goodbye"]}
{"id": "en-2", "lang": "en", "kind": "closing", "text": "Closed. Have a great day!", "labels": []}
{"id": "tr-1", "lang": "tr", "kind": "closing", "text": "Talebiniz kapatıldı.", "labels": []}
{"id": "az-1", "lang": "az", "kind": "reply", "text": "Təşəkür edirik.", "labels": ["misspelling"]}
`
	path := filepath.Join(t.TempDir(), "c.jsonl")
	os.WriteFile(path, []byte(corpus), 0o644)
	var b bytes.Buffer
	if err := run(&b, path, true); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"goodbye    en       1.00    1.00   1   0   0",
		"goodbye    tr       0.00       -   0   1   0",
		"spelling    az       1.00    1.00   1   0   0",
		"false alarm goodbye tr-1: Talebiniz kapatıldı.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

// A test set in one language reports that language's rows only.
func TestReportOneLanguage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "en.jsonl")
	os.WriteFile(path, []byte(`{"id": "en-1", "lang": "en", "kind": "closing", "text": "Your ticket is closed.", "labels": ["missing_goodbye"]}`+"\n"), 0o644)
	var b bytes.Buffer
	if err := run(&b, path, false); err != nil {
		t.Fatal(err)
	}
	if out := b.String(); !strings.Contains(out, "goodbye    en       1.00    1.00   1   0   0") || strings.Contains(out, " tr ") {
		t.Errorf("one-language report:\n%s", out)
	}
}

// The greeting rule's finding that an away message does not say when is no
// missing greeting: listed as not counted, never a false alarm.
func TestReportAwayWithoutTime(t *testing.T) {
	path := filepath.Join(t.TempDir(), "en.jsonl")
	os.WriteFile(path, []byte(`{"id": "en-1", "lang": "en", "kind": "away", "text": "Hi! The kite shop is closed right now.", "labels": []}`+"\n"), 0o644)
	var b bytes.Buffer
	if err := run(&b, path, true); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Contains(out, "false alarm greeting") || !strings.Contains(out, "not counted greeting/away en-1") {
		t.Errorf("away message without a time:\n%s", out)
	}
}
