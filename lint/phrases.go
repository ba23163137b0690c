package lint

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/msglint/msglint/lint/morph"
)

// Phrases matches a list of cue phrases against a message's tokens in one
// pass: phrases are indexed by their first word, so the cost per message does
// not grow with the number of phrases.
//
// A cue is words separated by spaces. A word ending in * is a lemma: it
// matches the lemma and its inflected forms by the language's paradigms
// (see package morph), so "iyi gün*" matches "İyi günler" and "ilet*"
// matches "iletildi" but not "iletişim"; in a language without paradigms
// it matches any word that starts with it. "*(verb)" or "*(noun)" limits
// the lemma to a verb's or a noun's endings: "sor*(verb)" (ask) matches
// "sordum" and "soruyorsunuz" but not "soruyu" (the question). A * alone matches any one word
// ("have a * weekend"). Punctuation and spaces between words are skipped,
// except . ! ? which end a sentence: "oh great" matches "Oh, great".
// A cue that is not a word at all (🙄, /s, (!)) is found as written.
//
// In a text with none of the language's own letters (see Folded), words
// and cues are compared folded: "iyi gunler" matches "iyi gün*".
//
// FindIn answers for a message: every list of a language asked for is
// merged into one index, so a message's words are looked up once for all
// of them (see cueIndex).
type Phrases struct {
	lang    Lang
	exact   map[string][]*phrase // by first word
	stems   *stemNode            // by first word stem (cues whose first word ends in *)
	fexact  map[string][]*phrase // the same, folded; nil when the language folds nothing
	fstems  *stemNode
	forms   *morph.Forms
	nStems  int
	words   []*phrase // the word cues, in order
	literal []string  // non-word cues
	// literalN are the literal cues' numbers, by literal; cues is each
	// cue's Match.Cue by its number (its place among the cues given), ""
	// for one that finds nothing, and numbers the first number of each
	// Match.Cue (see AppendNumbered).
	literalN []int32
	cues     []string
	numbers  map[string]int32
	// typos are the cues whose first word is long enough to be matched one
	// typo away (see AllowTypos); nil unless allowed. isWord tells a word
	// of the language, which is never a typo.
	typos  *typoIndex // by the first word's first byte and length
	ftypos *typoIndex // the same, folded
	isWord func(string) bool
	// slot is the Phrases' place in its language's merged matcher, plus
	// one; 0 until FindIn first asks for it (see cueIndex).
	slot atomic.Int32
}

// number notes that cue number n finds matches of cue text c.
func (p *Phrases) number(n int, c string) {
	p.cues[n] = c
	if _, ok := p.numbers[c]; !ok {
		p.numbers[c] = int32(n)
	}
}

// Number is the number of the first cue whose matches have Cue cue: its
// place among the cues NewPhrases was given; -1 if none has.
func (p *Phrases) Number(cue string) int32 {
	if n, ok := p.numbers[cue]; ok {
		return n
	}
	return -1
}

// MatchCue is the Cue of the matches of cue number n, "" if it finds none.
func (p *Phrases) MatchCue(n int) string { return p.cues[n] }

// typoMin is the length, in letters, from which a cue word also matches a
// word one typo away: shorter words are too close to other words.
const typoMin = 7

// typoIndex holds cues by their first word's first byte and length in
// letters: a typo seldom takes the first letter, so a word is only compared
// with cues that start as it does. Arrays, not a map: it is asked three
// times for every long word of a message. near remembers, for the words
// met, the cues one typo away (see nearCues).
type typoIndex struct {
	byFirst [256][][]typoCue
	near    wordCache[[]typoCue]
	// byID keeps, by word id (WordID), what a word of a message in the
	// list's language finds: the cues near it, if mayBeNear lets it look.
	byID WordValues[[]typoCue]
}

// maxNear is how many words a typo index remembers: every long word of a
// message is asked, and a list that allows typos is one of few.
const maxNear = 1 << 13

func (x *typoIndex) add(first byte, letters int, tc typoCue) {
	if b := x.byFirst[first]; len(b) <= letters {
		x.byFirst[first] = append(b, make([][]typoCue, letters+1-len(b))...)
	}
	x.byFirst[first][letters] = append(x.byFirst[first][letters], tc)
}

// cues are the cues whose first word starts with first and has letters
// letters.
func (x *typoIndex) cues(first byte, letters int) []typoCue {
	if b := x.byFirst[first]; letters < len(b) {
		return b[letters]
	}
	return nil
}

// mayBeNear reports whether some cue's first word starts with w's first
// byte and is one letter shorter than w, as long, or one longer: nearCues
// finds none for any other word, which is then not looked up at all.
func (x *typoIndex) mayBeNear(w string) bool {
	n := utf8.RuneCountInString(w)
	return len(x.cues(w[0], n-1)) > 0 || len(x.cues(w[0], n)) > 0 || len(x.cues(w[0], n+1)) > 0
}

// typoCue is a cue with a long first word, that word's length, and the
// word itself, plain and folded: it is compared with every long word of a
// message, and read here without a visit to the cue.
type typoCue struct {
	ph      *phrase
	letters int
	w, fw   string
}

// AllowTypos lets FindTypos match cue words of seven letters or more with a
// word one typo away (a letter left out, added or changed, or two swapped:
// "Təşəkür", "recieved"), for rules whose cues are courtesies people type
// in a hurry; Find still matches them as written.
// Lemmas (word*) match only as written, and a word that isWord says is a
// word of the language is not a typo ("indirim" is not "indirin"). Call it
// before the first Find.
func (p *Phrases) AllowTypos(isWord func(string) bool) {
	p.isWord = isWord
	p.typos, p.ftypos = &typoIndex{near: wordCache[[]typoCue]{limit: maxNear}}, &typoIndex{near: wordCache[[]typoCue]{limit: maxNear}}
	for _, ph := range p.words {
		if cw := &ph.words[0]; !cw.prefix {
			if n := utf8.RuneCountInString(cw.w); n >= typoMin {
				p.typos.add(cw.w[0], n, typoCue{ph, n, cw.w, cw.fw})
				p.ftypos.add(cw.fw[0], n, typoCue{ph, n, cw.w, cw.fw})
			}
		}
	}
}

// FindTypos returns the cues one typo away (see AllowTypos): a second look
// for a rule that found nothing as written.
func (p *Phrases) FindTypos(text string, toks []Token) []Match {
	return p.findTyposIn(text, toks, nil)
}

// FindTyposIn is FindTypos for a message's body: its words, known by their
// ids (Message.WordIDs) when it has them, are looked up by id, not by
// their text.
func (p *Phrases) FindTyposIn(m *Message) []Match {
	var ids []WordID
	if m.Lang == p.lang { // an id keeps what a word is in its message's language
		ids = m.ids
	}
	return p.findTyposIn(m.Body.Text, m.Tokens(), ids)
}

// noNear is the near cues of a word near none: most words, which share it.
var noNear = new([]typoCue)

// findTyposIn is FindTypos, looking a word up by its id in ids (if not nil
// and not 0).
func (p *Phrases) findTyposIn(text string, toks []Token, ids []WordID) []Match {
	if p.typos == nil {
		return nil
	}
	folded := p.fexact != nil && Folded(p.lang, text)
	typos := p.typos
	if folded {
		typos = p.ftypos
	}
	var out []Match
	for i := range toks {
		t := &toks[i]
		if t.Kind != Word || len(t.Norm) < typoMin-1 {
			continue
		}
		var id WordID
		if ids != nil {
			id = ids[i]
		}
		near := typos.byID.Get(id) // nil for id 0
		if near == nil {
			near = noNear // most words
			if n := p.near(typos, p.norm(t, folded), folded); len(n) > 0 {
				near = &n
			}
			typos.byID.Put(id, near) // nothing for id 0
		}
		for _, tc := range *near {
			if m, ok := p.try(toks, nil, i, tc.ph, folded, true, false); ok {
				out = append(out, m)
			}
		}
	}
	return out
}

// oneTypo reports whether a and b differ by one letter left out, added or
// changed, or two neighbours swapped.
func oneTypo(a, b string) bool {
	na, nb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	if na < nb {
		a, b, na, nb = b, a, nb, na
	}
	if na-nb > 1 || a == b {
		return false
	}
	// Skip the common beginning, then the rest must line up after one
	// letter left out, changed or swapped.
	i := 0
	for i < len(b) && a[i] == b[i] {
		i++
	}
	for i > 0 && !utf8.RuneStart(a[i]) {
		i-- // back to the start of the letter that differs
	}
	ra, wa := utf8.DecodeRuneInString(a[i:])
	rb, wb := utf8.DecodeRuneInString(b[i:])
	if na > nb {
		return a[i+wa:] == b[i:]
	}
	if a[i+wa:] == b[i+wb:] {
		return true // one letter changed
	}
	ra2, wa2 := utf8.DecodeRuneInString(a[i+wa:])
	rb2, wb2 := utf8.DecodeRuneInString(b[i+wb:])
	return ra == rb2 && rb == ra2 && a[i+wa+wa2:] == b[i+wb+wb2:]
}

// byteTrie is a trie of stems holding a value at each: a word is walked
// once, and the walk ends at the first byte no stem continues with. A
// node's children are few, so they are found by a scan of their bytes, not
// a map. The phrase lists, the cue index's keys and its lemmas each keep one.
type byteTrie[V any] struct {
	keys []byte
	kids []*byteTrie[V]
	val  V
}

// child is the node after byte c, or nil.
func (n *byteTrie[V]) child(c byte) *byteTrie[V] {
	if i := bytes.IndexByte(n.keys, c); i >= 0 {
		return n.kids[i]
	}
	return nil
}

// kid is the node after byte c, made if there is none.
func (n *byteTrie[V]) kid(c byte) *byteTrie[V] {
	k := n.child(c)
	if k == nil {
		k = &byteTrie[V]{}
		n.keys = append(n.keys, c)
		n.kids = append(n.kids, k)
	}
	return k
}

// at is the node of stem, made with the ones before it if missing. The
// nodes a stem adds are a chain, each the one child of the one before:
// they are made in three allocations, not three each (a lemma's stems, a
// language's many lemmas, were most of building its lists).
func (n *byteTrie[V]) at(stem string) *byteTrie[V] {
	i := 0
	for ; i < len(stem); i++ {
		k := n.child(stem[i])
		if k == nil {
			break
		}
		n = k
	}
	if i == len(stem) {
		return n
	}
	rest := stem[i:]
	nodes := make([]byteTrie[V], len(rest))
	keys := []byte(rest)
	kids := make([]*byteTrie[V], len(rest))
	for j := range nodes {
		kids[j] = &nodes[j]
	}
	n.keys = append(n.keys, keys[0])
	n.kids = append(n.kids, kids[0])
	// Each slice at its capacity: a child added later is appended to a
	// copy, never over the next node's.
	for j := 1; j < len(rest); j++ {
		nodes[j-1].keys = keys[j : j+1 : j+1]
		nodes[j-1].kids = kids[j : j+1 : j+1]
	}
	return &nodes[len(rest)-1]
}

// stemNode holds the phrases whose first word is a stem.
type stemNode = byteTrie[[]*phrase]

type phrase struct {
	cue   string
	n     int32 // its number: its place among the cues of its Phrases
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
	kind          morph.Kind
}

// paradigms holds each language's lemma forms, built once.
var paradigms sync.Map // Lang -> *morph.Forms (nil: none)

func formsOf(l Lang) *morph.Forms {
	if p, ok := paradigms.Load(l); ok {
		return p.(*morph.Forms)
	}
	p := morph.NewForms(string(l), func(s string) string { return Fold(l, s) })
	paradigms.Store(l, p)
	return p
}

// cueKinds are the part-of-speech marks a lemma may carry: "sor*(verb)".
var cueKinds = map[string]morph.Kind{"(verb)": morph.Verb, "(noun)": morph.Noun}

// CueLemma is a cue word without its * and part-of-speech mark: the lemma
// ("sor*(verb)" -> "sor").
func CueLemma(w string) string {
	if i := strings.IndexByte(w, '*'); i > 0 {
		return w[:i]
	}
	return w
}

// CheckCue reports what is wrong with a cue a config gives: nothing, or
// that it is empty or marks a lemma with something other than (verb) or
// (noun).
func CheckCue(c string) error {
	c = strings.TrimSpace(c)
	if c == "" {
		return errors.New("empty cue")
	}
	for i := 1; i < len(c); i++ {
		if c[i] != '*' || c[i-1] == ' ' || !strings.HasPrefix(c[i+1:], "(") {
			continue
		}
		known := false
		for mark := range cueKinds {
			known = known || strings.HasPrefix(c[i+1:], mark)
		}
		if !known {
			return fmt.Errorf("cue %q: a lemma's ending * takes (verb) or (noun) after it, or nothing", c)
		}
	}
	return nil
}

// cutKinds takes the part-of-speech marks out of a cue, returning the cue
// and, for each lemma in it in order, its kind.
func cutKinds(c string) (string, []morph.Kind) {
	if !strings.Contains(c, "*(") {
		return c, nil
	}
	var kinds []morph.Kind
	var b strings.Builder
	for i := 0; i < len(c); i++ {
		b.WriteByte(c[i])
		if c[i] != '*' || i > 0 && c[i-1] == ' ' {
			continue
		}
		k := morph.AnyKind
		for mark, mk := range cueKinds {
			if strings.HasPrefix(c[i+1:], mark) {
				k = mk
				i += len(mark)
			}
		}
		kinds = append(kinds, k)
	}
	return b.String(), kinds
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
	p := &Phrases{lang: l, exact: map[string][]*phrase{}, stems: &stemNode{}, forms: formsOf(l)}
	if sp := spec(l); sp != nil && sp.folder != nil {
		p.fexact, p.fstems = map[string][]*phrase{}, &stemNode{}
	}
	p.cues, p.numbers = make([]string, len(cues)), map[string]int32{}
	var toks []Token // each cue's, in one slice: a cue keeps its words' strings, not its tokens
	for n, cue := range cues {
		c, kinds := cutKinds(strings.TrimSpace(cue))
		if c == "" {
			continue // an empty cue would be found everywhere, forever
		}
		var ws []cueWord
		toks = tokenize(toks[:0], c, l)
		for _, t := range toks {
			switch {
			case t.Kind == Word || t.Kind == Number:
				ws = append(ws, cueWord{w: t.Norm, kind: morph.AnyKind})
			case t.Norm == "*" && len(ws) > 0 && t.Start > 0 && c[t.Start-1] != ' ':
				ws[len(ws)-1].prefix = true
				if len(kinds) > 0 {
					ws[len(ws)-1].kind, kinds = kinds[0], kinds[1:]
				}
			case t.Norm == "*" && len(ws) > 0:
				ws = append(ws, cueWord{any: true})
			}
		}
		if len(ws) == 0 || !isWordy(c) {
			p.literal, p.literalN = append(p.literal, c), append(p.literalN, int32(n))
			p.number(n, c)
			continue
		}
		for i := range ws {
			ws[i].fw = Fold(l, ws[i].w)
			if ws[i].prefix && p.forms != nil {
				ws[i].lemma, ws[i].flemma = p.forms.Lemma(ws[i].w, ws[i].kind, false), p.forms.Lemma(ws[i].fw, ws[i].kind, true)
			}
		}
		ph := &phrase{cue: strings.TrimSpace(cue), n: int32(n), words: ws}
		p.number(n, ph.cue)
		p.words = append(p.words, ph)
		if ws[0].prefix {
			// A lemma is found by each of its stems: "ortağımıza" does not
			// start with "ortak".
			for _, st := range p.stemsOf(ws[0], false) {
				n := p.stems.at(st)
				n.val = append(n.val, ph)
			}
			p.nStems++
		} else {
			p.exact[ws[0].w] = append(p.exact[ws[0].w], ph)
		}
		if p.fexact != nil {
			if ws[0].prefix {
				for _, st := range p.stemsOf(ws[0], true) {
					n := p.fstems.at(st)
					n.val = append(n.val, ph)
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
		if t.Kind-Word > Number-Word { // neither a word nor a number
			continue
		}
		w := p.norm(t, folded)
		for _, ph := range exact[w] {
			if m, ok := p.try(toks, nil, i, ph, folded, false, false); ok {
				out = append(out, m)
			}
		}
		// Every stem the word starts with: a stem is a whole word's
		// beginning, so it always ends at a character boundary.
		n := stems
		for b := 0; b < len(w) && len(n.keys) > 0; b++ {
			if n = n.child(w[b]); n == nil {
				break
			}
			for _, ph := range n.val {
				if m, ok := p.try(toks, nil, i, ph, folded, false, false); ok {
					out = append(out, m)
				}
			}
		}
	}
	for _, lit := range p.literal {
		out = findLiteral(out, text, lit)
	}
	return out
}

// findLiteral appends every place a non-word cue is written in text: the
// leftmost, one after the other, except where one that starts or ends with
// a letter runs on into a word ("/s" is not the start of "/search").
func findLiteral(out []Match, text, lit string) []Match {
	for off := 0; ; {
		i := strings.Index(text[off:], lit)
		if i < 0 {
			return out
		}
		s, e := off+i, off+i+len(lit)
		off = e
		if literalStands(text, lit, s, e) {
			out = append(out, Match{Cue: lit, Span: Span{s, e}, First: -1, Last: -1})
		}
	}
}

// literalStands reports whether lit, found in text from s to e, is a cue
// there: not one that starts or ends with a letter and runs on into a
// word.
func literalStands(text, lit string, s, e int) bool {
	if r, _ := utf8.DecodeLastRuneInString(lit); isWordRune(r) {
		if n, _ := utf8.DecodeRuneInString(text[e:]); e < len(text) && isWordRune(n) {
			return false
		}
	}
	if r, _ := utf8.DecodeRuneInString(lit); isWordRune(r) {
		if p, _ := utf8.DecodeLastRuneInString(text[:s]); s > 0 && isWordRune(p) {
			return false
		}
	}
	return true
}

// Has reports whether any cue is in the tokens.
func (p *Phrases) Has(text string, toks []Token) bool { return len(p.Find(text, toks)) > 0 }

// near is the cues whose first word is one typo from w, to be tried.
func (p *Phrases) near(typos *typoIndex, w string, folded bool) []typoCue {
	if !typos.mayBeNear(w) {
		return nil // most words: no cue word of the length starts with the letter
	}
	return typos.near.get(w, func(w string) []typoCue { return p.nearCues(typos, w, folded) })
}

// nearCues are the cues whose first word is one typo from w, in the order
// they are tried, or none when w is a word of the language. It depends on
// w alone, so a typo index remembers it.
func (p *Phrases) nearCues(typos *typoIndex, w string, folded bool) []typoCue {
	n := utf8.RuneCountInString(w)
	var out []typoCue
	for _, k := range [3]int{n - 1, n, n + 1} {
		for _, tc := range typos.cues(w[0], k) {
			c := tc.w
			if folded {
				c = tc.fw
			}
			if !oneTypo(w, c) {
				continue
			}
			if out == nil && p.isWord(w) {
				return nil
			}
			out = append(out, tc)
		}
	}
	return out
}

// stemsOf is the stems of a lemma cue word, or the word alone in a language
// without paradigms.
func (p *Phrases) stemsOf(cw cueWord, folded bool) []string {
	switch {
	case p.forms == nil && folded:
		return []string{cw.fw}
	case p.forms == nil:
		return []string{cw.w}
	case folded:
		return cw.flemma.Stems()
	}
	return cw.lemma.Stems()
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
func (p *Phrases) matches(cw *cueWord, w string, folded, typos bool) bool {
	c, lm := cw.w, cw.lemma
	if folded {
		c, lm = cw.fw, cw.flemma
	}
	switch {
	case !cw.prefix:
		return w == c || typos && oneTypo(w, c) && utf8.RuneCountInString(c) >= typoMin && !p.isWord(w)
	case lm == nil:
		return strings.HasPrefix(w, c)
	}
	return lm.Inflects(w)
}

// try matches ph at token i. words, when not nil, holds each token's word as
// cues are compared with it (norm), worked out once for a text; firstKnown
// says the first word was already found to match.
func (p *Phrases) try(toks []Token, words []string, i int, ph *phrase, folded, typos, firstKnown bool) (Match, bool) {
	j, ok := p.end(toks, words, i, ph, folded, typos, firstKnown)
	if !ok {
		return Match{}, false
	}
	return Match{Cue: ph.cue, Span: Span{toks[i].Start, toks[j].End}, First: i, Last: j}, true
}

// nextWordInSentence is the first word or number at or after token j, and
// false when a sentence ends (. ! ?) or the tokens do before one: a cue's
// words follow each other within a sentence.
func nextWordInSentence(toks []Token, j int) (int, bool) {
	for ; j < len(toks) && toks[j].Kind-Word > Number-Word; j++ { // neither a word nor a number
		if toks[j].Kind == Punct && endsSentence(toks[j].Norm) {
			return 0, false
		}
	}
	return j, j < len(toks)
}

// endsSentence reports a punctuation token (one character) that ends a
// sentence: . ! or ?.
func endsSentence(punct string) bool {
	switch punct {
	case ".", "!", "?":
		return true
	}
	return false
}

// end is the index of the last token of ph matched at token i (see try).
func (p *Phrases) end(toks []Token, words []string, i int, ph *phrase, folded, typos, firstKnown bool) (int, bool) {
	j := i
	for k := range ph.words {
		cw := &ph.words[k]
		if k > 0 {
			var ok bool
			if j, ok = nextWordInSentence(toks, j+1); !ok {
				return 0, false
			}
		}
		if cw.any || k == 0 && firstKnown {
			continue
		}
		var w string
		if words != nil {
			w = words[j]
		} else {
			w = p.norm(&toks[j], folded)
		}
		if !p.matches(cw, w, folded, typos) {
			return 0, false
		}
	}
	return j, true
}
