package rules

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/msglint/msglint/lint"
)

// vocabulary is a language's user word lists: words never flagged (plain
// or /regexp/) and words always flagged.
type vocabulary struct {
	accept   map[string]bool
	acceptRE []*regexp.Regexp
	reject   map[string]bool
	rejectRE *regexp.Regexp // the reject words, to find them in a text
}

func newVocabularies(o SpellingOptions) (map[lint.Lang]*vocabulary, error) {
	out := map[lint.Lang]*vocabulary{}
	get := func(l lint.Lang) (*vocabulary, error) {
		if _, err := lint.ParseLang(string(l)); err != nil {
			return nil, err
		}
		if out[l] == nil {
			out[l] = &vocabulary{accept: map[string]bool{}, reject: map[string]bool{}}
		}
		return out[l], nil
	}
	add := func(what string, l lint.Lang, entries []string, where func(int) string) error {
		v, err := get(l)
		if err != nil {
			return fmt.Errorf("%s: %v", what, err)
		}
		for i, e := range entries {
			e = strings.TrimSpace(e)
			if e == "" {
				continue
			}
			if what == "accept" && len(e) > 2 && strings.HasPrefix(e, "/") && strings.HasSuffix(e, "/") {
				re, err := regexp.Compile("^(?:" + e[1:len(e)-1] + ")$")
				if err != nil {
					return fmt.Errorf("%s%s: %v", what, where(i), err)
				}
				v.acceptRE = append(v.acceptRE, re)
				continue
			}
			if strings.IndexFunc(e, func(r rune) bool { return unicode.IsSpace(r) }) >= 0 {
				return fmt.Errorf("%s%s: %q: one word an entry", what, where(i), e)
			}
			if what == "accept" {
				v.accept[lint.Lower(l, e)] = true
			} else {
				v.reject[lint.Lower(l, e)] = true
			}
		}
		return nil
	}
	inList := func(l lint.Lang) func(int) string {
		return func(i int) string { return fmt.Sprintf(".%s[%d]", l, i) }
	}
	for l, ws := range o.Accept {
		if err := add("accept", l, ws, inList(l)); err != nil {
			return nil, err
		}
	}
	for l, ws := range o.Reject {
		if err := add("reject", l, ws, inList(l)); err != nil {
			return nil, err
		}
	}
	for what, files := range map[string]map[lint.Lang][]string{"accept": o.AcceptFiles, "reject": o.RejectFiles} {
		for l, paths := range files {
			for _, path := range paths {
				lines, err := readWordFile(path)
				if err != nil {
					return nil, fmt.Errorf("%s_files: %v", what, err)
				}
				p := path
				if err := add(what, l, lines, func(i int) string { return fmt.Sprintf(" (%s:%d)", p, i+1) }); err != nil {
					return nil, err
				}
			}
		}
	}
	for _, v := range out {
		if len(v.reject) == 0 {
			continue
		}
		var alts []string
		for w := range v.reject {
			alts = append(alts, regexp.QuoteMeta(w))
		}
		// Words are compared lower-cased: (?i) folds ASCII and most
		// letters; the Turkish dotted and dotless I are lowered first.
		v.rejectRE = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])(` + strings.Join(alts, "|") + `)(?:$|[^\p{L}\p{N}])`)
	}
	return out, nil
}

// readWordFile reads a word list: one entry a line, # starts a comment.
// Lines keep their numbers (blank ones included) for error messages.
func readWordFile(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		out = append(out, strings.TrimSpace(line))
	}
	return out, sc.Err()
}

// accepted reports whether the config accepts a word in a language.
func (sp *speller) accepted(l lint.Lang, word string) bool {
	v := sp.vocab[l]
	if v == nil {
		return false
	}
	if v.accept[lint.Lower(l, word)] {
		return true
	}
	for _, re := range v.acceptRE {
		if re.MatchString(word) {
			return true
		}
	}
	return false
}

// rejected finds the config's rejected words in text.
func (sp *speller) rejected(l lint.Lang, text string) []hit {
	v := sp.vocab[l]
	if v == nil || v.rejectRE == nil {
		return nil
	}
	// Lowering in the language keeps byte offsets only when no letter
	// changes length; İ (2 bytes) lowers to i (1) in Turkish casing, so
	// the text is searched as written with (?i), which matches both.
	var hits []hit
	for _, m := range v.rejectRE.FindAllStringSubmatchIndex(text, -1) {
		if v.reject[lint.Lower(l, text[m[2]:m[3]])] {
			hits = append(hits, hit{start: m[2], end: m[3], rejected: true})
		}
	}
	return hits
}

// asciiLetters reports whether every letter of text is ASCII.
func asciiLetters(text string) bool {
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			i++ // most of a text: no rune to decode
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) {
			return false
		}
		i += w
	}
	return true
}
