package load

import (
	"fmt"
	"strings"

	"github.com/msglint/msglint/lint"
)

// A WhatsApp message template definition as Meta's API takes it (the body
// of a create request) and gives it back: one template, a list of them, or
// the {"data": […], "paging": …} answer of the template listing. Each
// template is one message whose body is the BODY text and whose structure
// (header, footer, buttons, examples) is its lint.Template; the header,
// footer and button texts are messages of their own too, so that the
// content rules read every text of the template in its language.

// isWATemplate recognises a template, a list of them or a listing answer by
// the first template's components list.
func isWATemplate(root *node) bool {
	switch {
	case root.kind == seqNode:
		return len(root.items) > 0 && isOneWATemplate(root.items[0])
	case root.kind != mapNode:
		return false
	case isOneWATemplate(root):
		return true
	}
	data := root.get("data")
	return data != nil && data.kind == seqNode && len(data.items) > 0 && isOneWATemplate(data.items[0])
}

func isOneWATemplate(n *node) bool {
	c := n.get("components")
	return n.kind == mapNode && c != nil && (n.get("name") != nil || n.get("language") != nil)
}

// readWATemplates reads every template of a document.
func readWATemplates(d doc, root *node) ([]*lint.Message, error) {
	list := []*node{root}
	switch {
	case root.kind == seqNode:
		list = root.items
	case root.get("data") != nil && root.get("components") == nil:
		list = root.get("data").items
	}
	var msgs []*lint.Message
	for i, t := range list {
		ms, err := d.waTemplate(t, i)
		if err != nil {
			return nil, err
		}
		msgs = append(msgs, ms...)
	}
	return msgs, nil
}

// waCategoryKind is the message kind a template category reads as: the
// content rules ask a MARKETING template for a call to action.
var waCategoryKind = map[string]lint.Kind{"MARKETING": lint.Promo, "UTILITY": lint.Update, "AUTHENTICATION": lint.Update}

// waComponents are the component types a template may have; those past the
// first four hold no text of their own that is checked here.
var waComponents = []string{"HEADER", "BODY", "FOOTER", "BUTTONS", "CAROUSEL", "LIMITED_TIME_OFFER"}

func (d doc) waTemplate(t *node, i int) ([]*lint.Message, error) {
	if t.kind != mapNode {
		return nil, d.errAt(t.off, "template %d must be a mapping with a name, a language and components, not %s", i+1, t.kind)
	}
	tpl := &lint.Template{Header: -1, Footer: -1}
	id := fmt.Sprintf("#%d", i+1)
	texts := map[string]*int{"name": &tpl.Name, "language": &tpl.Language}
	for _, key := range []string{"name", "language"} {
		_, v, err := d.scalar(t, key)
		if err != nil {
			return nil, err
		}
		if v == nil {
			return nil, d.errAt(t.off, "template %s has no %s", id, key)
		}
		*texts[key] = len(tpl.Texts)
		tpl.Texts = append(tpl.Texts, v.field())
		if key == "name" && v.value != "" {
			id = v.value
		}
	}
	// A template is known by its name and language: one name has a
	// template in each language.
	id += ":" + tpl.Texts[tpl.Language].Text
	for _, key := range []string{"category", "parameter_format"} {
		s, _, err := d.scalar(t, key)
		if err != nil {
			return nil, err
		}
		if key == "category" {
			tpl.Category = strings.ToUpper(s)
		} else {
			tpl.ParameterFormat = strings.ToUpper(s)
		}
	}
	m := &lint.Message{ID: id, Channel: lint.WhatsApp, Kind: waCategoryKind[tpl.Category], Source: d.src, Offset: t.off, Template: tpl}
	if l, err := lint.ParseLang(tpl.Texts[tpl.Language].Text); err == nil {
		m.Lang = l
	}
	var parts []*lint.Message // the header, footer and button texts
	part := func(name string, f lint.Field) {
		parts = append(parts, &lint.Message{ID: id + "/" + name, Body: f, Channel: lint.WhatsApp, Kind: lint.Reply, Lang: m.Lang, Source: d.src, Offset: t.off})
	}
	comps := t.get("components")
	if comps == nil {
		return nil, d.errAt(t.off, "template %s has no components list", id)
	}
	if comps.kind != seqNode {
		return nil, d.errAt(comps.off, "components of template %s must be a list, not %s", id, comps.kind)
	}
	for _, c := range comps.items {
		if c.kind != mapNode {
			return nil, d.errAt(c.off, "each component of template %s must be a mapping with a type, not %s", id, c.kind)
		}
		typ, tv, err := d.scalar(c, "type")
		if err != nil {
			return nil, err
		}
		typ = strings.ToUpper(typ)
		if !contains(waComponents, typ) {
			at := c.off
			if tv != nil {
				at = tv.off
			}
			return nil, d.errAt(at, "component type %q of template %s is not one of %s", typ, id, strings.Join(waComponents, ", "))
		}
		text, err := d.waText(c, id, typ)
		if err != nil {
			return nil, err
		}
		switch typ {
		case "HEADER":
			f, _, err := d.scalar(c, "format")
			if err != nil {
				return nil, err
			}
			tpl.HeaderFormat = strings.ToUpper(f)
			if text != nil {
				tpl.Header = len(tpl.Texts)
				tpl.Texts = append(tpl.Texts, text.field())
				part("header", text.field())
			}
			if tpl.HeaderExamples, err = d.waExamples(c, "header_text", "header_text_named_params"); err != nil {
				return nil, err
			}
		case "BODY":
			if text != nil {
				m.Body, tpl.HasBody = text.field(), true
			}
			if tpl.BodyExamples, err = d.waExamples(c, "body_text", "body_text_named_params"); err != nil {
				return nil, err
			}
		case "FOOTER":
			if text != nil {
				tpl.Footer = len(tpl.Texts)
				tpl.Texts = append(tpl.Texts, text.field())
				part("footer", text.field())
			}
		case "BUTTONS":
			if err := d.waButtons(c, tpl, id, part); err != nil {
				return nil, err
			}
		}
	}
	if m.Body.Map.Empty() {
		m.Body.Map = lint.LinearMap(0, t.off)
	}
	finish(m, defaults{channel: lint.WhatsApp})
	for _, p := range parts {
		finish(p, defaults{lang: m.Lang})
	}
	return append([]*lint.Message{m}, parts...), nil
}

// waText is a component's text, nil when it has none.
func (d doc) waText(c *node, id, typ string) (*node, error) {
	_, v, err := d.scalar(c, "text")
	if err != nil || v == nil {
		return nil, err
	}
	if !v.str {
		return nil, d.errAt(v.off, "the %s text of template %s must be a string", strings.ToLower(typ), id)
	}
	return v, nil
}

// waExamples reads a component's example values: positional (a list, or
// for the body a list holding one list) or named ({param_name, example}).
func (d doc) waExamples(c *node, positional, named string) (lint.TemplateExamples, error) {
	var ex lint.TemplateExamples
	e := c.get("example")
	if e == nil || e.kind == nullNode {
		return ex, nil
	}
	if e.kind != mapNode {
		return ex, d.errAt(e.off, "example must be a mapping, not %s", e.kind)
	}
	if v := e.get(positional); v != nil {
		list := v
		if len(v.items) > 0 && v.items[0].kind == seqNode {
			list = v.items[0]
		}
		vals, err := d.strings(list, positional)
		if err != nil {
			return ex, err
		}
		ex.Positional = vals
	}
	if v := e.get(named); v != nil {
		if v.kind != seqNode {
			return ex, d.errAt(v.off, "%s must be a list, not %s", named, v.kind)
		}
		ex.Named = map[string]string{}
		for _, it := range v.items {
			name, _, err := d.scalar(it, "param_name")
			if err != nil {
				return ex, err
			}
			val, _, err := d.scalar(it, "example")
			if err != nil {
				return ex, err
			}
			if it.kind != mapNode || name == "" {
				return ex, d.errAt(it.off, "each of %s needs a param_name and an example", named)
			}
			ex.Named[name] = val
		}
	}
	return ex, nil
}

// strings reads a list of strings (a single string is a list of one).
func (d doc) strings(v *node, what string) ([]string, error) {
	switch v.kind {
	case nullNode:
		return nil, nil
	case scalarNode:
		return []string{v.value}, nil
	case mapNode:
		return nil, d.errAt(v.off, "%s must be a list of strings, not %s", what, v.kind)
	}
	var out []string
	for _, it := range v.items {
		if it.kind != scalarNode {
			return nil, d.errAt(it.off, "%s must be a list of strings, not a list of %s", what, it.kind)
		}
		out = append(out, it.value)
	}
	return out, nil
}

func (d doc) waButtons(c *node, tpl *lint.Template, id string, part func(string, lint.Field)) error {
	list := c.get("buttons")
	if list == nil || list.kind != seqNode {
		return d.errAt(c.off, "the BUTTONS component of template %s needs a buttons list", id)
	}
	for i, b := range list.items {
		if b.kind != mapNode {
			return d.errAt(b.off, "each button of template %s must be a mapping with a type, not %s", id, b.kind)
		}
		typ, _, err := d.scalar(b, "type")
		if err != nil {
			return err
		}
		btn := lint.TemplateButton{Type: strings.ToUpper(typ), Text: -1, URL: -1}
		for _, k := range []struct {
			key string
			idx *int
		}{{"text", &btn.Text}, {"url", &btn.URL}} {
			_, v, err := d.scalar(b, k.key)
			if err != nil {
				return err
			}
			if v != nil {
				*k.idx = len(tpl.Texts)
				tpl.Texts = append(tpl.Texts, v.field())
			}
		}
		if btn.Text >= 0 {
			part(fmt.Sprintf("button %d", i+1), tpl.Texts[btn.Text])
		}
		if e := b.get("example"); e != nil {
			if btn.Examples, err = d.strings(e, "a button's example"); err != nil {
				return err
			}
		}
		tpl.Buttons = append(tpl.Buttons, btn)
	}
	return nil
}
