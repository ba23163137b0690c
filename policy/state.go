package policy

import (
	"slices"
	"time"

	"github.com/msglint/msglint/lint"
)

// MaxAge is how long a conversation's state matters: the longest window,
// tag window or frequency period in force, plus a day's margin. A store may
// forget a conversation that has been quiet for longer.
func (c *Checker) MaxAge() time.Duration {
	longest := max(time.Duration(c.freq.Period), time.Duration(c.freq.PromoPeriod), time.Duration(c.resp.Within))
	for _, p := range c.profiles {
		longest = max(longest, time.Duration(p.Window), time.Duration(p.ReferralWindow))
		for _, t := range p.Tags {
			longest = max(longest, time.Duration(t.Window))
		}
	}
	return longest + 24*time.Hour
}

// Apply records one event of a conversation, as the hook learns of it, and
// returns what the rules find in it (brand sends only). Unlike a transcript,
// the hook may hear of events late: they are applied, never refused.
func (c *Checker) Apply(st *State, e *Event) []lint.Finding {
	if st.ID == "" {
		st.ID, st.Channel = e.Conversation, e.Channel
	}
	if e.Time.After(st.Last) {
		st.Last = e.Time
	}
	var out []lint.Finding
	c.event("", st, e, func(f lint.Finding) { out = append(out, f) }, nil)
	st.lastOut = nil
	return out
}

// Judge says what the rules find in a brand send without recording it: st
// is left as it was. m is the draft, read by the template rules.
func (c *Checker) Judge(st *State, e *Event, m *lint.Message) []lint.Finding {
	cp := *st
	cp.Unanswered, cp.Promos = slices.Clone(st.Unanswered), slices.Clone(st.Promos)
	if cp.ID == "" {
		cp.ID, cp.Channel = e.Conversation, e.Channel
	}
	var out []lint.Finding
	if m != nil {
		// Forwarding and hand-off depend on the conversation (consent given,
		// a person asked for): their conversation versions judge the draft.
		// Greeting and goodbye judge the kind the sender declared.
		m.Disable = append(m.Disable, "forwarding-consent", "bot-handoff")
		out = c.linter.Check(m)
	}
	greeted := slices.ContainsFunc(out, func(f lint.Finding) bool { return f.Rule == "greeting" })
	c.send("", &cp, e, c.profiles[e.Channel], m, func(f lint.Finding) {
		if f.Rule != "greeting" || !greeted {
			out = append(out, f)
		}
	}, nil)
	lint.SortFindings(out)
	return out
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
	p := c.profiles[ch]
	if p == nil || p.Window <= 0 {
		return nil
	}
	if st == nil || st.Open.IsZero() {
		return &WindowInfo{}
	}
	w := openWindow(st, p)
	return &WindowInfo{Open: at.Before(w.closes), ExpiresAt: &w.closes, OpenedBy: w.by}
}
