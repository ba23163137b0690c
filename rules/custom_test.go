package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/msglint/msglint/internal/golden"
	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/style"
)

// Rules defined in config have fixtures like built-in ones: one folder per
// kind under testdata/rules/custom, its config.yaml defining the rules, one
// file per language with what must be found written beside the text. Where
// a finding carries a fix, the fixed file is compared with name.fixed.yaml.
func TestCustomFixtures(t *testing.T) {
	for _, kind := range style.Kinds {
		dir := filepath.Join("../testdata/rules/custom", kind)
		cfg, err := lint.LoadConfig(filepath.Join(dir, "config.yaml"), Names())
		if err != nil {
			t.Fatal(err)
		}
		custom, err := style.Rules(cfg.Defs)
		if err != nil {
			t.Fatal(err)
		}
		l, err := lint.NewLinter(custom, cfg, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, lang := range lint.Langs {
			path := filepath.Join(dir, string(lang)+".yaml")
			t.Run(kind+"/"+string(lang), func(t *testing.T) {
				data, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				var edits []lint.FileEdit
				for _, f := range checkFixture(t, l, path, data) {
					if f.Fix != nil {
						edits = append(edits, *f.Fix)
					}
				}
				if len(edits) > 0 {
					fixed, _ := lint.ApplyFixes(data, edits)
					golden.Check(t, strings.TrimSuffix(path, ".yaml")+".fixed.yaml", string(fixed))
				}
			})
		}
	}
}
