package policy

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/msglint/msglint/lint"
)

// finding places a conversation finding on an event's line: on the span of
// its text when a detector gave one, else on the whole line.
func (c *Checker) finding(path string, e *Event, m *lint.Message, rule, msg, fix string, span *lint.Span) lint.Finding {
	f := lint.Finding{Rule: rule, Severity: c.linter.Severity(rule, 0), Message: msg, Suggestion: fix, File: path,
		Line: e.Line, Col: 1, EndLine: e.Line, EndCol: len([]rune(string(e.Raw))) + 1, MessageID: e.Conversation}
	if e.ID != "" {
		f.MessageID = e.ID
	}
	// In a transcript the text's own position is used only when the event's
	// line was kept; the hook's events have no line and place it in the text.
	if m != nil && (e.Raw != nil || e.Line == 0) {
		s := lint.Span{Start: 0, End: len(m.Body.Text)}
		if span != nil && *span != (lint.Span{}) {
			s = *span
		}
		l1, c1 := m.Source.Position(m.Body.Map.Start(s.Start))
		l2, c2 := m.Source.Position(m.Body.Map.End(s.End))
		f.Line, f.Col, f.EndLine, f.EndCol, f.Msg, f.Span = l1, c1, l2, c2, m, s
	}
	return f
}

// message reads an event's text as a message, with positions in the file.
func (c *Checker) message(path string, e *Event, kind lint.Kind) *lint.Message {
	if e.Text == "" {
		return nil
	}
	o := c.load
	o.Channel = e.Channel
	if e.Lang != "" {
		o.Lang = e.Lang
	}
	var m *lint.Message
	switch {
	case e.Raw == nil && e.Line > 0:
		return nil // a webhook file's event: its text has no place in the file
	case e.Raw == nil: // the hook's event: its text alone
		m = o.Text(e.Conversation, e.Text)
	default:
		// The scanner reuses its buffer: the message keeps its own copy of
		// the line, which reporters quote later.
		var err error
		if m, err = o.Line(path, bytes.Clone(e.Raw), e.Line-1); err != nil {
			return nil
		}
	}
	m.Kind = kind
	if e.Kind != "" && kind == "" {
		m.Kind = e.Kind
	}
	if m.Kind == "" {
		m.Kind = lint.Reply
	}
	if e.ID == "" {
		m.ID = e.Conversation
	}
	return m
}

// where names an earlier event: by its line in a transcript, by its time in
// the hook, which has no lines.
func where(line int, at time.Time) string {
	if line > 0 {
		return fmt.Sprintf("on line %d", line)
	}
	return "at " + at.UTC().Format(time.RFC3339)
}

func (c *Checker) zoneOf(cv *State) *time.Location {
	if cv.zone == nil {
		cv.zone = c.zone
		if l, err := loadZone(cv.Zone); cv.Zone != "" && err == nil {
			cv.zone = l
		}
	}
	return cv.zone
}

func isSend(e *Event) bool { return e.Direction == Out && (e.Type == Message || e.Type == Reaction) }

func (c *Checker) event(path string, cv *State, e *Event, report func(lint.Finding), st *Stats) {
	p := c.profiles[e.Channel]
	add := report
	if e.Zone != "" && e.Zone != cv.Zone {
		cv.Zone, cv.zone = e.Zone, nil
	}
	switch e.Type {
	case ConsentGranted:
		cv.Consent, cv.Revoked = true, false
	case ConsentRevoked:
		cv.Consent, cv.Revoked, cv.RevokedLine, cv.RevokedAt = false, true, e.Line, e.Time
	case Handoff:
		cv.Requested = false
	case Stop:
		if e.Direction == In {
			cv.Stopped, cv.StopLine, cv.StopAt = true, e.Line, e.Time
		}
	case Close:
		c.closed(path, cv, e, add)
	case Forward:
		if c.on["forwarding-consent"] && !cv.Consent {
			add(c.finding(path, e, nil, "forwarding-consent", c.noConsent(cv, "the conversation was forwarded"+to(e)),
				"ask the customer first, and forward only after a consent_granted event", nil))
		}
	}
	if e.Direction == In {
		c.inbound(path, cv, e, p, add, st)
		return
	}
	if !isSend(e) {
		return
	}
	c.outbound(path, cv, e, c.message(path, e, ""), report, st)
}

// outbound judges a brand send and records it in the conversation.
func (c *Checker) outbound(path string, cv *State, e *Event, m *lint.Message, report func(lint.Finding), st *Stats) {
	c.send(path, cv, e, c.profiles[e.Channel], m, report, st)
	if m != nil {
		// Template rules judge the text too; the conversation rules above
		// already judged it with its context.
		m.Disable = append(m.Disable, conversationRules...)
		for _, f := range c.linter.Check(m) {
			report(f)
		}
		m.Trim()
		if st != nil {
			st.messages++
		}
		cv.lastOut, cv.lastOutLine = m, e.Line
	}
	cv.SentOut = true
}

func to(e *Event) string {
	if e.To != "" {
		return " to " + e.To
	}
	return ""
}

func (c *Checker) noConsent(cv *State, what string) string {
	if cv.Revoked {
		return fmt.Sprintf("%s after the customer revoked consent %s, and consent was not granted again", what, where(cv.RevokedLine, cv.RevokedAt))
	}
	return what + " with no consent from the customer earlier in the conversation"
}

func (c *Checker) inbound(path string, cv *State, e *Event, p *Profile, add func(lint.Finding), st *Stats) {
	if e.Actor != Customer {
		return
	}
	// The hook may learn of events out of order: a late one never moves the
	// window back.
	if p != nil && p.opens(e.Type) && !e.Time.Before(cv.Open) {
		cv.Open, cv.OpenLine, cv.OpenType = e.Time, e.Line, e.Type
		if e.Type == Referral && !cv.Replied && p.ReferralWindow > 0 {
			cv.ReferralAt, cv.ReferralLine = e.Time, e.Line
		}
	}
	if e.Type == Optin {
		cv.Stopped = false
	}
	if e.Type != Message && e.Type != Postback {
		return
	}
	if e.Time.After(cv.LastCustomer) {
		cv.LastCustomer = e.Time
	}
	cv.Unanswered = cv.Unanswered[:0]
	if p != nil && len(p.StopWords) > 0 && p.isStop(e.Text) {
		cv.Stopped, cv.StopLine, cv.StopAt = true, e.Line, e.Time
		return // STOP asks for silence, not an answer
	}
	if !cv.Pending {
		cv.Pending, cv.PendingAt, cv.PendingLine = true, e.Time, e.Line
		cv.Turns++
		st.turn(e.Channel)
	}
	if c.on["bot-handoff"] && !cv.Requested {
		if m := c.message(path, e, lint.Reply); m != nil && len(c.personRequest(m)) > 0 {
			cv.Requested, cv.RequestLine, cv.RequestAt = true, e.Line, e.Time
		}
	}
}

func (c *Checker) send(path string, cv *State, e *Event, p *Profile, m *lint.Message, add func(lint.Finding), st *Stats) {
	// Response time: the first brand message after the customer wrote.
	if cv.Pending {
		d := e.Time.Sub(cv.PendingAt)
		st.response(e.Channel, d, d <= time.Duration(c.resp.Within))
		if d <= time.Duration(c.resp.Within) {
			cv.Answered++
		}
		if c.on["response-time"] && d > time.Duration(c.resp.FirstResponse) {
			add(c.finding(path, e, nil, "response-time", fmt.Sprintf("first response came %s after the customer's message %s (target %s)",
				human(d), where(cv.PendingLine, cv.PendingAt), human(time.Duration(c.resp.FirstResponse))), "answer within the target, or set an away message that says when", nil))
		}
		cv.Pending = false
	}
	// Greeting: the first brand reply to a customer who wrote.
	if !cv.Replied && cv.Turns > 0 && c.on["greeting"] && m != nil {
		g := *m
		g.Kind = lint.Greeting
		if ds := c.greeting(&g); len(ds) > 0 {
			add(c.finding(path, e, m, "greeting", "the first reply of the conversation "+strings.TrimPrefix(ds[0].Message, "the message "), ds[0].Suggestion, nil))
		}
	}
	cv.Replied = true
	// Bot hand-off: the customer asked for a person and a bot answered.
	if e.Actor == Agent {
		cv.Requested = false
	} else if e.Actor == BotActor && cv.Requested && c.on["bot-handoff"] {
		add(c.finding(path, e, m, "bot-handoff", fmt.Sprintf("the customer asked for a person %s and the bot kept answering without a handoff", where(cv.RequestLine, cv.RequestAt)),
			"hand the conversation to a person (handover protocol) as soon as they ask", nil))
		cv.Requested = false
	}
	// Forwarding: a message that says it passed the customer's data on.
	if c.on["forwarding-consent"] && m != nil && !cv.Consent {
		if ds := c.forwarding(m); len(ds) > 0 {
			add(c.finding(path, e, m, "forwarding-consent", c.noConsent(cv, "the message says the customer's details went to a third party"), ds[0].Suggestion, &ds[0].Span))
		}
	}
	promo := e.Kind == lint.Promo || m != nil && c.promo(m)
	c.frequency(path, cv, e, promo, add)
	if p == nil {
		return
	}
	c.tags(path, cv, e, p, m, promo, add)
	if msg, fix, outside := c.windowMiss(cv, e, p, m); outside != "" {
		st.outside(e.Channel)
		if c.on["window"] {
			add(c.finding(path, e, nil, "window", msg, fix, nil))
		}
	}
}

type window struct {
	length     time.Duration
	by         Type
	line       int
	at, closes time.Time
}

// openWindow is the conversation's latest window: the one a customer's
// message opened, or the longer one of an ad referral.
func openWindow(cv *State, p *Profile) window {
	w := window{length: time.Duration(p.Window), by: cv.OpenType, line: cv.OpenLine, at: cv.Open}
	w.closes = cv.Open.Add(w.length)
	if !cv.ReferralAt.IsZero() && cv.ReferralAt.Add(time.Duration(p.ReferralWindow)).After(w.closes) {
		// A conversation started from a Click-to-Messenger ad: the longer window.
		w = window{length: time.Duration(p.ReferralWindow), by: Referral, line: cv.ReferralLine, at: cv.ReferralAt}
		w.closes = cv.ReferralAt.Add(w.length)
	}
	return w
}

// windowMiss explains why a send is outside what the channel allows; outside
// is empty when the send is fine.
func (c *Checker) windowMiss(cv *State, e *Event, p *Profile, m *lint.Message) (msg, fix, outside string) {
	if p.QuietHours != nil || len(p.StopWords) > 0 {
		return c.smsMiss(cv, e, p)
	}
	if p.Window <= 0 {
		return "", "", ""
	}
	w := openWindow(cv, p)
	window, opener, openLine, openAt, closes := w.length, w.by, w.line, w.at, w.closes
	if !cv.Open.IsZero() && e.Time.Before(closes) {
		return "", "", ""
	}
	if p.Templates && e.Template != "" {
		return "", "", ""
	}
	why := ""
	if e.Tag != "" {
		t, ok := p.tag(e.Tag)
		switch {
		case !ok || !t.ValidAt(e.Time):
			why = fmt.Sprintf("; tag %s does not allow it", e.Tag)
		case t.HumanOnly && e.Actor != Agent:
			why = fmt.Sprintf("; %s is only for a person", e.Tag)
		case t.Window > 0 && !cv.LastCustomer.IsZero() && !e.Time.Before(cv.LastCustomer.Add(time.Duration(t.Window))):
			end := cv.LastCustomer.Add(time.Duration(t.Window))
			why = fmt.Sprintf("; and %s the %s %s window after the customer's last message closed at %s", missedBy(e.Time.Sub(end)), span(time.Duration(t.Window)), e.Tag, end.UTC().Format(time.RFC3339))
		case t.Window > 0 && cv.LastCustomer.IsZero():
			why = fmt.Sprintf("; %s needs a message from the customer first", e.Tag)
		default:
			return "", "", "" // a valid tag
		}
	}
	name := e.Channel.Title()
	fix = "reply within the window"
	switch {
	case p.Templates:
		fix = "send an approved template message instead"
	case len(p.Tags) > 0:
		fix = "wait for the customer to write, or use a message tag that applies"
	}
	if cv.Open.IsZero() {
		return fmt.Sprintf("sent before the customer opened a messaging window: %s only allows a business to answer people who wrote first%s", name, why), fix, "outside"
	}
	return fmt.Sprintf("sent %s the %s window closed at %s (opened by the customer's %s %s)%s",
		missedBy(e.Time.Sub(closes)), span(window), closes.UTC().Format(time.RFC3339), opener, where(openLine, openAt), why), fix, "outside"
}

func (c *Checker) smsMiss(cv *State, e *Event, p *Profile) (msg, fix, outside string) {
	if cv.Stopped {
		return fmt.Sprintf("sent after the customer replied STOP %s and before a new opt-in", where(cv.StopLine, cv.StopAt)), "send nothing more until the customer opts in again", "stop"
	}
	if q := p.QuietHours; q != nil {
		zone := c.zoneOf(cv)
		local := e.Time.In(zone)
		mins := local.Hour()*60 + local.Minute()
		start, end := q.Start.H*60+q.Start.M, q.End.H*60+q.End.M
		if mins < start || mins >= end {
			return fmt.Sprintf("sent at %s in %s, outside the hours SMS may be sent (%02d:%02d-%02d:%02d)", local.Format("15:04 MST"), zone, q.Start.H, q.Start.M, q.End.H, q.End.M),
				fmt.Sprintf("schedule it for %02d:%02d the recipient's time", q.Start.H, q.Start.M), "quiet"
		}
	}
	if !cv.SentOut && len(p.OptOutWords) > 0 && !p.hasOptOut(e.Text) {
		return "the first SMS to this number does not say how to opt out", `end it with "Reply STOP to opt out"`, "optout"
	}
	return "", "", ""
}

func (c *Checker) tags(path string, cv *State, e *Event, p *Profile, m *lint.Message, promo bool, add func(lint.Finding)) {
	if !c.on["message-tag"] {
		return
	}
	report := func(msg, fix string) { add(c.finding(path, e, nil, "message-tag", msg, fix, nil)) }
	if e.MessagingType == "MESSAGE_TAG" && e.Tag == "" {
		report("sent as MESSAGE_TAG with no tag", "add the tag that applies, or send it as a RESPONSE within the window")
		return
	}
	if e.Tag == "" {
		return
	}
	t, ok := p.tag(e.Tag)
	switch {
	case !ok:
		var known []string
		for _, k := range p.Tags {
			if k.ValidAt(e.Time) {
				known = append(known, k.Tag)
			}
		}
		report(fmt.Sprintf("%s does not accept the tag %s (tags in force: %s)", e.Channel.Title(), e.Tag, orNone(known)), "use a tag that applies, or none")
	case !t.ValidAt(e.Time):
		report(fmt.Sprintf("the tag %s is no longer accepted since %s: Meta refuses it with error code 100", e.Tag, t.Until.AddDate(0, 0, 1).Format("2006-01-02")),
			"reply within 24 hours of the customer's message, or use a tag still in force")
	case t.HumanOnly && e.Actor != Agent:
		report(fmt.Sprintf("%s may only be used by a person, not by a bot or automation", e.Tag), "let a person send it, or reply within 24 hours")
	}
	if e.MessagingType == "RESPONSE" {
		report(fmt.Sprintf("the tag %s is on a message sent as an in-window RESPONSE", e.Tag), "drop the tag from responses")
	}
	if promo {
		report(fmt.Sprintf("promotional content sent under the tag %s; tags are for non-promotional updates", e.Tag), "send promotions only inside the 24-hour window")
	}
}

func orNone(s []string) string {
	if len(s) == 0 {
		return "none"
	}
	return strings.Join(s, ", ")
}

func (c *Checker) frequency(path string, cv *State, e *Event, promo bool, add func(lint.Finding)) {
	keep := func(ts []time.Time, period Duration) []time.Time {
		from := e.Time.Add(-time.Duration(period))
		i := 0
		for i < len(ts) && !ts[i].After(from) {
			i++
		}
		return append(ts[:0], ts[i:]...)
	}
	cv.Unanswered = append(keep(cv.Unanswered, c.freq.Period), e.Time)
	if len(cv.Unanswered) > c.freq.MaxUnanswered && c.on["frequency"] {
		add(c.finding(path, e, nil, "frequency", fmt.Sprintf("%s brand message within %s without a reply from the customer (limit %d)",
			ordinal(len(cv.Unanswered)), length(time.Duration(c.freq.Period)), c.freq.MaxUnanswered), "wait for the customer to answer", nil))
	}
	if len(cv.Unanswered) > c.freq.MaxUnanswered {
		cv.Unanswered = cv.Unanswered[len(cv.Unanswered)-c.freq.MaxUnanswered:] // bounded memory
	}
	if !promo {
		return
	}
	cv.Promos = append(keep(cv.Promos, c.freq.PromoPeriod), e.Time)
	if len(cv.Promos) > c.freq.PromoMax && c.on["frequency"] {
		add(c.finding(path, e, nil, "frequency", fmt.Sprintf("%s promotion within %s (limit %d)", ordinal(len(cv.Promos)), length(time.Duration(c.freq.PromoPeriod)), c.freq.PromoMax),
			"space promotions out", nil))
	}
	if len(cv.Promos) > c.freq.PromoMax+1 {
		cv.Promos = cv.Promos[len(cv.Promos)-c.freq.PromoMax-1:]
	}
}

func (c *Checker) closed(path string, cv *State, e *Event, add func(lint.Finding)) {
	if !c.on["goodbye"] || cv.lastOut == nil {
		return
	}
	g := *cv.lastOut
	g.Kind = lint.Closing
	if ds := c.goodbye(&g); len(ds) > 0 {
		add(c.finding(path, e, nil, "goodbye", fmt.Sprintf("the conversation was closed without a goodbye: the last brand message (line %d) has no farewell, thanks or offer of more help", cv.lastOutLine),
			ds[0].Suggestion, nil))
	}
}

// finish reports what only shows at the end: unanswered messages and the
// conversation's response rate.
func (c *Checker) finish(path string, cv *State, report func(lint.Finding), st *Stats) {
	line := func(n int) *Event { return &Event{Line: n, Conversation: cv.ID} }
	if cv.Pending {
		st.unanswered(cv.Channel)
		if c.on["greeting"] {
			report(c.finding(path, line(cv.PendingLine), nil, "greeting", "the customer's message got no reply", "answer every customer message, even with an away message", nil))
		}
	}
	if c.on["response-time"] && cv.Turns > 0 {
		if rate := float64(cv.Answered) / float64(cv.Turns); rate < c.resp.Rate {
			report(c.finding(path, line(cv.FirstLine), nil, "response-time",
				fmt.Sprintf("conversation %s: %d of %d customer messages answered within %s (%.0f%%, target %.0f%%)", cv.ID, cv.Answered, cv.Turns, length(time.Duration(c.resp.Within)), rate*100, c.resp.Rate*100),
				"answer every customer message", nil))
		}
	}
}

// human writes a duration the way people say it: 1d2h, 2h5m, 45m, 1s.
func human(d time.Duration) string {
	if d < 0 {
		d = -d
	}
	d = d.Round(time.Second)
	var b strings.Builder
	for _, u := range []struct {
		size time.Duration
		name string
	}{{24 * time.Hour, "d"}, {time.Hour, "h"}, {time.Minute, "m"}, {time.Second, "s"}} {
		if n := d / u.size; n > 0 {
			fmt.Fprintf(&b, "%d%s", n, u.name)
			d -= n * u.size
		}
	}
	if b.Len() == 0 {
		return "0s"
	}
	return b.String()
}

// missedBy says how late a send was: "2h5m after", or "at the second".
func missedBy(d time.Duration) string {
	if d == 0 {
		return "at the second"
	}
	return human(d) + " after"
}

// length says a period in words: "24 hours", "7 days", "15 minutes".
func length(d time.Duration) string {
	plural := func(n time.Duration, unit string) string {
		if n == 1 {
			return "1 " + unit
		}
		return fmt.Sprintf("%d %ss", n, unit)
	}
	switch {
	case d >= 48*time.Hour && d%(24*time.Hour) == 0:
		return plural(d/(24*time.Hour), "day")
	case d >= time.Hour && d%time.Hour == 0:
		return plural(d/time.Hour, "hour")
	case d >= time.Minute && d%time.Minute == 0:
		return plural(d/time.Minute, "minute")
	}
	return human(d)
}

// span names a window's length: "24-hour", "7-day".
func span(d time.Duration) string {
	switch {
	case d >= 48*time.Hour && d%(24*time.Hour) == 0:
		return fmt.Sprintf("%d-day", d/(24*time.Hour))
	case d%time.Hour == 0:
		return fmt.Sprintf("%d-hour", d/time.Hour)
	}
	return human(d)
}

func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return fmt.Sprintf("%d%s", n, suffix)
}
