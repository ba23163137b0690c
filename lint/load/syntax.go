package load

import (
	"path/filepath"
	"strings"

	"github.com/msglint/msglint/lint/placeholder"
)

// The placeholder systems each locale format's app fills in, so that a
// placeholder of another system is read as the text it is: {name} in an
// Android string, %s in an ARB message. The config's placeholders: list
// still wins.
const (
	// printfSyntax: Android's getString(R.string.x, …) and Apple's
	// String(format:) fill in %s, %1$@, %lld.
	printfSyntax = placeholder.Printf
	// icuSyntax: Flutter's ARB messages are ICU MessageFormat.
	icuSyntax = placeholder.ICU
	// i18nextSyntax: i18next and ngx-translate fill in {{name}}, which
	// people space and dot as in Liquid ({{ order.id }}).
	i18nextSyntax = placeholder.Mustache | placeholder.Liquid
)

// poFlagSyntax maps gettext's format flags (#, c-format) to the systems
// they name; an entry with none of them takes the file's.
var poFlagSyntax = map[string]placeholder.Syntax{
	"c-format": placeholder.Printf, "objc-format": placeholder.Printf, "php-format": placeholder.Printf,
	"perl-format": placeholder.Printf, "python-format": placeholder.Printf, "gcc-internal-format": placeholder.Printf,
	"boost-format": placeholder.Printf, "lua-format": placeholder.Printf, "javascript-format": placeholder.Printf,
	"java-printf-format": placeholder.Printf, "ruby-format": placeholder.Printf | placeholder.Rails,
	"sh-format": placeholder.Dollar, "python-brace-format": placeholder.ICU, "java-format": placeholder.ICU,
	"csharp-format": placeholder.ICU, "perl-brace-format": placeholder.ICU,
}

// poFlags is the systems a #, flags line names: c-format, python-format;
// no-c-format names none.
func poFlags(line string) placeholder.Syntax {
	var s placeholder.Syntax
	for _, f := range strings.FieldsFunc(strings.TrimPrefix(line, "#,"), func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
		s |= poFlagSyntax[f]
	}
	return s
}

// treeSyntax tells the library behind a JSON or YAML locale tree from the
// placeholders its strings hold: {{name}} is i18next's, %{name} Rails',
// {name} vue-i18n's; the system most of them use wins, as a string of one
// library may hold text that looks like another's. A YAML file under a
// locale root key (tr:) with none is Rails'; any other tree with none has
// no system to go by: 0, every system.
func treeSyntax(strs []localeString, rails bool) placeholder.Syntax {
	systems := []placeholder.Syntax{i18nextSyntax, placeholder.Rails, placeholder.ICU}
	count := make([]int, len(systems))
	for _, s := range strs {
		for _, p := range placeholder.Find(s.text.Text, i18nextSyntax|placeholder.ICU|placeholder.Rails) {
			for i, sys := range systems {
				if p.Problem == "" && !p.Nested && p.Syntax&sys != 0 {
					count[i]++
				}
			}
		}
	}
	best := -1
	for i, n := range count {
		if n > 0 && (best < 0 || n > count[best]) {
			best = i
		}
	}
	switch {
	case best >= 0:
		return systems[best]
	case rails:
		return placeholder.Rails
	}
	return 0
}

// xliffSyntax is the systems of an XLIFF file: its inline codes (<x/>,
// <ph/>), which it reads as {id}, and those of the file it was made from,
// told by its original name or datatype; 0, every system, when neither
// says.
func xliffSyntax(original, datatype string) placeholder.Syntax {
	switch strings.ToLower(filepath.Ext(original)) {
	case ".po", ".pot", ".strings", ".stringsdict", ".xcstrings", ".xml":
		return placeholder.ICU | printfSyntax
	case ".arb":
		return placeholder.ICU
	}
	switch strings.ToLower(datatype) {
	case "po", "x-gettext", "c", "cpp", "objectivec", "x-objective-c":
		return placeholder.ICU | printfSyntax
	}
	return 0
}
