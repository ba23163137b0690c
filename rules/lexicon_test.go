package rules

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
	"gopkg.in/yaml.v3"
)

// Every data file loads, and every list of every rule compiles to cues.
func TestBuiltinLexicons(t *testing.T) {
	for _, r := range All() {
		for l, lists := range r.Lexicon {
			for name, cues := range lists {
				if len(cues) == 0 {
					t.Errorf("%s: %s.%s is empty", r.Name, l, name)
				}
				for _, c := range cues {
					if err := lint.CheckCue(c); err != nil {
						t.Errorf("%s: %s.%s: %v", r.Name, l, name, err)
					}
				}
			}
		}
	}
}

func TestLexiconOptions(t *testing.T) {
	closing := load.Options{Lang: lint.Turkish, Kind: lint.Closing}
	// Added cue: "kazasız belasız" becomes a goodbye.
	if got := check(t, Goodbye, "add: {tr: {farewell: [kazasız belasız]}}", closing, "İşleminiz tamam, kazasız belasız."); got != nil {
		t.Errorf("added cue not used: %v", got)
	}
	if got := check(t, Goodbye, "", closing, "İşleminiz tamam, kazasız belasız."); len(got) != 1 {
		t.Errorf("without the cue: %v", got)
	}
	// Replaced list: only the new cues count.
	got := check(t, Goodbye, "replace: {tr: {farewell: [kolay gelsin], thanks: [x], help: [y], wish: [z]}}", closing, "İyi günler!")
	if len(got) != 1 {
		t.Errorf("replaced list still matches the old cues: %v", got)
	}
	for opts, want := range map[string]string{
		"add: {de: {farewell: [tschüss]}}":    `add: no word lists for "de" (have az, en, tr)`,
		"add: {tr: {farewel: [x]}}":           `add.tr: unknown list "farewel" (have answer, asked_back, await, await_you, contact, farewell, help, help_verbs, thanks, wish)`,
		"replace: {en: {thanks: [x]}}\nx: 1":  `line 2: unknown option "x" (known: kinds, add, replace)`,
		"add: {tr: {farewell: [\"\"]}}":       `add.tr.farewell: empty cue`,
		"add: {tr: {farewell: [kal*(fiil)]}}": `add.tr.farewell: cue "kal*(fiil)": a lemma's ending * takes (verb) or (noun) after it, or nothing`,
	} {
		var doc yaml.Node
		yaml.Unmarshal([]byte(opts), &doc)
		if _, err := Goodbye.New(doc.Content[0]); err == nil || err.Error() != want {
			t.Errorf("%q: %v, want %s", opts, err, want)
		}
	}
}

// Turkish and Azerbaijani matching: dotted/dotless I, NFC, typographic
// apostrophes, suffixes.
func TestTurkicMatching(t *testing.T) {
	cases := []struct {
		lang lint.Lang
		text string
	}{
		{lint.Turkish, "İYİ GÜNLER"},                            // İ/I fold to i/ı
		{lint.Turkish, "Teşekkürlerimizle"},                     // suffixes
		{lint.Turkish, "Tes\u0327ekku\u0308rler"},               // decomposed ş and ü (NFC)
		{lint.Azerbaijani, "Sağ olun, XOŞ GÜNLƏR!"},             // Azerbaijani ə in capitals
		{lint.Azerbaijani, "Başqa sualınız varmı?"},             // the particle written together
		{lint.English, "We’re here if you need anything else."}, // typographic apostrophe
	}
	for _, c := range cases {
		if got := check(t, Goodbye, "", load.Options{Lang: c.lang, Kind: lint.Closing}, c.text); got != nil {
			t.Errorf("%s %q: %v", c.lang, c.text, got)
		}
	}
	if d := cmp.Diff([]string{"0-0 severity(0) closing message has no goodbye: no farewell, no thanks and no offer of more help"},
		check(t, Goodbye, "", load.Options{Lang: lint.Turkish, Kind: lint.Closing}, "İyi bir gün seçtiniz")); d != "" {
		t.Errorf("\"iyi bir gün\" is not \"iyi günler\": %s", d)
	}
}

// FuzzSentenceOf: the binary search finds the sentence a scan finds, and so
// does a walk (sentenceFrom).
func FuzzSentenceOf(f *testing.F) {
	f.Add([]byte{3, 0, 5, 2}, 4)
	f.Add([]byte{}, 0)
	f.Add([]byte{1, 1, 1}, 2)
	f.Fuzz(func(t *testing.T, lengths []byte, off int) {
		var sents []lint.Span
		at := 0
		for _, n := range lengths {
			sents = append(sents, lint.Span{Start: at, End: at + int(n)})
			at += int(n)
		}
		want := len(sents) - 1
		for i, s := range sents {
			if off < s.End {
				want = i
				break
			}
		}
		if got := sentenceOf(sents, off); got != want {
			t.Fatalf("sentenceOf(%v, %d) = %d, want %d", sents, off, got, want)
		}
		// A walk over every offset up to off in order answers as the
		// search does at each.
		i := min(0, len(sents)-1)
		for o := 0; o <= min(off, at+1); o++ {
			if i = sentenceFrom(sents, i, o); i != sentenceOf(sents, o) {
				t.Fatalf("sentenceFrom(%v, …, %d) = %d, sentenceOf %d", sents, o, i, sentenceOf(sents, o))
			}
		}
	})
}

// findAllByMatch is findAll as it was: each match appended to each of its
// lists' slices one by one. findAll is held to it.
func findAllByMatch(pb phraseBook, m *lint.Message) map[string][]lint.Match {
	c, ok := pb.combined(m.Lang)
	if !ok {
		return nil
	}
	found := c.p.FindIn(m)
	if pb.typos {
		found = c.p.FindTypos(m.Body.Text, m.Tokens())
	}
	// Filed by the cue's text, as they were before by number.
	byCue := map[string][]int32{}
	for i, name := range pb.names {
		for _, cue := range pb.lx[m.Lang][name] {
			if !slices.Contains(byCue[cue], int32(i)) {
				byCue[cue] = append(byCue[cue], int32(i))
			}
		}
	}
	var out map[string][]lint.Match
	for _, mt := range found {
		if out == nil {
			out = map[string][]lint.Match{}
		}
		for _, l := range byCue[mt.Cue] {
			out[c.names[l]] = append(out[c.names[l]], mt)
		}
	}
	return out
}

// checkLists holds findLists to findAll's answer want: each list's
// matches under its number, the numbers of the lists found in s.hits, two
// empty entries for the caller after the lists, and each list's slice
// capped at its own.
func checkLists(t *testing.T, pb phraseBook, m *lint.Message, want map[string][]lint.Match, s *cueScratch) {
	t.Helper()
	lists := pb.findLists(m, s, len(pb.names)+2)
	if len(lists) != len(pb.names)+2 || lists[len(pb.names)] != nil || lists[len(pb.names)+1] != nil {
		t.Fatalf("%q: %d lists for %d names, or the caller's not empty", m.Body.Text, len(lists), len(pb.names))
	}
	var hits []int32
	for i, name := range pb.names {
		if d := cmp.Diff(want[name], lists[i], cmpopts.EquateEmpty()); d != "" {
			t.Fatalf("%q: list %s (%d): %s", m.Body.Text, name, i, d)
		}
		if len(lists[i]) > 0 {
			hits = append(hits, int32(i))
			if cap(lists[i]) != len(lists[i]) {
				t.Fatalf("%q: list %s not capped", m.Body.Text, name)
			}
		}
	}
	if !slices.Equal(hits, s.hits) {
		t.Fatalf("%q: lists found %v, hits %v", m.Body.Text, hits, s.hits)
	}
	lists[len(pb.names)] = []lint.Match{{Cue: "the caller's"}} // the next call clears it
}

// Every rule's lexicon, as written and one typo away, on the blind sets'
// messages: findAll sorts the matches into the lists as one append per
// match did, and a list's slice grows without writing over another's.
func TestFindAllIsByMatch(t *testing.T) {
	found := 0
	for _, r := range All() {
		if len(r.Lexicon) == 0 {
			continue
		}
		plain := Lexicon(r.Lexicon).compile()
		for _, pb := range []phraseBook{plain, plain.withTypos()} {
			var scratch, flat cueScratch // reused from one message to the next
			for _, l := range lint.Langs {
				raw, err := os.ReadFile(filepath.Join("..", "testdata", "quality", string(l)+".jsonl"))
				if err != nil {
					continue
				}
				for line := range strings.Lines(string(raw)) {
					var rec struct{ Text string }
					if json.Unmarshal([]byte(line), &rec) != nil || rec.Text == "" {
						continue
					}
					m := &lint.Message{Lang: l, Body: lint.Field{Text: rec.Text}}
					want := findAllByMatch(pb, m)
					got := pb.findAll(m)
					if d := cmp.Diff(want, got); d != "" {
						t.Fatalf("%s %s %q: %s", r.Name, l, rec.Text, d)
					}
					for _, ms := range got {
						found += len(ms)
						_ = append(ms, lint.Match{Cue: "appended"})
					}
					if d := cmp.Diff(want, got); d != "" {
						t.Fatalf("%s %s %q: appending to one list wrote over another: %s", r.Name, l, rec.Text, d)
					}
					if d := cmp.Diff(want, pb.findAllIn(m, &scratch)); d != "" {
						t.Fatalf("%s %s %q: in memory of the messages before: %s", r.Name, l, rec.Text, d)
					}
					checkLists(t, pb, m, want, &flat)
					m.Trim()
				}
			}
		}
	}
	if found < 1000 {
		t.Errorf("only %d matches: the test compares too little", found)
	}
}

// A list found by its number is the one found by its name, in every
// language, and a name no language has finds nothing.
func TestListNumbers(t *testing.T) {
	for _, pb := range []phraseBook{sarcasmCues(), forwardingLexicon.compile()} {
		if pb.by.names.seed == 0 {
			t.Errorf("no seed numbers the %d list names", len(pb.names))
		}
		for i, name := range pb.names {
			if n, ok := pb.by.names.number(name); !ok || n != i {
				t.Errorf("%q: number %d, %v; want %d", name, n, ok, i)
			}
			if n, _ := pb.by.names.number(name + "x"); n >= 0 {
				t.Errorf("%q: numbered %d", name+"x", n)
			}
			for _, l := range []lint.Lang{lint.English, lint.Turkish, lint.Azerbaijani, "xx"} {
				m := &lint.Message{Lang: l}
				if got, want := pb.listIn(m, name), pb.list(l, name); got != want {
					t.Errorf("%s %q: listIn %p, list %p", l, name, got, want)
				}
			}
		}
	}
}
