package rules

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/msglint/msglint/internal/logreg"
	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/dict"
	"github.com/msglint/msglint/lint/morph"
)

// The sarcasm rule's second detector: a scorer learnt from labelled
// messages (rules/data/sarcasm_scorer.yaml, written by
// `go run ./bench/sarcasmscorer -write`) that weighs general features of a
// message, its word stems and stem pairs, the rule's cue classes and where
// they stand, and flags a message whose score passes a threshold when the
// frames found nothing.

// SarcasmScorerFile is the scorer's weights, per language, under rules/.
const SarcasmScorerFile = "data/sarcasm_scorer.yaml"

// SarcasmScorerOptions switch the learnt scorer on or off and set how sure
// it must be.
type SarcasmScorerOptions struct {
	Enabled bool `yaml:"enabled"`
	// Threshold is the score (0 to 1) a message must reach: higher flags
	// fewer messages.
	Threshold float64 `yaml:"threshold"`
}

// SarcasmScoredOptions are the sarcasm rule's options with the scorer's.
type SarcasmScoredOptions struct {
	SarcasmOptions `yaml:",inline"`
	Scorer         SarcasmScorerOptions `yaml:"scorer"`
}

// sarcasmScorerDefaults: the scorer is off unless a config turns it on;
// the threshold is where it kept precision on held-out sets.
var sarcasmScorerDefaults = SarcasmScorerOptions{Enabled: false, Threshold: 0.95}

const sarcasmScorerDoc = `

A second detector can be switched on (scorer: {enabled: true}): it has learnt from a few hundred sarcastic
and sincere replies in each language which words, word pairs and sarcastic ingredients tend to go together, and
flags a message that looks sarcastic as a whole even when none of the patterns above matches it. It finds
more sarcasm but is less certain than the patterns; threshold (0 to 1, default 0.9) sets how sure it must be.`

// withSarcasmScorer adds the learnt scorer to the sarcasm rule: its options
// gain scorer, its check runs the scorer on a message the frames leave
// silent.
func withSarcasmScorer(r *lint.Rule) {
	frames := r.New
	defaults := SarcasmScoredOptions{SarcasmOptions: r.Options.(SarcasmOptions), Scorer: sarcasmScorerDefaults}
	r.Options = defaults
	r.Doc.Text += sarcasmScorerDoc
	r.New = func(node *yaml.Node) (lint.Check, error) {
		o, err := lint.DecodeOptions(node, defaults)
		if err != nil {
			return nil, err
		}
		if t := o.Scorer.Threshold; !(t > 0 && t < 1) {
			return nil, fmt.Errorf("scorer.threshold: %v is not between 0 and 1", t)
		}
		check, err := frames(withoutKey(node, "scorer"))
		if err != nil || !o.Scorer.Enabled {
			return check, err
		}
		sc := sarcasmScorer{threshold: o.Scorer.Threshold}
		return func(p *lint.Pass) {
			fired := false
			check(lint.NewPass(p.Msg, func(d lint.Diagnostic) { fired = true; p.Report(d) }))
			if !fired {
				sc.check(p)
			}
		}, nil
	}
}

// withoutKey is a mapping node without one key, for a constructor that does
// not know it.
func withoutKey(node *yaml.Node, key string) *yaml.Node {
	if node == nil {
		return nil
	}
	n := node
	if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		n = n.Content[0]
	}
	if n.Kind != yaml.MappingNode {
		return node
	}
	out := *n
	out.Content = nil
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value != key {
			out.Content = append(out.Content, n.Content[i], n.Content[i+1])
		}
	}
	return &out
}

type sarcasmScorer struct{ threshold float64 }

// sarcasmScorerMessage says why without a score: the score moves a little
// each time the scorer is trained again.
const sarcasmScorerMessage = "reads as sarcasm toward the customer: worded like the sarcastic replies the rule learnt from"

// check flags the message when its score passes the threshold, at the
// sentence whose own features weigh most.
func (sc sarcasmScorer) check(p *lint.Pass) {
	m := p.Msg
	model := sarcasmModels()[m.Lang]
	if model == nil {
		return
	}
	fs := sarcasmFeatures(m)
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.name
	}
	score := logreg.Probability(model.Logit(names))
	if score < sc.threshold {
		return
	}
	sents := m.Sentences()
	if len(sents) == 0 {
		return
	}
	weight := make([]float64, len(sents))
	for _, f := range fs {
		if f.sentence >= 0 {
			weight[f.sentence] += model.Weights[f.name]
		}
	}
	best := 0
	for i := range weight {
		if weight[i] > weight[best] {
			best = i
		}
	}
	p.Report(lint.Diagnostic{
		Span:       sents[best],
		Message:    sarcasmScorerMessage,
		Suggestion: sarcasmData.Say(m.Lang, "suggestion"),
	})
}

// sarcasmModels are the scorer's weights per language, read on first use.
var sarcasmModels = sync.OnceValue(func() map[lint.Lang]*logreg.Model {
	raw, err := dataFS.ReadFile(SarcasmScorerFile)
	if err != nil {
		panic(err) // embedded: missing only in a broken build
	}
	models, err := ParseSarcasmModels(raw)
	if err != nil {
		panic(fmt.Sprintf("rules/%s: %v", SarcasmScorerFile, err))
	}
	return models
})

// ParseSarcasmModels reads a weights file: language -> bias and weights.
func ParseSarcasmModels(raw []byte) (map[lint.Lang]*logreg.Model, error) {
	var models map[lint.Lang]*logreg.Model
	if err := decodeStrictYAML(raw, &models); err != nil {
		return nil, err
	}
	return models, nil
}

func decodeStrictYAML(raw []byte, v any) error {
	dec := yaml.NewDecoder(strings.NewReader(string(raw)))
	dec.KnownFields(true)
	return dec.Decode(v)
}

// sarcasmCues is the rule's built-in lexicon, compiled once: the scorer
// reads its cue classes as they ship, whatever a config adds to the frames,
// as its weights were learnt from them.
var sarcasmCues = sync.OnceValue(func() phraseBook { return sarcasmLexicon.compile() })

// feature is a scorer feature and the sentence it stands in (-1: the
// message as a whole).
type feature struct {
	name     string
	sentence int
}

// SarcasmFeatures are the names of a message's scorer features, for
// training.
func SarcasmFeatures(m *lint.Message) []string {
	fs := sarcasmFeatures(m)
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.name
	}
	return out
}

// sarcasmFeatures: each word's stem (w:), each pair of neighbouring stems in
// a sentence (b:), the stem that opens a sentence (f:); each cue class of
// the rule's lexicon present (c:), in the first sentence (c1:) or the last
// (cN:), and each pair of cue classes (p:); a 2nd person form, quotes, a
// question, an exclamation (s:).
func sarcasmFeatures(m *lint.Message) []feature {
	var fs []feature
	sents := m.Sentences()
	toks := m.Tokens()
	// prev is the stem before, "" after a punctuation mark: a pair is two
	// words in a row; opened the sentences whose first word is seen.
	prev, opened := "", -1
	shape := map[string]bool{}
	folded := lint.Folded(m.Lang, m.Body.Text)
	for _, t := range toks {
		i := sentenceOf(sents, t.Start)
		if i != opened {
			prev = ""
		}
		switch t.Kind {
		case lint.Word:
			s := stemOf(m.Lang, t.Norm)
			fs = append(fs, feature{"w:" + s, i})
			if i != opened {
				fs = append(fs, feature{"f:" + s, i})
				opened = i
			} else if prev != "" {
				fs = append(fs, feature{"b:" + prev + "_" + s, i})
			}
			prev = s
			if sarcasmYou(m.Lang, t.Norm, folded) {
				shape["you"] = true
			}
		case lint.Number:
			prev, opened = "#", i
		case lint.Punct:
			switch t.Norm {
			case "?":
				shape["question"] = true
			case "!":
				shape["exclaim"] = true
			case "\"", "“", "”", "«", "»":
				shape["quote"] = true
			case "…":
				shape["ellipsis"] = true
			}
			prev = ""
		}
	}
	for _, s := range []string{"you", "question", "exclaim", "quote", "ellipsis"} {
		if shape[s] {
			fs = append(fs, feature{"s:" + s, -1})
		}
	}
	found := sarcasmCues().findAll(m)
	var lists []string
	for list, ms := range found {
		if len(ms) == 0 {
			continue
		}
		lists = append(lists, list)
		for _, mt := range ms {
			switch sentenceOf(sents, mt.Span.Start) {
			case 0:
				fs = append(fs, feature{"c1:" + list, 0})
			case len(sents) - 1:
				fs = append(fs, feature{"cN:" + list, len(sents) - 1})
			}
		}
	}
	slices.Sort(lists)
	for i, a := range lists {
		fs = append(fs, feature{"c:" + a, sentenceOf(sents, found[a][0].Span.Start)})
		for _, b := range lists[i+1:] {
			fs = append(fs, feature{"p:" + a + "+" + b, -1})
		}
	}
	return fs
}

var (
	youWords      = sarcasmData.WordSets("second_person")
	youEndings    = sarcasmData.WordSets("second_person_endings")
	youPossessive = sarcasmData.WordSets("possessive_endings")
)

// sarcasmYou reports whether a word speaks of the customer: "you", "siz",
// a 2nd person verb ending (unuttunuz) or possessive (sifarişiniz,
// kartınızı).
func sarcasmYou(l lint.Lang, w string, folded bool) bool {
	if youWords[l][w] || possessed(l, w, youPossessive[l], folded) {
		return true
	}
	for e := range youEndings[l] {
		if len(w) > len(e)+1 && hasEnding(l, w, e, folded) {
			return true
		}
	}
	return false
}

// stems remembers each word's stem: the suffix walk is the scorer's
// costliest step and a library repeats its words.
var stems memo[string]

// stemOf is a word's stem: for Turkish and Azerbaijani the shortest
// dictionary form of three letters or more its suffixes leave
// (siparişinizi -> sipariş), for English
// the word without a plural or verb ending.
func stemOf(l lint.Lang, w string) string {
	return stems.get(string(l)+"\x00"+w, func() string {
		if l == "en" {
			return englishStem(w)
		}
		a, err := morph.For(string(l))
		if err != nil {
			return w
		}
		d, err := dict.For(string(l))
		if err != nil {
			return w
		}
		// The shortest stem may be a short word by chance (günə -> gü):
		// below three letters the word stays whole.
		if s := a.Stem(w, d.Has); utf8.RuneCountInString(s) >= 3 {
			return s
		}
		return w
	})
}

// englishStem strips the endings that only inflect: plural, past,
// progressive, 3rd person, possessive.
func englishStem(w string) string {
	w = strings.TrimSuffix(w, "'s")
	for _, e := range []string{"ing", "ed", "es"} {
		if s, ok := strings.CutSuffix(w, e); ok && len(s) >= 3 {
			return s
		}
	}
	if s, ok := strings.CutSuffix(w, "s"); ok && len(s) >= 3 && !strings.HasSuffix(s, "s") { // not "class"
		return s
	}
	return w
}
