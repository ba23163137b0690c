// Package hook is the HTTP pre-send hook behind `msglint serve`: it answers
// whether a draft may go to a person now and learns each conversation's
// window from inbound events.
package hook

import (
	"context"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/msglint/msglint/hook/store"
	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
	"github.com/msglint/msglint/policy"
	"github.com/prometheus/client_golang/prometheus"
)

// Config is what a hook is built from.
type Config struct {
	Linter  *lint.Linter
	Checker *policy.Checker
	Store   store.Store
	Load    load.Options
	// Rules are the rules in the catalogue the playground lists.
	Rules []*lint.Rule
	// Templates are the registered WhatsApp templates a template send's
	// parameters are checked against; none, and such sends are not.
	Templates Templates

	// Token guards /v1/*. Empty is refused unless InsecureNoToken is set;
	// then /v1/* takes only JSON from a loopback Host and Origin.
	Token           string
	InsecureNoToken bool
	// AppSecret checks the X-Hub-Signature-256 of webhook deliveries;
	// VerifyToken answers the webhook's verify handshake.
	AppSecret, VerifyToken string

	DenyAt   lint.Severity // deny at or above; default error
	FailOpen bool          // when the store is unreachable: allow with a warning
	MaxBody  int64         // bytes; default 1 MiB
	// DraftCache is the draft cache's budget in bytes (default 16 MiB;
	// negative: no cache): what the template rules found in recent drafts,
	// reused for the same draft to another person.
	DraftCache int64
	// MaxInFlight, MaxEvents and MaxWebhook are how many checks, event
	// posts and webhook deliveries are worked on at once; more get 503.
	// Each has its own slots, taken once the body is read, so one kind
	// cannot starve another; health probes take none.
	MaxInFlight, MaxEvents, MaxWebhook int
	// StoreTimeout is a check's budget for the store, EventTimeout an event
	// post's or a delivery's (default 250ms and 5s).
	StoreTimeout, EventTimeout time.Duration
	// Skew is how far in the future an event or a check's time may be
	// (clocks differ); a check's time may be that far in the past too,
	// unless WhatIf lets a check ask about any time (default 2 minutes).
	Skew   time.Duration
	WhatIf bool
	// DrainDelay is how long /readyz says 503 before the hook stops taking
	// connections on shutdown, for the load balancer to notice.
	DrainDelay time.Duration
	// SweepAfter is when the first sweep of forgotten conversations runs
	// (default a minute after start; then hourly).
	SweepAfter time.Duration

	Now    func() time.Time
	Logger *slog.Logger
}

// Server is the hook's HTTP handler.
type Server struct {
	cfg Config
	mux *http.ServeMux
	// checkRoute is the mux's handler of checkPattern, which ServeHTTP
	// calls itself.
	checkRoute http.Handler
	slots      [classes]chan struct{}
	metrics    *metrics
	reg        *prometheus.Registry
	store      *guard
	drafts     *draftCache
	draining   atomic.Bool
	maxAge     time.Duration
}

// A class of requests has its own slots.
type class int

const (
	checks class = iota
	eventPosts
	deliveries
	classes
)

var classNames = [classes]string{"checks", "events", "webhook deliveries"}

// New builds a hook from its config.
func New(cfg Config) (*Server, error) {
	if cfg.Linter == nil || cfg.Checker == nil || cfg.Store == nil {
		return nil, errors.New("hook: linter, checker and store are required")
	}
	if cfg.Token == "" && !cfg.InsecureNoToken {
		return nil, errors.New("hook: a token is required (MSGLINT_TOKEN or --token-file); --insecure-no-token runs without one, for loopback only")
	}
	if cfg.DenyAt == 0 {
		cfg.DenyAt = lint.Error
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 1 << 20
	}
	if cfg.DraftCache == 0 {
		cfg.DraftCache = defaultDraftCache
	}
	if cfg.MaxInFlight <= 0 {
		cfg.MaxInFlight = 512
	}
	if cfg.MaxEvents <= 0 {
		cfg.MaxEvents = 128
	}
	if cfg.MaxWebhook <= 0 {
		cfg.MaxWebhook = 128
	}
	if cfg.StoreTimeout <= 0 {
		cfg.StoreTimeout = 250 * time.Millisecond
	}
	if cfg.EventTimeout <= 0 {
		cfg.EventTimeout = 5 * time.Second
	}
	if cfg.Skew <= 0 {
		cfg.Skew = 2 * time.Minute
	}
	if cfg.SweepAfter <= 0 {
		cfg.SweepAfter = time.Minute
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewJSONHandler(io.Discard, nil))
	}
	s := &Server{cfg: cfg, mux: http.NewServeMux(), reg: prometheus.NewRegistry(), maxAge: cfg.Checker.MaxAge(), drafts: newDraftCache(cfg.DraftCache)}
	for c, n := range [classes]int{cfg.MaxInFlight, cfg.MaxEvents, cfg.MaxWebhook} {
		s.slots[c] = make(chan struct{}, n)
	}
	s.metrics = newMetrics(s.reg)
	s.store = &guard{store: cfg.Store, trip: 5, cool: time.Second, onChange: func(open bool) {
		s.metrics.circuit.Set(map[bool]float64{false: 0, true: 1}[open])
		s.cfg.Logger.Warn("store circuit", "open", open)
	}}
	s.routes()
	return s, nil
}

// handler is a route's work on a request whose body is read.
type handler func(w http.ResponseWriter, r *http.Request, body []byte)

func (s *Server) routes() {
	s.checkRoute = s.admit(checks, true, s.check)
	s.mux.Handle(checkPattern, s.checkRoute)
	s.mux.Handle("POST /v1/messenger/check", s.admit(checks, true, s.messengerCheck))
	s.mux.Handle("POST /v1/events", s.admit(eventPosts, true, s.events))
	s.mux.Handle("GET /v1/rules", s.admit(checks, true, s.rules))
	s.mux.HandleFunc("GET /webhook/messenger", s.verify)
	s.mux.Handle("POST /webhook/messenger", s.admit(deliveries, false, s.webhook))
	s.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { writeJSON(w, 200, map[string]string{"status": "ok"}) })
	s.mux.HandleFunc("GET /readyz", s.ready)
	s.mux.Handle("GET /metrics", s.metricsHandler())
	s.mux.HandleFunc("GET /{$}", s.playground)
	s.mux.HandleFunc("GET /playground.js", s.playgroundScript)
}

// admit lets a request through to its route: the token (for /v1/*), then
// the body read whole within the size limit, and only then one of its
// class's slots, so that slow or large bodies hold no slot while they
// arrive.
func (s *Server) admit(c class, api bool, h handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if api && !s.auth(w, r) {
			return
		}
		body, ok := s.body(w, r)
		if !ok {
			return
		}
		select {
		case s.slots[c] <- struct{}{}:
		default:
			s.metrics.shed.WithLabelValues(classNames[c]).Inc()
			w.Header().Set("Retry-After", "1")
			writeError(w, http.StatusServiceUnavailable, "too many "+classNames[c]+" in flight; try again")
			return
		}
		defer func() { <-s.slots[c] }()
		h(w, r, body)
	})
}

// ServeHTTP implements http.Handler: security headers, request id, panic
// recovery, metrics and one log line per request around the routes.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	id := requestID(r)
	secure(w.Header())
	w.Header().Set("X-Request-Id", id)
	rec := &recorder{ResponseWriter: w, status: 200}
	defer func() {
		if p := recover(); p != nil {
			if p == http.ErrAbortHandler {
				panic(p)
			}
			s.cfg.Logger.Error("panic", "request_id", id, "path", r.URL.Path, "panic", fmt.Sprint(p))
			if !rec.wrote {
				writeError(rec, http.StatusInternalServerError, "internal error; request id "+id)
			}
			s.done(rec, r, id, start)
		}
	}()
	if r.Method == http.MethodPost && r.URL.Path == "/v1/check" && r.URL.RawPath == "" {
		// The route of nearly every request, as the mux would choose it
		// for this clean path, without its match.
		r.Pattern = checkPattern
		s.checkRoute.ServeHTTP(rec, r)
	} else {
		s.mux.ServeHTTP(rec, r)
	}
	s.done(rec, r, id, start)
}

const checkPattern = "POST /v1/check"

func (s *Server) done(rec *recorder, r *http.Request, id string, start time.Time) {
	d := time.Since(start)
	route := r.Pattern
	if route == "" {
		route = "other"
	}
	s.metrics.observe(route, rec.status, d)
	// The record is made here rather than by Logger.LogAttrs, which walks
	// the stack for the caller's address on every line, a tenth of the
	// line's cost; no handler of the hook's reports the source.
	h, ctx := s.cfg.Logger.Handler(), r.Context()
	if !h.Enabled(ctx, slog.LevelInfo) {
		return
	}
	now := time.Now()
	if f, ok := h.(flushing); ok && f.requestLine(now, id, r.Method, r.URL.Path, rec.status, d.Microseconds()) {
		return
	}
	line := slog.NewRecord(now, slog.LevelInfo, "request", 0)
	line.AddAttrs(slog.String("request_id", id), slog.String("method", r.Method),
		slog.String("path", r.URL.Path), slog.Int("status", rec.status), slog.Int64("duration_us", d.Microseconds()))
	h.Handle(ctx, line)
}

type recorder struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (r *recorder) WriteHeader(code int) {
	if !r.wrote {
		r.status, r.wrote = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	r.wrote = true
	return r.ResponseWriter.Write(b)
}

// requestID keeps a caller's X-Request-Id when it is short and printable,
// else makes one: 64 random bits, which only need to tell requests apart,
// from the runtime's generator (a system call for each, from crypto/rand,
// was a fiftieth of a check's time).
func requestID(r *http.Request) string {
	if id := r.Header.Get("X-Request-Id"); id != "" && len(id) <= 64 && !strings.ContainsFunc(id, func(c rune) bool { return c <= ' ' || c > '~' }) {
		return id
	}
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], rand.Uint64())
	return hex.EncodeToString(b[:])
}

// body reads the request body; false when it has answered an error.
func (s *Server) body(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	data, err := readBody(http.MaxBytesReader(w, r.Body, s.cfg.MaxBody), r.ContentLength)
	if err != nil {
		bodyError(w, err)
		return nil, false
	}
	return data, true
}

// sizedBody is the longest body read into an array of the size its
// Content-Length says: a longer one grows as it arrives, so that a length
// claimed and not sent costs nothing.
const sizedBody = 16 << 10

// readBody is io.ReadAll, into an array of the body's length when the
// request says it (n, -1 when unknown) and it is short: one allocation of
// the body's size, with room for the read that meets its end.
func readBody(rd io.Reader, n int64) ([]byte, error) {
	if n < 0 || n > sizedBody {
		return io.ReadAll(rd)
	}
	b := make([]byte, 0, n+1)
	for {
		k, err := rd.Read(b[len(b):cap(b)])
		b = b[:len(b)+k]
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return b, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // longer than it said: grown as io.ReadAll grows
		}
	}
}

// bodyError answers a body that could not be read (a function of its own:
// the error target escapes, and a body read well allocates none).
func bodyError(w http.ResponseWriter, err error) {
	if tooBig := (*http.MaxBytesError)(nil); errors.As(err, &tooBig) {
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("body is larger than %d bytes", tooBig.Limit))
		return
	}
	writeError(w, http.StatusBadRequest, "reading body: "+err.Error())
}

// ready says whether the hook should get traffic: not while it drains
// before a shutdown, nor while the store cannot be written.
func (s *Server) ready(w http.ResponseWriter, r *http.Request) {
	if s.draining.Load() {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "draining"})
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), time.Second)
	defer cancel()
	if err := s.store.ping(ctx); err != nil {
		mode := "fail-closed: every check is denied"
		if s.cfg.FailOpen {
			mode = "fail-open: checks are allowed with a warning"
		}
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "store": err.Error(), "mode": mode})
		return
	}
	writeJSON(w, 200, map[string]string{"status": "ready", "store": "ok"})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header()["Content-Type"] = jsonType
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

func writeError(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, map[string]string{"error": msg})
}

// Serve answers on ln until ctx ends; then /readyz says 503 for the drain
// delay, and the hook stops taking connections and lets requests in flight
// finish (up to grace).
func (s *Server) Serve(ctx context.Context, ln net.Listener, grace time.Duration) error {
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      15 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.cfg.Logger.Handler(), slog.LevelWarn),
	}
	if s.cfg.Token == "" {
		s.cfg.Logger.Warn("no token (--insecure-no-token): /v1/* answers JSON requests to a loopback host from anyone who can reach " + ln.Addr().String())
	}
	if sw, ok := s.cfg.Store.(sweeper); ok {
		go s.sweep(ctx, sw)
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	s.cfg.Logger.Info("listening", "addr", ln.Addr().String())
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.draining.Store(true)
	s.cfg.Logger.Info("draining", "delay", s.cfg.DrainDelay.String())
	select {
	case <-time.After(s.cfg.DrainDelay):
	case err := <-errc:
		return err
	}
	s.cfg.Logger.Info("shutting down", "grace", grace.String())
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	return srv.Shutdown(sctx)
}

// sweeper is a store that forgets quiet conversations by scanning (bbolt;
// Redis lets its keys expire).
type sweeper interface {
	Sweep(ctx context.Context, batch int) (int, error)
}

// sweep forgets conversations quiet for longer than the store's age limit:
// soon after start, then hourly, in small batches.
func (s *Server) sweep(ctx context.Context, sw sweeper) {
	wait := s.cfg.SweepAfter
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		wait = time.Hour
		if n, err := sw.Sweep(ctx, 256); err != nil && ctx.Err() == nil {
			s.cfg.Logger.Warn("sweep", "error", err.Error())
		} else if n > 0 {
			s.cfg.Logger.Info("sweep", "forgotten", n)
		}
	}
}
