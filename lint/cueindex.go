package lint

import (
	"runtime"
	"sync"
	"sync/atomic"
	"weak"
)

// A language's cue lists are many (every list of every rule that reads
// cues), and a rule asks for several of them in every message. Asked one
// list at a time, each list would walk the message's words again: a map
// look-up and a stem walk per word per list. The cue index merges every
// list of a language that has been asked for into one matcher, so one walk
// over a message's words answers them all (FindIn); the answers are kept
// on the message until its rules are done with it.
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
	slots          int32
	exact, fexact  map[string]*cueKey
	stems, fstems  *cueNode
	literals       []string // distinct non-word cues
	hasLiteral     map[string]bool
	cueCount, size int
}

// cueKey is the cues found by one word or stem: each distinct cue once
// (tried once per word), and the lists that hold it, each list's cues in
// its own order, so that a list's matches come out in the order its own
// Find gives them.
type cueKey struct {
	cues  []*phrase
	posts []cuePost
}

type cuePost struct {
	cue  int32 // index into cueKey.cues
	slot int32
}

// cueNode is a byte trie of stems, like stemNode, holding cueKeys.
type cueNode struct {
	keys []byte
	kids []*cueNode
	key  *cueKey
}

func (n *cueNode) child(c byte) *cueNode {
	for i, k := range n.keys {
		if k == c {
			return n.kids[i]
		}
	}
	return nil
}

// kid is the node after byte c, made if there is none.
func (n *cueNode) kid(c byte) *cueNode {
	k := n.child(c)
	if k == nil {
		k = &cueNode{}
		n.keys = append(n.keys, c)
		n.kids = append(n.kids, k)
	}
	return k
}

// cueRegistry is one language's lists that have been asked for, and the
// index built from them.
type cueRegistry struct {
	mu      sync.Mutex
	members []weak.Pointer[Phrases] // by slot-1; nil once gone
	index   atomic.Pointer[cueIndex]
	// stale is set when a list joins or one in the index is collected.
	stale atomic.Bool
}

var cueRegistries sync.Map // Lang -> *cueRegistry

func registryOf(l Lang) *cueRegistry {
	if r, ok := cueRegistries.Load(l); ok {
		return r.(*cueRegistry)
	}
	r, _ := cueRegistries.LoadOrStore(l, &cueRegistry{})
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

// current is the index, rebuilt first if a list joined or left.
func (r *cueRegistry) current(l Lang) *cueIndex {
	if idx := r.index.Load(); idx != nil && !r.stale.Load() {
		return idx
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if idx := r.index.Load(); idx != nil && !r.stale.Load() {
		return idx
	}
	r.stale.Store(false)
	idx := buildCueIndex(l, r.members)
	r.index.Store(idx)
	return idx
}

// buildCueIndex merges the live lists, in slot order.
func buildCueIndex(l Lang, members []weak.Pointer[Phrases]) *cueIndex {
	idx := &cueIndex{proto: &Phrases{lang: l, forms: formsOf(l)}, slots: int32(len(members)),
		exact: map[string]*cueKey{}, stems: &cueNode{}, hasLiteral: map[string]bool{}}
	if sp := spec(l); sp != nil && sp.folder != nil {
		idx.folds, idx.fexact, idx.fstems = true, map[string]*cueKey{}, &cueNode{}
	}
	// A key's distinct cues, by cue text, while it is built.
	local := map[*cueKey]map[string]int32{}
	post := func(k *cueKey, ph *phrase, slot int32) {
		ids := local[k]
		if ids == nil {
			ids = map[string]int32{}
			local[k] = ids
		}
		id, ok := ids[ph.cue]
		if !ok {
			id = int32(len(k.cues))
			ids[ph.cue] = id
			k.cues = append(k.cues, ph)
			idx.cueCount++
		}
		k.posts = append(k.posts, cuePost{id, slot})
		idx.size++
	}
	keyOf := func(m map[string]*cueKey, w string) *cueKey {
		k := m[w]
		if k == nil {
			k = &cueKey{}
			m[w] = k
		}
		return k
	}
	for i := range members {
		p := members[i].Value()
		if p == nil {
			members[i] = weak.Pointer[Phrases]{}
			continue
		}
		slot := int32(i + 1)
		for w, phs := range p.exact {
			for _, ph := range phs {
				post(keyOf(idx.exact, w), ph, slot)
			}
		}
		for w, phs := range p.fexact {
			for _, ph := range phs {
				post(keyOf(idx.fexact, w), ph, slot)
			}
		}
		mergeStems(idx.stems, p.stems, slot, post)
		if p.fstems != nil {
			mergeStems(idx.fstems, p.fstems, slot, post)
		}
		for _, lit := range p.literal {
			if !idx.hasLiteral[lit] {
				idx.hasLiteral[lit] = true
				idx.literals = append(idx.literals, lit)
			}
		}
	}
	return idx
}

// mergeStems adds a list's stem trie to the merged one.
func mergeStems(into *cueNode, from *stemNode, slot int32, post func(*cueKey, *phrase, int32)) {
	if len(from.phrases) > 0 {
		if into.key == nil {
			into.key = &cueKey{}
		}
		for _, ph := range from.phrases {
			post(into.key, ph, slot)
		}
	}
	for i, c := range from.keys {
		mergeStems(into.kid(c), from.kids[i], slot, post)
	}
}

// cueHits are the matches of every list of an index in one message.
type cueHits struct {
	idx   *cueIndex
	words []string // each token's word as compared, in a folded text
	hits  []cueHit // in the order each list's Find gives them
	lits  []Match  // each distinct literal's matches, literal by literal
	tried []cueTry // scratch: one key's cues tried at one word
}

type cueHit struct {
	slot int32
	m    Match
}

type cueTry struct {
	m  Match
	ok bool
}

var cueHitsPool = sync.Pool{New: func() any { return new(cueHits) }}

// release returns h's memory for another message.
func (h *cueHits) release() {
	clear(h.words)
	clear(h.hits)
	clear(h.lits)
	clear(h.tried)
	*h = cueHits{words: h.words[:0], hits: h.hits[:0], lits: h.lits[:0], tried: h.tried[:0]}
	cueHitsPool.Put(h)
}

// run finds every cue of the index in a text's tokens.
func (h *cueHits) run(idx *cueIndex, text string, toks []Token) {
	h.idx = idx
	p := idx.proto
	exact, stems, folded := idx.exact, idx.stems, false
	if idx.folds && Folded(p.lang, text) {
		exact, stems, folded = idx.fexact, idx.fstems, true
		for i := range toks {
			w := ""
			if t := &toks[i]; t.Kind == Word || t.Kind == Number {
				w = p.norm(t, true)
			}
			h.words = append(h.words, w)
		}
	}
	for i := range toks {
		t := &toks[i]
		if t.Kind != Word && t.Kind != Number {
			continue
		}
		w := t.Norm
		if folded {
			w = h.words[i]
		}
		if k := exact[w]; k != nil {
			h.try(k, toks, i, folded)
		}
		n := stems
		for b := 0; b < len(w) && len(n.keys) > 0; b++ {
			if n = n.child(w[b]); n == nil {
				break
			}
			if n.key != nil {
				h.try(n.key, toks, i, folded)
			}
		}
	}
	for _, lit := range idx.literals {
		h.lits = findLiteral(h.lits, text, lit)
	}
}

// try tries a key's cues at token i, each once, and adds a hit for every
// list that holds one that matched.
func (h *cueHits) try(k *cueKey, toks []Token, i int, folded bool) {
	var words []string
	if folded {
		words = h.words
	}
	h.tried = h.tried[:0]
	found := false
	for _, ph := range k.cues {
		m, ok := h.idx.proto.try(toks, words, i, ph, folded, false)
		h.tried = append(h.tried, cueTry{m, ok})
		found = found || ok
	}
	if !found {
		return
	}
	for _, p := range k.posts {
		if t := &h.tried[p.cue]; t.ok {
			h.hits = append(h.hits, cueHit{p.slot, t.m})
		}
	}
}

// FindIn returns every cue found in a message's body, as Find(m.Body.Text,
// m.Tokens()) does; the body is walked once for every list of the
// language, and the matches kept on the message until Trim.
func (p *Phrases) FindIn(m *Message) []Match {
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
		h = cueHitsPool.Get().(*cueHits)
		h.run(registryOf(p.lang).current(p.lang), m.Body.Text, toks)
		m.cues = h
	}
	if slot > h.idx.slots || h.idx.proto.lang != p.lang {
		return p.Find(m.Body.Text, toks) // joined after the index was built
	}
	var out []Match
	for i := range h.hits {
		if h.hits[i].slot == slot {
			out = append(out, h.hits[i].m)
		}
	}
	for _, lit := range p.literal {
		for _, lm := range h.lits {
			if lm.Cue == lit {
				out = append(out, lm)
			}
		}
	}
	return out
}
