package lint_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/msglint/msglint/lint/internal/langdata"
)

// TestCompiledLangsAreFresh fails when lang_compiled.go is not
// data/lang.yaml compiled: run go generate ./lint.
func TestCompiledLangsAreFresh(t *testing.T) {
	raw, err := os.ReadFile("data/lang.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want, err := langdata.Source(raw)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(langdata.File)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal(langdata.File + " is not data/lang.yaml compiled: run go generate ./lint")
	}
}
