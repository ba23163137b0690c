package rules

import (
	"slices"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
)

// FuzzAntecedents holds the pronoun's antecedent, found from what a message
// offers worked out once, to the search from each pronoun back to the
// message's start it replaced.
func FuzzAntecedents(f *testing.F) {
	for _, s := range []string{"SnackPoint will contact you, as we've handed them your name.",
		"The courier company and Tom from our team: we handed them your name, then gave them the box.",
		"Our driver, Tom, has it. We sent them your address and iTicket gave them your seat.", "them them. Them",
		"The airline, the insurer and DHL Express: we passed them your passport."} {
		for l := range 3 {
			f.Add(s, uint8(l))
		}
	}
	fw, pb := newForwardingWords(), forwardingLexicon.compile()
	f.Fuzz(func(t *testing.T, text string, pick uint8) {
		m := load.Options{Lang: lint.Langs[int(pick)%3]}.Text("draft", text)
		toks := m.Tokens()
		all := pb.findAll(m)
		folded := lint.Folded(m.Lang, text)
		a := fw.newAntecedents(m, toks, all, folded)
		for j, tk := range toks {
			if tk.Kind != lint.Word || !fw.pronouns[m.Lang][tk.Norm] {
				continue
			}
			want, wok := fw.antecedentByScan(m, toks, all, j)
			got, gok := a.find(fw, m.Lang, toks, j)
			if wok != gok || wok && (want.Span != got.Span || want.Cue != got.Cue || want.First != got.First || want.Last != got.Last) {
				t.Fatalf("%q, pronoun %d: %v %v, by scan %v %v", text, j, got, gok, want, wok)
			}
		}
	})
}

// antecedentByScan is the third party a pronoun at token j stands for, as
// found before by a search back from each pronoun: the nearest
// before it in the message, a third-party cue or a name (a capitalised word
// inside a sentence that the language does not have as a common word),
// neither the customer's nor our own team's.
func (fw *forwardingWords) antecedentByScan(m *lint.Message, toks []lint.Token, all map[string][]lint.Match, j int) (lint.Match, bool) {
	var best lint.Match
	found := false
	folded := lint.Folded(m.Lang, m.Body.Text)
	for _, t := range all["third"] {
		if t.Last < j && (!found || t.Last > best.Last) && !fw.customers(m, toks, t, folded) &&
			!slices.ContainsFunc(all["own"], func(o lint.Match) bool { return sharesByte(o, t) || o.First == t.Last+1 }) {
			best, found = t, true
		}
	}
	for i := j - 1; i > 0 && (!found || i > best.Last); i-- {
		t := toks[i]
		if t.Kind != lint.Word || sentenceStart(toks, i) {
			continue
		}
		w := m.Body.Text[t.Start:t.End]
		r, _ := utf8.DecodeRuneInString(w)
		if (unicode.IsUpper(r) || camelCase(w)) && utf8.RuneCountInString(w) >= 3 && !allCaps(w) && !commonWord(m.Lang, w) {
			if fw.nearOurs(m.Lang, toks, i) {
				return lint.Match{}, false // "our driver, Tom", "Tom from our team"
			}
			return lint.Match{Cue: "name", Span: lint.Span{Start: t.Start, End: t.End}, First: i, Last: i}, true
		}
	}
	return best, found
}
