package policy

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp/syntax"
	"testing"
)

func TestNeeds(t *testing.T) {
	cases := []struct {
		pattern string
		want    string // "*": none, the pattern runs on every text
	}{
		{`(?i)\bwelcome\s+(aboard|to\s+the)\b`, "(WELCOME (ABOARD|(TO THE)))"},
		{`(?i)(could|can)\s+you`, "((C (OULD|AN)) YOU)"}, // the parser factors out a prefix
		{`(?i)(yes|no)\s+\d`, "(YES|NO)"},
		{`(\$|€|₺)\s?\d`, "($|€|₺)"},
		{`(?i)of course`, "(OF COURSE)"}, // never a space: blanking makes them
		{`(?i)ürün|Ürün`, "ÜRÜN"},
		{`(?i)ıi`, "ıI"}, // dotless ı folds to itself
		{`a*b?`, "*"},
		{`(?i)welcome|\d+`, "*"}, // one part needs nothing
		{`[a-z]+@`, "@"},
		{`(?i)^\W*((hi|hello)\s+)?(yes|no)\b`, "(YES|NO)"}, // an optional part needs nothing
	}
	for _, c := range cases {
		re, err := syntax.Parse(c.pattern, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		if got := needOf(re.Simplify()).String(); got != c.want {
			t.Errorf("%s: needs %s, want %s", c.pattern, got, c.want)
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
							t.Errorf("%s: %s matches %q, but its needs %s passed it over", lang, c.re, s, c.need)
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
