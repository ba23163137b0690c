package lint

import "testing"

// A table answers what the map it was made of answers, for every language,
// one it lacks and one never registered, and follows a message whose
// language is set again.
func TestLangTable(t *testing.T) {
	m := map[Lang]int{English: 1, Azerbaijani: 3, "xx": 9}
	table := NewLangTable(m)
	msg := &Message{}
	for _, l := range append(append([]Lang{}, Langs...), "xx", "yy", "") {
		msg.Lang = l
		if got := table.Of(msg); got != m[l] {
			t.Errorf("Of(%q) = %d, want %d", l, got, m[l])
		}
		copied := *msg
		copied.Lang = Lang(string([]byte(l))) // the same code in another string
		if got := table.Of(&copied); got != m[l] {
			t.Errorf("Of(copy %q) = %d, want %d", l, got, m[l])
		}
	}
	msg.Lang = English
	table.Of(msg)
	msg.Lang = Azerbaijani
	if got := table.Of(msg); got != 3 {
		t.Errorf("after Lang changed, Of = %d, want 3", got)
	}
}
