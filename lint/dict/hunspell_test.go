package dict

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

func expand(t testing.TB, aff, dic string) (words []string, forbidden []string) {
	t.Helper()
	h, err := ParseHunspell(strings.NewReader(aff), strings.NewReader(dic))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	h.Expand(func(f Form) {
		if !seen[f.Word] {
			seen[f.Word] = true
			words = append(words, f.Word)
		}
	}, func(w string) { forbidden = append(forbidden, w) })
	sort.Strings(words)
	return words, forbidden
}

func TestExpandEnglishStyle(t *testing.T) {
	aff := `SET UTF-8
ICONV 1
ICONV ’ '
NOSUGGEST !
FORBIDDENWORD *
PFX U Y 1
PFX U   0     un         .

SFX D Y 4
SFX D   0     d          e
SFX D   y     ied        [^aeiou]y
SFX D   0     ed         [^ey]
SFX D   0     ed         [aeiou]y

SFX S Y 4
SFX S   y     ies        [^aeiou]y
SFX S   0     s          [aeiou]y
SFX S   0     es         [sxzh]
SFX S   0     s          [^sxzhy]
`
	dic := "5\nship/DS\ncarry/DSU\nplay/D\nbox/S\nrecieve/*\n"
	got, forb := expand(t, aff, dic)
	want := []string{"box", "boxes", "carried", "carries", "carry", "played", "play", "ship", "shiped", "ships",
		"uncarried", "uncarries", "uncarry"}
	sort.Strings(want)
	if !slices.Equal(got, want) {
		t.Errorf("expand:\n got %q\nwant %q", got, want)
	}
	if !slices.Equal(forb, []string{"recieve"}) {
		t.Errorf("forbidden: %q", forb)
	}
}

func TestFlagModes(t *testing.T) {
	for _, c := range []struct{ name, aff, dic string }{
		{"long", "FLAG long\nSFX Aa Y 1\nSFX Aa 0 s .\n", "cat/AaBb\n"},
		{"num", "FLAG num\nSFX 12 Y 1\nSFX 12 0 s .\n", "cat/3,12\n"},
		{"utf8", "FLAG UTF-8\nSFX ş Y 1\nSFX ş 0 s .\n", "cat/şç\n"},
		{"alias", "AF 1\nAF S\nSFX S Y 1\nSFX S 0 s .\n", "cat/1\n"},
	} {
		got, _ := expand(t, c.aff, c.dic)
		if !slices.Equal(got, []string{"cat", "cats"}) {
			t.Errorf("%s: %q", c.name, got)
		}
	}
}

func TestContinuationAndNeedAffix(t *testing.T) {
	aff := "NEEDAFFIX !\nSFX A Y 1\nSFX A 0 ler/B .\nSFX B Y 1\nSFX B 0 i .\n"
	got, _ := expand(t, aff, "ev/A!\n")
	if !slices.Equal(got, []string{"evler", "evleri"}) {
		t.Errorf("got %q", got)
	}
}

func TestParseErrors(t *testing.T) {
	for _, aff := range []string{"SET ISO8859-9\n", "FLAG weird\n", "SFX A Y x\n", "SFX A Y 1\nSFX A 0 s [ab\n"} {
		if _, err := ParseHunspell(strings.NewReader(aff), strings.NewReader("")); err == nil {
			t.Errorf("aff %q: want an error", aff)
		}
	}
	if _, err := ParseHunspell(strings.NewReader("FLAG num\n"), strings.NewReader("1\nword/x\n")); err == nil {
		t.Error("bad numeric flag in .dic: want an error")
	}
}

func TestCompiledRoundTrip(t *testing.T) {
	forms := []Form{{Word: "b"}, {Word: "a"}, {Word: "slur", NoSuggest: true}, {Word: "b"}}
	for i := 0; i < 100; i++ {
		forms = append(forms, Form{Word: "w" + strings.Repeat("x", i)})
	}
	var buf bytes.Buffer
	if err := Write(&buf, forms, [][2]string{{"’", "'"}}); err != nil {
		t.Fatal(err)
	}
	l, err := readList(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if l.count != 103 {
		t.Errorf("count %d", l.count)
	}
	d := newDict("en", l)
	for _, f := range forms {
		if !d.Has(f.Word) || d.Suggestable(f.Word) == f.NoSuggest {
			t.Errorf("%q: has %v suggestable %v", f.Word, d.Has(f.Word), d.Suggestable(f.Word))
		}
	}
	for _, w := range []string{"", "0", "c", "wxy", "zzz", "slurs", "w" + strings.Repeat("x", 100)} {
		if d.Has(w) {
			t.Errorf("Has(%q)", w)
		}
	}
	if _, err := readList(bytes.NewReader([]byte("not a list"))); err == nil {
		t.Error("want an error for a corrupt file")
	}
}

// TestChunks checks a list of several chunks: every word found with its
// rank, counts across chunk borders, and corrupt entries found by verify
// and answered as not found, not a panic.
func TestChunks(t *testing.T) {
	var forms []Form
	// 4 103 words: the prefix w040 (w04000…w04099) spans the border
	// between the fourth and fifth chunk of 1 024.
	for i := range 4103 {
		forms = append(forms, Form{Word: fmt.Sprintf("w%05d", i)})
	}
	var buf bytes.Buffer
	if err := Write(&buf, forms, nil); err != nil {
		t.Fatal(err)
	}
	raw := bytes.Clone(buf.Bytes())
	l, err := parseList(raw)
	if err != nil {
		t.Fatal(err)
	}
	if chunks := len(l.keys) / 16; chunks != (len(forms)+chunkEntries-1)/chunkEntries || chunks < 2 || l.count != len(forms) {
		t.Fatalf("%d chunks, %d words", chunks, l.count)
	}
	for i, f := range forms {
		if rank, found, _ := l.search(f.Word); !found || rank != i {
			t.Fatalf("%s: rank %d found %v, want %d", f.Word, rank, found, i)
		}
	}
	if n := l.prefixCount("w0"); n != len(forms) {
		t.Errorf("prefixCount(w0) = %d, want %d", n, len(forms))
	}
	if n := l.prefixCount("w040"); n != 100 {
		t.Errorf("prefixCount(w040) = %d, want 100 (across the first border)", n)
	}
	n := 0
	l.each(func(string, bool) bool { n++; return true })
	if n != len(forms) || l.verify() != nil {
		t.Errorf("each saw %d of %d; verify: %v", n, len(forms), l.verify())
	}
	// Make the last entry's suffix run past the end: that entry is
	// corrupt, the others still answer.
	raw[len(raw)-len(forms[len(forms)-1].Word)-1] = 0x7f
	l, err = parseList(raw)
	if err != nil {
		t.Fatal(err)
	}
	if l.verify() == nil {
		t.Error("verify passed a corrupt entry")
	}
	if ok, _ := l.lookup("w00001"); !ok {
		t.Error("a good block lost its words")
	}
	if ok, _ := l.lookup(forms[len(forms)-1].Word); ok {
		t.Error("a corrupt entry answered")
	}
}

// TestEmbeddedListsDecode reads every entry of every shipped list: a run
// checks only what it reads, so a bad one must be caught here.
func TestEmbeddedListsDecode(t *testing.T) {
	for _, lang := range Langs() {
		d, err := load(lang, loaders[lang].data)
		if err != nil {
			t.Fatal(err)
		}
		if err := d.l.verify(); err != nil {
			t.Errorf("%s: %v", lang, err)
		}
	}
}

// FuzzParseHunspell feeds arbitrary .aff and .dic text to the reader and
// the expansion: they may fail, never panic, and whatever they produce must
// compile and read back.
func FuzzParseHunspell(f *testing.F) {
	f.Add("SFX D Y 2\nSFX D y ied [^aeiou]y\nSFX D 0 ed [^y]\nPFX U Y 1\nPFX U 0 un .\n", "2\ncarry/DU\nplay/D\n")
	f.Add("FLAG num\nSFX 1 N 1\nSFX 1 0 'nın .\n", "İstanbul/1\n")
	f.Add("FLAG long\nAF 1\nAF AaBb\nSFX Aa Y 1\nSFX Aa 0 s/Bb .\nSFX Bb Y 1\nSFX Bb s x s\n", "cat/1\n")
	f.Add("FLAG UTF-8\nICONV 1\nICONV ’ '\nSFX ş Y 1\nSFX ş a ə [^\n", "km\\/h/ş\tpo:noun\n")
	f.Fuzz(func(t *testing.T, aff, dic string) {
		h, err := ParseHunspell(strings.NewReader(aff), strings.NewReader(dic))
		if err != nil {
			return
		}
		var forms []Form
		h.Expand(func(f Form) {
			if len(forms) < 10000 {
				forms = append(forms, f)
			}
		}, nil)
		kept := forms[:0]
		for _, f := range forms {
			if f.Word != "" {
				kept = append(kept, f)
			}
		}
		var buf bytes.Buffer
		if err := Write(&buf, kept, h.Iconv); err != nil {
			t.Fatal(err)
		}
		l, err := readList(&buf)
		if err != nil {
			t.Fatal(err)
		}
		d := newDict("tr", l)
		for _, f := range kept {
			if ok, _ := d.l.lookup(f.Word); !ok {
				t.Fatalf("%q lost in compilation", f.Word)
			}
			d.Has(f.Word)
		}
	})
}

// FuzzReadList checks that a corrupt compiled file is an error, not a
// panic, and that lookups on whatever reads back stay in bounds.
func FuzzReadList(f *testing.F) {
	var buf bytes.Buffer
	Write(&buf, []Form{{Word: "a"}, {Word: "ab"}, {Word: "b", NoSuggest: true}}, nil)
	f.Add(buf.Bytes(), "ab")
	buf.Reset()
	var many []Form
	for i := range 3*chunkEntries + 5 {
		many = append(many, Form{Word: strconv.Itoa(i)})
	}
	Write(&buf, many, nil)
	f.Add(buf.Bytes(), "4097")
	f.Fuzz(func(t *testing.T, raw []byte, word string) {
		l, err := parseList(raw)
		if err != nil {
			return
		}
		l.verify()
		l.lookup(word)
		if n := l.prefixCount(word); n < 0 || n > l.count {
			t.Fatalf("prefixCount(%q) = %d of %d", word, n, l.count)
		}
		l.each(func(string, bool) bool { return true })
	})
}
