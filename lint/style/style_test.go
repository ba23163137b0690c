package style

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/msglint/msglint/lint"
	"gopkg.in/yaml.v3"
)

func def(t *testing.T, name, src string) lint.RuleDef {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	n := doc.Content[0]
	var kind string
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "extends" {
			kind = n.Content[i+1].Value
		}
	}
	return lint.RuleDef{Name: name, Extends: kind, Node: n, Path: "styles/x/" + name + ".yml"}
}

func TestDefinitionErrors(t *testing.T) {
	cases := []struct{ src, want string }{
		{"extends: existance\ntokens: [a]", `styles/x/r.yml: rule r: line 1: unknown extends "existance" (want one of existence, substitution, capitalization, occurrence, conditional, sequence)`},
		{"extends: existence\ntokens: [a]\ntokns: [b]", `styles/x/r.yml: rule r: line 3: unknown option "tokns" (known: extends, message, level, link, description, lang, scope, ignorecase, nonword, examples, tokens)`},
		{"extends: existence\ntokens: ['a(']", "styles/x/r.yml: rule r: pattern \"a(\": missing closing ): `a(`"},
		{"extends: existence", "styles/x/r.yml: rule r: line 1: existence needs tokens"},
		{"extends: existence\ntokens: [a]\nlevel: fatal", `styles/x/r.yml: rule r: unknown level "fatal" (want suggestion, warning or error)`},
		{"extends: existence\ntokens: [a]\nlang: [tr, xx]", `styles/x/r.yml: rule r: line 3: unsupported language "xx" (want one of en, tr, az)`},
		{"extends: existence\ntokens: [a]\nscope: [title]", `styles/x/r.yml: rule r: unknown scope "title" (want body, quick_replies or buttons)`},
		{"extends: substitution\nswap: [a]", "styles/x/r.yml: rule r: line 1: substitution needs swap: a mapping of pattern: replacement"},
		{"extends: capitalization", "styles/x/r.yml: rule r: line 1: capitalization needs match: $title, $sentence, $lower, $upper or a pattern"},
		{"extends: occurrence\ntoken: a", "styles/x/r.yml: rule r: line 1: occurrence needs a token and max or min"},
		{"extends: conditional\nfirst: a", "styles/x/r.yml: rule r: line 1: conditional needs first and second"},
		{"extends: sequence\ntokens: [{negate: true}]", "styles/x/r.yml: rule r: line 1: each of a sequence's tokens needs a pattern"},
	}
	for _, c := range cases {
		_, err := Rules([]lint.RuleDef{def(t, "r", c.src)})
		if err == nil || err.Error() != c.want {
			t.Errorf("%q:\n got %v\nwant %s", c.src, err, c.want)
		}
	}
}

func TestNoOptions(t *testing.T) {
	rs, err := Rules([]lint.RuleDef{def(t, "r", "extends: existence\ntokens: [a]")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rs[0].New(&yaml.Node{Kind: yaml.MappingNode}); err == nil || !strings.Contains(err.Error(), "takes no options") {
		t.Errorf("options accepted: %v", err)
	}
}

func TestFoldKeepsOffsets(t *testing.T) {
	// İ lowers to two bytes outside Turkish (i + combining dot) and to one
	// byte in it; I lowers to ı (two bytes) in Turkish. Spans map back to
	// the original text either way.
	for _, c := range []struct {
		lang      lint.Lang
		text, pat string
		want      []string
	}{
		{lint.Turkish, "İADE ve IRMAK, iade", "iade", []string{"İADE", "iade"}},
		{lint.Turkish, "IRMAK ırmak", "ırmak", []string{"IRMAK", "ırmak"}},
		{lint.English, "İADE and IRMAK", "irmak", []string{"IRMAK"}},
		{lint.Azerbaijani, "İNDİ indi", "indi", []string{"İNDİ", "indi"}},
	} {
		p, err := newPattern(c.pat, true, false)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, m := range p.find(fold(c.text, c.lang, true), c.lang) {
			got = append(got, m.text)
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s %q / %q: got %q, want %q", c.lang, c.text, c.pat, got, c.want)
		}
	}
}

func TestFormat(t *testing.T) {
	for _, c := range []struct{ msg, want string }{
		{"Avoid '%s'.", "Avoid 'x'."},
		{"Use '%s' instead of '%s'.", "Use 'x' instead of 'y'."},
		{"100% sure, no verb", "100% sure, no verb"},
		{"'%s' is 100% wrong", "'x' is 100% wrong"},
	} {
		if got := format(c.msg, "x", "y"); got != c.want {
			t.Errorf("format(%q) = %q, want %q", c.msg, got, c.want)
		}
	}
}

// FuzzFind matches patterns in any text in every language: no panic, and
// every span lies on character boundaries inside the text.
func FuzzFind(f *testing.F) {
	for _, s := range []string{"İADE ve IRMAK", "Risk-free 100%!", "ǅemal ﬁx", "\xff\xfeİ"} {
		f.Add(s)
	}
	pats := []string{"i", "iade", `\p{L}+`, "risk[- ]free", "100%", "."}
	f.Fuzz(func(t *testing.T, text string) {
		for _, src := range pats {
			p, err := newPattern(src, true, false)
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range lint.Langs {
				fd := fold(text, l, true)
				if utf8.ValidString(text) && fd.text != lint.Lower(l, text) {
					t.Fatalf("%s: folded %q, lint.Lower gives %q", l, fd.text, lint.Lower(l, text))
				}
				for _, m := range p.find(fd, l) {
					s := m.span
					if s.Start < 0 || s.End > len(text) || s.Start > s.End || text[s.Start:s.End] != m.text {
						t.Fatalf("%s %q in %q: bad span %+v", l, src, text, s)
					}
				}
			}
		}
	})
}
