package rules

import (
	"slices"
	"strings"
	"testing"
)

func TestFirstLink(t *testing.T) {
	for _, c := range []struct {
		text string
		want []int
	}{
		{"Big sale this week. Shop now!", nil},
		{"Sale: shop.example.com/deals today", []int{6, 18}}, // the first domain ending, as the expression reads it,
		{"See https://x", []int{4, 13}},
		{"Visit WWW.1 now", []int{6, 11}},
		{"Open mağaza.ſhop", []int{5, 18}}, // (?i) folds ſ with s
		{"3.5 times more, e.g. now", nil},
	} {
		if got := firstLink(c.text); !slices.Equal(got, c.want) {
			t.Errorf("firstLink(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// FuzzFirstLink holds firstLink to the expression it skips on texts without
// a link: where it is run, and where not, the answer is the same.
func FuzzFirstLink(f *testing.F) {
	for _, s := range []string{"Big sale. Shop now", "shop.example.com", "www.x", "http://a", "a.ſhop", "WwW.", "e.g. 2.5", "x.Az/y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if want, got := urlRE.FindStringIndex(text), firstLink(text); !slices.Equal(want, got) {
			t.Fatalf("firstLink(%q) = %v, the expression %v", text, got, want)
		}
	})
}

// FuzzLinkFirst holds linkFirst, which reads the first field only, to the
// expression run over the whole text.
func FuzzLinkFirst(f *testing.F) {
	for _, s := range []string{" shop.example.com now", "new hours at x.com", "  https://a b", "www.x\ty", "\u00a0a.az", "a.comx", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		loc := urlRE.FindStringIndex(strings.TrimSpace(text))
		if want := loc != nil && loc[0] == 0; linkFirst(text) != want {
			t.Fatalf("linkFirst(%q) = %v, want %v", text, !want, want)
		}
	})
}
