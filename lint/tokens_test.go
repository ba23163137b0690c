package lint

import (
	"slices"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// tokenizeByRunes is the tokenizer as it was before its ASCII fast paths:
// one rune at a time through the Unicode tables. The tokenizer is held to
// it.
func tokenizeByRunes(text string, l Lang) []Token {
	var toks []Token
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		start := i
		switch {
		case unicode.IsSpace(r):
			for i < len(text) {
				r, w := utf8.DecodeRuneInString(text[i:])
				if !unicode.IsSpace(r) {
					break
				}
				i += w
			}
			toks = append(toks, Token{Start: start, End: i, Kind: Space})
		case isWordRune(r):
			i += w
			for i < len(text) {
				r, w := utf8.DecodeRuneInString(text[i:])
				if isWordRune(r) || unicode.IsDigit(r) {
					i += w
					continue
				}
				if isApostrophe(r) && i+w < len(text) {
					if r2, _ := utf8.DecodeRuneInString(text[i+w:]); isWordRune(r2) {
						i += w
						continue
					}
				}
				break
			}
			toks = append(toks, Token{Start: start, End: i, Kind: Word, Norm: NormWord(l, text[start:i])})
		case unicode.IsDigit(r):
			i += w
			for i < len(text) {
				r, w := utf8.DecodeRuneInString(text[i:])
				if unicode.IsDigit(r) {
					i += w
					continue
				}
				if (r == '.' || r == ',' || r == ':') && i+w < len(text) {
					if r2, _ := utf8.DecodeRuneInString(text[i+w:]); unicode.IsDigit(r2) {
						i += w
						continue
					}
				}
				break
			}
			toks = append(toks, Token{Start: start, End: i, Kind: Number, Norm: text[start:i]})
		default:
			i += w
			toks = append(toks, Token{Start: start, End: i, Kind: Punct, Norm: text[start:i]})
		}
	}
	return toks
}

// The tokenizer gives the same tokens as one that reads every character
// through the Unicode tables: the blind sets, examples and generated
// messages (and their capitalised and folded forms), then any text.
func TestTokenizeByRunes(t *testing.T) {
	n := 0
	for l, texts := range cueTexts(t) {
		for _, text := range texts {
			if want, got := tokenizeByRunes(text, l), Tokenize(text, l); !slices.Equal(want, got) {
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

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"Don’t wait: 14.00'e kadar, İSTANBUL'da 1,5 TL! {{x}}", "a\u00a0b\u2028c\td", "x'y ı'İ 12:30:45,5.",
		"\xff\xfeab\xc3", "٣٤ ١٢ abc٣", "ǅemal Ǆ ﬁx", "e\u0301 s\u0327ey", "don'", "'tis", "ok’’ok",
		"Teşekkür ŞİMDİ ıİə Əliyev ×÷ ª·º µ\u00a0x", "ɐʯʰʼa ǅǆ\u0085y", "a\xc2", "ş\xca\xb0ʯ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, l := range []Lang{English, Turkish, Azerbaijani} {
			if want, got := tokenizeByRunes(text, l), Tokenize(text, l); !slices.Equal(want, got) {
				d := cmp.Diff(want, got)
				t.Fatalf("%s %q: %s", l, text, d)
			}
		}
	})
}

// A text's capitalised words are lowered into one string: tokenizing a
// text with several allocates its tokens' slice and that string, no more.
func TestTokenizeAllocs(t *testing.T) {
	text := "Merhaba Ayşe, Siparişiniz HAZIR. Thank You! İyi Günler, Luma'ya Bekleriz."
	if raceEnabled {
		// The race detector's sync.Pool drops what is put back now and
		// then, and the pool's next Get allocates: one run in thirty
		// counted 2.
		t.Skip("the race detector allocates for sync.Pool")
	}
	buf := make([]Token, 0, 64)
	if n := testing.AllocsPerRun(100, func() { tokenize(buf[:0], text, Turkish) }); n != 1 {
		t.Errorf("tokenize allocates %v times, want 1", n)
	}
}

// WithTokens hands fn what Tokenize returns, in a recycled slice: a text
// with no capital costs no allocation once the slice is there.
func TestWithTokens(t *testing.T) {
	for _, text := range []string{"Talk to a person please", "evet, hayır", "", "Merhaba Ayşe!"} {
		var got []Token
		WithTokens(text, Turkish, func(toks []Token) { got = append([]Token(nil), toks...) })
		if want := Tokenize(text, Turkish); !slices.Equal(got, want) {
			t.Errorf("WithTokens(%q) = %v, want %v", text, got, want)
		}
	}
	if raceEnabled {
		return
	}
	WithTokens("warm the pool", English, func([]Token) {})
	n := 0
	if a := testing.AllocsPerRun(100, func() { WithTokens("yes, talk to a person", English, func(toks []Token) { n += len(toks) }) }); a != 0 {
		t.Errorf("WithTokens allocates %v times, want 0", a)
	}
}
