package lint

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"
)

// wordRule reports every occurrence of its word in a body.
func wordRule(name, word string) *Rule {
	return &Rule{Name: name, Doc: Doc{Severity: Error, Default: true}, New: func(*yaml.Node) (Check, error) {
		return func(p *Pass) {
			text := p.Msg.Body.Text
			for i := 0; ; {
				j := strings.Index(text[i:], word)
				if j < 0 {
					return
				}
				p.Reportf(Span{i + j, i + j + len(word)}, "%s", word)
				i += j + len(word)
			}
		}, nil
	}}
}

// linesFile makes one message of each line that is not a comment, as a
// loader would, with its text mapped to the line.
func linesFile(data string, c *Comments, isComment func(string) bool) []*Message {
	src := NewSource("f", []byte(data))
	src.Comments = c
	var msgs []*Message
	off := 0
	for i, line := range strings.SplitAfter(data, "\n") {
		text := strings.TrimRight(line, "\n")
		if strings.TrimSpace(text) != "" && !isComment(strings.TrimSpace(text)) {
			msgs = append(msgs, &Message{ID: fmt.Sprint(i + 1), Lang: English, Body: Field{Text: text, Map: LinearMap(len(text), off)}, Source: src, Offset: off})
		}
		off += len(line)
	}
	return msgs
}

func TestDirectives(t *testing.T) {
	hash := &Comments{Line: []string{"#"}}
	xml := &Comments{Block: [][2]string{{"<!--", "-->"}}}
	strs := &Comments{Line: []string{"//"}, Block: [][2]string{{"/*", "*/"}}}
	startsWith := func(ps ...string) func(string) bool {
		return func(s string) bool {
			for _, p := range ps {
				if strings.HasPrefix(s, p) {
					return true
				}
			}
			return false
		}
	}
	cases := []struct {
		name string
		c    *Comments
		file string
		want []string // line:col rule message
	}{
		{"next line, one rule, with a reason", hash, `
# msglint-disable-next-line typo -- a brand's own spelling
typo rude
typo
`, []string{"3:6 rude rude", "4:1 typo typo"}},
		{"next line, all rules", hash, `
# msglint-disable-next-line
typo rude
`, nil},
		{"next line, two rules, comma or space", hash, `
# msglint-disable-next-line typo, rude
typo rude
# msglint-disable-next-line rude typo
typo rude
`, nil},
		{"own line", hash, `
typo rude # msglint-disable-line rude
`, []string{"2:1 typo typo"}},
		{"block of one rule, closed by name", hash, `
# msglint-disable typo
typo rude
typo
# msglint-enable typo
typo
`, []string{"3:6 rude rude", "6:1 typo typo"}},
		{"block of all rules, to the end of the file", hash, `
typo
# msglint-disable -- legacy copy, rewritten in Q3
typo rude
`, []string{"2:1 typo typo"}},
		{"enable without names closes every block", hash, `
# msglint-disable typo
# msglint-disable rude
typo rude
# msglint-enable
typo rude
`, []string{"6:1 typo typo", "6:6 rude rude"}},
		{"unused: named rule", hash, `
# msglint-disable-next-line typo rude
typo
`, []string{"2:3 directive msglint-disable-next-line rude switched off nothing: remove rude"}},
		{"unused: all rules", hash, `
# msglint-disable-next-line
fine
`, []string{"2:3 directive msglint-disable-next-line switched off nothing: remove it"}},
		{"unused: a rule that does not run is not reported", hash, `
# msglint-disable-next-line off
fine
`, nil},
		{"unknown rule", hash, `
# msglint-disable-next-line tpyo
typo
`, []string{"2:3 directive msglint-disable-next-line names unknown rule \"tpyo\" (see `msglint rules`)", "3:1 typo typo"}},
		{"unknown directive", hash, `
# msglint-disable-nextline typo
typo
`, []string{"2:3 directive unknown directive \"msglint-disable-nextline\" (known: msglint-disable-next-line, msglint-disable-line, msglint-disable, msglint-enable)", "3:1 typo typo"}},
		{"enable without disable", hash, `
# msglint-enable typo
typo
`, []string{"2:3 directive msglint-enable with no msglint-disable of the same rules before it", "3:1 typo typo"}},
		{"not in a comment: text that mentions a directive", hash, `
typo msglint-disable-line all
`, []string{"2:1 typo typo"}},
		{"XML comment", xml, `
<!-- msglint-disable-next-line typo -- product code -->
typo rude
`, []string{"3:6 rude rude"}},
		{"XML comment block", xml, `
<!-- msglint-disable rude -->
typo rude
<!-- msglint-enable rude -->
rude
`, []string{"3:1 typo typo", "5:1 rude rude"}},
		{".strings line and block comments", strs, `
// msglint-disable-next-line typo
typo
/* msglint-disable-next-line rude */
rude
`, nil},
	}
	rules := []*Rule{wordRule("typo", "typo"), wordRule("rude", "rude"), wordRule("off", "off"), DirectiveRule}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l, err := NewLinter(rules, nil, nil, []string{"off"})
			if err != nil {
				t.Fatal(err)
			}
			fs := l.CheckFile(linesFile(c.file, c.c, startsWith("#", "<!--", "//", "/*")))
			SortFindings(fs)
			var got []string
			for _, f := range fs {
				got = append(got, fmt.Sprintf("%d:%d %s %s", f.Line, f.Col, f.Rule, f.Message))
			}
			if d := cmp.Diff(c.want, got); d != "" {
				t.Errorf("findings (-want +got):\n%s", d)
			}
		})
	}
}

func TestDirectivesWithoutTheRule(t *testing.T) {
	// Switched off, the directive rule reports nothing, and directives
	// still switch rules off.
	l, err := NewLinter([]*Rule{wordRule("typo", "typo"), DirectiveRule}, nil, nil, []string{"directive"})
	if err != nil {
		t.Fatal(err)
	}
	fs := l.CheckFile(linesFile("# msglint-disable-next-line typo\ntypo\n# msglint-disable-next-line nosuch\nfine\n", &Comments{Line: []string{"#"}}, func(s string) bool { return strings.HasPrefix(s, "#") }))
	if len(fs) != 0 {
		t.Errorf("got %v", fs)
	}
}

func TestDirectivesNeedComments(t *testing.T) {
	// A format without comments (JSON) reads no directives.
	l, err := NewLinter([]*Rule{wordRule("typo", "typo"), DirectiveRule}, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	fs := l.CheckFile(linesFile("\"# msglint-disable-next-line typo\"\ntypo\n", nil, func(string) bool { return false }))
	if len(fs) != 2 {
		t.Errorf("got %d findings, want 2 (both typos)", len(fs))
	}
}

// FuzzDirectives reads directives from any bytes in every comment syntax:
// no panic, and every directive finding lies inside the file.
func FuzzDirectives(f *testing.F) {
	for _, s := range []string{
		"# msglint-disable-next-line spelling -- why\nx",
		"<!-- msglint-disable a, b -->\n<!-- msglint-enable -->",
		"/* msglint-disable-line",
		"// msglint-\n# msglint-enable x\n# msglint-disable-next-line all --",
		"#msglint-disable\r\n#msglint-enable\r\n",
	} {
		f.Add(s)
	}
	syntaxes := []*Comments{{Line: []string{"#"}}, {Block: [][2]string{{"<!--", "-->"}}}, {Line: []string{"//"}, Block: [][2]string{{"/*", "*/"}}}}
	f.Fuzz(func(t *testing.T, data string) {
		for _, c := range syntaxes {
			src := NewSource("f", []byte(data))
			dirs, probs := readDirectives(src, c, func(r string) bool { return r == "spelling" })
			for _, p := range append([]directiveProblem{}, probs...) {
				if p.start < 0 || p.end < p.start || p.end > len(data) {
					t.Fatalf("problem outside the file: %+v", p)
				}
			}
			for _, d := range dirs {
				if d.from > d.to || d.start < 0 || d.end > len(data) {
					t.Fatalf("bad directive %+v", d)
				}
			}
		}
	})
}
