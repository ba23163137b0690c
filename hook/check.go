package hook

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/msglint/msglint/hook/store"
	"github.com/msglint/msglint/internal/swar"
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
	// At and ClientTime are set when the check was judged at the time the
	// client gave, not at the hook's now.
	At         *time.Time `json:"at,omitempty"`
	ClientTime bool       `json:"client_time,omitempty"`
}

// StoreUnavailable is the rule name of the finding made when the store
// cannot be read.
const StoreUnavailable = "store-unavailable"

func (s *Server) clock() clock {
	return clock{now: s.cfg.Now(), skew: s.cfg.Skew, whatIf: s.cfg.WhatIf}
}

func (s *Server) check(w http.ResponseWriter, r *http.Request, data []byte) {
	// The body is this check's alone (admit read it) and is not written
	// again: the request's strings are cut from it.
	sd, err := parseCheckOf(data, true, s.clock())
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	o := s.cfg.Load
	o.Channel, o.Lang, o.Kind = sd.event.Channel, sd.event.Lang, sd.event.Kind
	m := o.Draft("message", sd.text, sd.quickReplies, sd.buttons)
	m.ID, m.MessagingType, m.Tag = sd.event.Conversation, sd.event.MessagingType, sd.event.Tag
	sd.draftOnly = true
	s.answer(w, r, sd, m)
}

func (s *Server) messengerCheck(w http.ResponseWriter, r *http.Request, data []byte) {
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
	if sd.template != nil && len(s.cfg.Templates) > 0 {
		// The send's parameters against the registered template; the
		// text the customer will read is checked like any draft.
		filled, tm, fs := s.cfg.Templates.check(sd.template)
		sd.extra = fs
		if tm != nil && filled != "" {
			o.Lang, o.Kind = tm.Lang, tm.Kind
			m = o.Draft("message", filled, nil, nil)
			m.ID, sd.event.Text = sd.event.Conversation, filled
		}
	}
	page := q.Get("page_id")
	if page == "" {
		page = r.Header.Get("X-Page-Id")
	}
	s.cfg.Logger.Debug("messenger check", "page_id", page, "conversation", sd.event.Conversation)
	s.answer(w, r, sd, m)
}

// decision is what the rules made of a send against a state.
type decision struct {
	findings []lint.Finding
	window   *policy.WindowInfo
	allow    bool
}

// decide judges a send against a state: drafted are the template rules'
// findings in its draft (CheckDraft), which no state changes, and memo
// what the conversation rules read in its text (nil: nothing kept).
func (s *Server) decide(st *policy.State, e *policy.Event, m *lint.Message, drafted []lint.Finding, memo *policy.DraftMemo, extra []lint.Finding) decision {
	fs := append(s.cfg.Checker.JudgeMemo(st, e, m, drafted, memo), extra...)
	return decision{findings: fs, window: s.cfg.Checker.Window(st, e.Channel, e.Time), allow: !slices.ContainsFunc(fs, func(f lint.Finding) bool { return f.Severity >= s.cfg.DenyAt })}
}

// answer judges a send against the conversation's stored state, within
// one store budget. With record, the decision and the record of an allowed
// send are one transaction: concurrent checks of one conversation are
// judged one after the other, so none gets past a limit.
//
// Its parts are functions of their own, kept out of line: what one of them
// holds in its frame is not held in answer's while another runs, so the
// deepest call of a check (the conversation rules, under judged) needs
// less stack, and a connection's goroutine, whose stack every collection
// may shrink, grows it back less often.
func (s *Server) answer(w http.ResponseWriter, r *http.Request, sd *send, m *lint.Message) {
	// The fail mode reads a draft of its own (its token caches still
	// empty): a transaction that outlives the budget may still be reading
	// m.
	spare := m
	if sd.record && m != nil {
		cp := *m
		spare = &cp
	}
	// The template rules judge the draft once, before the store is asked:
	// what they find does not depend on the conversation, and a store's
	// transaction, which may run more than once and holds the conversation
	// while it runs, adds only the conversation rules' findings.
	drafted, memo := s.checkDraft(sd, m)
	d, recorded, err := s.judged(r, sd, m, drafted, memo)
	if err != nil {
		d = s.failMode(w, spare, err, sd.extra)
	}
	s.respond(w, sd, d, recorded)
	// The draft's tokens and cue matches go back to their pools for the
	// next check, unless a transaction that outlived its budget may still
	// be reading them.
	if m != nil && (!sd.record || err == nil) {
		m.Trim()
	}
}

// judged is the decision on a send against its conversation's state: with
// record, judged and recorded in one store transaction (recorded: the
// send was allowed and recorded); else against the state as it is, from
// memory when the store has it there. An error is the store's.
//
//go:noinline
func (s *Server) judged(r *http.Request, sd *send, m *lint.Message, drafted []lint.Finding, memo *policy.DraftMemo) (d decision, recorded bool, err error) {
	e := &sd.event
	key := store.Key(e.Channel, e.Conversation)
	if sd.record {
		return s.judgedRecorded(r, key, sd, m, drafted, memo)
	}
	// A state in memory needs no budget.
	st, ok := s.store.peek(key)
	if !ok {
		if st, err = s.stored(r, key); err != nil {
			return decision{}, false, err
		}
	}
	if st == nil {
		st = &noState
	}
	return s.decide(st, e, m, drafted, memo, sd.extra), false, nil
}

// noState is the state of a conversation the store does not know: shared,
// as a state from the store's memory is, and never changed (a state made
// here would sit in judged's frame, under the deepest calls).
var noState policy.State

// judgedRecorded is judged with record: one store transaction.
//
//go:noinline
func (s *Server) judgedRecorded(r *http.Request, key string, sd *send, m *lint.Message, drafted []lint.Finding, memo *policy.DraftMemo) (decision, bool, error) {
	e := &sd.event
	var in decision
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.StoreTimeout)
	defer cancel()
	err := s.store.update(ctx, key, func(st *policy.State) {
		in = s.decide(st, e, m, drafted, memo, sd.extra)
		if in.allow {
			s.cfg.Checker.Record(st, e)
		}
	})
	if err != nil {
		return decision{}, false, err
	}
	return in, in.allow, nil
}

// stored reads a state the store does not have in memory, within the
// store budget.
//
//go:noinline
func (s *Server) stored(r *http.Request, key string) (*policy.State, error) {
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.StoreTimeout)
	defer cancel()
	return s.store.get(ctx, key)
}

// respond writes the answer to a check.
//
//go:noinline
func (s *Server) respond(w http.ResponseWriter, sd *send, d decision, recorded bool) {
	e := &sd.event
	// The answer's findings and their offsets are made in pooled arrays:
	// the answer is written, and forgotten, before respond returns.
	sc := answerScratches.Get().(*answerScratch)
	resp := &sc.resp
	*resp = CheckResponse{Allow: d.allow, Findings: slices.Grow(sc.findings[:0], len(d.findings)), Window: d.window, Conversation: e.Conversation, Channel: e.Channel, Recorded: recorded}
	if resp.Findings == nil {
		resp.Findings = []Finding{} // none is [], not null
	}
	if sd.clientTime {
		at := e.Time
		resp.At, resp.ClientTime = &at, true
	}
	sc.offsets = slices.Grow(sc.offsets[:0], len(d.findings))[:len(d.findings)]
	for i, f := range d.findings {
		s.metrics.finding(f.Rule)
		resp.Findings = append(resp.Findings, newFindingAt(f, true, &sc.offsets[i]))
	}
	s.metrics.decision(resp.Allow)
	writeCheck(w, resp)
	if cap(resp.Findings) <= maxPooledFindings {
		clear(resp.Findings)
		sc.findings, sc.offsets = resp.Findings[:0], sc.offsets[:0]
		*resp = CheckResponse{}
		answerScratches.Put(sc)
	}
}

// answerScratch is where respond makes an answer and its findings.
type answerScratch struct {
	resp     CheckResponse
	findings []Finding
	offsets  [][2]int // each finding's start and end, which it points to
}

var answerScratches = sync.Pool{New: func() any { return new(answerScratch) }}

// maxPooledFindings is the most findings an answer's arrays hold when
// they go back to the pool.
const maxPooledFindings = 64

// checkDraft is the template rules' findings in a send's draft, from the
// draft cache when the draft is the whole of what they read, with the
// draft's memo for the conversation rules (nil when it is not cached).
func (s *Server) checkDraft(sd *send, m *lint.Message) ([]lint.Finding, *policy.DraftMemo) {
	if !sd.draftOnly || s.drafts == nil || m == nil {
		return s.cfg.Checker.CheckDraft(m), nil
	}
	fs, memo, hit := s.drafts.check(s.cfg.Checker, m)
	s.metrics.draftCached(hit)
	return fs, memo
}

// failMode is the answer without the conversation's state: the template
// rules still judge, and the configured mode decides.
func (s *Server) failMode(w http.ResponseWriter, m *lint.Message, err error, extra []lint.Finding) decision {
	s.metrics.store.Inc()
	s.cfg.Logger.Error("store", "error", err.Error(), "request_id", w.Header().Get("X-Request-Id"))
	var fs []lint.Finding
	if m != nil {
		fs = s.cfg.Linter.Check(m)
	}
	sev, how := lint.Error, "denied: the hook fails closed"
	if s.cfg.FailOpen {
		sev, how = lint.Warning, "allowed without the window and frequency rules: the hook fails open"
	}
	fs = append(fs, extra...)
	fs = append(fs, lint.Finding{Rule: StoreUnavailable, Severity: sev, Message: "the conversation's state could not be read (" + err.Error() + "); " + how,
		Suggestion: "check the store (GET /readyz) and retry"})
	return decision{findings: fs, allow: !slices.ContainsFunc(fs, func(f lint.Finding) bool { return f.Severity >= s.cfg.DenyAt })}
}

// newFinding is a finding as the hook answers it. A finding in the draft
// (the engine placed it in a part of the draft's message) says which part,
// and where in its text in characters; one about the send as a whole, or
// about an event, has no position.
func newFinding(f lint.Finding, inDraft bool) Finding {
	return newFindingAt(f, inDraft, new([2]int))
}

// newFindingAt is newFinding with the finding's start and end kept in
// pos, which Start and End then point to.
func newFindingAt(f lint.Finding, inDraft bool, pos *[2]int) Finding {
	out := Finding{JSONFinding: report.NewJSONFinding(f)}
	if f.Msg == nil || !inDraft {
		out.File, out.Line, out.Col, out.EndLine, out.EndCol = "", 0, 0, 0, 0
		return out
	}
	field := f.Msg.Field(f.Part)
	if field == nil {
		return out
	}
	out.Part = [...]string{lint.Body: "text", lint.QuickReply: "quick_reply", lint.Button: "button", lint.TemplateText: "template", lint.ElementTitle: "element_title", lint.ElementSubtitle: "element_subtitle"}[f.Part.Kind]
	out.Index = f.Part.Index
	sp := f.Span
	if sp == (lint.Span{}) {
		sp.End = len(field.Text)
	}
	if sp.Start >= 0 && sp.Start <= sp.End && sp.End <= len(field.Text) {
		pos[0] = runeCount(field.Text[:sp.Start])
		pos[1] = pos[0] + runeCount(field.Text[sp.Start:sp.End])
		out.Start, out.End = &pos[0], &pos[1]
	}
	return out
}

// runeCount is utf8.RuneCountInString, eight bytes at a time while they
// are ASCII or whole letters of two bytes (a Turkish or Azerbaijani
// text's usual eight): a finding's offsets count the characters before it
// and in it.
func runeCount(s string) int {
	const high = 0x8080808080808080
	n := 0
	for len(s) >= 8 {
		x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		if x&high == 0 {
			n, s = n+8, s[8:]
			continue
		}
		if k, ok := swar.TwoByteRunes(x); ok {
			n, s = n+k, s[8:]
			continue
		}
		// One character: ASCII, two bytes, or any other decoded (an
		// invalid byte is one, as utf8 counts it).
		_, w := utf8.DecodeRuneInString(s)
		n, s = n+1, s[w:]
	}
	return n + utf8.RuneCountInString(s)
}

// EventsResponse is the answer to POST /v1/events and to a webhook delivery.
type EventsResponse struct {
	// Accepted events were applied; Duplicates had been applied before
	// (by event id); Stale are older than the longest window and so change
	// nothing; Invalid are a delivery's bad items, logged.
	Accepted   int       `json:"accepted"`
	Duplicates int       `json:"duplicates,omitempty"`
	Stale      int       `json:"stale,omitempty"`
	Invalid    int       `json:"invalid,omitempty"`
	Findings   []Finding `json:"findings"`
}

func (s *Server) events(w http.ResponseWriter, r *http.Request, data []byte) {
	evs, err := parseEvents(data, s.clock())
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	s.commit(w, r, evs, "events", EventsResponse{Findings: []Finding{}})
}

// commitWorkers is how many conversations of one post are written at once:
// the embedded store commits concurrent writes together, one fsync for many.
const commitWorkers = 128

// commit applies events, one store transaction per conversation, several
// conversations at once, so that a large delivery is acknowledged fast; it
// answers 200 only when all of them are durable. Each event with an id is
// applied once, so a retry after a 503 applies only what is missing.
func (s *Server) commit(w http.ResponseWriter, r *http.Request, evs []policy.Event, source string, resp EventsResponse) {
	now := s.cfg.Now()
	var order []string
	byKey := map[string][]*policy.Event{}
	for i := range evs {
		e := &evs[i]
		if e.Time.Before(now.Add(-s.maxAge)) {
			resp.Stale++
			continue
		}
		k := store.Key(e.Channel, e.Conversation)
		if byKey[k] == nil {
			order = append(order, k)
		}
		byKey[k] = append(byKey[k], e)
	}
	s.metrics.dropped.WithLabelValues("stale").Add(float64(resp.Stale))
	type result struct {
		accepted, duplicates int
		found                []lint.Finding
		err                  error
	}
	results := make([]result, len(order))
	// A client that goes away does not stop a write half done.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), s.cfg.EventTimeout)
	defer cancel()
	var wg sync.WaitGroup
	work := make(chan int)
	for range min(commitWorkers, len(order)) {
		wg.Go(func() {
			for i := range work {
				// in is read only when the update succeeded: a transaction
				// that outlives the budget may still run fn later.
				var in result
				err := s.store.update(ctx, order[i], func(st *policy.State) {
					in = result{}
					for _, e := range byKey[order[i]] {
						applyOnce(st, e, now, func() { in.found = append(in.found, s.cfg.Checker.Apply(st, e)...); in.accepted++ })
					}
					in.duplicates = len(byKey[order[i]]) - in.accepted
				})
				if err != nil {
					results[i] = result{err: err}
					continue
				}
				results[i] = in
			}
		})
	}
	for i := range order {
		work <- i
	}
	close(work)
	wg.Wait()
	var failed error
	for _, res := range results {
		if res.err != nil {
			failed = res.err
			continue
		}
		resp.Accepted += res.accepted
		resp.Duplicates += res.duplicates
		for _, f := range res.found {
			resp.Findings = append(resp.Findings, newFinding(f, false))
		}
	}
	s.metrics.events.WithLabelValues(source).Add(float64(resp.Accepted))
	s.metrics.dropped.WithLabelValues("duplicate").Add(float64(resp.Duplicates))
	if failed != nil {
		s.metrics.store.Inc()
		s.cfg.Logger.Error("store write", "error", failed.Error(), "request_id", w.Header().Get("X-Request-Id"))
		writeJSON(w, http.StatusServiceUnavailable, map[string]any{"error": "store unavailable: " + failed.Error() +
			"; the events of some conversations were committed, and a retry applies each event with an id once", "accepted": resp.Accepted})
		return
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
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprint(w, q.Get("hub.challenge"))
}

// webhook takes Meta's signed event deliveries. A bad item is acknowledged
// with the rest and logged: Meta would retry a refused delivery for hours,
// and it could never succeed.
func (s *Server) webhook(w http.ResponseWriter, r *http.Request, data []byte) {
	if !s.signed(r.Header.Get("X-Hub-Signature-256"), data) {
		writeError(w, http.StatusUnauthorized, "missing or wrong X-Hub-Signature-256")
		return
	}
	evs, bad, err := policy.WebhookDelivery(data)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	c := s.clock()
	good := evs[:0]
	for _, e := range evs {
		err := checkID("sender", e.Conversation)
		if err == nil {
			err = checkID("mid", e.ID)
		}
		if err == nil {
			err = c.future("timestamp", e.Time)
		}
		if err != nil {
			bad = append(bad, fmt.Errorf("webhook item at %s: %v", e.RawTime, err))
			continue
		}
		good = append(good, e)
	}
	for _, err := range bad {
		s.cfg.Logger.Warn("webhook item dropped", "error", err.Error(), "request_id", w.Header().Get("X-Request-Id"))
	}
	s.metrics.dropped.WithLabelValues("invalid").Add(float64(len(bad)))
	s.commit(w, r, good, "webhook", EventsResponse{Invalid: len(bad), Findings: []Finding{}})
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
