package rules

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/msglint/msglint/lint"
)

// languageWordsAlone is the language rule's choice of words as it made it
// before the words were shared: each word token's base, asked afresh.
func languageWordsAlone(l lint.Lang, text string, toks []lint.Token) (words []string, spans []lint.Span) {
	for i, t := range toks {
		if t.Kind != lint.Word {
			continue
		}
		base, ok := baseWord(l, text[t.Start:t.End])
		if !ok || !checkable(base) || isCapitalised(base) && midSentence(text, toks, i) {
			continue
		}
		words = append(words, base)
		spans = append(spans, lint.Span{Start: t.Start, End: t.Start + len(base)})
	}
	return words, spans
}

// FuzzSharedWords holds what the rules read from a message's shared words
// to what they worked out alone: the language rule's words, each verdict's
// capital and neighbour facts, and the spelling rule's unknown-word pass,
// whichever rule asks first.
func FuzzSharedWords(f *testing.F) {
	for _, s := range []string{"Maalesef sipariş Luma'ya gəlmədi, Teşekkür!", "Bu gün Bakıda hava çox gözəldir, zəhmət olmasa gözləyin.",
		"We recieve it. Dr. Who's café au lait, SMS'i", "İyi günler 🙂 a1b2 iPhone", ""} {
		f.Add(s, uint8(0))
	}
	// Long enough to judge, each declared in every language (pick picks
	// the language, and whether spelling asks first).
	for _, s := range []string{"Thank you for your order, we will send your new shoes to you tomorrow morning.",
		"Siparişiniz için teşekkür ederiz, yeni ayakkabılarınızı yarın sabah size göndereceğiz.",
		"Sifarişiniz üçün təşəkkür edirik, yeni ayaqqabılarınızı sabah səhər sizə göndərəcəyik."} {
		for pick := range uint8(6) {
			f.Add(s, pick)
		}
	}
	lc, err := newLanguageCheck()
	if err != nil {
		f.Fatal(err)
	}
	sp, err := newSpeller(SpellingOptions{})
	if err != nil {
		f.Fatal(err)
	}
	for _, l := range lint.Langs {
		if _, err := lexiconFor(l); err != nil {
			f.Fatal(err)
		}
	}
	f.Fuzz(func(t *testing.T, text string, pick uint8) {
		l := lint.Langs[int(pick)%3]
		own, err := lexiconFor(l)
		if err != nil || own == nil {
			t.Skip()
		}
		m := &lint.Message{Lang: l, Body: lint.Field{Text: text, Map: lint.LinearMap(len(text), 0)}}
		toks := m.Tokens()
		if pick&4 != 0 {
			// The spelling rule first: it stores the verdicts.
			if got, want := sp.unknown(own, text, toks, m.Words()), sp.unknown(own, text, toks, nil); !cmp.Equal(want, got, cmp.AllowUnexported(unknownPass{}, tokenHit{}, hit{}, seenWord{}, candidate{})) {
				t.Fatalf("%s %q: unknown pass %+v, alone %+v", l, text, got, want)
			}
		}
		sc := &judged{}
		judgedWords := lc.words(&lint.Pass{Msg: m}, own, sc)
		var words []string
		var spans []lint.Span
		for _, w := range judgedWords {
			words, spans = append(words, w.word(text)), append(spans, w.span())
		}
		wantWords, wantSpans := languageWordsAlone(l, text, toks)
		if diff := cmp.Diff(wantWords, words, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("%s %q: words (-alone +shared):\n%s", l, text, diff)
		}
		if diff := cmp.Diff(wantSpans, spans, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("%s %q: spans (-alone +shared):\n%s", l, text, diff)
		}
		nb, _ := lexiconFor(own.neighbour)
		for i, w := range words {
			v := judgedWords[i].v
			if v.capital != isCapitalised(w) {
				t.Fatalf("%s %q: %q capital %v", l, text, w, v.capital)
			}
			if v.known != own.known(w) {
				t.Fatalf("%s %q: %q known %v", l, text, w, v.known)
			}
			if want := nb != nil && nb.known(w); v.neighbourKnown != want {
				t.Fatalf("%s %q: %q neighbour knows it: %v, want %v", l, text, w, v.neighbourKnown, want)
			}
		}
		if got, want := sp.unknown(own, text, toks, m.Words()), sp.unknown(own, text, toks, nil); !cmp.Equal(want, got, cmp.AllowUnexported(unknownPass{}, tokenHit{}, hit{}, seenWord{}, candidate{})) {
			t.Fatalf("%s %q: unknown pass %+v, alone %+v", l, text, got, want)
		}
		// The dictionaries are built: the words are looked up before the
		// detector is asked, with the answer it gave when asked first.
		others, built := lc.others[l].lexicons()
		if !built {
			t.Fatalf("%s: the other languages' lexicons are not built", l)
		}
		want := lint.Lang("")
		if d, ok := lint.DetectLang(text); len(words) >= lc.minWords && !(ok && d == l) {
			want = lc.otherLanguage(text, judgedWords, others)
		}
		if got := lc.wrongLanguage(&lint.Pass{Msg: m}, judgedWords, sc); got != want {
			t.Fatalf("%s %q: wrong language %q, detector first %q", l, text, got, want)
		}
		m.Trim()
	})
}

// An English text declared Turkish is English, whichever is asked first:
// the detector or, once their lexicons are built, the dictionaries.
func TestWrongLanguageEitherOrder(t *testing.T) {
	lc, err := newLanguageCheck()
	if err != nil {
		t.Fatal(err)
	}
	text := "Thank you for your order, we will send your new shoes to you tomorrow morning."
	own, err := lexiconFor(lint.Turkish)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lint.Langs {
		if _, err := lexiconFor(l); err != nil {
			t.Fatal(err)
		}
	}
	m := &lint.Message{Lang: lint.Turkish, Body: lint.Field{Text: text}}
	sc := &judged{}
	words := lc.words(&lint.Pass{Msg: m}, own, sc)
	if got := lc.wrongLanguage(&lint.Pass{Msg: m}, words, sc); got != lint.English {
		t.Fatalf("wrong language %q, want en", got)
	}
	if !sc.asked {
		t.Fatal("the detector was not asked of a text whose words are English")
	}
}
