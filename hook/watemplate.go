package hook

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/msglint/msglint/lint"
)

// Templates are the WhatsApp templates a business has registered, read
// from template definitions (lint/load), by name and language code. With
// them the hook checks a template send's parameters before Meta does.
type Templates map[string]*lint.Message

// NewTemplates indexes the templates among messages read from definitions.
func NewTemplates(msgs []*lint.Message) Templates {
	t := Templates{}
	for _, m := range msgs {
		// A Twilio content template is sent through Twilio by its SID,
		// not by a WhatsApp template name.
		if tpl := m.Template; tpl != nil && tpl.Platform == lint.WhatsAppTemplate {
			t[templateKey(tpl.Texts[tpl.Name].Text, tpl.Texts[tpl.Language].Text)] = m
		}
	}
	return t
}

func templateKey(name, lang string) string { return name + "\x00" + lang }

// templateSend is what a WhatsApp Cloud API template send says.
type templateSend struct {
	Name     string `json:"name"`
	Language struct {
		Code string `json:"code"`
	} `json:"language"`
	Components []struct {
		Type       string `json:"type"`
		Parameters []struct {
			Type          string `json:"type"`
			Text          string `json:"text"`
			ParameterName string `json:"parameter_name"`
		} `json:"parameters"`
	} `json:"components"`
}

// templateRule names the hook's findings about a template send after the
// rule that checks template definitions.
const templateRule = "whatsapp-template"

var sendParamRE = regexp.MustCompile(`\{\{([^{}]*)\}\}`)

// badParamText is what Meta refuses in a text parameter: a line break, a
// tab, or more than four spaces in a row.
var badParamText = regexp.MustCompile(`[\n\t]| {5,}`)

// check compares a send with its registered template. It returns the body
// as the customer will read it (parameters filled in), the template, and
// findings for what Meta would refuse.
func (t Templates) check(s *templateSend) (string, *lint.Message, []lint.Finding) {
	var fs []lint.Finding
	fail := func(format string, args ...any) {
		fs = append(fs, lint.Finding{Rule: templateRule, Severity: lint.Error, Message: fmt.Sprintf(format, args...)})
	}
	m := t[templateKey(s.Name, s.Language.Code)]
	if m == nil {
		fail("template %q in %q is not in the template library: Meta refuses a template it has not approved in that language", s.Name, s.Language.Code)
		return "", nil, fs
	}
	tpl := m.Template
	given := map[string][]string{} // component type -> values, in order
	named := map[string]map[string]string{}
	for _, c := range s.Components {
		typ := strings.ToLower(c.Type)
		for _, p := range c.Parameters {
			if p.Type != "" && p.Type != "text" {
				continue
			}
			if badParamText.MatchString(p.Text) {
				fail("a %s parameter holds a line break, a tab or more than four spaces in a row: Meta refuses the send", typ)
			}
			given[typ] = append(given[typ], p.Text)
			if p.ParameterName != "" {
				if named[typ] == nil {
					named[typ] = map[string]string{}
				}
				named[typ][p.ParameterName] = p.Text
			}
		}
	}
	body := m.Body.Text
	texts := map[string]string{"body": body}
	if h := tpl.Text(tpl.Header); h != nil {
		texts["header"] = h.Text
	}
	var filled string
	for _, typ := range []string{"header", "body"} {
		want := distinctParams(texts[typ])
		vals := given[typ]
		if len(vals) != len(want) {
			fail("the template's %s takes %d parameters and the send gives %d: Meta refuses the send", typ, len(want), len(vals))
			continue
		}
		if typ != "body" {
			continue
		}
		value := map[string]string{}
		for i, name := range want {
			value[name] = vals[i]
			if tpl.ParameterFormat == "NAMED" {
				v, ok := named[typ][name]
				if !ok {
					fail("the send gives no parameter_name %q for the template's body: Meta refuses the send", name)
				}
				value[name] = v
			}
		}
		filled = sendParamRE.ReplaceAllStringFunc(body, func(p string) string { return value[p[2:len(p)-2]] })
	}
	return filled, m, fs
}

// distinctParams are a text's parameter names in the order they first
// appear.
func distinctParams(text string) []string {
	var out []string
	seen := map[string]bool{}
	for _, sm := range sendParamRE.FindAllStringSubmatch(text, -1) {
		if !seen[sm[1]] {
			seen[sm[1]] = true
			out = append(out, sm[1])
		}
	}
	return out
}
