package load

import (
	"fmt"
	"strings"

	"github.com/msglint/msglint/lint"
)

// arbFormat is a Flutter Application Resource Bundle (lib/l10n/app_tr.arb):
// a flat JSON object of messages in the language of its @@locale, or of its
// name. Keys starting with @ are metadata (@@locale, @greeting's
// description and placeholders), not text.
var arbFormat = &Format{
	Name: "arb", Exts: []string{".arb"}, Walked: true,
	Unsafe: jsonUnsafe,
	Read: func(o Options, src *lint.Source) ([]*lint.Message, error) {
		d := doc{src}
		root, err := parseJSON(src, src.Data, 0)
		if err != nil {
			return nil, err
		}
		if root.kind != mapNode {
			return nil, d.errAt(root.off, "an ARB file must be a JSON object, not %s", root.kind)
		}
		said := ""
		var strs []localeString
		for i, k := range root.keys {
			v := root.vals[i]
			if k.value == "@@locale" && v.kind == scalarNode {
				said = v.value
			}
			if strings.HasPrefix(k.value, "@") {
				continue
			}
			if v.kind != scalarNode || !v.str {
				return nil, d.errAt(v.off, "ARB message %q must be a string, not %s", k.value, v.kind)
			}
			strs = append(strs, localeString{id: k.value, key: k.value, text: v.field(), off: k.off})
		}
		lang, err := localeLang(src.Path, said)
		if err != nil {
			if _, ok := OtherLocale(err); ok {
				return nil, fmt.Errorf("%s: %w", src.Path, err)
			}
			return nil, &lint.InputError{Path: src.Path, Msg: err.Error() + ", or give it an @@locale"}
		}
		return o.localeMessages(src, lang, icuSyntax, strs), nil
	},
}
