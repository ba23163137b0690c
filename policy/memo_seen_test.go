package policy

import (
	"strconv"
	"testing"

	"github.com/msglint/msglint/lint"
)

// A worker memoizes a text the second time it meets it: texts met once
// (a customer's own words) leave the memos empty, however many there are,
// and a text met again gets one, the same from then on.
func TestTextMemoSecondTime(t *testing.T) {
	var r run
	event := func(text string) *Event {
		return &Event{Text: text, made: true, msg: &lint.Message{Body: lint.Field{Text: text}}}
	}
	for i := range 10 * seenTexts {
		if m := r.textMemo(event("a text never repeated " + strconv.Itoa(i))); m != nil {
			t.Fatalf("text %d met once got a memo", i)
		}
	}
	if len(r.memos) != 0 {
		t.Fatalf("%d memos of texts met once", len(r.memos))
	}
	const again = "where is my order"
	if r.textMemo(event(again)) != nil {
		t.Fatal("a text met once got a memo")
	}
	first := r.textMemo(event(again))
	if first == nil {
		t.Fatal("a text met twice got no memo")
	}
	if r.textMemo(event(again)) != first {
		t.Fatal("a text's memo was not kept")
	}
}
