package rules

import "testing"

func TestTypoOf(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"frist_name", "first_name", true},      // two letters swapped
		{"order_idd", "order_id", false},        // a part under four letters
		{"shiping_date", "shipping_date", true}, // a letter missing
		{"trackingUrll", "trackingUrl", false},
		{"custmerName", "customerName", true},
		{"reply_sms_num", "reply_faq_num", false}, // another short abbreviation
		{"replied", "replier", false},             // another ending
		{"team_names", "team_name", false},        // a plural
		{"plan_title_2", "plan_title", false},     // a numbered part
		{"first_name", "last_name", false},        // another word
		{"first_name", "first_name", false},
	} {
		if got := typoOf(c.a, c.b); got != c.want {
			t.Errorf("typoOf(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
