package rules

import "math/bits"

// wordTable is a read-only map from words to their fixes, built once when
// a list loads, for the look-ups of every word of every text: a word and
// each of its stems are looked up by hashes worked out in one pass over the
// lowered word (hashFrom), where a Go map would hash each stem afresh.
// Slots are probed linearly from the hash's top bits; the table is at most
// half full, so a word that is not there (most words) ends at an empty slot
// or a slot of another hash at once.
type wordTable struct {
	slots []wordSlot
	shift uint // 64 - log2(len(slots))
}

type wordSlot struct {
	hash  uint64
	key   string
	val   string
	flag  bool // what the list says of the word besides its fix (exact)
	taken bool
}

// newWordTable builds the table of words; flag marks the words it returns
// true for.
func newWordTable(words map[string]string, flag func(string) bool) wordTable {
	size := 16
	for size < 2*len(words) {
		size *= 2
	}
	t := wordTable{slots: make([]wordSlot, size), shift: uint(64 - bits.TrailingZeros(uint(size)))}
	for w, v := range words {
		h := hashOf(w)
		i := t.index(h)
		for t.slots[i].taken {
			i = (i + 1) & (len(t.slots) - 1)
		}
		t.slots[i] = wordSlot{hash: h, key: w, val: v, flag: flag != nil && flag(w), taken: true}
	}
	return t
}

// newWordSet is a table of words with no fixes.
func newWordSet(words map[string]bool) wordTable {
	m := make(map[string]string, len(words))
	for w := range words {
		m[w] = ""
	}
	return newWordTable(m, nil)
}

func (t *wordTable) index(h uint64) int {
	// Fibonacci hashing: the top bits of the product depend on every bit
	// of the hash, which FNV mixes into its low bits poorly.
	return int((h * 0x9E3779B97F4A7C15) >> t.shift)
}

// get looks up word, whose hash is h (hashOf(word)).
func (t *wordTable) get(h uint64, word []byte) (val string, flag, ok bool) {
	if len(t.slots) == 0 {
		return "", false, false
	}
	mask := len(t.slots) - 1
	for i := t.index(h); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if !s.taken {
			return "", false, false
		}
		if s.hash == h && s.key == string(word) {
			return s.val, s.flag, true
		}
	}
}

// has reports whether word, whose hash is h, is in the table.
func (t *wordTable) has(h uint64, word []byte) bool {
	_, _, ok := t.get(h, word)
	return ok
}

// FNV-1a, byte by byte: the hash of a word's prefix is the state after its
// bytes, so a word's hash goes on from its stem's.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashStep(h uint64, c byte) uint64 { return (h ^ uint64(c)) * fnvPrime }

func hashOf[S string | []byte](s S) uint64 { return hashFrom(fnvOffset, s) }

// hashFrom goes on hashing from h, the hash of what came before s.
func hashFrom[S string | []byte](h uint64, s S) uint64 {
	for i := 0; i < len(s); i++ {
		h = hashStep(h, s[i])
	}
	return h
}
