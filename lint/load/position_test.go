package load

import (
	"fmt"
	"strings"
	"testing"

	"github.com/msglint/msglint/lint"
)

// place returns where a substring of a field's text sits in the file, as
// "line:col-line:col", and the file bytes it covers.
func place(t *testing.T, m *lint.Message, f *lint.Field, sub string) (string, string) {
	t.Helper()
	i := strings.Index(f.Text, sub)
	if i < 0 {
		t.Fatalf("%q not in text %q", sub, f.Text)
	}
	s, e := f.Map.Start(i), f.Map.End(i+len(sub))
	l1, c1 := m.Source.Position(s)
	l2, c2 := m.Source.Position(e)
	return fmt.Sprintf("%d:%d-%d:%d", l1, c1, l2, c2), string(m.Source.Data[s:e])
}

func TestPositions(t *testing.T) {
	cases := []struct {
		name, file, data string
		part             lint.Part
		text             string // the whole field text, as decoded
		sub              string
		at               string // where sub is
		raw              string // the file bytes under sub
	}{
		{
			name: "yaml double-quoted with escapes", file: "a.yaml",
			data: "templates:\n  - text: \"Caf\\u00e9 \\\"best\\\"\\nWe recieve\"\n",
			text: "Café \"best\"\nWe recieve", sub: "recieve", at: "2:35-2:42", raw: "recieve",
		},
		{
			name: "yaml \\u escape maps to the whole escape", file: "a.yaml",
			data: "templates:\n  - text: \"Caf\\u00e9 ok\"\n",
			text: "Café ok", sub: "é", at: "2:15-2:21", raw: "\\u00e9",
		},
		{
			name: "yaml \\n escape", file: "a.yaml",
			data: "templates:\n  - text: \"a\\nb\"\n",
			text: "a\nb", sub: "\n", at: "2:13-2:15", raw: "\\n",
		},
		{
			name: "yaml single-quoted with ''", file: "a.yaml",
			data: "templates:\n  - text: 'It''s recieve'\n",
			text: "It's recieve", sub: "recieve", at: "2:18-2:25", raw: "recieve",
		},
		{
			name: "yaml characters, not bytes, before the span", file: "a.yaml",
			data: "templates:\n  - text: \"Çok güzel, herkez\"\n",
			text: "Çok güzel, herkez", sub: "herkez", at: "2:23-2:29", raw: "herkez",
		},
		{
			name: "yaml plain scalar folded over lines", file: "a.yaml",
			data: "templates:\n  - text: We will\n      recieve it\n",
			text: "We will recieve it", sub: "recieve", at: "3:7-3:14", raw: "recieve",
		},
		{
			name: "yaml plain fold maps to the line break", file: "a.yaml",
			data: "templates:\n  - text: We will\n      recieve it\n",
			text: "We will recieve it", sub: "will recieve", at: "2:14-3:14", raw: "will\n      recieve",
		},
		{
			name: "yaml double-quoted over lines", file: "a.yaml",
			data: "templates:\n  - text: \"We will\n      recieve it\"\n",
			text: "We will recieve it", sub: "recieve", at: "3:7-3:14", raw: "recieve",
		},
		{
			name: "yaml literal block", file: "a.yaml",
			data: "templates:\n  - id: x\n    text: |\n      First line.\n      We recieve it.\n",
			text: "First line.\nWe recieve it.\n", sub: "recieve", at: "5:10-5:17", raw: "recieve",
		},
		{
			name: "yaml literal block, strip chomping", file: "a.yaml",
			data: "templates:\n  - text: |-\n      one\n        two recieve\n",
			text: "one\n  two recieve", sub: "recieve", at: "4:13-4:20", raw: "recieve",
		},
		{
			name: "yaml literal block, keep chomping", file: "a.yaml",
			data: "templates:\n  - text: |+\n      one recieve\n\n  - text: x\n",
			text: "one recieve\n\n", sub: "recieve", at: "3:11-3:18", raw: "recieve",
		},
		{
			name: "yaml folded block with a paragraph break", file: "a.yaml",
			data: "templates:\n  - text: >\n      one\n      two\n\n      three recieve\n",
			text: "one two\nthree recieve\n", sub: "recieve", at: "6:13-6:20", raw: "recieve",
		},
		{
			name: "yaml folded block, more-indented line kept", file: "a.yaml",
			data: "templates:\n  - text: >\n      one\n        two\n      recieve\n",
			text: "one\n  two\nrecieve\n", sub: "recieve", at: "5:7-5:14", raw: "recieve",
		},
		{
			name: "yaml CRLF file", file: "a.yaml",
			data: "templates:\r\n  - text: |\r\n      one\r\n      recieve\r\n",
			text: "one\nrecieve\n", sub: "recieve", at: "4:7-4:14", raw: "recieve",
		},
		{
			name: "yaml flow mapping", file: "a.yaml",
			data: "templates: [{id: a, text: \"x recieve\"}]\n",
			text: "x recieve", sub: "recieve", at: "1:30-1:37", raw: "recieve",
		},
		{
			name: "yaml quick reply title", file: "a.yaml",
			data: "templates:\n  - text: hi\n    quick_replies: [\"Yes\", {title: \"Track my parcel now\"}]\n",
			part: lint.Part{Kind: lint.QuickReply, Index: 1},
			text: "Track my parcel now", sub: "parcel", at: "3:46-3:52", raw: "parcel",
		},
		{
			name: "json generic template element subtitle", file: "send.json",
			data: "{\"recipient\":{\"id\":\"1\"},\"message\":{\"attachment\":{\"type\":\"template\",\"payload\":{\"template_type\":\"generic\",\"elements\":[\n{\"title\":\"A\"},\n{\"title\":\"Tent\",\"subtitle\":\"Sets up in \\u00fc minutes\"}]}}}}",
			part: lint.Part{Kind: lint.ElementSubtitle, Index: 1},
			text: "Sets up in ü minutes", sub: "minutes", at: "3:47-3:54", raw: "minutes",
		},
		{
			name: "json generic template element title", file: "send.json",
			data: "{\"recipient\":{\"id\":\"1\"},\"message\":{\"attachment\":{\"type\":\"template\",\"payload\":{\"template_type\":\"generic\",\"elements\":[\n{\"title\":\"A\"},\n{\"title\":\"Tent\",\"subtitle\":\"x\"}]}}}}",
			part: lint.Part{Kind: lint.ElementTitle, Index: 1},
			text: "Tent", sub: "Tent", at: "3:11-3:15", raw: "Tent",
		},
		{
			name: "json escapes", file: "a.json",
			data: "{\"templates\": [{\"text\": \"Te\\u015fekk\\u00fcrler\\n\\\"herkez\\\" \\/ \\\\ ok\"}]}",
			text: "Teşekkürler\n\"herkez\" / \\ ok", sub: "herkez", at: "1:51-1:57", raw: "herkez",
		},
		{
			name: "json \\u escape maps to the whole escape", file: "a.json",
			data: "{\"templates\": [{\"text\": \"Te\\u015fekk\\u00fcrler\"}]}",
			text: "Teşekkürler", sub: "ş", at: "1:28-1:34", raw: "\\u015f",
		},
		{
			name: "json surrogate pair", file: "a.json",
			data: "{\"templates\":[\n {\"text\": \"\\ud83d\\ude00 recieve\"}]}",
			text: "😀 recieve", sub: "😀", at: "2:12-2:24", raw: "\\ud83d\\ude00",
		},
		{
			name: "json raw non-ASCII", file: "a.json",
			data: "{\"templates\":[{\"text\":\"Çok güzel herkez\"}]}",
			text: "Çok güzel herkez", sub: "herkez", at: "1:34-1:40", raw: "herkez",
		},
		{
			name: "csv quoted field with quotes and a line break", file: "a.csv",
			data: "id,text\nx,\"She said \"\"hi\"\"\nwe recieve it\"\n",
			text: "She said \"hi\"\nwe recieve it", sub: "recieve", at: "3:4-3:11", raw: "recieve",
		},
		{
			name: "csv doubled quote maps to both quotes", file: "a.csv",
			data: "id,text\nx,\"a \"\"b\"\"\"\n",
			text: "a \"b\"", sub: "\"b", at: "2:6-2:9", raw: "\"\"b",
		},
		{
			name: "csv CRLF inside a quoted field", file: "a.csv",
			data: "text\r\n\"one\r\ntwo recieve\"\r\n",
			text: "one\ntwo recieve", sub: "\n", at: "2:5-3:1", raw: "\r\n",
		},
		{
			name: "csv with a byte order mark", file: "a.csv",
			data: "\ufefftext,id\nherkez gibi,1\n",
			text: "herkez gibi", sub: "gibi", at: "2:8-2:12", raw: "gibi",
		},
		{
			name: "jsonl second line with escapes", file: "a.jsonl",
			data: "{\"text\":\"first\"}\n{\"id\":\"b\",\"text\":\"x\\ty recieve\"}\n",
			text: "x\ty recieve", sub: "recieve", at: "2:24-2:31", raw: "recieve",
		},
		{
			name: "text second message", file: "a.txt",
			data: "first\n---\n\n  Second recieve\n",
			text: "Second recieve", sub: "recieve", at: "4:10-4:17", raw: "recieve",
		},
		{
			name: "text CRLF", file: "a.txt",
			data: "one\r\n---\r\ntwo\r\nthree recieve\r\n",
			text: "two\nthree recieve", sub: "recieve", at: "4:7-4:14", raw: "recieve",
		},
		{
			name: "send api quick reply", file: "b.json",
			data: "{\"recipient\":{\"id\":\"1\"},\"message\":{\"text\":\"Pick\",\"quick_replies\":[{\"content_type\":\"text\",\"title\":\"Çok uzun bir başlık burada\"}]}}",
			part: lint.Part{Kind: lint.QuickReply}, text: "Çok uzun bir başlık burada", sub: "burada", at: "1:119-1:125", raw: "burada",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			msgs, err := Options{}.File(c.file, []byte(c.data))
			if err != nil {
				t.Fatal(err)
			}
			var m *lint.Message
			for _, x := range msgs {
				if f := x.Field(c.part); f != nil && strings.Contains(f.Text, c.sub) {
					m = x
				}
			}
			if m == nil {
				t.Fatalf("no message has %q", c.sub)
			}
			f := m.Field(c.part)
			if f.Text != c.text {
				t.Errorf("text = %q, want %q", f.Text, c.text)
			}
			if err := f.Map.Validate(f.Text, m.Source.Data); err != nil {
				t.Errorf("map: %v", err)
			}
			at, raw := place(t, m, f, c.sub)
			if at != c.at || raw != c.raw {
				t.Errorf("%q at %s covering %q, want %s covering %q", c.sub, at, raw, c.at, c.raw)
			}
		})
	}
}

// A generic template's element titles and subtitles are messages of their
// own too, for the content rules, each placed where it is written.
func TestGenericElementTexts(t *testing.T) {
	data := "{\"recipient\":{\"id\":\"1\"},\"message\":{\"attachment\":{\"type\":\"template\",\"payload\":{\"template_type\":\"generic\",\"elements\":[\n" +
		"{\"title\":\"Tent\",\"subtitle\":\"Sets up in \\u00fc minutes\"},\n{\"title\":\"Stove\"}]}}}}"
	msgs, err := Options{Lang: lint.English}.File("send.json", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range msgs[1:] {
		at, raw := place(t, m, &m.Body, m.Body.Text[len(m.Body.Text)-4:])
		got = append(got, fmt.Sprintf("%s %s %s %q", m.ID, m.Lang, at, raw))
	}
	want := []string{`message/element 1 title en 2:11-2:15 "Tent"`, `message/element 1 subtitle en 2:50-2:54 "utes"`, `message/element 2 title en 3:12-3:16 "tove"`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
