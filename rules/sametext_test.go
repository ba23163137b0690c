package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
)

// A rule that is the same for a text (lint.Rule.SameForText) has what it
// said of a text said again for any message with that text, language, kind,
// kind's source, placeholder systems and whether its language was guessed:
// the engine's memo keys on those and nothing else. Here that is checked, not promised: each message of the
// quality sets is checked by every such rule as it was read and again as a
// message that differs in all the rest a message has (its id, channel,
// quick replies, buttons, cards, Send API
// type and tag, platform template, profile, file and place in it), and the
// rule must say the same of both. A rule that starts to read any of those
// fails here, and must lose its flag or the memo its key must grow. The
// second check of a text also shows a rule that says something else of a
// text the second time it meets it (state kept from message to message).
func TestSameForTextReadsOnlyTheKey(t *testing.T) {
	var same []*lint.Rule
	var checks []lint.Check
	for _, r := range All() {
		if !r.SameForText {
			continue
		}
		check, err := r.New(nil)
		if err != nil {
			t.Fatal(err)
		}
		same, checks = append(same, r), append(checks, check)
	}
	if len(same) == 0 {
		t.Skip("no rule is the same for a text")
	}
	files := qualitySets(t)
	say := func(check lint.Check, m *lint.Message) []lint.Diagnostic {
		var out []lint.Diagnostic
		check(lint.NewPass(m, func(d lint.Diagnostic) { out = append(out, d) }))
		return out
	}
	channels := []lint.Channel{lint.Messenger, lint.Instagram, lint.WhatsApp, lint.SMS, ""}
	n, found := 0, 0
	bad := make([]int, len(same))
	for _, path := range files {
		msgs := loadQualitySet(t, path)
		for i, m := range msgs {
			if testing.Short() && i%7 != 0 {
				continue
			}
			n++
			v := otherMessage(m, channels[n%len(channels)], n)
			for j, check := range checks {
				was, now := say(check, m), say(check, v)
				found += len(was)
				if !reflect.DeepEqual(was, now) {
					if bad[j]++; bad[j] > 5 {
						continue // enough to see what it reads
					}
					t.Errorf("%s: %s: %s says of %q\n%v\nbut of the same text in another message (channel %q)\n%v",
						path, m.ID, same[j].Name, m.Body.Text, was, v.Channel, now)
				}
			}
			m.Trim()
			v.Trim()
		}
	}
	for j, b := range bad {
		if b > 5 {
			t.Errorf("%s: %d messages in all", same[j].Name, b)
		}
	}
	if n < 1000 || found == 0 {
		t.Fatalf("%d messages, %d findings: too few to show anything", n, found)
	}
	t.Logf("%d messages, %d rules, %d findings", n, len(same), found)
}

// otherMessage is m's text with its language (declared or guessed), kind,
// kind's source and placeholder systems, in a message that differs from m
// in all else.
func otherMessage(m *lint.Message, channel lint.Channel, n int) *lint.Message {
	var buttons []string
	if n%3 != 0 { // some with no buttons at all, as a plain reply
		buttons = []string{"Shop now", "Talk to a person", "Unsubscribe", "Book NOW"}
	}
	v := load.Options{Lang: m.Lang, Kind: m.Kind}.Draft(fmt.Sprintf("other-%d.txt", n), m.Body.Text,
		[]string{"Yes, thanks!", "No", "Bye for now", "Hayır, teşekkürler"}, buttons)
	v.ID = "other-" + m.ID
	v.Lang, v.Kind, v.KindFrom, v.Syntax = m.Lang, m.Kind, m.KindFrom, m.Syntax
	v.LangDetected = m.LangDetected // in the memo's key
	v.Channel = channel
	v.Profile = n%2 == 0
	v.MessagingType, v.Tag = "MESSAGE_TAG", "HUMAN_AGENT"
	if len(v.Buttons) > 0 {
		card := lint.Field{Text: "Summer sale", Map: lint.LinearMap(len("Summer sale"), 0)}
		v.Elements = []lint.Element{{Title: card, Subtitle: card, DefaultAction: lint.Field{Text: "https://example.com/sale", Map: lint.LinearMap(24, 0)}, FirstButton: 0, Buttons: 2}}
		v.Template = &lint.Template{Category: "MARKETING", HasBody: true, Header: -1, Footer: -1,
			Texts: []lint.Field{{Text: "summer_sale", Map: lint.LinearMap(11, 0)}, {Text: "en_US", Map: lint.LinearMap(5, 0)}}, Name: 0, Language: 1}
	}
	v.Offset = 1 + n%5
	return v
}

// The memo said again is what the rules say: each quality set checked twice
// by one linter with the memo on (the second time every text is one met
// before) has the findings of a linter with the memo off, with every
// default rule running beside the ones that are the same for a text.
func TestTextMemoOnQualitySets(t *testing.T) {
	files := qualitySets(t)
	on, off := memoLinters(t)
	n := 0
	for k, path := range files {
		if k%4 != 0 || testing.Short() && k%12 != 0 {
			continue
		}
		msgs := loadQualitySet(t, path)
		want := memoFindings(off.CheckFile(msgs))
		n += len(want)
		for round := range 2 {
			sameMemoFindings(t, fmt.Sprintf("%s, round %d", path, round), memoFindings(on.CheckFile(msgs)), want)
		}
	}
	if n == 0 {
		t.Fatal("no findings")
	}
}

// memoLinters are two linters of every default rule, the memo of texts
// on in the first and off in the second.
func memoLinters(t *testing.T) (on, off *lint.Linter) {
	t.Helper()
	on, err := lint.NewLinter(All(), nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	off, err = lint.NewLinter(All(), nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	off.SetTextMemo(false)
	return on, off
}

// memoFinding is all a finding says, and its message's kind.
type memoFinding struct {
	rule, msg, suggestion, id  string
	line, col, endLine, endCol int
	part                       lint.Part
	span                       lint.Span
	sev                        lint.Severity
	fix                        lint.FileEdit
	fixed                      bool
	kind                       lint.Kind
}

func memoFindings(fs []lint.Finding) []memoFinding {
	out := make([]memoFinding, len(fs))
	for i, f := range fs {
		out[i] = memoFinding{f.Rule, f.Message, f.Suggestion, f.MessageID, f.Line, f.Col, f.EndLine, f.EndCol, f.Part, f.Span, f.Severity, lint.FileEdit{}, f.Fix != nil, f.Msg.Kind}
		if f.Fix != nil {
			out[i].fix = *f.Fix
		}
	}
	return out
}

// sameMemoFindings fails t when a check with the memo (got) said other than
// one without (want), and shows the first difference.
func sameMemoFindings(t *testing.T, where string, got, want []memoFinding) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	t.Errorf("%s: with the memo %d findings, without %d", where, len(got), len(want))
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			t.Errorf("first differing: %+v\nwithout the memo: %+v", got[i], want[i])
			break
		}
	}
}

// qualitySets are the paths of every labelled set in testdata/quality.
func qualitySets(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "testdata", "quality", "*", "*.jsonl"))
	top, _ := filepath.Glob(filepath.Join("..", "testdata", "quality", "*.jsonl"))
	files = append(files, top...)
	if err != nil || len(files) == 0 {
		t.Fatalf("no quality sets: %v", err)
	}
	return files
}

// loadQualitySet reads one labelled set's messages.
func loadQualitySet(t *testing.T, path string) []*lint.Message {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	msgs, err := load.Options{}.File(path, data)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return msgs
}

// The memo said again across kinds is what the rules say: each text of a
// quality set, read as a stream (so that spelling's word is kept too), is
// checked in three rounds as a message of another kind each round, by one
// linter with the memo on, and has the findings of a linter with the memo
// off. A rule that reads the kind without asking (lint.Message.IsKind) has
// a text's word said again for a kind it would say something else of, and
// fails here.
func TestTextMemoAcrossKinds(t *testing.T) {
	files := qualitySets(t)
	on, off := memoLinters(t)
	n := 0
	for k, path := range files {
		if k%4 != 1 || testing.Short() && k%12 != 1 {
			continue
		}
		msgs := loadQualitySet(t, path)
		for _, m := range msgs {
			m.Streamed = true
		}
		for round := range 3 {
			for i, m := range msgs {
				m.Kind = lint.Kinds[(i*5+round*3)%len(lint.Kinds)]
				m.Trim()
			}
			want := memoFindings(off.CheckFile(msgs))
			n += len(want)
			sameMemoFindings(t, fmt.Sprintf("%s, round %d", path, round), memoFindings(on.CheckFile(msgs)), want)
		}
	}
	if n == 0 {
		t.Fatal("no findings")
	}
	t.Logf("%d findings", n)
}
