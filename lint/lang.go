package lint

import (
	"bytes"
	_ "embed"
	"fmt"
	"io/fs"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Languages and channels are registries read from data files: the code asks
// them, so adding either is data. The built-in entries are embedded; a
// language pack adds one more with RegisterLang. Both are read-only once
// linting starts.

//go:generate go run ./internal/compilelang

//go:embed data/channels.yaml
var channelsYAML []byte

// LangSpec is one language's entry in the registry (data/lang.yaml, or a
// pack's lang.yaml).
type LangSpec struct {
	Code          Lang       `yaml:"code"`
	Name          string     `yaml:"name"`
	Casing        Casing     `yaml:"casing"`
	Detect        DetectCues `yaml:"detect"`
	Stopwords     []string   `yaml:"stopwords"`
	Abbreviations []string   `yaml:"abbreviations"`
	// Fold is the letters people leave out when they type without the
	// language's keyboard, each with its plain stand-in: "ıi şs ğg" says
	// that "Tesekkurler" is "Teşekkürler" typed on a phone without them.
	Fold        string `yaml:"fold"`
	folder      *strings.Replacer
	foldLetters string // the letters Fold replaces
	// foldTo is each letter Fold replaces with its stand-in, by the
	// letter, when every letter to fold is a character of two bytes (all
	// of the built-in languages'): Fold and Folded read it a character at
	// a time instead of searching foldLetters or trying the replacer.
	// foldCase is whether a letter lowers to one of them (Folded's
	// question), for the characters below U+0800. Nil when a letter is
	// longer: the replacer and the search are used then.
	foldTo     *[0x800]rune
	foldCase   *[0x800]bool
	stop       map[string]bool
	abbr       map[string]bool
	abbrSpaced bool // an abbreviation of two words ("və s")
	// abbrRunes is the longest abbreviation's length in characters: a
	// longer word is none (lowering keeps a word's characters, one each).
	abbrRunes int
	pack      fs.FS // a registered pack's files; nil for a built-in language
}

// DetectCues are what DetectLang scores for one language.
type DetectCues struct {
	// Common is the score of each word found in the language's stopwords.
	Common  int         `yaml:"common"`
	Letters []LetterCue `yaml:"letters"`
	Words   []WordCue   `yaml:"words"`
}

// LetterCue scores a text that has any of the letters: Score once, plus
// Each for every occurrence.
type LetterCue struct {
	Any   string `yaml:"any"`
	Score int    `yaml:"score"`
	Each  int    `yaml:"each"`
}

// WordCue scores each word (lower case in the language's casing) that has a
// letter from every set in Letters, ends with one of Suffixes, or contains
// one of Contains.
type WordCue struct {
	Letters  []string `yaml:"letters"`
	Suffixes []string `yaml:"suffixes"`
	Contains []string `yaml:"contains"`
	Score    int      `yaml:"score"`
}

// Casing names a language's case mapping.
type Casing string

// The case mappings a language may declare.
const (
	DefaultCasing Casing = "default" // Unicode's
	TurkicCasing  Casing = "turkic"  // I pairs with ı and İ with i (Turkish, Azerbaijani)
)

// Lower maps s to lower case.
func (c Casing) Lower(s string) string {
	if c == TurkicCasing {
		return turkicLower(s)
	}
	return strings.ToLower(s)
}

// appendLower appends s lowered to dst, as Lower would return it, without
// allocating a string when dst has room.
func (c Casing) appendLower(dst []byte, s string) []byte {
	if !utf8.ValidString(s) {
		return append(dst, c.Lower(s)...)
	}
	for i := 0; i < len(s); {
		r := rune(s[i])
		if r < utf8.RuneSelf {
			i++
			switch {
			case r == 'I' && c == TurkicCasing:
				dst = append(dst, "ı"...)
			case 'A' <= r && r <= 'Z':
				dst = append(dst, byte(r)+'a'-'A')
			default:
				dst = append(dst, byte(r))
			}
			continue
		}
		var w int
		r, w = utf8.DecodeRuneInString(s[i:])
		i += w
		if c == TurkicCasing {
			dst = utf8.AppendRune(dst, unicode.TurkishCase.ToLower(r))
		} else {
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}

// turkicLower is strings.ToLowerSpecial(unicode.TurkishCase, s), which maps
// through a function value and a table search per character, with ASCII
// done by hand: it lowers most words of every Turkish and Azerbaijani text.
func turkicLower(s string) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	if !utf8.ValidString(s[i:]) {
		return strings.ToLowerSpecial(unicode.TurkishCase, s)
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		switch {
		case r == 'I':
			b.WriteString("ı")
		case 'A' <= r && r <= 'Z':
			b.WriteByte(byte(r) + 'a' - 'A')
		case r < utf8.RuneSelf:
			b.WriteByte(byte(r))
		default:
			b.WriteRune(unicode.TurkishCase.ToLower(r))
		}
	}
	return b.String()
}

// Upper maps s to upper case.
func (c Casing) Upper(s string) string {
	if c == TurkicCasing {
		return strings.ToUpperSpecial(unicode.TurkishCase, s)
	}
	return strings.ToUpper(s)
}

// ChannelSpec is one channel's entry in the registry (data/channels.yaml).
type ChannelSpec struct {
	Code  Channel `yaml:"code"`
	Title string  `yaml:"title"`
}

// The built-in languages are data/lang.yaml decoded ahead of time
// (lang_compiled.go, written by go generate): decoding the YAML was a
// twelfth of the start-up of a check.
var (
	langSpecs = func() []*LangSpec {
		specs := compiledLangs
		for _, s := range specs {
			if err := s.check(); err != nil {
				panic("lint: bad embedded data/lang.yaml: " + err.Error())
			}
		}
		return specs
	}()
	channelSpecs = mustRead[ChannelSpec](channelsYAML, "data/channels.yaml")
)

// mustRead decodes a built-in registry; the data is part of the build and
// tests load it, so a bad file never reaches a user.
func mustRead[T any](data []byte, file string) []T {
	var out []T
	if err := decodeStrict(data, &out); err != nil {
		panic("lint: bad embedded " + file + ": " + err.Error())
	}
	return out
}

// decodeStrict decodes data files: an unknown key is an error, so that a
// misspelt field is not silently ignored.
func decodeStrict(data []byte, v any) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	return dec.Decode(v)
}

func (s *LangSpec) check() error {
	switch {
	case s.Code == "" || s.Name == "":
		return fmt.Errorf("language %q: code and name are required", s.Code)
	case strings.ToLower(string(s.Code)) != string(s.Code) || strings.ContainsAny(string(s.Code), "-_ "):
		return fmt.Errorf("language %q: the code is lower case, without a region (ParseLang drops it)", s.Code)
	case s.Casing == "":
		s.Casing = DefaultCasing
	case s.Casing != DefaultCasing && s.Casing != TurkicCasing:
		return fmt.Errorf("language %q: casing %q (want %s or %s)", s.Code, s.Casing, DefaultCasing, TurkicCasing)
	}
	s.stop, s.abbr = set(s.Stopwords), set(s.Abbreviations)
	s.abbrSpaced = slices.ContainsFunc(s.Abbreviations, func(a string) bool { return strings.Contains(a, " ") })
	s.abbrRunes = 0
	for _, a := range s.Abbreviations {
		s.abbrRunes = max(s.abbrRunes, utf8.RuneCountInString(a))
	}
	var pairs []string
	for _, p := range strings.Fields(s.Fold) {
		r := []rune(p)
		if len(r) != 2 {
			return fmt.Errorf("language %q: fold %q: want a letter and its stand-in, such as \"şs\"", s.Code, p)
		}
		pairs = append(pairs, string(r[0]), string(r[1]))
		s.foldLetters += string(r[0])
	}
	if len(pairs) > 0 {
		s.folder = strings.NewReplacer(pairs...)
		s.foldTo, s.foldCase = foldTables(pairs)
	}
	return nil
}

// foldTables are LangSpec.foldTo and foldCase of a language whose letters
// to fold are pairs (letter, stand-in, …); nil when a letter is not a
// character of two bytes (U+0080 to U+07FF).
func foldTables(pairs []string) (*[0x800]rune, *[0x800]bool) {
	to := new([0x800]rune)
	for i := 0; i < len(pairs); i += 2 {
		r, _ := utf8.DecodeRuneInString(pairs[i])
		if utf8.RuneLen(r) != 2 {
			return nil, nil
		}
		if to[r] == 0 { // the first pair of a letter wins, as in the replacer
			to[r], _ = utf8.DecodeRuneInString(pairs[i+1])
		}
	}
	// A character lowers to a letter to fold only if it is the letter or
	// in its case orbit (Ş for ş): the orbits are walked, not every
	// character lowered, which was a cost at every start.
	lowers := new([0x800]bool)
	for i := 0; i < len(pairs); i += 2 {
		letter, _ := utf8.DecodeRuneInString(pairs[i])
		for r := letter; ; {
			if r >= utf8.RuneSelf && r < 0x800 && unicode.ToLower(r) == letter {
				lowers[r] = true
			}
			if r = unicode.SimpleFold(r); r == letter {
				break
			}
		}
	}
	return to, lowers
}

// Fold writes a lower-case word the way it is typed without the language's
// own letters (see LangSpec.Fold): "teşekkürler" -> "tesekkurler". A
// language with nothing to fold returns s.
func Fold(l Lang, s string) string {
	if sp := spec(l); sp != nil && sp.folder != nil && !isASCII(s) {
		if sp.foldTo == nil {
			return sp.folder.Replace(s)
		}
		i := nextFold(sp.foldTo, s, 0)
		if i == len(s) {
			return s // nothing to fold: nothing to allocate
		}
		return string(appendFold(append(make([]byte, 0, len(s)), s[:i]...), sp.foldTo, s[i:]))
	}
	return s
}

// AppendFold appends Fold(l, s) to dst: a rule that only looks a folded
// word up folds it into a buffer of its own and allocates nothing.
func AppendFold(dst []byte, l Lang, s string) []byte {
	if sp := spec(l); sp != nil && sp.folder != nil && !isASCII(s) {
		if sp.foldTo == nil {
			return append(dst, sp.folder.Replace(s)...)
		}
		return appendFold(dst, sp.foldTo, s)
	}
	return append(dst, s...)
}

// appendFold appends s to dst with each letter of to replaced by its
// stand-in. It reads s a byte at a time, as the replacer does, so that a
// text that is not valid UTF-8 is folded as the replacer folds it: only a
// valid character of two bytes is a letter to fold.
func appendFold(dst []byte, to *[0x800]rune, s string) []byte {
	for i := 0; i < len(s); {
		j := nextFold(to, s, i)
		dst = append(dst, s[i:j]...)
		if j == len(s) {
			break
		}
		dst = utf8.AppendRune(dst, to[rune(s[j]&0x1F)<<6|rune(s[j+1]&0x3F)])
		i = j + 2
	}
	return dst
}

// nextFold is the offset of the first letter of to in s from i, or len(s).
func nextFold(to *[0x800]rune, s string, i int) int {
	for ; i+1 < len(s); i++ {
		// A lead byte of two (0xC2 to 0xDF) and a continuation byte.
		if c, d := s[i], s[i+1]; c >= 0xC2 && c <= 0xDF && d&0xC0 == 0x80 && to[rune(c&0x1F)<<6|rune(d&0x3F)] != 0 {
			return i
		}
	}
	return len(s)
}

// Folded reports whether a text in a language with letters to fold has none
// of them, so that its words are compared with cues folded too. A text with
// even one of the letters was typed with them: its plain letters are meant.
func Folded(l Lang, text string) bool {
	sp := spec(l)
	if sp == nil || sp.folder == nil {
		return false
	}
	if sp.foldCase == nil {
		for _, r := range text {
			if r >= utf8.RuneSelf && strings.ContainsRune(sp.foldLetters, unicode.ToLower(r)) {
				return false
			}
		}
		return true
	}
	// One pass, ASCII passed over and a character of two bytes (every
	// letter to fold) read without decoding: the first letter to fold
	// answers, most often the first character that is not ASCII.
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if c >= 0xC2 && c <= 0xDF && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
			if sp.foldCase[rune(c&0x1F)<<6|rune(text[i+1]&0x3F)] {
				return false
			}
			i += 2
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		if r < 0x800 {
			if sp.foldCase[r] {
				return false
			}
		} else if strings.ContainsRune(sp.foldLetters, unicode.ToLower(r)) {
			// A character from U+0800 whose lower case is a letter of
			// two bytes: none in Unicode today, asked all the same.
			return false
		}
		i += w
	}
	return true
}

func codes[T any, C ~string](specs []T, code func(T) C) []C {
	out := make([]C, len(specs))
	for i, s := range specs {
		out[i] = code(s)
	}
	return out
}

// spec returns a language's registry entry, or nil. A linear scan: the
// registry is a handful of entries and this is on every word's path.
func spec(l Lang) *LangSpec {
	if len(l) == 2 {
		// A code of two letters, every built-in one, compared as two
		// bytes rather than by a call to compare strings.
		for _, s := range langSpecs {
			if c := s.Code; len(c) == 2 && c[0] == l[0] && c[1] == l[1] {
				return s
			}
		}
		return nil
	}
	for _, s := range langSpecs {
		if s.Code == l {
			return s
		}
	}
	return nil
}

// LangName is a language's English name ("Turkish"), or its code if unknown.
func LangName(l Lang) string {
	if s := spec(l); s != nil {
		return s.Name
	}
	return string(l)
}

// CasingOf is a language's case mapping.
func CasingOf(l Lang) Casing {
	if s := spec(l); s != nil {
		return s.Casing
	}
	return DefaultCasing
}

// RegisterLang adds a language pack: fsys holds lang.yaml (one LangSpec) and,
// under rules/, the pack's part of each rule's data file, with the same name
// and shape as the built-in file (see LoadRuleData), and any other files its
// rules read with LangFile. Call it before building
// any linter: the registries are not guarded for concurrent use.
func RegisterLang(fsys fs.FS) (Lang, error) {
	data, err := fs.ReadFile(fsys, "lang.yaml")
	if err != nil {
		return "", err
	}
	var s LangSpec
	if err := decodeStrict(data, &s); err != nil {
		return "", fmt.Errorf("lang.yaml: %v", err)
	}
	if err := s.check(); err != nil {
		return "", fmt.Errorf("lang.yaml: %v", err)
	}
	if spec(s.Code) != nil {
		return "", fmt.Errorf("lang.yaml: language %q is already registered", s.Code)
	}
	// Read every file before changing anything: a bad pack adds nothing.
	parts := make([]map[Lang]*RuleLang, len(ruleDataFiles))
	for i, d := range ruleDataFiles {
		if parts[i], err = d.readPack(fsys, s.Code); err != nil {
			return "", err
		}
	}
	for i, d := range ruleDataFiles {
		d.put(parts[i])
	}
	s.pack = fsys
	langSpecs = append(langSpecs, &s)
	detector = arrange(langSpecs)
	Langs = append(Langs, s.Code)
	return s.Code, nil
}

// LangFile reads a file of a registered language pack, for data that is not
// YAML (a spelling list); fs.ErrNotExist for a built-in language, whose data
// is embedded where it is used.
func LangFile(l Lang, name string) ([]byte, error) {
	s := spec(l)
	if s == nil || s.pack == nil {
		return nil, fs.ErrNotExist
	}
	return fs.ReadFile(s.pack, name)
}

func set(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// Lower folds case the way the language does (its casing in the registry).
func Lower(l Lang, s string) string {
	if hasNoUpper(s) {
		return s // most words: nothing to change, nothing to allocate
	}
	return CasingOf(l).Lower(s)
}

// AppendLower appends Lower(l, s) to dst: a rule that only looks a lowered
// word up lowers it into a buffer of its own and allocates nothing.
func AppendLower(dst []byte, l Lang, s string) []byte {
	if hasNoUpper(s) {
		return append(dst, s...)
	}
	return CasingOf(l).appendLower(dst, s)
}

// Upper is Lower's counterpart.
func Upper(l Lang, s string) string { return CasingOf(l).Upper(s) }

// DetectLang guesses the language of a text that does not declare one, from
// each language's detection cues in the registry (data/lang.yaml): points
// for its common words, for letters only it uses, for word endings. The
// highest score wins, and a tie goes to the language listed first. ok is
// false when nothing scored (a text with no known word, such as "OK" or a
// bare URL).
//
// The language rule asks it of most messages of an export, so it reads the
// text once and allocates nothing: letters are counted and words scored in
// the same pass, a word is lowered into one buffer, and once for every
// casing when the casings agree on it (they part only at I).
func DetectLang(text string) (l Lang, ok bool) {
	var buf [8]int
	scores := append(buf[:0], make([]int, len(langSpecs))...)
	d := &detector
	known := d.points.table.Load() // the words whose points are known
	// Letters are counted in the pass when the sets fit here (the
	// registry has two), else each set searches the text itself.
	var counts [8]int
	var counted []int
	if len(d.letters) <= len(counts) {
		counted = counts[:len(d.letters)]
	}
	var w word
	start := -1
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiWordByte[c] == 0 {
				if start >= 0 {
					d.add(known, scores, text[start:i], w)
					start = -1
				}
				i++
				continue
			}
			// A run of ASCII letters, read in a loop of its own: most of
			// a text.
			if start < 0 {
				start, w = i, word{ascii: true}
			}
			var seen uint8
			for ; i < len(text) && asciiWordByte[text[i]] != 0; i++ {
				seen |= asciiWordByte[text[i]]
			}
			w.upper = w.upper || seen&asciiWordUpper != 0
			w.turkicI = w.turkicI || seen&asciiWordI != 0
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if counted != nil {
			if r < rune(len(d.latinSets)) {
				// A letter below U+0300 (every one of the registry's
				// sets): its sets from a table, not a search of each.
				for sets := d.latinSets[r]; sets != 0; sets &= sets - 1 {
					counted[bits.TrailingZeros8(sets)]++
				}
			} else {
				for j, ls := range d.letters {
					if ls.has(r) {
						counted[j]++
					}
				}
			}
		}
		if 0x100 <= r && r < 0x2B0 || unicode.IsLetter(r) {
			// Latin Extended-A and -B and IPA are letters throughout.
			if start < 0 {
				start, w = i, word{}
			}
			w.ascii = false
			w.upper = w.upper || isUpperOrTitle(r)
			w.turkicI = w.turkicI || r == 'İ'
		} else if start >= 0 {
			d.add(known, scores, text[start:i], w)
			start = -1
		}
		i += n
	}
	if start >= 0 {
		d.add(known, scores, text[start:], w)
	}
	for j, ls := range d.letters {
		k := 0
		switch {
		case ls.runes == nil || counted == nil:
			k = ls.countAny(text)
		case counted[j] > 0 && !ls.each:
			k = 1
		default:
			k = counted[j]
		}
		if k > 0 {
			for _, u := range ls.uses {
				scores[u.lang] += u.Score + u.Each*k
			}
		}
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

// asciiWordByte marks the ASCII bytes DetectLang reads as part of a word
// (letters and the apostrophe), with what it notes of them: an upper-case
// letter, and I, which the casings lower apart. 0 for any other byte.
var asciiWordByte = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = asciiWordLetter
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = asciiWordLetter | asciiWordUpper
	}
	t['\''] = asciiWordLetter
	t['I'] |= asciiWordI
	return t
}()

const (
	asciiWordLetter uint8 = 1 << iota
	asciiWordUpper
	asciiWordI
)

// word is what DetectLang's pass learnt of a word while reading it.
type word struct {
	ascii   bool // only ASCII letters and apostrophes
	upper   bool // an upper- or title-case letter: it must be lowered
	turkicI bool // an I or İ, which the casings lower apart
}

// add adds a word's points to each language's score, worked out on the
// word's first meeting (see score) and remembered; known is what the cache
// held when the text was begun, in a table (see wordTable), a quarter
// cheaper than the map to look a word up in.
func (d *detection) add(known *wordTable[[]int], scores []int, w string, info word) {
	points, ok := known.find(w)
	if !ok {
		points = d.miss(w, info, len(scores))
	}
	for i, n := range points {
		scores[i] += n
	}
}

// miss is add for a word not in known (the word cache's snapshot):
// scored, and remembered.
func (d *detection) miss(w string, info word, langs int) []int {
	return d.points.get(w, func(w string) []int {
		var buf [8]int
		var lower [64]byte
		pts := append(buf[:0], make([]int, langs)...)
		d.score(pts, w, info, lower[:0])
		for _, n := range pts {
			if n != 0 {
				return slices.Clone(pts)
			}
		}
		return nil
	})
}

// score adds a word's points to each language's score; buf is room to
// lower it in.
func (d *detection) score(scores []int, w string, info word, buf []byte) {
	switch {
	case !info.upper:
		d.all.score(scores, append(buf, w...), info.ascii)
	case !info.turkicI:
		d.all.score(scores, DefaultCasing.appendLower(buf, w), info.ascii)
	default:
		// Lowered apart: ı is not ASCII.
		for _, g := range d.casings {
			g.score(scores, g.casing.appendLower(buf, w), false)
		}
	}
}

// score adds the points of a lowered word to the scores of the group's
// languages.
func (g *casingGroup) score(scores []int, lw []byte, ascii bool) {
	if len(lw) > 0 && len(lw) <= g.longest && g.firsts[lw[0]>>6]&(1<<(lw[0]&63)) != 0 {
		for _, i := range g.stop[string(lw)] {
			scores[i] += langSpecs[i].Detect.Common
		}
	}
	for i := range g.cues {
		if c := &g.cues[i]; c.matches(lw, ascii) {
			scores[c.lang] += c.Score
		}
	}
}

// detection is the registry's cues arranged so that DetectLang does each
// piece of work once for all the languages that share it; rebuilt when a
// language is registered.
type detection struct {
	letters []*letterSet
	casings []*casingGroup
	// all is every language's common words and word cues, for a word
	// that every casing lowers the same way.
	all casingGroup
	// points remembers each word's points by language (nil: none): a
	// word is lowered and scored once, not in every text it is in.
	points *wordCache[[]int]
	// latinSets are, for each character below U+0300, the letter sets
	// whose runes have it, bit j for letters[j], when there are no more
	// sets than bits (DetectLang counts them in its pass only then).
	latinSets *[0x300]uint8
}

// letterSet is one set of letters that languages score: the text is
// searched once for all of them.
type letterSet struct {
	any  string
	each bool // some language scores every occurrence: count them all
	uses []letterUse
	// runes are the letters of any when none is ASCII (as every set in
	// the registry is), counted while DetectLang reads the text's other
	// characters; nil when any has an ASCII letter.
	runes []rune
}

type letterUse struct {
	lang int // index into langSpecs
	LetterCue
}

// has says whether r is among the set's runes.
func (ls *letterSet) has(r rune) bool {
	for _, x := range ls.runes {
		if x == r {
			return true
		}
	}
	return false
}

// countAny is how many of the letters the text has, or 1 for any when no
// language scores each occurrence.
func (ls *letterSet) countAny(text string) int {
	if !ls.each {
		if strings.ContainsAny(text, ls.any) {
			return 1
		}
		return 0
	}
	n := 0
	for _, r := range ls.any {
		n += strings.Count(text, string(r))
	}
	return n
}

// nonASCIIRunes are the runes of s when it is valid UTF-8 of distinct
// runes, none ASCII or U+FFFD; else nil.
func nonASCIIRunes(s string) []rune {
	if !utf8.ValidString(s) {
		return nil
	}
	var out []rune
	for _, r := range s {
		if r < utf8.RuneSelf || r == utf8.RuneError || slices.Contains(out, r) {
			return nil
		}
		out = append(out, r)
	}
	return out
}

// casingGroup is the languages that fold case the same way: a word is
// lowered once for all of them, and one look-up finds the languages whose
// common words it is.
type casingGroup struct {
	casing Casing
	stop   map[string][]int // common word -> the languages it is common in
	cues   []langCue        // the word cues of its languages, in order
	// longest and firsts are the length of the longest common word and
	// the bytes they start with: a word longer or starting otherwise is
	// not looked up.
	longest int
	firsts  [4]uint64
}

// addStop notes that w is a common word of language i.
func (g *casingGroup) addStop(w string, i int) {
	g.stop[w] = append(g.stop[w], i)
	g.longest = max(g.longest, len(w))
	if w != "" {
		g.firsts[w[0]>>6] |= 1 << (w[0] & 63)
	}
}

// langCue is a WordCue of one language, its strings as bytes.
type langCue struct {
	lang int // index into langSpecs
	WordCue
	suffixes, contains [][]byte
	// nonASCII: some set of Letters has no ASCII letter, so an ASCII
	// word never has a letter from every set.
	nonASCII bool
	// common is a byte every suffix and contained string has, if they
	// share one (y of -yor, -iyor, -uyor): a word without it has none.
	common    byte
	hasCommon bool
}

// commonByte is a byte every string of ss has, the first such of the
// first string.
func commonByte(ss [][]byte) (byte, bool) {
	if len(ss) == 0 {
		return 0, false
	}
	for _, b := range ss[0] {
		all := true
		for _, s := range ss[1:] {
			all = all && bytes.IndexByte(s, b) >= 0
		}
		if all {
			return b, true
		}
	}
	return 0, false
}

func (c *langCue) matches(w []byte, ascii bool) bool {
	if len(c.Letters) > 0 && !(ascii && c.nonASCII) {
		all := true
		for _, set := range c.Letters {
			all = all && bytes.ContainsAny(w, set)
		}
		if all {
			return true
		}
	}
	if c.hasCommon && bytes.IndexByte(w, c.common) < 0 {
		return false
	}
	for _, s := range c.suffixes {
		if bytes.HasSuffix(w, s) {
			return true
		}
	}
	for _, s := range c.contains {
		if bytes.Contains(w, s) {
			return true
		}
	}
	return false
}

var detector = arrange(langSpecs)

func arrange(specs []*LangSpec) detection {
	d := detection{all: casingGroup{stop: map[string][]int{}}, points: &wordCache[[]int]{tabled: true}}
	for i, s := range specs {
		var g *casingGroup
		for _, h := range d.casings {
			if h.casing == s.Casing {
				g = h
			}
		}
		if g == nil {
			g = &casingGroup{casing: s.Casing, stop: map[string][]int{}}
			d.casings = append(d.casings, g)
		}
		for _, c := range s.Detect.Words {
			lc := langCue{lang: i, WordCue: c, suffixes: byteStrings(c.Suffixes), contains: byteStrings(c.Contains)}
			for _, set := range c.Letters {
				lc.nonASCII = lc.nonASCII || strings.IndexFunc(set, func(r rune) bool { return r < utf8.RuneSelf }) < 0
			}
			lc.common, lc.hasCommon = commonByte(append(slices.Clip(lc.suffixes), lc.contains...))
			g.cues = append(g.cues, lc)
			d.all.cues = append(d.all.cues, lc)
		}
		for w := range s.stop {
			g.addStop(w, i)
			d.all.addStop(w, i)
			// A common word typed without the language's letters is still
			// a common word of it: "icin", "tesekkurler".
			if s.folder != nil {
				if f := s.folder.Replace(w); f != w && !slices.Contains(g.stop[f], i) {
					g.addStop(f, i)
					d.all.addStop(f, i)
				}
			}
		}
		for _, c := range s.Detect.Letters {
			var ls *letterSet
			for _, m := range d.letters {
				if m.any == c.Any {
					ls = m
				}
			}
			if ls == nil {
				ls = &letterSet{any: c.Any, runes: nonASCIIRunes(c.Any)}
				d.letters = append(d.letters, ls)
			}
			ls.each = ls.each || c.Each != 0
			ls.uses = append(ls.uses, letterUse{i, c})
		}
	}
	d.latinSets = new([0x300]uint8)
	if len(d.letters) <= 8 {
		for j, ls := range d.letters {
			for _, r := range ls.runes {
				if r < rune(len(d.latinSets)) {
					d.latinSets[r] |= 1 << j
				}
			}
		}
	}
	return d
}

func byteStrings(s []string) [][]byte {
	out := make([][]byte, len(s))
	for i, x := range s {
		out[i] = []byte(x)
	}
	return out
}

// IsAbbreviation reports whether word (without its final period) is a known
// abbreviation in the language. before is the text preceding the word, for
// multi-word abbreviations such as Azerbaijani "və s.".
func IsAbbreviation(l Lang, before, word string) bool {
	t := spec(l)
	if t == nil || utf8.RuneCountInString(word) > t.abbrRunes {
		// A word longer than every abbreviation is none, nor is it with
		// the word before it.
		return false
	}
	// Lowered into a buffer: a period followed by a capital asks this of
	// nearly every sentence, and the words are seldom abbreviations.
	var buf [64]byte
	w := AppendLower(buf[:0], l, word)
	if t.abbr[string(w)] {
		return true
	}
	if !t.abbrSpaced {
		return false // no abbreviation of two words to look for
	}
	if prev := lastWord(before); prev != "" {
		var key [64]byte
		k := append(append(AppendLower(key[:0], l, prev), ' '), w...)
		return t.abbr[string(k)]
	}
	return false
}

func lastWord(s string) string {
	s = strings.TrimRight(s, " \t")
	return s[lastNonLetter(s, false)+1:]
}

// lastNonLetter is strings.LastIndexFunc(s, f) for f a character that is
// not a letter (nor a dot, if dot): the index of the last such character,
// or -1. ASCII letters are told without decoding: it is asked at the end
// of nearly every sentence.
func lastNonLetter(s string, dot bool) int {
	for i := len(s); i > 0; {
		if c := s[i-1]; c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || dot && c == '.' {
				i--
				continue
			}
			return i - 1
		}
		r, w := utf8.DecodeLastRuneInString(s[:i])
		// Every character from U+0100 to U+02AF (ş, ğ, ı, ə) is a
		// letter: told without unicode's table search.
		if (r < 0x100 || r >= 0x2B0) && !unicode.IsLetter(r) {
			return i - w
		}
		i -= w
	}
	return -1
}

// hasNoUpper reports whether s has no upper-case letter, so that
// lowering it changes nothing.
func hasNoUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			for _, r := range s[i:] {
				if isUpperOrTitle(r) {
					return false
				}
			}
			return true
		}
		if 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}
