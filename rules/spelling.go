package rules

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/client9/misspell"
	"github.com/msglint/msglint/lint"
	"gopkg.in/yaml.v3"
)

//go:embed data/spelling/*.txt
var spellingData embed.FS

// SpellingOptions configures the spelling rule.
type SpellingOptions struct {
	// Words adds misspellings per language: wrong -> right. In Turkish and
	// Azerbaijani a wrong form also matches with suffixes.
	Words map[lint.Lang]map[string]string `yaml:"words"`
	// Ignore lists words never flagged, in any language (brand names).
	Ignore []string `yaml:"ignore"`
}

// Spelling flags common misspellings.
var Spelling = &lint.Rule{
	Name: "spelling",
	Doc: lint.Doc{
		Title: "common misspelling",
		Text: `Flags words from lists of common misspellings and says the right spelling: a list of about
28,000 English misspellings (from misspell; British and American spellings are both right), and msglint's
Turkish and Azerbaijani lists (herkez → herkes, yanlız → yalnız, birşey → bir şey, təşəkür → təşəkkür,
xaiş → xahiş), which also catch the word with a suffix (orjinali → orijinali). Placeholders, links,
e-mail addresses and @mentions are never checked. Add your own words per language in the config.`,
		Why: `A misspelt reply looks careless and costs trust; customers judge a brand by its writing.
The Turkish and Azerbaijani lists follow the TDK Yazım Kılavuzu and the Azerbaijani spelling dictionary.`,
		Examples: map[lint.Lang]lint.Example{
			lint.English:     {Bad: "We will send it once we recieve the original.", Good: "We will send it once we receive the original."},
			lint.Turkish:     {Bad: "Malesef herkez için geçerli değil.", Good: "Maalesef herkes için geçerli değil."},
			lint.Azerbaijani: {Bad: "Təşəkür edirik, xaiş edirik gözləyin.", Good: "Təşəkkür edirik, xahiş edirik gözləyin."},
		},
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
}

// wordList is one language's misspellings.
type wordList struct {
	words   map[string]string // wrong -> right, lower case
	exact   map[string]bool   // wrong forms that take no suffix
	endings [][2]string       // wrong ending -> right ending
	minStem int               // shortest stem a suffix may follow, in runes
}

type speller struct {
	en     *misspell.Replacer
	lists  map[lint.Lang]*wordList
	ignore map[string]bool
}

// The built-in lists are read and compiled once and never changed; options
// build their own copies.
var (
	defaultEnglish = sync.OnceValue(func() *misspell.Replacer { return misspell.New() })
	builtinLists   = sync.OnceValues(func() (map[lint.Lang]*wordList, error) {
		out := map[lint.Lang]*wordList{}
		for _, l := range []lint.Lang{lint.Turkish, lint.Azerbaijani} {
			data, err := spellingData.ReadFile("data/spelling/" + string(l) + ".txt")
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

func parseWordList(l lint.Lang, data []byte) (*wordList, error) {
	wl := &wordList{words: map[string]string{}, exact: map[string]bool{}, minStem: 4}
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
	return wl, sc.Err()
}

func newSpeller(o SpellingOptions) (*speller, error) {
	lists, err := builtinLists()
	if err != nil {
		return nil, err
	}
	sp := &speller{en: defaultEnglish(), lists: lists, ignore: map[string]bool{}}
	for _, w := range o.Ignore {
		sp.ignore[strings.ToLower(w)] = true
		sp.ignore[lint.Lower(lint.Turkish, w)] = true
	}
	if len(o.Words[lint.English]) > 0 || len(o.Ignore) > 0 {
		r := &misspell.Replacer{Replacements: append([]string(nil), misspell.DictMain...)}
		for w, right := range o.Words[lint.English] {
			r.AddRuleList([]string{strings.ToLower(w), strings.ToLower(right)})
		}
		if len(o.Ignore) > 0 {
			var ign []string
			for w := range sp.ignore {
				ign = append(ign, w)
			}
			r.RemoveRule(ign)
		}
		r.Compile()
		sp.en = r
	}
	for l, words := range o.Words {
		if _, err := lint.ParseLang(string(l)); err != nil {
			return nil, fmt.Errorf("words: %v", err)
		}
		if l == lint.English || len(words) == 0 {
			continue
		}
		base := lists[l]
		wl := &wordList{words: map[string]string{}, exact: base.exact, endings: base.endings, minStem: base.minStem}
		for k, v := range base.words {
			wl.words[k] = v
		}
		for w, right := range words {
			if lw := lint.Lower(l, w); lw != lint.Lower(l, right) {
				wl.words[lw] = right
			}
		}
		if sp.lists[l] == base {
			sp.lists = clone(sp.lists)
		}
		sp.lists[l] = wl
	}
	return sp, nil
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
// top-level domains), @mentions and #hashtags. Links are blanked by
// misspell.RemoveNotWords.
var notWords = regexp.MustCompile(`\{\{[^{}]*\}\}|%?\{[^{}]*\}|\[[^\[\]\n]*\]|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|[@#][\p{L}\p{N}_.]+`)

// blank replaces what is not prose with spaces of the same byte length, so
// offsets into the result are offsets into the text.
func blank(text string) string {
	b := []byte(misspell.RemoveNotWords(text))
	for _, loc := range notWords.FindAllStringIndex(text, -1) {
		for i := loc[0]; i < loc[1]; i++ {
			b[i] = ' '
		}
	}
	return string(b)
}

func (sp *speller) check(p *lint.Pass) {
	text := p.Msg.Body.Text
	clean := blank(text)
	report := func(start int, wrong, right string) {
		right = matchCase(p.Msg.Lang, wrong, right)
		p.Report(lint.Diagnostic{
			Span:       lint.Span{Start: start, End: start + len(wrong)},
			Message:    fmt.Sprintf("%q is a misspelling of %q", wrong, right),
			Suggestion: right,
		})
	}
	if p.Msg.Lang == lint.English {
		_, diffs := sp.en.Replace(clean)
		if len(diffs) == 0 {
			return
		}
		lineStart := []int{0}
		for i := 0; i < len(clean); i++ {
			if clean[i] == '\n' {
				lineStart = append(lineStart, i+1)
			}
		}
		for _, d := range diffs {
			if d.Line < 1 || d.Line > len(lineStart) || sp.ignore[strings.ToLower(d.Original)] {
				continue
			}
			report(lineStart[d.Line-1]+d.Column, d.Original, d.Corrected)
		}
		return
	}
	wl := sp.lists[p.Msg.Lang]
	if wl == nil {
		return
	}
	for start := 0; start < len(clean); {
		r, w := utf8.DecodeRuneInString(clean[start:])
		if !unicode.IsLetter(r) {
			start += w
			continue
		}
		end := start
		for end < len(clean) {
			r, w := utf8.DecodeRuneInString(clean[end:])
			if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
				break
			}
			end += w
		}
		word := text[start:end]
		if !sp.ignore[lint.Lower(p.Msg.Lang, word)] {
			if n, right := wl.match(p.Msg.Lang, word); n > 0 {
				report(start, word[:n], right)
			}
		}
		start = end
	}
}

// match finds a misspelling in word: the whole word, a listed wrong stem
// followed by a suffix, or a wrong ending. It returns how many bytes of word
// are wrong and what they should be.
func (wl *wordList) match(l lint.Lang, word string) (int, string) {
	lw := lint.Lower(l, word)
	if right, ok := wl.words[lw]; ok {
		return len(word), right
	}
	runes := []rune(lw)
	// Case folding maps rune to rune, so rune counts line up with word.
	for k := len(runes) - 1; k >= wl.minStem; k-- {
		stem := string(runes[:k])
		if right, ok := wl.words[stem]; ok && !wl.exact[stem] {
			n := runeOffset(word, k)
			return len(word), right + lint.Lower(l, word[n:])
		}
	}
	for _, e := range wl.endings {
		if strings.HasSuffix(lw, e[0]) && utf8.RuneCountInString(lw)-utf8.RuneCountInString(e[0]) >= 2 {
			stem := runeOffset(word, len(runes)-utf8.RuneCountInString(e[0]))
			return len(word), lint.Lower(l, word[:stem]) + e[1]
		}
	}
	return 0, ""
}

// matchCase gives the suggestion the case of the word it replaces.
func matchCase(l lint.Lang, orig, right string) string {
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
	first, n := utf8.DecodeRuneInString(orig)
	if unicode.IsUpper(first) {
		r, m := utf8.DecodeRuneInString(right)
		return lint.Upper(l, string(r)) + right[m:]
	}
	_ = n
	return right
}
