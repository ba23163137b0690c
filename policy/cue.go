package policy

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// cue is one cue list of data/context.yaml compiled: one pattern of
// alternatives, and the strings one of which a text must hold for the
// pattern to match it. Most texts hold none, and are passed over without
// running the pattern.
type cue struct {
	re *regexp.Regexp
	// needs are case-folded (fold) and hold no space, so that blanking a
	// text never makes one appear; nil: the pattern may match any text.
	needs []string
}

func newCue(pattern string) (*cue, error) {
	re, err := regexp.Compile(pattern)
	if err != nil {
		return nil, err
	}
	c := &cue{re: re}
	if tree, err := syntax.Parse(pattern, syntax.Perl); err == nil {
		c.needs, _ = needs(tree.Simplify())
	}
	return c, nil
}

// may tells whether the pattern may match a text whose fold is folded.
func (c *cue) may(folded string) bool {
	if c.needs == nil {
		return true
	}
	for _, n := range c.needs {
		if strings.Contains(folded, n) {
			return true
		}
	}
	return false
}

// needs are strings one of which every match of re holds, folded; ok is
// false when there are none to tell (an optional part, a wide class).
func needs(re *syntax.Regexp) (out []string, ok bool) {
	switch re.Op {
	case syntax.OpLiteral:
		// The longest piece without a space: blanking makes spaces.
		var best string
		for piece := range strings.FieldsFuncSeq(string(re.Rune), func(r rune) bool { return r == ' ' }) {
			if len(piece) > len(best) {
				best = piece
			}
		}
		return []string{fold(best)}, best != ""
	case syntax.OpCharClass:
		// A few characters (a currency sign): each is a need.
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if r == ' ' || len(out) == 8 {
					return nil, false
				}
				if f := fold(string(r)); !slices.Contains(out, f) {
					out = append(out, f)
				}
			}
		}
		return out, len(out) > 0
	case syntax.OpCapture, syntax.OpPlus:
		return needs(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return needs(re.Sub[0])
		}
	case syntax.OpConcat:
		// Every part must match: the one with the longest shortest need.
		for _, sub := range re.Sub {
			if n, ok := needs(sub); ok && (out == nil || shortest(n) > shortest(out)) {
				out = n
			}
		}
		return out, out != nil
	case syntax.OpAlternate:
		// Any part may match: each part's needs.
		for _, sub := range re.Sub {
			n, ok := needs(sub)
			if !ok {
				return nil, false
			}
			out = append(out, n...)
		}
		return out, true
	}
	return nil, false
}

func shortest(ss []string) int {
	n := -1
	for _, s := range ss {
		if n < 0 || len(s) < n {
			n = len(s)
		}
	}
	return n
}

// fold writes each character of s as the first of its case folding class,
// the characters regexp's (?i) takes for one another: "Ürün" and "üRÜN"
// fold the same; dotless ı and dotted İ keep their own.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToUpper(s)
	}
	return strings.Map(foldRune, s)
}

func foldRune(r rune) rune {
	first := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		first = min(first, f)
	}
	return first
}
