package rules

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
)

// The scare-quote check as first written, kept to hold the one that finds
// each quote's facts once a message to it.

// scareQuotesByScan is the first version, which reads the message again for each quote. It finds the customer's own words held up in quotes: a short
// quote in lower case (not a button, a code or a name: "Confirm", "STOP")
// in a sentence that tells what the customer did or said ("the sofa you
// measured "perfectly"", "“berbat” olduğunu yazmışsınız") or that praises
// ("Congrats on selling a 'brand new' phone", "Great, another 'quick'
// job"), or that labels the customer's own thing with "of course" or a
// complaint beside it ("your "urgent" order, of course, comes first"), and
// nothing in it to type or pick (the list instructions). A quote
// that names an idea ("the 'quiet room' idea", "“sessiz oda” önerisi") is
// the customer's suggestion, not their words held up.
func (c customer) scareQuotesByScan(m *lint.Message, found cuesFound) []lint.Match {
	text := m.Body.Text
	// Cheaper than strings.ContainsAny, which goes rune by rune for
	// non-ASCII sets.
	single := strings.Contains(text, " '")
	if strings.IndexByte(text, '"') < 0 && !strings.Contains(text, "“") && !strings.Contains(text, "«") && !single {
		return nil
	}
	// A quote with something to type or pick in its sentence is a keyword:
	// write "human", "evet" yazmanız yeterli, set to "internet".
	var out []lint.Match
	var markup []lint.Span
	if strings.ContainsAny(text, "<{%") {
		markup = placeholderSpans(text)
	}
	locs := quoteRE.FindAllStringIndex(text, -1)
	if single {
		locs = append(locs, singleQuotes(text)...)
	}
	toks := m.Tokens()
	for _, loc := range locs {
		inner := strings.Trim(text[loc[0]:loc[1]], "\"“”«»'")
		r, _ := utf8.DecodeRuneInString(inner)
		// Attribute values, names of settings and commands are not words
		// held up: "govuk-link", "sylius.homepage", "rasa init".
		// The customer's praise quoted back with thanks: "“harika hizmet”
		// yazmışsınız, çok teşekkür ederiz".
		// So are their words quoted before their own verb of saying with
		// our joy (thanks alone may be for an insult: "“soyğunçu” dediniz.
		// … təşəkkürlər"): "Yorumunuzda “çok sakin” demişsiniz. Ne mutlu
		// bize".
		compliment := len(found[lsGratitude]) > 0 && slices.ContainsFunc(append(slices.Clone(found[lsEvaluation]), found[lsPraise]...),
			func(w lint.Match) bool { return w.Span.Start > loc[0] && w.Span.End < loc[1] }) ||
			len(found[lsJoy]) > 0 && c.saidRightAfterByScan(m, toks, found[lsSaying], loc[1])
		// A capital is the sentence's own when the quote opens it and the
		// customer's verb of saying follows: "“Kendiliğinden bozuldu”
		// dediğiniz telefon".
		lower := unicode.IsLower(r) || unicode.IsUpper(r) && c.saidByByScan(m, toks, found[lsSaying], loc)
		if compliment || !lower || len(strings.Fields(inner)) > 4 || strings.ContainsAny(inner, "._/=%{}<>#-:") ||
			inSpans(markup, loc[0]) || namesIdeaByScan(toks, append(slices.Clone(found[lsSuggestion]), found[lsNameHead]...), loc[1]) || c.reportedByScan(m, loc[0], inner) ||
			c.afterSayingByScan(m, toks, found, loc[0]) {
			continue
		}
		sents := m.Sentences()
		if len(sents) == 0 {
			continue
		}
		i := sentenceOf(sents, loc[0])
		in := func(list sarcasmList, start bool) bool {
			return slices.ContainsFunc(found[list], func(w lint.Match) bool {
				return sentenceOf(sents, w.Span.Start) == i && (!start || w.First >= 0 && sentenceStart(toks, w.First))
			})
		}
		// Praise or a judgment that makes the next sentence, of three words
		// at most, after a question: "Oh, so the stain 'appeared by
		// itself'? Fascinating."
		judged := i+1 < len(sents) && wordsInByScan(toks, sents[i+1]) <= 3 && strings.HasSuffix(strings.TrimSpace(text[sents[i].Start:sents[i].End]), "?") &&
			slices.ContainsFunc(append(slices.Clone(found[lsPraise]), found[lsActJudgment]...), func(w lint.Match) bool {
				return sentenceOf(sents, w.Span.Start) == i+1
			})
		if !in(lsInstructions, false) && (c.didByScan(m, sents[i]) && (len(found[lsRemedy]) == 0 || c.didBesidesSayingByScan(m, sents[i], found)) || in(lsPraise, false) || in(lsEvaluation, true) || judged ||
			(in(lsOfCourse, false) || in(lsComplaints, false)) && c.yoursByScan(m, loc)) {
			out = append(out, lint.Match{Cue: "scare quotes", Span: lint.Span{Start: loc[0], End: loc[1]}, First: -1, Last: -1})
		}
	}
	return out
}

// yoursByScan is the first version, which reads the message again for each quote. It reports whether a quote is the customer's label for their own
// thing: "your" before it, or their possessive on the noun right after it
// ("your 'urgent' order", "“acil” siparişiniz", "“təcili” sifarişiniz").
func (c customer) yoursByScan(m *lint.Message, loc []int) bool {
	toks := m.Tokens()
	folded := lint.Folded(m.Lang, m.Body.Text)
	for i, t := range toks {
		if t.Kind != lint.Word {
			continue
		}
		if t.End <= loc[0] && c.possessive[m.Lang] == nil {
			if n := neighbour(toks, i, 1); n >= 0 && toks[n].Start == loc[0] && t.Norm == "your" {
				return true
			}
			continue
		}
		if t.Start < loc[1] {
			continue
		}
		for e := range c.possessive[m.Lang] {
			if hasEnding(m.Lang, t.Norm, e, folded) && len(t.Norm) > len(e)+1 {
				return true
			}
		}
		return false
	}
	return false
}

// afterSayingByScan is the first version, which reads the message again for each quote. It reports whether a quote follows right after the customer's
// own verb of saying or choosing, which it names: "Yazdığınız “barabandan
// səs gəlir” şikayəti", "Seçdiyiniz “enerjiyə qənaət edən” paket". Held
// up, the words come before that verb ("“bir az səs salır” dediyiniz").
func (c customer) afterSayingByScan(m *lint.Message, toks []lint.Token, found cuesFound, start int) bool {
	for i, t := range toks {
		if t.Start < start {
			continue
		}
		p := neighbour(toks, i, -1)
		return p >= 0 && slices.ContainsFunc(append(slices.Clone(found[lsSaying]), found[lsChoosing]...), func(s lint.Match) bool {
			return s.Last == p && c.endings[m.Lang] != nil && c.own(m, s)
		})
	}
	return false
}

// reportedByScan is the first version, which reads the message again for each quote. It reports whether a quote repeats what the customer asked for,
// not words held up: right after a verb of saying or choosing ("you asked
// for 'no onions'", "you said 'next Friday'"), or in a language with verb
// endings ending in an imperative (“kapıya bırakın” dediğiniz için).
func (c customer) reportedByScan(m *lint.Message, start int, inner string) bool {
	if imp := c.imperative[m.Lang]; imp != nil {
		// An imperative: an ending off a stem whose infinitive the
		// dictionary knows (bırakın: bırakmak; not çətin).
		words := strings.Fields(inner)
		last := lint.NormWord(m.Lang, words[len(words)-1])
		known := knownWord(m.Lang)
		for e := range imp {
			stem, ok := strings.CutSuffix(last, e)
			if e == "" || !ok || utf8.RuneCountInString(stem) < 2 {
				continue
			}
			stems := []string{stem}
			for neg := range c.negative[m.Lang] { // basmayın: a negative imperative
				if s, ok := strings.CutSuffix(stem, neg); ok && utf8.RuneCountInString(s) >= 2 {
					stems = append(stems, s)
				}
			}
			for _, st := range stems {
				for inf := range c.infinitive[m.Lang] {
					if known(st + inf) {
						return true
					}
				}
			}
		}
		return false
	}
	toks := m.Tokens()
	for i, t := range toks {
		if t.Start >= start {
			p := neighbour(toks, i, -1)
			if p >= 0 && toks[p].Kind == lint.Word && c.report[m.Lang][toks[p].Norm] {
				return true
			}
			if p >= 0 && (toks[p].Norm == "for" || toks[p].Norm == "as") {
				pp := neighbour(toks, p, -1)
				return pp >= 0 && c.report[m.Lang][toks[pp].Norm]
			}
			return false
		}
	}
	return false
}

// wordsInByScan is the first version, which reads the message again for each quote. It counts the words in a span.
func wordsInByScan(toks []lint.Token, s lint.Span) int {
	n := 0
	for _, t := range toks {
		if t.Kind == lint.Word && t.Start >= s.Start && t.End <= s.End {
			n++
		}
	}
	return n
}

// saidRightAfterByScan is the first version, which reads the message again for each quote. It reports whether the customer's own verb of saying comes
// right after a quote that ends at end: "“çok temiz” demişsiniz".
// Only spaces stand between: the verb's first word starts where the text
// after the quote stops being space (a word starts with no space), found
// once, not by trimming the text up to each verb of the message.
func (c customer) saidRightAfterByScan(m *lint.Message, toks []lint.Token, saying []lint.Match, end int) bool {
	next := nextNonSpace(m.Body.Text, end)
	return slices.ContainsFunc(saying, func(s lint.Match) bool {
		return s.First >= 0 && toks[s.First].Start == next && c.own(m, s)
	})
}

// saidByByScan is the first version, which reads the message again for each quote. It reports whether a quote opens its sentence and the next word is
// the customer's verb of saying (dediğiniz, yazdığınız).
func (c customer) saidByByScan(m *lint.Message, toks []lint.Token, saying []lint.Match, loc []int) bool {
	first := -1
	for i, t := range toks {
		if t.Start >= loc[0] {
			first = i
			break
		}
	}
	if first < 0 || !sentenceStart(toks, first) {
		return false
	}
	for _, s := range saying {
		if s.First >= 0 && toks[s.First].Start >= loc[1] && c.own(m, s) {
			return neighbour(toks, s.First, -1) >= 0 && toks[neighbour(toks, s.First, -1)].End <= loc[1]
		}
	}
	return false
}

// namesIdeaByScan is the first version, which reads the message again for each quote. It reports whether a cue of the list is the first word after a
// quote's end: the quote is the name of that thing.
func namesIdeaByScan(toks []lint.Token, ms []lint.Match, end int) bool {
	for _, t := range toks {
		if t.Start < end || t.Kind == lint.Space {
			continue
		}
		return t.Kind == lint.Word && slices.ContainsFunc(ms, func(w lint.Match) bool { return w.Span.Start == t.Start })
	}
	return false
}

// didByScan is the first version, which reads the message again for each quote. It reports whether a sentence tells what the customer did or said: a
// 2nd person verb ending, or "you" before a past tense ("you measured").
func (c customer) didByScan(m *lint.Message, s lint.Span) bool {
	toks := m.Tokens()
	folded := lint.Folded(m.Lang, m.Body.Text)
	for i, t := range toks {
		if t.Start < s.Start || t.End > s.End || t.Kind != lint.Word {
			continue
		}
		if c.sets["ends:you"][m.Lang].has(m.Lang, t.Norm, folded) {
			return true
		}
		if c.words[m.Lang][t.Norm] && c.endings[m.Lang] == nil && c.pastAfter(toks, i) {
			return true
		}
	}
	return false
}

// didBesidesSayingByScan is didByScan skipping the customer's own verbs of
// saying, each found again by a scan of the list.
func (c customer) didBesidesSayingByScan(m *lint.Message, s lint.Span, found cuesFound) bool {
	toks := m.Tokens()
	folded := lint.Folded(m.Lang, m.Body.Text)
	saying := func(i int, last bool) bool {
		return slices.ContainsFunc(found[lsSaying], func(w lint.Match) bool {
			return c.ownIn(m, w, folded) && (last && w.Last == i || !last && w.First == i)
		})
	}
	for i, t := range toks {
		if t.Start < s.Start || t.End > s.End || t.Kind != lint.Word || saying(i, true) {
			continue
		}
		if c.sets["ends:you"][m.Lang].has(m.Lang, t.Norm, folded) {
			return true
		}
		if c.words[m.Lang][t.Norm] && c.endings[m.Lang] == nil && c.pastAfter(toks, i) {
			if n := neighbour(toks, i, 1); n < 0 || !saying(n, false) {
				return true
			}
		}
	}
	return false
}

// quoteWords are pieces of messages the scare-quote check looks at, by
// language: quotes, verbs of saying and choosing, "you" and its endings,
// possessives, praise, thanks, joy, "of course", complaints, suggestions,
// instructions, judgments, and the marks that end sentences.
var quoteWords = map[lint.Lang][]string{
	lint.English: {"you", "your", "said", "asked for", "chose", "you measured", "you've", "wrote", "as", "for",
		"great", "thanks", "thank you", "glad", "of course", "sadly", "idea", "suggestion", "reply", "type", "write",
		"fascinating", "brilliant", "perfectly", "quick", "urgent", "order", "the sofa", "Oh, so", "again", "barely opened"},
	lint.Turkish: {"dediğiniz", "demişsiniz", "yazmışsınız", "yazdığınız", "seçtiğiniz", "dediniz", "siparişiniz",
		"harika", "teşekkür ederiz", "ne mutlu bize", "tabii ki", "maalesef", "önerisi", "fikri", "yazın", "yazmanız yeterli",
		"bırakın", "basmayın", "berbat", "çok sakin", "acil", "kendiliğinden bozuldu", "telefon", "muhteşem", "dediginiz", "siparisiniz"},
	lint.Azerbaijani: {"dediyiniz", "demisiniz", "yazmısınız", "yazdığınız", "seçdiyiniz", "dediniz", "sifarişiniz",
		"əla", "təşəkkürlər", "nə xoş", "əlbəttə", "təəssüf", "təklifi", "ideyası", "yazın", "soruşun", "təcili",
		"soyğunçu", "bir az səs salır", "enerjiyə qənaət edən", "paket", "şikayəti", "möhtəşəm", "sifarisiniz"},
}

// quoteMarks are what comes between the words: spaces, quotes of every
// kind, placeholders and the marks that end sentences and clauses.
var quoteMarks = []string{" ", " ", " ", " '", "' ", "'", "\"", " \"", "\" ", "“", "”", " “", "” ", "«", "»", ". ", "? ", "! ",
	", ", "\n", "{name}", "<b>", "A", "STOP", "x.y", "-"}

// quoteText builds a text in a language from a fuzzer's bytes: each byte
// picks a word or a mark.
func quoteText(l lint.Lang, pieces []byte) string {
	words := quoteWords[l]
	var b strings.Builder
	for _, p := range pieces {
		if p&1 == 0 {
			b.WriteString(words[int(p>>1)%len(words)])
		} else {
			b.WriteString(quoteMarks[int(p>>1)%len(quoteMarks)])
		}
	}
	return b.String()
}

// scareQuotesBoth runs both checks on a message.
func scareQuotesBoth(m *lint.Message) (got, want []lint.Match) {
	you := sarcasmCustomer()
	found := findCues(sarcasmCues(), m, &cueScratch{})
	you.refine(m, found)
	return you.scareQuotes(m, found), you.scareQuotesByScan(m, found)
}

// The check finds what the first one found, on texts of the cue words and
// quotes in all three languages, typed with their letters and without.
func FuzzScareQuotes(f *testing.F) {
	for _, s := range []string{"", "\x01\x02\x05\x04\x07", "\x13\x00\x15\x02\x1f\x04", "\x11\x06\x13\x08\x21\x0a\x25"} {
		f.Add([]byte(s), uint8(0), false)
	}
	f.Fuzz(func(t *testing.T, pieces []byte, pick uint8, fold bool) {
		l := lint.Langs[int(pick)%len(lint.Langs)]
		text := quoteText(l, pieces)
		if fold {
			text = lint.Fold(l, text)
		}
		m := load.Options{Lang: l}.Text("draft", text)
		if got, want := scareQuotesBoth(m); !slices.Equal(got, want) {
			t.Fatalf("%s %q: %v, want %v", l, text, got, want)
		}
	})
}

// The same on the quality sets and a generated library, and on long
// messages of them run together, where quotes meet many sentences.
func TestScareQuotesByScan(t *testing.T) {
	msgs := sarcasmTestMessages(t)
	found := 0
	byLang := map[lint.Lang][]string{}
	for _, m := range msgs {
		got, want := scareQuotesBoth(m)
		if !slices.Equal(got, want) {
			t.Fatalf("%s %q: %v, want %v", m.Lang, m.Body.Text, got, want)
		}
		found += len(got)
		if strings.ContainsAny(m.Body.Text, "\"'“«") && len(byLang[m.Lang]) < 200 {
			byLang[m.Lang] = append(byLang[m.Lang], m.Body.Text)
		}
	}
	if found < 5 {
		t.Errorf("%d scare quotes found", found)
	}
	for l, texts := range byLang {
		m := load.Options{Lang: l}.Text("long", strings.Join(texts, " "))
		got, want := scareQuotesBoth(m)
		if !slices.Equal(got, want) {
			t.Fatalf("%s long message: %v, want %v", l, got, want)
		}
		if len(got) == 0 {
			t.Errorf("%s long message: no scare quotes", l)
		}
	}
}

// A span cover says what inSpans says for every offset, the spans
// overlapping, nested, empty or out of order.
func FuzzSpanCover(f *testing.F) {
	f.Add([]byte{3, 5, 0, 9, 4, 4, 7, 2})
	f.Fuzz(func(t *testing.T, b []byte) {
		var spans []lint.Span
		for i := 0; i+1 < len(b); i += 2 {
			spans = append(spans, lint.Span{Start: int(b[i] % 64), End: int(b[i]%64) + int(b[i+1]%16)})
		}
		c := newSpanCover(spans)
		for off := 0; off < 90; off++ {
			if got, want := c.has(off), inSpans(spans, off); got != want {
				t.Fatalf("%v at %d: %v, want %v", spans, off, got, want)
			}
		}
	})
}

// FuzzSpaceQuote holds spaceQuote to strings.Contains.
func FuzzSpaceQuote(f *testing.F) {
	for _, s := range []string{"", "'", " '", "a '", "'a", "it's 'quiet'", "x''", "  ''", "Luma'ya 'x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := spaceQuote(s), strings.Contains(s, " '"); got != want {
			t.Fatalf("spaceQuote(%q) = %v, want %v", s, got, want)
		}
	})
}
