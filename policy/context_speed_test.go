package policy

import (
	"bufio"
	"encoding/json"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/msglint/msglint/lint"
)

// The hand-written readers of context.go are held to the code they
// replaced, kept here: the patterns and the fingerprint as they were.

var oldMaskRE = regexp.MustCompile(`\{\{[^}]*\}\}|\{[^}\s]*\}|%[sdv]|\[[A-Z_]+\]|https?://\S+|\S+@\S+|\b\w+\.(com|net|org|example)\S*`)

func oldWords(text string) []string {
	return oldRunsOf(oldMaskRE.ReplaceAllString(text, " "), unicode.IsLetter, func(r rune) rune {
		if r == 'İ' {
			return 'i'
		}
		return unicode.ToLower(r)
	})
}

func oldRunsOf(text string, in func(rune) bool, mapping func(rune) rune) []string {
	var out []string
	var b strings.Builder
	for _, r := range text {
		if in(r) {
			b.WriteRune(mapping(r))
			continue
		}
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	if b.Len() > 0 {
		out = append(out, b.String())
	}
	return out
}

func oldPrintOf(text string, cs []*contextCues) Print {
	ws := oldWords(text)
	h := fnv.New64a()
	var p Print
	for _, w := range ws {
		h.Write([]byte(w))
		h.Write([]byte{' '})
		sh := fnv.New64a()
		sh.Write([]byte(stem(w)))
		i := sh.Sum64() % 256
		p.Stems[i/64] |= 1 << (i % 64)
	}
	p.Text = h.Sum64()
	p.Words = len(ws)
	nh := fnv.New32a()
	for _, n := range oldRunsOf(oldMaskRE.ReplaceAllString(text, " "), unicode.IsDigit, func(r rune) rune { return r }) {
		nh.Write([]byte(n))
		nh.Write([]byte{' '})
	}
	p.Nums = nh.Sum32()
	for _, s := range sentences(text) {
		for _, c := range cs {
			for _, q := range c.pickup {
				p.Pickup = p.Pickup || q.re.MatchString(s)
			}
		}
	}
	return p
}

// corpusTexts are the texts of every JSONL file of testdata: the quality
// sets and the transcripts.
func corpusTexts(t testing.TB) []string {
	var texts []string
	err := filepath.WalkDir("../testdata", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".jsonl") {
			return err
		}
		r, err := os.Open(path)
		if err != nil {
			return err
		}
		defer r.Close()
		sc := bufio.NewScanner(r)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var line struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &line) == nil && line.Text != "" {
				texts = append(texts, line.Text)
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(texts) < 2000 {
		t.Fatalf("only %d texts", len(texts))
	}
	if raceEnabled { // every tenth: the whole corpus is read without -race
		sample := texts[:0]
		for i := 0; i < len(texts); i += 10 {
			sample = append(sample, texts[i])
		}
		texts = sample
	}
	return texts
}

var maskSeeds = []string{
	"Hi {{first_name}}, your code is {code} (%s) [ORDER_ID].",
	"{{a} b}} {x y} {} {{}} }{ {{{x}}} %d%v%q [A_B] [a] [] [AB",
	"Mail me at ayse.k+1@mail.example.com or @handle, a@ b@c @ x@",
	"see https://example.com/t/4411. or http://x, https:// or http:/x",
	"shop.com, my-shop.net! ex.org/x _a.example foo.comet 1.com şop.com ş.com é.org",
	"a{x}b@c d, {{a b}}c@d",
	"\xffa@b \xe2@x {\xff} [\xff] http://\xff",
	"tab\there\fform\rcr\vvt{a\vb} x@y\vz",
	"İıIi ſSs KkK ÇçĞğÖöŞşÜüƏəẞß ΣσςΩΩ Ǆǅǆ",
}

// words are a text's words as the readers here see them, lower-cased (dotted and dotless I folded as
// Turkish and Azerbaijani write them), with numbers, links, e-mail
// addresses and template placeholders left out (see masked).
func words(text string) []string {
	var out []string
	var buf [64]byte
	for w, rest := nextWord(masked(text), buf[:0]); len(w) > 0; w, rest = nextWord(rest, buf[:0]) {
		out = append(out, string(w))
	}
	return out
}

// oldContentSketch is contentSketch as it was written over words.
func oldContentSketch(text string, cs []*contextCues) (s sketch, n int) {
	for _, w := range words(text) {
		if len([]rune(w)) >= 4 && !slices.ContainsFunc(cs, func(c *contextCues) bool { return c.plain[stem(w)] }) {
			s.add(w)
			n++
		}
	}
	return s, n
}

// wordReaders holds hasWords and contentSketch to words.
func wordReaders(t *testing.T, text string) {
	n := len(words(text))
	for _, k := range []int{0, 1, 2, n, n + 1} {
		if got := hasWords(text, k); got != (n >= k) {
			t.Errorf("hasWords(%q, %d) = %v with %d words", text, k, got, n)
		}
	}
	for _, lang := range []lint.Lang{lint.English, lint.Turkish, ""} {
		cs := cuesFor(lang)
		gotS, gotN := contentSketch(text, cs)
		wantS, wantN := oldContentSketch(text, cs)
		if gotS != wantS || gotN != wantN {
			t.Errorf("%s: contentSketch(%q) = %v, %d, want %v, %d", lang, text, gotS, gotN, wantS, wantN)
		}
	}
}

func oldFold(s string) string { return strings.Map(foldRune, s) }

func TestMaskedAsThePattern(t *testing.T) {
	for _, text := range append(corpusTexts(t), maskSeeds...) {
		if got, want := fold(text), oldFold(text); got != want {
			t.Errorf("fold(%q) = %q, want %q", text, got, want)
		}
		if got, want := string(foldInto([]byte("kept"), text)), "kept"+oldFold(text); got != want {
			t.Errorf("foldInto(%q) = %q, want %q", text, got, want)
		}
		if got, want := masked(text), oldMaskRE.ReplaceAllString(text, " "); got != want {
			t.Errorf("masked(%q)\n = %q\nwant %q", text, got, want)
		}
		wordReaders(t, text)
	}
}

func FuzzMasked(f *testing.F) {
	for _, s := range maskSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := masked(text), oldMaskRE.ReplaceAllString(text, " "); got != want {
			t.Errorf("masked(%q)\n = %q\nwant %q", text, got, want)
		}
		if got, want := words(text), oldWords(text); strings.Join(got, "|") != strings.Join(want, "|") || len(got) != len(want) {
			t.Errorf("words(%q) = %q, want %q", text, got, want)
		}
		if got, want := fold(text), oldFold(text); got != want {
			t.Errorf("fold(%q) = %q, want %q", text, got, want)
		}
		if got, want := string(foldInto([]byte("kept"), text)), "kept"+oldFold(text); got != want {
			t.Errorf("foldInto(%q) = %q, want %q", text, got, want)
		}
		wordReaders(t, text)
		for _, lang := range []lint.Lang{lint.English, lint.Turkish, ""} {
			cs := cuesFor(lang)
			if got, want := printOf(text, fold(text), cs), oldPrintOf(text, cs); got != want {
				t.Errorf("%s: printOf(%q) = %+v, want %+v", lang, text, got, want)
			}
		}
	})
}

// The fingerprint of every text of the quality sets and transcripts is
// the one the regexps made, with the cues of every language.
func TestPrintOfAsBefore(t *testing.T) {
	pickups := 0
	cs := cuesFor("")
	for _, text := range corpusTexts(t) {
		got, want := printOf(text, fold(text), cs), oldPrintOf(text, cs)
		if got != want {
			t.Errorf("printOf(%q) = %+v, want %+v", text, got, want)
		}
		if got.Pickup {
			pickups++
		}
	}
	if pickups < 10 {
		t.Errorf("only %d texts take up a question: the test reads too little", pickups)
	}
}

// A cue passes over no text it matches, and one read with match (by its
// parts) tells a match exactly as its pattern does: every cue of every
// language, on every text of the quality sets and transcripts and on each
// of their sentences. Its needs pass over most of them, or they are no use.
func TestCuesAsTheirPatterns(t *testing.T) {
	texts := corpusTexts(t)
	skipped, checked, matched := 0, 0, 0
	for lang, cs := range contextByLang() {
		type list struct {
			cues  []*cue
			match bool // read with match, not blank
		}
		lists := []list{{cs.amount, false}, {cs.ask, true}, {cs.wrong, true}, {cs.newCustomer, true}, {cs.question, true}, {cs.pickup, true}}
		for d := range datums {
			lists = append(lists, list{cs.given[d], false}, list{cs.noun[d], false})
		}
		for _, l := range lists {
			for _, c := range l.cues {
				for _, text := range texts {
					folded := fold(text)
					may := c.may(folded)
					for _, s := range append(sentences(text), text) {
						checked++
						if may && !l.match {
							continue // blank runs the pattern itself
						}
						want := c.re.MatchString(s)
						if want && !may {
							t.Errorf("%s: %s matches %q, but its needs %s passed it over", lang, c.re, s, c.need)
						}
						if l.match {
							if got := c.match(s, folded); got != want {
								t.Errorf("%s: %s: match(%q) = %v, want %v", lang, c.re, s, got, want)
							}
						}
						if !may {
							skipped++
						}
						if want {
							matched++
						}
					}
				}
			}
		}
	}
	if skipped < checked/2 || matched < 100 {
		t.Errorf("the needs passed over %d of %d texts; %d matched", skipped, checked, matched)
	}
}

// FuzzCues holds every cue's needs and match to its pattern on any text.
func FuzzCues(f *testing.F) {
	for _, s := range []string{"Yes, let me check and get back to you.", "Evet, kontrol edip dönüyorum.", "Bəli, yoxlayırıq.",
		"Could you send your order number? It's #12345", "Sipariş numaranızı iletir misiniz?", "Sifariş nömrənizi göndərə bilərsinizmi?",
		"Price: $ 12.50 or 30 TL", "My name is Ayşe, call +90 532 123 45 67", "[photo]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		folded := fold(text)
		for lang, cs := range contextByLang() {
			lists := [][]*cue{cs.amount, cs.ask, cs.wrong, cs.newCustomer, cs.question, cs.pickup}
			for d := range datums {
				lists = append(lists, cs.given[d], cs.noun[d])
			}
			for _, l := range lists {
				for _, c := range l {
					want := c.re.MatchString(text)
					if want && !c.may(folded) {
						t.Errorf("%s: %s matches %q, but its needs %s passed it over", lang, c.re, text, c.need)
					}
					if got := c.match(text, folded); got != want {
						t.Errorf("%s: %s: match(%q) = %v, want %v", lang, c.re, text, got, want)
					}
				}
			}
		}
	})
}

// oldAsked is asked as it was: every sentence's patterns gated by the
// whole text's fold.
func oldAsked(text, folded string, cs []*contextCues) [datums]bool {
	var out [datums]bool
	for _, s := range sentences(text) {
		ask := false
		for _, c := range cs {
			ask = ask || matchAny(c.ask, s, folded)
		}
		if ask {
			named := nouns(s, folded, cs)
			for d := range datums {
				out[d] = out[d] || named[d]
			}
		}
	}
	return out
}

// FuzzAskedBySentence holds asked, which gates each sentence's patterns
// by the sentence's own fold, to the gate by the whole text's.
func FuzzAskedBySentence(f *testing.F) {
	for _, s := range []string{"Thanks! Could you send your order number?", "Sipariş numaranızı iletir misiniz? Teşekkürler.",
		"Salam. Telefon nömrənizi yazarsınızmı? Sifariş nömrəniz qəbzdə yazılıb.", "Keep your order number. Can you send a photo of the label?",
		"İYİ GÜNLER. E-POSTA ADRESİNİZİ PAYLAŞABİLİR MİSİNİZ?\nTeslimat adresiniz nedir!"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, l := range []lint.Lang{lint.English, lint.Turkish, lint.Azerbaijani, ""} {
			cs := cuesFor(l)
			if got, want := asked(text, fold(text), cs), oldAsked(text, fold(text), cs); got != want {
				t.Fatalf("%s %q: asks for %v, gated by the whole text %v", l, text, got, want)
			}
		}
	})
}
