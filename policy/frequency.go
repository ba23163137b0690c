package policy

import (
	"errors"
	"fmt"
	"time"

	"github.com/msglint/msglint/lint"
	"gopkg.in/yaml.v3"
)

// FrequencyOptions configures the frequency rule.
type FrequencyOptions struct {
	MaxUnanswered int      `yaml:"max_unanswered"`
	Period        Duration `yaml:"period"`
	PromoMax      int      `yaml:"promo_max"`
	PromoPeriod   Duration `yaml:"promo_period"`
}

var defaultFrequency = FrequencyOptions{MaxUnanswered: 3, Period: Duration(24 * time.Hour), PromoMax: 1, PromoPeriod: Duration(24 * time.Hour)}

// Frequency flags messaging a person too often.
var Frequency = conversationOnly("frequency", lint.Doc{
	Title: "messaging a person too often",
	Text: `In a transcript, flags a brand message that is one too many: more than 3 messages within 24
hours without a reply from the customer, or more than 1 promotion within 24 hours (all configurable).`,
	Why: `Unanswered messages in a row read as spam: people block or report the page, which lowers its
reach and can get it restricted.`,
	Examples: docExamples("frequency"),
	Severity: lint.Warning,
	Default:  true,
}, defaultFrequency, newFrequency)

func newFrequency(node *yaml.Node, _ *Env) (Hooks, error) {
	o, err := lint.DecodeOptions(node, defaultFrequency)
	if err != nil {
		return Hooks{}, err
	}
	if o.MaxUnanswered < 1 || o.PromoMax < 0 || o.Period <= 0 || o.PromoPeriod <= 0 {
		return Hooks{}, errors.New("max_unanswered must be at least 1, promo_max at least 0, periods positive")
	}
	return Hooks{
		// A customer who writes answers every send before.
		Inbound: func(t *Turn) { t.Conv.Unanswered = dropUpTo(t.Conv.Unanswered, t.Event.Time) },
		Send:    o.check,
		Keep:    time.Duration(max(o.Period, o.PromoPeriod)),
	}, nil
}

// check counts the send among the brand's recent sends, by their times: a
// send the hook hears of late takes its place among them, and memory keeps
// only the latest few of the period, whatever the order they came in.
func (o FrequencyOptions) check(t *Turn) {
	cv, e := t.Conv, t.Event
	latest := cv.Last
	if e.Time.After(latest) {
		latest = e.Time
	}
	if !e.Time.Before(cv.LastCustomer) {
		cv.Unanswered = insertTime(cv.Unanswered, e.Time)
		if n := countWithin(cv.Unanswered, e.Time, time.Duration(o.Period)); n > o.MaxUnanswered {
			t.Report(fmt.Sprintf("%s brand message within %s without a reply from the customer (limit %d)",
				ordinal(n), length(time.Duration(o.Period)), o.MaxUnanswered), "wait for the customer to answer")
		}
		cv.Unanswered = latestWithin(cv.Unanswered, latest, time.Duration(o.Period), o.MaxUnanswered)
	}
	if !t.Promo() {
		return
	}
	cv.Promos = insertTime(cv.Promos, e.Time)
	if n := countWithin(cv.Promos, e.Time, time.Duration(o.PromoPeriod)); n > o.PromoMax {
		t.Report(fmt.Sprintf("%s promotion within %s (limit %d)", ordinal(n), length(time.Duration(o.PromoPeriod)), o.PromoMax),
			"space promotions out")
	}
	cv.Promos = latestWithin(cv.Promos, latest, time.Duration(o.PromoPeriod), o.PromoMax+1)
}

// countWithin counts the times in (at-period, at] of a list in time order.
func countWithin(ts []time.Time, at time.Time, period time.Duration) int {
	n := 0
	for _, x := range ts {
		if x.After(at.Add(-period)) && !x.After(at) {
			n++
		}
	}
	return n
}

// latestWithin keeps at most n times of a list in time order, the latest,
// and none a period or more before latest.
func latestWithin(ts []time.Time, latest time.Time, period time.Duration, n int) []time.Time {
	ts = dropUpTo(ts, latest.Add(-period))
	if len(ts) > n {
		ts = append(ts[:0], ts[len(ts)-n:]...)
	}
	return ts
}
