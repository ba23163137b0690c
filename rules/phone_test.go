package rules

import (
	"math/rand"
	"regexp"
	"testing"
)

func TestPhoneAt(t *testing.T) {
	for _, c := range []struct {
		text string
		at   int
		want string // the number read, "" when none
	}{
		{"01632 960412 to book", 0, "01632 960412"},
		{"+44 1632 960588!", 0, "+44 1632 960588"},
		{"(01632) 960-412.", 1, "01632) 960-412"},
		{"0800.123.4567 today", 0, "0800.123.4567"},
		{"960 4120", 0, "960 4120"},
		{"12 34 56", 0, "12 34 56"}, // eight characters
		{"1234567", 0, ""},          // seven: an order number
		{"123 456", 0, ""},
		{"14.06.2027", 0, ""},    // a date
		{"2027-06-14", 0, ""},    // a date
		{"09.00-18.00", 0, ""},   // hours
		{"09:00 - 18:00", 0, ""}, // hours
		{"Ring 01632 960412", 0, ""},
		{"Ring 01632 960412", 5, "01632 960412"},
	} {
		end, ok := phoneAt(c.text, c.at, botPhone)
		got := ""
		if ok {
			got = c.text[c.at:end]
		}
		if got != c.want {
			t.Errorf("phoneAt(%q, %d) = %q, want %q", c.text, c.at, got, c.want)
		}
	}
}

// The shared reader reads as the regular expression the bot and forwarding
// rules used before it: `\+?\d[\d\s().-]{6,}\d`, with dates and hours left
// out for the bot only.
func TestHasPhoneAsBefore(t *testing.T) {
	phoneRE := regexp.MustCompile(`\+?\d[\d\s().-]{6,}\d`)
	bot := func(text string) bool {
		for _, loc := range phoneRE.FindAllStringIndex(text, -1) {
			if !dateOrHours.MatchString(text[loc[0]:loc[1]]) {
				return true
			}
		}
		return false
	}
	texts := []string{
		"Call us on 0800 123 4567.", "Open 09.00-18.00 every day", "Booked for 14.06.2027 and 2027-06-15",
		"Order 12 34 56 shipped", "Your order 4839201 is in the system.", "Ring the desk on 61 23 45.",
		"Qəbul masası: 12-34-56.", "++44 1632 960588", "+(012) 345-6789", "", "No number here",
	}
	rng := rand.New(rand.NewSource(1))
	const alphabet = "0123456789 +().-\n\t:/a–"
	for n := 0; n < 20000; n++ {
		b := make([]byte, rng.Intn(24))
		for k := range b {
			b[k] = alphabet[rng.Intn(len(alphabet))]
		}
		texts = append(texts, string(b))
	}
	for _, text := range texts {
		if got, want := hasPhone(text, botPhone), bot(text); got != want {
			t.Errorf("hasPhone(%q, botPhone) = %v, before %v", text, got, want)
		}
		if got, want := hasPhone(text, forwardPhone), phoneRE.MatchString(text); got != want {
			t.Errorf("hasPhone(%q, forwardPhone) = %v, before %v", text, got, want)
		}
	}
}
