// Command compile writes lint/morph/compiled.go, the paradigm files
// decoded ahead of time (see morph.CompiledSource). Run by go generate
// ./lint/morph after changing a file of lint/morph/data.
package main

import (
	"log"
	"os"

	"github.com/msglint/msglint/lint/morph"
)

func main() {
	src, err := morph.CompiledSource()
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("compiled.go", src, 0o644); err != nil {
		log.Fatal(err)
	}
}
