package load

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/msglint/msglint/lint"
)

// A template's texts keep their exact place in the file in every shape
// Meta's API uses: one template, a list, and the listing answer, in JSON
// (with escapes) and YAML.
func TestWATemplateShapes(t *testing.T) {
	one := `{"name": "order_shipped", "language": "tr", "category": "UTILITY", "components": [
  {"type": "HEADER", "format": "TEXT", "text": "Sipari\u015finiz yolda"},
  {"type": "BODY", "text": "Merhaba {{1}},\nsipari\u015finiz kargoda.", "example": {"body_text": [["Ay\u015fe"]]}},
  {"type": "FOOTER", "text": "Luma"},
  {"type": "BUTTONS", "buttons": [{"type": "URL", "text": "Takip", "url": "https://luma.example/{{1}}", "example": ["https://luma.example/1"]}]}]}`
	yamlOne := "name: order_shipped\nlanguage: tr\ncategory: UTILITY\ncomponents:\n" +
		"  - {type: HEADER, format: TEXT, text: \"Siparişiniz yolda\"}\n" +
		"  - type: BODY\n    text: |-\n      Merhaba {{1}},\n      siparişiniz kargoda.\n    example: {body_text: [[Ayşe]]}\n" +
		"  - {type: FOOTER, text: Luma}\n" +
		"  - type: BUTTONS\n    buttons: [{type: URL, text: Takip, url: \"https://luma.example/{{1}}\", example: [\"https://luma.example/1\"]}]\n"
	cases := []struct{ name, file, data string }{
		{"one", "t.json", one},
		{"list", "t.json", "[" + one + "]"},
		{"listing", "t.json", `{"data": [` + one + `], "paging": {"cursors": {"before": "QVFIUk", "after": "QVFIUl"}}}`},
		{"yaml", "t.yaml", yamlOne},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			msgs, err := Options{}.File(c.file, []byte(c.data))
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, m := range msgs {
				ids = append(ids, m.ID+" "+string(m.Lang)+" "+string(m.Kind))
			}
			want := []string{"order_shipped:tr tr update", "order_shipped:tr/header tr reply", "order_shipped:tr/footer tr reply", "order_shipped:tr/button 1 tr reply"}
			if d := cmp.Diff(want, ids); d != "" {
				t.Fatalf("messages (-want +got):\n%s", d)
			}
			m := msgs[0]
			tpl := m.Template
			if m.Body.Text != "Merhaba {{1}},\nsiparişiniz kargoda." || m.Channel != lint.WhatsApp {
				t.Errorf("body %q on %s", m.Body.Text, m.Channel)
			}
			// Every text maps back to exactly the bytes that wrote it.
			for _, f := range append([]lint.Field{m.Body}, tpl.Texts...) {
				if err := f.Map.Validate(f.Text, []byte(c.data)); err != nil {
					t.Errorf("%q: %v", f.Text, err)
				}
			}
			_, raw := place(t, m, &m.Body, "kargoda")
			if raw != "kargoda" {
				t.Errorf("body word maps to %q", raw)
			}
			_, raw = place(t, m, tpl.Text(tpl.Header), "yolda")
			if raw != "yolda" {
				t.Errorf("header word maps to %q", raw)
			}
			if got := []string{tpl.Texts[tpl.Name].Text, tpl.Texts[tpl.Language].Text, tpl.Category, tpl.Text(tpl.Footer).Text}; !cmp.Equal(got, []string{"order_shipped", "tr", "UTILITY", "Luma"}) {
				t.Errorf("template %v", got)
			}
			if len(tpl.Buttons) != 1 || tpl.Buttons[0].Type != "URL" || tpl.Text(tpl.Buttons[0].URL).Text != "https://luma.example/{{1}}" ||
				!cmp.Equal(tpl.Buttons[0].Examples, []string{"https://luma.example/1"}) || !cmp.Equal(tpl.BodyExamples.Positional, []string{"Ayşe"}) {
				t.Errorf("buttons %+v, body examples %+v", tpl.Buttons, tpl.BodyExamples)
			}
		})
	}
}

// A malformed template is an error naming the file, line and what is wrong.
func TestWATemplateErrors(t *testing.T) {
	cases := []struct{ data, want string }{
		{`{"name": "a", "components": [{"type": "BODY", "text": "x"}]}`, "t.json:1:1: template a has no language"},
		{`{"name": "a", "language": "en", "components": {"type": "BODY"}}`, "t.json:1:47: components of template a:en must be a list, not a mapping"},
		{`{"name": "a", "language": "en", "components": [{"type": "BODY", "text": 5}]}`, "t.json:1:73: the body text of template a:en must be a string"},
		{`{"name": "a", "language": "en", "components": ["BODY"]}`, "t.json:1:48: each component of template a:en must be a mapping with a type, not a scalar"},
		{`{"name": "a", "language": "en", "components": [{"type": "BUTTONS"}]}`, "t.json:1:48: the BUTTONS component of template a:en needs a buttons list"},
		{`{"name": "a", "language": "en", "components": [{"type": "BODY", "text": "x", "example": {"body_text": [[{"a": 1}]]}}]}`,
			"t.json:1:105: body_text must be a list of strings, not a list of a mapping"},
		{`{"name": "a", "language": "en", "components": [{"type": "BODY", "text": "x", "example": {"body_text_named_params": [{"example": "y"}]}}]}`,
			"t.json:1:117: each of body_text_named_params needs a param_name and an example"},
		{`[{"name": "a", "language": "en", "components": []}, {"name": "b", "language": "en"}]`, "t.json:1:53: template b:en has no components list"},
		{`[{"name": "a", "language": "en", "components": []}, 7]`, "t.json:1:53: template 2 must be a mapping with a name, a language and components, not a scalar"},
	}
	for _, c := range cases {
		_, err := Options{}.File("t.json", []byte(c.data))
		if err == nil || err.Error() != c.want {
			t.Errorf("%s:\n got %v\nwant %s", c.data, err, c.want)
		}
	}
}

func waSeed(f *testing.F, name string) string {
	data, err := os.ReadFile("../../testdata/whatsapp/templates/" + name)
	if err != nil {
		f.Fatal(err)
	}
	return string(data)
}

func FuzzWATemplateJSON(f *testing.F) {
	listing := waSeed(f, "listing.json")
	fuzzLoader(f, "f.json", Options{}, listing, waSeed(f, "approved.json"), strings.ReplaceAll(listing, "Hi", `\u00c7\ud83d\ude00`),
		`[{"name":"a","language":"en","components":[{"type":"BUTTONS","buttons":[{"type":"URL","url":"x{{1}}","example":"y"}]}]}]`)
}

func FuzzWATemplateYAML(f *testing.F) {
	fuzzLoader(f, "f.yaml", Options{}, waSeed(f, "spring_sale.yaml"))
}
