package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/msglint/msglint/lint"
)

func finding(src *lint.Source, line, col, endLine, endCol int) lint.Finding {
	return lint.Finding{
		Rule: "spelling", Severity: lint.Warning, Message: "m", Suggestion: "s",
		File: src.Path, Line: line, Col: col, EndLine: endLine, EndCol: endCol,
		Msg: &lint.Message{Source: src},
	}
}

func TestTextExcerpt(t *testing.T) {
	long := strings.Repeat("a", 150) + " herkez " + strings.Repeat("b", 150)
	src := lint.NewSource("f.txt", []byte("x\tyz recieve\n"+long+"\nend"))
	res := &lint.Result{Files: 1, Messages: 2, Findings: []lint.Finding{
		finding(src, 1, 6, 1, 13),    // after a tab
		finding(src, 2, 152, 2, 158), // inside a long line: a window around it
		finding(src, 1, 6, 3, 2),     // over lines: underline to the line's end
		finding(src, 3, 4, 3, 4),     // at the end of the line
	}}
	var b bytes.Buffer
	if err := Text.Write(&b, &Report{Result: res}); err != nil {
		t.Fatal(err)
	}
	// 33 characters of context before the span, 100 in all.
	window := "…" + long[151-33:151-33+100] + "…"
	want := "f.txt:1:6: warning spelling: m\n    x yz recieve\n         ^~~~~~~\n    suggestion: s\n" +
		"f.txt:2:152: warning spelling: m\n    " + window + "\n" + strings.Repeat(" ", 4+1+33) + "^~~~~~\n    suggestion: s\n" +
		"f.txt:1:6: warning spelling: m\n    x yz recieve\n         ^~~~~~~\n    suggestion: s\n" +
		"f.txt:3:4: warning spelling: m\n    end\n       ^\n    suggestion: s\n" +
		"0 errors, 4 warnings, 0 infos in 2 messages (1 file)\n"
	if d := cmp.Diff(want, b.String()); d != "" {
		t.Error(d)
	}
}

func TestTextColorAndErrors(t *testing.T) {
	src := lint.NewSource("f.txt", []byte("recieve"))
	f := finding(src, 1, 1, 1, 8)
	f.Severity = lint.Error
	res := &lint.Result{Files: 2, Messages: 1, Findings: []lint.Finding{f},
		Errors: []error{&lint.InputError{Path: "g.yaml", Line: 2, Msg: "x"}}}
	var b bytes.Buffer
	Text.Write(&b, &Report{Result: res, Color: true})
	want := "\x1b[1mf.txt:1:1:\x1b[0m \x1b[31merror\x1b[0m \x1b[2mspelling:\x1b[0m m\n    recieve\n    \x1b[31m^~~~~~~\x1b[0m\n    suggestion: s\n" +
		"1 error, 0 warnings, 0 infos in 1 message (2 files; 1 with input errors)\n"
	if d := cmp.Diff(want, b.String()); d != "" {
		t.Error(d)
	}
	b.Reset()
	Text.Write(&b, &Report{Result: &lint.Result{Files: 1, Errors: res.Errors}})
	if got := b.String(); got != "0 errors, 0 warnings, 0 infos in 0 messages (1 file; 1 with input errors)\n" {
		t.Errorf("errors only: %q", got)
	}
}

func TestGitHubEscaping(t *testing.T) {
	src := lint.NewSource("dir,a:b%.yaml", []byte("x"))
	f := finding(src, 3, 4, 3, 9)
	f.Message = "50% off\nnext line"
	f.Suggestion = ""
	res := &lint.Result{Findings: []lint.Finding{f}, Errors: []error{
		&lint.InputError{Path: "bad.csv", Line: 2, Col: 5, Msg: "invalid CSV: bare \" in non-quoted-field"},
		&lint.InputError{Path: "gone.yaml", Msg: "cannot read: no such file or directory"},
	}}
	var b bytes.Buffer
	GitHub.Write(&b, &Report{Result: res})
	want := "::warning file=dir%2Ca%3Ab%25.yaml,line=3,col=4,endLine=3,endColumn=9,title=msglint spelling::50%25 off%0Anext line\n" +
		"::error file=bad.csv,line=2,col=5,title=msglint::invalid CSV: bare \" in non-quoted-field\n" +
		"::error title=msglint::gone.yaml: cannot read: no such file or directory\n"
	if d := cmp.Diff(want, b.String()); d != "" {
		t.Error(d)
	}
}

func TestFileURI(t *testing.T) {
	for in, want := range map[string]string{
		"./replies.yaml":        "replies.yaml",
		"lib/a b.yaml":          "lib/a%20b.yaml",
		"/abs/şablon.json":      "file:///abs/%C5%9Fablon.json",
		"locales/tr#draft.json": "locales/tr%23draft.json",
	} {
		if got := fileURI(in); got != want {
			t.Errorf("fileURI(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseFormat(t *testing.T) {
	if f, err := ParseFormat("sarif"); err != nil || f != SARIF {
		t.Error(f, err)
	}
	if _, err := ParseFormat("xml"); err == nil {
		t.Error("xml accepted")
	}
}

// Message texts are escaped: a template holding markup shows it as text.
func TestHTMLEscapes(t *testing.T) {
	text := `Hi <script>alert("x")</script> & "you"`
	src := lint.NewSource("evil.yaml", []byte(text))
	m := &lint.Message{ID: `<b>id</b>`, Lang: lint.English, Kind: lint.Reply, Body: lint.Field{Text: text, Map: lint.LinearMap(len(text), 0)}, Source: src}
	f := finding(src, 1, 4, 1, 12)
	f.Msg, f.MessageID, f.Span, f.Message = m, m.ID, lint.Span{Start: 3, End: 11}, "<i>bad</i>"
	var b bytes.Buffer
	if err := HTML.Write(&b, &Report{Result: &lint.Result{Files: 1, Messages: 1, Findings: []lint.Finding{f}}}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, bad := range []string{"<script>alert", "<b>id</b>", "<i>bad</i>"} {
		if strings.Contains(out, bad) {
			t.Errorf("unescaped %q in the page", bad)
		}
	}
	for _, want := range []string{`<mark class="warning" data-findings="f1">&lt;script&gt;</mark>alert(&#34;x&#34;)&lt;/script&gt; &amp; &#34;you&#34;`, "&lt;i&gt;bad&lt;/i&gt;"} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	// No fetches: the page names no other file or host.
	for _, ref := range []string{"src=", "href=", "@import", "url("} {
		if strings.Contains(out, ref) {
			t.Errorf("page refers to something outside it: %q", ref)
		}
	}
}

// A finding in a template's header, footer or button, or in a generic
// template's element, is labelled as that part, not marked in the body.
func TestHTMLLabelsTemplateParts(t *testing.T) {
	data := "name: x\nlanguage: en_US\nbody: Your order is ready.\nheader: Order news\nbutton: Track it\n"
	src := lint.NewSource("t.yaml", []byte(data))
	field := func(s string) lint.Field {
		i := strings.Index(data, s)
		return lint.Field{Text: s, Map: lint.LinearMap(len(s), i)}
	}
	tpl := &lint.Template{Texts: []lint.Field{field("x"), field("en_US"), field("Order news"), field("Track it")},
		Name: 0, Language: 1, Header: 2, Footer: -1, Buttons: []lint.TemplateButton{{Type: "URL", Text: 3, URL: -1}}}
	m := &lint.Message{ID: "x:en", Lang: lint.English, Body: field("Your order is ready."), Template: tpl, Source: src,
		Elements: []lint.Element{{Title: field("Order news")}}}
	var fs []lint.Finding
	for _, p := range []lint.Part{{Kind: lint.TemplateText, Index: 2}, {Kind: lint.TemplateText, Index: 3}, {Kind: lint.ElementTitle, Index: 0}} {
		f := finding(src, 1, 1, 1, 2)
		f.Msg, f.MessageID, f.Part, f.Span, f.Message = m, m.ID, p, lint.Span{Start: 0, End: 5}, "part finding"
		fs = append(fs, f)
	}
	var b bytes.Buffer
	if err := HTML.Write(&b, &Report{Result: &lint.Result{Files: 1, Messages: 1, Findings: fs}}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"<b>spelling</b> (header): part finding", "<b>spelling</b> (button 1): part finding",
		"<b>spelling</b> (element 1 title): part finding", "header: <q>Order news</q>", "button 1: <q>Track it</q>"} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(out, "<mark") {
		t.Error("a part's finding is marked in the body")
	}
}
