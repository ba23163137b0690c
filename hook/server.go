// Package hook is the HTTP pre-send hook behind `msglint serve`: it answers
// whether a draft may go to a person now and learns each conversation's
// window from inbound events.
package hook

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
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

	// Token guards /v1/*; empty leaves it open (a warning is logged).
	Token string
	// AppSecret checks the X-Hub-Signature-256 of webhook deliveries;
	// VerifyToken answers the webhook's verify handshake.
	AppSecret, VerifyToken string

	DenyAt   lint.Severity // deny at or above; default error
	FailOpen bool          // when the store is unreachable: allow with a warning
	MaxBody  int64         // bytes; default 1 MiB
	// MaxInFlight is the concurrency limit; requests past it get 503.
	MaxInFlight int

	Now    func() time.Time
	Logger *slog.Logger
}

// Server is the hook's HTTP handler.
type Server struct {
	cfg     Config
	mux     *http.ServeMux
	sem     chan struct{}
	metrics *metrics
	reg     *prometheus.Registry
}

// New builds a hook from its config.
func New(cfg Config) (*Server, error) {
	if cfg.Linter == nil || cfg.Checker == nil || cfg.Store == nil {
		return nil, errors.New("hook: linter, checker and store are required")
	}
	if cfg.DenyAt == 0 {
		cfg.DenyAt = lint.Error
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 1 << 20
	}
	if cfg.MaxInFlight <= 0 {
		cfg.MaxInFlight = 512
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewJSONHandler(io.Discard, nil))
	}
	s := &Server{cfg: cfg, mux: http.NewServeMux(), sem: make(chan struct{}, cfg.MaxInFlight), reg: prometheus.NewRegistry()}
	s.metrics = newMetrics(s.reg)
	s.routes()
	return s, nil
}

func (s *Server) routes() {
	v1 := func(h http.HandlerFunc) http.Handler { return s.auth(s.capped(h)) }
	s.mux.Handle("POST /v1/check", v1(s.check))
	s.mux.Handle("POST /v1/messenger/check", v1(s.messengerCheck))
	s.mux.Handle("POST /v1/events", v1(s.events))
	s.mux.Handle("GET /v1/rules", v1(s.rules))
	s.mux.HandleFunc("GET /webhook/messenger", s.verify)
	s.mux.Handle("POST /webhook/messenger", s.capped(s.webhook))
	s.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { writeJSON(w, 200, map[string]string{"status": "ok"}) })
	s.mux.HandleFunc("GET /readyz", s.ready)
	s.mux.Handle("GET /metrics", s.metricsHandler())
	s.mux.HandleFunc("GET /{$}", s.playground)
}

// ServeHTTP implements http.Handler: request id, load shedding, panic
// recovery, metrics and one log line per request around the routes.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	id := requestID(r)
	w.Header().Set("X-Request-Id", id)
	rec := &recorder{ResponseWriter: w, status: 200}
	select {
	case s.sem <- struct{}{}:
	default:
		rec.Header().Set("Retry-After", "1")
		writeError(rec, http.StatusServiceUnavailable, "too many requests in flight; try again")
		s.done(rec, r, id, "shed", start)
		return
	}
	defer func() { <-s.sem }()
	defer func() {
		if p := recover(); p != nil {
			if p == http.ErrAbortHandler {
				panic(p)
			}
			s.cfg.Logger.Error("panic", "request_id", id, "path", r.URL.Path, "panic", fmt.Sprint(p))
			if !rec.wrote {
				writeError(rec, http.StatusInternalServerError, "internal error; request id "+id)
			}
			s.done(rec, r, id, "", start)
		}
	}()
	s.mux.ServeHTTP(rec, r)
	s.done(rec, r, id, "", start)
}

func (s *Server) done(rec *recorder, r *http.Request, id, route string, start time.Time) {
	d := time.Since(start)
	if route == "" {
		route = r.Pattern
		if route == "" {
			route = "other"
		}
	}
	s.metrics.observe(route, rec.status, d)
	s.cfg.Logger.LogAttrs(r.Context(), slog.LevelInfo, "request", slog.String("request_id", id), slog.String("method", r.Method),
		slog.String("path", r.URL.Path), slog.Int("status", rec.status), slog.Int64("duration_us", d.Microseconds()))
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

// requestID keeps a caller's X-Request-Id when it is short and printable.
func requestID(r *http.Request) string {
	if id := r.Header.Get("X-Request-Id"); id != "" && len(id) <= 64 && !strings.ContainsFunc(id, func(c rune) bool { return c <= ' ' || c > '~' }) {
		return id
	}
	var b [8]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

func (s *Server) auth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.cfg.Token != "" {
			got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
			if !ok || subtle.ConstantTimeCompare([]byte(got), []byte(s.cfg.Token)) != 1 {
				w.Header().Set("WWW-Authenticate", `Bearer realm="msglint"`)
				writeError(w, http.StatusUnauthorized, "missing or wrong bearer token")
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// capped reads at most MaxBody bytes of a body; more is 413.
func (s *Server) capped(next http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
		next(w, r)
	})
}

// body reads the request body; false when it has answered an error.
func (s *Server) body(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	data, err := io.ReadAll(r.Body)
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("body is larger than %d bytes", tooBig.Limit))
		return nil, false
	case err != nil:
		writeError(w, http.StatusBadRequest, "reading body: "+err.Error())
		return nil, false
	}
	return data, true
}

func (s *Server) ready(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), time.Second)
	defer cancel()
	if err := s.cfg.Store.Ping(ctx); err != nil {
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
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

func writeError(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, map[string]string{"error": msg})
}

// Serve answers on ln until ctx ends, then stops taking connections and
// lets requests in flight finish (up to grace).
func (s *Server) Serve(ctx context.Context, ln net.Listener, grace time.Duration) error {
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      10 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.cfg.Logger.Handler(), slog.LevelWarn),
	}
	if s.cfg.Token == "" {
		s.cfg.Logger.Warn("no token set: /v1/* answers anyone who can reach " + ln.Addr().String())
	}
	if sw, ok := s.cfg.Store.(interface{ Sweep() (int, error) }); ok {
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
	s.cfg.Logger.Info("shutting down", "grace", grace.String())
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	return srv.Shutdown(sctx)
}

// sweep forgets conversations quiet for longer than the store's age limit.
func (s *Server) sweep(ctx context.Context, sw interface{ Sweep() (int, error) }) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if n, err := sw.Sweep(); err != nil {
				s.cfg.Logger.Warn("sweep", "error", err.Error())
			} else if n > 0 {
				s.cfg.Logger.Info("sweep", "forgotten", n)
			}
		}
	}
}
