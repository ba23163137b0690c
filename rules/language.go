package rules

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
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
	// others are, by language, the languages a whole message is asked
	// to be in instead (the data's "other" list), with their lexicons
	// once all are built.
	others map[lint.Lang]*otherLexicons
}

// otherLexicons are the languages a message of one language may be
// written in instead, and their lexicons once every one is built (nil
// until then): looked up once, not by name for every message.
type otherLexicons struct {
	names []string
	built atomic.Pointer[[]*lexicon]
}

// lexicons are the others' lexicons when all are built (lexiconBuilt); ok
// is false while one is not.
func (o *otherLexicons) lexicons() ([]*lexicon, bool) {
	if p := o.built.Load(); p != nil {
		return *p, true
	}
	// Asked first and gathered after: a message asks while one is not
	// built, and gathering them then was an allocation a message.
	for _, name := range o.names {
		if _, ok := lexiconBuilt(lint.Lang(name)); !ok {
			return nil, false
		}
	}
	return o.gather(), true
}

// gather stores the others' lexicons, all built. Its own function: the
// slice whose address is stored escapes, and as lexicons' result it was
// put on the heap at every call, the answer already stored too.
func (o *otherLexicons) gather() []*lexicon {
	var lxs []*lexicon
	for _, name := range o.names {
		lx, _ := lexiconBuilt(lint.Lang(name))
		lxs = append(lxs, lx)
	}
	o.built.Store(&lxs)
	return lxs
}

func newLanguageCheck() (*languageCheck, error) {
	all := languageData.Langs["all"].Words
	lc := &languageCheck{neighbour: map[lint.Lang]lint.Lang{}, pairFrom: map[lint.Lang][]string{}, others: map[lint.Lang]*otherLexicons{}}
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
		lc.others[l] = &otherLexicons{names: rl.Words["other"]}
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

// judgedWord is a word to judge: its record among the message's words
// (lint.Message.Words) and its verdict in the own language's lexicon,
// shared with the spelling rule, whose base (the word without a suffix
// after an apostrophe) is the word judged. Two pointers a word, so that
// gathering them is one small append; the word and its span are read
// from the record when asked.
type judgedWord struct {
	w *lint.WordToken
	v *wordVerdict
}

// word is the word judged, of the message's text.
func (j *judgedWord) word(text string) string { return text[j.w.Start : j.w.Start+j.v.base] }

// span is the word's span in the message's text.
func (j *judgedWord) span() lint.Span { return lint.Span{Start: j.w.Start, End: j.w.Start + j.v.base} }

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
		out = append(out, judgedWord{w, v})
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
		if t := &toks[sc.words[k].w.Tok]; clean[t.Start:t.End] == text[t.Start:t.End] {
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
	others := lc.others[p.Msg.Lang]
	if others == nil {
		return "" // no other language to be in
	}
	// A message is another language's when its words are (otherLanguage)
	// and the detector does not read it as its own. The detector's cue
	// words are cheap and loading the other languages' dictionaries is not
	// (it was half of a one-file check's start-up): until they are loaded,
	// a message the detector reads as its own language is not asked about.
	// Once they are, looking the words up costs less than the detector's
	// pass over the text: a message whose words are not another
	// language's is not read by the detector.
	if lxs, ok := others.lexicons(); ok {
		l := lc.otherLanguage(p.Msg.Body.Text, words, lxs)
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
	var lxs []*lexicon
	for _, name := range others.names {
		if lx, err := lexiconFor(lint.Lang(name)); err == nil {
			lxs = append(lxs, lx)
		}
	}
	return lc.otherLanguage(p.Msg.Body.Text, words, lxs)
}

// otherLanguage is the language of the first of others (nil: none) whose dictionary knows nearly all
// of a message's words, when few of them are its own language's alone
// (which the words' verdicts in their own language say), or "". "Alone"
// matters: the Azerbaijani list is a web crawl that has common English
// words.
func (lc *languageCheck) otherLanguage(text string, words []judgedWord, others []*lexicon) lint.Lang {
	for _, other := range others {
		if other == nil {
			continue
		}
		l := other.lang
		theirs, ours, ownOnly := 0, 0, 0
		// Most messages are in their language: stop once too many words
		// are not the other's for it to reach its share.
		missing, allowed := 0, len(words)-(lc.otherShare*len(words)+99)/100
		for i := range words {
			o, kept := words[i].v.keptIn(other.slot)
			if !kept {
				o = words[i].v.knownIn(other, words[i].word(text))
			}
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
	for i := range words {
		v := words[i].v
		if shared && !v.neighbourKnown {
			continue // most words: not lowered for nothing
		}
		w, span := words[i].word(text), words[i].span()
		if !shared && !v.knownIn(nb, w) {
			continue
		}
		right := lc.pairOf(own, v, w)
		if right == "" {
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

// neighbourPair is what neighbourWords makes of a word known to the
// neighbouring language, kept in the word's verdict (wordVerdict.pair): the
// own language's word to write instead, or "", as the check lc found it.
type neighbourPair struct {
	lc    *languageCheck
	right string
}

// pairOf is pairFor of the word w, whose verdict in own is v, kept in the
// verdict: a word is judged once, not in every message that has it.
func (lc *languageCheck) pairOf(own *lexicon, v *wordVerdict, w string) string {
	if p := v.pair.Load(); p != nil && p.lc == lc {
		return p.right
	}
	right := lc.pairFor(own, v, w)
	v.pair.Store(&neighbourPair{lc, right})
	return right
}

// pairFor is the own language's word (from the pairs list) for w, a word
// the neighbouring language knows whose verdict in own is v, or "": none
// for a short word, an English one, one whose letters give the own
// language's word (a misspelling, the spelling rule's), one with no pair,
// or one the own language uses about as often as its pair.
func (lc *languageCheck) pairFor(own *lexicon, v *wordVerdict, w string) string {
	lw := lint.Lower(own.lang, w)
	if utf8.RuneCountInString(lw) < 4 || lc.english(v, w) {
		return ""
	}
	if own.neighbourWord(w) != "" {
		return "" // its letters give the Azerbaijani word: spelling reports it
	}
	if !slices.ContainsFunc(lc.pairFrom[own.lang], func(from string) bool { return strings.HasPrefix(lw, from) }) {
		return "" // pairedWord starts from a pair whose word lw starts with
	}
	right := pairedWord(own.lang, own, lw)
	if right == "" {
		return "" // a Turkish word can be a name, or a word the list lacks
	}
	// The Azerbaijani list is a web crawl with some Turkish in it: a word
	// it has counts as Turkish when its counterpart is far commoner there.
	if v.known && own.weight(lw)*5 >= own.weight(firstWord(right)) {
		return ""
	}
	return right
}

// english reports a word the English dictionary knows (size, time): an
// English word in the text, not a Turkish one. v is the word's verdict.
func (lc *languageCheck) english(v *wordVerdict, w string) bool {
	en, err := lexiconFor(lint.English)
	return err == nil && en != nil && v.knownIn(en, w)
}
