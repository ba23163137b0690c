package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/msglint/msglint/lint"
)

//go:embed html.tmpl
var htmlTemplate string

var htmlPage = template.Must(template.New("report").Parse(htmlTemplate))

type htmlBar struct {
	Label string
	Count int
	Width int // per cent of the widest bar
	Y     int
}

type htmlSegment struct {
	Text  string
	Marks string // ids of the findings covering this piece, space-separated
	Sev   string // the worst severity among them
}

type htmlFinding struct {
	ID         string
	Rule       string
	Severity   string
	Message    string
	Suggestion string
	Where      string
	Title      string
	Why        string
	Part       string // "" for the body; "quick reply 2", "button 1"
}

type htmlCard struct {
	File, ID, Kind, Lang, Channel string
	// KindFrom says what a locale string's kind was inferred from.
	KindFrom          string
	Rules, Severities string // for the filters
	Segments          []htmlSegment
	Parts             []htmlPart
	Findings          []htmlFinding
}

type htmlPart struct {
	Name, Text string
}

type htmlData struct {
	Version                   string
	Scope                     string // "22 messages in 4 files"
	Files, Messages, Findings int
	Errors, Warnings, Infos   int
	ByRule, ByLang            []htmlBar
	RuleHeight, LangHeight    int
	Rules, Langs              []string
	Cards                     []htmlCard
	InputErrors               []string
}

// HTML renders one self-contained page: no fetches, no external assets,
// every message text escaped by html/template. It needs the whole result.
var HTML Format = htmlFormat{}

type htmlFormat struct{}

func (htmlFormat) Name() string       { return "html" }
func (htmlFormat) WritesErrors() bool { return true }

func (htmlFormat) Write(w io.Writer, r *Report) error {
	res := r.Result
	d := htmlData{Version: r.Version, Files: res.Files, Messages: res.Messages, Findings: len(res.Findings),
		Errors: res.Count(lint.Error), Warnings: res.Count(lint.Warning), Infos: res.Count(lint.Info),
		Scope: plural(res.Messages, "message", "messages") + " in " + plural(res.Files, "file", "files")}
	docs := map[string]*lint.Rule{}
	for _, rule := range r.Rules {
		docs[rule.Name] = rule
	}
	byRule, byLang := map[string]int{}, map[string]int{}
	type key struct{ file, id string }
	cards := map[key]*htmlCard{}
	var order []key
	spans := map[key][]markSpan{}
	for i, f := range res.Findings {
		byRule[f.Rule]++
		lang := "?"
		if f.Msg != nil {
			lang = string(f.Msg.Lang)
		}
		byLang[lang]++
		k := key{f.File, f.MessageID}
		c := cards[k]
		if c == nil {
			c = &htmlCard{File: f.File, ID: f.MessageID, Lang: lang}
			if m := f.Msg; m != nil {
				c.Kind, c.KindFrom, c.Channel = string(m.Kind), m.KindFrom, string(m.Channel)
				for j, q := range m.QuickReplies {
					c.Parts = append(c.Parts, htmlPart{fmt.Sprintf("quick reply %d", j+1), q.Text})
				}
				for j, b := range m.Buttons {
					c.Parts = append(c.Parts, htmlPart{fmt.Sprintf("button %d", j+1), b.Text})
				}
			}
			cards[k] = c
			order = append(order, k)
		}
		id := fmt.Sprintf("f%d", i+1)
		hf := htmlFinding{ID: id, Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message, Suggestion: f.Suggestion,
			Where: fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Col)}
		if doc := docs[f.Rule]; doc != nil {
			hf.Title, hf.Why = upperFirst(doc.Doc.Title), oneParagraph(doc.Doc.Why)
		}
		switch f.Part.Kind {
		case lint.QuickReply:
			hf.Part = fmt.Sprintf("quick reply %d", f.Part.Index+1)
		case lint.Button:
			hf.Part = fmt.Sprintf("button %d", f.Part.Index+1)
		default:
			if f.Msg != nil {
				s := f.Span
				if s == (lint.Span{}) {
					s = lint.Span{End: len(f.Msg.Body.Text)}
				}
				spans[k] = append(spans[k], markSpan{s, id, f.Severity})
			}
		}
		c.Findings = append(c.Findings, hf)
		if !strings.Contains(" "+c.Rules+" ", " "+f.Rule+" ") {
			c.Rules = strings.TrimSpace(c.Rules + " " + f.Rule)
		}
		if !strings.Contains(" "+c.Severities+" ", " "+hf.Severity+" ") {
			c.Severities = strings.TrimSpace(c.Severities + " " + hf.Severity)
		}
	}
	for _, k := range order {
		c := cards[k]
		for _, f := range res.Findings {
			if f.File == k.file && f.MessageID == k.id && f.Msg != nil {
				c.Segments = segments(f.Msg.Body.Text, spans[k])
				break
			}
		}
		d.Cards = append(d.Cards, *c)
	}
	d.ByRule, d.RuleHeight = bars(byRule)
	d.ByLang, d.LangHeight = bars(byLang)
	for _, b := range d.ByRule {
		d.Rules = append(d.Rules, b.Label)
	}
	for _, b := range d.ByLang {
		d.Langs = append(d.Langs, b.Label)
	}
	slices.Sort(d.Rules)
	slices.Sort(d.Langs)
	for _, e := range res.Errors {
		d.InputErrors = append(d.InputErrors, e.Error())
	}
	return htmlPage.Execute(w, d)
}

type markSpan struct {
	span lint.Span
	id   string
	sev  lint.Severity
}

// segments cuts a text at every span boundary so that overlapping findings
// each keep their own highlight.
func segments(text string, marks []markSpan) []htmlSegment {
	cuts := []int{0, len(text)}
	for _, m := range marks {
		cuts = append(cuts, min(max(m.span.Start, 0), len(text)), min(max(m.span.End, 0), len(text)))
	}
	sort.Ints(cuts)
	cuts = slices.Compact(cuts)
	var out []htmlSegment
	for i := 0; i+1 < len(cuts); i++ {
		s, e := cuts[i], cuts[i+1]
		seg := htmlSegment{Text: text[s:e]}
		var worst lint.Severity
		var ids []string
		for _, m := range marks {
			if m.span.Start <= s && e <= m.span.End && s < e {
				ids = append(ids, m.id)
				worst = max(worst, m.sev)
			}
		}
		seg.Marks = strings.Join(ids, " ")
		if worst > 0 {
			seg.Sev = worst.String()
		}
		out = append(out, seg)
	}
	return out
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// bars turns counts into bars of an SVG chart, largest first.
func bars(counts map[string]int) ([]htmlBar, int) {
	var out []htmlBar
	most := 1
	for label, n := range counts {
		out = append(out, htmlBar{Label: label, Count: n})
		most = max(most, n)
	}
	slices.SortFunc(out, func(a, b htmlBar) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Label, b.Label)
	})
	for i := range out {
		out[i].Width = max(1, out[i].Count*100/most)
		out[i].Y = i * 24
	}
	return out, len(out)*24 + 4
}
