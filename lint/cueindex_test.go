package lint

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/msglint/msglint/bench/gen"
	"gopkg.in/yaml.v3"
)

// cueLists reads every list of every rule data file, by language, and adds
// for each file and language all its lists in one, as rules combine them.
func cueLists(t testing.TB) map[Lang][][]string {
	files, err := filepath.Glob("../rules/data/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no rule data: %v", err)
	}
	out := map[Lang][][]string{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var data map[string]yaml.Node
		if err := yaml.Unmarshal(raw, &data); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for code, node := range data {
			var d struct {
				Lists map[string][]string `yaml:"lists"`
				Words map[string][]string `yaml:"words"`
			}
			if node.Decode(&d) != nil {
				continue // not a language's entry
			}
			l := Lang(code)
			var all []string
			for _, lists := range []map[string][]string{d.Lists, d.Words} {
				for _, name := range slices.Sorted(mapKeys(lists)) {
					out[l] = append(out[l], lists[name])
					all = append(all, lists[name]...)
				}
			}
			out[l] = append(out[l], all)
		}
	}
	return out
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// cueTexts are messages to match cues in: the blind sets, the examples,
// generated messages, and each of them typed without the language's own
// letters and in capitals.
func cueTexts(t testing.TB) map[Lang][]string {
	out := map[Lang][]string{}
	add := func(l Lang, text string) {
		out[l] = append(out[l], text)
		if f := Fold(l, strings.ToLower(text)); f != strings.ToLower(text) {
			out[l] = append(out[l], f)
		}
		out[l] = append(out[l], strings.ToUpper(text))
	}
	files, _ := filepath.Glob("../testdata/quality/*.jsonl")
	more, _ := filepath.Glob("../testdata/quality/*/*.jsonl")
	files = append(files, append(more, "../testdata/examples/inbox.jsonl")...)
	var buf bytes.Buffer
	if err := gen.JSONL(&buf, 3000, 7); err != nil {
		t.Fatal(err)
	}
	readLines := func(name string, r *bufio.Scanner) {
		for r.Scan() {
			var m struct{ Lang, Text string }
			if err := json.Unmarshal(r.Bytes(), &m); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			l := Lang(m.Lang)
			if l == "" {
				for _, code := range Langs {
					add(code, m.Text)
				}
				continue
			}
			add(l, m.Text)
		}
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		readLines(f, bufio.NewScanner(bytes.NewReader(raw)))
	}
	readLines("generated", bufio.NewScanner(&buf))
	// The rule data's own examples, in every language.
	data, _ := filepath.Glob("../rules/data/*.yaml")
	for _, f := range data {
		raw, _ := os.ReadFile(f)
		var d map[string]yaml.Node
		if yaml.Unmarshal(raw, &d) != nil {
			continue
		}
		for code, node := range d {
			var e struct {
				Example struct{ Bad, Good string } `yaml:"example"`
			}
			if node.Decode(&e) == nil && slices.Contains(Langs, Lang(code)) {
				add(Lang(code), e.Example.Bad)
				add(Lang(code), e.Example.Good)
			}
		}
	}
	return out
}

// Every cue list of every rule, matched through the merged index, finds
// what the list's own Find finds, in the same order, on every text.
func TestFindInIsFind(t *testing.T) {
	lists, texts := cueLists(t), cueTexts(t)
	for _, l := range Langs {
		if len(lists[l]) == 0 || len(texts[l]) == 0 {
			t.Fatalf("%s: %d lists, %d texts", l, len(lists[l]), len(texts[l]))
		}
		var ps []*Phrases
		for _, cues := range lists[l] {
			ps = append(ps, NewPhrases(l, cues))
		}
		// A list joins the index when it is first asked for.
		joinAll(l, ps)
		found := 0
		for _, text := range texts[l] {
			m := &Message{Lang: l, Body: Field{Text: text}}
			toks := Tokenize(text, l)
			for i, p := range ps {
				want := p.Find(text, toks)
				got := p.FindIn(m)
				if m.cues == nil || p.slot.Load() > m.cues.idx.slots {
					t.Fatalf("%s list %d: not answered by the index", l, i)
				}
				if d := cmp.Diff(want, got); d != "" {
					t.Fatalf("%s list %d %q: %s", l, i, text, d)
				}
				found += len(got)
			}
			m.Trim()
		}
		if found < len(texts[l]) {
			t.Errorf("%s: only %d matches in %d texts: the test compares too little", l, found, len(texts[l]))
		}
		t.Logf("%s: %d lists, %d texts, %d matches", l, len(ps), len(texts[l]), found)
		runtime.KeepAlive(ps)
	}
}

// joinAll has every list join the language's index (a list joins when it
// is first asked for), and builds it.
func joinAll(l Lang, ps []*Phrases) {
	warm := &Message{Lang: l, Body: Field{Text: "x"}}
	for _, p := range ps {
		p.FindIn(warm)
	}
	warm.Trim()
	registryOf(l).rebuild()
}

// Any cues and text: the merged index finds what each list's Find finds.
func FuzzFindIn(f *testing.F) {
	for _, s := range [][3]string{
		{"sor*(verb)\niyi gün*", "Tabii", "Soruyu sordum, iyi günler"},
		{"oh great\n(!)", "great news\ngreat", "Oh, great. Great news(!)"},
		{"iyi gün*\nteşekkür*", "teşekkür ederiz", "Tesekkurler, IYI GUNLER"},
		{"share*", "share*\nsharing", "Sharing it, shared"},
		{"/s\n🙄", "🙄\n/s", "Sure /s 🙄 see /search"},
	} {
		f.Add(s[0], s[1], s[2])
	}
	f.Fuzz(func(t *testing.T, a, b, text string) {
		for _, l := range []Lang{English, Turkish, Azerbaijani} {
			ps := []*Phrases{NewPhrases(l, strings.Split(a, "\n")), NewPhrases(l, strings.Split(b, "\n")),
				NewPhrases(l, strings.Split(a+"\n"+b, "\n"))}
			joinAll(l, ps)
			m := &Message{Lang: l, Body: Field{Text: text}}
			toks := Tokenize(text, l)
			for _, p := range ps {
				if d := cmp.Diff(p.Find(text, toks), p.FindIn(m)); d != "" {
					t.Fatalf("%s %q / %q in %q: %s", l, a, b, text, d)
				}
			}
			m.Trim()
		}
	})
}
