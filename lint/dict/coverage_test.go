package dict

import (
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/msglint/msglint/lint/morph"
)

// words splits text into words: letters with inner apostrophes and
// hyphens (Ankara'daki, e-posta).
func words(text string) []string {
	f := strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\'' && r != '’' && r != '-'
	})
	out := f[:0]
	for _, w := range f {
		if w = strings.Trim(w, "'’-"); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// lexicalGaps are the words of the coverage texts whose stem is missing
// from the list itself (modern loanwords); no suffix analysis can accept
// them, and the spelling rule does not report a word for that alone.
var lexicalGaps = map[string]bool{"internet": true, "mesajla": true, "mesajınız": true, "orijinal": true, "rejiminə": true}

// TestCoverage measures what share of correct, inflected customer-service
// words (testdata/coverage, written for this test) the dictionaries accept
// on their own. The Turkish .aff has no stacked suffixes and the Azerbaijani
// list is a web crawl, so neither reaches 100%: the words it logs are what
// suffix segmentation must cover. The floors only catch a regression.
//
//	go test ./lint/dict -run Coverage -v
func TestCoverage(t *testing.T) {
	floors := map[string]float64{"tr": 0.80, "az": 0.80}
	for _, lang := range []string{"tr", "az"} {
		b, err := os.ReadFile("testdata/coverage/" + lang + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		d := mustFor(t, lang)
		ws := words(string(b))
		var missed []string
		for _, w := range ws {
			if !d.Has(w) {
				missed = append(missed, w)
			}
		}
		share := 1 - float64(len(missed))/float64(len(ws))
		// Distinct words too: running text repeats the short, common
		// words (ve, için, üçün) that any list has.
		types, typeMissed := map[string]bool{}, map[string]bool{}
		for _, w := range ws {
			types[d.lower(w)] = true
		}
		for _, w := range missed {
			typeMissed[d.lower(w)] = true
		}
		// Long words stand in for inflected ones: in these texts nearly
		// every distinct word of eight letters or more carries suffixes.
		long, longMissed := 0, 0
		for w := range types {
			if utf8.RuneCountInString(w) >= 8 {
				long++
				if typeMissed[w] {
					longMissed++
				}
			}
		}
		t.Logf("%s: %d of %d words accepted (%.1f%%); distinct: %d of %d (%.1f%%); distinct with 8+ letters: %d of %d (%.1f%%); rejected: %s",
			lang, len(ws)-len(missed), len(ws), 100*share, len(types)-len(typeMissed), len(types),
			100*(1-float64(len(typeMissed))/float64(len(types))), long-longMissed, long,
			100*(1-float64(longMissed)/float64(long)), strings.Join(missed, " "))
		if share < floors[lang] {
			t.Errorf("%s: coverage %.3f below %.2f", lang, share, floors[lang])
		}
		// With suffix segmentation every word must be accepted but those
		// whose stem the list lacks: the texts are correct, and their
		// chains are what morph is for.
		a, err := morph.For(lang)
		if err != nil {
			t.Fatal(err)
		}
		var still []string
		for _, w := range missed {
			if !a.Accepts(d.lower(w), d.Has) && !lexicalGaps[d.lower(w)] {
				still = append(still, w)
			}
		}
		t.Logf("%s with suffix segmentation: %d of %d words accepted; rejected: %s", lang, len(ws)-len(still), len(ws), strings.Join(still, " "))
		if len(still) > 0 {
			t.Errorf("%s: %d correct words rejected with segmentation: %s", lang, len(still), strings.Join(still, " "))
		}
	}
}
