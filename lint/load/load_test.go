package load

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/msglint/msglint/bench/gen"
	"github.com/msglint/msglint/internal/golden"
	"github.com/msglint/msglint/lint"
)

const examples = "../../testdata/examples"

// dump renders messages with every field's text and place, for golden files.
func dump(t *testing.T, msgs []*lint.Message) string {
	var b strings.Builder
	for _, m := range msgs {
		det := ""
		if m.LangDetected {
			det = " (detected)"
		}
		from := ""
		if m.KindFrom != "" {
			from = " (" + m.KindFrom + ")"
		}
		fmt.Fprintf(&b, "%s kind=%s%s lang=%s%s channel=%s", m.ID, m.Kind, from, m.Lang, det, m.Channel)
		if m.Syntax != 0 {
			fmt.Fprintf(&b, " placeholders=%s", m.Syntax)
		}
		if len(m.Disable) > 0 {
			fmt.Fprintf(&b, " disable=%s", strings.Join(m.Disable, ","))
		}
		b.WriteString("\n")
		field := func(name string, f lint.Field) {
			if err := f.Map.Validate(f.Text, m.Source.Data); err != nil {
				t.Errorf("%s %s: %v", m.ID, name, err)
			}
			l1, c1 := m.Source.Position(f.Map.Start(0))
			l2, c2 := m.Source.Position(f.Map.End(len(f.Text)))
			fmt.Fprintf(&b, "  %s %d:%d-%d:%d %q\n", name, l1, c1, l2, c2, f.Text)
		}
		field("body", m.Body)
		for i, f := range m.QuickReplies {
			field(fmt.Sprintf("quick_reply[%d]", i), f)
		}
		for i, f := range m.Buttons {
			field(fmt.Sprintf("button[%d]", i), f)
		}
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	cases := []struct {
		file string
		opts Options
	}{
		{"replies.yaml", Options{}},
		{"inbox.jsonl", Options{}},
		{"promos.csv", Options{}},
		{"away.txt", Options{Kind: lint.Away}},
		{"send_api.json", Options{}},
		{"locales/tr.json", Options{I18n: true}},
		{"locales/az.yaml", Options{I18nGlobs: []string{"**/locales/**"}}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			path := filepath.Join(examples, c.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			msgs, err := c.opts.File(path, data)
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, "../../testdata/golden/load/"+strings.ReplaceAll(c.file, "/", "_")+".golden", dump(t, msgs))
		})
	}
}

func TestRealPayloads(t *testing.T) {
	// Meta's own sample bodies: every one must load, text or not.
	dir := "../../../shared/real/payloads/send_api"
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Skipf("shared data not beside the project: %v", err)
	}
	texts := map[string]string{}
	for _, e := range entries {
		path := filepath.Join(dir, e.Name())
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		msgs, err := Options{}.File(path, data)
		if err != nil {
			t.Errorf("%s: %v", e.Name(), err)
			continue
		}
		for _, m := range msgs {
			texts[e.Name()] = m.Body.Text
			if m.Channel == lint.WhatsApp != strings.HasPrefix(e.Name(), "whatsapp") {
				t.Errorf("%s: channel %s", e.Name(), m.Channel)
			}
		}
	}
	want := map[string]string{
		"instagram__send_api_text_message.json":    "Hello World!",
		"messenger__send_api_button_template.json": "What do you want to do next?",
		"messenger__send_api_quick_replies.json":   "Pick a color:",
		"messenger__send_api_text_message.json":    "Hello!",
		"whatsapp__interactive_list.json":          "View our list of produce to add to your existing order. Hurry before your order is out for delivery!",
		"whatsapp__interactive_reply_button.json":  "Do you want to add an item to your order?",
		"whatsapp__java_text.json":                 "This is an example of a text message",
	}
	for name, text := range want {
		if _, ok := texts[name]; !ok {
			continue // checked below by count
		}
		if texts[name] != text {
			t.Errorf("%s: text %q, want %q", name, texts[name], text)
		}
	}
	if len(texts) < 5 {
		t.Errorf("only %d payloads gave a message: %v", len(texts), texts)
	}
}

func TestErrors(t *testing.T) {
	cases := []struct {
		name, file, data string
		opts             Options
		want             string
	}{
		{"yaml syntax", "r.yaml", "templates:\n  - text: \"open\n  - text: x\n", Options{}, "r.yaml:2: invalid YAML: found unexpected end of stream"},
		{"yaml parser error, line counted from 1", "r.yaml", "a: 1\nb: 2\n- x\n", Options{}, "r.yaml:3: invalid YAML: did not find expected key"},
		{"yaml scanner error", "r.yaml", "a: 1\nb: @x\n", Options{}, "r.yaml:2: invalid YAML: found character that cannot start any token"},
		{"yaml unknown template key", "r.yaml", "templates:\n  - text: hi\n    txet: typo\n", Options{}, `r.yaml:3:5: unknown template key "txet" (known: id, kind, lang, channel, text, quick_replies, buttons, disable)`},
		{"yaml unknown library key", "r.yaml", "lang: tr\ntemplate:\n  - text: hi\n", Options{}, `r.yaml:2:1: unknown library key "template" (known: channel, lang, kind, templates)`},
		{"yaml bad kind", "r.yaml", "templates:\n  - text: hi\n    kind: promotion\n", Options{}, `r.yaml:3:11: unknown kind "promotion" (want one of greeting, reply, away, promo, closing, bot, update)`},
		{"yaml bad lang", "r.yaml", "lang: de\ntemplates: []\n", Options{}, `r.yaml:1:7: unsupported language "de" (want one of en, tr, az)`},
		{"yaml no text", "r.yaml", "templates:\n  - id: a\n", Options{}, "r.yaml:2:5: template a has no text"},
		{"yaml text not a string", "r.yaml", "templates:\n  - text: [a]\n", Options{}, "r.yaml:2:11: text of template #1 must be a string, not a list"},
		{"yaml templates not a list", "r.yaml", "templates: {a: b}\n", Options{}, "r.yaml:1:12: templates must be a list, not a mapping"},
		{"json syntax", "r.json", "{\"templates\": [\n  {\"text\": \"a\",}\n]}", Options{}, "r.json:2:16: invalid JSON: invalid character '}' looking for beginning of object key string"},
		{"json truncated", "r.json", "{\"templates\": [\n  {\"text\": \"a\"", Options{}, "r.json:2:15: invalid JSON: unexpected end of input"},
		{"json trailing data", "r.json", "{\"templates\": []} x", Options{}, "r.json:1:19: invalid JSON: unexpected data after the top-level value"},
		{"json duplicate key", "r.json", "{\"templates\": [], \"templates\": []}", Options{}, `r.json:1:19: duplicate key "templates"`},
		{"jsonl bad line", "r.jsonl", "{\"text\":\"ok\"}\n{\"text\": oops}\n", Options{}, "r.jsonl:2:10: invalid JSON: invalid character 'o' looking for beginning of value"},
		{"jsonl no text", "r.jsonl", "{\"text\":\"ok\"}\n{\"id\":\"x\"}\n", Options{}, "r.jsonl:2:1: the object has no text string"},
		{"csv bare quote", "r.csv", "id,text\na,ok\nb,say \"hi\" now\n", Options{}, "r.csv:3:7: invalid CSV: bare \" in non-quoted-field"},
		{"csv field count", "r.csv", "id,text\na,ok,extra\n", Options{}, "r.csv:2:1: invalid CSV: wrong number of fields"},
		{"csv bad lang", "r.csv", "text,lang\nhi,fr\n", Options{}, `r.csv:2:4: unsupported language "fr" (want one of en, tr, az)`},
		{"csv no text column", "r.csv", "id,body\na,hi\n", Options{}, "r.csv:1: not a message library: the header row has no text column (columns: id, kind, lang, channel, text, disable)"},
		{"element title not a string", "send.json", "{\"recipient\":{\"id\":\"1\"},\"message\":{\"attachment\":{\"payload\":{\"elements\":[\n{\"title\": 7}]}}}}", Options{}, "send.json:2:11: title must be a string, not a scalar"},
		{"element not a mapping", "send.json", "{\"recipient\":{\"id\":\"1\"},\"message\":{\"attachment\":{\"payload\":{\"elements\":[\n\"card\"]}}}}", Options{}, "send.json:2:1: each of elements must be a mapping with a title, not a scalar"},
		{"not a library", "package.json", "{\"name\": \"x\"}", Options{}, "package.json: not a message library: expected a templates: list, a Send API body, a WhatsApp template, a Twilio content template, a Messenger Profile, or --i18n for a locale file"},
		{"locale without a language", "strings.json", "{\"a\": \"b\"}", Options{I18n: true}, "strings.json: cannot tell the language of this locale file: name it like tr.json or messages.tr.json, or put it in a folder named like locales/az/"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := c.opts.File(c.file, []byte(c.data))
			if err == nil {
				t.Fatal("no error")
			}
			if err.Error() != c.want {
				t.Errorf("error\n got: %s\nwant: %s", err, c.want)
			}
		})
	}
}

func TestLocaleOf(t *testing.T) {
	cases := map[string]lint.Lang{
		"tr.json": lint.Turkish, "en_US.json": lint.English, "locales/az/common.yaml": lint.Azerbaijani,
		"i18n/tr-TR.yml": lint.Turkish, "locales/az-Latn-AZ/chat.json": lint.Azerbaijani,
	}
	for path, want := range cases {
		if got, err := localeOf(path); err != nil || got != want {
			t.Errorf("localeOf(%q) = %q, %v; want %q", path, got, err, want)
		}
	}
	if _, err := localeOf("locales/fr.json"); !IsNotMessages(err) {
		t.Errorf("fr.json: %v, want a locale msglint does not check", err)
	}
}

func TestFormatOf(t *testing.T) {
	cases := []struct {
		path, data string
		want       *Format
	}{
		{"a.YML", "", yamlFormat},
		{"a.ndjson", "", jsonlFormat},
		{"-", "{\"text\":\"a\"}\n{\"text\":\"b\"}\n", jsonlFormat},
		{"-", "{\n \"templates\": []\n}\n", jsonFormat},
		{"-", "templates:\n  - text: hi\n", yamlFormat},
		{"-", "Hello there\n---\nBye\n", textFormat},
		{"-", "# Turkish\nmsgid \"\"\nmsgstr \"Language: tr\\n\"\n", poFormat},
		{"-", "<?xml version=\"1.0\"?>\n<!-- strings -->\n<resources><string name=\"a\">b</string></resources>", androidFormat},
		{"-", "<xliff version=\"2.0\" trgLang=\"tr\"/>", xliffFormat},
		{"-", "<project/>", textFormat},
	}
	for _, c := range cases {
		if got := formatOf(c.path, []byte(c.data), false); got != c.want {
			t.Errorf("formatOf(%q, %q) = %s, want %s", c.path, c.data, got.Name, c.want.Name)
		}
	}
}

// The folder walk's default globs come from the format list, in its order.
func TestDefaultInclude(t *testing.T) {
	if d := cmp.Diff([]string{"**/*.{yaml,yml,json,jsonl,ndjson,csv,po,pot,xml,strings,xcstrings,arb,xlf,xliff}"}, DefaultInclude); d != "" {
		t.Error(d)
	}
}

func TestDefaultsAndDetection(t *testing.T) {
	data := "templates:\n  - text: Hello, thanks for your message!\n  - text: Merhaba, mesajınız için teşekkürler!\n  - text: Salam, mesajınız üçün təşəkkür edirik!\n  - text: OK\n  - text: Hi\n    lang: tr\n"
	msgs, err := Options{Channel: lint.SMS}.File("mixed.yaml", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range msgs {
		got = append(got, fmt.Sprintf("%s %s %v %s %s", m.ID, m.Lang, m.LangDetected, m.Kind, m.Channel))
	}
	want := []string{
		"#1 en true reply sms", "#2 tr true reply sms", "#3 az true reply sms",
		"#4 en true reply sms", // nothing to go on: English
		"#5 tr false reply sms",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Error(d)
	}
}

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a.yaml", "sub/b.json", "sub/notes.md", ".git/c.yaml", "node_modules/d.json", ".msglint.yaml", "drafts/e.txt"} {
		p := filepath.Join(dir, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x"), 0o644)
	}
	rel := func(ins []Input) []string {
		var out []string
		for _, in := range ins {
			r, _ := filepath.Rel(dir, in.Path)
			out = append(out, filepath.ToSlash(r))
		}
		return out
	}
	got, errs := Expand([]string{dir}, nil, nil)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if d := cmp.Diff([]string{"a.yaml", "sub/b.json"}, rel(got)); d != "" {
		t.Error(d)
	}
	got, _ = Expand([]string{dir}, []string{"**/*.json", "*.yaml", "**/*.txt"}, []string{"sub/**"})
	if d := cmp.Diff([]string{"a.yaml", "drafts/e.txt"}, rel(got)); d != "" {
		t.Error(d)
	}
	_, errs = Expand([]string{filepath.Join(dir, "missing.yaml")}, nil, nil)
	if len(errs) != 1 || !strings.HasSuffix(errs[0].Error(), "missing.yaml: cannot read: no such file or directory") {
		t.Errorf("missing file: %v", errs)
	}
}

func TestStreamJSONL(t *testing.T) {
	data := "{\"text\":\"one\"}\n\n{\"id\":\"b\",\"text\":\"two\"}\n{\"text\":\"three\"}\n{\"text\": oops}\n"
	var got []string
	n, err := Options{}.StreamJSONL("e.jsonl", strings.NewReader(data), 2, func(ms []*lint.Message) {
		for _, m := range ms {
			l, c := m.Source.Position(m.Body.Map.Start(0))
			got = append(got, fmt.Sprintf("%s %q %d:%d", m.ID, m.Body.Text, l, c))
		}
	})
	want := []string{`#1 "one" 1:10`, `b "two" 3:19`, `#3 "three" 4:10`}
	if d := cmp.Diff(want, got); d != "" || n != 3 {
		t.Errorf("%d messages (-want +got):\n%s", n, d)
	}
	if err == nil || err.Error() != "e.jsonl:5:10: invalid JSON: invalid character 'o' looking for beginning of value" {
		t.Errorf("error %v", err)
	}
}

// Each format is complete: it reads messages or checks a conversation (not
// both), can be chosen, and a message format says what a fix may not write
// into it, as an empty set would let any fix through.
func TestFormats(t *testing.T) {
	names := map[string]bool{}
	for _, f := range Formats {
		switch {
		case names[f.Name]:
			t.Errorf("%s: listed twice", f.Name)
		case (f.Read == nil) == (f.Check == nil):
			t.Errorf("%s: needs one of Read and Check", f.Name)
		case f.Stream != nil && f.Read == nil, f.CheckStream != nil && f.Check == nil:
			t.Errorf("%s: streams but cannot be read whole", f.Name)
		case f.Read != nil && f.Unsafe == "":
			t.Errorf("%s: no Unsafe set", f.Name)
		case len(f.Exts) == 0 && f.Sniff == nil && f.Guess == nil:
			t.Errorf("%s: never chosen", f.Name)
		}
		names[f.Name] = true
	}
}

// TestStreamJSONLOrder: batches read on every core come back in file order,
// numbered across batches as one file, with errors in line order.
func TestStreamJSONLOrder(t *testing.T) {
	var data strings.Builder
	var wantMsgs, wantErrs []string
	for n, k := 1, 0; n <= 1000; n++ {
		switch {
		case n%11 == 0:
			data.WriteString("  \n")
		case n%7 == 0:
			data.WriteString("{\"text\": oops}\n")
			wantErrs = append(wantErrs, fmt.Sprintf("e.jsonl:%d:10: invalid JSON: invalid character 'o' looking for beginning of value", n))
		default:
			k++
			fmt.Fprintf(&data, "{\"text\":\"line %d\"}\n", n)
			wantMsgs = append(wantMsgs, fmt.Sprintf("#%d %q %d", k, fmt.Sprintf("line %d", n), n))
		}
	}
	var got []string
	n, err := Options{}.StreamJSONL("e.jsonl", strings.NewReader(data.String()), 3, func(ms []*lint.Message) {
		for _, m := range ms {
			l, _ := m.Source.Position(m.Body.Map.Start(0))
			got = append(got, fmt.Sprintf("%s %q %d", m.ID, m.Body.Text, l))
		}
	})
	if d := cmp.Diff(wantMsgs, got); d != "" || n != len(wantMsgs) {
		t.Errorf("%d messages (-want +got):\n%s", n, d)
	}
	var errs []string
	for _, e := range lint.Errors(err) {
		errs = append(errs, e.Error())
	}
	if d := cmp.Diff(wantErrs[:min(len(wantErrs), maxErrors)], errs[:min(len(errs), maxErrors)]); d != "" {
		t.Error(d)
	}
}

// An export, read whole or streamed, reads each line's tree in the memory
// of the line before (Nodes, reset after each): its messages are those of
// each line read alone, field by field and byte by byte of their places in
// the file.
func TestStreamJSONLReusesNodes(t *testing.T) {
	var data bytes.Buffer
	if err := gen.JSONL(&data, 300, 5); err != nil {
		t.Fatal(err)
	}
	data.WriteString(`{"id":"q","lang":"tr","kind":"promo","text":"Kampanya \"bugün\"\nbaşlıyor \u00e7ok","quick_replies":["Evet",{"title":"Hay\u0131r","payload":"N"}],"buttons":[{"title":"Git","type":"web_url","url":"https://x.example"}]}` + "\n")
	data.WriteString(`{"text":"a","extra":{"deep":[1,2,{"k":"v"}],"more":{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6,"g":7,"h":8,"i":9}}}` + "\n")
	data.WriteString(`{"text":"after the wide one"}` + "\n")
	describe := describeMessage
	// Each line parsed into nodes of its own, as before the arena.
	var want []string
	src := &lint.Source{Path: "e.jsonl", Data: data.Bytes(), Unsafe: jsonUnsafe}
	for off, n := 0, 1; off < data.Len(); n++ {
		line, _, _ := bytes.Cut(data.Bytes()[off:], []byte("\n"))
		m, err := Options{}.jsonlLineIn(nil, doc{src}, line, string(line), off, n, Options{}.defaults())
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, describe(m))
		off += len(line) + 1
	}
	whole, err := Options{}.File("e.jsonl", data.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range whole {
		got = append(got, describe(m))
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("read whole (-alone +whole):\n%s", d)
	}
	got = nil
	if _, err := (Options{}).StreamJSONL("e.jsonl", bytes.NewReader(data.Bytes()), 7, func(ms []*lint.Message) {
		for _, m := range ms {
			got = append(got, describe(m))
		}
	}); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("streamed (-alone +streamed):\n%s", d)
	}
}

// describeMessage is what a JSONL line gives: the message's id, language,
// kind and channel, and each field's text with the file position of each
// of its bytes.
func describeMessage(m *lint.Message) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %s %s", m.ID, m.Lang, m.Kind, m.Channel)
	for _, f := range append([]lint.Field{m.Body}, append(m.QuickReplies, m.Buttons...)...) {
		fmt.Fprintf(&b, " %q", f.Text)
		for i := range len(f.Text) {
			l, c := m.Source.Position(f.Map.Start(i))
			fmt.Fprintf(&b, " %d:%d", l, c)
		}
	}
	return b.String()
}

// FuzzJSONLNodes: lines read one after another in one arena, reset after
// each, give what each line read alone gives, message or error.
func FuzzJSONLNodes(f *testing.F) {
	f.Add("{\"text\":\"a\",\"quick_replies\":[\"x\",{\"title\":\"y\"}]}\n{\"id\":\"b\",\"text\":\"\\u00e7 \\\"q\\\"\"}\n{\"text\":1}")
	f.Add("{\"a\":{\"b\":[1,{\"c\":2}]},\"text\":\"t\"}\n{\"text\":\"u\",\"buttons\":[{\"title\":\"v\",\"url\":\"w\"}]}")
	f.Fuzz(func(t *testing.T, data string) {
		src := &lint.Source{Path: "f.jsonl", Data: []byte(data), Unsafe: jsonUnsafe}
		var nodes Nodes
		for off, n := 0, 1; off < len(data); n++ {
			line, _, _ := strings.Cut(data[off:], "\n")
			alone, errAlone := Options{}.jsonlLineIn(nil, doc{src}, []byte(line), line, off, n, Options{}.defaults())
			shared, errShared := Options{}.jsonlLineIn(&nodes, doc{src}, []byte(line), line, off, n, Options{}.defaults())
			nodes.Reset()
			switch {
			case (errAlone == nil) != (errShared == nil) || errAlone != nil && errAlone.Error() != errShared.Error():
				t.Fatalf("line %d: error %v alone, %v in the arena", n, errAlone, errShared)
			case errAlone == nil && describeMessage(alone) != describeMessage(shared):
				t.Fatalf("line %d: %s alone, %s in the arena", n, describeMessage(alone), describeMessage(shared))
			}
			off += len(line) + 1
		}
	})
}

// FuzzJSONLFlat: a line the flat reader answers for is one the tree reader
// reads without a fault, as the same message (its offset too).
func FuzzJSONLFlat(f *testing.F) {
	for _, line := range []string{
		`{"id":"m1","lang":"tr","kind":"bot","channel":"sms","text":"Sipariş\u0131n \"yolda\" 🚚"}`,
		` { "text" : "a" , "id" : 7 , "x" : null , "y" : true , "z" : -1.5e3 } `,
		`{"text":"a","id":null,"lang":null,"n":false}`,
		`{"text":"a","text":"b"}`, `{"o":1,"text":"a","o":2}`, `{"id":"x","text":"a","id":"y"}`, `{"text":"a","lang":"xx"}`, `{"text":"a","kind":5}`, `{"text":1}`,
		`{"text":"a","quick_replies":["x"]}`, `{"text":"a","buttons":null}`, `{"text":"a","o":{"b":1}}`,
		`{"text":"a",}`, `{"text":"a"} x`, "\xef\xbb\xbf{\"text\":\"a\"}", `{"text":"a\xff","id":""}`,
		"{\"text\":\"a\xef\xbf\xbd\"}", `{"text":"a\ufffd"}`, "{\"text\":\"ə\xe2\x82\xac\xf0\x9f\x98\x80\"}",
		`{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6,"g":7,"h":8,"i":9,"j":10,"k":11,"l":12,"m":13,"n":14,"o":15,"text":"p"}`,
	} {
		f.Add(line, 3)
	}
	f.Fuzz(func(t *testing.T, line string, n int) {
		data := "\n\n" + line
		src := &lint.Source{Path: "f.jsonl", Data: []byte(data), Unsafe: jsonUnsafe}
		d, def := doc{src}, Options{}.defaults()
		flat, ok := d.jsonlFlat([]byte(line), line, 2, n, def, nil)
		if !ok {
			return
		}
		root, err := parseJSONIn(nil, src, []byte(line), line, 2)
		if err != nil {
			t.Fatalf("the flat reader read a line the tree reader fails on: %v", err)
		}
		tree, err := d.jsonlMessage(root, n, def, nil)
		if err != nil {
			t.Fatalf("the flat reader read a line the tree reader rejects: %v", err)
		}
		if got, want := describeMessage(flat), describeMessage(tree); got != want || flat.Offset != tree.Offset || flat.LangDetected != tree.LangDetected || flat.BodyUTF8 != tree.BodyUTF8 {
			t.Fatalf("flat reader: %s at %d; tree reader: %s at %d", got, flat.Offset, want, tree.Offset)
		}
		// A body said to be whole is: the invalid-text check passes over it.
		if text := flat.Body.Text; flat.BodyUTF8 && (!utf8.ValidString(text) || strings.ContainsRune(text, utf8.RuneError)) {
			t.Fatalf("body %q said to be valid UTF-8 without U+FFFD", text)
		}
	})
}

// TestJSONLFlatReadsExports: the flat reader answers for a generated
// export's every line (else it saves nothing).
func TestJSONLFlatReadsExports(t *testing.T) {
	var b bytes.Buffer
	gen.JSONL(&b, 500, 1)
	data := b.String()
	src := &lint.Source{Path: "f.jsonl", Data: []byte(data)}
	for off, n := 0, 1; off < len(data); n++ {
		line, _, _ := strings.Cut(data[off:], "\n")
		if _, ok := (doc{src}).jsonlFlat([]byte(line), line, off, n, Options{}.defaults(), nil); !ok && line != "" {
			t.Fatalf("line %d not read flat: %s", n, line)
		}
		off += len(line) + 1
	}
}

// TestStreamJSONLReusesRooms: batches made in the rooms of batches done
// with read their lines as batches made afresh do, whatever the line before
// in the same place held (a language, quick replies, a bad line, a line
// longer or shorter).
func TestStreamJSONLReusesRooms(t *testing.T) {
	var data strings.Builder
	for i := range 300 {
		switch i % 6 {
		case 0:
			fmt.Fprintf(&data, "{\"id\":\"c-%d\",\"lang\":\"tr\",\"kind\":\"promo\",\"text\":\"Sipariş %d hazır\"}\n", i, i)
		case 1:
			fmt.Fprintf(&data, "{\"text\":\"Thanks %d\",\"quick_replies\":[\"Yes\",\"No %d\"]}\n", i, i)
		case 2:
			fmt.Fprintf(&data, "{\"text\": oops %d}\n", i)
		case 3:
			fmt.Fprintf(&data, "{\"channel\":\"sms\",\"text\":\"Hi\\n%d\"}\n", i)
		default:
			fmt.Fprintf(&data, "{\"text\":\"Merhaba %d, %s\"}\n", i, strings.Repeat("ə", i%40))
		}
	}
	var want []string
	if _, err := (Options{}).StreamJSONL("e.jsonl", strings.NewReader(data.String()), 7, func(ms []*lint.Message) {
		for _, m := range ms {
			want = append(want, describeMessage(m))
		}
	}); err == nil {
		t.Fatal("no error for the bad lines")
	}
	var got []string
	n, err := streamJSONL(Options{}, "e.jsonl", strings.NewReader(data.String()), 7, func(ms []*lint.Message) []string {
		var out []string
		for _, m := range ms {
			out = append(out, describeMessage(m))
		}
		return out
	}, func(ds []string) bool { got = append(got, ds...); return true })
	if d := cmp.Diff(want, got); d != "" || n != len(want) || err == nil {
		t.Errorf("%d messages, %v (-fresh +in rooms used again):\n%s", n, err, d)
	}
}
