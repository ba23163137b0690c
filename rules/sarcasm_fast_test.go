package rules

import (
	"encoding/json"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/msglint/msglint/bench/gen"
	"github.com/msglint/msglint/internal/logreg"
	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
)

// sarcasmTestMessages are the quality sets' messages, in their languages,
// also folded, and a generated library.
func sarcasmTestMessages(t *testing.T) []*lint.Message {
	t.Helper()
	msgs, err := load.Options{}.File("lib.yaml", gen.Library(500, 7))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lint.Langs {
		data, err := os.ReadFile("../testdata/quality/" + string(l) + ".jsonl")
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
			var rec struct{ Text string }
			if err := json.Unmarshal([]byte(line), &rec); err != nil {
				t.Fatal(err)
			}
			msgs = append(msgs, load.Options{Lang: l}.Text("q", rec.Text))
			// And as typed without the language's letters.
			if folded := lint.Fold(l, rec.Text); folded != rec.Text {
				msgs = append(msgs, load.Options{Lang: l}.Text("q", folded))
			}
		}
	}
	return msgs
}

// The frames a message does not open (framesOpened) are skipped: each of
// them finds nothing, so the frames tried give what trying all did, in
// the same order.
func TestFramesOpened(t *testing.T) {
	you := sarcasmCustomer()
	opens := 0
	for _, m := range sarcasmTestMessages(t) {
		found := findCues(sarcasmCues(), m, &cueScratch{})
		you.refine(m, found)
		opened := framesOpened(found, nil)
		if !slices.IsSorted(opened) || len(slices.Compact(slices.Clone(opened))) != len(opened) {
			t.Fatalf("%q: frames %v not in order", m.Body.Text, opened)
		}
		opens += len(opened)
		for i := range frames {
			if slices.Contains(opened, i) {
				continue
			}
			if got := frames[i].find(m, found, you); got != nil {
				t.Errorf("%q: frame %d (%s) skipped, but finds %v", m.Body.Text, i, frames[i].a, got)
			}
		}
	}
	if opens == 0 {
		t.Error("no message opens a frame")
	}
}

// scoreByScan is how the scorer first summed a message's weights: each
// feature looked for among those counted, and every punctuation mark
// tried against every shape.
func scoreByScan(m *lint.Message, classes []cueClass, model *logreg.Compiled, n int) (float64, []float64) {
	logit, weight := model.Bias, make([]float64, n)
	var seen []int32
	sarcasmFeatures(m, classes, func(f logreg.Feature, sentence int) {
		i, w, ok := model.Slot(f)
		if !ok || slices.Contains(seen, i) {
			return
		}
		seen = append(seen, i)
		logit += w
		if sentence >= 0 {
			weight[sentence] += w
		}
	})
	return logit, weight
}

// The scorer's sums are the scan's to the bit, with one scratch reused
// across messages and languages as the pool does.
func TestSarcasmScoreBySet(t *testing.T) {
	s := new(sarcasmScratch)
	scored := 0
	for _, m := range sarcasmTestMessages(t) {
		model, sents := sarcasmModel(m.Lang), m.Sentences()
		if model == nil || len(sents) == 0 {
			continue
		}
		var cues cueScratch
		found := findCues(sarcasmCues(), m, &cues)
		s.classes = cueClasses(m, found, cues.hits, s.classes[:0])
		wantLogit, wantWeight := scoreByScan(m, s.classes, model, len(sents))
		logit, weight := s.score(m, sarcasmScoringOf(m.Lang), len(sents))
		if logit != wantLogit || !slices.Equal(weight, wantWeight) {
			t.Fatalf("%q: %v %v, want %v %v", m.Body.Text, logit, weight, wantLogit, wantWeight)
		}
		if slices.ContainsFunc(s.counted, func(w uint64) bool { return w != 0 }) {
			t.Fatalf("%q: features left counted", m.Body.Text)
		}
		scored++
	}
	if scored < 1000 {
		t.Errorf("%d messages scored", scored)
	}
}

// FuzzSarcasmScore holds the scorer to the features it was trained on:
// on any text, in every language, typed with its letters or without, its
// sums are the scan's over sarcasmFeatures to the bit, the words' weights
// read from its memo or looked up afresh.
func FuzzSarcasmScore(f *testing.F) {
	for _, s := range []string{"Oh, you forgot it again? How unexpected.", "Şifrenizi yine mi unuttunuz?", "Sifarisinizi yene unutmusunuz!",
		"Əla. Yenə. 5 dəfə!", "3 gün. Yine “harika” bir iş…", "", "…?!", "\xff\xfe a", "Great, great. Great 4 you"} {
		f.Add(s, uint8(0))
	}
	s := new(sarcasmScratch)
	f.Fuzz(func(t *testing.T, text string, pick uint8) {
		m := load.Options{Lang: lint.Langs[int(pick)%len(lint.Langs)]}.Text("draft", text)
		sents := m.Sentences()
		if len(sents) == 0 {
			return
		}
		var cues cueScratch
		found := findCues(sarcasmCues(), m, &cues)
		s.classes = cueClasses(m, found, cues.hits, s.classes[:0])
		wantLogit, wantWeight := scoreByScan(m, s.classes, sarcasmModel(m.Lang), len(sents))
		// The second time from the memo; then with word ids, the fourth
		// time the words found by them.
		for round := range 4 {
			if round == 2 {
				m.WordIDs()
			}
			logit, weight := s.score(m, sarcasmScoringOf(m.Lang), len(sents))
			if logit != wantLogit || !slices.Equal(weight, wantWeight) {
				t.Fatalf("%q (round %d): %v %v, want %v %v", text, round, logit, weight, wantLogit, wantWeight)
			}
		}
	})
}

// A mark whose first byte is in no shape's marks is in no shape: the
// scorer tries the shapes only on the others.
func FuzzSarcasmShapeBytes(f *testing.F) {
	for _, s := range []string{".", ",", "?", "?!", "…", "«", "»", "\"", "“", "...", "", "\xe2", "\xe2\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, mark string) {
		if mark == "" || sarcasmShapeBytes[mark[0]] {
			return
		}
		for k, marks := range sarcasmShapes[1:] {
			if strings.Contains(marks, mark) {
				t.Fatalf("%q is in shape %s, but its first byte is in none", mark, sarcasmShapeNames[k+1])
			}
		}
	})
}

// withEndingByPairs is how withEnding first tried each ending on each
// word, folding both for every pair.
func withEndingByPairs(m *lint.Message, ends []string) []lint.Match {
	if ends == nil {
		return nil
	}
	folded := lint.Folded(m.Lang, m.Body.Text)
	var out []lint.Match
	for i, t := range m.Tokens() {
		if t.Kind != lint.Word {
			continue
		}
		for _, e := range ends {
			if len(t.Norm) > len(e)+1 && hasEnding(m.Lang, t.Norm, e, folded) {
				out = append(out, lint.Match{Cue: e, Span: lint.Span{Start: t.Start, End: t.End}, First: i, Last: i})
				break
			}
		}
	}
	return out
}

// endsOf are a list's endings, nil for none.
func endsOf(el *endingList) []string {
	if el == nil {
		return nil
	}
	return el.ends
}

// withEnding finds what trying every pair found, with every set of
// endings, in texts typed with the languages' letters and without.
func FuzzWithEnding(f *testing.F) {
	for _, s := range []string{"Siparişinizi göndermediniz mi?", "Siparisinizi gondermediniz mi?", "Sifarişinizi çatdıracağıq, gəlmədiniz.",
		"Sifarisinizi catdiracagiq", "You cancelled it.", "", "ı İ ş", "\xff\xfeniz"} {
		f.Add(s, uint8(0))
	}
	sets := sarcasmCustomer().sets
	names := slices.Sorted(maps.Keys(sets))
	f.Fuzz(func(t *testing.T, text string, pick uint8) {
		l := lint.Langs[int(pick)%len(lint.Langs)]
		m := load.Options{Lang: l}.Text("draft", text)
		for _, name := range names {
			if got, want := withEnding(m, sets[name][l]), withEndingByPairs(m, endsOf(sets[name][l])); !slices.Equal(got, want) {
				t.Fatalf("%s %s %q: %v, want %v", l, name, text, got, want)
			}
			if sets[name][l] == nil {
				continue
			}
			// And with an empty ending, which ends every word.
			ends := append(slices.Clone(sets[name][l].ends), "")
			if got, want := withEnding(m, newEndingList(l, ends)), withEndingByPairs(m, ends); !slices.Equal(got, want) {
				t.Fatalf("%s %s and \"\" %q: %v, want %v", l, name, text, got, want)
			}
		}
	})
}

// The same on the quality sets and a generated library.
func TestWithEnding(t *testing.T) {
	sets := sarcasmCustomer().sets
	found := 0
	for _, m := range sarcasmTestMessages(t) {
		for name, byLang := range sets {
			got, want := withEnding(m, byLang[m.Lang]), withEndingByPairs(m, endsOf(byLang[m.Lang]))
			if !slices.Equal(got, want) {
				t.Fatalf("%s %s %q: %v, want %v", m.Lang, name, m.Body.Text, got, want)
			}
			found += len(got)
		}
	}
	if found < 100 {
		t.Errorf("%d words with endings found", found)
	}
}

// An ending list says what walking the set said, for every
// word of the quality sets and a generated library, folded and not.
func TestEndingListHas(t *testing.T) {
	c := sarcasmCustomer()
	matched := 0
	for _, m := range sarcasmTestMessages(t) {
		for name, set := range map[string]map[lint.Lang]map[string]bool{"ends:you": c.endings, "ends:ourPast": c.ourPast} {
			for _, tok := range m.Tokens() {
				for _, folded := range []bool{false, true} {
					want := false
					for e := range set[m.Lang] {
						want = want || len(tok.Norm) > len(e)+1 && hasEnding(m.Lang, tok.Norm, e, folded)
					}
					if got := c.sets[name][m.Lang].has(m.Lang, tok.Norm, folded); got != want {
						t.Fatalf("%s %s %q folded %v: %v, want %v", m.Lang, name, tok.Norm, folded, got, want)
					}
					if want {
						matched++
					}
				}
			}
		}
	}
	if matched < 100 {
		t.Errorf("%d words with endings", matched)
	}
}

// The rule reads its lexicon's lists by number: a list's number is its
// place in the phrase book's names, for the lexicon as shipped and as a
// config extends it; the lists refine makes come after them, and each
// frame's lists are the ones it names.
func TestSarcasmListNumbers(t *testing.T) {
	lx, err := LexiconOptions{Add: Lexicon{lint.English: {"praise": {"splendid"}}}}.apply(sarcasmLexicon)
	if err != nil {
		t.Fatal(err)
	}
	for _, pb := range []phraseBook{sarcasmCues(), lx.compile()} {
		if !slices.Equal(pb.names, sarcasmLists[:len(pb.names)]) || len(sarcasmListHashes) != len(pb.names) {
			t.Fatalf("book's lists %v, the rule's %v", pb.names, sarcasmLists)
		}
	}
	name := func(l sarcasmList) string {
		if l == lsAsks {
			return "?"
		}
		return sarcasmLists[l]
	}
	names := func(ls []sarcasmList) string {
		var out []string
		for _, l := range ls {
			out = append(out, name(l))
		}
		return strings.Join(out, " ")
	}
	for _, f := range frames {
		if name(f.aList) != f.a || f.b != "" && name(f.bList) != f.b || f.weak != "" && name(f.weakList) != f.weak ||
			names(f.unlessLists) != f.unless || names(f.withLists) != f.with || names(f.afterLists) != f.after {
			t.Errorf("frame %s/%s: lists %v", f.a, f.b, f)
		}
	}
}
