package dict

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file reads the part of the Hunspell format that the shipped
// dictionaries use (and a little more, where it costs a few lines), and
// expands a dictionary to its word forms. It runs in the generator, not at
// lookup time: lookups go through the compiled word list, which is smaller
// and faster than stripping affixes at run time (the Turkish .aff has 6,600
// suffix classes). It is exported so that a user's own Hunspell files can be
// compiled the same way.
//
// Supported: SET UTF-8, FLAG (single byte, long, num, UTF-8), AF aliases,
// PFX/SFX with strip, conditions and cross products, one level of
// continuation classes on suffixes, ICONV/OCONV, NOSUGGEST, FORBIDDENWORD,
// NEEDAFFIX and ONLYINCOMPOUND. Compounding (COMPOUNDRULE and friends) is
// not: the shipped files use it only for ordinal numbers, which msglint
// never checks.
//
// Checked against Hunspell 1.7 itself: the en_US expansion is exactly the
// output of its unmunch tool but for the three ONLYINCOMPOUND ordinal parts
// (1th, 2th, 3th), and hunspell accepts every form of a 19,000-form sample of
// the Turkish expansion (unmunch cannot read FLAG num) and rejects the
// stacked forms this list lacks (kargonuza, siparişinizdeki).

// flag is one affix or attribute flag, whatever its spelling in the file.
type flag uint32

type flagMode int

const (
	flagByte flagMode = iota // the default: each byte is a flag
	flagLong                 // two characters a flag
	flagNum                  // decimal numbers separated by commas
	flagUTF8                 // each rune is a flag
)

// maxLineBytes bounds one line of an .aff or .dic file; longer lines are an
// error rather than a way to make the reader hold unbounded memory.
const maxLineBytes = 1 << 20

// affix is one PFX or SFX rule.
type affix struct {
	strip, add string
	cond       []condElem
	cont       []flag // continuation classes: affixes that may follow this one
}

// condElem is one position of a condition: any rune, or a set of runes
// (negated or not).
type condElem struct {
	any   bool
	neg   bool
	runes []rune
}

func (c condElem) match(r rune) bool {
	if c.any {
		return true
	}
	in := false
	for _, x := range c.runes {
		if x == r {
			in = true
			break
		}
	}
	return in != c.neg
}

// affixClass is the rules that share one flag.
type affixClass struct {
	prefix bool
	cross  bool // may combine with an affix of the other kind
	rules  []affix
	left   int // rules still to read after the header
}

// Hunspell is a parsed .aff/.dic pair.
type Hunspell struct {
	Lang        string
	Iconv       [][2]string // input conversions: typographic forms to the dictionary's
	Oconv       [][2]string
	classes     map[flag]*affixClass
	mode        flagMode
	aliases     [][]flag
	noSuggest   flag
	forbidden   flag
	needAffix   flag
	onlyInCompd flag
	stems       []stem
}

type stem struct {
	word  string
	flags []flag
}

// ParseHunspell reads an .aff and a .dic file. It never panics on malformed
// input: what it cannot read is an error that names the line.
func ParseHunspell(aff, dic io.Reader) (*Hunspell, error) {
	h := &Hunspell{classes: map[flag]*affixClass{}}
	if err := h.readAff(aff); err != nil {
		return nil, err
	}
	if err := h.readDic(dic); err != nil {
		return nil, err
	}
	return h, nil
}

func newScanner(r io.Reader) *bufio.Scanner {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxLineBytes)
	return sc
}

func (h *Hunspell) readAff(r io.Reader) error {
	sc := newScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if n == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		if err := h.affLine(f); err != nil {
			return fmt.Errorf("aff line %d: %w", n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("aff: %w", err)
	}
	return nil
}

func (h *Hunspell) affLine(f []string) error {
	arg := func(i int) string {
		if i < len(f) {
			return f[i]
		}
		return ""
	}
	switch f[0] {
	case "SET":
		// Only UTF-8 is read: every shipped file is UTF-8, and a wrong guess
		// at an 8-bit code page would silently corrupt every word.
		if e := strings.ToUpper(arg(1)); e != "UTF-8" && e != "UTF8" {
			return fmt.Errorf("encoding %q not supported (convert the files to UTF-8)", arg(1))
		}
	case "LANG":
		h.Lang = arg(1)
	case "FLAG":
		switch strings.ToLower(arg(1)) {
		case "long":
			h.mode = flagLong
		case "num":
			h.mode = flagNum
		case "utf-8", "utf8":
			h.mode = flagUTF8
		default:
			return fmt.Errorf("unknown FLAG type %q", arg(1))
		}
	case "AF":
		if len(f) < 2 {
			return fmt.Errorf("AF without flags")
		}
		// The first AF line gives the count; the ones after it the sets.
		if _, err := strconv.Atoi(f[1]); err == nil && h.aliases == nil {
			h.aliases = [][]flag{}
			return nil
		}
		fl, err := h.parseFlags(f[1])
		if err != nil {
			return err
		}
		h.aliases = append(h.aliases, fl)
	case "ICONV", "OCONV":
		if len(f) < 3 {
			return nil // the count line
		}
		p := [2]string{f[1], f[2]}
		if f[0] == "ICONV" {
			h.Iconv = append(h.Iconv, p)
		} else {
			h.Oconv = append(h.Oconv, p)
		}
	case "NOSUGGEST", "FORBIDDENWORD", "NEEDAFFIX", "ONLYINCOMPOUND":
		fl, err := h.parseFlags(arg(1))
		if err != nil || len(fl) != 1 {
			return fmt.Errorf("%s needs one flag", f[0])
		}
		switch f[0] {
		case "NOSUGGEST":
			h.noSuggest = fl[0]
		case "FORBIDDENWORD":
			h.forbidden = fl[0]
		case "NEEDAFFIX":
			h.needAffix = fl[0]
		default:
			h.onlyInCompd = fl[0]
		}
	case "PFX", "SFX":
		return h.affixLine(f)
	}
	return nil
}

func (h *Hunspell) affixLine(f []string) error {
	if len(f) < 4 {
		return fmt.Errorf("%s line too short", f[0])
	}
	fl, err := h.parseFlags(f[1])
	if err != nil || len(fl) != 1 {
		return fmt.Errorf("%s: bad flag %q", f[0], f[1])
	}
	c := h.classes[fl[0]]
	if c == nil || c.left == 0 {
		// A header: SFX flag cross count. A class may be declared twice
		// (some files split one flag's rules); the rules then add up.
		cnt, err := strconv.Atoi(f[3])
		if err != nil || cnt < 0 {
			return fmt.Errorf("%s header: bad count %q", f[0], f[3])
		}
		if c == nil {
			c = &affixClass{}
			h.classes[fl[0]] = c
		}
		c.prefix, c.cross, c.left = f[0] == "PFX", f[2] == "Y", cnt
		return nil
	}
	c.left--
	a := affix{strip: f[2], add: f[3]}
	if a.strip == "0" {
		a.strip = ""
	}
	if i := strings.IndexByte(a.add, '/'); i >= 0 {
		cont, err := h.flagField(a.add[i+1:])
		if err != nil {
			return err
		}
		a.add, a.cont = a.add[:i], cont
	}
	if a.add == "0" {
		a.add = ""
	}
	cond := "."
	if len(f) > 4 {
		cond = f[4]
	}
	if a.cond, err = parseCond(cond); err != nil {
		return err
	}
	c.rules = append(c.rules, a)
	return nil
}

// parseCond reads a condition: literal runes, "." and [set] or [^set].
// "." alone is no condition at all.
func parseCond(s string) ([]condElem, error) {
	if s == "." {
		return nil, nil
	}
	var out []condElem
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		switch rs[i] {
		case '.':
			out = append(out, condElem{any: true})
		case '[':
			j := i + 1
			e := condElem{}
			if j < len(rs) && rs[j] == '^' {
				e.neg = true
				j++
			}
			for j < len(rs) && rs[j] != ']' {
				e.runes = append(e.runes, rs[j])
				j++
			}
			if j == len(rs) {
				return nil, fmt.Errorf("condition %q: unclosed [", s)
			}
			out = append(out, e)
			i = j
		default:
			out = append(out, condElem{runes: []rune{rs[i]}})
		}
	}
	return out, nil
}

// flagField reads the flags after a slash: an alias number when the file
// has AF lines, the flags themselves otherwise.
func (h *Hunspell) flagField(s string) ([]flag, error) {
	if len(h.aliases) > 0 {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > len(h.aliases) {
			return nil, fmt.Errorf("bad flag alias %q", s)
		}
		return h.aliases[n-1], nil
	}
	return h.parseFlags(s)
}

func (h *Hunspell) parseFlags(s string) ([]flag, error) {
	if s == "" {
		return nil, nil
	}
	switch h.mode {
	case flagLong:
		if len(s)%2 != 0 {
			return nil, fmt.Errorf("long flags %q: odd length", s)
		}
		out := make([]flag, 0, len(s)/2)
		for i := 0; i < len(s); i += 2 {
			out = append(out, flag(s[i])<<8|flag(s[i+1]))
		}
		return out, nil
	case flagNum:
		parts := strings.Split(s, ",")
		out := make([]flag, 0, len(parts))
		for _, p := range parts {
			n, err := strconv.ParseUint(p, 10, 32)
			if err != nil {
				return nil, fmt.Errorf("numeric flag %q: %w", p, err)
			}
			out = append(out, flag(n))
		}
		return out, nil
	case flagUTF8:
		if !utf8.ValidString(s) {
			return nil, fmt.Errorf("flags %q: not UTF-8", s)
		}
		out := make([]flag, 0, len(s))
		for _, r := range s {
			out = append(out, flag(r))
		}
		return out, nil
	}
	out := make([]flag, len(s))
	for i := 0; i < len(s); i++ {
		out[i] = flag(s[i])
	}
	return out, nil
}

func (h *Hunspell) readDic(r io.Reader) error {
	sc := newScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if n == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
			// The first line is the approximate word count; a file
			// without it starts with a word.
			if _, err := strconv.Atoi(strings.TrimSpace(line)); err == nil {
				continue
			}
		}
		// Morphological fields follow a tab (or a space) and are not read.
		if i := strings.IndexAny(line, "\t "); i >= 0 {
			line = line[:i]
		}
		if line == "" || line[0] == '#' {
			continue
		}
		word, flags := splitDicLine(line)
		if word == "" {
			continue
		}
		fl, err := h.flagField(flags)
		if err != nil {
			return fmt.Errorf("dic line %d: %w", n, err)
		}
		if !utf8.ValidString(word) {
			return fmt.Errorf("dic line %d: word is not UTF-8", n)
		}
		h.stems = append(h.stems, stem{word: word, flags: fl})
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("dic: %w", err)
	}
	return nil
}

// splitDicLine splits "word/flags" at the first slash not escaped with a
// backslash ("km\/h").
func splitDicLine(s string) (word, flags string) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			if i+1 < len(s) && s[i+1] == '/' {
				s = s[:i] + s[i+1:]
			}
		case '/':
			return s[:i], s[i+1:]
		}
	}
	return s, ""
}

// Stems reports how many entries the .dic file has.
func (h *Hunspell) Stems() int { return len(h.stems) }

// Form is one word form a dictionary accepts.
type Form struct {
	Word      string
	NoSuggest bool // correct, but never to be offered as a suggestion
}

// Expand calls emit once for every form the dictionary accepts (possibly
// more than once for the same word), and forbidden for every word marked
// FORBIDDENWORD, which the caller should drop from its list.
func (h *Hunspell) Expand(emit func(Form), forbidden func(string)) {
	for _, s := range h.stems {
		has := func(f flag) bool { return f != 0 && hasFlag(s.flags, f) }
		if has(h.forbidden) {
			if forbidden != nil {
				forbidden(s.word)
			}
			continue
		}
		if has(h.onlyInCompd) {
			continue
		}
		ns := has(h.noSuggest)
		if !has(h.needAffix) {
			emit(Form{Word: s.word, NoSuggest: ns})
		}
		root := []rune(s.word)
		for _, f := range s.flags {
			c := h.classes[f]
			if c == nil || c.prefix {
				continue
			}
			for i := range c.rules {
				a := &c.rules[i]
				w, ok := applySuffix(root, a)
				if !ok {
					continue
				}
				emit(Form{Word: w, NoSuggest: ns})
				h.continueSuffix(w, a.cont, ns, emit)
				if c.cross {
					h.crossPrefixes(w, root, s.flags, ns, emit)
				}
			}
		}
		for _, f := range s.flags {
			c := h.classes[f]
			if c == nil || !c.prefix {
				continue
			}
			for i := range c.rules {
				if w, ok := applyPrefix(root, &c.rules[i]); ok {
					emit(Form{Word: w, NoSuggest: ns})
				}
			}
		}
	}
}

// continueSuffix applies a suffix's continuation classes once (twofold
// suffixes). Deeper chains are not followed: no shipped file has them, and
// a bound keeps expansion finite on any input.
func (h *Hunspell) continueSuffix(word string, cont []flag, ns bool, emit func(Form)) {
	if len(cont) == 0 {
		return
	}
	root := []rune(word)
	for _, f := range cont {
		c := h.classes[f]
		if c == nil || c.prefix {
			continue
		}
		for i := range c.rules {
			if w, ok := applySuffix(root, &c.rules[i]); ok {
				emit(Form{Word: w, NoSuggest: ns})
			}
		}
	}
}

// crossPrefixes adds the stem's cross-product prefixes to a suffixed form.
// The prefix condition is checked on the stem, as Hunspell does.
func (h *Hunspell) crossPrefixes(word string, root []rune, flags []flag, ns bool, emit func(Form)) {
	for _, f := range flags {
		c := h.classes[f]
		if c == nil || !c.prefix || !c.cross {
			continue
		}
		for i := range c.rules {
			a := &c.rules[i]
			if _, ok := applyPrefix(root, a); !ok || !strings.HasPrefix(word, a.strip) {
				continue
			}
			emit(Form{Word: a.add + word[len(a.strip):], NoSuggest: ns})
		}
	}
}

func hasFlag(fl []flag, f flag) bool {
	for _, x := range fl {
		if x == f {
			return true
		}
	}
	return false
}

func applySuffix(root []rune, a *affix) (string, bool) {
	strip := []rune(a.strip)
	if len(strip) > len(root) || len(a.cond) > len(root) {
		return "", false
	}
	base := len(root) - len(strip)
	if string(root[base:]) != a.strip {
		return "", false
	}
	off := len(root) - len(a.cond)
	for i, c := range a.cond {
		if !c.match(root[off+i]) {
			return "", false
		}
	}
	w := string(root[:base]) + a.add
	return w, w != ""
}

func applyPrefix(root []rune, a *affix) (string, bool) {
	strip := []rune(a.strip)
	if len(strip) > len(root) || len(a.cond) > len(root) {
		return "", false
	}
	if string(root[:len(strip)]) != a.strip {
		return "", false
	}
	for i, c := range a.cond {
		if !c.match(root[i]) {
			return "", false
		}
	}
	w := a.add + string(root[len(strip):])
	return w, w != ""
}
