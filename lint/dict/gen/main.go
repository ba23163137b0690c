// Command gen compiles one language's spelling dictionary from its source
// files into the format package dict embeds. gen.sh fetches the sources and
// runs it for every language; see there.
//
//	go run ./lint/dict/gen -lang en -hunspell a.aff:a.dic -hunspell b.aff:b.dic -out en.dict
//	go run ./lint/dict/gen -lang az -words aze.words -exclude az.txt -out az.dict
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/msglint/msglint/lint/dict"
)

type multi []string

func (m *multi) String() string     { return strings.Join(*m, ",") }
func (m *multi) Set(s string) error { *m = append(*m, s); return nil }

func main() {
	var hun, words, rare, excl multi
	lang := flag.String("lang", "", "language code: en, tr or az")
	out := flag.String("out", "", "compiled file to write")
	removed := flag.String("removed", "", "optional file listing the words dropped as misspellings, for review")
	flag.Var(&hun, "hunspell", "aff:dic pair to expand (repeatable; the union is kept)")
	flag.Var(&words, "words", "plain word list, one word a line (repeatable)")
	flag.Var(&rare, "rare", "plain word list of rarer words: correct, never suggested (repeatable)")
	flag.Var(&excl, "exclude", "curated misspelling list (wrong,right lines) whose wrong forms are dropped")
	flag.Parse()
	if *lang == "" || *out == "" {
		log.Fatal("gen: -lang and -out are required")
	}
	turkic := *lang == "tr" || *lang == "az"

	var forms []dict.Form
	var iconv [][2]string
	forbidden := map[string]bool{}
	for _, p := range hun {
		affPath, dicPath, ok := strings.Cut(p, ":")
		if !ok {
			log.Fatalf("gen: -hunspell wants aff:dic, got %q", p)
		}
		h := parse(affPath, dicPath)
		n := len(forms)
		h.Expand(func(f dict.Form) { forms = append(forms, f) }, func(w string) { forbidden[w] = true })
		log.Printf("%s: %d stems, %d forms", dicPath, h.Stems(), len(forms)-n)
		iconv = mergeIconv(iconv, h.Iconv)
	}
	for _, p := range words {
		ws := readWords(p, turkic)
		log.Printf("%s: %d words kept", p, len(ws))
		for _, w := range ws {
			forms = append(forms, dict.Form{Word: w})
		}
	}
	// A rarer word is accepted but never offered as a fix: a slip is
	// far likelier to mean a common word (sommelier -> comelier).
	known := map[string]bool{}
	for _, f := range forms {
		known[f.Word] = true
	}
	for _, p := range rare {
		ws := readWords(p, turkic)
		n := 0
		for _, w := range ws {
			if !known[w] {
				known[w] = true
				forms = append(forms, dict.Form{Word: w, NoSuggest: true})
				n++
			}
		}
		log.Printf("%s: %d rarer words added", p, n)
	}
	// Typographic apostrophes are read as ASCII in every language: Turkish
	// proper-noun suffixes (Ankara’nın) and English contractions alike.
	iconv = mergeIconv(iconv, [][2]string{{"’", "'"}})

	if *lang == "tr" {
		// Circumflexes are optional in current Turkish spelling; the plain
		// form of each entry lets a lookup fold the query and find it.
		for _, f := range forms {
			if g := dict.FoldCircumflex(f.Word); g != f.Word {
				forms = append(forms, dict.Form{Word: g, NoSuggest: f.NoSuggest})
			}
		}
	}

	var drop []string
	if *lang == "az" {
		drop = append(drop, paradigmMisspellings(forms)...)
	}
	for _, p := range excl {
		drop = append(drop, curatedMisspellings(p, forms, *lang)...)
	}
	for w := range forbidden {
		drop = append(drop, w)
	}
	dropSet := map[string]bool{}
	for _, w := range drop {
		dropSet[w] = true
	}
	kept := forms[:0]
	for _, f := range forms {
		if !dropSet[f.Word] {
			kept = append(kept, f)
		}
	}
	forms = kept

	var buf bytes.Buffer
	if err := dict.Write(&buf, forms, iconv); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("%s: %d entries before dedup, %d dropped as misspellings, %d bytes", *out, len(forms), len(dropSet), buf.Len())
	if *removed != "" {
		list := make([]string, 0, len(dropSet))
		for w := range dropSet {
			list = append(list, w)
		}
		sort.Strings(list)
		if err := os.WriteFile(*removed, []byte(strings.Join(list, "\n")+"\n"), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

func parse(affPath, dicPath string) *dict.Hunspell {
	aff, err := os.Open(affPath)
	if err != nil {
		log.Fatal(err)
	}
	defer aff.Close()
	dic, err := os.Open(dicPath)
	if err != nil {
		log.Fatal(err)
	}
	defer dic.Close()
	h, err := dict.ParseHunspell(bufio.NewReader(aff), bufio.NewReader(dic))
	if err != nil {
		log.Fatalf("%s: %v", dicPath, err)
	}
	return h
}

func mergeIconv(a, b [][2]string) [][2]string {
	for _, p := range b {
		dup := false
		for _, q := range a {
			dup = dup || q == p
		}
		if !dup {
			a = append(a, p)
		}
	}
	return a
}

// azLetters is the Azerbaijani Latin alphabet plus w (foreign names); an
// entry with any other letter is crawl noise (Cyrillic, OCR-like junk,
// quotes glued to words).
const azLetters = "abcçdeəfgğhxıijkqlmnoöprsştuüvwyz"

// readWords reads a plain list. For Turkic lists (Tesseract's web-crawled
// Azerbaijani words) it keeps only words in the alphabet, with inner
// hyphens and apostrophes, and stores them in lower case: the list's
// capitals come from sentence starts and headlines, not from marking names,
// so a capital there says nothing about how the word must be written.
func readWords(path string, turkic bool) []string {
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	var out []string
	for _, w := range strings.Fields(string(b)) {
		if !utf8.ValidString(w) {
			continue
		}
		if !turkic {
			out = append(out, w)
			continue
		}
		if mixedCase(w) {
			continue // şöbəsİ, YOXLAMAq: noise, not a spelling anyone means
		}
		w = strings.ToLowerSpecial(unicode.TurkishCase, w)
		if okAz(w) {
			out = append(out, w)
		}
	}
	return out
}

// mixedCase is true for a word with a capital after a lower-case letter.
func mixedCase(w string) bool {
	seenLower := false
	for _, r := range w {
		if unicode.IsLower(r) {
			seenLower = true
		} else if unicode.IsUpper(r) && seenLower {
			return true
		}
	}
	return false
}

func okAz(w string) bool {
	if utf8.RuneCountInString(w) < 1 {
		return false
	}
	prev := rune(0)
	for i, r := range w {
		switch {
		case strings.ContainsRune(azLetters, r):
		case (r == '-' || r == '\'') && i > 0 && i < len(w)-1 && prev != '-' && prev != '\'':
		default:
			return false
		}
		prev = r
	}
	return true
}

// paradigmMisspellings finds misspelt stems in a web-crawled list by the
// two Azerbaijani errors that also make plausible-looking words: a doubled
// consonant written single (təşəkür for təşəkkür) and an h dropped between
// vowels (xaiş for xahiş). The list has no frequencies, so the size of a
// stem's paradigm stands in for it: a correct stem is seen with many
// endings, its misspelling with few. A stem is dropped (with every form
// built on it) when the corrected stem starts at least ten times as many
// entries and at least twenty.
func paradigmMisspellings(forms []dict.Form) []string {
	words := make([]string, 0, len(forms))
	set := make(map[string]bool, len(forms))
	for _, f := range forms {
		if !set[f.Word] {
			set[f.Word] = true
			words = append(words, f.Word)
		}
	}
	sort.Strings(words)
	family := func(p string) int {
		lo := sort.SearchStrings(words, p)
		hi := lo
		for hi < len(words) && strings.HasPrefix(words[hi], p) {
			hi++
		}
		return hi - lo
	}
	const vowels = "aeəıioöuü"
	// A real stem is a word seen with at least three common endings; the
	// crawl also has fragments cut at line breaks (fəaliy, müəl) that are
	// words on the list but have no paradigm.
	endings := []string{"lar", "lər", "ın", "in", "un", "ün", "a", "ə", "ı", "i", "u", "ü", "da", "də", "dan", "dən"}
	realStem := func(p string) bool {
		if !set[p] {
			return false
		}
		n := 0
		for _, e := range endings {
			if set[p+e] {
				n++
			}
		}
		return n >= 3
	}
	bad := map[string]bool{}
	for _, w := range words {
		rs := []rune(w)
		if len(rs) < 4 {
			continue // short stems are too ambiguous to judge this way
		}
		var cands []string
		for i := 1; i < len(rs); i++ {
			c := rs[i]
			// A consonant after a vowel, not already doubled, and not the
			// end of a stem that is itself a word: gözəl+ə must not be read
			// as a misspelt gözəllə (gözəl+lə), nor yol+ar as yollar.
			if !strings.ContainsRune(vowels, c) && c != '-' && c != '\'' && rs[i-1] != c && (i+1 == len(rs) || rs[i+1] != c) &&
				strings.ContainsRune(vowels, rs[i-1]) && !realStem(string(rs[:i+1])) {
				cands = append(cands, string(rs[:i])+string(c)+string(rs[i:]))
			}
			if strings.ContainsRune(vowels, rs[i-1]) && strings.ContainsRune(vowels, c) {
				cands = append(cands, string(rs[:i])+"h"+string(rs[i:]))
			}
		}
		var fw int
		for _, c := range cands {
			if !set[c] {
				continue
			}
			if fw == 0 {
				fw = family(w)
			}
			if fc := family(c); fc >= 20 && fc >= 10*fw {
				bad[w] = true
				break
			}
		}
	}
	var out []string
	for _, w := range words {
		for p := range prefixes(w) {
			if bad[p] {
				out = append(out, w)
				break
			}
		}
	}
	return out
}

// prefixes yields every prefix of w that ends on a rune boundary,
// including w.
func prefixes(w string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for i := range w {
			if i > 0 && !yield(w[:i]) {
				return
			}
		}
		yield(w)
	}
}

// curatedMisspellings reads msglint's curated list (wrong,right; "=wrong"
// for the whole word only; "-ending" for a wrong ending) and returns the
// entries it marks wrong, so that the dictionary does not accept what the
// curated list reports. Only whole words go, and in Azerbaijani also the
// forms built on a wrong stem of six or more letters (hərkəsə, təşəkürlər):
// shorter wrong stems and wrong endings are prefixes and endings of correct
// words too (sağol- of sağollaşdı, -miyim of hekimiyim), and the spelling
// rule, which has precedence, already reports them in context.
func curatedMisspellings(path string, forms []dict.Form, lang string) []string {
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	exact, prefix := map[string]bool{}, map[string]bool{}
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' || line[0] == '-' {
			continue
		}
		wrong, _, _ := strings.Cut(line, ",")
		wrong = strings.TrimPrefix(wrong, "=")
		exact[wrong] = true
		if lang == "az" && !strings.HasPrefix(line, "=") && utf8.RuneCountInString(wrong) >= 6 {
			prefix[wrong] = true
		}
	}
	var out []string
	for _, f := range forms {
		lw := strings.ToLowerSpecial(unicode.TurkishCase, f.Word)
		drop := exact[lw]
		for p := range prefixes(lw) {
			drop = drop || prefix[p]
		}
		if drop {
			out = append(out, f.Word)
		}
	}
	return out
}

func init() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: gen -lang L -out FILE [-hunspell aff:dic]... [-words FILE]... [-exclude FILE]...")
		flag.PrintDefaults()
	}
}
