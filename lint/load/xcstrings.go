package load

import (
	"fmt"

	"github.com/msglint/msglint/lint"
)

// xcstringsFormat is an Xcode string catalog (Localizable.xcstrings): one JSON
// file holding every language. Each string's value in each language msglint
// checks is a message, plural and device variations each one of their own;
// a string with no value in the source language is its own key, as Xcode
// shows it. Languages msglint does not check are passed over, and so are
// values still "new" in a translation.
var xcstringsFormat = &Format{
	Name: "xcstrings", Exts: []string{".xcstrings"}, Walked: true,
	Unsafe: jsonUnsafe,
	Read: func(o Options, src *lint.Source) ([]*lint.Message, error) {
		d := doc{src}
		root, err := parseJSON(src, src.Data, 0)
		if err != nil {
			return nil, err
		}
		catalog := root.get("strings")
		if root.kind != mapNode || catalog == nil || catalog.kind != mapNode {
			return nil, fmt.Errorf("%s: %w: a string catalog needs a strings object", src.Path, errNotMessages)
		}
		source := "en"
		if s := root.get("sourceLanguage"); s != nil && s.kind == scalarNode {
			source = s.value
		}
		byLang := map[lint.Lang][]localeString{}
		var order []lint.Lang
		add := func(code string, s localeString) {
			l, err := langOf(code)
			if err != nil {
				return
			}
			if byLang[l] == nil {
				order = append(order, l)
			}
			byLang[l] = append(byLang[l], s)
		}
		var other error
		for i, k := range catalog.keys {
			entry := catalog.vals[i]
			if entry.kind != mapNode {
				return nil, d.errAt(entry.off, "string %q must be an object, not %s", k.value, entry.kind)
			}
			if tr := entry.get("shouldTranslate"); tr != nil && tr.value == "false" {
				continue
			}
			locs := entry.get("localizations")
			if locs == nil || locs.get(source) == nil {
				add(source, localeString{id: k.value, key: k.value, text: k.field(), off: k.off})
			}
			if locs == nil || locs.kind != mapNode {
				continue
			}
			for j, lk := range locs.keys {
				if _, err := langOf(lk.value); err != nil {
					other = err
					continue
				}
				for _, u := range stringUnits(locs.vals[j], "") {
					if u.state == "new" && lk.value != source {
						continue // not translated yet: most often the source copied
					}
					add(lk.value, localeString{id: k.value + u.path, key: k.value, text: u.val.field(), off: u.val.off})
				}
			}
		}
		var msgs []*lint.Message
		for _, l := range order {
			msgs = append(msgs, o.localeMessages(src, l, printfSyntax, byLang[l])...)
		}
		if msgs == nil && other != nil {
			return nil, fmt.Errorf("%s: %w", src.Path, other)
		}
		return msgs, nil
	},
}

type stringUnit struct {
	path  string // [plural.one], [device.iphone]
	val   *node
	state string // new, translated, needs_review
}

// stringUnits finds the stringUnit values of one localization, through its
// variations (plural, device) and substitutions.
func stringUnits(n *node, path string) []stringUnit {
	if n == nil || n.kind != mapNode {
		return nil
	}
	var out []stringUnit
	if su := n.get("stringUnit"); su != nil && su.kind == mapNode {
		if v := su.get("value"); v != nil && v.kind == scalarNode && v.str {
			state := ""
			if s := su.get("state"); s != nil {
				state = s.value
			}
			out = append(out, stringUnit{path, v, state})
		}
	}
	if vars := n.get("variations"); vars != nil && vars.kind == mapNode {
		for i, kind := range vars.keys {
			cases := vars.vals[i]
			if cases.kind != mapNode {
				continue
			}
			for j, c := range cases.keys {
				out = append(out, stringUnits(cases.vals[j], path+"["+kind.value+"."+c.value+"]")...)
			}
		}
	}
	if subs := n.get("substitutions"); subs != nil && subs.kind == mapNode {
		for i, name := range subs.keys {
			out = append(out, stringUnits(subs.vals[i], path+"["+name.value+"]")...)
		}
	}
	return out
}
