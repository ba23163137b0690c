package policy

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// cue is one cue list of data/context.yaml compiled: one pattern of
// alternatives, and what a text must hold for the pattern to match it.
// Most texts hold none of it, and are passed over without running the
// pattern.
type cue struct {
	re *regexp.Regexp
	// need is a condition on the text's fold (see fold) that every text
	// the pattern matches meets; nil: the pattern may match any text.
	need *need
	// parts are the list's patterns each on its own, for telling whether
	// a text matches: it does when one of them does. Each has its own
	// need, finer than the list's; and a part that starts with ^ is tried
	// at the start of a text only, where the list's pattern would try
	// every place. They are compiled from partPatterns at first use;
	// none: the pattern is its only part.
	partPatterns []string
	partsOnce    sync.Once
	parts        []*cue
}

// need is a condition on a folded text: it holds lit, or all of subs
// (and), or one of subs. Its strings hold no space, so that blanking a
// text (which only writes spaces) never makes a need met.
type need struct {
	lit  string
	and  bool
	subs []*need
}

func newCue(pattern string) (*cue, error) {
	re, err := regexp.Compile(pattern)
	if err != nil {
		return nil, err
	}
	c := &cue{re: re}
	if tree, err := syntax.Parse(pattern, syntax.Perl); err == nil {
		c.need = needOf(tree.Simplify())
	}
	return c, nil
}

// may tells whether the pattern may match a text whose fold is folded.
func (c *cue) may(folded string) bool { return c.need.met(folded) }

// match tells whether the pattern matches s, a part of a text whose fold
// is folded.
func (c *cue) match(s, folded string) bool {
	if !c.may(folded) {
		return false
	}
	if c.partPatterns == nil {
		return c.re.MatchString(s)
	}
	c.partsOnce.Do(func() {
		for _, p := range c.partPatterns {
			part, err := newCue(p)
			if err != nil { // none: each compiled as a part of the list's pattern
				c.parts = nil
				return
			}
			c.parts = append(c.parts, part)
		}
	})
	if c.parts == nil {
		return c.re.MatchString(s)
	}
	for _, p := range c.parts {
		if p.may(folded) && p.re.MatchString(s) {
			return true
		}
	}
	return false
}

func (n *need) met(folded string) bool {
	switch {
	case n == nil:
		return true
	case n.subs == nil:
		return strings.Contains(folded, n.lit)
	case n.and:
		for _, s := range n.subs {
			if !s.met(folded) {
				return false
			}
		}
		return true
	}
	for _, s := range n.subs {
		if s.met(folded) {
			return true
		}
	}
	return false
}

// needOf is the condition every match of re meets; nil when there is none
// to tell (an optional part, a wide class).
func needOf(re *syntax.Regexp) *need {
	switch re.Op {
	case syntax.OpLiteral:
		// Every piece between spaces: blanking makes spaces.
		var subs []*need
		for piece := range strings.FieldsFuncSeq(string(re.Rune), func(r rune) bool { return r == ' ' }) {
			subs = append(subs, &need{lit: fold(piece)})
		}
		return joinNeeds(subs, true)
	case syntax.OpCharClass:
		// A few characters (a currency sign): one of them.
		var subs []*need
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if r == ' ' || len(subs) == 8 {
					return nil
				}
				f := fold(string(r))
				if !containsLit(subs, f) {
					subs = append(subs, &need{lit: f})
				}
			}
		}
		return joinNeeds(subs, false)
	case syntax.OpCapture, syntax.OpPlus:
		return needOf(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return needOf(re.Sub[0])
		}
	case syntax.OpConcat:
		// Every part must match: what each needs. Parts in a row that
		// match only a few strings are read as one (the parser cuts
		// "yes|yeah" into "ye(s|ah)", which alone would need "ye" and "s").
		var subs []*need
		for i := 0; i < len(re.Sub); {
			j, strs := i, []string{""}
			for ; j < len(re.Sub); j++ {
				next, ok := product(strs, re.Sub[j])
				if !ok {
					break
				}
				strs = next
			}
			if j-i < 2 {
				if n := needOf(re.Sub[i]); n != nil {
					subs = append(subs, n)
				}
				i++
				continue
			}
			if n := needOfStrings(strs); n != nil {
				subs = append(subs, n)
			}
			i = j
		}
		return joinNeeds(subs, true)
	case syntax.OpAlternate:
		// Any part may match: one of their needs, if each has one.
		subs := make([]*need, 0, len(re.Sub))
		for _, sub := range re.Sub {
			n := needOf(sub)
			if n == nil {
				return nil
			}
			subs = append(subs, n)
		}
		return joinNeeds(subs, false)
	}
	return nil
}

// maxStrings bounds the strings a run of parts is read as.
const maxStrings = 32

// product is each of strs followed by each string re matches, folded;
// false when re matches more strings than that or than maxStrings in all.
func product(strs []string, re *syntax.Regexp) ([]string, bool) {
	tails, ok := stringsOf(re)
	if !ok || len(strs)*len(tails) > maxStrings {
		return nil, false
	}
	out := make([]string, 0, len(strs)*len(tails))
	for _, s := range strs {
		for _, t := range tails {
			out = append(out, s+t)
		}
	}
	return out, true
}

// stringsOf are the strings re matches, folded, when they are few.
func stringsOf(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return []string{""}, true
	case syntax.OpLiteral:
		return []string{fold(string(re.Rune))}, true
	case syntax.OpCharClass:
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if len(out) == maxStrings {
					return nil, false
				}
				if f := fold(string(r)); !slices.Contains(out, f) {
					out = append(out, f)
				}
			}
		}
		return out, len(out) > 0
	case syntax.OpCapture:
		return stringsOf(re.Sub[0])
	case syntax.OpQuest:
		sub, ok := stringsOf(re.Sub[0])
		if !ok || len(sub) == maxStrings {
			return nil, false
		}
		return append([]string{""}, sub...), true
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			strs, ok := stringsOf(sub)
			if !ok || len(out)+len(strs) > maxStrings {
				return nil, false
			}
			out = append(out, strs...)
		}
		return out, true
	case syntax.OpConcat:
		out := []string{""}
		for _, sub := range re.Sub {
			var ok bool
			if out, ok = product(out, sub); !ok {
				return nil, false
			}
		}
		return out, true
	}
	return nil, false
}

// needOfStrings needs one of strs: all the pieces of it between spaces;
// nil when one of them has none.
func needOfStrings(strs []string) *need {
	var alts []*need
	for _, s := range strs {
		var pieces []*need
		for piece := range strings.FieldsFuncSeq(s, func(r rune) bool { return r == ' ' }) {
			pieces = append(pieces, &need{lit: piece})
		}
		n := joinNeeds(pieces, true)
		if n == nil {
			return nil
		}
		alts = append(alts, n)
	}
	// A string that holds another's is met whenever that one is: "$"
	// stands for "$ " and "$\t".
	var kept []*need
	for i, a := range alts {
		stands := slices.ContainsFunc(alts, func(b *need) bool {
			return a.subs == nil && b.subs == nil && b != a && strings.Contains(a.lit, b.lit) &&
				(a.lit != b.lit || slices.Index(alts, b) < i) // of two the same, the first stays
		})
		if !stands {
			kept = append(kept, a)
		}
	}
	return joinNeeds(kept, false)
}

func joinNeeds(subs []*need, and bool) *need {
	switch len(subs) {
	case 0:
		return nil
	case 1:
		return subs[0]
	}
	return &need{and: and, subs: subs}
}

func containsLit(subs []*need, lit string) bool {
	for _, s := range subs {
		if s.lit == lit {
			return true
		}
	}
	return false
}

// String writes a need the way the tests read it: "A", "(A|B)", "(A B)".
func (n *need) String() string {
	switch {
	case n == nil:
		return "*"
	case n.subs == nil:
		return n.lit
	}
	parts := make([]string, len(n.subs))
	for i, s := range n.subs {
		parts[i] = s.String()
	}
	if n.and {
		return "(" + strings.Join(parts, " ") + ")"
	}
	return "(" + strings.Join(parts, "|") + ")"
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
	return string(foldInto(make([]byte, 0, len(s)+8), s))
}

// foldInto appends the fold of s to b.
func foldInto(b []byte, s string) []byte {
	folds := latinFolds()
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if r >= 'a' && r <= 'z' {
				r -= 'a' - 'A'
			}
			b = append(b, byte(r))
			continue
		case r < rune(len(folds)):
			r = folds[r]
		default:
			r = foldRune(r)
		}
		b = utf8.AppendRune(b, r)
	}
	return b
}

// latinFolds are foldRune's answers for the first 0x300 characters (the
// Latin letters of the three languages), looked up instead of worked out.
var latinFolds = sync.OnceValue(func() *[0x300]rune {
	var t [0x300]rune
	for r := range t {
		t[r] = foldRune(rune(r))
	}
	return &t
})

func foldRune(r rune) rune {
	first := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		first = min(first, f)
	}
	return first
}
