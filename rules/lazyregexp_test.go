package rules

import "testing"

// The patterns compiled on first use compile (a typo would otherwise
// panic only when a text first reaches one) and find what they are for.
func TestLazyRegexps(t *testing.T) {
	for _, c := range []struct {
		name string
		re   func() string
		want string
	}{
		{"emailRE", func() string { return emailRE().FindString("write to help@shop.az today") }, "help@shop.az"},
		{"contactURL", func() string { return contactURL().FindString("see https://shop.az/contact now") }, "https://shop.az/contact"},
		{"codeRE", func() string { return codeRE().FindString("set auth_time first") }, "auth_time"},
	} {
		if got := c.re(); got != c.want {
			t.Errorf("%s found %q, want %q", c.name, got, c.want)
		}
	}
	for _, nw := range notWords {
		if nw.re != nil && nw.re() == nil {
			t.Errorf("blanker for %q: no pattern", nw.needs)
		}
	}
}
