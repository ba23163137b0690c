package rules

import (
	"fmt"
	"math/bits"
	"slices"
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
addresses, numbers (1,5 and 10.30), names with a dot (Rocket.Chat, Node.js, GOV.UK; at the start of a
sentence too, unless the word after the dot opens one, as in "Hello.Your"), Markdown line breaks (two spaces ending a line), a space that joins a text to what the program writes after it
("Are you sure you want to delete ") and the inside of placeholders are left alone.`,
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
			clean = blankLinks(p.Msg.Masked())
		}
		return clean
	}
	// Each finding's fix replaces its span with edit. Nothing inside a
	// placeholder is reported: {{ name }} and {count, plural, one {…}} are
	// spaced as their system wants.
	report := func(s, e int, msg, fix, edit string) {
		if p.Msg.InPlaceholder(lint.Span{Start: s, End: e}) {
			return
		}
		p.Report(lint.Diagnostic{Span: lint.Span{Start: s, End: e}, Message: msg, Suggestion: fix,
			Fix: &lint.Edit{Span: lint.Span{Start: s, End: e}, New: edit}})
	}
	lineStart := true
	for i := 0; i < len(text); {
		if plainByte[text[i]] {
			// Most of a text: letters and marks nothing is asked of,
			// and single spaces between words, which ask nothing either
			// (see plainAfterSpace).
			for i++; i < len(text); {
				// Every byte that is not plain is below 0x40 (spaces,
				// marks, line ends): eight bytes at a time, on to the
				// first such byte, most often the space after a word.
				if i+8 <= len(text) {
					low := lowBytes(text[i:])
					if low == 0 {
						i += 8
						continue
					}
					i += bits.TrailingZeros64(low) >> 3
				}
				// A plain byte after such a space is plain too, so the
				// two are passed in one step.
				if c := text[i]; plainByte[c] {
					i++
				} else if c == ' ' && i+1 < len(text) && plainAfterSpace[text[i+1]] {
					i += 2
				} else {
					break
				}
			}
			lineStart = false
			continue
		}
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
				if o.Trailing && !lineStart && !hardBreak(text, i, j) && !joint(text, i, j) {
					report(i, j, "space at the end of a line", "remove it", "")
				}
			case lineStart:
				// indentation of a line is left alone
			case o.SpaceBeforePunct && spacedBefore(text[j]) && !emoticonOrEllipsis(text[j:]) &&
				!startsWord(text, j) && !mentioned(text, j) && !p.Msg.InPlaceholder(lint.Span{Start: j, End: j + 1}): // :name starts a placeholder
				report(i, j, fmt.Sprintf("space before %q", text[j]), fmt.Sprintf("remove the space before %q", text[j]), "")
			case o.DoubleSpace && j-i >= 2 && text[i:j] == strings.Repeat(" ", j-i) && i > 0 && blanked()[i-1] != ' ' &&
				!columns(blanked(), i):
				report(i+1, j, fmt.Sprintf("%d spaces in a row", j-i), "one space", "")
			}
			i = j
			continue
		}
		lineStart = false
		if o.SpaceAfterPunct && i+1 < len(text) && spacedAfter(c) {
			next, _ := utf8.DecodeRuneInString(text[i+1:])
			missing := false
			switch c {
			case ',':
				missing = unicode.IsLetter(next)
			case ';':
				missing = unicode.IsLetter(next) && !entityEnd(text, i) && !joinedList(text, i)
			case '!', '?':
				// A mark that starts the text or a line starts something
				// (!Hepsi) rather than ending a sentence.
				missing = unicode.IsLetter(next) && i > 0 && text[i-1] != '\n'
			case '.':
				missing = unicode.IsUpper(next) && i > 0 && unicode.IsLower(lastRune(text[:i])) && !dottedName(text, i) &&
					!openingName(text, i, whitespaceData.Langs[p.Msg.Lang])
			}
			if missing && blanked()[i] == c && blanked()[i+1] == text[i+1] {
				report(i, i+1, fmt.Sprintf("no space after %q", c), fmt.Sprintf("%c ", c), fmt.Sprintf("%c ", c))
			}
		}
		i++
	}
}

// spacedAfter reports the marks a space follows (, ! ? . ;): asked of
// every character of a text, so a switch rather than a search.
func spacedAfter(c byte) bool {
	switch c {
	case ',', '!', '?', '.', ';':
		return true
	}
	return false
}

// spacedBefore reports the marks no space comes before (, . ! ? ; :).
func spacedBefore(c byte) bool { return spacedAfter(c) || c == ':' }

// plainByte marks the bytes checkWhitespace has nothing to ask of: all but
// line breaks, spaces, tabs and the marks a space follows. It passes over
// a run of them at once.
var plainByte = func() (t [256]bool) {
	for c := range t {
		t[c] = c != '\n' && c != ' ' && c != '\t' && !spacedAfter(byte(c))
	}
	return t
}()

// lowBytes has the high bit of each of s's first eight bytes below 0x40
// set, read as one little-endian number; bytes after the first such byte
// may be set when they are not (a borrow carried on), so only the lowest
// bit says where one is.
func lowBytes(s string) uint64 {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	_ = s[7]
	x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	return (x - 0x40*ones) &^ x & high
}

// plainAfterSpace marks the plain bytes that a single space after a plain
// byte may precede without a finding: not a line end, where the space
// would trail, nor a mark no space goes before. The run of plain bytes
// goes on over such a space.
var plainAfterSpace = func() (t [256]bool) {
	for c := range t {
		t[c] = plainByte[c] && c != '\r' && !spacedBefore(byte(c))
	}
	return t
}()

// hardBreak: two spaces ending a line that another line follows are a
// Markdown hard line break, written on purpose. More than two are a slip.
func hardBreak(text string, i, j int) bool {
	return text[i:j] == "  " && j < len(text) && strings.TrimSpace(text[j:]) != ""
}

// joint: one space that ends the whole text ("Are you sure you want to
// delete ", "Client: ") joins it to what the program writes after it, as
// locale files do. More spaces, or a tab, are a slip.
func joint(text string, i, j int) bool {
	return j == len(text) && j-i == 1 && text[i] == ' ' && i > 0
}

// startsWord: a punctuation mark followed by a symbol, or a dot followed by
// up to five ASCII letters or digits, starts something other than a
// sentence's end: a file extension (.pdf, .tar.gz), a name (.NET) or a list
// of symbols (!@#$%).
func startsWord(text string, j int) bool {
	if j+1 >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[j+1:])
	switch text[j] {
	case '.':
		n := j + 1
		for n < len(text) && n-j <= 6 && isASCIIAlnum(text[n]) {
			n++
		}
		return n > j+1 && n-j <= 6 && (n == len(text) || !isASCIIAlnum(text[n]) && text[n] < utf8.RuneSelf)
	case ',', ';', ':':
		return false
	}
	return unicode.IsSymbol(r) || strings.ContainsRune("@#%&*/\\", r)
}

// entityEnd: a ';' that ends an HTML character reference (&nbsp; &#8217;)
// is no punctuation of the text.
func entityEnd(text string, i int) bool {
	j := i - 1
	for j >= 0 && j > i-10 && (text[j] >= 'a' && text[j] <= 'z' || text[j] >= 'A' && text[j] <= 'Z' || text[j] >= '0' && text[j] <= '9' || text[j] == '#') {
		j--
	}
	return j >= 0 && j < i-1 && text[j] == '&'
}

// dottedName: a dot between letters after a capitalised word inside a
// sentence is part of a name (Rocket.Chat, Socket.IO), not a missing space
// after a sentence. A capitalised word that starts the text or a sentence
// ("Thanks.We") tells nothing, and is still reported.
func dottedName(text string, dot int) bool {
	s := dot
	for s > 0 {
		r, w := utf8.DecodeLastRuneInString(text[:s])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		s -= w
	}
	first, _ := utf8.DecodeRuneInString(text[s:])
	if !unicode.IsUpper(first) {
		return false
	}
	before := strings.TrimRight(text[:s], " \t")
	if before == "" || len(before) == s {
		return false // the text's first word, or glued to what precedes it
	}
	end := lastRune(before)
	return !strings.ContainsRune(".!?\n:", end)
}

// openingName: a dot between capitalised words that starts the text or a
// sentence is a name (Rocket.Chat is ready) unless the word after it opens
// a sentence (Thanks.We, Merhaba.Size): a pronoun, a possessive, a
// demonstrative, please (the language's openers).
func openingName(text string, dot int, rl *lint.RuleLang) bool {
	if rl == nil {
		return false
	}
	s := dot
	for s > 0 {
		r, w := utf8.DecodeLastRuneInString(text[:s])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		s -= w
	}
	if first, _ := utf8.DecodeRuneInString(text[s:]); !unicode.IsUpper(first) {
		return false
	}
	e := dot + 1
	for e < len(text) {
		r, w := utf8.DecodeRuneInString(text[e:])
		if !unicode.IsLetter(r) {
			break
		}
		e += w
	}
	return !slices.Contains(rl.Words["openers"], text[dot+1:e])
}

// columns: runs of spaces that line text up in columns ("Ref#  Saniye
// Komut", "%c  =  kanal" lines) are layout, not slips: the run's line holds
// another run of two or more spaces, or other lines of the text do.
func columns(text string, at int) bool {
	lineStart := strings.LastIndexByte(text[:at], '\n') + 1
	lineEnd := strings.IndexByte(text[at:], '\n')
	if lineEnd < 0 {
		lineEnd = len(text)
	} else {
		lineEnd += at
	}
	if innerRuns(text[lineStart:lineEnd]) >= 2 {
		return true
	}
	lines := 0
	for _, line := range strings.Split(text, "\n") {
		if innerRuns(line) > 0 {
			lines++
		}
	}
	return lines >= 2
}

// innerRuns counts the runs of two or more spaces between words of a line.
func innerRuns(line string) int {
	line = strings.TrimSpace(line)
	n := 0
	for i := 0; i+1 < len(line); i++ {
		if line[i] == ' ' && line[i+1] == ' ' {
			n++
			for i < len(line) && line[i] == ' ' {
				i++
			}
		}
	}
	return n
}

// mentioned: a ! or ? standing alone between spaces with the sentence going
// on in lower case after it ("put a ! before the command") is a character
// the text talks about, not punctuation.
func mentioned(text string, j int) bool {
	if text[j] != '!' && text[j] != '?' || j+2 >= len(text) || text[j+1] != ' ' {
		return false
	}
	next, _ := utf8.DecodeRuneInString(text[j+2:])
	return unicode.IsLower(next)
}

// joinedList: semicolons joining items with no space anywhere (IM;Chat;,
// a;b;c) make a list for a program (keywords, CSS), not prose.
func joinedList(text string, i int) bool {
	s, e := i, i
	for s > 0 && !unicode.IsSpace(rune(text[s-1])) {
		s--
	}
	for e < len(text) && !unicode.IsSpace(rune(text[e])) {
		e++
	}
	return strings.Count(text[s:e], ";") >= 2
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
