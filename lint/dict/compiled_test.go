package dict

import (
	"bytes"
	"slices"
	"sort"
	"strings"
	"testing"
)

// FuzzListSearch holds the compiled list's look-ups to a binary search of
// its sorted words: for every word and its neighbours in byte order, the
// same rank, the same answer and the same no-suggest bit, whatever the
// words and however many blocks and chunks they fill.
func FuzzListSearch(f *testing.F) {
	f.Add("a b ab b slur w wx wxx", "ab", uint16(3))
	f.Add("siparişiniz sipariş siparişinizde siparişler", "sipariş", uint16(2000))
	f.Add("x", "", uint16(0))
	f.Fuzz(func(t *testing.T, text, query string, n uint16) {
		var forms []Form
		for i, w := range strings.Fields(text) {
			forms = append(forms, Form{Word: w, NoSuggest: i%3 == 2})
		}
		// Enough words for several chunks, each a word of the text with
		// a number, so that heads share long prefixes.
		for i := range int(n % 3000) {
			w := "w"
			if len(forms) > 0 {
				w = forms[i%len(forms)].Word
			}
			forms = append(forms, Form{Word: w + strings.Repeat("z", i%5) + string(rune('a'+i%26)) + string(rune('a'+i/26%26))})
		}
		var buf bytes.Buffer
		if err := Write(&buf, forms, nil); err != nil {
			return // an empty word
		}
		l, err := parseList(buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		if err := l.verify(); err != nil {
			t.Fatal(err)
		}
		// What Write keeps: each word once, plain if given plain at all.
		noSuggest := map[string]bool{}
		for _, f := range forms {
			if ns, ok := noSuggest[f.Word]; !ok || ns {
				noSuggest[f.Word] = f.NoSuggest
			}
		}
		words := make([]string, 0, len(noSuggest))
		for w := range noSuggest {
			words = append(words, w)
		}
		slices.Sort(words)
		if l.count != len(words) {
			t.Fatalf("count %d, want %d", l.count, len(words))
		}
		probe := func(q string) {
			rank := sort.SearchStrings(words, q)
			found := rank < len(words) && words[rank] == q
			r, ok, ns := l.search(q)
			if r != rank || ok != found || ns != (found && noSuggest[q]) {
				t.Fatalf("search(%q) = %d %v %v, want %d %v %v", q, r, ok, ns, rank, found, found && noSuggest[q])
			}
			if ok, ns := l.lookup(q); ok != found || ns != (found && noSuggest[q]) {
				t.Fatalf("lookup(%q) = %v %v, want %v", q, ok, ns, found)
			}
		}
		probe(query)
		for _, w := range words {
			probe(w)
			probe(w[:len(w)-1])
			probe(w + "\x00")
			probe(w + "\xff")
		}
		i := 0
		l.each(func(w string, ns bool) bool {
			if w != words[i] || ns != noSuggest[w] {
				t.Fatalf("each: %q at %d, want %q", w, i, words[i])
			}
			i++
			return true
		})
	})
}
