package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
	"gopkg.in/yaml.v3"
)

// check runs one rule with options (YAML, "" for defaults) over one draft.
func check(t *testing.T, r *lint.Rule, opts string, o load.Options, text string) []string {
	t.Helper()
	var node *yaml.Node
	if opts != "" {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(opts), &doc); err != nil {
			t.Fatal(err)
		}
		node = doc.Content[0]
	}
	c, err := r.New(node)
	if err != nil {
		t.Fatal(err)
	}
	m := o.Text("draft", text)
	var out []string
	c(lint.NewPass(m, func(d lint.Diagnostic) {
		out = append(out, fmt.Sprintf("%d-%d %s %s", d.Span.Start, d.Span.End, d.Severity, d.Message))
	}))
	return out
}

func TestLengthHardLimits(t *testing.T) {
	noGuidance := "max_sentences: 0\nmax_chars: 0\nmax_paragraph_chars: 0\n"
	cases := []struct {
		name    string
		channel lint.Channel
		text    string
		want    []string
	}{
		{"messenger at the limit", lint.Messenger, strings.Repeat("a", 2000), nil},
		{"messenger over", lint.Messenger, strings.Repeat("a", 2001), []string{"2000-2001 severity(0) message is 2001 characters; Messenger allows 2000 (1 over)"}},
		{"messenger counts characters, not bytes", lint.Messenger, strings.Repeat("ş", 2000), nil},
		{"whatsapp at the limit", lint.WhatsApp, strings.Repeat("ə", 4096), nil},
		{"whatsapp over", lint.WhatsApp, strings.Repeat("ə", 4100), []string{"8192-8200 severity(0) message is 4100 characters; WhatsApp allows 4096 (4 over)"}},
		{"instagram counts bytes", lint.Instagram, strings.Repeat("ə", 501), []string{"1000-1002 severity(0) message is 1002 bytes; Instagram allows 1000 (2 over)"}},
		{"instagram cut on a character boundary", lint.Instagram, "a" + strings.Repeat("ə", 500), []string{"999-1001 severity(0) message is 1001 bytes; Instagram allows 1000 (1 over)"}},
		{"sms 160 GSM-7", lint.SMS, strings.Repeat("a", 160), nil},
		{"sms 161 GSM-7", lint.SMS, strings.Repeat("a", 161), []string{"160-161 severity(0) SMS needs 2 segments (GSM-7, 153 per segment when split); each is billed as one SMS and 1 allowed"}},
		{"sms extension characters count twice", lint.SMS, strings.Repeat("€", 81), []string{"240-243 severity(0) SMS needs 2 segments (GSM-7, 153 per segment when split); each is billed as one SMS and 1 allowed"}},
		{"sms 70 UCS-2", lint.SMS, strings.Repeat("ı", 70), nil},
		{"sms 71 UCS-2", lint.SMS, "ç" + strings.Repeat("a", 70), []string{`71-72 severity(0) SMS needs 2 segments (UCS-2 because of "ç", 67 per segment when split); each is billed as one SMS and 1 allowed`}},
		{"sms emoji fits in the last two UCS-2 units", lint.SMS, strings.Repeat("a", 68) + "🙂", nil},
		{"sms emoji takes two UCS-2 units", lint.SMS, strings.Repeat("a", 69) + "🙂", []string{`69-73 severity(0) SMS needs 2 segments (UCS-2 because of "🙂", 67 per segment when split); each is billed as one SMS and 1 allowed`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := check(t, Length, noGuidance, load.Options{Channel: c.channel, Lang: lint.English}, c.text)
			if d := cmp.Diff(c.want, got); d != "" {
				t.Error(d)
			}
		})
	}
}

func TestLengthGuidance(t *testing.T) {
	para := strings.Repeat("word ", 70) // 350 characters, one sentence
	got := check(t, Length, "", load.Options{Lang: lint.English}, "Short intro.\n\n"+strings.TrimSpace(para)+"\n\nBye.")
	want := []string{"14-363 warning paragraph is 349 characters (29 over 320): a wall of text in a chat"}
	if d := cmp.Diff(want, got); d != "" {
		t.Error(d)
	}
	// Three paragraphs of 200 characters: no paragraph is too long, the message is.
	p := strings.Repeat("x", 199) + "."
	got = check(t, Length, "", load.Options{Lang: lint.English}, p+"\n\n"+p+"\n\n"+p)
	want = []string{"0-0 warning message is 604 characters (284 over 320): a wall of text in a chat"}
	if d := cmp.Diff(want, got); d != "" {
		t.Error(d)
	}
}

func TestLengthOptionErrors(t *testing.T) {
	for opts, want := range map[string]string{
		"max_sentence: 2\n":                `line 1: unknown option "max_sentence" (known: max_sentences, max_chars, max_paragraph_chars, sms_max_segments, limits)`,
		"limits: {telegram: {text: 10}}\n": `limits: unknown channel "telegram" (want one of messenger, instagram, whatsapp, sms)`,
		"limits: {sms: {unit: words}}\n":   `limits.sms.unit: want chars or bytes, not "words"`,
		"limits: {sms: {txt: 1}}\n":        `line 1: unknown option "txt" (known: text, unit, quick_reply_title, button_title, quick_replies, buttons, button_text, sms, elements, element_title, element_subtitle, element_buttons, profile)`,
	} {
		var doc yaml.Node
		yaml.Unmarshal([]byte(opts), &doc)
		if _, err := Length.New(doc.Content[0]); err == nil || err.Error() != want {
			t.Errorf("%q: %v, want %s", opts, err, want)
		}
	}
}

// A channel is data: its entry in lint's registry and its limits here.
func TestEveryChannelHasLimits(t *testing.T) {
	limits := defaultLength().Limits
	for _, c := range lint.Channels {
		if _, ok := limits[c]; !ok {
			t.Errorf("channel %s has no limits in data/limits.yaml", c)
		}
	}
	if len(limits) != len(lint.Channels) {
		t.Errorf("data/limits.yaml has %d channels, the registry %d", len(limits), len(lint.Channels))
	}
}

// Every limit in data/limits.yaml names the page that states it.
func TestEveryLimitHasASource(t *testing.T) {
	var raw map[string]map[string]any
	if err := yaml.Unmarshal(limitsYAML, &raw); err != nil {
		t.Fatal(err)
	}
	check := func(where string, limits map[string]any) {
		sources, _ := limits["sources"].(map[string]any)
		for key := range limits {
			switch key {
			case "unit", "sources", "profile":
				continue
			}
			if s, _ := sources[key].(string); strings.TrimSpace(s) == "" {
				t.Errorf("%s.%s has no source", where, key)
			}
		}
		for key := range sources {
			if _, ok := limits[key]; !ok {
				t.Errorf("%s.sources.%s names no limit", where, key)
			}
		}
	}
	for ch, limits := range raw {
		check(ch, limits)
		if p, ok := limits["profile"].(map[string]any); ok {
			check(ch+".profile", p)
		}
	}
}

// A generic template's cards are checked against the channel's limits,
// each channel's own; a channel with none set has its cards unchecked.
func TestGenericTemplateLimitsPerChannel(t *testing.T) {
	body := `{"recipient":{"id":"1"},"message":{"attachment":{"type":"template","payload":{"template_type":"generic","elements":[` +
		`{"title":"` + strings.Repeat("é", 81) + `","subtitle":"ok","buttons":[{"type":"postback","title":"A","payload":"A"},{"type":"postback","title":"B","payload":"B"},{"type":"postback","title":"C","payload":"C"},{"type":"postback","title":"D","payload":"D"}]}]}}}}`
	var opts yaml.Node
	if err := yaml.Unmarshal([]byte("limits: {whatsapp: {text: 4096}}"), &opts); err != nil {
		t.Fatal(err)
	}
	c, err := Length.New(opts.Content[0])
	if err != nil {
		t.Fatal(err)
	}
	for ch, want := range map[lint.Channel][]string{
		lint.Messenger: {
			"4 0-2 element 1's title is 81 characters; Messenger allows 80 (1 over)",
			"2 3-0 element 1 has 4 buttons; Messenger allows 3 (1 over)",
		},
		lint.Instagram: {
			"4 0-2 element 1's title is 81 characters; Instagram allows 80 (1 over)",
			"2 3-0 element 1 has 4 buttons; Instagram allows 3 (1 over)",
		},
		lint.WhatsApp: nil,
	} {
		msgs, err := load.Options{Channel: ch}.File("send.json", []byte(body))
		// The generic template, then its element's title and subtitle.
		if err != nil || len(msgs) != 3 {
			t.Fatalf("%s: %v, %d messages", ch, err, len(msgs))
		}
		var got []string
		c(lint.NewPass(msgs[0], func(d lint.Diagnostic) {
			got = append(got, fmt.Sprintf("%d %d-%d %s", d.Part.Kind, d.Part.Index, d.Span.End-d.Span.Start, d.Message))
		}))
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%s: %s", ch, d)
		}
	}
}

// The sentence count's finding reads as fmt wrote it.
func TestTooManySentences(t *testing.T) {
	for limit := 1; limit <= 12; limit++ {
		for n := limit + 1; n <= 1000; n += 1 + n/10 {
			msg, fix := tooManySentences(n, limit)
			if want := fmt.Sprintf("message has %d sentences; chat messages read best with %d or fewer", n, limit); msg != want {
				t.Errorf("%q, want %q", msg, want)
			}
			if want := fmt.Sprintf("split it into %d messages or cut it to %d sentences", (n+limit-1)/limit, limit); fix != want {
				t.Errorf("%q, want %q", fix, want)
			}
		}
	}
}

// The sentence count's words are made once for a count and a limit.
func TestTooManySentencesKept(t *testing.T) {
	tooManySentences(9, 5)
	if n := testing.AllocsPerRun(100, func() { tooManySentences(9, 5) }); n != 0 {
		t.Errorf("tooManySentences allocates %v times for a count it has met", n)
	}
	if msg, _ := tooManySentences(9, 4); msg != "message has 9 sentences; chat messages read best with 4 or fewer" {
		t.Errorf("another limit: %q", msg)
	}
}

// TestDefaultLengthIsACopy: a config's limits are decoded into the
// defaults' map, so each call must hand out a map of its own.
func TestDefaultLengthIsACopy(t *testing.T) {
	a := defaultLength()
	want := a.Limits[lint.Messenger]
	a.Limits[lint.Messenger] = ChannelLimit{Text: 1}
	if got := defaultLength().Limits[lint.Messenger]; got != want || got.Text == 1 {
		t.Errorf("a changed default leaked into the next: %+v", got)
	}
}
