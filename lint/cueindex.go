package lint

import (
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"weak"

	"github.com/msglint/msglint/lint/morph"
)

// A language's cue lists are many (every list of every rule that reads
// cues), and a rule asks for several of them in every message. Asked one
// list at a time, each list would walk the message's words again: a map
// look-up and a stem walk per word per list. The cue index merges every
// list of a language that has been asked for into one matcher, so one walk
// over a message's words answers them all (FindIn); the answers are kept
// on the message until its rules are done with it. What a word is to the
// index (the cues it may start, the lemmas it is a form of: its class) is
// worked out once per word, not per message, and remembered, so a common
// word costs one look-up in a table of words (see wordTable) and is never
// lemmatised twice.
//
// The index is rebuilt, off any message's path, when a list is asked for
// that it does not hold, or when a list it holds is no longer used (a
// config reloaded): until then such a list is answered by its own Find.

// cueIndex is one language's lists merged: every distinct cue once, found
// by its first word (or the stems of its first lemma), with the lists (by
// slot) that hold it.
type cueIndex struct {
	proto *Phrases // the language and its paradigms: how a cue is tried
	folds bool     // the language has letters to fold (see Folded)
	// slots is the number of slots handed out when the index was built:
	// every live list with a lower slot is in it.
	slots         int32
	keys          []*cueKey
	exact, fexact map[string]int32 // word -> key
	stems, fstems *cueNode
	literals      []string // distinct non-word cues
	// litAnchors are the literals' distinct anchors (see anchorOf), and
	// litsAt the literals (by number) with each: a text is searched once
	// for each anchor, not once for each literal. litAnchorAt is where
	// each literal's anchor is in it, by number.
	litAnchors  []byte
	litsAt      [][]int32
	litAnchorAt []int
	// slotLits are each list's literals by number, by slot-1 (nil for a
	// list without one).
	slotLits [][]int32
	// lemmas are the distinct lemma cue words of every cue, at any place
	// in it, each with its number; lemmaStems and flemmaStems find them by
	// their stems, plain and folded.
	lemmas                  []cueLemma
	lemmaStems, flemmaStems *lemmaNode
	// later and flater number the words a cue has after its first, plain
	// and folded, from 1: a word's class carries its number (see
	// wordClass.later), so a cue's later words are compared as numbers.
	later, flater map[string]int32
	// classes and fclasses remember each word's class (see wordClass),
	// plain and folded: a word is looked up and lemmatised once, not once
	// per message it is in.
	classes, fclasses classCache
	// byID and fbyID hold the same by word id (WordID): a message's
	// words are found there without a hash; fbyID the class of the word
	// folded.
	byID, fbyID WordValues[wordClass]
}

// cueLemma is a lemma cue word as an index compares it: its forms (nil in
// a language without paradigms, where a word that starts with text is
// one).
type cueLemma struct {
	text  string
	forms *morph.Lemma
}

// wordClass is what a word is to an index: the keys it finds, in the order
// a list's Find tries them, the lemmas (by number, ascending) it is a form
// of, and its number among the words cues have after their first (0 if it
// is none of them). A message's words are classed once for every list.
type wordClass struct {
	keys   []int32
	lemmas []int32
	later  int32
}

// noClass is the class of a word that is nothing to the index: most words.
var noClass = &wordClass{}

// formOf reports whether the word is a form of lemma number id.
func (c *wordClass) formOf(id int32) bool {
	for _, l := range c.lemmas {
		if l >= id {
			return l == id
		}
	}
	return false
}

// lemmaNode holds the lemmas with each lemma stem.
type lemmaNode = byteTrie[[]int32]

// wordCache maps words to what a pure function of the word makes of them
// (a cue index's class, a detector's points), worked out once per word, not
// once per message. Messages on every core read it without a lock: known
// is never written once stored, and words not in it are worked out,
// gathered in fresh and merged into a new known a batch at a time. It holds
// at most limit words, so a long run's rare words do not grow it for ever;
// a word it does not hold is worked out again. Nor does it hold a word
// longer than maxCachedLen: the bound is on words, and a word may be as long
// as a message, so a run of long words, each of them new, would otherwise
// keep a message's worth of bytes for each.
type wordCache[V any] struct {
	known atomic.Pointer[map[string]V]
	// table holds the known words instead when tabled, for a caller that
	// asks about every word of every message (see wordTable): known is
	// then nil, as a map of the same words would take as much again.
	table  atomic.Pointer[wordTable[V]]
	tabled bool
	mu     sync.Mutex
	fresh  map[string]V
	full   bool
	limit  int // the words it holds at most; 0: maxCached
}

// wordTable is a word cache's known words in an open-addressed table of
// twice as many slots: a look-up hashes the word with a multiply or two
// (wordHash) and compares it with a slot or two, a quarter cheaper than a
// map's, and every word of every message is looked up. A word of eight
// bytes or fewer (most words) is compared as one number, its bytes packed
// (wordKey), with no call to compare strings.
type wordTable[V any] struct {
	mask  uint64
	n     int // the words it holds
	slots []wordSlot[V]
}

// wordSlot is a word, its key (wordKey) and its value; an empty word is an
// empty slot (no word of a message is empty, and none is put in).
type wordSlot[V any] struct {
	w string
	k uint64
	v V
}

func newWordTable[V any](words map[string]V) *wordTable[V] {
	return (*wordTable[V])(nil).with(words)
}

// with is a new table of t's words (none if t is nil) and words, whose
// value wins for a word both hold.
func (t *wordTable[V]) with(words map[string]V) *wordTable[V] {
	total := len(words)
	if t != nil {
		total += t.n
	}
	n := 16
	for n < 2*total {
		n <<= 1
	}
	nt := &wordTable[V]{mask: uint64(n - 1), slots: make([]wordSlot[V], n)}
	if t != nil {
		for _, s := range t.slots {
			if s.w != "" {
				nt.put(s)
			}
		}
	}
	for w, v := range words {
		if w != "" {
			nt.put(wordSlot[V]{w, wordKey(w), v})
		}
	}
	return nt
}

// put stores s in its slot, or in the slot of the same word.
func (t *wordTable[V]) put(s wordSlot[V]) {
	i := wordHash(s.w) & t.mask
	for t.slots[i].w != "" && t.slots[i].w != s.w {
		i = (i + 1) & t.mask
	}
	if t.slots[i].w == "" {
		t.n++
	}
	t.slots[i] = s
}

// find is w's value, if the table holds w.
func (t *wordTable[V]) find(w string) (V, bool) {
	if t != nil && w != "" {
		n := len(w)
		if n <= 8 {
			// The key is the word, given its length: equal keys and
			// lengths are equal words.
			k := shortKey(w)
			for i := mixWord(uint64(n)*0x9e3779b97f4a7c15^k) & t.mask; ; i = (i + 1) & t.mask {
				s := &t.slots[i]
				if s.k == k && len(s.w) == n {
					return s.v, true
				}
				if s.w == "" {
					break
				}
			}
		} else {
			for i := wordHash(w) & t.mask; ; i = (i + 1) & t.mask {
				s := &t.slots[i]
				if s.w == w {
					return s.v, true
				}
				if s.w == "" {
					break
				}
			}
		}
	}
	var zero V
	return zero, false
}

// wordKey is a word of one to eight bytes packed in a number, which with
// the word's length tells the word: its first and last four bytes,
// overlapping, or its three bytes (the middle one twice in a word of two);
// 0 for a longer word (or none).
func wordKey(w string) uint64 {
	if n := len(w); n > 0 && n <= 8 {
		return shortKey(w)
	}
	return 0
}

// shortKey is wordKey of a word of one to eight bytes, small enough to be
// inlined where every word is looked up.
func shortKey(w string) uint64 {
	if n := len(w); n >= 4 {
		return load32(w) | load32(w[n-4:])<<32
	}
	return uint64(w[0]) | uint64(w[len(w)>>1])<<8 | uint64(w[len(w)-1])<<16
}

// wordHash is a word's hash for a word table: the word read eight or four
// bytes at a time (a short word's key), each read multiplied in and its
// high bits folded down, so that every byte reaches the low bits a table
// reads.
func wordHash(w string) uint64 {
	n := len(w)
	h := uint64(n) * 0x9e3779b97f4a7c15
	if n > 8 {
		for i := 0; i+8 < n; i += 8 {
			h = mixWord(h ^ load64(w[i:]))
		}
		return mixWord(h ^ load64(w[n-8:]))
	}
	if n == 0 {
		return h
	}
	return mixWord(h ^ shortKey(w))
}

func mixWord(h uint64) uint64 {
	h *= 0xbf58476d1ce4e5b9
	return h ^ h>>32
}

// load64 and load32 read a string's first eight or four bytes as one
// little-endian number.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func load32(s string) uint64 {
	_ = s[3]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24
}

// classCache maps words to their classes in a cue index.
type classCache = wordCache[*wordClass]

// maxCached is how many words a word cache holds: the common words of a
// language, which are most of any text.
const maxCached = 1 << 15

// maxCachedLen is the longest word, in bytes, a word cache holds: longer
// than any word of a language's own, so that only strings of letters that
// are no word are worked out again each time.
const maxCachedLen = 64

// maxClasses is how many words a cue index's class cache holds, plain and
// folded: the common words of its language. A word's class is kept by its
// id too (cueIndex.byID), so the cache by text serves a word's first
// look-up and the words without an id; a transcript whose texts never
// repeat brings new words all along, and six caches of maxCached words
// took a sixth of its peak memory.
const maxClasses = 1 << 12

// get is what of makes of w, from the cache if it holds w.
func (c *wordCache[V]) get(w string, of func(string) V) V {
	if c.tabled {
		if v, ok := c.table.Load().find(w); ok {
			return v
		}
	} else if v, ok := c.snapshot()[w]; ok {
		return v
	}
	return c.miss(w, of)
}

// snapshot is the words the cache holds now (nil when none, and always
// when tabled).
func (c *wordCache[V]) snapshot() map[string]V {
	if known := c.known.Load(); known != nil {
		return *known
	}
	return nil
}

// miss is get for a word not in known: from fresh, or worked out and kept.
func (c *wordCache[V]) miss(w string, of func(string) V) V {
	if len(w) > maxCachedLen {
		return of(w)
	}
	c.mu.Lock()
	v, ok := c.fresh[w]
	c.mu.Unlock()
	if ok {
		return v
	}
	v = of(w)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.full {
		return v
	}
	if c.fresh == nil {
		c.fresh = map[string]V{}
	}
	c.fresh[strings.Clone(w)] = v // w may be a slice of a message's text
	n := 0
	if c.tabled {
		if t := c.table.Load(); t != nil {
			n = t.n
		}
	} else if known := c.known.Load(); known != nil {
		n = len(*known)
	}
	// Merged when fresh outgrows a quarter of known (each word is copied
	// a few times in all, however long the run), or fills the cache.
	limit := c.limit
	if limit == 0 {
		limit = maxCached
	}
	if len(c.fresh) > n/4 || n+len(c.fresh) >= limit {
		if c.tabled {
			t := c.table.Load().with(c.fresh)
			c.table.Store(t)
			n = t.n
		} else {
			merged := make(map[string]V, n+len(c.fresh))
			if known := c.known.Load(); known != nil {
				maps.Copy(merged, *known)
			}
			maps.Copy(merged, c.fresh)
			c.known.Store(&merged)
			n = len(merged)
		}
		c.fresh, c.full = nil, n >= limit
	}
	return v
}

// cueKey is the cues found by one word or stem: each distinct cue once,
// tried at most once per word, and the lists that hold it, by slot, each
// list's cues in its own order, so that a list's matches come out in the
// order its own Find gives them.
type cueKey struct {
	cues []*phrase
	// words are each cue's words as the key compares them (plain or
	// folded), by cue.
	words [][]keyWord
	posts []cuePost // by slot
	// slots are where each slot's posts end, by slot: a list's posts
	// are found among the key's lists, not among all its posts.
	slots []slotEnd
	// mask has the bit of every slot with a post: most lists hold none
	// of a key's cues, and this tells them without a search.
	mask slotMask
}

// slotMask is a set of slots, each slot's bit shared with the slots 256
// apart: a bit not set is a slot not in the set.
type slotMask [4]uint64

func (s *slotMask) add(slot int32)      { s[slot>>6&3] |= 1 << (slot & 63) }
func (s *slotMask) has(slot int32) bool { return s[slot>>6&3]&(1<<(slot&63)) != 0 }
func (s *slotMask) union(o *slotMask) {
	// Written out: a loop was a third of noting a message's keys.
	s[0] |= o[0]
	s[1] |= o[1]
	s[2] |= o[2]
	s[3] |= o[3]
}

// keyWord is a cue word compiled for an index: the word, a lemma's
// number (-1 if it is not one), or any word; later is the word's number
// among the words cues have after their first (see cueIndex.later), 0 for
// a cue's first word, a lemma or any word.
type keyWord struct {
	w     string
	lemma int32
	later int32
	any   bool
}

// cuePost is a cue of a key in one list, with what tells most cues that
// do not match a message's word from those that may, read where the
// list's posts are walked.
type cuePost struct {
	cue  int32 // index into cues
	slot int32
	n    int32 // the cue's number in the slot's list (phrase.n)
	// lemma is the cue's first word's lemma number, -1 if it is a word;
	// second the number of its second word (keyWord.later), 0 if it has
	// none or it is a lemma or any word.
	lemma, second int32
	// whole says that the cue is the key's word alone: the word that
	// finds the key is the cue found, and nothing is tried.
	whole bool
}

// slotEnd is the end of a slot's posts in a key's.
type slotEnd struct{ slot, end int32 }

// postsOf are the posts of one slot.
func (k *cueKey) postsOf(slot int32) []cuePost {
	if len(k.slots) <= 8 { // most keys: in a few lists, read in turn
		start := int32(0)
		for _, se := range k.slots {
			if se.slot >= slot {
				if se.slot == slot {
					return k.posts[start:se.end]
				}
				break
			}
			start = se.end
		}
		return nil
	}
	lo, hi := 0, len(k.slots)
	for lo < hi { // the slot's, or the first above it
		m := int(uint(lo+hi) >> 1)
		if k.slots[m].slot < slot {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == len(k.slots) || k.slots[lo].slot != slot {
		return nil
	}
	start := int32(0)
	if lo > 0 {
		start = k.slots[lo-1].end
	}
	return k.posts[start:k.slots[lo].end]
}

// cueNode holds a stem's key, plus one; 0 if no cue has the stem.
type cueNode = byteTrie[int32]

// cueRegistry is one language's lists that have been asked for, and the
// index built from them.
type cueRegistry struct {
	lang    Lang
	mu      sync.Mutex
	members []weak.Pointer[Phrases] // by slot-1; nil once gone
	index   atomic.Pointer[cueIndex]
	// stale is set when a list joins or one in the index is collected;
	// waited counts the messages looked up since.
	stale  atomic.Bool
	waited atomic.Int32
}

// rebuildAfter is how many messages a language's index waits, once a list
// joined or left, before it is built again: the lists a run uses join on
// its first messages, one rule after another, and are merged in one build
// after them; a run of a few messages builds nothing, and is checked list
// by list as fast as before.
const rebuildAfter = 64

var cueRegistries sync.Map // Lang -> *cueRegistry

func registryOf(l Lang) *cueRegistry {
	if r, ok := cueRegistries.Load(l); ok {
		return r.(*cueRegistry)
	}
	r, _ := cueRegistries.LoadOrStore(l, &cueRegistry{lang: l})
	return r.(*cueRegistry)
}

// join gives p a slot; the next index built holds it.
func (r *cueRegistry) join(p *Phrases) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if p.slot.Load() != 0 {
		return
	}
	r.members = append(r.members, weak.Make(p))
	p.slot.Store(int32(len(r.members)))
	// A list no longer used leaves the index at the next build.
	runtime.AddCleanup(p, func(r *cueRegistry) { r.stale.Store(true) }, r)
	r.stale.Store(true)
}

// current is the index for a message's look-up, nil while there is none:
// rebuilt when it is stale and has waited rebuildAfter messages. A stale
// index still answers every list it holds.
func (r *cueRegistry) current() *cueIndex {
	idx := r.index.Load()
	if !r.stale.Load() || r.waited.Add(1) < rebuildAfter {
		return idx
	}
	return r.rebuild()
}

// rebuild builds the index from the lists now joined.
func (r *cueRegistry) rebuild() *cueIndex {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.stale.Load() {
		return r.index.Load()
	}
	r.stale.Store(false)
	r.waited.Store(0)
	idx := buildCueIndex(r.lang, r.members)
	r.index.Store(idx)
	return idx
}

// buildCueIndex merges the live lists, in slot order.
func buildCueIndex(l Lang, members []weak.Pointer[Phrases]) *cueIndex {
	idx := &cueIndex{proto: &Phrases{lang: l, forms: formsOf(l)}, slots: int32(len(members)),
		exact: map[string]int32{}, stems: &cueNode{}}
	if sp := spec(l); sp != nil && sp.folder != nil {
		idx.folds, idx.fexact, idx.fstems = true, map[string]int32{}, &cueNode{}
	}
	idx.later, idx.flater = map[string]int32{}, map[string]int32{}
	idx.lemmaStems, idx.flemmaStems = &lemmaNode{}, &lemmaNode{}
	idx.classes.tabled, idx.fclasses.tabled = true, true
	idx.classes.limit, idx.fclasses.limit = maxClasses, maxClasses
	b := cueBuilder{idx: idx, cues: map[cueID]int32{}, lemmas: map[lemmaID]int32{}}
	litNum := map[string]int32{}
	idx.slotLits = make([][]int32, len(members))
	for i := range members {
		p := members[i].Value()
		if p == nil {
			members[i] = weak.Pointer[Phrases]{}
			continue
		}
		slot := int32(i + 1)
		for w, phs := range p.exact {
			b.post(b.word(idx.exact, w), phs, slot, false)
		}
		for w, phs := range p.fexact {
			b.post(b.word(idx.fexact, w), phs, slot, true)
		}
		b.stems(idx.stems, p.stems, slot, false)
		if p.fstems != nil {
			b.stems(idx.fstems, p.fstems, slot, true)
		}
		for _, lit := range p.literal {
			n, ok := litNum[lit]
			if !ok {
				n = int32(len(idx.literals))
				litNum[lit] = n
				at := anchorOf(lit)
				idx.literals, idx.litAnchorAt = append(idx.literals, lit), append(idx.litAnchorAt, at)
				f := slices.Index(idx.litAnchors, lit[at])
				if f < 0 {
					f = len(idx.litAnchors)
					idx.litAnchors, idx.litsAt = append(idx.litAnchors, lit[at]), append(idx.litsAt, nil)
				}
				idx.litsAt[f] = append(idx.litsAt[f], n)
			}
			idx.slotLits[i] = append(idx.slotLits[i], n)
		}
	}
	return idx
}

// cueBuilder numbers each key's distinct cues, and the distinct lemmas,
// while the index is built.
type cueBuilder struct {
	idx    *cueIndex
	cues   map[cueID]int32
	lemmas map[lemmaID]int32
}

// cueID names a cue within a key.
type cueID struct {
	key  *cueKey
	text string
}

// lemmaID names a lemma by its text, kind and whether it is folded: the
// same three give the same forms.
type lemmaID struct {
	text   string
	kind   morph.Kind
	folded bool
}

// lemma is the number of a lemma cue word, plain or folded, numbered and
// filed by its stems if it has none.
func (b cueBuilder) lemma(cw *cueWord, folded bool) int32 {
	id := lemmaID{cw.w, cw.kind, folded}
	cl := cueLemma{cw.w, cw.lemma}
	stems := b.idx.lemmaStems
	if folded {
		id.text, cl, stems = cw.fw, cueLemma{cw.fw, cw.flemma}, b.idx.flemmaStems
	}
	n, ok := b.lemmas[id]
	if ok {
		return n
	}
	n = int32(len(b.idx.lemmas))
	b.lemmas[id] = n
	b.idx.lemmas = append(b.idx.lemmas, cl)
	for _, st := range b.idx.proto.stemsOf(*cw, folded) {
		if node := stems.at(st); !slices.Contains(node.val, n) {
			node.val = append(node.val, n)
		}
	}
	return n
}

// compile is a cue's words as a key compares them.
func (b cueBuilder) compile(ph *phrase, folded bool) []keyWord {
	out := make([]keyWord, len(ph.words))
	for i := range ph.words {
		cw := &ph.words[i]
		out[i] = keyWord{w: cw.w, lemma: -1, any: cw.any}
		if folded {
			out[i].w = cw.fw
		}
		switch {
		case cw.prefix:
			out[i].lemma = b.lemma(cw, folded)
		case i > 0 && !cw.any:
			out[i].later = b.later(out[i].w, folded)
		}
	}
	return out
}

// later is the number of a word some cue has after its first, plain or
// folded, numbered if it has none.
func (b cueBuilder) later(w string, folded bool) int32 {
	m := b.idx.later
	if folded {
		m = b.idx.flater
	}
	n, ok := m[w]
	if !ok {
		n = int32(len(m) + 1)
		m[w] = n
	}
	return n
}

// word is the key of a word, made if it has none.
func (b cueBuilder) word(m map[string]int32, w string) *cueKey {
	id, ok := m[w]
	if !ok {
		id = int32(len(b.idx.keys))
		b.idx.keys = append(b.idx.keys, &cueKey{})
		m[w] = id
	}
	return b.idx.keys[id]
}

// post adds a list's cues found by one key, which compares words plain
// or folded.
func (b cueBuilder) post(k *cueKey, phs []*phrase, slot int32, folded bool) {
	for _, ph := range phs {
		ci, ok := b.cues[cueID{k, ph.cue}]
		if !ok {
			ci = int32(len(k.cues))
			b.cues[cueID{k, ph.cue}] = ci
			k.cues = append(k.cues, ph)
			k.words = append(k.words, b.compile(ph, folded))
		}
		ws := k.words[ci]
		post := cuePost{cue: ci, slot: slot, n: ph.n, lemma: ws[0].lemma, whole: len(ws) == 1 && ws[0].lemma < 0 && !ws[0].any}
		if len(ws) > 1 {
			post.second = ws[1].later
		}
		k.posts = append(k.posts, post)
		// A key's posts come slot by slot: the lists are merged in
		// slot order, each list's cues of a key at once.
		if n := len(k.slots); n > 0 && k.slots[n-1].slot == slot {
			k.slots[n-1].end++
		} else {
			k.slots = append(k.slots, slotEnd{slot, int32(len(k.posts))})
		}
		k.mask.add(slot)
	}
}

// stems adds a list's stem trie to the merged one.
func (b cueBuilder) stems(into *cueNode, from *stemNode, slot int32, folded bool) {
	if len(from.val) > 0 {
		if into.val == 0 {
			b.idx.keys = append(b.idx.keys, &cueKey{})
			into.val = int32(len(b.idx.keys))
		}
		b.post(b.idx.keys[into.val-1], from.val, slot, folded)
	}
	for i, c := range from.keys {
		b.stems(into.kid(c), from.kids[i], slot, folded)
	}
}

// class works out a word's class: the keys it finds, as Find would try
// them (the word's own, then each stem it starts with, shortest first),
// and the lemmas it is a form of.
func (idx *cueIndex) class(w string, folded bool) *wordClass {
	exact, stems, lemmaStems, later := idx.exact, idx.stems, idx.lemmaStems, idx.later
	if folded {
		exact, stems, lemmaStems, later = idx.fexact, idx.fstems, idx.flemmaStems, idx.flater
	}
	c := wordClass{later: later[w]}
	if k, ok := exact[w]; ok {
		c.keys = append(c.keys, k)
	}
	// Every stem the word starts with: a stem is a whole word's
	// beginning, so it always ends at a character boundary.
	n := stems
	for b := 0; b < len(w) && len(n.keys) > 0; b++ {
		if n = n.child(w[b]); n == nil {
			break
		}
		if n.val > 0 {
			c.keys = append(c.keys, n.val-1)
		}
	}
	// Every form of a lemma starts with one of its stems.
	ln := lemmaStems
	for b := 0; b < len(w) && len(ln.keys) > 0; b++ {
		if ln = ln.child(w[b]); ln == nil {
			break
		}
		for _, id := range ln.val {
			if slices.Contains(c.lemmas, id) {
				continue // a stem and a longer one of the same lemma
			}
			if l := &idx.lemmas[id]; l.forms == nil || l.forms.Inflects(w) {
				c.lemmas = append(c.lemmas, id)
			}
		}
	}
	if c.keys == nil && c.lemmas == nil && c.later == 0 {
		return noClass
	}
	slices.Sort(c.lemmas)
	return &c
}

// cueHits are a message's words looked up in the index once: the keys
// they found, and, as lists ask for them, which of those keys' cues match.
// Only words hold pointers: the rest is not scanned by the collector.
type cueHits struct {
	idx     *cueIndex
	folded  bool
	litsOK  bool         // lits worked out
	mask    slotMask     // the slots of every cand's key
	classes []*wordClass // each word's and number's class, by token (other tokens' are never read)
	cands   []cueCand    // in the order Find visits them
	tried   []cueTry     // the cands' cues, each cand's from its at
	lits    []Match      // each distinct literal's matches, literal by literal
	litEnds []int32      // where each literal's matches end in lits, by number
	litHits []litHit     // scratch: the literals' matches in the order found
	found   []Match      // scratch: a list's matches, copied out in one allocation
}

// cueCand is a key one of the message's words found.
type cueCand struct {
	tok, key int32
	at       int32 // where its cues' answers start; -1 until asked
	// after is the number (see wordClass.later) of the word after tok in
	// its sentence, plus one; -1 if there is none, 0 until asked.
	after int32
	// mask is the key's: a list asks about every cand of the message,
	// and most have none of its cues.
	mask slotMask
}

// cueTry is whether a cue matched at a cand's word, and its last token.
type cueTry struct {
	last  int32
	state uint8 // 0 not tried, 1 no, 2 yes
}

var cueHitsPool = sync.Pool{New: func() any { return new(cueHits) }}

// release returns h's memory for another message.
func (h *cueHits) release() {
	clear(h.lits)
	clear(h.litHits)
	clear(h.found)
	*h = cueHits{classes: h.classes[:0], cands: h.cands[:0], tried: h.tried[:0], lits: h.lits[:0], litEnds: h.litEnds[:0],
		litHits: h.litHits[:0], found: h.found[:0]}
	cueHitsPool.Put(h)
}

// look classes a text's words (m's body) and notes the keys they find. A
// word's class (in a folded text, its folded form's) is found by the
// word's id (Message.WordIDs), and worked out by the word's text only the
// first time, or for a word without one.
func (h *cueHits) look(idx *cueIndex, m *Message, text string, toks []Token) {
	h.idx = idx
	ids := m.ids // nil: each word by its text
	cache, byID := &idx.classes, &idx.byID
	if idx.folds && Folded(idx.proto.lang, text) {
		cache, byID, h.folded = &idx.fclasses, &idx.fbyID, true
	}
	class := func(w string) *wordClass { return idx.class(w, h.folded) }
	known := cache.table.Load()
	// Every token's slot made at once, and only the words' and numbers'
	// set: the others are never read (a cue's words are words or
	// numbers), so they are not cleared, nor were they in release.
	h.classes = slices.Grow(h.classes[:0], len(toks))[:len(toks)]
	for i := range toks {
		t := &toks[i]
		if t.Kind-Word > Number-Word { // neither a word nor a number
			continue
		}
		var id WordID
		if ids != nil {
			id = ids[i]
		}
		c := byID.Get(id) // nil for id 0
		if c == nil {
			w := t.Norm
			if h.folded {
				w = idx.proto.norm(t, true)
			}
			var ok bool
			if c, ok = known.find(w); !ok {
				c = cache.get(w, class)
			}
			byID.Put(id, c) // nothing for id 0
		}
		h.classes[i] = c
		for _, k := range c.keys {
			h.add(i, k)
		}
	}
}

// add notes that token i found key k.
func (h *cueHits) add(i int, k int32) {
	mask := &h.idx.keys[k].mask
	h.cands = append(h.cands, cueCand{tok: int32(i), key: k, at: -1, mask: *mask})
	h.mask.union(mask)
}

// result is whether cue number ci of a cand matches, tried once.
func (h *cueHits) result(c *cueCand, ci int32, toks []Token) *cueTry {
	k := h.idx.keys[c.key]
	if c.at < 0 {
		c.at = int32(len(h.tried))
		h.tried = append(h.tried, make([]cueTry, len(k.cues))...)
	}
	t := &h.tried[c.at+ci]
	if t.state != 0 {
		return t
	}
	t.state = 1
	if j, ok := h.end(toks, int(c.tok), k.words[ci]); ok {
		t.last, t.state = int32(j), 2
	}
	return t
}

// setAfter works out a cand's after.
func (h *cueHits) setAfter(c *cueCand, toks []Token) {
	c.after = -1
	if j, ok := nextWordInSentence(toks, int(c.tok)+1); ok {
		c.after = h.classes[j].later + 1
	}
}

// end is the index of the last token of a cue with words ws matched at
// token i, whose word found the cue's key (see Phrases.end): a word and a
// lemma by the token's class, a word by its number (see keyWord.later).
func (h *cueHits) end(toks []Token, i int, ws []keyWord) (int, bool) {
	j := i
	for k := range ws {
		kw := &ws[k]
		if k > 0 {
			var ok bool
			if j, ok = nextWordInSentence(toks, j+1); !ok {
				return 0, false
			}
		}
		switch {
		case kw.any:
		case kw.lemma >= 0:
			if !h.classes[j].formOf(kw.lemma) {
				return 0, false
			}
		case k == 0: // the key is the word
		case h.classes[j].later != kw.later:
			return 0, false
		}
	}
	return j, true
}

// FindIn returns every cue found in a message's body, as Find(m.Body.Text,
// m.Tokens()) does; the body's words are looked up once for every list of
// the language, and the answers kept on the message until Trim.
func (p *Phrases) FindIn(m *Message) []Match {
	found := p.findIn(m, nil)
	if len(found) == 0 {
		return nil
	}
	return slices.Clone(found)
}

// HasIn reports whether FindIn would find any cue, without copying the
// matches out: a rule that asks only whether a list is there allocates
// nothing.
func (p *Phrases) HasIn(m *Message) bool { return len(p.findIn(m, nil)) > 0 }

// AppendIn appends what FindIn returns to dst: a caller that sorts the
// matches into its own slices allocates nothing for them on the way.
func (p *Phrases) AppendIn(dst []Match, m *Message) []Match {
	return append(dst, p.findIn(m, nil)...)
}

// AppendNumbered is AppendIn that also appends to nums each match's cue's
// number (see Number): a caller that files matches by their cue reads a
// number, not the cue's text. dst and nums are as long as each other.
func (p *Phrases) AppendNumbered(dst []Match, nums []int32, m *Message) ([]Match, []int32) {
	start := len(nums)
	found := p.findIn(m, &nums)
	if len(nums) == start { // found list by list: numbered by their cues
		for i := range found {
			nums = append(nums, p.Number(found[i].Cue))
		}
	}
	return append(dst, found...), nums
}

// findIn is FindIn's answer, in memory of the message's that the next
// question overwrites. nums, if not nil, gets each match's cue's number
// when the matches come from the index; it is left as it is when they are
// found list by list (Find).
func (p *Phrases) findIn(m *Message, nums *[]int32) []Match {
	toks := m.Tokens()
	if p.lang != m.Lang {
		return p.Find(m.Body.Text, toks)
	}
	slot := p.slot.Load()
	if slot == 0 {
		registryOf(p.lang).join(p)
		return p.Find(m.Body.Text, toks)
	}
	h := m.cues
	if h == nil {
		if m.cuesListed {
			return p.Find(m.Body.Text, toks)
		}
		idx := registryOf(p.lang).current()
		if idx == nil {
			// The message's other lists are found list by list too,
			// without asking: it is one message the index waited.
			m.cuesListed = true
			return p.Find(m.Body.Text, toks)
		}
		h = cueHitsPool.Get().(*cueHits)
		h.look(idx, m, m.Body.Text, toks)
		m.cues = h
	}
	if slot > h.idx.slots || h.idx.proto.lang != p.lang {
		return p.Find(m.Body.Text, toks) // joined after the index was built
	}
	out := h.found[:0]
	if h.mask.has(slot) { // else none of the message's keys has a cue of the list
		word, bit := slot>>6&3, uint64(1)<<(slot&63)
		for ci := range h.cands {
			c := &h.cands[ci]
			if c.mask[word]&bit == 0 {
				continue // most keys: postsOf's own first test, without the call
			}
			k := h.idx.keys[c.key]
			i := c.tok
			posts := k.postsOf(slot)
			for pi := range posts {
				post := &posts[pi]
				last := i // a cue of the key's word alone is found where the word is
				if !post.whole {
					// Most cues tried fail on their first lemma or
					// second word, told here without a call to end.
					if post.lemma >= 0 && !h.classes[i].formOf(post.lemma) {
						continue
					}
					if post.second != 0 {
						if c.after == 0 {
							h.setAfter(c, toks)
						}
						if c.after-1 != post.second {
							continue
						}
					}
					t := h.result(c, post.cue, toks)
					if t.state != 2 {
						continue
					}
					last = t.last
				}
				out = append(out, Match{Cue: k.cues[post.cue].cue, Span: Span{toks[i].Start, toks[last].End}, First: int(i), Last: int(last)})
				if nums != nil {
					*nums = append(*nums, post.n)
				}
			}
		}
	}
	if len(p.literal) > 0 {
		if !h.litsOK {
			h.findLiterals(m.Body.Text)
			h.litsOK = true
		}
		// Most messages have no literal of any list: none to read.
		for li, n := range h.idx.slotLits[slot-1] {
			if len(h.lits) == 0 {
				break
			}
			start := int32(0)
			if n > 0 {
				start = h.litEnds[n-1]
			}
			for _, lm := range h.lits[start:h.litEnds[n]] {
				out = append(out, lm)
				if nums != nil {
					*nums = append(*nums, p.literalN[li])
				}
			}
		}
	}
	h.found = out
	return out
}

// litHit is a literal's match, and the literal's number.
type litHit struct {
	lit int32
	m   Match
}

// anchorOf is where in a literal cue the byte is that a text is searched
// for: the one least common in text, so that few places are tried. A
// letter, a digit or a space is in every text, as are the bytes that go on
// a letter's encoding or start a Turkish or Azerbaijani letter's; an emoji
// starts with a byte no letter of these languages does.
func anchorOf(lit string) int {
	rank := func(b byte) int {
		switch {
		case b >= 0xF0 || b < 0x80 && strings.IndexByte("!\"#$%&()*+/:;<=>?@[\\]^_`{|}~", b) >= 0:
			return 0
		case b >= 0xE0 || b == '.' || b == ',' || b == '\'' || b == '-':
			return 1
		case b >= 0x80:
			return 2
		}
		return 3
	}
	best := 0
	for i := 1; i < len(lit); i++ {
		if rank(lit[i]) < rank(lit[best]) {
			best = i
		}
	}
	return best
}

// findLiterals finds every literal of the index in text, as findLiteral
// does each: the text is searched for each anchor byte (see anchorOf),
// once for all the literals with it, and each literal tried where the
// byte is. The matches are kept literal by literal, each literal's in text
// order (lits, litEnds).
func (h *cueHits) findLiterals(text string) {
	idx := h.idx
	h.litEnds = slices.Grow(h.litEnds[:0], len(idx.literals))[:len(idx.literals)]
	ends := h.litEnds // first, where each literal may next be found
	clear(ends)
	hits := h.litHits[:0]
	for f, b := range idx.litAnchors {
		for at := 0; at < len(text); {
			i := strings.IndexByte(text[at:], b)
			if i < 0 {
				break
			}
			at += i + 1
			for _, n := range idx.litsAt[f] {
				lit := idx.literals[n]
				// A literal's places come in order, each after the
				// one before it.
				s := at - 1 - idx.litAnchorAt[n]
				if s < int(ends[n]) || !strings.HasPrefix(text[s:], lit) {
					continue
				}
				e := s + len(lit)
				ends[n] = int32(e)
				if literalStands(text, lit, s, e) {
					hits = append(hits, litHit{n, Match{Cue: lit, Span: Span{s, e}, First: -1, Last: -1}})
				}
			}
		}
	}
	// Literal by literal; the sort is stable, so each in text order.
	slices.SortStableFunc(hits, func(a, b litHit) int { return int(a.lit - b.lit) })
	clear(ends)
	h.lits = h.lits[:0]
	for _, hit := range hits {
		h.lits = append(h.lits, hit.m)
		ends[hit.lit]++
	}
	for n := 1; n < len(ends); n++ {
		ends[n] += ends[n-1]
	}
	h.litHits = hits
}
