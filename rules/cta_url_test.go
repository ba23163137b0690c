package rules

import "testing"

// FuzzFindURL holds findURL, which skips the regexp for a text that cannot
// have a link, to the regexp itself.
func FuzzFindURL(f *testing.F) {
	for _, s := range []string{"", "Visit luma.com today", "See https://x", "WWW.LUMA.AZ", "luma.ſhop/x", "Done. Thanks.", "a.b.c", "www", ".com", "x.co", "ünal.az",
		"Sale ends Friday. Shop now.", "Endirim bitir.Tələsin", "Ödeme.Tamam", "site.Example/path"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := findURL(s), urlRE.FindStringIndex(s)
		if len(got) != len(want) || len(got) == 2 && (got[0] != want[0] || got[1] != want[1]) {
			t.Fatalf("findURL(%q) = %v, the regexp %v", s, got, want)
		}
	})
}

// A text without a dot or "://" is not searched; one is.
func TestMayHaveURL(t *testing.T) {
	for s, want := range map[string]bool{
		"Sale ends Friday! Shop now": false, "Sale ends Friday. Shop now.": false, "Get 20% off, today only.": false,
		"Visit luma.com": true, "http://x": true, "www.x": true, "luma.ſhop": true, "x.Net": true,
	} {
		if got := mayHaveURL(s); got != want {
			t.Errorf("mayHaveURL(%q) = %v, want %v", s, got, want)
		}
	}
}
