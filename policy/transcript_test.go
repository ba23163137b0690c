package policy_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/msglint/msglint/bench/gen"
	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
	"github.com/msglint/msglint/policy"
	"github.com/msglint/msglint/rules"
)

func checker(t testing.TB) (*policy.Checker, *lint.Linter) {
	l, err := lint.NewLinter(append(rules.All(), policy.Rules()...), nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	c, err := policy.NewChecker(l, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return c, l
}

// Transcripts in testdata/transcripts carry what must be found on each event
// in a "want" list: "rule/severity: message". Every finding must be wanted on
// its line and every want found.
func TestTranscripts(t *testing.T) {
	files, _ := filepath.Glob("../testdata/transcripts/*.jsonl")
	if len(files) == 0 {
		t.Fatal("no transcripts")
	}
	c, _ := checker(t)
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			want := wants(t, path)
			res, err := c.Run(path, f)
			if err != nil {
				t.Fatal(err)
			}
			got := map[int][]string{}
			for _, fd := range res.Findings {
				got[fd.Line] = append(got[fd.Line], fmt.Sprintf("%s/%s: %s", fd.Rule, fd.Severity, fd.Message))
			}
			for _, fs := range got {
				slices.Sort(fs)
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("findings by line (-want +got):\n%s", d)
			}
		})
	}
}

func wants(t *testing.T, path string) map[int][]string {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[int][]string{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		var e struct{ Want []string }
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		if len(e.Want) > 0 {
			out[n] = e.Want
		}
	}
	return out
}

func TestTranscriptErrors(t *testing.T) {
	c, _ := checker(t)
	ev := func(fields string) string {
		return `{"time":"2026-03-01T10:00:00Z","conversation":"c","direction":"in"` + fields + "}\n"
	}
	cases := map[string]struct{ data, want string }{
		"bad time":        {`{"time":"yesterday","conversation":"c","direction":"in"}` + "\n", `t.jsonl:1: bad time "yesterday": want RFC 3339 with an offset, such as 2026-03-01T10:00:00+03:00`},
		"no offset":       {`{"time":"2026-03-01T10:00:00","conversation":"c","direction":"in"}` + "\n", `t.jsonl:1: bad time "2026-03-01T10:00:00": want RFC 3339 with an offset, such as 2026-03-01T10:00:00+03:00`},
		"unknown type":    {ev(`,"type":"like"`), `t.jsonl:1: unknown event type "like" (want one of message, postback, reaction, referral, optin, forward, consent_granted, consent_revoked, handoff, close, stop)`},
		"direction":       {ev(`,"direction":"sideways"`), `t.jsonl:1: unknown direction "sideways": want in or out`},
		"out of order":    {ev("") + `{"time":"2026-03-01T09:59:59Z","conversation":"c","direction":"out"}` + "\n", `t.jsonl:2: time 2026-03-01T09:59:59Z is earlier than the conversation's event on line 1 (2026-03-01T10:00:00Z)`},
		"bad JSON":        {ev("") + "{oops}\n", `t.jsonl:2: invalid JSON: invalid character 'o' looking for beginning of object key string`},
		"zone":            {ev(`,"zone":"Mars/Olympus"`), `t.jsonl:1: unknown time zone "Mars/Olympus"`},
		"no conversation": {`{"time":"2026-03-01T10:00:00Z","direction":"in"}` + "\n", "t.jsonl:1: no conversation (or user) id"},
	}
	for name, tc := range cases {
		_, err := c.Run("t.jsonl", strings.NewReader(tc.data))
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s:\n got: %v\nwant: %s", name, err, tc.want)
		}
	}
	// Another conversation may go back in time: order is per conversation.
	if _, err := c.Run("t.jsonl", strings.NewReader(ev("")+`{"time":"2026-03-01T09:00:00Z","conversation":"d","direction":"in"}`+"\n")); err != nil {
		t.Errorf("interleaved conversations: %v", err)
	}
}

// BenchmarkTranscript checks a generated transcript of 100 000 events with
// every rule, as `msglint check` does a large one: findings streamed as they
// are made.
func BenchmarkTranscript(b *testing.B) {
	const events = 100000
	var buf bytes.Buffer
	if err := gen.Transcript(&buf, events, 1); err != nil {
		b.Fatal(err)
	}
	c, _ := checker(b)
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		found := 0
		res, err := c.Stream("t.jsonl", bytes.NewReader(buf.Bytes()), func(lint.Finding) { found++ })
		if err != nil || res.Events != events || found == 0 {
			b.Fatal(err, res.Events, found)
		}
	}
	b.ReportMetric(float64(b.N*events)/b.Elapsed().Seconds(), "events/s")
}

// BenchmarkTranscriptNew is BenchmarkTranscript on 20 000 events with 30 %
// of their texts new, never sent twice: what the rules read in a text is
// read afresh for those, where the generated transcript's are memoised.
func BenchmarkTranscriptNew(b *testing.B) {
	const events = 20000
	var buf bytes.Buffer
	if err := gen.TranscriptMixed(&buf, events, 1, 0.3); err != nil {
		b.Fatal(err)
	}
	c, _ := checker(b)
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		found := 0
		res, err := c.Stream("t.jsonl", bytes.NewReader(buf.Bytes()), func(lint.Finding) { found++ })
		if err != nil || res.Events != events || found == 0 {
			b.Fatal(err, res.Events, found)
		}
	}
	b.ReportMetric(float64(b.N*events)/b.Elapsed().Seconds(), "events/s")
}

// A transcript's workers remember what the rules read in each text (a
// template sent again and again): the findings are those of every text
// read afresh, with memos that forget often too.
func TestTextMemosChangeNothing(t *testing.T) {
	var buf bytes.Buffer
	if err := gen.Transcript(&buf, 20000, 7); err != nil {
		t.Fatal(err)
	}
	c, _ := checker(t)
	check := func(memos int) []lint.Finding {
		defer policy.SetTextMemos(memos)()
		res, err := c.Run("t.jsonl", bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		return res.Findings
	}
	want := check(0)
	if len(want) == 0 {
		t.Fatal("no findings")
	}
	for _, n := range []int{3, 2048} {
		if d := cmp.Diff(want, check(n), cmpopts.IgnoreFields(lint.Finding{}, "Msg")); d != "" {
			t.Errorf("with %d texts remembered (-none +remembered):\n%s", n, d)
		}
	}
}

// A transcript read from a pipe, which is an *os.File but cannot be read at
// an offset, keeps its lines: the same findings as read from the bytes,
// goodbyes among them.
func TestStreamFromAPipe(t *testing.T) {
	c, _ := checker(t)
	data, err := os.ReadFile("../testdata/transcripts/conversation.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	want, err := c.Run("t.jsonl", bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(want.Findings, func(f lint.Finding) bool { return f.Rule == policy.Goodbye.Rule.Name }) {
		t.Fatal("no goodbye finding to compare")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	go func() {
		w.Write(data)
		w.Close()
	}()
	got, err := c.Run("t.jsonl", r)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want.Findings, got.Findings, cmpopts.IgnoreFields(lint.Finding{}, "Msg")); diff != "" {
		t.Errorf("findings differ read from a pipe (-bytes +pipe):\n%s", diff)
	}
}

// failingAt is a transcript's bytes that can be read from the start but
// not again at an offset past the first byte, as a file that went away or
// an I/O error would have it.
type failingAt struct {
	*bytes.Reader
	data []byte
}

func (f failingAt) ReadAt(p []byte, off int64) (int, error) {
	if off == 0 {
		return bytes.NewReader(f.data).ReadAt(p, off)
	}
	return 0, errors.New("input/output error")
}

// A line the checker cannot read again is an error naming the file and
// the line, not a goodbye check left out in silence.
func TestStreamCannotReadALineAgain(t *testing.T) {
	c, _ := checker(t)
	data, err := os.ReadFile("../testdata/transcripts/conversation.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Run("t.jsonl", failingAt{bytes.NewReader(data), data})
	var ie *lint.InputError
	if !errors.As(err, &ie) || ie.Path != "t.jsonl" || ie.Line == 0 || !strings.Contains(ie.Msg, "input/output error") {
		t.Fatalf("got %v, want an input error naming t.jsonl, a line and the read error", err)
	}
}
