package load

import (
	"bufio"
	"bytes"
	"embed"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/placeholder"
	"gopkg.in/yaml.v3"
)

//go:embed data/iso639.txt data/kinds.yaml
var dataFS embed.FS

// languageSubtags are the language subtags of real locale codes
// (data/iso639.txt): two-letter ISO 639-1 codes, and three-letter ISO 639-2
// codes of languages that have no two-letter one.
var languageSubtags = func() map[string]bool {
	data, err := dataFS.ReadFile("data/iso639.txt")
	if err != nil {
		panic(err)
	}
	codes := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		code, _, _ := strings.Cut(line, "\t")
		codes[code] = true
	}
	return codes
}()

// localeCode is a locale code as files and folders write it: a language,
// then an optional script (four letters) and region (two letters or three
// digits), joined by - or _ (tr, tr-TR, tr_TR, az-Latn-AZ, es-419). Android
// writes a region as rTR (values-tr-rTR).
var localeCode = regexp.MustCompile(`^([a-z]{2,3})(?:[-_]([A-Za-z]{4}))?(?:[-_]r?([A-Za-z]{2}|[0-9]{3}))?$`)

// parseLocale reads a locale code and returns it in BCP 47 form. A bare
// three-letter language counts only where bare3 says so: as a folder name,
// bin/, new/ and min/ are more often words than Bini, Newari or Minangkabau.
func parseLocale(s string, bare3 bool) (string, bool) {
	m := localeCode.FindStringSubmatch(s)
	if m == nil || !languageSubtags[m[1]] {
		return "", false
	}
	if len(m[1]) == 3 && m[2] == "" && m[3] == "" && !bare3 {
		return "", false
	}
	code := m[1]
	if m[2] != "" {
		code += "-" + strings.ToUpper(m[2][:1]) + strings.ToLower(m[2][1:])
	}
	if m[3] != "" {
		code += "-" + strings.ToUpper(m[3])
	}
	return code, true
}

// errOtherLocale marks a locale file in a language msglint does not check.
var errOtherLocale = errors.New("locale in a language msglint does not check")

// otherLocaleError is errOtherLocale naming the locale, so that a run can
// list the languages it passed over.
type otherLocaleError struct{ locale string }

func (e *otherLocaleError) Error() string {
	return fmt.Sprintf("%s: %v", e.locale, errOtherLocale)
}

func (e *otherLocaleError) Is(target error) bool { return target == errOtherLocale }

// OtherLocale tells whether err says an input is in a language msglint does
// not check, and which locale that is.
func OtherLocale(err error) (string, bool) {
	var e *otherLocaleError
	if errors.As(err, &e) {
		return e.locale, true
	}
	return "", false
}

// langOf turns a locale code into the language msglint checks it in, or an
// error naming a locale in another language.
func langOf(code string) (lint.Lang, error) {
	if l, err := lint.ParseLang(code); err == nil {
		return l, nil
	}
	return "", &otherLocaleError{locale: code}
}

// errNoLocale says what names a locale file's language.
var errNoLocale = errors.New("cannot tell the language of this locale file: name it like tr.json or messages.tr.json, or put it in a folder named like locales/az/")

// localeOfName finds a locale code in a file name: the whole name less its
// extension (tr.json, en_US.yaml), one of its dotted parts (tr.i18n.json,
// messages.tr.json, devise.az.yml), or what follows its last - or _
// (strings-tr.xml, app_tr.arb, main-az.json, messages_en_US.json).
func localeOfName(base string) (string, bool) {
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	if c, ok := parseLocale(stem, true); ok {
		return c, true
	}
	parts := strings.Split(stem, ".")
	for i := len(parts) - 1; i >= 0 && len(parts) > 1; i-- {
		if c, ok := parseLocale(parts[i], true); ok {
			return c, true
		}
	}
	words := strings.FieldsFunc(stem, func(r rune) bool { return r == '-' || r == '_' || r == '.' })
	for i := 1; i < len(words); i++ {
		if c, ok := parseLocale(strings.Join(words[i:], "-"), false); ok {
			return c, true
		}
	}
	return "", false
}

// localeOfDir finds a locale code in a folder name: locales/tr/,
// values-tr-rTR/ and values-b+az+Latn/ (Android), tr.lproj/ (Apple).
func localeOfDir(name string) (string, bool) {
	if q, ok := strings.CutPrefix(name, "values-"); ok {
		return androidQualifier(q)
	}
	if l, ok := strings.CutSuffix(name, ".lproj"); ok {
		return parseLocale(l, true)
	}
	return parseLocale(name, false)
}

// androidQualifier finds the language among an Android resource folder's
// qualifiers (values-mcc310-tr-rTR-night, values-b+az+Latn+AZ). Android
// names a language by two letters there, three only after b+, so
// values-car (the car UI mode) is no language.
func androidQualifier(q string) (string, bool) {
	if b, ok := strings.CutPrefix(q, "b+"); ok {
		return parseLocale(strings.ReplaceAll(strings.SplitN(b, "-", 2)[0], "+", "-"), true)
	}
	qs := strings.Split(q, "-")
	for i, s := range qs {
		if i+1 < len(qs) && strings.HasPrefix(qs[i+1], "r") {
			if c, ok := parseLocale(s+"-"+qs[i+1], false); ok {
				return c, true
			}
		}
		if c, ok := parseLocale(s, false); ok {
			return c, true
		}
	}
	return "", false
}

// localeOfPath finds a locale file's locale code from its name or, failing
// that, the nearest folder named like a locale (locales/az/common.yaml,
// values-az/strings.xml). src/, app/ and tmp/ are no locale.
func localeOfPath(path string) (string, bool) {
	dir, base := filepath.Split(filepath.Clean(path))
	if c, ok := localeOfName(base); ok {
		return c, true
	}
	dirs := strings.Split(filepath.ToSlash(filepath.Clean(dir)), "/")
	for i := len(dirs) - 1; i >= 0; i-- {
		if c, ok := localeOfDir(dirs[i]); ok {
			return c, true
		}
	}
	return "", false
}

// localeOf finds a locale file's language from its path.
func localeOf(path string) (lint.Lang, error) {
	code, ok := localeOfPath(path)
	if !ok {
		return "", errNoLocale
	}
	return langOf(code)
}

// keyKinds is data/kinds.yaml: the words of a key that give a locale
// string its kind, and the slot words that only say "the text of".
var keyKinds = func() (k struct {
	slots map[string]bool
	kinds []kindWord
}) {
	data, err := dataFS.ReadFile("data/kinds.yaml")
	if err != nil {
		panic(err)
	}
	var raw struct {
		Slots []string `yaml:"slots"`
		Kinds []struct {
			Kind        string   `yaml:"kind"`
			Words       []string `yaml:"words"`
			Within      []string `yaml:"within"`
			AloneWithin []string `yaml:"alone_within"`
		} `yaml:"kinds"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&raw); err != nil {
		panic(err)
	}
	k.slots = map[string]bool{}
	for _, s := range raw.Slots {
		k.slots[s] = true
	}
	for _, r := range raw.Kinds {
		kind, err := lint.ParseKind(r.Kind)
		if err != nil {
			panic(err)
		}
		for _, w := range r.Words {
			k.kinds = append(k.kinds, kindWord{kind: kind, word: w, within: r.Within, aloneWithin: r.AloneWithin})
		}
	}
	return k
}()

type kindWord struct {
	kind   lint.Kind
	word   string   // words joined by _: out_of_office
	within []string // words one of which the key path must also hold
	// aloneWithin: the same, only when the word is the whole key (no slot words)
	aloneWithin []string
}

// keyWords splits one key of a path into lower-case words at underscores,
// hyphens, spaces and camelCase humps: welcomeMessage, OUT_OF_OFFICE.
func keyWords(key string) []string {
	var words []string
	var cur []rune
	rs := []rune(key)
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	for i, r := range rs {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
			continue
		case unicode.IsUpper(r) && i > 0 && unicode.IsLower(rs[i-1]):
			flush()
		case unicode.IsUpper(r) && i > 0 && i+1 < len(rs) && unicode.IsUpper(rs[i-1]) && unicode.IsLower(rs[i+1]):
			flush() // HTTPError: HTTP, Error
		}
		cur = append(cur, r)
	}
	flush()
	return words
}

// kindOfKey infers a locale string's kind from its key path: the config's
// globs first (glob is true), then data/kinds.yaml's words, which must make
// up the string's key (less slot words), or the key above a key of slot
// words alone.
func (o Options) kindOfKey(key string) (kind lint.Kind, from string, glob bool) {
	if key == "" {
		return "", "", false
	}
	if g, ok := o.Kinds.Match(key); ok {
		return g.Kind, fmt.Sprintf("kinds: %q", g.Glob), true
	}
	keys := strings.Split(key, ".")
	var all []string
	for _, k := range keys {
		all = append(all, keyWords(k)...)
	}
	for i := len(keys) - 1; i >= 0; i-- {
		var rest []string
		words := keyWords(keys[i])
		for _, w := range words {
			if !keyKinds.slots[w] && strings.Trim(w, "0123456789") != "" {
				rest = append(rest, w)
			}
		}
		if len(rest) == 0 {
			continue // offline.message, fallback.0: the key above says
		}
		joined := strings.Join(rest, "_")
		for _, kw := range keyKinds.kinds {
			within := kw.within
			if len(rest) == len(words) && kw.aloneWithin != nil {
				within = kw.aloneWithin
			}
			if joined == kw.word && (within == nil || slices.ContainsFunc(within, func(w string) bool { return slices.Contains(all, w) })) {
				return kw.kind, fmt.Sprintf("key %q", kw.word), false
			}
		}
		return "", "", false
	}
	return "", "", false
}

// isLabel tells a label (Closed, Offline, End chat: a tab, a status, a
// button) from a message: at most two words and no sentence punctuation. A
// key's word says what a message is for, not what a label is.
func isLabel(text string) bool {
	return len(strings.Fields(text)) <= 2 && !strings.ContainsAny(text, ".!?…")
}

// localeString is one string of a locale file, as each locale format reads it.
type localeString struct {
	id   string     // what findings name it by: a key path, an Android name[one]
	key  string     // the key path its kind is inferred from; "" for none
	text lint.Field // the string, mapped back to the file
	off  int        // file offset of its definition
	// syntax is the string's own placeholder systems where its format
	// says them per string (a PO entry's c-format); 0: the file's.
	syntax placeholder.Syntax
}

// localeMessages turns a locale file's strings into messages in one
// language, with kinds inferred from their key paths and the placeholder
// systems of their format (syn, or a string's own). Blank strings are no
// messages.
func (o Options) localeMessages(src *lint.Source, lang lint.Lang, syn placeholder.Syntax, strs []localeString) []*lint.Message {
	def := o.defaults()
	def.lang = lang
	var msgs []*lint.Message
	for _, s := range strs {
		if strings.TrimSpace(s.text.Text) == "" {
			continue
		}
		m := &lint.Message{ID: s.id, Body: s.text, Source: src, Offset: s.off, Syntax: syn}
		if s.syntax != 0 {
			m.Syntax = s.syntax
		}
		if m.Syntax != 0 {
			// A slot ([Customer Name]) is left for a person, not a
			// system, to fill in: one in any format is unfinished text.
			m.Syntax |= placeholder.Slot
		}
		if k, from, glob := o.kindOfKey(s.key); glob || !isLabel(s.text.Text) {
			m.Kind, m.KindFrom = k, from
		}
		finish(m, def)
		msgs = append(msgs, m)
	}
	return msgs
}

// localeLang is the language of a locale file: what the file says (a PO
// header, an XLIFF target-language, an ARB @@locale), else its path.
func localeLang(path, said string) (lint.Lang, error) {
	if c, ok := parseLocale(strings.TrimSpace(said), true); ok {
		return langOf(c)
	}
	return localeOf(path)
}
