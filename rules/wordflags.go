package rules

import (
	"slices"

	"github.com/msglint/msglint/lint"
)

// A rule that asks of every word of a message whether it is in a set
// ("them", a complementizer) or ends in one of a set's endings hashed the
// word once per set, or tried every ending, and found the language's set
// by a map look-up each time too. A wordFlags asks a language's questions
// once per word of a run: the answers, a bit a question, are kept by the
// word's id (lint.WordID), so a message's words are read with two loads
// each and no hash.

// wordBits are the answers of a wordFlags about one word, a bit a question.
type wordBits uint8

// maxWordSets is how many questions (sets) one wordFlags answers.
const maxWordSets = 8

// bitValues are every wordBits value, so that an answer kept by id points
// into them and keeping one allocates nothing.
var bitValues = func() (v [1 << maxWordSets]wordBits) {
	for i := range v {
		v[i] = wordBits(i)
	}
	return v
}()

// wordFlags answers a rule's questions about the words of one language's
// messages: of works out a word's bits from the word as written (w) and as
// rules compare it (norm), a pure function of the two, once per word.
type wordFlags struct {
	of   func(w, norm string) wordBits
	byID lint.WordValues[wordBits]
}

// setBits are the bits of sets (bit i: sets[i] holds the word's norm; a
// nil set holds nothing) and those text reads off the word as written
// (nil: none), which must use bits no set has.
func setBits(text func(string) wordBits, sets []map[string]bool) func(w, norm string) wordBits {
	if len(sets) > maxWordSets {
		panic("rules: too many word sets for one wordFlags")
	}
	return func(w, norm string) wordBits {
		var b wordBits
		if text != nil {
			b = text(w)
		}
		for i, set := range sets {
			if set[norm] {
				b |= 1 << i
			}
		}
		return b
	}
}

// appendBits appends the bits of each of m's tokens (m.Tokens(); 0 for a
// token that is no word) to dst, kept by the message's word ids (worked
// out here when the engine has not) and answered from a word's text the
// first time it is seen in a run: one pass a message, so that a rule reads a token's bits as often as it likes
// for a load.
func (f *wordFlags) appendBits(dst []wordBits, m *lint.Message) []wordBits {
	toks := m.Tokens()
	// The ids even for a rule that runs alone: numbering a word is one
	// look-up, and answering its questions by text every time costs each
	// set's endings folded again (a lone cta ran four times slower so).
	ids := m.WordIDs()
	text := m.Body.Text
	n := len(dst)
	dst = slices.Grow(dst, len(toks))[:n+len(toks)]
	bits := dst[n:]
	for i := range toks {
		t := &toks[i]
		if t.Kind != lint.Word {
			bits[i] = 0
			continue
		}
		var id lint.WordID
		if ids != nil {
			id = ids[i]
			if b := f.byID.Get(id); b != nil {
				bits[i] = *b
				continue
			}
		}
		b := f.of(text[t.Start:t.End], t.Norm)
		f.byID.Put(id, &bitValues[b])
		bits[i] = b
	}
	return dst
}

// bitsAt are the bits of m's token k (0 for a token that is no word),
// kept by its word id: for a rule that asks about a few of a message's
// words, not all of them (see appendBits).
func (f *wordFlags) bitsAt(m *lint.Message, k int) wordBits {
	return f.bitsOf(m.Body.Text, &m.Tokens()[k], m.WordIDs()[k])
}

// bitsOf are the bits of token t of text, a word of id id or no word.
func (f *wordFlags) bitsOf(text string, t *lint.Token, id lint.WordID) wordBits {
	if t.Kind != lint.Word {
		return 0
	}
	if b := f.byID.Get(id); b != nil {
		return *b
	}
	b := f.of(text[t.Start:t.End], t.Norm)
	f.byID.Put(id, &bitValues[b])
	return b
}

// anyHas reports whether a token's bits have every bit of want.
func anyHas(bits []wordBits, want wordBits) bool {
	for _, b := range bits {
		if b&want == want {
			return true
		}
	}
	return false
}

// langFlags are a rule's wordFlags by language, each made once and
// found once a message: a language the rule has no data for gets other,
// which must answer the same for every such language (its sets are empty).
type langFlags struct {
	byLang map[lint.Lang]*wordFlags
	// table is byLang read by the message's language without a hash.
	table lint.LangTable[*wordFlags]
	other *wordFlags
}

// langFlagsOf makes the flags of langs, of(l) a language's questions, and
// other those of the languages not in langs.
func langFlagsOf(langs map[lint.Lang]bool, of func(lint.Lang) func(w, norm string) wordBits, other func(w, norm string) wordBits) langFlags {
	lf := langFlags{byLang: map[lint.Lang]*wordFlags{}, other: &wordFlags{of: other}}
	for l := range langs {
		lf.byLang[l] = &wordFlags{of: of(l)}
	}
	lf.table = lint.NewLangTable(lf.byLang)
	return lf
}

// appendBits appends the bits of m's tokens in m's language (see
// wordFlags.appendBits).
func (lf langFlags) appendBits(dst []wordBits, m *lint.Message) []wordBits {
	return lf.of(m).appendBits(dst, m)
}

// of are the flags of m's language.
func (lf langFlags) of(m *lint.Message) *wordFlags {
	if f := lf.table.Of(m); f != nil {
		return f
	}
	return lf.other
}

// anyWord reports whether a word of m has a bit set, each word read by
// its id: a gate that passes over a message with none of a frame's words.
func (lf langFlags) anyWord(m *lint.Message) bool {
	f, toks, ids := lf.of(m), m.Tokens(), m.WordIDs()
	ids = ids[:len(toks)]
	for k := range toks {
		t := &toks[k]
		if t.Kind != lint.Word {
			continue
		}
		// Most words are known: their bits read here, with no call.
		if b := f.byID.Get(ids[k]); b != nil {
			if *b != 0 {
				return true
			}
			continue
		}
		if f.bitsOf(m.Body.Text, t, ids[k]) != 0 {
			return true
		}
	}
	return false
}

// setFlagsOf are the flags of one set by language (sets[l]): bit 0 of a
// word's bits says whether its language's set holds its norm, as
// sets[l][norm] does, read by word id instead of a hash of the word.
func setFlagsOf(sets map[lint.Lang]map[string]bool) langFlags {
	langs := map[lint.Lang]bool{}
	for l := range sets {
		langs[l] = true
	}
	return langFlagsOf(langs, func(l lint.Lang) func(w, norm string) wordBits {
		return setBits(nil, []map[string]bool{sets[l]})
	}, setBits(nil, nil))
}

// firstWords are a word set's phrases, split into words, by their first
// word (see byFirstWord), in one language; a word's phrases are kept by
// its id once looked up, so a message's words are read with no hash.
type firstWords struct {
	by   map[string][][]string
	byID lint.WordValues[[][]string]
}

// noPhrases is what a word that starts no phrase keeps.
var noPhrases [][]string

// of are the phrases that start with a word of norm norm and id id (0 or
// a nil firstWords: none known).
func (f *firstWords) of(norm string, id lint.WordID) [][]string {
	if f == nil {
		return nil
	}
	if p := f.byID.Get(id); p != nil {
		return *p
	}
	p, ok := f.by[norm]
	if !ok {
		f.byID.Put(id, &noPhrases)
		return nil
	}
	f.byID.Put(id, &p)
	return p
}
