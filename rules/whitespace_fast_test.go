package rules

import (
	"reflect"
	"testing"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
)

// FuzzWhitespaceSingleSpace holds the pass over single spaces between
// plain bytes (plainAfterSpace) to the check without it, which looks at
// every space: the findings are the same.
func FuzzWhitespaceSingleSpace(f *testing.F) {
	for _, s := range []string{"Hello there , friend", "a b\r\nc d \nx", "ab \r\ncd", "Siparişiniz  hazır :) ok", "one two.Three four ;five",
		"  indented line\n two", "{{ first_name }} hi ,x", "a b", "a ", " a", "x :y see https://a.com/b c", "3 ,4 x! y"} {
		f.Add(s)
	}
	all := WhitespaceOptions{Trailing: true, SpaceBeforePunct: true, DoubleSpace: true, SpaceAfterPunct: true}
	findings := func(text string) []lint.Diagnostic {
		var out []lint.Diagnostic
		m := load.Options{Lang: lint.English}.Text("draft", text)
		checkWhitespace(lint.NewPass(m, func(d lint.Diagnostic) { out = append(out, d) }), all)
		return out
	}
	f.Fuzz(func(t *testing.T, text string) {
		got := findings(text)
		saved := plainAfterSpace
		plainAfterSpace = [256]bool{}
		want := findings(text)
		plainAfterSpace = saved
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: %v, checking every space %v", text, got, want)
		}
	})
}

// FuzzWhitespaceWords holds the pass over eight plain bytes at a time
// (plainWord) to the loop over every byte: plainWord says yes only of
// bytes the loop passes over, and the findings are the same without it.
func FuzzWhitespaceWords(f *testing.F) {
	for _, s := range []string{"Hello there, friend of mine", "abcdefg hijklmn  opq", "Siparişiniz hazır, teşekkürler!", "one two.Three four;five six",
		"aaaaaaa bbbbbbb\r\nccc", "1234 5678 abcd efgh", "x y z w v u t s r", "abcdefgh :ijk", "abcdefg :hijk"} {
		f.Add(s)
	}
	all := WhitespaceOptions{Trailing: true, SpaceBeforePunct: true, DoubleSpace: true, SpaceAfterPunct: true}
	findings := func(text string) []lint.Diagnostic {
		var out []lint.Diagnostic
		m := load.Options{Lang: lint.English}.Text("draft", text)
		checkWhitespace(lint.NewPass(m, func(d lint.Diagnostic) { out = append(out, d) }), all)
		return out
	}
	f.Fuzz(func(t *testing.T, text string) {
		for i := 0; i+8 <= len(text); i++ {
			if !plainWord(text[i : i+8]) {
				continue
			}
			for j := i; j < i+8; j++ {
				if !plainByte[text[j]] && !(text[j] == ' ' && plainAfterSpace[text[j+1]]) {
					t.Fatalf("plainWord(%q) is true, but the loop stops at byte %d", text[i:i+8], j-i)
				}
			}
		}
		got := findings(text)
		wordSkip = false
		want := findings(text)
		wordSkip = true
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: %v, a byte at a time %v", text, got, want)
		}
	})
}

func TestPlainWord(t *testing.T) {
	for s, want := range map[string]bool{"Hello wo": true, "şükranlar": true, "şü  kran": false, "şü kran": true, "Hello, w": false, "ab  cdef": false,
		"abcdefg ": false, "abc 1def": false, "abc:defg": false, "abc\rdefg": false, "a b c d ": false, "a b c de": true} {
		if len(s) < 8 {
			continue
		}
		if got := plainWord(s[:8]); got != want {
			t.Errorf("plainWord(%q) = %v, want %v", s[:8], got, want)
		}
	}
}
