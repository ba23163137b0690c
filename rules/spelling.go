package rules

import (
	"bufio"
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/client9/misspell"
	"github.com/msglint/msglint/lint"
	"gopkg.in/yaml.v3"
)

var spellingDoc = loadData("spelling.yaml")

//go:embed data/spelling/*.txt
var spellingData embed.FS

// SpellingOptions configures the spelling rule.
type SpellingOptions struct {
	// Words adds misspellings per language: wrong -> right. In Turkish and
	// Azerbaijani a wrong form also matches with suffixes.
	Words map[lint.Lang]map[string]string `yaml:"words"`
	// Ignore lists words never flagged, in any language (brand names).
	Ignore []string `yaml:"ignore"`
	// Accept lists words never flagged, per language; an entry written
	// /like this/ is a regular expression a whole word must match.
	Accept map[lint.Lang][]string `yaml:"accept"`
	// Reject lists words always flagged, per language (a retired product
	// name, a spelling the brand does not use).
	Reject map[lint.Lang][]string `yaml:"reject"`
	// AcceptFiles and RejectFiles name plain word-list files per language,
	// one entry a line (# starts a comment), read like Accept and Reject;
	// a relative path is relative to the config file's folder.
	AcceptFiles map[lint.Lang][]string `yaml:"accept_files"`
	RejectFiles map[lint.Lang][]string `yaml:"reject_files"`
	// Dictionary checks every word against the language's dictionary, not
	// only the lists of common misspellings (default true).
	Dictionary *bool `yaml:"dictionary"`
}

// Spelling flags common misspellings.
var Spelling = &lint.Rule{
	Name: "spelling",
	Doc: lint.Doc{
		Title: "misspelt word",
		Text: `Checks every word against the language's dictionary (English: SCOWL, British and American
spellings both right; Turkish: the dictionary-tr word list with its suffix chains worked out, so
"siparişinizdeki" and "onaylayamıyoruz" pass; Azerbaijani: a large word list with the same suffix chains),
after the lists of common misspellings, which always win (herkez → herkes, recieve → receive, təşəkür →
təşəkkür). It suggests the likeliest words (a neighbouring key, a letter without its accent, a doubled or
dropped letter, the commoner word first); --fix applies a suggestion only when it is clear: a listed
misspelling or a single best word. A word with no clear fix is judged over the whole file: one the library
uses in three messages or more, or capitalised in mid-sentence, is a name or a term; a single draft (--text,
the pre-send hook) gets only the clear fixes. In Azerbaijani a word is reported only when such an edit gives a known
word, as the list lacks many modern words; spoken forms written down (yoxlıyırıq → yoxlayırıq) and Turkish
spellings of Azerbaijani words (sipariş → sifariş, müşteri → müştəri) are misspellings with their fix. The
Azerbaijani list is gathered from the web and keeps some misspellings: a word it has only once or twice is
still asked about ("did you mean …?", never fixed by --fix) when a mixed-up letter or a spoken form's written
norm gives a word whose family of forms on the list is many times larger (görub → görüb). English
loanwords of SCOWL's larger list (sommelier) pass, and so do the words of a foreign phrase (café au lait). Not checked: placeholders of every syntax, links, e-mail
addresses, @mentions, markup, words with digits, acronyms, CamelCase, unknown words in quotes or backticks,
capitalised words in mid-sentence (names), and Turkish or Azerbaijani texts written without their own
letters (as SMS often is).
Your own words, per language, in the rule's options:
  accept: {en: [Lumara, "/SKU-[0-9]+/"]}  never flagged (/…/ is a regular expression)
  reject: {en: [webshop]}                 always flagged
  accept_files: {tr: [vocab/tr.txt]}      word lists, one word a line, # for comments,
                                          relative to the config file's folder
  reject_files: {tr: [vocab/tr-reject.txt]}
  words: {tr: {siparş: sipariş}}          your own misspellings and their fix
  dictionary: false                       only the lists of misspellings`,
		Why: `A misspelt reply looks careless and costs trust; customers judge a brand by its writing.
The Turkish and Azerbaijani lists follow the TDK Yazım Kılavuzu and the Azerbaijani spelling dictionary;
the dictionaries' sources and licences are in NOTICE.`,
		Examples: spellingDoc.Examples,
		Severity: lint.Warning,
		Default:  true,
	},
	Options: SpellingOptions{},
	New: func(node *yaml.Node) (lint.Check, error) {
		o, err := lint.DecodeOptions(node, SpellingOptions{})
		if err != nil {
			return nil, err
		}
		sp, err := newSpeller(o)
		if err != nil {
			return nil, err
		}
		return sp.check, nil
	},
	// A word the dictionary lacks and that has no clear fix is judged
	// over the whole file: a library that uses it in several messages, or
	// capitalised in mid-sentence, uses it as a name or a term.
	NewFile: func(node *yaml.Node) (lint.FileCheck, error) {
		o, err := lint.DecodeOptions(node, SpellingOptions{})
		if err != nil {
			return nil, err
		}
		sp, err := newSpeller(o)
		if err != nil || !sp.useDict {
			return nil, err
		}
		return sp.checkFile, nil
	},
}

// libraryUses is how many messages of a file may use an unknown word
// before it is taken for a term of the library (a product, a feature).
const libraryUses = 3

// wordList is one language's misspellings.
type wordList struct {
	words   map[string]string // wrong -> right, lower case
	folded  map[string]string // the same without the language's own letters
	exact   map[string]bool   // wrong forms that take no suffix
	endings [][2]string       // wrong ending -> right ending
	minStem int               // shortest stem a suffix may follow, in runes
	turkic  bool              // the language's casing is Turkic: I lowers to ı
	// stems and foldedStems are the first minStem runes of every word of
	// words and folded: a word that starts otherwise has no listed stem,
	// one look-up instead of one per stem length.
	stems, foldedStems map[string]bool
	// The same four as tables for the look-ups, built by fold: a word's
	// flag is whether exact has it.
	wordsTable, foldedTable, stemsTable, foldedStemsTable wordTable
	// endingsByLast are the endings by their last byte, in their order:
	// a word is compared only with those that end as it does.
	endingsByLast [256][][2]string
	// lang is the language the list is of; matched and matchedFolded
	// remember match's answers by word in it, in a text with the
	// language's letters and in one without: one look-up a word instead
	// of lowering it and looking up it, its stems and its endings.
	lang                   lint.Lang
	matched, matchedFolded memo[listMatch]
	// starts and foldedStarts are the first two bytes of every word of
	// words and of folded (startKey): a word whose lower case starts
	// otherwise and ends in no listed ending is not on the list, most words
	// of a text, told without hashing it.
	starts, foldedStarts *byteSet16
}

// byteSet16 is a set of two-byte values.
type byteSet16 [1 << 16 / 64]uint64

func (set *byteSet16) add(k uint16)      { set[k>>6] |= 1 << (k & 63) }
func (set *byteSet16) has(k uint16) bool { return set[k>>6]&(1<<(k&63)) != 0 }

// startsOf are the first two bytes of each word of words (startKey).
func startsOf(words map[string]string) *byteSet16 {
	set := new(byteSet16)
	for w := range words {
		if w != "" {
			set.add(startKey(w))
		}
	}
	return set
}

// listMatch is what match says of a word.
type listMatch struct {
	n     int
	right string
}

type speller struct {
	// en maps misspell's English misspellings (lower case) to their
	// fixes. enLetterless says a misspelling of en has no letter (none of
	// misspell's has): english then reads every run of digits and
	// apostrophes too.
	en           *wordTable
	enLetterless bool
	// misspell are the languages checked with misspell's English
	// dictionary; the others with their list in data/spelling.
	misspell map[lint.Lang]bool
	lists    map[lint.Lang]*wordList
	// checks is how each language is checked, misspell and lists read
	// by a message's language once a text.
	checks  lint.LangTable[langSpelling]
	ignore  map[string]bool
	vocab   map[lint.Lang]*vocabulary
	useDict bool
	// askAll makes the unknown-word pass ask every word in full, quiet
	// or not: the tests hold the shortcut to it.
	askAll bool
	// diagnosed are the findings of listed misspellings by wrong word
	// (listedDiagnostic): a library repeats its slips, and each finding's
	// checked correction and message are made once. diagnoseAll makes
	// every finding afresh: the tests hold the memo to it.
	diagnosed   memo[diagnosed]
	diagnoseAll bool
}

// diagnosed is the finding of a listed misspelling, but its part, span and
// fix, made for the hit's correction right in language lang with the
// lexicon lx.
type diagnosed struct {
	lang  lint.Lang
	lx    *lexicon
	right string
	d     lint.Diagnostic
	fix   bool // d.Suggestion is also the fix
}

// englishFixes maps each misspelling of misspell's list, lower case, to
// its fix; the first pair of a word wins, as in misspell's replacer. A
// look-up per word does what misspell's replacer does for one word, without
// compiling its 28 000 pairs into a trie at every start.
func englishFixes(pairs []string) *wordTable {
	t := sizedWordTable(len(pairs) / 2)
	for i := 0; i+1 < len(pairs); i += 2 {
		t.add(strings.ToLower(pairs[i]), pairs[i+1], false)
	}
	return &t
}

// The built-in lists are read and compiled once and never changed; options
// build their own copies.
var (
	defaultEnglish = sync.OnceValue(func() *wordTable { return tableOf(englishEntries) }) // englishFixes(misspell.DictMain), made ahead
	// defaultLetterless is letterless(defaultEnglish()).
	defaultLetterless = sync.OnceValue(func() bool { return letterless(defaultEnglish()) })
	builtinLists      = sync.OnceValues(func() (map[lint.Lang]*wordList, error) {
		out := map[lint.Lang]*wordList{}
		for _, l := range lint.Langs {
			data, err := spellingData.ReadFile("data/spelling/" + string(l) + ".txt")
			if errors.Is(err, fs.ErrNotExist) {
				continue // checked with misspell, or no list yet
			}
			if err != nil {
				return nil, err
			}
			wl, err := parseWordList(l, data)
			if err != nil {
				return nil, fmt.Errorf("data/spelling/%s.txt: %v", l, err)
			}
			out[l] = wl
		}
		return out, nil
	})
)

// withPackLists adds the lists of registered language packs
// (rules/spelling.txt in the pack), read when a check is built.
func withPackLists(builtin map[lint.Lang]*wordList) (map[lint.Lang]*wordList, error) {
	lists, shared := builtin, true
	for _, l := range lint.Langs {
		if builtin[l] != nil {
			continue
		}
		data, err := lint.LangFile(l, "rules/spelling.txt")
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		var wl *wordList
		if err == nil {
			wl, err = parseWordList(l, data)
		}
		if err != nil {
			return nil, fmt.Errorf("%s pack: rules/spelling.txt: %v", l, err)
		}
		if shared {
			lists, shared = clone(builtin), false
		}
		lists[l] = wl
	}
	return lists, nil
}

// misspellLangs reads which languages misspell checks from the rule's data
// (all: {words: {misspell: [en]}}).
func misspellLangs() map[lint.Lang]bool {
	out := map[lint.Lang]bool{}
	for w := range anyLang(spellingDoc, "misspell") {
		out[lint.Lang(w)] = true
	}
	return out
}

func parseWordList(l lint.Lang, data []byte) (*wordList, error) {
	wl := &wordList{lang: l, words: map[string]string{}, exact: map[string]bool{}, minStem: 4, turkic: lint.CasingOf(l) == lint.TurkicCasing}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		wrong, right, ok := strings.Cut(line, ",")
		if !ok || strings.TrimSpace(wrong) == "" || strings.TrimSpace(right) == "" {
			return nil, fmt.Errorf("line %d: want wrong,right", n)
		}
		switch {
		case strings.HasPrefix(wrong, "-"):
			wl.endings = append(wl.endings, [2]string{lint.Lower(l, wrong[1:]), lint.Lower(l, right)})
		case strings.HasPrefix(wrong, "="):
			w := lint.Lower(l, strings.TrimSpace(wrong[1:]))
			wl.words[w], wl.exact[w] = strings.TrimSpace(right), true
		default:
			wl.words[lint.Lower(l, strings.TrimSpace(wrong))] = strings.TrimSpace(right)
		}
	}
	wl.fold()
	return wl, sc.Err()
}

// fold fills wl.folded from wl.words, and the stems of both.
func (wl *wordList) fold() {
	wl.folded = make(map[string]string, len(wl.words))
	for w, right := range wl.words {
		if asciiFold(w) == asciiFold(lint.Lower(lint.Turkish, right)) {
			continue // təşəkkur: written without the letters, it is right
		}
		wl.folded[asciiFold(w)] = asciiFold(right)
		if wl.exact[w] {
			wl.exact[asciiFold(w)] = true
		}
	}
	wl.stems, wl.foldedStems = stemStarts(wl.words, wl.minStem), stemStarts(wl.folded, wl.minStem)
	exact := func(w string) bool { return wl.exact[w] }
	wl.wordsTable, wl.foldedTable = newWordTable(wl.words, exact), newWordTable(wl.folded, exact)
	wl.stemsTable, wl.foldedStemsTable = newWordSet(wl.stems), newWordSet(wl.foldedStems)
	wl.starts, wl.foldedStarts = startsOf(wl.words), startsOf(wl.folded)
	wl.endingsByLast = [256][][2]string{}
	for _, e := range wl.endings {
		for c := range wl.endingsByLast {
			if e[0] == "" || e[0][len(e[0])-1] == byte(c) {
				wl.endingsByLast[c] = append(wl.endingsByLast[c], e)
			}
		}
	}
}

// stemStarts are the first n runes of each word of words that has as many.
func stemStarts(words map[string]string, n int) map[string]bool {
	out := map[string]bool{}
	for w := range words {
		if i := runeOffset(w, n); utf8.RuneCountInString(w) >= n {
			out[w[:i]] = true
		}
	}
	return out
}

// asciiFold writes Turkish and Azerbaijani letters as plain ASCII, the way
// a phone without the keyboard does (ş -> s, ı -> i, ə -> e).
func asciiFold(s string) string { return foldReplacer.Replace(s) }

var foldReplacer = strings.NewReplacer("ç", "c", "ğ", "g", "ı", "i", "ö", "o", "ş", "s", "ü", "u", "ə", "e",
	"Ç", "C", "Ğ", "G", "İ", "I", "Ö", "O", "Ş", "S", "Ü", "U", "Ə", "E", "â", "a", "î", "i", "û", "u")

func newSpeller(o SpellingOptions) (*speller, error) {
	lists, err := builtinLists()
	if err != nil {
		return nil, err
	}
	if lists, err = withPackLists(lists); err != nil {
		return nil, err
	}
	sp := &speller{en: defaultEnglish(), enLetterless: defaultLetterless(), misspell: misspellLangs(), lists: lists, ignore: map[string]bool{},
		useDict: o.Dictionary == nil || *o.Dictionary}
	if sp.vocab, err = newVocabularies(o); err != nil {
		return nil, err
	}
	for _, w := range o.Ignore {
		sp.ignore[strings.ToLower(w)] = true
		sp.ignore[lint.TurkicCasing.Lower(w)] = true
	}
	var enWords map[string]string
	for l, words := range o.Words {
		if sp.misspell[l] {
			for w, right := range words {
				if enWords == nil {
					enWords = map[string]string{}
				}
				enWords[strings.ToLower(w)] = strings.ToLower(right)
			}
		}
	}
	if len(enWords) > 0 || len(o.Ignore) > 0 {
		// The config's own pairs win over the list's; ignored words
		// are never corrected.
		en := sp.en.toMap()
		for w, right := range enWords {
			en[w] = right
		}
		for w := range sp.ignore {
			delete(en, w)
		}
		t := newWordTable(en, nil)
		sp.en, sp.enLetterless = &t, letterless(&t)
	}
	for l, words := range o.Words {
		if _, err := lint.ParseLang(string(l)); err != nil {
			return nil, fmt.Errorf("words: %v", err)
		}
		if sp.misspell[l] || len(words) == 0 {
			continue
		}
		base := lists[l]
		wl := &wordList{lang: l, words: map[string]string{}, exact: clone(base.exact), endings: base.endings, minStem: base.minStem,
			turkic: base.turkic}
		for k, v := range base.words {
			wl.words[k] = v
		}
		for w, right := range words {
			if lw := lint.Lower(l, w); lw != lint.Lower(l, right) {
				wl.words[lw] = right
			}
		}
		wl.fold()
		if sp.lists[l] == base {
			sp.lists = clone(sp.lists)
		}
		sp.lists[l] = wl
	}
	checks := map[lint.Lang]langSpelling{}
	builtin, _ := builtinMisspellings()
	for _, l := range lint.Langs {
		checks[l] = langSpelling{misspell: sp.misspell[l], list: sp.lists[l], builtin: sp.lists[l] == builtin[l]}
	}
	sp.checks = lint.NewLangTable(checks)
	return sp, nil
}

// langSpelling is how a language's texts are checked: with misspell's
// English dictionary, or with the language's list (nil for none).
type langSpelling struct {
	misspell bool
	list     *wordList
	// builtin says list is the language's built-in list, what the
	// verdicts of its words keep (wordVerdict.listed).
	builtin bool
}

func clone[K comparable, V any](m map[K]V) map[K]V {
	out := make(map[K]V, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// notWords are spans never spell-checked: placeholders ({{name}}, {name},
// %{name}, [NAME]), e-mail addresses (misspell's pattern misses long
// top-level domains), @mentions and #hashtags. misspell blanks links, paths
// and host names.
var notWords = []notWord{
	// {{name}}, {name} and %{name}, found by hand: as a pattern of
	// alternatives with no fixed first character it was tried at every
	// position of every text with a brace, most texts of a library.
	{needs: "{", hand: handBraces},
	{needs: "[", re: lazyRegexp(`\[[^\[\]\n]*\]`)},
	{needs: "@", re: lazyRegexp(`(?:mailto:)?[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`)},
	{needs: "@#", re: lazyRegexp(`[@#][\p{L}\p{N}_.]+`)},
	{needs: "<", re: lazyRegexp(`</?[a-zA-Z][^<>\n]*>`)}, // markup kept in a string: <a href="…">
	// More placeholder syntaxes: %NAME%, printf (%s, %1$d, %@), ${name},
	// $name, :name (Laravel), *|NAME|* (Mailchimp).
	{needs: "%", re: lazyRegexp(`%[A-Za-z_][A-Za-z0-9_]*%|%(?:\d+\$)?[-+ #0]*\d*(?:\.\d+)?[sdfiuxXeEgGcv@]`)},
	{needs: "$", re: lazyRegexp(`\$\{[^{}]*\}|\$[A-Za-z_][A-Za-z0-9_]*`)},
	// :name, found by hand for the same reason as {name}: every link and
	// time of day has a colon.
	{needs: ":", hand: handColon},
	{needs: "|", re: lazyRegexp(`\*\|[^|]*\|\*`)},
}

// notWord is one kind of span never spell-checked: found by a pattern, or
// by hand.
type notWord struct {
	needs string                // the kind has nothing in a text without one of these
	re    func() *regexp.Regexp // compiled when a text first has what it needs
	hand  handFinder
}

// handFinder names a kind found by hand.
type handFinder uint8

const (
	handNone handFinder = iota
	handBraces
	handColon
)

// find calls span with the bounds of each of the kind's spans in text,
// the leftmost first. The finders are called directly, not through a
// function value, so that span (blankLinks' closure) stays on the stack.
func (nw *notWord) find(text string, span func(start, end int)) {
	switch nw.hand {
	case handBraces:
		braceSpans(text, span)
	case handColon:
		colonNameSpans(text, span)
	default:
		for _, loc := range nw.re().FindAllStringIndex(text, -1) {
			span(loc[0], loc[1])
		}
	}
}

// braceSpans finds what `\{\{[^{}]*\}\}|%?\{[^{}]*\}` finds: {{name}},
// %{name} and {name}, the leftmost first, and calls span with each.
func braceSpans(text string, span func(start, end int)) {
	for i := 0; i < len(text); {
		// A match starts at a brace, or at a % just before it: from
		// brace to brace, as a text has few.
		b := strings.IndexByte(text[i:], '{')
		if b < 0 {
			break
		}
		start := i + b
		if start > i && text[start-1] == '%' {
			start--
		}
		i = start
		if text[i] == '%' {
			i++
		}
		double := text[start] == '{' && i+1 < len(text) && text[i+1] == '{'
		from := i + 1
		if double {
			from++
		}
		j := strings.IndexAny(text[from:], "{}")
		switch {
		case j < 0:
		case double && text[from+j] == '}' && from+j+1 < len(text) && text[from+j+1] == '}':
			span(start, from+j+2)
			i = from + j + 2
			continue
		case !double && text[from+j] == '}':
			span(start, from+j+1)
			i = from + j + 1
			continue
		}
		i = start + 1
	}
}

// colonNameSpans finds what `(?:^|[\s(]):[a-z_][a-z0-9_]*` finds: a
// Laravel placeholder, :name, with the space or parenthesis before it,
// and calls span with each.
func colonNameSpans(text string, span func(start, end int)) {
	// From colon to colon: a text has few, and a match starts at one or
	// at the space or parenthesis before it.
	for from := 0; ; {
		k := strings.IndexByte(text[from:], ':')
		if k < 0 {
			return
		}
		c := from + k
		start := -1
		switch {
		case c == 0:
			start = 0
		case c > from:
			switch text[c-1] {
			case '\t', '\n', '\f', '\r', ' ', '(':
				start = c - 1
			}
		}
		if start < 0 || c+1 >= len(text) || !isNameStart(text[c+1]) {
			from = c + 1
			continue
		}
		end := c + 2
		for end < len(text) && (isNameStart(text[end]) || text[end] >= '0' && text[end] <= '9') {
			end++
		}
		span(start, end)
		from = end
	}
}

func isNameStart(c byte) bool { return c >= 'a' && c <= 'z' || c == '_' }

// blank replaces what is not prose with spaces of the same byte length, so
// offsets into the result are offsets into the text. misspell's blankers are
// regexps tried at every position; each runs only when the text has the
// character its pattern needs.
func blank(text string) string {
	out := blankLinks(text)
	if strings.IndexByte(out, '/') >= 0 {
		out = misspell.RemovePath(out)
	}
	if hasDottedWord(out) {
		out = misspell.RemoveHost(out)
	}
	return out
}

// blankLinks blanks only links, e-mail addresses, placeholders, mentions
// and hashtags, keeping host-like slips such as "Thanks.We" visible. Every
// kind is blanked in one copy of the text, made when the first is found.
func blankLinks(text string) string {
	var b []byte
	blankSpan := func(start, end int) {
		if b == nil {
			b = []byte(text)
		}
		// A link is tens of bytes: copied from spaces, not a byte at
		// a time.
		for i := start; i < end; {
			i += copy(b[i:end], spaces)
		}
	}
	// The first links' spans, whose slashes the search for bare links
	// below passes over: all a bare link found from such a slash holds
	// (from after the "://" to a space at the latest) is blanked already.
	var links [4][2]int
	nLinks := 0
	if strings.Contains(text, "://") {
		blankURLs(text, func(start, end int) {
			blankSpan(start, end)
			if nLinks < len(links) {
				links[nLinks] = [2]int{start, end}
				nLinks++
			}
		})
	}
	// www. links as the text reads with the other links blanked.
	if b == nil && strings.Contains(text, "www.") {
		for _, loc := range wwwRE.FindAllStringIndex(text, -1) {
			blankSpan(loc[0], loc[1])
		}
	} else if b != nil && bytes.Contains(b, []byte("www.")) {
		for _, loc := range wwwRE.FindAllIndex(b, -1) {
			blankSpan(loc[0], loc[1])
		}
	}
	// One regexp a kind, each run only when the text has its character:
	// the e-mail pattern alone would otherwise be tried at every letter.
	has := bytesIn(text, notWordChars) // every kind's characters at once
	for i := range notWords {
		if has.meets(notWordNeeds[i]) {
			notWords[i].find(text, blankSpan)
		}
	}
	for from, link := 0, 0; ; {
		i := strings.IndexByte(text[from:], '/')
		if i < 0 {
			break
		}
		i += from
		for link < nLinks && links[link][1] <= i {
			link++
		}
		if link < nLinks && links[link][0] <= i {
			from = links[link][1]
			continue
		}
		if start, end, ok := bareLink(text, i); ok {
			blankSpan(start, end)
			i = end - 1 // the path runs from the slash: end > i
		}
		from = i + 1
	}
	if b == nil {
		return text
	}
	// b is this call's copy and no longer written: the string is made of
	// it without copying it again.
	return unsafe.String(&b[0], len(b))
}

// asciiBytes is a set of ASCII characters.
type asciiBytes [2]uint64

// bytesIn is the set of the ASCII characters of chars that s has: each is
// looked for with strings.IndexByte, whose vector instructions go through a
// text many times faster than a pass that notes every byte.
func bytesIn(s, chars string) asciiBytes {
	var set, asked asciiBytes
	for i := 0; i < len(chars); i++ {
		c := chars[i]
		if asked[c>>6]&(1<<(c&63)) != 0 {
			continue
		}
		asked[c>>6] |= 1 << (c & 63)
		if strings.IndexByte(s, c) >= 0 {
			set[c>>6] |= 1 << (c & 63)
		}
	}
	return set
}

// notWordChars are the characters notWords need.
var notWordChars = func() string {
	var b strings.Builder
	for _, nw := range notWords {
		b.WriteString(nw.needs)
	}
	return b.String()
}()

// meets reports whether the sets have a character in common: for the set
// bytesIn made of a text and a set of ASCII characters (setOf), what
// strings.ContainsAny tells of the text and those characters.
func (set asciiBytes) meets(other asciiBytes) bool {
	return set[0]&other[0]|set[1]&other[1] != 0
}

// setOf is the set of the ASCII characters of chars.
func setOf(chars string) asciiBytes {
	var set asciiBytes
	for i := 0; i < len(chars); i++ {
		c := chars[i]
		set[c>>6] |= 1 << (c & 63)
	}
	return set
}

// notWordNeeds are the sets of notWords' needs, by kind.
var notWordNeeds = func() []asciiBytes {
	sets := make([]asciiBytes, len(notWords))
	for i, nw := range notWords {
		sets[i] = setOf(nw.needs)
	}
	return sets
}()

// spaces are what blankLinks copies over a span it blanks.
var spaces = strings.Repeat(" ", 64)

// bareLink finds a link written without its scheme around the slash at
// text[slash], a host ending in a dot and two or more letters, then a path
// (shop.com.tr/flas): the path is a slug, not prose. It is found by hand
// from each slash, as a pattern starting with a letter class would be
// tried at every letter of the text.
func bareLink(text string, slash int) (start, end int, ok bool) {
	start = slash
	tld, dot := 0, false
	for start > 0 {
		r, w := utf8.DecodeLastRuneInString(text[:start])
		if r == '.' {
			if tld < 2 && !dot {
				return 0, 0, false
			}
			dot = true
		} else if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' {
			break
		} else if !dot {
			if r > unicode.MaxASCII || !unicode.IsLetter(r) {
				return 0, 0, false
			}
			tld++
		}
		start -= w
	}
	if !dot || start == slash || text[start] == '.' {
		return 0, 0, false
	}
	end = slash
	for end < len(text) {
		r, w := utf8.DecodeRuneInString(text[end:])
		if unicode.IsSpace(r) {
			break
		}
		end += w
	}
	return start, end, true
}

// blankURLs blanks http, https and ftp links up to the next space, as
// misspell.StripURL does with a regexp that costs more than the rest of a
// text's check.
func blankURLs(s string, blankSpan func(start, end int)) {
	for from := 0; ; {
		i := strings.Index(s[from:], "://")
		if i < 0 {
			return
		}
		i += from
		start := -1
		for _, scheme := range []string{"https", "http", "ftp"} {
			if i >= len(scheme) && strings.EqualFold(s[i-len(scheme):i], scheme) {
				start = i - len(scheme)
				break
			}
		}
		end := i + 3
	link:
		for ; end < len(s); end++ {
			switch s[end] {
			case ' ', '\t', '\n', '\f', '\r':
				break link
			}
		}
		if start >= 0 {
			blankSpan(start, end)
		}
		from = end
	}
}

var wwwRE = regexp.MustCompile(`(?i)\bwww\.\S+`)

// hasDottedWord reports a period between two ASCII letters or digits, as in
// a host name (luma.example), the only texts misspell.RemoveHost changes.
func hasDottedWord(s string) bool {
	// From period to period: a text has few.
	for from := 0; ; {
		k := strings.IndexByte(s[from:], '.')
		if k < 0 {
			return false
		}
		i := from + k
		if i > 0 && i+1 < len(s) && isASCIIAlnum(s[i-1]) && isASCIIAlnum(s[i+1]) {
			return true
		}
		from = i + 1
	}
}

type hit struct {
	start, end int
	right      string
	sure       bool     // --fix may apply right
	listed     bool     // from a curated list
	rejected   bool     // on the config's reject list
	others     []string // ranked suggestions, right first
	// cands are the ranked candidates others is made of, kept instead
	// of others by the unknown-word pass: only an unsure hit's finding
	// lists them, so most hits never make the list.
	cands []candidate
}

// suggestions are the hit's ranked suggestions, right first: others, or
// the words of cands.
func (h *hit) suggestions() []string {
	if h.others == nil && h.cands != nil {
		return words(h.cands)
	}
	return h.others
}

// english appends to hits the words misspell would correct in text, whose
// tokens are toks. misspell's words are runs of [a-zA-Z0-9']; most are a word
// token of ASCII letters alone, whose norm is the run lowered, and are
// looked up by it. A run with any other character is read from the text
// (englishIn), and so is every run when a misspelling has no letter, as
// such a run is no word token.
//
// ws, when not nil, are the text's words with their verdicts in lx, one
// for each word token of toks: a word of misspell's own list is corrected
// from its verdict, which keeps the look-up.
func (sp *speller) english(lx *lexicon, text string, toks []lint.Token, ws []lint.WordToken, hits []hit) []hit {
	if sp.enLetterless {
		return sp.englishIn(text, 0, len(text), hits)
	}
	if ws != nil && sp.en != defaultEnglish() {
		ws = nil // the verdicts keep what the built-in list says
	}
	read := 0 // the text before it is read
	if ws != nil {
		// The words alone, by ws (a text is half spaces and marks): a
		// whole run of letters from its verdict, in a loop that reads
		// nothing else.
		for k := range ws {
			w := &ws[k]
			if w.Start < read {
				continue
			}
			if runBounded(text, &w.Token) {
				if v := lx.verdictAt(w, text); v.englishRun {
					if v.englishOK && !sp.ignore[asciiLower(text[w.Start:w.End])] {
						hits = append(hits, hit{start: w.Start, end: w.End, right: v.english, sure: true, listed: true})
					}
					continue
				}
			}
			hits, read = sp.englishAround(text, &w.Token, hits)
		}
		return hits
	}
	for i := range toks {
		t := &toks[i]
		if t.Kind != lint.Word || t.Start < read {
			continue
		}
		if wholeRun(text, t) {
			hits = englishWord(sp, text[t.Start:t.End], t.Norm, hashOf(t.Norm), t.Start, hits)
			continue
		}
		hits, read = sp.englishAround(text, t, hits)
	}
	return hits
}

// englishAround is english's work on a word token that is not a whole run
// of misspell's letters: every run with a letter meets a word token, so the
// runs around t are read from the text. It returns where they end, the
// text before which is read.
func (sp *speller) englishAround(text string, t *lint.Token, hits []hit) ([]hit, int) {
	from, to := t.Start, t.End
	for from > 0 && isMisspellWordByte(text[from-1]) {
		from--
	}
	for to < len(text) && isMisspellWordByte(text[to]) {
		to++
	}
	return sp.englishIn(text, from, to, hits), to
}

// wholeRun reports a word token that is a whole run of misspell's word
// characters, all ASCII letters (and apostrophes), with its norm the run
// lowered as english lowers it (ASCII letters, so of the same length).
func wholeRun(text string, t *lint.Token) bool {
	return runBounded(text, t) && runLetters(text[t.Start:t.End], t.Norm)
}

// runBounded reports a word token with no misspell word character on
// either side: what wholeRun asks of the text around the word.
func runBounded(text string, t *lint.Token) bool {
	return !(t.Start > 0 && isMisspellWordByte(text[t.Start-1]) || t.End < len(text) && isMisspellWordByte(text[t.End]))
}

// runLetters is what wholeRun asks of the word itself: all ASCII letters
// (and apostrophes), its norm as long.
func runLetters(word, norm string) bool {
	if len(norm) != len(word) {
		return false
	}
	for i := 0; i < len(word); i++ {
		if !runLetterBytes[word[i]] {
			return false
		}
	}
	return true
}

// runLetterBytes are the bytes of wholeRun's words: ASCII letters and '.
var runLetterBytes = func() (set [256]bool) {
	for c := range set {
		set[c] = isASCIILetter(byte(c)) || c == '\''
	}
	return set
}()

// englishIn finds the words misspell would correct in text[from:to], which
// starts and ends a run.
func (sp *speller) englishIn(text string, from, to int, hits []hit) []hit {
	// misspell's own word pattern, [a-zA-Z0-9']+, found by hand: most
	// words are not candidates, and misspell's pass over a whole text
	// (a replacer, then regexps on every line it changed) was the most
	// expensive part of a check.
	for start := from; start < to; {
		if !isMisspellWordByte(text[start]) {
			start++
			continue
		}
		end := start
		for end < to && isMisspellWordByte(text[end]) {
			end++
		}
		word := text[start:end]
		// Lowered and hashed here in one pass: most words are not on
		// the list.
		var buf [64]byte
		lw, h := buf[:0], uint64(fnvOffset)
		for i := 0; i < len(word); i++ {
			c := word[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			lw, h = append(lw, c), hashStep(h, c)
		}
		hits = englishWord(sp, word, lw, h, start, hits)
		start = end
	}
	return hits
}

// englishWord adds the hit of word, at offset start of its text, when
// misspell corrects it; lw is the word lowered and h its hash.
func englishWord[S string | []byte](sp *speller, word string, lw S, h uint64, start int, hits []hit) []hit {
	if right, _, ok := lookUp(sp.en, h, lw); ok && !sp.ignore[asciiLower(word)] {
		if right, ok := misspellCase(word, right); ok {
			hits = append(hits, hit{start: start, end: start + len(word), right: right, sure: true, listed: true})
		}
	}
	return hits
}

// letterless reports a misspelling of t with no ASCII letter.
func letterless(t *wordTable) bool {
	for _, e := range t.entries {
		if !hasASCIILetter(e.key) {
			return true
		}
	}
	return false
}

func hasASCIILetter(s string) bool {
	for i := 0; i < len(s); i++ {
		if isASCIILetter(s[i]) {
			return true
		}
	}
	return false
}

// misspellCase writes a fix in the case of the word it replaces, as
// misspell does: lower, UPPER or Title; a word in mixed case (iPhone,
// CamelCase) is not corrected.
func misspellCase(word, right string) (string, bool) {
	switch misspell.CaseStyle(word) {
	case misspell.CaseUpper:
		return strings.ToUpper(right), true
	case misspell.CaseLower:
		return strings.ToLower(right), true
	case misspell.CaseTitle:
		if len(right) < 2 {
			return strings.ToUpper(right), true
		}
		return strings.ToUpper(right[:1]) + strings.ToLower(right[1:]), true
	}
	return "", false
}

// asciiLower lower-cases an ASCII word without allocating when it is
// lower case already, as most words are.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

func isMisspellWordByte(c byte) bool { return misspellWordBytes[c] }

// misspellWordBytes are the bytes of misspell's words, [a-zA-Z0-9'],
// asked of every byte of an English text.
var misspellWordBytes = func() (set [256]bool) {
	for c := range set {
		set[c] = isASCIIAlnum(byte(c)) || c == '\''
	}
	return set
}()

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func (sp *speller) check(p *lint.Pass) {
	sp.fields(p.Msg, p.Report)
}

// unknownPass is the unknown-word pass over one text of a message: the
// words with a likely correction, and every unknown word (lower case) with
// whether it stands as a name, for the file check's counts.
type unknownPass struct {
	text string
	hits []tokenHit
	seen []seenWord
}

// tokenHit is a hit of the unknown-word pass with the span of the token it
// is in, which a curated hit may cover.
type tokenHit struct {
	tokStart, tokEnd int
	hit
}

type seenWord struct {
	lw   string
	name bool
}

// keptPasses are a message's unknown-word passes, one per text in
// eachField's order, which the per-message check keeps for the file check
// (lint.Message.Remember): the pass is most of the rule's cost. A kept
// pass holds what the file check reads of it (keep): the words seen and
// the unsure hits, not the sure ones the message's own check reported.
type keptPasses struct {
	sp     *speller
	passes []unknownPass
	body   [1]unknownPass // room for passes' first
	seen   [4]seenWord    // room for the first pass's words
}

// keep adds the part of a text's pass the file check reads to k: the
// words seen, copied out of room (where the pass was made, and the next
// text's will be), and the unsure hits, rare, in a slice of their own.
// Every message of a file read whole is kept to its end: a pass kept
// whole, with room for its hits, was 400 bytes a message.
func (k *keptPasses) keep(pass unknownPass, room *passRoom) {
	out := unknownPass{text: pass.text, seen: pass.seen}
	if len(pass.seen) > 0 && &pass.seen[0] == &room.seen[0] {
		if len(k.passes) == 0 && len(pass.seen) <= len(k.seen) {
			n := copy(k.seen[:], pass.seen)
			out.seen = k.seen[:n:n]
		} else {
			out.seen = slices.Clone(pass.seen)
		}
	}
	for _, h := range pass.hits {
		if !h.sure {
			out.hits = append(out.hits, h)
		}
	}
	k.passes = append(k.passes, out)
}

// passRoom is room for an unknown-word pass's hits and the words it saw,
// as many as most texts have: the body's are kept in the message's
// keptPasses, made once a message, not in slices of their own.
type passRoom struct {
	hits [2]tokenHit
	seen [4]seenWord
}

// passRooms recycle the room of the passes of messages read as a stream.
var passRooms = sync.Pool{New: func() any { return new(passRoom) }}

// spellingKey is what the passes are kept under.
type spellingKey struct{}

// passesFor returns a message's unknown-word passes: those the per-message
// check kept, when a speller with the same ignore list made them over the
// same texts, or else worked out afresh.
func (sp *speller) passesFor(m *lint.Message, lx *lexicon) []unknownPass {
	if v, ok := m.Recall(spellingKey{}); ok {
		k := v.(*keptPasses)
		if (k.sp == sp || maps.Equal(k.sp.ignore, sp.ignore)) && sameTexts(m, k.passes) {
			return k.passes
		}
	}
	var passes []unknownPass
	sp.eachField(m, func(part lint.Part, text string, toks []lint.Token) {
		passes = append(passes, sp.unknown(lx, text, toks, sp.bodyWords(m, lx, part)))
	})
	return passes
}

// sameTexts reports whether passes were made over the message's texts as
// they are now.
func sameTexts(m *lint.Message, passes []unknownPass) bool {
	if len(passes) != 1+len(m.QuickReplies)+len(m.Buttons) || passes[0].text != m.Body.Text {
		return false
	}
	for i, f := range m.QuickReplies {
		if passes[1+i].text != f.Text {
			return false
		}
	}
	for i, f := range m.Buttons {
		if passes[1+len(m.QuickReplies)+i].text != f.Text {
			return false
		}
	}
	return true
}

// checkFile reports the unknown words with no clear fix, but those the
// library uses as names or terms.
func (sp *speller) checkFile(msgs []*lint.Message, report func(*lint.Message, lint.Diagnostic)) {
	type found struct {
		m    *lint.Message
		part lint.Part
		text string
		hits []hit
	}
	var all []found
	uses, names := map[string]int{}, map[string]bool{}
	// seen are the words a message's texts used so far, each counted
	// once a message: most messages have few unknown words, compared one
	// by one in a slice kept from message to message rather than put in
	// a map made for every message.
	var seen firstUses
	for _, m := range msgs {
		lx, _ := lexiconFor(m.Lang)
		if lx == nil {
			continue
		}
		seen.reset()
		passes := sp.passesFor(m, lx)
		i := 0
		sp.eachPart(m, func(part lint.Part, text string) {
			pass := passes[i]
			i++
			for _, w := range pass.seen {
				if w.name {
					names[w.lw] = true
				}
				if seen.first(w.lw) {
					uses[w.lw]++
				}
			}
			var unsure []hit
			for _, h := range pass.hits {
				if !h.sure {
					unsure = append(unsure, h.hit)
				}
			}
			if len(unsure) > 0 {
				all = append(all, found{m, part, text, unsure})
			}
		})
	}
	for _, f := range all {
		lx, _ := lexiconFor(f.m.Lang)
		kept := f.hits[:0]
		for _, h := range f.hits {
			if lw := lint.Lower(f.m.Lang, f.text[h.start:h.end]); !names[lw] && uses[lw] < libraryUses {
				kept = append(kept, h)
			}
		}
		sp.emit(f.m, f.m.Lang, lx, f.part, f.text, kept, func(d lint.Diagnostic) { report(f.m, d) })
	}
}

// firstUses tells a word's first use among those of one message: in a
// slice while the message has few words, in a map once it has more, so
// that a message of thousands of unknown words is not compared word by
// word with all those before.
type firstUses struct {
	few  []string
	many map[string]bool
}

// fewUses is how many words firstUses compares one by one.
const fewUses = 16

func (f *firstUses) reset() { f.few, f.many = f.few[:0], nil }

// first reports whether w is used for the first time, and notes it.
func (f *firstUses) first(w string) bool {
	if f.many != nil {
		if f.many[w] {
			return false
		}
		f.many[w] = true
		return true
	}
	if slices.Contains(f.few, w) {
		return false
	}
	if len(f.few) < fewUses {
		f.few = append(f.few, w)
		return true
	}
	f.many = make(map[string]bool, 2*fewUses)
	for _, x := range f.few {
		f.many[x] = true
	}
	f.many[w] = true
	return true
}

// eachPart calls fn with each text of a message: the body, the quick
// replies, the buttons.
func (sp *speller) eachPart(m *lint.Message, fn func(lint.Part, string)) {
	fn(lint.Part{}, m.Body.Text)
	for i, f := range m.QuickReplies {
		fn(lint.Part{Kind: lint.QuickReply, Index: i}, f.Text)
	}
	for i, f := range m.Buttons {
		fn(lint.Part{Kind: lint.Button, Index: i}, f.Text)
	}
}

// eachField calls fn with each text of a message and its tokens.
func (sp *speller) eachField(m *lint.Message, fn func(lint.Part, string, []lint.Token)) {
	sp.eachPart(m, func(part lint.Part, text string) {
		if part.Kind == lint.Body {
			fn(part, text, m.Tokens())
		} else {
			// Read once here, in a recycled slice: fn keeps no token.
			lint.WithTokens(text, m.Lang, func(toks []lint.Token) { fn(part, text, toks) })
		}
	})
}

// fields checks every text of a message for the listed and rejected words
// and the dictionary's clear fixes; the file check reports the rest.
func (sp *speller) fields(m *lint.Message, report func(lint.Diagnostic)) {
	var lx *lexicon
	if sp.useDict {
		var err error
		if lx, err = lexiconFor(m.Lang); err != nil {
			lx = nil // the embedded data is tested; a broken build has no dictionary
		}
	}
	var kept *keptPasses
	var scratch *passRoom
	if lx != nil {
		// Each text's pass is done with before the next is made, so one
		// recycled room holds each in turn; what the file check reads
		// of it is kept (keptPasses.keep), in one allocation for a
		// message with a body alone, most messages. A message read as a
		// stream, which no file check sees, keeps nothing.
		scratch = passRooms.Get().(*passRoom)
		defer func() {
			*scratch = passRoom{} // holds no hit's suggestions alive
			passRooms.Put(scratch)
		}()
		if !m.Streamed {
			kept = &keptPasses{sp: sp}
			kept.passes = kept.body[:0]
		}
	}
	c := sp.checks.Of(m)
	sp.eachField(m, func(part lint.Part, text string, toks []lint.Token) {
		// Whether the text's letters are all ASCII, which the unknown-word
		// pass asks of a text not in English and the lists of every text
		// they read: found once.
		ascii := (lx != nil && lx.lang != lint.English || !c.misspell && c.list != nil) && asciiLetters(text)
		var pass unknownPass
		var ws []lint.WordToken
		if lx != nil {
			ws = sp.bodyWords(m, lx, part)
			if ws != nil && sp.oneWalk(c) {
				// The body's words, most texts', in one walk for both
				// passes.
				var room [4]hit // the curated hits, as field has them
				var curated []hit
				pass, curated = sp.walkWords(lx, c, text, toks, ws, ascii, kept != nil, scratch, room[:0])
				if kept != nil {
					kept.keep(pass, scratch)
				}
				sp.fieldHits(m, lx, part, text, curated, pass, report)
				return
			}
			pass = sp.unknownSeeing(lx, text, toks, ws, ascii, kept != nil, scratch)
			if kept != nil {
				kept.keep(pass, scratch)
			}
		}
		sp.field(m, c, lx, part, text, toks, ws, ascii, pass, report)
	})
	if kept != nil {
		m.Remember(spellingKey{}, kept)
	}
}

// field checks one text of the message: the body, a quick reply or a
// button; pass is its unknown-word pass when the dictionary is used.
// ws, when not nil, are the text's words with their verdicts in lx; ascii
// says the text's letters are all ASCII (asked when c has a list).
func (sp *speller) field(m *lint.Message, c langSpelling, lx *lexicon, part lint.Part, text string, toks []lint.Token, ws []lint.WordToken, ascii bool, pass unknownPass, report func(lint.Diagnostic)) {
	l := m.Lang
	// Room for a text's hits, most texts' all, kept off the heap.
	var room [4]hit
	hits := room[:0]
	if c.misspell {
		hits = sp.english(lx, text, toks, ws, hits)
	} else if wl := c.list; wl != nil {
		hits = sp.listedText(l, wl, lx, text, toks, ws, ascii, c.builtin, hits)
	}
	sp.fieldHits(m, lx, part, text, hits, pass, report)
}

// fieldHits is field once the curated lists' hits are found: the
// config's rejected words and the unknown-word pass's sure fixes join
// them, and all are reported.
func (sp *speller) fieldHits(m *lint.Message, lx *lexicon, part lint.Part, text string, hits []hit, pass unknownPass, report func(lint.Diagnostic)) {
	l := m.Lang
	hits = append(hits, sp.rejected(l, text)...)
	curated := len(hits)
	for _, h := range pass.hits {
		// A word a curated hit already covers is that hit's.
		if h.sure && !covered(hits[:curated], h.tokStart, h.tokEnd) {
			hits = append(hits, h.hit)
		}
	}
	sp.emit(m, l, lx, part, text, hits, report)
}

// emit reports hits, but those in what is not prose, those the config
// accepts, and fixes a listed correction that is not itself a word.
func (sp *speller) emit(m *lint.Message, l lint.Lang, lx *lexicon, part lint.Part, text string, hits []hit, report func(lint.Diagnostic)) {
	if len(hits) == 0 {
		return
	}
	// Only now, with something to report, blank what is not prose: a hit
	// inside a link, an address or a placeholder is dropped, and so is an
	// unknown word cited in quotes.
	clean := blank(text)
	var quoted []lint.Span
	quotedFound := false
	for _, h := range hits {
		if clean[h.start:h.end] != text[h.start:h.end] {
			continue
		}
		// A listed misspelling is wrong even in quotes; an unknown word
		// there is a term or a label cited as it is. The quotes are
		// found when such a word asks.
		if !h.listed && !h.rejected {
			if !quotedFound {
				quoted, quotedFound = quotedSpans(text), true
			}
			if within(quoted, lint.Span{Start: h.start, End: h.end}) {
				continue
			}
		}
		wrong := text[h.start:h.end]
		if sp.accepted(l, wrong) {
			continue
		}
		if h.listed && h.sure && !h.rejected && h.others == nil && h.cands == nil && !sp.diagnoseAll {
			report(sp.listedDiagnostic(m, l, lx, part, h, wrong))
			continue
		}
		report(sp.diagnose(l, lx, part, h, wrong))
	}
}

// listedDiagnostic is diagnose of a sure hit of the lists of misspellings,
// the commonest finding, kept by its wrong word (speller.diagnosed).
func (sp *speller) listedDiagnostic(m *lint.Message, l lint.Lang, lx *lexicon, part lint.Part, h hit, wrong string) lint.Diagnostic {
	made := func() diagnosed {
		d := sp.diagnose(l, lx, lint.Part{}, h, wrong)
		fix := d.Fix != nil
		d.Span, d.Fix = lint.Span{}, nil
		return diagnosed{lang: l, lx: lx, right: h.right, d: d, fix: fix}
	}
	dg := sp.diagnosed.get(wrong, made)
	if dg.lang != l || dg.lx != lx || dg.right != h.right {
		dg = made() // the same letters, another language's slip
	}
	d := dg.d
	d.Part, d.Span = part, lint.Span{Start: h.start, End: h.end}
	if dg.fix {
		d.Fix = m.NewFix(d.Span, d.Suggestion) // in the message's room
	}
	return d
}

// diagnose is the finding of hit h, whose text is wrong: a listed
// correction that is not itself a word gives way to the dictionary's.
func (sp *speller) diagnose(l lint.Lang, lx *lexicon, part lint.Part, h hit, wrong string) lint.Diagnostic {
	if h.listed && lx != nil && !h.rejected {
		// A listed correction must itself be a word (misspell has
		// reiceved -> recieved); else the dictionary suggests.
		if !lx.allKnown(h.right) {
			h.right, h.sure, h.others, h.cands = "", false, nil, nil
			if cands, right, sure := lx.ranked(lint.Lower(l, wrong)); len(cands) > 0 {
				h.right, h.sure, h.others = right, sure, words(cands)
			}
		}
	}
	return sp.diagnostic(l, part, h, wrong)
}

// report turns a hit into a diagnostic: a fix only when the correction is
// sure (a listed misspelling, or one clear winner).
func (sp *speller) diagnostic(l lint.Lang, part lint.Part, h hit, wrong string) lint.Diagnostic {
	span := lint.Span{Start: h.start, End: h.end}
	d := lint.Diagnostic{Part: part, Span: span}
	// Quoted as %q would, without fmt, and written into one buffer: a
	// finding of most messages.
	var buf [128]byte
	msg := appendQuoted(buf[:0], wrong)
	switch {
	case h.rejected:
		msg = append(msg, " is on the list of words not to use"...)
	case h.right == "":
		msg = append(msg, " is not a word the dictionary knows"...)
	case h.sure:
		right := matchCase(l, wrong, h.right)
		msg = appendQuoted(append(msg, " is a misspelling of "...), right)
		d.Suggestion = right
		d.Fix = &lint.Edit{Span: span, New: right}
	default:
		var opts []string
		for _, o := range h.suggestions() {
			opts = append(opts, strconv.Quote(matchCase(l, wrong, o)))
		}
		msg = append(append(append(msg, " looks misspelt: did you mean "...), joinOr(l, opts)...), '?')
		d.Suggestion = matchCase(l, wrong, h.right)
	}
	d.Message = string(msg)
	return d
}

// appendQuoted is strconv.AppendQuote: a word of printable ASCII and the
// letters of the languages, most words, is copied between quotes, without
// asking strconv's tables of every character.
func appendQuoted(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, w := utf8.DecodeRuneInString(s[i:])
			if !lowerSelf(r) && !upperSelf(r) {
				return strconv.AppendQuote(dst, s)
			}
			i += w
			continue
		}
		if c < ' ' || c > '~' || c == '"' || c == '\\' {
			return strconv.AppendQuote(dst, s)
		}
		i++
	}
	return append(append(append(dst, '"'), s...), '"')
}

// upperSelf reports the capitals of Turkish and Azerbaijani letters.
func upperSelf(r rune) bool {
	switch r {
	case 'Ç', 'Ğ', 'İ', 'Ö', 'Ş', 'Ü', 'Ə', 'Â', 'Î', 'Û', 'É':
		return true
	}
	return false
}

// joinOr joins quoted options: "a", "b" or "c".
func joinOr(l lint.Lang, opts []string) string {
	if len(opts) < 2 {
		return strings.Join(opts, "")
	}
	or := spellingDoc.Say(l, "or")
	return strings.Join(opts[:len(opts)-1], ", ") + " " + or + " " + opts[len(opts)-1]
}

func words(cands []candidate) []string {
	out := make([]string, len(cands))
	for i, c := range cands {
		out[i] = c.word
	}
	return out
}

// listed appends to hits the words of a curated list in text, whose tokens
// are toks.
// A list's word is a run of letters (and marks after one); most word tokens
// are one such run, whose token norm is the word lowered, and most of those
// are told off the list by that norm's first two bytes and last byte
// (wordList.starts) without hashing the word. Any other token is read a
// letter at a time, as listedIn reads a whole text.
//
// ws, when not nil, are the text's words with their verdicts in lx, one
// for each word token of toks: a run of letters is then told from its
// verdict, which keeps what the built-in list finds in it.
func (sp *speller) listed(l lint.Lang, wl *wordList, lx *lexicon, text string, toks []lint.Token, ws []lint.WordToken, hits []hit) []hit {
	lists, _ := builtinMisspellings()
	return sp.listedText(l, wl, lx, text, toks, ws, asciiLetters(text), wl == lists[l], hits)
}

// listedText is listed of a text whose letters are all ASCII or not, with
// a list that is the built-in one of the language (builtin) or not.
func (sp *speller) listedText(l lint.Lang, wl *wordList, lx *lexicon, text string, toks []lint.Token, ws []lint.WordToken, ascii, builtin bool, hits []hit) []hit {
	starts := wl.starts
	if ascii {
		starts = wl.foldedStarts
	}
	if !builtin {
		ws = nil // the verdicts keep what the built-in list finds
	}
	if ws != nil {
		// The words alone, as unknownSeeing reads them: a run of letters
		// from its verdict, in a loop that reads nothing else.
		a := b2i(ascii)
		for k := range ws {
			w := &ws[k]
			if v := lx.verdictAt(w, text); v.run {
				if m := v.listed[a]; m.n > 0 && (len(sp.ignore) == 0 || !sp.ignore[lint.Lower(l, text[w.Start:w.End])]) {
					hits = append(hits, hit{start: w.Start, end: w.Start + m.n, right: m.right, sure: true, listed: true})
				}
				continue
			}
			hits = sp.listedToken(l, wl, text, &toks[w.Tok], ascii, starts, hits)
		}
		return hits
	}
	for i := range toks {
		if t := &toks[i]; t.Kind == lint.Word {
			hits = sp.listedToken(l, wl, text, t, ascii, starts, hits)
		}
	}
	return hits
}

// listedToken is listed's work on a word token t that its verdict does
// not tell: a token of several runs is read a letter at a time, and a run
// whose first bytes and last byte no listed word has is passed over
// without hashing it.
func (sp *speller) listedToken(l lint.Lang, wl *wordList, text string, t *lint.Token, ascii bool, starts *byteSet16, hits []hit) []hit {
	word := text[t.Start:t.End]
	if !oneLetterRun(word) {
		return sp.listedIn(l, wl, text, t.Start, t.End, ascii, hits)
	}
	if lw := t.Norm; lw != "" && !starts.has(startKey(lw)) && len(wl.endingsByLast[lw[len(lw)-1]]) == 0 {
		return hits
	}
	return sp.listedWord(l, wl, word, t.Start, ascii, hits)
}

// oneLetterRun reports a word token that is one run of letters whose norm
// is the word lowered: ASCII letters and characters from U+0080 to U+027F
// (every letter of the languages; a token has no other character of that
// range), no digit, apostrophe or mark, nor ʼ (U+02BC), which a norm writes
// as '.
func oneLetterRun(word string) bool {
	for i := 0; i < len(word); i++ {
		if !letterRunBytes[word[i]] {
			return false
		}
	}
	return true
}

// letterRunBytes are the bytes of oneLetterRun's words.
var letterRunBytes = func() (set [256]bool) {
	for c := range set {
		set[c] = isASCIILetter(byte(c)) || 0x80 <= c && c < 0xCA
	}
	return set
}()

// startKey is the key of a word's first two bytes in a byteSet16: the
// first and a zero for a word of one byte.
func startKey(w string) uint16 {
	if len(w) == 1 {
		return uint16(w[0]) << 8
	}
	return uint16(w[0])<<8 | uint16(w[1])
}

// listedIn finds the words of a curated list in text[from:to], a letter at
// a time.
func (sp *speller) listedIn(l lint.Lang, wl *wordList, text string, from, to int, ascii bool, hits []hit) []hit {
	for start := from; start < to; {
		// ASCII, most of a text, is told here without a call.
		if c := text[start]; c < utf8.RuneSelf {
			if !isASCIILetter(c) {
				start++
				continue
			}
		} else if letter, _, w := letterAt(text, start); !letter {
			start += w
			continue
		}
		end := start
		for end < to {
			if c := text[end]; c < utf8.RuneSelf {
				if !isASCIILetter(c) {
					break
				}
				end++
				continue
			}
			letter, mark, w := letterAt(text, end)
			if !letter && !mark {
				break
			}
			end += w
		}
		hits = sp.listedWord(l, wl, text[start:end], start, ascii, hits)
		start = end
	}
	return hits
}

// listedWord adds the hit of word, at offset start of its text, when the
// list has it.
func (sp *speller) listedWord(l lint.Lang, wl *wordList, word string, start int, ascii bool, hits []hit) []hit {
	if n, right := wl.match(l, word, ascii); n > 0 && (len(sp.ignore) == 0 || !sp.ignore[lint.Lower(l, word)]) {
		hits = append(hits, hit{start: start, end: start + n, right: right, sure: true, listed: true})
	}
	return hits
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// letterAt says whether the character at text[i] is a letter or a
// combining mark, and its width; ASCII, most of any text, without a
// table search.
func letterAt(text string, i int) (letter, mark bool, w int) {
	if c := text[i]; c < utf8.RuneSelf {
		return isASCIILetter(c), false, 1
	}
	r, w := utf8.DecodeRuneInString(text[i:])
	if r < 0x2B0 {
		// Latin-1 from its table; no mark comes before U+0300, and
		// every character from U+0100 to U+02AF (ı, ş, ğ, ə) is a letter.
		return r >= 0x100 || unicode.IsLetter(r), false, w
	}
	return unicode.IsLetter(r), unicode.Is(unicode.Mn, r), w
}

// bodyWords are the message's shared words when part is its body and lx
// its language's lexicon, whose verdicts the words keep; else nil.
func (sp *speller) bodyWords(m *lint.Message, lx *lexicon, part lint.Part) []lint.WordToken {
	if part.Kind != lint.Body || lx.lang != m.Lang {
		return nil
	}
	return m.Words()
}

// unknown finds the words the dictionary does not know and that have a
// likely correction, skipping what is not prose: codes, acronyms,
// CamelCase and names. It runs once per text: the per-message check keeps
// the sure fixes of words no curated hit covers, the file check the rest.
// ws, when not nil, are the text's words (lint.Message.Words), one for
// each word token of toks, whose verdicts are shared with other rules.
func (sp *speller) unknown(lx *lexicon, text string, toks []lint.Token, ws []lint.WordToken) unknownPass {
	return sp.unknownSeeing(lx, text, toks, ws, lx.lang != lint.English && asciiLetters(text), true, nil)
}

// unknownSeeing is unknown, listing the unknown words it sees (for the
// file check's counts) only when seen is true: a message read as a stream
// is never counted. The pass's hits and words are in room when they fit
// and room is not nil. ascii says the text's letters are all ASCII, asked
// of a text not in English.
func (sp *speller) unknownSeeing(lx *lexicon, text string, toks []lint.Token, ws []lint.WordToken, ascii, seen bool, room *passRoom) unknownPass {
	pass := unknownPass{text: text}
	l := lx.lang
	// A Turkish or Azerbaijani text written without its own letters (as
	// SMS often is) is read as it is meant: only the lists apply.
	if l != lint.English && ascii {
		return pass
	}
	// The hits and the words seen are gathered on the stack and copied
	// out once at their size: most texts have none or one or two, and
	// growing the slices a word at a time was an allocation each.
	var hitRoom [4]tokenHit
	var seenRoom [8]seenWord
	hits, seenWords := hitRoom[:0], seenRoom[:0]
	askAll := sp.askAll
	if ws != nil {
		// The words alone, by ws: a text is half spaces and marks. Most
		// words are quiet, told from their verdict in a loop that reads
		// nothing else; the others are read in full by unknownWord.
		for k := range ws {
			w := &ws[k]
			v, ok := w.Entry.(*wordVerdict)
			if !ok {
				// The first rule to ask: most verdicts are found by
				// the word's id, here without a call.
				if v = lx.verdicts.Get(w.ID); v != nil { // nil for id 0
					w.Entry = v
				} else {
					v = lx.keepVerdictAt(w, text)
				}
			}
			if !v.quiet || askAll {
				hits, seenWords = sp.unknownWord(lx, text, toks, w.Tok, v, seen, hits, seenWords)
			}
		}
	} else {
		for i := range toks {
			if t := &toks[i]; t.Kind == lint.Word {
				if v := lx.verdict(text[t.Start:t.End]); !v.quiet || askAll {
					hits, seenWords = sp.unknownWord(lx, text, toks, i, v, seen, hits, seenWords)
				}
			}
		}
	}
	return passOf(text, hits, seenWords, room)
}

// passOf is the unknown-word pass over text that found hits and saw
// seenWords, both gathered on the caller's stack: copied into room when
// they fit and room is not nil, else into slices of their own.
func passOf(text string, hits []tokenHit, seenWords []seenWord, room *passRoom) unknownPass {
	pass := unknownPass{text: text}
	switch {
	case len(hits) == 0:
	case room != nil && len(hits) <= len(room.hits):
		n := copy(room.hits[:], hits)
		pass.hits = room.hits[:n:n] // full: an append is a slice of its own
	default:
		pass.hits = append([]tokenHit(nil), hits...)
	}
	switch {
	case len(seenWords) == 0:
	case room != nil && len(seenWords) <= len(room.seen):
		n := copy(room.seen[:], seenWords)
		pass.seen = room.seen[:n:n]
	default:
		pass.seen = append([]seenWord(nil), seenWords...)
	}
	return pass
}

// oneWalk says whether walkWords does the passes over a body's words with
// the language's way of checking c: when the curated pass, if any, reads
// the words' verdicts (the built-in lists, misspell's own list of words
// with letters); else each pass walks the text on its own.
func (sp *speller) oneWalk(c langSpelling) bool {
	if c.misspell {
		return !sp.enLetterless && sp.en == defaultEnglish()
	}
	return c.list == nil || c.builtin
}

// walkWords is unknownSeeing and the curated pass (english or listed) of
// field over a text whose words ws are read, in one walk: each word's
// verdict is found once, for both, and most words are passed over by both
// in the same few steps. The curated hits are appended to curated, in the
// order field finds them. oneWalk(c) must hold.
func (sp *speller) walkWords(lx *lexicon, c langSpelling, text string, toks []lint.Token, ws []lint.WordToken, ascii, seen bool, room *passRoom, curated []hit) (unknownPass, []hit) {
	l := lx.lang
	// A Turkish or Azerbaijani text written without its own letters is
	// read by the lists alone (unknownSeeing).
	unknownToo := l == lint.English || !ascii
	var hitRoom [4]tokenHit
	var seenRoom [8]seenWord
	hits, seenWords := hitRoom[:0], seenRoom[:0]
	askAll := sp.askAll
	wl, a := c.list, b2i(ascii)
	var starts *byteSet16
	if !c.misspell && wl != nil {
		starts = wl.starts
		if ascii {
			starts = wl.foldedStarts
		}
	}
	// Which words the passes read (loudness); the others are passed over
	// by nextLoud, in a loop that calls nothing.
	var mask loudBits
	switch {
	case c.misspell:
		mask = loudEnglish
	case wl != nil:
		mask = loudListed << a
	}
	if unknownToo {
		mask |= loudUnknown
		if askAll {
			mask |= loudAlways
		}
	}
	english := c.misspell
	read := 0 // english's: the text before it is read
	for k := nextLoud(lx, text, ws, 0, mask, english); k < len(ws); k = nextLoud(lx, text, ws, k+1, mask, english) {
		w := &ws[k]
		v := lx.verdictAt(w, text)
		// A curated hit of the word itself covers it: field drops the
		// unknown-word pass's hits there, so the pass has nothing to
		// give of the word unless the words it sees are counted.
		own := false
		switch {
		case c.misspell:
			// As english reads the word.
			if w.Start < read {
				break
			}
			if v.englishRun && runBounded(text, &w.Token) {
				if v.englishOK && !sp.ignore[asciiLower(text[w.Start:w.End])] {
					curated = append(curated, hit{start: w.Start, end: w.End, right: v.english, sure: true, listed: true})
					own = true
				}
				break
			}
			curated, read = sp.englishAround(text, &w.Token, curated)
		case wl != nil:
			// As listedText reads the word.
			if !v.run {
				curated = sp.listedToken(l, wl, text, &toks[w.Tok], ascii, starts, curated)
			} else if m := v.listed[a]; m.n > 0 && (len(sp.ignore) == 0 || !sp.ignore[lint.Lower(l, text[w.Start:w.End])]) {
				curated = append(curated, hit{start: w.Start, end: w.Start + m.n, right: m.right, sure: true, listed: true})
				own = true
			}
		}
		if unknownToo && (!v.quiet || askAll) && (seen || !own) {
			hits, seenWords = sp.unknownWord(lx, text, toks, w.Tok, v, seen, hits, seenWords)
		}
	}
	return passOf(text, hits, seenWords, room), curated
}

// loudBits are the passes over a body's words that have to read a word,
// wherever it stands (loudness): the others pass it over.
type loudBits uint8

const (
	loudUnknown      loudBits = 1 << iota // the unknown-word pass: not quiet
	loudListed                            // the lists, in a text with the language's letters
	loudListedFolded                      // the lists, in a text without them (loudListed << 1)
	loudEnglish                           // misspell's list
	loudAlways                            // every pass that asks (set in every verdict)
)

// loudness is the verdict's loud bits: the unknown-word pass reads a word
// that is not quiet; the lists a word that is not one run of letters, or
// that they find; misspell's list a word that is not one of its runs, or
// that it corrects (and, as english reads it, a word with a letter or digit
// of the run beside it: nextLoud asks that of the text).
func loudness(v *wordVerdict) loudBits {
	b := loudAlways
	if !v.quiet {
		b |= loudUnknown
	}
	if !v.run || v.listed[0].n > 0 {
		b |= loudListed
	}
	if !v.run || v.listed[1].n > 0 {
		b |= loudListedFolded
	}
	if !v.englishRun || v.englishOK {
		b |= loudEnglish
	}
	return b
}

// nextLoud is the index of the first word of ws from k on that a pass of
// mask reads (loudness), or len(ws): most words of a text are passed over
// here, the verdict found in the word or by its id, in a loop that calls
// nothing. A word whose verdict is yet to be worked out is read. english
// says misspell's list is one of the passes, which reads a word beside
// another of its run's characters as well.
func nextLoud(lx *lexicon, text string, ws []lint.WordToken, k int, mask loudBits, english bool) int {
	for ; k < len(ws); k++ {
		w := &ws[k]
		v, ok := w.Entry.(*wordVerdict)
		if !ok {
			if v = lx.verdicts.Get(w.ID); v == nil { // nil for id 0
				return k
			}
			w.Entry = v
		}
		if v.loud&mask != 0 || english && !runBounded(text, &w.Token) {
			return k
		}
	}
	return k
}

// unknownWord is unknownSeeing's work on a word that is not quiet (or on
// every word when askAll): the i-th token of toks, whose verdict is v. It
// appends to hits and seenWords what the word adds, and returns them.
func (sp *speller) unknownWord(lx *lexicon, text string, toks []lint.Token, i int, v *wordVerdict, seen bool, hits []tokenHit, seenWords []seenWord) ([]tokenHit, []seenWord) {
	l := lx.lang
	t := &toks[i] // a token is five words: not copied for each
	word := text[t.Start:t.End]
	add := func(h hit) { hits = append(hits, tokenHit{t.Start, t.End, h}) }
	if i > 0 && toks[i-1].Kind == lint.Punct && closesBeforeSuffix(toks[i-1].Norm) {
		return hits, seenWords // a suffix written after a placeholder or a quote: {name}'daki
	}
	if i > 1 && toks[i-1].Norm == "-" && (toks[i-2].Kind == lint.Number || toks[i-2].Kind == lint.Word && !checkable(text[toks[i-2].Start:toks[i-2].End])) {
		return hits, seenWords // a suffix after a number or an acronym: PIN-inizi, 11-də
	}
	base := word[:v.base]
	if !v.checked || len(sp.ignore) > 0 && sp.ignored(l, base) {
		return hits, seenWords
	}
	end := t.Start + len(base)
	// A name keeps its own language's letters (Türk Kebabı on an
	// Azerbaijani menu): only a word in lower case or at a sentence's
	// start is the neighbour's word misused.
	if v.neighbour != "" && !(v.capital && midSentence(text, toks, i)) {
		// A word of the neighbouring language written with its
		// letters (teşekkür in Azerbaijani): one clear fix.
		add(hit{start: t.Start, end: end, right: v.neighbour, sure: true})
		return hits, seenWords
	}
	if v.passes {
		if v.commoner != "" {
			add(hit{start: t.Start, end: end, right: v.commoner, sure: v.commonerSure, others: []string{v.commoner}})
		}
		if v.slipped {
			add(hit{start: t.Start, end: end, right: v.slip, sure: true})
		}
		return hits, seenWords
	}
	if l == lint.English && foreignPhrase(text, toks, i) {
		return hits, seenWords // café au lait, hors d'oeuvres: a phrase of another language
	}
	u := v.unknownOf(lx, word, t.Norm)
	lw := u.lw
	capital := v.capital
	name := capital && midSentence(text, toks, i)
	if seen {
		seenWords = append(seenWords, seenWord{lw, name})
	}
	if name || u.short {
		return hits, seenWords // a name; a short word is too often an abbreviation
	}
	r := u.rankingOf(lx)
	if r.none || lx.truncated(text, toks, i, lw) {
		return hits, seenWords
	}
	if capital && (!r.clear || len(toks) < 5) {
		// At a sentence's start, a name unless the fix is clear; a
		// label of a word or two (a language, a product) is a name.
		return hits, seenWords
	}
	add(hit{start: t.Start, end: end, right: r.right, sure: r.sure, cands: r.cands})
	return hits, seenWords
}

// unknownWordInfo is what the unknown-word pass makes of a word the
// lexicon does not know, wherever it stands, kept in its verdict
// (wordVerdict.unknown): such a word, a slip a library repeats or a name,
// comes again and again, and lowering it, ranking its fixes and comparing
// their letters were most of its cost each time.
type unknownWordInfo struct {
	lw       string // the word's base lowered
	fromNorm bool   // lw is the token's norm (an ASCII word)
	short    bool   // fewer than minChecked letters
	ranking  atomic.Pointer[unknownRanking]
}

// unknownRanking is what the ranked fixes of an unknown word say of it.
type unknownRanking struct {
	cands []candidate
	right string
	sure  bool
	// none: no fix to offer (no candidate, or one that only adds a mark
	// the language's texts drop, lexicon.addedMark).
	none bool
	// clear: the fix is sure and clear enough for a word at a
	// sentence's start (lexicon.clearAtStart).
	clear bool
}

// unknownOf is the verdict's unknownWordInfo for word, whose token's norm
// is norm: worked out on the first question and kept.
func (v *wordVerdict) unknownOf(lx *lexicon, word, norm string) *unknownWordInfo {
	// An ASCII word's lower case is its norm, made by the tokenizer
	// already: a kept one is read when it is that norm.
	u := v.unknown.Load()
	if u != nil && (!u.fromNorm || u.lw == norm) {
		return u
	}
	base := word[:v.base]
	fromNorm := len(base) == len(word) && isASCIIString(word)
	// A copy: the norm is a slice of the message's text, and the verdict
	// is kept for the run; a streamed export's batch would stay with it.
	lw := strings.Clone(norm)
	if !fromNorm {
		lw = lint.Lower(lx.lang, base)
	}
	fresh := &unknownWordInfo{lw: lw, fromNorm: fromNorm, short: utf8.RuneCountInString(base) < minChecked}
	if u == nil {
		v.unknown.CompareAndSwap(nil, fresh)
	}
	return fresh
}

// rankingOf is the ranking of the word's fixes, worked out on the first
// question and kept.
func (u *unknownWordInfo) rankingOf(lx *lexicon) *unknownRanking {
	if r := u.ranking.Load(); r != nil {
		return r
	}
	cands, right, sure := lx.ranked(u.lw)
	r := &unknownRanking{cands: cands, right: right, sure: sure}
	r.none = len(cands) == 0 || lx.addedMark(u.lw, lint.Lower(lx.lang, right))
	r.clear = !r.none && sure && lx.clearAtStart(u.lw, cands[0])
	u.ranking.CompareAndSwap(nil, r)
	return r
}

// closesBeforeSuffix reports a punctuation token after which a word is a
// suffix: one of }])%'’, as strings.ContainsAny would tell, without
// decoding the token for ’.
func closesBeforeSuffix(norm string) bool {
	switch norm {
	case "}", "]", ")", "%", "'", "’":
		return true
	}
	// A token of one character other than those has none of them.
	_, w := utf8.DecodeRuneInString(norm)
	return w < len(norm) && strings.ContainsAny(norm, "}])%'’")
}

// wordVerdict is what the unknown-word pass learns of a word from the
// lexicon alone, wherever the word stands: worked out once per word and
// kept, one look-up instead of one per question.
type wordVerdict struct {
	base    int  // the length of the word's part the dictionary judges (baseWord)
	checked bool // that part is prose to check (checkable); if not, no more is known
	// The rest is known of the base of a checked word.
	capital bool // a capital first letter and no other (isCapitalised)
	known   bool // a word of the language itself (lexicon.known)
	// neighbourKnown: the neighbouring language's dictionary knows it
	// (the language rule's question of every word).
	neighbourKnown bool
	neighbour      string // the word of the language it is written for, or ""
	passes         bool   // a word of the language (or of a list it accepts)
	commoner       string // a far commoner word it is likely a slip for, or ""
	// commonerSure: --fix may apply commoner.
	commonerSure bool
	slip         string // a rare word a common one is likely meant by
	slipped      bool
	// What the built-in lists of misspellings find in the word, wherever
	// it stands, so that a word is looked up once a run, not once a
	// message (speller.listed and speller.english read them):
	// run says the word is one run of letters (oneLetterRun); listed is
	// what the language's list finds in such a word (the cheap filter of
	// speller.listed, then wordList.match), in a text with the language's
	// letters [0] and in one without them [1].
	run    bool
	listed [2]listMatch
	// englishRun says the word is made of wholeRun's letters, and
	// english is what misspell's list corrects it to in its case, when
	// englishOK.
	englishRun bool
	englishOK  bool
	english    string
	// quiet: the unknown-word pass has nothing to say of the word
	// wherever it stands (not checked, or a word of the language with
	// no commoner word or slip to offer, and no neighbour's word).
	quiet bool
	// loud says which passes over a body's words have to read the word
	// (loudness): walkWords passes over the others in a few steps.
	loud loudBits
	// others keeps other languages' verdicts on the base (lexicon.known),
	// which the language rule asks of every word: two bits a lexicon, by
	// its slot, asked and known; worked out on the first question.
	others atomic.Uint32
	// pair is what the language rule's neighbourWords makes of the word
	// once it is known to the neighbouring language (neighbourPair): the
	// own language's word to write for it, or "", worked out on the first
	// question.
	pair atomic.Pointer[neighbourPair]
	// unknown is what the unknown-word pass makes of the word when the
	// lexicon does not know it (unknownOf), worked out on the first
	// question.
	unknown atomic.Pointer[unknownWordInfo]
}

// knownIn is other.known of the verdict's base, kept in the verdict.
func (v *wordVerdict) knownIn(other *lexicon, base string) bool {
	if k, ok := v.keptIn(other.slot); ok {
		return k
	}
	if other.slot < 0 {
		return other.known(base)
	}
	asked, known := uint32(1)<<(2*other.slot), uint32(2)<<(2*other.slot)
	k := other.known(base)
	if k {
		asked |= known
	}
	v.others.Or(asked)
	return k
}

// keptIn is what knownIn keeps of the lexicon in slot (lexicon.slot), if
// it was asked: small enough to be inlined where the language rule asks
// of every word, most of whose answers are kept.
func (v *wordVerdict) keptIn(slot int) (known, ok bool) {
	if slot < 0 {
		return false, false
	}
	bits := v.others.Load() >> (2 * slot)
	return bits&2 != 0, bits&1 != 0
}

// builtinMisspellings are what the lists of misspellings a speller with
// no options of its own uses: the built-in lists by language, and the
// languages checked with misspell's list. A word's verdict keeps what
// they say of it.
var builtinMisspellings = sync.OnceValues(func() (map[lint.Lang]*wordList, map[lint.Lang]bool) {
	lists, err := builtinLists()
	if err != nil {
		lists = nil
	}
	return lists, misspellLangs()
})

// listsOf fills what the built-in lists of misspellings say of word, whose
// norm (lint.Token.Norm) is norm, in lx's language.
func (v *wordVerdict) listsOf(lx *lexicon, word, norm string) {
	lists, english := builtinMisspellings()
	if wl := lists[lx.lang]; wl != nil && oneLetterRun(word) {
		v.run = true
		for i, ascii := range []bool{false, true} {
			starts := wl.starts
			if ascii {
				starts = wl.foldedStarts
			}
			if norm != "" && !starts.has(startKey(norm)) && len(wl.endingsByLast[norm[len(norm)-1]]) == 0 {
				continue
			}
			n, right := wl.find(lx.lang, word, ascii)
			v.listed[i] = listMatch{n, right}
		}
	}
	if english[lx.lang] && runLetters(word, norm) {
		v.englishRun = true
		if right, _, ok := lookUp(defaultEnglish(), hashOf(norm), norm); ok {
			v.english, v.englishOK = misspellCase(word, right)
		}
	}
}

// verdict is the verdict on a word as a token has it: its base (before a
// Turkish or Azerbaijani apostrophe), whether that is checked by its shape,
// and what the lexicon says of it.
func (lx *lexicon) verdict(word string) *wordVerdict { return lx.verdictOf(word, "") }

// verdictOf is verdict of a word whose norm (lint.Token.Norm) is norm, or
// "" when the caller has none.
func (lx *lexicon) verdictOf(word, norm string) *wordVerdict {
	// Kept by pointer: a verdict is a dozen words, asked of every token.
	return lx.verdictMemo.get(word, func() *wordVerdict {
		v := lx.newVerdict(word, norm)
		v.quiet = !v.checked || v.neighbour == "" && v.passes && v.commoner == "" && !v.slipped
		v.loud = loudness(v)
		return v
	})
}

// newVerdict is verdictOf worked out, but for quiet.
func (lx *lexicon) newVerdict(word, norm string) *wordVerdict {
	base, ok := baseWord(lx.lang, word)
	v := &wordVerdict{base: len(base), checked: ok && checkable(base)}
	if norm == "" {
		norm = lint.NormWord(lx.lang, word)
	}
	v.listsOf(lx, word, norm)
	if !v.checked {
		return v
	}
	v.capital = isCapitalised(base)
	v.known = lx.known(base)
	if lx.neighbour != "" {
		if nb, err := lexiconFor(lx.neighbour); err == nil && nb != nil {
			v.neighbourKnown = nb.known(base)
		}
	}
	v.neighbour = lx.neighbourWord(base)
	v.passes = lx.passes(base) || lx.lang == lint.English && lx.passes(strings.TrimSuffix(strings.TrimSuffix(base, "'s"), "’s"))
	if !v.passes {
		return v
	}
	if lx.confident && lx.known(base) {
		v.commoner, v.commonerSure = lx.commoner(lint.Lower(lx.lang, base))
	}
	v.slip, v.slipped = lx.rareSlip(base)
	return v
}

// sharedVerdict is the verdict on a word of a message in lx's language:
// the one a rule before kept in the word's Entry, or worked out and kept
// there for the rules after. word is the word's text, the text its ID
// names.
func (lx *lexicon) sharedVerdict(w *lint.WordToken, word string) *wordVerdict {
	// The word's verdict, kept by the first rule that asked: most asks,
	// told here where they are inlined.
	if v, ok := w.Entry.(*wordVerdict); ok {
		return v
	}
	return lx.keepVerdict(w, word)
}

// verdictAt is sharedVerdict of a word of text, whose own text is cut out
// of text only when its verdict is worked out: the passes that ask it of
// every word read most verdicts here, inlined, from the word itself.
func (lx *lexicon) verdictAt(w *lint.WordToken, text string) *wordVerdict {
	if v, ok := w.Entry.(*wordVerdict); ok {
		return v
	}
	return lx.keepVerdictAt(w, text)
}

// keepVerdictAt is keepVerdict of a word of text. It is kept a call of its
// own: inlined, the word's bounds checks and the call's arguments would sit
// in the loops over every word, most of which never come here.
//
//go:noinline
func (lx *lexicon) keepVerdictAt(w *lint.WordToken, text string) *wordVerdict {
	return lx.keepVerdict(w, text[w.Start:w.End])
}

// keepVerdict is sharedVerdict for a word no rule asked about yet.
func (lx *lexicon) keepVerdict(w *lint.WordToken, word string) *wordVerdict {
	if w.ID != 0 {
		if v := lx.verdicts.Get(w.ID); v != nil {
			w.Entry = v
			return v
		}
	}
	v := lx.verdictOf(word, w.Norm)
	if w.ID != 0 {
		lx.verdicts.Put(w.ID, v)
	}
	w.Entry = v
	return v
}

// clearAtStart says whether a fix is clear enough to report a capitalised
// word at a sentence's start, which may be a name: a doubled letter; in a
// language checked with the confident policy, a dropped h too (Zəmət
// olmasa), or a letter the language has of its own written the neighbour's
// way (Teşəkkür: Təşəkkür), not the other way round (Tətiklər is not
// Tetiklər) nor another letter (Təkr is likelier cut short than a k for q).
func (lx *lexicon) clearAtStart(lw string, c candidate) bool {
	switch {
	case c.cost <= costDoubling:
		return true
	case !lx.confident:
		return false
	case c.cost == costDropped:
		return true
	}
	return c.cost == costConfused && lx.ownLetters != "" &&
		countAny(c.word, lx.ownLetters) > countAny(lw, lx.ownLetters)
}

func countAny(s, letters string) int {
	n := 0
	for _, r := range s {
		if strings.ContainsRune(letters, r) {
			n++
		}
	}
	return n
}

// foreignPhrase reports whether toks[i] stands within two words of a word
// written with letters English does not use (café, entrée, crème) or with
// an elided article (d'oeuvres, l'art): in English text such words mark a
// phrase of French or another language, whose other words (au lait, hors)
// the English lists do not have.
func foreignPhrase(text string, toks []lint.Token, i int) bool {
	for _, step := range []int{-1, 1} {
		words := 0
		for j := i + step; j >= 0 && j < len(toks) && words < 2; j += step {
			if toks[j].Kind != lint.Word {
				continue
			}
			words++
			w := text[toks[j].Start:toks[j].End]
			if foreignLetters(w) || len(w) > 2 && (w[0] == 'd' || w[0] == 'l') && (w[1] == '\'' || strings.HasPrefix(w[1:], "’")) {
				return true
			}
		}
	}
	return foreignLetters(text[toks[i].Start:toks[i].End])
}

// foreignLetters reports a letter of French and its neighbours that English
// does not use; a word of ASCII, most words, has none, told without
// decoding it.
func foreignLetters(w string) bool {
	return !isASCIIString(w) && strings.ContainsAny(w, "àâäçéèêëîïôùûüœæñ")
}

func isASCIIString(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// ignored reports a word the config's ignore list has, in either casing.
func (sp *speller) ignored(l lint.Lang, word string) bool {
	return len(sp.ignore) > 0 && (sp.ignore[strings.ToLower(word)] || sp.ignore[lint.Lower(l, word)])
}

// minChecked is the shortest word the dictionary reports: shorter ones are
// abbreviations and codes (pre, api, gif) as often as misspellings.
const minChecked = 4

func covered(hits []hit, start, end int) bool {
	for _, h := range hits {
		if start < h.end && end > h.start {
			return true
		}
	}
	return false
}

// allKnown reports whether every word of s (a correction, maybe two words)
// is correct.
func (lx *lexicon) allKnown(s string) bool {
	if oneASCIIWord(s) {
		return lx.known(s) // most corrections: no fields to split
	}
	for w := range strings.FieldsSeq(s) {
		if !lx.known(w) {
			return false
		}
	}
	return true
}

// match finds a misspelling in word: the whole word, a listed wrong stem
// followed by a suffix, or a wrong ending. It returns how many bytes of word
// are wrong and what they should be.
func (wl *wordList) match(l lint.Lang, word string, ascii bool) (int, string) {
	if l != wl.lang {
		return wl.find(l, word, ascii)
	}
	memo := &wl.matched
	if ascii {
		memo = &wl.matchedFolded
	}
	m := memo.get(word, func() listMatch {
		n, right := wl.find(l, word, ascii)
		return listMatch{n, right}
	})
	return m.n, m.right
}

// find is match worked out.
func (wl *wordList) find(l lint.Lang, word string, ascii bool) (int, string) {
	// Lowered into a buffer: the look-ups below allocate nothing, and
	// most words are not on the list.
	var buf [64]byte
	lw, runes, at := lowerWord(buf[:0], l, wl.turkic, word, wl.minStem)
	words, stems := &wl.wordsTable, &wl.stemsTable
	if ascii {
		// A text without its language's letters: the list as it would
		// be written so (yanlız -> yanliz).
		words, stems = &wl.foldedTable, &wl.foldedStemsTable
	}
	if right, _, ok := words.get(hashOf(lw), lw); ok {
		return len(word), right
	}
	// Stems from the longest down; case folding maps rune to rune, so the
	// k-th rune of lw is the k-th rune of word. Every stem tried starts
	// with lw's first minStem runes, whose hash each stem's goes on from.
	if k := runes; k > wl.minStem {
		if atHash := hashOf(lw[:at]); stems.has(atHash, lw[:at]) {
			for b := len(lw); k > wl.minStem; {
				_, w := utf8.DecodeLastRune(lw[:b])
				b -= w
				k--
				if right, exact, ok := words.get(hashFrom(atHash, lw[at:b]), lw[:b]); ok && !exact {
					return len(word), right + lint.Lower(l, word[runeOffset(word, k):])
				}
			}
		}
	}
	if len(lw) == 0 {
		return 0, ""
	}
	for _, e := range wl.endingsByLast[lw[len(lw)-1]] {
		if n := len(lw) - len(e[0]); n >= 0 && string(lw[n:]) == e[0] && runes-utf8.RuneCountInString(e[0]) >= 2 {
			stem := runeOffset(word, runes-utf8.RuneCountInString(e[0]))
			return len(word), lint.Lower(l, word[:stem]) + e[1]
		}
	}
	return 0, ""
}

// runeOffsetBytes is runeOffset for bytes: the offset of the n-th rune.
func runeOffsetBytes(b []byte, n int) int {
	for i := 0; i < len(b); n-- {
		if n == 0 {
			return i
		}
		_, w := utf8.DecodeRune(b[i:])
		i += w
	}
	return len(b)
}

// matchCase gives the suggestion the case of the word it replaces.
func matchCase(l lint.Lang, orig, right string) string {
	if fixed, ok := matchCaseASCII(l, orig, right); ok {
		return fixed
	}
	return matchCaseRunes(l, orig, right)
}

// matchCaseRunes is matchCase for any word.
func matchCaseRunes(l lint.Lang, orig, right string) string {
	letters := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) {
			return r
		}
		return -1
	}, orig)
	if letters == "" {
		return right
	}
	if lint.Upper(l, letters) == letters && utf8.RuneCountInString(letters) > 1 {
		return lint.Upper(l, right)
	}
	if first, _ := utf8.DecodeRuneInString(orig); unicode.IsUpper(first) {
		r, n := utf8.DecodeRuneInString(right)
		return lint.Upper(l, string(r)) + right[n:]
	}
	return right
}

// matchCaseASCII is matchCase for a word of ASCII characters and small
// letters of the languages (lowerSelf), most words, without building
// strings to compare; ok is false for any other word.
func matchCaseASCII(l lint.Lang, orig, right string) (fixed string, ok bool) {
	letters, lower := 0, false
	for i := 0; i < len(orig); i++ {
		switch c := orig[i]; {
		case c >= utf8.RuneSelf:
			r, w := utf8.DecodeRuneInString(orig[i:])
			if !lowerSelf(r) {
				return "", false
			}
			letters++
			lower = true
			i += w - 1
		case 'a' <= c && c <= 'z':
			letters++
			lower = true
		case 'A' <= c && c <= 'Z':
			letters++
		}
	}
	switch {
	case letters == 0:
		return right, true
	case !lower && letters > 1:
		// Every letter is a capital: Upper leaves the letters as
		// they are, in Turkish casing too (only i and ı change).
		return lint.Upper(l, right), true
	case 'A' <= orig[0] && orig[0] <= 'Z':
		return upperFirst(l, right), true
	}
	return right, true
}

// upperFirst is right with its first letter a capital. An ASCII first
// character other than a Turkic i, most fixes' first, is raised here: one
// string made, not three.
func upperFirst(l lint.Lang, right string) string {
	switch c := right[0:min(1, len(right))]; {
	case c == "" || c[0] >= utf8.RuneSelf || c[0] == 'i' && lint.CasingOf(l) == lint.TurkicCasing:
	case 'a' <= c[0] && c[0] <= 'z':
		return string(rune(c[0]-('a'-'A'))) + right[1:]
	default:
		return right // no letter to raise
	}
	r, n := utf8.DecodeRuneInString(right)
	return lint.Upper(l, string(r)) + right[n:]
}

// lowerWord appends word lowered in the language's casing to dst (turkic:
// the language's casing is lint.TurkicCasing), as lint.AppendLower does, with its count of runes and the offset in the
// result of its n-th rune (its length when it has fewer). A word of ASCII
// and of small letters that lower to themselves (ş, ə, é), most words, is
// lowered and counted in one pass here; any other goes to lint.
func lowerWord(dst []byte, l lint.Lang, turkic bool, word string, n int) (lw []byte, runes, at int) {
	if asciiLowerCase(word) {
		return append(dst, word...), len(word), min(n, len(word))
	}
	start := len(dst)
	at = -1
	for i := 0; i < len(word); runes++ {
		if runes == n {
			at = len(dst) - start
		}
		c := word[i]
		switch {
		case c == 'I' && turkic:
			dst = append(dst, "ı"...)
		case 'A' <= c && c <= 'Z':
			dst = append(dst, c+'a'-'A')
		case c < utf8.RuneSelf:
			dst = append(dst, c)
		default:
			r, w := utf8.DecodeRuneInString(word[i:])
			if !lowerSelf(r) {
				lw = lint.AppendLower(dst[:start], l, word)[start:]
				return lw, utf8.RuneCount(lw), runeOffsetBytes(lw, n)
			}
			dst = append(dst, word[i:i+w]...)
			i += w
			continue
		}
		i++
	}
	lw = dst[start:]
	if at < 0 {
		at = len(lw)
	}
	return lw, runes, at
}

// lowerSelf reports the small letters of Turkish, Azerbaijani and the
// words they borrow, which no casing changes.
func lowerSelf(r rune) bool {
	switch r {
	case 'ç', 'ğ', 'ı', 'ö', 'ş', 'ü', 'ə', 'â', 'î', 'û', 'é', 'è', 'ê', 'ë', 'á', 'à', 'ä', 'í', 'ï', 'ó', 'ô', 'ú', 'ñ':
		return true
	}
	return false
}

// asciiLowerCase reports a word of ASCII characters and no capital, which
// lowers to itself in every casing.
func asciiLowerCase(word string) bool {
	for i := 0; i < len(word); i++ {
		if c := word[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// oneASCIIWord reports a non-empty string of ASCII characters and no space,
// which strings.Fields would return whole.
func oneASCIIWord(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf, c == ' ', '\t' <= c && c <= '\r':
			return false
		}
	}
	return s != ""
}

// b2i is 1 for true, 0 for false.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
