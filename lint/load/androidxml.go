package load

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/msglint/msglint/lint"
)

// androidFormat is an Android string resource file (res/values-tr/strings.xml):
// <string>, <plurals> and <string-array> in a <resources> root. Other XML
// files are no message library.
var androidFormat = &Format{
	Name: "android", Exts: []string{".xml"}, Walked: true,
	Guess:  func(data []byte) bool { return xmlRoot(data) == "resources" },
	Unsafe: androidUnsafe, Comments: xmlComments,
	Read: func(o Options, src *lint.Source) ([]*lint.Message, error) {
		d := doc{src}
		root, err := parseXML(d)
		if err != nil {
			return nil, err
		}
		if root.name != "resources" {
			return nil, fmt.Errorf("%s: %w: an XML file whose root is <%s>, not Android's <resources>", src.Path, errNotMessages, root.name)
		}
		lang, err := androidLang(o, src.Path)
		if err != nil {
			return nil, err
		}
		strs, err := androidStrings(d, root)
		if err != nil {
			return nil, err
		}
		return o.localeMessages(src, lang, printfSyntax, strs), nil
	},
}

// androidUnsafe: what Android's resource compiler reads as an escape, a
// quote or markup, and line breaks and tabs, which it folds into spaces.
const androidUnsafe = "\"'\\@?<&\n\r\t"

// androidLang is the language of values-tr/strings.xml; values/ holds the
// app's default strings, in the source language (--lang, else English).
func androidLang(o Options, path string) (lint.Lang, error) {
	dir := filepath.Base(filepath.Dir(path))
	if c, ok := localeOfDir(dir); ok {
		return langOf(c)
	}
	if dir == "values" || strings.HasPrefix(dir, "values-") {
		if o.Lang != "" {
			return o.Lang, nil
		}
		return lint.English, nil
	}
	l, err := localeOf(path)
	if err != nil {
		if _, ok := OtherLocale(err); ok {
			return "", fmt.Errorf("%s: %w", path, err)
		}
		return "", &lint.InputError{Path: path, Msg: err.Error()}
	}
	return l, nil
}

// androidStrings lists the strings of a <resources> element; those marked
// translatable="false" are names and codes, not text.
func androidStrings(d doc, root *xmlNode) ([]localeString, error) {
	var out []localeString
	add := func(n *xmlNode, id, key string) error {
		cs, err := innerChars(d, n, nil)
		if err != nil {
			return err
		}
		out = append(out, localeString{id: id, key: key, text: fieldOf(d, androidUnescape(cs)), off: n.off})
		return nil
	}
	for _, n := range root.kids {
		if n.name == "" || n.cdata {
			continue
		}
		if v, _ := n.attr("translatable"); v == "false" {
			continue
		}
		name, _ := n.attr("name")
		var err error
		switch n.name {
		case "string":
			err = add(n, name, name)
		case "plurals":
			for _, it := range n.elems("item") {
				q, _ := it.attr("quantity")
				if err = add(it, name+"["+q+"]", name); err != nil {
					break
				}
			}
		case "string-array":
			for i, it := range n.elems("item") {
				if err = add(it, name+"["+strconv.Itoa(i)+"]", name); err != nil {
					break
				}
			}
		}
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// androidUnescape applies what Android's resource compiler does to a
// string's text: backslash escapes (\n \t \' \" \\ \@ \? \uXXXX), double
// quotes that keep white space as written, and, outside them, each run of
// white space read as one space, with none at either end.
func androidUnescape(cs []xmlChar) []xmlChar {
	out := cs[:0] // each character read gives at most one, never ahead of it
	quoted := false
	space := -1 // index in cs where a pending run of white space starts
	flushSpace := func(end int) {
		if space >= 0 && len(out) > 0 {
			out = append(out, xmlChar{s: " ", from: cs[space].from, to: cs[end-1].to})
		}
		space = -1
	}
	for i := 0; i < len(cs); i++ {
		c := cs[i]
		if !quoted && (c.s == " " || c.s == "\t" || c.s == "\n" || c.s == "\r") {
			if space < 0 {
				space = i
			}
			continue
		}
		flushSpace(i)
		switch {
		case c.s == "\"":
			quoted = !quoted
		case c.s == "\\" && i+1 < len(cs):
			n := cs[i+1]
			dec, used := n.s, 2
			switch n.s {
			case "n":
				dec = "\n"
			case "t":
				dec = "\t"
			case "u":
				if i+5 < len(cs) {
					var hex strings.Builder
					for _, h := range cs[i+2 : i+6] {
						hex.WriteString(h.s)
					}
					if v, err := strconv.ParseUint(hex.String(), 16, 32); err == nil {
						dec, used = string(rune(v)), 6
					}
				}
			}
			out = append(out, xmlChar{s: dec, from: c.from, to: cs[i+used-1].to})
			i += used - 1
		default:
			out = append(out, c)
		}
	}
	return out
}
