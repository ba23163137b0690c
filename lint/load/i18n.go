package load

import (
	"errors"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/msglint/msglint/lint"
)

var localeName = regexp.MustCompile(`^[a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8})*$`)

// errOtherLocale marks a locale file in a language msglint does not check.
var errOtherLocale = errors.New("locale in a language msglint does not check")

// localeOf finds a locale tree's language from its file name (tr.json,
// en_US.yaml) or, failing that, the nearest folder named like a locale
// (locales/az/common.yaml).
func localeOf(path string) (lint.Lang, error) {
	dir, base := filepath.Split(filepath.Clean(path))
	names := []string{strings.TrimSuffix(base, filepath.Ext(base))}
	names = append(names, reverse(strings.Split(filepath.ToSlash(filepath.Clean(dir)), "/"))...)
	for _, n := range names {
		if localeName.MatchString(n) {
			if l, err := lint.ParseLang(n); err == nil {
				return l, nil
			}
			return "", otherLocale(n)
		}
	}
	return "", errors.New("cannot tell the language of this locale file: name it like tr.json or put it in a folder named like locales/az/")
}

func reverse(s []string) []string {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
	return s
}

// loadI18n turns every string leaf of a locale tree into a message whose id
// is the dotted key path.
func loadI18n(d doc, root *node, lang lint.Lang, def defaults) []*lint.Message {
	def.lang = lang
	var msgs []*lint.Message
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
			if n.str && strings.TrimSpace(n.value) != "" {
				m := &lint.Message{ID: path, Body: n.field(), Source: d.src, Offset: n.off}
				finish(m, def)
				msgs = append(msgs, m)
			}
		}
	}
	walk(root, "")
	return msgs
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
