package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/msglint/msglint/policy"
	"github.com/redis/go-redis/v9"
)

// Redis is the shared store for several hooks behind a load balancer. Each
// conversation is one key that expires when the conversation has been quiet
// for longer than the age limit.
type Redis struct {
	c      *redis.Client
	maxAge time.Duration
	now    func() time.Time
	prefix string
}

// OpenRedis connects to redis://host:port/db (rediss:// for TLS).
func OpenRedis(addr string, maxAge time.Duration) (*Redis, error) {
	opt, err := redis.ParseURL(addr)
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", addr, err)
	}
	// A check waits for the store: fail fast so the configured mode answers.
	opt.DialTimeout, opt.ReadTimeout, opt.WriteTimeout, opt.MaxRetries = 500*time.Millisecond, 500*time.Millisecond, 500*time.Millisecond, 1
	return &Redis{c: redis.NewClient(opt), maxAge: maxAge, now: time.Now, prefix: "msglint:conv:"}, nil
}

// SetClock sets the clock used for expiry (tests).
func (r *Redis) SetClock(now func() time.Time) { r.now = now }

// Get implements Store.
func (r *Redis) Get(ctx context.Context, key string) (*policy.State, error) {
	data, err := r.c.Get(ctx, r.prefix+key).Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnavailable, err)
	}
	return decodeState(data, r.maxAge, r.now())
}

// Update implements Store with an optimistic transaction (WATCH/MULTI),
// retried when another hook changed the conversation in between. Redis
// acknowledges a write once it is in memory; its own persistence settings
// (appendonly, appendfsync) decide what survives a Redis crash.
func (r *Redis) Update(ctx context.Context, key string, fn func(*policy.State)) error {
	k := r.prefix + key
	txf := func(tx *redis.Tx) error {
		data, err := tx.Get(ctx, k).Bytes()
		if err != nil && !errors.Is(err, redis.Nil) {
			return err
		}
		out, err := updateState(data, r.maxAge, r.now(), fn)
		if err != nil {
			return err
		}
		_, err = tx.TxPipelined(ctx, func(p redis.Pipeliner) error {
			p.Set(ctx, k, out, r.maxAge)
			return nil
		})
		return err
	}
	for range 50 {
		err := r.c.Watch(ctx, txf, k)
		if errors.Is(err, redis.TxFailedErr) {
			continue
		}
		if err != nil && !isStateError(err) {
			return fmt.Errorf("%w: %v", ErrUnavailable, err)
		}
		return err
	}
	return fmt.Errorf("%w: conversation %s changed by others 50 times in a row", ErrUnavailable, key)
}

func isStateError(err error) bool {
	var se *json.SyntaxError
	var ue *json.UnmarshalTypeError
	return errors.As(err, &se) || errors.As(err, &ue)
}

// Ping implements Store.
func (r *Redis) Ping(ctx context.Context) error {
	if err := r.c.Ping(ctx).Err(); err != nil {
		return fmt.Errorf("%w: %v", ErrUnavailable, err)
	}
	return nil
}

// Close implements Store.
func (r *Redis) Close() error { return r.c.Close() }
