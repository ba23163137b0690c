package policy_test

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/msglint/msglint/policy"
)

// msglint stats counts the context rules' findings per channel: the
// fixtures' re-asks, repeats and ignored questions.
func TestContextStats(t *testing.T) {
	c, _ := checker(t)
	total := policy.NewStats()
	for _, lang := range []string{"en", "tr", "az"} {
		path := "../testdata/transcripts/context-cases-" + lang + ".jsonl"
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		res, err := c.Run(path, f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		total.Merge(res.Stats)
	}
	type counts struct{ ReAsks, Repeats, Ignored int }
	var got []counts
	for _, r := range total.Rows() {
		got = append(got, counts{r.ReAsks, r.Repeats, r.Ignored})
	}
	// messenger, then the total: 2+4+4 re-asks, 2 repeats and 1 ignored
	// question per language.
	want := []counts{{10, 6, 3}, {10, 6, 3}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}
