package rules

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// errorModel prices the edits that turn a misspelling into a word: a slip
// on a neighbouring key or a letter written without its accent costs less
// than any other substitution, a doubled or undoubled letter less than
// another insertion or deletion. The letters, keyboard rows and confusable
// pairs are the language's data (spelling.yaml, words:).
type errorModel struct {
	alphabet []rune
	near     map[[2]rune]bool // keys next to each other
	confused map[[2]rune]bool // letters writers mix up (ş/s, e/ə, k/q)
	inserted map[rune]bool    // letters writers drop (az h: xaiş)
}

// Edit costs; a suggestion is reported only within maxCost.
const (
	costConfused   = 0.4
	costDoubling   = 0.3
	costNear       = 0.6
	costSwap       = 0.6
	costDropped    = 0.5
	costOther      = 1.0
	costClitic     = 0.5 // a particle written attached: günüde -> günü de
	maxCost        = 1.0
	maxCostEnglish = 1.2
)

func newErrorModel(words map[string][]string) errorModel {
	m := errorModel{near: map[[2]rune]bool{}, confused: map[[2]rune]bool{}, inserted: map[rune]bool{}}
	for _, a := range words["alphabet"] {
		m.alphabet = append(m.alphabet, []rune(a)...)
	}
	for _, row := range words["keyboard"] {
		rs := []rune(row)
		for i := 0; i+1 < len(rs); i++ {
			m.near[[2]rune{rs[i], rs[i+1]}], m.near[[2]rune{rs[i+1], rs[i]}] = true, true
		}
	}
	for _, p := range words["confused"] {
		rs := []rune(strings.ReplaceAll(p, " ", ""))
		if len(rs) == 2 {
			m.confused[[2]rune{rs[0], rs[1]}], m.confused[[2]rune{rs[1], rs[0]}] = true, true
		}
	}
	for _, s := range words["dropped"] {
		for _, r := range s {
			m.inserted[r] = true
		}
	}
	return m
}

// candidate is a suggested word and what the edit cost.
type candidate struct {
	word string
	cost float64
}

// edits calls fn with every word one edit from w (lower case, as runes)
// and its cost; turkicOnly keeps to the model's cheap edits (confused
// letters, doubling, dropped letters).
func (m *errorModel) edits(w []rune, turkicOnly bool, fn func(string, float64)) {
	buf := make([]rune, 0, len(w)+1)
	emit := func(c float64) { fn(string(buf), c) }
	// Deletions: the word has a letter too many.
	for i := range w {
		c := costOther
		if i > 0 && w[i-1] == w[i] || i+1 < len(w) && w[i+1] == w[i] {
			c = costDoubling
		} else if turkicOnly {
			continue
		}
		buf = append(append(buf[:0], w[:i]...), w[i+1:]...)
		emit(c)
	}
	// Transpositions.
	if !turkicOnly {
		for i := 0; i+1 < len(w); i++ {
			if w[i] == w[i+1] {
				continue
			}
			buf = append(buf[:0], w...)
			buf[i], buf[i+1] = buf[i+1], buf[i]
			emit(costSwap)
		}
	}
	// Substitutions.
	for i := range w {
		for _, r := range m.alphabet {
			if r == w[i] {
				continue
			}
			c := costOther
			switch {
			case m.confused[[2]rune{w[i], r}]:
				c = costConfused
			case turkicOnly:
				continue
			case m.near[[2]rune{w[i], r}]:
				c = costNear
			}
			buf = append(buf[:0], w...)
			buf[i] = r
			emit(c)
		}
	}
	// Insertions: the word lacks a letter.
	for i := 0; i <= len(w); i++ {
		for _, r := range m.alphabet {
			c := costOther
			switch {
			case i > 0 && w[i-1] == r || i < len(w) && w[i] == r:
				c = costDoubling
			case m.inserted[r]:
				c = costDropped
			case turkicOnly:
				continue
			}
			buf = append(append(append(buf[:0], w[:i]...), r), w[i:]...)
			emit(c)
		}
	}
}

// suggest ranks the known words near a misspelt one (lower case): by the
// cost of the edit, then by how common the word is. Two edits are tried
// only when one finds nothing, and only cheap ones. A suggestion is always
// a correct word, never another misspelling.
func (lx *lexicon) suggest(lw string) []candidate {
	cands, _, _ := lx.ranked(lw)
	return cands
}

// ranked is suggest with the pick --fix may apply (confidentPick),
// remembered per word.
func (lx *lexicon) ranked(lw string) ([]candidate, string, bool) {
	r := lx.suggestMemo.get(lw, func() ranking {
		cands := lx.rank(lw)
		right, sure := lx.confidentPick(cands)
		return ranking{cands, right, sure}
	})
	return r.cands, r.right, r.sure
}

type ranking struct {
	cands []candidate
	right string
	sure  bool
}

// maxSuggestRunes is the longest stem the suggestion edits are tried on.
// The longest word of the shipped lists has 45 letters
// (pneumonoultramicroscopicsilicovolcanoconiosis; TestLongestListedWord
// holds it) and one or two edits change a length by at most two, so a
// longer stem has no suggestion; trying costs the square of its length (a
// 2 500-letter "word" took seconds).
const maxSuggestRunes = 48

func (lx *lexicon) rank(lw string) []candidate {
	if utf8.RuneCountInString(lw) > 2*maxSuggestRunes {
		// Not even two list words written together.
		return nil
	}
	best := map[string]float64{}
	add := func(s string, c float64) {
		if old, ok := best[s]; !ok || c < old {
			best[s] = c
		}
	}
	// Where a suffix chain may begin, the stem before it is what is
	// misspelt (təşəkürlər); the whole word is a stem too.
	splits := []int{len(lw)}
	if lx.m != nil {
		splits = append(splits, lx.m.Splits(lw)...)
	}
	for _, at := range splits {
		stem, rest := []rune(lw[:at]), lw[at:]
		if len(stem) < 2 || len(stem) > maxSuggestRunes {
			continue
		}
		lx.model.edits(stem, lx.confident, func(s string, c float64) {
			if _, seen := best[s+rest]; seen || !lx.d.Suggestable(s) && (rest == "" || !lx.d.Has(s)) {
				return
			}
			if rest == "" || lx.known(s+rest) {
				add(s+rest, c)
			}
		})
	}
	lx.spokenForms(lw, add)
	lx.splitWords(lw, add)
	if len(best) == 0 && !lx.confident && lx.m == nil && utf8.RuneCountInString(lw) <= maxSuggestRunes {
		// Two cheap edits (reccomend -> recommend): each first edit
		// is extended by a doubling, an undoubling or a swap.
		lx.model.edits([]rune(lw), false, func(s string, c float64) {
			if c > costNear {
				return
			}
			lx.model.edits([]rune(s), true, func(s2 string, c2 float64) {
				if c+c2 <= maxCostEnglish && lx.d.Suggestable(s2) {
					add(s2, c+c2)
				}
			})
		})
	}
	if lx.neighbour != "" {
		// A suggestion is a word of the language itself: not a
		// neighbour's word this rule would report (teşəkkür: təşəkkür,
		// not Turkish teşekkür), nor one that passes only as a
		// neighbour's stem with suffixes (tətiklər: not tetiklər).
		for s := range best {
			if lx.neighbourWord(s) != "" || lx.weight(firstWord(s)) == 0 {
				delete(best, s)
			}
		}
	}
	out := make([]candidate, 0, len(best))
	limit := maxCost
	if lx.m == nil {
		// English: only the cheap slips, one or two; the list is big
		// enough that a plain one-letter change often lands on a word.
		limit = maxCostEnglish
	}
	long := utf8.RuneCountInString(lw) >= 7
	for s, c := range best {
		// Any letter changed anyhow lands on some word in a short
		// one: such edits count only in long words.
		if c <= limit && s != lw && (long || c < costOther) {
			out = append(out, candidate{s, c})
		}
	}
	weights := map[string]int{}
	for _, c := range out {
		weights[c.word] = lx.weight(firstWord(c.word))
	}
	slices.SortFunc(out, func(a, b candidate) int {
		switch {
		case a.cost != b.cost:
			if a.cost < b.cost {
				return -1
			}
			return 1
		case weights[a.word] != weights[b.word]:
			return weights[b.word] - weights[a.word]
		}
		return strings.Compare(a.word, b.word)
	})
	if len(out) > 3 {
		out = out[:3]
	}
	return out
}

func firstWord(s string) string {
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
}

// spokenForms suggests the written norm of a spoken form written down
// (yoxlıyırıq -> yoxlayırıq): each rewrite of the language's data at each
// place it fits, as cheap as a confused letter.
func (lx *lexicon) spokenForms(lw string, add func(string, float64)) {
	for _, r := range lx.spoken {
		for from := 0; ; {
			i := strings.Index(lw[from:], r[0])
			if i < 0 {
				break
			}
			i += from
			from = i + len(r[0])
			// The norm is about a verb stem's last vowel before the
			// y of a suffix (saxla-yır); a first-syllable vowel is the
			// root's own (buyrun, yuyulmaq, düyü).
			if !strings.ContainsFunc(lw[:i], isVowel) {
				continue
			}
			rest := lw[i+len(r[0]):]
			// The suffix vowels after it lose the rounding the spoken
			// vowel gave them (gözlüyürük -> gözləyirik).
			for _, s := range []string{lw[:i] + r[1] + rest, lw[:i] + r[1] + unround.Replace(rest)} {
				if s != lw && lx.known(s) {
					add(s, costConfused)
					break
				}
			}
		}
	}
}

var unround = strings.NewReplacer("u", "ı", "ü", "i")

// splitWords suggests a particle written attached to the word before it
// (günüde -> günü de), and a noun of place or time the language writes apart
// (çevrimiçi -> çevrim içi). Other words run together are not split: a
// compound the dictionary lacks (bootcamp) is more often right than wrong.
func (lx *lexicon) splitWords(lw string, add func(string, float64)) {
	words := spellingDoc.Langs[lx.lang].Words
	clitics := append(slices.Clip(words["clitics"]), words["apart"]...)
	for i := range lw {
		if i == 0 {
			continue
		}
		left, right := lw[:i], lw[i:]
		if utf8.RuneCountInString(left) < 2 || utf8.RuneCountInString(right) < 2 {
			continue
		}
		if slices.Contains(clitics, right) && lx.known(left) {
			add(left+" "+right, costClitic)
		}
	}
}

// confidentPick is the suggestion --fix may apply: the only one at the
// lowest cost, or one at least ten times as common as the next there.
func (lx *lexicon) confidentPick(cands []candidate) (string, bool) {
	if len(cands) == 0 {
		return "", false
	}
	if len(cands) == 1 || cands[1].cost > cands[0].cost {
		return cands[0].word, true
	}
	a, b := lx.weight(firstWord(cands[0].word)), lx.weight(firstWord(cands[1].word))
	return cands[0].word, a >= 10*max(b, 1)
}

// commoner is the Azerbaijani check of a word the list accepts: the list
// is a web crawl and keeps some misspellings, so a word is reported when
// restoring a dropped double consonant or a missing h gives a word whose paradigm on the list is far larger
// (sure: --fix may apply it); failing that, when a confused letter or a
// spoken form's rewrite does by a far wider margin (swapCommoner; not sure:
// such a fix is one of two real-looking words).
func (lx *lexicon) commoner(lw string) (word string, sure bool) {
	f := lx.commonerMemo.get(lw, func() commonerFix { return lx.findCommoner(lw) })
	return f.word, f.sure
}

// commonerFix is what commoner found: a word, and whether it is clear.
type commonerFix struct {
	word string
	sure bool
}

func (lx *lexicon) findCommoner(lw string) commonerFix {
	// The word must be rare on the list and the fix at least three times
	// as common and common in its own right.
	const rare, ratio, floor = 5, 3, 10
	if utf8.RuneCountInString(lw) < 5 {
		return commonerFix{}
	}
	own := lx.weight(lw)
	if own > rare {
		return commonerFix{}
	}
	var pick string
	var pickN int
	try := func(s string) {
		if !lx.known(s) {
			return
		}
		if n := lx.weight(s); n >= floor && n >= ratio*max(own, 1) && n > pickN {
			pick, pickN = s, n
		}
	}
	rs := []rune(lw)
	for i := 0; i <= len(rs); i++ {
		// A consonant doubled where the word has it once, or an h.
		if i > 0 && !isVowel(rs[i-1]) {
			try(string(rs[:i]) + string(rs[i-1]) + string(rs[i:]))
		}
		if lx.model.inserted['h'] {
			try(string(rs[:i]) + "h" + string(rs[i:]))
		}
	}
	if pick == "" && own <= swapRare {
		return commonerFix{word: lx.swapCommoner(lw, rs)}
	}
	return commonerFix{word: pick, sure: pick != ""}
}

// Thresholds of swapCommoner: a confused letter makes real minimal pairs,
// so the word must be all but unattested and the fix's family large.
// A spoken form needs less: the norm already says it is wrong, and the
// family only has to show that the written form is the one in use. Both
// ratios were set on the list itself (every rare word on it checked; the
// pairs they report judged by hand), not on any test sentence.
const swapRare, swapRatio, spokenRatio, swapFloor = 2, 20, 7, 30

// swapCommoner is commoner for a confused letter (əlagə: əlaqə) or a spoken
// form written down (gözlüyün: gözləyin): the family that shares the fix's
// beginning up to the changed letter must be far larger than the word's.
// A family, not the word's own paradigm, because the list lacks most forms
// of a verb and a slip spreads over few of them.
func (lx *lexicon) swapCommoner(lw string, rs []rune) string {
	var pick string
	var pickN int
	try := func(s string, at, ratio int) {
		if s == lw || !lx.known(s) {
			return
		}
		n := lx.d.Forms(prefixRunes(s, at))
		if n >= swapFloor && n >= ratio*max(lx.d.Forms(prefixRunes(lw, at)), 1) && n > pickN {
			pick, pickN = s, n
		}
	}
	for i, r := range rs {
		for _, c := range lx.model.alphabet {
			if c != r && lx.model.confused[[2]rune{r, c}] {
				t := slices.Clone(rs)
				t[i] = c
				try(string(t), i, swapRatio)
			}
		}
	}
	// A spoken form's family is the beginning through the rewritten
	// letters (olmay- against olmuy-), as the vowel alone is shared by
	// other words (olmuş).
	lx.spokenForms(lw, func(s string, _ float64) {
		i := 0
		for i < len(s) && i < len(lw) && s[i] == lw[i] {
			i++
		}
		try(s, utf8.RuneCountInString(lw[:i])+1, spokenRatio)
	})
	return pick
}

// prefixRunes is s up to and including the rune at index at, and at least
// four runes: shorter beginnings are shared by unrelated words.
func prefixRunes(s string, at int) string {
	n := max(at+1, 4)
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// rareSlip is the English check of a word only the larger, rarer list
// has (it is never suggested): such a word one confused letter or one
// doubling from a single common word is far likelier a slip for it
// (calender: calendar) than meant; farther ones (sommelier) are words.
func (lx *lexicon) rareSlip(word string) (string, bool) {
	if lx.m != nil || !isLowerASCII(word) || !lx.d.Has(word) || lx.d.Suggestable(word) || utf8.RuneCountInString(word) < minChecked {
		return "", false
	}
	cands, right, sure := lx.ranked(word)
	if !sure || cands[0].cost > costConfused {
		return "", false
	}
	return right, true
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

func isVowel(r rune) bool { return strings.ContainsRune("aeıioöuüəâîû", r) }
