package rules

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/msglint/msglint/lint"
	"gopkg.in/yaml.v3"
)

var languageData = loadData("language.yaml")

// LanguageOptions configures the language rule; it has none yet, but a
// config that sets an unknown key is still an error.
type LanguageOptions struct{}

// Language flags a message not in its declared language, and neighbouring
// language words inside a message.
var Language = &lint.Rule{
	Name: "language",
	Doc: lint.Doc{
		Title: "message not in its language",
		Text: `Flags a message whose words are nearly all of another language than the one it is declared in
(an English string left untranslated in a Turkish locale file), judged by the dictionaries, for messages of
five words or more whose language is declared rather than guessed. In Azerbaijani text it also flags Turkish
words, which machine translation and bilingual writers leave in (maalesef, sipariş, lütfen), with the
Azerbaijani word where it is known (təəssüf ki, sifariş, zəhmət olmasa).`,
		Why: `A customer who wrote in Turkish and gets an English reply, or an Azerbaijani customer who gets
Turkish words, reads it as careless or machine-made.`,
		Examples: languageData.Examples,
		Severity: lint.Warning,
		Default:  true,
	},
	Options: LanguageOptions{},
	New: func(node *yaml.Node) (lint.Check, error) {
		if _, err := lint.DecodeOptions(node, LanguageOptions{}); err != nil {
			return nil, err
		}
		return newLanguageCheck()
	},
}

type languageCheck struct {
	otherShare, ownShare int
	minWords             int
	neighbour            map[lint.Lang]lint.Lang
	pairs                map[lint.Lang][][2]string // neighbour stem -> own word
}

func newLanguageCheck() (lint.Check, error) {
	all := languageData.Langs["all"].Words
	lc := &languageCheck{neighbour: map[lint.Lang]lint.Lang{}, pairs: map[lint.Lang][][2]string{}}
	var err error
	if lc.otherShare, err = strconv.Atoi(all["shares"][0]); err == nil {
		if lc.ownShare, err = strconv.Atoi(all["shares"][1]); err == nil {
			lc.minWords, err = strconv.Atoi(all["min_words"][0])
		}
	}
	if err != nil {
		return nil, fmt.Errorf("data/language.yaml: %v", err)
	}
	for l, rl := range languageData.Langs {
		if n := rl.Words["neighbour"]; len(n) > 0 {
			lc.neighbour[l] = lint.Lang(n[0])
		}
		for _, p := range rl.Words["pairs"] {
			from, to, _ := strings.Cut(p, "|")
			lc.pairs[l] = append(lc.pairs[l], [2]string{from, to})
		}
	}
	return lc.check, nil
}

func (lc *languageCheck) check(p *lint.Pass) {
	own, err := lexiconFor(p.Msg.Lang)
	if err != nil || own == nil {
		return
	}
	// Links, addresses and placeholders are blanked only for a message
	// that has something to report: blanking runs regexps, and most
	// messages are in their language.
	words, spans := lc.words(p, p.Msg.Body.Text)
	wrong := !p.Msg.LangDetected && lc.wrongLanguage(p, own, words) != ""
	_, hasNeighbour := lc.neighbour[p.Msg.Lang]
	if !wrong && (!hasNeighbour || !lc.neighbourWords(p, own, words, spans, nil)) {
		return
	}
	words, spans = lc.words(p, blank(p.Msg.Body.Text))
	if !p.Msg.LangDetected {
		if l := lc.wrongLanguage(p, own, words); l != "" {
			p.Report(lint.Diagnostic{Message: fmt.Sprintf(languageData.Say(p.Msg.Lang, "wrong"), lint.LangName(l), lint.LangName(p.Msg.Lang))})
			return
		}
	}
	if hasNeighbour {
		lc.neighbourWords(p, own, words, spans, p.Report)
	}
}

// words are the message's words to judge (clean is its text with what is
// not prose blanked, or the text itself), and their spans.
func (lc *languageCheck) words(p *lint.Pass, clean string) ([]string, []lint.Span) {
	text := p.Msg.Body.Text
	toks := p.Msg.Tokens()
	var words []string
	var spans []lint.Span
	for i, t := range toks {
		if t.Kind != lint.Word || clean[t.Start:t.End] != text[t.Start:t.End] {
			continue
		}
		base, ok := baseWord(p.Msg.Lang, text[t.Start:t.End])
		if !ok || !checkable(base) || isCapitalised(base) && midSentence(text, toks, i) {
			continue
		}
		words = append(words, base)
		spans = append(spans, lint.Span{Start: t.Start, End: t.Start + len(base)})
	}
	return words, spans
}

// wrongLanguage is the language a message's words are nearly all of, when
// few of them are its own language's alone, or "". "Alone" matters: the
// Azerbaijani list is a web crawl that has common English words.
func (lc *languageCheck) wrongLanguage(p *lint.Pass, own *lexicon, words []string) lint.Lang {
	if len(words) < lc.minWords {
		return ""
	}
	for _, name := range languageData.Langs[p.Msg.Lang].Words["other"] {
		l := lint.Lang(name)
		other, err := lexiconFor(l)
		if err != nil || other == nil {
			continue
		}
		theirs, ours, ownOnly := 0, 0, 0
		for _, w := range words {
			o, m := other.known(w), own.known(w)
			if o {
				theirs++
			}
			if m {
				ours++
				if !o {
					ownOnly++
				}
			}
		}
		// Nearly all theirs, few only ours, and clearly more theirs than
		// ours.
		if 100*theirs >= lc.otherShare*len(words) && 100*ownOnly <= lc.ownShare*len(words) &&
			100*(theirs-ours) >= lc.ownShare*len(words) {
			return l
		}
	}
	return ""
}

// neighbourWords finds words of the neighbouring language that are not
// words of the message's own (teşekkür in Azerbaijani text), with the own
// language's word: from the pairs list, or by the letters that differ
// (e/ə, k/q) when that gives a known word. It reports them (if report is
// not nil) and says whether there were any.
func (lc *languageCheck) neighbourWords(p *lint.Pass, own *lexicon, words []string, spans []lint.Span, report func(lint.Diagnostic)) bool {
	nb, err := lexiconFor(lc.neighbour[p.Msg.Lang])
	if err != nil || nb == nil {
		return false
	}
	text := p.Msg.Body.Text
	found := false
	for i, w := range words {
		lw := lint.Lower(p.Msg.Lang, w)
		if !nb.known(w) || utf8.RuneCountInString(lw) < 4 || lc.english(w) {
			continue
		}
		right := lc.counterpart(p.Msg.Lang, own, lw, !own.known(w))
		if right == "" {
			continue // a Turkish word can be a name, or a word the list lacks
		}
		// The Azerbaijani list is a web crawl with some Turkish in it: a
		// word it has counts as Turkish when its counterpart is far
		// commoner there.
		if own.known(w) && own.weight(lw)*5 >= own.weight(firstWord(right)) {
			continue
		}
		found = true
		if report != nil {
			right = matchCase(p.Msg.Lang, w, right)
			report(lint.Diagnostic{Span: spans[i], Message: fmt.Sprintf(languageData.Say(p.Msg.Lang, "neighbour"), text[spans[i].Start:spans[i].End], right), Suggestion: right})
		}
	}
	return found
}

// counterpart is the own language's word for a neighbour's word (lower
// case), or "".
func (lc *languageCheck) counterpart(l lint.Lang, own *lexicon, lw string, byLetters bool) string {
	for _, pr := range lc.pairs[l] {
		if rest, ok := strings.CutPrefix(lw, pr[0]); ok {
			if rest == "" {
				return pr[1]
			}
			if cand := pr[1] + lc.harmonise(rest); !strings.Contains(pr[1], " ") && own.known(cand) {
				return cand
			}
		}
	}
	if !byLetters {
		return ""
	}
	// Letter correspondences: Turkish e is often Azerbaijani ə, and k
	// next to a back vowel q; try each combination (words have few).
	runes := []rune(lw)
	var pos []int
	for i, r := range runes {
		if r == 'e' || r == 'k' && nextToBackVowel(runes, i) {
			pos = append(pos, i)
		}
	}
	if len(pos) == 0 || len(pos) > 6 {
		return ""
	}
	for mask := 1; mask < 1<<len(pos); mask++ {
		c := append([]rune(nil), runes...)
		for b, i := range pos {
			if mask&(1<<b) != 0 {
				c[i] = map[rune]rune{'e': 'ə', 'k': 'q'}[c[i]]
			}
		}
		if s := string(c); own.known(s) && own.weight(s) > 0 {
			return s
		}
	}
	return ""
}

// harmonise writes a Turkish suffix the Azerbaijani way: front e is ə.
func (lc *languageCheck) harmonise(suffix string) string {
	return strings.ReplaceAll(suffix, "e", "ə")
}

func nextToBackVowel(rs []rune, i int) bool {
	back := func(j int) bool { return j >= 0 && j < len(rs) && strings.ContainsRune("aıou", rs[j]) }
	return back(i-1) || back(i+1)
}

// english reports a word the English dictionary knows (size, time): an
// English word in the text, not a Turkish one.
func (lc *languageCheck) english(w string) bool {
	en, err := lexiconFor(lint.English)
	return err == nil && en != nil && en.known(w)
}
