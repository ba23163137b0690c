package lint

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/msglint/msglint/lint/morph"
)

// Phrases matches a list of cue phrases against a message's tokens in one
// pass: phrases are indexed by their first word, so the cost per message does
// not grow with the number of phrases.
//
// A cue is words separated by spaces. A word ending in * is a lemma: it
// matches the lemma and its inflected forms by the language's paradigm (see
// package morph), so "iyi gün*" matches "İyi günler" and "ilet*" matches
// "iletildi" but not "iletişim"; in a language without a paradigm it
// matches any word that starts with it. A * alone matches any one word
// ("have a * weekend"). Punctuation and spaces between words are skipped,
// except . ! ? which end a sentence: "oh great" matches "Oh, great".
// A cue that is not a word at all (🙄, /s, (!)) is found as written.
//
// In a text with none of the language's own letters (see Folded), words
// and cues are compared folded: "iyi gunler" matches "iyi gün*".
type Phrases struct {
	lang     Lang
	exact    map[string][]phrase // by first word
	stems    *stemNode           // by first word stem (cues whose first word ends in *)
	fexact   map[string][]phrase // the same, folded; nil when the language folds nothing
	fstems   *stemNode
	paradigm *morph.Paradigm
	nStems   int
	literal  []string // non-word cues
}

// stemNode is a byte trie of stems: a word is walked once, and the walk
// ends at the first byte no stem continues with.
type stemNode struct {
	next    map[byte]*stemNode
	phrases []phrase
}

func (n *stemNode) add(stem string, ph phrase) {
	for i := 0; i < len(stem); i++ {
		c := n.next[stem[i]]
		if c == nil {
			if n.next == nil {
				n.next = map[byte]*stemNode{}
			}
			c = &stemNode{}
			n.next[stem[i]] = c
		}
		n = c
	}
	n.phrases = append(n.phrases, ph)
}

type phrase struct {
	cue   string
	words []cueWord
}

type cueWord struct {
	w      string
	fw     string // w folded
	prefix bool
	any    bool
	// lemma and flemma match a prefix word's inflected forms, plain and
	// folded; nil in a language without a paradigm.
	lemma, flemma *morph.Lemma
}

// paradigms holds each language's paradigm, built once.
var paradigms sync.Map // Lang -> *morph.Paradigm (nil: none)

func paradigmOf(l Lang) *morph.Paradigm {
	if p, ok := paradigms.Load(l); ok {
		return p.(*morph.Paradigm)
	}
	p := morph.For(string(l), func(s string) string { return Fold(l, s) })
	paradigms.Store(l, p)
	return p
}

// Match is one cue found in a text.
type Match struct {
	Cue  string
	Span Span
	// First and Last are the indexes of the first and last matched tokens.
	First, Last int
}

// NewPhrases compiles cues for a language.
func NewPhrases(l Lang, cues []string) *Phrases {
	p := &Phrases{lang: l, exact: map[string][]phrase{}, stems: &stemNode{}, paradigm: paradigmOf(l)}
	if sp := spec(l); sp != nil && sp.folder != nil {
		p.fexact, p.fstems = map[string][]phrase{}, &stemNode{}
	}
	for _, c := range cues {
		var ws []cueWord
		for _, t := range Tokenize(strings.TrimSpace(c), l) {
			switch {
			case t.Kind == Word || t.Kind == Number:
				ws = append(ws, cueWord{w: t.Norm})
			case t.Norm == "*" && len(ws) > 0 && t.Start > 0 && c[t.Start-1] != ' ':
				ws[len(ws)-1].prefix = true
			case t.Norm == "*" && len(ws) > 0:
				ws = append(ws, cueWord{any: true})
			}
		}
		if len(ws) == 0 || !isWordy(c) {
			p.literal = append(p.literal, strings.TrimSpace(c))
			continue
		}
		for i := range ws {
			ws[i].fw = Fold(l, ws[i].w)
			if ws[i].prefix && p.paradigm != nil {
				lm, flm := p.paradigm.Lemma(ws[i].w, false), p.paradigm.Lemma(ws[i].fw, true)
				ws[i].lemma, ws[i].flemma = &lm, &flm
			}
		}
		ph := phrase{cue: c, words: ws}
		if ws[0].prefix {
			// A lemma is found by each of its stems: "ortağımıza" does not
			// start with "ortak".
			for _, st := range p.stemsOf(ws[0].w, false) {
				p.stems.add(st, ph)
			}
			p.nStems++
		} else {
			p.exact[ws[0].w] = append(p.exact[ws[0].w], ph)
		}
		if p.fexact != nil {
			if ws[0].prefix {
				for _, st := range p.stemsOf(ws[0].fw, true) {
					p.fstems.add(st, ph)
				}
			} else {
				p.fexact[ws[0].fw] = append(p.fexact[ws[0].fw], ph)
			}
		}
	}
	return p
}

// isWordy reports whether a cue is only words: letters, digits, spaces, *,
// apostrophes and hyphens.
func isWordy(c string) bool {
	for _, r := range c {
		if !isWordRune(r) && !unicode.IsDigit(r) && r != ' ' && r != '*' && !isApostrophe(r) && r != '-' {
			return false
		}
	}
	return true
}

// Len is the number of cues.
func (p *Phrases) Len() int {
	n := len(p.literal) + p.nStems
	for _, v := range p.exact {
		n += len(v)
	}
	return n
}

// Find returns every cue found in the tokens of text, in text order.
func (p *Phrases) Find(text string, toks []Token) []Match {
	var out []Match
	exact, stems, folded := p.exact, p.stems, false
	if p.fexact != nil && Folded(p.lang, text) {
		exact, stems, folded = p.fexact, p.fstems, true
	}
	for i := range toks {
		t := &toks[i]
		if t.Kind != Word && t.Kind != Number {
			continue
		}
		w := p.norm(t, folded)
		for _, ph := range exact[w] {
			if m, ok := p.try(toks, i, ph, folded); ok {
				out = append(out, m)
			}
		}
		// Every stem the word starts with: a stem is a whole word's
		// beginning, so it always ends at a character boundary.
		n := stems
		for b := 0; b < len(w) && n.next != nil; b++ {
			if n = n.next[w[b]]; n == nil {
				break
			}
			for _, ph := range n.phrases {
				if m, ok := p.try(toks, i, ph, folded); ok {
					out = append(out, m)
				}
			}
		}
	}
	for _, lit := range p.literal {
		for off := 0; ; {
			i := strings.Index(text[off:], lit)
			if i < 0 {
				break
			}
			s, e := off+i, off+i+len(lit)
			off = e
			// A literal that starts or ends with a letter stands alone: "/s"
			// is not the start of "/search".
			if r, _ := utf8.DecodeLastRuneInString(lit); isWordRune(r) {
				if n, _ := utf8.DecodeRuneInString(text[e:]); e < len(text) && isWordRune(n) {
					continue
				}
			}
			if r, _ := utf8.DecodeRuneInString(lit); isWordRune(r) {
				if p, _ := utf8.DecodeLastRuneInString(text[:s]); s > 0 && isWordRune(p) {
					continue
				}
			}
			out = append(out, Match{Cue: lit, Span: Span{s, e}, First: -1, Last: -1})
		}
	}
	return out
}

// Has reports whether any cue is in the tokens.
func (p *Phrases) Has(text string, toks []Token) bool { return len(p.Find(text, toks)) > 0 }

// stemsOf is the stems of a lemma, or the lemma alone in a language without
// a paradigm.
func (p *Phrases) stemsOf(lemma string, folded bool) []string {
	if p.paradigm == nil {
		return []string{lemma}
	}
	return p.paradigm.Stems(lemma, folded)
}

// norm is a token's word as cues are compared with it: folded in a folded
// text ("ICIN" is lowered to "ıcın" by Turkish casing, and folded back).
func (p *Phrases) norm(t *Token, folded bool) string {
	if folded {
		return Fold(p.lang, t.Norm)
	}
	return t.Norm
}

// matches reports whether a text word is the cue word: the same word, or
// for a lemma one of its forms.
func (p *Phrases) matches(cw cueWord, w string, folded bool) bool {
	c, lm := cw.w, cw.lemma
	if folded {
		c, lm = cw.fw, cw.flemma
	}
	switch {
	case !cw.prefix:
		return w == c
	case lm == nil:
		return strings.HasPrefix(w, c)
	}
	return lm.Inflects(w)
}

func (p *Phrases) try(toks []Token, i int, ph phrase, folded bool) (Match, bool) {
	j := i
	for k, cw := range ph.words {
		if k > 0 {
			j++
			for j < len(toks) && toks[j].Kind != Word && toks[j].Kind != Number {
				if toks[j].Kind == Punct && strings.ContainsAny(toks[j].Norm, ".!?") {
					return Match{}, false
				}
				j++
			}
			if j >= len(toks) {
				return Match{}, false
			}
		}
		if cw.any {
			continue
		}
		if !p.matches(cw, p.norm(&toks[j], folded), folded) {
			return Match{}, false
		}
	}
	return Match{Cue: ph.cue, Span: Span{toks[i].Start, toks[j].End}, First: i, Last: j}, true
}
