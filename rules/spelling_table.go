package rules

import "math/bits"

// wordTable is a read-only map from words to their fixes, built once when
// a list loads, for the look-ups of every word of every text: a word and
// each of its stems are looked up by hashes worked out in one pass over the
// lowered word (hashFrom), where a Go map would hash each stem afresh.
// Slots, probed linearly from the hash's top bits, hold entry numbers: the
// table is at most half full, so a word that is not there (most words)
// ends at an empty slot or an entry of another hash at once, and its slots
// take four bytes a word (misspell's 28 000 pairs are built at every start).
type wordTable struct {
	slots   []uint32 // entry number + 1; 0 is empty
	entries []wordEntry
	shift   uint // 64 - log2(len(slots))
}

type wordEntry struct {
	hash     uint64
	key, val string
	flag     bool // what the list says of the word besides its fix (exact)
}

// newWordTable builds the table of words; flag marks the words it returns
// true for.
func newWordTable(words map[string]string, flag func(string) bool) wordTable {
	t := sizedWordTable(len(words))
	for w, v := range words {
		t.add(w, v, flag != nil && flag(w))
	}
	return t
}

// newWordSet is a table of words with no fixes.
func newWordSet(words map[string]bool) wordTable {
	t := sizedWordTable(len(words))
	for w := range words {
		t.add(w, "", false)
	}
	return t
}

// sizedWordTable is an empty table with room for n words.
func sizedWordTable(n int) wordTable {
	t := slotsFor(n)
	t.entries = make([]wordEntry, 0, n)
	return t
}

// slotsFor is a table with slots for n words and no entries.
func slotsFor(n int) wordTable {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return wordTable{slots: make([]uint32, size), shift: uint(64 - bits.TrailingZeros(uint(size)))}
}

// tableOf is the table of entries that are unique and carry their hashes
// (made ahead by go generate: englishEntries); it holds them, not a copy, so
// only the slots are filled.
func tableOf(entries []wordEntry) *wordTable {
	t := slotsFor(len(entries))
	t.entries = entries
	mask := len(t.slots) - 1
	for n, e := range entries {
		i := t.index(e.hash)
		for t.slots[i] != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = uint32(n + 1)
	}
	return &t
}

// add adds a word unless the table has it (the first fix of a word wins)
// and reports whether it did. The table must have room for it.
func (t *wordTable) add(word, val string, flag bool) bool {
	h := hashOf(word)
	mask := len(t.slots) - 1
	i := t.index(h)
	for ; t.slots[i] != 0; i = (i + 1) & mask {
		if e := &t.entries[t.slots[i]-1]; e.hash == h && e.key == word {
			return false
		}
	}
	t.entries = append(t.entries, wordEntry{hash: h, key: word, val: val, flag: flag})
	t.slots[i] = uint32(len(t.entries))
	return true
}

func (t *wordTable) index(h uint64) int {
	// Fibonacci hashing: the top bits of the product depend on every bit
	// of the hash, which FNV mixes into its low bits poorly.
	return int((h * 0x9E3779B97F4A7C15) >> t.shift)
}

// get looks up word, whose hash is h (hashOf(word)).
func (t *wordTable) get(h uint64, word []byte) (val string, flag, ok bool) { return lookUp(t, h, word) }

// lookUp is get for a word of either type.
func lookUp[S string | []byte](t *wordTable, h uint64, word S) (val string, flag, ok bool) {
	if len(t.slots) == 0 {
		return "", false, false
	}
	mask := len(t.slots) - 1
	for i := t.index(h); t.slots[i] != 0; i = (i + 1) & mask {
		if e := &t.entries[t.slots[i]-1]; e.hash == h && e.key == string(word) {
			return e.val, e.flag, true
		}
	}
	return "", false, false
}

// has reports whether word, whose hash is h, is in the table.
func (t *wordTable) has(h uint64, word []byte) bool {
	_, _, ok := t.get(h, word)
	return ok
}

// toMap is the table as a map, for a config to change.
func (t *wordTable) toMap() map[string]string {
	m := make(map[string]string, len(t.entries))
	for _, e := range t.entries {
		m[e.key] = e.val
	}
	return m
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
