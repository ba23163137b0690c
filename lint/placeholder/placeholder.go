// Package placeholder finds the placeholders of the common templating
// systems in a message's text, with their syntax and name, so that every
// rule agrees on what is a placeholder and none looks inside one: i18next and
// Handlebars {{name}}, Messenger profile tokens and WhatsApp {{1}}, Liquid
// {{ contact.name | default: 'there' }} and {% if %}, ICU MessageFormat
// {name} and {count, plural, one {…} other {…}}, Rails %{name}, ${name},
// printf and Android %s %1$d %.2f, Mailchimp *|FNAME|*, %NAME%, Laravel
// :name, and
// bracketed slots left for a person to fill in ([Customer Name]).
//
// A placeholder that is written wrong (unbalanced braces, empty, not
// closed) is found too, with what is wrong and how it is written right.
package placeholder

import (
	_ "embed"
	"encoding/binary"
	"fmt"
	"math/bits"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Syntax is a set of placeholder systems.
type Syntax uint16

// The placeholder systems.
const (
	Mustache  Syntax = 1 << iota // {{name}}: i18next, Handlebars, Messenger {{user_first_name}}, WhatsApp {{1}}
	Liquid                       // {{ contact.name | default: 'there' }} and {% if … %}
	ICU                          // {name}, {count, plural, one {…} other {…}}, select
	Rails                        // %{name}
	Dollar                       // ${name}
	Printf                       // %s %1$d %.2f, Android %1$s
	Mailchimp                    // *|FNAME|*
	Percent                      // %NAME%, Symfony %name%
	Slot                         // [Customer Name], <name>: left for a person to fill in
	Laravel                      // :name (Laravel, FreeScout)

	// All is every system: what a text is searched for when nothing says
	// which one its sending system uses.
	All = Mustache | Liquid | ICU | Rails | Dollar | Printf | Mailchimp | Percent | Slot | Laravel
)

var syntaxNames = []struct {
	s          Syntax
	name, form string
}{
	{Mustache, "mustache", "{{name}}"},
	{Liquid, "liquid", "{{ name }}"},
	{ICU, "icu", "{name}"},
	{Rails, "rails", "%{name}"},
	{Dollar, "dollar", "${name}"},
	{Printf, "printf", "%s"},
	{Mailchimp, "mailchimp", "*|NAME|*"},
	{Percent, "percent", "%NAME%"},
	{Slot, "slot", "[NAME]"},
	{Laravel, "laravel", ":name"},
}

// Names lists the systems' names, as a config writes them.
func Names() []string {
	out := make([]string, len(syntaxNames))
	for i, n := range syntaxNames {
		out[i] = n.name
	}
	return out
}

// Parse reads a list of system names (mustache, icu, printf, …) into a set.
func Parse(names []string) (Syntax, error) {
	var s Syntax
	for _, n := range names {
		found := false
		for _, sn := range syntaxNames {
			if sn.name == strings.ToLower(n) {
				s |= sn.s
				found = true
			}
		}
		if !found {
			return 0, fmt.Errorf("unknown placeholder syntax %q (want one of %s)", n, strings.Join(Names(), ", "))
		}
	}
	return s, nil
}

// String is the system's name (one system) or names joined with "|".
func (s Syntax) String() string {
	var out []string
	for _, sn := range syntaxNames {
		if s&sn.s != 0 {
			out = append(out, sn.name)
		}
	}
	return strings.Join(out, "|")
}

// Form is how a placeholder of the system is written, as people know it:
// {{name}}, {name}, %{name}.
func (s Syntax) Form() string {
	for _, sn := range syntaxNames {
		if s == sn.s {
			return sn.form
		}
	}
	return s.String()
}

// Span is a byte range [Start, End) of a text.
type Span struct{ Start, End int }

// Placeholder is one placeholder in a text.
type Placeholder struct {
	Span
	Syntax Syntax
	// Name is what the sending system fills in: first_name, contact.name, 1,
	// count; for printf the conversion as written (%s, %1$d); # in an ICU
	// plural branch.
	Name string
	// Type is an ICU argument's type (plural, select, selectordinal,
	// number, date); empty for a plain argument.
	Type string
	// Cases are an ICU plural or select argument's branches: each selector
	// (one, other, =0, female) and the branch's text, which is message text
	// to check like any other. Placeholders inside a branch come after
	// their argument in the list Find returns, with Nested set.
	Cases  []Case
	Nested bool
	// Problem says what is wrong with a placeholder written wrong; Want is
	// how it is written right, where that is known. Empty for a good one.
	Problem, Want string
	// Unfilled is a slot left for a person to fill in ([Customer Name]).
	Unfilled bool
}

// Case is one branch of an ICU plural or select argument.
type Case struct {
	Key  string
	Text Span
}

// Find returns the placeholders of the given systems in text, in order.
// A text with none of the systems' characters costs one pass.
func Find(text string, syn Syntax) []Placeholder { return AppendFind(nil, text, syn) }

// AppendFind is Find, the placeholders appended to dst.
func AppendFind(dst []Placeholder, text string, syn Syntax) []Placeholder {
	if syn == 0 {
		syn = All
	}
	// scan passes over a text with none of its marks in one tight loop.
	f := finder{text: text, syn: syn, out: dst}
	f.scan(0, len(text), false)
	if syn&Slot != 0 && (strings.IndexByte(text, '[') >= 0 || strings.IndexByte(text, '<') >= 0) {
		f.slots()
	}
	return f.out
}

// Mask returns text with the placeholders' own characters replaced by
// spaces of the same byte length, so offsets into the result are offsets
// into text; the text of ICU plural and select branches stays, as it is
// message text.
func Mask(text string, ps []Placeholder) string {
	if len(ps) == 0 {
		return text
	}
	b := []byte(text)
	for _, p := range ps {
		at := p.Start
		for _, c := range p.Cases {
			blank(b, at, c.Text.Start)
			at = c.Text.End
		}
		blank(b, at, p.End)
	}
	return string(b)
}

func blank(b []byte, s, e int) {
	for i := s; i < e && i < len(b); i++ {
		b[i] = ' '
	}
}

// Inside reports whether the byte range [s, e) touches a placeholder's own
// characters (not the text of an ICU branch). For many questions about one
// text, build an Index once.
func Inside(ps []Placeholder, s, e int) bool { return NewIndex(ps).Touches(s, e) }

// Index answers Inside for one text's placeholders in logarithmic time.
type Index struct {
	ps     []Placeholder
	maxEnd []int // the largest End of ps[:i+1]
}

// NewIndex indexes placeholders in the order Find returns them (by start).
func NewIndex(ps []Placeholder) Index { return NewIndexIn(ps, nil) }

// NewIndexIn is NewIndex, the index made in ends' room (appended to
// ends[:0]).
func NewIndexIn(ps []Placeholder, ends []int) Index {
	x := Index{ps: ps, maxEnd: ends[:0]}
	m := 0
	for _, p := range ps {
		m = max(m, p.End)
		x.maxEnd = append(x.maxEnd, m)
	}
	return x
}

// Touches reports whether [s, e) touches a placeholder's own characters.
func (x Index) Touches(s, e int) bool {
	// The placeholders that start before e, from the last back while one
	// of them may still reach past s.
	i := sort.Search(len(x.ps), func(i int) bool { return x.ps[i].Start >= e })
	for i--; i >= 0 && x.maxEnd[i] > s; i-- {
		p := x.ps[i]
		if p.End <= s {
			continue
		}
		in := false
		for _, c := range p.Cases {
			if s >= c.Text.Start && e <= c.Text.End {
				in = true
			}
		}
		if !in {
			return true
		}
	}
	return false
}

type finder struct {
	text string
	syn  Syntax
	out  []Placeholder
	// depth is how deep in ICU branches the scan is.
	depth int
	// match maps each '{' to the '}' that closes it (closer).
	match map[int]int
}

// maxDepth is how deep ICU arguments may nest; real messages nest two or
// three levels, and a cap keeps a text of open braces linear.
const maxDepth = 8

func (f *finder) add(p Placeholder) {
	p.Nested = f.depth > 0
	f.out = append(f.out, p)
}

var (
	// printfRE: C and Android (%1$s), Python's %(name)s, and Apple's
	// %#@name@, which a string catalog's substitution fills in.
	printfRE    = regexp.MustCompile(`^%(?:(?:[1-9][0-9]*\$)?#@[A-Za-z_][A-Za-z0-9_]*@|(?:([1-9][0-9]*)\$|\([A-Za-z_][A-Za-z0-9_]*\))?[-+#0]*(?:[0-9]+)?(?:\.[0-9]+)?(?:ll|l|h|L|z)?[sdifuoxXeEgGc@])`)
	mailchimpRE = regexp.MustCompile(`^\*\|([A-Z0-9_:]+)(\|\*)?`)
)

// The simple forms are matched by hand, not by regexps: every colon of a
// text (each link's https:) and every placeholder's name asks for one, and
// a regexp's set-up cost more than the match.

// asciiName is the length of an ASCII name at the start of s
// ([A-Za-z_][A-Za-z0-9_]*), 0 if there is none.
func asciiName(s string) int {
	if s == "" || !asciiNameByte(s[0]) || s[0] >= '0' && s[0] <= '9' {
		return 0
	}
	n := 1
	for n < len(s) && asciiNameByte(s[n]) {
		n++
	}
	return n
}

func asciiNameByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

// percentName is the length of %NAME% at the start of s, 0 if none.
func percentName(s string) int {
	if len(s) < 3 || s[0] != '%' {
		return 0
	}
	n := asciiName(s[1:])
	if n == 0 || 1+n >= len(s) || s[1+n] != '%' {
		return 0
	}
	return n + 2
}

// laravelName is the length of :name at the start of s, 0 if none.
func laravelName(s string) int {
	if len(s) < 2 || s[0] != ':' {
		return 0
	}
	if n := asciiName(s[1:]); n > 0 {
		return n + 1
	}
	return 0
}

// laravelMarkup is the length of :%name% at the start of s, 0 if none.
func laravelMarkup(s string) int {
	if len(s) < 2 || s[0] != ':' {
		return 0
	}
	if n := percentName(s[1:]); n > 0 {
		return n + 1
	}
	return 0
}

// ident is the identifier at the start of s, letters, digits and _ and
// then . and - too (contact.name, first-name); "" if s starts with none.
func ident(s string) string {
	for i := 0; i < len(s); {
		c, w := rune(s[i]), 1
		if c >= utf8.RuneSelf {
			c, w = utf8.DecodeRuneInString(s[i:])
		}
		if !identRune(c, i > 0) {
			return s[:i]
		}
		i += w
	}
	return s
}

func identRune(r rune, inner bool) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_' ||
			inner && (r == '.' || r == '-')
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// scanStop marks the bytes scan looks at: every other byte is passed over.
var scanStop = [256]bool{'{': true, '}': true, '%': true, '$': true, '#': true, ':': true, '*': true}

// scanLooks marks, by its high bit, each of eight bytes that scan must
// look at: every byte of scanStop, and with them the ASCII bytes between
// (& ' ( ) and |), which it passes over. A byte above a ':' may be
// marked too (a borrow runs upward); the first marked is the first to
// look at, and a word with none marked holds no byte of scanStop.
func scanLooks(w uint64) uint64 {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	// y + (0x80-c)*ones has the high bit of each byte from c on: y is
	// each byte's low seven bits, and adding to them carries into no
	// other byte.
	y := w &^ high
	colon := w ^ ':'*ones
	return ((y+(0x80-'#')*ones)&^(y+(0x80-'*'-1)*ones) | (y+(0x80-'{')*ones)&^(y+(0x80-'}'-1)*ones) | (colon-ones)&^colon) & ^w & high
}

// scan finds placeholders in text[from:to]. In an ICU plural branch (plural
// is true) # stands for the number. It returns where it stopped: at to, or
// at a '}' that closes the branch it is in when depth > 0.
func (f *finder) scan(from, to int, plural bool) int {
	t := f.text
	for i := from; i < to; {
		if !scanStop[t[i]] {
			// Most of a text: nothing any case below asks for.
			i++
			for i < to {
				if i+8 <= to {
					// Eight bytes at once while none may stop; else
					// to the first that may, looked at below.
					look := scanLooks(binary.LittleEndian.Uint64([]byte(t[i : i+8])))
					if look == 0 {
						i += 8
						continue
					}
					i += bits.TrailingZeros64(look) / 8
				}
				if scanStop[t[i]] {
					break
				}
				i++
			}
			continue
		}
		c := t[i]
		switch {
		case c == '{' && i+1 < to && t[i+1] == '%' && f.syn&Liquid != 0:
			i = f.liquidTag(i, to)
			continue
		case c == '{' || (c == '%' || c == '$') && i+1 < to && t[i+1] == '{':
			if c == '{' && (i+1 >= to || t[i+1] != '{') && f.syn&ICU != 0 {
				if end, ok := f.icu(i, to); ok {
					i = end
					continue
				}
			}
			i = f.braces(i, to)
			continue
		case c == '}':
			if f.depth > 0 {
				return i
			}
			i = f.stray(from, i, to)
			continue
		case c == '#' && plural:
			f.add(Placeholder{Span: Span{i, i + 1}, Syntax: ICU, Name: "#"})
		case c == '%' && i+1 < to && t[i+1] == '%':
			i += 2
			continue
		case c == '%':
			// After a number a percent sign is a percentage, whatever
			// follows: 100%-ü, 50%d.
			if m := printfRE.FindString(t[i:to]); m != "" && f.syn&Printf != 0 && !(i > 0 && t[i-1] >= '0' && t[i-1] <= '9') &&
				(!letterAt(t, i+len(m)) || plainConversion(m)) {
				f.add(Placeholder{Span: Span{i, i + len(m)}, Syntax: Printf, Name: m})
				i += len(m)
				continue
			}
			if n := percentName(t[i:to]); n > 0 && f.syn&Percent != 0 {
				m := t[i : i+n]
				f.add(Placeholder{Span: Span{i, i + len(m)}, Syntax: Percent, Name: m[1 : len(m)-1]})
				i += len(m)
				continue
			}
		case c == ':' && f.syn&Laravel != 0:
			// :name after a space or an opening mark; :%name% (FreeScout's
			// markup, <a> or <strong> filled in) wherever it stands, as
			// it is glued to the words it wraps: "Undo:%a_end%".
			m := t[i : i+laravelMarkup(t[i:to])]
			if m == "" && (i == 0 || strings.IndexByte(" \t\n(\"'", t[i-1]) >= 0) {
				m = t[i : i+laravelName(t[i:to])]
			}
			if m != "" {
				f.add(Placeholder{Span: Span{i, i + len(m)}, Syntax: Laravel, Name: m[1:]})
				i += len(m)
				continue
			}
		case c == '*' && i+1 < to && t[i+1] == '|' && f.syn&Mailchimp != 0:
			if m := mailchimpRE.FindStringSubmatch(t[i:to]); m != nil {
				p := Placeholder{Span: Span{i, i + len(m[0])}, Syntax: Mailchimp, Name: m[1]}
				if m[2] == "" {
					p.Problem = fmt.Sprintf("placeholder %q is not closed", m[0])
					p.Want = m[0] + "|*"
				}
				f.add(p)
				i += len(m[0])
				continue
			}
		}
		i++
	}
	return to
}

// plainConversion: a conversion with a position (%1$d) or with no width or
// precision (%d, %s) is one even with a letter after it, as Android writes
// %ds and %1$dgönderiliyor; %50den is a Turkish percentage.
func plainConversion(m string) bool {
	if i := strings.IndexByte(m, '$'); i > 0 {
		return true
	}
	return !strings.ContainsAny(m, "0123456789")
}

func letterAt(t string, i int) bool {
	if i >= len(t) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_'
}

// liquidTag reads a Liquid tag {% … %} at i.
func (f *finder) liquidTag(i, to int) int {
	end := strings.Index(f.text[i+2:to], "%}")
	if end >= 0 {
		end += 2
	}
	if end < 0 || strings.IndexByte(f.text[i:i+end], '\n') >= 0 {
		e := i + 2 + len(ident(strings.TrimLeft(f.text[i+2:to], " -")))
		e += len(f.text[i+2:to]) - len(strings.TrimLeft(f.text[i+2:to], " -"))
		f.add(Placeholder{Span: Span{i, e}, Syntax: Liquid, Problem: fmt.Sprintf("tag %q is not closed", f.text[i:e]), Want: f.text[i:e] + " %}"})
		return e
	}
	inner := strings.Trim(f.text[i+2:i+end], " -")
	name, _, _ := strings.Cut(inner, " ")
	f.add(Placeholder{Span: Span{i, i + end + 2}, Syntax: Liquid, Name: name, Type: "tag"})
	return i + end + 2
}

// braces reads a run of opening braces at i (after a % or $ sign), up to the
// closing run: {{name}}, {name}, %{name}, ${name}, or one written wrong.
func (f *finder) braces(i, to int) int {
	t := f.text
	open := i
	if t[i] != '{' {
		open = i + 1
	}
	j := open
	for j < to && t[j] == '{' {
		j++
	}
	nOpen := j - open
	for j < to && t[j] != '{' && t[j] != '}' && t[j] != '\n' {
		j++
	}
	innerEnd := j
	for j < to && t[j] == '}' && (f.depth == 0 || j-innerEnd < nOpen) {
		j++
	}
	nClose := j - innerEnd
	raw := t[i:j]
	inner := t[open+nOpen : innerEnd]
	name := strings.TrimSpace(inner)
	p := Placeholder{Span: Span{i, j}}
	switch {
	case t[i] == '%':
		p.Syntax = Rails
	case t[i] == '$':
		p.Syntax = Dollar
	case nOpen == 1:
		p.Syntax = ICU
	case strings.ContainsAny(name, "|") || strings.HasPrefix(inner, " ") && strings.Contains(name, "."):
		p.Syntax = Liquid
	default:
		p.Syntax = Mustache
	}
	wellFormed := nClose == nOpen || nOpen == 3 && nClose == 3
	if f.syn&p.Syntax == 0 && !wellFormed && t[i] == '{' && f.syn&Mustache != 0 {
		p.Syntax = Mustache // braces written wrong, in a text that uses {{name}}
	}
	if f.syn&p.Syntax == 0 || p.Syntax == ICU && wellFormed && ident(name) == "" {
		return j // another system's, or braces that hold no name: {"a": 1}
	}
	switch {
	case nClose == 0:
		end := open + nOpen
		end += len(ident(inner))
		p.End = end
		p.Problem = fmt.Sprintf("placeholder %q is not closed", t[i:end])
		p.Want = t[i:end] + strings.Repeat("}", nOpen)
	case nOpen != nClose && !(nOpen == 3 && nClose == 3):
		n := min(max(nOpen, nClose), 2)
		p.Problem = fmt.Sprintf("placeholder %q has %d opening and %d closing braces", raw, nOpen, nClose)
		p.Want = t[i:open] + strings.Repeat("{", n) + name + strings.Repeat("}", n)
	case name == "":
		p.Problem = fmt.Sprintf("placeholder %q is empty", raw)
	default:
		p.Name = argName(name, p.Syntax)
	}
	f.add(p)
	return p.End
}

// argName is the name in a placeholder's text: contact.name in
// "contact.name | default: 'there'", val in i18next's "val, number".
func argName(inner string, s Syntax) string {
	if s == Liquid || s == Mustache {
		inner = strings.TrimLeft(inner, "#/^&>! ")
	}
	if id := ident(inner); id != "" {
		return strings.TrimRight(id, ".-")
	}
	return inner
}

// stray reads text that ends in closing braces with no opening one before
// it: "first_name}}". A lone "}" after a word that is not a name is left.
func (f *finder) stray(from, i, to int) int {
	t := f.text
	j := i
	for j < to && t[j] == '}' {
		j++
	}
	s := i
	for s > from && t[s-1] != ' ' && t[s-1] != '\t' && t[s-1] != '\n' && t[s-1] != '}' && t[s-1] != '{' {
		s--
	}
	word := t[s:i]
	if j-i >= 2 || word != "" && ident(word) == word {
		if len(f.out) > 0 && f.out[len(f.out)-1].End > s {
			s = i // the word is a placeholder's: only the braces are stray
		}
		f.add(Placeholder{Span: Span{s, j}, Syntax: Mustache, Name: word,
			Problem: fmt.Sprintf("placeholder %q has no opening brace", t[s:j]),
			Want:    strings.Repeat("{", j-i) + t[s:j]})
	}
	return j
}

// icuTypes are the ICU argument types; a {word, other} that names none is
// not ICU.
var icuTypes = map[string]bool{"plural": true, "select": true, "selectordinal": true, "number": true,
	"date": true, "time": true, "spellout": true, "ordinal": true, "duration": true}

// icu reads an ICU MessageFormat argument at i: {name}, {n, number},
// {count, plural, one {…} other {…}}. ok is false for anything else, which
// is then read as braces.
func (f *finder) icu(i, to int) (int, bool) {
	t := f.text
	j := skipSpace(t, i+1, to)
	nameAt := j
	name := ident(t[j:to])
	if name == "" {
		return 0, false
	}
	j = skipSpace(t, j+len(name), to)
	if j >= to {
		return 0, false
	}
	if t[j] == '}' {
		// {name}: a stray second brace makes it a run written wrong.
		if j+1 < to && t[j+1] == '}' && f.depth == 0 {
			return 0, false
		}
		f.add(Placeholder{Span: Span{i, j + 1}, Syntax: ICU, Name: name})
		return j + 1, true
	}
	if t[j] != ',' {
		return 0, false
	}
	j = skipSpace(t, j+1, to)
	typ := ident(t[j:to])
	if !icuTypes[typ] {
		return 0, false
	}
	j = skipSpace(t, j+len(typ), to)
	p := Placeholder{Span: Span{i, 0}, Syntax: ICU, Name: name, Type: typ}
	if j < to && t[j] == '}' {
		p.End = j + 1
		f.add(p)
		return j + 1, true
	}
	if j >= to || t[j] != ',' {
		return 0, false
	}
	j++
	if typ != "plural" && typ != "select" && typ != "selectordinal" {
		// A style: {n, number, ::currency/EUR}, {d, date, short}.
		e := strings.IndexAny(t[j:to], "{}\n")
		if e < 0 || t[j+e] != '}' {
			return 0, false
		}
		p.End = j + e + 1
		f.add(p)
		return p.End, true
	}
	if f.depth >= maxDepth {
		return 0, false
	}
	argEnd := f.closer(i)
	if argEnd < 0 || argEnd >= to {
		if f.depth > 0 {
			return 0, false
		}
		// Never closed: the argument is written wrong, and the rest is its
		// branches, not text to read again.
		e := nameAt + len(name)
		f.add(Placeholder{Span: Span{i, e}, Syntax: ICU, Name: name, Type: typ,
			Problem: fmt.Sprintf("%s argument %q is not closed", typ, t[i:e])})
		return to, true
	}
	at := len(f.out)
	f.add(p)
	for {
		j = skipSpace(t, j, argEnd)
		if j == argEnd {
			f.out[at].End = argEnd + 1
			return argEnd + 1, true
		}
		key := ""
		if strings.HasPrefix(t[j:argEnd], "offset:") {
			j = skipSpace(t, j+len("offset:"), argEnd)
			n := strings.IndexFunc(t[j:argEnd], func(r rune) bool { return r < '0' || r > '9' })
			if n <= 0 {
				break
			}
			j += n
			continue
		}
		if t[j] == '=' {
			key = "=" + strings.TrimRightFunc(ident(t[j+1:argEnd]), func(r rune) bool { return r == '.' })
		} else {
			key = ident(t[j:argEnd])
		}
		if key == "" || key == "=" {
			break
		}
		j = skipSpace(t, j+len(key), argEnd)
		if j >= argEnd || t[j] != '{' {
			break
		}
		end := f.closer(j)
		if end < 0 || end >= argEnd {
			break
		}
		f.depth++
		stop := f.scan(j+1, end, typ != "select")
		f.depth--
		if stop != end {
			break
		}
		f.out[at].Cases = append(f.out[at].Cases, Case{Key: key, Text: Span{j + 1, end}})
		j = end + 1
	}
	// Closed, but not as ICU writes it: read as braces.
	f.out = f.out[:at]
	return 0, false
}

// closer is the offset of the '}' that closes the '{' at i, -1 if none.
// Braces are matched once per text, so that an argument left open costs
// nothing to the arguments around it.
func (f *finder) closer(i int) int {
	if f.match == nil {
		f.match = map[int]int{}
		var open []int
		for k := 0; k < len(f.text); k++ {
			switch f.text[k] {
			case '{':
				open = append(open, k)
			case '}':
				if len(open) > 0 {
					f.match[open[len(open)-1]] = k
					open = open[:len(open)-1]
				}
			}
		}
	}
	if e, ok := f.match[i]; ok {
		return e
	}
	return -1
}

func skipSpace(t string, j, to int) int {
	for j < to && (t[j] == ' ' || t[j] == '\t' || t[j] == '\n' || t[j] == '\r') {
		j++
	}
	return j
}

//go:embed slots.yaml
var slotsYAML []byte

// slotWords mark a bracketed slot nobody filled in: [Customer Name],
// [Müşteri Adı]. They are lower-cased the Turkic way, which changes nothing
// but I and İ.
var slotWords = func() map[string]bool {
	var words []string
	if err := yaml.Unmarshal(slotsYAML, &words); err != nil {
		panic(err)
	}
	m := map[string]bool{}
	for _, w := range words {
		m[lower(w)] = true
	}
	return m
}()

// lower folds a slot word in Turkish casing (I to ı, İ to i). It keeps no
// state: a cases.Caser must not be shared between goroutines, and files are
// checked on all cores.
func lower(s string) string { return strings.ToLowerSpecial(unicode.TurkishCase, s) }

// notation: brackets glued to brackets describe a format
// ([+][country code][area code][number]), not a slot left unfilled.
func notation(text string, s, e int) bool {
	return s > 0 && (text[s-1] == ']' || text[s-1] == '>') || e < len(text) && (text[e] == '[' || text[e] == '<')
}

// synopsisRE: a text that opens with a command (an upper-case word or a
// /command) and its arguments in brackets is a usage synopsis, whose
// brackets say what to type, not a slot left unfilled.
var synopsisRE = regexp.MustCompile(`^(?:[A-Z][A-Z0-9_]+|/[a-z][a-z0-9_-]*) [<\[]`)

// slotRE is compiled on first use: its \p{L} classes took a few hundred
// microseconds of every start, and only a text with a bracket reaches it.
var slotRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\[[^\[\]\n]{1,40}\]|<[\p{L}_][\p{L}\p{N}_ -]{0,30}>`)
})

// slots finds bracketed slots left for a person to fill: [NAME],
// [Customer Name], <name>. A bracket with digits, a long phrase or words
// that name nothing is not one, nor one inside a placeholder found already.
func (f *finder) slots() {
	if synopsisRE.MatchString(f.text) {
		return // UNLOAD <name>, /remind <time> <text>: how to write a command
	}
	found := NewIndex(slices.Clone(f.out))
	for _, loc := range slotRE().FindAllStringIndex(f.text, -1) {
		inner := f.text[loc[0]+1 : loc[1]-1]
		if strings.IndexFunc(inner, unicode.IsDigit) >= 0 || strings.TrimSpace(inner) == "" || found.Touches(loc[0], loc[1]) ||
			notation(f.text, loc[0], loc[1]) {
			continue
		}
		words := strings.Fields(inner)
		caps := strings.ToUpper(inner) == inner && strings.IndexFunc(inner, unicode.IsLetter) >= 0
		known := false
		for _, w := range words {
			if slotWords[lower(strings.Trim(w, "_-"))] {
				known = true
			}
		}
		if len(words) <= 4 && (caps || known) {
			f.out = append(f.out, Placeholder{Span: Span{loc[0], loc[1]}, Syntax: Slot, Name: inner, Unfilled: true})
		}
	}
	// Keep text order for the rules that walk the list.
	sortByStart(f.out)
}

func sortByStart(ps []Placeholder) {
	slices.SortStableFunc(ps, func(a, b Placeholder) int { return a.Start - b.Start })
}
