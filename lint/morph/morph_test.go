package morph_test

import (
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/msglint/msglint/lint/dict"
	"github.com/msglint/msglint/lint/morph"
)

func analyzer(t testing.TB, lang string) (*morph.Analyzer, morph.Known) {
	t.Helper()
	a, err := morph.For(lang)
	if err != nil {
		t.Fatal(err)
	}
	d, err := dict.For(lang)
	if err != nil {
		t.Fatal(err)
	}
	return a, d.Has
}

func lower(s string) string { return strings.ToLowerSpecial(unicode.TurkishCase, s) }

// The chains the dictionaries lack: possessive+case, case+ki+plural+case,
// ability+negative+present+person, past+conditional+person, participle
// +possessive, and the Azerbaijani question particle.
func TestAccepts(t *testing.T) {
	for lang, words := range map[string][]string{
		"tr": {"kargonuza", "siparişinizdeki", "onaylayamıyoruz", "siparişlerinizde", "sitemizdekilerden",
			"kuponunuzun", "teslimatınızın", "iadenizin", "çözebildiysek", "gönderdiğimiz", "bekliyoruz",
			"saatinizi", "dikkatiniz", "kabahatimiz", "hakikati", "kontrolünüz", "rolü"},
		"az": {"sifarişinizdəki", "kartınızdan", "hesabınızdakı", "bölüşərsinizmi", "kuryerimizə",
			"yaşatdığımız", "gözlətdiyimiz", "bildiksə", "unutmusunuzsa", "müraciətinizi"},
	} {
		a, known := analyzer(t, lang)
		for _, w := range words {
			if !a.Accepts(lower(w), known) {
				t.Errorf("%s: %s rejected", lang, w)
			}
		}
	}
}

// Misspellings stay misspellings: a suffix chain must not hide a wrong
// stem, a dropped buffer or broken vowel harmony.
func TestRejects(t *testing.T) {
	for lang, words := range map[string][]string{
		"tr": {"günüde", "kargonuze", "siparişinizda", "yanlızca", "bekliyorsunuzz", "arıyacak", "kitaplerimiz", "gelecekim", "kapıdeki"},
		"az": {"təşəkürlər", "sifarişinizda", "xaişiniz", "gözləyirıq", "müraciyətiniz"},
	} {
		a, known := analyzer(t, lang)
		for _, w := range words {
			if a.Accepts(lower(w), known) {
				t.Errorf("%s: %s accepted (stem %q)", lang, w, a.Stem(lower(w), known))
			}
		}
	}
}

func TestStem(t *testing.T) {
	a, known := analyzer(t, "tr")
	if got := a.Stem("kargonuza", known); got != "kargo" {
		t.Errorf("Stem(kargonuza) = %q, want kargo", got)
	}
}

func TestParseErrors(t *testing.T) {
	for _, bad := range []string{
		"letters: {A: [a], I: [ı, u, i, ü]}\nclasses: {}",
		"letters: {A: [a, e], I: [ı, u, i, ü]}\nclasses: {x: {after: [nope], forms: [lAr]}}",
		"letters: {A: [a, e], I: [ı, u, i, ü]}\nclasses: {x: {after: [stem], forms: [(q)A]}}",
		"letters: {A: [a, e], I: [ı, u, i, ü]}\nclasses: {x: {after: [stem], forms: []}}",
		"letters: {A: [a, e], I: [ı, u, i, ü]}\nunknown: 1",
	} {
		if _, err := morph.Parse("xx", []byte(bad)); err == nil {
			t.Errorf("Parse(%q) succeeded", bad)
		}
	}
}

func TestSplits(t *testing.T) {
	a, _ := analyzer(t, "az")
	got := a.Splits("təşəkürlər")
	want := len("təşəkür")
	for _, n := range got {
		if n == want {
			return
		}
	}
	t.Errorf("Splits(təşəkürlər) = %v, want %d among them", got, want)
}

// A paradigm file from a language pack is input: Parse must reject or
// accept it, never panic, and what it accepts must analyse any word.
func FuzzParse(f *testing.F) {
	f.Add("letters: {A: [a, e], I: [ı, u, i, ü], voiceless: çfhkpsşt}\nclasses: {pl: {after: [stem], forms: [lAr, (y)A>V, ~Iyor]}}", "evler")
	f.Add("letters: {A: [a, e], I: [ı, u, i, ü]}\nclasses: {x: {after: [x, stem], forms: [(n)DA, C]}}", "kitapta")
	f.Fuzz(func(_ *testing.T, data, word string) {
		a, err := morph.Parse("xx", []byte(data))
		if err != nil {
			return
		}
		known := func(s string) bool { return s == "ev" || s == "kitap" }
		a.Accepts(word, known)
		a.Splits(word)
	})
}

// Any word, however long or odd, is analysed quickly with the real data.
func FuzzAccepts(f *testing.F) {
	for _, s := range []string{"siparişlerinizdekilerden", "aaaaaaaaaaaaaaaaaaaaaaaaaaaa", "lerlerlerlerlerlerlerler", "ğğ", ""} {
		f.Add(s)
	}
	a, known := analyzer(f, "tr")
	f.Fuzz(func(t *testing.T, w string) {
		a.Accepts(lower(w), known)
		for _, n := range a.Splits(lower(w)) {
			if n <= 0 || n >= len(lower(w)) {
				t.Fatalf("Splits(%q): %d out of range", w, n)
			}
		}
	})
}

// BenchmarkParse measures reading one language's paradigms, paid once.
//
//	go test ./lint/morph -run '^$' -bench Parse -benchmem
func BenchmarkParse(b *testing.B) {
	for _, lang := range morph.Langs() {
		data, err := os.ReadFile("data/" + lang + ".yaml")
		if err != nil {
			b.Fatal(err)
		}
		b.Run(lang, func(b *testing.B) {
			for b.Loop() {
				if _, err := morph.Parse(lang, data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkAccepts measures one analysis of an inflected word the
// dictionary lacks.
func BenchmarkAccepts(b *testing.B) {
	a, known := analyzer(b, "tr")
	for b.Loop() {
		a.Accepts("siparişlerinizdekilerden", known)
	}
}
