// Package langpack_test shows that a language is data: it registers a
// made-up language from testdata and lints messages in it. It is a package
// of its own because registering a language changes the process's registry,
// which the rules' other tests (every rule has examples and fixtures in
// every language) must not see.
package langpack_test

import (
	"os"
	"slices"
	"testing"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
	"github.com/msglint/msglint/rules"
	"gopkg.in/yaml.v3"
)

const xx lint.Lang = "xx"

func TestMain(m *testing.M) {
	if _, err := lint.RegisterLang(os.DirFS("../../testdata/langs/xx")); err != nil {
		panic(err)
	}
	os.Exit(m.Run())
}

func TestRegistry(t *testing.T) {
	if l, err := lint.ParseLang("xx-XX"); err != nil || l != xx {
		t.Fatalf("ParseLang(xx-XX) = %q, %v", l, err)
	}
	if !slices.Contains(lint.Langs, xx) || lint.LangName(xx) != "Examplish" {
		t.Errorf("Langs = %v, LangName(xx) = %q", lint.Langs, lint.LangName(xx))
	}
	for text, want := range map[string]lint.Lang{
		"Ŧanko por vua mesaĝo, ni respondos baldaŭ.": xx, // ŧ and common words
		"Tiketo vua zu klozita.":                     xx,
		"Thanks for your message, we will reply.":    lint.English,
		"Mesajınız için teşekkürler.":                lint.Turkish,
	} {
		if got, ok := lint.DetectLang(text); !ok || got != want {
			t.Errorf("DetectLang(%q) = %q, %v; want %q", text, got, ok, want)
		}
	}
	// The pack's abbreviations: "zb." does not end a sentence.
	if got := lint.Sentences("Aldonu agon, zb. skribu al ni. Ŧanko!", xx); len(got) != 2 {
		t.Errorf("Sentences = %v, want 2", got)
	}
	if _, err := lint.RegisterLang(os.DirFS("../../testdata/langs/xx")); err == nil {
		t.Error("registering xx twice: no error")
	}
}

func TestDocExamples(t *testing.T) {
	for _, r := range []*lint.Rule{rules.Goodbye, rules.CTA, rules.Spelling} {
		if ex := r.Doc.Examples[xx]; ex.Bad == "" || ex.Good == "" {
			t.Errorf("%s: no Examplish example: %+v", r.Name, ex)
		}
		if r.Lexicon != nil && r.Lexicon[xx] == nil {
			t.Errorf("%s: no Examplish word lists", r.Name)
		}
	}
}

func TestRulesFire(t *testing.T) {
	lt, err := lint.NewLinter([]*lint.Rule{rules.Goodbye, rules.CTA, rules.Spelling}, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	// No language given: each text is detected as Examplish.
	check := func(kind lint.Kind, text string) []lint.Finding {
		m := load.Options{Kind: kind}.Text("draft", text)
		if m.Lang != xx {
			t.Errorf("%q: detected %q", text, m.Lang)
		}
		return lt.Check(m)
	}
	for _, c := range []struct {
		kind             lint.Kind
		text             string
		rule, suggestion string // "" when nothing is reported
	}{
		{lint.Closing, "Tiketo vua zu klozita.", "goodbye", `finu kun "Ĉu alia demando? Ŧanko kaj bela dagi!"`},
		{lint.Closing, "Tiketo vua zu klozita. Bela suna dagi!", "", ""},
		{lint.Closing, "Ŧankon por via pacienco.", "", ""},
		{lint.Promo, "Nia kolekto venis, kun 20% rabato.", "cta", `aldonu unu klaran agon, zb. "Aĉetu nun ĉe luma.example/sale"`},
		{lint.Promo, "Nia kolekto venis: luma.example/sale", "cta", `"Aĉetu nun: luma.example/sale"`},
		{lint.Promo, "Nia kolekto venis! Mendu nun.", "", ""},
		{lint.Update, "Nia kolketoj venis por vi.", "spelling", "kolektoj"}, // the pack's list, with a suffix
	} {
		got := check(c.kind, c.text)
		switch {
		case c.rule == "" && len(got) > 0:
			t.Errorf("%q: unexpected %s: %s", c.text, got[0].Rule, got[0].Message)
		case c.rule != "" && (len(got) != 1 || got[0].Rule != c.rule || got[0].Suggestion != c.suggestion):
			t.Errorf("%q: got %+v, want one %s with suggestion %q", c.text, got, c.rule, c.suggestion)
		}
	}
}

// A config extends the pack's lists like the built-in ones.
func TestLexiconOptions(t *testing.T) {
	var node yaml.Node
	if err := yaml.Unmarshal([]byte("add: {xx: {farewell: [adiaŭ]}}"), &node); err != nil {
		t.Fatal(err)
	}
	check, err := rules.Goodbye.New(node.Content[0])
	if err != nil {
		t.Fatal(err)
	}
	var got []lint.Diagnostic
	check(lint.NewPass(&lint.Message{Kind: lint.Closing, Lang: xx, Body: lint.Field{Text: "Adiaŭ!"}}, func(d lint.Diagnostic) { got = append(got, d) }))
	if len(got) != 0 {
		t.Errorf("added farewell not used: %+v", got)
	}
}

// The pack's plural forms are what a translation into it needs.
func TestPluralForms(t *testing.T) {
	lt, err := lint.NewLinter([]*lint.Rule{rules.Parity}, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	lib := `templates:
  - {id: open, lang: en, text: "{n, plural, one {# open ticket} other {# open tickets}}"}
  - {id: open, lang: xx, text: "{n, plural, one {# tiketo} other {# tiketoŝ}}"}
`
	msgs, err := load.Options{}.File("tickets.yaml", []byte(lib))
	if err != nil {
		t.Fatal(err)
	}
	got := lt.CheckSets([][]*lint.Message{msgs})
	want := "plural {n} has no few form, which Examplish needs (one, few, other)"
	if len(got) != 1 || got[0].Message != want || got[0].Line != 3 {
		t.Errorf("got %+v, want one finding on line 3: %s", got, want)
	}
}
