package policy

import (
	"slices"
	"testing"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/rules"
)

// Every conversation rule runs in the loop, and is listed either in the
// catalogue or, for the transcript form of a template rule, with the
// template rules.
func TestRegistry(t *testing.T) {
	listed := Rules()
	if err := lint.Validate(listed); err != nil {
		t.Fatal(err)
	}
	templates := rules.All()
	for _, r := range all {
		if r.Replaces != slices.Contains(templates, r.Rule) {
			t.Errorf("%s: Replaces must be set exactly on the transcript forms of template rules", r.Rule.Name)
		}
		if !r.Replaces && !slices.Contains(listed, r.Rule) {
			t.Errorf("%s runs in the loop but is not listed by Rules()", r.Rule.Name)
		}
	}
	for _, l := range listed {
		if !slices.ContainsFunc(all, func(r *Rule) bool { return r.Rule == l }) {
			t.Errorf("%s is listed but does not run in the loop", l.Name)
		}
	}
}
