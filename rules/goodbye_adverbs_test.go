package rules

import (
	"strings"
	"testing"

	"github.com/msglint/msglint/lint"
)

// An offer is read again without the adverbs inside it, but a text made of
// adverbs gets a bounded number of readings: a run longer than an offer
// holds is not cut whole, so such a text is checked at once and the offer
// behind it is not found.
func TestGoodbyeAdverbReadingsBounded(t *testing.T) {
	check, err := Goodbye.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text    string
		flagged bool
	}{
		{"Kargonuz yolda. Bize buradan her zaman ulaşabilirsiniz.", false},
		{"Kargonuz yolda. Bize " + strings.Repeat("buradan ", 4000) + "ulaşabilirsiniz.", true},
		{"Kargonuz yolda. " + strings.Repeat("Buradan bize. ", 2000), true},
	} {
		m := &lint.Message{Lang: lint.Turkish, Kind: lint.Closing, Body: lint.Field{Text: c.text}}
		n := 0
		check(lint.NewPass(m, func(lint.Diagnostic) { n++ }))
		if got := n > 0; got != c.flagged {
			t.Errorf("%.60q…: flagged %v, want %v", c.text, got, c.flagged)
		}
	}
}

// The adverbs come out of a set, which has no order: the longest is tried
// first, so a run is cut whole and every run of msglint cuts it the same way.
func TestGoodbyeAdverbsLongestFirst(t *testing.T) {
	got := phrases(map[lint.Lang]map[string]bool{lint.Turkish: {"her": true, "her zaman": true, "buradan": true, "artık": true}})[lint.Turkish]
	want := [][]string{{"her", "zaman"}, {"artık"}, {"buradan"}, {"her"}}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range want {
		if strings.Join(got[i], " ") != strings.Join(want[i], " ") {
			t.Fatalf("got %q, want %q", got, want)
		}
	}
}
