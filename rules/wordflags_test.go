package rules

import (
	"slices"
	"strings"
	"testing"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
)

// FuzzWordFlags holds the bits forwarding-consent and cta read by word id
// to the questions they asked of each word before: noCapital and the
// pronoun set (forwarding), the complementizer and "enough" sets, the
// latter as written or folded (cta). Each message is read with its ids
// twice (the bits worked out, then remembered) and without them.
func FuzzWordFlags(f *testing.F) {
	fw, g := newForwardingWords(), newCTAGrammar()
	var words []string
	for _, sets := range []map[lint.Lang]map[string]bool{fw.pronouns, g.complementizers, g.enough} {
		for _, set := range sets {
			for w := range set {
				words = append(words, w)
			}
		}
	}
	for _, s := range []string{"We handed them your name, then gave HIM the box.", "Send it to Ahmet and İlker's team; iTicket has it.",
		"Bu kadar yeter, ki İSTANBUL'a gönderdik.", "Sadəcə bu qədər kifayətdir ki, Bakı'ya göndərdik.", "ÇAĞRI ı İ i Ş ş Ə ə ÉCOLE",
		strings.Join(words, " "), strings.ToUpper(strings.Join(words, ", "))} {
		for l := range 3 {
			f.Add(s, uint8(l))
		}
	}
	f.Fuzz(func(t *testing.T, text string, pick uint8) {
		l := lint.Langs[int(pick)%3]
		want := func(m *lint.Message, i int) (fwBits, ctaBits wordBits) {
			tk := m.Tokens()[i]
			if tk.Kind != lint.Word {
				return 0, 0
			}
			if !noCapital(m.Body.Text[tk.Start:tk.End]) {
				fwBits |= capitalBit
			}
			if fw.pronouns[l][tk.Norm] {
				fwBits |= pronounBit
			}
			if g.complementizers[l][tk.Norm] {
				ctaBits |= complementizerBit
			}
			var fold [64]byte
			if enough := g.enough[l]; enough != nil && (enough[string(lint.AppendFold(fold[:0], l, tk.Norm))] || enough[tk.Norm]) {
				ctaBits |= enoughBit
			}
			return fwBits, ctaBits
		}
		withIDs := load.Options{Lang: l}.Text("draft", text)
		withIDs.WordIDs()
		without := load.Options{Lang: l}.Text("draft", text)
		for _, read := range []struct {
			how string
			m   *lint.Message
		}{{"by id", withIDs}, {"remembered by id", withIDs}, {"by text", without}} {
			fwBits, ctaBits := fw.flags.appendBits(nil, read.m), g.flags.appendBits([]wordBits{7}, read.m)[1:]
			if len(fwBits) != len(read.m.Tokens()) || len(ctaBits) != len(read.m.Tokens()) {
				t.Fatalf("%s %q (%s): %d and %d bits for %d tokens", l, text, read.how, len(fwBits), len(ctaBits), len(read.m.Tokens()))
			}
			for i := range read.m.Tokens() {
				if wf, wc := want(read.m, i); fwBits[i] != wf || ctaBits[i] != wc {
					t.Fatalf("%s %q (%s), token %d %q: bits %08b %08b, want %08b %08b", l, text, read.how, i, read.m.Tokens()[i].Norm,
						fwBits[i], ctaBits[i], wf, wc)
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
