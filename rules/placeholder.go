package rules

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/msglint/msglint/lint"
	"gopkg.in/yaml.v3"
)

var (
	placeholderData = loadData("placeholder.yaml")
	// The lists hold in every language.
	placeholderLists = placeholderData.Lexicon["all"]
)

// PlaceholderOptions configures the placeholder rule.
type PlaceholderOptions struct {
	// Names adds placeholder names your sending system fills in.
	Names []string `yaml:"names"`
	// Strict reports every {{name}} not in the names list, not only likely typos.
	Strict bool `yaml:"strict"`
}

// Placeholder flags malformed, unfilled and unknown placeholders.
var Placeholder = &lint.Rule{
	Name: "placeholder",
	Doc: lint.Doc{
		Title: "broken or unfilled placeholder",
		Text: `Flags placeholders that will reach the customer as they are written: unbalanced braces
({{first_name}, {first_name}}), empty ones ({{ }}), bracketed slots nobody filled in ([NAME],
[Customer Name], [Müşteri Adı], <name>), and names one or two letters away from a known one
({{frist_name}}). Warns when one library mixes placeholder styles ({{name}}, {name}, %{name}), as the
sending system fills only one of them. Add your system's names in the config; strict: true reports every
unknown name.`,
		Why:      `A customer who reads "Hi {{first_name}," or "Dear [NAME]" knows nobody wrote to them.`,
		Examples: placeholderData.Examples,
		Severity: lint.Error,
		Default:  true,
	},
	Options: PlaceholderOptions{},
	Lexicon: placeholderData.Lexicon,
	New: func(node *yaml.Node) (lint.Check, error) {
		o, err := lint.DecodeOptions(node, PlaceholderOptions{})
		if err != nil {
			return nil, err
		}
		names := append(slices.Clone(placeholderLists["names"]), o.Names...)
		return func(p *lint.Pass) { checkPlaceholders(p, names, o.Strict) }, nil
	},
	NewFile: func(*yaml.Node) (lint.FileCheck, error) { return checkStyles, nil },
}

var (
	slotRE     = regexp.MustCompile(`\[[^\[\]\n]{1,40}\]|<[\p{L}_][\p{L}\p{N}_ -]{0,30}>`)
	identifier = regexp.MustCompile(`^[\p{L}_][\p{L}\p{N}_.-]*`)
	slotWords  = func() map[string]bool {
		m := map[string]bool{}
		for _, w := range placeholderLists["slot_words"] {
			m[lint.TurkicCasing.Lower(w)] = true
		}
		return m
	}()
)

// slotSpans finds bracketed slots left for a person to fill: [NAME],
// [Customer Name], <name>. A bracket with digits or a long sentence is not one.
func slotSpans(text string) []lint.Span {
	if !strings.ContainsAny(text, "[<") {
		return nil
	}
	var out []lint.Span
	for _, loc := range slotRE.FindAllStringIndex(text, -1) {
		inner := text[loc[0]+1 : loc[1]-1]
		if strings.IndexFunc(inner, unicode.IsDigit) >= 0 || strings.TrimSpace(inner) == "" {
			continue
		}
		words := strings.Fields(inner)
		caps := strings.ToUpper(inner) == inner && strings.IndexFunc(inner, unicode.IsLetter) >= 0
		known := false
		for _, w := range words {
			if slotWords[lint.TurkicCasing.Lower(strings.Trim(w, "_-"))] {
				known = true
			}
		}
		if len(words) <= 4 && (caps || known) {
			out = append(out, lint.Span{Start: loc[0], End: loc[1]})
		}
	}
	return out
}

func checkPlaceholders(p *lint.Pass, names []string, strict bool) {
	text := p.Msg.Body.Text
	report := func(s, e int, msg, fix string) {
		p.Report(lint.Diagnostic{Span: lint.Span{Start: s, End: e}, Message: msg, Suggestion: fix})
	}
	if !strings.ContainsAny(text, "{}") {
		for _, sp := range slotSpans(text) {
			report(sp.Start, sp.End, fmt.Sprintf("%s is a slot nobody filled in", text[sp.Start:sp.End]), "{{first_name}}")
		}
		return
	}
	for _, loc := range braceRuns(text) {
		s, e := loc[0], loc[1]
		raw := text[s:e]
		body := strings.TrimLeft(strings.TrimLeft(raw, "%$"), "{")
		open := len(strings.TrimLeft(raw, "%$")) - len(body)
		inner := strings.TrimRight(body, "}")
		closing := len(body) - len(inner)
		name := strings.TrimSpace(inner)
		if open == 0 { // a closing run alone: "first_name}}"
			if closing >= 2 || identifier.MatchString(name) && !strings.ContainsAny(name, " ") {
				if i := strings.LastIndexAny(text[s:e], " \t"); i >= 0 {
					s += i + 1
				}
				report(s, e, fmt.Sprintf("placeholder %q has no opening brace", text[s:e]), "{"+strings.Repeat("{", closing-1)+text[s:e])
			}
			continue
		}
		switch {
		case closing == 0:
			end := s + len(raw)
			if m := identifier.FindStringIndex(inner); m != nil {
				end = s + (len(raw) - len(body)) + m[1]
			}
			report(s, end, fmt.Sprintf("placeholder %q is not closed", text[s:end]), text[s:end]+strings.Repeat("}", open))
		case open != closing:
			n := min(max(open, closing), 2)
			want := strings.Repeat("{", n) + name + strings.Repeat("}", n)
			report(s, e, fmt.Sprintf("placeholder %q has %d opening and %d closing braces", raw, open, closing), want)
		case name == "":
			report(s, e, fmt.Sprintf("placeholder %q is empty", raw), "{{first_name}}")
		default:
			id := identifier.FindString(name)
			if id == "" || slices.Contains(names, id) {
				continue
			}
			if near := nearest(id, names); near != "" {
				report(s, e, fmt.Sprintf("unknown placeholder %q: did you mean %q?", id, near), strings.Replace(raw, id, near, 1))
			} else if strict {
				report(s, e, fmt.Sprintf("unknown placeholder %q (add it to the names option if your system fills it)", id), "")
			}
		}
	}
	for _, sp := range slotSpans(text) {
		report(sp.Start, sp.End, fmt.Sprintf("%s is a slot nobody filled in", text[sp.Start:sp.End]), "{{first_name}}")
	}
}

// nearest returns a known name one or two edits from id, if any.
func nearest(id string, names []string) string {
	if len([]rune(id)) < 4 {
		return ""
	}
	best, bestD := "", 3
	for _, n := range names {
		if d := editDistance(strings.ToLower(id), n); d < bestD {
			best, bestD = n, d
		}
	}
	return best
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

// placeholderStyle names how a well-formed placeholder is written.
func placeholderStyle(raw string) string {
	switch {
	case strings.HasPrefix(raw, "%{"):
		return "%{name}"
	case strings.HasPrefix(raw, "${"):
		return "${name}"
	case strings.HasPrefix(raw, "{{"):
		return "{{name}}"
	}
	return "{name}"
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
		if strings.IndexByte(m.Body.Text, '{') < 0 {
			continue
		}
		for _, loc := range braceRuns(m.Body.Text) {
			raw := m.Body.Text[loc[0]:loc[1]]
			body := strings.TrimLeft(strings.TrimLeft(raw, "%$"), "{")
			inner := strings.TrimRight(body, "}")
			open, closing := len(strings.TrimLeft(raw, "%$"))-len(body), len(body)-len(inner)
			if open == 0 || open != closing || strings.TrimSpace(inner) == "" || open > 2 {
				continue
			}
			st := placeholderStyle(raw)
			uses[st] = append(uses[st], use{m, lint.Span{Start: loc[0], End: loc[1]}})
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

// braceRuns finds, left to right, what the regexp
// [%$]?\{+[^{}\n]*\}+|[%$]?\{+[^{}\n]*|[^{}\n]*\}+ would: a placeholder, an
// unclosed opener, or a line's text up to a stray closer. The regexp takes
// quadratic time on long lines (its last branch is tried at every
// position); this is one pass.
func braceRuns(text string) [][2]int {
	var out [][2]int
	stop := func(c byte) bool { return c == '{' || c == '}' || c == '\n' }
	for i := 0; i < len(text); {
		c := text[i]
		open := i
		if (c == '%' || c == '$') && i+1 < len(text) && text[i+1] == '{' {
			open = i + 1
		}
		if text[open] == '{' {
			j := open
			for j < len(text) && text[j] == '{' {
				j++
			}
			for j < len(text) && !stop(text[j]) {
				j++
			}
			for j < len(text) && text[j] == '}' {
				j++
			}
			out = append(out, [2]int{i, j})
			i = j
			continue
		}
		if c == '\n' {
			i++
			continue
		}
		// A run of ordinary text: a match only if a closer ends it.
		j := i
		for j < len(text) && !stop(text[j]) {
			j++
		}
		if j < len(text) && text[j] == '}' {
			for j < len(text) && text[j] == '}' {
				j++
			}
			out = append(out, [2]int{i, j})
			i = j
			continue
		}
		if j < len(text) && text[j] == '{' && j-1 > i && (text[j-1] == '%' || text[j-1] == '$') {
			j-- // the sign belongs to the placeholder that follows
		}
		if j == i {
			j++
		}
		i = j
	}
	return out
}
