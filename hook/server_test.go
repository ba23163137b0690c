package hook

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/msglint/msglint/hook/store"
	"github.com/msglint/msglint/internal/golden"
	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
	"github.com/msglint/msglint/policy"
	"github.com/msglint/msglint/rules"
)

const (
	token  = "test-token"
	secret = "app-secret"
)

// clock is the hook's injected time.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *testClock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *testClock) Set(t time.Time) { c.mu.Lock(); c.now = t; c.mu.Unlock() }
func at(s string) time.Time          { t, _ := time.Parse(time.RFC3339, s); return t }
func allRules() []*lint.Rule         { return append(rules.All(), policy.Rules()...) }

type harness struct {
	t     testing.TB
	srv   *Server
	url   string
	clock *testClock
	store store.Store
}

func newHarness(t testing.TB, edit func(*Config)) *harness {
	t.Helper()
	linter, err := lint.NewLinter(allRules(), &lint.Config{}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	checker, err := policy.NewChecker(linter, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	clk := &testClock{now: at("2026-11-23T10:00:00Z")}
	states, err := store.OpenBolt(filepath.Join(t.TempDir(), "state.db"), checker.MaxAge())
	if err != nil {
		t.Fatal(err)
	}
	states.SetClock(clk.Now)
	t.Cleanup(func() { states.Close() })
	cfg := Config{Linter: linter, Checker: checker, Store: states, Rules: allRules(), Token: token, AppSecret: secret, VerifyToken: "verify-me", Now: clk.Now}
	if edit != nil {
		edit(&cfg)
	}
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return &harness{t: t, srv: srv, url: ts.URL, clock: clk, store: cfg.Store}
}

// client keeps connections open, as a sending pipeline's would, so that
// load tests measure the hook and not TCP handshakes.
var client = &http.Client{Transport: &http.Transport{MaxIdleConns: 1024, MaxIdleConnsPerHost: 1024, IdleConnTimeout: time.Minute}}

// do sends a request with the token and returns status and body.
func (h *harness) do(method, path, body string, header ...string) (int, string) {
	h.t.Helper()
	req, err := http.NewRequest(method, h.url+path, strings.NewReader(body))
	if err != nil {
		h.t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := client.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(data)
}

func (h *harness) expect(method, path, body string, status int, want string, header ...string) string {
	h.t.Helper()
	code, got := h.do(method, path, body, header...)
	if code != status {
		h.t.Fatalf("%s %s: status %d, want %d; body %s", method, path, code, status, got)
	}
	if want != "" && !strings.Contains(got, want) {
		h.t.Fatalf("%s %s: body %s does not contain %q", method, path, got, want)
	}
	return got
}

func webhookBody(sender string, ms int64, text string) string {
	return fmt.Sprintf(`{"object":"page","entry":[{"id":"PAGE","time":%d,"messaging":[{"sender":{"id":%q},"recipient":{"id":"PAGE"},"timestamp":%d,"message":{"mid":"m1","text":%q}}]}]}`, ms, sender, ms, text)
}

func TestCheckGolden(t *testing.T) {
	h := newHarness(t, nil)
	// Before the customer wrote: denied, with the reason, and the spelling.
	denied := h.expect("POST", "/v1/check", `{"conversation":"psid-1","channel":"messenger","message":{"text":"Your order has shiped.","lang":"en"}}`, 200, "")
	golden.Check(t, "../testdata/golden/hook/check-denied.json", denied)
	h.expect("POST", "/v1/events", `{"time":"2026-11-23T09:58:00Z","conversation":"psid-1","channel":"messenger","direction":"in","actor":"customer","type":"message","text":"Merhaba, siparişim nerede?"}`, 200, `"accepted":1`)
	allowed := h.expect("POST", "/v1/check", `{"conversation":"psid-1","channel":"messenger","message":{"text":"Merhaba Ayşe Hanım! Siparişiniz yarın teslim edilecek. İyi günler dileriz!","lang":"tr","quick_replies":["Teşekkürler","Temsilci"]}}`, 200, "")
	golden.Check(t, "../testdata/golden/hook/check-allowed.json", allowed)
	// The Send API body, unchanged; a finding in a quick reply is placed in it.
	send := `{"recipient":{"id":"psid-1"},"messaging_type":"RESPONSE","message":{"text":"Salam! Sifarişiniz sabah çatdırılacaq. Sağ olun!","quick_replies":[{"content_type":"text","title":"Təşəkürlər","payload":"OK"}]}}`
	got := h.expect("POST", "/v1/messenger/check?page_id=PAGE", send, 200, "")
	golden.Check(t, "../testdata/golden/hook/messenger-check.json", got)
}

// The window a webhook opens closes 24 hours later, to the second.
func TestWindowFromWebhook(t *testing.T) {
	h := newHarness(t, nil)
	opened := at("2026-11-23T10:00:00Z")
	body := webhookBody("psid-7", opened.UnixMilli(), "Hi, is the blue one in stock?")
	h.expect("POST", "/webhook/messenger", body, 200, `"accepted":1`, "X-Hub-Signature-256", Sign(secret, []byte(body)))
	draft := `{"conversation":"psid-7","channel":"messenger","message":{"text":"Hi! Yes, it is in stock. Thanks for asking!","lang":"en"}}`
	h.clock.Set(opened.Add(24*time.Hour - time.Second))
	h.expect("POST", "/v1/check", draft, 200, `"allow":true`)
	h.clock.Set(opened.Add(24 * time.Hour))
	got := h.expect("POST", "/v1/check", draft, 200, `"allow":false`)
	for _, want := range []string{`"rule":"window"`, `sent at the second the 24-hour window closed at 2026-11-24T10:00:00Z (opened by the customer's message at 2026-11-23T10:00:00Z)`,
		`"window":{"open":false,"expires_at":"2026-11-24T10:00:00Z","opened_by":"message"}`} {
		if !strings.Contains(got, want) {
			t.Errorf("answer %s lacks %s", got, want)
		}
	}
}

func TestWebhook(t *testing.T) {
	h := newHarness(t, nil)
	body := webhookBody("psid-9", at("2026-11-23T09:00:00Z").UnixMilli(), "hello")
	for _, sig := range []string{"", "sha256=00", Sign("other secret", []byte(body)), "sha1=" + strings.TrimPrefix(Sign(secret, []byte(body)), "sha256=")} {
		h.expect("POST", "/webhook/messenger", body, 401, "X-Hub-Signature-256", "X-Hub-Signature-256", sig)
	}
	if st, err := h.store.Get(context.Background(), store.Key(lint.Messenger, "psid-9")); err != nil || st != nil {
		t.Fatalf("an unsigned delivery was stored: %+v %v", st, err)
	}
	h.expect("POST", "/webhook/messenger", `{"object":"page","entry":[`, 401, "")
	bad := `{"object":"page","entry":[}`
	h.expect("POST", "/webhook/messenger", bad, 400, "webhook:1", "X-Hub-Signature-256", Sign(secret, []byte(bad)))
	// The verify handshake.
	h.expect("GET", "/webhook/messenger?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=12345", "", 200, "12345")
	h.expect("GET", "/webhook/messenger?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=12345", "", 403, "verify token")
}

func TestBadRequests(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.MaxBody = 4096 })
	for _, c := range []struct {
		path, body string
		status     int
		want       string
	}{
		{"/v1/check", `{"conversation":"a","channel":"messenger","message":{"text":"hi"`, 400, `bad JSON`},
		{"/v1/check", "{\n  \"conversation\": 5}", 400, `bad JSON at line 2 col 20: conversation: expected string, got number`},
		{"/v1/check", `{"conversation":"a","channel":"messenger","mesage":{}}`, 400, `unknown field \"mesage\"`},
		{"/v1/check", `{"conversation":"a","channel":"fax","message":{"text":"hi"}}`, 400, `channel: `},
		{"/v1/check", `{"channel":"sms","message":{"text":"hi"}}`, 400, `conversation: required`},
		{"/v1/check", `{"conversation":"a","channel":"sms","actor":"robot","message":{"text":"hi"}}`, 400, `actor: \"robot\" is not agent or bot`},
		{"/v1/check", `{"conversation":"a","channel":"sms","at":"yesterday","message":{"text":"hi"}}`, 400, `at: \"yesterday\" is not an RFC 3339 time`},
		{"/v1/check", `{"conversation":"a","channel":"sms","message":{}}`, 400, `message: has no text`},
		{"/v1/check", `{"conversation":"a","channel":"sms","message":{"text":"hi"}} {}`, 400, `more than one JSON value`},
		{"/v1/check", `{"conversation":"a","channel":"sms","message":{"text":"` + strings.Repeat("a", 5000) + `"}}`, 413, `body is larger than 4096 bytes`},
		{"/v1/messenger/check", `{"recipient":{},"message":{"text":"hi"}}`, 400, `recipient.id`},
		{"/v1/messenger/check?channel=pager", `{"recipient":{"id":"1"},"message":{"text":"hi"}}`, 400, `channel: `},
		{"/v1/messenger/check", `{"recipient":{"id":"1"},"message":{"text":`, 400, `bad JSON`},
		{"/v1/events", "{\"time\":\"2026-11-23T10:00:00Z\",\"conversation\":\"a\",\"channel\":\"messenger\",\"direction\":\"in\",\"actor\":\"customer\",\"type\":\"message\"}\n{\"type\":\"wave\"}", 400, `line 2: `},
		{"/v1/events", "\n\n", 400, `no events`},
	} {
		h.expect("POST", c.path, c.body, c.status, c.want)
	}
	// Nothing of the refused events batch was stored.
	if st, _ := h.store.Get(context.Background(), store.Key(lint.Messenger, "a")); st != nil {
		t.Errorf("a refused batch stored its first event: %+v", st)
	}
	// Wrong method, unknown path.
	h.expect("GET", "/v1/check", "", 405, "")
	h.expect("GET", "/nope", "", 404, "")
}

func TestAuth(t *testing.T) {
	h := newHarness(t, nil)
	for _, auth := range []string{"", "Bearer wrong", "Basic " + token, token} {
		req, _ := http.NewRequest("POST", h.url+"/v1/check", strings.NewReader(`{}`))
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 401 || resp.Header.Get("WWW-Authenticate") == "" {
			t.Errorf("Authorization %q: status %d", auth, resp.StatusCode)
		}
	}
	// Health, readiness, metrics and the playground need no token.
	for _, path := range []string{"/healthz", "/readyz", "/metrics", "/"} {
		resp, err := http.Get(h.url + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("GET %s: %d", path, resp.StatusCode)
		}
	}
}

func TestMetrics(t *testing.T) {
	h := newHarness(t, nil)
	h.expect("POST", "/v1/check", `{"conversation":"m","channel":"messenger","message":{"text":"Your order has shiped.","lang":"en"}}`, 200, "")
	got := h.expect("GET", "/metrics", "", 200, "")
	for _, want := range []string{`msglint_hook_decisions_total{decision="deny"} 1`, `msglint_hook_findings_total{rule="spelling"} 1`,
		`msglint_hook_findings_total{rule="window"} 1`, `msglint_hook_requests_total{code="200",route="POST /v1/check"} 1`,
		`msglint_hook_request_duration_seconds_bucket{route="POST /v1/check",le="1"} 1`} {
		if !strings.Contains(got, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

// brokenStore fails every call, or panics.
type brokenStore struct{ panics bool }

func (b brokenStore) Get(context.Context, string) (*policy.State, error) {
	if b.panics {
		panic("boom")
	}
	return nil, fmt.Errorf("%w: connection refused", store.ErrUnavailable)
}
func (b brokenStore) Update(context.Context, string, func(*policy.State)) error {
	return fmt.Errorf("%w: connection refused", store.ErrUnavailable)
}
func (b brokenStore) Ping(context.Context) error {
	return fmt.Errorf("%w: connection refused", store.ErrUnavailable)
}
func (b brokenStore) Close() error { return nil }

func TestStoreUnavailable(t *testing.T) {
	draft := `{"conversation":"s","channel":"messenger","message":{"text":"Hi! Your order is on its way. Thanks!","lang":"en"}}`
	closed := newHarness(t, func(c *Config) { c.Store = brokenStore{} })
	closed.expect("POST", "/v1/check", draft, 200, `{"allow":false,"findings":[{"rule":"store-unavailable","severity":"error","message":"the conversation's state could not be read (state store unavailable: connection refused); denied: the hook fails closed"`)
	closed.expect("GET", "/readyz", "", 503, `"mode":"fail-closed: every check is denied"`)
	closed.expect("POST", "/v1/events", `{"time":"2026-11-23T10:00:00Z","conversation":"s","channel":"messenger","direction":"in","actor":"customer","type":"message","text":"hi"}`, 503, `"accepted":0`)
	open := newHarness(t, func(c *Config) { c.Store, c.FailOpen = brokenStore{}, true })
	open.expect("POST", "/v1/check", draft, 200, `{"allow":true,"findings":[{"rule":"store-unavailable","severity":"warning"`)
	open.expect("GET", "/readyz", "", 503, `fail-open`)
}

func TestPanicIs500(t *testing.T) {
	var logs bytes.Buffer
	var mu sync.Mutex
	h := newHarness(t, func(c *Config) {
		c.Store = brokenStore{panics: true}
		c.Logger = newLogger(&lockedWriter{w: &logs, mu: &mu})
	})
	h.expect("POST", "/v1/check", `{"conversation":"p","channel":"sms","message":{"text":"hi"}}`, 500, "internal error; request id")
	h.expect("GET", "/healthz", "", 200, "ok") // still serving
	mu.Lock()
	defer mu.Unlock()
	if !strings.Contains(logs.String(), `"msg":"panic"`) || strings.Contains(logs.String(), token) {
		t.Errorf("log: %s", logs.String())
	}
}

type lockedWriter struct {
	w  io.Writer
	mu *sync.Mutex
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// slowStore holds every read until released, to fill the hook.
type slowStore struct {
	brokenStore
	entered chan struct{}
	release chan struct{}
}

func (s slowStore) Get(context.Context, string) (*policy.State, error) {
	s.entered <- struct{}{}
	<-s.release
	return nil, nil
}

func TestLoadShedding(t *testing.T) {
	st := slowStore{entered: make(chan struct{}, 2), release: make(chan struct{})}
	h := newHarness(t, func(c *Config) { c.Store, c.MaxInFlight = st, 2 })
	draft := `{"conversation":"l","channel":"sms","message":{"text":"hi"}}`
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() { h.do("POST", "/v1/check", draft) })
	}
	<-st.entered
	<-st.entered
	h.expect("POST", "/v1/check", draft, 503, "too many checks in flight")
	// Health probes take no slot, and event posts have slots of their own.
	h.expect("GET", "/healthz", "", 200, "ok")
	h.expect("POST", "/v1/events", `{"time":"2026-11-23T09:00:00Z","conversation":"l","channel":"sms","direction":"in","type":"message","text":"hi"}`, 503, `store unavailable`)
	close(st.release)
	wg.Wait()
	h.expect("POST", "/v1/check", draft, 200, "")
}

func TestRecord(t *testing.T) {
	h := newHarness(t, nil)
	h.expect("POST", "/v1/events", `{"time":"2026-11-23T09:59:00Z","conversation":"r","channel":"messenger","direction":"in","actor":"customer","type":"message","text":"hi"}`, 200, "")
	draft := `{"conversation":"r","channel":"messenger","record":true,"message":{"text":"Hi! Thanks for writing, we are on it.","lang":"en"}}`
	h.expect("POST", "/v1/check", draft, 200, `"recorded":true`)
	h.expect("POST", "/v1/check", draft, 200, `"recorded":true`)
	h.expect("POST", "/v1/check", draft, 200, `"recorded":true`)
	// The fourth unanswered send within 24 hours is one too many.
	h.expect("POST", "/v1/check", draft, 200, `4th brand message within 24 hours without a reply from the customer (limit 3)`)
}

func TestServeShutsDownGracefully(t *testing.T) {
	st := slowStore{entered: make(chan struct{}, 1), release: make(chan struct{})}
	linter, _ := lint.NewLinter(allRules(), &lint.Config{}, nil, nil)
	checker, _ := policy.NewChecker(linter, load.Options{})
	srv, err := New(Config{Linter: linter, Checker: checker, Store: st, InsecureNoToken: true})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := listen()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx, ln, 5*time.Second) }()
	answered := make(chan int, 1)
	go func() {
		resp, err := http.Post("http://"+ln.Addr().String()+"/v1/check", "application/json", strings.NewReader(`{"conversation":"g","channel":"sms","message":{"text":"hi"}}`))
		if err != nil {
			answered <- -1
			return
		}
		resp.Body.Close()
		answered <- resp.StatusCode
	}()
	<-st.entered // the request is in flight
	cancel()     // SIGTERM
	time.Sleep(50 * time.Millisecond)
	if _, err := http.Get("http://" + ln.Addr().String() + "/healthz"); err == nil {
		t.Error("new connections are still taken after shutdown began")
	}
	close(st.release)
	if code := <-answered; code != 200 {
		t.Errorf("the request in flight got %d", code)
	}
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		t.Errorf("Serve: %v", err)
	}
}

// Forwarding is judged with the conversation: after consent it is fine.
func TestForwardingNeedsConsent(t *testing.T) {
	h := newHarness(t, nil)
	in := `{"time":"2026-11-23T09:59:00Z","conversation":"%s","channel":"messenger","direction":"in","actor":"customer","type":"%s"}`
	draft := `{"conversation":"%s","channel":"messenger","message":{"text":"Hi! We forwarded your conversation to our courier partner. Thanks!","lang":"en"}}`
	h.expect("POST", "/v1/events", fmt.Sprintf(in, "f1", "message"), 200, "")
	h.expect("POST", "/v1/check", fmt.Sprintf(draft, "f1"), 200, `"rule":"forwarding-consent","severity":"error","message":"the message says the customer's details went to a third party with no consent from the customer earlier in the conversation"`)
	h.expect("POST", "/v1/events", fmt.Sprintf(in, "f2", "message")+"\n"+fmt.Sprintf(in, "f2", "consent_granted"), 200, `"accepted":2`)
	got := h.expect("POST", "/v1/check", fmt.Sprintf(draft, "f2"), 200, `"allow":true`)
	if strings.Contains(got, "forwarding-consent") {
		t.Errorf("forwarding after consent flagged: %s", got)
	}
}

func TestRulesCatalogue(t *testing.T) {
	h := newHarness(t, nil)
	got := h.expect("GET", "/v1/rules", "", 200, `{"name":"length","title":"message too long for the channel or for the reader"`)
	var rules []struct {
		Name string
		On   bool
	}
	if err := json.Unmarshal([]byte(got), &rules); err != nil {
		t.Fatal(err)
	}
	if len(rules) != len(allRules()) {
		t.Errorf("%d rules listed, want %d", len(rules), len(allRules()))
	}
}

// Each request leaves one log line with its id, route, status and time,
// and none below the logger's level.
func TestRequestLogLine(t *testing.T) {
	var logs bytes.Buffer
	var mu sync.Mutex
	h := newHarness(t, func(c *Config) { c.Logger = newLogger(&lockedWriter{w: &logs, mu: &mu}) })
	h.expect("POST", "/v1/check", `{"conversation":"p","channel":"sms","message":{"text":"hi"}}`, 200, "", "X-Request-Id", "req-7")
	mu.Lock()
	var line map[string]any
	err := json.Unmarshal(logs.Bytes(), &line)
	mu.Unlock()
	if err != nil {
		t.Fatalf("not one JSON line: %v", err)
	}
	if _, ok := line["duration_us"].(float64); !ok {
		t.Fatalf("no duration_us in %v", line)
	}
	if _, err := time.Parse(time.RFC3339Nano, fmt.Sprint(line["time"])); err != nil {
		t.Fatalf("time: %v", err)
	}
	delete(line, "duration_us")
	delete(line, "time")
	want := map[string]any{"level": "INFO", "msg": "request", "request_id": "req-7", "method": "POST", "path": "/v1/check", "status": float64(200)}
	if diff := cmp.Diff(want, line); diff != "" {
		t.Fatalf("log line (-want +got):\n%s", diff)
	}

	var quiet bytes.Buffer
	h = newHarness(t, func(c *Config) {
		c.Logger = slog.New(slog.NewJSONHandler(&lockedWriter{w: &quiet, mu: &mu}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	})
	h.expect("POST", "/v1/check", `{"conversation":"p","channel":"sms","message":{"text":"hi"}}`, 200, "")
	mu.Lock()
	defer mu.Unlock()
	if quiet.Len() != 0 {
		t.Fatalf("a logger at warn level got %s", quiet.String())
	}
}

// A request id is the caller's when short and printable, else 16 hex
// digits of its own, different for each request.
func TestRequestID(t *testing.T) {
	seen := map[string]bool{}
	for _, caller := range []string{"", "has space", strings.Repeat("x", 65), "tab\there", "ünicode"} {
		for range 100 {
			r := httptest.NewRequest("GET", "/", nil)
			if caller != "" {
				r.Header.Set("X-Request-Id", caller)
			}
			id := requestID(r)
			if len(id) != 16 || strings.Trim(id, "0123456789abcdef") != "" || seen[id] {
				t.Fatalf("caller's %q: id %q is not 16 hex digits of its own", caller, id)
			}
			seen[id] = true
		}
	}
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("X-Request-Id", "req-7.A_b")
	if got := requestID(r); got != "req-7.A_b" {
		t.Fatalf("the caller's id became %q", got)
	}
}
