package lint

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"
)

// brittleRule panics on a message whose text holds "boom", as a rule with
// a bug would on text nobody tried; sameForText marks it as the memo's.
func brittleRule(sameForText bool) *Rule {
	return &Rule{Name: "brittle", SameForText: sameForText, Doc: Doc{Severity: Warning, Default: true}, New: func(*yaml.Node) (Check, error) {
		return func(p *Pass) {
			if strings.Contains(p.Msg.Body.Text, "boom") {
				var toks []Token
				_ = toks[len(p.Msg.Body.Text)] // index out of range, as a bug would
			}
		}, nil
	}}
}

// A rule that panics fails its message with an error naming the rule, at
// the message's line; the other rules and the other messages are still
// checked, and a text met again (the memo) fails again rather than pass.
func TestRulePanicFailsItsMessageOnly(t *testing.T) {
	for _, same := range []bool{false, true} {
		l, err := NewLinter([]*Rule{brittleRule(same), wordRule("typo", "typo")}, nil, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		fs := l.CheckFile(linesFile("typo boom\nfine typo\ntypo boom\n", nil, func(string) bool { return false }))
		var got []string
		for _, f := range fs {
			got = append(got, fmt.Sprintf("%d:%d %s %s %s", f.Line, f.Col, f.Rule, f.Severity, f.Message))
		}
		failed := "brittle error msglint's brittle rule failed on this message (runtime error: index out of range [9] with length 0), so it was not fully checked: please report this message to msglint"
		want := []string{"1:1 " + failed, "1:1 typo error typo", "2:6 typo error typo", "3:1 " + failed, "3:1 typo error typo"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("same for text %v: findings (-want +got):\n%s", same, diff)
		}
	}
}
