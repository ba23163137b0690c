package lint

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"
)

func TestPosition(t *testing.T) {
	src := NewSource("f", []byte("ab\nçğx\r\n\nz"))
	cases := []struct{ off, line, col int }{
		{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {5, 2, 2}, {7, 2, 3}, {10, 3, 1}, {11, 4, 1}, {12, 4, 2}, {99, 4, 2},
	}
	for _, c := range cases {
		if l, col := src.Position(c.off); l != c.line || col != c.col {
			t.Errorf("Position(%d) = %d:%d, want %d:%d", c.off, l, col, c.line, c.col)
		}
		if c.off <= len(src.Data) && src.Offset(c.line, c.col) != c.off {
			t.Errorf("Offset(%d, %d) = %d, want %d", c.line, c.col, src.Offset(c.line, c.col), c.off)
		}
	}
	if got := src.Line(2); got != "çğx" {
		t.Errorf("Line(2) = %q", got)
	}
}

func TestPositionLongLine(t *testing.T) {
	line := strings.Repeat("aş€", 1000) // 1, 2 and 3 bytes: marks land inside characters' runs
	src := NewSource("f", []byte("x\n"+line+"\ny"))
	for _, runes := range []int{0, 1, 2, 3, 170, 171, 1500, 2999, 3000} {
		off := 2 + len(string([]rune(line)[:runes]))
		if l, c := src.Position(off); l != 2 || c != runes+1 {
			t.Errorf("rune %d: %d:%d, want 2:%d", runes, l, c, runes+1)
		}
	}
}

func TestSourceMap(t *testing.T) {
	// File `"a\u00e7b"` -> text "açb": a verbatim, ç from a 6-byte escape, b verbatim.
	var b MapBuilder
	b.Verbatim(1, 1)
	b.Escaped(2, 2, 8)
	b.Verbatim(1, 8)
	m := b.Map()
	data := []byte(`"a\u00e7b"`)
	if err := m.Validate("açb", data); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ start, end, fs, fe int }{
		{0, 1, 1, 2}, {1, 3, 2, 8}, {0, 4, 1, 9}, {3, 4, 8, 9}, {2, 3, 2, 8},
	}
	for _, c := range cases {
		if fs, fe := m.Start(c.start), m.End(c.end); fs != c.fs || fe != c.fe {
			t.Errorf("[%d,%d) -> [%d,%d), want [%d,%d)", c.start, c.end, fs, fe, c.fs, c.fe)
		}
	}
	if err := m.Validate("axb", data); err == nil {
		t.Error("Validate accepted a text that differs from the file")
	}
}

func TestSentences(t *testing.T) {
	cases := []struct {
		lang Lang
		text string
		want []string
	}{
		{English, "Hi there! Your order shipped. Track it here.", []string{"Hi there!", "Your order shipped.", "Track it here."}},
		{English, "Dr. Smith sees you Sat. at 10.30, price 1.5 USD. Mail help@luma.example or see luma.example/faq. Thanks!", []string{"Dr. Smith sees you Sat. at 10.30, price 1.5 USD.", "Mail help@luma.example or see luma.example/faq.", "Thanks!"}},
		{English, "We ship e.g. shoes and bags... Really?! Yes.", []string{"We ship e.g. shoes and bags...", "Really?!", "Yes."}},
		{English, "Line one\n\nLine two", []string{"Line one", "Line two"}},
		{English, "He said \"done.\" Then left.", []string{"He said \"done.\"", "Then left."}},
		{Turkish, "Sözleşmenin 4. maddesinde yazıyor. Saat 14.00'e kadar açığız. Teşekkürler!", []string{"Sözleşmenin 4. maddesinde yazıyor.", "Saat 14.00'e kadar açığız.", "Teşekkürler!"}},
		{Turkish, "Av. Mehmet Bey ve Dr. Ayşe Hanım size dönecek. Örn. yarın.", []string{"Av. Mehmet Bey ve Dr. Ayşe Hanım size dönecek.", "Örn. yarın."}},
		{Azerbaijani, "Ayaqqabı, çanta və s. məhsullar endirimdədir. Sabah zəng edəcəyik.", []string{"Ayaqqabı, çanta və s. məhsullar endirimdədir.", "Sabah zəng edəcəyik."}},
		{Azerbaijani, "Ünvan: Nizami küç. 5. Zəng edin!", []string{"Ünvan: Nizami küç. 5.", "Zəng edin!"}},
		{English, "🙂 …", nil},
	}
	for _, c := range cases {
		var got []string
		for _, s := range Sentences(c.text, c.lang) {
			got = append(got, c.text[s.Start:s.End])
		}
		if d := cmp.Diff(c.want, got); d != "" {
			t.Errorf("%q (-want +got):\n%s", c.text, d)
		}
	}
}

func TestDetectLang(t *testing.T) {
	cases := map[string]Lang{
		"Thanks for your message, we will reply soon.":              English,
		"Mesajınız için teşekkürler, en kısa sürede döneceğiz.":     Turkish,
		"Siparişiniz yola çıktı.":                                   Turkish,
		"Kargonuz yarın geliyor":                                    Turkish,
		"Mesajınız üçün təşəkkür edirik, tezliklə cavab verəcəyik.": Azerbaijani,
		"Sifarişiniz göndərildi.":                                   Azerbaijani,
		"Salam! Sizə necə kömək edə bilərik?":                       Azerbaijani,
		"Merhaba! Size nasıl yardımcı olabiliriz?":                  Turkish,
		"Hello! Sipariş numaranız nedir?":                           Turkish,
		"Xatırlatma: görüşünüz sabah saat 10:00-dadır.":             Azerbaijani,
	}
	for text, want := range cases {
		if got, ok := DetectLang(text); !ok || got != want {
			t.Errorf("DetectLang(%q) = %q, %v; want %q", text, got, ok, want)
		}
	}
	for _, text := range []string{"OK", "https://luma.example", "{{first_name}}", ""} {
		if got, ok := DetectLang(text); ok {
			t.Errorf("DetectLang(%q) = %q, want no guess", text, got)
		}
	}
}

func TestLowerUpper(t *testing.T) {
	if got := Lower(Turkish, "IŞIK İstanbul"); got != "ışık istanbul" {
		t.Errorf("Lower tr = %q", got)
	}
	if got := Upper(Azerbaijani, "xahiş edirik"); got != "XAHİŞ EDİRİK" {
		t.Errorf("Upper az = %q", got)
	}
	if got := Lower(English, "IRIS"); got != "iris" {
		t.Errorf("Lower en = %q", got)
	}
}

type testOpts struct {
	Max   int               `yaml:"max"`
	Words map[Lang][]string `yaml:"words"`
	Inner struct {
		On bool `yaml:"on"`
	} `yaml:"inner"`
}

func node(t *testing.T, s string) *yaml.Node {
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(s), &n); err != nil {
		t.Fatal(err)
	}
	return &n
}

func TestDecodeOptions(t *testing.T) {
	got, err := DecodeOptions(node(t, "max: 5\nwords: {tr: [a]}\ninner: {on: true}\n"), testOpts{Max: 3})
	if err != nil || got.Max != 5 || got.Words[Turkish][0] != "a" || !got.Inner.On {
		t.Errorf("got %+v, %v", got, err)
	}
	if got, _ := DecodeOptions(nil, testOpts{Max: 3}); got.Max != 3 {
		t.Errorf("nil node changed defaults: %+v", got)
	}
	for in, want := range map[string]string{
		"max: 5\nmx: 6\n":       `line 2: unknown option "mx" (known: max, words, inner)`,
		"inner:\n  off: true\n": `line 2: unknown option "off" (known: on)`,
		"- 1\n":                 "line 1: expected a mapping of options",
		"max: lots\n":           "yaml: unmarshal errors:\n  line 1: cannot unmarshal !!str `lots` into int",
	} {
		if _, err := DecodeOptions(node(t, in), testOpts{}); err == nil || err.Error() != want {
			t.Errorf("%q: error %v, want %s", in, err, want)
		}
	}
}

var known = []string{"length", "spelling"}

func TestParseConfig(t *testing.T) {
	cfg, err := ParseConfig("c.yaml", []byte(`
lang: tr
channel: whatsapp
fail_on: warning
include: ["replies/**"]
rules:
  length:
    severity: warning
    options:
      max_sentences: 4
  spelling:
    enabled: false
`), known)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Lang != "tr" || cfg.Channel != "whatsapp" || cfg.FailOn != Warning || cfg.Include[0] != "replies/**" {
		t.Errorf("config: %+v", cfg)
	}
	if cfg.Rules["length"].Severity != Warning || cfg.Rules["length"].Options == nil || *cfg.Rules["spelling"].Enabled {
		t.Errorf("rules: %+v", cfg.Rules)
	}
	for in, want := range map[string]string{
		"lnag: tr\n":                              "c.yaml: line 1: field lnag not found in type lint.rawConfig",
		"rules:\n  lenght: {}\n":                  `c.yaml:2: unknown rule "lenght" (see ` + "`msglint rules`)",
		"rules:\n  length:\n    sevrity: x\n":     `c.yaml: rules.length: line 3: unknown option "sevrity" (known: enabled, severity, options)`,
		"rules:\n  length:\n    severity: loud\n": `c.yaml:3: rules.length: unknown severity "loud" (want error, warning or info)`,
		"fail_on: never\n":                        `c.yaml: unknown severity "never" (want error, warning or info)`,
		"channel: telegram\n":                     `c.yaml: unknown channel "telegram" (want one of messenger, instagram, whatsapp, sms)`,
		"rules: [length]\n":                       "c.yaml:1: rules must be a mapping of rule names",
	} {
		_, err := ParseConfig("c.yaml", []byte(in), known)
		if err == nil || err.Error() != want {
			t.Errorf("%q:\n got: %v\nwant: %s", in, err, want)
		}
	}
}

func testRule(name string, sev Severity, def bool, check Check) *Rule {
	return &Rule{Name: name, Doc: Doc{Title: "t", Text: "x", Why: "y", Severity: sev, Default: def,
		Examples: map[Lang]Example{English: {"b", "g"}, Turkish: {"b", "g"}, Azerbaijani: {"b", "g"}}},
		New: func(*yaml.Node) (Check, error) { return check, nil }}
}

func TestLinter(t *testing.T) {
	word := func(w string) Check {
		return func(p *Pass) {
			if i := strings.Index(p.Msg.Body.Text, w); i >= 0 {
				p.Reportf(Span{i, i + len(w)}, "found %s", w)
			}
		}
	}
	all := []*Rule{
		testRule("aa", Error, true, word("x")),
		testRule("bb", Warning, true, func(p *Pass) {
			p.Report(Diagnostic{Message: "whole", Severity: Info})
		}),
		testRule("cc", Info, false, word("y")),
	}
	if err := Validate(all); err != nil {
		t.Fatal(err)
	}
	src := NewSource("f.txt", []byte("ab\nc x y"))
	m := &Message{ID: "m", Body: Field{Text: "c x y", Map: LinearMap(5, 3)}, Source: src}
	run := func(cfg *Config, enable, disable []string) []string {
		l, err := NewLinter(all, cfg, enable, disable)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, f := range l.Check(m) {
			out = append(out, strings.Join([]string{f.Rule, f.Severity.String(), f.Message, posString(f)}, " "))
		}
		return out
	}
	if d := cmp.Diff([]string{"aa error found x 2:3-2:4", "bb info whole 2:1-2:6"}, run(nil, nil, nil)); d != "" {
		t.Error(d)
	}
	cfg := &Config{Rules: map[string]RuleConfig{"bb": {Severity: Error}, "aa": {Enabled: new(bool)}}}
	if d := cmp.Diff([]string{"bb error whole 2:1-2:6", "cc info found y 2:5-2:6"}, run(cfg, []string{"cc"}, nil)); d != "" {
		t.Error(d)
	}
	m.Disable = []string{"bb"}
	if d := cmp.Diff([]string{"aa error found x 2:3-2:4"}, run(nil, nil, []string{"cc"})); d != "" {
		t.Error(d)
	}
	if _, err := NewLinter(all, nil, []string{"zz"}, nil); err == nil || err.Error() != "unknown rule \"zz\" (see `msglint rules`)" {
		t.Errorf("unknown rule: %v", err)
	}
}

func posString(f Finding) string {
	return fmt.Sprintf("%d:%d-%d:%d", f.Line, f.Col, f.EndLine, f.EndCol)
}

func TestValidate(t *testing.T) {
	ok := testRule("good-name", Error, true, func(*Pass) {})
	bad := []*Rule{testRule("Bad_Name", Error, true, nil), testRule("x", 0, true, nil)}
	noTR := testRule("y", Error, true, nil)
	delete(noTR.Doc.Examples, Turkish)
	bad = append(bad, noTR)
	for _, r := range bad {
		if err := Validate([]*Rule{ok, r}); err == nil {
			t.Errorf("Validate accepted %q", r.Name)
		}
	}
	if err := Validate([]*Rule{ok, ok}); err == nil {
		t.Error("Validate accepted a duplicate")
	}
}

// isWordRune's short cuts give what the Unicode tables give.
func TestIsWordRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := isWordRune(r), unicode.IsLetter(r) || unicode.Is(unicode.Mn, r); got != want {
			t.Errorf("isWordRune(%U) = %v, want %v", r, got, want)
		}
	}
}
