// Package dict holds msglint's spelling dictionaries for English, Turkish
// and Azerbaijani, compiled to compact sorted word lists and embedded in the
// binary, and a reader for the Hunspell files they are built from.
//
// The lists are rebuilt from their sources by `go generate` (see gen/);
// the compiled files are committed so a fresh clone needs no download.
package dict

//go:generate sh gen/gen.sh

import (
	_ "embed" // the compiled lists
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The compiled lists, one variable each: a []byte that go:embed fills is
// the binary's own data, where embed.FS.ReadFile copies the file first (7 MB
// for Turkish, page faults most of it). parseList reads its header, and
// look-ups read the list where it is: only the pages they touch are read.
var (
	//go:embed data/en.dict
	enData []byte
	//go:embed data/tr.dict
	trData []byte
	//go:embed data/az.dict
	azData []byte
)

// Dict is one language's word list. It is read-only and safe for
// concurrent use.
type Dict struct {
	lang    string
	l       *list
	turkic  bool // Turkish casing: I/ı and İ/i
	foldCfx bool // circumflex is optional: hâlâ = halâ = hala
}

// loader loads one language's list once. The table is fixed built-in data
// loaded on first use, not configuration: a program that never checks
// Turkish never pays for the Turkish list.
type loader struct {
	data []byte // the compiled list
	once sync.Once
	d    *Dict
	err  error
}

var loaders = map[string]*loader{"en": {data: enData}, "tr": {data: trData}, "az": {data: azData}}

// Langs lists the languages that have a dictionary.
func Langs() []string { return []string{"en", "tr", "az"} }

// For returns the dictionary of a language ("en", "tr", "az"), loading it
// on first use. Later calls return the same *Dict.
func For(lang string) (*Dict, error) {
	ld := loaders[lang]
	if ld == nil {
		return nil, fmt.Errorf("dict: no dictionary for language %q", lang)
	}
	ld.once.Do(func() { ld.d, ld.err = load(lang, ld.data) })
	return ld.d, ld.err
}

func load(lang string, b []byte) (*Dict, error) {
	l, err := parseList(b)
	if err != nil {
		return nil, fmt.Errorf("dict %s: %w", lang, err)
	}
	return newDict(lang, l), nil
}

func newDict(lang string, l *list) *Dict {
	return &Dict{lang: lang, l: l, turkic: lang == "tr" || lang == "az", foldCfx: lang == "tr"}
}

// Lang is the dictionary's language code.
func (d *Dict) Lang() string { return d.lang }

// Len is the number of word forms on the list.
func (d *Dict) Len() int { return d.l.count }

// Has reports whether word is a correct word form. Case follows Hunspell:
// a lower-case entry also accepts its Capitalised and ALL CAPS forms, a
// Capitalised entry (a name) its ALL CAPS form, and any other entry only
// itself. Typographic apostrophes are read as the dictionary's ('), and in
// Turkish a circumflex is optional (hâlâ, halâ and hala are one word).
//
// A hyphenated word that is not on the list is correct when each part is,
// as Hunspell's default BREAK rule has it (e-posta, well-known).
func (d *Dict) Has(word string) bool {
	if ok, _ := d.find(word); ok {
		return true
	}
	if !strings.Contains(word, "-") {
		return false
	}
	for part := range strings.SplitSeq(word, "-") {
		if ok, _ := d.find(part); !ok {
			return false
		}
	}
	return true
}

// Listed reports whether word is on the list exactly as written, without
// Hunspell's case rules: "ROM" is listed in capitals (an acronym), "REST"
// only through "rest".
func (d *Dict) Listed(word string) bool {
	ok, _ := d.exact(word)
	return ok
}

// Suggestable reports whether word is correct and may be offered as a
// correction: correct words marked NOSUGGEST (slurs, mostly) may not.
func (d *Dict) Suggestable(word string) bool {
	ok, ns := d.find(word)
	return ok && !ns
}

// Forms is the number of entries that begin with stem (stem itself
// included), as written: the size of a stem's paradigm on the list. None
// of the sources has word frequencies; this is the stand-in the generator
// uses to tell a misspelt stem (təşəkür: few forms) from the right one
// (təşəkkür: many), and a Turkic "clearly more common form" test can use
// it the same way. Pass the stem in the dictionary's case (lower case for
// most words).
func (d *Dict) Forms(stem string) int {
	if stem == "" {
		return d.l.count
	}
	return d.l.prefixCount(stem)
}

// Each calls fn with every word form in byte order until fn returns false;
// it is for building suggestion indexes, not for lookups.
func (d *Dict) Each(fn func(word string) bool) {
	d.l.each(func(w string, _ bool) bool { return fn(w) })
}

func (d *Dict) find(word string) (found, noSuggest bool) {
	if word == "" {
		return false, false
	}
	for _, p := range d.l.iconv {
		if strings.Contains(word, p[0]) {
			word = strings.ReplaceAll(word, p[0], p[1])
		}
	}
	if ok, ns := d.exact(word); ok {
		return ok, ns
	}
	switch shape(word) {
	case capitalised:
		return d.exact(d.lower(word))
	case allCaps:
		lw := d.lower(word)
		if ok, ns := d.exact(lw); ok {
			return ok, ns
		}
		if ok, ns := d.exact(d.title(lw)); ok {
			return ok, ns
		}
		// Text upper-cased by software that ignores the language turns i
		// into I, not İ: ISTANBUL is İSTANBUL, so read I as either.
		if d.turkic && strings.ContainsRune(word, 'I') {
			lw = strings.ToLower(word)
			if ok, ns := d.exact(lw); ok {
				return ok, ns
			}
			return d.exact(d.title(lw))
		}
	}
	return false, false
}

// exact looks word up as it is, and without circumflexes where they are
// optional; the generator adds the plain form of every entry that has one.
func (d *Dict) exact(word string) (bool, bool) {
	if ok, ns := d.l.lookup(word); ok {
		return ok, ns
	}
	if d.foldCfx {
		if f := FoldCircumflex(word); f != word {
			return d.l.lookup(f)
		}
	}
	return false, false
}

// FoldCircumflex removes the circumflex from â, î and û (and capitals), the
// marks Turkish writes optionally for long or palatal vowels.
func FoldCircumflex(s string) string {
	if !strings.ContainsAny(s, "âîûÂÎÛ") {
		return s
	}
	return cfxReplacer.Replace(s)
}

var cfxReplacer = strings.NewReplacer("â", "a", "î", "i", "û", "u", "Â", "A", "Î", "İ", "Û", "U")

func (d *Dict) lower(s string) string {
	if d.turkic {
		return strings.ToLowerSpecial(unicode.TurkishCase, s)
	}
	return strings.ToLower(s)
}

// title upper-cases the first letter of a lower-case word.
func (d *Dict) title(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if d.turkic {
		return string(unicode.TurkishCase.ToUpper(r)) + s[n:]
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

type wordShape int

const (
	other       wordShape = iota
	capitalised           // Word
	allCaps               // WORD
)

func shape(s string) wordShape {
	first, upper, lower := true, 0, 0
	firstUpper := false
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			upper++
			if first {
				firstUpper = true
			}
		case unicode.IsLower(r):
			lower++
		}
		if unicode.IsLetter(r) {
			first = false
		}
	}
	switch {
	case upper > 0 && lower == 0:
		return allCaps
	case firstUpper && upper == 1:
		return capitalised
	}
	return other
}

// ReleasePages lets the kernel take back the memory the loaded lists'
// pages hold. The lists are read where they lie, in the binary's data, and
// a long check touches most of their pages over time (Turkish is 7.8 MB)
// while a stretch of it reads a small part: a reader of a long stream calls
// this now and then, and the pages read since count toward its resident
// memory, not all it ever read. The bytes stay the same; a look-up after it
// reads its page from the page cache again. Safe for concurrent use with
// look-ups.
func ReleasePages() {
	for _, ld := range loaders {
		release(ld.data)
	}
}
