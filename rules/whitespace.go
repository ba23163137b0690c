package rules

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/msglint/msglint/lint"
	"gopkg.in/yaml.v3"
)

var whitespaceData = loadData("whitespace.yaml")

// WhitespaceOptions switches the whitespace checks on and off.
type WhitespaceOptions struct {
	DoubleSpace      bool `yaml:"double_space"`
	SpaceBeforePunct bool `yaml:"space_before_punct"`
	SpaceAfterPunct  bool `yaml:"space_after_punct"`
	Trailing         bool `yaml:"trailing"`
}

// Whitespace flags sloppy spacing.
var Whitespace = &lint.Rule{
	Name: "whitespace",
	Doc: lint.Doc{
		Title: "sloppy spacing",
		Text: `Flags two or more spaces between words, a space before , . ! ? ; or :, a missing space after
a comma or after the end of a sentence ("Thanks.We"), and spaces at the end of a line. Links, e-mail
addresses, numbers (1,5 and 10.30) and placeholders are left alone.`,
		Why:      `Stray spaces look careless and break the text where the customer's phone wraps it.`,
		Examples: whitespaceData.Examples,
		Severity: lint.Info,
		Default:  true,
	},
	Options: WhitespaceOptions{true, true, true, true},
	New: func(node *yaml.Node) (lint.Check, error) {
		o, err := lint.DecodeOptions(node, WhitespaceOptions{true, true, true, true})
		if err != nil {
			return nil, err
		}
		return func(p *lint.Pass) { checkWhitespace(p, o) }, nil
	},
}

func checkWhitespace(p *lint.Pass, o WhitespaceOptions) {
	text := p.Msg.Body.Text
	if !strings.ContainsAny(text, " \t,.!?;:") {
		return
	}
	// Links, addresses and placeholders become spaces; worked out only once
	// something looks wrong, as most messages are clean.
	var clean string
	blanked := func() string {
		if clean == "" {
			clean = blankLinks(text)
		}
		return clean
	}
	// Each finding's fix replaces its span with edit.
	report := func(s, e int, msg, fix, edit string) {
		p.Report(lint.Diagnostic{Span: lint.Span{Start: s, End: e}, Message: msg, Suggestion: fix,
			Fix: &lint.Edit{Span: lint.Span{Start: s, End: e}, New: edit}})
	}
	lineStart := true
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '\n':
			lineStart = true
			i++
			continue
		case c == ' ' || c == '\t':
			j := i
			for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
				j++
			}
			switch {
			case j == len(text) || text[j] == '\n' || text[j] == '\r':
				if o.Trailing && !lineStart {
					report(i, j, "space at the end of a line", "remove it", "")
				}
			case lineStart:
				// indentation of a line is left alone
			case o.SpaceBeforePunct && strings.IndexByte(",.!?;:", text[j]) >= 0 && !emoticonOrEllipsis(text[j:]):
				report(i, j, fmt.Sprintf("space before %q", text[j]), fmt.Sprintf("remove the space before %q", text[j]), "")
			case o.DoubleSpace && j-i >= 2 && text[i:j] == strings.Repeat(" ", j-i) && i > 0 && blanked()[i-1] != ' ':
				report(i+1, j, fmt.Sprintf("%d spaces in a row", j-i), "one space", "")
			}
			i = j
			continue
		}
		lineStart = false
		if o.SpaceAfterPunct && i+1 < len(text) && strings.IndexByte(",!?.;", c) >= 0 {
			next, _ := utf8.DecodeRuneInString(text[i+1:])
			missing := false
			switch c {
			case ',', ';':
				missing = unicode.IsLetter(next)
			case '!', '?':
				missing = unicode.IsLetter(next)
			case '.':
				missing = unicode.IsUpper(next) && i > 0 && unicode.IsLower(lastRune(text[:i]))
			}
			if missing && blanked()[i] == c && blanked()[i+1] == text[i+1] {
				report(i, i+1, fmt.Sprintf("no space after %q", c), fmt.Sprintf("%c ", c), fmt.Sprintf("%c ", c))
			}
		}
		i++
	}
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// emoticonOrEllipsis: " :)" and " ..." are written with a space on purpose.
func emoticonOrEllipsis(s string) bool {
	for _, p := range []string{"...", ":)", ":(", ":D", ":P", ";)", ":-)", ":-(", ";-)", ":/"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
