package rules

import (
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
)

// checkRepeatedByTriples is checkRepeated as it was first written: every
// three tokens in a row asked whether they are a word, a space and the
// same word. checkRepeated is held to it.
func checkRepeatedByTriples(p *lint.Pass, allow map[string]bool) {
	toks := p.Msg.Tokens()
	for i := 0; i+2 < len(toks); i++ {
		a, sp, b := &toks[i], &toks[i+1], &toks[i+2]
		if a.Kind != lint.Word || sp.Kind != lint.Space || b.Kind != lint.Word || a.Norm != b.Norm {
			continue
		}
		if allow[a.Norm] || p.Msg.InPlaceholder(lint.Span{Start: a.Start, End: b.End}) {
			continue
		}
		if i+4 < len(toks) && toks[i+3].Kind == lint.Space && toks[i+4].Kind == lint.Word &&
			slices.Contains(repeatedData.Langs[p.Msg.Lang].Words["postpositions"], toks[i+4].Norm) {
			continue
		}
		p.Report(lint.Diagnostic{
			Span:       lint.Span{Start: a.End, End: b.End},
			Message:    fmt.Sprintf("%q is written twice in a row", p.Msg.Body.Text[b.Start:b.End]),
			Suggestion: "remove the second " + fmt.Sprintf("%q", p.Msg.Body.Text[b.Start:b.End]),
		})
	}
}

func FuzzRepeated(f *testing.F) {
	for _, s := range []string{"the the", "The the cat", "a  a", "yanıt yanıt olarak", "x, x", "{{ name }} name name", "very very good",
		"Biz biz", "is is is", "1 1", "ok ok!", "go\tgo", "had had", ""} {
		f.Add(s)
	}
	allow := map[string]bool{"very": true, "had": true}
	f.Fuzz(func(t *testing.T, text string) {
		for _, l := range []lint.Lang{lint.English, lint.Turkish, lint.Azerbaijani} {
			var got, want []lint.Diagnostic
			m := load.Options{Lang: l}.Text("draft", text)
			checkRepeated(lint.NewPass(m, func(d lint.Diagnostic) { got = append(got, d) }), allow)
			checkRepeatedByTriples(lint.NewPass(m, func(d lint.Diagnostic) { want = append(want, d) }), allow)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s %q: %v, by triples %v", l, text, got, want)
			}
		}
	})
}
