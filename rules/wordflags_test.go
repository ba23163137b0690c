package rules

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
)

// FuzzWordFlags holds the bits forwarding-consent, cta and goodbye read by
// word id to the questions they asked of each word before: noCapital and
// the pronoun, contrast, owner and not-owned sets, a relative clause's
// and an owned object's endings (forwarding), the complementizer and "enough" sets, the
// latter as written or folded, and the ability, imperative and
// not-imperative endings, compared as written and folded (cta), an
// inability ending, as written and folded (bot-handoff), an offer adverb's first word and
// "have" or a wish verb (goodbye). Each message is read with its ids
// twice (the bits worked out, then remembered) and without them.
func FuzzWordFlags(f *testing.F) {
	fw, g, gw := newForwardingWords(), newCTAGrammar(), newGoodbyeWords(nil)
	inability := map[lint.Lang][]string{}
	for l, set := range bothandoffData.WordSets("inability_endings") {
		inability[l] = slices.Sorted(maps.Keys(set))
	}
	deadEnd := inabilityFlags(inability)
	var words []string
	for _, advs := range gw.offerAdverbs {
		for _, adv := range advs {
			words = append(words, strings.Join(adv, " "))
		}
	}
	for _, sets := range []map[lint.Lang]map[string]bool{fw.pronouns, fw.contrast, fw.owner, fw.notOwned, g.complementizers, g.enough, g.abilityYou, gw.wishVerbs} {
		for _, set := range sets {
			for w := range set {
				words = append(words, w)
			}
		}
	}
	for _, s := range []string{"We handed them your name, then gave HIM the box.", "Send it to Ahmet and İlker's team; iTicket has it.",
		"Bu kadar yeter, ki İSTANBUL'a gönderdik. Verdiğiniz belgelerinizi, ama CV-nizi değil", "Verdiyiniz ərazi planınızı göndərdik",
		"Hemen gönderin! Gonderin, yazdınız. Gondərin və yazın", "Göndərin, saxlayın: yazdıq", "Yanıtlayamıyorum, işlenemedi; YAPAMADIK. yapamiyorum", "Sadəcə bu qədər kifayətdir ki, Bakı'ya göndərdik.", "ÇAĞRI ı İ i Ş ş Ə ə ÉCOLE",
		strings.Join(words, " "), strings.ToUpper(strings.Join(words, ", "))} {
		for l := range 3 {
			f.Add(s, uint8(l))
		}
	}
	f.Fuzz(func(t *testing.T, text string, pick uint8) {
		l := lint.Langs[int(pick)%3]
		want := func(m *lint.Message, i int) (fwBits, ctaBits, gwBits, deBits wordBits) {
			tk := m.Tokens()[i]
			if tk.Kind != lint.Word {
				return 0, 0, 0, 0
			}
			for _, e := range inability[l] {
				if len(tk.Norm) > len(e)+1 && hasEnding(l, tk.Norm, e, false) {
					deBits |= inabilityBit
				}
				if len(tk.Norm) > len(e)+1 && hasEnding(l, tk.Norm, e, true) {
					deBits |= inabilityFoldedBit
				}
			}
			for _, adv := range gw.offerAdverbs[l] {
				if len(adv) == 0 || adv[0] == tk.Norm {
					gwBits |= adverbStartBit
				}
			}
			if tk.Norm == "have" || gw.wishVerbs[l][tk.Norm] {
				gwBits |= haveOrWishBit
			}
			if !noCapital(m.Body.Text[tk.Start:tk.End]) {
				fwBits |= capitalBit
			}
			if fw.pronouns[l][tk.Norm] {
				fwBits |= pronounBit
			}
			if fw.contrast[l][tk.Norm] {
				fwBits |= contrastBit
			}
			if fw.owner[l][tk.Norm] {
				fwBits |= ownerBit
			}
			if fw.notOwned[l][tk.Norm] {
				fwBits |= notOwnedBit
			}
			if len(tk.Norm) > 6 && fw.relativeYouSet[l] != nil && fw.relativeYouSet[l].match(l, tk.Norm, false) {
				fwBits |= relativeYouBit
			}
			for _, e := range fw.ownedList[l] {
				if strings.HasSuffix(tk.Norm, e) {
					fwBits |= ownedEndingBit
				}
			}
			if g.complementizers[l][tk.Norm] {
				ctaBits |= complementizerBit
			}
			for _, e := range []struct {
				set        map[string]bool
				self       bool
				bit, fbits wordBits
			}{{g.abilityYou[l], true, ableBit, ableFoldedBit}, {g.imperatives[l], false, imperativeBit, imperativeFoldedBit},
				{g.notImperative[l], false, notImperativeBit, notImperativeFoldedBit}} {
				for _, folded := range []bool{false, true} {
					bit := e.bit
					if folded {
						bit = e.fbits
					}
					if e.self && e.set[tk.Norm] {
						ctaBits |= bit
					}
					for end := range e.set {
						if endsIn(l, tk.Norm, end, 1, folded) {
							ctaBits |= bit
						}
					}
				}
			}
			var fold [64]byte
			if enough := g.enough[l]; enough != nil && (enough[string(lint.AppendFold(fold[:0], l, tk.Norm))] || enough[tk.Norm]) {
				ctaBits |= enoughBit
			}
			return fwBits, ctaBits, gwBits, deBits
		}
		withIDs := load.Options{Lang: l}.Text("draft", text)
		withIDs.WordIDs()
		without := load.Options{Lang: l}.Text("draft", text)
		for _, read := range []struct {
			how string
			m   *lint.Message
		}{{"by id", withIDs}, {"remembered by id", withIDs}, {"by text", without}} {
			fwBits, ctaBits, gwBits := fw.flags.appendBits(nil, read.m), g.flags.appendBits([]wordBits{7}, read.m)[1:], gw.flags.appendBits(nil, read.m)
			deBits := deadEnd.appendBits(nil, read.m)
			if n := len(read.m.Tokens()); len(fwBits) != n || len(ctaBits) != n || len(gwBits) != n || len(deBits) != n {
				t.Fatalf("%s %q (%s): %d, %d, %d and %d bits for %d tokens", l, text, read.how, len(fwBits), len(ctaBits), len(gwBits), len(deBits), n)
			}
			for i := range read.m.Tokens() {
				if wf, wc, wg, wd := want(read.m, i); fwBits[i] != wf || ctaBits[i] != wc || gwBits[i] != wg || deBits[i] != wd {
					t.Fatalf("%s %q (%s), token %d %q: bits %08b %08b %08b %08b, want %08b %08b %08b %08b", l, text, read.how, i, read.m.Tokens()[i].Norm,
						fwBits[i], ctaBits[i], gwBits[i], deBits[i], wf, wc, wg, wd)
				}
			}
		}
	})
}

// TestWordFlagsOtherLanguage: a language neither rule has data for asks
// the text's bits only, and its answers kept by id are those of any other
// such language.
func TestWordFlagsOtherLanguage(t *testing.T) {
	fw := newForwardingWords()
	m := load.Options{Lang: "de"}.Text("draft", "Wir senden es an Anna und ihn")
	m.WordIDs()
	got := fw.flags.appendBits(nil, m)
	var want []wordBits
	for _, tk := range m.Tokens() {
		switch {
		case tk.Kind != lint.Word || noCapital(m.Body.Text[tk.Start:tk.End]):
			want = append(want, 0)
		default:
			want = append(want, capitalBit)
		}
	}
	if !slices.Contains(want, capitalBit) || !slices.Equal(got, want) {
		t.Errorf("bits %v, want %v with a capital", got, want)
	}
}

// TestSetFlags: a set's flags answer as the set does, each word's norm
// looked up in its language's set, read with ids and without, and a
// language the sets lack holds no word.
func TestSetFlags(t *testing.T) {
	sets := sarcasmCustomer().properties
	flags := setFlagsOf(sets)
	for _, l := range append(slices.Clone(lint.Langs[:3]), "de") {
		var words []string
		for _, set := range sets {
			words = append(words, slices.Sorted(maps.Keys(set))...)
		}
		text := strings.Join(words, " ") + " and " + strings.ToUpper(strings.Join(words, ", ")) + " İlker çay"
		withIDs := load.Options{Lang: l}.Text("draft", text)
		withIDs.WordIDs()
		without := load.Options{Lang: l}.Text("draft", text)
		for _, m := range []*lint.Message{withIDs, withIDs, without} {
			got := flags.appendBits(nil, m)
			hits := 0
			for i, tk := range m.Tokens() {
				want := wordBits(0)
				if tk.Kind == lint.Word && sets[l][tk.Norm] {
					want, hits = 1, hits+1
				}
				if got[i] != want {
					t.Fatalf("%s token %d %q: bits %b, want %b", l, i, tk.Norm, got[i], want)
				}
			}
			if (hits > 0) != (sets[l] != nil) {
				t.Errorf("%s: %d words of the set found", l, hits)
			}
		}
	}
}
