package rules

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/dict"
	"gopkg.in/yaml.v3"
)

var (
	shoutingData    = loadData("shouting.yaml")
	shoutingLexicon = Lexicon(shoutingData.Lexicon)
)

// ShoutingOptions configures the shouting rule.
type ShoutingOptions struct {
	// Allow adds words that may be written in capitals (brand names, codes).
	Allow []string `yaml:"allow"`
}

// Shouting flags words and sentences in capitals and runs of !! or ??.
var Shouting = &lint.Rule{
	Name: "shouting",
	Doc: lint.Doc{
		Title: "words in capitals or runs of !! and ??",
		Text: `Flags words written in capitals ("PLEASE", "FAILED", "BU MESAJA CEVAP VERMEYİN") and runs of
exclamation or question marks ("!!!", "??", "?!"). Acronyms are not shouting: known ones (FAQ, PDF, QR,
TL, AZN, SKU), and any capitals that are not a word of the message's language or have no vowel (KYC,
APN, PNR, SMTP); nor are codes (BREW10, XX-1234, GOV.UK), single letters, the keyword in "Reply YES",
words inside placeholders of any syntax ({{name}}, {NAME}, %NAME%, *|FNAME|*, markup), and a whole
message that is a short label (a button or a status). Add your brand names and codes to the allow
list.`,
		Why: `In chat, capitals and stacked punctuation read as shouting and make a brand sound angry or
pushy; one "!" is enough.`,
		Examples: shoutingData.Examples,
		Severity: lint.Warning,
		Default:  true,
	},
	Options: ShoutingOptions{},
	Lexicon: shoutingData.Lexicon,
	New: func(node *yaml.Node) (lint.Check, error) {
		o, err := lint.DecodeOptions(node, ShoutingOptions{})
		if err != nil {
			return nil, err
		}
		sh := &shouting{allow: map[string]bool{}, keywordBefore: anyLang(shoutingData, "keyword_before"), keywordAfter: anyLang(shoutingData, "keyword_after"), words: inDictionary}
		for _, w := range append(shoutingLexicon["all"]["acronyms"], o.Allow...) {
			sh.allow[lint.TurkicCasing.Lower(w)] = true
			sh.allow[strings.ToLower(w)] = true
		}
		return sh.check, nil
	},
}

// shouting is the rule's check with its word sets.
type shouting struct {
	allow map[string]bool // acronyms and the config's words, lower case by either casing (ID: id, ıd)
	// Words before or after which a word in capitals is a keyword to type,
	// not shouting: "Reply YES", "EVET yazın", "BƏLİ yazın". They hold in
	// every language: a message in one language quotes another's keyword.
	keywordBefore, keywordAfter map[string]bool
	// words reports whether a word (lower case) is a word of a language,
	// not an acronym: the spelling dictionary's answer.
	words func(l lint.Lang, lower string) (known, ok bool)
}

// inDictionary asks a language's spelling dictionary whether a word is one of
// its words; ok is false for a language without a dictionary.
func inDictionary(l lint.Lang, lower string) (known, ok bool) {
	d, err := dict.For(string(l))
	if err != nil {
		return false, false
	}
	return d.Has(lower), true
}

// kind of a word in capitals, by the acronym model: an acronym is capitals
// that are not a word of the language (KYC, APN, PNR, IMAP) or have no
// vowel (SMS, HTML); a word in capitals that the language has (PLEASE,
// ACİL, UĞURSUZ) is shouting.
type capsKind uint8

const (
	notCaps capsKind = iota
	acronym
	shoutedWord
)

// classify tells an acronym from a shouted word. Codes (letters joined to
// digits or another code by - . / _: XX-1234, GOV.UK, THIS_NAME) and
// placeholders of any syntax are not words at all.
func (sh *shouting) classify(m *lint.Message, t lint.Token, slots func() []lint.Span) capsKind {
	l, text := m.Lang, m.Body.Text
	w := text[t.Start:t.End]
	if !shouted(l, w, sh.allow) || joinedCode(text, t) || m.InPlaceholder(lint.Span{Start: t.Start, End: t.End}) ||
		inSpans(slots(), t.Start) {
		return notCaps
	}
	if i := strings.IndexAny(w, "'’"); i > 0 {
		w = w[:i] // CSV'ye: the suffix is not the word
	}
	if !hasVowel(w) {
		return acronym
	}
	lower := lint.Lower(l, w)
	known, ok := sh.words(l, lower)
	if !ok {
		return shoutedWord // no dictionary: only the vowel test
	}
	if !known && l != lint.English {
		known, _ = sh.words(lint.English, strings.ToLower(w)) // English words in capitals: FREE
	}
	if known {
		return shoutedWord
	}
	return acronym
}

func hasVowel(w string) bool {
	return strings.ContainsAny(lint.TurkicCasing.Lower(w), "aeiouıöüəy")
}

// joinedCode reports whether a word is glued to a code or an identifier:
// XX-1234, KSK-2024, GOV.UK, SIM_NAME, @HANDLE.
func joinedCode(text string, t lint.Token) bool {
	if t.Start > 0 && strings.IndexByte("-_./@#$+", text[t.Start-1]) >= 0 {
		return true
	}
	if t.End < len(text) {
		if c := text[t.End]; c == '_' || c == '@' || c == '/' || c == '+' {
			return true
		}
		// CONFIGURE.md, GOV.UK, XX-1234, and the suffix Azerbaijani joins
		// to an acronym with a hyphen (SMS-i, BOT-u).
		if c := text[t.End]; (c == '-' || c == '.') && t.End+1 < len(text) {
			r, _ := utf8.DecodeRuneInString(text[t.End+1:])
			return unicode.IsLetter(r) || unicode.IsDigit(r)
		}
	}
	return false
}

// tagRE is markup: words inside a tag (<a class="govuk-link">) are not
// text. Placeholders of every syntax are the shared detector's
// (lint.Message.InPlaceholder).
var tagRE = regexp.MustCompile(`<[^<>\n]+>`)

// placeholderSpans are the markup tags and the bracketed slots ([NAME]) of
// a text, besides the placeholders the shared detector finds.
func placeholderSpans(text string) []lint.Span {
	out := slotSpans(text)
	if strings.Contains(text, "<") {
		for _, loc := range tagRE.FindAllStringIndex(text, -1) {
			out = append(out, lint.Span{Start: loc[0], End: loc[1]})
		}
	}
	return out
}

// shouted reports whether a word is in capitals and not exempt.
func shouted(l lint.Lang, word string, allow map[string]bool) bool {
	if i := firstApostrophe(word); i > 0 {
		word = word[:i] // TL'ye: the suffix is not the word
	}
	letters, upper := 0, 0
	for _, r := range word {
		if r < utf8.RuneSelf { // most letters: no table to search
			switch {
			case 'a' <= r && r <= 'z':
				return false // a lower-case letter: not in capitals
			case 'A' <= r && r <= 'Z':
				letters++
				upper++
			case '0' <= r && r <= '9':
				return false // a code
			}
			continue
		}
		switch {
		case unicode.IsDigit(r):
			return false // a code
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters >= 2 && upper == letters && !allow[lint.Lower(l, word)] && !allow[strings.ToLower(word)]
}

// firstApostrophe is the offset of a word's first ' or ’, or -1.
func firstApostrophe(word string) int {
	i := strings.IndexByte(word, '\'')
	if j := strings.Index(word, "’"); j >= 0 && (i < 0 || j < i) {
		i = j
	}
	return i
}

func (sh *shouting) check(p *lint.Pass) {
	m := p.Msg
	text := m.Body.Text
	toks := m.Tokens()
	// Placeholders are looked for only once a word in capitals turns up:
	// most messages have none.
	var spans []lint.Span
	found := false
	slots := func() []lint.Span {
		if !found {
			spans, found = placeholderSpans(text), true
		}
		return spans
	}
	var run []int // token indexes of the current run of words in capitals
	nWords := 0   // how many of them are shouted words, not acronyms
	flush := func() {
		if len(run) == 0 || nWords == 0 {
			run, nWords = run[:0], 0
			return
		}
		s, e := toks[run[0]].Start, toks[run[len(run)-1]].End
		words := text[s:e]
		fix := lint.Lower(m.Lang, words)
		if sentenceStart(toks, run[0]) {
			r, n := utf8.DecodeRuneInString(fix)
			fix = lint.Upper(m.Lang, string(r)) + fix[n:]
		}
		what := "word is"
		if len(run) > 1 {
			what = "words are"
		}
		p.Report(lint.Diagnostic{
			Span:       lint.Span{Start: s, End: e},
			Message:    fmt.Sprintf("%q: %s in capitals, which reads as shouting", words, what),
			Suggestion: fix,
		})
		run, nWords = run[:0], 0
	}
	if isLabel(text, toks) {
		toks = nil // a button or a status (VIEW PROFILE, CLOSED): capitals by design
	}
	for i, t := range toks {
		switch t.Kind {
		case lint.Word:
			// A run of capitals shouts when one of its words is a word
			// (DO NOT REPLY); a run of acronyms (LHR T5, KYC AML) does not.
			if k := sh.classify(m, t, slots); k != notCaps && !sh.isKeyword(toks, text, i) {
				run = append(run, i)
				if k == shoutedWord {
					nWords++
				}
				continue
			}
			flush()
		case lint.Space:
		case lint.Punct:
			if strings.ContainsAny(t.Norm, ".!?") || !strings.ContainsAny(t.Norm, ",-–:;") {
				flush()
			}
		default:
			flush()
		}
	}
	flush()
	// Runs of ! and ?.
	for i := 0; i < len(text); {
		if text[i] != '!' && text[i] != '?' {
			i++
			continue
		}
		j := i
		for j < len(text) && (text[j] == '!' || text[j] == '?') {
			j++
		}
		if j-i >= 2 {
			fix := "!"
			if strings.Contains(text[i:j], "?") {
				fix = "?"
			}
			p.Report(lint.Diagnostic{
				Span:       lint.Span{Start: i, End: j},
				Message:    fmt.Sprintf("%q reads as shouting; one %q is enough", text[i:j], fix),
				Suggestion: fix,
			})
		}
		i = j
	}
}

// isKeyword: a word in capitals right after "reply"/"type", right before
// "yazın", or alone inside quotes is something to type, not shouting.
func (sh *shouting) isKeyword(toks []lint.Token, text string, i int) bool {
	prev, next := neighbour(toks, i, -1), neighbour(toks, i, 1)
	// "Reply YES", but not "DO NOT REPLY TO": the keyword itself in capitals.
	if prev >= 0 && toks[prev].Kind == lint.Word && sh.keywordBefore[toks[prev].Norm] && !allCaps(text[toks[prev].Start:toks[prev].End]) {
		return true
	}
	if next >= 0 && toks[next].Kind == lint.Word && sh.keywordAfter[toks[next].Norm] {
		return true
	}
	return prev >= 0 && next >= 0 && isQuote(toks[prev].Norm) && isQuote(toks[next].Norm)
}

func allCaps(w string) bool { return strings.ToUpper(w) == w && strings.ToLower(w) != w }

func isQuote(s string) bool { return strings.Contains(`"'“”‘’«»„`, s) && s != "" }

// neighbour is the index of the nearest token that is not a space, in a direction.
func neighbour(toks []lint.Token, i, dir int) int {
	for j := i + dir; j >= 0 && j < len(toks); j += dir {
		if toks[j].Kind != lint.Space {
			return j
		}
	}
	return -1
}

// sentenceStart reports whether token i begins a sentence.
func sentenceStart(toks []lint.Token, i int) bool {
	j := neighbour(toks, i, -1)
	return j < 0 || toks[j].Kind == lint.Punct && strings.ContainsAny(toks[j].Norm, ".!?")
}

func inSpans(spans []lint.Span, off int) bool {
	for _, s := range spans {
		if off >= s.Start && off < s.End {
			return true
		}
	}
	return false
}

// isLabel reports whether a whole message is a short label: at most three
// words and no sentence punctuation (a button, a tab, a status).
func isLabel(text string, toks []lint.Token) bool {
	words := 0
	for _, t := range toks {
		switch {
		case t.Kind == lint.Word || t.Kind == lint.Number:
			words++
		case t.Kind == lint.Punct && strings.ContainsAny(t.Norm, ".!?:;,"):
			return false
		}
	}
	return words > 0 && words <= 3 && strings.TrimSpace(text) != ""
}
