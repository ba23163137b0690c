package lint

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// detectLangByStrings is DetectLang as it was first written, with the
// strings package and a lowered string per word per casing: the reference
// the allocation-free DetectLang must agree with.
func detectLangByStrings(text string) (Lang, bool) {
	scores := make([]int, len(langSpecs))
	for _, ls := range detector.letters {
		if k := ls.countAny(text); k > 0 {
			for _, u := range ls.uses {
				scores[u.lang] += u.Score + u.Each*k
			}
		}
	}
	score := func(w string) {
		lower := !hasNoUpper(w)
		for _, g := range detector.casings {
			lw := w
			if lower {
				lw = g.casing.Lower(w)
			}
			for _, i := range g.stop[lw] {
				scores[i] += langSpecs[i].Detect.Common
			}
			for i, ls := range langSpecs {
				if ls.Casing != g.casing {
					continue
				}
				for _, c := range ls.Detect.Words {
					if wordCueMatches(c, lw) {
						scores[i] += c.Score
					}
				}
			}
		}
	}
	start := -1
	for i, r := range text {
		if unicode.IsLetter(r) || r == '\'' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			score(text[start:i])
			start = -1
		}
	}
	if start >= 0 {
		score(text[start:])
	}
	best := 0
	for i, n := range scores {
		if n > scores[best] {
			best = i
		}
	}
	if scores[best] == 0 {
		return "", false
	}
	return langSpecs[best].Code, true
}

func wordCueMatches(c WordCue, w string) bool {
	if len(c.Letters) > 0 {
		all := true
		for _, set := range c.Letters {
			all = all && strings.ContainsAny(w, set)
		}
		if all {
			return true
		}
	}
	for _, s := range c.Suffixes {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	for _, s := range c.Contains {
		if strings.Contains(w, s) {
			return true
		}
	}
	return false
}

var detectSeeds = []string{"", "OK", "https://x.io", "Thank you for your order!", "Siparişiniz için teşekkür ederiz.",
	"Sifarişiniz üçün təşəkkür edirik.", "Tesekkurler, iyi gunler", "IŞIK İSTANBUL Iğdır ÇOK ƏLİ", "GELİYORUZ yapıyor",
	"xoş QƏBUL", "Ⅰ ǅ ﬁ", "\xffI aI\xc3 ə\xffə", "don't can’t Luma'ya", "İi Iı", "ƏƏə şŞ çÇ", "\u0130stanbul \u0049\u0307"}

// FuzzDetectLang checks DetectLang against the reference on any text.
func FuzzDetectLang(f *testing.F) {
	for _, s := range detectSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		gl, gok := DetectLang(s)
		wl, wok := detectLangByStrings(s)
		if gl != wl || gok != wok {
			t.Errorf("DetectLang(%q) = %q, %v; the reference says %q, %v", s, gl, gok, wl, wok)
		}
	})
}

// FuzzAppendLower checks AppendLower against Lower, and the apostrophe
// test against strings.ContainsAny.
func FuzzAppendLower(f *testing.F) {
	for _, s := range detectSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range []Casing{DefaultCasing, TurkicCasing} {
			if got, want := string(c.appendLower([]byte("x"), s)), "x"+c.Lower(s); got != want {
				t.Errorf("%s appendLower(%q) = %q, want %q", c, s, got, want)
			}
		}
		if got, want := hasTypographicApostrophe(s), strings.ContainsAny(s, "’ʼ‘"); got != want {
			t.Errorf("hasTypographicApostrophe(%q) = %v, want %v", s, got, want)
		}
		for _, l := range Langs {
			if got, want := string(AppendLower([]byte("x"), l, s)), "x"+Lower(l, s); got != want {
				t.Errorf("AppendLower(%s, %q) = %q, want %q", l, s, got, want)
			}
		}
	})
}

// DetectLang runs on most messages: it must not allocate.
func TestDetectLangAllocs(t *testing.T) {
	text := "Siparişiniz İÇİN Teşekkür ederiz, IŞIK Thank You. Sifarişiniz üçün Təşəkkür EDİRİK."
	if n := testing.AllocsPerRun(100, func() { DetectLang(text) }); n != 0 {
		t.Errorf("DetectLang allocates %v times", n)
	}
}

// The case table answers as unicode does for every rune.
func TestLatinCase(t *testing.T) {
	for r := rune(-1); r <= 0x3000; r++ {
		if IsUpper(r) != unicode.IsUpper(r) || IsLower(r) != unicode.IsLower(r) || IsDigit(r) != unicode.IsDigit(r) ||
			isUpperOrTitle(r) != (unicode.IsUpper(r) || unicode.IsTitle(r)) {
			t.Errorf("case of %U", r)
		}
	}
}

// isAbbreviationByStrings is IsAbbreviation as first written, with
// lowered strings: the reference for the buffered one.
func isAbbreviationByStrings(l Lang, before, word string) bool {
	t := spec(l)
	if t == nil {
		return false
	}
	w := Lower(l, word)
	if t.abbr[w] {
		return true
	}
	if prev := lastWord(before); prev != "" {
		return t.abbr[Lower(l, prev)+" "+w]
	}
	return false
}

func FuzzIsAbbreviation(f *testing.F) {
	for _, s := range [][2]string{{"", "Dr"}, {"Sifariş və", "s"}, {"VƏ", "S"}, {"x", "e.g"}, {"Hz", "İ"}, {"", "NO"}, {"a b", "ltd"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, before, word string) {
		for _, l := range Langs {
			if got, want := IsAbbreviation(l, before, word), isAbbreviationByStrings(l, before, word); got != want {
				t.Errorf("IsAbbreviation(%s, %q, %q) = %v, want %v", l, before, word, got, want)
			}
		}
	})
}

// Every text of characters below U+0300 is in NFC, as NormWord assumes.
func FuzzNFCInert(f *testing.F) {
	for _, s := range detectSeeds {
		f.Add(s)
	}
	f.Add("A\u0300")
	f.Fuzz(func(t *testing.T, s string) {
		if nfcInert(s) && norm.NFC.String(s) != s {
			t.Errorf("%q is not its own NFC form", s)
		}
	})
}

// A pair of characters below U+0300 never composes.
func TestNFCInertPairs(t *testing.T) {
	for a := rune(0x80); a < 0x300; a++ {
		if s := string(a); !norm.NFC.IsNormalString(s) {
			t.Fatalf("%U is not its own NFC form", a)
		}
	}
	for a := rune(0x20); a < 0x300; a++ {
		for b := rune(0x20); b < 0x300; b++ {
			if s := string(a) + string(b); !norm.NFC.IsNormalString(s) {
				t.Fatalf("%U %U compose", a, b)
			}
		}
	}
}

func FuzzRuneCount(f *testing.F) {
	for _, s := range detectSeeds {
		f.Add([]byte(s + s + s))
	}
	// Eight bytes of two-byte letters and ASCII, and ones that only look
	// like them: a letter cut at the eighth byte, overlong C0 and C1, a lone
	// continuation byte, a three-byte character.
	for _, s := range []string{"şəğüöçıİ", "aşbəcğdü", "abcdefgş", "abcdefgşh", "\xc0\x80abcdef", "\xc1\xbfabcdef", "\x80şəğabc", "a€bcdefgh", "şə\xc3(abcdefghij"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := runeCount(b), utf8.RuneCount(b); got != want {
			t.Errorf("runeCount(%q) = %d, want %d", b, got, want)
		}
		// Each span of b, read with the bytes after it within reach
		// (a span of a file's line): its last bytes are read as eight.
		for i := 0; i <= len(b) && i < 16; i++ {
			for j := i; j <= len(b) && j <= i+40; j++ {
				if got, want := runeCount(b[i:j]), utf8.RuneCount(b[i:j]); got != want {
					t.Fatalf("runeCount(%q) with %q after = %d, want %d", b[i:j], b[j:], got, want)
				}
			}
		}
	})
}

// With more letter sets than DetectLang counts in its pass (a pack may add
// many), each set searches the text itself, with the same result.
func TestDetectLangManyLetterSets(t *testing.T) {
	saved := detector
	defer func() { detector = saved }()
	specs := slices.Clone(langSpecs)
	az := *specs[2]
	for _, l := range []string{"a", "b", "c", "d", "e", "f", "g", "h", "ə"} {
		az.Detect.Letters = append(slices.Clone(az.Detect.Letters), LetterCue{Any: l + "Ə", Score: 1})
	}
	specs[2] = &az
	saved2 := langSpecs
	langSpecs = specs
	defer func() { langSpecs = saved2 }()
	detector = arrange(langSpecs)
	if len(detector.letters) <= 8 {
		t.Fatalf("%d letter sets", len(detector.letters))
	}
	for _, s := range detectSeeds {
		gl, gok := DetectLang(s)
		wl, wok := detectLangByStrings(s)
		if gl != wl || gok != wok {
			t.Errorf("DetectLang(%q) = %q, %v; the reference says %q, %v", s, gl, gok, wl, wok)
		}
	}
}
