package morph

import (
	"strings"
	"unicode/utf8"
)

// Kind is which paradigms a lemma takes: a noun's endings (plural,
// possessive, case, copula, person), a verb's (voice, negation, ability,
// tense, verbal nouns and what follows them), or both. It is a rough part
// of speech: the verb "sor-" (ask) takes soruyorsunuz and sordum, the noun
// "soru" (question) is soruyu, which is not a form of sor-.
type Kind uint8

// The kinds: a noun's endings, a verb's, or either.
const (
	Noun Kind = 1 << iota
	Verb
	AnyKind = Noun | Verb
)

// derivation is the class of endings that make another word (bilgi ->
// bilgili, teslim -> teslimat): a lemma's forms leave it out.
const derivation = "deriv"

// lexicalised are verbal-noun endings whose forms have mostly become words
// of their own (ilet-iş-im "contact", gid-iş "departure", ver-iş): a
// lemma's forms leave them out, and a cue that means them lists them.
var lexicalised = map[string]bool{"(y)Iş": true}

// Forms tells whether words are inflected forms of given lemmas: the
// content rules' cues ("ilet*" matches "iletildi" and "iletmemizi", not
// "iletişim"). For Turkish and Azerbaijani it reads the same paradigms as
// the Analyzer, from the lemma forwards (the lemma is known, so no
// dictionary is needed); English has its plural and verb endings.
type Forms struct {
	a    *Analyzer // nil for English
	fold func(string) string
	// byFirst indexes the variants by their first byte, plain and folded.
	byFirst, foldedBy map[byte][]classVariant
	altFolded         map[string]string // alternation, folded: g -> k
}

type classVariant struct {
	c     *class
	v     *variant
	s     string // the surface, folded in foldedBy
	after uint64 // the classes c may follow, as bits of class.idx
}

// NewForms returns the forms of a language's lemmas ("tr", "az", "en"), or
// nil when the language has no paradigms. fold writes a word without the
// language's own letters (nil: nothing to fold); a text typed so is
// matched with its lemmas folded and vowel harmony unchecked, as the
// letters that carry it are gone.
func NewForms(lang string, fold func(string) string) *Forms {
	if fold == nil {
		fold = func(s string) string { return s }
	}
	if lang == "en" {
		return &Forms{fold: fold}
	}
	a, err := For(lang)
	if err != nil {
		return nil
	}
	f := &Forms{a: a, fold: fold, byFirst: map[byte][]classVariant{}, foldedBy: map[byte][]classVariant{}, altFolded: map[string]string{}}
	if len(a.classes) > 64 {
		panic("morph: data/" + lang + ".yaml: more than 64 classes, more than a class set holds")
	}
	for _, c := range a.classes {
		if c.name == derivation {
			continue
		}
		var after uint64 // the classes c may follow, as bits
		for _, p := range c.after {
			after |= 1 << p.idx
		}
		for i := range c.variants {
			v := &c.variants[i]
			if lexicalised[v.template] {
				continue
			}
			f.byFirst[v.surface[0]] = append(f.byFirst[v.surface[0]], classVariant{c, v, v.surface, after})
			if s := fold(v.surface); s != "" {
				f.foldedBy[s[0]] = append(f.foldedBy[s[0]], classVariant{c, v, s, after})
			}
		}
	}
	for soft, hard := range a.alternation {
		f.altFolded[fold(string(hard))] = fold(string(soft))
	}
	return f
}

// Lemma is a lemma prepared for matching many words.
type Lemma struct {
	f      *Forms
	lemma  string
	kind   Kind
	folded bool
	stems  []lemmaStem
}

// lemmaStem is a form of the lemma that endings attach to.
type lemmaStem struct {
	s           string
	beforeVowel bool // only before an ending that starts with a vowel
	beforeE     bool // only before an ending that starts with e (English y -> i)
}

// Lemma prepares a lemma (lower case; folded if the words it is matched
// with are) of the given kind.
func (f *Forms) Lemma(lemma string, kind Kind, folded bool) *Lemma {
	l := &Lemma{f: f, lemma: lemma, kind: kind, folded: folded, stems: []lemmaStem{{s: lemma}}}
	last, w := utf8.DecodeLastRuneInString(lemma)
	base := lemma[:len(lemma)-w]
	if f.a == nil {
		l.stems = append(l.stems, englishStems(lemma, last, base)...)
		return l
	}
	// A final consonant softens before a vowel: ortak -> ortağımız.
	for _, soft := range f.a.softs {
		hard := f.a.alternation[soft]
		switch {
		case folded && f.fold(string(hard)) == string(last) && f.altFolded[string(last)] != string(last):
			l.addStem(base + f.altFolded[string(last)])
		case !folded && hard == last:
			l.addStem(base + string(soft))
		}
	}
	return l
}

// addStem adds a stem written only before a vowel, once.
func (l *Lemma) addStem(s string) {
	for _, st := range l.stems {
		if st.s == s {
			return
		}
	}
	l.stems = append(l.stems, lemmaStem{s: s, beforeVowel: true})
}

// Stems are the beginnings every form of the lemma starts with: the lemma,
// and a softened or shortened stem ("ortak", "ortağ"; "share", "shar").
// A vowel-dropping ending (bekle -> bekliyor) starts one letter earlier.
func (l *Lemma) Stems() []string {
	out := make([]string, 0, len(l.stems)+1)
	for _, st := range l.stems {
		out = append(out, st.s)
	}
	if l.f.a != nil && l.kind&Verb != 0 {
		if r, w := utf8.DecodeLastRuneInString(l.lemma); isVowel(r) && len(l.lemma) > w {
			out = append(out, l.lemma[:len(l.lemma)-w])
		}
	}
	return out
}

// Inflects reports whether word is the lemma or one of its inflected forms.
func (l *Lemma) Inflects(word string) bool {
	if word == l.lemma {
		return true
	}
	if l.f.a == nil {
		return l.english(word)
	}
	for _, st := range l.stems {
		if !strings.HasPrefix(word, st.s) {
			continue
		}
		pos := len(st.s)
		// A proper noun's endings follow an apostrophe: Luma'ya.
		if pos < len(word) && word[pos] == '\'' {
			word = word[:pos] + word[pos+1:]
		}
		if st.beforeVowel && (pos == len(word) || !isVowelRune(word[pos:])) {
			continue
		}
		var failed map[walkState]bool
		if l.from(word, pos, nil, 0, &failed) {
			return true
		}
	}
	// bekle -> bekliyor: the ending takes the place of the stem's last vowel.
	if l.kind&Verb != 0 {
		if r, w := utf8.DecodeLastRuneInString(l.lemma); isVowel(r) && len(l.lemma) > w {
			head := l.lemma[:len(l.lemma)-w]
			if strings.HasPrefix(word, head) && len(word) > len(head) {
				var failed map[walkState]bool
				return l.dropping(word, len(head), nil, 0, &failed)
			}
		}
	}
	return false
}

type walkState struct {
	pos   int
	prev  *class
	depth int
}

// from reports whether word[pos:] is a chain of endings after a class prev
// (nil: the stem). failed remembers the states found to lead nowhere, so
// a word is worked through in time linear in its length.
func (l *Lemma) from(word string, pos int, prev *class, depth int, failed *map[walkState]bool) bool {
	if pos == len(word) {
		return true
	}
	if depth >= maxSuffixes {
		return false
	}
	st := walkState{pos, prev, depth}
	if (*failed)[st] {
		return false
	}
	idx := l.f.byFirst
	if l.folded {
		idx = l.f.foldedBy
	}
	for _, cv := range idx[word[pos]] {
		// A vowel-dropping ending after a vowel takes its place (see
		// dropping); after a consonant it is written whole (sor-uyor).
		if cv.v.dropsVowel && pos > 0 && isVowelRune(lastOf(word[:pos])) || !l.follows(cv, prev, word[:pos]) {
			continue
		}
		if strings.HasPrefix(word[pos:], cv.s) && l.fits(cv, word, pos) && l.from(word, pos+len(cv.s), cv.c, depth+1, failed) {
			return true
		}
		// An ending's last a/e gives way to a vowel-dropping ending after
		// it: gel-me-iyor is written gelmiyor.
		if r, w := utf8.DecodeLastRuneInString(cv.s); (r == 'a' || r == 'e') && len(cv.s) > w {
			cut := cv.s[:len(cv.s)-w]
			if strings.HasPrefix(word[pos:], cut) && pos+len(cut) < len(word) && (l.folded || l.f.a.prevOK(cv.v, word[:pos])) &&
				l.dropping(word, pos+len(cut), cv.c, depth+1, failed) {
				return true
			}
		}
	}
	if len(word) > 12 {
		if *failed == nil {
			*failed = map[walkState]bool{}
		}
		(*failed)[st] = true
	}
	return false
}

// dropping tries the endings that take the place of a vowel before them
// (~ in the paradigms) at pos, where that vowel was.
func (l *Lemma) dropping(word string, pos int, prev *class, depth int, failed *map[walkState]bool) bool {
	if depth >= maxSuffixes {
		return false
	}
	idx := l.f.byFirst
	if l.folded {
		idx = l.f.foldedBy
	}
	for _, cv := range idx[word[pos]] {
		if !cv.v.dropsVowel || !strings.HasPrefix(word[pos:], cv.s) || !l.follows(cv, prev, word[:pos]) {
			continue
		}
		if l.fits(cv, word, pos) && l.from(word, pos+len(cv.s), cv.c, depth+1, failed) {
			return true
		}
	}
	return false
}

// follows reports whether an ending's class may come after prev (nil:
// right after the lemma's stem, written so far as before).
func (l *Lemma) follows(cv classVariant, prev *class, before string) bool {
	if prev == nil {
		c := cv.c
		if c.stems != nil {
			return c.stems[before] && l.kind&Noun != 0
		}
		return c.afterStem && l.kind&Noun != 0 || c.afterVerb && l.kind&Verb != 0
	}
	return cv.after&(1<<prev.idx) != 0
}

// fits checks an ending's conditions at pos: the letter before it, vowel
// harmony (unless folded) and the letter after it.
func (l *Lemma) fits(cv classVariant, word string, pos int) bool {
	end := pos + len(cv.s)
	next, _ := utf8.DecodeRuneInString(word[end:])
	if !cv.v.nextOK(next) {
		return false
	}
	before := word[:pos]
	if !l.folded {
		return l.f.a.prevOK(cv.v, before)
	}
	last, _ := utf8.DecodeLastRuneInString(before)
	if isVowel(last) {
		return cv.v.prev&prevVowel != 0
	}
	return cv.v.prev&(prevVoiced|prevVoiceless) != 0
}

func isVowelRune(s string) bool { r, _ := utf8.DecodeRuneInString(s); return isVowel(r) }

// English endings: a noun's plural and possessive, a verb's third person,
// past and participles. A stem drops a final e (sharing), doubles a final
// consonant after a vowel (transferred) or turns y into i (parties) before
// an ending.
var (
	englishNoun = []string{"s", "es", "'s", "s'"}
	englishVerb = []string{"s", "es", "ed", "d", "ing"}
)

func englishStems(lemma string, last rune, base string) []lemmaStem {
	var out []lemmaStem
	switch {
	case last == 'e':
		out = append(out, lemmaStem{s: base, beforeVowel: true})
	case last == 'y':
		out = append(out, lemmaStem{s: base + "i", beforeE: true})
	case !isVowel(last) && base != "" && isVowel(lastRuneOf(base)):
		out = append(out, lemmaStem{s: lemma + string(last), beforeVowel: true})
	}
	return out
}

func lastRuneOf(s string) rune { r, _ := utf8.DecodeLastRuneInString(s); return r }

// lastOf is the last letter of s, as a string.
func lastOf(s string) string { _, w := utf8.DecodeLastRuneInString(s); return s[len(s)-w:] }

func (l *Lemma) english(word string) bool {
	for _, st := range l.stems {
		if !strings.HasPrefix(word, st.s) {
			continue
		}
		rest := word[len(st.s):]
		if st.beforeVowel && (rest == "" || !isVowelRune(rest)) || st.beforeE && !strings.HasPrefix(rest, "e") {
			continue
		}
		if l.kind&Noun != 0 && contains(englishNoun, rest) || l.kind&Verb != 0 && contains(englishVerb, rest) {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
