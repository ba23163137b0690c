package rules

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/msglint/msglint/bench/gen"
	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
)

// CheckMessages and CheckBatch collect findings in buffers they reuse: what
// they return, call after call, is what checking the messages one by one
// finds, in the same order.
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
			same(t, want, l.CheckMessages(msgs), fmt.Sprintf("%d messages, CheckMessages call %d", n, run))
			fs := l.CheckBatch(msgs)
			same(t, want, fs, fmt.Sprintf("%d messages, CheckBatch call %d", n, run))
			lint.Recycle(fs)
		}
	}
}

func same(t *testing.T, want, got []lint.Finding, what string) {
	t.Helper()
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty(), cmpopts.IgnoreFields(lint.Finding{}, "Msg")); diff != "" {
		t.Fatalf("%s (-one by one +together):\n%s", what, diff)
	}
	for i := range got {
		if got[i].Msg != want[i].Msg {
			t.Fatalf("%s: finding %d is on another message", what, i)
		}
	}
}
