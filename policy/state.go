package policy

import (
	"time"

	"github.com/msglint/msglint/lint"
)

// State is what the rules remember of one conversation: a few times and
// flags, never its whole history, so memory does not grow with its length.
// The hook keeps it in its store between requests, so it is plain data.
type State struct {
	ID       string       `json:"id"`
	Channel  lint.Channel `json:"ch"`
	Zone     string       `json:"zone,omitempty"` // the recipient's time zone, when an event named it
	Last     time.Time    `json:"last"`           // the latest event, for order and expiry
	LastLine int          `json:"-"`

	Open         time.Time `json:"open,omitzero"`
	LastCustomer time.Time `json:"customer,omitzero"`
	OpenLine     int       `json:"-"`
	OpenType     Type      `json:"open_type,omitempty"`
	ReferralAt   time.Time `json:"referral,omitzero"` // a conversation started from an ad referral
	ReferralLine int       `json:"-"`

	Stopped  bool      `json:"stopped,omitempty"`
	StopAt   time.Time `json:"stop_at,omitzero"`
	StopLine int       `json:"-"`
	SentOut  bool      `json:"sent,omitempty"`

	Consent     bool      `json:"consent,omitempty"`
	Revoked     bool      `json:"revoked,omitempty"`
	RevokedAt   time.Time `json:"revoked_at,omitzero"`
	RevokedLine int       `json:"-"`

	Unanswered []time.Time `json:"unanswered,omitempty"` // brand sends since the customer last wrote, in the period
	Promos     []time.Time `json:"promos,omitempty"`

	Pending     bool      `json:"pending,omitempty"`
	PendingAt   time.Time `json:"pending_at,omitzero"`
	PendingLine int       `json:"-"`
	Turns       int       `json:"turns,omitempty"`
	Answered    int       `json:"answered,omitempty"`
	FirstLine   int       `json:"-"`
	Replied     bool      `json:"replied,omitempty"` // the brand has answered at least once

	Requested   bool      `json:"requested,omitempty"`
	RequestAt   time.Time `json:"request_at,omitzero"`
	RequestLine int       `json:"-"`

	lastOut     *lint.Message // transcripts only: the goodbye check on close
	lastOutLine int
	zone        *time.Location
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
