package rules

import (
	"bytes"
	"maps"
	"os"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/rules/internal/gendata"
	"gopkg.in/yaml.v3"
)

// The compiled rule data is the YAML's: a YAML edit without go generate
// would be silently ignored. Its entries decode to what the YAML does, and
// the Go value the binary holds is the one the source spells.
func TestCompiledDataIsFresh(t *testing.T) {
	c, err := lint.CompileRuleData(dataFS, "data")
	if err != nil {
		t.Fatal(err)
	}
	want, err := gendata.Source("rules", "compiledData", gendata.Generator, c)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(gendata.File)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal(gendata.File + " is not the data/*.yaml files compiled: run go generate ./rules")
	}
	if diff := cmp.Diff(c, compiledData); diff != "" {
		t.Errorf("the compiled value differs from the YAML (-yaml +compiled):\n%s", diff)
	}
	if len(c) < 16 {
		t.Errorf("%d files compiled, want every rule's (16)", len(c))
	}
	for file, langs := range c {
		raw, err := dataFS.ReadFile("data/" + file)
		if err != nil {
			t.Fatal(err)
		}
		var fromYAML map[lint.Lang]*lint.RuleLang
		dec := yaml.NewDecoder(bytes.NewReader(raw))
		dec.KnownFields(true)
		if err := dec.Decode(&fromYAML); err != nil {
			t.Fatal(err)
		}
		for l, rl := range fromYAML {
			if rl == nil {
				fromYAML[l] = &lint.RuleLang{} // as the loader makes an empty entry
			}
		}
		if diff := cmp.Diff(fromYAML, langs); diff != "" {
			t.Errorf("%s: compiled differs from its YAML (-yaml +compiled):\n%s", file, diff)
		}
	}
}

// Every language has every message of a rule: a missing one would print an
// English suggestion under a Turkish message.
func TestEveryLanguageSaysEverything(t *testing.T) {
	for name, d := range map[string]*lint.RuleData{
		"bot-handoff": bothandoffData, "cta": ctaData, "forwarding-consent": forwardingData, "goodbye": goodbyeData,
		"greeting": greetingData, "sarcasm": sarcasmData, "whatsapp-template": waTemplateData,
	} {
		keys := slices.Sorted(maps.Keys(d.Langs[lint.Langs[0]].Say))
		if len(keys) == 0 {
			t.Errorf("%s: no messages", name)
		}
		for _, l := range lint.Langs {
			rl := d.Langs[l]
			if rl == nil {
				t.Errorf("%s: no data for %s", name, l)
				continue
			}
			if got := slices.Sorted(maps.Keys(rl.Say)); !slices.Equal(got, keys) {
				t.Errorf("%s: %s says %v, want %v", name, l, got, keys)
			}
		}
	}
}
