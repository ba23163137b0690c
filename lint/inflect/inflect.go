// Package inflect tells whether a word is an inflected form of a lemma, from
// per-language suffix paradigms (paradigms.yaml): Turkish and Azerbaijani
// endings with vowel harmony, English plural and verb endings. The cue
// matcher uses it so that a cue "ilet*" (forward) matches "iletildi" and
// "iletmemizi" but not "iletişim" (contact), which is another word.
package inflect

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

//go:embed paradigms.yaml
var paradigmsYAML []byte

// spec is one language's entry in paradigms.yaml.
type spec struct {
	Vowels struct {
		Back    string `yaml:"back"`
		Front   string `yaml:"front"`
		Rounded string `yaml:"rounded"`
	} `yaml:"vowels"`
	Voiceless string              `yaml:"voiceless"`
	Soften    map[string]string   `yaml:"soften"`
	Spelling  []string            `yaml:"spelling"`
	Classes   map[string][]string `yaml:"classes"`
}

// harmony is the class of a stem's last vowel, which picks each ending's
// vowels; anyVowel is for a stem with none, or a word typed without the
// language's letters (where ı and i, u and ü look the same).
type harmony uint8

const (
	backFlat harmony = iota
	backRound
	frontFlat
	frontRound
	anyVowel
	nHarmony
)

// ending is one suffix template expanded: for each harmony class and
// whether the stem ends voiceless, the forms it takes; ranks are its slots
// in the word (see slotRank).
type ending struct {
	template string
	forms    [nHarmony][2][]string
	ranks    []int
}

// slotRank orders the classes of endings as a word stacks them: voice,
// negation, ability, tense, verbal noun, plural, possessive, case, then
// copula, person and question. Endings follow in that order, each slot
// once, except that voices, tenses and the last slot may stack
// (paylaş-tır-ıl-, gel-iyor-du, -mış-tır); see follows. So "iletilerinin"
// (messages') is not a form of ilet- (forward): a case ending cannot come
// before a plural.
var slotRank = map[string]int{"voice": 10, "negation": 20, "ability": 30, "tense": 40, "verb": 40, "verbal-noun": 45,
	"plural": 50, "possessive": 60, "case": 70, "copula": 80, "person": 80, "question": 80}

// stacks reports whether a slot may hold more than one ending.
func stacks(rank int) bool { return rank == 10 || rank == 40 || rank == 80 }

// follows reports whether an ending of slot r may come after one of slot
// rank. A verb's endings (voice to tense) come before a noun's (plural,
// possessive, case) and never after them; a verb takes a noun's endings
// only after a verbal noun (paylaş-ma-mız-a, gönder-diğ-iniz).
func follows(rank, r int) bool {
	switch {
	case r < rank || r == rank && !stacks(r):
		return false
	case r >= 50 && r <= 70 && rank >= 10 && rank <= 40:
		return false
	}
	return true
}

// form is one written form of an ending after a stem of some harmony, with
// the harmony and voicing it leaves for the next ending.
type form struct {
	s         string
	h         harmony
	voiceless bool
	ending    int // index into endings: no ending follows itself (soru is not sor+u+yu)
}

// Paradigm is one language's endings. It is read-only after For.
type Paradigm struct {
	spec    spec
	endings []ending
	// byFirst indexes the forms by harmony, voicing and first byte, so that
	// a word's ending is looked up, not searched for.
	byFirst  [nHarmony][2]map[byte][]form
	foldedBy map[byte][]form // folded forms by first byte, for text typed without the letters
	fold     func(string) string
	soften   map[rune]string
	depth    int
}

var (
	loadOnce sync.Once
	specs    map[string]spec
)

// For returns the paradigm of a language ("tr", "az", "en"), or nil when it
// has none. fold writes a word without the language's own letters (nil:
// nothing to fold). A paradigm is built per call: callers keep it.
func For(lang string, fold func(string) string) *Paradigm {
	loadOnce.Do(func() {
		dec := yaml.NewDecoder(strings.NewReader(string(paradigmsYAML)))
		dec.KnownFields(true)
		if err := dec.Decode(&specs); err != nil {
			panic("inflect: bad embedded paradigms.yaml: " + err.Error())
		}
	})
	s, ok := specs[lang]
	if !ok {
		return nil
	}
	if fold == nil {
		fold = func(s string) string { return s }
	}
	p := &Paradigm{spec: s, fold: fold, soften: map[rune]string{}, depth: 6}
	for from, to := range s.Soften {
		r, _ := utf8.DecodeRuneInString(from)
		p.soften[r] = to
	}
	seen := map[string]int{} // template -> index into p.endings
	names := make([]string, 0, len(s.Classes))
	for n := range s.Classes {
		if _, ok := slotRank[n]; !ok {
			panic(fmt.Sprintf("inflect: %s: unknown class %q", lang, n))
		}
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		for _, t := range s.Classes[n] {
			if k, ok := seen[t]; ok {
				if !slices.Contains(p.endings[k].ranks, slotRank[n]) {
					p.endings[k].ranks = append(p.endings[k].ranks, slotRank[n])
					slices.Sort(p.endings[k].ranks)
				}
				continue
			}
			seen[t] = len(p.endings)
			e := ending{template: t, ranks: []int{slotRank[n]}}
			for h := harmony(0); h < nHarmony; h++ {
				for v := 0; v < 2; v++ {
					e.forms[h][v] = p.expand(t, h, v == 1)
				}
			}
			p.endings = append(p.endings, e)
		}
	}
	p.foldedBy = map[byte][]form{}
	for k, e := range p.endings {
		seen := map[string]bool{}
		for _, f := range append(slices.Clone(e.forms[anyVowel][0]), e.forms[anyVowel][1]...) {
			if f = fold(f); f != "" && !seen[f] {
				seen[f] = true
				p.foldedBy[f[0]] = append(p.foldedBy[f[0]], form{s: f, h: anyVowel, ending: k})
			}
		}
	}
	for h := harmony(0); h < nHarmony; h++ {
		for v := 0; v < 2; v++ {
			idx := map[byte][]form{}
			for k, e := range p.endings {
				seen := map[string]bool{} // a form may belong to several endings, each with its slots
				for _, f := range e.forms[h][v] {
					if f == "" || seen[f] {
						continue
					}
					seen[f] = true
					idx[f[0]] = append(idx[f[0]], form{s: f, h: p.harmonyOf(f, h), voiceless: endsVoiceless(p, f), ending: k})
				}
			}
			p.byFirst[h][v] = idx
		}
	}
	return p
}

// expand writes out a template's forms after a stem of harmony h (whose
// last sound is voiceless or not). Each vowel it writes sets the harmony
// of the rest: "(y)AcAK" after "gel" is "ecek", after "al" "acak".
func (p *Paradigm) expand(t string, h harmony, voiceless bool) []string {
	if t == "" {
		return []string{""}
	}
	if t[0] == '(' {
		j := strings.IndexByte(t, ')')
		if j < 0 {
			panic(fmt.Sprintf("inflect: unclosed ( in %q", t))
		}
		return append(p.expand(t[1:j]+t[j+1:], h, voiceless), p.expand(t[j+1:], h, voiceless)...)
	}
	r, w := utf8.DecodeRuneInString(t)
	var alts []string
	switch r {
	case 'A':
		alts = p.vowelA(h)
	case 'I':
		alts = p.vowelI(h)
	case 'D':
		alts = []string{"d"}
		if voiceless {
			alts = []string{"t"}
		}
	case 'K':
		alts = []string{"k", "q", "ğ", "y"}
	default:
		alts = []string{string(r)}
	}
	var out []string
	for _, a := range alts {
		for _, tail := range p.expand(t[w:], p.harmonyOf(a, h), endsVoiceless(p, a)) {
			out = append(out, a+tail)
		}
	}
	return out
}

// vowelA is A after a stem of harmony h.
func (p *Paradigm) vowelA(h harmony) []string {
	front := "e"
	if strings.ContainsRune(p.spec.Vowels.Front, 'ə') {
		front = "ə"
	}
	switch h {
	case backFlat, backRound:
		return []string{"a"}
	case frontFlat, frontRound:
		return []string{front}
	}
	return []string{"a", front}
}

// vowelI is I after a stem of harmony h.
func (p *Paradigm) vowelI(h harmony) []string {
	switch h {
	case backFlat:
		return []string{"ı"}
	case backRound:
		return []string{"u"}
	case frontFlat:
		return []string{"i"}
	case frontRound:
		return []string{"ü"}
	}
	return []string{"ı", "u", "i", "ü"}
}

// harmonyOf is the harmony class set by the last vowel of s, or h if s has
// no vowel.
func (p *Paradigm) harmonyOf(s string, h harmony) harmony {
	if p.spec.Vowels.Front == "" {
		return anyVowel // no harmony
	}
	for i := len(s); i > 0; {
		r, w := utf8.DecodeLastRuneInString(s[:i])
		i -= w
		round := strings.ContainsRune(p.spec.Vowels.Rounded, r)
		switch {
		case strings.ContainsRune(p.spec.Vowels.Back, r) && round:
			return backRound
		case strings.ContainsRune(p.spec.Vowels.Back, r):
			return backFlat
		case strings.ContainsRune(p.spec.Vowels.Front, r) && round:
			return frontRound
		case strings.ContainsRune(p.spec.Vowels.Front, r):
			return frontFlat
		}
	}
	return h
}

func (p *Paradigm) isVowel(r rune) bool {
	return strings.ContainsRune(p.spec.Vowels.Back+p.spec.Vowels.Front, r)
}

// Inflects reports whether word is lemma or lemma with inflectional endings
// (both lower case). folded says both were written without the language's
// own letters (see lint.Fold): vowel harmony is then not checked, as the
// letters that carry it are gone.
func (p *Paradigm) Inflects(lemma, word string, folded bool) bool {
	return p.Lemma(lemma, folded).Inflects(word)
}

// Lemma is a lemma prepared for matching many words: its stems and the
// harmony its endings start from are worked out once.
type Lemma struct {
	p         *Paradigm
	lemma     string
	stems     []stem
	h         harmony
	voiceless bool
	folded    bool
}

// Lemma prepares a lemma (lower case; folded if the words it is matched
// with are).
func (p *Paradigm) Lemma(lemma string, folded bool) Lemma {
	return Lemma{p: p, lemma: lemma, stems: p.stems(lemma, folded), h: p.harmonyOf(lemma, anyVowel),
		voiceless: endsVoiceless(p, lemma), folded: folded}
}

// Inflects reports whether word is the lemma or one of its inflected forms.
func (l Lemma) Inflects(word string) bool {
	if word == l.lemma {
		return true
	}
	p := l.p
	for _, st := range l.stems {
		if !strings.HasPrefix(word, st.stem) {
			continue
		}
		rest := word[len(st.stem):]
		if st.beforeVowel && (rest == "" || !p.isVowel(firstRune(rest))) {
			continue
		}
		if st.beforeE && !strings.HasPrefix(rest, "e") {
			continue
		}
		// A proper noun's endings follow an apostrophe: Luma'ya.
		rest = strings.TrimLeft(rest, "'")
		if p.ends(rest, l.h, l.voiceless, l.folded, 0) {
			return true
		}
	}
	return false
}

// Stems are the forms of a lemma that its endings attach to, the lemma
// first: "ortak" and "ortağ" (ortağı), "share" and "shar" (sharing).
func (p *Paradigm) Stems(lemma string, folded bool) []string {
	var out []string
	for _, st := range p.stems(lemma, folded) {
		if !slices.Contains(out, st.stem) {
			out = append(out, st.stem)
		}
	}
	return out
}

// stem is a form of the lemma that endings attach to.
type stem struct {
	stem        string
	beforeVowel bool // only before an ending that starts with a vowel
	beforeE     bool // only before an ending that starts with e
}

func (p *Paradigm) stems(lemma string, folded bool) []stem {
	out := []stem{{stem: lemma}}
	last, w := utf8.DecodeLastRuneInString(lemma)
	base := lemma[:len(lemma)-w]
	if soft, ok := p.soften[last]; ok {
		if folded {
			soft = p.fold(soft)
		}
		out = append(out, stem{stem: base + soft, beforeVowel: true})
	}
	for _, rule := range p.spec.Spelling {
		switch {
		case rule == "drop-e" && last == 'e':
			out = append(out, stem{stem: base, beforeVowel: true})
		case rule == "double" && !p.isVowel(last) && len(base) > 0 && p.isVowel(lastRune(base)):
			out = append(out, stem{stem: lemma + string(last), beforeVowel: true})
		case rule == "y-i" && last == 'y':
			out = append(out, stem{stem: base + "i", beforeE: true})
		}
	}
	return out
}

// ends reports whether rest is a sequence of endings after a stem of
// harmony h. failed remembers the states already found to lead nowhere, so
// a word is worked through in time linear in its length.
func (p *Paradigm) ends(rest string, h harmony, voiceless, folded bool, depth int) bool {
	var failed map[state]bool
	return p.endsFrom(rest, 0, h, voiceless, folded, depth, -1, 0, &failed)
}

type state struct {
	pos       int
	h         harmony
	voiceless bool
	depth     int
	last      int // the last ending, which may not follow itself
	rank      int // the last ending's slot
}

func (p *Paradigm) endsFrom(word string, pos int, h harmony, voiceless, folded bool, depth, last, rank int, failed *map[state]bool) bool {
	if pos == len(word) {
		return true
	}
	if depth >= p.depth {
		return false
	}
	st := state{pos, h, voiceless, depth, last, rank}
	if (*failed)[st] {
		return false
	}
	rest := word[pos:]
	if folded {
		for _, f := range p.foldedBy[rest[0]] {
			if !strings.HasPrefix(rest, f.s) || f.ending == last {
				continue
			}
			for _, r := range p.endings[f.ending].ranks {
				if follows(rank, r) && p.endsFrom(word, pos+len(f.s), anyVowel, false, true, depth+1, f.ending, r, failed) {
					return true
				}
			}
		}
	} else {
		v := 0
		if voiceless {
			v = 1
		}
		for _, f := range p.byFirst[h][v][rest[0]] {
			if f.ending == last || !strings.HasPrefix(rest, f.s) {
				continue
			}
			for _, r := range p.endings[f.ending].ranks {
				if follows(rank, r) && p.endsFrom(word, pos+len(f.s), f.h, f.voiceless, false, depth+1, f.ending, r, failed) {
					return true
				}
			}
		}
	}
	// Short rests are worked through faster than a memo is made.
	if len(word) > 12 {
		if *failed == nil {
			*failed = map[state]bool{}
		}
		(*failed)[st] = true
	}
	return false
}

func endsVoiceless(p *Paradigm, s string) bool {
	return s != "" && strings.ContainsRune(p.spec.Voiceless, lastRune(s))
}

func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }

func lastRune(s string) rune { r, _ := utf8.DecodeLastRuneInString(s); return r }
