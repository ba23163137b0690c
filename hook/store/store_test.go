package store

import (
	"context"
	"fmt"
	"path/filepath"
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
