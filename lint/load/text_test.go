package load

import (
	"bytes"
	"strconv"
	"testing"

	"github.com/msglint/msglint/bench/gen"
	"github.com/msglint/msglint/lint"
)

// A text file of many messages has their defaults, and their languages,
// filled in on several goroutines: the same as one by one, in file order.
func TestTextFinishedOnAllCores(t *testing.T) {
	var buf bytes.Buffer
	gen.Text(&buf, 3000, 1)
	msgs, err := Options{Kind: lint.Promo}.File("m.txt", buf.Bytes())
	if err != nil || len(msgs) != 3000 {
		t.Fatalf("%d messages, %v", len(msgs), err)
	}
	langs := map[lint.Lang]int{}
	for i, m := range msgs {
		one := lint.Message{Body: m.Body}
		finish(&one, defaults{kind: lint.Promo})
		if m.ID != "#"+strconv.Itoa(i+1) || m.Lang != one.Lang || !m.LangDetected || m.Kind != lint.Promo || m.Channel != one.Channel {
			t.Fatalf("message %d: %s %s %v %s %s, want #%d %s true %s %s", i, m.ID, m.Lang, m.LangDetected, m.Kind, m.Channel, i+1, one.Lang, lint.Promo, one.Channel)
		}
		langs[m.Lang]++
	}
	if len(langs) != 3 {
		t.Errorf("languages %v, want all three", langs)
	}
}
