package lint

import (
	"fmt"
	"slices"
	"testing"

	"gopkg.in/yaml.v3"
)

// Messages checked in a batch share the engine's room one after another:
// each rule sees the message's own tokens, words, ids and sentences, as
// one checked alone does, and a message gives the room back when trimmed.
func TestRoomLentAndGivenBack(t *testing.T) {
	var seen []string
	rule := &Rule{Name: "views", ReadsWordIDs: true, Doc: Doc{Default: true}, New: func(*yaml.Node) (Check, error) {
		return func(p *Pass) {
			m := p.Msg
			ws := m.Words()
			norms := make([]string, len(ws))
			for i, w := range ws {
				norms[i] = fmt.Sprint(w.Norm, w.ID != 0)
			}
			seen = append(seen, fmt.Sprint(len(m.Tokens()), norms, m.Sentences()))
		}, nil
	}}
	l, err := NewLinter([]*Rule{rule}, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"Hello there. How are you?", "Sifarişiniz HAZIRDIR! Təşəkkür edirik.", "a", "", "Bir iki üç dört beş altı yedi sekiz dokuz on. Tamam."}
	msgs := func() []*Message {
		var out []*Message
		for i, s := range texts {
			out = append(out, &Message{Lang: Langs[i%len(Langs)], Body: Field{Text: s}})
		}
		return out
	}
	var want []string
	for _, m := range msgs() {
		l.Check(m)
		m.Trim()
	}
	want, seen = seen, nil
	batch := msgs()
	Recycle(l.CheckBatch(batch))
	if !slices.Equal(seen, want) {
		t.Errorf("in a batch the rule saw\n%q\nalone\n%q", seen, want)
	}
	for i, m := range batch {
		if m.room != nil || m.tokens != nil {
			t.Errorf("message %d kept the room or its tokens after its check", i)
		}
	}
}

// A message's placeholders found in the engine's room are its own: the
// next message's, found in the same room, do not change them, whether a
// body has a few (kept in the holders' own room) or many.
func TestPlaceholdersFoundInRoom(t *testing.T) {
	texts := []string{"Hi {{first_name}}, your order {{order_id}} ships.", "No placeholder here.",
		"{a} {b} {c} {d}", "Dear %FIRSTNAME%", "{{x}} and {{y}}"}
	var kept []*Message
	var want [][]string
	room := new(messageRoom)
	for _, s := range texts {
		m := &Message{Lang: "en", Body: Field{Text: s}, room: room}
		var names []string
		for _, ph := range m.Placeholders() {
			names = append(names, ph.Name)
		}
		if m.InPlaceholder(Span{0, len(s)}) != (len(names) > 0) {
			t.Errorf("%q: InPlaceholder of the whole body is %v", s, !(len(names) > 0))
		}
		m.trim(true)
		kept, want = append(kept, m), append(want, names)
	}
	for i, m := range kept {
		var names []string
		for _, ph := range m.Placeholders() {
			names = append(names, ph.Name)
		}
		if !slices.Equal(names, want[i]) {
			t.Errorf("%q: placeholders %v after the others, %v when found", texts[i], names, want[i])
		}
	}
}
