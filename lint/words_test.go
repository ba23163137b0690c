package lint

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// wordsByTokens is Message.Words worked out plainly: each word token, and
// the text from its end up to the next word or number token.
func wordsByTokens(text string, toks []Token) []WordToken {
	var out []WordToken
	for i, t := range toks {
		if t.Kind != Word {
			continue
		}
		end := len(text)
		for _, n := range toks[i+1:] {
			if n.Kind == Word || n.Kind == Number {
				end = n.Start
				break
			}
		}
		out = append(out, WordToken{Token: t, Tok: i, Gap: text[t.End:end]})
	}
	return out
}

// ignoreID leaves a word's id out of a comparison: ids are handed out in
// the order words are first met in the run (TestWordIDs holds them).
var ignoreID = cmpopts.IgnoreFields(WordToken{}, "ID")

func TestWords(t *testing.T) {
	m := &Message{Lang: English, Body: Field{Text: "A user, 2 users… an  Apple's?"}}
	want := []WordToken{
		{Token: Token{Start: 0, End: 1, Kind: Word, Norm: "a"}, Tok: 0, Gap: " "},
		{Token: Token{Start: 2, End: 6, Kind: Word, Norm: "user"}, Tok: 2, Gap: ", "},
		{Token: Token{Start: 10, End: 15, Kind: Word, Norm: "users"}, Tok: 7, Gap: "… "},
		{Token: Token{Start: 19, End: 21, Kind: Word, Norm: "an"}, Tok: 10, Gap: "  "},
		{Token: Token{Start: 23, End: 30, Kind: Word, Norm: "apple's"}, Tok: 12, Gap: "?"},
	}
	if diff := cmp.Diff(want, m.Words(), ignoreID); diff != "" {
		t.Fatalf("words (-want +got):\n%s", diff)
	}
	// An entry set by one rule is seen by the next, until Trim.
	m.Words()[1].Entry = "kept"
	if got := m.Words()[1].Entry; got != "kept" {
		t.Fatalf("entry %v, want kept", got)
	}
	m.Trim()
	for i, w := range m.Words() {
		if w.Entry != nil {
			t.Fatalf("word %d keeps entry %v after Trim", i, w.Entry)
		}
	}
	if got := (&Message{Body: Field{Text: " 12, !"}}).Words(); got == nil || len(got) != 0 {
		t.Fatalf("words of a text with none: %#v, want empty and not nil", got)
	}
}

// FuzzWords holds Message.Words, built from the end in one pass into a
// recycled slice, to the plain reading, message after message.
func FuzzWords(f *testing.F) {
	for _, s := range []string{"A user, 2 users… an  Apple's?", "Luma'ya 11-də gəl", "", "x", "İyi günler 🙂 a1b2"} {
		f.Add(s, "next message")
	}
	f.Fuzz(func(t *testing.T, text, next string) {
		for _, s := range []string{text, next, text} {
			m := &Message{Lang: Turkish, Body: Field{Text: s}}
			want := wordsByTokens(s, m.Tokens())
			got := m.Words()
			// Entries are nil, not the previous message's (set below).
			if diff := cmp.Diff(want, got, cmpopts.EquateEmpty(), ignoreID); diff != "" {
				t.Fatalf("%q (-want +got):\n%s", s, diff)
			}
			for i := range got {
				got[i].Entry = i // as a rule does
			}
			m.Trim()
		}
	})
}

// A message read as a stream is never seen by a file check: Remember keeps
// nothing of it, and a kept message keeps what it is given.
func TestRememberStreamed(t *testing.T) {
	type key struct{}
	kept := &Message{}
	kept.Remember(key{}, 1)
	if v, ok := kept.Recall(key{}); !ok || v != 1 {
		t.Errorf("kept message: Recall = %v, %v; want 1, true", v, ok)
	}
	streamed := &Message{Streamed: true}
	streamed.Remember(key{}, 1)
	if v, ok := streamed.Recall(key{}); ok {
		t.Errorf("streamed message: Recall = %v, true; want nothing kept", v)
	}
}

// Remember keeps a value for each key, the latest given, whichever of its
// places (the message itself, or the slice after it) holds it; a copy of
// the message keeps its own; the first value costs no allocation.
func TestRememberKeys(t *testing.T) {
	type a struct{}
	type b struct{ n int }
	m := &Message{}
	m.Remember(a{}, 1)
	m.Remember(b{1}, 2)
	m.Remember(b{2}, 3)
	m.Remember(a{}, 4)
	m.Remember(b{1}, 5)
	m.Remember(nil, 6)
	for _, c := range []struct {
		key  any
		want any
	}{{a{}, 4}, {b{1}, 5}, {b{2}, 3}, {nil, 6}} {
		if v, ok := m.Recall(c.key); !ok || v != c.want {
			t.Errorf("Recall(%v) = %v, %v; want %v", c.key, v, ok, c.want)
		}
	}
	if v, ok := m.Recall(b{3}); ok {
		t.Errorf("Recall of a key never kept = %v", v)
	}
	cp := *m
	cp.Remember(a{}, 7)
	if v, _ := m.Recall(a{}); v != 4 {
		t.Errorf("a copy's Remember changed the message's value to %v", v)
	}
	val := &struct{}{}
	if n := testing.AllocsPerRun(100, func() {
		var fresh Message
		fresh.Remember(a{}, val)
	}); n != 0 {
		t.Errorf("the first Remember allocates %v times", n)
	}
}
