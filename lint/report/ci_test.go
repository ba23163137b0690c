package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/msglint/msglint/lint"
	"github.com/reviewdog/reviewdog/proto/rdf"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"google.golang.org/protobuf/encoding/protojson"
)

// ciResult is a run with what the CI formats must get right: characters
// wider than a byte before a finding, a safe fix, the same finding twice in
// one message, and input errors with and without a line.
func ciResult() *lint.Result {
	src := lint.NewSource("./lib/şablon.yaml", []byte("a: Tamam, herkez gelsin.\nb: 😀 recieve & <b>\n"))
	msg := &lint.Message{ID: "m1", Source: src}
	herkez := lint.Finding{Rule: "spelling", Severity: lint.Warning, Message: `"herkez" is a misspelling of "herkes"`, Suggestion: "herkes",
		File: src.Path, Line: 1, Col: 11, EndLine: 1, EndCol: 17, MessageID: "m1", Msg: msg, Fix: &lint.FileEdit{Start: 10, End: 16, New: "herkes"}}
	recieve := lint.Finding{Rule: "spelling", Severity: lint.Error, Message: `"recieve" is a misspelling of "receive"`,
		File: src.Path, Line: 2, Col: 6, EndLine: 2, EndCol: 13, MessageID: "m1", Msg: msg, Fix: &lint.FileEdit{Start: 33, End: 40, New: "receive"}}
	long := lint.Finding{Rule: "length", Severity: lint.Info, Message: "3 sentences", File: src.Path, Line: 1, Col: 4, EndLine: 2, EndCol: 1, MessageID: "m1", Msg: msg}
	return &lint.Result{Files: 3, Messages: 1, Findings: []lint.Finding{long, herkez, herkez, recieve}, Errors: []error{
		&lint.InputError{Path: "bad.csv", Line: 2, Col: 5, Msg: `invalid CSV: bare " in non-quoted-field`},
		&lint.InputError{Path: "gone.yaml", Msg: "cannot read: no such file or directory"},
		&lint.Skip{Path: "./huge.jsonl", Reason: lint.TooBig, Fail: true, Msg: "over the file size cap"},
	}}
}

func write(t *testing.T, f Format, res *lint.Result) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := f.Write(&b, &Report{Result: res, Version: "v1.2.3"}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// exampleGolden is the CLI's output for the examples in a format.
func exampleGolden(t *testing.T, f Format) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("../../testdata/golden/cli", "examples."+f.Name()))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestGitLabSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	schema, err := c.Compile("../../testdata/schema/gitlab-codequality.json")
	if err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string][]byte{"ci": write(t, GitLab, ciResult()), "examples": exampleGolden(t, GitLab)} {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := schema.Validate(doc); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		var issues []gitlabIssue
		json.Unmarshal(out, &issues)
		seen := map[string]bool{}
		for _, is := range issues {
			if seen[is.Fingerprint] {
				t.Errorf("%s: fingerprint %s twice", name, is.Fingerprint)
			}
			seen[is.Fingerprint] = true
		}
	}
	// The schema can fail: a severity GitLab does not know, a path it
	// cannot match.
	for _, bad := range []string{
		`[{"description":"d","check_name":"c","fingerprint":"f","severity":"warning","location":{"path":"a","lines":{"begin":1}}}]`,
		`[{"description":"d","check_name":"c","fingerprint":"f","severity":"minor","location":{"path":"./a","lines":{"begin":1}}}]`,
		`[{"description":"d","check_name":"c","fingerprint":"f","severity":"minor","location":{"path":"a"}}]`,
	} {
		doc, _ := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if schema.Validate(doc) == nil {
			t.Errorf("schema accepts %s", bad)
		}
	}

	var issues []gitlabIssue
	if err := json.Unmarshal(write(t, GitLab, ciResult()), &issues); err != nil {
		t.Fatal(err)
	}
	type row struct{ Check, Sev, Path string }
	var got []row
	for _, is := range issues {
		got = append(got, row{is.CheckName, is.Severity, is.Location.Path})
	}
	want := []row{{"length", "info", "lib/şablon.yaml"}, {"spelling", "minor", "lib/şablon.yaml"}, {"spelling", "minor", "lib/şablon.yaml"},
		{"spelling", "major", "lib/şablon.yaml"}, {"input", "blocker", "bad.csv"}, {"input", "blocker", "gone.yaml"}, {"input", "blocker", "huge.jsonl"}}
	if d := cmp.Diff(want, got); d != "" {
		t.Error(d)
	}
	if p := issues[3].Location.Positions; p == nil || *p != (gitlabPositions{gitlabPosition{2, 6}, gitlabPosition{2, 13}}) {
		t.Errorf("positions %+v", p)
	}
	if l := issues[4].Location.Lines; l == nil || l.Begin != 2 || issues[4].Description != `invalid CSV: bare " in non-quoted-field` {
		t.Errorf("input error %+v", issues[4])
	}
	// Fingerprints stay the same from run to run.
	if d := cmp.Diff(write(t, GitLab, ciResult()), write(t, GitLab, ciResult())); d != "" {
		t.Error(d)
	}
}

// TestRDJSONReviewdog reads the output as reviewdog does (protojson into its
// DiagnosticResult, which rejects unknown fields and wrong types).
func TestRDJSONReviewdog(t *testing.T) {
	read := func(out []byte) *rdf.DiagnosticResult {
		var res rdf.DiagnosticResult
		if err := protojson.Unmarshal(out, &res); err != nil {
			t.Fatal(err)
		}
		return &res
	}
	if n := len(read(exampleGolden(t, RDJSON)).GetDiagnostics()); n == 0 {
		t.Error("no diagnostics in the examples")
	}
	res := read(write(t, RDJSON, ciResult()))
	type pos struct{ L, C int32 }
	type diag struct {
		Code, Sev, Path string
		Start, End      pos
		Fix             string
		FixStart        pos
		FixEnd          pos
	}
	var got []diag
	for _, d := range res.GetDiagnostics() {
		r := d.GetLocation().GetRange()
		g := diag{Code: d.GetCode().GetValue(), Sev: d.GetSeverity().String(), Path: d.GetLocation().GetPath(),
			Start: pos{r.GetStart().GetLine(), r.GetStart().GetColumn()}, End: pos{r.GetEnd().GetLine(), r.GetEnd().GetColumn()}}
		if s := d.GetSuggestions(); len(s) == 1 {
			g.Fix = s[0].GetText()
			g.FixStart = pos{s[0].GetRange().GetStart().GetLine(), s[0].GetRange().GetStart().GetColumn()}
			g.FixEnd = pos{s[0].GetRange().GetEnd().GetLine(), s[0].GetRange().GetEnd().GetColumn()}
		}
		got = append(got, g)
	}
	// "b: 😀 recieve": the emoji is one character and four bytes, so
	// character column 6 is byte column 9.
	want := []diag{
		{Code: "length", Sev: "INFO", Path: "lib/şablon.yaml", Start: pos{1, 4}, End: pos{2, 1}},
		{Code: "spelling", Sev: "WARNING", Path: "lib/şablon.yaml", Start: pos{1, 11}, End: pos{1, 17}, Fix: "herkes", FixStart: pos{1, 11}, FixEnd: pos{1, 17}},
		{Code: "spelling", Sev: "WARNING", Path: "lib/şablon.yaml", Start: pos{1, 11}, End: pos{1, 17}, Fix: "herkes", FixStart: pos{1, 11}, FixEnd: pos{1, 17}},
		{Code: "spelling", Sev: "ERROR", Path: "lib/şablon.yaml", Start: pos{2, 9}, End: pos{2, 16}, Fix: "receive", FixStart: pos{2, 9}, FixEnd: pos{2, 16}},
		{Code: "input", Sev: "ERROR", Path: "bad.csv", Start: pos{2, 0}},
		{Code: "input", Sev: "ERROR", Path: "gone.yaml"},
		{Code: "input", Sev: "ERROR", Path: "huge.jsonl"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Error(d)
	}
	if got := res.GetDiagnostics()[1].GetMessage(); got != `"herkez" is a misspelling of "herkes" (suggestion: herkes)` {
		t.Errorf("message %q", got)
	}
	if res.GetSource().GetName() != "msglint" {
		t.Errorf("source %v", res.GetSource())
	}
}

// xmlShape is what an XML element may hold: its required and optional
// attributes and the elements it may contain.
type xmlShape struct {
	required, optional, children []string
	text                         bool
}

// checkXML reads a document token by token and fails on any element,
// attribute or text its shapes do not allow, and on a required attribute
// left out; root is the only element allowed at the top.
func checkXML(t *testing.T, data []byte, root string, shapes map[string]xmlShape) {
	t.Helper()
	if !bytes.HasPrefix(data, []byte(xml.Header)) {
		t.Error("no XML declaration")
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	stack := []string{""}
	shapes[""] = xmlShape{children: []string{root}}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			parent, name := stack[len(stack)-1], tok.Name.Local
			if !slices.Contains(shapes[parent].children, name) {
				t.Errorf("<%s> inside <%s>", name, parent)
			}
			sh := shapes[name]
			var have []string
			for _, a := range tok.Attr {
				have = append(have, a.Name.Local)
				if !slices.Contains(sh.required, a.Name.Local) && !slices.Contains(sh.optional, a.Name.Local) {
					t.Errorf("<%s %s>: unknown attribute", name, a.Name.Local)
				}
			}
			for _, r := range sh.required {
				if !slices.Contains(have, r) {
					t.Errorf("<%s> lacks %s", name, r)
				}
			}
			stack = append(stack, name)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if !shapes[stack[len(stack)-1]].text && len(bytes.TrimSpace(tok)) > 0 {
				t.Errorf("text in <%s>: %q", stack[len(stack)-1], tok)
			}
		}
	}
}

// The JUnit shape Jenkins, GitLab and Azure read (the common subset of
// their schemas).
var junitShapes = map[string]xmlShape{
	"testsuites": {optional: []string{"name", "tests", "failures", "errors", "time"}, children: []string{"testsuite"}},
	"testsuite":  {required: []string{"name", "tests"}, optional: []string{"failures", "errors", "skipped", "time"}, children: []string{"testcase"}},
	"testcase":   {required: []string{"name", "classname"}, optional: []string{"file", "line", "time"}, children: []string{"failure", "error"}},
	"failure":    {optional: []string{"message", "type"}, text: true},
	"error":      {optional: []string{"message", "type"}, text: true},
}

func TestJUnitXML(t *testing.T) {
	checkXML(t, exampleGolden(t, JUnit), "testsuites", junitShapes)
	out := write(t, JUnit, ciResult())
	checkXML(t, out, "testsuites", junitShapes)
	var doc junitSuites
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range doc.Suites {
		got = append(got, fmt.Sprintf("%s %d/%d/%d", s.Name, s.Tests, s.Failures, s.Errors))
		for _, c := range s.Cases {
			p := c.Failure
			if p == nil {
				p = c.Error
			}
			got = append(got, fmt.Sprintf("  %s | %s | %s:%d | %s: %s", c.Name, c.Classname, c.File, c.Line, p.Type, p.Message))
		}
	}
	want := []string{
		"lib/şablon.yaml 4/4/0",
		"  length lib/şablon.yaml:1:4 | msglint.length | lib/şablon.yaml:1 | info: 3 sentences",
		`  spelling lib/şablon.yaml:1:11 | msglint.spelling | lib/şablon.yaml:1 | warning: "herkez" is a misspelling of "herkes"`,
		`  spelling lib/şablon.yaml:1:11 | msglint.spelling | lib/şablon.yaml:1 | warning: "herkez" is a misspelling of "herkes"`,
		`  spelling lib/şablon.yaml:2:6 | msglint.spelling | lib/şablon.yaml:2 | error: "recieve" is a misspelling of "receive"`,
		"bad.csv 1/0/1",
		`  read bad.csv | msglint.input | bad.csv:2 | input: invalid CSV: bare " in non-quoted-field`,
		"gone.yaml 1/0/1",
		"  read gone.yaml | msglint.input | gone.yaml:0 | input: cannot read: no such file or directory",
		"huge.jsonl 1/0/1",
		"  read huge.jsonl | msglint.input | huge.jsonl:0 | input: over the file size cap",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Error(d)
	}
	if doc.Tests != 7 || doc.Failures != 4 || doc.Errors != 3 {
		t.Errorf("totals %d/%d/%d", doc.Tests, doc.Failures, doc.Errors)
	}
	if text := doc.Suites[0].Cases[1].Failure.Text; text != "lib/şablon.yaml:1:11: warning spelling: \"herkez\" is a misspelling of \"herkes\"\nsuggestion: herkes\nmessage: m1" {
		t.Errorf("failure text %q", text)
	}
}

var checkstyleShapes = map[string]xmlShape{
	"checkstyle": {required: []string{"version"}, children: []string{"file"}},
	"file":       {required: []string{"name"}, children: []string{"error"}},
	"error":      {required: []string{"line", "severity", "message", "source"}, optional: []string{"column"}},
}

func TestCheckstyleXML(t *testing.T) {
	checkXML(t, exampleGolden(t, Checkstyle), "checkstyle", checkstyleShapes)
	out := write(t, Checkstyle, ciResult())
	checkXML(t, out, "checkstyle", checkstyleShapes)
	var doc checkstyleReport
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	want := checkstyleReport{XMLName: xml.Name{Local: "checkstyle"}, Version: "4.3", Files: []checkstyleFile{
		{Name: "lib/şablon.yaml", Errors: []checkstyleError{
			{Line: 1, Column: 4, Severity: "info", Message: "3 sentences", Source: "msglint.length"},
			{Line: 1, Column: 11, Severity: "warning", Message: `"herkez" is a misspelling of "herkes" (suggestion: herkes)`, Source: "msglint.spelling"},
			{Line: 1, Column: 11, Severity: "warning", Message: `"herkez" is a misspelling of "herkes" (suggestion: herkes)`, Source: "msglint.spelling"},
			{Line: 2, Column: 6, Severity: "error", Message: `"recieve" is a misspelling of "receive"`, Source: "msglint.spelling"},
		}},
		{Name: "bad.csv", Errors: []checkstyleError{{Line: 2, Column: 5, Severity: "error", Message: `invalid CSV: bare " in non-quoted-field`, Source: "msglint.input"}}},
		{Name: "gone.yaml", Errors: []checkstyleError{{Severity: "error", Message: "cannot read: no such file or directory", Source: "msglint.input"}}},
		{Name: "huge.jsonl", Errors: []checkstyleError{{Severity: "error", Message: "over the file size cap", Source: "msglint.input"}}},
	}}
	if d := cmp.Diff(want, doc); d != "" {
		t.Error(d)
	}
}

// A run with nothing to report is still a valid document in each format.
func TestCIFormatsEmpty(t *testing.T) {
	empty := &lint.Result{Files: 1}
	for f, want := range map[Format]string{
		GitLab:     "[]\n",
		JUnit:      xml.Header + `<testsuites name="msglint" tests="0" failures="0" errors="0"></testsuites>` + "\n",
		Checkstyle: xml.Header + `<checkstyle version="4.3"></checkstyle>` + "\n",
		RDJSON:     "{\n  \"source\": {\n    \"name\": \"msglint\",\n    \"url\": \"https://github.com/msglint/msglint\"\n  },\n  \"diagnostics\": []\n}\n",
	} {
		if got := string(write(t, f, empty)); got != want {
			t.Errorf("%s: %q, want %q", f.Name(), got, want)
		}
	}
}
