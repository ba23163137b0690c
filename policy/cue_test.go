package policy

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp/syntax"
	"slices"
	"testing"
)

func TestNeeds(t *testing.T) {
	cases := []struct {
		pattern string
		want    []string // nil: none, the pattern runs on every text
	}{
		{`(?i)\bwelcome\s+(aboard|to\s+the)\b`, []string{"WELCOME"}},
		{`(?i)(could|can)\s+you`, []string{"YOU"}}, // the longest
		{`(?i)(yes|no)\s+\d`, []string{"YES", "NO"}},
		{`(\$|€|₺)\s?\d`, []string{"$", "€", "₺"}},
		{`(?i)of course`, []string{"COURSE"}}, // never a space: blanking makes them
		{`(?i)ürün|Ürün`, []string{"ÜRÜN"}},
		{`(?i)ıi`, []string{"ıI"}}, // dotless ı folds to itself
		{`a*b?`, nil},
		{`(?i)welcome|\d+`, nil}, // one part needs nothing
		{`[a-z]+@`, []string{"@"}},
	}
	for _, c := range cases {
		re, err := syntax.Parse(c.pattern, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := needs(re.Simplify())
		if !ok {
			got = nil
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: needs %q, want %q", c.pattern, got, c.want)
		}
	}
}

// A cue passes over no text it matches: every cue of every language,
// on every text of the quality sets and the transcripts, and on each of
// their sentences.
func TestCueNeedsMissNoMatch(t *testing.T) {
	var texts []string
	files, _ := filepath.Glob("../testdata/quality/*.jsonl")
	more, _ := filepath.Glob("../testdata/transcripts/*.jsonl")
	for _, f := range append(files, more...) {
		r, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(r)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var line struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &line) == nil && line.Text != "" {
				texts = append(texts, line.Text)
			}
		}
		r.Close()
	}
	if len(texts) < 500 {
		t.Fatalf("only %d texts", len(texts))
	}
	filtered, checked := 0, 0
	for lang, cs := range contextByLang() {
		all := append(append([]*cue{}, cs.amount...), cs.ask...)
		all = append(append(append(all, cs.wrong...), cs.newCustomer...), cs.question...)
		all = append(all, cs.pickup...)
		for d := range datums {
			all = append(append(all, cs.given[d]...), cs.noun[d]...)
		}
		for _, c := range all {
			for _, text := range texts {
				folded := fold(text)
				for _, s := range append(sentences(text), text) {
					checked++
					if !c.may(folded) {
						filtered++
						if c.re.MatchString(s) {
							t.Errorf("%s: %s matches %q, but its needs %q passed it over", lang, c.re, s, c.needs)
						}
					}
				}
			}
		}
	}
	// The needs must pass over most texts, or they are no use.
	if filtered < checked/2 {
		t.Errorf("the needs passed over %d of %d texts", filtered, checked)
	}
}
