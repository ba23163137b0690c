package lint

import (
	"sync"
	"testing"

	"github.com/msglint/msglint/lint/placeholder"
	"gopkg.in/yaml.v3"
)

// The config's placeholders: list wins over the systems a message's format
// gave it, even when its placeholders were already found.
func TestConfigSyntaxWins(t *testing.T) {
	text := func(m *Message) []string {
		var out []string
		for _, p := range m.Placeholders() {
			out = append(out, m.Body.Text[p.Start:p.End])
		}
		return out
	}
	m := &Message{Body: Field{Text: "%s ve {name}"}, Syntax: placeholder.Printf}
	if got := text(m); len(got) != 1 || got[0] != "%s" {
		t.Fatalf("format's systems: %q, want [%%s]", got)
	}
	l, err := NewLinter(nil, &Config{Placeholders: []string{"icu"}}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	l.Check(m)
	if got := text(m); len(got) != 1 || got[0] != "{name}" || m.Syntax != placeholder.ICU {
		t.Errorf("config's systems: %q (%s), want [{name}] (icu)", got, m.Syntax)
	}
}

// A file check reads the placeholders its message check found, not a copy
// found again, in a file of one chunk and of several; a batch of a stream,
// which no file check reads, lets them go.
func TestFileCheckKeepsPlaceholders(t *testing.T) {
	for _, n := range []int{3, 2*chunk + 5} {
		seen := map[*Message]*placeholder.Placeholder{}
		var mu sync.Mutex
		rule := &Rule{Name: "holders", New: func(*yaml.Node) (Check, error) {
			return func(p *Pass) {
				mu.Lock()
				seen[p.Msg] = &p.Msg.Placeholders()[0]
				mu.Unlock()
			}, nil
		}, NewFile: func(*yaml.Node) (FileCheck, error) {
			return func(msgs []*Message, report func(*Message, Diagnostic)) {
				for _, m := range msgs {
					if &m.Placeholders()[0] != seen[m] {
						report(m, Diagnostic{Message: "found again"})
					}
				}
			}, nil
		}, Doc: Doc{Default: true}}
		l, err := NewLinter([]*Rule{rule}, nil, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		src := NewSource("f.txt", nil)
		var msgs []*Message
		for range n {
			msgs = append(msgs, &Message{Body: Field{Text: "Hi {{name}}"}, Source: src})
		}
		if fs := l.CheckFile(msgs); len(fs) > 0 {
			t.Errorf("%d messages: %d of them found their placeholders again in the file check", n, len(fs))
		}
		Recycle(l.CheckBatch(msgs[:3]))
		if msgs[0].holders != nil {
			t.Errorf("a stream's batch kept its placeholders")
		}
	}
}
