package store

import (
	"hash/maphash"
	"sync"
	"sync/atomic"
	"time"

	"github.com/msglint/msglint/policy"
)

// stateCache keeps the embedded store's latest states in memory, decoded,
// so that a check reads a conversation without a transaction or a JSON
// decode. It is write-through: the file stays the truth, written and
// fsynced as before, and an entry is only ever what the file held at some
// transaction. The file belongs to one process, so no other writer can make
// an entry stale.
//
// Entries are ordered by bbolt's transaction id: a write installs its
// bytes when its transaction commits, and a read that missed installs what
// its snapshot held only if nothing newer is known for the key. Commit
// handlers run after bbolt releases its writer lock, so they may run out of
// order; the ids put them back in order. An evicted entry raises its
// shard's floor, below which no read installs: a read that began before an
// acknowledged write cannot bring back the state the write replaced.
type stateCache struct {
	seed   maphash.Seed
	shards [cacheShards]cacheShard
	limit  int // entries per shard
	bytes  int // stored bytes per shard
}

const cacheShards = 16

type cacheShard struct {
	mu      sync.Mutex
	entries map[string]*cached
	size    int // the stored bytes of the entries
	floor   int // the newest transaction id of an entry dropped from the shard
}

// cached is a conversation's stored bytes at transaction txid (nil: no
// state), decoded on first use. The decoded state is shared by every
// reader and never changed.
type cached struct {
	txid int
	raw  []byte
	once sync.Once
	// ready is set once st and err are: a write copies st only then, and
	// otherwise decodes the bytes itself rather than wait for a reader.
	ready atomic.Bool
	st    *policy.State
	err   error
}

// newStateCache keeps up to entries states of up to bytes stored bytes in
// all (a decoded state takes a few times its stored size).
func newStateCache(entries, bytes int) *stateCache {
	c := &stateCache{seed: maphash.MakeSeed(), limit: max(1, entries/cacheShards), bytes: max(1, bytes/cacheShards)}
	for i := range c.shards {
		c.shards[i].entries = map[string]*cached{}
	}
	return c
}

func (c *stateCache) shard(key string) *cacheShard {
	return &c.shards[maphash.String(c.seed, key)%cacheShards]
}

// get returns the entry of key, if any.
func (c *stateCache) get(key string) *cached {
	sh := c.shard(key)
	sh.mu.Lock()
	e := sh.entries[key]
	sh.mu.Unlock()
	return e
}

// put installs raw as key's bytes at transaction txid unless the shard
// knows something newer of key (or may have dropped it); fromRead says it
// comes from a read snapshot rather than a committed write.
func (c *stateCache) put(key string, txid int, raw []byte, fromRead bool) *cached {
	e := &cached{txid: txid, raw: raw}
	sh := c.shard(key)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	old := sh.entries[key]
	switch {
	case old != nil && (old.txid > txid || fromRead && old.txid == txid):
		return old
	case old == nil && fromRead && txid < sh.floor:
		return e
	case len(raw) > c.bytes:
		// Too large to keep: read from the file each time.
		sh.remove(key, txid)
		return e
	}
	if old != nil {
		sh.size -= len(old.raw)
		delete(sh.entries, key)
	}
	for len(sh.entries) >= c.limit || sh.size+len(raw) > c.bytes {
		for k := range sh.entries { // any one: map order is random enough
			sh.remove(k, 0)
			break
		}
	}
	if old == nil && fromRead && txid < sh.floor {
		return e // what was evicted may be newer
	}
	sh.entries[key] = e
	sh.size += len(raw)
	return e
}

// remove forgets key, raising the floor to its transaction and txid.
func (sh *cacheShard) remove(key string, txid int) {
	if old := sh.entries[key]; old != nil {
		txid = max(txid, old.txid)
		sh.size -= len(old.raw)
		delete(sh.entries, key)
	}
	sh.floor = max(sh.floor, txid)
}

// drop forgets key (a failed write, a swept state) as of transaction txid.
func (c *stateCache) drop(key string, txid int) {
	sh := c.shard(key)
	sh.mu.Lock()
	sh.remove(key, txid)
	sh.mu.Unlock()
}

// state decodes the entry once and says what Get says of it now: nil when
// there is no state or it has expired.
func (e *cached) state(maxAge time.Duration, now time.Time) (*policy.State, error) {
	e.once.Do(func() {
		e.st, e.err = decodeState(e.raw, 0, now)
		e.ready.Store(true)
	})
	if e.err != nil || e.st == nil {
		return nil, e.err
	}
	if maxAge > 0 && now.Sub(e.st.Last) > maxAge {
		return nil, nil
	}
	return e.st, nil
}
