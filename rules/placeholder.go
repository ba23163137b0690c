package rules

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/placeholder"
	"gopkg.in/yaml.v3"
)

var placeholderData = loadData("placeholder.yaml")

// PlaceholderOptions configures the placeholder rule.
type PlaceholderOptions struct {
	// Variables are the placeholder names your sending system fills in; a
	// name one or two letters away from one of them is reported as a likely
	// typo.
	Variables []string `yaml:"variables"`
	// Names is the older name of Variables; both lists count.
	Names []string `yaml:"names"`
	// Strict reports every name not in the variables list, not only likely
	// typos.
	Strict bool `yaml:"strict"`
}

func (o PlaceholderOptions) variables() []string {
	return append(slices.Clone(o.Variables), o.Names...)
}

// Placeholder flags malformed, unfilled and misspelt placeholders.
var Placeholder = &lint.Rule{
	Name: "placeholder",
	Doc: lint.Doc{
		Title: "broken or unfilled placeholder",
		Text: `Flags placeholders that will reach the customer as they are written: unbalanced braces
({{first_name}, {first_name}}), empty ones ({{ }}), ones never closed ({{tracking_url, %{name,
*|FNAME, an ICU {count, plural, … with no end), and bracketed slots nobody filled in ([NAME],
[Customer Name], [Müşteri Adı], <name>). Every common system is understood: {{name}} (i18next,
Messenger, WhatsApp {{1}}), Liquid {{ contact.name | default: 'there' }}, ICU {count, plural, one {…}
other {…}}, %{name}, ${name}, %s and %1$s, *|FNAME|*, %NAME% and :name. Warns when a name is one or two letters
away from a name the same library uses elsewhere, or from the variables list in the config
({{frist_name}}), and when one library mixes placeholder styles ({{name}}, {name}, ${name}), as the
sending system fills only one of them. strict: true reports every name not in the variables list.`,
		Why:      `A customer who reads "Hi {{first_name}," or "Dear [NAME]" knows nobody wrote to them.`,
		Examples: placeholderData.Examples,
		Severity: lint.Error,
		Default:  true,
	},
	Options: PlaceholderOptions{},
	New: func(node *yaml.Node) (lint.Check, error) {
		o, err := lint.DecodeOptions(node, PlaceholderOptions{})
		if err != nil {
			return nil, err
		}
		vars := o.variables()
		return func(p *lint.Pass) { checkPlaceholders(p, vars, o.Strict) }, nil
	},
	NewFile: func(node *yaml.Node) (lint.FileCheck, error) {
		o, err := lint.DecodeOptions(node, PlaceholderOptions{})
		if err != nil {
			return nil, err
		}
		vars := o.variables()
		return func(msgs []*lint.Message, report func(*lint.Message, lint.Diagnostic)) {
			checkStyles(msgs, report)
			checkLibraryNames(msgs, vars, report)
		}, nil
	},
}

func checkPlaceholders(p *lint.Pass, vars []string, strict bool) {
	text := p.Msg.Body.Text
	for _, ph := range p.Msg.Placeholders() {
		span := lint.Span{Start: ph.Start, End: ph.End}
		switch {
		case ph.Problem != "":
			want := ph.Want
			if want == "" {
				want = "{{first_name}}"
			}
			p.Report(lint.Diagnostic{Span: span, Message: ph.Problem, Suggestion: want})
		case ph.Unfilled:
			p.Report(lint.Diagnostic{Span: span, Message: fmt.Sprintf("%s is a slot nobody filled in", text[ph.Start:ph.End]),
				Suggestion: "{{first_name}}"})
		case len(vars) > 0 && named(ph) && !slices.Contains(vars, ph.Name):
			if near := nearest(ph.Name, vars); near != "" {
				p.Report(lint.Diagnostic{Span: span, Severity: lint.Warning,
					Message:    fmt.Sprintf("unknown placeholder %q: did you mean %q?", ph.Name, near),
					Suggestion: strings.Replace(text[ph.Start:ph.End], ph.Name, near, 1)})
			} else if strict {
				p.Report(lint.Diagnostic{Span: span,
					Message: fmt.Sprintf("unknown placeholder %q (add it to the variables option if your system fills it)", ph.Name)})
			}
		}
	}
}

// named tells a placeholder whose name a person chose (first_name,
// contact.name) from a number, a printf conversion, ICU's # and a Liquid tag.
func named(ph placeholder.Placeholder) bool {
	if ph.Problem != "" || ph.Unfilled || ph.Syntax == placeholder.Printf || ph.Type == "tag" || ph.Name == "" {
		return false
	}
	return strings.IndexFunc(ph.Name, unicode.IsLetter) >= 0
}

// checkLibraryNames warns where a name used once is one or two letters away
// from a name the same library uses in other messages: {{frist_name}} in a
// library that writes {{first_name}} elsewhere. Only the library's own names
// count: a list of common names would call a correct {{count}} a typo of
// amount.
func checkLibraryNames(msgs []*lint.Message, vars []string, report func(*lint.Message, lint.Diagnostic)) {
	// Counted by family and name as a pair, with no string made for
	// each placeholder of the library: familyName only for the names
	// compared.
	inMsgs := map[familyKey]int{} // family and name -> messages using it
	for _, m := range msgs {
		seen := map[familyKey]bool{}
		for _, ph := range m.Placeholders() {
			if k := familyOf(ph); named(ph) && !seen[k] {
				seen[k] = true
				inMsgs[k]++
			}
		}
	}
	if len(inMsgs) < 2 {
		return
	}
	var known []string
	knownIn := map[string]int{}
	for n, k := range inMsgs {
		if k >= 2 {
			s := n.String()
			known = append(known, s)
			knownIn[s] = k
		}
	}
	slices.Sort(known)
	for _, m := range msgs {
		for _, ph := range m.Placeholders() {
			if !named(ph) || inMsgs[familyOf(ph)] != 1 || slices.Contains(vars, ph.Name) ||
				len(vars) > 0 && nearest(ph.Name, vars) != "" { // the message check said it already
				continue
			}
			k := familyName(ph)
			near := ""
			for _, kn := range known {
				if typoOf(k, kn) {
					near = kn
					break
				}
			}
			if near == "" {
				continue
			}
			nearK := near
			_, near, _ = strings.Cut(near, "\x00")
			raw := m.Body.Text[ph.Start:ph.End]
			report(m, lint.Diagnostic{
				Span:       lint.Span{Start: ph.Start, End: ph.End},
				Message:    fmt.Sprintf("placeholder %q is used only here; did you mean %q, as in %d other messages?", ph.Name, near, knownIn[nearK]),
				Suggestion: strings.Replace(raw, ph.Name, near, 1),
				Severity:   lint.Warning,
			})
		}
	}
}

// familyName keys a name by its system, as only names of one system are
// compared: %FIRSTNAME% is not a typo of {{first_name}}. Liquid's names
// are {{name}}'s.
func familyName(ph placeholder.Placeholder) string { return familyOf(ph).String() }

// familyKey is familyName as a pair, which a map can be keyed by without a
// string made for it.
type familyKey struct {
	syntax placeholder.Syntax
	name   string
}

func familyOf(ph placeholder.Placeholder) familyKey {
	s := ph.Syntax
	if s == placeholder.Liquid {
		s = placeholder.Mustache
	}
	return familyKey{s, ph.Name}
}

func (k familyKey) String() string { return k.syntax.String() + "\x00" + k.name }

// typoOf tells whether name a looks like a slip in writing name b, by the
// common slips: one letter wrong, missing, doubled or two swapped, inside one
// part of the name (first_name, contactName), a part of four letters or more.
// Names a library means to differ are not: another short abbreviation
// (allowed_ns_num, allowed_cb_num), another ending (commented, commenter;
// dept_name, depts_name), a numbered part (plan_name, plan_name_1).
func typoOf(a, b string) bool {
	pa, pb := nameParts(a), nameParts(b)
	if len(pa) != len(pb) {
		return false
	}
	diff := -1
	for i := range pa {
		if pa[i] != pb[i] {
			if diff >= 0 {
				return false
			}
			diff = i
		}
	}
	if diff < 0 {
		return false
	}
	x, y := []rune(pa[diff]), []rune(pb[diff])
	if len(x) < 4 || len(y) < 4 || osaDistance(x, y) != 1 {
		return false
	}
	common := 0
	for common < min(len(x), len(y)) && x[common] == y[common] {
		common++
	}
	return common < min(len(x), len(y))-2 // not only in the ending
}

// nameParts splits a placeholder name at _ . - and where camelCase starts a
// word, lower case.
func nameParts(s string) []string {
	var parts []string
	start := 0
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case r == '_' || r == '.' || r == '-' || r == 0:
			parts = append(parts, strings.ToLower(string(rs[start:i])))
			start = i + 1
		case i > start && unicode.IsUpper(r) && unicode.IsLower(rs[i-1]):
			parts = append(parts, strings.ToLower(string(rs[start:i])))
			start = i
		}
	}
	return append(parts, strings.ToLower(string(rs[start:])))
}

// osaDistance is the edit distance in which swapping two neighbouring
// letters is one edit (optimal string alignment).
func osaDistance(a, b []rune) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// nearest returns a name close enough to id to be a typo of it: one edit
// for a short name, two for a long one. Names that differ only in a digit
// (item1, item2) are different names.
func nearest(id string, names []string) string {
	n := len([]rune(id[strings.IndexByte(id, 0)+1:])) // the name, without its family
	if n < 4 {
		return ""
	}
	limit := 1
	if n >= 8 {
		limit = 2
	}
	best, bestD := "", limit+1
	for _, name := range names {
		if name == id || digitsOnlyDiffer(id, name) {
			continue
		}
		if d := editDistance(strings.ToLower(id), strings.ToLower(name)); d < bestD {
			best, bestD = name, d
		}
	}
	return best
}

func digitsOnlyDiffer(a, b string) bool {
	strip := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsDigit(r) {
				return -1
			}
			return r
		}, s)
	}
	return strip(a) == strip(b)
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// styleOf is the style a library's mixing check compares: {{name}} (with
// Liquid's), {name} or ${name}; "" for the systems that live beside these
// (printf, slots), for plural and select arguments, and for %{name}, which
// i18n-js fills beside {{name}} and vue-i18n beside {name}.
func styleOf(ph placeholder.Placeholder) string {
	if ph.Problem != "" || ph.Nested || ph.Type != "" {
		return ""
	}
	switch ph.Syntax {
	case placeholder.Mustache, placeholder.Liquid:
		return placeholder.Mustache.Form()
	case placeholder.ICU, placeholder.Dollar:
		return ph.Syntax.Form()
	}
	return ""
}

// checkStyles warns where a library mixes placeholder styles: the messages
// using a style other than the library's most common one.
func checkStyles(msgs []*lint.Message, report func(*lint.Message, lint.Diagnostic)) {
	type use struct {
		m    *lint.Message
		span lint.Span
	}
	uses := map[string][]use{}
	for _, m := range msgs {
		for _, ph := range m.Placeholders() {
			if st := styleOf(ph); st != "" {
				uses[st] = append(uses[st], use{m, lint.Span{Start: ph.Start, End: ph.End}})
			}
		}
	}
	if len(uses) < 2 {
		return
	}
	main := ""
	for st, u := range uses {
		if len(u) > len(uses[main]) || len(u) == len(uses[main]) && st < main {
			main = st
		}
	}
	for st, us := range uses {
		if st == main {
			continue
		}
		for _, u := range us {
			report(u.m, lint.Diagnostic{
				Span:     u.span,
				Message:  fmt.Sprintf("this library writes placeholders as %s, but this one as %s; the sending system fills only one style", main, st),
				Severity: lint.Warning,
			})
		}
	}
}

// slotSpans are the spans of every placeholder in text (slots such as
// [NAME] and *|FNAME|* among them), which no rule reads as words. Rules that
// have the message use Message.InPlaceholder or Message.Masked instead.
func slotSpans(text string) []lint.Span {
	var out []lint.Span
	for _, ph := range placeholder.Find(text, placeholder.All) {
		out = append(out, lint.Span{Start: ph.Start, End: ph.End})
	}
	return out
}
