package rules

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
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
words, which machine translation and bilingual writers leave in (maalesef, lütfen), with the Azerbaijani word
where it is known (təəssüf ki, zəhmət olmasa). A Turkish spelling of an Azerbaijani word (sipariş, teşekkür) is
the spelling rule's finding, with its fix, so a word is reported once.`,
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
		lc, err := newLanguageCheck()
		if err != nil {
			return nil, err
		}
		return lc.check, nil
	},
}

type languageCheck struct {
	otherShare, ownShare int
	minWords             int
	neighbour            map[lint.Lang]lint.Lang
	// pairFrom are the neighbour's words of each language's pairs (the
	// part before "|"): a word that starts with none of them has no
	// paired word, and is not looked for one.
	pairFrom map[lint.Lang][]string
}

func newLanguageCheck() (*languageCheck, error) {
	all := languageData.Langs["all"].Words
	lc := &languageCheck{neighbour: map[lint.Lang]lint.Lang{}, pairFrom: map[lint.Lang][]string{}}
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
		for _, pair := range rl.Words["pairs"] {
			from, _, _ := strings.Cut(pair, "|")
			lc.pairFrom[l] = append(lc.pairFrom[l], from)
		}
	}
	return lc, nil
}

func (lc *languageCheck) check(p *lint.Pass) {
	own, err := lexiconFor(p.Msg.Lang)
	if err != nil || own == nil {
		return
	}
	// Links, addresses and placeholders are blanked only for a message
	// that has something to report: blanking runs regexps, and most
	// messages are in their language.
	sc := languageScratch.Get().(*judged)
	defer func() {
		clear(sc.words)
		*sc = judged{words: sc.words[:0]}
		languageScratch.Put(sc)
	}()
	words := lc.words(p, own, sc)
	wrong := !p.Msg.LangDetected && lc.wrongLanguage(p, words, sc) != ""
	_, hasNeighbour := lc.neighbour[p.Msg.Lang]
	if !wrong && (!hasNeighbour || !lc.neighbourWords(p, own, words, nil)) {
		return
	}
	words = sc.prose(p, blank(p.Msg.Body.Text))
	if !p.Msg.LangDetected {
		if l := lc.wrongLanguage(p, words, sc); l != "" {
			p.Report(lint.Diagnostic{Message: fmt.Sprintf(languageData.Say(p.Msg.Lang, "wrong"), lint.LangName(l), lint.LangName(p.Msg.Lang))})
			return
		}
	}
	if hasNeighbour {
		lc.neighbourWords(p, own, words, p.Report)
	}
}

// judged is room for a message's words to judge, which the check
// recycles (languageScratch): they are its alone.
type judged struct {
	words []judgedWord
	// detected is what lint.DetectLang said of the text, once asked
	// (asked): the text is judged twice when it has something to report.
	detected   lint.Lang
	detectedOK bool
	asked      bool
}

// detect is lint.DetectLang of the message's text, asked once.
func (sc *judged) detect(text string) (lint.Lang, bool) {
	if !sc.asked {
		sc.detected, sc.detectedOK = lint.DetectLang(text)
		sc.asked = true
	}
	return sc.detected, sc.detectedOK
}

var languageScratch = sync.Pool{New: func() any { return new(judged) }}

// judgedWord is a word to judge: the word (its base, without a suffix
// after an apostrophe), its span and token, and its verdict in the own
// language's lexicon, shared with the spelling rule (lint.Message.Words).
// One record a word, so that gathering them is one append, not four.
type judgedWord struct {
	word string
	span lint.Span
	tok  int
	v    *wordVerdict
}

// words are the message's words to judge, in sc's room: the words the
// spelling rule checks (their verdicts in own, the message's language,
// which the words share), but names.
func (lc *languageCheck) words(p *lint.Pass, own *lexicon, sc *judged) []judgedWord {
	text := p.Msg.Body.Text
	toks := p.Msg.Tokens()
	out := sc.words[:0]
	ws := p.Msg.Words()
	for k := range ws {
		w := &ws[k]
		word := text[w.Start:w.End]
		v := own.sharedVerdict(w, word)
		if !v.checked || v.capital && midSentence(text, toks, w.Tok) {
			continue
		}
		out = append(out, judgedWord{word[:v.base], lint.Span{Start: w.Start, End: w.Start + v.base}, w.Tok, v})
	}
	sc.words = out
	return out
}

// prose keeps, of the words sc holds, those that are prose: whose token
// clean (the text with links, addresses and placeholders blanked) has as
// the text has it.
func (sc *judged) prose(p *lint.Pass, clean string) []judgedWord {
	text, toks := p.Msg.Body.Text, p.Msg.Tokens()
	n := 0
	for k := range sc.words {
		if t := &toks[sc.words[k].tok]; clean[t.Start:t.End] == text[t.Start:t.End] {
			sc.words[n] = sc.words[k]
			n++
		}
	}
	clear(sc.words[n:])
	sc.words = sc.words[:n]
	return sc.words
}

// wrongLanguage is the language a message of enough words is written in
// instead of its own, or "": the words' (otherLanguage), unless the
// detector reads the text as the message's own language.
func (lc *languageCheck) wrongLanguage(p *lint.Pass, words []judgedWord, sc *judged) lint.Lang {
	if len(words) < lc.minWords {
		return ""
	}
	others := languageData.Langs[p.Msg.Lang].Words["other"]
	// A message is another language's when its words are (otherLanguage)
	// and the detector does not read it as its own. The detector's cue
	// words are cheap and loading the other languages' dictionaries is not
	// (it was half of a one-file check's start-up): until they are loaded,
	// a message the detector reads as its own language is not asked about.
	// Once they are, looking the words up costs less than the detector's
	// pass over the text: a message whose words are not another
	// language's is not read by the detector.
	if lc.othersBuilt(others) {
		l := lc.otherLanguage(words, others)
		if l == "" {
			return ""
		}
		if d, ok := sc.detect(p.Msg.Body.Text); ok && d == p.Msg.Lang {
			return ""
		}
		return l
	}
	if d, ok := sc.detect(p.Msg.Body.Text); ok && d == p.Msg.Lang {
		return ""
	}
	return lc.otherLanguage(words, others)
}

// othersBuilt reports whether the lexicons of the other languages are all
// built.
func (lc *languageCheck) othersBuilt(others []string) bool {
	for _, name := range others {
		if _, ok := lexiconBuilt(lint.Lang(name)); !ok {
			return false
		}
	}
	return true
}

// otherLanguage is the first of others whose dictionary knows nearly all
// of a message's words, when few of them are its own language's alone
// (which the words' verdicts in their own language say), or "". "Alone"
// matters: the Azerbaijani list is a web crawl that has common English
// words.
func (lc *languageCheck) otherLanguage(words []judgedWord, others []string) lint.Lang {
	for _, name := range others {
		l := lint.Lang(name)
		other, err := lexiconFor(l)
		if err != nil || other == nil {
			continue
		}
		theirs, ours, ownOnly := 0, 0, 0
		// Most messages are in their language: stop once too many words
		// are not the other's for it to reach its share.
		missing, allowed := 0, len(words)-(lc.otherShare*len(words)+99)/100
		for i := range words {
			o := words[i].v.knownIn(other, words[i].word)
			if !o {
				if missing++; missing > allowed {
					break
				}
			}
			m := words[i].v.known
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
// words of the message's own and whose own-language word is another word
// (maalesef in Azerbaijani text: təəssüf ki), from the pairs list. A word
// that is the own language's word spelt the neighbour's way (teşekkür:
// təşəkkür, sipariş: sifariş) is a misspelling the spelling rule reports,
// so one word gets one finding. It
// reports them (if report is not nil) and says whether there were any.
func (lc *languageCheck) neighbourWords(p *lint.Pass, own *lexicon, words []judgedWord, report func(lint.Diagnostic)) bool {
	nb, err := lexiconFor(lc.neighbour[p.Msg.Lang])
	if err != nil || nb == nil {
		return false
	}
	text := p.Msg.Body.Text
	found := false
	// The verdicts asked own's neighbour, which is this one but for a
	// language added after own was built.
	shared := own.neighbour == lc.neighbour[p.Msg.Lang]
	froms := lc.pairFrom[p.Msg.Lang]
	for i := range words {
		w, span, v := words[i].word, words[i].span, words[i].v
		if shared && !v.neighbourKnown || !shared && !v.knownIn(nb, w) {
			continue // most words: not lowered for nothing
		}
		lw := lint.Lower(p.Msg.Lang, w)
		if utf8.RuneCountInString(lw) < 4 || lc.english(v, w) {
			continue
		}
		if own.neighbourWord(w) != "" {
			continue // its letters give the Azerbaijani word: spelling reports it
		}
		if !slices.ContainsFunc(froms, func(from string) bool { return strings.HasPrefix(lw, from) }) {
			continue // pairedWord starts from a pair whose word lw starts with
		}
		right := pairedWord(p.Msg.Lang, own, lw)
		if right == "" {
			continue // a Turkish word can be a name, or a word the list lacks
		}
		// The Azerbaijani list is a web crawl with some Turkish in it: a
		// word it has counts as Turkish when its counterpart is far
		// commoner there.
		if v.known && own.weight(lw)*5 >= own.weight(firstWord(right)) {
			continue
		}
		found = true
		if report != nil {
			right = matchCase(p.Msg.Lang, w, right)
			report(lint.Diagnostic{Span: span, Message: fmt.Sprintf(languageData.Say(p.Msg.Lang, "neighbour"), text[span.Start:span.End], right), Suggestion: right})
		}
	}
	return found
}

// english reports a word the English dictionary knows (size, time): an
// English word in the text, not a Turkish one. v is the word's verdict.
func (lc *languageCheck) english(v *wordVerdict, w string) bool {
	en, err := lexiconFor(lint.English)
	return err == nil && en != nil && v.knownIn(en, w)
}
