package lint

import (
	"testing"

	"github.com/msglint/msglint/lint/placeholder"
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
