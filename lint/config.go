package lint

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/msglint/msglint/lint/placeholder"
	"gopkg.in/yaml.v3"
)

// ConfigNames are the file names looked for from the working directory up.
var ConfigNames = []string{".msglint.yaml", ".msglint.yml"}

// Config is a decoded .msglint.yaml, with the files it extends merged in.
type Config struct {
	// Lang, Channel and Kind apply to messages that do not say their own.
	// An empty Lang means: detect it from the text.
	Lang    string `yaml:"lang"`
	Channel string `yaml:"channel"`
	Kind    string `yaml:"kind"`
	// FailOn is the lowest severity that makes `check` exit 1.
	FailOn Severity `yaml:"fail_on"`
	// Include and Exclude are globs (with **) over paths found when walking
	// a directory, relative to that directory.
	Include []string `yaml:"include"`
	Exclude []string `yaml:"exclude"`
	// I18n globs mark JSON/YAML files to read as locale trees.
	I18n []string `yaml:"i18n"`
	// MaxFileSize and MaxMessageSize cap what a run reads (defaults
	// DefaultMaxFileSize and DefaultMaxMessageSize): a bigger file or
	// message is an input error, never a run out of memory.
	MaxFileSize    Size `yaml:"max_file_size"`
	MaxMessageSize Size `yaml:"max_message_size"`
	// Kinds give locale strings a kind by key path, first match wins:
	// `kinds: {"bot.*": bot}`.
	Kinds KindGlobs `yaml:"kinds"`
	// Placeholders names the placeholder systems the sending system fills
	// (mustache, icu, printf, …) for messages whose format does not say;
	// empty means every system.
	Placeholders []string `yaml:"placeholders"`
	// Rules configures rules by name.
	Rules map[string]RuleConfig `yaml:"-"`
	// Defs are the rules defined in config rather than code (a rules entry
	// with extends: existence, a style folder's files), built by package
	// style; a later definition of a name replaces an earlier one.
	Defs []RuleDef `yaml:"-"`
	// Overrides apply to the files their globs match, in order.
	Overrides []Override `yaml:"-"`

	Path string `yaml:"-"` // where the config was read from
}

// RuleConfig is one entry under `rules:`.
type RuleConfig struct {
	Enabled  *bool      `yaml:"enabled"`
	Severity Severity   `yaml:"severity"`
	Options  *yaml.Node `yaml:"-"` // the rule's own options, decoded by the rule
}

// RuleDef is a rule written in config: its kind (existence, substitution…)
// and its whole YAML definition, decoded strictly by the kind.
type RuleDef struct {
	Name    string
	Extends string
	Node    *yaml.Node
	Path    string // the file that defines it, for errors and explain
}

// Override is a glob-scoped section: its settings apply to the files that
// Files match, relative to the folder of the config that declares it.
type Override struct {
	Files   []string
	Lang    string
	Channel string
	Kind    string
	Rules   map[string]RuleConfig
	Defs    []RuleDef
	dir     string
}

type rawConfig struct {
	Config    `yaml:",inline"`
	Rules     yaml.Node `yaml:"rules"`
	Extends   yaml.Node `yaml:"extends"`
	Overrides yaml.Node `yaml:"overrides"`
}

type rawOverride struct {
	Files   yaml.Node `yaml:"files"`
	Lang    string    `yaml:"lang"`
	Channel string    `yaml:"channel"`
	Kind    string    `yaml:"kind"`
	Rules   yaml.Node `yaml:"rules"`
	line    int
}

// decodeOverrides reads the overrides list strictly, keeping each one's line.
func decodeOverrides(path string, n *yaml.Node) ([]rawOverride, error) {
	if n.Kind == 0 || n.Tag == "!!null" {
		return nil, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("%s:%d: overrides must be a list of {files: …} sections", path, n.Line)
	}
	out := make([]rawOverride, len(n.Content))
	for i, item := range n.Content {
		if item.Kind != yaml.MappingNode {
			return nil, fmt.Errorf("%s:%d: an override is a mapping with files (globs) and settings", path, item.Line)
		}
		if err := checkKeys(item, reflect.TypeOf(rawOverride{})); err != nil {
			return nil, fmt.Errorf("%s: overrides: %v", path, err)
		}
		if err := item.Decode(&out[i]); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, item.Line, trimYAMLError(err))
		}
		out[i].line = item.Line
	}
	return out, nil
}

// ParseConfig decodes a config strictly: unknown keys and unknown rule names
// are errors that name their line. known lists the rule names that exist;
// rules defined in the config or a file it extends exist too. Files named in
// extends are read relative to path.
func ParseConfig(path string, data []byte, known []string) (*Config, error) {
	return parseConfig(path, data, known, nil)
}

func parseConfig(path string, data []byte, known []string, chain []string) (*Config, error) {
	var raw rawConfig
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&raw); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: %v", path, trimYAMLError(err))
	}
	base := &Config{}
	extends, err := stringList(path, "extends", &raw.Extends)
	if err != nil {
		return nil, err
	}
	for _, e := range extends {
		parent, err := loadExtended(path, e, known, chain)
		if err != nil {
			return nil, err
		}
		base = merge(base, parent)
	}
	own := raw.Config
	own.Rules, own.Defs, err = parseRules(path, &raw.Rules)
	if err != nil {
		return nil, err
	}
	overrides, err := decodeOverrides(path, &raw.Overrides)
	if err != nil {
		return nil, err
	}
	for _, ro := range overrides {
		o := Override{Lang: ro.Lang, Channel: ro.Channel, Kind: ro.Kind, dir: absDir(path)}
		if o.Files, err = stringList(path, "files", &ro.Files); err != nil {
			return nil, err
		}
		if len(o.Files) == 0 {
			return nil, fmt.Errorf("%s:%d: an override needs files: (globs)", path, ro.line)
		}
		for _, g := range o.Files {
			if !doublestar.ValidatePattern(g) {
				return nil, fmt.Errorf("%s:%d: bad glob %q", path, ro.Files.Line, g)
			}
		}
		if o.Rules, o.Defs, err = parseRules(path, &ro.Rules); err != nil {
			return nil, err
		}
		if err := checkScope(path, o.Lang, o.Channel, o.Kind); err != nil {
			return nil, err
		}
		own.Overrides = append(own.Overrides, o)
	}
	if err := checkScope(path, own.Lang, own.Channel, own.Kind); err != nil {
		return nil, err
	}
	if _, err := placeholder.Parse(own.Placeholders); err != nil {
		return nil, fmt.Errorf("%s: placeholders: %v", path, err)
	}
	cfg := merge(base, &own)
	cfg.Path = path
	// Names are checked once the definitions this file sees are known.
	exists := func(name string) bool {
		return contains(known, name) || slices.ContainsFunc(cfg.Defs, func(d RuleDef) bool { return d.Name == name })
	}
	if err := checkRuleNames(path, &raw.Rules, exists); err != nil {
		return nil, err
	}
	for i := range overrides {
		defs := own.Overrides[i].Defs
		if err := checkRuleNames(path, &overrides[i].Rules, func(n string) bool {
			return exists(n) || slices.ContainsFunc(defs, func(d RuleDef) bool { return d.Name == n })
		}); err != nil {
			return nil, err
		}
	}
	return cfg, nil
}

func checkScope(path, lang, channel, kind string) error {
	for _, c := range []struct {
		v     string
		parse func(string) error
	}{
		{lang, func(s string) error { _, err := ParseLang(s); return err }},
		{channel, func(s string) error { _, err := ParseChannel(s); return err }},
		{kind, func(s string) error { _, err := ParseKind(s); return err }},
	} {
		if c.v != "" {
			if err := c.parse(c.v); err != nil {
				return fmt.Errorf("%s: %v", path, err)
			}
		}
	}
	return nil
}

// stringList reads a string or a list of strings.
func stringList(path, key string, n *yaml.Node) ([]string, error) {
	switch {
	case n.Kind == 0 || n.Tag == "!!null":
		return nil, nil
	case n.Kind == yaml.ScalarNode:
		return []string{n.Value}, nil
	case n.Kind == yaml.SequenceNode:
		var out []string
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode {
				return nil, fmt.Errorf("%s:%d: %s must be a string or a list of strings", path, c.Line, key)
			}
			out = append(out, c.Value)
		}
		return out, nil
	}
	return nil, fmt.Errorf("%s:%d: %s must be a string or a list of strings", path, n.Line, key)
}

// parseRules reads a rules mapping: a rule's settings, or, with extends, a
// rule defined in config.
func parseRules(path string, n *yaml.Node) (map[string]RuleConfig, []RuleDef, error) {
	rules := map[string]RuleConfig{}
	var defs []RuleDef
	if n.Kind == 0 || n.Tag == "!!null" {
		return rules, nil, nil
	}
	if n.Kind != yaml.MappingNode {
		return nil, nil, fmt.Errorf("%s:%d: rules must be a mapping of rule names", path, n.Line)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if v.Kind == yaml.MappingNode && mapKey(v, "extends") != nil {
			if !ruleName.MatchString(k.Value) {
				return nil, nil, fmt.Errorf("%s:%d: rule name %q must be kebab-case", path, k.Line, k.Value)
			}
			defs = append(defs, RuleDef{Name: k.Value, Extends: mapKey(v, "extends").Value, Node: v, Path: path})
			continue
		}
		var rc RuleConfig
		if v.Tag != "!!null" {
			if err := checkKeys(v, reflect.TypeOf(rc)); err != nil {
				return nil, nil, fmt.Errorf("%s: rules.%s: %v", path, k.Value, err)
			}
			if err := v.Decode(&rc); err != nil {
				return nil, nil, fmt.Errorf("%s:%d: rules.%s: %v", path, v.Line, k.Value, trimYAMLError(err))
			}
			rc.Options = mapKey(v, "options")
			resolveFileOptions(path, rc.Options)
		}
		rules[k.Value] = rc
	}
	return rules, defs, nil
}

// resolveFileOptions makes the paths a rule's options name under a key
// ending in _files (accept_files: {en: [vocab/en.txt]}) relative to the
// config file's folder, as extends is, so a config reads the same files
// from wherever msglint runs.
func resolveFileOptions(path string, opts *yaml.Node) {
	if opts == nil || opts.Kind != yaml.MappingNode {
		return
	}
	var resolve func(n *yaml.Node)
	resolve = func(n *yaml.Node) {
		switch n.Kind {
		case yaml.ScalarNode:
			if n.Tag == "!!str" && n.Value != "" && !filepath.IsAbs(n.Value) {
				n.Value = filepath.Join(filepath.Dir(path), n.Value)
			}
		case yaml.SequenceNode:
			for _, c := range n.Content {
				resolve(c)
			}
		case yaml.MappingNode:
			for i := 1; i < len(n.Content); i += 2 {
				resolve(n.Content[i])
			}
		}
	}
	for i := 0; i+1 < len(opts.Content); i += 2 {
		if strings.HasSuffix(opts.Content[i].Value, "_files") {
			resolve(opts.Content[i+1])
		}
	}
}

func checkRuleNames(path string, n *yaml.Node, exists func(string) bool) error {
	if n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; !exists(k.Value) {
			return fmt.Errorf("%s:%d: unknown rule %q (see `msglint rules`)", path, k.Line, k.Value)
		}
	}
	return nil
}

func mapKey(n *yaml.Node, key string) *yaml.Node {
	for j := 0; j+1 < len(n.Content); j += 2 {
		if n.Content[j].Value == key {
			return n.Content[j+1]
		}
	}
	return nil
}

// loadExtended reads what extends names, relative to the file that names
// it: a config file, or a style folder whose YAML files each define a rule.
func loadExtended(from, name string, known []string, chain []string) (*Config, error) {
	p := name
	if !filepath.IsAbs(p) {
		p = filepath.Join(filepath.Dir(from), p)
	}
	abs, _ := filepath.Abs(p)
	fromAbs, _ := filepath.Abs(from)
	chain = append(slices.Clone(chain), fromAbs)
	if i := slices.Index(chain, abs); i >= 0 {
		cycle := append(slices.Clone(chain[i:]), abs)
		for j := range cycle {
			cycle[j] = RelPath(cycle[j])
		}
		return nil, fmt.Errorf("%s: extends %s, a cycle: %s", from, name, strings.Join(cycle, " -> "))
	}
	st, err := os.Stat(p)
	if err != nil {
		return nil, fmt.Errorf("%s: extends %s: %v", from, name, errors.Unwrap(err))
	}
	if st.IsDir() {
		return loadStyle(p)
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, fmt.Errorf("%s: extends %s: %v", from, name, err)
	}
	return parseConfig(p, data, known, chain)
}

// loadStyle reads a style folder: each .yml or .yaml file defines one rule,
// named after the file.
func loadStyle(dir string) (*Config, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.y*ml"))
	if err != nil {
		return nil, err
	}
	cfg := &Config{Rules: map[string]RuleConfig{}}
	for _, f := range files {
		ext := filepath.Ext(f)
		if ext != ".yml" && ext != ".yaml" {
			continue
		}
		name := strings.TrimSuffix(filepath.Base(f), ext)
		if !ruleName.MatchString(name) {
			return nil, fmt.Errorf("%s: a rule's file name must be its kebab-case name", f)
		}
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			return nil, fmt.Errorf("%s: %v", f, trimYAMLError(err))
		}
		if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode || mapKey(doc.Content[0], "extends") == nil {
			return nil, fmt.Errorf("%s: a style rule is a mapping with extends: (existence, substitution…)", f)
		}
		n := doc.Content[0]
		cfg.Defs = append(cfg.Defs, RuleDef{Name: name, Extends: mapKey(n, "extends").Value, Node: n, Path: f})
	}
	if len(cfg.Defs) == 0 {
		return nil, fmt.Errorf("%s: style folder has no rule files (.yml)", dir)
	}
	return cfg, nil
}

// merge lays over's settings on base's: a setting over names wins, rule by
// rule and key by key.
func merge(base, over *Config) *Config {
	out := *base
	pick := func(a *string, b string) {
		if b != "" {
			*a = b
		}
	}
	pick(&out.Lang, over.Lang)
	pick(&out.Channel, over.Channel)
	pick(&out.Kind, over.Kind)
	if over.FailOn != 0 {
		out.FailOn = over.FailOn
	}
	for _, sz := range []struct{ a, b *Size }{{&out.MaxFileSize, &over.MaxFileSize}, {&out.MaxMessageSize, &over.MaxMessageSize}} {
		if *sz.b != 0 {
			*sz.a = *sz.b
		}
	}
	for _, l := range []struct{ a, b *[]string }{{&out.Include, &over.Include}, {&out.Exclude, &over.Exclude}, {&out.I18n, &over.I18n}, {&out.Placeholders, &over.Placeholders}} {
		if *l.b != nil {
			*l.a = *l.b
		}
	}
	// The nearer config's kinds: globs are tried first, then its base's.
	out.Kinds = append(slices.Clone(over.Kinds), base.Kinds...)
	out.Rules = mergeRules(base.Rules, over.Rules)
	out.Defs = mergeDefs(base.Defs, over.Defs)
	out.Overrides = append(slices.Clone(base.Overrides), over.Overrides...)
	out.Path = over.Path
	return &out
}

func mergeRules(base, over map[string]RuleConfig) map[string]RuleConfig {
	out := make(map[string]RuleConfig, len(base)+len(over))
	for k, v := range base {
		out[k] = v
	}
	for k, v := range over {
		rc := out[k]
		if v.Enabled != nil {
			rc.Enabled = v.Enabled
		}
		if v.Severity != 0 {
			rc.Severity = v.Severity
		}
		if v.Options != nil {
			rc.Options = v.Options
		}
		out[k] = rc
	}
	return out
}

func mergeDefs(base, over []RuleDef) []RuleDef {
	out := slices.Clone(base)
	for _, d := range over {
		if i := slices.IndexFunc(out, func(x RuleDef) bool { return x.Name == d.Name }); i >= 0 {
			out[i] = d
		} else {
			out = append(out, d)
		}
	}
	return out
}

// ForFile is the config as it applies to one file: with the overrides
// whose globs match the file merged in, in order. It returns cfg itself
// when none matches.
func (cfg *Config) ForFile(file string) *Config {
	out := cfg
	for _, i := range cfg.matching(file) {
		o := cfg.Overrides[i]
		out = merge(out, &Config{Lang: o.Lang, Channel: o.Channel, Kind: o.Kind, Rules: o.Rules, Defs: o.Defs, Path: cfg.Path})
	}
	return out
}

// matching lists the overrides whose globs match file, relative to the
// folder of the config that declared each.
func (cfg *Config) matching(file string) []int {
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil
	}
	var out []int
	for i, o := range cfg.Overrides {
		rel, err := filepath.Rel(o.dir, abs)
		if err != nil || strings.HasPrefix(rel, "..") {
			continue
		}
		if slices.ContainsFunc(o.Files, func(g string) bool { ok, _ := doublestar.Match(g, filepath.ToSlash(rel)); return ok }) {
			out = append(out, i)
		}
	}
	return out
}

// Configs finds the config for each file: the nearest config file in the
// file's folder or a parent (a monorepo's brand folder overrides the root),
// with its overrides for that file. Each config is read once; the same
// file in the same scope gets the same *Config.
type Configs struct {
	Known []string

	mu     sync.Mutex
	near   map[string]string // folder -> nearest config path, "" for none
	loaded map[string]loadedConfig
	scoped map[string]*Config // config path and override matches -> config
}

type loadedConfig struct {
	cfg *Config
	err error
}

var noConfig = &Config{Rules: map[string]RuleConfig{}}

// Add records a config already read, so that For returns it as it is for
// the files it applies to.
func (cs *Configs) Add(cfg *Config) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	cs.init()
	abs, _ := filepath.Abs(cfg.Path)
	cs.loaded[abs] = loadedConfig{cfg: cfg}
}

func (cs *Configs) init() {
	if cs.near == nil {
		cs.near, cs.loaded, cs.scoped = map[string]string{}, map[string]loadedConfig{}, map[string]*Config{}
	}
}

// For returns the config that applies to file.
func (cs *Configs) For(file string) (*Config, error) {
	dir, err := filepath.Abs(filepath.Dir(file))
	if err != nil {
		return nil, err
	}
	cs.mu.Lock()
	defer cs.mu.Unlock()
	cs.init()
	path, ok := cs.near[dir]
	if !ok {
		path = FindConfig(dir)
		cs.near[dir] = path
	}
	if path == "" {
		return noConfig, nil
	}
	lc, ok := cs.loaded[path]
	if !ok {
		lc.cfg, lc.err = LoadConfig(RelPath(path), cs.Known)
		cs.loaded[path] = lc
	}
	if lc.err != nil {
		return nil, lc.err
	}
	hits := lc.cfg.matching(file)
	if len(hits) == 0 {
		return lc.cfg, nil
	}
	// Files that match the same overrides share one config, and so one
	// linter.
	key := fmt.Sprint(path, hits)
	if c, ok := cs.scoped[key]; ok {
		return c, nil
	}
	eff := lc.cfg.ForFile(file)
	cs.scoped[key] = eff
	return eff, nil
}

// RelPath is a path as a reader wants it: relative to the working folder
// where it can be.
func RelPath(p string) string {
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	if r, err := filepath.Rel(wd, p); err == nil {
		return r
	}
	return p
}

// KindGlob gives the strings whose key path matches Glob the kind Kind. Keys
// are separated by dots; * matches one key, ** any number.
type KindGlob struct {
	Glob string
	Kind Kind
}

// KindGlobs are the config's kinds:, in the order written.
type KindGlobs []KindGlob

// UnmarshalYAML reads a mapping of globs to kinds, keeping its order and
// checking each kind and glob where it is written.
func (g *KindGlobs) UnmarshalYAML(n *yaml.Node) error {
	if n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: kinds must be a mapping of key-path globs to kinds", n.Line)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		kind, err := ParseKind(v.Value)
		if err != nil {
			return fmt.Errorf("line %d: kinds: %v", v.Line, err)
		}
		if !doublestar.ValidatePattern(KeyPathGlob(k.Value)) {
			return fmt.Errorf("line %d: kinds: bad glob %q", k.Line, k.Value)
		}
		*g = append(*g, KindGlob{Glob: k.Value, Kind: kind})
	}
	return nil
}

// KeyPathGlob turns a dotted key path, or a glob over one, into a path that
// doublestar matches key by key.
func KeyPathGlob(s string) string { return strings.ReplaceAll(s, ".", "/") }

// Match gives the kind of the first glob that matches a dotted key path.
func (g KindGlobs) Match(key string) (KindGlob, bool) {
	p := KeyPathGlob(key)
	for _, k := range g {
		if ok, _ := doublestar.Match(KeyPathGlob(k.Glob), p); ok {
			return k, true
		}
	}
	return KindGlob{}, false
}

// FindConfig looks for a config file in dir and its parents; "" if none.
func FindConfig(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		for _, n := range ConfigNames {
			p := filepath.Join(dir, n)
			if st, err := os.Stat(p); err == nil && !st.IsDir() {
				return p
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// LoadConfig reads and parses a config file.
func LoadConfig(path string, known []string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseConfig(path, data, known)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// trimYAMLError drops yaml.v3's "yaml: " prefix, which means nothing to a reader.
func trimYAMLError(err error) string {
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		return te.Errors[0]
	}
	s := err.Error()
	if len(s) > 6 && s[:6] == "yaml: " {
		return s[6:]
	}
	return s
}

// The default caps on what a run reads.
const (
	DefaultMaxFileSize    Size = 64 << 20
	DefaultMaxMessageSize Size = 1 << 20
)

// Size is a number of bytes, written in a config as a number or with a unit:
// 64MiB, 500KB, 1GiB.
type Size int64

var sizeUnits = []struct {
	suffix string
	n      int64
}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"B", 1}}

// ParseSize reads a size such as 64MiB.
func ParseSize(s string) (Size, error) {
	t := strings.TrimSpace(s)
	mult := int64(1)
	for _, u := range sizeUnits {
		if strings.HasSuffix(strings.ToUpper(t), strings.ToUpper(u.suffix)) {
			t, mult = strings.TrimSpace(t[:len(t)-len(u.suffix)]), u.n
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 || n > (1<<62)/mult {
		return 0, fmt.Errorf("invalid size %q (want a positive number of bytes, or with a unit: 64MiB, 500KB)", s)
	}
	return Size(n * mult), nil
}

// UnmarshalYAML reads a size from a config.
func (s *Size) UnmarshalYAML(n *yaml.Node) error {
	v, err := ParseSize(n.Value)
	if err != nil {
		return fmt.Errorf("line %d: %v", n.Line, err)
	}
	*s = v
	return nil
}

// Or is the size, or def when none was set.
func (s Size) Or(def Size) Size {
	if s <= 0 {
		return def
	}
	return s
}

func (s Size) String() string {
	for _, u := range sizeUnits[:3] {
		if int64(s) >= u.n && int64(s)%u.n == 0 && int64(s)/u.n < 1024 {
			return fmt.Sprintf("%d %s", int64(s)/u.n, u.suffix)
		}
	}
	return fmt.Sprintf("%d bytes", int64(s))
}
