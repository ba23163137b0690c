package rules

import "testing"

func TestPhoneAt(t *testing.T) {
	for _, c := range []struct {
		text string
		at   int
		want string // the number read, "" when none
	}{
		{"01632 960412 to book", 0, "01632 960412"},
		{"+44 1632 960588!", 0, "+44 1632 960588"},
		{"(01632) 960-412.", 0, "(01632) 960-412"},
		{"0800.123.4567 today", 0, "0800.123.4567"},
		{"960 4120", 0, "960 4120"},
		{"1234567", 0, "1234567"},
		{"123 456", 0, ""},           // six digits
		{"14.06.2027", 0, ""},        // a date
		{"2027-06-14", 0, ""},        // a date
		{"09.00-18.00", 0, ""},       // hours
		{"09:00 - 18:00", 0, ""},     // hours
		{"Ring 01632 960412", 0, ""}, // a word opens it
		{"Ring 01632 960412", 5, "01632 960412"},
		{"++44 1632 960588", 0, "++44 1632 960588"},
		{"code 12-34, 56", 5, ""},
	} {
		end, ok := phoneAt(c.text, c.at)
		got := ""
		if ok {
			got = c.text[c.at:end]
		}
		if got != c.want {
			t.Errorf("phoneAt(%q, %d) = %q, want %q", c.text, c.at, got, c.want)
		}
	}
}

func TestHasPhone(t *testing.T) {
	for text, want := range map[string]bool{
		"Call us on 0800 123 4567.":                         true,
		"Write to +994 12 555 01 23 any time":               true,
		"Our line, (012) 345-6789, is open":                 true,
		"Open 09.00-18.00 every day":                        false,
		"Booked for 14.06.2027 and 2027-06-15":              false,
		"Order 12 34 56 shipped":                            false,
		"Order 12 34 56 shipped; questions to 0800 123 456": true,
		"No number here":                                    false,
		"":                                                  false,
	} {
		if got := hasPhone(text); got != want {
			t.Errorf("hasPhone(%q) = %v, want %v", text, got, want)
		}
	}
}
