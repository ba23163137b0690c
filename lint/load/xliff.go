package load

import (
	"fmt"

	"github.com/msglint/msglint/lint"
)

// xliffFormat is an XLIFF 1.2 or 2.0 translation file: each unit's target
// text in the target language. A file with no target text (one made to be
// translated) is read as its source text in the source language. Units
// whose state says they are not translated yet are skipped.
var xliffFormat = &Format{
	Name: "xliff", Exts: []string{".xlf", ".xliff"}, Walked: true,
	Guess:  func(data []byte) bool { return xmlRoot(data) == "xliff" },
	Unsafe: xliffUnsafe, Comments: xmlComments,
	Read: func(o Options, src *lint.Source) ([]*lint.Message, error) {
		d := doc{src}
		root, err := parseXML(d)
		if err != nil {
			return nil, err
		}
		if root.local() != "xliff" {
			return nil, fmt.Errorf("%s: %w: an XML file whose root is <%s>, not <xliff>", src.Path, errNotMessages, root.name)
		}
		var msgs []*lint.Message
		var other error
		for _, f := range root.elems("file") {
			ms, err := o.xliffFile(d, root, f)
			if _, ok := OtherLocale(err); ok {
				other = err
				continue
			}
			if err != nil {
				return nil, err
			}
			msgs = append(msgs, ms...)
		}
		if msgs == nil && other != nil {
			return nil, fmt.Errorf("%s: %w", src.Path, other)
		}
		return msgs, nil
	},
}

// xliffUnsafe: markup and references, and line breaks and tabs, which
// translation tools may fold.
const xliffUnsafe = "<&>\n\r\t"

// xliffFile reads one <file>: XLIFF 1.2 puts its languages on it and its
// units in a <body> (trans-unit, perhaps in groups); 2.0 puts them on the
// root and its units (unit, segment) in the file.
func (o Options) xliffFile(d doc, root, f *xmlNode) ([]*lint.Message, error) {
	srcLang, _ := f.attr("source-language")
	trgLang, _ := f.attr("target-language")
	if v, ok := root.attr("srcLang"); ok {
		srcLang = v
	}
	if v, ok := root.attr("trgLang"); ok {
		trgLang = v
	}
	var sources, targets []localeString
	var walk func(n *xmlNode, key string) error
	walk = func(n *xmlNode, key string) error {
		for _, k := range n.kids {
			if k.name == "" {
				continue
			}
			id, _ := k.attr("id")
			if r, ok := k.attr("resname"); ok {
				id = r
			}
			switch k.local() {
			case "trans-unit", "segment":
				uid := join(key, id)
				if k.local() == "segment" && id == "" {
					uid = key
				}
				if untranslated(k) {
					continue
				}
				for _, part := range []struct {
					name string
					into *[]localeString
				}{{"source", &sources}, {"target", &targets}} {
					for _, e := range k.elems(part.name) {
						cs, err := innerChars(d, e, xliffPlaceholder)
						if err != nil {
							return err
						}
						*part.into = append(*part.into, localeString{id: uid, key: uid, text: fieldOf(d, cs), off: e.off})
					}
				}
			case "unit":
				if err := walk(k, join(key, id)); err != nil {
					return err
				}
			case "body", "group":
				if err := walk(k, key); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if err := walk(f, ""); err != nil {
		return nil, err
	}
	original, _ := f.attr("original")
	datatype, _ := f.attr("datatype")
	syn := xliffSyntax(original, datatype)
	strs, said := targets, trgLang
	if len(targets) == 0 {
		strs, said = sources, srcLang
	}
	lang, err := localeLang(d.src.Path, said)
	if err != nil {
		if _, ok := OtherLocale(err); ok {
			return nil, err
		}
		return nil, &lint.InputError{Path: d.src.Path, Line: lineOf(d, f.off), Msg: err.Error()}
	}
	return o.localeMessages(d.src, lang, syn, strs), nil
}

func lineOf(d doc, off int) int {
	l, _ := d.src.Position(off)
	return l
}

// untranslated tells a unit or segment whose state says its target is not a
// translation yet (XLIFF 1.2's new and needs-translation on the target,
// 2.0's initial on the segment): such a target is most often the source
// copied, and is read as neither.
func untranslated(u *xmlNode) bool {
	if s, _ := u.attr("state"); s == "initial" {
		return true
	}
	for _, t := range u.elems("target") {
		if s, _ := t.attr("state"); s == "new" || s == "needs-translation" {
			return true
		}
	}
	return false
}

// xliffPlaceholder is the text an inline code stands for: XLIFF's empty
// placeholders (<x id="COUNT"/>, <ph id="1"/>, and the paired codes' ends)
// read as {COUNT}, so that the text around them reads as written and the
// placeholder rules see them. Elements with text (<g>, <pc>, <mrk>) are
// their text.
func xliffPlaceholder(n *xmlNode) string {
	switch n.local() {
	case "x", "ph", "bx", "ex", "sc", "ec", "bpt", "ept", "it":
		id, ok := n.attr("id")
		if !ok || id == "" {
			id = n.local()
		}
		return "{" + id + "}"
	}
	return ""
}
