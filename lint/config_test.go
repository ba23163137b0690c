package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

var knownRules = []string{"length", "spelling", "shouting"}

func TestExtendsAndOverrides(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"base.yaml":        "lang: en\nfail_on: warning\nrules:\n  length: {severity: warning}\n  shouting: {enabled: false}\n  claims: {extends: existence, tokens: [free]}\n",
		"style/email.yml":  "extends: substitution\nswap: {email: e-mail}\n",
		"style/claims.yml": "extends: existence\ntokens: [guaranteed]\n",
		"brand/.msglint.yaml": `extends: [../base.yaml, ../style]
lang: tr
rules:
  length: {enabled: false}
  email: {severity: error}
overrides:
  - files: ["promos/**", "*.csv"]
    kind: promo
    rules:
      shouting: {enabled: true}
      promo-only: {extends: existence, tokens: [now]}
`,
	})
	t.Chdir(dir)
	cfg, err := LoadConfig("brand/.msglint.yaml", knownRules)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Lang != "tr" || cfg.FailOn != Warning || cfg.Kind != "" {
		t.Errorf("scalars: lang %q fail_on %v kind %q", cfg.Lang, cfg.FailOn, cfg.Kind)
	}
	if rc := cfg.Rules["length"]; rc.Severity != Warning || rc.Enabled == nil || *rc.Enabled {
		t.Errorf("length merged key by key: %+v", rc)
	}
	var defs []string
	for _, d := range cfg.Defs {
		defs = append(defs, d.Name+"@"+filepath.ToSlash(d.Path))
	}
	// The style folder's claims replaces the base's.
	if got := strings.Join(defs, " "); got != "claims@style/claims.yml email@style/email.yml" {
		t.Errorf("defs: %s", got)
	}
	for file, want := range map[string]string{"brand/promos/a.yaml": "promo", "brand/x.csv": "promo", "brand/a.yaml": "", "brand/sub/x.csv": ""} {
		eff := cfg.ForFile(file)
		if eff.Kind != want {
			t.Errorf("%s: kind %q, want %q", file, eff.Kind, want)
		}
		on := eff.Rules["shouting"].Enabled
		if hasDef := len(eff.Defs) == 3; (want != "") != (on != nil && *on) || hasDef != (want != "") {
			t.Errorf("%s: override rules not applied as they should: %+v, %d defs", file, eff.Rules["shouting"], len(eff.Defs))
		}
	}
	if cfg.ForFile("brand/a.yaml") != cfg {
		t.Error("a file no override matches gets a copy")
	}
}

func TestConfigErrorsNameFileAndLine(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.yaml":        "extends: b.yaml\n",
		"b.yaml":        "extends: a.yaml\n",
		"missing.yaml":  "extends: nowhere.yaml\n",
		"unknown.yaml":  "rules:\n  length: {}\n  lenght: {}\n",
		"override.yaml": "overrides:\n  - files: x/**\n    rules:\n      nosuch: {}\n",
		"nofiles.yaml":  "overrides:\n  - kind: promo\n",
		"badglob.yaml":  "overrides:\n  - files: 'x/[a'\n",
		"badname.yaml":  "rules:\n  Brand_Name: {extends: existence}\n",
		"style.yaml":    "extends: st\n",
		"st/Bad.yml":    "extends: existence\n",
		"empty.yaml":    "extends: empty\n",
		"empty/x.txt":   "",
		"key.yaml":      "lang: en\nrulez: {}\n",
		"okey.yaml":     "overrides:\n  - files: x\n    rulse: {}\n",
	})
	t.Chdir(dir)
	for file, want := range map[string]string{
		"a.yaml":        "b.yaml: extends a.yaml, a cycle: a.yaml -> b.yaml -> a.yaml",
		"missing.yaml":  "missing.yaml: extends nowhere.yaml: no such file or directory",
		"unknown.yaml":  "unknown.yaml:3: unknown rule \"lenght\" (see `msglint rules`)",
		"override.yaml": "override.yaml:4: unknown rule \"nosuch\" (see `msglint rules`)",
		"nofiles.yaml":  "nofiles.yaml:2: an override needs files: (globs)",
		"badglob.yaml":  "badglob.yaml:2: bad glob \"x/[a\"",
		"badname.yaml":  "badname.yaml:2: rule name \"Brand_Name\" must be kebab-case",
		"style.yaml":    "st/Bad.yml: a rule's file name must be its kebab-case name",
		"empty.yaml":    "empty: style folder has no rule files (.yml)",
		"key.yaml":      "key.yaml: line 2: field rulez not found in type lint.rawConfig",
		"okey.yaml":     "okey.yaml: overrides: line 3: unknown option \"rulse\" (known: files, lang, channel, kind, rules)",
	} {
		_, err := LoadConfig(file, knownRules)
		if err == nil || err.Error() != want {
			t.Errorf("%s:\n got %v\nwant %s", file, err, want)
		}
	}
}

func TestNearestConfig(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		".msglint.yaml":           "lang: en\noverrides:\n  - files: promos/**\n    kind: promo\n",
		"a/.msglint.yaml":         "extends: ../.msglint.yaml\nlang: tr\n",
		"a/deep/x.yaml":           "",
		"b/x.yaml":                "",
		"promos/x.yaml":           "",
		"promos/y.yaml":           "",
		"c/.msglint.yml":          "lang: az\n",
		"c/.msglint.yaml.bak":     "",
		"c/x.yaml":                "",
		"a/promos/x.yaml":         "",
		"a/deep/promos/not.yaml":  "",
		"a/deep/.hidden/not.yaml": "",
	})
	cs := &Configs{Known: knownRules}
	check := func(file, lang, kind string) *Config {
		t.Helper()
		cfg, err := cs.For(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		if cfg.Lang != lang || cfg.Kind != kind {
			t.Errorf("%s: lang %q kind %q, want %q %q", file, cfg.Lang, cfg.Kind, lang, kind)
		}
		return cfg
	}
	check("a/deep/x.yaml", "tr", "")
	check("b/x.yaml", "en", "")
	check("c/x.yaml", "az", "")
	p1 := check("promos/x.yaml", "en", "promo")
	if p2 := check("promos/y.yaml", "en", "promo"); p1 != p2 {
		t.Error("two files under the same override got two configs")
	}
	// An override's globs are relative to the config that declares it.
	check("a/promos/x.yaml", "tr", "")
}

// FuzzParseConfig decodes any bytes as a config: an error or a config,
// never a panic.
func FuzzParseConfig(f *testing.F) {
	for _, s := range []string{
		"lang: en\nrules:\n  length: {severity: warning}\n",
		"extends: base.yaml\noverrides:\n  - files: [a/**]\n    rules: {spelling: {enabled: false}}\n",
		"rules:\n  claims: {extends: existence, tokens: [a]}\n",
		"overrides: 3\n", "extends: {a: b}\n", "rules: [a]\n",
	} {
		f.Add(s)
	}
	dir := f.TempDir()
	writeFiles(f, dir, map[string]string{"base.yaml": "lang: tr\n", "st/r.yml": "extends: existence\n"})
	f.Fuzz(func(_ *testing.T, data string) {
		cfg, err := ParseConfig(filepath.Join(dir, "c.yaml"), []byte(data), knownRules)
		if err == nil {
			cfg.ForFile(filepath.Join(dir, "a", "x.yaml"))
		}
	})
}

// Files a rule's options name under a *_files key are read relative to the
// config that names them (an extended one too), not to where msglint
// runs; absolute paths and other options stay as written.
func TestFileOptionsRelativeToConfig(t *testing.T) {
	dir := t.TempDir()
	abs := filepath.Join(dir, "abs.txt")
	writeFiles(t, dir, map[string]string{
		"shared/base.yaml": "rules:\n  shouting:\n    options: {accept_files: {en: [caps.txt]}}\n",
		"brand/.msglint.yaml": "extends: [../shared/base.yaml]\nrules:\n  spelling:\n    options:\n" +
			"      accept: {en: [vocab/not-a-file.txt]}\n" +
			"      accept_files: {en: [vocab/en.txt, " + abs + "]}\n      reject_files: {tr: [../tr.txt]}\n",
	})
	t.Chdir(t.TempDir()) // anywhere else
	cfg, err := LoadConfig(filepath.Join(dir, "brand", ".msglint.yaml"), knownRules)
	if err != nil {
		t.Fatal(err)
	}
	decode := func(rule string) map[string]map[string][]string {
		var out map[string]map[string][]string
		if err := cfg.Rules[rule].Options.Decode(&out); err != nil {
			t.Fatal(err)
		}
		return out
	}
	sp := decode("spelling")
	want := map[string]map[string][]string{
		"accept":       {"en": {"vocab/not-a-file.txt"}},
		"accept_files": {"en": {filepath.Join(dir, "brand", "vocab", "en.txt"), abs}},
		"reject_files": {"tr": {filepath.Join(dir, "tr.txt")}},
	}
	if d := cmp.Diff(want, sp); d != "" {
		t.Errorf("spelling options (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{filepath.Join(dir, "shared", "caps.txt")}, decode("shouting")["accept_files"]["en"]); d != "" {
		t.Errorf("an extended config's file is beside that config (-want +got):\n%s", d)
	}
}
