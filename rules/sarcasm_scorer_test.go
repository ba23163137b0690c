package rules

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"

	"github.com/msglint/msglint/bench/gen"
	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
)

func TestSarcasmScorerOptions(t *testing.T) {
	en := load.Options{Lang: lint.English}
	// Sarcasm no frame describes; the scorer gives it 0.97.
	text := "Of course, we'll just rebuild the whole kitchen for free, why not."
	flagged := []string{"0-66 severity(0) " + sarcasmScorerMessage}
	for opts, want := range map[string][]string{
		"": nil, // off by default
		"scorer: {enabled: true, threshold: 0.9}":   flagged,
		"scorer: {enabled: true, threshold: 0.995}": nil,
		"scorer: {enabled: false, threshold: 0.9}":  nil,
		// The lexicon options still reach the frames, and a message the
		// frames flag is not flagged again.
		"add: {en: {markers: [why not]}}\nscorer: {enabled: true, threshold: 0.9}": {
			`58-65 severity(0) "why not" reads as sarcasm toward the customer`},
	} {
		if diff := cmp.Diff(want, check(t, Sarcasm, opts, en, text)); diff != "" {
			t.Errorf("%q:\n%s", opts, diff)
		}
	}
	for opts, want := range map[string]string{
		"scorer: {enabled: true, threshold: 1.5}":            `scorer.threshold: 1.5 is not between 0 and 1`,
		"scorer: {enabled: true, threshold: 0}":              `scorer.threshold: 0 is not between 0 and 1`,
		"scorer: {enable: true}":                             `line 1: unknown option "enable" (known: enabled, threshold)`,
		"scorer: {enabled: true}\nx: 1":                      `line 2: unknown option "x" (known: add, replace, scorer)`,
		"add: {en: {markerz: [x]}}\nscorer: {enabled: true}": `add.en: unknown list "markerz" (have ` + listNames(lint.English) + `)`,
	} {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(opts), &doc); err != nil {
			t.Fatal(err)
		}
		if _, err := Sarcasm.New(doc.Content[0]); err == nil || err.Error() != want {
			t.Errorf("%q: %v, want %s", opts, err, want)
		}
	}
}

func listNames(l lint.Lang) string {
	var names []string
	for n := range sarcasmLexicon[l] {
		names = append(names, n)
	}
	slices.Sort(names)
	s := ""
	for i, n := range names {
		if i > 0 {
			s += ", "
		}
		s += n
	}
	return s
}

// Every language has weights.
func TestSarcasmModelsLoad(t *testing.T) {
	raw, err := dataFS.ReadFile(SarcasmScorerFile)
	if err != nil {
		t.Fatal(err)
	}
	models, err := ParseSarcasmModels(raw)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lint.Langs {
		if m := models[l]; m == nil || len(m.Weights) < 100 || m.Bias >= -2 {
			t.Errorf("%s: no usable model: %+v", l, m)
		}
		if sarcasmModels()[l] == nil {
			t.Errorf("%s: no compiled model", l)
		}
	}
	if _, err := ParseSarcasmModels([]byte("en: {bias: 1, weight: {}}")); err == nil {
		t.Error("a misspelt key is read")
	}
}

// The features are stems, not surface forms: the Turkish and Azerbaijani
// endings come off, and the cue classes and shapes are named.
func TestSarcasmFeatures(t *testing.T) {
	for _, c := range []struct {
		lang lint.Lang
		text string
		want []string
	}{
		{lint.Turkish, "Şifrenizi yine mi unuttunuz?", []string{"w:şifre", "w:unut", "f:şifre", "b:şifre_yine", "s:you", "s:question"}},
		{lint.Azerbaijani, "Sifarişinizi yenə unutmusunuz!", []string{"w:sifariş", "w:unut", "b:sifariş_yenə", "s:you", "s:exclaim"}},
		{lint.English, "Congratulations, you missed the bus again.", []string{"w:miss", "f:congratulation", "b:you_miss", "c:praise", "c1:misdeed", "s:you"}},
	} {
		got := SarcasmFeatures(load.Options{Lang: c.lang}.Text("t", c.text))
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s %q: no %s in %v", c.lang, c.text, w, got)
			}
		}
	}
}

// BenchmarkSarcasmScorer is BenchmarkRule/sarcasm with the scorer on.
func BenchmarkSarcasmScorer(b *testing.B) {
	msgs, err := load.Options{}.File("lib.yaml", gen.Library(2000, 3))
	if err != nil {
		b.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte("scorer: {enabled: true}"), &doc); err != nil {
		b.Fatal(err)
	}
	c, err := Sarcasm.New(doc.Content[0])
	if err != nil {
		b.Fatal(err)
	}
	for _, m := range msgs { // the weights and the dictionaries are read once a run
		c(lint.NewPass(m, func(lint.Diagnostic) {}))
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for _, m := range msgs {
			fresh := *m
			c(lint.NewPass(&fresh, func(lint.Diagnostic) {}))
		}
	}
}

// FuzzSarcasmScorer runs the rule with the scorer on at a threshold most
// text passes: no panic, and the span it reports is a whole part of the
// text.
func FuzzSarcasmScorer(f *testing.F) {
	for _, s := range []string{"Oh, you forgot it again? How unexpected.", "Şifrenizi yine mi unuttunuz?", "Əla. Yenə. 5 dəfə!", "", "…?!", "\xff\xfe a"} {
		f.Add(s, uint8(0))
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte("scorer: {enabled: true, threshold: 0.01}"), &doc); err != nil {
		f.Fatal(err)
	}
	c, err := Sarcasm.New(doc.Content[0])
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string, pick uint8) {
		m := load.Options{Lang: lint.Langs[int(pick)%len(lint.Langs)]}.Text("draft", text)
		c(lint.NewPass(m, func(d lint.Diagnostic) {
			if s := d.Span; s.Start < 0 || s.End > len(m.Body.Text) || s.Start > s.End {
				t.Fatalf("span %v outside %d bytes", s, len(m.Body.Text))
			}
		}))
	})
}

// FuzzParseSarcasmModels: a weights file of any content is read or refused,
// never a panic.
func FuzzParseSarcasmModels(f *testing.F) {
	f.Add([]byte("en: {bias: -3, weights: {\"w:you\": 0.5}}"))
	f.Add([]byte("en: {bias: x}"))
	f.Fuzz(func(_ *testing.T, raw []byte) {
		_, _ = ParseSarcasmModels(raw)
	})
}
