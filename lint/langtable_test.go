package lint

import (
	"strings"
	"testing"
)

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

// ParseLang and ParseChannel answer a code written as the registry writes
// it before they lower it: the same answer, as every code is its own lower
// case.
func TestParseAsWritten(t *testing.T) {
	for _, l := range Langs {
		for _, s := range []string{string(l), strings.ToUpper(string(l)), string(l) + "-XX"} {
			if got, err := ParseLang(s); got != l || err != nil {
				t.Errorf("ParseLang(%q) = %q, %v", s, got, err)
			}
		}
	}
	for _, c := range Channels {
		if strings.ToLower(string(c)) != string(c) {
			t.Errorf("channel %q is not its own lower case", c)
		}
		for _, s := range []string{string(c), strings.ToUpper(string(c))} {
			if got, err := ParseChannel(s); got != c || err != nil {
				t.Errorf("ParseChannel(%q) = %q, %v", s, got, err)
			}
		}
	}
}
