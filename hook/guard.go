package hook

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/msglint/msglint/hook/store"
	"github.com/msglint/msglint/policy"
)

// guard is the store as the hook uses it: every call ends within the
// request's budget, whether or not the store honours its context, and a
// circuit breaker stops calling a store that keeps failing, so that while
// it is down or frozen the configured mode answers at once instead of
// after a timeout per request.
type guard struct {
	store store.Store
	// trip is how many failures in a row open the circuit; cool how long
	// it stays open before one call probes the store again.
	trip int
	cool time.Duration

	mu       sync.Mutex
	failures int
	until    time.Time // open until
	probing  bool
	onChange func(open bool)
	// open mirrors failures >= trip for readers that take no lock.
	open atomic.Bool
}

var errOpen = fmt.Errorf("%w: circuit open after repeated failures; retrying the store shortly", store.ErrUnavailable)

// admit says whether a call may go to the store, and whether it is the
// probe of a half-open circuit.
func (g *guard) admit() (probe bool, err error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.failures < g.trip {
		return false, nil
	}
	if time.Now().Before(g.until) || g.probing {
		return false, errOpen
	}
	g.probing = true
	return true, nil
}

// closed says whether the circuit is closed: the store is being called.
func (g *guard) closed() bool { return !g.open.Load() }

func (g *guard) record(err error, probe bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if probe {
		g.probing = false
	}
	wasOpen := g.failures >= g.trip
	if err == nil {
		g.failures = 0
	} else {
		g.failures++
		if g.failures >= g.trip {
			g.until = time.Now().Add(g.cool)
		}
	}
	isOpen := g.failures >= g.trip
	g.open.Store(isOpen)
	if isOpen != wasOpen && g.onChange != nil {
		g.onChange(isOpen)
	}
}

// guarded runs fn against the store within ctx's deadline. When the
// deadline passes first, the call goes on in the background and its result
// is dropped (fn must then leave the caller's variables alone): a write that
// lands late is harmless, as events are applied once by id.
func guarded[T any](ctx context.Context, g *guard, fn func(context.Context) (T, error)) (T, error) {
	var zero T
	probe, err := g.admit()
	if err != nil {
		return zero, err
	}
	type result struct {
		v     T
		err   error
		panic any
	}
	done := make(chan result, 1)
	go func() {
		// A panic in the store is the request's, answered 500, not the
		// process's.
		defer func() {
			if p := recover(); p != nil {
				done <- result{panic: p}
			}
		}()
		v, err := fn(ctx)
		done <- result{v: v, err: err}
	}()
	var res result
	select {
	case res = <-done:
		if res.panic != nil {
			panic(res.panic)
		}
	case <-ctx.Done():
		res.err = fmt.Errorf("%w: no answer within the store budget", store.ErrUnavailable)
	}
	if res.err != nil && !errors.Is(res.err, store.ErrUnavailable) {
		// A write the store refused (a full disk) counts as a failure too.
		res.err = fmt.Errorf("%w: %v", store.ErrUnavailable, res.err)
	}
	g.record(res.err, probe)
	if res.err != nil {
		return zero, res.err
	}
	return res.v, nil
}

// peeker is a store that can answer some reads from memory at once (the
// embedded store, which keeps its latest states decoded).
type peeker interface {
	Peek(key string) (st *policy.State, ok bool, err error)
}

// peek reads a state the store has in memory; false when it has not, or
// the circuit is open (then the configured mode answers, as for any read).
// The state may be shared, and must not be changed.
func (g *guard) peek(key string) (*policy.State, bool) {
	if p, ok := g.store.(peeker); ok && g.closed() {
		if st, ok, err := p.Peek(key); ok && err == nil {
			return st, true
		}
	}
	return nil, false
}

// get reads a state within ctx's deadline, from memory when it can; the
// state may be shared, and must not be changed.
func (g *guard) get(ctx context.Context, key string) (*policy.State, error) {
	if st, ok := g.peek(key); ok {
		return st, nil
	}
	return guarded(ctx, g, func(ctx context.Context) (*policy.State, error) { return g.store.Get(ctx, key) })
}

// update changes a state; fn's effects on the caller's variables count only
// when it returns nil.
func (g *guard) update(ctx context.Context, key string, fn func(*policy.State)) error {
	_, err := guarded(ctx, g, func(ctx context.Context) (struct{}, error) { return struct{}{}, g.store.Update(ctx, key, fn) })
	return err
}

func (g *guard) ping(ctx context.Context) error {
	// Readiness asks the store itself, even with the circuit open: it is
	// how an operator sees the store come back.
	done := make(chan error, 1)
	go func() { done <- g.store.Ping(ctx) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return fmt.Errorf("%w: no answer within %s", store.ErrUnavailable, "the readiness budget")
	}
}
