package style

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/msglint/msglint/lint"
	"gopkg.in/yaml.v3"
)

// existence reports every match of its tokens: banned claims, words the
// brand does not use.
type existence struct {
	ps []*pattern
}

func newExistence(n *yaml.Node) (checker, *header, error) {
	def, err := decode(n, struct {
		header `yaml:",inline"`
		Tokens []string `yaml:"tokens"`
	}{})
	if err != nil {
		return nil, nil, err
	}
	if len(def.Tokens) == 0 {
		return nil, nil, fmt.Errorf("line %d: existence needs tokens", n.Line)
	}
	ps, err := patterns(def.Tokens, &def.header)
	return &existence{ps}, defaultMessage(&def.header, "Avoid '%s'."), err
}

func (c *existence) check(p *lint.Pass, part lint.Part, f *lint.Field, h *header) {
	ms, _ := findAll(c.ps, f, p.Msg.Lang, h.IgnoreCase)
	for _, m := range ms {
		p.Report(lint.Diagnostic{Part: part, Span: m.span, Message: format(h.Message, m.text)})
	}
}

func (c *existence) words() []string { return sources(c.ps) }

func sources(ps []*pattern) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.src
	}
	return out
}

func defaultMessage(h *header, msg string) *header {
	if h.Message == "" {
		h.Message = msg
	}
	return h
}

// substitution reports a match of a swap key and suggests its value; a
// single value is a safe fix.
type substitution struct {
	ps   []*pattern
	with []string
}

func newSubstitution(n *yaml.Node) (checker, *header, error) {
	def, err := decode(n, struct {
		header `yaml:",inline"`
		Swap   yaml.Node `yaml:"swap"`
	}{})
	if err != nil {
		return nil, nil, err
	}
	sw := &def.Swap
	if sw.Kind != yaml.MappingNode || len(sw.Content) == 0 {
		return nil, nil, fmt.Errorf("line %d: substitution needs swap: a mapping of pattern: replacement", n.Line)
	}
	c := &substitution{}
	var keys []string
	for i := 0; i+1 < len(sw.Content); i += 2 {
		k, v := sw.Content[i], sw.Content[i+1]
		if v.Kind != yaml.ScalarNode {
			return nil, nil, fmt.Errorf("line %d: swap %q: the replacement must be a string", v.Line, k.Value)
		}
		keys, c.with = append(keys, k.Value), append(c.with, v.Value)
	}
	c.ps, err = patterns(keys, &def.header)
	return c, defaultMessage(&def.header, "Use '%s' instead of '%s'."), err
}

func (c *substitution) check(p *lint.Pass, part lint.Part, f *lint.Field, h *header) {
	l := p.Msg.Lang
	ms, which := findAll(c.ps, f, l, h.IgnoreCase)
	for i, m := range ms {
		want := c.with[which[i]]
		options := strings.Split(want, "|")
		if len(options) == 1 {
			want = caseLike(l, m.text, want)
			options[0] = want
		}
		if m.text == want {
			continue
		}
		d := lint.Diagnostic{Part: part, Span: m.span, Message: format(h.Message, strings.Join(options, "' or '"), m.text), Suggestion: want}
		if len(options) == 1 {
			d.Fix = &lint.Edit{Span: m.span, New: want}
		} else {
			d.Suggestion = strings.Join(options, ", ")
		}
		p.Report(d)
	}
}

func (c *substitution) words() []string {
	out := make([]string, len(c.ps))
	for i, p := range c.ps {
		out[i] = p.src + " → " + c.with[i]
	}
	return out
}

// caseLike gives a replacement written in lower case the case of the text
// it replaces (EMAIL → E-MAIL, Email → E-mail); a replacement with capitals
// is written as the rule says (Luma Shoes).
func caseLike(l lint.Lang, old, repl string) string {
	if lint.Lower(l, repl) != repl {
		return repl
	}
	switch {
	case len([]rune(old)) > 1 && lint.Upper(l, old) == old && lint.Lower(l, old) != old:
		return lint.Upper(l, repl)
	case old != "" && firstUpper(l, old):
		r := []rune(repl)
		return lint.Upper(l, string(r[0])) + string(r[1:])
	}
	return repl
}

func firstUpper(l lint.Lang, s string) bool {
	r := []rune(s)
	return lint.Lower(l, string(r[0])) != string(r[0])
}

// capitalization checks that a field is written in one case style: $title
// (every word capitalised), $sentence (every sentence starts with a
// capital), $lower, $upper, or a regular expression the whole field must
// match. Words in exceptions are left as they are.
type capitalization struct {
	style      string
	re         *regexp.Regexp
	exceptions []string
}

func newCapitalization(n *yaml.Node) (checker, *header, error) {
	def, err := decode(n, struct {
		header     `yaml:",inline"`
		Match      string   `yaml:"match"`
		Exceptions []string `yaml:"exceptions"`
	}{})
	if err != nil {
		return nil, nil, err
	}
	c := &capitalization{style: def.Match, exceptions: def.Exceptions}
	switch def.Match {
	case "$title", "$sentence", "$lower", "$upper":
	case "":
		return nil, nil, fmt.Errorf("line %d: capitalization needs match: $title, $sentence, $lower, $upper or a pattern", n.Line)
	default:
		if c.re, err = regexp.Compile(def.Match); err != nil {
			return nil, nil, fmt.Errorf("match %q: %v", def.Match, err)
		}
	}
	return c, defaultMessage(&def.header, "'%s' should be in "+strings.TrimPrefix(def.Match, "$")+" case."), nil
}

func (c *capitalization) check(p *lint.Pass, part lint.Part, f *lint.Field, h *header) {
	l := p.Msg.Lang
	report := func(s lint.Span) {
		p.Report(lint.Diagnostic{Part: part, Span: s, Message: format(h.Message, f.Text[s.Start:s.End])})
	}
	if c.re != nil {
		if f.Text != "" && !c.re.MatchString(f.Text) {
			report(lint.Span{End: len(f.Text)})
		}
		return
	}
	// A sentence starts the field and follows . ! ? and a space, unless
	// what the period ends is an abbreviation (Dr., və s.): a lower-case
	// start is what this rule looks for, so the sentence splitter, which
	// wants a capital, cannot say where one starts.
	start := true
	var prevWord lint.Token
	toks := lint.Tokenize(f.Text, l)
	for i, t := range toks {
		if t.Kind == lint.Punct {
			if p := f.Text[t.Start:t.End]; strings.ContainsAny(p, ".!?…") && i+1 < len(toks) && toks[i+1].Kind == lint.Space {
				start = p != "." || prevWord.End != t.Start ||
					!lint.IsAbbreviation(l, f.Text[:prevWord.Start], f.Text[prevWord.Start:prevWord.End])
			}
			continue
		}
		if t.Kind != lint.Word {
			if t.Kind == lint.Number {
				start = false
			}
			continue
		}
		prevWord = t
		w := f.Text[t.Start:t.End]
		sentenceStart := start
		start = false
		if c.isException(w) {
			continue
		}
		ok := true
		switch c.style {
		case "$upper":
			ok = lint.Upper(l, w) == w
		case "$lower":
			ok = lint.Lower(l, w) == w
		case "$title":
			ok = firstUpper(l, w)
		case "$sentence":
			ok = !sentenceStart || firstUpper(l, w)
		}
		if !ok {
			report(lint.Span{Start: t.Start, End: t.End})
		}
	}
}

func (c *capitalization) isException(w string) bool {
	for _, e := range c.exceptions {
		if e == w {
			return true
		}
	}
	return false
}

func (c *capitalization) words() []string { return c.exceptions }

// occurrence limits how often a token may appear in a field: at most max
// times (reported at the first one too many), at least min times.
type occurrence struct {
	p        *pattern
	max, min int
}

func newOccurrence(n *yaml.Node) (checker, *header, error) {
	def, err := decode(n, struct {
		header `yaml:",inline"`
		Token  string `yaml:"token"`
		Max    int    `yaml:"max"`
		Min    int    `yaml:"min"`
	}{})
	if err != nil {
		return nil, nil, err
	}
	if def.Token == "" || def.Max <= 0 && def.Min <= 0 {
		return nil, nil, fmt.Errorf("line %d: occurrence needs a token and max or min", n.Line)
	}
	p, err := newPattern(def.Token, def.IgnoreCase, def.Nonword)
	return &occurrence{p, def.Max, def.Min}, defaultMessage(&def.header, "'%s' appears too often."), err
}

func (c *occurrence) check(p *lint.Pass, part lint.Part, f *lint.Field, h *header) {
	ms, _ := findAll([]*pattern{c.p}, f, p.Msg.Lang, h.IgnoreCase)
	switch {
	case c.max > 0 && len(ms) > c.max:
		m := ms[c.max]
		p.Report(lint.Diagnostic{Part: part, Span: m.span, Message: format(h.Message, m.text)})
	case c.min > 0 && len(ms) < c.min && f.Text != "":
		p.Report(lint.Diagnostic{Part: part, Span: lint.Span{End: len(f.Text)}, Message: format(h.Message, c.p.src)})
	}
}

func (c *occurrence) words() []string { return []string{c.p.src} }

// conditional: every match of first must also be among the matches of
// second (Vale's meaning): an abbreviation used must be spelled out too.
// The first group of each pattern, if it has one, is what is compared.
type conditional struct {
	first, second *pattern
	exceptions    []string
}

func newConditional(n *yaml.Node) (checker, *header, error) {
	def, err := decode(n, struct {
		header     `yaml:",inline"`
		First      string   `yaml:"first"`
		Second     string   `yaml:"second"`
		Exceptions []string `yaml:"exceptions"`
	}{})
	if err != nil {
		return nil, nil, err
	}
	if def.First == "" || def.Second == "" {
		return nil, nil, fmt.Errorf("line %d: conditional needs first and second", n.Line)
	}
	c := &conditional{exceptions: def.Exceptions}
	if c.first, err = newPattern(def.First, def.IgnoreCase, def.Nonword); err != nil {
		return nil, nil, err
	}
	if c.second, err = newPattern(def.Second, def.IgnoreCase, def.Nonword); err != nil {
		return nil, nil, err
	}
	return c, defaultMessage(&def.header, "'%s' needs its condition met."), nil
}

func (c *conditional) check(p *lint.Pass, part lint.Part, f *lint.Field, h *header) {
	l := p.Msg.Lang
	seen := map[string]bool{}
	ms, _ := findAll([]*pattern{c.second}, f, l, h.IgnoreCase)
	for _, m := range ms {
		seen[c.key(l, m.group, h)] = true
	}
	ms, _ = findAll([]*pattern{c.first}, f, l, h.IgnoreCase)
	for _, m := range ms {
		if !seen[c.key(l, m.group, h)] && !contains(c.exceptions, m.group) {
			p.Report(lint.Diagnostic{Part: part, Span: m.span, Message: format(h.Message, m.group)})
		}
	}
}

func (c *conditional) key(l lint.Lang, s string, h *header) string {
	if h.IgnoreCase {
		return lint.Lower(l, s)
	}
	return s
}

func (c *conditional) words() []string { return []string{c.first.src, c.second.src} }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// sequence reports consecutive words that each match their token's
// pattern (or, with negate, do not): "free of charge" where "free" alone
// would do. Vale's part-of-speech tags are not supported.
type sequence struct {
	steps []step
}

type step struct {
	src    string
	re     map[lint.Lang]*regexp.Regexp
	negate bool
}

func newSequence(n *yaml.Node) (checker, *header, error) {
	def, err := decode(n, struct {
		header `yaml:",inline"`
		Tokens []struct {
			Pattern string `yaml:"pattern"`
			Negate  bool   `yaml:"negate"`
		} `yaml:"tokens"`
	}{})
	if err != nil {
		return nil, nil, err
	}
	if len(def.Tokens) == 0 {
		return nil, nil, fmt.Errorf("line %d: sequence needs tokens, each with a pattern", n.Line)
	}
	c := &sequence{}
	for _, t := range def.Tokens {
		if t.Pattern == "" {
			return nil, nil, fmt.Errorf("line %d: each of a sequence's tokens needs a pattern", n.Line)
		}
		p, err := newPattern("^(?:"+t.Pattern+")$", def.IgnoreCase, true)
		if err != nil {
			return nil, nil, err
		}
		c.steps = append(c.steps, step{src: t.Pattern, re: p.byLang, negate: t.Negate})
	}
	return c, defaultMessage(&def.header, "Avoid '%s'."), nil
}

func (c *sequence) check(p *lint.Pass, part lint.Part, f *lint.Field, h *header) {
	l := p.Msg.Lang
	var words []lint.Token
	for _, t := range lint.Tokenize(f.Text, l) {
		if t.Kind == lint.Word || t.Kind == lint.Number {
			words = append(words, t)
		}
	}
	for i := 0; i+len(c.steps) <= len(words); i++ {
		ok := true
		for j, s := range c.steps {
			w := words[i+j]
			text := f.Text[w.Start:w.End]
			if h.IgnoreCase {
				text = lint.Lower(l, text)
			}
			re := s.re[l]
			if re == nil {
				re = s.re[lint.English]
			}
			if re.MatchString(text) == s.negate {
				ok = false
				break
			}
		}
		if ok {
			sp := lint.Span{Start: words[i].Start, End: words[i+len(c.steps)-1].End}
			p.Report(lint.Diagnostic{Part: part, Span: sp, Message: format(h.Message, f.Text[sp.Start:sp.End])})
			i += len(c.steps) - 1
		}
	}
}

func (c *sequence) words() []string {
	out := make([]string, len(c.steps))
	for i, s := range c.steps {
		out[i] = s.src
		if s.negate {
			out[i] = "not " + s.src
		}
	}
	return out
}
