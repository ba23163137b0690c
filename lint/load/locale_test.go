package load

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/msglint/msglint/internal/golden"
	"github.com/msglint/msglint/lint"
)

const localeFixtures = "../../testdata/locales"

// Every locale format's fixture reads into the messages, languages, kinds
// and positions of its golden file.
func TestLocaleFormatsGolden(t *testing.T) {
	root := filepath.Join(localeFixtures, "formats")
	err := filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		t.Run(filepath.ToSlash(rel), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			msgs, err := Options{}.File(path, data)
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, "../../testdata/golden/load/locales/"+strings.ReplaceAll(filepath.ToSlash(rel), "/", "_")+".golden", dump(t, msgs))
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A tree shaped like real projects: every file is read in the language its
// own name, folder, root key or header gives, and src/, app/ and tmp/ are
// no languages; a file in another language names its locale.
func TestLocaleProjectTree(t *testing.T) {
	root := filepath.Join(localeFixtures, "project")
	ins, errs := Expand([]string{root}, nil, nil)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	got := map[string]string{}
	for _, in := range ins {
		data, err := os.ReadFile(in.Path)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(root, in.Path)
		msgs, err := Options{I18n: true}.File(in.Path, data)
		if loc, ok := OtherLocale(err); ok {
			got[filepath.ToSlash(rel)] = "other locale " + loc
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		langs := map[lint.Lang]bool{}
		for _, m := range msgs {
			langs[m.Lang] = true
			if m.LangDetected {
				t.Errorf("%s: %s: language detected, not read", rel, m.ID)
			}
		}
		var ls []string
		for l := range langs {
			ls = append(ls, string(l))
		}
		got[filepath.ToSlash(rel)] = strings.Join(ls, ",")
	}
	want := map[string]string{
		"src/app/i18n/locale/tr/sla.json":            "tr",
		"src/app/i18n/locale/az/sla.json":            "az",
		"app/src/main/res/values-az/strings.xml":     "az",
		"app/src/main/res/values-tr-rTR/strings.xml": "tr",
		"app/src/main/res/values/strings.xml":        "en",
		"ios/App/tr.lproj/Localizable.strings":       "tr",
		"ios/App/Base.lproj/Localizable.strings":     "en",
		"locales/tr.i18n.json":                       "tr",
		"locales/messages.az.json":                   "az",
		"config/locales/tr.yml":                      "tr",
		"config/locales/devise.az.yml":               "az",
		"config/locales/de.yml":                      "other locale de",
		"lib/l10n/app_tr.arb":                        "tr",
		"po/widget.po":                               "az",
		"tmp/az-Latn-AZ/chat.json":                   "az",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("languages (-want +got):\n%s", d)
	}
}

func TestLocaleOfPath(t *testing.T) {
	cases := map[string]string{
		"tr.json": "tr", "tr-TR.json": "tr-TR", "tr_TR.json": "tr-TR", "az-Latn-AZ.yml": "az-Latn-AZ",
		"locales/tr.i18n.json": "tr", "i18n/messages.tr.json": "tr", "res/strings-tr.xml": "tr",
		"res/values-tr/strings.xml": "tr", "res/values-az-rAZ/strings.xml": "az-AZ", "res/values-b+az+Latn/strings.xml": "az-Latn",
		"App/tr.lproj/Localizable.strings": "tr", "lib/l10n/app_tr.arb": "tr", "lang/main-az.json": "az",
		"src/app/i18n/locale/tr/sla.json": "tr", "config/locales/devise.az.yml": "az",
		"locales/fil.json": "fil", "es-419.json": "es-419",
		// Not languages: folders and names that look like codes and are not.
		"src/app/tmp/strings.json": "", "sla.json": "", "app/new/bin/min/messages.json": "",
		"res/values/strings.xml": "", "res/values-night/strings.xml": "", "i18n/strings.json": "",
		"res/values-car/strings.xml": "", "res/values-v21/strings.xml": "", "res/values-sw600dp/strings.xml": "",
	}
	for path, want := range cases {
		got, _ := localeOfPath(path)
		if got != want {
			t.Errorf("localeOfPath(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestOtherLocaleNamed(t *testing.T) {
	_, err := Options{I18n: true}.File("locales/de-DE.json", []byte(`{"a": "Hallo"}`))
	if loc, ok := OtherLocale(err); !ok || loc != "de-DE" || !IsNotMessages(err) {
		t.Errorf("error %v: locale %q, want de-DE", err, loc)
	}
	if err.Error() != "locales/de-DE.json: de-DE: locale in a language msglint does not check" {
		t.Errorf("error %q", err)
	}
}

func TestKindOfKey(t *testing.T) {
	o := Options{Kinds: lint.KindGlobs{{Glob: "support.**", Kind: lint.Away}, {Glob: "bot.*", Kind: lint.Bot}}}
	cases := map[string]string{
		"chat.fallback":            `bot key "fallback"`,
		"bot.answer":               `bot kinds: "bot.*"`,
		"support.hours.text":       `away kinds: "support.**"`,
		"widget.welcomeMessage":    `greeting key "welcome"`,
		"OUT_OF_OFFICE.TEXT":       `away key "out_of_office"`,
		"chat.offline.message":     `away key "offline"`,
		"traces.offline":           ``, // a service, not the team
		"offline_message":          `away key "offline"`,
		"shared.webchat.closed":    `away key "closed"`,
		"api.notes.closed":         ``, // a note's state
		"chat.fallback.0":          `bot key "fallback"`,
		"end_chat_message":         `closing key "end_chat"`,
		"chat.welcome_other":       `greeting key "welcome"`,
		"promo":                    `promo key "promo"`,
		"chatbot.error":            `bot key "error"`,
		"API.ERROR_MESSAGE":        ``, // an app's toast, not a bot's
		"CAMPAIGN.SMS.TITLE":       ``, // a screen, not the message's purpose
		"CHANNEL_WELCOME_TAGLINE":  ``,
		"notification.unknownUser": ``,
		"payment.unknown":          ``, // a state beside failed and completed
		"nlu.unknown":              `bot key "unknown"`,
		"chat.unknown_message":     `bot key "unknown"`,
		"":                         ``,
	}
	for key, want := range cases {
		k, from, _ := o.kindOfKey(key)
		if got := strings.TrimSpace(string(k) + " " + from); got != want {
			t.Errorf("kindOfKey(%q) = %q, want %q", key, got, want)
		}
	}
	// Labels take no kind from a key; a config glob gives one all the same.
	msgs := o.localeMessages(lint.NewSource("x", nil), lint.English, 0, []localeString{
		{id: "status.offline", key: "status.offline", text: lint.Field{Text: "Offline"}},
		{id: "bot.x", key: "bot.x", text: lint.Field{Text: "Offline"}},
		{id: "chat.offline", key: "chat.offline", text: lint.Field{Text: "We are offline until 9."}},
	})
	var got []string
	for _, m := range msgs {
		got = append(got, string(m.Kind))
	}
	if d := cmp.Diff([]string{"reply", "bot", "away"}, got); d != "" {
		t.Error(d)
	}
}

func TestLocaleFormatErrors(t *testing.T) {
	cases := []struct{ name, file, data, want string }{
		{"po string not closed", "tr.po", "msgid \"a\"\nmsgstr \"b\n", "tr.po:2:8: invalid PO: string not closed on its line"},
		{"po msgstr without msgid", "tr.po", "# c\nmsgstr \"b\"\n", "tr.po:2:1: invalid PO: msgstr without a msgid"},
		{"po msgid without msgstr", "tr.po", "msgid \"a\"\n\nmsgid \"b\"\nmsgstr \"c\"\n", "tr.po:1:1: invalid PO: msgid without a msgstr"},
		{"po plural mismatch", "tr.po", "msgid \"a\"\nmsgstr[0] \"b\"\n", "tr.po:2:1: invalid PO: msgstr[n] goes with msgid_plural, msgstr without"},
		{"po bad escape", "tr.po", "msgid \"a\"\nmsgstr \"b\\q\"\n", "tr.po:2:10: invalid PO: unknown escape \\q"},
		{"po unknown keyword", "tr.po", "msgid \"a\"\nmsgtxt \"b\"\n", "tr.po:2:1: invalid PO: expected msgid, msgstr, msgctxt, a comment or a quoted string"},
		{"po no language", "widget.po", "msgid \"a\"\nmsgstr \"b\"\n", "widget.po: cannot tell the language of this locale file: name it like tr.json or messages.tr.json, or put it in a folder named like locales/az/, or give it a Language: header"},
		{"android tag not closed", "values-tr/strings.xml", "<resources>\n  <string name=\"a\">Merhaba</strin>\n</resources>\n", "values-tr/strings.xml:2:27: invalid XML: end tag </strin> does not close <string> of line 2"},
		{"android bare ampersand", "values-tr/strings.xml", "<resources>\n  <string name=\"a\">A & B</string>\n</resources>\n", "values-tr/strings.xml:2:22: invalid XML: '&' that starts no entity (write &amp;)"},
		{"android unknown entity", "values-tr/strings.xml", "<resources><string name=\"a\">&nbsp;</string></resources>", "values-tr/strings.xml:1:29: invalid XML: unknown entity &nbsp;"},
		{"android never closed", "values-tr/strings.xml", "<resources>\n<string name=\"a\">x", "values-tr/strings.xml:2:1: invalid XML: <string> is never closed"},
		{"xml not resources", "pom.xml", "<project/>", "pom.xml: not a message library: an XML file whose root is <project>, not Android's <resources>"},
		{"strings missing semicolon", "tr.lproj/L.strings", "\"a\" = \"b\"\n\"c\" = \"d\";\n", "tr.lproj/L.strings:2:1: invalid .strings: expected \";\" after the value"},
		{"strings not closed", "tr.lproj/L.strings", "\"a\" = \"b;\n", "tr.lproj/L.strings:1:7: invalid .strings: string not closed"},
		{"strings bad unicode escape", "tr.lproj/L.strings", "\"a\" = \"\\U12\";", "tr.lproj/L.strings:1:8: invalid .strings: \\U needs four hex digits"},
		{"arb not a string", "app_tr.arb", "{\"a\": 1}", "app_tr.arb:1:7: ARB message \"a\" must be a string, not a scalar"},
		{"arb bad json", "app_tr.arb", "{\"a\": \"b\",}", "app_tr.arb:1:11: invalid JSON: invalid character '}' looking for beginning of object key string"},
		{"xcstrings entry not an object", "L.xcstrings", "{\"strings\": {\"a\": 1}}", "L.xcstrings:1:19: string \"a\" must be an object, not a scalar"},
		{"xliff attribute not quoted", "tr.xlf", "<xliff version=1.2/>", "tr.xlf:1:16: invalid XML: value of attribute version not quoted"},
		{"xliff text outside root", "tr.xlf", "<xliff/>\nx", "tr.xlf:2:1: invalid XML: text outside the root element"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Options{}.File(c.file, []byte(c.data))
			if err == nil {
				t.Fatal("no error")
			}
			var ie *lint.InputError
			if !errors.As(err, &ie) && !IsNotMessages(err) {
				t.Errorf("error of type %T", err)
			}
			if err.Error() != c.want {
				t.Errorf("error\n got: %s\nwant: %s", err, c.want)
			}
		})
	}
}

func TestLocalePositions(t *testing.T) {
	utf16 := func(s string) string { return string(encodeUTF16([]byte(s), []byte{0xff, 0xfe})) }
	cases := []struct {
		name, file, data string
		text, sub        string
		at, raw          string
	}{
		{"po escaped quote", "tr.po", "msgid \"a\"\nmsgstr \"Bir \\\"herkez\\\" var\"\n",
			"Bir \"herkez\" var", "\"herkez", "2:13-2:21", "\\\"herkez"},
		{"po continued string", "tr.po", "msgid \"a\"\nmsgstr \"\"\n\"Bir\\n\"\n\"iki herkez\"\n",
			"Bir\niki herkez", "herkez", "4:6-4:12", "herkez"},
		{"po octal escape", "tr.po", "msgid \"a\"\nmsgstr \"A\\101 herkez\"\n", "AA herkez", "A herkez", "2:10-2:21", "\\101 herkez"},
		{"android \\@ and \\n", "values-tr/strings.xml", "<resources>\n<string name=\"a\">Bize\\n\\@destek yazın</string>\n</resources>",
			"Bize\n@destek yazın", "@destek", "2:24-2:32", "\\@destek"},
		{"android entity", "values-tr/strings.xml", "<resources><string name=\"a\">A &amp; herkez</string></resources>",
			"A & herkez", "& herkez", "1:31-1:43", "&amp; herkez"},
		{"android white space folded", "values-tr/strings.xml", "<resources><string name=\"a\">\n    Bir\n    herkez\n</string></resources>",
			"Bir herkez", "Bir herkez", "2:5-3:11", "Bir\n    herkez"},
		{"android quoted keeps spaces", "values-tr/strings.xml", "<resources><string name=\"a\">\"a  b\" herkez's</string></resources>",
			"a  b herkez's", "a  b", "1:30-1:34", "a  b"},
		{"android CDATA", "values-tr/strings.xml", "<resources><string name=\"a\"><![CDATA[<b>herkez</b>]]></string></resources>",
			"<b>herkez</b>", "herkez", "1:41-1:47", "herkez"},
		{"android plural item", "values-tr/strings.xml", "<resources>\n<plurals name=\"n\">\n  <item quantity=\"one\">bir herkez</item>\n</plurals>\n</resources>",
			"bir herkez", "herkez", "3:28-3:34", "herkez"},
		{"strings \\U escape", "tr.lproj/L.strings", "\"a\" = \"Gülümse \\U263A herkez\";",
			"Gülümse ☺ herkez", "☺", "1:16-1:22", "\\U263A"},
		{"strings: any other escaped character is itself", "tr.lproj/L.strings", "\"a\" = \"Bu \\(name) herkez\";",
			"Bu (name) herkez", "(name", "1:11-1:17", "\\(name"},
		{"strings UTF-16 counts characters", "az.lproj/L.strings", utf16("/* c */\n\"a\" = \"Təşəkür edirik\";\n"),
			"Təşəkür edirik", "edirik", "2:16-2:22", "edirik"},
		{"xcstrings value", "L.xcstrings", "{\"sourceLanguage\":\"en\",\"strings\":{\"k\":{\"localizations\":{\"tr\":{\"stringUnit\":{\"value\":\"a\\nherkez\"}}}}}}",
			"a\nherkez", "herkez", "1:89-1:95", "herkez"},
		{"arb escape", "app_tr.arb", "{\n  \"a\": \"Bir\\n\\\"herkez\\\"\"\n}",
			"Bir\n\"herkez\"", "\"herkez", "2:14-2:22", "\\\"herkez"},
		{"xliff entity and character reference", "tr.xlf", "<xliff version=\"1.2\"><file target-language=\"tr\"><body><trans-unit id=\"a\"><source>x</source>\n<target>A &#x2014; herkez</target></trans-unit></body></file></xliff>",
			"A — herkez", "— herkez", "2:11-2:26", "&#x2014; herkez"},
		{"xliff placeholder", "tr.xlf", "<xliff version=\"1.2\"><file target-language=\"tr\"><body><trans-unit id=\"a\"><source>x</source>\n<target><x id=\"N\"/> herkez</target></trans-unit></body></file></xliff>",
			"{N} herkez", "{N}", "2:9-2:20", "<x id=\"N\"/>"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			msgs, err := Options{}.File(c.file, []byte(c.data))
			if err != nil {
				t.Fatal(err)
			}
			// The message in the file's language: a catalog's key is a
			// message of the source language too.
			m := msgs[len(msgs)-1]
			if m.Body.Text != c.text {
				t.Errorf("text = %q, want %q", m.Body.Text, c.text)
			}
			if err := m.Body.Map.Validate(m.Body.Text, m.Source.Data); err != nil {
				t.Errorf("map: %v", err)
			}
			at, raw := place(t, m, &m.Body, c.sub)
			if at != c.at || raw != c.raw {
				t.Errorf("%q at %s covering %q, want %s covering %q", c.sub, at, raw, c.at, c.raw)
			}
		})
	}
}
