package lint

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

//go:embed data/lang.yaml
var langYAML []byte

type langTable struct {
	Stopwords     []string `yaml:"stopwords"`
	Abbreviations []string `yaml:"abbreviations"`
	stop          map[string]bool
	abbr          map[string]bool
}

// langTables is read-only after init: built-in data, not configuration.
var langTables = func() map[Lang]*langTable {
	var raw map[Lang]*langTable
	if err := yaml.Unmarshal(langYAML, &raw); err != nil {
		panic("lint: bad embedded data/lang.yaml: " + err.Error())
	}
	for _, t := range raw {
		t.stop, t.abbr = set(t.Stopwords), set(t.Abbreviations)
	}
	return raw
}()

func set(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// Lower folds case the way the language does: Turkish and Azerbaijani map
// I to ı and İ to i; English uses the Unicode default.
func Lower(l Lang, s string) string {
	if hasNoUpper(s) {
		return s // most words: nothing to change, nothing to allocate
	}
	if l == Turkish || l == Azerbaijani {
		return strings.ToLowerSpecial(unicode.TurkishCase, s)
	}
	return strings.ToLower(s)
}

// Upper is Lower's counterpart.
func Upper(l Lang, s string) string {
	if l == Turkish || l == Azerbaijani {
		return strings.ToUpperSpecial(unicode.TurkishCase, s)
	}
	return strings.ToUpper(s)
}

// DetectLang guesses the language of a text that does not declare one.
//
// Each word found in a language's list of very common words scores two points
// for that language. The letter ə, which only Azerbaijani uses, scores five
// points and one more per occurrence; a word with x or q and one of
// ı ə ğ ş ç ö ü (Turkish has no x or q) scores three for Azerbaijani; a
// Turkish present-tense ending (-yor) scores two for Turkish; any of
// ı ğ ş ç ö ü scores one for both Turkish and Azerbaijani. The highest score wins; a tie between Turkish and Azerbaijani
// goes to Turkish, and a tie with English goes to English. ok is false when
// nothing scored (a text with no known word, such as "OK" or a bare URL).
func DetectLang(text string) (l Lang, ok bool) {
	var en, tr, az int
	if n := strings.Count(text, "ə") + strings.Count(text, "Ə"); n > 0 {
		az += 5 + n
	}
	if strings.ContainsAny(text, "ıİğĞşŞçÇöÖüÜ") {
		tr++
		az++
	}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		lw := strings.ToLower(w)
		tw := Lower(Turkish, w)
		if langTables[English].stop[lw] {
			en += 2
		}
		if langTables[Turkish].stop[tw] {
			tr += 2
		}
		if langTables[Azerbaijani].stop[tw] {
			az += 2
		}
		if strings.ContainsAny(tw, "xq") && strings.ContainsAny(tw, "ıəğşçöü") {
			az += 3 // Turkish has no x or q: a Turkic word with one is Azerbaijani
		}
		if strings.HasSuffix(tw, "yor") || strings.Contains(tw, "iyor") || strings.Contains(tw, "ıyor") || strings.Contains(tw, "uyor") || strings.Contains(tw, "üyor") {
			tr += 2
		}
	}
	switch {
	case en == 0 && tr == 0 && az == 0:
		return "", false
	case en >= tr && en >= az:
		return English, true
	case az > tr:
		return Azerbaijani, true
	default:
		return Turkish, true
	}
}

// IsAbbreviation reports whether word (without its final period) is a known
// abbreviation in the language. before is the text preceding the word, for
// multi-word abbreviations such as Azerbaijani "və s.".
func IsAbbreviation(l Lang, before, word string) bool {
	t := langTables[l]
	if t == nil {
		return false
	}
	w := Lower(l, word)
	if t.abbr[w] {
		return true
	}
	if prev := lastWord(before); prev != "" {
		return t.abbr[Lower(l, prev)+" "+w]
	}
	return false
}

func lastWord(s string) string {
	s = strings.TrimRight(s, " \t")
	i := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	return s[i+1:]
}

// hasNoUpper reports whether s has no upper-case letter, so that
// lowering it changes nothing.
func hasNoUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			for _, r := range s[i:] {
				if unicode.IsUpper(r) || unicode.IsTitle(r) {
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
