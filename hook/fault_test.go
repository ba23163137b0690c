package hook

// The fault and abuse suite: what a sending pipeline does to the hook
// (late, replayed and concurrent requests, odd times), what an attacker
// does (slow bodies, cross-origin posts), and what the machine does (a
// frozen store, a full disk).

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/msglint/msglint/hook/store"
	"github.com/msglint/msglint/internal/testredis"
	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/policy"
)

func event(conv, ch, typ, at, text string) string {
	return fmt.Sprintf(`{"time":%q,"conversation":%q,"channel":%q,"direction":"in","actor":"customer","type":%q,"text":%q}`, at, conv, ch, typ, text)
}

// An opt-in dated before a STOP and heard of after it does not lift the
// STOP; a grant dated before a revocation does not restore consent.
func TestOutOfOrderEvents(t *testing.T) {
	h := newHarness(t, nil)
	h.expect("POST", "/v1/events", event("+90555", "sms", "message", "2026-11-23T09:50:00Z", "STOP"), 200, `"accepted":1`)
	h.expect("POST", "/v1/events", event("+90555", "sms", "optin", "2026-11-23T09:40:00Z", ""), 200, `"accepted":1`)
	h.expect("POST", "/v1/check", `{"conversation":"+90555","channel":"sms","message":{"text":"Your order ships today. Reply STOP to opt out","lang":"en"}}`, 200,
		`sent after the customer replied STOP at 2026-11-23T09:50:00Z`)
	h.expect("POST", "/v1/events", event("f", "messenger", "message", "2026-11-23T09:30:00Z", "hi")+"\n"+event("f", "messenger", "consent_revoked", "2026-11-23T09:50:00Z", ""), 200, `"accepted":2`)
	h.expect("POST", "/v1/events", event("f", "messenger", "consent_granted", "2026-11-23T09:40:00Z", ""), 200, `"accepted":1`)
	h.expect("POST", "/v1/check", `{"conversation":"f","channel":"messenger","message":{"text":"Hi! We forwarded your conversation to our courier partner. Thanks!","lang":"en"}}`, 200,
		`after the customer revoked consent`)
}

// The same signed delivery posted four times counts once; its bad item is
// acknowledged (never a 503 Meta would retry forever) and logged.
func TestReplayedDeliveries(t *testing.T) {
	h := newHarness(t, nil)
	ms := at("2026-11-23T09:00:00Z").UnixMilli()
	body := fmt.Sprintf(`{"object":"page","entry":[{"id":"PAGE","time":%d,"messaging":[
{"sender":{"id":"d1"},"recipient":{"id":"PAGE"},"timestamp":%d,"message":{"mid":"m.in","text":"hi"}},
{"sender":{"id":"PAGE"},"recipient":{"id":"d1"},"timestamp":%d,"message":{"mid":"m.echo","text":"Hello! How can we help?","is_echo":true}},
{"sender":{},"recipient":{"id":"PAGE"},"timestamp":%d,"message":{"mid":"m.bad","text":"no sender"}},
{"sender":{"id":"d1"},"recipient":{"id":"PAGE"},"timestamp":"yesterday","postback":{}}]}]}`, ms, ms, ms+1000, ms)
	sig := Sign(secret, []byte(body))
	h.expect("POST", "/webhook/messenger", body, 200, `{"accepted":2,"invalid":2,"findings":[]}`, "X-Hub-Signature-256", sig)
	for range 3 {
		h.expect("POST", "/webhook/messenger", body, 200, `{"accepted":0,"duplicates":2,"invalid":2,"findings":[]}`, "X-Hub-Signature-256", sig)
	}
	st, err := h.store.Get(context.Background(), store.Key(lint.Messenger, "d1"))
	if err != nil || st == nil || len(st.Unanswered) != 1 {
		t.Fatalf("after four deliveries of one echo: %+v %v", st, err)
	}
	// /v1/events de-duplicates by event_id.
	ev := `{"time":"2026-11-23T09:10:00Z","conversation":"d2","channel":"messenger","direction":"out","actor":"agent","type":"message","text":"Thanks!","event_id":"send-1"}`
	h.expect("POST", "/v1/events", ev, 200, `"accepted":1`)
	h.expect("POST", "/v1/events", ev, 200, `{"accepted":0,"duplicates":1,`)
	got := h.expect("GET", "/metrics", "", 200, "")
	for _, want := range []string{`msglint_hook_events_dropped_total{reason="duplicate"} 7`, `msglint_hook_events_dropped_total{reason="invalid"} 8`} {
		if !strings.Contains(got, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

// A delivery whose write fails is answered 503 and its retry applies each
// event once, though some conversations were committed the first time.
func TestRetriedDeliveryAfterAFailedWrite(t *testing.T) {
	var fs *faultStore
	h := newHarness(t, func(c *Config) { fs = &faultStore{Store: c.Store, failKey: "messenger:r2"}; c.Store = fs })
	ms := at("2026-11-23T09:00:00Z").UnixMilli()
	body := fmt.Sprintf(`{"object":"page","entry":[{"messaging":[
{"sender":{"id":"PAGE"},"recipient":{"id":"r1"},"timestamp":%d,"message":{"mid":"e1","text":"Hello!","is_echo":true}},
{"sender":{"id":"PAGE"},"recipient":{"id":"r2"},"timestamp":%d,"message":{"mid":"e2","text":"Hello!","is_echo":true}}]}]}`, ms, ms)
	sig := Sign(secret, []byte(body))
	h.expect("POST", "/webhook/messenger", body, 503, `"accepted":1`, "X-Hub-Signature-256", sig)
	fs.failKey = ""
	h.expect("POST", "/webhook/messenger", body, 200, `{"accepted":1,"duplicates":1,`, "X-Hub-Signature-256", sig)
}

// frequencyAsError makes the hook deny a send over the frequency limit
// (it is a warning by default).
func frequencyAsError(t *testing.T, c *Config) {
	t.Helper()
	cfg := &lint.Config{Rules: map[string]lint.RuleConfig{"frequency": {Severity: lint.Error}}}
	linter, err := lint.NewLinter(allRules(), cfg, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.Checker, err = policy.NewChecker(linter, c.Load); err != nil {
		t.Fatal(err)
	}
	c.Linter = linter
}

// Fifty concurrent recorded checks against a limit of 3 (as an error):
// exactly three are allowed and recorded.
func TestConcurrentRecordedChecks(t *testing.T) {
	h := newHarness(t, func(c *Config) {
		frequencyAsError(t, c)
		// Fifty checks of one conversation are judged one after another:
		// the test is about atomicity, not about the budget.
		c.StoreTimeout = 30 * time.Second
	})
	h.expect("POST", "/v1/events", event("c50", "messenger", "message", "2026-11-23T09:59:00Z", "hi"), 200, "")
	draft := `{"conversation":"c50","channel":"messenger","record":true,"message":{"text":"Hi! Thanks for writing, we are on it.","lang":"en"}}`
	var recorded, denied atomic.Int32
	var wg sync.WaitGroup
	for range 50 {
		wg.Go(func() {
			code, body := h.do("POST", "/v1/check", draft)
			switch {
			case code == 200 && strings.Contains(body, `"recorded":true`):
				recorded.Add(1)
			case code == 200 && strings.Contains(body, `"allow":false`) && strings.Contains(body, "without a reply from the customer (limit 3)"):
				denied.Add(1)
			default:
				t.Errorf("%d %s", code, body)
			}
		})
	}
	wg.Wait()
	if recorded.Load() != 3 || denied.Load() != 47 {
		t.Errorf("%d recorded, %d denied; want 3 and 47", recorded.Load(), denied.Load())
	}
}

// Times out of bounds: an event in the future is refused with the reason; a
// check's time far from now is refused unless the hook runs what-if, and an
// answer at the client's time says so.
func TestTimeBounds(t *testing.T) {
	h := newHarness(t, nil)
	h.expect("POST", "/v1/events", event("t1", "messenger", "message", "2027-11-23T10:00:00Z", "hi"), 400,
		`line 1: time: 2027-11-23T10:00:00Z is 8760h0m0s ahead of the hook's clock (2026-11-23T10:00:00Z); times more than 2m0s in the future are refused`)
	h.expect("POST", "/v1/events", event("t1", "messenger", "message", "2026-11-23T10:01:00Z", "hi"), 200, `"accepted":1`) // within the skew
	h.expect("POST", "/v1/events", event("t1", "messenger", "message", "2026-10-01T10:00:00Z", "hi"), 200, `{"accepted":0,"stale":1,`)
	ms := at("2026-12-23T10:00:00Z").UnixMilli()
	future := webhookBody("t2", ms, "from the future")
	h.expect("POST", "/webhook/messenger", future, 200, `{"accepted":0,"invalid":1,`, "X-Hub-Signature-256", Sign(secret, []byte(future)))
	back := `{"conversation":"t1","channel":"messenger","at":"2026-11-20T10:00:00Z","message":{"text":"Hi!","lang":"en"}}`
	h.expect("POST", "/v1/check", back, 400, `at: 2026-11-20T10:00:00Z is 72h0m0s from the hook's clock`)
	h.expect("POST", "/v1/check", strings.Replace(back, "2026-11-20T10:00:00Z", "2026-11-23T10:01:00Z", 1), 200, `"client_time":true`)

	whatIf := newHarness(t, func(c *Config) { c.WhatIf = true })
	whatIf.expect("POST", "/v1/check", back, 200, `"at":"2026-11-20T10:00:00Z","client_time":true`)
	whatIf.expect("POST", "/v1/check", strings.Replace(back, `"at"`, `"record":true,"at"`, 1), 400, `cannot be recorded`)
}

// Strict JSON and ids.
func TestStrictInput(t *testing.T) {
	h := newHarness(t, nil)
	for _, c := range []struct{ body, want string }{
		{`{"conversation":"a","conversation":"b","channel":"sms","message":{"text":"hi"}}`, `key \"conversation\" appears twice`},
		{`{"conversation":"a","Conversation":"b","channel":"sms","message":{"text":"hi"}}`, `appears twice in one object`},
		{`{"Conversation":"a","channel":"sms","message":{"text":"hi"}}`, `key \"Conversation\": keys are lower-case ASCII`},
		{`{"conversation":"a","channel":"sms","message":{"text":"hi","TEXT":"x"}}`, `appears twice`},
		{`{"conversation":"` + strings.Repeat("x", 40000) + `","channel":"sms","message":{"text":"hi"}}`, `conversation: 40000 bytes long; ids are at most 256 bytes`},
		{"{\"conversation\":\"a\xff\",\"channel\":\"sms\",\"message\":{\"text\":\"hi\"}}", `the body is not valid UTF-8`},
	} {
		h.expect("POST", "/v1/check", c.body, 400, c.want)
	}
	h.expect("POST", "/v1/events", `{"time":"2026-11-23T10:00:00Z","conversation":"a","channel":"sms","direction":"in","type":"message","event_id":"`+strings.Repeat("e", 300)+`"}`, 400, `event_id: 300 bytes long`)
	// The scheme's name in any case (RFC 7235).
	h.expect("POST", "/v1/check", `{"conversation":"a","channel":"sms","message":{"text":"hi"}}`, 200, "", "Authorization", "bearer "+token)
}

// Security headers on every page; the playground runs no inline script.
func TestSecurityHeaders(t *testing.T) {
	h := newHarness(t, nil)
	for _, path := range []string{"/", "/playground.js", "/healthz", "/webhook/messenger?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=<b>x</b>", "/nope"} {
		resp, err := http.Get(h.url + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		csp := resp.Header.Get("Content-Security-Policy")
		if resp.Header.Get("X-Content-Type-Options") != "nosniff" || !strings.Contains(csp, "frame-ancestors 'none'") || strings.Contains(csp, "unsafe-inline'; connect") && strings.Contains(csp, "script-src 'unsafe-inline'") {
			t.Errorf("%s: headers %v", path, resp.Header)
		}
	}
	if !strings.Contains(playgroundCSP, "script-src 'self'") || strings.Contains(string(playgroundHTML), "<script>") {
		t.Error("the playground allows or has inline scripts")
	}
}

// Without a token: JSON only, from a loopback Host and Origin.
func TestNoTokenRefusesCrossOrigin(t *testing.T) {
	if _, err := New(Config{Linter: newHarness(t, nil).srv.cfg.Linter, Checker: newHarness(t, nil).srv.cfg.Checker, Store: brokenStore{}}); err == nil {
		t.Error("a hook without a token started without --insecure-no-token")
	}
	h := newHarness(t, func(c *Config) { c.Token, c.InsecureNoToken = "", true })
	ev := event("x", "messenger", "message", "2026-11-23T09:00:00Z", "hi")
	post := func(contentType, host, origin string) int {
		req, _ := http.NewRequest("POST", h.url+"/v1/events", strings.NewReader(ev))
		req.Header.Set("Content-Type", contentType)
		if host != "" {
			req.Host = host
		}
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	for _, c := range []struct {
		contentType, host, origin string
		want                      int
	}{
		{"text/plain", "", "", 415},
		{"application/x-www-form-urlencoded", "", "https://evil.example", 403},
		{"application/json", "", "https://evil.example", 403},
		{"application/json", "evil.example", "", 403},
		{"application/json", "rebind.evil.example:8080", "http://rebind.evil.example:8080", 403},
		{"application/json", "localhost:8080", "http://localhost:8080", 200},
		{"application/json; charset=utf-8", "", "", 200},
	} {
		if got := post(c.contentType, c.host, c.origin); got != c.want {
			t.Errorf("%s from host %q origin %q: %d, want %d", c.contentType, c.host, c.origin, got, c.want)
		}
	}
	if st, _ := h.store.Get(context.Background(), store.Key(lint.Messenger, "x")); st == nil {
		t.Error("the loopback JSON post was not stored")
	}
}

// faultStore fails writes (a full disk) while its flag is set, or the
// writes of one conversation.
type faultStore struct {
	store.Store
	full    atomic.Bool
	failKey string
}

var errNoSpace = errors.New("write state.db: no space left on device")

func (f *faultStore) Update(ctx context.Context, key string, fn func(*policy.State)) error {
	if f.full.Load() || key == f.failKey {
		return errNoSpace
	}
	return f.Store.Update(ctx, key, fn)
}

func (f *faultStore) Ping(ctx context.Context) error {
	if f.full.Load() {
		return errNoSpace
	}
	return f.Store.Ping(ctx)
}

// A full disk: writes answer 503 (Meta and senders retry), /readyz says
// so, checks still answer from what can be read; once space is back, all
// is well again.
func TestDiskFull(t *testing.T) {
	var fs *faultStore
	h := newHarness(t, func(c *Config) { fs = &faultStore{Store: c.Store}; c.Store = fs })
	h.expect("POST", "/v1/events", event("df", "messenger", "message", "2026-11-23T09:59:00Z", "hi"), 200, "")
	fs.full.Store(true)
	h.expect("GET", "/readyz", "", 503, `no space left on device`)
	h.expect("POST", "/v1/events", event("df", "messenger", "message", "2026-11-23T09:59:30Z", "hi"), 503, `"accepted":0`)
	h.expect("POST", "/v1/check", `{"conversation":"df","channel":"messenger","message":{"text":"Hi! Thanks for writing, we are on it.","lang":"en"}}`, 200, `"allow":true`)
	fs.full.Store(false)
	time.Sleep(1100 * time.Millisecond) // the circuit's cool-down
	h.expect("GET", "/readyz", "", 200, `"ready"`)
	h.expect("POST", "/v1/events", event("df", "messenger", "message", "2026-11-23T09:59:30Z", "hi"), 200, `"accepted":1`)
}

// readyz turns 503 at the start of a drain, before connections stop.
func TestReadyzDrains(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.DrainDelay = 300 * time.Millisecond })
	ln, err := listen()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- h.srv.Serve(ctx, ln, time.Second) }()
	url := "http://" + ln.Addr().String() + "/readyz"
	if resp, err := http.Get(url); err != nil || resp.StatusCode != 200 {
		t.Fatalf("ready before the drain: %v %v", resp, err)
	}
	cancel()
	time.Sleep(50 * time.Millisecond)
	resp, err := http.Get(url)
	if err != nil || resp.StatusCode != 503 {
		t.Fatalf("draining: %v %v", resp, err)
	}
	resp.Body.Close()
	<-served
}

// paced sends n checks at rate a second, each on its own, and sorts
// their times by what answered: the rules with the conversation's state
// (judged), the fail-closed mode, or an HTTP status.
func paced(h *harness, rate, n int, draft string) ([]time.Duration, map[string]int) {
	var mu sync.Mutex
	var ds []time.Duration
	codes := map[string]int{}
	tick := time.NewTicker(time.Second / time.Duration(rate))
	defer tick.Stop()
	var wg sync.WaitGroup
	for range n {
		<-tick.C
		wg.Go(func() {
			start := time.Now()
			code, body := h.do("POST", "/v1/check", draft)
			d := time.Since(start)
			what := fmt.Sprint(code)
			switch {
			case code == 200 && strings.Contains(body, `"allow":false`) && strings.Contains(body, StoreUnavailable):
				what = "fail-closed"
			case code == 200:
				what = "judged"
			}
			mu.Lock()
			ds, codes[what] = append(ds, d), codes[what]+1
			mu.Unlock()
		})
	}
	wg.Wait()
	slices.Sort(ds)
	return ds, codes
}

// latencies sends n checks from k clients and returns each one's time and
// status.
func latencies(h *harness, n, k int, body string) (durations []time.Duration, codes map[int]int) {
	var mu sync.Mutex
	codes = map[int]int{}
	var next atomic.Int32
	var wg sync.WaitGroup
	for range k {
		wg.Go(func() {
			for next.Add(1) <= int32(n) {
				start := time.Now()
				code, _ := h.do("POST", "/v1/check", body)
				d := time.Since(start)
				mu.Lock()
				durations, codes[code] = append(durations, d), codes[code]+1
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	slices.Sort(durations)
	return durations, codes
}

func within(ds []time.Duration, limit time.Duration) float64 {
	n := 0
	for _, d := range ds {
		if d <= limit {
			n++
		}
	}
	return float64(n) / float64(len(ds))
}

// 600 slow webhook bodies hold no check slot: checks and health probes keep
// answering, 99 % within 50 ms.
func TestSlowBodiesDoNotStarveChecks(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.MaxInFlight, c.MaxWebhook = 64, 64 })
	draft := `{"conversation":"s","channel":"messenger","message":{"text":"Hi! Thanks for writing.","lang":"en"}}`
	latencies(h, 20, 4, draft) // warm up
	// The same checks before the slow bodies: what this machine does now.
	base, _ := latencies(h, 500, 4, draft)
	addr := strings.TrimPrefix(h.url, "http://")
	var conns []net.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for range 600 {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(c, "POST /webhook/messenger HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"object\":", addr)
		conns = append(conns, c)
	}
	ds, codes := latencies(h, 500, 4, draft)
	resp, err := http.Get(h.url + "/healthz")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("health probe: %v %v", resp, err)
	}
	share, baseShare := within(ds, 50*time.Millisecond), within(base, 50*time.Millisecond)
	t.Logf("600 slow bodies open: %d checks, codes %v, %.1f%% within 50ms, p50 %v p99 %v (before them: %.1f%%, p99 %v)",
		len(ds), codes, share*100, ds[len(ds)/2], ds[len(ds)*99/100], baseShare*100, base[len(base)*99/100])
	if codes[200] != 500 {
		t.Errorf("checks starved: codes %v", codes)
	}
	// At least 99 %; on a machine too busy for that even without slow
	// bodies, not clearly worse than without them (starved checks answer
	// 503, caught above, or wait for seconds, not milliseconds).
	if share < 0.99 && share < baseShare-0.05 && !raceEnabled {
		t.Errorf("checks slowed: %.1f%% within 50ms, %.1f%% before the slow bodies", share*100, baseShare*100)
	}
}

// Redis frozen (SIGSTOP) under 1 000 requests a second: the configured
// mode answers at least 99 % of checks, with a p99 under 100 ms, and
// checks judge with state again once Redis thaws.
func TestRedisFrozen(t *testing.T) {
	rs := testredis.Start(t)
	states, err := store.OpenRedis("redis://"+rs.Addr+"/0", 8*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	defer states.Close()
	h := newHarness(t, func(c *Config) { c.Store, c.StoreTimeout, c.Now = states, 50*time.Millisecond, time.Now })
	now := time.Now().UTC().Add(-time.Minute).Format(time.RFC3339)
	h.expect("POST", "/v1/events", event("fz", "messenger", "message", now, "hi"), 200, `"accepted":1`)
	draft := `{"conversation":"fz","channel":"messenger","message":{"text":"Hi! Thanks for writing, we are on it.","lang":"en"}}`
	h.expect("POST", "/v1/check", draft, 200, `"allow":true`)

	// The same load with Redis up: what this machine does now.
	base, _ := paced(h, 1000, 1000, draft)
	if err := rs.Cmd.Process.Signal(syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	ds, codes := paced(h, 1000, 3000, draft)
	rs.Cmd.Process.Signal(syscall.SIGCONT)
	answered := float64(codes["fail-closed"]+codes["judged"]) / float64(len(ds))
	p99, baseP99 := ds[len(ds)*99/100], base[len(base)*99/100]
	t.Logf("Redis frozen, %d checks at 1000/s: %v; %.2f%% answered in the configured mode; p50 %v p99 %v max %v (Redis up: p99 %v)",
		len(ds), codes, answered*100, ds[len(ds)/2], p99, ds[len(ds)-1], baseP99)
	// p99 under 100 ms; on a machine too busy for that even with Redis
	// up, no more than the store budget above it.
	if answered < 0.99 || p99 >= 100*time.Millisecond && p99 > baseP99+50*time.Millisecond && !raceEnabled {
		t.Errorf("frozen Redis: %.2f%% answered, p99 %v", answered*100, p99)
	}
	// Thawed: judged with state again once the circuit closes.
	thawed := time.Now()
	deadline := thawed.Add(5 * time.Second)
	defer func() {
		t.Logf("judged with state again %v after the thaw", time.Since(thawed).Round(time.Millisecond))
	}()
	for {
		_, body := h.do("POST", "/v1/check", draft)
		if !strings.Contains(body, StoreUnavailable) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("still failing after Redis thawed: %s", body)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// A delivery of 1 000 items, one conversation each, is committed and
// acknowledged well within the 20 seconds Meta gives it, on either store;
// every item is then in the store.
func TestLargeDeliveryAcknowledgedFast(t *testing.T) {
	ms := at("2026-11-23T09:00:00Z").UnixMilli()
	var items []string
	for i := range 1000 {
		items = append(items, fmt.Sprintf(`{"sender":{"id":"big-%d"},"recipient":{"id":"PAGE"},"timestamp":%d,"message":{"mid":"big.%d","text":"hi"}}`, i, ms, i))
	}
	body := `{"object":"page","entry":[{"id":"PAGE","messaging":[` + strings.Join(items, ",") + `]}]}`
	for _, name := range []string{"bbolt", "redis"} {
		t.Run(name, func(t *testing.T) {
			h := newHarness(t, func(c *Config) {
				c.MaxBody = 4 << 20
				if name == "redis" {
					rs, err := store.OpenRedis(testredis.URL(t, 3), c.Checker.MaxAge())
					if err != nil {
						t.Fatal(err)
					}
					t.Cleanup(func() { rs.Close() })
					rs.SetClock(c.Now)
					c.Store = rs
				}
			})
			start := time.Now()
			h.expect("POST", "/webhook/messenger", body, 200, `{"accepted":1000,`, "X-Hub-Signature-256", Sign(secret, []byte(body)))
			took := time.Since(start)
			t.Logf("1000-item delivery acknowledged in %v", took.Round(time.Millisecond))
			if took > 2*time.Second && !raceEnabled {
				t.Errorf("a 1000-item delivery took %v", took)
			}
			for _, i := range []int{0, 499, 999} {
				if st, err := h.store.Get(context.Background(), store.Key(lint.Messenger, fmt.Sprintf("big-%d", i))); err != nil || st == nil {
					t.Errorf("item %d not stored: %v", i, err)
				}
			}
		})
	}
}

// Fail-open with Redis gone (connection refused): every check is allowed
// with a warning at once, the dial retries bounded.
func TestFailOpenRedisGone(t *testing.T) {
	states, err := store.OpenRedis("redis://127.0.0.1:1/0", time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	defer states.Close()
	draft := `{"conversation":"g","channel":"messenger","message":{"text":"Hi! Thanks for writing.","lang":"en"}}`
	// The same load on a hook whose store is up: what this machine does now.
	base, _ := latencies(newHarness(t, nil), 200, 4, draft)
	h := newHarness(t, func(c *Config) { c.Store, c.FailOpen = states, true })
	ds, codes := latencies(h, 200, 4, draft)
	p99, baseP99 := ds[len(ds)*99/100], base[len(base)*99/100]
	t.Logf("Redis gone, fail-open: %d checks, codes %v, p50 %v p99 %v max %v (store up: p99 %v)", len(ds), codes, ds[len(ds)/2], p99, ds[len(ds)-1], baseP99)
	if codes[200] != 200 {
		t.Errorf("codes %v", codes)
	}
	// A refused dial costs nothing: p99 under 100 ms, or, on a machine too
	// busy for that even with the store up, no more than 50 ms above it.
	if p99 > 100*time.Millisecond && p99 > baseP99+50*time.Millisecond && !raceEnabled {
		t.Errorf("fail-open p99 %v (store up: %v)", p99, baseP99)
	}
	h.expect("POST", "/v1/check", `{"conversation":"g","channel":"messenger","message":{"text":"Hi! Thanks for writing.","lang":"en"}}`, 200, `{"allow":true,"findings":[{"rule":"store-unavailable","severity":"warning"`)
}

// The same events posted in any order, one request each, through the
// store: every order gives the same answers.
func TestEventsInAnyOrderThroughTheStore(t *testing.T) {
	h := newHarness(t, nil)
	evs := []string{
		event("%s", "messenger", "message", "2026-11-23T08:00:00Z", "Hi, where is my order?"),
		event("%s", "messenger", "consent_granted", "2026-11-23T08:05:00Z", ""),
		`{"time":"2026-11-23T08:10:00Z","conversation":"%s","channel":"messenger","direction":"out","actor":"agent","type":"message","text":"Thanks, we are on it.","event_id":"out-1"}`,
		event("%s", "messenger", "message", "2026-11-23T08:20:00Z", "Can I talk to a real person please?"),
		event("%s", "messenger", "consent_revoked", "2026-11-23T08:30:00Z", ""),
		`{"time":"2026-11-23T08:40:00Z","conversation":"%s","channel":"messenger","direction":"out","actor":"bot","type":"message","text":"Your order ships today.","event_id":"out-2"}`,
	}
	draft := `{"conversation":%q,"channel":"messenger","actor":"bot","message":{"text":"Hi! We forwarded your details to our courier partner.","lang":"en"}}`
	var want string
	orders := [][]int{{0, 1, 2, 3, 4, 5}, {5, 4, 3, 2, 1, 0}, {4, 1, 5, 0, 3, 2}, {2, 5, 1, 4, 0, 3}, {1, 3, 5, 0, 2, 4}}
	for i, order := range orders {
		conv := fmt.Sprintf("perm-%d", i)
		for _, j := range order {
			h.expect("POST", "/v1/events", fmt.Sprintf(evs[j], conv), 200, "")
		}
		got := strings.ReplaceAll(h.expect("POST", "/v1/check", fmt.Sprintf(draft, conv), 200, ""), conv, "CONV")
		if i == 0 {
			want = got
			if !strings.Contains(want, "after the customer revoked consent") {
				t.Fatalf("in time order: %s", want)
			}
			continue
		}
		if got != want {
			t.Errorf("order %v:\n got %s\nwant %s", order, got, want)
		}
	}
}

// Checks of one conversation read one state from memory at once, while
// recorded checks change it: no check changes what the others read (the
// race detector watches), and once a recorded send is acknowledged every
// later check counts it.
func TestChecksShareTheStoredState(t *testing.T) {
	h := newHarness(t, func(c *Config) {
		frequencyAsError(t, c)
	})
	h.expect("POST", "/v1/events", event("c60", "messenger", "message", "2026-11-23T09:59:00Z", "hi"), 200, "")
	draft := `{"conversation":"c60","channel":"messenger"%s,"message":{"text":"Hi! Thanks for writing, we are on it.","lang":"en"}}`
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				if code, body := h.do("POST", "/v1/check", fmt.Sprintf(draft, "")); code != 200 {
					t.Errorf("%d %s", code, body)
				}
			}
		})
	}
	for range 3 {
		h.expect("POST", "/v1/check", fmt.Sprintf(draft, `,"record":true`), 200, `"recorded":true`)
	}
	close(stop)
	wg.Wait()
	h.expect("POST", "/v1/check", fmt.Sprintf(draft, ""), 200, "without a reply from the customer (limit 3)")
}
