// Command compiledata writes rules/data_compiled.go, the rules' YAML data
// decoded ahead of time as a Go value (see lint.CompileRuleData and
// rules/internal/gendata), and rules/spelling_english.go, misspell's English
// pairs as the spelling rule's table holds them. Run from rules/ by
// go generate ./rules after changing a file of rules/data or misspell's
// version.
package main

import (
	"log"
	"os"

	"github.com/client9/misspell"
	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/rules/internal/gendata"
)

func main() {
	c, err := lint.CompileRuleData(os.DirFS("."), "data")
	if err != nil {
		log.Fatal(err)
	}
	out, err := gendata.Source("rules", "compiledData", gendata.Generator, c)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(gendata.File, out, 0o644); err != nil {
		log.Fatal(err)
	}
	out, err = gendata.EnglishSource("rules", gendata.Generator, misspell.DictMain)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(gendata.EnglishFile, out, 0o644); err != nil {
		log.Fatal(err)
	}
}
