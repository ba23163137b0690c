package store

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/msglint/msglint/policy"
	"github.com/redis/go-redis/v9"
)

// Redis is the shared store for several hooks behind a load balancer: one
// Redis server, a Redis Cluster or a Sentinel-watched primary, through
// go-redis's universal client. Each conversation is one key that expires
// when the conversation has been quiet for longer than the age limit; the
// key is hash-tagged by conversation ({channel:id}), so on a cluster each
// conversation's transaction stays on one node.
type Redis struct {
	c      redis.UniversalClient
	maxAge time.Duration
	now    func() time.Time
	prefix string
}

// Timeouts of the Redis client: a check waits for the store, so a dead or
// frozen Redis must fail fast for the configured mode to answer. Dialling is
// tried twice at most, never five times with back-off.
const (
	redisTimeout = 250 * time.Millisecond
	redisDials   = 1
)

// OpenRedis connects to a Redis address:
//
//	redis://[:password@]host:port/db          one server (rediss:// for TLS)
//	redis+cluster://[:password@]h1:p1,h2:p2    a Redis Cluster, seeded by any of its nodes
//	redis+sentinel://[:password@]s1:p1,s2:p2/db?master=name   Sentinel
func OpenRedis(addr string, maxAge time.Duration) (*Redis, error) {
	opt, err := redisOptions(addr)
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", redactURL(addr), err)
	}
	opt.DialTimeout, opt.ReadTimeout, opt.WriteTimeout, opt.PoolTimeout = redisTimeout, redisTimeout, redisTimeout, redisTimeout
	opt.DialerRetries, opt.MaxRetries, opt.ContextTimeoutEnabled = redisDials, 1, true
	// A delivery writes its conversations at once (up to 128).
	opt.PoolSize = 128
	return &Redis{c: redis.NewUniversalClient(opt), maxAge: maxAge, now: time.Now, prefix: "msglint:conv:"}, nil
}

func redisOptions(addr string) (*redis.UniversalOptions, error) {
	// A list of hosts is not a URL's host: take it out before parsing.
	scheme, rest, ok := strings.Cut(addr, "://")
	if !ok {
		return nil, errors.New("not a URL")
	}
	end := strings.IndexAny(rest, "/?")
	if end < 0 {
		end = len(rest)
	}
	at := strings.LastIndexByte(rest[:end], '@') + 1
	hosts := rest[at:end]
	u, err := url.Parse(scheme + "://" + rest[:at] + "hosts" + rest[end:])
	if err != nil {
		return nil, err
	}
	base, mode, _ := strings.Cut(u.Scheme, "+")
	if base != "redis" && base != "rediss" {
		return nil, fmt.Errorf("unknown scheme %q", u.Scheme)
	}
	opt := &redis.UniversalOptions{Addrs: strings.Split(hosts, ",")}
	if u.User != nil {
		opt.Username = u.User.Username()
		opt.Password, _ = u.User.Password()
	}
	if base == "rediss" {
		opt.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	}
	if db := strings.Trim(u.Path, "/"); db != "" {
		if opt.DB, err = strconv.Atoi(db); err != nil {
			return nil, fmt.Errorf("database %q is not a number", db)
		}
	}
	for i, a := range opt.Addrs {
		if a == "" {
			return nil, errors.New("no host")
		}
		if !strings.Contains(a, ":") {
			opt.Addrs[i] = a + ":6379"
		}
	}
	switch mode {
	case "":
		if len(opt.Addrs) > 1 {
			return nil, errors.New("several hosts: use redis+cluster:// or redis+sentinel://")
		}
	case "cluster":
		opt.IsClusterMode = true
		if opt.DB != 0 {
			return nil, errors.New("a Redis Cluster has only database 0")
		}
	case "sentinel":
		if opt.MasterName = u.Query().Get("master"); opt.MasterName == "" {
			return nil, errors.New("sentinel: name the primary with ?master=name")
		}
		opt.SentinelPassword = opt.Password
	default:
		return nil, fmt.Errorf("unknown scheme %q (redis+cluster or redis+sentinel)", u.Scheme)
	}
	return opt, nil
}

// redactURL hides a password in an address for error messages.
func redactURL(addr string) string {
	if u, err := url.Parse(addr); err == nil {
		return u.Redacted()
	}
	return "redis address"
}

// SetClock sets the clock used for expiry (tests).
func (r *Redis) SetClock(now func() time.Time) { r.now = now }

// key is a conversation's Redis key, hash-tagged so that a cluster keeps it
// on one node.
func (r *Redis) key(key string) string { return r.prefix + "{" + key + "}" }

// Get implements Store.
func (r *Redis) Get(ctx context.Context, key string) (*policy.State, error) {
	data, err := r.c.Get(ctx, r.key(key)).Bytes()
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
	k := r.key(key)
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
	for attempt := range 50 {
		err := r.c.Watch(ctx, txf, k)
		if errors.Is(err, redis.TxFailedErr) {
			if err := backoff(ctx, attempt); err != nil {
				return fmt.Errorf("%w: %v", ErrUnavailable, err)
			}
			continue
		}
		if err != nil && !isStateError(err) {
			return fmt.Errorf("%w: %v", ErrUnavailable, err)
		}
		return err
	}
	return fmt.Errorf("%w: conversation %s changed by others 50 times in a row", ErrUnavailable, key)
}

// backoff waits a random while, up to twice as long after each lost race
// (at most 16 ms), before a transaction is tried again: writers crowding one
// conversation spread out instead of colliding again at once.
func backoff(ctx context.Context, attempt int) error {
	d := time.Duration(rand.Int64N(int64(time.Millisecond) << min(attempt, 4)))
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

func isStateError(err error) bool {
	var se *json.SyntaxError
	var ue *json.UnmarshalTypeError
	return errors.As(err, &se) || errors.As(err, &ue)
}

// Ping implements Store: it writes a short-lived key, so a Redis that
// answers but refuses writes (out of memory, a read-only replica) is not
// ready.
func (r *Redis) Ping(ctx context.Context) error {
	if err := r.c.Set(ctx, r.prefix+"{ping}", r.now().UTC().Format(time.RFC3339), time.Minute).Err(); err != nil {
		return fmt.Errorf("%w: %v", ErrUnavailable, err)
	}
	return nil
}

// Close implements Store.
func (r *Redis) Close() error { return r.c.Close() }
