package store

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/msglint/msglint/internal/testredis"
	"github.com/msglint/msglint/policy"
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
