package policy

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
	"github.com/msglint/msglint/rules"
)

// MaxLine is the longest transcript line read, in bytes.
const MaxLine = 1 << 20

// Checker judges conversations with the rules a linter has switched on: the
// event loop, which keeps each conversation's state and calls the rules'
// hooks.
type Checker struct {
	linter *lint.Linter
	// templates judges the texts of transcript events, drafts the hook's
	// drafts: the linter without the template rules whose transcript forms
	// judge them instead.
	templates, drafts *lint.Linter
	load              load.Options
	env               *Env
	active            []active
	// hooks are, for each hook (event, inbound, send, end), the active
	// rules that have it, in order, with it.
	hooks [hookKinds][]ruleHook
	promo func(*lint.Message) bool
}

// ruleHook is one hook of an active rule.
type ruleHook struct {
	rule *active
	run  func(*Turn)
}

// The hooks of a rule, as Checker.call names them.
const (
	eventHook = iota
	inboundHook
	sendHook
	endHook
	hookKinds
)

// active is a conversation rule the linter switched on.
type active struct {
	Hooks
	name     string
	severity lint.Severity
	draftToo bool
}

// NewChecker builds a checker from the linter's rules and their options.
func NewChecker(l *lint.Linter, o load.Options) (*Checker, error) {
	c := &Checker{linter: l, load: o, env: defaultEnv()}
	var inTranscripts, inDrafts []string
	for _, r := range all {
		name := r.Rule.Name
		if r.Replaces {
			inTranscripts = append(inTranscripts, name)
			if !r.DraftToo {
				inDrafts = append(inDrafts, name)
			}
		}
		opts, _, on := l.Config(name)
		if !on {
			continue
		}
		h, err := r.New(opts, c.env)
		if err != nil {
			return nil, err
		}
		c.active = append(c.active, active{Hooks: h, name: name, severity: l.Severity(name, 0), draftToo: r.DraftToo})
	}
	for i := range c.active {
		a := &c.active[i]
		for k, h := range [hookKinds]func(*Turn){a.Event, a.Inbound, a.Send, a.End} {
			if h != nil {
				c.hooks[k] = append(c.hooks[k], ruleHook{a, h})
			}
		}
	}
	c.templates, c.drafts = l.Without(inTranscripts...), l.Without(inDrafts...)
	// Promotions are told apart as the cta rule tells them, configured as
	// it is.
	cta, _, _ := l.Config(rules.CTA.Name)
	var err error
	if c.promo, err = rules.NewPromoDetector(cta); err != nil {
		return nil, err
	}
	return c, nil
}

// Result is what a transcript gave.
type Result struct {
	Findings []lint.Finding // sorted; empty when a sink took them
	Events   int
	Stats    *Stats
}

// Sink receives findings as they are made; a run with a sink keeps none, so
// its memory does not grow with the findings either.
type Sink func(lint.Finding)

// run is one pass of the loop: the file, where findings go, and the
// figures (nil in the hook, which keeps none).
type run struct {
	path  string
	sink  Sink // nil: findings are kept in found
	found []lint.Finding
	// previous are a worker's findings of the batch it judged before,
	// being given out while it judges the next.
	previous []lint.Finding
	// unsaid are rules whose findings are left out: in a draft, those a
	// template rule already made.
	unsaid []string
	// judging is set for a draft judged on a copy of its conversation,
	// which is thrown away after: the rules need keep nothing that only a
	// later event would read. judged is set for a send recorded after it
	// was judged: its text need not be judged again.
	judging, judged bool
	stats           *Stats
	// source holds the transcript's bytes, to read an earlier line again
	// (nil: it cannot be).
	source io.ReaderAt
	// failed is the first error a rule met reading the transcript again:
	// the transcript's error once its events are judged.
	failed error
	// scratch is where a worker packs a state it freezes; fold is where
	// an event's text is folded (Turn.foldedText).
	scratch, fold []byte
	// memo keeps what the rules read in a draft's text, for other
	// judgements of the same draft (JudgeMemo); nil outside the hook.
	memo *DraftMemo
	// text is the memo of the text of the transcript event judged (nil:
	// none), and memos a transcript worker's memos of the texts it
	// judged, by what their detectors read (textMemo).
	text  *textMemo
	memos map[textKey]*textMemo
	// seen is the texts met without a memo (seenBefore).
	seen *seenText
	// turn is reused from event to event (hooks do not keep it), and conv
	// is the conversation a draft is judged on, so the loop allocates
	// nothing for them.
	turn Turn
	conv State
	// lists are the arrays conv's lists are copied into (State.copyInto),
	// kept from one judgement to the next.
	lists lists
}

// runs recycles the hook's runs, so that a check allocates none: each
// holds a copy of a conversation and of an event, which the garbage
// collector would otherwise scan request after request.
var runs = sync.Pool{New: func() any { return new(run) }}

// release forgets the run's findings and state and returns it to runs.
func (r *run) release() {
	l := r.lists
	if r.judging {
		l.keep(&r.conv)
	}
	*r = run{}
	r.lists = l
	runs.Put(r)
}

// fail keeps the first error a rule met reading the transcript.
func (r *run) fail(err error) {
	if r.failed == nil {
		r.failed = err
	}
}

func (r *run) emit(f lint.Finding) {
	switch {
	case r.sink != nil:
		r.sink(f)
	case !slices.Contains(r.unsaid, f.Rule):
		r.found = append(r.found, f)
	}
}

// RunWebhook checks a Meta webhook payload as a transcript.
func (c *Checker) RunWebhook(path string, data []byte) (Result, error) {
	events, err := WebhookEvents(path, data)
	if err != nil {
		return Result{}, err
	}
	return c.events(path, nil, nil, func(t *transcript) error {
		for _, e := range events {
			e.Origin = WebhookFile
			if err := t.read(e); err != nil {
				return err
			}
			if len(t.batch) == batchSize {
				t.flush()
			}
		}
		return nil
	})
}

// Run reads a JSONL transcript in one pass. A line that cannot be read, an
// unknown type or a time earlier than the conversation's previous event stops
// it with an error naming the line.
func (c *Checker) Run(path string, r io.Reader) (Result, error) { return c.Stream(path, r, nil) }

// Stream is Run with findings sent to sink as they are made (nil: collect).
// The lines are parsed a batch at a time on all cores, then read in order.
// When r is also an io.ReaderAt over the same bytes from its start (a file,
// a bytes.Reader), a conversation keeps where an earlier line it needs is,
// not the line, and reads it again when it needs it.
func (c *Checker) Stream(path string, r io.Reader, sink Sink) (Result, error) {
	source, _ := r.(io.ReaderAt)
	if source != nil {
		// A pipe is an *os.File too, which cannot be read at an offset.
		var probe [1]byte
		if _, err := source.ReadAt(probe[:], 0); err != nil && err != io.EOF {
			source = nil
		}
	}
	return c.events(path, source, sink, func(t *transcript) error {
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 64<<10), MaxLine)
		// read is how many bytes the scanner has taken; a line starts
		// where they ended before it.
		var read, start int64
		sc.Split(func(data []byte, atEOF bool) (int, []byte, error) {
			advance, line, err := bufio.ScanLines(data, atEOF)
			if line != nil {
				start = read
			}
			read += int64(advance)
			return advance, line, err
		})
		for n := 1; sc.Scan(); n++ {
			line := sc.Bytes()
			if len(bytes.TrimSpace(line)) == 0 {
				continue
			}
			at := int64(0)
			if source != nil {
				at = start + 1
			}
			// The scanner reuses its buffer: the event keeps a copy of
			// the line, which its message and the reporters quote.
			t.lines = append(t.lines, numbered{bytes.Clone(line), n, at})
			if len(t.lines) == batchSize {
				if err := t.readLines(); err != nil {
					return err
				}
			}
		}
		if err := t.readLines(); err != nil {
			return err
		}
		if err := sc.Err(); err != nil {
			if errors.Is(err, bufio.ErrTooLong) {
				return &lint.InputError{Path: path, Msg: fmt.Sprintf("a line is longer than %d bytes", MaxLine)}
			}
			return &lint.InputError{Path: path, Msg: err.Error()}
		}
		return nil
	})
}

// Apply records one event of a conversation, as the hook learns of it, and
// returns what the rules find in it (brand sends only). Unlike a transcript,
// the hook may hear of events late and out of order: they are applied,
// never refused, each fact by the time of its event, so that the state is
// the same whatever order they came in.
func (c *Checker) Apply(st *State, e *Event) []lint.Finding { return c.apply(st, e, false) }

// Record is Apply for a send that Judge judged just before, against the
// same state, and that the hook lets go: the state changes as Apply changes
// it, and the template rules, whose findings Judge gave already, do not
// read the text again.
func (c *Checker) Record(st *State, e *Event) { c.apply(st, e, true) }

func (c *Checker) apply(st *State, e *Event, judged bool) []lint.Finding {
	if st.ID == "" {
		// The state outlives the event, and the line its id was cut from.
		st.ID, st.Channel = strings.Clone(e.Conversation), e.Channel
	}
	if e.Time.After(st.Last) {
		st.Last = e.Time
	}
	st.settle()
	r := runs.Get().(*run)
	defer r.release()
	r.judged = judged
	c.event(r, st, e)
	st.lastOut = nil
	return r.found
}

// Judge says what the rules find in a brand send without recording it: st
// is left as it was. m is the draft, read by the template rules.
func (c *Checker) Judge(st *State, e *Event, m *lint.Message) []lint.Finding {
	return c.JudgeChecked(st, e, m, c.CheckDraft(m))
}

// CheckDraft is what the template rules find in a draft (none for nil):
// what Judge starts from. It does not depend on the conversation, so a
// caller that judges one draft against a state more than once (a store's
// retried transaction) checks it once, outside, and passes the findings to
// JudgeChecked.
func (c *Checker) CheckDraft(m *lint.Message) []lint.Finding {
	if m == nil {
		return nil
	}
	return c.drafts.Check(m)
}

// JudgeChecked is Judge with the template rules' findings in m made
// beforehand by CheckDraft; drafted is left as it is.
func (c *Checker) JudgeChecked(st *State, e *Event, m *lint.Message, drafted []lint.Finding) []lint.Finding {
	return c.JudgeMemo(st, e, m, drafted, nil)
}

// JudgeMemo is JudgeChecked with what the conversation rules read in the
// draft's text kept in memo, for the next judgement of a draft of the same
// text, kind, language and channel under this checker (another person's
// copy of one template): the rules still judge each conversation, but
// read the text once. A nil memo keeps nothing.
func (c *Checker) JudgeMemo(st *State, e *Event, m *lint.Message, drafted []lint.Finding, memo *DraftMemo) []lint.Finding {
	r := runs.Get().(*run)
	defer r.release()
	r.judging, r.memo = true, memo
	st.copyInto(&r.conv, &r.lists)
	cp := &r.conv
	cp.settle()
	if cp.ID == "" {
		cp.ID, cp.Channel = e.Conversation, e.Channel
	}
	r.found = slices.Clone(drafted)
	// A template rule that judged the draft by its declared kind speaks for
	// its transcript form.
	for _, a := range c.active {
		if a.draftToo && slices.ContainsFunc(r.found, func(f lint.Finding) bool { return f.Rule == a.name }) {
			r.unsaid = append(r.unsaid, a.name)
		}
	}
	t := c.turn(r, cp, e)
	t.msg, t.msgRead = m, true
	c.send(t)
	lint.SortFindings(r.found)
	return r.found
}

// turn starts the run's turn afresh for an event (nil: the end of a
// conversation).
func (c *Checker) turn(r *run, cv *State, e *Event) *Turn {
	ch := cv.Channel
	if e != nil {
		ch = e.Channel
	}
	r.turn = Turn{c: c, run: r, Conv: cv, Event: e, Profile: c.env.Profiles[ch]}
	return &r.turn
}

// call runs one hook (eventHook, …) of every active rule that has it.
func (c *Checker) call(t *Turn, hook int) {
	for _, h := range c.hooks[hook] {
		t.rule = h.rule
		h.run(t)
	}
}

func (c *Checker) event(r *run, cv *State, e *Event) {
	if e.Zone != "" && newer(e.Time, cv.ZoneAt) {
		if e.Zone != cv.Zone {
			cv.Zone, cv.zone = strings.Clone(e.Zone), nil
		}
		cv.ZoneAt = e.Time
	}
	t := c.turn(r, cv, e)
	c.call(t, eventHook)
	switch e.Type {
	case ConsentGranted:
		cv.consent(e, true)
	case ConsentRevoked:
		cv.consent(e, false)
	case Stop:
		if e.Direction == In {
			cv.stop(e)
		}
	}
	switch {
	case e.Direction == In:
		c.inbound(t)
	case e.Type == Message || e.Type == Reaction:
		c.outbound(t)
	}
	if t.msgRead && t.msg != nil {
		// What the rules worked out in the text (its tokens, its cues)
		// goes back to be used again by the next message, as a send's
		// does once the template rules have read it: a customer's
		// message that nothing trimmed left it all to the collector.
		t.msg.Trim()
	}
}

// inbound records what a customer's event changes: the window it opens,
// the message waiting for an answer.
func (c *Checker) inbound(t *Turn) {
	cv, e, p := t.Conv, t.Event, t.Profile
	if e.Actor != Customer {
		return
	}
	// The hook may learn of events out of order: a late one never moves the
	// window back.
	if p != nil && p.opens(e.Type) && !e.Time.Before(cv.Open) {
		cv.Open, cv.OpenLine, cv.OpenType = e.Time, e.line(), e.Type
	}
	// A referral before the brand's first answer: the conversation started
	// from an ad.
	if p != nil && e.Type == Referral && p.ReferralWindow > 0 {
		cv.referral(e)
	}
	if e.Type == Optin {
		cv.optin(e)
	}
	if e.Type != Message && e.Type != Postback {
		return
	}
	if e.Time.After(cv.LastCustomer) {
		cv.LastCustomer = e.Time
	}
	t.Stop = p != nil && len(p.StopWords) > 0 && p.isStop(e.Text)
	switch {
	case t.Stop:
		// STOP asks for silence, not an answer.
		cv.stop(e)
	case cv.wrote(e):
		cv.Turns++
		t.run.stats.turn(e.Channel)
	}
	c.call(t, inboundHook)
}

// outbound judges a brand send, with the template rules too, and records
// it in the conversation.
func (c *Checker) outbound(t *Turn) {
	c.send(t)
	if m := t.Message(); m != nil {
		// The conversation rules above judged the text with its context;
		// the template rules judge it as a text (unless they did already).
		if !t.run.judged {
			for _, f := range c.templates.Check(m) {
				t.run.emit(f)
			}
		}
		m.Trim()
		if t.run.stats != nil {
			t.run.stats.messages++
		}
	}
	t.Conv.SentOut = true
}

// send works out what the rules need to know about a brand send, lets them
// judge it, and records the answer it gives the customer.
func (c *Checker) send(t *Turn) {
	cv, e := t.Conv, t.Event
	if cv.Pending && !cv.PendingAt.After(e.Time) {
		t.Answering, t.Waited = true, e.Time.Sub(cv.PendingAt)
		answered := t.Waited <= c.env.Within
		t.run.stats.response(e.Channel, t.Waited, answered)
		if answered {
			cv.Answered++
		}
	}
	t.FirstReply = (cv.FirstOut.IsZero() || e.Time.Before(cv.FirstOut)) && !cv.LastCustomer.IsZero() && !cv.LastCustomer.After(e.Time)
	if t.Profile != nil {
		if t.Miss = c.env.miss(cv, e, t.Profile); t.Miss != nil {
			t.run.stats.outside(e.Channel)
		}
	}
	c.call(t, sendHook)
	cv.sent(e.Time)
}

// finish lets the rules judge what only shows at the end of a transcript.
func (c *Checker) finish(r *run, cv *State) {
	if cv.Pending {
		r.stats.unanswered(cv.Channel)
	}
	c.call(c.turn(r, cv, nil), endHook)
}

// message reads an event's text as a message: placed in its transcript
// line, or alone for the hook's events.
func (c *Checker) message(e *Event) *lint.Message {
	if e.made {
		return e.msg
	}
	if e.Text == "" {
		return nil
	}
	o := c.load
	o.Channel = e.Channel
	if e.Lang != "" {
		o.Lang = e.Lang
	}
	var m *lint.Message
	switch e.Origin {
	case WebhookFile:
		return nil // its text has no place in the file
	case Live:
		m = o.Text(e.Conversation, e.Text)
	case TranscriptLine:
		var err error
		if m, err = o.Message(&e.parsed); err != nil {
			return nil
		}
	}
	// A customer's message is read as a reply; a brand's as the kind the
	// event declares.
	m.Kind = lint.Reply
	if e.Direction == Out && e.Kind != "" {
		m.Kind = e.Kind
	}
	if e.ID == "" {
		m.ID = e.Conversation
	}
	return m
}

// zoneOf is the recipient's time zone: the one an event named, else the
// configured default.
func (env *Env) zoneOf(cv *State) *time.Location {
	if cv.zone == nil {
		cv.zone = env.Zone
		if l, err := loadZone(cv.Zone); cv.Zone != "" && err == nil {
			cv.zone = l
		}
	}
	return cv.zone
}

// MaxAge is how long a conversation's state matters: the longest window,
// tag window or period a rule keeps in force, plus a day's margin. A store
// may forget a conversation that has been quiet for longer.
func (c *Checker) MaxAge() time.Duration {
	longest := c.env.Within
	for _, a := range c.active {
		longest = max(longest, a.Keep)
	}
	for _, p := range c.env.Profiles {
		longest = max(longest, time.Duration(p.Window), time.Duration(p.ReferralWindow))
		for _, t := range p.Tags {
			longest = max(longest, time.Duration(t.Window))
		}
	}
	return longest + 24*time.Hour
}
