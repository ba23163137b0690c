package policy

import (
	"encoding/json"
	"maps"
	"slices"
	"time"

	"github.com/msglint/msglint/lint"
)

// State is what the rules remember of one conversation: a few times and
// flags, never its whole history, so memory does not grow with its length.
// The hook keeps it in its store between requests, so it is plain data.
//
// Each fact keeps the time of the event that set it, and a flag is worked
// out from those times (settle), never from the order events arrived in:
// the hook hears of events late and out of order (Meta retries, batch
// imports), and a late older event must never undo a newer one. Any order
// of the same events gives the same state.
type State struct {
	ID       string       `json:"id"`
	Channel  lint.Channel `json:"ch"`
	Zone     string       `json:"zone,omitempty"` // the recipient's time zone, when an event named it
	ZoneAt   time.Time    `json:"zone_at,omitzero"`
	Last     time.Time    `json:"last"` // the latest event, for order and expiry
	LastLine int          `json:"-"`

	Open         time.Time `json:"open,omitzero"`
	LastCustomer time.Time `json:"customer,omitzero"`
	OpenLine     int       `json:"-"`
	OpenType     Type      `json:"open_type,omitempty"`
	// Referrals are the ad referrals before the brand's first answer (the
	// latest few): the conversation started from an ad. ReferralAt is the
	// latest.
	Referrals    []time.Time `json:"referrals,omitempty"`
	ReferralLine int         `json:"-"`

	Stopped  bool      `json:"-"`
	StopAt   time.Time `json:"stop_at,omitzero"`
	OptinAt  time.Time `json:"optin_at,omitzero"`
	StopLine int       `json:"-"`
	SentOut  bool      `json:"sent,omitempty"`
	FirstOut time.Time `json:"first_out,omitzero"` // the brand's first send
	LastOut  time.Time `json:"last_out,omitzero"`  // the brand's latest send

	Consent     bool      `json:"-"`
	Revoked     bool      `json:"-"`
	GrantedAt   time.Time `json:"granted_at,omitzero"`
	RevokedAt   time.Time `json:"revoked_at,omitzero"`
	RevokedLine int       `json:"-"`

	Unanswered []time.Time `json:"unanswered,omitempty"` // brand sends since the customer last wrote, in the period, in time order
	Promos     []time.Time `json:"promos,omitempty"`

	// Waiting are the customer's messages since the brand's latest send,
	// earliest first (at most maxWaiting): the first is the one a reply
	// answers.
	Waiting     []time.Time `json:"waiting,omitempty"`
	Pending     bool        `json:"-"`
	PendingAt   time.Time   `json:"-"`
	PendingLine int         `json:"-"`
	// Turns and Answered count for a transcript's response rate, read in
	// order; the hook does not keep them.
	Turns     int  `json:"-"`
	Answered  int  `json:"-"`
	FirstLine int  `json:"-"`
	Replied   bool `json:"-"` // the brand has answered at least once (FirstOut is set)

	Requested   bool      `json:"-"`
	RequestAt   time.Time `json:"request_at,omitzero"`
	HandledAt   time.Time `json:"handled_at,omitzero"` // the latest hand-off or answer by a person
	RequestLine int       `json:"-"`

	// Given are the kinds of data the customer gave (by their key: order,
	// email, …), each with when it was last given and last said to be
	// wrong; never the data themselves.
	Given map[string]Datum `json:"given,omitempty"`
	// WrongAt is the latest time the customer said a datum was wrong
	// without naming its kind: it holds for every kind given before.
	WrongAt time.Time `json:"wrong_at,omitzero"`
	// Prints are fingerprints of the brand's latest texts (at most
	// maxPrints, in time order): hashes and stem sketches, not the words.
	Prints []Print `json:"prints,omitempty"`
	// Questions are the customer's questions still open (at most
	// maxQuestions, in time order), each as a sketch of its stems.
	Questions []Question `json:"questions,omitempty"`
	// FirstIn is the customer's first message; ClosedAt the latest close;
	// Earlier the first message of an earlier conversation of the same
	// customer (in a transcript file): whether the customer is returning.
	// FarewellAt is the brand's latest goodbye: the questions passed by
	// before it are over (reported then).
	FarewellAt  time.Time `json:"farewell_at,omitzero"`
	FirstIn     time.Time `json:"first_in,omitzero"`
	ClosedAt    time.Time `json:"closed_at,omitzero"`
	Earlier     time.Time `json:"earlier,omitzero"`
	FirstInLine int       `json:"-"`
	EarlierLine int       `json:"-"`

	// Applied are the events applied to this state by id (a digest of the
	// id, and when it was applied in Unix seconds), so that the hook
	// applies an event delivered twice once. The hook keeps and bounds it.
	Applied map[string]int64 `json:"applied,omitempty"`

	// lastOut is the transcript line of the brand's latest send with a
	// text, for the goodbye check on close: the line, not the message read
	// from it, so that a conversation waiting for its close holds a few
	// bytes. The hook forgets it after each event.
	lastOut     []byte
	lastOutLine int
	// lastOutAt is where that line starts in a transcript the loop can
	// read again, plus one, and lastOutSize its length: then lastOut is
	// nil.
	lastOutAt   int64
	lastOutSize int
	zone        *time.Location
}

// UnmarshalJSON reads a stored state, and the facts a state stored before
// facts kept their times said as flags: consent, a waiting message, an ad
// referral.
func (cv *State) UnmarshalJSON(data []byte) error {
	type plain State
	var old struct {
		*plain
		Consent   bool      `json:"consent"`
		PendingAt time.Time `json:"pending_at"`
		Referral  time.Time `json:"referral"`
	}
	old.plain = (*plain)(cv)
	if err := json.Unmarshal(data, &old); err != nil {
		return err
	}
	if old.Consent && cv.GrantedAt.IsZero() {
		// Granted at some time after any revocation it outlived.
		cv.GrantedAt = cv.RevokedAt.Add(time.Second)
		if cv.RevokedAt.IsZero() {
			cv.GrantedAt = cv.Last
		}
	}
	if !old.PendingAt.IsZero() && len(cv.Waiting) == 0 {
		cv.Waiting = []time.Time{old.PendingAt}
	}
	if !old.Referral.IsZero() && len(cv.Referrals) == 0 {
		cv.Referrals = []time.Time{old.Referral}
	}
	return nil
}

// maxWaiting bounds the customer messages remembered while waiting for an
// answer; only the earliest matters, the rest are kept for a late brand
// send that falls between them.
const maxWaiting = 16

// settle works out the flags from the times of the facts that set them.
// Where a restriction and its lifting have the same time, the restriction
// holds.
func (cv *State) settle() {
	cv.Stopped = !cv.StopAt.IsZero() && !cv.OptinAt.After(cv.StopAt)
	cv.Consent = !cv.GrantedAt.IsZero() && cv.GrantedAt.After(cv.RevokedAt)
	cv.Revoked = !cv.RevokedAt.IsZero() && !cv.Consent
	cv.Requested = !cv.RequestAt.IsZero() && cv.RequestAt.After(cv.HandledAt)
	cv.Pending = len(cv.Waiting) > 0
	cv.PendingAt = time.Time{}
	if cv.Pending {
		cv.PendingAt = cv.Waiting[0]
	}
	cv.Replied = !cv.FirstOut.IsZero()
}

// referralAt is the latest referral before the brand's first answer.
func (cv *State) referralAt() time.Time {
	if n := len(cv.Referrals); n > 0 {
		return cv.Referrals[n-1]
	}
	return time.Time{}
}

// maxReferrals bounds the referrals remembered.
const maxReferrals = 8

// referral records an ad referral that came before the brand's first
// answer.
func (cv *State) referral(e *Event) {
	if !cv.FirstOut.IsZero() && !e.Time.Before(cv.FirstOut) {
		return
	}
	cv.Referrals = insertTime(cv.Referrals, e.Time)
	cv.Referrals = keepLast(cv.Referrals, maxReferrals)
	if cv.referralAt().Equal(e.Time) {
		cv.ReferralLine = e.line()
	}
}

// newer tells whether an event at t may replace a fact set at was.
func newer(t, was time.Time) bool { return was.IsZero() || !t.Before(was) }

// insertTime adds t to a list in time order.
func insertTime(ts []time.Time, t time.Time) []time.Time {
	i, _ := slices.BinarySearchFunc(ts, t, time.Time.Compare)
	return slices.Insert(ts, i, t)
}

// keepLast keeps the last n of a list, moved to the front of its array
// (cut from the front, the list would lose the room an insert takes and
// be copied anew each time).
func keepLast[T any](s []T, n int) []T {
	if len(s) <= n {
		return s
	}
	copy(s, s[len(s)-n:])
	clear(s[n:])
	return s[:n]
}

// insertKeepLast is keepLast(slices.Insert(s, i, v), n) without growing
// s by halves: a list starts with room for a few, then for n, and one of
// n elements takes the new one in place of its first.
func insertKeepLast[T any](s []T, i int, v T, n int) []T {
	switch {
	case len(s) == n:
		if i == 0 {
			return s // v is the first, and goes
		}
		copy(s, s[1:i])
		s[i-1] = v
		return s
	case len(s) == cap(s) && len(s) < n:
		room := n
		if len(s) < 4 {
			room = min(4, n)
		}
		grown := make([]T, len(s), room)
		copy(grown, s)
		s = grown
	}
	return keepLast(slices.Insert(s, i, v), n)
}

// dropUpTo removes the times at or before t from a list in time order.
func dropUpTo(ts []time.Time, t time.Time) []time.Time {
	i := 0
	for i < len(ts) && !ts[i].After(t) {
		i++
	}
	return append(ts[:0], ts[i:]...)
}

// stop records a STOP; optin a new opt-in.
func (cv *State) stop(e *Event) {
	if newer(e.Time, cv.StopAt) {
		cv.StopAt, cv.StopLine = e.Time, e.line()
	}
	cv.settle()
}

func (cv *State) optin(e *Event) {
	if newer(e.Time, cv.OptinAt) {
		cv.OptinAt = e.Time
	}
	cv.settle()
}

// consent records a grant or a revocation of consent.
func (cv *State) consent(e *Event, granted bool) {
	switch {
	case granted && newer(e.Time, cv.GrantedAt):
		cv.GrantedAt = e.Time
	case !granted && newer(e.Time, cv.RevokedAt):
		cv.RevokedAt, cv.RevokedLine = e.Time, e.line()
	}
	cv.settle()
}

// request records the customer asking for a person; handled a hand-off or
// an answer that deals with it.
func (cv *State) request(e *Event) {
	if newer(e.Time, cv.RequestAt) {
		cv.RequestAt, cv.RequestLine = e.Time, e.line()
	}
	cv.settle()
}

func (cv *State) handled(t time.Time) {
	if newer(t, cv.HandledAt) {
		cv.HandledAt = t
	}
	cv.settle()
}

// wrote records a customer's message that waits for an answer: one after
// the brand's latest send.
func (cv *State) wrote(e *Event) (first bool) {
	if e.Time.Before(cv.LastOut) {
		return false
	}
	first = len(cv.Waiting) == 0
	cv.Waiting = insertTime(cv.Waiting, e.Time)
	if cv.Waiting[0].Equal(e.Time) {
		cv.PendingLine = e.line()
	}
	if len(cv.Waiting) > maxWaiting {
		cv.Waiting = cv.Waiting[:maxWaiting]
	}
	cv.settle()
	return first
}

// sent records a brand send: the messages before it are answered.
func (cv *State) sent(t time.Time) {
	if newer(t, cv.LastOut) {
		cv.LastOut = t
		cv.Waiting = dropUpTo(cv.Waiting, t)
	}
	if cv.FirstOut.IsZero() || t.Before(cv.FirstOut) {
		cv.FirstOut = t
		// A referral counts for a conversation the ad started, before
		// the brand's first answer.
		i, _ := slices.BinarySearchFunc(cv.Referrals, t, time.Time.Compare)
		cv.Referrals = cv.Referrals[:i]
	}
	cv.SentOut = true
	cv.settle()
}

// Copy is a copy of the state that may be changed as Apply changes a
// state, leaving cv as it is: what a store that keeps states decoded hands
// to a write.
func (cv *State) Copy() *State {
	cp := new(State)
	cv.cloneInto(cp)
	cp.Applied = maps.Clone(cv.Applied)
	return cp
}

// cloneInto makes cp a copy of the state whose lists the copy may change.
// It writes in place rather than returning a State: a state is some
// hundreds of bytes, and a copy returned by value sat twice in the frames
// of a check's deepest calls, which made a connection's goroutine grow
// its stack once more after every collection had shrunk it.
func (cv *State) cloneInto(cp *State) {
	*cp = *cv
	cp.Unanswered, cp.Promos, cp.Waiting, cp.Referrals = slices.Clone(cv.Unanswered), slices.Clone(cv.Promos), slices.Clone(cv.Waiting), slices.Clone(cv.Referrals)
	cp.Given, cp.Prints, cp.Questions = maps.Clone(cv.Given), slices.Clone(cv.Prints), slices.Clone(cv.Questions)
	cp.lastOut = slices.Clone(cv.lastOut)
}

// lists are the arrays of a state's lists and its map of data given, kept
// from one judgement to the next by a run (run.lists), so that the copy a
// draft is judged on (copyInto) is made in them rather than in new ones:
// a check allocated one array for each list its conversation had, and one
// more for each list a rule added to.
type lists struct {
	unanswered, promos, waiting, referrals []time.Time
	prints                                 []Print
	questions                              []Question
	given                                  map[string]Datum
}

// maxKept is the longest array a run keeps for the next copy: a state's
// lists are bounded far below it, but a run should not hold a large one
// for good.
const maxKept = 64

// keep takes the arrays of a copy the run is done with, when they are not
// too large; cp must be a copy made by copyInto (its lists its own).
func (l *lists) keep(cp *State) {
	take := func(dst *[]time.Time, s []time.Time) {
		if cap(s) > cap(*dst) && cap(s) <= maxKept {
			*dst = s[:0]
		}
	}
	take(&l.unanswered, cp.Unanswered)
	take(&l.promos, cp.Promos)
	take(&l.waiting, cp.Waiting)
	take(&l.referrals, cp.Referrals)
	if cap(cp.Prints) > cap(l.prints) && cap(cp.Prints) <= maxKept {
		l.prints = cp.Prints[:0]
	}
	if cap(cp.Questions) > cap(l.questions) && cap(cp.Questions) <= maxKept {
		l.questions = cp.Questions[:0]
	}
	if cp.Given != nil && len(cp.Given) <= maxKept {
		l.given = cp.Given
	}
}

// copyInto is cloneInto with the copy's lists made in the arrays of l,
// which the copy takes (l is left empty; keep gives them back). A list
// the state does not have is an empty one in l's array, so that a rule
// that adds to it adds there; nothing tells an empty list from none. The
// transcript line (lastOut) is cloned: the hook's states have none.
func (cv *State) copyInto(cp *State, l *lists) {
	*cp = *cv
	cp.Unanswered, cp.Promos = append(l.unanswered[:0], cv.Unanswered...), append(l.promos[:0], cv.Promos...)
	cp.Waiting, cp.Referrals = append(l.waiting[:0], cv.Waiting...), append(l.referrals[:0], cv.Referrals...)
	cp.Prints, cp.Questions = append(l.prints[:0], cv.Prints...), append(l.questions[:0], cv.Questions...)
	cp.Given = nil
	if len(cv.Given) > 0 {
		cp.Given = l.given
		if cp.Given == nil {
			cp.Given = make(map[string]Datum, len(cv.Given))
		} else {
			clear(cp.Given)
		}
		maps.Copy(cp.Given, cv.Given)
	}
	cp.lastOut = slices.Clone(cv.lastOut)
	*l = lists{}
}

// Datum is a kind of data the customer gave: when, and when they said it
// was wrong.
type Datum struct {
	At        time.Time `json:"at,omitzero"`
	Wrong     time.Time `json:"wrong,omitzero"`
	line      int
	wrongLine int
}

// Print is a brand text's fingerprint: a hash of its normalised words
// (numbers and placeholders masked), a hash of its numbers, and a sketch
// of its stems.
type Print struct {
	At     time.Time `json:"at"`
	Text   uint64    `json:"h"`
	Nums   uint32    `json:"n"`
	Stems  sketch    `json:"s"`
	Words  int       `json:"w"`
	Pickup bool      `json:"p,omitempty"` // it takes up a question (yes, no, let me check)
	line   int
}

// Question is a customer's question not yet taken up: when, a sketch of
// its stems, and the brand's first send after it that did not take it up.
type Question struct {
	At         time.Time `json:"at"`
	Stems      sketch    `json:"s"`
	Passed     time.Time `json:"passed,omitzero"`
	line       int
	passedLine int
}

const (
	maxPrints    = 16
	maxQuestions = 8
)

// give records a kind of data the customer gave; wrong that they said it
// was wrong.
func (cv *State) give(d datum, e *Event) {
	if cv.Given == nil {
		cv.Given = map[string]Datum{}
	}
	g := cv.Given[datumKeys[d]]
	if newer(e.Time, g.At) {
		g.At, g.line = e.Time, e.line()
	}
	cv.Given[datumKeys[d]] = g
}

func (cv *State) wrong(d datum, e *Event) {
	if cv.Given == nil {
		cv.Given = map[string]Datum{}
	}
	g := cv.Given[datumKeys[d]]
	if newer(e.Time, g.Wrong) {
		g.Wrong, g.wrongLine = e.Time, e.line()
		cv.Given[datumKeys[d]] = g
	}
}

// wrongAny records that the customer said a datum was wrong without
// naming which.
func (cv *State) wrongAny(e *Event) {
	if newer(e.Time, cv.WrongAt) {
		cv.WrongAt = e.Time
	}
}

// disputed tells whether the customer said the datum was wrong after
// giving it, before t.
func (g Datum) disputed(unnamed, t time.Time) bool {
	for _, w := range []time.Time{g.Wrong, unnamed} {
		if w.After(g.At) && w.Before(t) {
			return true
		}
	}
	return false
}

// print records a brand text's fingerprint among the latest, once
// (several rules record the same send).
func (cv *State) print(p Print) {
	i, found := slices.BinarySearchFunc(cv.Prints, p.At, func(q Print, t time.Time) int { return q.At.Compare(t) })
	for j := i; found && j < len(cv.Prints) && cv.Prints[j].At.Equal(p.At); j++ {
		if cv.Prints[j].Text == p.Text {
			return
		}
	}
	cv.Prints = insertKeepLast(cv.Prints, i, p, maxPrints)
}

// takesUp tells whether a brand text takes up a question: it names its
// topic (a stem in common), or answers yes or no, or says it will check.
func (p Print) takesUp(q Question) bool { return p.Pickup || p.Stems.and(q.Stems).count() > 0 }

// ask records a customer's question, judged against the brand's sends
// after it that the state already knows of (the hook may hear of it late).
func (cv *State) ask(q Question) {
	for _, p := range cv.Prints {
		if !p.At.After(q.At) {
			continue
		}
		if p.takesUp(q) {
			return
		}
		if q.Passed.IsZero() {
			q.Passed, q.passedLine = p.At, p.line
		}
	}
	// In time order, and questions of one message by their stems, so that
	// the order they were heard in does not matter.
	i, found := slices.BinarySearchFunc(cv.Questions, q, func(o, q Question) int {
		if c := o.At.Compare(q.At); c != 0 {
			return c
		}
		return slices.Compare(o.Stems[:], q.Stems[:])
	})
	if found {
		return
	}
	cv.Questions = insertKeepLast(cv.Questions, i, q, maxQuestions)
	cv.settleQuestions()
}

// settleQuestions forgets the questions that are over: asked before a
// close, or passed by before a goodbye (reported then).
func (cv *State) settleQuestions() {
	cv.Questions = slices.DeleteFunc(cv.Questions, func(q Question) bool {
		return !q.At.After(cv.ClosedAt) || !q.Passed.IsZero() && q.Passed.Before(cv.FarewellAt)
	})
}

// answer lets a brand send take up the questions before it, or pass them
// by.
func (cv *State) answer(p Print) {
	cv.Questions = slices.DeleteFunc(cv.Questions, func(q Question) bool { return q.At.Before(p.At) && p.takesUp(q) })
	for i := range cv.Questions {
		q := &cv.Questions[i]
		if q.At.Before(p.At) && (q.Passed.IsZero() || p.At.Before(q.Passed)) {
			q.Passed, q.passedLine = p.At, p.line
		}
	}
	cv.settleQuestions()
}

// passedBy tells whether a question open was passed by before t: a
// goodbye at t would settle it.
func (cv *State) passedBy(t time.Time) bool {
	return slices.ContainsFunc(cv.Questions, func(q Question) bool { return !q.Passed.IsZero() && q.Passed.Before(t) })
}

// farewell records the brand's goodbye: the questions passed by before it
// are over.
func (cv *State) farewell(t time.Time) {
	if newer(t, cv.FarewellAt) {
		cv.FarewellAt = t
	}
	cv.settleQuestions()
}

// closed records a close: the questions before it are over.
func (cv *State) closed(e *Event) {
	if newer(e.Time, cv.ClosedAt) {
		cv.ClosedAt = e.Time
	}
	cv.settleQuestions()
}

// customerWrote records the customer's first message.
func (cv *State) customerWrote(e *Event) {
	if cv.FirstIn.IsZero() || e.Time.Before(cv.FirstIn) {
		cv.FirstIn, cv.FirstInLine = e.Time, e.line()
	}
}

// WindowInfo is a conversation's messaging window as the hook reports it.
type WindowInfo struct {
	Open      bool       `json:"open"`
	ExpiresAt *time.Time `json:"expires_at"`
	OpenedBy  Type       `json:"opened_by,omitempty"`
}

// Window tells whether a conversation's window is open at a time; nil for a
// channel without windows (SMS). st may be nil: nobody has written yet.
func (c *Checker) Window(st *State, ch lint.Channel, at time.Time) *WindowInfo {
	p := c.env.Profiles[ch]
	if p == nil || p.Window <= 0 {
		return nil
	}
	if st == nil || st.Open.IsZero() {
		return &WindowInfo{}
	}
	w := openWindow(st, p)
	// The answer and the time it points at in one allocation.
	info := &struct {
		WindowInfo
		closes time.Time
	}{WindowInfo{Open: at.Before(w.closes), OpenedBy: w.by}, w.closes}
	info.ExpiresAt = &info.closes
	return &info.WindowInfo
}
