package dict

import (
	"testing"
)

func mustFor(t testing.TB, lang string) *Dict {
	t.Helper()
	d, err := For(lang)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestHas(t *testing.T) {
	cases := []struct {
		lang string
		yes  []string
		no   []string
	}{
		{"en",
			// Inflected forms come from the affix rules; both spellings
			// of a British/American pair are right.
			[]string{"ship", "shipped", "shipping", "colour", "color", "colours", "cancelled", "canceled",
				"organise", "organize", "receive", "received", "unavailable", "refund", "refunds", "it's",
				"it’s", "don't", "Shipped", "SHIPPED", "I", "London", "LONDON", "ordering", "reordered", "well-known", "follow-up"},
			[]string{"recieve", "seperate", "definately", "occured", "untill", "london", "shiped", "colr", "-", "well-", "wel-known"}},
		{"tr",
			[]string{"sipariş", "siparişiniz", "siparişi", "kargo", "kargoya", "kargonuz", "teşekkür", "teşekkürler",
				"herkes", "yalnız", "maalesef", "İstanbul", "İSTANBUL", "ISTANBUL", "İstanbul'da", "İstanbul’da",
				"Sipariş", "SİPARİŞ", "hâlâ", "halâ", "hala", "kâr", "kar", "ılık", "ILIK", "Ilık", "e-posta", "İSTANBUL'DA", "IŞIK"},
			[]string{"herkez", "yanlız", "malesef", "yada", "şuan", "istanbul", "Istanbul", "teşekür", "siparş"}},
		{"az",
			[]string{"salam", "sifariş", "sifarişiniz", "təşəkkür", "təşəkkürlər", "xahiş", "hörmətli",
				"çatdırılma", "Bakı", "BAKI", "Salam", "SALAM", "edirik", "gözləyin", "müraciət", "fəaliyyət"},
			[]string{"təşəkür", "xaiş", "hərkəs", "təəsüf", "fəaliyət", "müəlim", "əziyət"}},
	}
	for _, c := range cases {
		d := mustFor(t, c.lang)
		for _, w := range c.yes {
			if !d.Has(w) {
				t.Errorf("%s: Has(%q) = false, want true", c.lang, w)
			}
		}
		for _, w := range c.no {
			if d.Has(w) {
				t.Errorf("%s: Has(%q) = true, want false", c.lang, w)
			}
		}
	}
}

func TestForUnknownAndOnce(t *testing.T) {
	if _, err := For("xx"); err == nil {
		t.Error("For(xx): want an error")
	}
	a, b := mustFor(t, "en"), mustFor(t, "en")
	if a != b {
		t.Error("For loads a language twice")
	}
	if a.Lang() != "en" || a.Len() < 100000 {
		t.Errorf("en: lang %q, %d words", a.Lang(), a.Len())
	}
}

func TestSuggestable(t *testing.T) {
	d := mustFor(t, "en")
	n := 0
	d.Each(func(w string) bool {
		if !d.Suggestable(w) {
			n++
		}
		return true
	})
	// SCOWL marks its offensive words NOSUGGEST: correct, never offered.
	if n == 0 {
		t.Error("no en word is marked no-suggest")
	}
	if !d.Suggestable("receive") {
		t.Error("receive is not suggestable")
	}
}

func TestEachSorted(t *testing.T) {
	d := mustFor(t, "az")
	prev, n := "", 0
	d.Each(func(w string) bool {
		if w <= prev {
			t.Fatalf("Each: %q after %q", w, prev)
		}
		if !d.Has(w) {
			t.Fatalf("Each yields %q but Has is false", w)
		}
		prev = w
		n++
		return n < 50000
	})
}

func TestFoldCircumflex(t *testing.T) {
	for in, want := range map[string]string{"hâlâ": "hala", "Hâlâ": "Hala", "kâr": "kar", "Îmâ": "İma", "plain": "plain"} {
		if got := FoldCircumflex(in); got != want {
			t.Errorf("FoldCircumflex(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestShape(t *testing.T) {
	for in, want := range map[string]wordShape{"word": other, "Word": capitalised, "WORD": allCaps, "I": allCaps,
		"McDonald": other, "İstanbul'da": capitalised, "İSTANBUL'DA": allCaps, "'Tis": capitalised} {
		if got := shape(in); got != want {
			t.Errorf("shape(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestForms(t *testing.T) {
	d := mustFor(t, "az")
	right, wrong := d.Forms("təşəkkür"), d.Forms("təşəkür")
	if right < 10 || wrong != 0 {
		t.Errorf("Forms: təşəkkür %d, təşəkür %d", right, wrong)
	}
	if d.Forms("") != d.Len() {
		t.Error("Forms(\"\") != Len()")
	}
	// Forms agrees with counting by hand.
	n := 0
	d.Each(func(w string) bool {
		if len(w) >= len("xahiş") && w[:len("xahiş")] == "xahiş" {
			n++
		}
		return true
	})
	if got := d.Forms("xahiş"); got != n || n == 0 {
		t.Errorf("Forms(xahiş) = %d, counted %d", got, n)
	}
}
