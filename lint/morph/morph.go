// Package morph accepts inflected Turkish and Azerbaijani words by
// stripping suffix chains until a dictionary form is left: kargonuza is
// kargo+nuz+a, siparişinizdeki sipariş+iniz+de+ki, onaylayamıyoruz
// onayla+yama+ıyor+uz. The paradigms are data (data/<lang>.yaml): suffix
// classes, the forms of each written with archiphonemes (A, I, D, C and
// buffers), and which classes may precede which. Vowel harmony, buffer
// letters, d/t and c/ç assimilation and stem-final consonant alternation
// (kitap/kitabı) are worked out from the forms, not listed.
//
// The dictionaries list words with one or two suffixes; this package adds
// the longer chains that customer messages are made of.
package morph

import (
	"embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

//go:generate go run ./internal/compile

//go:embed data/*.yaml
var dataFS embed.FS

// maxSuffixes bounds a chain: the longest real chains have six or seven
// suffixes (siparişlerinizdekilerden); the bound keeps a pathological word
// from costing more than a few hundred look-ups.
const maxSuffixes = 8

// Analyzer knows one language's suffix paradigms.
type Analyzer struct {
	lang        string
	classes     []*class // every class, each may end a word
	alternation map[rune]rune
	softs       []rune       // alternation's keys, in order
	vowels      map[rune]int // vowel -> harmony context
	a           [2]string    // A as back, front
	voiceless   string       // the consonants D and C become t and ç after
	// singleVowels are the realisations of A and I, the one-vowel
	// suffixes that show whether a stem alternates.
	singleVowels []string
	infinitive   []string // endings that make a verb stem a dictionary word
	// frontStems are the stems whose endings take front vowels after a
	// back one (saat: saatiniz; rol: rolü): their last vowel reads as its
	// front counterpart.
	frontStems map[string]bool
}

type class struct {
	name      string
	idx       uint // the class's place in Analyzer.classes
	after     []*class
	afterStem bool
	afterVerb bool            // after a verb stem only: one the dictionary has an infinitive of
	stems     map[string]bool // if set, the only stems the class follows
	variants  []variant
}

// Harmony contexts: the kind of the last vowel before a suffix.
const (
	backFlat = iota // a ı
	backRound
	frontFlat // e ə i
	frontRound
)

// What the letter before a suffix may be.
const (
	prevVowel = 1 << iota
	prevVoiced
	prevVoiceless
	prevAny = prevVowel | prevVoiced | prevVoiceless
)

type variant struct {
	template     string // the form as the data writes it
	surface      string
	harmony      uint8 // contexts the preceding vowel may have; 0 = any
	prev         uint8 // what the letter before may be
	next         string
	dropsVowel   bool   // ~: takes the place of a final a/e
	withN        string // for a form written without its (n): the form with it
	vowelInitial bool
}

// next conditions.
const (
	nextAny       = ""
	nextVowel     = "V"
	nextConsonant = "C" // or the end of the word
)

var (
	loadOnce sync.Map // lang -> *onceAnalyzer
)

type onceAnalyzer struct {
	once sync.Once
	a    *Analyzer
	err  error
}

// For returns the analyzer of a language, read from its data file on first
// use; a language without paradigms gets an error.
func For(lang string) (*Analyzer, error) {
	v, _ := loadOnce.LoadOrStore(lang, &onceAnalyzer{})
	o := v.(*onceAnalyzer)
	o.once.Do(func() {
		if f := compiled(lang); f != nil {
			o.a, o.err = build(lang, f)
			return
		}
		b, err := dataFS.ReadFile("data/" + lang + ".yaml")
		if err != nil {
			o.err = fmt.Errorf("morph: no paradigms for %q", lang)
			return
		}
		o.a, o.err = Parse(lang, b)
		if o.err != nil {
			o.err = fmt.Errorf("morph: data/%s.yaml: %v", lang, o.err)
		}
	})
	return o.a, o.err
}

// Langs are the languages that have paradigms.
func Langs() []string {
	ents, _ := dataFS.ReadDir("data")
	var out []string
	for _, e := range ents {
		out = append(out, strings.TrimSuffix(e.Name(), ".yaml"))
	}
	return out
}

// file is a paradigm file as the data writes it. Its decoded form is also
// compiled into the binary (compiled.go), so that a run does not parse
// YAML before its first Turkish word.
type file struct {
	Letters     letters              `yaml:"letters"`
	Alternation map[string]string    `yaml:"alternation"`
	Infinitive  []string             `yaml:"infinitive"`
	FrontStems  []string             `yaml:"front_stems"`
	Classes     map[string]classSpec `yaml:"classes"`
}

type letters struct {
	A         []string `yaml:"A"`
	I         []string `yaml:"I"`
	K         []string `yaml:"K"`
	Voiceless string   `yaml:"voiceless"`
}

type classSpec struct {
	After []string `yaml:"after"`
	Forms []string `yaml:"forms"`
	Stems []string `yaml:"stems"`
}

// Parse reads a paradigm file (see data/tr.yaml for the notation).
func Parse(lang string, data []byte) (*Analyzer, error) {
	f, err := decode(data)
	if err != nil {
		return nil, err
	}
	return build(lang, f)
}

func decode(data []byte) (*file, error) {
	var f file
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, err
	}
	return &f, nil
}

// build makes the analyzer of a decoded paradigm file.
func build(lang string, f *file) (*Analyzer, error) {
	if len(f.Letters.A) != 2 || len(f.Letters.I) != 4 || len(f.Letters.K) != 0 && len(f.Letters.K) != 2 {
		return nil, fmt.Errorf("letters: want A with 2 letters (back, front), I with 4 (ı u i ü order) and K, if given, with 2 (back, front)")
	}
	a := &Analyzer{lang: lang, alternation: map[rune]rune{}, vowels: map[rune]int{}, a: [2]string{f.Letters.A[0], f.Letters.A[1]}, voiceless: f.Letters.Voiceless}
	a.singleVowels = append(append([]string{}, f.Letters.I...), f.Letters.A...)
	for _, v := range "aıâ" {
		a.vowels[v] = backFlat
	}
	for _, v := range "ouû" {
		a.vowels[v] = backRound
	}
	for _, v := range "eəiî" {
		a.vowels[v] = frontFlat
	}
	for _, v := range "öü" {
		a.vowels[v] = frontRound
	}
	for k, v := range f.Alternation {
		kr, _ := utf8.DecodeRuneInString(k)
		vr, _ := utf8.DecodeRuneInString(v)
		if utf8.RuneCountInString(k) != 1 || utf8.RuneCountInString(v) != 1 {
			return nil, fmt.Errorf("alternation %s: %s: want one letter each", k, v)
		}
		a.alternation[kr] = vr
		a.softs = append(a.softs, kr)
	}
	slices.Sort(a.softs)
	a.infinitive = f.Infinitive
	if len(f.FrontStems) > 0 {
		a.frontStems = map[string]bool{}
		for _, st := range f.FrontStems {
			a.frontStems[st] = true
		}
	}
	byName := map[string]*class{}
	names := make([]string, 0, len(f.Classes))
	for name := range f.Classes {
		names = append(names, name)
	}
	sortStrings(names)
	for _, name := range names {
		c := &class{name: name, idx: uint(len(a.classes))}
		byName[name] = c
		a.classes = append(a.classes, c)
	}
	ex := expander{a: f.Letters.A, i: f.Letters.I, k: f.Letters.K, voiceless: f.Letters.Voiceless}
	for _, name := range names {
		spec, c := f.Classes[name], byName[name]
		if len(spec.Forms) == 0 {
			return nil, fmt.Errorf("class %s: no forms", name)
		}
		if len(spec.Stems) > 0 {
			c.stems = map[string]bool{}
			for _, st := range spec.Stems {
				c.stems[st] = true
			}
		}
		for _, prev := range spec.After {
			switch prev {
			case "stem":
				c.afterStem = true
				continue
			case "verb":
				c.afterVerb = true
				continue
			}
			p := byName[prev]
			if p == nil {
				return nil, fmt.Errorf("class %s: after: unknown class %q", name, prev)
			}
			c.after = append(c.after, p)
		}
		for _, form := range spec.Forms {
			vs, err := ex.expand(form)
			if err != nil {
				return nil, fmt.Errorf("class %s: form %q: %v", name, form, err)
			}
			c.variants = append(c.variants, vs...)
		}
	}
	return a, nil
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// Known answers whether a form is in the dictionary (lower case).
type Known func(word string) bool

// Accepts reports whether word (lower case) is a dictionary form or a
// dictionary form followed by a chain of suffixes the paradigms allow.
func (a *Analyzer) Accepts(word string, known Known) bool {
	if known(word) {
		return true
	}
	return a.parse(word, 0, a.classes, 0, known)
}

// Inflected reports whether word (lower case) is a known stem followed by
// at least one suffix; the word itself is not looked up.
func (a *Analyzer) Inflected(word string, known Known) bool {
	return a.parse(word, 0, a.classes, 0, known)
}

// Stem returns the shortest dictionary form a chain of suffixes leaves of
// word, or "" when no analysis has one.
func (a *Analyzer) Stem(word string, known Known) string {
	stem := ""
	a.walk(word, 0, a.classes, 0, known, func(s string) bool {
		if stem == "" || len(s) < len(stem) {
			stem = s
		}
		return false
	})
	return stem
}

// Splits returns the byte offsets in word (lower case) where a chain of
// suffixes the paradigms allow may begin, whatever the stem before it: the
// places a misspelt stem may end (təşəkürlər: 8). The word's end is not
// among them.
func (a *Analyzer) Splits(word string) []int {
	seen := map[int]bool{}
	var out []int
	// Every string the walk asks about is a candidate stem; those that are
	// not a prefix of word (an alternated or restored stem, a probe with
	// an infinitive ending) are not places in it.
	a.walk(word, 0, a.classes, 0, func(s string) bool {
		if len(s) < len(word) && strings.HasPrefix(word, s) && !seen[len(s)] {
			seen[len(s)] = true
			out = append(out, len(s))
		}
		return false
	}, func(string) bool { return false })
	return out
}

func (a *Analyzer) parse(p string, next rune, classes []*class, depth int, known Known) bool {
	return a.walk(p, next, classes, depth, known, func(string) bool { return true })
}

// walk strips one suffix of any of classes from the end of p (next is the
// letter that followed p), and calls found with each stem it reaches until
// found returns true.
func (a *Analyzer) walk(p string, next rune, classes []*class, depth int, known Known, found func(string) bool) bool {
	for _, c := range classes {
		for i := range c.variants {
			v := &c.variants[i]
			if !strings.HasSuffix(p, v.surface) || !v.nextOK(next) {
				continue
			}
			l := p[:len(p)-len(v.surface)]
			if utf8.RuneCountInString(l) < 2 || !a.prevOK(v, l) {
				continue
			}
			if v.withN != "" && a.endsInVowel(l) && known(l+v.withN) {
				// gününde, not günüde: after a vowel that is the
				// third-person possessive the case needs its n.
				continue
			}
			first, _ := utf8.DecodeRuneInString(v.surface)
			cands := [3]string{l}
			n := 1
			if v.dropsVowel && !a.endsInVowel(l) {
				cands[1], cands[2], n = l+a.a[0], l+a.a[1], 3
			}
			for _, s := range cands[:n] {
				if c.stems != nil {
					if c.stems[s] && found(s) {
						return true
					}
					continue
				}
				if c.afterStem && a.stemOK(s, v.vowelInitial, known) && found(a.stemForm(s, v.vowelInitial, known)) {
					return true
				}
				if c.afterVerb && a.isVerb(s, known) && found(s) {
					return true
				}
				if depth+1 < maxSuffixes && a.walk(s, first, c.after, depth+1, known, found) {
					return true
				}
			}
		}
	}
	return false
}

func (v *variant) nextOK(next rune) bool {
	switch v.next {
	case nextAny:
		return true
	case nextVowel:
		return next != 0 && isVowel(next)
	case nextConsonant:
		return next == 0 || !isVowel(next)
	}
	r, _ := utf8.DecodeRuneInString(v.next)
	return next == r
}

func (a *Analyzer) endsInVowel(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	_, ok := a.vowels[r]
	return ok
}

// prevOK checks the letter before a suffix (buffers, d/t) and vowel
// harmony with the last vowel before it.
func (a *Analyzer) prevOK(v *variant, l string) bool {
	last, _ := utf8.DecodeLastRuneInString(l)
	kind := uint8(prevVoiced)
	if _, ok := a.vowels[last]; ok {
		kind = prevVowel
	} else if strings.ContainsRune(a.voiceless, last) {
		kind = prevVoiceless
	}
	if v.prev&kind == 0 {
		return false
	}
	if v.harmony == 0 {
		return true
	}
	for i := len(l); i > 0; {
		r, w := utf8.DecodeLastRuneInString(l[:i])
		if ctx, ok := a.vowels[r]; ok {
			if v.harmony&(1<<ctx) != 0 {
				return true
			}
			// A stem marked front (saat) takes the front counterpart of
			// its back vowel: saat-iniz, rol-ü.
			return ctx <= backRound && a.isFrontStem(l) && v.harmony&(1<<(ctx+frontFlat)) != 0
		}
		i -= w
	}
	return true // no vowel to agree with
}

// isFrontStem reports whether s is a stem of front_stems, or one with its
// final consonant softened before a vowel (kalp: kalb-i).
func (a *Analyzer) isFrontStem(s string) bool {
	if a.frontStems == nil {
		return false
	}
	if a.frontStems[s] {
		return true
	}
	last, w := utf8.DecodeLastRuneInString(s)
	hard, ok := a.alternation[last]
	return ok && a.frontStems[s[:len(s)-w]+string(hard)]
}

func (a *Analyzer) stemOK(s string, vowelNext bool, known Known) bool {
	return a.stemForm(s, vowelNext, known) != ""
}

// stemForm is the dictionary form of a stem as it is written before a
// suffix: itself, or with its final consonant alternated back (kitab ->
// kitap) when a vowel follows.
func (a *Analyzer) stemForm(s string, vowelNext bool, known Known) string {
	last, w := utf8.DecodeLastRuneInString(s)
	if known(s) {
		if vowelNext && a.alternates(s[:len(s)-w], last, known) {
			return "" // gelecekim: the stem is written geleceğ before a vowel
		}
		return s
	}
	if vowelNext {
		if alt, ok := a.alternation[last]; ok {
			if t := s[:len(s)-w] + string(alt); known(t) {
				return t
			}
		}
	}
	return ""
}

// alternates reports whether a stem ending in a voiceless consonant (head
// + last) changes it before a vowel: the dictionary has the alternated
// form with a one-vowel suffix (geleceği, kitabı) and not the plain one.
func (a *Analyzer) alternates(head string, last rune, known Known) bool {
	for soft, hard := range a.alternation {
		if hard != last {
			continue
		}
		for _, v := range a.singleVowels {
			if known(head+string(soft)+v) && !known(head+string(last)+v) {
				return true
			}
		}
	}
	return false
}

// isVerb reports whether s is a verb stem: the dictionary has its
// infinitive (onayla: onaylamak). Verb suffixes after a noun (arı+yacak)
// are not words.
func (a *Analyzer) isVerb(s string, known Known) bool {
	for _, inf := range a.infinitive {
		if known(s + inf) {
			return true
		}
	}
	return false
}
