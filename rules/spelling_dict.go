package rules

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/dict"
	"github.com/msglint/msglint/lint/morph"
)

// lexicon is one language's idea of a correct word: its dictionary, its
// suffix paradigms, the dictionaries whose words also pass (English product
// terms in Turkish text; Turkish words in Azerbaijani text, which the
// language rule reports), and its error model for suggestions. It is built
// from the rule's data (spelling.yaml, words:) and the embedded
// dictionaries, once per language.
type lexicon struct {
	lang lint.Lang
	// slot is the language's place among the first 16 of lint.Langs, or
	// -1: where a word's verdict in another lexicon keeps this one's
	// (wordVerdict.knownIn).
	slot  int
	d     *dict.Dict
	m     *morph.Analyzer // nil: the language has no paradigms
	also  []*dict.Dict
	model errorModel
	// confident: report an unknown word only when an edit of the error
	// model gives a known word (Azerbaijani: the list is a web crawl that
	// lacks many modern words, so an unknown word alone says little).
	confident bool
	// prefixes are derivational prefixes a known word may take (English
	// re-, un-, pre-: rebook, unsubscribe); the lists lack many such words.
	prefixes []string
	// spoken are rewrites from spoken forms written down to the written
	// norm (yoxlıyırıq -> yoxlayırıq): from, to.
	spoken [][2]string
	// neighbour is the language whose words are misspellings here when its
	// letters, written the own language's way (neighbourLetters), give a
	// known word; "" for none.
	neighbour        lint.Lang
	neighbourLetters []letterMap
	// ownLetters are the letters the language has and its neighbour
	// lacks (Azerbaijani ə): a fix that restores one is a clear one.
	ownLetters string
	// Verdicts by word, shared by the rules and their goroutines.
	knownMemo     memo[bool]
	suggestMemo   memo[ranking]
	commonerMemo  memo[commonerFix]
	neighbourMemo memo[string]
	verdictMemo   memo[*wordVerdict]
	// verdicts are verdictMemo's by word id (lint.WordID): a message's
	// words are looked up there first, without a hash (sharedVerdict).
	verdicts lint.WordValues[wordVerdict]
	// marks maps a letter with a mark to the letter without it (ğ: g):
	// writers drop marks, they do not add them, so a word that differs from
	// a fix only by a mark the fix lacks is a variant (öğe, öge).
	marks map[rune]rune
	// suffixes are derivational endings a known word takes (gapless+ly).
	suffixes []string
	// verbalizers are the infinitives of the suffix that makes a verb of a
	// noun (Turkish -lA: önbellek, önbelleklemek).
	verbalizers []string
}

// lexicons are built on first use per language: a run that checks no
// Turkish never loads the Turkish dictionary. Every rule asks for its
// message's lexicon, so they are found by a scan of a few slots, read
// without a lock, not by a sync.Map's hash of an interface; a slot is
// added, under lexiconsMu, the first time a language is asked for.
var (
	lexicons   atomic.Pointer[[]*lexiconSlot]
	lexiconsMu sync.Mutex
)

// lexiconSlot is one language's lexicon: built once (build), and kept
// (built) for the callers after the first, which then read it with no
// call through the once.
type lexiconSlot struct {
	lang  lint.Lang
	build func() (*lexicon, error)
	built atomic.Bool
	lx    *lexicon
	err   error
}

func lexiconFor(l lint.Lang) (*lexicon, error) {
	s := lexiconSlotOf(l)
	if s.built.Load() {
		return s.lx, s.err
	}
	return s.build()
}

// lexiconSlotOf is l's slot, added when l was never asked for.
func lexiconSlotOf(l lint.Lang) *lexiconSlot {
	if p := lexicons.Load(); p != nil {
		for _, s := range *p {
			if sameLang(s.lang, l) {
				return s
			}
		}
	}
	lexiconsMu.Lock()
	defer lexiconsMu.Unlock()
	var slots []*lexiconSlot
	if p := lexicons.Load(); p != nil {
		slots = *p
	}
	for _, s := range slots {
		if s.lang == l {
			return s
		}
	}
	s := &lexiconSlot{lang: l}
	s.build = sync.OnceValues(func() (*lexicon, error) {
		lx, err := buildLexicon(l)
		s.lx, s.err = lx, err
		s.built.Store(true)
		return lx, err
	})
	// A new slice: readers scan the old one without a lock.
	slots = append(slots[:len(slots):len(slots)], s)
	lexicons.Store(&slots)
	return s
}

// sameLang is a == b, for a language's code of two letters (most codes)
// compared here a byte at a time rather than by a call: a message asks for
// its lexicons by code several times.
func sameLang(a, b lint.Lang) bool {
	if len(a) != len(b) {
		return false
	}
	if len(a) == 2 {
		return a[0] == b[0] && a[1] == b[1]
	}
	return a == b
}

// lexiconBuilt is lexiconFor(l) when l's lexicon is built already (nil
// for a language without a dictionary); ok is false when it is not, and
// asking does not build it.
func lexiconBuilt(l lint.Lang) (lx *lexicon, ok bool) {
	if p := lexicons.Load(); p != nil {
		for _, s := range *p {
			if sameLang(s.lang, l) && s.built.Load() && s.err == nil {
				return s.lx, true
			}
		}
	}
	return nil, false
}

func hasDict(l lint.Lang) bool {
	for _, d := range dict.Langs() {
		if d == string(l) {
			return true
		}
	}
	return false
}

func buildLexicon(l lint.Lang) (*lexicon, error) {
	if !hasDict(l) {
		return nil, nil
	}
	words := spellingDoc.Langs[l].Words
	// The language's list and those that also pass load side by side
	// (each reads only its header: the words are read in place).
	names := append([]string{string(l)}, words["also"]...)
	dicts := make([]*dict.Dict, len(names))
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			dicts[i], errs[i] = dict.For(name)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	lx := &lexicon{lang: l, slot: -1, d: dicts[0], also: dicts[1:]}
	if i := slices.Index(lint.Langs, l); i >= 0 && i < 16 {
		lx.slot = i
	}
	if m, err := morph.For(string(l)); err == nil {
		lx.m = m
	}
	lx.confident = len(words["policy"]) > 0 && words["policy"][0] == "confident"
	lx.prefixes = words["prefixes"]
	lx.model = newErrorModel(words)
	for _, r := range words["spoken"] {
		if from, to, ok := strings.Cut(r, ">"); ok {
			lx.spoken = append(lx.spoken, [2]string{from, to})
		}
	}
	if n := languageData.Langs[l].Words["neighbour"]; len(n) > 0 {
		lx.neighbour = lint.Lang(n[0])
	}
	lx.ownLetters = strings.Join(words["own_letters"], "")
	for _, pair := range words["marks"] {
		if marked, plain, ok := strings.Cut(pair, " "); ok {
			if lx.marks == nil {
				lx.marks = map[rune]rune{}
			}
			m, _ := utf8.DecodeRuneInString(marked)
			p, _ := utf8.DecodeRuneInString(plain)
			lx.marks[m] = p
		}
	}
	lx.suffixes = words["suffixes"]
	lx.verbalizers = words["verbalizers"]
	for _, m := range words["neighbour_letters"] {
		lm, ok := parseLetterMap(m)
		if !ok {
			return nil, fmt.Errorf("data/spelling.yaml: %s: neighbour_letters: want from>to[/back|/coda], got %q", l, m)
		}
		lx.neighbourLetters = append(lx.neighbourLetters, lm)
	}
	return lx, nil
}

// known reports whether a lower-case or written word is correct in the
// language itself: on the list, or a listed stem with suffixes.
func (lx *lexicon) known(word string) bool {
	return lx.knownMemo.get(word, func() bool { return lx.judge(word) })
}

func (lx *lexicon) judge(word string) bool {
	if lx.d.Has(word) {
		return true
	}
	lw := lint.Lower(lx.lang, word)
	for _, suf := range lx.suffixes {
		if rest, ok := strings.CutSuffix(lw, suf); ok && utf8.RuneCountInString(rest) >= 3 && lx.d.Has(rest) {
			return true
		}
	}
	for _, p := range lx.prefixes {
		if rest, ok := strings.CutPrefix(lw, p); ok && utf8.RuneCountInString(rest) >= 3 && lx.d.Has(strings.TrimPrefix(rest, "-")) {
			return true
		}
	}
	if lx.m == nil {
		// A regular plural of a known word (integrations, timezones):
		// the lists leave out the plural of many nouns.
		if rest, ok := strings.CutSuffix(lw, "s"); ok && len(rest) >= 3 && lx.d.Has(rest) {
			return true
		}
		// The English lists strip accents (cafe, entree); a word
		// written with them is the same word.
		if plain := stripAccents(word); plain != word {
			return lx.d.Has(plain)
		}
		return false
	}
	return lx.d.Has(lw) || lx.m.Inflected(lw, lx.stemKnown)
}

// stemKnown is what suffixes may follow: a word of the language, or of a
// dictionary that also passes (English loans take Turkish suffixes:
// modunda, blogları, emaili).
func (lx *lexicon) stemKnown(s string) bool {
	if lx.d.Has(s) || lx.denominal(s) {
		return true
	}
	if utf8.RuneCountInString(s) < 3 {
		return false
	}
	for _, o := range lx.also {
		if o.Has(s) {
			return true
		}
	}
	return false
}

// stripAccents removes the marks of Latin letters in borrowed words
// (café, entrée, naïve).
func stripAccents(s string) string { return accentReplacer.Replace(s) }

var accentReplacer = strings.NewReplacer("é", "e", "è", "e", "ê", "e", "ë", "e", "á", "a", "à", "a", "â", "a", "ä", "a",
	"í", "i", "ï", "i", "î", "i", "ó", "o", "ô", "o", "ö", "o", "ú", "u", "ü", "u", "û", "u", "ç", "c", "ñ", "n",
	"É", "E", "Á", "A", "Ç", "C")

// passes reports whether a word is not to be reported: correct in the
// language or in one of the dictionaries that also pass.
func (lx *lexicon) passes(word string) bool {
	if lx.known(word) {
		return true
	}
	for _, o := range lx.also {
		if o.Has(word) {
			return true
		}
	}
	return false
}

// weight stands in for a word's frequency: the size of its paradigm on the
// list (the forms that begin with it, or with the stem it is built on).
func (lx *lexicon) weight(lw string) int {
	n := lx.d.Forms(lw)
	if lx.m != nil {
		if stem := lx.m.Stem(lw, lx.d.Has); stem != "" {
			n = max(n, lx.d.Forms(stem))
		}
	}
	return n
}

// checkable says whether a word is prose to spell-check by its shape: not a
// code with digits, an acronym, CamelCase, or a one- or two-letter word.
func checkable(word string) bool {
	if ok, decided := checkableASCII(word); decided {
		return ok
	}
	return checkableRunes(word)
}

// checkableRunes is checkable for any word, rune by rune.
func checkableRunes(word string) bool {
	n, upper, lower := 0, 0, 0
	prevLower := false
	for _, r := range word {
		n++
		switch {
		case lint.IsDigit(r) || r == '_':
			return false
		case lint.IsUpper(r):
			if prevLower {
				return false // CamelCase
			}
			upper++
			prevLower = false
		case lint.IsLower(r):
			lower++
			prevLower = true
		}
	}
	if upper > 1 {
		return false // an acronym (SMS, ATMs) or a brand's own casing
	}
	// No vowel: an interjection (hmm, brr) or an abbreviation (hrs).
	if n < 3 || lower == 0 {
		return false
	}
	for _, r := range word {
		if lr := unicode.ToLower(r); isVowel(lr) || lr == 'y' {
			return true
		}
	}
	return false
}

// checkableASCII is checkable for a word of ASCII letters, most words,
// without decoding runes; decided is false for any other word.
func checkableASCII(word string) (ok, decided bool) {
	upper, lower, vowel := 0, 0, false
	prevLower := false
	for i := 0; i < len(word); i++ {
		c := word[i]
		switch {
		case c >= 'a' && c <= 'z':
			lower++
			prevLower = true
			vowel = vowel || isASCIIVowel(c)
		case c >= 'A' && c <= 'Z':
			if prevLower {
				return false, true // CamelCase
			}
			upper++
			prevLower = false
			vowel = vowel || isASCIIVowel(c+'a'-'A')
		case c >= '0' && c <= '9' || c == '_':
			return false, true
		case c < 0x80:
			// An apostrophe or a hyphen: as in checkable, the case
			// before it still counts (e-Mail is CamelCase).
		default:
			return false, false
		}
	}
	return upper <= 1 && len(word) >= 3 && lower > 0 && vowel, true
}

func isASCIIVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// isCapitalised is a word with a capital first letter and no other.
func isCapitalised(word string) bool {
	r, n := utf8.DecodeRuneInString(word)
	if !lint.IsUpper(r) {
		return false
	}
	for _, r := range word[n:] {
		if lint.IsUpper(r) {
			return false
		}
	}
	return true
}

// anyByteOf is strings.ContainsAny(s, set) for a set of ASCII characters
// and a short s (a token): strings builds a set of the characters on every
// call, which cost more than a token's few bytes looked for in set. Each
// byte is compared with the set's few here, not looked up by a call.
func anyByteOf(s, set string) bool {
	for i := 0; i < len(s); i++ {
		for j := 0; j < len(set); j++ {
			if s[i] == set[j] {
				return true
			}
		}
	}
	return false
}

// midSentence reports whether the token before toks[i] (skipping spaces
// without a line break) continues a sentence: a word, a number or a comma.
// A capitalised word there is a name (a brand, a product, a place).
func midSentence(text string, toks []lint.Token, i int) bool {
	for j := i - 1; j >= 0; j-- {
		t := &toks[j] // a token is five words: not copied for each
		switch t.Kind {
		case lint.Space:
			if anyByteOf(text[t.Start:t.End], "\n\r") {
				return false
			}
			continue
		case lint.Word, lint.Number:
			return true
		case lint.Punct:
			return strings.Contains(",&/+", t.Norm)
		}
		return false
	}
	return false
}

// quotedSpans finds text inside quotes or backticks: "…", “…”, «…», `…`,
// and ‘…’ or '…' opened after a space. Words there are cited, not written
// (a button label, a code, a term).
func quotedSpans(text string) []lint.Span {
	var out []lint.Span
	pairs := [][2]string{{"`", "`"}, {"\"", "\""}, {"“", "”"}, {"«", "»"}, {"„", "“"}, {"‘", "’"}}
	for _, p := range pairs {
		for from := 0; ; {
			i := strings.Index(text[from:], p[0])
			if i < 0 {
				break
			}
			open := from + i + len(p[0])
			if p[0] == "‘" && open > len(p[0]) {
				// A left single quote after a letter is an apostrophe.
				if r, _ := utf8.DecodeLastRuneInString(text[:open-len(p[0])]); unicode.IsLetter(r) {
					from = open
					continue
				}
			}
			j := strings.Index(text[open:], p[1])
			if j < 0 {
				break
			}
			out = append(out, lint.Span{Start: open, End: open + j})
			from = open + j + len(p[1])
		}
	}
	// 'term' only when the quote opens after a space or at the start and
	// closes before a non-letter: otherwise it is an apostrophe.
	for i := 0; i < len(text); i++ {
		if text[i] != '\'' || i > 0 && text[i-1] != ' ' && text[i-1] != '(' {
			continue
		}
		for j := i + 1; j < len(text) && text[j] != '\n'; j++ {
			if text[j] == '\'' && (j+1 == len(text) || !isASCIIAlnum(text[j+1])) && text[j-1] != ' ' {
				out = append(out, lint.Span{Start: i + 1, End: j})
				i = j
				break
			}
		}
	}
	return out
}

func within(spans []lint.Span, s lint.Span) bool {
	for _, q := range spans {
		if s.Start >= q.Start && s.End <= q.End {
			return true
		}
	}
	return false
}

// apostrophe is the index of the first ', ’ or ʼ in word, or -1; a byte
// scan, as strings.IndexAny decodes every rune to look for the two
// non-ASCII ones.
func apostrophe(word string) int {
	for i := 0; i < len(word); i++ {
		switch word[i] {
		case '\'':
			return i
		case 0xE2: // ’ is E2 80 99
			if strings.HasPrefix(word[i:], "’") {
				return i
			}
		case 0xCA: // ʼ is CA BC
			if strings.HasPrefix(word[i:], "ʼ") {
				return i
			}
		}
	}
	return -1
}

// baseWord is the part of a word a dictionary judges. Turkish and
// Azerbaijani write suffixes after a name with an apostrophe (Luma'ya,
// SMS'i): the name before it is checked alone, and only when it is not a
// name. English keeps its contractions (it's, don't) and checks a
// possessive's word (customer's).
func baseWord(l lint.Lang, word string) (base string, check bool) {
	i := apostrophe(word)
	if i < 0 {
		return word, true
	}
	if l == lint.English {
		return word, true
	}
	base = word[:i]
	r, _ := utf8.DecodeRuneInString(base)
	return base, !lint.IsUpper(r)
}

// letterMap is a letter the neighbouring language writes where this one
// writes another, and where: anywhere, next to a back vowel (k/q), or in a
// syllable's coda, at the word's end or before a consonant (final
// devoicing: kitap/kitab).
type letterMap struct {
	from, to rune
	where    string // "", "back" or "coda"
}

func parseLetterMap(s string) (letterMap, bool) {
	pair, where, _ := strings.Cut(s, "/")
	from, to, ok := strings.Cut(pair, ">")
	f, t := []rune(from), []rune(to)
	if !ok || len(f) != 1 || len(t) != 1 || where != "" && where != "back" && where != "coda" {
		return letterMap{}, false
	}
	return letterMap{f[0], t[0], where}, true
}

func (m letterMap) applies(rs []rune, i int) bool {
	if rs[i] != m.from {
		return false
	}
	switch m.where {
	case "back":
		return nextToBackVowel(rs, i)
	case "coda":
		return i+1 == len(rs) || !isVowel(rs[i+1])
	}
	return true
}

func nextToBackVowel(rs []rune, i int) bool {
	back := func(j int) bool { return j >= 0 && j < len(rs) && strings.ContainsRune("aıou", rs[j]) }
	return back(i-1) || back(i+1)
}

// neighbourWord is the own language's word for a word of the neighbouring
// language written into a text (teşekkür in Azerbaijani: təşəkkür), when
// the letters the two write differently give a known word; "" when the
// word is not the neighbour's, is the own language's or English, or no
// such word is known. The spelling rule reports these; the language rule
// reports the neighbour's words whose counterpart is another word.
func (lx *lexicon) neighbourWord(word string) string {
	if lx.neighbour == "" || len(lx.neighbourLetters) == 0 {
		return ""
	}
	return lx.neighbourMemo.get(word, func() string { return lx.findNeighbourWord(word) })
}

func (lx *lexicon) findNeighbourWord(word string) string {
	lw := lint.Lower(lx.lang, word)
	if utf8.RuneCountInString(lw) < 4 {
		return ""
	}
	nb, err := lexiconFor(lx.neighbour)
	if err != nil || nb == nil || !nb.known(word) {
		return ""
	}
	if en, err := lexiconFor(lint.English); err == nil && en != nil && en.known(word) {
		return "" // an English word in the text (size, time)
	}
	// The Azerbaijani list is a web crawl with some Turkish in it, and
	// suffixes may follow a Turkish stem: a word the list has (a paradigm
	// of its own) counts as Turkish only when its vowels alone (e/ə) give
	// a far commoner word there. Consonants are not tried on it: European
	// loans keep k and a final t in Azerbaijani (kurs, kart, paket), so
	// kursa and qursa are both words.
	own := lx.known(lw) && lx.weight(lw) > 0
	right := lx.byLetters(lw, own)
	if right == "" {
		// The same word spelt the neighbour's way: a listed pair whose
		// words differ by a letter or two (sipariş: sifariş).
		if p := pairedWord(lx.lang, lx, lw); !strings.Contains(p, " ") && sameWord(lw, p) {
			right = p
		}
	}
	if right == "" || own && lx.weight(lw)*5 >= lx.weight(right) {
		return ""
	}
	return right
}

// byLetters tries each combination of the neighbour's letters rewritten
// (words have few), only its vowels if vowelsOnly, and returns the first
// known word the list has.
func (lx *lexicon) byLetters(lw string, vowelsOnly bool) string {
	runes := []rune(lw)
	type change struct {
		at int
		to rune
	}
	var pos []change
	for i := range runes {
		for _, m := range lx.neighbourLetters {
			if m.applies(runes, i) && (!vowelsOnly || isVowel(m.from)) {
				pos = append(pos, change{i, m.to})
				break
			}
		}
	}
	if len(pos) == 0 || len(pos) > 6 {
		return ""
	}
	c := make([]rune, len(runes))
	for mask := 1; mask < 1<<len(pos); mask++ {
		copy(c, runes)
		for b, p := range pos {
			if mask&(1<<b) != 0 {
				c[p.at] = p.to
			}
		}
		if s := string(c); lx.known(s) && lx.weight(s) > 0 {
			return s
		}
	}
	return ""
}

// pairedWord is the own language's word for a neighbour's word (lower
// case) from the language rule's pairs list (a listed stem also matches
// with suffixes, written with the own language's vowels), or "".
func pairedWord(l lint.Lang, own *lexicon, lw string) string {
	for _, p := range languageData.Langs[l].Words["pairs"] {
		from, to, _ := strings.Cut(p, "|")
		if rest, ok := strings.CutPrefix(lw, from); ok {
			if rest == "" {
				return to
			}
			// Front e of a Turkish suffix is Azerbaijani ə.
			if cand := to + strings.ReplaceAll(rest, "e", "ə"); !strings.Contains(to, " ") && own.known(cand) {
				return cand
			}
		}
	}
	return ""
}

// sameWord reports whether two spellings are of one word: at most two
// letters apart (sipariş/sifariş, teşekkür/təşəkkür), not another word
// (maalesef/təəssüf).
func sameWord(a, b string) bool {
	return editDistance(a, b) <= 2
}

// addedMark reports whether a word differs from its fix only by marks the
// fix's letters lack (öğe for öge): a mark added, not dropped.
func (lx *lexicon) addedMark(lw, right string) bool {
	if lx.marks == nil {
		return false
	}
	a, b := []rune(lw), []rune(right)
	if len(a) != len(b) {
		return false
	}
	diff := false
	for i := range a {
		if a[i] == b[i] {
			continue
		}
		if lx.marks[a[i]] != b[i] {
			return false
		}
		diff = true
	}
	return diff
}

// truncated reports whether a word before a period is an abbreviation made
// by cutting a known word short at a consonant (TDK Yazım Kılavuzu,
// "Kısaltmalar": maks., örn., bkz.): at most five letters, ending in a
// consonant, the start of a longer word of the list.
func (lx *lexicon) truncated(text string, toks []lint.Token, i int, lw string) bool {
	if lx.m == nil || i+1 >= len(toks) || toks[i+1].Norm != "." || text[toks[i].End:toks[i+1].Start] != "" {
		return false
	}
	n := utf8.RuneCountInString(lw)
	last, _ := utf8.DecodeLastRuneInString(lw)
	if n < 3 || n > 5 || strings.ContainsRune("aeıioöuüə", last) {
		return false
	}
	return lx.d.Forms(lw) > 0 && !lx.d.Has(lw)
}

// minDenominal is the shortest noun a verb is made of by a verbalizer:
// shorter ones would let one-letter slips pass as made-up verbs.
const minDenominal = 5

// denominal reports whether an infinitive is a noun of the list with the
// verbalizing suffix its vowels take (önbellek+lemek, güvence+lemek,
// kontrol+lamak), so the verb's endings may follow (önbelleklenen).
func (lx *lexicon) denominal(s string) bool {
	for _, v := range lx.verbalizers {
		noun, ok := strings.CutSuffix(s, v)
		if !ok || utf8.RuneCountInString(noun) < minDenominal || !lx.d.Has(noun) {
			continue
		}
		if front(lastVowel(noun)) == front(lastVowel(v)) {
			return true
		}
	}
	return false
}

func lastVowel(s string) rune {
	for i := len(s); i > 0; {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if strings.ContainsRune("aıoueiöü", r) {
			return r
		}
		i -= n
	}
	return 0
}

func front(r rune) bool { return strings.ContainsRune("eiöü", r) }
