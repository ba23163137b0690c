package report

import (
	"bufio"
	_ "embed"
	"encoding/json"
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

	msg   *lint.Message
	spans []markSpan
	worst lint.Severity
}

type htmlPart struct {
	Name, Text string
}

// partLabel names a part that is neither the body, a quick reply nor a
// button: a template's header, footer, button text or URL, name or
// language, or a generic template element's title or subtitle.
func partLabel(m *lint.Message, p lint.Part) string {
	switch {
	case p.Kind == lint.TemplateText && m != nil && m.Template != nil:
		if name := m.Template.PartName(p.Index); name != "" {
			return name
		}
	case p.Kind == lint.ElementTitle:
		return fmt.Sprintf("element %d title", p.Index+1)
	case p.Kind == lint.ElementSubtitle:
		return fmt.Sprintf("element %d subtitle", p.Index+1)
	}
	return "template"
}

// structureParts are the texts of a message's structure shown under its
// body: a template's header, footer and button texts and URLs, and a
// generic template's element titles and subtitles.
func structureParts(m *lint.Message) []htmlPart {
	var out []htmlPart
	if t := m.Template; t != nil {
		for i, f := range t.Texts {
			if i != t.Name && i != t.Language {
				out = append(out, htmlPart{t.PartName(i), f.Text})
			}
		}
	}
	for i := range m.Elements {
		for _, p := range []lint.Part{{Kind: lint.ElementTitle, Index: i}, {Kind: lint.ElementSubtitle, Index: i}} {
			if f := m.Field(p); f.Text != "" {
				out = append(out, htmlPart{partLabel(m, p), f.Text})
			}
		}
	}
	return out
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
	Skipped                   []string
	// A big run is paged: Cards are the worst messages, and every message
	// follows as data, rendered a page at a time by the page's script; the
	// rules' texts are said once, in RuleDocs, not under every finding.
	Paged    bool
	PageSize int
	RuleDocs []htmlRuleDoc
}

// pagedCard is a card as data for the page's script: short keys, as a
// 100 000-message report holds one for each.
type pagedCard struct {
	File     string      `json:"f"`
	ID       string      `json:"i"`
	Kind     string      `json:"k,omitempty"`
	KindFrom string      `json:"kf,omitempty"`
	Lang     string      `json:"l"`
	Channel  string      `json:"c,omitempty"`
	Rules    string      `json:"r"`
	Sevs     string      `json:"v"`
	Segments [][3]string `json:"s"` // text, finding ids, severity
	Parts    [][2]string `json:"p,omitempty"`
	Findings [][7]string `json:"n"` // id, rule, severity, message, suggestion, where, part
}

func (c *htmlCard) paged() pagedCard {
	p := pagedCard{File: c.File, ID: c.ID, Kind: c.Kind, KindFrom: c.KindFrom, Lang: c.Lang, Channel: c.Channel, Rules: c.Rules, Sevs: c.Severities}
	for _, s := range c.Segments {
		p.Segments = append(p.Segments, [3]string{s.Text, s.Marks, s.Sev})
	}
	for _, part := range c.Parts {
		p.Parts = append(p.Parts, [2]string{part.Name, part.Text})
	}
	for _, f := range c.Findings {
		p.Findings = append(p.Findings, [7]string{f.ID, f.Rule, f.Severity, f.Message, f.Suggestion, f.Where, f.Part})
	}
	return p
}

type htmlRuleDoc struct{ Name, Title, Why string }

// A report of more than htmlPageSize messages is paged, with the
// htmlWorst worst messages on its first screen.
const (
	htmlPageSize = 500
	htmlWorst    = 100
)

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
	// Findings come sorted by file, so a message's findings are together
	// but for findings of other messages between them: one map, one pass.
	cards := map[key]*htmlCard{}
	var order []*htmlCard
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
			c = &htmlCard{File: f.File, ID: f.MessageID, Lang: lang, msg: f.Msg}
			if m := f.Msg; m != nil {
				c.Kind, c.KindFrom, c.Channel = string(m.Kind), m.KindFrom, string(m.Channel)
				for j, q := range m.QuickReplies {
					c.Parts = append(c.Parts, htmlPart{fmt.Sprintf("quick reply %d", j+1), q.Text})
				}
				for j, b := range m.Buttons {
					c.Parts = append(c.Parts, htmlPart{fmt.Sprintf("button %d", j+1), b.Text})
				}
				c.Parts = append(c.Parts, structureParts(m)...)
			}
			cards[k] = c
			order = append(order, c)
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
		case lint.TemplateText, lint.ElementTitle, lint.ElementSubtitle:
			hf.Part = partLabel(f.Msg, f.Part)
		default:
			if f.Msg != nil {
				s := f.Span
				if s == (lint.Span{}) {
					s = lint.Span{End: len(f.Msg.Body.Text)}
				}
				c.spans = append(c.spans, markSpan{s, id, f.Severity})
			}
		}
		c.Findings = append(c.Findings, hf)
		c.worst = max(c.worst, f.Severity)
		if !strings.Contains(" "+c.Rules+" ", " "+f.Rule+" ") {
			c.Rules = strings.TrimSpace(c.Rules + " " + f.Rule)
		}
		if !strings.Contains(" "+c.Severities+" ", " "+hf.Severity+" ") {
			c.Severities = strings.TrimSpace(c.Severities + " " + hf.Severity)
		}
	}
	d.Paged = len(order) > htmlPageSize
	for _, c := range order {
		if c.msg != nil {
			c.Segments = segments(c.msg.Body.Text, c.spans)
		}
		if d.Paged { // said once, in RuleDocs
			for i := range c.Findings {
				c.Findings[i].Title, c.Findings[i].Why = "", ""
			}
		}
	}
	if d.Paged {
		d.PageSize = htmlPageSize
		worst := slices.Clone(order)
		slices.SortStableFunc(worst, func(a, b *htmlCard) int {
			if a.worst != b.worst {
				return int(b.worst) - int(a.worst)
			}
			return len(b.Findings) - len(a.Findings)
		})
		for _, c := range worst[:htmlWorst] {
			d.Cards = append(d.Cards, *c)
		}
		for _, rule := range r.Rules {
			if byRule[rule.Name] > 0 {
				d.RuleDocs = append(d.RuleDocs, htmlRuleDoc{rule.Name, upperFirst(rule.Doc.Title), oneParagraph(rule.Doc.Why)})
			}
		}
	} else {
		for _, c := range order {
			d.Cards = append(d.Cards, *c)
		}
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
	d.Skipped = Skipped(res.Skips)
	if err := htmlPage.ExecuteTemplate(w, "top", d); err != nil {
		return err
	}
	if d.Paged {
		if err := writePages(w, order); err != nil {
			return err
		}
	}
	return htmlPage.ExecuteTemplate(w, "bottom", d)
}

// writePages writes every card as data, one at a time: encoding/json
// escapes <, > and &, so nothing in a message can end the script element.
func writePages(w io.Writer, cards []*htmlCard) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString(`<script id="pages" type="application/json">[`)
	enc := json.NewEncoder(bw)
	for i, c := range cards {
		if i > 0 {
			bw.WriteByte(',')
		}
		if err := enc.Encode(c.paged()); err != nil {
			return err
		}
	}
	bw.WriteString("]</script>\n")
	return bw.Flush()
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
