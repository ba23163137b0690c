package hook

import (
	"crypto/subtle"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// secure sets the headers every answer carries: no sniffing, no framing,
// no scripts or styles of anyone's (the playground's page relaxes the
// policy to its own files), and no caching of answers about people.
func secure(h http.Header) {
	for _, kv := range secureHeaders {
		h[kv.key] = kv.value
	}
}

// secureHeaders are made once and shared by every answer: a header is
// replaced (Set) or appended to (Add, which copies a full slice), never
// changed in place.
var secureHeaders = [...]struct {
	key   string
	value []string
}{
	{"X-Content-Type-Options", []string{"nosniff"}},
	{"X-Frame-Options", []string{"DENY"}},
	{"Content-Security-Policy", []string{"default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"}},
	{"Referrer-Policy", []string{"no-referrer"}},
	{"Cache-Control", []string{"no-store"}},
}

// auth checks the bearer token (the scheme's name in any case, RFC 7235)
// or, in the no-token mode, that the request cannot have come from a web
// page of another site: JSON only, and a loopback Host and Origin.
func (s *Server) auth(w http.ResponseWriter, r *http.Request) bool {
	if s.cfg.Token == "" {
		return s.localOnly(w, r)
	}
	scheme, got, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(s.cfg.Token)) != 1 {
		w.Header().Set("WWW-Authenticate", `Bearer realm="msglint"`)
		writeError(w, http.StatusUnauthorized, "missing or wrong bearer token")
		return false
	}
	return true
}

// localOnly refuses what a browser could send from another site to a hook
// run without a token: a form or text/plain post (no preflight), a
// cross-origin request, and a Host that is not loopback (DNS rebinding).
func (s *Server) localOnly(w http.ResponseWriter, r *http.Request) bool {
	if !loopbackHost(r.Host) {
		writeError(w, http.StatusForbidden, "without a token the hook answers only requests to a loopback host (localhost, 127.0.0.1, [::1]); Host "+quote(r.Host)+" is not")
		return false
	}
	if o := r.Header.Get("Origin"); o != "" {
		u, err := url.Parse(o)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || !loopbackHost(u.Host) {
			writeError(w, http.StatusForbidden, "without a token the hook refuses requests from another origin ("+quote(o)+")")
			return false
		}
	}
	if r.Method == http.MethodPost {
		if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
			writeError(w, http.StatusUnsupportedMediaType, "without a token the hook takes only Content-Type: application/json")
			return false
		}
	}
	return true
}

func loopbackHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func quote(s string) string {
	if len(s) > 80 {
		s = s[:80] + "…"
	}
	return `"` + strings.ToValidUTF8(s, "?") + `"`
}
