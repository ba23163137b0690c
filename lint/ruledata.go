package lint

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
)

// RuleLang is one language's part of a rule's data file.
type RuleLang struct {
	// Example is the rule's bad and good example (Doc.Examples).
	Example Example `yaml:"example"`
	// Say holds the rule's messages and suggestions, by key.
	Say map[string]string `yaml:"say"`
	// Lists are the cue lists a config may extend or replace (Rule.Lexicon).
	Lists map[string][]string `yaml:"lists"`
	// Words are fixed word sets the rule's logic needs (the English words
	// before a verb that make it an instruction); not options.
	Words map[string][]string `yaml:"words"`
}

// RuleData is a rule's data, one entry per language (or "all" for data that
// holds in every language):
//
//	en:
//	  example: {bad: …, good: …}
//	  say: {suggestion: …}
//	  lists: {farewell: […]}
//	  words: {before: […]}
//
// Adding a language adds one entry to each file, or a file of the same name
// and shape under a pack's rules/ folder (RegisterLang).
type RuleData struct {
	file  string
	Langs map[Lang]*RuleLang
	// Examples and Lexicon are the data as Doc.Examples and Rule.Lexicon
	// want it; RegisterLang adds a pack's language to these same maps, so a
	// rule value built from them sees it.
	Examples map[Lang]Example
	Lexicon  map[Lang]map[string][]string
}

//go:embed data/duplicate-id.yaml data/invalid-text.yaml data/directive.yaml
var engineRuleData embed.FS

// ruleData loads the data file of a rule the engine itself defines.
func ruleData(file string) *RuleData { return LoadRuleData(engineRuleData, "data/"+file) }

// ruleDataFiles are every loaded rule data file, for RegisterLang.
var ruleDataFiles []*RuleData

// LoadRuleData reads a rule's data file (its package's embedded data) and
// registers it so that language packs extend it. A bad file panics: the data
// is part of the build, and the rules' tests load every file.
func LoadRuleData(fsys fs.FS, file string) *RuleData {
	raw, err := fs.ReadFile(fsys, file)
	if err != nil {
		panic(err)
	}
	d := newRuleData(file)
	langs, err := d.decode(raw, "")
	if err != nil {
		panic(fmt.Sprintf("lint: %s: %v", file, err))
	}
	return d.register(langs)
}

func newRuleData(file string) *RuleData {
	return &RuleData{file: path.Base(file), Langs: map[Lang]*RuleLang{}, Examples: map[Lang]Example{}, Lexicon: map[Lang]map[string][]string{}}
}

// register adds a decoded file to the files packs extend; a second file of
// its name panics.
func (d *RuleData) register(langs map[Lang]*RuleLang) *RuleData {
	for _, other := range ruleDataFiles {
		if other.file == d.file {
			panic("lint: two rule data files named " + other.file + ": a pack's rules/" + other.file + " would extend both")
		}
	}
	d.put(langs)
	ruleDataFiles = append(ruleDataFiles, d)
	return d
}

// CompiledRuleData are rule data files decoded ahead of time, by file name
// (CompileRuleData), and written as Go source for the rules package
// (rules/internal/gendata). yaml.v3 took 5 ms to decode the rules' sixteen
// files, an eighth of a cold check of a small file; their JSON still took
// 2.7 ms, a Go value built by the compiler nearly nothing.
type CompiledRuleData map[string]map[Lang]*RuleLang

// CompileRuleData decodes every YAML file of dir that is rule data, as
// strictly as LoadRuleData does. Files of another shape are left out: their
// loaders read them.
func CompileRuleData(fsys fs.FS, dir string) (CompiledRuleData, error) {
	files, err := fs.Glob(fsys, path.Join(dir, "*.yaml"))
	if err != nil {
		return nil, err
	}
	all := CompiledRuleData{}
	for _, f := range files {
		raw, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, err
		}
		if langs, err := newRuleData(f).decode(raw, ""); err == nil {
			all[path.Base(f)] = langs
		}
	}
	return all, nil
}

// Load registers a compiled file as LoadRuleData registers one it reads;
// false when the file was not compiled.
func (c CompiledRuleData) Load(file string) (*RuleData, bool) {
	langs, ok := c[path.Base(file)]
	if !ok {
		return nil, false
	}
	for l, rl := range langs {
		if rl == nil {
			langs[l] = &RuleLang{}
		}
	}
	return newRuleData(file).register(langs), true
}

// decode reads one file's entries; only is the one language a pack may add.
func (d *RuleData) decode(raw []byte, only Lang) (map[Lang]*RuleLang, error) {
	var langs map[Lang]*RuleLang
	if err := decodeStrict(raw, &langs); err != nil {
		return nil, err
	}
	for l, rl := range langs {
		if only != "" && l != only {
			return nil, fmt.Errorf("entry %q: a pack for %q may only add %q", l, only, only)
		}
		if _, dup := d.Langs[l]; dup {
			return nil, fmt.Errorf("language %q already has data", l)
		}
		if rl == nil {
			langs[l] = &RuleLang{}
		}
	}
	return langs, nil
}

func (d *RuleData) put(langs map[Lang]*RuleLang) {
	for l, rl := range langs {
		d.Langs[l] = rl
		if rl.Example != (Example{}) {
			d.Examples[l] = rl.Example
		}
		if rl.Lists != nil {
			d.Lexicon[l] = rl.Lists
		}
	}
}

// readPack decodes a pack's part of this file: nil if the pack has none.
func (d *RuleData) readPack(pack fs.FS, l Lang) (map[Lang]*RuleLang, error) {
	raw, err := fs.ReadFile(pack, "rules/"+d.file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	var langs map[Lang]*RuleLang
	if err == nil {
		langs, err = d.decode(raw, l)
	}
	if err != nil {
		return nil, fmt.Errorf("rules/%s: %v", d.file, err)
	}
	return langs, nil
}

// Say returns a message or suggestion in the language, or in the first
// registered language (English) when the language has none.
func (d *RuleData) Say(l Lang, key string) string {
	if rl := d.Langs[l]; rl != nil {
		if s, ok := rl.Say[key]; ok {
			return s
		}
	}
	if rl := d.Langs[Langs[0]]; rl != nil {
		return rl.Say[key]
	}
	return ""
}

// WordSets returns one of the Words lists as a set per language that has it.
func (d *RuleData) WordSets(list string) map[Lang]map[string]bool {
	out := map[Lang]map[string]bool{}
	for l, rl := range d.Langs {
		if words, ok := rl.Words[list]; ok {
			out[l] = set(words)
		}
	}
	return out
}
