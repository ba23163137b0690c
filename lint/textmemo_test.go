package lint

import (
	"fmt"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"

	"gopkg.in/yaml.v3"
)

// A rule that is the same for a text runs once a text (its language, kind,
// kind's source and placeholder systems): a text met again has what it said
// said again, fixes and caps as when it ran, and the findings are those of
// a linter without the memo. A rule that is not runs on every message, and
// so do all for a message with rules switched off in it.
func TestTextMemoSaysAgain(t *testing.T) {
	var sameRuns, otherRuns atomic.Int32
	same := &Rule{Name: "same", SameForText: true, Doc: Doc{Default: true, Severity: Warning}, New: func(*yaml.Node) (Check, error) {
		return func(p *Pass) {
			sameRuns.Add(1)
			m := p.Msg
			for i := 0; i < strings.Count(m.Body.Text, "x"); i++ {
				p.Report(Diagnostic{Span: Span{Start: i, End: i + 1}, Message: fmt.Sprint("x ", m.Kind, m.Lang),
					Suggestion: "y", Fix: &Edit{Span: Span{Start: i, End: i + 1}, New: "y"}})
			}
		}, nil
	}}
	other := &Rule{Name: "other", Doc: Doc{Default: true, Severity: Warning}, New: func(*yaml.Node) (Check, error) {
		return func(p *Pass) {
			otherRuns.Add(1)
			p.Report(Diagnostic{Message: "other " + p.Msg.Body.Text})
		}, nil
	}}
	type spec struct {
		id, text, kindFrom string
		lang               Lang
		kind               Kind
		off                bool
	}
	var specs []spec
	for i, s := range []string{"axb", "axb", "x", "axb", strings.Repeat("x", MaxPerRule+3), strings.Repeat("x", MaxPerRule+3), "no", "no"} {
		specs = append(specs, spec{id: fmt.Sprint("m", i), text: s, lang: English, kind: Reply})
	}
	// The same text in another kind, language, kind's source, or with a
	// rule switched off: none is the text met before.
	specs = append(specs, spec{id: "kind", text: "axb", lang: English, kind: Promo}, spec{id: "lang", text: "axb", lang: Turkish, kind: Reply},
		spec{id: "from", text: "axb", lang: English, kind: Reply, kindFrom: "key promo"}, spec{id: "off", text: "axb", lang: English, kind: Reply, off: true})
	texts := make([]string, len(specs))
	for i, sp := range specs {
		texts[i] = sp.text
	}
	msgs := messagesOf(texts, func(i int, m *Message) {
		sp := specs[i]
		m.ID, m.Lang, m.Kind, m.KindFrom = sp.id, sp.lang, sp.kind, sp.kindFrom
		if sp.off {
			m.Disable = []string{"other"}
		}
	})
	with, err := NewLinter([]*Rule{same, other}, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := with.CheckFile(msgs())
	if n := sameRuns.Load(); n != 8 { // axb, x, the long text, no, and the four apart
		t.Errorf("the rule that is the same for a text ran %d times, want 8", n)
	}
	if n := otherRuns.Load(); n != 11 { // every message but the one with it off
		t.Errorf("the other rule ran %d times, want 11", n)
	}
	without, err := NewLinter([]*Rule{same, other}, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	without.memo = nil
	want := without.CheckFile(msgs())
	if !reflect.DeepEqual(got, want) {
		t.Errorf("with the memo\n%v\nwithout\n%v", got, want)
	}
	for i := range got {
		for j := range i {
			if got[i].Fix != nil && got[i].Fix == got[j].Fix {
				t.Errorf("findings %d and %d share a fix", j, i)
			}
		}
	}
}

// A rule that asks a message's kind (Rule.AsksKind) has what it said of a
// text said again in a message of any kind it did not ask about, and runs
// again only for a kind it asked about, once a kind; a config's own kind
// counts as one it did not ask about, unless it asked about one. What is
// said is what a linter without the memo says.
func TestTextMemoByKindAsked(t *testing.T) {
	var runs atomic.Int32
	asks := &Rule{Name: "asks", SameForText: true, AsksKind: true, Doc: Doc{Default: true, Severity: Warning}, New: func(*yaml.Node) (Check, error) {
		return func(p *Pass) {
			runs.Add(1)
			m := p.Msg
			switch {
			case strings.Contains(m.Body.Text, "sale") && m.IsKind(Promo):
				p.Report(Diagnostic{Message: "a promo's sale"})
			case strings.Contains(m.Body.Text, "sale"):
				p.Report(Diagnostic{Message: "a sale"})
			case strings.Contains(m.Body.Text, "x"):
				p.Report(Diagnostic{Message: "an x"})
			}
		}, nil
	}}
	type spec struct {
		text string
		kind Kind
		ran  bool // the check ran for it
	}
	specs := []spec{
		{"x", Reply, true}, {"x", Promo, false}, {"x", Bot, false}, {"x", "custom", false},
		// Asked about promos: a reply's answer holds for every kind
		// but a promo, which has one of its own.
		{"sale", Reply, true}, {"sale", Closing, false}, {"sale", "custom", false}, {"sale", Promo, true}, {"sale", Promo, false},
		// Met first as a promo: each kind has its answer of its own.
		{"sale!", Promo, true}, {"sale!", Reply, true}, {"sale!", Reply, false}, {"sale!", Promo, false}, {"sale!", "custom", true}, {"sale!", "custom", true},
	}
	texts := make([]string, len(specs))
	for i, sp := range specs {
		texts[i] = sp.text
	}
	msgs := messagesOf(texts, func(i int, m *Message) {
		m.ID, m.Lang, m.Kind = fmt.Sprint("m", i), English, specs[i].kind
	})
	with, err := NewLinter([]*Rule{asks}, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, m := range msgs() {
		before := runs.Load()
		with.Check(m)
		if ran := runs.Load() > before; ran != specs[i].ran {
			t.Errorf("%q as %s: ran %v, want %v", specs[i].text, specs[i].kind, ran, specs[i].ran)
		}
	}
	with, err = NewLinter([]*Rule{asks}, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	without, err := NewLinter([]*Rule{asks}, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	without.memo = nil
	got, want := with.CheckFile(msgs()), without.CheckFile(msgs())
	for _, fs := range [][]Finding{got, want} {
		for i := range fs {
			fs[i].Msg = nil // what the rule asked of each differs
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("with the memo\n%v\nwithout\n%v", got, want)
	}
}

// A message's asks about its kind are noted, every kind asked about,
// whatever the answer.
func TestIsKindNotesTheKindsAsked(t *testing.T) {
	m := &Message{Kind: Reply}
	if m.IsKind(Promo) || !m.IsKindIn(Greeting, Reply) || m.IsKind("custom") {
		t.Fatal("wrong answers")
	}
	if want := kindBit(Promo) | kindBit(Greeting) | kindBit(Reply) | otherKinds; m.kindsAsked != want {
		t.Errorf("asked %b, want %b", m.kindsAsked, want)
	}
}

// messagesOf makes a file of texts, a line each, and returns what makes its
// messages afresh, each set up by set.
func messagesOf(texts []string, set func(i int, m *Message)) func() []*Message {
	var data strings.Builder
	for _, text := range texts {
		data.WriteString(text + "\n")
	}
	src := NewSource("f.txt", []byte(data.String()))
	return func() []*Message {
		var out []*Message
		at := 0
		for i, text := range texts {
			m := &Message{Source: src, Offset: at, Body: Field{Text: text, Map: LinearMap(len(text), at)}}
			set(i, m)
			out = append(out, m)
			at += len(text) + 1
		}
		return out
	}
}
