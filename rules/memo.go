package rules

import (
	"hash/maphash"
	"strings"
	"sync"
	"sync/atomic"
)

// memo remembers a function's results by word. Messages of a library
// repeat their words, and a verdict that walks suffix chains or tries
// hundreds of edits is worth keeping; the cap bounds the memory a long run
// over many different words can take (later words are worked out each
// time), and a word longer than memoMaxKey is never kept, since a word
// may be as long as a message.
//
// Every word of every message asks, from every goroutine, so a look-up
// takes no lock and allocates nothing: one hash and a probe of an
// open-addressing table whose slots are written once. A table that fills
// is copied into one twice its size; a word stored into the old table
// while it is copied may be lost, which costs only working it out again.
type memo[V any] struct {
	table atomic.Pointer[memoTable[V]]
	grow  sync.Mutex // one goroutine copies a full table
	n     atomic.Int64
	// front holds entries ahead of the table, one a slot by a few of the
	// word's bytes (frontSlot): a text repeats a library's words, and a
	// word found here costs neither the seeded hash nor the probe. A slot
	// keeps the first word that lands on it, written once, so that
	// goroutines do not take its memory line from each other; a word
	// that shares it is found in the table, so a crafted text can cost a
	// probe, never a wrong answer.
	front [memoFront]atomic.Pointer[memoEntry[V]]
}

// memoFront is the number of front slots a memo has.
const (
	memoFrontBits = 10
	memoFront     = 1 << memoFrontBits
)

const memoCap = 200_000

// memoMaxKey is the longest word, in bytes, a memo keeps: longer than a
// language's own words, so only strings that are no word are worked out
// again each time.
const memoMaxKey = 64

type memoTable[V any] struct {
	slots []atomic.Pointer[memoEntry[V]]
	used  atomic.Int64
}

type memoEntry[V any] struct {
	hash uint64
	key  string
	val  V
}

// memoSeed seeds every memo's hash: a memo is not kept across runs.
var memoSeed = maphash.MakeSeed()

func (c *memo[V]) get(key string, f func() V) V {
	front := &c.front[frontSlot(key)]
	if e := front.Load(); e != nil && e.key == key {
		return e.val
	}
	h := maphash.String(memoSeed, key)
	if t := c.table.Load(); t != nil {
		mask := uint64(len(t.slots) - 1)
		for i := h & mask; ; i = (i + 1) & mask {
			e := t.slots[i].Load()
			if e == nil {
				break
			}
			if e.hash == h && e.key == key {
				if front.Load() == nil {
					front.Store(e)
				}
				return e.val
			}
		}
	}
	v := f()
	if len(key) <= memoMaxKey && c.n.Add(1) <= memoCap {
		// The key is copied: a word is often a slice of a message's
		// text, which the memo would otherwise keep whole.
		e := &memoEntry[V]{hash: h, key: strings.Clone(key), val: v}
		c.store(e)
		if front.Load() == nil {
			front.Store(e)
		}
	}
	return v
}

// frontSlot is a word's front slot, from its length and four of its
// bytes: no seed and no call, a tenth of the table's hash.
func frontSlot(key string) int {
	n := len(key)
	if n == 0 {
		return 0
	}
	h := uint32(n)<<24 ^ uint32(key[0])<<16 ^ uint32(key[n/2])<<8 ^ uint32(key[n-1]) ^ uint32(key[n-1-n/3])<<4
	return int((h * 0x9E3779B1) >> (32 - memoFrontBits))
}

func (c *memo[V]) store(e *memoEntry[V]) {
	t := c.table.Load()
	// A slot is claimed before it is taken, in one step: goroutines that
	// each saw room for one more could otherwise fill a table together,
	// and a probe for a word not in a full table never ends.
	for t == nil || !t.claim() {
		t = c.grown(t)
	}
	mask := uint64(len(t.slots) - 1)
	for i := e.hash & mask; ; i = (i + 1) & mask {
		old := t.slots[i].Load()
		if old == nil {
			if t.slots[i].CompareAndSwap(nil, e) {
				return
			}
			old = t.slots[i].Load()
		}
		if old.hash == e.hash && old.key == e.key {
			return // worked out by another goroutine too
		}
	}
}

// claim claims a slot for an entry, unless the table would be more than
// half full with it. An entry found stored already keeps its claim: the
// table only grows sooner.
func (t *memoTable[V]) claim() bool {
	return 2*t.used.Add(1) <= int64(len(t.slots))
}

// grown replaces a table at least half full (or none) with one twice its
// size holding its entries, unless another goroutine just did.
func (c *memo[V]) grown(full *memoTable[V]) *memoTable[V] {
	c.grow.Lock()
	defer c.grow.Unlock()
	if t := c.table.Load(); t != full {
		return t
	}
	size := 64
	if full != nil {
		size = 2 * len(full.slots)
	}
	t := &memoTable[V]{slots: make([]atomic.Pointer[memoEntry[V]], size)}
	mask := uint64(size - 1)
	if full != nil {
		for i := range full.slots {
			e := full.slots[i].Load()
			if e == nil {
				continue
			}
			j := e.hash & mask
			for t.slots[j].Load() != nil {
				j = (j + 1) & mask
			}
			t.slots[j].Store(e)
			t.used.Add(1)
		}
	}
	c.table.Store(t)
	return t
}
