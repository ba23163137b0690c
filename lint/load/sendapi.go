package load

import (
	"fmt"
	"strings"

	"github.com/msglint/msglint/lint"
)

// isSendAPI recognises a Messenger/Instagram Send API body or a WhatsApp
// Cloud API message body.
func isSendAPI(root *node) bool {
	return root.kind == mapNode && (root.get("recipient") != nil && (root.get("message") != nil || root.get("sender_action") != nil) || root.get("messaging_product") != nil)
}

// loadSendAPI reads the text a Send API body would send, with its quick reply
// and button titles. Bodies that send no text (media, reactions, approved
// WhatsApp templates) give no message.
func loadSendAPI(d doc, root *node, def defaults) ([]*lint.Message, error) {
	if err := d.checkStrings(root, []string{"text", "body"}, []string{"message", "text"}, []string{"message", "attachment", "payload", "text"}, []string{"interactive", "body", "text"}); err != nil {
		return nil, err
	}
	m := &lint.Message{ID: "message", Source: d.src, Offset: root.off}
	if p := root.get("messaging_product"); p != nil && strings.EqualFold(p.value, "whatsapp") {
		m.Channel = lint.WhatsApp
		if b := path(root, "text", "body"); b != nil {
			m.Body = b.field()
		}
		if b := path(root, "interactive", "body", "text"); b != nil {
			m.Body = b.field()
		}
		for _, btn := range items(path(root, "interactive", "action", "buttons")) {
			if t := path(btn, "reply", "title"); t != nil {
				m.Buttons = append(m.Buttons, t.field())
			}
		}
		if t := path(root, "interactive", "action", "button"); t != nil && t.kind == scalarNode {
			m.Buttons = append(m.Buttons, t.field())
		}
	} else {
		msg := root.get("message")
		if t := path(msg, "text"); t != nil {
			m.Body = t.field()
		}
		for _, qr := range items(path(msg, "quick_replies")) {
			if t := path(qr, "title"); t != nil {
				m.QuickReplies = append(m.QuickReplies, t.field())
			}
		}
		payload := path(msg, "attachment", "payload")
		if t := path(payload, "text"); t != nil {
			m.Body = t.field()
		}
		m.Buttons = buttonTitles(items(path(payload, "buttons")))
		for _, el := range items(path(payload, "elements")) {
			e, err := d.element(el, len(m.Buttons))
			if err != nil {
				return nil, err
			}
			m.Elements = append(m.Elements, e)
			m.Buttons = append(m.Buttons, buttonTitles(items(path(el, "buttons")))...)
		}
		if v := root.get("messaging_type"); v != nil {
			m.MessagingType = v.value
		}
		if v := root.get("tag"); v != nil {
			m.Tag = v.value
		}
	}
	if m.Body.Text == "" && len(m.QuickReplies) == 0 && len(m.Buttons) == 0 && len(m.Elements) == 0 {
		return nil, nil
	}
	if m.Body.Map.Empty() {
		m.Body.Map = lint.LinearMap(0, root.off)
	}
	finish(m, def)
	return append([]*lint.Message{m}, elementTexts(m)...), nil
}

// elementTexts are a generic template's element titles and subtitles as
// messages of their own, so that the content rules (spelling, shouting,
// placeholders) read them as they read a WhatsApp template's header; their
// limits are the generic template's, checked on the message itself.
func elementTexts(m *lint.Message) []*lint.Message {
	var out []*lint.Message
	for i, e := range m.Elements {
		for _, f := range []struct {
			what  string
			field lint.Field
		}{{"title", e.Title}, {"subtitle", e.Subtitle}} {
			if f.field.Text == "" {
				continue
			}
			t := &lint.Message{ID: fmt.Sprintf("%s/element %d %s", m.ID, i+1, f.what), Body: f.field, Kind: lint.Reply,
				Lang: m.Lang, LangDetected: m.LangDetected, Channel: m.Channel, Source: m.Source, Offset: m.Offset, Syntax: m.Syntax}
			finish(t, defaults{lang: m.Lang, channel: m.Channel})
			out = append(out, t)
		}
	}
	return out
}

// element reads one card of a generic template: its title, subtitle and
// default action, each where it is written (an absent one at the card), and
// how many buttons it has, which follow Buttons[first].
func (d doc) element(el *node, first int) (lint.Element, error) {
	e := lint.Element{FirstButton: first, Buttons: len(buttonTitles(items(path(el, "buttons"))))}
	if el.kind != mapNode {
		return e, d.errAt(el.off, "each of elements must be a mapping with a title, not %s", el.kind)
	}
	here := lint.Field{Map: lint.LinearMap(0, el.off)}
	e.Title, e.Subtitle, e.DefaultAction = here, here, here
	for _, f := range []struct {
		keys []string
		to   *lint.Field
	}{{[]string{"title"}, &e.Title}, {[]string{"subtitle"}, &e.Subtitle}, {[]string{"default_action", "url"}, &e.DefaultAction}} {
		if err := d.checkStrings(el, f.keys); err != nil {
			return e, err
		}
		if v := path(el, f.keys...); v != nil && v.kind == scalarNode {
			*f.to = v.field()
		}
	}
	return e, nil
}

// buttonTitles are the titles of the buttons that have one.
func buttonTitles(buttons []*node) []lint.Field {
	var out []lint.Field
	for _, b := range buttons {
		if t := path(b, "title"); t != nil {
			out = append(out, t.field())
		}
	}
	return out
}

// checkStrings is an error for each of the paths that is there but holds no
// string: a text sent as a number is a mistake, not a body without text.
func (d doc) checkStrings(root *node, paths ...[]string) error {
	var p problems
	for _, keys := range paths {
		n := root
		for _, k := range keys {
			if n == nil || n.kind != mapNode {
				n = nil
				break
			}
			n = n.get(k)
		}
		if n != nil && n.kind != nullNode && !(n.kind == scalarNode && n.str) {
			p.add(d.errAt(n.off, "%s must be a string, not %s", strings.Join(keys, "."), n.kind))
		}
	}
	return p.err()
}

// path follows mapping keys; nil when any step is missing or not a string leaf.
func path(n *node, keys ...string) *node {
	for _, k := range keys {
		if n == nil || n.kind != mapNode {
			return nil
		}
		n = n.get(k)
	}
	if n != nil && n.kind == scalarNode && !n.str {
		return nil
	}
	return n
}

func items(n *node) []*node {
	if n == nil || n.kind != seqNode {
		return nil
	}
	return n.items
}
