package load

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Each locale format reads placeholders of its own system and leaves those
// of another system as text: {name} in an Android string is not one, %s in
// an ARB message is not one.
func TestLocaleFormatSyntax(t *testing.T) {
	cases := []struct {
		name, file, data string
		want             []string // each message's placeholders, as written, joined by " "
	}{
		{"android printf", "values-tr/strings.xml",
			`<resources><string name="a">%1$s ile {name} ve {{name}}</string><string name="b">%d mesaj</string></resources>`,
			[]string{"%1$s", "%d"}},
		{"apple strings printf", "tr.lproj/Localizable.strings",
			`"a" = "%1$@ yazdı: {name}";` + "\n" + `"b" = "%lld mesaj, %{count}";`,
			[]string{"%1$@", "%lld"}},
		{"xcstrings printf and substitutions", "Localizable.xcstrings",
			`{"sourceLanguage":"en","strings":{"k":{"localizations":{"tr":{"stringUnit":{"value":"%#@messages@ {{count}} %2$@"}}}}}}`,
			[]string{"%#@messages@ %2$@"}},
		{"arb icu", "app_tr.arb",
			`{"@@locale":"tr","a":"{count, plural, one{# mesaj} other{# mesaj}} %s","b":"Merhaba {name}, %1$s {{x}}"}`,
			[]string{"{count, plural, one{# mesaj} other{# mesaj}} # #", "{name}"}},
		{"po c-format", "tr.po",
			"#, c-format\nmsgid \"%s is {name}\"\nmsgstr \"%s {name} oldu\"\n\nmsgid \"Hello {name}\"\nmsgstr \"Merhaba {name}\"\n",
			[]string{"%s", ""}},
		{"po python-format", "tr.po",
			"#, python-format\nmsgid \"%(name)s\"\nmsgstr \"%(name)s {{x}}\"\n",
			[]string{"%(name)s"}},
		{"po python-brace-format", "tr.po",
			"#, python-brace-format\nmsgid \"{name}\"\nmsgstr \"{name} %s\"\n",
			[]string{"{name}"}},
		{"po without flags goes by content", "tr.po",
			"msgid \"a\"\nmsgstr \"%s ve {{name}}\"\n",
			[]string{"%s {{name}}"}},
		{"i18next", "locales/tr/common.json",
			`{"a":"{{count}} mesaj, %{x} {name}","b":"{{ order.id }} %s"}`,
			[]string{"{{count}}", "{{ order.id }}"}},
		{"vue-i18n", "locales/tr.json",
			`{"a":"Merhaba {name}, %{x}","b":"%s {0} {{y}}","c":"{n} mesaj"}`,
			[]string{"{name}", "{0}", "{n}"}},
		{"vue-i18n root keys", "messages.json",
			`{"en":{"a":"Hi {name} %{x}"},"tr":{"a":"Merhaba {name} %{x}","b":"{count} yeni mesaj"}}`,
			[]string{"{name}", "{count}"}},
		{"rails root key", "config/locales/tr.yml",
			"tr:\n  a: \"%{count} mesaj, {{x}}\"\n  b: \"Merhaba %{name} {name}\"\n",
			[]string{"%{count}", "%{name}"}},
		{"rails root key without placeholders", "config/locales/tr.yml",
			"tr:\n  a: \"%s mesaj, :count\"\n",
			[]string{""}},
		{"xliff from a PO file", "tr.xlf",
			`<xliff version="1.2"><file original="app.po" target-language="tr"><body><trans-unit id="a"><source>x</source><target><x id="N"/> ve %s, {{name}}</target></trans-unit></body></file></xliff>`,
			[]string{"{N} %s"}},
		{"xliff from an ARB file", "tr.xlf",
			`<xliff version="1.2"><file original="app_en.arb" target-language="tr"><body><trans-unit id="a"><source>x</source><target><ph id="1"/> ve %s</target></trans-unit></body></file></xliff>`,
			[]string{"{1}"}},
		{"xliff of an unknown source goes by content", "tr.xlf",
			`<xliff version="1.2"><file original="a.xlf" target-language="tr"><body><trans-unit id="a"><source>x</source><target><x id="N"/> ve %s</target></trans-unit></body></file></xliff>`,
			[]string{"{N} %s"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			msgs, err := Options{I18n: true}.File(c.file, []byte(c.data))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range msgs {
				if m.Lang != "tr" {
					continue
				}
				var ps []string
				for _, p := range m.Placeholders() {
					ps = append(ps, m.Body.Text[p.Start:p.End])
				}
				got = append(got, strings.Join(ps, " "))
			}
			if d := cmp.Diff(c.want, got); d != "" {
				t.Errorf("placeholders (-want +got):\n%s", d)
			}
		})
	}
}
