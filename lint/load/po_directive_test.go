package load

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/msglint/msglint/lint"
	"gopkg.in/yaml.v3"
)

// A directive above a gettext entry covers the whole entry, its msgstr
// lines too (where the findings are), past the entry's other comments, and
// no further than the entry.
func TestPODirectiveCoversEntry(t *testing.T) {
	word := &lint.Rule{Name: "typo", Doc: lint.Doc{Severity: lint.Error, Default: true}, New: func(*yaml.Node) (lint.Check, error) {
		return func(p *lint.Pass) {
			for i := 0; ; {
				j := strings.Index(p.Msg.Body.Text[i:], "herkez")
				if j < 0 {
					return
				}
				p.Reportf(lint.Span{Start: i + j, End: i + j + len("herkez")}, "typo")
				i += j + 1
			}
		}, nil
	}}
	po := `msgid ""
msgstr "Language: tr\n"

# msglint-disable-next-line typo -- quoted from a customer
#: src/app.c:12
#, c-format
msgid "everyone %s"
msgstr ""
"Bir herkez "
"ve herkez %s"

msgid "everyone"
msgstr "herkez"

# msglint-disable-next-line typo
msgid "one"
msgid_plural "many"
msgstr[0] "herkez"
msgstr[1] "herkez"
msgid "next"
msgstr "herkez"
`
	msgs, err := Options{}.File("tr.po", []byte(po))
	if err != nil {
		t.Fatal(err)
	}
	l, err := lint.NewLinter([]*lint.Rule{word, lint.DirectiveRule}, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	fs := l.CheckFile(msgs)
	lint.SortFindings(fs)
	for _, f := range fs {
		got = append(got, fmt.Sprintf("%d:%d %s", f.Line, f.Col, f.Rule))
	}
	want := []string{"13:9 typo", "21:9 typo"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("findings (-want +got):\n%s", d)
	}
}
