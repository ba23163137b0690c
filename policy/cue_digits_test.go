package policy

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/msglint/msglint/bench/gen"
)

// digitCues are every cue of every language, by name, and whether each
// is searched from its digits (late).
func digitCues() (names []string, cues []*cue) {
	for lang, cs := range contextByLang() {
		lists := map[string][]*cue{"amount": cs.amount, "ask": cs.ask, "wrong": cs.wrong, "new_customer": cs.newCustomer,
			"question": cs.question, "pickup": cs.pickup}
		for d := range datums {
			lists["given "+datumKeys[d]], lists["noun "+datumKeys[d]] = cs.given[d], cs.noun[d]
		}
		for name, l := range lists {
			for _, c := range l {
				names, cues = append(names, lang+" "+name), append(cues, c)
			}
		}
	}
	return names, cues
}

func sameMatches(t *testing.T, name string, c *cue, text string) {
	t.Helper()
	b := []byte(text)
	got, want := c.findAll(b, fold(text)), c.re.FindAllIndex(b, -1)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("%s: %s: findAll(%q) = %v, want %v", name, c.re, text, got, want)
	}
}

// The numbers' patterns (amounts, phone and order numbers) are searched
// from their digits, and find what their patterns find: on every text of
// the quality sets and of a transcript with new texts, and each sentence.
func TestDigitCuesAsTheirPatterns(t *testing.T) {
	names, cues := digitCues()
	late := map[string]bool{}
	for i, c := range cues {
		if c.late != nil {
			late[names[i]] = true
		}
	}
	for _, want := range []string{"all amount", "all given phone", "all given order"} {
		if !late[want] {
			t.Errorf("%s is not searched from its digits (late: %v)", want, late)
		}
	}
	for i, c := range cues {
		if names[i] == "en given address" {
			if c.findAll([]byte("12 Main Street"), fold("12 Main Street")); c.numbers == nil {
				t.Errorf("%s: its street numbers are not searched from their digits", names[i])
			}
		}
	}
	texts := corpusTexts(t)
	var buf bytes.Buffer
	if err := gen.TranscriptMixed(&buf, 4000, 3, 0.3); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(buf.String(), "\n") {
		if i := strings.Index(line, `"text":"`); i >= 0 {
			texts = append(texts, line[i+8:]) // the JSON's escapes and tail are text too
		}
	}
	for _, text := range texts {
		for i, c := range cues {
			if c.late != nil || c.latePatterns != nil {
				sameMatches(t, names[i], c, text)
			}
		}
	}
}

// FuzzDigitCues holds each cue's findAll to its pattern's FindAllIndex on
// any text.
func FuzzDigitCues(f *testing.F) {
	for _, s := range []string{"Price: $ 12.50 or 30 TL, 5kg", "My name is Ayşe, call +90 532 123 45 67 or 0212-555-0101",
		"Sipariş no: 10001. Kargo #12345", "Sifariş nömrəsi AB-123456, 25 AZN, 3 manat", "(212) 555-0101 / 212.555.0101",
		"12345\u212a 9 €12,5 ₼7 ₺3", "ş1234567890123456ə", "\xe2\x8212345 \xff00 5551234567", "1 Main Street",
		"Ünvan: Nizami küç. ev 5", "İade 100 TL. Sipariş numarası 987654321"} {
		f.Add(s)
	}
	names, cues := digitCues()
	f.Fuzz(func(t *testing.T, text string) {
		for i, c := range cues {
			sameMatches(t, names[i], c, text)
		}
	})
}
