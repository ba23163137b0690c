package load

import (
	"fmt"
	"strings"

	"github.com/msglint/msglint/lint"
)

// defaults are what a message gets for the fields it does not set.
type defaults struct {
	lang    lint.Lang // "" = detect from the text
	kind    lint.Kind
	channel lint.Channel
}

var libraryKeys = []string{"channel", "lang", "kind", "templates"}
var templateKeys = []string{"id", "kind", "lang", "channel", "text", "quick_replies", "buttons", "disable"}

// isLibrary tells a reply library from other JSON/YAML by its keys.
func isLibrary(root *node) bool {
	if root.kind == seqNode {
		return len(root.items) > 0 && root.items[0].kind == mapNode && root.items[0].get("text") != nil
	}
	if root.kind != mapNode {
		return false
	}
	for _, k := range root.keys {
		if contains(libraryKeys, k.value) {
			return true
		}
	}
	return false
}

// decodeLibrary reads a reply library: file-level channel, lang and kind, and
// a templates list. Keys are checked strictly: a typo is an error on its line.
func decodeLibrary(d doc, root *node, def defaults) ([]*lint.Message, error) {
	list := root
	if root.kind == mapNode {
		if err := d.checkKeys(root, libraryKeys, "library"); err != nil {
			return nil, err
		}
		var err error
		if def, err = d.fileDefaults(root, def); err != nil {
			return nil, err
		}
		list = root.get("templates")
		if list == nil {
			return nil, d.errAt(root.off, "library has no templates: list")
		}
	}
	if list.kind == nullNode {
		return nil, nil
	}
	if list.kind != seqNode {
		return nil, d.errAt(list.off, "templates must be a list, not %s", list.kind)
	}
	var msgs []*lint.Message
	for i, t := range list.items {
		m, err := d.template(t, i, def)
		if err != nil {
			return nil, err
		}
		msgs = append(msgs, m)
	}
	return msgs, nil
}

func (d doc) checkKeys(n *node, known []string, what string) error {
	for _, k := range n.keys {
		if !contains(known, k.value) {
			return d.errAt(k.off, "unknown %s key %q (known: %s)", what, k.value, strings.Join(known, ", "))
		}
	}
	return nil
}

// scalar returns a string-valued key, or an error if it is not a scalar.
func (d doc) scalar(n *node, key string) (string, *node, error) {
	v := n.get(key)
	if v == nil || v.kind == nullNode {
		return "", nil, nil
	}
	if v.kind != scalarNode {
		return "", nil, d.errAt(v.off, "%s must be a string, not %s", key, v.kind)
	}
	return v.value, v, nil
}

func (d doc) fileDefaults(n *node, def defaults) (defaults, error) {
	if s, v, err := d.scalar(n, "lang"); err != nil {
		return def, err
	} else if v != nil {
		l, err := lint.ParseLang(s)
		if err != nil {
			return def, d.errAt(v.off, "%v", err)
		}
		def.lang = l
	}
	if s, v, err := d.scalar(n, "kind"); err != nil {
		return def, err
	} else if v != nil {
		k, err := lint.ParseKind(s)
		if err != nil {
			return def, d.errAt(v.off, "%v", err)
		}
		def.kind = k
	}
	if s, v, err := d.scalar(n, "channel"); err != nil {
		return def, err
	} else if v != nil {
		c, err := lint.ParseChannel(s)
		if err != nil {
			return def, d.errAt(v.off, "%v", err)
		}
		def.channel = c
	}
	return def, nil
}

func (d doc) template(t *node, i int, def defaults) (*lint.Message, error) {
	if t.kind != mapNode {
		return nil, d.errAt(t.off, "template %d must be a mapping with a text, not %s", i+1, t.kind)
	}
	if err := d.checkKeys(t, templateKeys, "template"); err != nil {
		return nil, err
	}
	def, err := d.fileDefaults(t, def)
	if err != nil {
		return nil, err
	}
	id, _, err := d.scalar(t, "id")
	if err != nil {
		return nil, err
	}
	if id == "" {
		id = fmt.Sprintf("#%d", i+1)
	}
	text := t.get("text")
	if text == nil || text.kind == nullNode {
		return nil, d.errAt(t.off, "template %s has no text", id)
	}
	if text.kind != scalarNode || !text.str {
		return nil, d.errAt(text.off, "text of template %s must be a string, not %s", id, text.kind)
	}
	m := &lint.Message{ID: id, Body: text.field(), Source: d.src, Offset: t.off}
	if m.QuickReplies, err = d.titles(t, "quick_replies", []string{"title", "payload", "content_type", "image_url"}); err != nil {
		return nil, err
	}
	if m.Buttons, err = d.titles(t, "buttons", []string{"title", "type", "url", "payload"}); err != nil {
		return nil, err
	}
	if v := t.get("disable"); v != nil && v.kind != nullNode {
		if v.kind != seqNode {
			return nil, d.errAt(v.off, "disable must be a list of rule names")
		}
		for _, r := range v.items {
			m.Disable = append(m.Disable, r.value)
		}
	}
	finish(m, def)
	return m, nil
}

// titles reads quick replies or buttons: plain strings or objects with a title.
func (d doc) titles(t *node, key string, known []string) ([]lint.Field, error) {
	v := t.get(key)
	if v == nil || v.kind == nullNode {
		return nil, nil
	}
	if v.kind != seqNode {
		return nil, d.errAt(v.off, "%s must be a list", key)
	}
	var out []lint.Field
	for _, it := range v.items {
		switch it.kind {
		case scalarNode:
			out = append(out, it.field())
		case mapNode:
			if err := d.checkKeys(it, known, strings.TrimSuffix(key, "s")); err != nil {
				return nil, err
			}
			title := it.get("title")
			if title == nil || title.kind != scalarNode {
				return nil, d.errAt(it.off, "each of %s needs a title", key)
			}
			out = append(out, title.field())
		default:
			return nil, d.errAt(it.off, "each of %s must be a title or a mapping with a title", key)
		}
	}
	return out, nil
}

// finish fills in what the message did not say.
func finish(m *lint.Message, def defaults) {
	if m.Kind == "" {
		m.Kind = def.kind
	}
	if m.Kind == "" {
		m.Kind = lint.Reply
	}
	if m.Channel == "" {
		m.Channel = def.channel
	}
	if m.Channel == "" {
		m.Channel = lint.Messenger
	}
	if m.Lang == "" {
		m.Lang = def.lang
	}
	if m.Lang == "" {
		l, ok := lint.DetectLang(m.Body.Text)
		if !ok {
			l = lint.English
		}
		m.Lang, m.LangDetected = l, true
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
