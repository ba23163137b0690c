package rules

import (
	"github.com/client9/misspell"
	"testing"
	"unicode/utf8"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
)

// FuzzRules runs every rule over arbitrary text in every language, channel
// and kind (bot-handoff, goodbye and others read only some kinds): no panic, and every span inside the text on character boundaries.
func FuzzRules(f *testing.F) {
	for _, s := range []string{"We recieve it. Dr. Who. ", "Herkezin orjinali şarzı?", "Təşəkür, edəciyik!!", "a\n\nb", "€€€", "\xff\xfe",
		"You've 'barely opened' it? Fascinating. ' '' 'x", "“Kendiliğinden bozuldu” dediğiniz “” «a»", "Heç nəyi qaçırmadınız. Əla!",
		"Elbette, biz kırdık; yenisini gönderiyoruz. Bu kaçıncı talebiniz?",
		"Cox, cox, cox uzr 🙂 Yenə yazmısınız? Tabii, boyarız, hatta üstüne? I'm sure the grass is delighted. Who knew?",
		// Counts in digits, a word of ability, a slip denied after it.
		"You can reschedule 5 times; you've asked 6 times. 14 kez sordunuz, 9 dəfə. You damaged nothing 3",
		// Wishes, offers and actions read from the words around them, cut short.
		"and have yourself a really", "Have the best", "Catch you", "Look after that", "loved having you", "Until!",
		"Nice lara.", "Bol, xoş.", "xoş", "sağlıkla ın", "olduğunda yazın", "şimdi al,", "okutman yeterli değil",
		"Update:", "Secure", "kaydedin", ", geçirin.", "Ready. hello", "Hazır. salam",
		// A cue over a clause's comma, a hyphenated action, a street's name.
		"Kargo ve iade sorularınız konusunda mesajınızı, aldık.", "x-", "-order", "Re-order", "to your address on Mill Road", "Vakıf Caddesi'ne"} {
		for pick := range uint8(3) { // each language, as a greeting
			f.Add(s, pick)
		}
	}
	l, err := lint.NewLinter(All(), nil, nil, nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string, pick uint8) {
		o := load.Options{Lang: lint.Langs[int(pick)%3], Channel: lint.Channels[int(pick/3)%4], Kind: lint.Kinds[int(pick/12)%len(lint.Kinds)]}
		m := o.Text("draft", text)
		m.QuickReplies = []lint.Field{{Text: text, Map: lint.LinearMap(len(text), 0)}}
		for _, fd := range l.Check(m) {
			fl := m.Field(fd.Part)
			s := fd.Span
			if s.Start < 0 || s.End > len(fl.Text) || s.Start > s.End {
				t.Fatalf("%s: span %v outside %d bytes", fd.Rule, s, len(fl.Text))
			}
			if utf8.ValidString(fl.Text) && s.End > s.Start && (!utf8.RuneStart(fl.Text[s.Start]) || s.End < len(fl.Text) && !utf8.RuneStart(fl.Text[s.End])) {
				t.Fatalf("%s: span %v splits a character in %q", fd.Rule, s, fl.Text)
			}
			if fd.Line < 1 || fd.Col < 1 || fd.EndLine < fd.Line {
				t.Fatalf("%s: position %d:%d-%d:%d", fd.Rule, fd.Line, fd.Col, fd.EndLine, fd.EndCol)
			}
		}
	})
}

// The English candidates must be what misspell finds over the whole text,
// plus at most words misspell itself would blank (links, addresses, paths),
// which the rule blanks later too.
func FuzzEnglishSpelling(f *testing.F) {
	for _, s := range []string{"We will recieve it.", "RECIEVE Recieve recieve", "see http://recieve.example/definately now",
		"teh 'recieve' don't", "x\nrecieve\r\nrecieve2 2recieve", "mail recieve@example.com", "ReCieve"} {
		f.Add(s)
	}
	sp, err := newSpeller(SpellingOptions{})
	if err != nil {
		f.Fatal(err)
	}
	ref := misspell.New()
	f.Fuzz(func(t *testing.T, text string) {
		type found struct {
			start, end int
			right      string
		}
		got := map[found]bool{}
		for _, h := range sp.english(nil, text, lint.Tokenize(text, lint.English), nil, nil) {
			got[found{h.start, h.end, h.right}] = true
		}
		_, diffs := ref.Replace(text)
		lineStart := []int{0}
		for i := 0; i < len(text); i++ {
			if text[i] == '\n' {
				lineStart = append(lineStart, i+1)
			}
		}
		want := map[found]bool{}
		for _, d := range diffs {
			s := lineStart[d.Line-1] + d.Column
			h := found{s, s + len(d.Original), d.Corrected}
			want[h] = true
			if !got[h] {
				t.Fatalf("%q: misspell finds %v, the rule does not", text, h)
			}
		}
		blanked := misspell.RemoveNotWords(text)
		for h := range got {
			if !want[h] && len(blanked) == len(text) && blanked[h.start:h.end] == text[h.start:h.end] {
				t.Fatalf("%q: the rule finds %v, misspell does not", text, h)
			}
		}
	})
}
