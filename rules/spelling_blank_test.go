package rules

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The placeholders found by hand are exactly what the patterns they stand
// for find.
var handFound = []struct {
	name    string
	pattern *regexp.Regexp
	find    func(string) [][]int
}{
	{"braces", regexp.MustCompile(`\{\{[^{}]*\}\}|%?\{[^{}]*\}`), braceSpans},
	{"colon", regexp.MustCompile(`(?:^|[\s(]):[a-z_][a-z0-9_]*`), colonNameSpans},
}

var handFoundSeeds = []string{
	"", "{", "}", "{}", "{{}}", "{{x}", "{x}}", "%{x}", "%{{x}}", "%%{x}", "{{{x}}}", "{a{b}c}",
	"Hi {{first_name}}, your {order} is %{count} of {{ total }}!", "{{a}}{{b}}{c}%{d}", "{{a\nb}}", "\xff{x\xfe}",
	":", ":a", "a:b", " :name", "(:x)(:y_1)", "at 14:00 :tomorrow", "https://luma.example/x", "\t:_a9Z", ":A", "x\n:y",
}

func TestHandFoundSpans(t *testing.T) {
	for _, nw := range notWords {
		if !isASCIIString(nw.needs) {
			t.Errorf("notWords needs %q: the set of a text's characters holds ASCII only", nw.needs)
		}
	}
	for _, h := range handFound {
		for _, s := range handFoundSeeds {
			if got, want := h.find(s), h.pattern.FindAllStringIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
				t.Errorf("%s %q: %v, the pattern finds %v", h.name, s, got, want)
			}
		}
	}
}

func FuzzHandFoundSpans(f *testing.F) {
	for _, s := range handFoundSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, nw := range notWords {
			if got, want := bytesIn(s, notWordChars).any(nw.needs), strings.ContainsAny(s, nw.needs); got != want {
				t.Errorf("%q has any of %q: %v, want %v", s, nw.needs, got, want)
			}
		}
		for _, h := range handFound {
			if got, want := h.find(s), h.pattern.FindAllStringIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
				t.Errorf("%s %q: %v, the pattern finds %v", h.name, s, got, want)
			}
		}
	})
}

// FuzzHasDottedWord holds hasDottedWord to the byte-by-byte scan it
// stands for.
func FuzzHasDottedWord(f *testing.F) {
	for _, s := range []string{"", ".", "a.", ".a", "a.b", "Thanks.We", "1.5", "a..b", "a. b", "luma.example/x", "é.a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := false
		for i := 1; i+1 < len(s); i++ {
			if s[i] == '.' && isASCIIAlnum(s[i-1]) && isASCIIAlnum(s[i+1]) {
				want = true
			}
		}
		if got := hasDottedWord(s); got != want {
			t.Errorf("hasDottedWord(%q) = %v, want %v", s, got, want)
		}
	})
}
