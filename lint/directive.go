package lint

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"
)

// Comments is an input format's comment syntax, the place directives are
// written in. A format without comments (JSON, JSONL, CSV) leaves it empty
// and keeps the per-template disable key.
type Comments struct {
	// Line are the prefixes of comments that run to the end of the line:
	// "#" in YAML, "//" in .strings.
	Line []string
	// Block are the opening and closing delimiters of comments that may run
	// over lines: {"/*", "*/"}, {"<!--", "-->"}. A directive is read up to
	// the closing delimiter or the end of its line.
	Block [][2]string
	// Entry, where a format's entries run over several lines, gives the
	// last line of the entry that starts at or after line: a
	// disable-next-line directive above a gettext entry covers it to its
	// msgstr, where the findings are. nil: the next line only.
	Entry func(src *Source, line int) int
}

func (c *Comments) none() bool { return c == nil || len(c.Line) == 0 && len(c.Block) == 0 }

// DirectiveRule reports directives that are wrong or no longer needed: an
// unknown directive or rule name, an msglint-enable with no msglint-disable
// before it, and a directive that switched off nothing, so stale ones are
// cleaned up. The engine does the work; the rule value is what config and
// `msglint rules` see.
var DirectiveRule = &Rule{
	Name: "directive",
	Doc: Doc{
		Title: "directive comment that is unknown or switches off nothing",
		Text: "A comment such as `# msglint-disable-next-line spelling -- brand name` switches rules off for " +
			"the next line; msglint-disable and msglint-enable do it for the lines between them, and " +
			"msglint-disable-line for its own line. This rule reports a directive that names an unknown rule, " +
			"an enable with no disable before it, and a directive that switched off nothing: the text it " +
			"excused was fixed, so the comment should go.",
		Why: "An exception that outlives its reason hides the next real problem on that line; linters such as " +
			"golangci-lint's nolintlint report unused exceptions for the same reason.",
		Examples: ruleData("directive.yaml").Examples,
		Severity: Warning,
		Default:  true,
	},
	New: func(opts *yaml.Node) (Check, error) { _, err := DecodeOptions(opts, struct{}{}); return nil, err },
}

// The directives, as written after the comment opener.
const (
	dirPrefix   = "msglint-"
	dirNextLine = "msglint-disable-next-line"
	dirLine     = "msglint-disable-line"
	dirDisable  = "msglint-disable"
	dirEnable   = "msglint-enable"
)

var dirNames = []string{dirNextLine, dirLine, dirDisable, dirEnable}

// directive is one directive comment read from a file.
type directive struct {
	name       string
	rules      []string // nil: all rules
	line       int
	start, end int // file bytes of the directive text
	from, to   int // lines it switches rules off on (disable kinds)
	used       map[string]bool
	usedAll    bool
}

func (d *directive) covers(f *Finding) bool {
	if f.Line < d.from || f.Line > d.to {
		return false
	}
	if d.rules == nil {
		d.usedAll = true
		return true
	}
	if slices.Contains(d.rules, f.Rule) {
		d.used[f.Rule] = true
		return true
	}
	return false
}

// directiveProblem is a finding about a directive, placed on its text.
type directiveProblem struct {
	start, end int
	msg        string
}

// readDirectives finds the directive comments of a file: the marker
// msglint- right after a comment opener. Disable blocks are closed by the
// matching enable or the end of the file.
func readDirectives(src *Source, c *Comments, known func(string) bool) (dirs []*directive, probs []directiveProblem) {
	data := src.Data
	open := map[string]*directive{} // rule ("" for all) -> open disable block
	for pos := 0; ; {
		i := bytes.Index(data[pos:], []byte(dirPrefix))
		if i < 0 {
			break
		}
		i += pos
		pos = i + len(dirPrefix)
		lineStart := bytes.LastIndexByte(data[:i], '\n') + 1
		end, ok := commentEnd(data, lineStart, i, c)
		if !ok {
			continue
		}
		text := strings.TrimSpace(string(data[i:end]))
		body, _, _ := strings.Cut(text, "--") // the reason, if any, is for readers
		fields := strings.FieldsFunc(body, func(r rune) bool { return unicode.IsSpace(r) || r == ',' })
		d := &directive{name: fields[0], line: lineOf(src, i), start: i, end: i + len(strings.TrimRight(text, " \t\r")), used: map[string]bool{}}
		pos = end
		if !slices.Contains(dirNames, d.name) {
			probs = append(probs, directiveProblem{d.start, d.start + len(d.name), fmt.Sprintf("unknown directive %q (known: %s)", d.name, strings.Join(dirNames, ", "))})
			continue
		}
		for _, r := range fields[1:] {
			if r == "all" {
				d.rules = nil
				break
			}
			if !known(r) {
				probs = append(probs, directiveProblem{d.start, d.end, fmt.Sprintf("%s names unknown rule %q (see `msglint rules`)", d.name, r)})
				continue
			}
			d.rules = append(d.rules, r)
		}
		if len(fields) > 1 && d.rules == nil && !slices.Contains(fields[1:], "all") {
			continue // every name was unknown: reported, and switches nothing off
		}
		switch d.name {
		case dirNextLine:
			d.from, d.to = d.line+1, d.line+1
			if c.Entry != nil {
				d.to = max(d.to, c.Entry(src, d.line+1))
			}
		case dirLine:
			d.from, d.to = d.line, d.line
		case dirDisable:
			d.from, d.to = d.line, math.MaxInt
			for _, k := range keys(d.rules) {
				open[k] = d
			}
		case dirEnable:
			closed := false
			for _, k := range keys(d.rules) {
				if k == "" {
					for r, b := range open {
						b.to, closed = d.line, true
						delete(open, r)
					}
				} else if b := open[k]; b != nil {
					b.to, closed = d.line, true
					delete(open, k)
				}
			}
			if !closed {
				probs = append(probs, directiveProblem{d.start, d.end, dirEnable + " with no " + dirDisable + " of the same rules before it"})
			}
			continue
		}
		dirs = append(dirs, d)
	}
	return dirs, probs
}

// keys are the open-block keys of a directive's rules: "" for all.
func keys(rules []string) []string {
	if rules == nil {
		return []string{""}
	}
	return rules
}

// commentEnd tells whether the marker at i starts a comment's text, with
// only blanks between the comment's opener and it, and returns where the
// directive ends: the end of the line, or the block comment's close.
func commentEnd(data []byte, lineStart, i int, c *Comments) (int, bool) {
	before := bytes.TrimRight(data[lineStart:i], " \t")
	eol := bytes.IndexByte(data[i:], '\n')
	if eol < 0 {
		eol = len(data)
	} else {
		eol += i
	}
	for _, p := range c.Line {
		if bytes.HasSuffix(before, []byte(p)) {
			return eol, true
		}
	}
	for _, b := range c.Block {
		if bytes.HasSuffix(before, []byte(b[0])) {
			if j := bytes.Index(data[i:eol], []byte(b[1])); j >= 0 {
				return i + j, true
			}
			return eol, true
		}
	}
	return 0, false
}

func lineOf(src *Source, off int) int {
	l, _ := src.Position(off)
	return l
}

// applyDirectives drops the findings that directive comments switch off,
// and, when the directive rule runs, reports the directives that are wrong
// or switched nothing off.
func (l *Linter) applyDirectives(msgs []*Message, out []Finding) []Finding {
	var srcs []*Source
	for _, m := range msgs {
		if m.Source != nil && !m.Source.Comments.none() && !slices.Contains(srcs, m.Source) {
			srcs = append(srcs, m.Source)
		}
	}
	for _, src := range srcs {
		if !bytes.Contains(src.Data, []byte(dirPrefix)) {
			continue
		}
		dirs, probs := readDirectives(src, src.Comments, l.knows)
		kept := out[:0]
		for _, f := range out {
			if f.Msg == nil || f.Msg.Source != src || !anyCovers(dirs, &f) {
				kept = append(kept, f)
			}
		}
		out = kept
		if l.directive == nil {
			continue
		}
		for _, d := range dirs {
			for _, msg := range l.unused(d) {
				probs = append(probs, directiveProblem{d.start, d.end, msg})
			}
		}
		for _, p := range probs {
			out = append(out, l.directiveFinding(src, p))
		}
	}
	return out
}

// anyCovers marks every directive that covers f, and tells whether one did.
func anyCovers(dirs []*directive, f *Finding) bool {
	hit := false
	for _, d := range dirs {
		if d.covers(f) {
			hit = true
		}
	}
	return hit
}

// unused says what a directive switched off for nothing. A rule that does
// not run in this check cannot have been needed, and is not reported.
func (l *Linter) unused(d *directive) []string {
	if d.rules == nil {
		if !d.usedAll {
			return []string{d.name + " switched off nothing: remove it"}
		}
		return nil
	}
	var out []string
	for _, r := range d.rules {
		if !d.used[r] && l.runs(r) && !l.looksAcross(r) {
			out = append(out, fmt.Sprintf("%s %s switched off nothing: remove %s", d.name, r, r))
		}
	}
	return out
}

func (l *Linter) runs(rule string) bool {
	for _, a := range l.active {
		if a.rule.Name == rule {
			return true
		}
	}
	return false
}

func (l *Linter) directiveFinding(src *Source, p directiveProblem) Finding {
	f := Finding{Rule: DirectiveRule.Name, Severity: l.directive.pick(0), Message: p.msg, File: src.Path}
	f.Line, f.Col = src.Position(p.start)
	f.EndLine, f.EndCol = src.Position(p.end)
	return f
}
