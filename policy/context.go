package policy

import (
	"bytes"
	_ "embed"
	"fmt"
	"maps"
	"math/bits"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/msglint/msglint/lint"
	"gopkg.in/yaml.v3"
)

// This file holds what the context rules (re-ask, repeated-reply,
// returning-customer, ignored-question) read in a conversation's
// texts: the data a customer gives, a brand's request for it, questions,
// and a brand text's fingerprint. The cues are per-language data in
// data/context.yaml.

// datum is a kind of data a customer gives.
type datum int

const (
	email datum = iota
	phone
	order
	name
	address
	attachment
	datums
)

// The kinds by their key in data/context.yaml and in a stored state, and
// as a finding names them.
var (
	datumKeys  = [datums]string{"email", "phone", "order", "name", "address", "attachment"}
	datumNames = [datums]string{"an e-mail address", "a phone number", "an order or booking number", "their name", "an address", "a photo or file"}
)

func datumOf(key string) (datum, bool) {
	for d, k := range datumKeys {
		if k == key {
			return datum(d), true
		}
	}
	return 0, false
}

// contextCues are one language's cues, compiled.
type contextCues struct {
	given, noun                               [datums][]*cue
	amount, ask, wrong, newCustomer, question []*cue
	pickup                                    []*cue
	plain                                     map[string]bool // by stem
}

//go:embed data/context.yaml
var contextYAML []byte

// contextByLang are the cues by language; "all" holds in every language.
// They are compiled at first use, not at start: a check of a reply library
// never reads a conversation, and compiling them was most of msglint's
// start-up time.
var contextByLang = sync.OnceValue(func() map[string]*contextCues {
	cs, err := parseContext(contextYAML)
	if err != nil {
		panic("policy: bad embedded data/context.yaml: " + err.Error())
	}
	return cs
})

func parseContext(data []byte) (map[string]*contextCues, error) {
	type kind struct {
		Given []string `yaml:"given"`
		Noun  []string `yaml:"noun"`
	}
	var raw map[string]struct {
		Kinds       map[string]kind `yaml:"kinds"`
		Amount      []string        `yaml:"amount"`
		Ask         []string        `yaml:"ask"`
		Wrong       []string        `yaml:"wrong"`
		NewCustomer []string        `yaml:"new_customer"`
		Question    []string        `yaml:"question"`
		Pickup      []string        `yaml:"pickup"`
		Plain       []string        `yaml:"plain"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&raw); err != nil {
		return nil, err
	}
	out := map[string]*contextCues{}
	for lang, r := range raw {
		c := &contextCues{}
		var err error
		// Each list is one pattern of alternatives: one pass over a text
		// instead of one for each.
		compile := func(list []string) []*cue {
			if len(list) == 0 {
				return nil
			}
			alts, lates := make([]string, len(list)), make([]string, len(list))
			for i, p := range list {
				if _, e := regexp.Compile(p); e != nil && err == nil {
					err = fmt.Errorf("%s: %q: %v", lang, p, e)
				}
				alts[i] = "(?i)(?:" + unicodeBoundaries(p, wordStart) + ")"
				// A ^ or \A of the list's own: no pattern without it.
				if lates != nil && !strings.Contains(p, "^") && !strings.Contains(p, `\A`) {
					lates[i] = "(?i)(?:" + unicodeBoundaries(p, notWordChar) + ")"
				} else {
					lates = nil
				}
			}
			late := ""
			if lates != nil {
				late = strings.Join(lates, "|")
			}
			c, e := newLateCue(strings.Join(alts, "|"), late)
			if e != nil && err == nil {
				err = fmt.Errorf("%s: %v", lang, e)
			}
			if c != nil && len(alts) > 1 {
				c.partPatterns, c.latePatterns = alts, lates
			}
			return []*cue{c}
		}
		for key, k := range r.Kinds {
			d, ok := datumOf(key)
			if !ok {
				return nil, fmt.Errorf("%s: unknown kind %q (want one of %s)", lang, key, strings.Join(datumKeys[:], ", "))
			}
			c.given[d], c.noun[d] = compile(k.Given), compile(k.Noun)
		}
		c.amount, c.ask, c.wrong, c.newCustomer = compile(r.Amount), compile(r.Ask), compile(r.Wrong), compile(r.NewCustomer)
		c.question, c.pickup = compile(r.Question), compile(r.Pickup)
		c.plain = map[string]bool{}
		for _, w := range r.Plain {
			c.plain[stem(w)] = true
		}
		if err != nil {
			return nil, err
		}
		out[lang] = c
	}
	return out, nil
}

// unicodeBoundaries rewrites \b, which in Go's regexp knows only ASCII
// letters, as a boundary between letters of any script and the rest: "mı"
// and "səhv" end where a space follows them. The boundary takes up the
// character beside the word, which the matches here allow. start is what
// a word's start is written as: wordStart, or notWordChar where ^ is to
// match nowhere (a text read from a place past its start).
func unicodeBoundaries(p, start string) string {
	const end = `(?:$|[^\p{L}\p{N}_])`
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		if p[i] == '\\' && i+1 < len(p) {
			if p[i+1] != 'b' {
				b.WriteString(p[i : i+2])
				i++
				continue
			}
			if i+2 < len(p) && strings.ContainsAny(p[i+2:i+3], `(\[#`) || i+2 < len(p) && unicode.IsLetter(rune(p[i+2])) {
				b.WriteString(start)
			} else {
				b.WriteString(end)
			}
			i++
			continue
		}
		b.WriteByte(p[i])
	}
	return b.String()
}

const wordStart, notWordChar = `(?:^|[^\p{L}\p{N}_])`, `(?:[^\p{L}\p{N}_])`

// cuesFor are the cue sets that read a text in a language: every
// language's when it is unknown (in the order of their codes). "all"
// comes first. The slices are made once; callers only read them.
func cuesFor(lang lint.Lang) []*contextCues {
	sets := cueSets()
	if cs, ok := sets.byLang[lang]; ok {
		return cs
	}
	return sets.every
}

var cueSets = sync.OnceValue(func() (sets struct {
	byLang map[lint.Lang][]*contextCues
	every  []*contextCues
}) {
	byLang := contextByLang()
	sets.byLang = map[lint.Lang][]*contextCues{}
	sets.every = []*contextCues{byLang["all"]}
	for _, l := range slices.Sorted(maps.Keys(byLang)) {
		if l != "all" {
			sets.byLang[lint.Lang(l)] = []*contextCues{byLang["all"], byLang[l]}
			sets.every = append(sets.every, byLang[l])
		}
	}
	return sets
})

// langOf is the language of the turn's text, as the message reading it
// says (given or detected); "" when it has none.
func langOf(t *Turn) lint.Lang {
	if m := t.Message(); m != nil {
		return m.Lang
	}
	return t.Event.Lang
}

// matchAny tells whether a cue matches s, a part of a text whose fold is
// folded.
func matchAny(cues []*cue, s, folded string) bool {
	for _, c := range cues {
		if c.match(s, folded) {
			return true
		}
	}
	return false
}

// given finds the kinds of data in a text (folded: its fold), each span
// read once: the amounts first (a price is no reference), then the kinds
// in order.
func given(text, folded string, cs []*contextCues) [datums]bool {
	var out [datums]bool
	// Numbers and e-mail addresses need their characters: most messages
	// have none, and skip those patterns.
	digits, at := false, false
	for i := 0; i < len(text); i++ {
		c := text[i]
		digits, at = digits || c >= '0' && c <= '9', at || c == '@'
	}
	b := []byte(text)
	for _, c := range cs {
		if digits {
			blank(b, c.amount, folded, nil)
		}
	}
	for d := range datums {
		if d == email && !at || (d == phone || d == order) && !digits {
			continue
		}
		accept := func([]byte) bool { return true }
		if d == phone {
			accept = func(m []byte) bool { n := countDigits(m); return n >= 9 && n <= 15 }
		}
		for _, c := range cs {
			out[d] = blank(b, c.given[d], folded, accept) || out[d]
		}
	}
	return out
}

// blank blanks each match of cues in b that accept takes (nil: all), so
// that no later pattern reads it again, and tells whether there was one.
// folded is the fold of b before any blanking, which only adds spaces.
func blank(b []byte, cues []*cue, folded string, accept func([]byte) bool) bool {
	found := false
	for _, c := range cues {
		if !c.may(folded) {
			continue
		}
		for _, loc := range c.findAll(b, folded) {
			m := b[loc[0]:loc[1]]
			if accept != nil && !accept(m) {
				continue
			}
			found = true
			for i := range m {
				m[i] = ' '
			}
		}
	}
	return found
}

func countDigits(b []byte) int {
	n := 0
	for _, c := range b {
		if c >= '0' && c <= '9' {
			n++
		}
	}
	return n
}

// sentences splits a text after its sentence ends (. ! ? or a line
// break), each keeping its punctuation; blank pieces are left out.
func sentences(text string) []string {
	var out []string
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '.' && c != '!' && c != '?' && c != '\n' {
			continue
		}
		end := i
		for end < len(text) && (text[end] == '.' || text[end] == '!' || text[end] == '?') {
			end++
		}
		if end == i {
			end = i + 1 // a line break ends the sentence and is dropped
		}
		if strings.TrimSpace(text[start:i]) != "" {
			out = append(out, strings.TrimLeft(text[start:end], "\n"))
		}
		start, i = end, end-1
	}
	if strings.TrimSpace(text[start:]) != "" {
		out = append(out, text[start:])
	}
	return out
}

// asked finds the kinds of data a brand text (folded: its fold) asks for:
// a sentence with a request frame that names the kind.
//
// Each sentence of several is read with its own fold: a pattern's need
// (see cue) holds in the fold of every text it matches, so one the
// sentence does not hold is not run on it, though the text may hold it.
func asked(text, folded string, cs []*contextCues) [datums]bool {
	var out [datums]bool
	ss := sentences(text)
	var buf []byte
	for _, s := range ss {
		sf := folded
		if len(ss) > 1 {
			buf = foldInto(buf[:0], s)
			sf = unsafe.String(unsafe.SliceData(buf), len(buf)) // read before buf is written again
		}
		ask := false
		for _, c := range cs {
			ask = ask || matchAny(c.ask, s, sf)
		}
		if ask {
			named := nouns(s, sf, cs)
			for d := range datums {
				out[d] = out[d] || named[d]
			}
		}
	}
	return out
}

// nouns finds the kinds a text names, each span read once; folded is the
// fold of the text, or of a text it is part of.
func nouns(text, folded string, cs []*contextCues) [datums]bool {
	var out [datums]bool
	b := []byte(text)
	for d := range datums {
		for _, c := range cs {
			out[d] = blank(b, c.noun[d], folded, nil) || out[d]
		}
	}
	return out
}

// questions are the customer's sentences that ask something: those ending
// with a question mark, or with the language's question words, with at
// least two words ("Hello?" asks nothing to answer). folded is the text's
// fold.
func questions(text, folded string, cs []*contextCues) []string {
	var out []string
	for _, s := range sentences(text) {
		if !hasWords(s, 2) {
			continue
		}
		q := strings.HasSuffix(strings.TrimSpace(s), "?")
		for _, c := range cs {
			q = q || matchAny(c.question, s, folded)
		}
		if q {
			out = append(out, s)
		}
	}
	return out
}

// hasWords tells whether a text has at least n words: runs of letters, with
// numbers, links, e-mail addresses and template placeholders left out (see
// masked and nextWord).
func hasWords(text string, n int) bool {
	var buf [64]byte
	for w, rest := nextWord(masked(text), buf[:0]); len(w) > 0 && n > 0; w, rest = nextWord(rest, buf[:0]) {
		n--
	}
	return n <= 0
}

// nextWord reads a text's next run of letters, lower-cased (dotted and
// dotless I folded as Turkish and Azerbaijani write them),
// appended to b; rest is the text after it. No word: none is left.
func nextWord(text string, b []byte) (word []byte, rest string) {
	for i, r := range text {
		if r < utf8.RuneSelf {
			if c := byte(r) | 0x20; c >= 'a' && c <= 'z' {
				b = append(b, c)
				continue
			}
		} else if unicode.IsLetter(r) {
			if r == 'İ' {
				r = 'i'
			}
			b = utf8.AppendRune(b, unicode.ToLower(r))
			continue
		}
		if len(b) > 0 {
			return b, text[i:]
		}
	}
	return b, ""
}

// eachNumber calls yield with each run of digits of text (any script's).
func eachNumber(text string, yield func(n string)) {
	start := -1
	for i, r := range text {
		digit := r >= '0' && r <= '9' || r >= utf8.RuneSelf && unicode.IsDigit(r)
		switch {
		case digit && start < 0:
			start = i
		case !digit && start >= 0:
			yield(text[start:i])
			start = -1
		}
	}
	if start >= 0 {
		yield(text[start:])
	}
}

// mayMask tells whether masked may blank something in text (it holds a
// bare domain, one of {%[@, or a link's "://"), and whether it holds a
// domain. The bytes those need are looked for in one pass, and the strings
// only in a text that has them.
func mayMask(text string) (may, domains bool) {
	dot, colon, other := false, false, false
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '{', '%', '[', '@':
			other = true
		case '.':
			dot = true
		case ':':
			colon = true
		}
	}
	domains = dot && slices.ContainsFunc([]string{".com", ".net", ".org", ".example"}, func(d string) bool { return strings.Contains(text, d) })
	return domains || other || colon && strings.Contains(text, "://"), domains
}

// masked blanks a text's template placeholders ({{name}}, {name}, %s,
// [NAME]), links, e-mail addresses and bare domains, each with one space.
// It reads the text once by hand: it finds what the pattern
//
//	\{\{[^}]*\}\}|\{[^}\s]*\}|%[sdv]|\[[A-Z_]+\]|https?://\S+|\S+@\S+|\b\w+\.(com|net|org|example)\S*
//
// finds, leftmost first, and its fuzz test holds it to that pattern. A
// text without the characters of any of it (most) is returned as it is.
func masked(text string) string {
	may, domains := mayMask(text)
	if !may {
		return text
	}
	var out strings.Builder
	copied := 0
	// at is the last '@' of the current run of non-spaces that has a
	// non-space after it, found when the run starts (-1: none).
	runEnd, at := -1, -1
	for i := 0; i < len(text); {
		c := text[i]
		if isSpace(c) {
			i++
			continue
		}
		if i >= runEnd {
			runEnd, at = nonSpaceEnd(text, i), -1
			if k := strings.LastIndexByte(text[i:runEnd-1], '@'); k >= 0 {
				at = i + k
			}
		}
		// Only these may start one: the rest is passed over at once.
		end := -1
		if c == '{' || c == '%' || c == '[' || c == 'h' || at > i || domains && isWordByte(c) && (i == 0 || !isWordByte(text[i-1])) {
			end = maskAt(text, i, runEnd, at)
		}
		if end < 0 {
			if c < utf8.RuneSelf {
				i++
			} else {
				_, w := utf8.DecodeRuneInString(text[i:])
				i += w
			}
			continue
		}
		if out.Len() == 0 {
			out.Grow(len(text))
		}
		out.WriteString(text[copied:i])
		out.WriteByte(' ')
		copied, i = end, end
	}
	if out.Len() == 0 {
		return text
	}
	out.WriteString(text[copied:])
	return out.String()
}

// maskAt is the end of the placeholder, link, address or domain that
// starts at i, trying them in masked's pattern's order; -1: none. When
// text[i] is no space, runEnd is the end of its run of non-spaces and at
// the last '@' in it with a non-space after it (-1: none).
func maskAt(text string, i, runEnd, at int) int {
	rest := text[i:]
	switch rest[0] {
	case '{':
		// {{anything but }}} or {no space and no }}
		if len(rest) > 1 && rest[1] == '{' {
			if k := strings.IndexByte(rest[2:], '}'); k >= 0 && 2+k+1 < len(rest) && rest[2+k+1] == '}' {
				return i + 2 + k + 2
			}
		}
		for k := 1; k < len(rest); k++ {
			if rest[k] == '}' {
				return i + k + 1
			}
			if isSpace(rest[k]) {
				break
			}
		}
	case '%':
		if len(rest) > 1 && (rest[1] == 's' || rest[1] == 'd' || rest[1] == 'v') {
			return i + 2
		}
	case '[':
		k := 1
		for k < len(rest) && (rest[k] >= 'A' && rest[k] <= 'Z' || rest[k] == '_') {
			k++
		}
		if k > 1 && k < len(rest) && rest[k] == ']' {
			return i + k + 1
		}
	case 'h':
		for _, scheme := range [...]string{"http://", "https://"} {
			if strings.HasPrefix(rest, scheme) && len(rest) > len(scheme) && !isSpace(rest[len(scheme)]) {
				return nonSpaceEnd(text, i+len(scheme))
			}
		}
	}
	if isSpace(rest[0]) {
		return -1
	}
	if at > i { // \S+@\S+
		return runEnd
	}
	// \b\w+\.(com|net|org|example)\S*
	if !isWordByte(rest[0]) || i > 0 && isWordByte(text[i-1]) {
		return -1
	}
	k := 1
	for k < len(rest) && isWordByte(rest[k]) {
		k++
	}
	if k < len(rest) && rest[k] == '.' {
		for _, tld := range [...]string{"com", "net", "org", "example"} {
			if strings.HasPrefix(rest[k+1:], tld) {
				return nonSpaceEnd(text, i+k+1+len(tld))
			}
		}
	}
	return -1
}

// isSpace is regexp's \s: ASCII space, tab, line feed, form feed and
// carriage return.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// isWordByte is regexp's \w.
func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

// nonSpaceEnd is where the run of non-spaces from i ends.
func nonSpaceEnd(text string, i int) int {
	for i < len(text) && !isSpace(text[i]) {
		i++
	}
	return i
}

// stem is a word's first four letters: enough to tie "delivery" to
// "deliver", and a Turkish or Azerbaijani stem to its suffixed forms
// (süre-si, süre-miz).
func stem(w string) string {
	r := []rune(w)
	return string(r[:min(len(r), 4)])
}

// stemOf is stem for a word read by nextWord: its first four letters.
func stemOf(w []byte) []byte {
	i := 0
	for n := 0; i < len(w) && n < 4; n++ {
		_, size := utf8.DecodeRune(w[i:])
		i += size
	}
	return w[:i]
}

// sketch is a set of word stems as 256 bits: the words themselves are not
// kept, and two sketches compare in a few instructions.
type sketch [4]uint64

func (s *sketch) add(w string) { s.addBytes([]byte(w)) }

// addBytes adds a word's stem: the bits are those of the 64-bit FNV-1a
// hash of its first four letters, as stem cuts them.
func (s *sketch) addBytes(w []byte) {
	h := uint64(fnvOffset64)
	for i, n := 0, 0; i < len(w) && n < 4; n++ {
		_, size := utf8.DecodeRune(w[i:])
		h = fnv64(h, w[i:i+size])
		i += size
	}
	i := h % 256
	s[i/64] |= 1 << (i % 64)
}

// FNV-1a, as hash/fnv computes it, without a hash.Hash to allocate.
const (
	fnvOffset64 = 14695981039346656037
	fnvPrime64  = 1099511628211
	fnvOffset32 = 2166136261
	fnvPrime32  = 16777619
)

func fnv64[T string | []byte](h uint64, b T) uint64 {
	for i := 0; i < len(b); i++ {
		h = (h ^ uint64(b[i])) * fnvPrime64
	}
	return h
}

func fnv32(h uint32, b string) uint32 {
	for i := 0; i < len(b); i++ {
		h = (h ^ uint32(b[i])) * fnvPrime32
	}
	return h
}

func (s sketch) count() int {
	n := 0
	for _, x := range s {
		n += bits.OnesCount64(x)
	}
	return n
}

func (s sketch) and(o sketch) sketch {
	return sketch{s[0] & o[0], s[1] & o[1], s[2] & o[2], s[3] & o[3]}
}
func (s sketch) or(o sketch) sketch {
	return sketch{s[0] | o[0], s[1] | o[1], s[2] | o[2], s[3] | o[3]}
}

// similarity is the share of stems two sketches have in common.
func (s sketch) similarity(o sketch) float64 {
	if u := s.or(o).count(); u > 0 {
		return float64(s.and(o).count()) / float64(u)
	}
	return 0
}

// contentSketch sketches the words that carry a question's topic: words of
// four letters or more, but for the plain ones.
func contentSketch(text string, cs []*contextCues) (s sketch, n int) {
	var buf [64]byte
	for w, rest := nextWord(masked(text), buf[:0]); len(w) > 0; w, rest = nextWord(rest, buf[:0]) {
		if utf8.RuneCount(w) >= 4 && !slices.ContainsFunc(cs, func(c *contextCues) bool { return c.plain[string(stemOf(w))] }) {
			s.addBytes(w)
			n++
		}
	}
	return s, n
}

// printOf fingerprints a brand text: its normalised words with numbers
// masked, the numbers apart (the same template for two different orders is
// no repetition), and its stems.
func printOf(text, folded string, cs []*contextCues) Print {
	var p Print
	m := masked(text)
	h := uint64(fnvOffset64)
	var buf [64]byte
	for w, rest := nextWord(m, buf[:0]); len(w) > 0; w, rest = nextWord(rest, buf[:0]) {
		h = fnv64(fnv64(h, w), " ")
		p.Stems.addBytes(w)
		p.Words++
	}
	p.Text = h
	nh := uint32(fnvOffset32)
	eachNumber(m, func(n string) { nh = fnv32(fnv32(nh, n), " ") })
	p.Nums = nh
	p.Pickup = pickup(text, folded, cs)
	return p
}

// pickup tells whether one of a brand text's sentences takes up a
// question. Most texts hold none of what the cues need, and are not cut
// into sentences. folded is the text's fold.
func pickup(text, folded string, cs []*contextCues) bool {
	if !slices.ContainsFunc(cs, func(c *contextCues) bool {
		return slices.ContainsFunc(c.pickup, func(q *cue) bool { return q.may(folded) })
	}) {
		return false
	}
	for _, s := range sentences(text) {
		for _, c := range cs {
			if matchAny(c.pickup, s, folded) {
				return true
			}
		}
	}
	return false
}
