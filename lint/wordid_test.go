package lint

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"gopkg.in/yaml.v3"
)

// idTexts checks that every id seen names one text, recording each.
type idTexts map[WordID]string

func (seen idTexts) check(t *testing.T, id WordID, text string) {
	t.Helper()
	if id == 0 {
		return
	}
	if was, ok := seen[id]; ok && was != text {
		t.Fatalf("id %d names %q and %q", id, was, text)
	}
	seen[id] = text
}

// Any texts, message after message: a word has an id unless it is longer
// than any word kept or the ids are all out, the other tokens none; an id
// names one text, and a text met again has the id it had; a word's record
// carries its token's id.
func FuzzWordIDs(f *testing.F) {
	for _, s := range []string{"A user, 2 users… an  Apple's?", "Luma'ya 11-də gəl", "", "x",
		"İyi günler 🙂 a1b2", strings.Repeat("long", 20) + " long"} {
		f.Add(s, "next message a user")
	}
	seen := idTexts{}
	byText := map[string]WordID{}
	f.Fuzz(func(t *testing.T, text, next string) {
		for _, s := range []string{text, next, text} {
			for _, l := range []Lang{English, Turkish} {
				m := &Message{Lang: l, Body: Field{Text: s}}
				toks := m.Tokens()
				ids := m.WordIDs()
				if len(ids) != len(toks) {
					t.Fatalf("%q: %d ids for %d tokens", s, len(ids), len(toks))
				}
				for i, tk := range toks {
					w := s[tk.Start:tk.End]
					switch id := ids[i]; {
					case tk.Kind != Word && id != 0:
						t.Fatalf("%q: token %q (kind %v) has id %d", s, w, tk.Kind, id)
					case tk.Kind == Word && len(w) <= maxCachedLen && id == 0 && !wordIDs.out():
						t.Fatalf("%q: word %q has no id", s, w)
					case tk.Kind == Word && len(w) > maxCachedLen && id != 0:
						t.Fatalf("%q: word of %d bytes has id %d", s, len(w), id)
					case id != 0:
						seen.check(t, id, w)
						if was, ok := byText[w]; ok && was != id {
							t.Fatalf("%q: %q has id %d, had %d", s, w, id, was)
						}
						byText[w] = id
					}
				}
				for _, w := range m.Words() {
					if w.ID != ids[w.Tok] {
						t.Fatalf("%q: word %q carries id %d, its token %d", s, s[w.Start:w.End], w.ID, ids[w.Tok])
					}
				}
				m.Trim()
			}
		}
	})
}

// A table of ten ids hands out nine, in order, then none; a word given
// one keeps it, and the others have 0 for ever.
func TestWordIDsRunOut(t *testing.T) {
	ids := newWordIDTable(10)
	for i := range 12 {
		want := WordID(i + 1)
		if i >= 9 {
			want = 0
		}
		w := fmt.Sprintf("w%d", i)
		if got := ids.id(w); got != want {
			t.Fatalf("%s: id %d, want %d", w, got, want)
		}
	}
	for i := range 12 {
		want := WordID(i + 1)
		if i >= 9 {
			want = 0
		}
		if got := ids.id(fmt.Sprintf("w%d", i)); got != want {
			t.Fatalf("w%d asked again: id %d, want %d", i, got, want)
		}
	}
	if !ids.out() || ids.id("") != 0 || ids.id(strings.Repeat("x", maxCachedLen+1)) != 0 {
		t.Fatal("an empty or overlong word has an id, or the ids are not out")
	}
}

// Goroutines meeting the same new words together: each id still names
// one text, and a text's id, once the goroutines are done, is one id.
func TestWordIDsConcurrent(t *testing.T) {
	const workers, words = 8, 300
	ids := newWordIDTable(maxWordIDs)
	got := make([]map[string]WordID, workers)
	var wg sync.WaitGroup
	for g := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[g] = map[string]WordID{}
			for i := range words {
				w := fmt.Sprintf("concurrentword%d", (i*7+g)%words)
				got[g][w] = ids.id(w)
			}
		}()
	}
	wg.Wait()
	seen := idTexts{}
	for _, byWord := range got {
		for w, id := range byWord {
			if id == 0 {
				t.Fatalf("%q has no id", w)
			}
			seen.check(t, id, w)
		}
	}
	for i := range words {
		w := fmt.Sprintf("concurrentword%d", i)
		if a, b := ids.id(w), ids.id(w); a != b || a == 0 {
			t.Fatalf("%q: ids %d then %d once settled", w, a, b)
		}
	}
}

// WordValues keeps an answer for each id but 0, across chunks, and
// answers nil for one it was not given; goroutines put and get at once.
func TestWordValues(t *testing.T) {
	var s WordValues[string]
	a, b := "a", "b"
	s.Put(0, &a)
	if got := s.Get(0); got != nil {
		t.Fatalf("id 0 kept %q", *got)
	}
	for _, id := range []WordID{1, 1023, 1024, 5000, maxWordIDs - 1} {
		if got := s.Get(id); got != nil {
			t.Fatalf("id %d: %q before any put", id, *got)
		}
		s.Put(id, &a)
		if got := s.Get(id); got != &a {
			t.Fatalf("id %d: got %v, want the value put", id, got)
		}
		s.Put(id, &b)
		if got := s.Get(id); got != &b {
			t.Fatalf("id %d: got %v after a second put", id, got)
		}
	}
	if got := s.Get(2); got != nil {
		t.Fatalf("id 2: %q, never put", *got)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for id := WordID(1); id < 4096; id++ {
				v := fmt.Sprint(id)
				if got := s.Get(id + WordID(g)); got != nil && *got != fmt.Sprint(id+WordID(g)) && *got != "a" && *got != "b" {
					t.Errorf("id %d: %q", id, *got)
				}
				s.Put(id, &v)
			}
		}()
	}
	wg.Wait()
	for id := WordID(2); id < 4096; id++ {
		if id == 1023 || id == 1024 {
			continue
		}
		if got := s.Get(id); got == nil || *got != fmt.Sprint(id) {
			t.Fatalf("id %d: %v", id, got)
		}
	}
}

// The engine works a message's ids out before its rules run when two
// running rules or more read them, and not for one alone, nor for a rule
// that does not read them.
func TestEngineWordIDs(t *testing.T) {
	var saw []bool
	rule := func(name string, reads bool) *Rule {
		return &Rule{Name: name, ReadsWordIDs: reads, New: func(*yaml.Node) (Check, error) {
			return func(p *Pass) { saw = append(saw, p.Msg.HasWordIDs()) }, nil
		}}
	}
	for _, c := range []struct {
		rules []*Rule
		want  bool
	}{
		{[]*Rule{rule("a", true)}, false},
		{[]*Rule{rule("a", true), rule("b", false)}, false},
		{[]*Rule{rule("a", true), rule("b", true)}, true},
	} {
		var names []string
		for _, r := range c.rules {
			names = append(names, r.Name)
		}
		l, err := NewLinter(c.rules, nil, names, nil)
		if err != nil {
			t.Fatal(err)
		}
		saw = nil
		m := &Message{Lang: English, Body: Field{Text: "a user"}}
		l.Check(m)
		if len(saw) != len(c.rules) || slices.Contains(saw, !c.want) {
			t.Fatalf("%v: rules saw ids %v, want %v", names, saw, c.want)
		}
		m.Trim()
	}
}
