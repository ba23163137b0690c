package hook

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/msglint/msglint/lint/load"
)

// A WhatsApp template send is checked against the registered template: its
// parameters as Meta counts them, and the text the customer will read.
func TestTemplateSend(t *testing.T) {
	data, err := os.ReadFile("../testdata/whatsapp/templates/listing.json")
	if err != nil {
		t.Fatal(err)
	}
	msgs, err := load.Options{}.File("listing.json", data)
	if err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, func(c *Config) { c.Templates = NewTemplates(msgs) })
	send := func(name, lang string, params ...string) string {
		var ps []string
		for _, p := range params {
			b, _ := json.Marshal(p)
			ps = append(ps, `{"type":"text","text":`+string(b)+`}`)
		}
		return `{"messaging_product":"whatsapp","to":"994501234567","type":"template","template":{"name":"` + name + `","language":{"code":"` + lang + `"},` +
			`"components":[{"type":"body","parameters":[` + strings.Join(ps, ",") + `]}]}}`
	}
	cases := []struct {
		name, body string
		allow      bool
		findings   []string // rule: message
	}{
		{"matches", send("order_shipped", "en_US", "Ana", "A-1042", "12 March"), true, nil},
		{"too few", send("order_shipped", "en_US", "Ana", "A-1042"), false,
			[]string{"whatsapp-template: the template's body takes 3 parameters and the send gives 2: Meta refuses the send"}},
		{"unknown language", send("order_shipped", "tr", "Ana", "A-1042", "12 Mart"), false,
			[]string{`whatsapp-template: template "order_shipped" in "tr" is not in the template library: Meta refuses a template it has not approved in that language`}},
		{"line break", send("order_shipped", "en_US", "Ana\nSmith", "A-1042", "12 March"), false,
			[]string{"whatsapp-template: a body parameter holds a line break, a tab or more than four spaces in a row: Meta refuses the send"}},
		// The text with its parameters filled in is what the content rules read.
		{"filled text checked", send("order_shipped", "en_US", "Ana", "A-1042", "Monday!!"), true,
			[]string{`shouting: "!!" reads as shouting; one "!" is enough`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := h.expect("POST", "/v1/messenger/check", c.body, 200, "")
			var resp CheckResponse
			if err := json.Unmarshal([]byte(got), &resp); err != nil {
				t.Fatal(err)
			}
			var fs []string
			for _, f := range resp.Findings {
				if f.Rule != "window" {
					fs = append(fs, f.Rule+": "+f.Message)
				}
			}
			if resp.Allow != c.allow || strings.Join(fs, "\n") != strings.Join(c.findings, "\n") {
				t.Errorf("allow %v, findings:\n%s\nwant allow %v, findings:\n%s", resp.Allow, strings.Join(fs, "\n"), c.allow, strings.Join(c.findings, "\n"))
			}
		})
	}
}

// A Twilio content template, sent by its SID through Twilio, is not a
// WhatsApp template the hook looks up by name; one without a friendly_name
// is read without trouble.
func TestTemplatesSkipTwilioContent(t *testing.T) {
	msgs, err := load.Options{}.File("c.json", []byte(`{"language": "en", "types": {"twilio/text": {"body": "Hi there, your order shipped."}}}`))
	if err != nil {
		t.Fatal(err)
	}
	if ts := NewTemplates(msgs); len(ts) != 0 {
		t.Errorf("%d templates", len(ts))
	}
}
