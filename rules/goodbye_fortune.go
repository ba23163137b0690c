package rules

import (
	"slices"
	"strings"

	"github.com/msglint/msglint/lint"
)

// fortuneTail holds the words of a verbless wish of fair conditions for a
// time to come (see timedFortune): the adjectives and nouns of the sailor's
// wind, sea and tide and the angler's line (fortune_tail_adjectives,
// fortune_tail_nouns; not of goods, roads or the weather of an update:
// "Warm drinks this weekend", "Fair prices all year", "Clear skies this
// weekend" announce) and the spans that open the time ("for the rest of").
type fortuneTail struct {
	adjectives, nouns map[lint.Lang]map[string]bool
	spans             map[lint.Lang][][]string
}

var goodbyeFortuneTail = fortuneTail{
	adjectives: goodbyeData.WordSets("fortune_tail_adjectives"),
	nouns:      goodbyeData.WordSets("fortune_tail_nouns"),
	spans:      phrases(goodbyeData.WordSets("fortune_time_spans")),
}

// timedFortune reports whether the message's last sentence, not its first, is a
// verbless wish of fair conditions for a time to come: one of
// fortune_tail_adjectives and one of fortune_tail_nouns opening it, then a time, one of
// wish_times or until and one or two words ("Tight lines this weekend",
// "Calm seas next trip") or one of fortune_time_spans and one to three
// words ("Fair winds for the rest of the season"), and nothing more. A
// question, a verb or any other word after the noun ("Calm seas are
// forecast this weekend", "Fair winds and sunshine expected") makes it none.
func (gw *goodbyeWords) timedFortune(m *lint.Message) bool {
	l := m.Lang
	adjs := goodbyeFortuneTail.adjectives[l]
	if adjs == nil {
		return false
	}
	toks := m.Tokens()
	// Most closings hold none of the adjectives: no sentence is read then.
	if !slices.ContainsFunc(toks, func(t lint.Token) bool { return t.Kind == lint.Word && adjs[t.Norm] }) {
		return false
	}
	sents := m.Sentences()
	for si, s := range sents {
		if si == 0 || si != len(sents)-1 {
			continue // opening the message it announces, or news before more
		}
		text := strings.TrimRight(m.Body.Text[s.Start:s.End], " \t\n\"'”’)")
		if strings.HasSuffix(text, "?") || strings.HasSuffix(text, ":") {
			continue
		}
		var words []string
		for _, t := range toks {
			if t.Start >= s.Start && t.End <= s.End && t.Kind == lint.Word && !noLetters(t.Norm) {
				words = append(words, t.Norm)
			}
		}
		if len(words) < 4 || len(words) > 9 || !adjs[words[0]] || !goodbyeFortuneTail.nouns[l][words[1]] {
			continue
		}
		rest := words[2:]
		if (gw.wishTimes[l][rest[0]] || gw.until[l][rest[0]]) && len(rest) <= 3 {
			return true
		}
		for _, sp := range goodbyeFortuneTail.spans[l] {
			if len(rest) > len(sp) && len(rest) <= len(sp)+3 && slices.Equal(rest[:len(sp)], sp) {
				return true
			}
		}
	}
	return false
}

// goodbyeAccusative holds the accusative endings (accusative_endings) that
// mark the word right before a glad_back cue as its object.
var goodbyeAccusative = goodbyeData.WordSets("accusative_endings")

// gladBack reports whether one of the glad_back cues, being glad of the
// customer's writing again or coming back ("Yenidən yazsanız, sevinərik"),
// is a courtesy: not when the word right before it is in the accusative,
// the object of the verb ("Ünvanı yenidən yazsanız sevinərik", "onu yenidən
// yazsanız"), which asks for something to be sent again.
func gladBack(m *lint.Message, found []lint.Match) bool {
	toks := m.Tokens()
	for _, f := range found {
		if f.First < 0 || f.First >= len(toks) {
			return true
		}
		prev := neighbour(toks, f.First, -1)
		if prev >= 0 && toks[prev].Kind == lint.Word && endsWithAny(toks[prev].Norm, goodbyeAccusative[m.Lang]) {
			continue
		}
		return true
	}
	return false
}
