package rules

import (
	"bytes"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/client9/misspell"
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

// The generated English table is what englishFixes builds from misspell's
// list at start: the same words, fixes and hashes in the same order, and
// the same answer for every misspelling.
func TestEnglishTableIsFresh(t *testing.T) {
	want, err := gendata.EnglishSource("rules", gendata.Generator, misspell.DictMain)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(gendata.EnglishFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal(gendata.EnglishFile + " is not misspell's list compiled: run go generate ./rules")
	}
	built, made := englishFixes(misspell.DictMain), defaultEnglish()
	if len(built.entries) != len(made.entries) {
		t.Fatalf("%d generated entries, englishFixes makes %d", len(made.entries), len(built.entries))
	}
	for i, e := range built.entries {
		if made.entries[i] != e {
			t.Fatalf("entry %d: generated %+v, englishFixes makes %+v", i, made.entries[i], e)
		}
	}
	for i := 0; i+1 < len(misspell.DictMain); i += 2 {
		w := strings.ToLower(misspell.DictMain[i])
		a, _, okA := built.get(hashOf(w), []byte(w))
		b, _, okB := made.get(hashOf(w), []byte(w))
		if a != b || okA != okB || !okB {
			t.Fatalf("%q: generated table says %q %v, englishFixes %q %v", w, b, okB, a, okA)
		}
	}
	if _, _, ok := made.get(hashOf("receive"), []byte("receive")); ok {
		t.Error(`"receive" found in the table of misspellings`)
	}
}
