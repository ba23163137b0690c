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
// A template with problems is left out with every problem reported; the
// others are still read.
func decodeLibrary(o Options, d doc, root *node, def defaults) ([]*lint.Message, error) {
	p := problems{path: d.src.Path}
	list := root
	if root.kind == mapNode {
		p.add(d.checkKeys(root, libraryKeys, "library"))
		var err error
		def, err = d.fileDefaults(root, def)
		p.add(err)
		list = root.get("templates")
		if list == nil {
			if len(p.errs) == 0 { // else a misspelt templates: key said it
				p.add(d.errAt(root.off, "library has no templates: list"))
			}
			return nil, p.err()
		}
	}
	if list.kind == nullNode {
		return nil, p.err()
	}
	if list.kind != seqNode {
		p.add(d.errAt(list.off, "templates must be a list, not %s", list.kind))
		return nil, p.err()
	}
	var msgs []*lint.Message
	for i, t := range list.items {
		m, err := o.template(d, t, i, def)
		p.add(err)
		if m != nil {
			msgs = append(msgs, m)
		}
	}
	return msgs, p.err()
}

// checkKeys is an error for each key not in known.
func (d doc) checkKeys(n *node, known []string, what string) error {
	var p problems
	for _, k := range n.keys {
		if !contains(known, k.value) {
			p.add(d.errAt(k.off, "unknown %s key %q (known: %s)", what, k.value, strings.Join(known, ", ")))
		}
	}
	return p.err()
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

// fileDefaults reads lang, kind and channel over def; each bad one is an
// error, and all of them are reported.
func (d doc) fileDefaults(n *node, def defaults) (defaults, error) {
	var p problems
	for _, f := range defaultKeys {
		s, v, err := d.scalar(n, f.key)
		if err != nil {
			p.add(err)
		} else if v != nil {
			if def, err = f.set(def, s); err != nil {
				p.add(d.errAt(v.off, "%v", err))
			}
		}
	}
	return def, p.err()
}

// defaultKeys are the keys that set the defaults of a file or a message;
// set takes and returns the defaults, so reading them allocates nothing.
var defaultKeys = [...]struct {
	key string
	set func(defaults, string) (defaults, error)
}{
	{"lang", func(d defaults, s string) (_ defaults, err error) { d.lang, err = lint.ParseLang(s); return d, err }},
	{"kind", func(d defaults, s string) (_ defaults, err error) { d.kind, err = lint.ParseKind(s); return d, err }},
	{"channel", func(d defaults, s string) (_ defaults, err error) {
		d.channel, err = lint.ParseChannel(s)
		return d, err
	}},
}

// template reads one template, with every problem it has; a template with
// a problem gives no message.
func (o Options) template(d doc, t *node, i int, def defaults) (*lint.Message, error) {
	if t.kind != mapNode {
		return nil, d.errAt(t.off, "template %d must be a mapping with a text, not %s", i+1, t.kind)
	}
	var p problems
	p.add(d.checkKeys(t, templateKeys, "template"))
	def, err := d.fileDefaults(t, def)
	p.add(err)
	id, _, err := d.scalar(t, "id")
	p.add(err)
	if id == "" {
		id = fmt.Sprintf("#%d", i+1)
	}
	m := &lint.Message{ID: id, Source: d.src, Offset: t.off}
	text := t.get("text")
	switch {
	case text == nil || text.kind == nullNode:
		p.add(d.errAt(t.off, "template %s has no text", id))
	case text.kind != scalarNode || !text.str:
		p.add(d.errAt(text.off, "text of template %s must be a string, not %s", id, text.kind))
	default:
		m.Body = text.field()
	}
	m.QuickReplies, err = d.titles(t, "quick_replies", []string{"title", "payload", "content_type", "image_url"})
	p.add(err)
	m.Buttons, err = d.titles(t, "buttons", []string{"title", "type", "url", "payload"})
	p.add(err)
	if v := t.get("disable"); v != nil && v.kind != nullNode {
		if v.kind != seqNode {
			p.add(d.errAt(v.off, "disable must be a list of rule names"))
		} else {
			p.add(o.checkDisable(d, v))
			for _, r := range v.items {
				m.Disable = append(m.Disable, r.value)
			}
		}
	}
	if len(p.errs) > 0 {
		return nil, p.err()
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

// finishing calls do for each of n messages of a file, on every core when
// there are many: detecting the language of each message of a plain text
// file was three quarters of reading it, on the one goroutine that reads
// the file while the others waited for its messages.
func finishing(n int, do func(i int)) {
	const per = 256 // messages a worker takes at a time
	inChunks(n, per, func() struct{} { return struct{}{} }, func(_ struct{}, lo, hi int) {
		for i := lo; i < hi; i++ {
			do(i)
		}
	})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
