package rules

import (
	"sync"
	"sync/atomic"
)

// memo remembers a function's results by word. Messages of a library
// repeat their words, and a verdict that walks suffix chains or tries
// hundreds of edits is worth keeping; the cap bounds the memory a long run
// over many different words can take (later words are worked out each
// time).
type memo[V any] struct {
	m sync.Map
	n atomic.Int64
}

const memoCap = 200_000

func (c *memo[V]) get(key string, f func() V) V {
	if v, ok := c.m.Load(key); ok {
		return v.(V)
	}
	v := f()
	if c.n.Add(1) <= memoCap {
		c.m.Store(key, v)
	}
	return v
}
