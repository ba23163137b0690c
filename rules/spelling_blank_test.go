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
	{"braces", regexp.MustCompile(`\{\{[^{}]*\}\}|%?\{[^{}]*\}`), spansOf(braceSpans)},
	{"colon", regexp.MustCompile(`(?:^|[\s(]):[a-z_][a-z0-9_]*`), spansOf(colonNameSpans)},
}

// spansOf collects what a finder calls its span function with.
func spansOf(find func(string, func(start, end int))) func(string) [][]int {
	return func(s string) [][]int {
		var out [][]int
		find(s, func(start, end int) { out = append(out, []int{start, end}) })
		return out
	}
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
		for i, nw := range notWords {
			if got, want := bytesIn(s, notWordChars).meets(notWordNeeds[i]), strings.ContainsAny(s, nw.needs); got != want {
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

// blankLinksByStrings is blankLinks as it was first written, a string made
// for each kind of link blanked: the reference for the one copy.
func blankLinksByStrings(text string) string {
	out := text
	if strings.Contains(out, "://") {
		var b []byte
		blankURLs(out, func(start, end int) {
			if b == nil {
				b = []byte(out)
			}
			for j := start; j < end; j++ {
				b[j] = ' '
			}
		})
		if b != nil {
			out = string(b)
		}
	}
	if strings.Contains(out, "www.") {
		out = wwwRE.ReplaceAllStringFunc(out, func(s string) string { return strings.Repeat(" ", len(s)) })
	}
	var b []byte
	for _, nw := range notWords {
		if !strings.ContainsAny(text, nw.needs) {
			continue
		}
		for _, loc := range spansOf(nw.find)(text) {
			if b == nil {
				b = []byte(out)
			}
			for i := loc[0]; i < loc[1]; i++ {
				b[i] = ' '
			}
		}
	}
	for from := 0; ; {
		i := strings.IndexByte(text[from:], '/')
		if i < 0 {
			break
		}
		i += from
		if start, end, ok := bareLink(text, i); ok {
			if b == nil {
				b = []byte(out)
			}
			for j := start; j < end; j++ {
				b[j] = ' '
			}
			i = end - 1
		}
		from = i + 1
	}
	if b != nil {
		out = string(b)
	}
	return out
}

// FuzzBlankLinks holds blankLinks, which blanks every kind in one copy of
// the text, to the reference that made a string for each.
func FuzzBlankLinks(f *testing.F) {
	for _, s := range append(handFoundSeeds, "see https://www.x.io/a and www.y.io/b, shop.com.tr/flas {{n}} @a #b <i>x</i>",
		"HTTP://x.io/y\tthen www.", "ftp://a https://b http://c ://d", "%s %1$d ${x} $y *|X|* [Y] mailto:a@b.co",
		// Slashes inside links, past the first four links, and a space
		// outside ASCII ending a bare link inside one.
		"a https://x.io/p\u00a0b.io/c https://y.io/q/r s.com/t https://z/1 https://w/2 xhttps://v.io/3/4 e.com/f/g") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := blankLinks(s), blankLinksByStrings(s); got != want {
			t.Errorf("blankLinks(%q) = %q, want %q", s, got, want)
		}
	})
}
