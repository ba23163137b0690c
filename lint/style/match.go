package style

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/msglint/msglint/lint"
)

// pattern is one regular expression as a rule matches it: compiled once per
// language, its literal letters lowered that language's way when case is
// ignored, and matched on the field's text lowered the same way.
type pattern struct {
	src        string
	ignoreCase bool
	word       bool // matches must start and end on word boundaries
	byLang     map[lint.Lang]*regexp.Regexp
}

func newPattern(src string, ignoreCase, nonword bool) (*pattern, error) {
	p := &pattern{src: src, ignoreCase: ignoreCase, word: !nonword, byLang: map[lint.Lang]*regexp.Regexp{}}
	for _, l := range lint.Langs {
		s := src
		if ignoreCase {
			var err error
			if s, err = lowerLiterals(src, l); err != nil {
				return nil, fmt.Errorf("pattern %q: %v", src, err)
			}
		}
		re, err := regexp.Compile(s)
		if err != nil {
			return nil, fmt.Errorf("pattern %q: %v", src, strings.TrimPrefix(err.Error(), "error parsing regexp: "))
		}
		p.byLang[l] = re
	}
	return p, nil
}

func (p *pattern) re(l lint.Lang) *regexp.Regexp {
	if re, ok := p.byLang[l]; ok {
		return re
	}
	return p.byLang[lint.English]
}

// lowerLiterals lowers the literal letters of a pattern in a language's
// casing, leaving classes and escapes (\S, \W) as written: Go's (?i) folds
// I with i, where Turkish folds I with ı.
func lowerLiterals(src string, l lint.Lang) (string, error) {
	re, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		return "", err
	}
	var walk func(r *syntax.Regexp)
	walk = func(r *syntax.Regexp) {
		if r.Op == syntax.OpLiteral {
			r.Rune = []rune(lint.Lower(l, string(r.Rune)))
			r.Flags &^= syntax.FoldCase
		}
		for _, s := range r.Sub {
			walk(s)
		}
	}
	walk(re)
	return re.String(), nil
}

// folded is a field's text as patterns see it, with the way back to the
// field's bytes.
type folded struct {
	orig, text string
	off        []int // off[i] is the field byte of text byte i; off[len(text)] = len(orig)
}

func fold(text string, l lint.Lang, ignoreCase bool) folded {
	if !ignoreCase {
		return folded{orig: text, text: text}
	}
	low := lint.Lower(l, text)
	if len(low) == len(text) && isASCII(text) {
		return folded{orig: text, text: low} // one byte for one byte
	}
	// Lowering changes some characters' length (İ is two bytes, i one):
	// lower rune by rune, the language's way, remembering where each came
	// from.
	lower := unicode.ToLower
	if lint.CasingOf(l) == lint.TurkicCasing {
		lower = unicode.TurkishCase.ToLower
	}
	buf := make([]byte, 0, len(text)+8)
	off := make([]int, 0, len(text)+9)
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		n := len(buf)
		if r == utf8.RuneError && size == 1 {
			buf = append(buf, text[i]) // kept as it is, as lint.Lower does
		} else {
			buf = utf8.AppendRune(buf, lower(r))
		}
		for range len(buf) - n {
			off = append(off, i)
		}
		i += size
	}
	off = append(off, len(text))
	return folded{orig: text, text: string(buf), off: off}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func (f folded) span(s, e int) lint.Span {
	if f.off == nil {
		return lint.Span{Start: s, End: e}
	}
	end := f.off[e]
	if e > s && e < len(f.off)-1 && f.off[e] == f.off[e-1] {
		end = f.off[e] + utf8.RuneLen([]rune(f.orig[f.off[e]:])[0])
	}
	return lint.Span{Start: f.off[s], End: end}
}

// match is one match in a field: its span and the field text it covers,
// and its first group's text when the pattern has one.
type match struct {
	span  lint.Span
	text  string
	group string
}

// find lists a pattern's matches in a field's text; a match of a word
// pattern that starts or ends inside a word is dropped ("free" is not in
// "carefree").
func (p *pattern) find(f folded, l lint.Lang) []match {
	var out []match
	for _, loc := range p.re(l).FindAllStringSubmatchIndex(f.text, -1) {
		s, e := loc[0], loc[1]
		if s == e || p.word && !onBoundaries(f.text, s, e) {
			continue
		}
		m := match{span: f.span(s, e)}
		m.text = f.orig[m.span.Start:m.span.End]
		m.group = m.text
		if len(loc) >= 4 && loc[2] >= 0 {
			g := f.span(loc[2], loc[3])
			m.group = f.orig[g.Start:g.End]
		}
		out = append(out, m)
	}
	return out
}

func isWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '_'
}

// onBoundaries tells whether text[s:e] neither starts nor ends inside a
// word: where its first (last) character is a word character, the one
// before (after) it is not.
func onBoundaries(text string, s, e int) bool {
	first, _ := utf8.DecodeRuneInString(text[s:])
	last, _ := utf8.DecodeLastRuneInString(text[:e])
	if isWord(first) && s > 0 {
		if r, _ := utf8.DecodeLastRuneInString(text[:s]); isWord(r) {
			return false
		}
	}
	if isWord(last) && e < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[e:]); isWord(r) {
			return false
		}
	}
	return true
}

// patterns compiles a list of patterns alike.
func patterns(srcs []string, h *header) ([]*pattern, error) {
	var out []*pattern
	for _, s := range srcs {
		p, err := newPattern(s, h.IgnoreCase, h.Nonword)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// findAll lists the matches of several patterns in text order, leftmost
// first, dropping a match that overlaps an earlier one.
func findAll(ps []*pattern, fld *lint.Field, l lint.Lang, ignoreCase bool) ([]match, []int) {
	f := fold(fld.Text, l, ignoreCase)
	type hit struct {
		match
		pat int
	}
	var hits []hit
	for i, p := range ps {
		for _, m := range p.find(f, l) {
			hits = append(hits, hit{m, i})
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int { return a.span.Start - b.span.Start })
	var out []match
	var which []int
	end := -1
	for _, h := range hits {
		if h.span.Start >= end {
			out, which = append(out, h.match), append(which, h.pat)
			end = h.span.End
		}
	}
	return out, which
}
