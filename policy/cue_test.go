package policy

import (
	"regexp/syntax"
	"testing"
)

func TestNeeds(t *testing.T) {
	cases := []struct {
		pattern string
		want    string // "*": none, the pattern runs on every text
	}{
		{`(?i)\bwelcome\s+(aboard|to\s+the)\b`, "(WELCOME (ABOARD|(TO THE)))"},
		{`(?i)(could|can)\s+you`, "((COULD|CAN) YOU)"}, // read whole, though the parser cuts them "c(ould|an)"
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
