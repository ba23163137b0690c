package rules

import (
	"embed"
	"fmt"
	"slices"
	"strings"

	"github.com/msglint/msglint/lint"
	"gopkg.in/yaml.v3"
)

//go:embed data/*.yaml
var dataFS embed.FS

// loadData reads a rule's data file (see lint.RuleData).
func loadData(file string) *lint.RuleData { return lint.LoadRuleData(dataFS, "data/"+file) }

// Lexicon is a rule's cue lists: language -> list name -> cues.
type Lexicon map[lint.Lang]map[string][]string

// LexiconOptions lets a config extend or replace a rule's built-in lists:
//
//	add:     {tr: {markers: ["ne hoş"]}}
//	replace: {en: {acronyms: [FAQ, SKU]}}
type LexiconOptions struct {
	Add     Lexicon `yaml:"add,omitempty"`
	Replace Lexicon `yaml:"replace,omitempty"`
}

// apply returns base with the options' additions and replacements. Unknown
// languages and list names are errors, so a typo does not silently do nothing.
func (o LexiconOptions) apply(base Lexicon) (Lexicon, error) {
	out := Lexicon{}
	for l, lists := range base {
		out[l] = map[string][]string{}
		for name, cues := range lists {
			out[l][name] = slices.Clone(cues)
		}
	}
	for _, ch := range []struct {
		what string
		lx   Lexicon
		set  func(old, given []string) []string
	}{
		{"add", o.Add, func(old, given []string) []string { return append(old, given...) }},
		{"replace", o.Replace, func(_, given []string) []string { return slices.Clone(given) }},
	} {
		for l, lists := range ch.lx {
			if _, ok := out[l]; !ok {
				return nil, fmt.Errorf("%s: no word lists for %q (have %s)", ch.what, l, strings.Join(langKeys(out), ", "))
			}
			for name, cues := range lists {
				if _, ok := out[l][name]; !ok {
					return nil, fmt.Errorf("%s.%s: unknown list %q (have %s)", ch.what, l, name, strings.Join(listKeys(out[l]), ", "))
				}
				out[l][name] = ch.set(out[l][name], cues)
			}
		}
	}
	return out, nil
}

func langKeys(lx Lexicon) []string {
	var ks []string
	for l := range lx {
		ks = append(ks, string(l))
	}
	slices.Sort(ks)
	return ks
}

func listKeys(m map[string][]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// phraseBook is a lexicon compiled for matching.
type phraseBook map[lint.Lang]map[string]*lint.Phrases

func (lx Lexicon) compile() phraseBook {
	pb := phraseBook{}
	for l, lists := range lx {
		pb[l] = map[string]*lint.Phrases{}
		for name, cues := range lists {
			pb[l][name] = lint.NewPhrases(l, cues)
		}
	}
	return pb
}

// wordSets turns one list per language into sets of normalised words.
func (lx Lexicon) wordSets(list string) map[lint.Lang]map[string]bool {
	out := map[lint.Lang]map[string]bool{}
	for l, lists := range lx {
		out[l] = map[string]bool{}
		for _, w := range lists[list] {
			out[l][lint.NormWord(l, w)] = true
		}
	}
	return out
}

// find returns the cues of one list found in a message's body.
func (pb phraseBook) find(m *lint.Message, list string) []lint.Match {
	p := pb[m.Lang][list]
	if p == nil {
		return nil
	}
	return p.Find(m.Body.Text, m.Tokens())
}

// has reports whether any cue of a list is in a message's body.
func (pb phraseBook) has(m *lint.Message, list string) bool { return len(pb.find(m, list)) > 0 }

// lexiconRule builds the constructor shared by the rules whose options are a
// lexicon plus their own settings: T embeds LexiconOptions inline.
func lexiconRule[T any](defaults T, base Lexicon, lex func(*T) *LexiconOptions, build func(T, Lexicon, phraseBook) lint.Check) func(*yaml.Node) (lint.Check, error) {
	return func(node *yaml.Node) (lint.Check, error) {
		o, err := lint.DecodeOptions(node, defaults)
		if err != nil {
			return nil, err
		}
		lx, err := lex(&o).apply(base)
		if err != nil {
			return nil, err
		}
		return build(o, lx, lx.compile()), nil
	}
}

// sentenceOf returns the index of the sentence holding byte offset off.
func sentenceOf(sents []lint.Span, off int) int {
	for i, s := range sents {
		if off < s.End {
			return i
		}
	}
	return len(sents) - 1
}

// anyLang is the union of one word set over every language that has it.
func anyLang(d *lint.RuleData, list string) map[string]bool {
	out := map[string]bool{}
	for _, words := range d.WordSets(list) {
		for w := range words {
			out[w] = true
		}
	}
	return out
}

// kindIn reports whether a message's kind is one of kinds.
func kindIn(k lint.Kind, kinds []lint.Kind) bool { return slices.Contains(kinds, k) }
