package policy

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // time zones work on machines without a zoneinfo database

	"github.com/msglint/msglint/lint"
	"gopkg.in/yaml.v3"
)

//go:embed data/channels.yaml
var channelsYAML []byte

// Duration reads "24h", "168h", "15m" from YAML.
type Duration time.Duration

// UnmarshalText parses a Go duration.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return err
	}
	*d = Duration(v)
	return nil
}

// MarshalText writes a Go duration without empty units: 24h, 15m, 1h30m.
func (d Duration) MarshalText() ([]byte, error) {
	s := time.Duration(d).String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return []byte(s), nil
}

// Day is a calendar date (UTC) in YAML: 2026-04-26.
type Day struct{ time.Time }

// UnmarshalText parses a date.
func (d *Day) UnmarshalText(b []byte) error {
	t, err := time.Parse("2006-01-02", string(b))
	d.Time = t
	return err
}

// MarshalText writes a date.
func (d Day) MarshalText() ([]byte, error) { return []byte(d.Format("2006-01-02")), nil }

// Tag is one message tag's rule.
type Tag struct {
	Tag       string   `yaml:"tag"`
	Until     *Day     `yaml:"until,omitempty"`
	Window    Duration `yaml:"window,omitempty"`
	HumanOnly bool     `yaml:"human_only,omitempty"`
}

// ValidAt reports whether the tag was accepted at t.
func (t Tag) ValidAt(at time.Time) bool {
	return t.Until == nil || at.Before(t.Until.AddDate(0, 0, 1))
}

// Clock is a time of day, "08:00".
type Clock struct{ H, M int }

// UnmarshalText parses HH:MM.
func (c *Clock) UnmarshalText(b []byte) error {
	t, err := time.Parse("15:04", string(b))
	c.H, c.M = t.Hour(), t.Minute()
	return err
}

// MarshalText writes HH:MM.
func (c Clock) MarshalText() ([]byte, error) { return []byte(fmt.Sprintf("%02d:%02d", c.H, c.M)), nil }

// Hours is a daily span in which sending is allowed.
type Hours struct {
	Start Clock `yaml:"start"`
	End   Clock `yaml:"end"`
}

// Profile is one channel's policy.
type Profile struct {
	Window         Duration `yaml:"window,omitempty"`
	OpenedBy       []Type   `yaml:"opened_by,omitempty"`
	ReferralWindow Duration `yaml:"referral_window,omitempty"`
	Tags           []Tag    `yaml:"tags,omitempty"`
	Templates      bool     `yaml:"templates,omitempty"`
	QuietHours     *Hours   `yaml:"quiet_hours,omitempty"`
	StopWords      []string `yaml:"stop_words,omitempty"`
	OptOutWords    []string `yaml:"opt_out_words,omitempty"`
}

// Profiles are the channel policies by channel.
type Profiles map[lint.Channel]*Profile

// DefaultProfiles returns the built-in channel table, the caller's own copy.
func DefaultProfiles() Profiles {
	out := make(Profiles, len(defaultProfiles()))
	for ch, p := range defaultProfiles() {
		out[ch] = p.clone()
	}
	return out
}

// defaultProfiles is data/channels.yaml decoded once: building a linter
// asks for the table once per conversation rule (each validates its
// options against it), and decoding it each time was a tenth of a cold
// check of a small file.
var defaultProfiles = sync.OnceValue(func() Profiles {
	var p Profiles
	if err := yaml.Unmarshal(channelsYAML, &p); err != nil {
		panic("policy: bad embedded data/channels.yaml: " + err.Error())
	}
	return p
})

// clone copies a profile deep enough that changing the copy changes
// nothing the original holds.
func (p *Profile) clone() *Profile {
	if p == nil {
		return nil
	}
	c := *p
	c.OpenedBy = slices.Clone(p.OpenedBy)
	c.Tags = slices.Clone(p.Tags)
	for i, t := range c.Tags {
		if t.Until != nil {
			until := *t.Until
			c.Tags[i].Until = &until
		}
	}
	if p.QuietHours != nil {
		h := *p.QuietHours
		c.QuietHours = &h
	}
	c.StopWords = slices.Clone(p.StopWords)
	c.OptOutWords = slices.Clone(p.OptOutWords)
	return &c
}

func (p *Profile) tag(name string) (Tag, bool) {
	for _, t := range p.Tags {
		if t.Tag == name {
			return t, true
		}
	}
	return Tag{}, false
}

func (p *Profile) opens(t Type) bool {
	for _, o := range p.OpenedBy {
		if o == t {
			return true
		}
	}
	return false
}

func (p *Profile) isStop(text string) bool {
	w := strings.ToUpper(strings.TrimSpace(strings.Trim(text, ".!")))
	for _, s := range p.StopWords {
		if w == strings.ToUpper(s) || strings.ToUpper(lint.Upper(lint.Turkish, text)) == lint.Upper(lint.Turkish, s) {
			return true
		}
	}
	return false
}

func (p *Profile) hasOptOut(text string) bool {
	low := lint.Lower(lint.Turkish, text)
	for _, w := range p.OptOutWords {
		if strings.Contains(low, lint.Lower(lint.Turkish, w)) {
			return true
		}
	}
	return false
}

var zones sync.Map // name -> *time.Location

func loadZone(name string) (*time.Location, error) {
	if l, ok := zones.Load(name); ok {
		return l.(*time.Location), nil
	}
	l, err := time.LoadLocation(name)
	if err != nil {
		return nil, err
	}
	zones.Store(name, l)
	return l, nil
}
