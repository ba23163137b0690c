// Package store keeps the hook's conversation states between requests: in
// an embedded bbolt file, or in Redis shared by several hooks.
package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/policy"
)

// Key names a conversation in a store. Messenger and Instagram user ids are
// scoped to one page or account, so channel and conversation are enough.
func Key(ch lint.Channel, conversation string) string { return string(ch) + ":" + conversation }

// Store keeps conversation states for the hook.
type Store interface {
	// Get returns a conversation's state; nil when it is unknown or quiet
	// for longer than the store's age limit. The state may be shared with
	// other readers (the embedded store keeps it in memory): the caller
	// must not change it.
	Get(ctx context.Context, key string) (*policy.State, error)
	// Update changes a conversation's state in one atomic step and returns
	// only once the change is durable. fn may be called more than once
	// (a retried transaction), each time with a fresh copy.
	Update(ctx context.Context, key string, fn func(*policy.State)) error
	// Ping tells whether the store can be reached and written.
	Ping(ctx context.Context) error
	Close() error
}

// ErrUnavailable wraps every failure to reach a store.
var ErrUnavailable = errors.New("state store unavailable")

// Open opens a store by address: a file path or bolt://path for the
// embedded store, redis://host:port/db or rediss:// for Redis,
// redis+cluster://host:port,… for a Redis Cluster and
// redis+sentinel://host:port,…/db?master=name for Sentinel. States quiet
// for longer than maxAge are forgotten.
func Open(addr string, maxAge time.Duration) (Store, error) {
	// The scheme by its text: a list of hosts makes no parseable URL.
	scheme, _, hasScheme := strings.Cut(addr, "://")
	base, _, _ := strings.Cut(scheme, "+")
	switch {
	case hasScheme && (base == "redis" || base == "rediss"):
		return OpenRedis(addr, maxAge)
	case scheme == "bolt" && hasScheme:
		return OpenBolt(strings.TrimPrefix(addr, "bolt://"), maxAge)
	case hasScheme && len(scheme) > 1 && !strings.ContainsAny(scheme, "/\\"):
		return nil, fmt.Errorf("store %q: unknown scheme %q (use a file path, bolt://path, redis://, redis+cluster:// or redis+sentinel://)", addr, scheme)
	}
	return OpenBolt(addr, maxAge)
}

func decodeState(data []byte, maxAge time.Duration, now time.Time) (*policy.State, error) {
	if data == nil {
		return nil, nil
	}
	st := new(policy.State)
	if err := json.Unmarshal(data, st); err != nil {
		return nil, fmt.Errorf("stored state: %w", err)
	}
	if maxAge > 0 && now.Sub(st.Last) > maxAge {
		return nil, nil
	}
	return st, nil
}

// updateState is one read-change-write of a stored state, the same on every
// store: decode what is there (nil or expired is a new conversation), let fn
// change it, and encode the result for the store to write.
func updateState(data []byte, maxAge time.Duration, now time.Time, fn func(*policy.State)) ([]byte, error) {
	st, err := decodeState(data, maxAge, now)
	if err != nil {
		return nil, err
	}
	return changeState(st, fn)
}

// changeState lets fn change a decoded state (nil: a new conversation) and
// encodes the result.
func changeState(st *policy.State, fn func(*policy.State)) ([]byte, error) {
	if st == nil {
		st = new(policy.State)
	}
	fn(st)
	return json.Marshal(st)
}
