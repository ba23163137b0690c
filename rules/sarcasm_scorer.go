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
// frames found nothing. Training it again after a change to the labelled
// sets, the features or the rule's cue lists: go generate ./rules (a test
// fails until then).

//go:generate go run ../bench/sarcasmscorer -write -root ..

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

Beside these patterns, a learnt scorer can be switched on (scorer: {enabled: true}). It has read a few hundred
sarcastic and sincere replies in each language and weighs a message's words in any ending, the words side by
side and the sarcastic ingredients above, so it also catches sarcasm put in a new way that no pattern describes.
It catches more but is less sure than the patterns, so it is off unless you turn it on. threshold (0 to 1,
default 0.95) says how sure it must be: lower finds more sarcasm and flags more sincere messages by mistake.`

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
	sents := m.Sentences()
	if len(sents) == 0 {
		return
	}
	logit := model.Bias
	weight := make([]float64, len(sents))
	seen := make([]int32, 0, 64) // each feature counts once, as in training
	sarcasmFeatures(m, func(name []byte, sentence int) {
		n, w, ok := model.Feature(name)
		if !ok || slices.Contains(seen, n) {
			return
		}
		seen = append(seen, n)
		logit += w
		if sentence >= 0 {
			weight[sentence] += w
		}
	})
	if logreg.Probability(logit) < sc.threshold {
		return
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
var sarcasmModels = sync.OnceValue(func() map[lint.Lang]*logreg.Compiled {
	raw, err := dataFS.ReadFile(SarcasmScorerFile)
	if err != nil {
		panic(err) // embedded: missing only in a broken build
	}
	models, err := ParseSarcasmModels(raw)
	if err != nil {
		panic(fmt.Sprintf("rules/%s: %v", SarcasmScorerFile, err))
	}
	out := map[lint.Lang]*logreg.Compiled{}
	for l, m := range models {
		out[l] = m.Compile()
	}
	return out
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

// SarcasmFeatures are the names of a message's scorer features, for
// training.
func SarcasmFeatures(m *lint.Message) []string {
	var out []string
	sarcasmFeatures(m, func(name []byte, _ int) { out = append(out, string(name)) })
	return out
}

// sarcasmFeatures calls emit with each of a message's features and the
// sentence it stands in (-1: the message as a whole); name is only valid
// during the call. The features: each word's stem (w:), each pair of stems
// in a row in a sentence (b:), the stem that opens a sentence (f:); each cue
// class of the rule's lexicon present (c:), in the first sentence (c1:) or
// the last (cN:), and each pair of cue classes (p:); a 2nd person form,
// quotes, a question, an exclamation, an ellipsis (s:).
func sarcasmFeatures(m *lint.Message, emit func(name []byte, sentence int)) {
	var buf []byte
	put := func(sentence int, parts ...string) {
		buf = buf[:0]
		for _, p := range parts {
			buf = append(buf, p...)
		}
		emit(buf, sentence)
	}
	sents := m.Sentences()
	// prev is the stem before, "" after a punctuation mark: a pair is two
	// words in a row; opened the sentences whose first word is seen.
	prev, opened := "", -1
	var shape [len(sarcasmShapes)]bool
	folded := lint.Folded(m.Lang, m.Body.Text)
	for _, t := range m.Tokens() {
		i := sentenceOf(sents, t.Start)
		if i != opened {
			prev = ""
		}
		switch t.Kind {
		case lint.Word:
			w := sarcasmWord(m.Lang, t.Norm, folded)
			put(i, "w:", w.stem)
			if i != opened {
				put(i, "f:", w.stem)
				opened = i
			} else if prev != "" {
				put(i, "b:", prev, "_", w.stem)
			}
			prev = w.stem
			shape[0] = shape[0] || w.you
		case lint.Number:
			prev, opened = "#", i
		case lint.Punct:
			for k, marks := range sarcasmShapes[1:] {
				if strings.Contains(marks, t.Norm) {
					shape[k+1] = true
				}
			}
			prev = ""
		}
	}
	for k, name := range sarcasmShapeNames {
		if shape[k] {
			put(-1, "s:", name)
		}
	}
	found := sarcasmCues().findAll(m)
	lists := make([]string, 0, len(found))
	for list, ms := range found {
		if len(ms) == 0 {
			continue
		}
		lists = append(lists, list)
		for _, mt := range ms {
			switch sentenceOf(sents, mt.Span.Start) {
			case 0:
				put(0, "c1:", list)
			case len(sents) - 1:
				put(len(sents)-1, "cN:", list)
			}
		}
	}
	slices.Sort(lists)
	for i, a := range lists {
		put(sentenceOf(sents, found[a][0].Span.Start), "c:", a)
		for _, b := range lists[i+1:] {
			put(-1, "p:", a, "+", b)
		}
	}
}

// sarcasmShapeNames name the shapes of a message the scorer reads, and
// sarcasmShapes the punctuation marks of each ("you" is found by words).
var (
	sarcasmShapeNames = [...]string{"you", "question", "exclaim", "quote", "ellipsis"}
	sarcasmShapes     = [len(sarcasmShapeNames)]string{"", "?", "!", "\"“”«»", "…"}
)

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

// sarcasmWordInfo is what the scorer reads of a word: its stem, and whether
// it speaks of the customer.
type sarcasmWordInfo struct {
	stem string
	you  bool
}

// sarcasmWords remember each word's stem and 2nd person, per language and
// folding: the suffix walk and the endings are the scorer's costliest
// steps, and a library repeats its words.
var sarcasmWords sync.Map // sarcasmWordKey -> *memo[sarcasmWordInfo]

type sarcasmWordKey struct {
	lang   lint.Lang
	folded bool
}

func sarcasmWord(l lint.Lang, w string, folded bool) sarcasmWordInfo {
	key := sarcasmWordKey{l, folded}
	c, ok := sarcasmWords.Load(key)
	if !ok {
		c, _ = sarcasmWords.LoadOrStore(key, &memo[sarcasmWordInfo]{})
	}
	return c.(*memo[sarcasmWordInfo]).get(w, func() sarcasmWordInfo {
		return sarcasmWordInfo{stem: stemOf(l, w), you: sarcasmYou(l, w, folded)}
	})
}

// stemOf is a word's stem: for Turkish and Azerbaijani the shortest
// dictionary form of three letters or more its suffixes leave
// (siparişinizi -> sipariş), for English the word without a plural or verb
// ending.
func stemOf(l lint.Lang, w string) string {
	if l == lint.English {
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
