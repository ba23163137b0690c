package load

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/msglint/msglint/lint"
)

// A Twilio content template is read in each shape: one template, a list,
// and the Content API's listing answer; every content type is a message
// whose texts keep their place in the file.
func TestTwilioContentShapes(t *testing.T) {
	one := `{"friendly_name": "siparis", "language": "tr", "variables": {"1": "Ay\u015fe"}, "types": {
  "twilio/quick-reply": {"body": "Merhaba {{1}}, sipari\u015finiz kargoda.", "actions": [{"title": "Takip et", "id": "t"}]},
  "whatsapp/card": {"header_text": "Kargo", "body": "Sipari\u015finiz yolda.", "footer": "Luma", "actions": [{"type": "URL", "title": "Takip", "url": "https://luma.example/{{1}}"}]}}}`
	for _, c := range []struct{ name, data string }{
		{"one", one},
		{"list", "[" + one + "]"},
		{"listing", `{"contents": [` + one + `], "meta": {"page": 0, "page_size": 50}}`},
	} {
		t.Run(c.name, func(t *testing.T) {
			msgs, err := Options{}.File("c.json", []byte(c.data))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range msgs {
				got = append(got, m.ID+" "+string(m.Lang)+" "+m.Body.Text)
			}
			want := []string{"siparis:tr/twilio/quick-reply tr Merhaba {{1}}, siparişiniz kargoda.", "siparis:tr/whatsapp/card tr Siparişiniz yolda.",
				"siparis:tr/whatsapp/card/header tr Kargo", "siparis:tr/whatsapp/card/footer tr Luma"}
			if d := cmp.Diff(want, got); d != "" {
				t.Fatalf("messages (-want +got):\n%s", d)
			}
			qr, card := msgs[0], msgs[1]
			if len(qr.QuickReplies) != 1 || qr.QuickReplies[0].Text != "Takip et" || len(card.Buttons) != 1 {
				t.Errorf("actions: %+v / %+v", qr.QuickReplies, card.Buttons)
			}
			tpl := card.Template
			if tpl.Platform != lint.TwilioContent || tpl.ContentType != "whatsapp/card" || tpl.BodyExamples.Named["1"] != "Ayşe" ||
				tpl.Text(tpl.Header).Text != "Kargo" || tpl.Text(tpl.Footer).Text != "Luma" || tpl.Text(tpl.Buttons[0].URL).Text != "https://luma.example/{{1}}" {
				t.Errorf("template %+v", tpl)
			}
			for _, m := range msgs[:2] {
				for _, f := range append([]lint.Field{m.Body}, m.Template.Texts...) {
					if err := f.Map.Validate(f.Text, []byte(c.data)); err != nil {
						t.Errorf("%s %q: %v", m.ID, f.Text, err)
					}
				}
			}
			if _, raw := place(t, qr, &qr.Body, "kargoda"); raw != "kargoda" {
				t.Errorf("body word maps to %q", raw)
			}
		})
	}
}

func TestTwilioContentErrors(t *testing.T) {
	for data, want := range map[string]string{
		`{"friendly_name": "a", "types": {"twilio/text": {"body": 5}}}`:                                 "c.json:1:58: body of twilio/text must be a string, not a scalar",
		`{"friendly_name": "a", "types": {"twilio/text": []}}`:                                          `c.json:1:49: content type twilio/text of template a must be a mapping, not a list`,
		`{"friendly_name": "a", "variables": ["x"], "types": {"twilio/text": {"body": "x"}}}`:           "c.json:1:37: variables must be a mapping of each variable to its sample value, not a list",
		`{"friendly_name": "a", "types": {"twilio/quick-reply": {"body": "x", "actions": {"t": "y"}}}}`: "c.json:1:81: actions of twilio/quick-reply must be a list, not a mapping",
	} {
		_, err := Options{}.File("c.json", []byte(data))
		if err == nil || err.Error() != want {
			t.Errorf("%s:\n got %v\nwant %s", data, err, want)
		}
	}
}

func FuzzTwilioContent(f *testing.F) {
	fuzzLoader(f, "f.json", Options{},
		`{"friendly_name":"a","language":"en","variables":{"1":"x"},"types":{"twilio/text":{"body":"Hi {{1}} \u00e7"},"twilio/quick-reply":{"body":"b","actions":[{"title":"t"}]}}}`,
		`{"contents":[{"friendly_name":"a","types":{"whatsapp/card":{"header_text":"h","body":"b","footer":"f","actions":[{"type":"URL","title":"t","url":"u{{1}}"}]}}}]}`)
}

func FuzzTwilioContentYAML(f *testing.F) {
	fuzzLoader(f, "f.yaml", Options{}, strings.Join([]string{"friendly_name: a", "language: tr", "variables: {\"1\": x}",
		"types:", "  twilio/card: {title: \"Ba\\u015fl\\u0131k\", subtitle: s, actions: [{type: QUICK_REPLY, title: t}]}"}, "\n"))
}
