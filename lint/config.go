package lint

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/msglint/msglint/lint/placeholder"
	"gopkg.in/yaml.v3"
)

// ConfigNames are the file names looked for from the working directory up.
var ConfigNames = []string{".msglint.yaml", ".msglint.yml"}

// Config is a decoded .msglint.yaml.
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
	// Placeholders names the placeholder systems the sending system fills
	// (mustache, icu, printf, …) for messages whose format does not say;
	// empty means every system.
	Placeholders []string `yaml:"placeholders"`
	// Rules configures rules by name.
	Rules map[string]RuleConfig `yaml:"-"`

	Path string `yaml:"-"` // where the config was read from
}

// RuleConfig is one entry under `rules:`.
type RuleConfig struct {
	Enabled  *bool      `yaml:"enabled"`
	Severity Severity   `yaml:"severity"`
	Options  *yaml.Node `yaml:"-"` // the rule's own options, decoded by the rule
}

type rawConfig struct {
	Config `yaml:",inline"`
	Rules  yaml.Node `yaml:"rules"`
}

// ParseConfig decodes a config strictly: unknown keys and unknown rule names
// are errors that name their line. known lists the rule names that exist.
func ParseConfig(path string, data []byte, known []string) (*Config, error) {
	var raw rawConfig
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&raw); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: %v", path, trimYAMLError(err))
	}
	cfg := raw.Config
	cfg.Path = path
	cfg.Rules = map[string]RuleConfig{}
	if n := &raw.Rules; n.Kind != 0 && n.Tag != "!!null" {
		if n.Kind != yaml.MappingNode {
			return nil, fmt.Errorf("%s:%d: rules must be a mapping of rule names", path, n.Line)
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if !contains(known, k.Value) {
				return nil, fmt.Errorf("%s:%d: unknown rule %q (see `msglint rules`)", path, k.Line, k.Value)
			}
			var rc RuleConfig
			if v.Tag != "!!null" {
				if err := checkKeys(v, reflect.TypeOf(rc)); err != nil {
					return nil, fmt.Errorf("%s: rules.%s: %v", path, k.Value, err)
				}
				if err := v.Decode(&rc); err != nil {
					return nil, fmt.Errorf("%s:%d: rules.%s: %v", path, v.Line, k.Value, trimYAMLError(err))
				}
				for j := 0; j+1 < len(v.Content); j += 2 {
					if v.Content[j].Value == "options" {
						rc.Options = v.Content[j+1]
					}
				}
			}
			cfg.Rules[k.Value] = rc
		}
	}
	for _, c := range []struct {
		v     string
		parse func(string) error
	}{
		{cfg.Lang, func(s string) error { _, err := ParseLang(s); return err }},
		{cfg.Channel, func(s string) error { _, err := ParseChannel(s); return err }},
		{cfg.Kind, func(s string) error { _, err := ParseKind(s); return err }},
		{strings.Join(cfg.Placeholders, ","), func(string) error { _, err := placeholder.Parse(cfg.Placeholders); return err }},
	} {
		if c.v != "" {
			if err := c.parse(c.v); err != nil {
				return nil, fmt.Errorf("%s: %v", path, err)
			}
		}
	}
	return &cfg, nil
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
