package store

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/msglint/msglint/internal/testredis"
	"github.com/msglint/msglint/policy"
	bolt "go.etcd.io/bbolt"
)

type clockedStore interface {
	Store
	SetClock(func() time.Time)
}

// testStore checks what the hook relies on, for every store.
func testStore(t *testing.T, s clockedStore) {
	ctx := context.Background()
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	s.SetClock(func() time.Time { mu.Lock(); defer mu.Unlock(); return now })
	if st, err := s.Get(ctx, "messenger:nobody"); st != nil || err != nil {
		t.Fatalf("unknown conversation: %+v %v", st, err)
	}
	err := s.Update(ctx, "messenger:a", func(st *policy.State) {
		st.ID, st.Last, st.Open, st.OpenType = "a", now, now, policy.Message
		st.Unanswered = []time.Time{now}
	})
	if err != nil {
		t.Fatal(err)
	}
	st, err := s.Get(ctx, "messenger:a")
	if err != nil || st == nil || st.ID != "a" || !st.Open.Equal(now) || st.OpenType != policy.Message || len(st.Unanswered) != 1 {
		t.Fatalf("read back: %+v %v", st, err)
	}
	// Concurrent changes to one conversation are none of them lost.
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 25 {
				if err := s.Update(ctx, "messenger:a", func(st *policy.State) { st.Waiting = append(st.Waiting, now) }); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	if st, _ := s.Get(ctx, "messenger:a"); st == nil || len(st.Waiting) != 100 {
		t.Fatalf("after 100 concurrent updates: %+v", st)
	}
	// Quiet for longer than the age limit: forgotten.
	mu.Lock()
	now = now.Add(9 * 24 * time.Hour)
	mu.Unlock()
	if st, err := s.Get(ctx, "messenger:a"); st != nil || err != nil {
		t.Fatalf("an expired conversation is still there: %+v %v", st, err)
	}
	if err := s.Ping(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestBoltStore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	s, err := OpenBolt(path, 8*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	testStore(t, s)
	// Sweeping in batches of two forgets every expired conversation and
	// keeps the live one.
	for i := range 6 {
		if err := s.Update(context.Background(), fmt.Sprintf("messenger:old-%d", i), func(st *policy.State) { st.Last = time.Now().Add(-30 * 24 * time.Hour) }); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Update(context.Background(), "messenger:live", func(st *policy.State) { st.Last = s.now() }); err != nil {
		t.Fatal(err)
	}
	if n, err := s.Sweep(context.Background(), 2); n != 7 || err != nil {
		t.Errorf("Sweep: %d %v, want 7 (a and six old ones)", n, err)
	}
	if st, _ := s.Get(context.Background(), "messenger:live"); st == nil {
		t.Error("the sweep forgot a live conversation")
	}
	s.Close()
	// A second process may not open the same file.
	other, err := OpenBolt(path, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := OpenBolt(path, time.Hour); err == nil {
		t.Error("the store file was opened twice")
	}
}

func TestRedisStore(t *testing.T) {
	s, err := Open(testredis.URL(t, 1), 8*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	testStore(t, s.(*Redis))
	// Keys carry the age limit as their expiry.
	r := s.(*Redis)
	if ttl := r.c.TTL(context.Background(), r.key("messenger:a")).Val(); ttl <= 7*24*time.Hour || ttl > 8*24*time.Hour {
		t.Errorf("TTL %v", ttl)
	}
}

// The same through Sentinel: the client asks the Sentinel for the primary.
func TestRedisSentinelStore(t *testing.T) {
	s, err := Open("redis+sentinel://"+testredis.Sentinel(t)+"/0?master=primary", 8*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	testStore(t, s.(*Redis))
}

func TestRedisUnreachable(t *testing.T) {
	s, err := Open("redis://127.0.0.1:1/0", time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Get(context.Background(), "x"); err == nil {
		t.Error("no error from an unreachable Redis")
	}
	if err := s.Update(context.Background(), "x", func(*policy.State) {}); err == nil {
		t.Error("no error from an unreachable Redis")
	}
}

func TestRedisAddresses(t *testing.T) {
	for _, c := range []struct {
		addr, want string
	}{
		{"redis://127.0.0.1:6379/2", "single [127.0.0.1:6379] db 2"},
		{"redis://:pw@cache", "single [cache:6379] db 0 password"},
		{"redis+cluster://a:7000,b:7001,c", "cluster [a:7000 b:7001 c:6379] db 0"},
		{"rediss+cluster://a:7000", "cluster [a:7000] db 0 tls"},
		{"redis+sentinel://:pw@s1:26379,s2:26379/1?master=main", "sentinel main [s1:26379 s2:26379] db 1 password"},
		{"redis://a:1,b:2", "error: several hosts: use redis+cluster:// or redis+sentinel://"},
		{"redis+cluster://a:1/3", "error: a Redis Cluster has only database 0"},
		{"redis+sentinel://s1:26379", "error: sentinel: name the primary with ?master=name"},
		{"redis+ring://a:1", `error: unknown scheme "redis+ring" (redis+cluster or redis+sentinel)`},
		{"redis://a:1/x", `error: database "x" is not a number`},
	} {
		o, err := redisOptions(c.addr)
		got := ""
		switch {
		case err != nil:
			got = "error: " + err.Error()
		case o.MasterName != "":
			got = fmt.Sprintf("sentinel %s %v db %d", o.MasterName, o.Addrs, o.DB)
		case o.IsClusterMode:
			got = fmt.Sprintf("cluster %v db %d", o.Addrs, o.DB)
		default:
			got = fmt.Sprintf("single %v db %d", o.Addrs, o.DB)
		}
		if err == nil && o.Password != "" {
			got += " password"
		}
		if err == nil && o.TLSConfig != nil {
			got += " tls"
		}
		if got != c.want {
			t.Errorf("%s: %s, want %s", c.addr, got, c.want)
		}
	}
	// Open knows every form by its scheme, a host list too.
	s, err := Open("redis+cluster://127.0.0.1:1,127.0.0.1:2", time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.(*Redis); !ok {
		t.Errorf("a cluster address opened %T", s)
	}
	s.Close()
	if _, err := Open("memcache://x", time.Hour); err == nil || !strings.Contains(err.Error(), `unknown scheme "memcache"`) {
		t.Errorf("memcache://: %v", err)
	}
	// A password never shows in an error.
	if _, err := OpenRedis("redis://:s3cret@a:1,b:2", time.Hour); err == nil || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("error %v", err)
	}
}

// The embedded store answers reads from memory: every read after an
// acknowledged write sees it, however writes, reads and evictions
// interleave, and the file holds every acknowledged write when it is
// opened again.
func TestBoltCacheNeverLosesAWrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	s, err := OpenBolt(path, 8*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	// One entry per shard: nearly every read misses and evicts.
	s.cache = newStateCache(cacheShards, 1<<20)
	ctx := context.Background()
	const keys, writes = 8, 40
	var acked [keys]atomic.Int64
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := range writes {
				k := (w + i) % keys
				if err := s.Update(ctx, fmt.Sprintf("messenger:%d", k), func(st *policy.State) {
					st.Last = time.Now()
					st.Waiting = append(st.Waiting, time.Now())
				}); err != nil {
					t.Error(err)
					return
				}
				acked[k].Add(1)
			}
		})
	}
	for r := range 4 {
		wg.Go(func() {
			for i := range 400 {
				k := (r + i) % keys
				want := acked[k].Load()
				st, err := s.Get(ctx, fmt.Sprintf("messenger:%d", k))
				if err != nil {
					t.Error(err)
					return
				}
				if got := int64(0); st != nil {
					got = int64(len(st.Waiting))
					if got < want {
						t.Errorf("key %d: read %d writes after %d were acknowledged", k, got, want)
						return
					}
				} else if want > 0 {
					t.Errorf("key %d: no state after %d acknowledged writes", k, want)
					return
				}
			}
		})
	}
	wg.Wait()
	s.Close()
	again, err := OpenBolt(path, 8*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	total := 0
	for k := range keys {
		st, err := again.Get(ctx, fmt.Sprintf("messenger:%d", k))
		if err != nil || st == nil {
			t.Fatalf("key %d after reopening: %v %v", k, st, err)
		}
		if int64(len(st.Waiting)) != acked[k].Load() {
			t.Errorf("key %d after reopening: %d writes, %d acknowledged", k, len(st.Waiting), acked[k].Load())
		}
		total += len(st.Waiting)
	}
	if total != 4*writes {
		t.Errorf("%d writes on file, want %d", total, 4*writes)
	}
}

// Entries are ordered by transaction: an older one never replaces a newer,
// a read never replaces a write of the same transaction, and a read older
// than an entry dropped from its shard is not kept.
func TestStateCacheOrder(t *testing.T) {
	c := newStateCache(cacheShards, 1<<20) // one entry per shard
	c.put("a", 5, []byte("five"), false)
	c.put("a", 4, []byte("four"), false)
	c.put("a", 5, []byte("read"), true)
	if e := c.get("a"); string(e.raw) != "five" {
		t.Errorf("entry %q, want five", e.raw)
	}
	c.put("a", 6, []byte("six"), true)
	if e := c.get("a"); string(e.raw) != "six" {
		t.Errorf("entry %q, want six", e.raw)
	}
	// Another key of a's shard evicts a; a read of a from before the
	// eviction is then not kept, a newer one is.
	other := ""
	for i := 0; other == ""; i++ {
		if k := fmt.Sprint(i); c.shard(k) == c.shard("a") {
			other = k
		}
	}
	c.put(other, 7, []byte("x"), false)
	if c.get("a") != nil {
		t.Fatal("a full shard kept both")
	}
	c.put("a", 5, []byte("stale"), true)
	if e := c.get("a"); e != nil {
		t.Errorf("a read older than an eviction was kept: %q", e.raw)
	}
	c.drop(other, 9)
	c.put("a", 8, []byte("stale"), true)
	if e := c.get("a"); e != nil {
		t.Errorf("a read older than a drop was kept: %q", e.raw)
	}
	c.put("a", 9, []byte("nine"), true)
	if e := c.get("a"); e == nil || string(e.raw) != "nine" {
		t.Errorf("a current read was not kept: %v", e)
	}
	// A state larger than a shard's bytes is not kept, and the smaller
	// state it replaced is gone with it.
	small := newStateCache(cacheShards, 4*cacheShards)
	small.put("a", 1, []byte("abc"), false)
	small.put("a", 2, []byte("too large"), false)
	small.put("a", 1, []byte("abc"), true)
	if e := small.get("a"); e != nil {
		t.Errorf("kept %q at %d", e.raw, e.txid)
	}
	small.put("a", 3, []byte("abcd"), false)
	if e := small.get("a"); e == nil || string(e.raw) != "abcd" {
		t.Errorf("a state of the shard's size was not kept: %v", e)
	}
}

// A write starts from the state kept in memory (no decode) when it holds
// what the file holds: what it writes is what starting from the file's
// bytes writes, and a reader's state is left as it was, maps and lists
// included.
func TestBoltWriteFromMemory(t *testing.T) {
	s, err := OpenBolt(filepath.Join(t.TempDir(), "state.db"), 8*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	s.SetClock(func() time.Time { return now })
	change := func(i int) func(*policy.State) {
		return func(st *policy.State) {
			at := now.Add(time.Duration(i) * time.Second)
			st.ID, st.Last = "a", at
			st.Waiting = append(st.Waiting, at)
			st.Prints = append(st.Prints, policy.Print{At: at, Text: uint64(i), Words: i})
			st.Questions = append(st.Questions, policy.Question{At: at})
			if st.Given == nil {
				st.Given = map[string]policy.Datum{}
			}
			st.Given[fmt.Sprint("kind-", i)] = policy.Datum{At: at}
			if st.Applied == nil {
				st.Applied = map[string]int64{}
			}
			st.Applied[fmt.Sprint("id-", i)] = int64(i)
		}
	}
	for i := range 5 {
		held, err := s.Get(ctx, "messenger:a")
		if err != nil {
			t.Fatal(err)
		}
		heldBefore, _ := json.Marshal(held)
		var raw []byte
		s.db.View(func(tx *bolt.Tx) error {
			raw = bytes.Clone(tx.Bucket(boltBucket).Get([]byte("messenger:a")))
			return nil
		})
		want, err := updateState(raw, s.maxAge, now, change(i))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Update(ctx, "messenger:a", change(i)); err != nil {
			t.Fatal(err)
		}
		var got []byte
		s.db.View(func(tx *bolt.Tx) error {
			got = bytes.Clone(tx.Bucket(boltBucket).Get([]byte("messenger:a")))
			return nil
		})
		if !bytes.Equal(got, want) {
			t.Fatalf("write %d from memory:\n got %s\nwant %s", i, got, want)
		}
		if heldAfter, _ := json.Marshal(held); !bytes.Equal(heldAfter, heldBefore) {
			t.Fatalf("write %d changed a reader's state:\n was %s\n now %s", i, heldBefore, heldAfter)
		}
	}
	if st, _ := s.Get(ctx, "messenger:a"); st == nil || len(st.Waiting) != 5 || len(st.Applied) != 5 {
		t.Fatalf("after five writes: %+v", st)
	}
}

// BenchmarkBoltUpdate is a check of a busy conversation (its lists full, a
// few hundred event ids) and then its recorded send: a read, which decodes
// the state kept in memory, and a write, in updates/s and allocs/op.
func BenchmarkBoltUpdate(b *testing.B) {
	s, err := OpenBolt(filepath.Join(b.TempDir(), "state.db"), 8*24*time.Hour)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	s.db.NoSync = true // the write's own work, not the disk's
	ctx := context.Background()
	now := time.Now()
	err = s.Update(ctx, "messenger:a", func(st *policy.State) {
		st.ID, st.Last = "a", now
		st.Given = map[string]policy.Datum{"order": {At: now}, "email": {At: now}}
		st.Applied = map[string]int64{}
		for i := range 300 {
			st.Applied[fmt.Sprintf("%016x", i)] = now.Unix()
		}
		for i := range 16 {
			st.Prints = append(st.Prints, policy.Print{At: now.Add(time.Duration(i) * time.Second), Text: uint64(i), Words: 12})
		}
		for i := range 8 {
			st.Questions = append(st.Questions, policy.Question{At: now.Add(time.Duration(i) * time.Second)})
		}
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if st, err := s.Get(ctx, "messenger:a"); st == nil || err != nil {
			b.Fatal(st, err)
		}
		if err := s.Update(ctx, "messenger:a", func(st *policy.State) { st.Last = time.Now() }); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "updates/s")
}
