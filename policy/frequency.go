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
		Inbound: func(t *Turn) { t.Conv.Unanswered = t.Conv.Unanswered[:0] },
		Send:    o.check,
		Keep:    time.Duration(max(o.Period, o.PromoPeriod)),
	}, nil
}

func (o FrequencyOptions) check(t *Turn) {
	cv, e := t.Conv, t.Event
	keep := func(ts []time.Time, period Duration) []time.Time {
		from := e.Time.Add(-time.Duration(period))
		i := 0
		for i < len(ts) && !ts[i].After(from) {
			i++
		}
		return append(ts[:0], ts[i:]...)
	}
	cv.Unanswered = append(keep(cv.Unanswered, o.Period), e.Time)
	if len(cv.Unanswered) > o.MaxUnanswered {
		t.Report(fmt.Sprintf("%s brand message within %s without a reply from the customer (limit %d)",
			ordinal(len(cv.Unanswered)), length(time.Duration(o.Period)), o.MaxUnanswered), "wait for the customer to answer")
		cv.Unanswered = cv.Unanswered[len(cv.Unanswered)-o.MaxUnanswered:] // bounded memory
	}
	if !t.Promo() {
		return
	}
	cv.Promos = append(keep(cv.Promos, o.PromoPeriod), e.Time)
	if len(cv.Promos) > o.PromoMax {
		t.Report(fmt.Sprintf("%s promotion within %s (limit %d)", ordinal(len(cv.Promos)), length(time.Duration(o.PromoPeriod)), o.PromoMax),
			"space promotions out")
	}
	if len(cv.Promos) > o.PromoMax+1 {
		cv.Promos = cv.Promos[len(cv.Promos)-o.PromoMax-1:]
	}
}
