package policy

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"
)

func TestDurationText(t *testing.T) {
	for d, want := range map[time.Duration]string{24 * time.Hour: "24h", 15 * time.Minute: "15m", 90 * time.Minute: "1h30m", 30 * time.Second: "30s", 168 * time.Hour: "168h"} {
		b, _ := Duration(d).MarshalText()
		var back Duration
		if string(b) != want || back.UnmarshalText(b) != nil || time.Duration(back) != d {
			t.Errorf("%v: %q, want %q", d, b, want)
		}
	}
}

func TestTagValidAt(t *testing.T) {
	p := DefaultProfiles()["messenger"]
	tag, ok := p.tag("POST_PURCHASE_UPDATE")
	if !ok {
		t.Fatal("no POST_PURCHASE_UPDATE")
	}
	for at, want := range map[string]bool{"2026-04-26T23:59:59Z": true, "2026-04-27T00:00:00Z": false, "2025-01-01T00:00:00Z": true} {
		tm, _ := time.Parse(time.RFC3339, at)
		if tag.ValidAt(tm) != want {
			t.Errorf("ValidAt(%s) = %v", at, !want)
		}
	}
}

func TestHuman(t *testing.T) {
	for d, want := range map[time.Duration]string{0: "0s", 90 * time.Second: "1m30s", 26*time.Hour + 5*time.Minute: "1d2h5m", 59 * 24 * time.Hour: "59d"} {
		if got := human(d); got != want {
			t.Errorf("human(%v) = %q, want %q", d, got, want)
		}
	}
}

// The table is decoded once; each caller gets its own copy, equal to a fresh
// decode, and changing one copy changes neither the next nor the table.
func TestDefaultProfilesAreCopies(t *testing.T) {
	var fresh Profiles
	if err := yaml.Unmarshal(channelsYAML, &fresh); err != nil {
		t.Fatal(err)
	}
	a := DefaultProfiles()
	if diff := cmp.Diff(fresh, a); diff != "" {
		t.Fatalf("DefaultProfiles differs from data/channels.yaml (-yaml +got):\n%s", diff)
	}
	for _, p := range a {
		p.Window = 1
		p.OpenedBy = append(p.OpenedBy[:0], "changed")
		p.StopWords = append(p.StopWords[:0], "changed")
		p.OptOutWords = append(p.OptOutWords[:0], "changed")
		for i := range p.Tags {
			p.Tags[i].Tag = "changed"
			if p.Tags[i].Until != nil {
				p.Tags[i].Until.Time = time.Time{}
			}
		}
		if p.QuietHours != nil {
			p.QuietHours.Start.H = 99
		}
	}
	a["messenger"] = nil
	if diff := cmp.Diff(fresh, DefaultProfiles()); diff != "" {
		t.Fatalf("a change to one copy reached the next (-yaml +got):\n%s", diff)
	}
}
