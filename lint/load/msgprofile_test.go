package load

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/msglint/msglint/lint"
)

// A Messenger Profile body gives a greeting message per locale, and its ice
// breakers and menu as a profile message's quick replies and buttons, each
// text at its place in the file.
func TestMessengerProfile(t *testing.T) {
	data := `{"greeting": [{"locale": "default", "text": "Hello {{user_first_name}}!"}, {"locale": "tr_TR", "text": "Merhaba {{user_first_name}}, ho\u015f geldiniz!"}],
 "ice_breakers": [{"question": "Where is my order?", "payload": "ORDER"}, {"question": "Returns?", "payload": "RETURN"}],
 "persistent_menu": [{"locale": "default", "call_to_actions": [{"type": "postback", "title": "Talk to an agent", "payload": "CARE_HELP"}]}]}`
	msgs, err := Options{}.File("profile.json", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range msgs {
		var parts []string
		for _, f := range append(append([]lint.Field{m.Body}, m.QuickReplies...), m.Buttons...) {
			if f.Text != "" {
				if err := f.Map.Validate(f.Text, []byte(data)); err != nil {
					t.Errorf("%s %q: %v", m.ID, f.Text, err)
				}
				parts = append(parts, f.Text)
			}
		}
		if !m.Profile || m.Channel != lint.Messenger {
			t.Errorf("%s: profile %v on %s", m.ID, m.Profile, m.Channel)
		}
		got = append(got, m.ID+" "+string(m.Lang)+" "+string(m.Kind)+": "+strings.Join(parts, " | "))
	}
	want := []string{
		"greeting/default en greeting: Hello {{user_first_name}}!",
		"greeting/tr_TR tr greeting: Merhaba {{user_first_name}}, hoş geldiniz!",
		"ice_breakers/default en reply: Where is my order? | Returns?",
		"persistent_menu/default en reply: Talk to an agent",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

func TestMessengerProfileErrors(t *testing.T) {
	cases := []struct{ data, want string }{
		{`{"greeting": {"text": "x"}}`, "p.json:1:14: greeting must be a list, not a mapping"},
		{`{"greeting": [{"locale": "default"}]}`, "p.json:1:15: each greeting needs a text string"},
		{`{"persistent_menu": [{"locale": "default"}]}`, "p.json:1:22: persistent_menu for locale default needs a call_to_actions list"},
		{`{"persistent_menu": [{"call_to_actions": [{"type": "postback"}]}]}`, "p.json:1:43: each call to action of persistent_menu needs a title"},
	}
	for _, c := range cases {
		_, err := Options{}.File("p.json", []byte(c.data))
		if err == nil || err.Error() != c.want {
			t.Errorf("%s:\n got %v\nwant %s", c.data, err, c.want)
		}
	}
}

func FuzzMessengerProfile(f *testing.F) {
	fuzzLoader(f, "f.json", Options{}, `{"greeting":[{"locale":"default","text":"Hi {{user_first_name}}"}],"ice_breakers":[{"call_to_actions":[{"question":"Q?","payload":"P"}],"locale":"default"}],"persistent_menu":[{"locale":"default","call_to_actions":[{"type":"postback","title":"T","payload":"P"}]}]}`,
		`{"ice_breakers":[{"question":"\u00e7?"}]}`)
}
