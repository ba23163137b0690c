package lint

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestTokenize(t *testing.T) {
	text := "Don’t wait: 14.00'e kadar, İSTANBUL'da 1,5 TL! {{x}}"
	var got []string
	for _, tk := range Tokenize(text, Turkish) {
		if tk.Kind != Space {
			got = append(got, text[tk.Start:tk.End]+"="+tk.Norm)
		}
	}
	want := []string{"Don’t=don't", "wait=wait", ":=:", "14.00=14.00", "'='", "e=e", "kadar=kadar", ",=,",
		"İSTANBUL'da=istanbul'da", "1,5=1,5", "TL=tl", "!=!", "{={", "{={", "x=x", "}=}", "}=}"}
	if d := cmp.Diff(want, got); d != "" {
		t.Error(d)
	}
	// NFC: a decomposed ş (s + combining cedilla) compares equal to the composed one.
	if NormWord(Turkish, "s\u0327ey") != "şey" {
		t.Error("NFC not applied")
	}
}

func TestPhrases(t *testing.T) {
	cases := []struct {
		lang Lang
		cues []string
		text string
		want []string
	}{
		{Turkish, []string{"iyi gün*"}, "Teşekkürler, İyi günler!", []string{"iyi gün*@15-27"}},
		{English, []string{"oh great", "great news"}, "Oh, great. Great news!", []string{"oh great@0-9", "great news@11-21"}},
		{English, []string{"oh great"}, "Oh. Great job.", nil},
		{English, []string{"thank*"}, "Thanks a lot", []string{"thank*@0-6"}},
		{English, []string{"/s", "🙄", "(!)"}, "Sure /s 🙄 see /search now(!)", []string{"/s@5-7", "🙄@8-12", "(!)@28-31"}},
		{Azerbaijani, []string{"sağ ol*", "xoş gün*"}, "Sağ olun, XOŞ GÜNLƏR", []string{"sağ ol*@0-9", "xoş gün*@11-24"}},
		{English, []string{"can't", "cannot"}, "We can’t do that", []string{"can't@3-10"}},
		{English, []string{"have a * weekend"}, "Have a lovely weekend! Have a weekend.", []string{"have a * weekend@0-21"}},
		// A lemma matches its inflected forms, not another word that starts
		// with it: iletişim (contact) is not a form of ilet- (forward).
		{Turkish, []string{"ilet*"}, "Talebinizi ilettik. İletişim bilgileri", []string{"ilet*@11-18"}},
		{English, []string{"pass*"}, "We passed it on. Passport", []string{"pass*@3-9"}},
		// A stem that changes before an ending is found too.
		{English, []string{"share*"}, "Sharing it", []string{"share*@0-7"}},
		{Turkish, []string{"iş ortak*"}, "iş ortağımıza", []string{"iş ortak*@0-17"}},
		// Typed without Turkish letters: cues are compared folded.
		{Turkish, []string{"iyi gün*", "teşekkür*"}, "Tesekkurler, IYI GUNLER", []string{"teşekkür*@0-11", "iyi gün*@13-23"}},
		{Azerbaijani, []string{"xoş gün*"}, "Xos gunler", []string{"xoş gün*@0-10"}},
		// A lemma limited to a verb's endings: soruyu is the noun soru.
		{Turkish, []string{"sor*(verb)"}, "Soruyu sordum, soruyorsunuz", []string{"sor*(verb)@7-13", "sor*(verb)@15-27"}},
		{Turkish, []string{"sor*(noun)"}, "Soruyorsunuz", nil},
		{English, []string{"remind*(verb) you", "share*(noun)"}, "Reminding you: sharing", []string{"remind*(verb) you@0-13"}},
		{Azerbaijani, []string{"bilgi*(noun)", "xoş gün*(noun)"}, "Xos gunler", []string{"xoş gün*(noun)@0-10"}},
		// One letter of the language's own says the plain ones are meant.
		{Turkish, []string{"iyi gün*"}, "iyi gunler, şimdi", nil},
	}
	for _, c := range cases {
		p := NewPhrases(c.lang, c.cues)
		var got []string
		for _, m := range p.Find(c.text, Tokenize(c.text, c.lang)) {
			got = append(got, m.Cue+"@"+itoa(m.Span.Start)+"-"+itoa(m.Span.End))
		}
		if d := cmp.Diff(c.want, got); d != "" {
			t.Errorf("%q: %s", c.text, d)
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestPhrasesTypos(t *testing.T) {
	known := func(w string) bool { return w == "indirim" || w == "appreciated" }
	cases := []struct {
		lang  Lang
		cues  []string
		text  string
		want  []string
		typos bool
	}{
		// Long cue words one typo away, where allowed: a letter left out,
		// one swapped; not a short word, a lemma or a word of the language.
		{Azerbaijani, []string{"təşəkkür edirik"}, "Təşəkür edirik!", []string{"təşəkkür edirik@0-18"}, true},
		{English, []string{"appreciate"}, "We apprecaite it", []string{"appreciate@3-13"}, true},
		{English, []string{"appreciate"}, "We apprecaite it", nil, false},
		{English, []string{"thanks", "welcome*"}, "thnaks, welcmoe", nil, true},
		{English, []string{"appreciate"}, "We appreciated it", nil, true},
		{Turkish, []string{"indirin"}, "Tüm ürünlerde indirim", nil, true},
	}
	for _, c := range cases {
		p := NewPhrases(c.lang, c.cues)
		if c.typos {
			p.AllowTypos(func(w string) bool { return known(w) })
		}
		var got []string
		for _, m := range p.FindTypos(c.text, Tokenize(c.text, c.lang)) {
			got = append(got, m.Cue+"@"+itoa(m.Span.Start)+"-"+itoa(m.Span.End))
		}
		if d := cmp.Diff(c.want, got); d != "" {
			t.Errorf("%q: %s", c.text, d)
		}
	}
}

func TestOneTypo(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"təşəkkür", "təşəkür", true},  // left out
		{"təşəkür", "təşəkkür", true},  // added
		{"greeting", "greetong", true}, // changed
		{"greeting", "grteeing", false},
		{"greeting", "geeritng", false},
		{"günaydın", "günyadın", true}, // swapped
		{"günaydın", "günaydın", false},
		{"günaydın", "günay", false},
	} {
		if got := oneTypo(c.a, c.b); got != c.want {
			t.Errorf("oneTypo(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// Any cue and text: compiling and matching never panics, and a cue found
// spans text inside the message.
func FuzzPhrases(f *testing.F) {
	for _, s := range [][2]string{{"sor*(verb)", "Soruyu sordum"}, {"x*(", "x"}, {"*(noun) a", "a"}, {"iyi gün*", "Iyi gunler"}, {"(!)", "ok(!)"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, cue, text string) {
		for _, l := range []Lang{English, Turkish, Azerbaijani} {
			for _, m := range NewPhrases(l, []string{cue}).Find(text, Tokenize(text, l)) {
				if m.Span.Start < 0 || m.Span.End > len(text) || m.Span.Start > m.Span.End {
					t.Fatalf("%q in %q: span %v", cue, text, m.Span)
				}
			}
		}
	})
}

func TestCheckCue(t *testing.T) {
	for c, ok := range map[string]bool{"sor*(verb)": true, "iyi gün*(noun) dileriz": true, "x*": true, "(!)": true,
		"ok (!)": true, "": false, "  ": false, "sor*(verbs)": false, "sor*(": false, "a *(x)": true} {
		if err := CheckCue(c); (err == nil) != ok {
			t.Errorf("CheckCue(%q) = %v", c, err)
		}
	}
}

// mayBeNear passes every word nearCues finds a cue for.
func FuzzMayBeNear(f *testing.F) {
	p := NewPhrases(English, []string{"thankyou for", "appreciate", "welcome back", "greetings"})
	p.AllowTypos(func(string) bool { return false })
	for _, s := range []string{"apreciate", "welcom", "greting", "x", "ş", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if w == "" {
			return
		}
		if near := p.nearCues(p.typos, w, false); len(near) > 0 && !p.typos.mayBeNear(w) {
			t.Errorf("mayBeNear(%q) is false, but nearCues finds %d cues", w, len(near))
		}
	})
}

// FindTyposIn, which looks a message's words up by their ids, finds what
// FindTypos as it was finds by their text (findTyposByLength): on a message's first look (ids handed out
// and answers kept), on a later one (answers read by id), and on a message
// in another language, whose ids it does not read.
func FuzzFindTyposIn(f *testing.F) {
	for _, s := range [][2]string{
		{"təşəkkür edirik\nappreciate", "Təşəkür edirik! We apprecaite it, təşəkür"},
		{"appreciate\nwelcome back", "We appreciated it. Welcom back, welcome bakc"},
		{"indirin\niyi günler", "Tüm ürünlerde indirim, indrin, IYI GUNLER, tesekkurler"},
	} {
		f.Add(s[0], s[1])
	}
	known := func(w string) bool { return w == "indirim" || w == "appreciated" }
	f.Fuzz(func(t *testing.T, cues, text string) {
		for _, l := range []Lang{English, Turkish, Azerbaijani} {
			p := NewPhrases(l, strings.Split(cues, "\n"))
			p.AllowTypos(known)
			byLen := map[int][]*phrase{}
			for _, ph := range p.words {
				if n := utf8.RuneCountInString(ph.words[0].w); !ph.words[0].prefix && n >= typoMin {
					byLen[n] = append(byLen[n], ph)
				}
			}
			want := findTyposByLength(p, byLen, text, Tokenize(text, l))
			for round := range 2 {
				m := &Message{Lang: l, Body: Field{Text: text}}
				m.WordIDs()
				if got := p.FindTyposIn(m); !slices.Equal(want, got) {
					t.Fatalf("%s %q in %q, round %d: %s", l, cues, text, round, cmp.Diff(want, got))
				}
				m.Trim()
			}
			other := English
			if l == English {
				other = Turkish
			}
			m := &Message{Lang: other, Body: Field{Text: text}}
			m.WordIDs()
			if want, got := findTyposByLength(p, byLen, text, m.Tokens()), p.FindTyposIn(m); !slices.Equal(want, got) {
				t.Fatalf("%s list, %s message %q in %q: %s", l, other, cues, text, cmp.Diff(want, got))
			}
			m.Trim()
		}
	})
}

// FuzzByteTrieAt holds the trie that at builds (its new nodes made as a
// chain at once) to a set of stems: every stem is found by walking its
// bytes, with its value, every other prefix has none, and the nodes are
// the stems' distinct prefixes.
func FuzzByteTrieAt(f *testing.F) {
	f.Add("sor soru sorul s so sorgu")
	f.Add("ab a abc b abd")
	f.Fuzz(func(t *testing.T, text string) {
		root := &byteTrie[int]{}
		want := map[string]int{}
		prefixes := map[string]bool{}
		for i, st := range strings.Fields(text) {
			root.at(st).val = i + 1
			want[st] = i + 1
			for j := 1; j <= len(st); j++ {
				prefixes[st[:j]] = true
			}
		}
		nodes := 0
		var walk func(n *byteTrie[int], path string)
		walk = func(n *byteTrie[int], path string) {
			if len(n.keys) != len(n.kids) {
				t.Fatalf("%q: %d keys, %d kids", path, len(n.keys), len(n.kids))
			}
			if path != "" {
				nodes++
				if n.val != want[path] {
					t.Fatalf("%q: value %d, want %d", path, n.val, want[path])
				}
			}
			for i, k := range n.kids {
				if n.child(n.keys[i]) != k {
					t.Fatalf("%q: key %q repeated", path, n.keys[i])
				}
				walk(k, path+string(n.keys[i:i+1]))
			}
		}
		walk(root, "")
		if nodes != len(prefixes) {
			t.Fatalf("%d nodes, want %d", nodes, len(prefixes))
		}
	})
}
