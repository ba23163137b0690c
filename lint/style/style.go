// Package style builds the rules a team writes in config rather than code:
// a rules entry with extends: existence, substitution, capitalization,
// occurrence, conditional or sequence, or a style folder with one such YAML
// file per rule. The kinds mean what they mean in Vale. Patterns are regular
// expressions (RE2) matched on word boundaries, case folded the message
// language's way when ignorecase is set (I and ı, İ and i in Turkish and
// Azerbaijani).
package style

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/msglint/msglint/lint"
	"gopkg.in/yaml.v3"
)

// Kinds are the extension points a rule definition may extend.
var Kinds = []string{"existence", "substitution", "capitalization", "occurrence", "conditional", "sequence"}

// header is what every definition may say, whatever its kind.
type header struct {
	Extends     string                  `yaml:"extends"`
	Message     string                  `yaml:"message"`
	Level       string                  `yaml:"level"`
	Link        string                  `yaml:"link"`
	Description string                  `yaml:"description"`
	Lang        langs                   `yaml:"lang"`
	Scope       []string                `yaml:"scope"`
	IgnoreCase  bool                    `yaml:"ignorecase"`
	Nonword     bool                    `yaml:"nonword"`
	Examples    map[string]lint.Example `yaml:"examples"`
}

// langs is one language code or a list of them.
type langs []lint.Lang

func (ls *langs) UnmarshalYAML(n *yaml.Node) error {
	var codes []string
	if n.Kind == yaml.ScalarNode {
		codes = []string{n.Value}
	} else if err := n.Decode(&codes); err != nil {
		return err
	}
	for _, c := range codes {
		l, err := lint.ParseLang(c)
		if err != nil {
			return fmt.Errorf("line %d: %v", n.Line, err)
		}
		*ls = append(*ls, l)
	}
	return nil
}

// levels are Vale's level names and msglint's severities.
var levels = map[string]lint.Severity{"suggestion": lint.Info, "info": lint.Info, "warning": lint.Warning, "error": lint.Error}

// Rules builds the rules a config defines. An error names the file and,
// where it can, the line.
func Rules(defs []lint.RuleDef) ([]*lint.Rule, error) {
	var out []*lint.Rule
	for _, d := range defs {
		r, err := build(d)
		if err != nil {
			return nil, fmt.Errorf("%s: rule %s: %v", d.Path, d.Name, err)
		}
		out = append(out, r)
	}
	return out, nil
}

// checker is a kind's check over one field of a message.
type checker interface {
	check(p *lint.Pass, part lint.Part, f *lint.Field, h *header)
	// words are the kind's patterns, shown by explain --lang.
	words() []string
}

func build(d lint.RuleDef) (*lint.Rule, error) {
	var c checker
	var h *header
	var err error
	switch d.Extends {
	case "existence":
		c, h, err = newExistence(d.Node)
	case "substitution":
		c, h, err = newSubstitution(d.Node)
	case "capitalization":
		c, h, err = newCapitalization(d.Node)
	case "occurrence":
		c, h, err = newOccurrence(d.Node)
	case "conditional":
		c, h, err = newConditional(d.Node)
	case "sequence":
		c, h, err = newSequence(d.Node)
	default:
		return nil, fmt.Errorf("line %d: unknown extends %q (want one of %s)", d.Node.Line, d.Extends, strings.Join(Kinds, ", "))
	}
	if err != nil {
		return nil, err
	}
	sev := lint.Warning
	if h.Level != "" {
		s, ok := levels[strings.ToLower(h.Level)]
		if !ok {
			return nil, fmt.Errorf("unknown level %q (want suggestion, warning or error)", h.Level)
		}
		sev = s
	}
	parts, err := scopeParts(h.Scope)
	if err != nil {
		return nil, err
	}
	r := &lint.Rule{Name: d.Name, Doc: doc(d, h, sev)}
	if ws := c.words(); len(ws) > 0 {
		r.Lexicon = map[lint.Lang]map[string][]string{"all": {d.Extends: ws}}
	}
	check := func(p *lint.Pass) {
		m := p.Msg
		if len(h.Lang) > 0 && !slices.Contains(h.Lang, m.Lang) {
			return
		}
		for _, pk := range parts {
			switch pk {
			case lint.Body:
				c.check(p, lint.Part{}, &m.Body, h)
			case lint.QuickReply:
				for i := range m.QuickReplies {
					c.check(p, lint.Part{Kind: lint.QuickReply, Index: i}, &m.QuickReplies[i], h)
				}
			case lint.Button:
				for i := range m.Buttons {
					c.check(p, lint.Part{Kind: lint.Button, Index: i}, &m.Buttons[i], h)
				}
			}
		}
	}
	r.New = func(opts *yaml.Node) (lint.Check, error) {
		if opts != nil {
			return nil, fmt.Errorf("a rule defined in config takes no options: change its definition in %s", d.Path)
		}
		return check, nil
	}
	return r, nil
}

// scopeParts reads scope: which fields a rule looks at (all by default).
func scopeParts(scope []string) ([]lint.PartKind, error) {
	names := map[string]lint.PartKind{"body": lint.Body, "quick_replies": lint.QuickReply, "buttons": lint.Button}
	if len(scope) == 0 {
		return []lint.PartKind{lint.Body, lint.QuickReply, lint.Button}, nil
	}
	var out []lint.PartKind
	for _, s := range scope {
		k, ok := names[s]
		if !ok {
			return nil, fmt.Errorf("unknown scope %q (want body, quick_replies or buttons)", s)
		}
		out = append(out, k)
	}
	return out, nil
}

// doc is what `msglint rules` and explain show: the definition's own
// description and link, and where it is defined.
func doc(d lint.RuleDef, h *header, sev lint.Severity) lint.Doc {
	title := h.Description
	if i := strings.IndexAny(title, ".\n"); i >= 0 {
		title = title[:i]
	}
	where := filepath.ToSlash(lint.RelPath(d.Path))
	if title == "" {
		title = d.Extends + " rule from " + where
	}
	text := h.Description
	if text == "" {
		text = fmt.Sprintf("Reports: “%s”", strings.ReplaceAll(h.Message, "%s", "…"))
	}
	text += fmt.Sprintf(" Defined in %s (extends: %s).", where, d.Extends)
	if len(h.Lang) > 0 {
		text += fmt.Sprintf(" Checks messages in %s only.", joinLangs(h.Lang))
	}
	why := "Your team's style, written in config."
	if h.Link != "" {
		why += " See " + h.Link + "."
	}
	ex := map[lint.Lang]lint.Example{}
	for code, e := range h.Examples {
		if l, err := lint.ParseLang(code); err == nil {
			ex[l] = e
		}
	}
	return lint.Doc{Title: strings.ToLower(title[:1]) + title[1:], Text: text, Why: why, Examples: ex, Severity: sev, Default: true}
}

func joinLangs(ls []lint.Lang) string {
	s := make([]string, len(ls))
	for i, l := range ls {
		s[i] = lint.LangName(l)
	}
	return strings.Join(s, ", ")
}

// format fills a message's %s verbs with as many of args as it has.
func format(msg string, args ...string) string {
	n := min(strings.Count(msg, "%s"), len(args))
	vals := make([]any, n)
	for i := range n {
		vals[i] = args[i]
	}
	return fmt.Sprintf(strings.ReplaceAll(strings.ReplaceAll(msg, "%", "%%"), "%%s", "%s"), vals...)
}

// decode reads a definition strictly into a kind's struct.
func decode[T any](n *yaml.Node, v T) (T, error) {
	return lint.DecodeOptions(n, v)
}
