package rules

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"

	"github.com/msglint/msglint/bench/gen"
	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
)

// FuzzWalkWords holds walkWords, the unknown-word pass and the curated
// pass over a body's words in one walk, to the two passes each walking
// the text's tokens alone, for every language and with an ignore list
// (which makes the English list the speller's own, walked alone).
func FuzzWalkWords(f *testing.F) {
	addWalkSeeds(f)
	plain, err := newSpeller(SpellingOptions{})
	if err != nil {
		f.Fatal(err)
	}
	ignoring, err := newSpeller(SpellingOptions{Ignore: []string{"orjinal", "recieve"}})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string, pick uint8) {
		l := lint.Langs[int(pick)%3]
		lx, err := lexiconFor(l)
		if err != nil || lx == nil {
			t.Skip()
		}
		sp := plain
		if pick&8 != 0 {
			sp = ignoring
		}
		c := sp.checks.Of(&lint.Message{Lang: l})
		if !sp.oneWalk(c) {
			t.Skip()
		}
		m := &lint.Message{Lang: l, Body: lint.Field{Text: text, Map: lint.LinearMap(len(text), 0)}}
		if pick&4 != 0 {
			m.WordIDs() // the verdicts found by id
		}
		toks := m.Tokens()
		ascii := asciiLetters(text)
		wantPass := sp.unknownSeeing(lx, text, toks, nil, l != lint.English && ascii, true, nil)
		var want []hit
		if c.misspell {
			want = sp.english(lx, text, toks, nil, nil)
		} else if c.list != nil {
			want = sp.listedText(l, c.list, lx, text, toks, nil, ascii, c.builtin, nil)
		}
		gotPass, got := sp.walkWords(lx, c, text, toks, m.Words(), ascii, true, nil, nil)
		opts := cmp.AllowUnexported(unknownPass{}, tokenHit{}, hit{}, seenWord{}, candidate{})
		if !cmp.Equal(wantPass, gotPass, opts) {
			t.Fatalf("%s %q: unknown pass %+v, alone %+v", l, text, gotPass, wantPass)
		}
		if !cmp.Equal(want, got, opts) {
			t.Fatalf("%s %q: curated hits %+v, alone %+v", l, text, got, want)
		}
	})
}

// FuzzStreamedFindings holds the findings of a message read as a stream,
// whose unknown-word pass gives nothing of a word with a curated hit of its
// own (walkWords), to those of the same message kept for the file check,
// whose pass reads every word it is asked of.
func FuzzStreamedFindings(f *testing.F) {
	addWalkSeeds(f)
	sp, err := newSpeller(SpellingOptions{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string, pick uint8) {
		l := lint.Langs[int(pick)%3]
		var got, want []lint.Diagnostic
		for _, streamed := range []bool{false, true} {
			m := &lint.Message{Lang: l, Body: lint.Field{Text: text, Map: lint.LinearMap(len(text), 0)}, Streamed: streamed}
			var ds []lint.Diagnostic
			sp.fields(m, func(d lint.Diagnostic) { ds = append(ds, d) })
			if streamed {
				got = ds
			} else {
				want = ds
			}
		}
		if !cmp.Equal(want, got) {
			t.Fatalf("%s %q: streamed %+v, kept %+v", l, text, got, want)
		}
	})
}

// addWalkSeeds adds the seeds of the fuzz tests of walkWords: texts with
// listed and unknown words in each language, and a generated library's.
func addWalkSeeds(f *testing.F) {
	for _, s := range []string{"Maalesef sipariş Luma'ya gəlmədi, Teşekkür! herkez orjinal", "Malesef bu urun herkez icin stokta degil.",
		"We recieve it. Dr. Who's café au lait, SMS'i acheive", "Təşəkür edirik, xaiş edirik bir az gözləyin.",
		"İyi günler 🙂 a1b2 iPhone recieve's don't-recieve 2recieve", ""} {
		f.Add(s, uint8(0))
	}
	msgs, err := load.Options{}.File("lib.yaml", gen.Library(200, 7))
	if err != nil {
		f.Fatal(err)
	}
	for i, m := range msgs {
		f.Add(m.Body.Text, uint8(i))
	}
}

// BenchmarkSpellingStream checks a generated export's messages with the
// spelling rule as a run over a large export has them: every text new (an
// export's texts differ in their names and numbers, and the memo of texts
// does not keep the rule's findings), read as a stream (no file check sees
// them), and their words numbered (a full run's rules read the ids), by
// which the walk over a body's words finds its verdicts.
func BenchmarkSpellingStream(b *testing.B) {
	var export bytes.Buffer
	if err := gen.JSONL(&export, 4000, 1); err != nil {
		b.Fatal(err)
	}
	// Each text made new: a reference after it, as an export's texts
	// carry an order number or a name (each line ends with its text).
	var data bytes.Buffer
	for i, line := range strings.Split(strings.TrimSpace(export.String()), "\n") {
		fmt.Fprintf(&data, "%s Ref %d.\"}\n", strings.TrimSuffix(line, `"}`), i)
	}
	msgs, err := load.Options{}.File("export.jsonl", data.Bytes())
	if err != nil || len(msgs) != 4000 {
		b.Fatalf("%d messages, %v", len(msgs), err)
	}
	l, err := lint.NewLinter([]*lint.Rule{Spelling}, nil, []string{Spelling.Name}, nil)
	if err != nil {
		b.Fatal(err)
	}
	l.SetTextMemo(false) // the same messages every round (see BenchmarkRule)
	check := func() {
		for _, m := range msgs {
			m.Trim()
			m.Streamed = true
			m.WordIDs()
			l.Check(m)
		}
	}
	check() // the lexicons and the words' verdicts made once a run
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		check()
		n += len(msgs)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "msgs/s")
}

// What is kept of an unknown word for the run holds nothing of the text it
// came in: a streamed export's batches would stay in memory with it.
func TestUnknownWordKeepsNoText(t *testing.T) {
	lx, err := lexiconFor(lint.English)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"Please ask qzxvbk about it", "Please ask Qzxvbk about it"} {
		word := text[11:17]
		norm := strings.ToLower(word)
		if norm == word {
			norm = word // a slice of the text, as the tokenizer's is
		}
		u := lx.verdict(word).unknownOf(lx, word, norm)
		if start, at := uintptr(unsafe.Pointer(unsafe.StringData(text))), uintptr(unsafe.Pointer(unsafe.StringData(u.lw))); at >= start && at < start+uintptr(len(text)) {
			t.Errorf("%q: the kept %q is the text's bytes", text, u.lw)
		}
	}
}
