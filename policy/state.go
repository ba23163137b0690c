package policy

import (
	"encoding/json"
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

	// Applied are the events applied to this state by id (a digest of the
	// id, and when it was applied in Unix seconds), so that the hook
	// applies an event delivered twice once. The hook keeps and bounds it.
	Applied map[string]int64 `json:"applied,omitempty"`

	lastOut     *lint.Message // transcripts only: the goodbye check on close
	lastOutLine int
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
	if n := len(cv.Referrals); n > maxReferrals {
		cv.Referrals = cv.Referrals[n-maxReferrals:]
	}
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

// clone is a copy of the state whose lists the copy may change.
func (cv *State) clone() State {
	cp := *cv
	cp.Unanswered, cp.Promos, cp.Waiting, cp.Referrals = slices.Clone(cv.Unanswered), slices.Clone(cv.Promos), slices.Clone(cv.Waiting), slices.Clone(cv.Referrals)
	return cp
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
	return &WindowInfo{Open: at.Before(w.closes), ExpiresAt: &w.closes, OpenedBy: w.by}
}
