package load

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/msglint/msglint/lint"
)

// fuzzLoader feeds arbitrary bytes to one loader: it must never panic, fail
// only with placed *lint.InputErrors (or "not a message library"), and every
// field it returns, beside errors or not, must map back into the file exactly.
func fuzzLoader(f *testing.F, name string, opts Options, seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		msgs, err := opts.File(name, data)
		for _, err := range lint.Errors(err) {
			var e *lint.InputError
			if !errors.As(err, &e) && !IsNotMessages(err) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			if e != nil && (e.Line < 0 || e.Line > len(data)+1) {
				t.Fatalf("error line %d outside the file: %v", e.Line, err)
			}
		}
		for _, m := range msgs {
			if m.Source == nil || m.Lang == "" || m.Kind == "" || m.Channel == "" {
				t.Fatalf("message %s incomplete: %+v", m.ID, m)
			}
			for _, ph := range m.Placeholders() { // in the systems the format gave it
				if ph.Start < 0 || ph.End > len(m.Body.Text) || ph.Start > ph.End {
					t.Fatalf("message %s: placeholder %d..%d outside %q", m.ID, ph.Start, ph.End, m.Body.Text)
				}
			}
			fields := append([]lint.Field{m.Body}, append(m.QuickReplies, m.Buttons...)...)
			if m.Template != nil {
				fields = append(fields, m.Template.Texts...)
			}
			for _, e := range m.Elements {
				fields = append(fields, e.Title, e.Subtitle, e.DefaultAction)
			}
			for _, fl := range fields {
				// Positions count in the text the format read (UTF-16 is read as UTF-8).
				data := m.Source.Data
				if err := fl.Map.Validate(fl.Text, data); err != nil {
					t.Fatalf("message %s field %q: %v", m.ID, fl.Text, err)
				}
				for i := 0; i <= len(fl.Text); i++ {
					if s, e := fl.Map.Start(i), fl.Map.End(i); !fl.Map.Empty() && (s < 0 || s > len(data) || e < 0 || e > len(data)) {
						t.Fatalf("offset %d maps to %d..%d outside %d bytes", i, s, e, len(data))
					}
				}
			}
		}
	})
}

func seed(f *testing.F, name string) string {
	data, err := os.ReadFile(filepath.Join(examples, name))
	if err != nil {
		f.Fatal(err)
	}
	return string(data)
}

func FuzzYAML(f *testing.F) {
	fuzzLoader(f, "f.yaml", Options{}, seed(f, "replies.yaml"),
		"templates:\n  - text: >\n      a\n\n        b\n      c\n", "templates:\n  - text: \"a\\\n   b \\u00e7 \\x41\"\n",
		"templates:\n- text: |2-\n    x\n", "a: &x {text: y}\ntemplates: [*x, *x]\n")
}

func FuzzJSON(f *testing.F) {
	fuzzLoader(f, "f.json", Options{}, seed(f, "send_api.json"),
		`{"templates":[{"text":"\ud83d\ude00 \u00e7 \\ \" \/","quick_replies":[{"title":"x"}]}]}`, `{"templates":[{"text":"\ud800"}]}`,
		`{"recipient":{"id":"1"},"message":{"attachment":{"type":"template","payload":{"template_type":"generic","elements":[{"title":"T\u00e7","subtitle":"s","default_action":{"type":"web_url","url":"u"},"buttons":[{"type":"postback","title":"b"}]}]}}}}`)
}

// FuzzLineReader: the lines read, and the long ones skipped, are the input.
func FuzzLineReader(f *testing.F) {
	f.Add([]byte("a\r\nbb\n\nccccccccccccc\nd"), 4)
	f.Fuzz(func(t *testing.T, data []byte, limit int) {
		limit = limit%64 + 64*boolInt(limit%64 < 0) // 0..63
		l := LineReader{R: bufio.NewReaderSize(bytes.NewReader(data), 16), Max: limit}
		lines := 0
		for {
			line, err := l.Next()
			if err == io.EOF {
				break
			}
			lines++
			if err == ErrLongLine {
				continue
			}
			if err != nil || len(line) > limit || bytes.IndexByte(line, '\n') >= 0 {
				t.Fatalf("line %q, %v", line, err)
			}
		}
		if want := bytes.Count(data, []byte("\n")) + boolInt(len(data) > 0 && data[len(data)-1] != '\n'); lines != want {
			t.Fatalf("%d lines, want %d", lines, want)
		}
	})
}

func FuzzJSONL(f *testing.F) {
	fuzzLoader(f, "f.jsonl", Options{}, seed(f, "inbox.jsonl"), "{\"text\":\"a\"}\r\n\n{\"text\":\"\\u0131\"}")
}

func FuzzCSV(f *testing.F) {
	fuzzLoader(f, "f.csv", Options{}, seed(f, "promos.csv"), "\ufefftext\r\n\"a\r\nb\"\"c\"\r\n")
}

func FuzzText(f *testing.F) {
	fuzzLoader(f, "f.txt", Options{}, seed(f, "away.txt"), "a\r\n---\r\n\r\n b \r\n---")
}

func FuzzI18n(f *testing.F) {
	fuzzLoader(f, "locales/tr.json", Options{I18n: true}, seed(f, "locales/tr.json"), `{"a":["x",{"b":"y"}],"c":1}`)
}

func FuzzLocaleYAML(f *testing.F) {
	fuzzLoader(f, "locales/az.yaml", Options{I18n: true}, seed(f, "locales/az.yaml"))
}

func localeSeed(f *testing.F, name string) string {
	data, err := os.ReadFile(filepath.Join(localeFixtures, "formats", name))
	if err != nil {
		f.Fatal(err)
	}
	return string(data)
}

func FuzzPO(f *testing.F) {
	fuzzLoader(f, "locale/tr.po", Options{}, localeSeed(f, "po/tr.po"),
		"msgid \"a\"\nmsgstr \"\\x41\\101\\\"\"\n\"b\"\n", "msgctxt \"c\"\nmsgid \"a\"\nmsgid_plural \"b\"\nmsgstr[0] \"x\"\nmsgstr[1] \"y\"\n")
}

// FuzzPOEntryEnd: the lines a directive above a PO entry covers end at or
// after its own next line and inside the file, whatever the bytes.
func FuzzPOEntryEnd(f *testing.F) {
	f.Add([]byte("# msglint-disable-next-line x\n#, c-format\nmsgid \"a\"\nmsgstr \"\"\n\"b\"\n\nmsgid \"c\"\n"), 2)
	f.Add([]byte("#\n#\n#\n"), 1)
	f.Fuzz(func(t *testing.T, data []byte, line int) {
		src := lint.NewSource("tr.po", data)
		lines := bytes.Count(data, []byte("\n")) + 1
		if line < 1 || line > lines+1 {
			return
		}
		if end := poEntryEnd(src, line); end < line || end > max(lines, line) {
			t.Fatalf("entry from line %d ends at %d (%d lines)", line, end, lines)
		}
	})
}

func FuzzAndroidXML(f *testing.F) {
	fuzzLoader(f, "res/values-tr/strings.xml", Options{}, localeSeed(f, "android/values-tr/strings.xml"),
		"<resources><string name=\"a\">\"  x \" \\u0131 \\' &#305; <![CDATA[y]]></string></resources>")
}

func FuzzAppleStrings(f *testing.F) {
	fuzzLoader(f, "tr.lproj/Localizable.strings", Options{}, localeSeed(f, "apple/tr.lproj/Localizable.strings"),
		localeSeed(f, "apple/az.lproj/Localizable.strings"), "a = \"\\UD83D\\UDE00 \\n\";")
}

func FuzzXCStrings(f *testing.F) {
	fuzzLoader(f, "Localizable.xcstrings", Options{}, localeSeed(f, "xcstrings/Localizable.xcstrings"))
}

func FuzzARB(f *testing.F) {
	fuzzLoader(f, "lib/l10n/app_tr.arb", Options{}, localeSeed(f, "arb/app_tr.arb"))
}

func FuzzXLIFF(f *testing.F) {
	fuzzLoader(f, "messages.tr.xlf", Options{}, localeSeed(f, "xliff/messages.tr.xlf"), localeSeed(f, "xliff/az.xliff"))
}
