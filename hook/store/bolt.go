package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/msglint/msglint/policy"
	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

var boltBucket = []byte("conversations")

// Bolt is the embedded store: one file, no server. Only one process may
// open the file at a time; several hooks share state through Redis instead.
// Being the file's only user, it keeps the latest states in memory too
// (see stateCache): reads come from memory, writes go to the file first.
type Bolt struct {
	db     *bolt.DB
	maxAge time.Duration
	now    func() time.Time
	cache  *stateCache
}

// CachedStates and CachedBytes bound the conversations the embedded store
// keeps decoded in memory, and their stored size (a busy conversation
// remembers up to 1024 event ids); the rest are read from the file when
// asked for.
const (
	CachedStates = 1 << 16
	CachedBytes  = 32 << 20
)

// OpenBolt opens or creates the store's file.
func OpenBolt(path string, maxAge time.Duration) (*Bolt, error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: 2 * time.Second})
	if err != nil {
		if errors.Is(err, bolterrors.ErrTimeout) {
			return nil, fmt.Errorf("store %s: another process has it open (use redis:// to share state between hooks)", path)
		}
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	// Concurrent events commit together: one fsync for many.
	db.MaxBatchDelay = 2 * time.Millisecond
	if err := db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucketIfNotExists(boltBucket); return err }); err != nil {
		db.Close()
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	return &Bolt{db: db, maxAge: maxAge, now: time.Now, cache: newStateCache(CachedStates, CachedBytes)}, nil
}

// SetClock sets the clock used for expiry (tests).
func (b *Bolt) SetClock(now func() time.Time) { b.now = now }

// Get implements Store. The state returned may be shared with other
// readers: it must not be changed.
func (b *Bolt) Get(_ context.Context, key string) (*policy.State, error) {
	if st, ok, err := b.Peek(key); ok {
		return st, err
	}
	var e *cached
	err := b.db.View(func(tx *bolt.Tx) error {
		// The bytes are bbolt's only while the transaction lasts.
		raw := bytes.Clone(tx.Bucket(boltBucket).Get([]byte(key)))
		e = b.cache.put(key, tx.ID(), raw, true)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return e.state(b.maxAge, b.now())
}

// Peek is Get answered from memory only, without waiting for the file; ok
// is false when the conversation is not in memory.
func (b *Bolt) Peek(key string) (st *policy.State, ok bool, err error) {
	e := b.cache.get(key)
	if e == nil {
		return nil, false, nil
	}
	st, err = e.state(b.maxAge, b.now())
	return st, true, err
}

// Update implements Store: the change is on disk (fsync) when it returns,
// and in memory as it returns.
func (b *Bolt) Update(_ context.Context, key string, fn func(*policy.State)) error {
	err := b.db.Batch(func(tx *bolt.Tx) error {
		bk := tx.Bucket(boltBucket)
		st, err := b.decoded(key, bk.Get([]byte(key)), b.now())
		if err != nil {
			return err
		}
		data, err := changeState(st, fn)
		if err != nil {
			return err
		}
		if err := bk.Put([]byte(key), data); err != nil {
			return err
		}
		// Run only when this transaction is on disk; a batch that fails
		// is run again, call by call, in transactions of their own.
		id := tx.ID()
		tx.OnCommit(func() { b.cache.put(key, id, data, false) })
		return nil
	})
	if err != nil {
		// Whatever the file holds now is read from it again.
		b.cache.drop(key, 0)
	}
	return err
}

// decoded is the state the file holds as raw, for a write to change: a
// copy of the one kept in memory when a reader has decoded it from the same
// bytes (the transaction is the only writer, so the bytes tell), else raw
// decoded. Nil when there is none or it has expired.
func (b *Bolt) decoded(key string, raw []byte, now time.Time) (*policy.State, error) {
	if e := b.cache.get(key); e != nil && e.ready.Load() && raw != nil && bytes.Equal(e.raw, raw) {
		st, err := e.state(b.maxAge, now)
		if err != nil || st == nil {
			return nil, err
		}
		return st.Copy(), nil
	}
	return decodeState(raw, b.maxAge, now)
}

// Sweep deletes the states older than the age limit and says how many. It
// works in transactions of at most batch keys, so that writes wait for one
// small batch at a time, never for a scan of the whole file.
func (b *Bolt) Sweep(ctx context.Context, batch int) (n int, err error) {
	var next []byte
	for first := true; first || next != nil; first = false {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		err = b.db.Update(func(tx *bolt.Tx) error {
			c := tx.Bucket(boltBucket).Cursor()
			k, v := c.First()
			if next != nil {
				k, v = c.Seek(next)
			}
			next = nil
			for i := 0; k != nil; k, v = c.Next() {
				if i == batch {
					next = append([]byte(nil), k...)
					return nil
				}
				i++
				if st, err := decodeState(v, b.maxAge, b.now()); err == nil && st == nil {
					key := string(k)
					if err := c.Delete(); err != nil {
						return err
					}
					id := tx.ID()
					tx.OnCommit(func() { b.cache.drop(key, id) })
					n++
				}
			}
			return nil
		})
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

var pingKey = []byte("ping")

// Ping implements Store: it writes to the file, so a full disk or a file
// that cannot be written makes the store unready.
func (b *Bolt) Ping(context.Context) error {
	return b.db.Update(func(tx *bolt.Tx) error {
		bk, err := tx.CreateBucketIfNotExists([]byte("health"))
		if err != nil {
			return err
		}
		return bk.Put(pingKey, []byte(b.now().UTC().Format(time.RFC3339)))
	})
}

// Close implements Store.
func (b *Bolt) Close() error { return b.db.Close() }
