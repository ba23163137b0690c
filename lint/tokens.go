package lint

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TokenKind is what a token is.
type TokenKind uint8

// The kinds of token.
const (
	Word   TokenKind = iota + 1 // letters, with inner apostrophes: don't, Shoes'a
	Number                      // digits, with inner . , : (10.30, 1,5, 14:00)
	Punct                       // one punctuation or symbol character
	Space                       // a run of white space
)

// Token is a piece of a message's body. Start and End are byte offsets into
// the original text; Norm is the word as rules compare it: NFC, lower case
// by the message's language, typographic apostrophes made plain.
type Token struct {
	Start, End int
	Kind       TokenKind
	Norm       string
}

// Tokens splits the body once; every rule shares the result.
func (m *Message) Tokens() []Token {
	// Small enough to be inlined: the rules ask for the tokens of a
	// message millions of times an export, all but once each a message
	// for tokens already made, and the call was a cost of its own.
	if m.tokens == nil {
		m.tokenize()
	}
	return m.tokens
}

// tokenize makes the body's tokens (Tokens).
func (m *Message) tokenize() {
	if m.lendAnalysis() {
		return
	}
	if r := m.room; r != nil {
		m.tokens = tokenizeIn(&r.lowered, take(&r.tokens), m.Body.Text, m.Lang)
		return
	}
	buf := tokenPool.Get().(*[]Token)
	m.tokens = tokenize((*buf)[:0], m.Body.Text, m.Lang)
	*buf = nil
	tokenPool.Put(buf)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' || r == '‘' }

// isWordRune reports a letter or a combining mark. It is asked of every
// character of every text, so it answers the common ones without a table
// search: no mark comes before U+0300, and every character from U+0100 to
// U+02AF (Latin Extended-A and -B, IPA: ı, ş, ğ, ə) is a letter.
func isWordRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	case r < 0x100:
		return unicode.IsLetter(r)
	case r < 0x2B0:
		return true
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

// Sentences splits the body into sentences once; every rule shares them.
// The slice is the message's until Trim: a rule must not keep it.
func (m *Message) Sentences() []Span {
	if m.sentences == nil { // inlined, as Tokens
		m.split()
	}
	return m.sentences
}

// split makes the body's sentences (Sentences).
func (m *Message) split() {
	if m.lendSentences() {
		return
	}
	var out []Span
	if r := m.room; r != nil {
		out = take(&r.sentences)
	} else {
		buf := spanPool.Get().(*[]Span)
		out = (*buf)[:0]
		*buf = nil
		spanPool.Put(buf)
	}
	if out == nil {
		out = make([]Span, 0, 8) // room for a long chat message's
	}
	m.sentences = sentencesInto(out, m.Body.Text, m.Lang)
}

// spanPool recycles the sentence slices between messages, as tokenPool
// does the tokens: a rule must not keep them past Trim.
var spanPool = sync.Pool{New: func() any { return new([]Span) }}

// Trim drops the shared tokens, words, sentences and cue matches; they are worked out again if
// asked for. A finding that outlives its check keeps only what it quotes.
func (m *Message) Trim() {
	// The room, if the engine lent one, takes the slices back; the
	// message has none after, whoever works them out again.
	r := m.room
	m.room = nil
	if m.tokens != nil && r != nil {
		r.tokens = m.tokens[:0]
	} else if m.tokens != nil {
		// The engine trims a message once its rules have run: nothing holds
		// its tokens any more, and the next message reuses the memory.
		// They are not cleared: the next message's tokenize writes every
		// token it reads, and clearing pointers was a cost of its own
		// while the collector runs (a slice in the pool keeps one earlier
		// message's strings alive at most).
		buf := tokenPool.Get().(*[]Token)
		*buf = m.tokens[:0]
		tokenPool.Put(buf)
	}
	m.releaseWords(r)
	m.releaseIDs(r)
	if cap(m.sentences) > 0 && r != nil {
		r.sentences = m.sentences[:0]
	} else if cap(m.sentences) > 0 {
		buf := spanPool.Get().(*[]Span)
		*buf = m.sentences[:0]
		spanPool.Put(buf)
	}
	if m.cues != nil {
		m.cues.release()
	}
	m.tokens, m.sentences, m.holders, m.cues, m.cuesListed = nil, nil, nil, nil, false
}

// tokenPool recycles token slices between messages: allocating and zeroing
// a fresh one per message was a fifth of a check's time.
var tokenPool = sync.Pool{New: func() any { return new([]Token) }}

// Tokenize splits text into words, numbers, punctuation and spaces.
func Tokenize(text string, l Lang) []Token { return tokenize(nil, text, l) }

// WithTokens calls fn with Tokenize(text, l) in a slice recycled between
// calls, as a message's own tokens are: for a text whose tokens are read
// once (a quick reply, a button), which fn must not keep.
func WithTokens(text string, l Lang, fn func([]Token)) {
	buf := tokenPool.Get().(*[]Token)
	toks := tokenize((*buf)[:0], text, l)
	fn(toks)
	*buf = toks[:0]
	tokenPool.Put(buf)
}

func tokenize(toks []Token, text string, l Lang) []Token {
	lw := loweredPool.Get().(*loweredWords)
	toks = tokenizeIn(lw, toks, text, l)
	loweredPool.Put(lw)
	return toks
}

// tokenizeIn is tokenize, with the text's lowered words made in lw.
func tokenizeIn(lw *loweredWords, toks []Token, text string, l Lang) []Token {
	if toks == nil {
		toks = make([]Token, 0, len(text)/3+2) // about a token for every 3 bytes of chat text
	}
	// The words that lower to another string (a capital, most often a
	// sentence's first word) are lowered into one buffer, made one string
	// at the end, each word's norm a slice of it: one allocation a text,
	// not one a word.
	lw.buf, lw.at = lw.buf[:0], lw.at[:0]
	turkic := CasingOf(l) == TurkicCasing
	for i := 0; i < len(text); {
		start := i
		r, w := rune(text[i]), 1
		kind := asciiOther
		if r < utf8.RuneSelf {
			// ASCII, most of any text, classed by one table look-up.
			kind = asciiKind[r]
		} else {
			r, w = utf8.DecodeRuneInString(text[i:])
			switch {
			case unicode.IsSpace(r):
				kind = asciiSpace
			case isWordRune(r):
				kind = asciiLower
			case unicode.IsDigit(r):
				kind = asciiDigit
			}
		}
		switch kind {
		case asciiSpace:
			// One space between words, most spaces, told here without
			// a call.
			if i += w; i < len(text) && (text[i] >= utf8.RuneSelf || asciiKind[text[i]] == asciiSpace) {
				i = spaceEnd(text, i)
			}
			toks = append(toks, Token{Start: start, End: i, Kind: Space})
		case asciiLower, asciiUpper:
			// The word's lower-case letters and digits, then, when a
			// space or a punctuation mark ends it (most words), its end
			// without a call; else wordEnd reads on from there, as it
			// would have read those the same.
			j := i + w
			for j < len(text) && tailByte[text[j]] == tailGoesOn {
				j++
			}
			var upper, other bool
			if j == len(text) || tailByte[text[j]] == tailEnds {
				i = j
				upper, other = latinShape(r)
			} else {
				i, upper, other = wordEnd(text, j, r)
			}
			norm := text[start:i]
			switch {
			case other:
				norm = NormWord(l, norm)
			case upper:
				lw.add(len(toks), turkic, norm)
			}
			toks = append(toks, Token{Start: start, End: i, Kind: Word, Norm: norm})
		case asciiDigit:
			i = numberEnd(text, i+w)
			toks = append(toks, Token{Start: start, End: i, Kind: Number, Norm: text[start:i]})
		default:
			i += w
			toks = append(toks, Token{Start: start, End: i, Kind: Punct, Norm: text[start:i]})
		}
	}
	lw.set(toks)
	return toks
}

// lowering is token tok's norm, buf[start:end] of loweredWords' buffer.
type lowering struct{ tok, start, end int }

// loweredWords are a text's lowered words: buf holds them, at says whose
// each is. They are recycled between texts (loweredPool) and reached
// through a pointer, so that the tokenizer's loop does not carry their
// slices from one token to the next.
type loweredWords struct {
	buf []byte
	at  []lowering
}

var loweredPool = sync.Pool{New: func() any {
	return &loweredWords{buf: make([]byte, 0, 256), at: make([]lowering, 0, 16)}
}}

// add lowers word, token tok, into the buffer (by Turkic casing if
// turkic): a word with a capital whose characters are all below U+0300
// (which NFC leaves as they are) and none ʼ, whose norm is Lower's of it,
// a letter at a time from a table. This is most of the tokenizer's work
// on a Turkish or Azerbaijani text, whose every other word is not plain
// ASCII.
func (lw *loweredWords) add(tok int, turkic bool, word string) {
	buf, start := lw.buf, len(lw.buf)
	lower := &lowerLatin
	if turkic {
		lower = &lowerLatinTurkic
	}
	for i := 0; i < len(word); {
		c := word[i]
		if c < utf8.RuneSelf {
			buf = utf8.AppendRune(buf, lower[c])
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(word[i:])
		buf = utf8.AppendRune(buf, lower[r])
		i += n
	}
	lw.buf, lw.at = buf, append(lw.at, lowering{tok, start, len(buf)})
}

// lowerLatin and lowerLatinTurkic are unicode.ToLower and
// unicode.TurkishCase.ToLower of the characters below U+0300.
var lowerLatin, lowerLatinTurkic = func() (d, t [0x300]rune) {
	for r := range d {
		d[r], t[r] = unicode.ToLower(rune(r)), unicode.TurkishCase.ToLower(rune(r))
	}
	return d, t
}()

// set gives each lowered token its norm, a slice of one string made of
// the buffer.
func (lw *loweredWords) set(toks []Token) {
	if len(lw.at) == 0 {
		return
	}
	s := string(lw.buf)
	for _, w := range lw.at {
		toks[w.tok].Norm = s[w.start:w.end]
	}
}

// asciiKind classes the ASCII characters for the tokenizer, which meets
// them far more often than any other: no rune decoding, no table search.
var asciiKind = func() (k [utf8.RuneSelf]uint8) {
	for c := range k {
		switch r := rune(c); {
		case unicode.IsSpace(r):
			k[c] = asciiSpace
		case 'a' <= r && r <= 'z':
			k[c] = asciiLower
		case 'A' <= r && r <= 'Z':
			k[c] = asciiUpper
		case '0' <= r && r <= '9':
			k[c] = asciiDigit
		}
	}
	return k
}()

// tailByte classes the bytes after a word's first character: a lower-case
// letter or digit goes on with the word; any other ASCII character but an
// upper-case letter and the apostrophe ends it; the rest (those two and
// every byte of a character beyond ASCII) are wordEnd's to read.
var tailByte = func() (k [256]uint8) {
	for c := range utf8.RuneSelf {
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			k[c] = tailGoesOn
		case 'A' <= c && c <= 'Z' || c == '\'':
		default:
			k[c] = tailEnds
		}
	}
	return k
}()

const (
	tailAsks uint8 = iota
	tailGoesOn
	tailEnds
)

const (
	asciiOther uint8 = iota
	asciiSpace
	asciiLower
	asciiUpper
	asciiDigit
)

// spaceEnd is the end of the run of white space from i.
func spaceEnd(text string, i int) int {
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			if asciiKind[c] != asciiSpace {
				break
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += w
	}
	return i
}

// wordEnd is the end of the word whose first character is first and
// whose rest starts at i: letters, digits, and apostrophes between
// letters. It tells, in the same pass, what the word's norm asks: upper,
// a capital; other, a character from U+0300 on (a mark, ’) or ʼ, which
// NormWord must see. A word with neither is its own norm (most words); one
// with a capital alone is lowered a letter at a time (lowerInto).
func wordEnd(text string, i int, first rune) (end int, upper, other bool) {
	upper, other = latinShape(first)
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			switch asciiKind[c] {
			case asciiLower, asciiDigit:
				i++
				continue
			case asciiUpper:
				upper = true
				i++
				continue
			}
		}
		if f, ok := latinAt(text, i); ok && f&latinWordOrDigit != 0 {
			// ş, ı, ə, ü, ç, ğ, é: every other letter of a Turkish or
			// Azerbaijani word, told by one table look-up.
			upper = upper || f&latinUpper != 0
			i += 2
			continue
		}
		r, w := rune(c), 1
		if c >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) || unicode.IsDigit(r) {
				u, o := latinShape(r)
				upper, other = upper || u, other || o
				i += w
				continue
			}
		}
		if isApostrophe(r) && i+w < len(text) {
			if r2, _ := utf8.DecodeRuneInString(text[i+w:]); isWordRune(r2) {
				if r != '\'' {
					other = true // ’ and ‘ are from U+0300 on, ʼ is ʼ
				}
				i += w
				continue
			}
		}
		break
	}
	return i, upper, other
}

// latinAt is latinFlags of the character at text[i] when it is one of two
// bytes below U+02B0 (Latin-1, Latin Extended-A and -B, IPA), read without
// decoding it through utf8; ok is false for any other.
func latinAt(text string, i int) (flags uint8, ok bool) {
	if i+1 >= len(text) {
		return 0, false
	}
	c, d := text[i], text[i+1]
	// A lead byte from 0xC2 with a continuation byte is a valid character
	// of two bytes; 0xCA 0xB0 is U+02B0.
	if c < 0xC2 || c > 0xCA || d&0xC0 != 0x80 || c == 0xCA && d >= 0xB0 {
		return 0, false
	}
	return latinFlags[rune(c&0x1F)<<6|rune(d&0x3F)], true
}

// latinFlags are what wordEnd asks of the characters below U+02B0: a
// letter or digit of a word, and a capital (or title case).
var latinFlags = func() (f [0x2B0]uint8) {
	for r := range f {
		if isWordRune(rune(r)) || unicode.IsDigit(rune(r)) {
			f[r] |= latinWordOrDigit
		}
		if isUpperOrTitle(rune(r)) {
			f[r] |= latinUpper
		}
	}
	return f
}()

const (
	latinWordOrDigit uint8 = 1 << iota
	latinUpper
)

// latinShape is what a word's character r tells wordEnd: upper, a capital
// (or title case) below U+0300; other, a character from U+0300 on or ʼ.
func latinShape(r rune) (upper, other bool) {
	if r >= 0x300 || r == 'ʼ' {
		return false, true
	}
	return isUpperOrTitle(r), false
}

// numberEnd is the end of the number whose rest starts at i: digits, and
// . , : between digits.
func numberEnd(text string, i int) int {
	for i < len(text) {
		r, w := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(text[i:])
		}
		if '0' <= r && r <= '9' || r >= utf8.RuneSelf && unicode.IsDigit(r) {
			i += w
			continue
		}
		if (r == '.' || r == ',' || r == ':') && i+w < len(text) {
			if r2, _ := utf8.DecodeRuneInString(text[i+w:]); unicode.IsDigit(r2) {
				i += w
				continue
			}
		}
		break
	}
	return i
}

var apostrophes = strings.NewReplacer("’", "'", "ʼ", "'", "‘", "'")

// NormWord is how words are compared: NFC, lower case by language, plain apostrophes.
func NormWord(l Lang, s string) string {
	if !isASCII(s) {
		if !nfcInert(s) {
			s = norm.NFC.String(s)
		}
		if hasTypographicApostrophe(s) { // the replacer allocates even when it has nothing to do
			s = apostrophes.Replace(s)
		}
	}
	return Lower(l, s)
}

// nfcInert reports a valid text whose characters are all below U+0300
// (every Latin letter of English, Turkish and Azerbaijani): each is its own
// NFC form and none composes with another, so NFC leaves the text as it
// is. A character from U+0300 on (combining marks first) starts with a
// byte from 0xCC.
func nfcInert(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0xCC {
			return false
		}
	}
	return utf8.ValidString(s)
}

// hasTypographicApostrophe is strings.ContainsAny(s, "’ʼ‘") by the bytes
// that start them (’ and ‘ are E2 80 99 and E2 80 98, ʼ is CA BC), without
// decoding every character of the word.
func hasTypographicApostrophe(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case 0xE2:
			if strings.HasPrefix(s[i:], "’") || strings.HasPrefix(s[i:], "‘") {
				return true
			}
		case 0xCA:
			if strings.HasPrefix(s[i:], "ʼ") {
				return true
			}
		}
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Letter cases of the runes below U+0300 (Latin-1, Latin Extended-A and
// -B, IPA: every letter of English, Turkish and Azerbaijani, whose ə is
// U+0259), looked up in a table instead of unicode's range search, which
// rules asked once per character of most words.
const (
	caseUpper uint8 = 1 << iota // unicode.IsUpper
	caseLower                   // unicode.IsLower
	caseTitle                   // unicode.IsTitle
	caseDigit                   // unicode.IsDigit
)

var latinCase = func() (t [0x300]uint8) {
	for r := range t {
		if unicode.IsUpper(rune(r)) {
			t[r] |= caseUpper
		}
		if unicode.IsLower(rune(r)) {
			t[r] |= caseLower
		}
		if unicode.IsTitle(rune(r)) {
			t[r] |= caseTitle
		}
		if unicode.IsDigit(rune(r)) {
			t[r] |= caseDigit
		}
	}
	return t
}()

// IsUpper is unicode.IsUpper, quicker for Latin letters.
func IsUpper(r rune) bool {
	if 0 <= r && r < rune(len(latinCase)) {
		return latinCase[r]&caseUpper != 0
	}
	return unicode.IsUpper(r)
}

// IsLower is unicode.IsLower, quicker for Latin letters.
func IsLower(r rune) bool {
	if 0 <= r && r < rune(len(latinCase)) {
		return latinCase[r]&caseLower != 0
	}
	return unicode.IsLower(r)
}

// IsDigit is unicode.IsDigit, quicker for Latin letters.
func IsDigit(r rune) bool {
	if 0 <= r && r < rune(len(latinCase)) {
		return latinCase[r]&caseDigit != 0
	}
	return unicode.IsDigit(r)
}

// isUpperOrTitle is unicode.IsUpper(r) || unicode.IsTitle(r).
func isUpperOrTitle(r rune) bool {
	if 0 <= r && r < rune(len(latinCase)) {
		return latinCase[r]&(caseUpper|caseTitle) != 0
	}
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}
