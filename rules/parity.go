package rules

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/placeholder"
	"gopkg.in/yaml.v3"
)

var parityData = loadData("parity.yaml")

// ParityOptions configures the parity rule.
type ParityOptions struct {
	// Source is the language translations are made from.
	Source string `yaml:"source"`
	// Missing reports texts of the source that a translation lacks; switch
	// it off where the app falls back to the source language on purpose.
	Missing bool `yaml:"missing"`
	// Untranslated reports translations that are the source text itself,
	// or read as the source language.
	Untranslated bool `yaml:"untranslated"`
	// MinWords is how many words a text needs before being the same as its
	// source counts as untranslated: "OK", "E-mail" and brand names are the
	// same in every language.
	MinWords int `yaml:"min_words"`
}

var parityDefaults = ParityOptions{Source: "en", Missing: true, Untranslated: true, MinWords: 3}

// Parity compares each translation with its source locale.
var Parity = &lint.Rule{
	Name: "parity",
	Doc: lint.Doc{
		Title: "translation out of step with its source",
		Text: `Compares every translation with the source language (English unless the config says
source: tr): texts missing from the translation or only in it, placeholders the translation drops, adds
or renames ({{first_name}} in English, {{ad}} in Turkish: the sending system fills only the first), plural
forms the language needs (Turkish and Azerbaijani: one and other; in ICU plurals, and in plural keys:
cart_one, cart.one, Android's <plurals> items), and texts left untranslated (the same as the source, or
still in the source language). Files are paired by path: locales/en.json with locales/tr.json,
en/chat.yaml with tr/chat.yaml, Android's res/values/ (the source language; lang: in the config or --lang says which
when it is not English) with res/values-tr/ and res/values-b+az+Latn/; in one library, templates with the same id in
two languages. A file read as a stream is not compared, and the run says so. Each finding points at the translation's line and quotes the source text. Where the app
shows the source text for what a translation lacks on purpose, missing: false leaves those out.`,
		Why: `A customer who writes in Turkish and gets "Hi {{first_name}}" in English, or "Merhaba ," with the
name dropped, sees a brand that did not finish its work.`,
		Examples: parityData.Examples,
		Severity: lint.Warning,
		Default:  true,
	},
	Options: parityDefaults,
	New: func(node *yaml.Node) (lint.Check, error) {
		_, err := parityOptions(node)
		return nil, err
	},
	SetKeeps: pairs,
	NewSet: func(node *yaml.Node) (lint.SetCheck, error) {
		o, err := parityOptions(node)
		if err != nil {
			return nil, err
		}
		return func(files [][]*lint.Message, report func(*lint.Message, lint.Diagnostic)) {
			checkParity(o, files, report)
		}, nil
	},
}

type parityConfig struct {
	ParityOptions
	source lint.Lang
	plural map[lint.Lang]map[string]bool
}

func parityOptions(node *yaml.Node) (*parityConfig, error) {
	o, err := lint.DecodeOptions(node, parityDefaults)
	if err != nil {
		return nil, err
	}
	src, err := lint.ParseLang(o.Source)
	if err != nil {
		return nil, fmt.Errorf("source: %v", err)
	}
	return &parityConfig{ParityOptions: o, source: src, plural: parityData.WordSets("plural")}, nil
}

// locale is the messages of one language from one file, or from one file
// that holds several languages.
type locale struct {
	lang   lint.Lang
	msgs   []*lint.Message
	byID   map[string]*lint.Message
	shared bool // the file holds other languages too
}

func checkParity(o *parityConfig, files [][]*lint.Message, report func(*lint.Message, lint.Diagnostic)) {
	groups := map[string][]*locale{}
	var keys []string
	for _, msgs := range files {
		for _, loc := range locales(msgs) {
			key := msgs[0].Source.Path
			if !loc.shared {
				if key = localeKey(key, loc.lang); key == "" {
					continue // a file whose path names no language pairs with nothing
				}
			}
			if groups[key] == nil {
				keys = append(keys, key)
			}
			groups[key] = append(groups[key], loc)
		}
	}
	for _, k := range keys {
		g := groups[k]
		i := slices.IndexFunc(g, func(l *locale) bool { return l.lang == o.source })
		if i < 0 {
			continue
		}
		for _, tgt := range g {
			if tgt.lang != o.source {
				compareLocale(o, g[i], tgt, report)
			}
		}
	}
}

// pairs tells a message that can have a translation: one whose language
// is declared and whose id is its own.
func pairs(m *lint.Message) bool {
	return !m.LangDetected && m.ID != "" && !strings.HasPrefix(m.ID, "#")
}

// locales splits a file's messages by language. Messages whose language
// was guessed from their text, and those with no id of their own, take no
// part: nothing says which text they translate.
func locales(msgs []*lint.Message) []*locale {
	var out []*locale
	for _, m := range msgs {
		if !pairs(m) {
			continue
		}
		i := slices.IndexFunc(out, func(l *locale) bool { return l.lang == m.Lang })
		if i < 0 {
			out = append(out, &locale{lang: m.Lang, byID: map[string]*lint.Message{}})
			i = len(out) - 1
		}
		if _, dup := out[i].byID[keyOf(m)]; !dup {
			out[i].byID[keyOf(m)] = m
			out[i].msgs = append(out[i].msgs, m)
		}
	}
	for _, l := range out {
		l.shared = len(out) > 1
	}
	return out
}

// keyOf is a message's id without a Rails-style root key that names its
// language (en.checkout.title, tr.checkout.title): what translations share.
func keyOf(m *lint.Message) string {
	root, rest, ok := strings.Cut(m.ID, ".")
	if ok {
		if l, err := lint.ParseLang(root); err == nil && l == m.Lang && localeKey(root, l) == "*" {
			return rest
		}
	}
	return m.ID
}

// localeKey is a path with the part that names its language replaced by
// "*", so that files of one key space in two languages share it:
// locales/en.json and locales/tr.json, en/chat.yaml and tr/chat.yaml,
// messages.en-US.json; Android's res/values/ (the source language) with
// values-tr/ and values-b+az+Latn/. "" when the path does not name the
// language.
func localeKey(path string, l lint.Lang) string {
	if k, ok := androidKey(path, l); ok {
		return k
	}
	lower := strings.ToLower(path)
	code := string(l)
	start, end := -1, -1
	for i := 0; i+len(code) <= len(lower); i++ {
		if i > 0 && !strings.ContainsRune("/\\._-", rune(lower[i-1])) || !strings.HasPrefix(lower[i:], code) {
			continue
		}
		e := i + len(code)
		for n := subtag(lower[e:]); n > 0; n = subtag(lower[e:]) {
			e += n
		}
		if e == len(lower) || strings.ContainsRune("/\\._-", rune(lower[e])) {
			start, end = i, e // the last one names the file's language
			i = e
		}
	}
	if start < 0 {
		return ""
	}
	return path[:start] + "*" + path[end:]
}

// androidKey is an Android resource path with the language qualifiers of
// its values folder left out: res/values-tr-rTR/strings.xml and
// res/values-b+az+Latn/strings.xml are res/values/strings.xml, the folder
// without one holding the source language. Other qualifiers (night, v21)
// stay. ok is false for a path that is no values folder's XML file.
func androidKey(path string, l lint.Lang) (string, bool) {
	slash := strings.LastIndexAny(path, "/\\")
	dirEnd := slash
	dirStart := strings.LastIndexAny(path[:max(dirEnd, 0)], "/\\") + 1
	if slash < 0 || !strings.EqualFold(filepath.Ext(path), ".xml") {
		return "", false
	}
	dir := path[dirStart:dirEnd]
	if dir != "values" && !strings.HasPrefix(dir, "values-") {
		return "", false
	}
	code := string(l)
	qs := strings.Split(dir, "-")[1:]
	keep := []string{"values"}
	for i := 0; i < len(qs); i++ {
		q := strings.ToLower(qs[i])
		switch {
		case strings.HasPrefix(q, "b+") && strings.SplitN(q[2:], "+", 2)[0] == code:
			continue // values-b+az+Latn
		case q == code:
			if i+1 < len(qs) && len(qs[i+1]) == 3 && qs[i+1][0] == 'r' {
				i++ // values-tr-rTR
			}
			continue
		}
		keep = append(keep, qs[i])
	}
	return path[:dirStart] + strings.Join(keep, "-") + path[dirEnd:], true
}

// subtag is the length of a region or script subtag at the start of s
// (-tr, _TR, -419, -latn), 0 if there is none.
func subtag(s string) int {
	if len(s) < 3 || s[0] != '-' && s[0] != '_' {
		return 0
	}
	end := func(n int) bool { return len(s) == n || strings.ContainsRune("/\\._-", rune(s[n])) }
	all := func(n int, f func(rune) bool) bool {
		return strings.IndexFunc(s[1:n], func(r rune) bool { return !f(r) }) < 0
	}
	isLetter := func(r rune) bool { return r >= 'a' && r <= 'z' }
	isDigit := func(r rune) bool { return r >= '0' && r <= '9' }
	switch {
	case len(s) >= 3 && end(3) && all(3, isLetter):
		return 3
	case len(s) >= 4 && end(4) && all(4, isDigit):
		return 4
	case len(s) >= 5 && end(5) && slices.Contains([]string{"latn", "cyrl", "arab", "hans", "hant"}, s[1:5]):
		return 5
	}
	return 0
}

var pluralCategories = []string{"zero", "one", "two", "few", "many", "other"}

// pluralForms are how locale files key a text's plural forms: i18next's
// cart_one, Rails' cart.one, Android's <plurals name="cart"> items
// (cart[one]), a string catalog's cart[plural.one].
var pluralForms = []struct{ before, after string }{{"_", ""}, {".", ""}, {"[", "]"}, {"[plural.", "]"}}

// pluralGroup is a plural text's base key and how its forms are keyed.
type pluralGroup struct {
	base string
	form int // index in pluralForms
}

func (g pluralGroup) key(cat string) string {
	return g.base + pluralForms[g.form].before + cat + pluralForms[g.form].after
}

// pluralKey splits a plural form's key (cart_one, cart.one, cart[one])
// into its group and category.
func pluralKey(id string) (g pluralGroup, cat string, ok bool) {
	for f, p := range pluralForms {
		rest, ok := strings.CutSuffix(id, p.after)
		if !ok {
			continue
		}
		i := strings.LastIndex(rest, p.before)
		if i <= 0 || !slices.Contains(pluralCategories, rest[i+len(p.before):]) {
			continue
		}
		return pluralGroup{rest[:i], f}, rest[i+len(p.before):], true
	}
	return pluralGroup{}, "", false
}

func compareLocale(o *parityConfig, src, tgt *locale, report func(*lint.Message, lint.Diagnostic)) {
	srcName, tgtName := lint.LangName(src.lang), lint.LangName(tgt.lang)
	// Keys whose plural forms the translation has by its own language's
	// rules, not the source's: checked by base.
	plurals := map[pluralGroup]bool{}
	forms := map[pluralGroup]int{}
	for _, m := range src.msgs {
		if g, _, ok := pluralKey(keyOf(m)); ok {
			forms[g]++
		}
	}
	// A base with an "other" form and another plural form; one _other
	// alone is a word (subject_own, subject_other). Android's <plurals>
	// are plural forms by what they are.
	for g, n := range forms {
		if (n >= 2 || pluralForms[g.form].after != "") && src.byID[g.key("other")] != nil {
			plurals[g] = true
		}
	}
	isPlural := func(id string) bool {
		g, _, ok := pluralKey(id)
		return ok && plurals[g]
	}
	if !tgt.shared {
		var last *lint.Message // the translation's message before a missing one
		for _, m := range src.msgs {
			if t := tgt.byID[keyOf(m)]; t != nil {
				last = t
				continue
			}
			if isPlural(keyOf(m)) || !o.Missing || wordCount(prose(m)) == 0 {
				continue // a link, a number or a placeholder alone needs no translation
			}
			report(missingAt(tgt, last, keyOf(m)), lint.Diagnostic{
				Message: fmt.Sprintf("%q has no %s translation (%s: %s)", keyOf(m), tgtName, src.lang, quote(m.Body.Text)),
			})
		}
		for _, t := range tgt.msgs {
			if src.byID[keyOf(t)] == nil && !isPlural(keyOf(t)) {
				report(t, lint.Diagnostic{Message: fmt.Sprintf("%q is not in the %s source, so nothing shows it", keyOf(t), srcName)})
			}
		}
		checkPluralKeys(o, src, tgt, plurals, report)
	}
	for _, t := range tgt.msgs {
		s := src.byID[keyOf(t)]
		if s == nil {
			continue
		}
		comparePlaceholders(s, t, report)
		checkICUPlurals(o, t, report)
		if o.Untranslated {
			checkUntranslated(o, s, t, report)
		}
	}
}

// missingAt is where a missing text is reported: the line of the
// translation's text before it, or the file's start.
func missingAt(tgt *locale, before *lint.Message, id string) *lint.Message {
	m := &lint.Message{ID: id, Lang: tgt.lang, Source: tgt.msgs[0].Source}
	if before != nil {
		m.Offset = before.Offset
	}
	return m
}

func checkPluralKeys(o *parityConfig, src, tgt *locale, plurals map[pluralGroup]bool, report func(*lint.Message, lint.Diagnostic)) {
	need := o.plural[tgt.lang]
	if need == nil {
		return
	}
	var groups []pluralGroup
	for g := range plurals {
		groups = append(groups, g)
	}
	slices.SortFunc(groups, func(a, b pluralGroup) int { return strings.Compare(a.key(""), b.key("")) })
	for _, g := range groups {
		var at *lint.Message
		for _, c := range pluralCategories {
			if t := tgt.byID[g.key(c)]; t != nil && at == nil {
				at = t
			}
		}
		source := src.byID[g.key("other")]
		if at == nil && !o.Missing {
			continue
		}
		if at == nil { // no form at all: the text is missing
			report(missingAt(tgt, nil, g.base), lint.Diagnostic{
				Message: fmt.Sprintf("%q has no %s translation (%s: %s)", g.key("other"), lint.LangName(tgt.lang), src.lang, quote(source.Body.Text)),
			})
			continue
		}
		for _, c := range pluralCategories {
			if !need[c] || tgt.byID[g.key(c)] != nil {
				continue
			}
			report(at, lint.Diagnostic{
				Message: fmt.Sprintf("%q has no %q form, which %s needs (%s: %s)", g.base, c, lint.LangName(tgt.lang), src.lang,
					quote(source.Body.Text)),
				Severity: lint.Error,
			})
		}
	}
}

// holder is a placeholder as translations are compared: by system and
// name, printf conversions by their place.
type holder struct {
	key, raw string
	span     lint.Span
}

func holders(m *lint.Message) []holder {
	var out []holder
	seen := map[string]bool{}
	n := 0
	for _, ph := range m.Placeholders() {
		if ph.Problem != "" || ph.Unfilled || ph.Name == "#" || ph.Type == "tag" {
			continue
		}
		key := familyName(ph)
		if ph.Syntax == placeholder.Printf {
			key = printfKey(ph.Name, &n)
		}
		if !seen[key] {
			seen[key] = true
			out = append(out, holder{key, m.Body.Text[ph.Start:ph.End], lint.Span{Start: ph.Start, End: ph.End}})
		}
	}
	return out
}

// printfKey is a conversion's place and verb: %s then %d are 1s and 2d, as
// are %1$s and %2$d; a translation may reorder them only with positions.
func printfKey(conv string, n *int) string {
	verb := conv[len(conv)-1:]
	if i := strings.IndexByte(conv, '$'); i > 0 {
		return "printf\x00" + conv[1:i] + verb
	}
	*n++
	return "printf\x00" + strconv.Itoa(*n) + verb
}

func comparePlaceholders(src, tgt *lint.Message, report func(*lint.Message, lint.Diagnostic)) {
	sh, th := holders(src), holders(tgt)
	has := func(hs []holder, key string) bool {
		return slices.ContainsFunc(hs, func(h holder) bool { return h.key == key })
	}
	var dropped, added []holder
	for _, h := range sh {
		if !has(th, h.key) {
			dropped = append(dropped, h)
		}
	}
	for _, h := range th {
		if !has(sh, h.key) {
			added = append(added, h)
		}
	}
	srcText := fmt.Sprintf("(%s: %s)", src.Lang, quote(src.Body.Text))
	if len(dropped) == 1 && len(added) == 1 {
		report(tgt, lint.Diagnostic{Span: added[0].span, Severity: lint.Error,
			Message:    fmt.Sprintf("renames %s to %s, which the sending system does not fill %s", dropped[0].raw, added[0].raw, srcText),
			Suggestion: dropped[0].raw})
		return
	}
	for _, h := range dropped {
		if impliesNumber(keyOf(tgt)) {
			continue // "one message", "bir mesaj": the form says the number
		}
		report(tgt, lint.Diagnostic{Severity: lint.Error,
			Message: fmt.Sprintf("the translation drops %s %s", h.raw, srcText)})
	}
	for _, h := range added {
		if impliesNumber(keyOf(tgt)) {
			continue // "1 message" where the source says "one message"
		}
		report(tgt, lint.Diagnostic{Span: h.span, Severity: lint.Error,
			Message: fmt.Sprintf("%s is not in the source, so nothing fills it %s", h.raw, srcText)})
	}
}

// impliesNumber tells a key of a plural form that stands for one number
// (cart_one, minutes[one], count.zero), whose text may leave the number out
// or write it where its source does not.
func impliesNumber(id string) bool {
	id = strings.TrimSuffix(id, "]")
	for _, c := range []string{"zero", "one", "two"} {
		for _, sep := range []string{"_", ".", "["} {
			if strings.HasSuffix(id, sep+c) {
				return true
			}
		}
	}
	return false
}

// checkICUPlurals reports the plural forms an ICU plural argument lacks that
// the message's language needs.
func checkICUPlurals(o *parityConfig, m *lint.Message, report func(*lint.Message, lint.Diagnostic)) {
	need := o.plural[m.Lang]
	if need == nil {
		return
	}
	for _, ph := range m.Placeholders() {
		if ph.Type != "plural" || ph.Problem != "" {
			continue
		}
		var missing []string
		for _, c := range pluralCategories {
			if need[c] && !slices.ContainsFunc(ph.Cases, func(k placeholder.Case) bool { return k.Key == c }) {
				missing = append(missing, c)
			}
		}
		if len(missing) == 0 {
			continue
		}
		sev := lint.Warning
		if slices.Contains(missing, "other") {
			sev = lint.Error
		}
		report(m, lint.Diagnostic{Span: lint.Span{Start: ph.Start, End: ph.End}, Severity: sev,
			Message: fmt.Sprintf("plural {%s} has no %s form, which %s needs (%s)", ph.Name, strings.Join(missing, ", "),
				lint.LangName(m.Lang), strings.Join(sortedCategories(need), ", "))})
	}
}

func sortedCategories(set map[string]bool) []string {
	var out []string
	for _, c := range pluralCategories {
		if set[c] {
			out = append(out, c)
		}
	}
	return out
}

// checkUntranslated reports a translation that is its source text, or
// that reads as the source language.
func checkUntranslated(o *parityConfig, src, tgt *lint.Message, report func(*lint.Message, lint.Diagnostic)) {
	text := prose(tgt)
	words := wordCount(text)
	if words < o.MinWords {
		return
	}
	if strings.TrimSpace(tgt.Body.Text) == strings.TrimSpace(src.Body.Text) {
		report(tgt, lint.Diagnostic{Message: fmt.Sprintf("not translated: the same text as the source (%s: %s)", src.Lang, quote(src.Body.Text))})
		return
	}
	if words < 2*o.MinWords {
		return // too short to tell a language by
	}
	// Still in the source language: mostly the source's own words, and
	// read as that language. A translation shares names and numbers with
	// its source, not half its words.
	if shared(text, prose(src)) < 0.5 {
		return
	}
	if l, ok := lint.DetectLang(text); ok && l == src.Lang && l != tgt.Lang {
		report(tgt, lint.Diagnostic{Message: fmt.Sprintf("not translated: this reads as %s, not %s (%s: %s)",
			lint.LangName(l), lint.LangName(tgt.Lang), src.Lang, quote(src.Body.Text))})
	}
}

var markupRE = regexp.MustCompile(`<[^<>\n]+>`)

// prose is the text a reader reads: no placeholders, markup, links, paths,
// addresses or code names.
func prose(m *lint.Message) string {
	t := m.Masked()
	if strings.IndexByte(t, '<') >= 0 {
		t = markupRE.ReplaceAllStringFunc(t, func(s string) string { return strings.Repeat(" ", len(s)) })
	}
	t = blank(t)
	if strings.ContainsAny(t, "_:") {
		t = codeRE().ReplaceAllStringFunc(t, func(s string) string { return strings.Repeat(" ", len(s)) })
	}
	return t
}

// codeRE matches a name from code: words joined by _ or :: (Doorkeeper::Config.auth_time).
var codeRE = lazyRegexp(`[\pL\pN.]*(?:_|::)[\pL\pN_:.]*`)

// shared is the share of a text's words that its source has too.
func shared(text, source string) float64 {
	// Words of three letters or more: "CC BY" tells nothing.
	words := func(s string) []string {
		return slices.DeleteFunc(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }),
			func(w string) bool { return len([]rune(w)) < 3 })
	}
	in := map[string]bool{}
	for _, w := range words(source) {
		in[w] = true
	}
	ws := words(text)
	n := 0
	for _, w := range ws {
		if in[w] {
			n++
		}
	}
	if len(ws) == 0 {
		return 0
	}
	return float64(n) / float64(len(ws))
}

// wordCount counts the words of two or more letters.
func wordCount(s string) int {
	n := 0
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len([]rune(w)) >= 2 {
			n++
		}
	}
	return n
}

// quote quotes a source text for a message, cut to a readable length.
func quote(s string) string {
	const most = 60
	if r := []rune(s); len(r) > most {
		s = string(r[:most-1]) + "…"
	}
	return strconv.Quote(s)
}
