package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/msglint/msglint/bench/gen"
	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
)

// A library larger than one chunk is checked on several goroutines; under
// -race this also checks that nothing they share is written unguarded.
func TestLargeLibrary(t *testing.T) {
	data := gen.Library(2000, 5)
	msgs, err := load.Options{}.File("lib.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	l, _ := lint.NewLinter(All(), nil, nil, nil)
	par := l.CheckFile(msgs)
	var seq []lint.Finding
	for _, m := range msgs {
		seq = append(seq, l.Check(m)...)
	}
	if len(par) == 0 || len(par) != len(seq) {
		t.Fatalf("%d findings in parallel, %d one by one", len(par), len(seq))
	}
	for i := range par {
		if par[i].Line != seq[i].Line || par[i].Col != seq[i].Col || par[i].Rule != seq[i].Rule {
			t.Fatalf("finding %d differs: %v vs %v", i, par[i], seq[i])
		}
	}
}

// BenchmarkCheck loads and checks a generated library of 10 000 messages with
// every default rule, as `msglint check` does for one file. The linter is
// kept from round to round, so its memo of texts (lint.Rule.SameForText) is
// off: on, every text would be one met in an earlier round and the rules
// that are the same for a text would not run at all from the second round
// on. BenchmarkCheckFresh is the same work with the memo on.
func BenchmarkCheck(b *testing.B) {
	data := gen.Library(10000, 1)
	l, err := lint.NewLinter(All(), nil, nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	l.SetTextMemo(false)
	// The rules build a language's data the first time they meet it:
	// once a run, so built before timing.
	warm, err := load.Options{}.File("lib.yaml", gen.Library(30, 1))
	if err != nil {
		b.Fatal(err)
	}
	l.CheckFile(warm)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	msgs := 0
	for i := 0; i < b.N; i++ {
		msgs += checkLibrary(b, l, data)
	}
	b.ReportMetric(float64(msgs)/b.Elapsed().Seconds(), "msgs/s")
}

// BenchmarkCheckFresh is BenchmarkCheck with a new linter for each round
// and its memo of texts on, as a run of `msglint check` has it: only the
// library's own repeats are texts met before: beside BenchmarkCheck, which
// runs every rule on every message, what the memo saves a run on such a
// file (BenchmarkTextMemo shows it where every text repeats). The rule
// benchmarks below switch the memo off.
func BenchmarkCheckFresh(b *testing.B) {
	data := gen.Library(10000, 1)
	warm, err := load.Options{}.File("lib.yaml", gen.Library(30, 1))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	msgs := 0
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		l, err := lint.NewLinter(All(), nil, nil, nil)
		if err != nil {
			b.Fatal(err)
		}
		l.CheckFile(warm)
		b.StartTimer()
		msgs += checkLibrary(b, l, data)
	}
	b.ReportMetric(float64(msgs)/b.Elapsed().Seconds(), "msgs/s")
}

// checkLibrary loads and checks the generated library once and returns
// how many messages it held.
func checkLibrary(b *testing.B, l *lint.Linter, data []byte) int {
	res := l.CheckFiles([]string{"lib.yaml"}, func(string) (lint.Loaded, error) {
		msgs, err := load.Options{}.File("lib.yaml", data)
		return lint.Loaded{Msgs: msgs}, err
	})
	if len(res.Errors) > 0 || res.Messages != 10000 || len(res.Findings) == 0 {
		b.Fatalf("errors %v, %d messages, %d findings", res.Errors, res.Messages, len(res.Findings))
	}
	return res.Messages
}

// BenchmarkRule checks already-loaded messages with one rule at a time, so a
// slow rule shows by name. Tokens and sentences are worked out afresh for
// every message, as each rule would pay for them if it ran alone. The
// linter's memo of texts is off: the same messages are checked every round,
// so with it on a rule that is the same for a text (lint.Rule.SameForText)
// would run in the first round only and the figure would be the memo's
// look-up, not the rule's check, guarding nothing of the rule's own cost.
func BenchmarkRule(b *testing.B) {
	msgs, err := load.Options{}.File("lib.yaml", gen.Library(2000, 3))
	if err != nil {
		b.Fatal(err)
	}
	var size int
	for _, m := range msgs {
		size += len(m.Body.Text)
	}
	for _, r := range All() {
		b.Run(r.Name, func(b *testing.B) {
			l, err := lint.NewLinter([]*lint.Rule{r}, nil, []string{r.Name}, nil)
			if err != nil {
				b.Fatal(err)
			}
			l.SetTextMemo(false)
			b.SetBytes(int64(size))
			checkRounds(b, l, msgs)
		})
	}
}

// checkRounds checks msgs once untimed (a rule builds a language's data
// the first time it meets the language: once a run), then every round.
func checkRounds(b *testing.B, l *lint.Linter, msgs []*lint.Message) {
	for _, m := range msgs {
		l.Check(m)
		m.Trim()
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, m := range msgs {
			m.Trim()
			l.Check(m)
		}
		n += len(msgs)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "msgs/s")
}

// BenchmarkTextMemo shows what the memo of texts saves where it saves most:
// the rules that are the same for a text (lint.Rule.SameForText) check the
// same messages every round, with the memo on (from the first round on,
// every text is one met before: what is timed is the memo's look-up and
// its findings said again) and off (the rules run, as in BenchmarkRule).
// It is the one benchmark that keeps the memo on for texts it met; the
// rules' own cost is guarded by BenchmarkRule. all is every default rule
// with the memo on: what a text met before still costs, the rules that are
// not the same for a text reading what the memo kept of it. export is a
// fresh linter each round checking a generated export read as a stream,
// every default rule on, its texts coming back as other kinds: what the
// memo saves an export (entries without the kind, spelling's word kept,
// two generations), first sightings and misses in.
func BenchmarkTextMemo(b *testing.B) {
	msgs, err := load.Options{}.File("lib.yaml", gen.Library(2000, 3))
	if err != nil {
		b.Fatal(err)
	}
	var same []*lint.Rule
	var names []string
	for _, r := range All() {
		if r.SameForText {
			same, names = append(same, r), append(names, r.Name)
		}
	}
	b.Run("export", func(b *testing.B) {
		var data strings.Builder
		if err := gen.JSONL(&data, 30000, 7); err != nil {
			b.Fatal(err)
		}
		export, err := load.Options{}.File("export.jsonl", []byte(data.String()))
		if err != nil {
			b.Fatal(err)
		}
		for _, m := range export {
			m.Streamed = true
		}
		b.ReportAllocs()
		n := 0
		for b.Loop() {
			l, err := lint.NewLinter(All(), nil, nil, nil)
			if err != nil {
				b.Fatal(err)
			}
			for _, m := range export {
				m.Trim()
				l.Check(m)
			}
			n += len(export)
		}
		b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "msgs/s")
	})
	b.Run("all", func(b *testing.B) {
		l, err := lint.NewLinter(All(), nil, nil, nil)
		if err != nil {
			b.Fatal(err)
		}
		checkRounds(b, l, msgs)
	})
	for _, memo := range []bool{true, false} {
		b.Run(map[bool]string{true: "on", false: "off"}[memo], func(b *testing.B) {
			l, err := lint.NewLinter(same, nil, names, nil)
			if err != nil {
				b.Fatal(err)
			}
			l.SetTextMemo(memo)
			checkRounds(b, l, msgs)
		})
	}
}

// BenchmarkLongMessage checks one message of 5 000 sentences of a rule's
// cue words with that rule: work that grows with the square of a message
// (a loop per sentence or word that reads the whole message again) shows
// here as a figure a hundred times that of 500 sentences (-run x -bench
// LongMessage/…/500 beside …/5000).
func BenchmarkLongMessage(b *testing.B) {
	for _, c := range []struct {
		name, rule string
		lang       lint.Lang
		kind       lint.Kind
		sentence   string
	}{
		{"cta-heading", "cta", lint.English, lint.Promo, "Update: new opening hours. "},
		{"cta-ascii", "cta", lint.Turkish, lint.Promo, "Yeni sezon geldi ve guzel. "},
		{"forwarding-pronoun", "forwarding-consent", lint.English, "", "We have handed them your details. "},
		{"bot-handoff-now", "bot-handoff", lint.Turkish, lint.Bot, "Su anda siparis alinmiyor. "},
		{"goodbye-have", "goodbye", lint.English, lint.Closing, "Have a good look at the plan. "},
		{"shouting-keyword", "shouting", lint.English, "", "Reply with STOP to opt out. Results are IN. "},
		{"sarcasm", "sarcasm", lint.English, "", "So your 'quick' fix, of course, took the \"perfect\" week you measured? Great. "},
		{"sarcasm-markup", "sarcasm", lint.English, "", "<b>Note</b>: your 'quick' fix, of course, came {first}. "},
		{"sarcasm-without", "sarcasm", lint.Turkish, "", "Kutuya bakmadan iade ettiniz. "},
		{"sarcasm-tr", "sarcasm", lint.Turkish, "", "“Berbat” olduğunu yazmışsınız, “acil” siparişiniz tabii ki önce. "},
	} {
		var rule *lint.Rule
		for _, r := range All() {
			if r.Name == c.rule {
				rule = r
			}
		}
		l, err := lint.NewLinter([]*lint.Rule{rule}, nil, []string{rule.Name}, nil)
		if err != nil {
			b.Fatal(err)
		}
		l.SetTextMemo(false) // the same message every round (see BenchmarkRule)
		for _, n := range []int{500, 5000} {
			m := load.Options{Lang: c.lang, Kind: c.kind}.Text("long", strings.Repeat(c.sentence, n))
			l.Check(m) // the rule's data built once a run
			b.Run(fmt.Sprintf("%s/%d", c.name, n), func(b *testing.B) {
				for b.Loop() {
					m.Trim()
					l.Check(m)
				}
			})
		}
	}
}

// BenchmarkFirstMessages measures what a short run pays beside its
// messages' own work: a linter built with every default rule, then one
// message checked in each language, which builds that language's phrase
// books, paradigms' cues and lexicons for the linter (the dictionaries and
// word caches are built once a process, and are warm after the first
// round).
func BenchmarkFirstMessages(b *testing.B) {
	texts := map[lint.Lang]string{
		lint.English:     "Hi Sam, your order has shipped and will arrive on Thursday. Thanks for waiting!",
		lint.Turkish:     "Merhaba, siparişiniz kargoya verildi ve yarın elinizde olacak. Teşekkür ederiz!",
		lint.Azerbaijani: "Salam, sifarişiniz göndərildi və sabah sizdə olacaq. Təşəkkür edirik!",
	}
	b.ReportAllocs()
	for b.Loop() {
		l, err := lint.NewLinter(All(), nil, nil, nil)
		if err != nil {
			b.Fatal(err)
		}
		for _, lang := range []lint.Lang{lint.English, lint.Turkish, lint.Azerbaijani} {
			l.Check(&lint.Message{ID: "m", Lang: lang, Kind: lint.Reply, Channel: lint.Messenger, Body: lint.Field{Text: texts[lang]}})
		}
	}
}
