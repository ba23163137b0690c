package lint

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// sentencesByRunes is Sentences as it was before it skipped to the bytes
// that may end a sentence: every character decoded. Sentences is held to
// it.
func sentencesByRunes(text string, l Lang) []Span {
	var out []Span
	start := 0
	emit := func(end int) {
		s := strings.TrimSpace(text[start:end])
		if s != "" && strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			lead := len(text[start:end]) - len(strings.TrimLeftFunc(text[start:end], unicode.IsSpace))
			out = append(out, Span{start + lead, start + lead + len(s)})
		}
		start = end
	}
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			j := i + 1
			for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
				j++
			}
			if j < len(text) && text[j] == '\n' {
				emit(i)
			}
			i += w
		case r == '.' || r == '!' || r == '?' || r == '…':
			j := i
			for j < len(text) {
				r2, w2 := utf8.DecodeRuneInString(text[j:])
				if !strings.ContainsRune(".!?…\"'”’»)]", r2) {
					break
				}
				j += w2
			}
			if j < len(text) {
				next, _ := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsSpace(next) {
					i = j
					continue
				}
			}
			k := j
			for k < len(text) {
				r2, w2 := utf8.DecodeRuneInString(text[k:])
				if !unicode.IsSpace(r2) {
					break
				}
				k += w2
			}
			if k < len(text) {
				next, _ := utf8.DecodeRuneInString(text[k:])
				if unicode.IsLower(next) {
					i = j
					continue
				}
				if r == '.' && j == i+1 && !periodEndsAsWritten(text[:i], l) {
					i = j
					continue
				}
			}
			emit(j)
			i = j
		default:
			i += w
		}
	}
	emit(len(text))
	return out
}

// periodEndsAsWritten is periodEnds as it was first written.
func periodEndsAsWritten(before string, l Lang) bool {
	w := lastWord(before)
	if utf8.RuneCountInString(w) == 1 {
		return false
	}
	i := lastNonLetter(before, true)
	dotted := strings.Trim(before[i+1:], ".")
	return w == "" || !IsAbbreviation(l, before[:len(before)-len(w)], w) && !IsAbbreviation(l, "", dotted)
}

func TestSentencesByRunes(t *testing.T) {
	n := 0
	for l, texts := range cueTexts(t) {
		for _, text := range texts {
			if want, got := sentencesByRunes(text, l), Sentences(text, l); !slices.Equal(want, got) {
				d := cmp.Diff(want, got)
				t.Fatalf("%s %q: %s", l, text, d)
			}
			n++
		}
	}
	if n < 1000 {
		t.Fatalf("only %d texts", n)
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{"Hi. How are you?! Fine… thanks.\n\nNew one", "e.g. this. Dr. Who. 4. maddesinde", "\xe2\x80. \xe2… x", "a.b.c. D", "“Yes.” No!) ok"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, l := range []Lang{English, Turkish, Azerbaijani} {
			if want, got := sentencesByRunes(text, l), Sentences(text, l); !slices.Equal(want, got) {
				d := cmp.Diff(want, got)
				t.Fatalf("%s %q: %s", l, text, d)
			}
		}
	})
}

// FuzzLastNonLetter holds lastNonLetter to strings.LastIndexFunc.
func FuzzLastNonLetter(f *testing.F) {
	for _, s := range []string{"", "Dr", "e.g", "say Mr", "x’Dr", "a\xffb", "Şirkət", "və s", "1.a.m", "ǅ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, dot := range []bool{false, true} {
			want := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !(dot && r == '.') })
			if got := lastNonLetter(s, dot); got != want {
				t.Errorf("lastNonLetter(%q, %v) = %d, want %d", s, dot, got, want)
			}
		}
	})
}

// The sentence splitter's helpers are the strings functions they replaced.
func FuzzSentenceHelpers(f *testing.F) {
	for _, s := range []string{"  Hi there. ", "\u00a0\u2003x\u0085", "\xff a \xfe", "…\"”’»)]", "", " \t\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, x string) {
		s := strings.TrimSpace(x)
		lead := len(x) - len(strings.TrimLeftFunc(x, unicode.IsSpace))
		if gs, ge := trimSpace(x, 0, len(x)); gs != lead || ge != lead+len(s) {
			t.Errorf("trimSpace(%q) = %d, %d; want %d, %d", x, gs, ge, lead, lead+len(s))
		}
		want := strings.IndexFunc(x, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
		if got := hasLetterOrDigit(x); got != want {
			t.Errorf("hasLetterOrDigit(%q) = %v", x, got)
		}
		for _, r := range x {
			if got, want := closesSentence(r), strings.ContainsRune(".!?…\"'”’»)]", r); got != want {
				t.Errorf("closesSentence(%q) = %v", r, got)
			}
		}
	})
}

// FuzzNextMayEnd holds mayEndScan to the byte at a time loop it stands
// for, from every offset of a text in turn and from offsets that skip.
func FuzzNextMayEnd(f *testing.F) {
	for _, s := range []string{"", "Hello there. How are you?", "abcdefghijklmnop\nq", "…", "aaaaaaaa…bbbb!", "xxxxxxx\xe2", "12345678.2345678?"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, step := range []int{1, 3, 7} {
			scan := newMayEndScan(text)
			for i := 0; i <= len(text); i += step {
				want := i
				for want < len(text) && !mayEnd[text[want]] {
					want++
				}
				if got := scan.next(i); got != want {
					t.Fatalf("next(%q, %d) by steps of %d = %d, want %d", text, i, step, got, want)
				}
			}
		}
	})
}

// FuzzPeriodEnds holds periodEnds to periodEndsAsWritten on any text
// before a period, in every language.
func FuzzPeriodEnds(f *testing.F) {
	for _, s := range []string{"Thanks", "e.g", "see p", "Dr", "a.m", "və s", "No", "x .y.z", "Mr ", "etc\t", "St.Louis", "4"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, before string) {
		for _, l := range []Lang{English, Turkish, Azerbaijani} {
			if got, want := periodEnds(before, l), periodEndsAsWritten(before, l); got != want {
				t.Errorf("periodEnds(%q, %s) = %v, want %v", before, l, got, want)
			}
		}
	})
}
