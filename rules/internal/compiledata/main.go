// Command compiledata writes rules/data/compiled.json, the rules' YAML data
// decoded ahead of time (see lint.CompileRuleData). Run from rules/ by
// go generate ./rules after changing a file of rules/data.
package main

import (
	"log"
	"os"

	"github.com/msglint/msglint/lint"
)

func main() {
	out, err := lint.CompileRuleData(os.DirFS("."), "data")
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("data/compiled.json", out, 0o644); err != nil {
		log.Fatal(err)
	}
}
