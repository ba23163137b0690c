// Command compilelang writes lint/lang_compiled.go, the language registry
// (data/lang.yaml) decoded ahead of time as a Go value (see
// lint/internal/langdata). Run from lint/ by go generate ./lint after
// changing data/lang.yaml.
package main

import (
	"log"
	"os"

	"github.com/msglint/msglint/lint/internal/langdata"
)

func main() {
	raw, err := os.ReadFile("data/lang.yaml")
	if err != nil {
		log.Fatal(err)
	}
	out, err := langdata.Source(raw)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(langdata.File, out, 0o644); err != nil {
		log.Fatal(err)
	}
}
