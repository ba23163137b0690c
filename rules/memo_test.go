package rules

import (
	"strconv"
	"strings"
	"sync"
	"testing"
)

// TestMemoConcurrent has goroutines ask one memo for overlapping words
// while its table grows: every answer is the function's, and every word is
// remembered once asked again.
func TestMemoConcurrent(t *testing.T) {
	var c memo[string]
	var mu sync.Mutex
	calls := map[string]int{}
	work := func(key string) func() string {
		return func() string {
			mu.Lock()
			calls[key]++
			mu.Unlock()
			return "v" + key
		}
	}
	const words = 5000
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range words {
				key := strconv.Itoa((i*7 + g*13) % words)
				if got := c.get(key, work(key)); got != "v"+key {
					t.Errorf("get(%q) = %q", key, got)
				}
			}
		}()
	}
	wg.Wait()
	if len(calls) != words {
		t.Errorf("%d words worked out, want %d", len(calls), words)
	}
	// A word stored while another goroutine copied the table may have
	// been lost (worked out again, never wrong); once asked by one
	// goroutine alone, every word is remembered.
	for range 2 {
		for i := range words {
			key := strconv.Itoa(i)
			if got := c.get(key, work(key)); got != "v"+key {
				t.Errorf("get(%q) = %q", key, got)
			}
		}
	}
	for i := range words {
		key := strconv.Itoa(i)
		c.get(key, func() string { t.Errorf("%q worked out again", key); return "" })
	}
}

// A word longer than 64 is worked out each time it is asked, and
// not kept: the cap counts words, and a word may be a message long.
func TestMemoSkipsLongWords(t *testing.T) {
	var c memo[int]
	calls := 0
	f := func() int { calls++; return 1 }
	long := strings.Repeat("ş", memoMaxKey/2+1)
	c.get(long, f)
	c.get(long, f)
	if calls != 2 {
		t.Errorf("a word of %d bytes worked out %d times in 2 asks, want 2 (not kept)", len(long), calls)
	}
	if c.table.Load() != nil || c.n.Load() != 0 {
		t.Errorf("a long word was stored")
	}
	edge := strings.Repeat("a", memoMaxKey)
	c.get(edge, f)
	c.get(edge, f)
	if calls != 3 {
		t.Errorf("a word of %d bytes worked out %d times in 2 asks, want 1", len(edge), calls-2)
	}
}

// No memo table is ever more than half full, however many goroutines
// store into it at once: a probe for a word not there ends at an empty
// slot, and a table with none would make it go round for ever. Words are
// stored from several goroutines at once, a few more than half a first
// table's slots, many times over.
func TestMemoTableNeverFull(t *testing.T) {
	const words = 33 // one past half of the first table (64 slots)
	for round := range 10000 {
		var c memo[int]
		var start, wg sync.WaitGroup
		start.Add(1)
		for g := range 8 {
			wg.Go(func() {
				start.Wait()
				for i := range words {
					key := strconv.Itoa((i + g*5) % words)
					c.get(key, func() int { return i })
				}
			})
		}
		start.Done()
		wg.Wait()
		tb := c.table.Load()
		full := 0
		for i := range tb.slots {
			if tb.slots[i].Load() != nil {
				full++
			}
		}
		if 2*full > len(tb.slots) {
			t.Fatalf("round %d: %d of a table's %d slots taken, more than half", round, full, len(tb.slots))
		}
	}
}

// Words that share a front slot each get their own answer, worked out
// once: the slot holds the first asked, the table the rest.
func TestMemoFrontShared(t *testing.T) {
	slots := map[int][]string{}
	var pair []string
	for i := 0; pair == nil; i++ {
		w := "w" + strconv.Itoa(i)
		s := frontSlot(w)
		if slots[s] = append(slots[s], w); len(slots[s]) == 2 {
			pair = slots[s]
		}
	}
	var c memo[string]
	calls := 0
	for range 3 {
		for _, w := range pair {
			if got := c.get(w, func() string { calls++; return "v" + w }); got != "v"+w {
				t.Fatalf("get(%q) = %q, want %q", w, got, "v"+w)
			}
		}
	}
	if calls != 2 {
		t.Errorf("%q and %q, sharing slot %d, worked out %d times in 6 asks, want 2", pair[0], pair[1], frontSlot(pair[0]), calls)
	}
}
