package rules

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/msglint/msglint/lint"
)

var (
	sarcasmData    = loadData("sarcasm.yaml")
	sarcasmLexicon = Lexicon(sarcasmData.Lexicon)
)

// SarcasmOptions configures the sarcasm rule.
type SarcasmOptions struct {
	LexiconOptions `yaml:",inline"`
}

// Sarcasm flags sarcasm, irony and snark toward the customer.
var Sarcasm = &lint.Rule{
	Name: "sarcasm",
	Doc: lint.Doc{
		Title: "sarcasm or snark toward the customer",
		Text: `Flags sarcastic, ironic or snarky wording: phrases that are sarcastic wherever they stand
("yeah right", "as I already said", "what a surprise", "nothing better to do", "/s", 🙄, "(!)", "tabii
canım", "yok artık", "başka işimiz yok", "əlbəttə canım", "nə sürpriz"), openers that turn sarcastic
with a complaint beside them ("Oh great, another…", "Wow, … this time", "Ne güzel, yine…", "Əla,
yenə…"), and sarcasm built from two parts in one sentence or the next, in either order: praise for
something that went wrong by the customer's doing ("Congratulations, you missed it again", "Tebrikler,
yine kaçırmışsınız"), counting how often they asked ("the fourth time you've asked", "beşinci kez
soruyorsunuz"), "of course" with "our fault" and no apology, "since you know better than us", an
affirmative said twice ("Yes, yes"), and the customer's own words held up in quotes. Sincere enthusiasm
("Great news!"), sincere thanks ("Çok teşekkürler, ödemeniz zaten alındı"), sincere congratulations
("Congratulations, you won this time!"), a sincere apology for our fault and a sincere "sure, happy to
help" are not flagged.`,
		Why: `Sarcasm in writing reads as contempt: the customer cannot hear the tone, only the words, and a
screenshot of a snarky reply travels far. Say the fact plainly and helpfully.`,
		Examples: sarcasmData.Examples,
		Severity: lint.Error,
		Default:  true,
	},
	Options: SarcasmOptions{},
	Lexicon: sarcasmData.Lexicon,
	New: lexiconRule(SarcasmOptions{}, sarcasmLexicon, func(o *SarcasmOptions) *LexiconOptions { return &o.LexiconOptions },
		func(_ SarcasmOptions, _ Lexicon, pb phraseBook) lint.Check {
			you := customer{endings: sarcasmData.WordSets("second_person_endings"), words: sarcasmData.WordSets("second_person"),
				negatedEndings: sarcasmData.WordSets("negated_second_person_endings"), past: sarcasmData.WordSets("past")}
			return func(p *lint.Pass) { checkSarcasm(p, pb, you) }
		}),
}

// sarcasmFrame is a sarcastic composition: a cue of one list with a cue of another
// in the same sentence or the next, in either order, unless a cue of the
// unless list is in the message.
type sarcasmFrame struct {
	a, b, unless string
	// weak: cues of b that do not count here ("this time" beside
	// congratulations is sincere).
	weak string
	why  string
	// youB: the second cue must be the customer's doing: a 2nd person form
	// in its sentence ("you", "your", -dInIz, -mIşsInIz).
	youB bool
}

// frames are the compositions the rule knows (lists in sarcasm.yaml):
// praise for a misdeed of the customer's ("Congratulations, you missed
// it"), counting how often they asked (an ordinal of repetition with an
// asking verb), of course × our fault with no apology, "since you know
// better" × knowing better.
var frames = []sarcasmFrame{
	{a: "praise", b: "misdeed", youB: true, why: "praise for what went wrong reads as sarcasm toward the customer"},
	{a: "praise", b: "complaints", weak: "weak", why: "reads as sarcasm toward the customer"},
	{a: "repetition", b: "asking", why: "counting how often the customer asked reads as sarcasm"},
	{a: "of_course", b: "blame", unless: "apology", why: "mock acceptance of blame reads as sarcasm"},
	{a: "since", b: "know_better", why: "reads as sarcasm toward the customer"},
	{a: "thanks", b: "know_better", why: "thanking the customer for teaching us our job reads as sarcasm"},
}

func checkSarcasm(p *lint.Pass, pb phraseBook, you customer) {
	m := p.Msg
	found := pb.findAll(m) // every list in one pass
	markers, openers := found["markers"], found["openers"]
	markers = append(markers, repeatedAffirmation(m, found["affirm"])...)
	markers = append(markers, you.scareQuotes(m, found["instructions"])...)
	var framed []framedMatch
	for _, f := range frames {
		framed = append(framed, f.find(m, found, you)...)
	}
	if len(markers) == 0 && len(openers) == 0 && len(framed) == 0 {
		return
	}
	sents := m.Sentences()
	if len(sents) == 0 {
		return
	}
	flagged := map[int]bool{} // one finding a sentence is enough
	report := func(mt lint.Match, why string) {
		i := sentenceOf(sents, mt.Span.Start)
		if flagged[i] {
			return
		}
		flagged[i] = true
		p.Report(lint.Diagnostic{
			Span:       mt.Span,
			Message:    fmt.Sprintf("%q %s", m.Body.Text[mt.Span.Start:mt.Span.End], why),
			Suggestion: sarcasmData.Say(m.Lang, "suggestion"),
		})
	}
	for _, mt := range markers {
		report(mt, "reads as sarcasm toward the customer")
	}
	for _, f := range framed {
		report(f.a, fmt.Sprintf("with %q: %s", m.Body.Text[f.b.Span.Start:f.b.Span.End], f.why))
	}
	complaints := found["complaints"]
	for _, mt := range openers {
		i := sentenceOf(sents, mt.Span.Start)
		for _, c := range complaints {
			// The complaint stands anywhere in the opener's sentence ("Daha önce
			// de iki kez söylediğim gibi") or in the next one.
			if j := sentenceOf(sents, c.Span.Start); (j == i || j == i+1 && c.Span.Start >= mt.Span.End) && (c.Span.End <= mt.Span.Start || c.Span.Start >= mt.Span.End) {
				report(mt, fmt.Sprintf("with %q reads as sarcasm toward the customer", m.Body.Text[c.Span.Start:c.Span.End]))
				break
			}
		}
	}
}

// framedMatch is a frame found: its two cues.
type framedMatch struct {
	a, b lint.Match
	why  string
}

func (f sarcasmFrame) find(m *lint.Message, found map[string][]lint.Match, you customer) []framedMatch {
	as := found[f.a]
	if len(as) == 0 {
		return nil
	}
	bs := found[f.b]
	if f.weak != "" {
		bs = slices.DeleteFunc(slices.Clone(bs), func(b lint.Match) bool {
			return slices.ContainsFunc(found[f.weak], func(w lint.Match) bool { return w.Span == b.Span })
		})
	}
	if f.youB {
		bs = append(bs, you.negated(m)...) // "göndermediğiniz": what they did not do
	}
	if len(bs) == 0 || f.unless != "" && len(found[f.unless]) > 0 {
		return nil
	}
	sents := m.Sentences()
	var out []framedMatch
	for _, a := range as {
		i := sentenceOf(sents, a.Span.Start)
		// The last cue in reach: the verb ends a Turkish sentence ("soruyu
		// … soruyorsunuz").
		for k := len(bs) - 1; k >= 0; k-- {
			b := bs[k]
			j := sentenceOf(sents, b.Span.Start)
			if j < i-1 || j > i+1 || b.Span.Start < a.Span.End && b.Span.End > a.Span.Start {
				continue
			}
			// "Great job ignoring the label": the misdeed right after the
			// praise is the customer's too.
			if f.youB && !you.in(m, sents[j]) && neighbour(m.Tokens(), a.Last, 1) != b.First {
				continue
			}
			out = append(out, framedMatch{a: a, b: b, why: f.why})
			break
		}
	}
	return out
}

// customer is how a language speaks of the customer's doing: words
// ("you", "your") and 2nd person plural verb endings (kaçırmışsınız,
// unutmusunuz, yazdığınız), per language.
type customer struct {
	words, endings, negatedEndings, past map[lint.Lang]map[string]bool
}

// negated are the customer's own negated verbs (göndermediniz,
// gəlmədiniz, yazmamışsınız): a misdeed by their form alone.
func (c customer) negated(m *lint.Message) []lint.Match {
	ends := c.negatedEndings[m.Lang]
	if ends == nil {
		return nil
	}
	folded := lint.Folded(m.Lang, m.Body.Text)
	var out []lint.Match
	for i, t := range m.Tokens() {
		if t.Kind != lint.Word {
			continue
		}
		for e := range ends {
			if len(t.Norm) > len(e)+1 && hasEnding(m.Lang, t.Norm, e, folded) {
				out = append(out, lint.Match{Cue: e, Span: lint.Span{Start: t.Start, End: t.End}, First: i, Last: i})
				break
			}
		}
	}
	return out
}

// did reports whether a sentence tells what the customer did or said: a
// 2nd person verb ending, or "you" before a past tense ("you measured").
func (c customer) did(m *lint.Message, s lint.Span) bool {
	toks := m.Tokens()
	folded := lint.Folded(m.Lang, m.Body.Text)
	for i, t := range toks {
		if t.Start < s.Start || t.End > s.End || t.Kind != lint.Word {
			continue
		}
		for e := range c.endings[m.Lang] {
			if len(t.Norm) > len(e)+1 && hasEnding(m.Lang, t.Norm, e, folded) {
				return true
			}
		}
		if c.words[m.Lang][t.Norm] && c.endings[m.Lang] == nil {
			if n := neighbour(toks, i, 1); n >= 0 && c.past[m.Lang][pastStem(toks[n].Norm)] {
				return true
			}
		}
	}
	return false
}

// pastStem is an English word as the past word set holds it: a regular past
// as "-ed", else the word.
func pastStem(w string) string {
	if strings.HasSuffix(w, "ed") && len(w) > 4 {
		return "-ed"
	}
	return w
}

// in reports whether a sentence speaks of the customer's doing.
func (c customer) in(m *lint.Message, s lint.Span) bool {
	words, endings := c.words[m.Lang], c.endings[m.Lang]
	folded := lint.Folded(m.Lang, m.Body.Text)
	for _, t := range m.Tokens() {
		if t.Start < s.Start || t.End > s.End || t.Kind != lint.Word {
			continue
		}
		if words[t.Norm] {
			return true
		}
		for e := range endings {
			if len(t.Norm) > len(e)+1 && hasEnding(m.Lang, t.Norm, e, folded) {
				return true
			}
		}
	}
	return false
}

// repeatedAffirmation finds an affirmative said twice at once ("Yes, yes",
// "Evet evet", "Bəli, bəli", "Sure, sure"): agreeing twice is dismissing.
func repeatedAffirmation(m *lint.Message, affirm []lint.Match) []lint.Match {
	var out []lint.Match
	toks := m.Tokens()
	for _, a := range affirm {
		if a.First != a.Last {
			continue
		}
		n := neighbour(toks, a.Last, 1)
		if n >= 0 && toks[n].Norm == "," {
			n = neighbour(toks, n, 1)
		}
		if n >= 0 && toks[n].Norm == toks[a.First].Norm {
			out = append(out, lint.Match{Cue: a.Cue, Span: lint.Span{Start: a.Span.Start, End: toks[n].End}, First: a.First, Last: n})
		}
	}
	return out
}

// scareQuotes finds the customer's own words held up in quotes: a short
// quote in lower case (not a button, a code or a name: "Confirm", "STOP")
// in a sentence that tells what the customer did or said ("the sofa you
// measured "perfectly"", "“berbat” olduğunu yazmışsınız"), and nothing in it
// to type or pick (the list instructions).
func (c customer) scareQuotes(m *lint.Message, instructions []lint.Match) []lint.Match {
	text := m.Body.Text
	if !strings.ContainsAny(text, "\"“«") {
		return nil
	}
	// A quote with something to type or pick in its sentence is a keyword:
	// write "human", "evet" yazmanız yeterli, set to "internet".
	var out []lint.Match
	var markup []lint.Span
	if strings.ContainsAny(text, "<{%") {
		markup = placeholderSpans(text)
	}
	for _, loc := range quoteRE.FindAllStringIndex(text, -1) {
		inner := strings.Trim(text[loc[0]:loc[1]], "\"“”«»")
		r, _ := utf8.DecodeRuneInString(inner)
		// Attribute values, names of settings and commands are not words
		// held up: "govuk-link", "sylius.homepage", "rasa init".
		if !unicode.IsLower(r) || len(strings.Fields(inner)) > 3 || strings.ContainsAny(inner, "._/=%{}<>#-:") ||
			inSpans(markup, loc[0]) {
			continue
		}
		sents := m.Sentences()
		if len(sents) == 0 {
			continue
		}
		i := sentenceOf(sents, loc[0])
		typed := false
		for _, in := range instructions {
			typed = typed || sentenceOf(sents, in.Span.Start) == i
		}
		if !typed && c.did(m, sents[i]) {
			out = append(out, lint.Match{Cue: "scare quotes", Span: lint.Span{Start: loc[0], End: loc[1]}, First: -1, Last: -1})
		}
	}
	return out
}

var quoteRE = regexp.MustCompile(`"[^"\n]{2,40}"|“[^”\n]{2,40}”|«[^»\n]{2,40}»`)
