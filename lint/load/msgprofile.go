package load

import "github.com/msglint/msglint/lint"

// A Messenger Profile body, as a business posts it to the Messenger Profile
// API: greeting texts per locale, ice breaker questions (one list, or per
// locale) and the persistent menu per locale. Each locale's greeting is a
// message of kind greeting; its ice breakers are a message's quick replies
// and its menu a message's buttons, marked Profile so that the profile's
// limits apply.

var profileKeys = []string{"greeting", "ice_breakers", "persistent_menu"}

// isMessengerProfile recognises a profile body by its keys (and no
// recipient: a Send API body is not one).
func isMessengerProfile(root *node) bool {
	if root.kind != mapNode || root.get("recipient") != nil {
		return false
	}
	for _, k := range profileKeys {
		if root.get(k) != nil {
			return true
		}
	}
	return false
}

func readMessengerProfile(d doc, root *node) ([]*lint.Message, error) {
	var msgs []*lint.Message
	add := func(id, locale string, off int, edit func(m *lint.Message)) {
		m := &lint.Message{ID: id, Channel: lint.Messenger, Source: d.src, Offset: off, Profile: true}
		if l, err := lint.ParseLang(locale); err == nil {
			m.Lang = l
		}
		edit(m)
		if m.Body.Map.Empty() {
			m.Body.Map = lint.LinearMap(0, off)
		}
		finish(m, defaults{})
		msgs = append(msgs, m)
	}
	lists := map[string]*node{}
	for _, k := range profileKeys {
		if v := root.get(k); v != nil && v.kind != nullNode {
			if v.kind != seqNode {
				return nil, d.errAt(v.off, "%s must be a list, not %s", k, v.kind)
			}
			lists[k] = v
		}
	}
	for _, g := range items(lists["greeting"]) {
		locale, text, err := d.profileItem(g, "greeting", "text")
		if err != nil {
			return nil, err
		}
		add("greeting/"+locale, locale, g.off, func(m *lint.Message) { m.Kind, m.Body = lint.Greeting, text.field() })
	}
	// Ice breakers: the new format has a call_to_actions list per locale,
	// the old one the questions themselves.
	if ib := lists["ice_breakers"]; ib != nil && len(ib.items) > 0 {
		groups := ib.items
		if ib.items[0].kind == mapNode && ib.items[0].get("call_to_actions") == nil {
			groups = []*node{{kind: mapNode, off: ib.off, keys: []*node{{value: "call_to_actions"}}, vals: []*node{ib}}}
		}
		for _, g := range groups {
			if err := d.profileGroup(g, "ice_breakers", "question", func(locale string, off int, fs []lint.Field) {
				add("ice_breakers/"+locale, locale, off, func(m *lint.Message) { m.QuickReplies = fs })
			}); err != nil {
				return nil, err
			}
		}
	}
	for _, g := range items(lists["persistent_menu"]) {
		if err := d.profileGroup(g, "persistent_menu", "title", func(locale string, off int, fs []lint.Field) {
			add("persistent_menu/"+locale, locale, off, func(m *lint.Message) { m.Buttons = fs })
		}); err != nil {
			return nil, err
		}
	}
	return msgs, nil
}

// profileItem reads one {locale, <key>} entry.
func (d doc) profileItem(n *node, what, key string) (string, *node, error) {
	if n.kind != mapNode {
		return "", nil, d.errAt(n.off, "each %s must be a mapping, not %s", what, n.kind)
	}
	locale, _, err := d.scalar(n, "locale")
	if err != nil {
		return "", nil, err
	}
	if locale == "" {
		locale = "default"
	}
	_, v, err := d.scalar(n, key)
	if err != nil {
		return "", nil, err
	}
	if v == nil || !v.str {
		return "", nil, d.errAt(n.off, "each %s needs a %s string", what, key)
	}
	return locale, v, nil
}

// profileGroup reads one locale's call_to_actions, each with a text under
// key.
func (d doc) profileGroup(g *node, what, key string, each func(locale string, off int, fs []lint.Field)) error {
	if g.kind != mapNode {
		return d.errAt(g.off, "each of %s must be a mapping with call_to_actions, not %s", what, g.kind)
	}
	locale, _, err := d.scalar(g, "locale")
	if err != nil {
		return err
	}
	if locale == "" {
		locale = "default"
	}
	ctas := g.get("call_to_actions")
	if ctas == nil || ctas.kind != seqNode {
		return d.errAt(g.off, "%s for locale %s needs a call_to_actions list", what, locale)
	}
	var fs []lint.Field
	for _, c := range ctas.items {
		if c.kind != mapNode {
			return d.errAt(c.off, "each call to action of %s must be a mapping, not %s", what, c.kind)
		}
		_, v, err := d.scalar(c, key)
		if err != nil {
			return err
		}
		if v == nil || !v.str {
			return d.errAt(c.off, "each call to action of %s needs a %s", what, key)
		}
		fs = append(fs, v.field())
	}
	each(locale, g.off, fs)
	return nil
}
