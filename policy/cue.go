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
	// late, when every match of re holds an ASCII digit at most pre
	// bytes after its start, is re with ^ matching nowhere: re read from
	// a place past a text's start. A text is then searched from a little
	// before its next digit instead of from each byte (see findAll).
	late *regexp.Regexp
	pre  int
	// latePatterns are partPatterns written as late is, when the list
	// has them; numbers are those of its parts that a late pattern reads
	// (a street number, of the parts of an address), and words the
	// needs of the others, each part's own: a text that meets none is
	// searched by numbers. Both are made at first use.
	latePatterns []string
	numbersOnce  sync.Once
	numbers      *cue
	words        *need
}

// need is a condition on a folded text: it holds lit, or all of subs
// (and), or one of subs. Its strings hold no space, so that blanking a
// text (which only writes spaces) never makes a need met.
type need struct {
	lit  string
	and  bool
	subs []*need
}

func newCue(pattern string) (*cue, error) { return newLateCue(pattern, "") }

// newLateCue is newCue with late, the pattern written with each ^ (the
// text's start) matching nowhere; "" when there is none.
func newLateCue(pattern, late string) (*cue, error) {
	re, err := regexp.Compile(pattern)
	if err != nil {
		return nil, err
	}
	c := &cue{re: re}
	if tree, err := syntax.Parse(pattern, syntax.Perl); err == nil {
		c.need = needOf(tree.Simplify())
		if d, ok := digitsOf(tree); ok && d.must && d.pre < unbounded && late != "" {
			if late, err := regexp.Compile(late); err == nil {
				c.late, c.pre = late, d.pre
			}
		}
	}
	return c, nil
}

// findAll is re.FindAllIndex(b, -1). A pattern whose matches each hold a
// digit within pre bytes of their start (late is set) can start no match
// more than pre bytes before the next digit: it is searched from there,
// on the rest of b, where ^ (the text's start) matches nowhere, and no
// further once no digit is left.
//
// A list of parts some of which are such (the numbers) and the others
// not (the words) is searched as its numbers alone in a text (folded: its
// fold) that meets none of the words' needs: no word part matches in it,
// and the list's matches are its numbers'.
func (c *cue) findAll(b []byte, folded string) [][]int {
	if c.late == nil && c.latePatterns != nil {
		c.numbersOnce.Do(c.splitNumbers)
		if c.numbers != nil && !c.words.met(folded) {
			return c.numbers.findAll(b, folded)
		}
	}
	if c.late == nil {
		return c.re.FindAllIndex(b, -1)
	}
	var out [][]int
	for pos := 0; pos < len(b); {
		d := indexDigit(b[pos:])
		if d < 0 {
			break
		}
		// A place re would try: the start of a character, the byte
		// after the last match, or the text's start.
		s := max(pos, pos+d-c.pre)
		for s > pos && !utf8.RuneStart(b[s]) {
			s--
		}
		re := c.late
		if s == 0 {
			re = c.re
		}
		loc := re.FindIndex(b[s:])
		if loc == nil {
			break
		}
		out = append(out, []int{s + loc[0], s + loc[1]})
		pos = s + loc[1]
	}
	return out
}

// splitNumbers makes numbers and words, when the list's parts are of
// both kinds and each word part has a need.
func (c *cue) splitNumbers() {
	var nums, lates []string
	var words []*need
	for i, p := range c.partPatterns {
		tree, err := syntax.Parse(p, syntax.Perl)
		if err != nil {
			return
		}
		if d, ok := digitsOf(tree); ok && d.must && d.pre < unbounded {
			nums, lates = append(nums, p), append(lates, c.latePatterns[i])
			continue
		}
		n := needOf(tree.Simplify())
		if n == nil {
			return
		}
		words = append(words, n)
	}
	if len(nums) == 0 || len(words) == 0 {
		return
	}
	numbers, err := newLateCue(strings.Join(nums, "|"), strings.Join(lates, "|"))
	if err != nil || numbers.late == nil {
		return
	}
	c.numbers, c.words = numbers, joinNeeds(words, false)
}

func indexDigit(b []byte) int {
	for i, c := range b {
		if c >= '0' && c <= '9' {
			return i
		}
	}
	return -1
}

// unbounded stands for a length with no bound.
const unbounded = 1 << 30

// digits tells of a pattern's matches: must, each holds an ASCII digit,
// the first at most pre bytes after the match's start; a match is at
// most max bytes long.
type digits struct {
	must     bool
	pre, max int
}

// digitsOf reads re's digits; false when re holds a condition on the
// text around a place other than its start and end (\b, multi-line ^ and
// $), which a search from within the text would read otherwise.
func digitsOf(re *syntax.Regexp) (digits, bool) {
	add := func(a, b int) int { return min(a+b, unbounded) }
	switch re.Op {
	case syntax.OpNoMatch:
		return digits{must: true}, true
	case syntax.OpEmptyMatch, syntax.OpBeginText, syntax.OpEndText:
		return digits{}, true
	case syntax.OpLiteral:
		var d digits
		for _, r := range re.Rune {
			if !d.must && r >= '0' && r <= '9' {
				d.must, d.pre = true, d.max
			}
			d.max = add(d.max, runeBytes(r, re.Flags&syntax.FoldCase != 0))
		}
		return d, true
	case syntax.OpCharClass:
		if len(re.Rune) == 0 {
			return digits{must: true}, true
		}
		all := true
		for i := 0; i+1 < len(re.Rune); i += 2 {
			all = all && re.Rune[i] >= '0' && re.Rune[i+1] <= '9'
		}
		if all {
			return digits{must: true, max: 1}, true
		}
		return digits{max: runeBytes(re.Rune[len(re.Rune)-1], false)}, true
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return digits{max: 4}, true
	case syntax.OpCapture:
		return digitsOf(re.Sub[0])
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		sub, ok := digitsOf(re.Sub[0])
		if !ok {
			return sub, false
		}
		least, most := 0, 1
		switch re.Op {
		case syntax.OpStar:
			most = -1
		case syntax.OpPlus:
			least, most = 1, -1
		case syntax.OpRepeat:
			least, most = re.Min, re.Max
		}
		d := digits{must: least >= 1 && sub.must, pre: sub.pre, max: unbounded}
		if most >= 0 {
			d.max = min(most*sub.max, unbounded)
		}
		return d, true
	case syntax.OpConcat:
		var d digits
		for _, sub := range re.Sub {
			s, ok := digitsOf(sub)
			if !ok {
				return s, false
			}
			if !d.must && s.must {
				d.must, d.pre = true, add(d.max, s.pre)
			}
			d.max = add(d.max, s.max)
		}
		return d, true
	case syntax.OpAlternate:
		d := digits{must: true}
		for _, sub := range re.Sub {
			s, ok := digitsOf(sub)
			if !ok {
				return s, false
			}
			d.must = d.must && s.must
			d.pre, d.max = max(d.pre, s.pre), max(d.max, s.max)
		}
		return d, true
	}
	return digits{}, false
}

// runeBytes is the longest a character matching r is in UTF-8: r's own
// length, or, matched without case, that of the longest it folds to ("k"
// matches the Kelvin sign, of three bytes).
func runeBytes(r rune, foldCase bool) int {
	n := utf8.RuneLen(r)
	if n < 0 {
		n = 3 // a bad byte is read as utf8.RuneError
	}
	if foldCase {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			n = max(n, utf8.RuneLen(f))
		}
	}
	return n
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
