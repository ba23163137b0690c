package rules

import (
	"bytes"
	_ "embed"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/msglint/msglint/lint"
	"gopkg.in/yaml.v3"
)

var waTemplateData = loadData("whatsapp-template.yaml")

//go:embed data/whatsapp-limits.yaml
var waLimitsYAML []byte

// waLimit is one of Meta's limits with the page that states it.
type waLimit struct {
	Max    int    `yaml:"max"`
	Source string `yaml:"source"`
}

// waLimits are Meta's limits on a template (data/whatsapp-limits.yaml).
type waLimits struct {
	Components string `yaml:"components"`
	Limits     struct {
		BodyChars       waLimit `yaml:"body_chars"`
		HeaderChars     waLimit `yaml:"header_chars"`
		HeaderParams    waLimit `yaml:"header_params"`
		FooterChars     waLimit `yaml:"footer_chars"`
		FooterParams    waLimit `yaml:"footer_params"`
		Buttons         waLimit `yaml:"buttons"`
		URLButtons      waLimit `yaml:"url_buttons"`
		PhoneButtons    waLimit `yaml:"phone_buttons"`
		CopyCodeButtons waLimit `yaml:"copy_code_buttons"`
		ButtonTextChars waLimit `yaml:"button_text_chars"`
		URLParams       waLimit `yaml:"url_params"`
		NameChars       waLimit `yaml:"name_chars"`
	} `yaml:"limits"`
	Languages struct {
		Source string   `yaml:"source"`
		Codes  []string `yaml:"codes"`
	} `yaml:"languages"`
	// Twilio are Twilio's own limits on a Content API template: body
	// length and number of actions per content type, and its variables.
	Twilio struct {
		BodyChars        map[string]waLimit `yaml:"body_chars"`
		Actions          map[string]waLimit `yaml:"actions"`
		Variables        waLimit            `yaml:"variables"`
		VariableKeyChars waLimit            `yaml:"variable_key_chars"`
	} `yaml:"twilio"`
}

// waLimitsData is data/whatsapp-limits.yaml, decoded the first time a
// template is checked: decoding it at every start was 3% of the start-up
// of a check, and most checks hold no template.
var waLimitsData = sync.OnceValue(func() *waLimits { return decodeWALimits(waLimitsYAML) })

func decodeWALimits(raw []byte) *waLimits {
	var l waLimits
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	if err := dec.Decode(&l); err != nil {
		panic("rules: bad embedded data/whatsapp-limits.yaml: " + err.Error())
	}
	return &l
}

// WhatsAppTemplateOptions configures the whatsapp-template rule.
type WhatsAppTemplateOptions struct {
	// MinWordsPerParameter is how many words of fixed text the body needs
	// for each parameter. Meta rejects a body with "too many variables for
	// its length" without publishing the ratio; 2 is msglint's threshold.
	MinWordsPerParameter int `yaml:"min_words_per_parameter"`
}

// WhatsAppTemplate checks a WhatsApp message template definition against
// what Meta's review rejects or changes, before it is submitted.
var WhatsAppTemplate = &lint.Rule{
	Name: "whatsapp-template",
	Doc: lint.Doc{
		Title: "message template that Meta's review would reject or recategorise",
		Text: `Checks a WhatsApp message template (the definition a business submits to Meta, read from
the JSON or YAML of Meta's template API) the way Meta's review does: the body is at most 1024 characters,
a text header at most 60 with at most one parameter, the footer at most 60 with none; positional parameters
run {{1}}, {{2}}, … in order with no gaps, named ones are lower case with underscores and the template says
parameter_format: NAMED; no parameter starts or ends the body and no two stand side by side; the body has
enough fixed text for its parameters; every parameter has an example value; at most 10 buttons, 2 URL
buttons, 1 phone button and 1 copy-code button, quick replies kept together, button text at most 25
characters, a URL with at most one parameter and only at its end; the name is lower case with underscores;
the language is one of Meta's codes. A UTILITY template with promotional wording is recategorised as
MARKETING, and an AUTHENTICATION template may hold nothing but Meta's own text and its code button.
A Twilio Content API template is held to the limits Twilio's pages state for its content type, a
sample in its variables for every variable, and the body shapes WhatsApp rejects. Each finding is written in
the template's language when msglint speaks it (English, Turkish, Azerbaijani), in English otherwise.`,
		Why: `Every template goes through Meta's review before it can be sent, and a rejected template costs
a day. The limits and rules are Meta's (WhatsApp Business Platform, "Template components" and "Supported
languages"; Twilio's Content API pages for Twilio templates; each limit names its page in the rule's data).`,
		Examples: waTemplateData.Examples,
		Severity: lint.Error,
		Default:  true,
	},
	Options: WhatsAppTemplateOptions{MinWordsPerParameter: 2},
	New: func(node *yaml.Node) (lint.Check, error) {
		o, err := lint.DecodeOptions(node, WhatsAppTemplateOptions{MinWordsPerParameter: 2})
		if err != nil {
			return nil, err
		}
		if o.MinWordsPerParameter < 0 {
			return nil, fmt.Errorf("min_words_per_parameter: want 0 or more, not %d", o.MinWordsPerParameter)
		}
		promo, err := NewPromoDetector(nil)
		if err != nil {
			return nil, err
		}
		auth := waTemplateData.WordSets("auth_body")
		return func(p *lint.Pass) {
			if p.Msg.Template != nil {
				c := &waCheck{p: p, t: p.Msg.Template, lim: waLimitsData(), o: o}
				c.run(promo, auth)
			}
		}, nil
	},
}

// waParam is one parameter in a template text: {{1}} or {{first_name}}.
type waParam struct {
	Start, End int
	Name       string
}

func (w waParam) positional() bool { return w.Name != "" && strings.Trim(w.Name, "0123456789") == "" }

var waParamRE = regexp.MustCompile(`\{\{([^{}]*)\}\}`)

// waParams finds a template text's parameters. WhatsApp's syntax is its
// own ({{1}}, {{first_name}}, no filters or spaces), so the rule reads it
// here rather than through a general placeholder detector.
func waParams(text string) []waParam {
	var out []waParam
	for _, loc := range waParamRE.FindAllStringSubmatchIndex(text, -1) {
		out = append(out, waParam{Start: loc[0], End: loc[1], Name: text[loc[2]:loc[3]]})
	}
	return out
}

var (
	waNamedRE = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	waNameRE  = regexp.MustCompile(`^[a-z0-9_]+$`)
)

type waCheck struct {
	p   *lint.Pass
	t   *lint.Template
	lim *waLimits
	o   WhatsAppTemplateOptions
}

func (c *waCheck) report(part lint.Part, s lint.Span, sev lint.Severity, msg, fix string) {
	c.p.Report(lint.Diagnostic{Part: part, Span: s, Message: msg, Suggestion: fix, Severity: sev})
}

// say is one of the rule's messages in the template's language
// (data/whatsapp-template.yaml), filled in with args.
func (c *waCheck) say(key string, args ...any) string {
	return fmt.Sprintf(waTemplateData.Say(c.p.Msg.Lang, key), args...)
}

// words is n followed by the word for "word" in the template's language.
func (c *waCheck) words(n int) (int, string) {
	if n == 1 {
		return n, c.say("word")
	}
	return n, c.say("words")
}

func textPart(i int) lint.Part { return lint.Part{Kind: lint.TemplateText, Index: i} }

func (c *waCheck) run(promo func(*lint.Message) bool, auth map[lint.Lang]map[string]bool) {
	t, m := c.t, c.p.Msg
	if t.Platform == lint.TwilioContent {
		c.runTwilio()
		return
	}
	c.checkName()
	c.checkLanguage()
	if !t.HasBody && t.Category != "AUTHENTICATION" {
		c.report(c.at(), lint.Span{}, 0, c.say("no_body"), c.say("no_body_fix"))
	}
	l := c.lim.Limits
	body := m.Body.Text
	c.maxChars(lint.Part{}, body, "body", l.BodyChars.Max)
	c.checkParams(lint.Part{}, body, "body", -1, t.BodyExamples)
	if t.Category != "AUTHENTICATION" { // the body is Meta's own text
		c.checkBodyShape(body)
	}
	if h := t.Text(t.Header); h != nil {
		c.maxChars(textPart(t.Header), h.Text, "header", l.HeaderChars.Max)
		c.checkParams(textPart(t.Header), h.Text, "header", l.HeaderParams.Max, t.HeaderExamples)
	}
	if f := t.Text(t.Footer); f != nil {
		c.maxChars(textPart(t.Footer), f.Text, "footer", l.FooterChars.Max)
		if ps := waParams(f.Text); len(ps) > l.FooterParams.Max {
			c.report(textPart(t.Footer), lint.Span{Start: ps[0].Start, End: ps[0].End}, 0,
				c.say("footer_param", f.Text[ps[0].Start:ps[0].End]), c.say("footer_param_fix"))
		}
	}
	c.checkButtons()
	c.checkCategory(promo, auth)
}

// at points a finding about the template as a whole at its name, or at
// its body when it has none.
func (c *waCheck) at() lint.Part {
	if c.t.Name < 0 {
		return lint.Part{}
	}
	return textPart(c.t.Name)
}

func (c *waCheck) checkName() {
	name := c.t.Texts[c.t.Name].Text
	if limit := c.lim.Limits.NameChars.Max; utf8.RuneCountInString(name) > limit {
		c.report(c.at(), lint.Span{}, 0, c.say("name_long", utf8.RuneCountInString(name), limit), c.say("name_long_fix"))
	}
	if !waNameRE.MatchString(name) {
		fix := strings.Map(func(r rune) rune {
			switch {
			case r == ' ' || r == '-' || r == '.':
				return '_'
			case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_'):
				return unicode.ToLower(r)
			}
			return -1
		}, name)
		c.report(c.at(), lint.Span{}, 0, c.say("name_chars", name), fix)
	}
}

func (c *waCheck) checkLanguage() {
	code := c.t.Texts[c.t.Language].Text
	if !slices.Contains(c.lim.Languages.Codes, code) {
		fix := c.say("language_fix")
		if i := strings.IndexByte(code, '-'); i > 0 && slices.Contains(c.lim.Languages.Codes, code[:i]+"_"+code[i+1:]) {
			fix = code[:i] + "_" + code[i+1:]
		}
		c.report(textPart(c.t.Language), lint.Span{}, lint.Warning,
			c.say("language", code), fix)
	}
}

// maxChars checks the length of the template's body, header or footer
// (what).
func (c *waCheck) maxChars(part lint.Part, text, what string, limit int) {
	if n := utf8.RuneCountInString(text); n > limit {
		c.report(part, lint.Span{Start: runeOffset(text, limit), End: len(text)}, 0,
			c.say(what+"_chars", n, limit, n-limit), c.say("shorten_fix", limit))
	}
}

// checkParams checks one text's parameters: their syntax, order, number and
// examples. limit is the most the text may have, -1 for no limit.
func (c *waCheck) checkParams(part lint.Part, text, what string, limit int, ex lint.TemplateExamples) {
	ps := waParams(text)
	if limit >= 0 && len(ps) > limit {
		p := ps[limit]
		c.report(part, lint.Span{Start: p.Start, End: p.End}, 0,
			c.say(what+"_params", len(ps), limit), c.say(what+"_params_fix"))
	}
	named := c.t.ParameterFormat == "NAMED"
	next := 1
	seen := map[string]bool{}
	for _, p := range ps {
		sp := lint.Span{Start: p.Start, End: p.End}
		raw := text[p.Start:p.End]
		switch {
		case p.positional() && named:
			c.report(part, sp, 0, c.say("positional_in_named", raw), c.say("positional_in_named_fix"))
			continue
		case !p.positional() && !named:
			c.report(part, sp, 0, c.say("named_undeclared", raw), c.say("named_undeclared_fix"))
			continue
		case named && !waNamedRE.MatchString(p.Name):
			c.report(part, sp, 0, c.say("named_case", raw), "{{"+waSnake(p.Name)+"}}")
			continue
		case !named:
			n, _ := strconv.Atoi(p.Name) // positional: digits only
			if n > next {
				c.report(part, sp, 0, c.say("param_order", raw, next), c.say("param_order_fix", next))
				next = n + 1
			} else if n == next {
				next++
			}
		}
		if seen[p.Name] {
			continue
		}
		seen[p.Name] = true
		if named && ex.Named[p.Name] == "" || !named && (len(ex.Positional) < len(seen) || ex.Positional[len(seen)-1] == "") {
			c.report(part, sp, 0, c.say("no_example", raw), c.say("no_example_"+what+"_fix"))
		}
	}
}

// waSnake is a parameter name as Meta takes it: FirstName → first_name.
func waSnake(s string) string {
	var b strings.Builder
	for i, r := range strings.TrimSpace(s) {
		switch {
		case unicode.IsUpper(r):
			if i > 0 {
				b.WriteByte('_')
			}
			b.WriteRune(unicode.ToLower(r))
		case r == ' ' || r == '-':
			b.WriteByte('_')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// checkBodyShape checks where the body's parameters stand and how much
// fixed text surrounds them.
func (c *waCheck) checkBodyShape(body string) {
	ps := waParams(body)
	if len(ps) == 0 {
		return
	}
	trimmed := strings.TrimRightFunc(body, unicode.IsSpace)
	if first := ps[0]; strings.TrimSpace(body[:first.Start]) == "" {
		c.report(lint.Part{}, lint.Span{Start: first.Start, End: first.End}, 0, c.say("starts_with_param"), c.say("starts_with_param_fix"))
	}
	if last := ps[len(ps)-1]; last.End == len(trimmed) {
		c.report(lint.Part{}, lint.Span{Start: last.Start, End: last.End}, 0, c.say("ends_with_param"), c.say("ends_with_param_fix"))
	}
	for i := 1; i < len(ps); i++ {
		if strings.TrimSpace(body[ps[i-1].End:ps[i].Start]) == "" {
			c.report(lint.Part{}, lint.Span{Start: ps[i-1].Start, End: ps[i].End}, 0, c.say("side_by_side"), c.say("side_by_side_fix"))
		}
	}
	words, prev := 0, 0
	for _, p := range append(ps, waParam{Start: len(body), End: len(body)}) {
		words += len(strings.FieldsFunc(body[prev:p.Start], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
		prev = p.End
	}
	if need := c.o.MinWordsPerParameter * len(ps); words < need {
		n, word := c.words(words)
		c.report(lint.Part{}, lint.Span{}, 0, c.say("too_few_words", len(ps), n, word), c.say("too_few_words_fix", need))
	}
}

// buttonAt is where a finding about a button points: its text, else its
// URL, else the template's name.
func (c *waCheck) buttonAt(b lint.TemplateButton) lint.Part {
	switch {
	case b.Text >= 0:
		return textPart(b.Text)
	case b.URL >= 0:
		return textPart(b.URL)
	}
	return c.at()
}

func (c *waCheck) checkButtons() {
	l := c.lim.Limits
	counts := map[string]int{}
	for i, b := range c.t.Buttons {
		at := c.buttonAt(b)
		if i == l.Buttons.Max {
			c.report(at, lint.Span{}, 0, c.say("buttons", len(c.t.Buttons), l.Buttons.Max), c.say("buttons_fix"))
		}
		counts[b.Type]++
		for _, lim := range []struct {
			typ, key string
			limit    int
		}{{"URL", "url_buttons", l.URLButtons.Max}, {"PHONE_NUMBER", "phone_buttons", l.PhoneButtons.Max}, {"COPY_CODE", "copy_code_buttons", l.CopyCodeButtons.Max}} {
			if b.Type == lim.typ && counts[b.Type] == lim.limit+1 {
				c.report(at, lint.Span{}, 0, c.say(lim.key, counts[b.Type], lim.limit), c.say("remove_button_fix"))
			}
		}
		if i > 0 && b.Type == "QUICK_REPLY" && c.t.Buttons[i-1].Type != "QUICK_REPLY" && counts["QUICK_REPLY"] > 1 {
			c.report(at, lint.Span{}, 0, c.say("quick_replies_split"), c.say("quick_replies_split_fix"))
		}
		if t := c.t.Text(b.Text); t != nil {
			if n := utf8.RuneCountInString(t.Text); n > l.ButtonTextChars.Max {
				c.report(at, lint.Span{Start: runeOffset(t.Text, l.ButtonTextChars.Max), End: len(t.Text)}, 0,
					c.say("button_chars", n, l.ButtonTextChars.Max, n-l.ButtonTextChars.Max), c.say("shorten_fix", l.ButtonTextChars.Max))
			}
		}
		if u := c.t.Text(b.URL); u != nil {
			c.checkURL(textPart(b.URL), u.Text, b)
		}
	}
}

func (c *waCheck) checkURL(part lint.Part, url string, b lint.TemplateButton) {
	ps := waParams(url)
	limit := c.lim.Limits.URLParams.Max
	if len(ps) > limit {
		p := ps[limit]
		c.report(part, lint.Span{Start: p.Start, End: p.End}, 0, c.say("url_params", len(ps), limit), c.say("url_params_fix"))
	}
	if len(ps) == 0 {
		return
	}
	if p := ps[0]; p.End != len(strings.TrimRightFunc(url, unicode.IsSpace)) {
		c.report(part, lint.Span{Start: p.Start, End: p.End}, 0, c.say("url_param_end"), c.say("url_param_end_fix"))
	}
	if len(b.Examples) == 0 {
		p := ps[0]
		c.report(part, lint.Span{Start: p.Start, End: p.End}, 0, c.say("no_example", url[p.Start:p.End]), c.say("no_example_url_fix"))
	}
}

// checkCategory checks the content against the category: Meta moves a
// UTILITY template with promotional content to MARKETING, and an
// AUTHENTICATION template carries only Meta's own text and a code button.
func (c *waCheck) checkCategory(promo func(*lint.Message) bool, auth map[lint.Lang]map[string]bool) {
	m := c.p.Msg
	switch c.t.Category {
	case "UTILITY":
		if promo(m) {
			c.report(lint.Part{}, lint.Span{}, lint.Warning, c.say("utility_promo"), c.say("utility_promo_fix"))
		}
	case "AUTHENTICATION":
		if h := c.t.Text(c.t.Header); h != nil || c.t.HeaderFormat != "" {
			c.report(c.headerAt(), lint.Span{}, 0, c.say("auth_header"), c.say("auth_header_fix"))
		}
		if known := auth[m.Lang]; known != nil && c.t.HasBody && !known[m.Body.Text] {
			c.report(lint.Part{}, lint.Span{}, 0, c.say("auth_body"), c.say("auth_body_fix"))
		}
		for _, b := range c.t.Buttons {
			if b.Type != "OTP" {
				c.report(c.buttonAt(b), lint.Span{}, 0, c.say("auth_button", b.Type), c.say("auth_button_fix"))
			}
		}
	}
}

func (c *waCheck) headerAt() lint.Part {
	if c.t.Header >= 0 {
		return textPart(c.t.Header)
	}
	return c.at()
}
