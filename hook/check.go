package hook

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/msglint/msglint/hook/store"
	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/report"
	"github.com/msglint/msglint/policy"
)

// Finding is a finding in the CLI's JSON schema plus where it is in the
// draft: the part (text, quick_reply, button, or none for the send as a
// whole) and character offsets in that part's text.
type Finding struct {
	report.JSONFinding
	Part  string `json:"part,omitempty"`
	Index int    `json:"index,omitempty"`
	Start *int   `json:"start,omitempty"`
	End   *int   `json:"end,omitempty"`
}

// CheckResponse is the answer to a check.
type CheckResponse struct {
	Allow        bool               `json:"allow"`
	Findings     []Finding          `json:"findings"`
	Window       *policy.WindowInfo `json:"window"`
	Conversation string             `json:"conversation"`
	Channel      lint.Channel       `json:"channel"`
	Recorded     bool               `json:"recorded,omitempty"`
}

// StoreUnavailable is the rule name of the finding made when the store
// cannot be read.
const StoreUnavailable = "store-unavailable"

func (s *Server) check(w http.ResponseWriter, r *http.Request) {
	data, ok := s.body(w, r)
	if !ok {
		return
	}
	sd, err := parseCheck(data, s.cfg.Now())
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	o := s.cfg.Load
	o.Channel, o.Lang, o.Kind = sd.event.Channel, sd.event.Lang, sd.event.Kind
	m := o.Draft("message", sd.text, sd.quickReplies, sd.buttons)
	m.ID, m.MessagingType, m.Tag = sd.event.Conversation, sd.event.MessagingType, sd.event.Tag
	s.answer(w, r, sd, m)
}

func (s *Server) messengerCheck(w http.ResponseWriter, r *http.Request) {
	data, ok := s.body(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	ch := lint.Messenger
	if v := q.Get("channel"); v != "" {
		c, err := lint.ParseChannel(v)
		if err != nil {
			writeError(w, http.StatusBadRequest, "channel: "+err.Error())
			return
		}
		ch = c
	}
	actor, err := parseActor(q.Get("actor"))
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	sd, err := parseSendAPI(data, ch, actor, s.cfg.Now())
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	o := s.cfg.Load
	o.Channel = sd.event.Channel
	msgs, err := o.File("request", data)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	var m *lint.Message
	if len(msgs) > 0 {
		m = msgs[0]
		m.ID, sd.event.Text = sd.event.Conversation, m.Body.Text
	}
	page := q.Get("page_id")
	if page == "" {
		page = r.Header.Get("X-Page-Id")
	}
	s.cfg.Logger.Debug("messenger check", "page_id", page, "conversation", sd.event.Conversation)
	s.answer(w, r, sd, m)
}

// answer judges a send against the conversation's stored state.
func (s *Server) answer(w http.ResponseWriter, r *http.Request, sd *send, m *lint.Message) {
	e := &sd.event
	key := store.Key(e.Channel, e.Conversation)
	st, err := s.cfg.Store.Get(r.Context(), key)
	var fs []lint.Finding
	if err != nil {
		s.metrics.store.Inc()
		s.cfg.Logger.Error("store read", "error", err.Error(), "request_id", w.Header().Get("X-Request-Id"))
		// Without state the policy rules cannot judge: the template rules
		// still do, and the configured mode decides.
		if m != nil {
			fs = s.cfg.Linter.Check(m)
		}
		sev, how := lint.Error, "denied: the hook fails closed"
		if s.cfg.FailOpen {
			sev, how = lint.Warning, "allowed without the window and frequency rules: the hook fails open"
		}
		fs = append(fs, lint.Finding{Rule: StoreUnavailable, Severity: sev, Message: "the conversation's state could not be read (" + err.Error() + "); " + how,
			Suggestion: "check the store (GET /readyz) and retry"})
	} else {
		if st == nil {
			st = &policy.State{}
		}
		fs = s.cfg.Checker.Judge(st, e, m)
	}
	resp := CheckResponse{Allow: true, Findings: make([]Finding, 0, len(fs)), Conversation: e.Conversation, Channel: e.Channel}
	if err == nil {
		resp.Window = s.cfg.Checker.Window(st, e.Channel, e.Time)
	}
	for _, f := range fs {
		if f.Severity >= s.cfg.DenyAt {
			resp.Allow = false
		}
		s.metrics.findings.WithLabelValues(f.Rule).Inc()
		resp.Findings = append(resp.Findings, newFinding(f, true))
	}
	if resp.Allow && sd.record {
		err := s.cfg.Store.Update(r.Context(), key, func(st *policy.State) { s.cfg.Checker.Apply(st, e) })
		if err != nil {
			s.metrics.store.Inc()
			resp.Findings = append(resp.Findings, Finding{JSONFinding: report.JSONFinding{Rule: StoreUnavailable, Severity: lint.Warning,
				Message: "the send could not be recorded (" + err.Error() + ")", Suggestion: "post it to /v1/events once the store is back"}})
		} else {
			resp.Recorded = true
		}
	}
	decision := "allow"
	if !resp.Allow {
		decision = "deny"
	}
	s.metrics.decisions.WithLabelValues(decision).Inc()
	writeJSON(w, http.StatusOK, resp)
}

// newFinding is a finding as the hook answers it. A finding in the draft
// (the engine placed it in a part of the draft's message) says which part,
// and where in its text in characters; one about the send as a whole, or
// about an event, has no position.
func newFinding(f lint.Finding, inDraft bool) Finding {
	out := Finding{JSONFinding: report.NewJSONFinding(f)}
	if f.Msg == nil || !inDraft {
		out.File, out.Line, out.Col, out.EndLine, out.EndCol = "", 0, 0, 0, 0
		return out
	}
	field := f.Msg.Field(f.Part)
	if field == nil {
		return out
	}
	out.Part = [...]string{lint.Body: "text", lint.QuickReply: "quick_reply", lint.Button: "button"}[f.Part.Kind]
	out.Index = f.Part.Index
	sp := f.Span
	if sp == (lint.Span{}) {
		sp.End = len(field.Text)
	}
	if sp.Start >= 0 && sp.Start <= sp.End && sp.End <= len(field.Text) {
		start := utf8.RuneCountInString(field.Text[:sp.Start])
		end := start + utf8.RuneCountInString(field.Text[sp.Start:sp.End])
		out.Start, out.End = &start, &end
	}
	return out
}

// EventsResponse is the answer to POST /v1/events and to a webhook delivery.
type EventsResponse struct {
	Accepted int       `json:"accepted"`
	Findings []Finding `json:"findings"`
}

func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	data, ok := s.body(w, r)
	if !ok {
		return
	}
	evs, err := parseEvents(data)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	s.commit(w, r, evs, "events")
}

// commit applies events, one store transaction per conversation, and
// answers 200 only when all of them are durable.
func (s *Server) commit(w http.ResponseWriter, r *http.Request, evs []policy.Event, source string) {
	var order []string
	byKey := map[string][]*policy.Event{}
	for i := range evs {
		e := &evs[i]
		k := store.Key(e.Channel, e.Conversation)
		if byKey[k] == nil {
			order = append(order, k)
		}
		byKey[k] = append(byKey[k], e)
	}
	resp := EventsResponse{Findings: []Finding{}}
	for _, k := range order {
		var found []lint.Finding
		err := s.cfg.Store.Update(context.WithoutCancel(r.Context()), k, func(st *policy.State) {
			found = found[:0]
			for _, e := range byKey[k] {
				found = append(found, s.cfg.Checker.Apply(st, e)...)
			}
		})
		if err != nil {
			s.metrics.store.Inc()
			s.cfg.Logger.Error("store write", "error", err.Error(), "request_id", w.Header().Get("X-Request-Id"))
			writeJSON(w, http.StatusServiceUnavailable, map[string]any{"error": "store unavailable: " + err.Error() + "; events before this conversation were committed",
				"accepted": resp.Accepted})
			return
		}
		resp.Accepted += len(byKey[k])
		s.metrics.events.WithLabelValues(source).Add(float64(len(byKey[k])))
		for _, f := range found {
			resp.Findings = append(resp.Findings, newFinding(f, false))
		}
	}
	writeJSON(w, http.StatusOK, resp)
}

// verify answers Meta's subscription handshake.
func (s *Server) verify(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if s.cfg.VerifyToken == "" || q.Get("hub.mode") != "subscribe" ||
		!hmac.Equal([]byte(q.Get("hub.verify_token")), []byte(s.cfg.VerifyToken)) {
		writeError(w, http.StatusForbidden, "verify token does not match")
		return
	}
	w.Header().Set("Content-Type", "text/plain")
	fmt.Fprint(w, q.Get("hub.challenge"))
}

// webhook takes Meta's signed event deliveries.
func (s *Server) webhook(w http.ResponseWriter, r *http.Request) {
	data, ok := s.body(w, r)
	if !ok {
		return
	}
	if !s.signed(r.Header.Get("X-Hub-Signature-256"), data) {
		writeError(w, http.StatusUnauthorized, "missing or wrong X-Hub-Signature-256")
		return
	}
	evs, err := policy.WebhookEvents("webhook", data)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	s.commit(w, r, evs, "webhook")
}

// signed checks sha256=HMAC-SHA256(body, app secret), in constant time.
func (s *Server) signed(header string, body []byte) bool {
	sig, ok := strings.CutPrefix(header, "sha256=")
	if !ok || s.cfg.AppSecret == "" {
		return false
	}
	got, err := hex.DecodeString(sig)
	if err != nil {
		return false
	}
	mac := hmac.New(sha256.New, []byte(s.cfg.AppSecret))
	mac.Write(body)
	return hmac.Equal(got, mac.Sum(nil))
}

// Sign returns the X-Hub-Signature-256 value for a body (tests, examples).
func Sign(secret string, body []byte) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(body)
	return "sha256=" + hex.EncodeToString(mac.Sum(nil))
}
