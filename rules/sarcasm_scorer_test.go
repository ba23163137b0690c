package rules

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"

	"github.com/msglint/msglint/bench/gen"
	"github.com/msglint/msglint/internal/logreg"
	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
)

func TestSarcasmScorerOptions(t *testing.T) {
	en := load.Options{Lang: lint.English}
	// Sarcasm no frame describes; the scorer is sure of it.
	text := "Of course, we'll just rebuild the whole kitchen for free, why not."
	flagged := []string{"0-66 severity(0) " + sarcasmScorerMessage}
	for opts, want := range map[string][]string{
		"":                         flagged, // on by default
		"scorer: {threshold: 0.9}": flagged,
		"scorer: {enabled: true, threshold: 0.9}":   flagged,
		"scorer: {enabled: true, threshold: 0.999}": nil,
		"scorer: {enabled: false, threshold: 0.9}":  nil,
		// The lexicon options still reach the frames, and a message the
		// frames flag is not flagged again.
		"add: {en: {markers: [whole kitchen]}}\nscorer: {enabled: true, threshold: 0.9}": {
			`34-47 severity(0) "whole kitchen" reads as sarcasm toward the customer`},
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

// Every language has weights, read from its own file.
func TestSarcasmModelsLoad(t *testing.T) {
	for _, l := range lint.Langs {
		m, err := ReadSarcasmModel(l)
		if err != nil {
			t.Fatal(err)
		}
		// A message with none of its features must score well below even
		// half: the bias says sarcasm is the exception (a quarter of the
		// training messages are sarcastic, weighed four times).
		if m.Len() < 100 || logreg.Probability(m.Bias) >= 1.0/3 {
			t.Errorf("%s: no usable model: %d features, bias %v", l, m.Len(), m.Bias)
		}
		// The scorer reads the same bytes without looking at each slot,
		// in place: one allocation (the model's header), no table copied.
		if v := sarcasmModel(l); v == nil || v.Len() != m.Len() || v.Bias != m.Bias || v.Slots() != m.Slots() {
			t.Errorf("%s: the scorer's model is not the one read", l)
		}
		if a := testing.AllocsPerRun(10, func() { viewSarcasmModel(l) }); a > 1 {
			t.Errorf("%s: %v allocations to view the weights", l, a)
		}
	}
	if _, err := ReadSarcasmModel("de"); err == nil || err.Error() != "rules/data/sarcasm_scorer.de.bin: no such file" {
		t.Errorf("a language without weights: %v", err)
	}
	if sarcasmModel("de") != nil {
		t.Error("a model for a language without weights")
	}
}

// BenchmarkSarcasmModelLoad reads one language's weights, as the first
// message in that language does: a header, no table built.
func BenchmarkSarcasmModelLoad(b *testing.B) {
	for _, l := range lint.Langs {
		b.Run(string(l), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := viewSarcasmModel(l); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// The features are stems, not surface forms: the Turkish and Azerbaijani
// endings come off, the stems are folded (a text typed without the
// letters has the same), and the cue classes and shapes are named.
func TestSarcasmFeatures(t *testing.T) {
	for _, c := range []struct {
		lang lint.Lang
		text string
		want [][]string // kind, then parts
	}{
		{lint.Turkish, "Şifrenizi yine mi unuttunuz?", [][]string{{"w", "sifre"}, {"w", "unut"}, {"f", "sifre"}, {"b", "sifre", "yine"}, {"s", "you"}, {"s", "question"}}},
		{lint.Azerbaijani, "Sifarişinizi yenə unutmusunuz!", [][]string{{"w", "sifaris"}, {"w", "unut"}, {"b", "sifaris", "yene"}, {"s", "you"}, {"s", "exclaim"}}},
		{lint.English, "Congratulations, you missed the bus again.", [][]string{{"w", "miss"}, {"f", "congratulation"}, {"b", "you", "miss"}, {"c", "praise"}, {"c1", "misdeed"}, {"s", "you"}}},
	} {
		got := SarcasmFeatures(load.Options{Lang: c.lang}.Text("t", c.text))
		for _, w := range c.want {
			if !slices.Contains(got, namedFeature(w[0], w[1:]...)) {
				t.Errorf("%s %q: no %v", c.lang, c.text, w)
			}
		}
		for _, f := range got {
			if k := SarcasmFeatureKind(f); k == "" || k == "?" {
				t.Errorf("%s %q: feature %#x of no kind", c.lang, c.text, f)
			}
		}
	}
}

// Quotes are a shape when they open on a lower-case letter, the customer's
// words quoted mid-sentence; a quoted button, menu or placeholder, written
// with a capital or a sign, or a value of markup, is not one.
func TestSarcasmQuoteShape(t *testing.T) {
	if sarcasmShapeNames[quoteShape] != "quote" {
		t.Fatalf("quoteShape is %q", sarcasmShapeNames[quoteShape])
	}
	quote := namedFeature("s", "quote")
	for _, c := range []struct {
		lang lint.Lang
		text string
		want bool
	}{
		{lint.English, `So the "tiny spoonful" was half the jar.`, true},
		{lint.English, "Your “definitely off-white” mat is neon yellow.", true},
		{lint.English, `Restore the backups using "I already have a profile".`, false},
		{lint.English, `Delete all messages in "%2$s"?`, false},
		{lint.Turkish, "Yine “hiç rahatlamadım” mı diyeceksiniz?", true},
		{lint.Turkish, "Uygulamada “Kampanyalar” sekmesine dokunun.", false},
		{lint.Azerbaijani, "Dərmanı “internetdə oxudum” deyib atmısınız.", true},
		{lint.Azerbaijani, "«Yadda saxla» düyməsini basın.", false},
		// A value of markup, after an equals sign: a placeholder's tag, a
		// link's class.
		{lint.English, `Remove drafts older than <xliff:g id="days">%d</xliff:g> days`, false},
		{lint.English, `Read <a href="/help" class="help-link">our guide</a> first.`, false},
		{lint.Turkish, `<xliff:g id="gün">%d</xliff:g> günden eski taslakları sil`, false},
		{lint.Azerbaijani, `<b class="qeyd">Diqqət</b>: fayl silinəcək.`, false},
		{lint.English, `So your cat "fixed" the router, and the light=“off” means broken?`, true},
	} {
		got := slices.Contains(SarcasmFeatures(load.Options{Lang: c.lang}.Text("t", c.text)), quote)
		if got != c.want {
			t.Errorf("%s %q: quote shape %v, want %v", c.lang, c.text, got, c.want)
		}
	}
}

// namedFeature is the number of the feature of a kind with one or two
// parts.
func namedFeature(kind string, parts ...string) logreg.Feature {
	a, b := textHash(parts[0]), uint64(0)
	if len(parts) > 1 {
		b = textHash(parts[1])
	}
	return sarcasmFeature(sarcasmKind(slices.Index(sarcasmKindNames[:], kind)), a, b)
}

// Parts in the other order, of another kind or another text make another
// number, and a number keeps its kind in its top byte.
func TestSarcasmFeatureNumbers(t *testing.T) {
	fs := []logreg.Feature{namedFeature("b", "a", "b"), namedFeature("b", "b", "a"), namedFeature("w", "a"), namedFeature("f", "a"), namedFeature("w", "b"), namedFeature("c", "a")}
	for i, f := range fs {
		if slices.Contains(fs[i+1:], f) {
			t.Errorf("feature %d: %#x twice", i, f)
		}
	}
	if k := SarcasmFeatureKind(namedFeature("cN", "x")); k != "cN" {
		t.Errorf("kind %q", k)
	}
	if k := SarcasmFeatureKind(0xff << 56); k != "?" {
		t.Errorf("kind %q", k)
	}
}

// BenchmarkSarcasmScorer is BenchmarkRule/sarcasm without the engine.
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

// A damaged weights file is an error that names it, never a panic: cut
// anywhere, it is refused.
func TestSarcasmModelDamaged(t *testing.T) {
	good := sarcasmScorerBytes[lint.English]
	t.Cleanup(func() { sarcasmScorerBytes[lint.English] = good })
	for _, n := range []int{0, 3, 19, 20, 27, len(good) / 2, len(good) - 1} {
		sarcasmScorerBytes[lint.English] = good[:n]
		_, err := ReadSarcasmModel(lint.English)
		if err == nil || !strings.HasPrefix(err.Error(), "rules/data/sarcasm_scorer.en.bin: ") {
			t.Errorf("cut at %d bytes: %v", n, err)
		}
	}
}

// FuzzNextNonSpace holds the test scareQuotes makes, a word starting
// where the text after a quote stops being space, to trimming the text
// between them.
func FuzzNextNonSpace(f *testing.F) {
	for _, s := range []string{"”  demişsiniz", "\" \u00a0said", "x", "", "\xff y"} {
		f.Add(s, uint8(1))
	}
	f.Fuzz(func(t *testing.T, text string, at uint8) {
		end := min(int(at), len(text))
		next := nextNonSpace(text, end)
		for start := end; start < len(text); start++ {
			if r, _ := utf8.DecodeRuneInString(text[start:]); unicode.IsSpace(r) || !utf8.RuneStart(text[start]) {
				continue // a word starts on a character's first byte, not a space
			}
			if want := strings.TrimSpace(text[end:start]) == ""; (start == next) != want {
				t.Fatalf("%q from %d: a word at %d, next %d, trimmed empty %v", text, end, start, next, want)
			}
		}
	})
}
