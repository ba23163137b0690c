package load

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/msglint/msglint/lint"
)

// readLocaleTree reads a JSON or YAML locale tree (i18next, vue-i18n, Rails)
// into one message per string leaf, whose id is the dotted key path: nested
// keys and flat ones with dots read alike. Its language comes from a root key
// that is a locale code (Rails' tr:, vue-i18n's {"en": …, "tr": …}), else from
// its path.
func readLocaleTree(o Options, d doc, root *node, _ defaults) ([]*lint.Message, error) {
	path := d.src.Path
	if subtrees := localeRoots(root); subtrees != nil {
		var msgs []*lint.Message
		var other error
		rails := !strings.EqualFold(filepath.Ext(path), ".json")
		for i := range root.keys {
			lang, err := langOf(subtrees[i])
			if err != nil {
				other = err
				continue
			}
			strs := treeStrings(root.vals[i], "")
			msgs = append(msgs, o.localeMessages(d.src, lang, treeSyntax(strs, rails), strs)...)
		}
		if msgs == nil && other != nil {
			return nil, fmt.Errorf("%s: %w", path, other)
		}
		return msgs, nil
	}
	lang, err := localeOf(path)
	if err != nil {
		if _, ok := OtherLocale(err); ok {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return nil, &lint.InputError{Path: path, Msg: err.Error()}
	}
	strs := treeStrings(root, "")
	return o.localeMessages(d.src, lang, treeSyntax(strs, false), strs), nil
}

// localeRoots gives the locale code of each root key when every root key is
// a lower-case locale code holding a mapping (Rails' tr:, vue-i18n's
// {"en": {…}, "tr": {…}}); else nil.
func localeRoots(root *node) []string {
	if root.kind != mapNode || len(root.keys) == 0 {
		return nil
	}
	codes := make([]string, len(root.keys))
	for i, k := range root.keys {
		c, ok := parseLocale(k.value, true)
		if !ok || root.vals[i].kind != mapNode {
			return nil
		}
		codes[i] = c
	}
	return codes
}

// treeStrings lists every string leaf under n, keyed by its dotted path.
func treeStrings(n *node, path string) []localeString {
	var out []localeString
	var walk func(n *node, path string)
	walk = func(n *node, path string) {
		switch n.kind {
		case mapNode:
			for i, k := range n.keys {
				walk(n.vals[i], join(path, k.value))
			}
		case seqNode:
			for i, it := range n.items {
				walk(it, join(path, strconv.Itoa(i)))
			}
		case scalarNode:
			if n.str {
				out = append(out, localeString{id: path, key: path, text: n.field(), off: n.off})
			}
		}
	}
	walk(n, path)
	return out
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
