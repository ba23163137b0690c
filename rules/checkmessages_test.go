package rules

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/msglint/msglint/bench/gen"
	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
)

// CheckMessages collects findings in buffers it reuses and copies them out
// at their size: what it returns, call after call, is what checking the
// messages one by one finds, in the same order.
func TestCheckMessagesSameAsOneByOne(t *testing.T) {
	l, err := lint.NewLinter(All(), nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{1, 100, 600} { // one chunk, and several
		msgs, err := load.Options{}.File("lib.yaml", gen.Library(n, 3))
		if err != nil {
			t.Fatal(err)
		}
		var want []lint.Finding
		for _, m := range msgs {
			want = append(want, l.Check(m)...)
		}
		if n > 1 && len(want) == 0 {
			t.Fatalf("%d messages: no findings to compare", n)
		}
		for run := range 3 {
			got := l.CheckMessages(msgs)
			if diff := cmp.Diff(want, got, cmpopts.EquateEmpty(), cmpopts.IgnoreFields(lint.Finding{}, "Msg")); diff != "" {
				t.Fatalf("%d messages, call %d (-one by one +CheckMessages):\n%s", n, run, diff)
			}
			for i := range got {
				if got[i].Msg != want[i].Msg {
					t.Fatalf("%d messages, call %d: finding %d is on another message", n, run, i)
				}
			}
		}
	}
}
