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
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/msglint/msglint/bench/gen"
	"gopkg.in/yaml.v3"
)

// cueList is a list of cues; all says it is all the lists of a rule's
// language in one, as rules combine them.
type cueList struct {
	cues []string
	all  bool
}

// cueLists reads every list of every rule data file, by language, and adds
// for each file and language all its lists in one.
func cueLists(t testing.TB) map[Lang][]cueList {
	files, err := filepath.Glob("../rules/data/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no rule data: %v", err)
	}
	out := map[Lang][]cueList{}
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
					out[l] = append(out[l], cueList{cues: lists[name]})
					all = append(all, lists[name]...)
				}
			}
			out[l] = append(out[l], cueList{cues: all, all: true})
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
	if err := gen.JSONL(&buf, 600, 7); err != nil {
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
// what the list's own Find finds, in the same order: each rule's lists in
// one on every text, each list alone on every fourth (a list's Find is the
// slow part).
func TestFindInIsFind(t *testing.T) {
	lists, texts := cueLists(t), cueTexts(t)
	for _, l := range Langs {
		if len(lists[l]) == 0 || len(texts[l]) == 0 {
			t.Fatalf("%s: %d lists, %d texts", l, len(lists[l]), len(texts[l]))
		}
		var ps []*Phrases
		for _, list := range lists[l] {
			ps = append(ps, NewPhrases(l, list.cues))
		}
		// A list joins the index when it is first asked for.
		joinAll(l, ps)
		found := 0
		for n, text := range texts[l] {
			m := &Message{Lang: l, Body: Field{Text: text}}
			toks := Tokenize(text, l)
			for i, p := range ps {
				got := p.FindIn(m)
				if n%4 != 0 && !lists[l][i].all {
					continue
				}
				want := p.Find(text, toks)
				if m.cues == nil || p.slot.Load() > m.cues.idx.slots {
					t.Fatalf("%s list %d: not answered by the index", l, i)
				}
				if !slices.Equal(want, got) {
					t.Fatalf("%s list %d %q: %s", l, i, text, cmp.Diff(want, got))
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

// Messages checked on several cores at once share a language's index and
// its word classes, learnt while they read: each finds what the lists'
// own Find finds (run with -race, this also checks the class cache's
// locking).
func TestFindInConcurrent(t *testing.T) {
	lists, texts := cueLists(t), cueTexts(t)
	const l = Turkish
	var ps []*Phrases
	for _, list := range lists[l] {
		if list.all {
			ps = append(ps, NewPhrases(l, list.cues))
		}
	}
	joinAll(l, ps) // a new index: its class cache starts empty
	sample := texts[l][:min(len(texts[l]), 600)]
	errs := make(chan string, 4)
	for g := range 4 {
		go func() {
			for n := range sample {
				text := sample[(n+g*151)%len(sample)] // each goroutine in its own order
				m := &Message{Lang: l, Body: Field{Text: text}}
				toks := Tokenize(text, l)
				for _, p := range ps {
					if want, got := p.Find(text, toks), p.FindIn(m); !slices.Equal(want, got) {
						errs <- text + ": " + cmp.Diff(want, got)
						return
					}
				}
				m.Trim()
			}
			errs <- ""
		}()
	}
	for range 4 {
		if e := <-errs; e != "" {
			t.Fatal(e)
		}
	}
	runtime.KeepAlive(ps)
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

// checkNumbered holds AppendNumbered to Find's matches want: the same
// matches after what dst held, each with a number whose cue names it.
func checkNumbered(t *testing.T, p *Phrases, m *Message, want []Match) {
	t.Helper()
	dst, nums := []Match{{Cue: "before"}}, []int32{-7}
	got, nums := p.AppendNumbered(dst, nums, m)
	if !slices.Equal(want, got[1:]) || len(nums) != len(got) || nums[0] != -7 {
		t.Fatalf("%q: AppendNumbered %v %v, want %v after one", m.Body.Text, got, nums, want)
	}
	for i, n := range nums[1:] {
		if n < 0 || int(n) >= len(p.cues) || p.MatchCue(int(n)) != want[i].Cue {
			t.Fatalf("%q: match %v numbered %d, which names %q", m.Body.Text, want[i], n, p.cues[max(n, 0)])
		}
	}
}

// Any cues and text: the merged index finds what each list's Find finds,
// and numbers each match by a cue of its list that names it.
func FuzzFindIn(f *testing.F) {
	for _, s := range [][3]string{
		{"sor*(verb)\niyi gün*", "Tabii", "Soruyu sordum, iyi günler"},
		{"oh great\n(!)", "great news\ngreat", "Oh, great. Great news(!)"},
		{"iyi gün*\nteşekkür*", "teşekkür ederiz", "Tesekkurler, IYI GUNLER"},
		{"share*", "share*\nsharing", "Sharing it, shared"},
		{"/s\n🙄", "🙄\n/s", "Sure /s 🙄 see /search"},
		{" oh great \noh great\n\n/s", " /s\ngreat*", "Oh great /s, greatly"},
		// Literals sharing a first byte, one inside another, and running on.
		{"(!)\n(!!)\n🙄\n🙃\n&", "/s\n/\n(\n(!)", "Wait(!!) (!) /s/s 🙄🙃🙄 ((!) a&b /sure"},
		// Literals searched for by a byte inside them.
		{"a.m.\np.m.\n..\n:)", "a.m. \n.", "9 a.m.a.m. p.m... :) .."},
		// Later words told by their number, plain and folded.
		{"you again\nyou * again\nçok güzel", "again you\nçok", "You, again? you did it again. COK GUZEL"},
	} {
		f.Add(s[0], s[1], s[2])
	}
	f.Fuzz(func(t *testing.T, a, b, text string) {
		for _, l := range []Lang{English, Turkish, Azerbaijani} {
			ps := []*Phrases{NewPhrases(l, strings.Split(a, "\n")), NewPhrases(l, strings.Split(b, "\n")),
				NewPhrases(l, strings.Split(a+"\n"+b, "\n"))}
			toks := Tokenize(text, l)
			// Not yet in the index: found list by list, numbered by cue.
			fresh := NewPhrases(l, strings.Split(a+"\n"+b, "\n"))
			checkNumbered(t, fresh, &Message{Lang: l, Body: Field{Text: text}}, fresh.Find(text, toks))
			joinAll(l, ps)
			// The first message looks its words up by their text; the
			// second and third have ids, and the third finds its words'
			// classes by them, kept by the second.
			for round := range 3 {
				m := &Message{Lang: l, Body: Field{Text: text}}
				if round > 0 {
					m.WordIDs()
				}
				for _, p := range ps {
					want := p.Find(text, toks)
					if got := p.FindIn(m); !slices.Equal(want, got) {
						t.Fatalf("%s %q / %q in %q: %s", l, a, b, text, cmp.Diff(want, got))
					}
					if has := p.HasIn(m); has != (len(want) > 0) {
						t.Fatalf("%s %q / %q in %q: HasIn %v, Find %v", l, a, b, text, has, want)
					}
					checkNumbered(t, p, m, want)
				}
				m.Trim()
			}
		}
	})
}

// findTyposByLength is FindTypos as it was before its cues were indexed by
// first byte: the cues by the length of their first word, each of a near
// length compared. FindTypos is held to it.
func findTyposByLength(p *Phrases, byLen map[int][]*phrase, text string, toks []Token) []Match {
	folded := p.fexact != nil && Folded(p.lang, text)
	var out []Match
	for i := range toks {
		t := &toks[i]
		if t.Kind != Word || len(t.Norm) < typoMin-1 {
			continue
		}
		w := p.norm(t, folded)
		n := utf8.RuneCountInString(w)
		checked := false
	cues:
		for _, k := range [3]int{n - 1, n, n + 1} {
			for _, ph := range byLen[k] {
				c := ph.words[0].w
				if folded {
					c = ph.words[0].fw
				}
				if c[0] != w[0] || !oneTypo(w, c) {
					continue
				}
				if !checked {
					if p.isWord(w) {
						break cues
					}
					checked = true
				}
				if m, ok := p.try(toks, nil, i, ph, folded, true, false); ok {
					out = append(out, m)
				}
			}
		}
	}
	return out
}

// Every cue of every rule list, one typo away, in every text.
func TestFindTyposByLength(t *testing.T) {
	lists, texts := cueLists(t), cueTexts(t)
	for _, l := range Langs {
		var all []string
		for _, list := range lists[l] {
			all = append(all, list.cues...)
		}
		p := NewPhrases(l, all)
		p.AllowTypos(func(w string) bool { return len(w)%5 == 0 }) // some words known
		byLen := map[int][]*phrase{}
		for _, ph := range p.words {
			if n := utf8.RuneCountInString(ph.words[0].w); !ph.words[0].prefix && n >= typoMin {
				byLen[n] = append(byLen[n], ph)
			}
		}
		found := 0
		for n, text := range texts[l] {
			toks := Tokenize(text, l)
			got := p.FindTypos(text, toks)
			want := findTyposByLength(p, byLen, text, toks)
			if !slices.Equal(want, got) {
				t.Fatalf("%s %q: %s", l, text, cmp.Diff(want, got))
			}
			// By word id, on every fourth text: the first message keeps
			// each word's answer, the second reads it.
			for round := 0; n%4 == 0 && round < 2; round++ {
				m := &Message{Lang: l, Body: Field{Text: text}}
				m.WordIDs()
				if got := p.FindTyposIn(m); !slices.Equal(want, got) {
					t.Fatalf("%s %q, round %d by id: %s", l, text, round, cmp.Diff(want, got))
				}
				m.Trim()
			}
			found += len(got)
		}
		if found == 0 {
			t.Errorf("%s: no typo found: the test compares nothing", l)
		}
	}
}

// A list asked for after the index was built is answered by its own Find
// until the index is built again, rebuildAfter messages later; a list no
// longer used leaves the index.
func TestCueIndexRebuilds(t *testing.T) {
	const l = Azerbaijani
	a := NewPhrases(l, []string{"xoş gün*", "sağ ol*"})
	joinAll(l, []*Phrases{a})
	text := "Sağ olun, xoş günlər! Tezliklə görüşərik."
	want := []string{"sağ ol*@0-9", "xoş gün*@11-24"}
	gone := NewPhrases(l, []string{"görüş*"})
	gone.FindIn(&Message{Lang: l, Body: Field{Text: text}})
	goneSlot := gone.slot.Load()
	b := NewPhrases(l, []string{"tezliklə"})
	check := func(p *Phrases, m *Message, want []string, indexed bool) {
		t.Helper()
		var got []string
		for _, mt := range p.FindIn(m) {
			got = append(got, mt.Cue+"@"+itoa(mt.Span.Start)+"-"+itoa(mt.Span.End))
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Error(d)
		}
		if in := m.cues != nil && p.slot.Load() <= m.cues.idx.slots; in != indexed {
			t.Errorf("%v: answered by the index %v, want %v", p.words[0].cue, in, indexed)
		}
	}
	m := &Message{Lang: l, Body: Field{Text: text}}
	check(a, m, want, true)
	check(b, m, []string{"tezliklə@26-35"}, false)
	m.Trim()
	gone = nil
	for i := 0; i < rebuildAfter; i++ {
		m := &Message{Lang: l, Body: Field{Text: text}}
		check(a, m, want, true)
		m.Trim()
	}
	m = &Message{Lang: l, Body: Field{Text: text}}
	check(b, m, []string{"tezliklə@26-35"}, true)
	m.Trim()

	// The collected list's slot is emptied at the next build.
	r := registryOf(l)
	collected := func() bool {
		r.mu.Lock()
		defer r.mu.Unlock()
		return r.members[goneSlot-1].Value() == nil
	}
	// Wait for this list: another test's lists collected meanwhile mark
	// the index stale too.
	for i := 0; i < 100 && (!r.stale.Load() || !collected()); i++ {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if !r.stale.Load() {
		t.Fatal("a collected list did not mark the index stale")
	}
	r.rebuild()
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.members[goneSlot-1].Value() != nil {
		t.Error("a collected list is still in the index")
	}
}

// BenchmarkPhrases asks every cue list of every rule for each of 3 000
// generated messages: list by list (Find), and through the language's
// merged index (FindIn), as the rules do.
func BenchmarkPhrases(b *testing.B) {
	lists := cueLists(b)
	var buf bytes.Buffer
	if err := gen.JSONL(&buf, 3000, 1); err != nil {
		b.Fatal(err)
	}
	var msgs []*Message
	for sc := bufio.NewScanner(&buf); sc.Scan(); {
		var m struct{ Lang, Text string }
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			b.Fatal(err)
		}
		msgs = append(msgs, &Message{Lang: Lang(m.Lang), Body: Field{Text: m.Text}})
	}
	ps := map[Lang][]*Phrases{}
	for _, l := range Langs {
		for _, list := range lists[l] {
			ps[l] = append(ps[l], NewPhrases(l, list.cues))
		}
		joinAll(l, ps[l])
	}
	for _, mode := range []string{"Find", "FindIn"} {
		b.Run(mode, func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				for _, m := range msgs {
					for _, p := range ps[m.Lang] {
						if mode == "Find" {
							p.Find(m.Body.Text, m.Tokens())
						} else {
							p.FindIn(m)
						}
					}
					m.Trim()
				}
				n += len(msgs)
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "msgs/s")
		})
	}
}

// The class cache answers every word with its class, classes a word it
// holds only once, and stops growing at maxCached words.
// A word table finds the words of its map, with their values, and no
// other: words of every length (a hash reads a long word eight bytes at a
// time, a short one in overlapping pieces), words that differ in one
// byte, and none.
func TestWordTable(t *testing.T) {
	words := map[string]int{}
	var absent []string
	for i := range 5000 {
		w := strings.Repeat("ğa", i%11) + itoa(i) + strings.Repeat("x", i%17)
		words[w] = i
		absent = append(absent, w+"y", "y"+w, w[:len(w)-1]+"z")
	}
	words["a"], words["ab"], words["abc"], words["abcd"] = -1, -2, -3, -4
	absent = append(absent, "", "b", "ba", "abd", "abce", "abcde")
	table := newWordTable(words)
	for w, v := range words {
		if got, ok := table.find(w); !ok || got != v {
			t.Fatalf("%q: %d %v, want %d", w, got, ok, v)
		}
	}
	for _, w := range absent {
		if _, in := words[w]; in {
			continue
		}
		if got, ok := table.find(w); ok {
			t.Fatalf("%q: found %d, not in the table", w, got)
		}
	}
	var none *wordTable[int]
	if _, ok := none.find("a"); ok {
		t.Fatal("an empty cache found a word")
	}
}

// Any words: a table of some finds each with its value, and finds another
// only if it is one of them; a word of eight bytes or fewer, compared by
// its key and length, is told apart from every other of its length.
func FuzzWordTable(f *testing.F) {
	f.Add("a\nab\nabc\nabcd\nabcdefgh\nabcdefghi", "abce\nabcdefgi\n\x00\nb")
	f.Add("aXa\naa", "aaa\naYa\nXa")
	f.Fuzz(func(t *testing.T, in, out string) {
		words := map[string]int{}
		for i, w := range strings.Split(in, "\n") {
			if _, ok := words[w]; !ok && w != "" {
				words[w] = i
			}
		}
		table := newWordTable(words)
		for _, w := range append(strings.Split(in, "\n"), strings.Split(out, "\n")...) {
			want, in := words[w]
			if got, ok := table.find(w); ok != in || got != want {
				t.Fatalf("%q: %d %v, want %d %v", w, got, ok, want, in)
			}
		}
	})
}

// A tabled cache keeps what it holds in its table alone (no map of the
// same words): a word it holds is found there once merged, with its value,
// and it holds at most its limit, however many distinct words it meets.
func TestClassCacheTable(t *testing.T) {
	c := classCache{tabled: true, limit: maxClasses}
	class := func(w string) *wordClass { return &wordClass{keys: []int32{int32(len(w))}} }
	for i := range 3000 {
		c.get("w"+itoa(i), class)
	}
	if c.known.Load() != nil {
		t.Fatal("a tabled cache kept a map of its words")
	}
	table := c.table.Load()
	if table.n < 2000 {
		t.Fatalf("%d words merged", table.n)
	}
	held := 0
	for i := range 3000 {
		w := "w" + itoa(i)
		if got, ok := table.find(w); ok {
			held++
			if len(got.keys) != 1 || got.keys[0] != int32(len(w)) {
				t.Fatalf("%q: %v in the table", w, got.keys)
			}
		}
	}
	if held != table.n {
		t.Fatalf("%d words found, the table counts %d", held, table.n)
	}
	for i := range 10 * maxClasses {
		c.get("x"+itoa(i), class)
	}
	if n := c.table.Load().n + len(c.fresh); n > maxClasses || !c.full {
		t.Errorf("%d words held (full %v), want at most %d", n, c.full, maxClasses)
	}
	if slots := len(c.table.Load().slots); slots > 4*maxClasses {
		t.Errorf("%d slots for at most %d words", slots, maxClasses)
	}
}

// A table made with words it holds already keeps each once, with the new
// value.
func TestWordTableWith(t *testing.T) {
	a := newWordTable(map[string]int{"one": 1, "two": 2, "a-longer-word": 3})
	b := a.with(map[string]int{"two": 20, "a-longer-word": 30, "four": 4})
	if b.n != 4 {
		t.Fatalf("%d words, want 4", b.n)
	}
	for w, want := range map[string]int{"one": 1, "two": 20, "a-longer-word": 30, "four": 4} {
		if got, ok := b.find(w); !ok || got != want {
			t.Errorf("%q: %d %v, want %d", w, got, ok, want)
		}
	}
}

func TestClassCache(t *testing.T) {
	var c classCache
	classed := map[string]int{}
	class := func(w string) *wordClass {
		classed[w]++
		return &wordClass{keys: []int32{int32(len(w))}}
	}
	word := func(i int) string { return "w" + itoa(i) }
	for i := range maxCached + 5000 {
		w := word(i)
		if got := c.get(w, class); len(got.keys) != 1 || got.keys[0] != int32(len(w)) {
			t.Fatalf("%s: class %v", w, got.keys)
		}
	}
	for i := range 100 {
		c.get(word(i), class) // held: not classed again
	}
	for i := range 100 {
		if classed[word(i)] != 1 {
			t.Fatalf("%s classed %d times", word(i), classed[word(i)])
		}
	}
	if n := len(*c.known.Load()) + len(c.fresh); n > maxCached+maxCached/4 || !c.full {
		t.Errorf("%d words held (full %v), want at most about %d", n, c.full, maxCached)
	}
	if c.get(word(maxCached+4999), class); classed[word(maxCached+4999)] != 2 {
		t.Errorf("a word past the bound was held")
	}
}

// A word longer than maxCachedLen is worked out every time it is asked,
// never held: the cache's bound is in words, and a hostile draft's words
// may each be as long as the draft.
func TestWordCacheSkipsLongWords(t *testing.T) {
	var c wordCache[int]
	calls := 0
	of := func(w string) int { calls++; return len(w) }
	long := strings.Repeat("a", maxCachedLen+1)
	for range 3 {
		if got := c.get(long, of); got != len(long) {
			t.Fatalf("get(long) = %d, want %d", got, len(long))
		}
	}
	if calls != 3 {
		t.Errorf("a word of %d bytes worked out %d times in 3 asks, want 3 (held)", len(long), calls)
	}
	if n := len(c.snapshot()) + len(c.fresh); n != 0 {
		t.Errorf("the cache holds %d words after only long ones, want 0", n)
	}
	edge := strings.Repeat("b", maxCachedLen)
	c.get(edge, of)
	c.get(edge, of)
	if calls != 4 {
		t.Errorf("a word of %d bytes worked out %d times in 2 asks, want 1", len(edge), calls-3)
	}
}

// A language's first index is built once rebuildAfter messages have been
// looked up, however many lists each message asks: a run of a few
// messages, each asking every list, builds none.
func TestCueIndexWaitsForMessages(t *testing.T) {
	const l = Lang("x-waits") // a registry of its own, empty
	var ps []*Phrases
	for _, cue := range []string{"alpha", "beta", "gamma", "delta"} {
		ps = append(ps, NewPhrases(l, []string{cue}))
	}
	ask := func() {
		m := &Message{Lang: l, Body: Field{Text: "alpha beta gamma delta"}}
		for _, p := range ps {
			if got := p.FindIn(m); len(got) != 1 {
				t.Fatalf("%v found %v", p.words[0].cue, got)
			}
		}
		m.Trim()
	}
	ask() // the lists join
	for range rebuildAfter - 2 {
		ask()
	}
	if registryOf(l).index.Load() != nil {
		t.Fatalf("an index was built after %d messages of %d lists, want none before %d messages", rebuildAfter-1, len(ps), rebuildAfter)
	}
	ask()
	ask()
	if registryOf(l).index.Load() == nil {
		t.Errorf("no index after %d messages", rebuildAfter+1)
	}
}

// A cue index bounds its class caches by maxClasses, not maxCached.
func TestCueIndexClassBound(t *testing.T) {
	idx := buildCueIndex(English, nil)
	if idx.classes.limit != maxClasses || idx.fclasses.limit != maxClasses {
		t.Fatalf("class caches hold up to %d and %d words, want %d", idx.classes.limit, idx.fclasses.limit, maxClasses)
	}
}
