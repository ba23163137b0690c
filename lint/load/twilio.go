package load

import (
	"fmt"
	"strings"

	"github.com/msglint/msglint/lint"
)

// A Twilio Content API template, as a business creates it (POST
// /v1/Content) and Twilio lists it: {"friendly_name", "language",
// "variables": {"1": "sample"}, "types": {"twilio/text": {"body": …}, …}};
// one, a list, or the listing answer {"contents": […], "meta": …}. Each
// content type is one message (id friendly_name/type): its body, its
// actions as quick replies (twilio/quick-reply) or buttons, and the
// structure the whatsapp-template rule checks as a lint.Template whose
// examples are the template's variables.

// isTwilioContent recognises a template by its types mapping beside a
// friendly_name or language.
func isTwilioContent(root *node) bool {
	switch {
	case root.kind == seqNode:
		return len(root.items) > 0 && isOneTwilioContent(root.items[0])
	case root.kind != mapNode:
		return false
	case isOneTwilioContent(root):
		return true
	}
	c := root.get("contents")
	return c != nil && c.kind == seqNode && len(c.items) > 0 && isOneTwilioContent(c.items[0])
}

func isOneTwilioContent(n *node) bool {
	if n.kind != mapNode {
		return false
	}
	t := n.get("types")
	return t != nil && t.kind == mapNode && (n.get("friendly_name") != nil || n.get("language") != nil)
}

func readTwilioContents(d doc, root *node) ([]*lint.Message, error) {
	list := []*node{root}
	switch {
	case root.kind == seqNode:
		list = root.items
	case root.get("types") == nil:
		list = root.get("contents").items
	}
	var msgs []*lint.Message
	for i, t := range list {
		ms, err := d.twilioContent(t, i)
		if err != nil {
			return nil, err
		}
		msgs = append(msgs, ms...)
	}
	return msgs, nil
}

// twilioTexts are the text fields of each content type: its body, and the
// fields that read as a header and a footer.
var twilioTexts = map[string]struct{ body, header, footer string }{
	"twilio/card":   {"body", "title", "subtitle"},
	"whatsapp/card": {"body", "header_text", "footer"},
}

func (d doc) twilioContent(t *node, i int) ([]*lint.Message, error) {
	if t.kind != mapNode {
		return nil, d.errAt(t.off, "content template %d must be a mapping with a friendly_name, a language and types, not %s", i+1, t.kind)
	}
	name, nameNode, err := d.scalar(t, "friendly_name")
	if err != nil {
		return nil, err
	}
	lang, langNode, err := d.scalar(t, "language")
	if err != nil {
		return nil, err
	}
	if name == "" {
		name = fmt.Sprintf("#%d", i+1)
	}
	examples, err := d.twilioVariables(t)
	if err != nil {
		return nil, err
	}
	types := t.get("types")
	if types.kind != mapNode {
		return nil, d.errAt(types.off, "types of content template %s must be a mapping of content types, not %s", name, types.kind)
	}
	var msgs []*lint.Message
	for k, key := range types.keys {
		typ, body := key.value, types.vals[k]
		if body.kind != mapNode {
			return nil, d.errAt(body.off, "content type %s of template %s must be a mapping, not %s", typ, name, body.kind)
		}
		// Like a WhatsApp template, a content template is known by its name
		// and language: a team keeps one per language under one name.
		id := name + "/" + typ
		if lang != "" {
			id = name + ":" + lang + "/" + typ
		}
		tpl := &lint.Template{Platform: lint.TwilioContent, ContentType: typ, Name: -1, Language: -1, Header: -1, Footer: -1, BodyExamples: examples}
		at := func(n *node) int {
			if n == nil {
				return -1
			}
			tpl.Texts = append(tpl.Texts, n.field())
			return len(tpl.Texts) - 1
		}
		tpl.Name, tpl.Language = at(nameNode), at(langNode)
		m := &lint.Message{ID: id, Channel: lint.WhatsApp, Source: d.src, Offset: body.off, Template: tpl}
		if l, err := lint.ParseLang(lang); err == nil {
			m.Lang = l
		}
		var parts []*lint.Message
		part := func(what string, f lint.Field) {
			parts = append(parts, &lint.Message{ID: id + "/" + what, Body: f, Channel: lint.WhatsApp, Kind: lint.Reply, Lang: m.Lang, Source: d.src, Offset: body.off})
		}
		fields := twilioTexts[typ]
		if fields.body == "" {
			fields.body = "body"
		}
		for _, f := range []struct {
			key  string
			to   *int
			name string
		}{{fields.header, &tpl.Header, "header"}, {fields.footer, &tpl.Footer, "footer"}} {
			if f.key == "" {
				continue
			}
			v, err := d.twilioString(body, f.key, typ)
			if err != nil {
				return nil, err
			}
			if *f.to = at(v); v != nil {
				part(f.name, v.field())
			}
		}
		v, err := d.twilioString(body, fields.body, typ)
		if err != nil {
			return nil, err
		}
		if v != nil {
			m.Body, tpl.HasBody = v.field(), true
		} else {
			m.Body.Map = lint.LinearMap(0, body.off)
		}
		if err := d.twilioActions(body, typ, m, tpl, at); err != nil {
			return nil, err
		}
		finish(m, defaults{channel: lint.WhatsApp})
		for _, p := range parts {
			finish(p, defaults{lang: m.Lang})
		}
		msgs = append(msgs, m)
		msgs = append(msgs, parts...)
	}
	return msgs, nil
}

// twilioString is a content type's text field, nil when absent.
func (d doc) twilioString(body *node, key, typ string) (*node, error) {
	v := body.get(key)
	if v == nil || v.kind == nullNode {
		return nil, nil
	}
	if v.kind != scalarNode || !v.str {
		return nil, d.errAt(v.off, "%s of %s must be a string, not %s", key, typ, v.kind)
	}
	return v, nil
}

// twilioActions reads a content type's actions: a quick-reply's are the
// message's quick replies, the others' its buttons; each with its type and
// URL in the template.
func (d doc) twilioActions(body *node, typ string, m *lint.Message, tpl *lint.Template, at func(*node) int) error {
	acts := body.get("actions")
	if acts == nil || acts.kind == nullNode {
		return nil
	}
	if acts.kind != seqNode {
		return d.errAt(acts.off, "actions of %s must be a list, not %s", typ, acts.kind)
	}
	for _, a := range acts.items {
		if a.kind != mapNode {
			return d.errAt(a.off, "each action of %s must be a mapping with a title, not %s", typ, a.kind)
		}
		kind, _, err := d.scalar(a, "type")
		if err != nil {
			return err
		}
		if typ == "twilio/quick-reply" && kind == "" {
			kind = "QUICK_REPLY"
		}
		btn := lint.TemplateButton{Type: strings.ToUpper(kind), Text: -1, URL: -1}
		title, err := d.twilioString(a, "title", typ)
		if err != nil {
			return err
		}
		if title != nil {
			btn.Text = at(title)
			if typ == "twilio/quick-reply" {
				m.QuickReplies = append(m.QuickReplies, title.field())
			} else {
				m.Buttons = append(m.Buttons, title.field())
			}
		}
		url, err := d.twilioString(a, "url", typ)
		if err != nil {
			return err
		}
		btn.URL = at(url)
		tpl.Buttons = append(tpl.Buttons, btn)
	}
	return nil
}

// twilioVariables reads the template's variables, the sample value of each
// by its key ({"1": "Ana"} or {"first_name": "Ana"}).
func (d doc) twilioVariables(t *node) (lint.TemplateExamples, error) {
	ex := lint.TemplateExamples{Named: map[string]string{}}
	v := t.get("variables")
	if v == nil || v.kind == nullNode {
		return ex, nil
	}
	if v.kind != mapNode {
		return ex, d.errAt(v.off, "variables must be a mapping of each variable to its sample value, not %s", v.kind)
	}
	for i, k := range v.keys {
		val := v.vals[i]
		if val.kind != scalarNode {
			return ex, d.errAt(val.off, "the sample value of variable %q must be a string, not %s", k.value, val.kind)
		}
		ex.Named[k.value] = val.value
	}
	return ex, nil
}
