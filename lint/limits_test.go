package lint

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// TestFindingsCap: past the cap a rule's findings end in one "… and N more"
// where the last kept one is; a rule under the cap is untouched.
func TestFindingsCap(t *testing.T) {
	every := func(n int) Check {
		return func(p *Pass) {
			for i := 0; i < n; i++ {
				p.Reportf(Span{i, i + 1}, "at %d", i)
			}
		}
	}
	l, err := NewLinter([]*Rule{testRule("many", Warning, true, every(MaxPerRule+30)), testRule("few", Error, true, every(3))}, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat("x", MaxPerRule+30)
	m := &Message{ID: "m", Body: Field{Text: text, Map: LinearMap(len(text), 0)}, Source: NewSource("f.txt", []byte(text))}
	fs := l.Check(m)
	if len(fs) != MaxPerRule+1+3 {
		t.Fatalf("%d findings, want %d", len(fs), MaxPerRule+4)
	}
	last := fs[MaxPerRule]
	if got := []string{last.Rule, last.Message, posString(last)}; !cmp.Equal(got, []string{"many", "… and 30 more", "1:100-1:101"}) {
		t.Errorf("the cap's finding: %v", got)
	}
	if fs[MaxPerRule+1].Rule != "few" || fs[MaxPerRule+3].Message != "at 2" {
		t.Errorf("the rule under the cap: %v", fs[MaxPerRule+1:])
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]Size{"64MiB": 64 << 20, "1 MiB": 1 << 20, "500KB": 500_000, "2gib": 2 << 30, "1024": 1024, "10B": 10} {
		if got, err := ParseSize(in); err != nil || got != want {
			t.Errorf("%q: %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "0", "-1MiB", "lots", "1.5MiB", "99999999999GiB"} {
		if _, err := ParseSize(in); err == nil {
			t.Errorf("%q: no error", in)
		}
	}
	if s := (64 << 20 * Size(1)).String(); s != "64 MiB" {
		t.Errorf("String: %s", s)
	}
	cfg, err := ParseConfig("c.yaml", []byte("max_file_size: 2MiB\nmax_message_size: 4KiB\n"), nil)
	if err != nil || cfg.MaxFileSize != 2<<20 || cfg.MaxMessageSize != 4<<10 {
		t.Errorf("config: %+v %v", cfg, err)
	}
	if _, err := ParseConfig("c.yaml", []byte("max_file_size: huge\n"), nil); err == nil || !strings.Contains(err.Error(), `invalid size "huge"`) {
		t.Errorf("bad size: %v", err)
	}
}

// TestCheckFilesSkips: a skip is listed with its reason and not counted as
// a file; one that fails is an input error too; joined errors are listed
// one by one, and the messages read beside them are checked.
func TestCheckFilesSkips(t *testing.T) {
	l, err := NewLinter([]*Rule{testRule("any", Warning, true, func(p *Pass) { p.Reportf(Span{}, "seen") })}, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	src := NewSource("b.txt", []byte("hi"))
	res := l.CheckFiles([]string{"a", "b", "c"}, func(path string) (Loaded, error) {
		switch path {
		case "a":
			return Loaded{}, &Skip{Path: "a", Reason: OtherLanguage, Detail: "de"}
		case "b":
			msg := &Message{ID: "1", Body: Field{Text: "hi", Map: LinearMap(2, 0)}, Source: src}
			return Loaded{Msgs: []*Message{msg}}, errors.Join(&InputError{Path: "b", Line: 2, Msg: "bad"}, &InputError{Path: "b", Line: 3, Msg: "worse"})
		}
		return Loaded{}, &Skip{Path: "c", Reason: TooBig, Fail: true, Msg: "too big"}
	})
	if res.Files != 1 || res.Skipped != 2 || res.Messages != 1 || len(res.Findings) != 1 {
		t.Errorf("files %d skipped %d messages %d findings %d", res.Files, res.Skipped, res.Messages, len(res.Findings))
	}
	var got []string
	for _, e := range res.Errors {
		got = append(got, e.Error())
	}
	if d := cmp.Diff([]string{"b:2: bad", "b:3: worse", "c: too big"}, got); d != "" {
		t.Error(d)
	}
	if len(res.Skips) != 2 || res.Skips[0].Detail != "de" || res.Skips[1].Reason != TooBig {
		t.Errorf("skips %+v", res.Skips)
	}
}

func TestInputRules(t *testing.T) {
	if err := Validate([]*Rule{DuplicateID, InvalidText}); err != nil {
		t.Fatal(err)
	}
	l, err := NewLinter([]*Rule{DuplicateID, InvalidText}, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	data := "a: caf\xe9 \xef\xbf\xbd ok\nb: fine\na: again\n"
	src := NewSource("f.yaml", []byte(data))
	msg := func(id string, off, n int) *Message {
		return &Message{ID: id, Body: Field{Text: data[off : off+n], Map: LinearMap(n, off)}, Source: src, Offset: off - 3}
	}
	msgs := []*Message{msg("a", 3, 11), msg("b", 18, 4), msg("a", 26, 5), msg("#4", 3, 2)}
	var got []string
	for _, f := range l.CheckFile(msgs) {
		got = append(got, f.Rule+" "+posString(f)+" "+f.Message)
	}
	want := []string{
		"invalid-text 1:7-1:8 the text is damaged here: bytes that are not UTF-8, or \"�\" put in their place; save the file as UTF-8",
		"invalid-text 1:9-1:10 the text is damaged here: bytes that are not UTF-8, or \"�\" put in their place; save the file as UTF-8",
		"duplicate-id 3:4-3:9 id \"a\" is used twice (first on line 1)",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Error(d)
	}
	if _, err := NewLinter([]*Rule{DuplicateID}, &Config{Rules: map[string]RuleConfig{"duplicate-id": {Options: node(t, "x: 1")}}}, nil, nil); err == nil {
		t.Error("options given to a rule without any: no error")
	}
}

// invalidFrom's pass over ASCII finds what decoding every character finds.
func FuzzInvalidFrom(f *testing.F) {
	for _, s := range []string{"plain ascii text, long enough", "Merhaba \xff dünya", "abcdefgh\xef\xbf\xbd", "�", "şşşşşşşş\xc3", "ascii!!\xc3(\xc1\x80ə\xc0\xaf\xdf\xbf\x80\xc2", "12345678ə12345678\xed\xa0\x80"} {
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, text string, i int) {
		if i < 0 || i > len(text) {
			i = 0
		}
		want := -1
		for j := i; j < len(text); {
			r, w := utf8.DecodeRuneInString(text[j:])
			if r == utf8.RuneError {
				want = j
				break
			}
			j += w
		}
		if got := invalidFrom(text, i); got != want {
			t.Errorf("invalidFrom(%q, %d) = %d, want %d", text, i, got, want)
		}
	})
}
