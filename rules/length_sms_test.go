package rules

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// smsUnitsByStrings is how SMS units were first counted, a search of the
// alphabets per character: the reference for the table-driven count.
func smsUnitsByStrings(text string) (units []int, nonGSM int) {
	nonGSM = -1
	for i, r := range text {
		if !strings.ContainsRune(gsmBasic, r) && !strings.ContainsRune(gsmExtension, r) {
			nonGSM = i
			break
		}
	}
	for _, r := range text {
		switch {
		case nonGSM >= 0:
			units = append(units, utf16.RuneLen(r))
		case strings.ContainsRune(gsmExtension, r):
			units = append(units, 2)
		default:
			units = append(units, 1)
		}
	}
	return units, nonGSM
}

func FuzzSMSUnits(f *testing.F) {
	for _, s := range []string{"", "Hello {name} [x] €5 ~ok", "Merhaba, siparişiniz hazır", "Çok güzel ÄÖÑÜ", "😀 emoji", "\xff\xfe", "\uFFFD"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		units, nonGSM := smsUnitsByStrings(text)
		if got := firstNonGSM(text); got != nonGSM {
			t.Fatalf("firstNonGSM(%q) = %d, want %d", text, got, nonGSM)
		}
		i := 0
		for _, r := range text {
			if got := smsUnit(r, nonGSM >= 0); got != units[i] {
				t.Fatalf("smsUnit(%q) in %q = %d, want %d", r, text, got, units[i])
			}
			i++
		}
		// checkSMS skips the count when the bytes bound it: the bound
		// must never be below the count.
		total := 0
		for _, u := range units {
			total += u
		}
		if bound := len(text) * maxSMSUnitsPerByte(nonGSM >= 0); bound < total {
			t.Fatalf("%q: %d units, above the bound of %d", text, total, bound)
		}
	})
}

// The SMS finding reads as fmt wrote it, whatever the character.
func TestSMSOverLimit(t *testing.T) {
	for _, r := range []rune{-1, 'ç', 'İ', 'ə', '😀', utf8.RuneError, '"', '%', 0} {
		for segs := 2; segs < 40; segs += 3 {
			msg, fix := smsOverLimit(segs, "UCS-2", 67, segs-1, 67*(segs-1), r)
			why, wantFix := "", fmt.Sprintf("shorten it to %d characters", 67*(segs-1))
			if r >= 0 {
				why = fmt.Sprintf(` because of "%c"`, r)
				wantFix += fmt.Sprintf(`, or write it without "%c" and similar characters to fit 160 per segment`, r)
			}
			wantMsg := fmt.Sprintf("SMS needs %d segments (%s%s, %d per segment when split); each is billed as one SMS and %d allowed", segs, "UCS-2", why, 67, segs-1)
			if msg != wantMsg || fix != wantFix {
				t.Errorf("%q %q, want %q %q", msg, fix, wantMsg, wantFix)
			}
		}
	}
}

// smsCountByRunes is how checkSMS first counted a text's units and then
// found where it stops fitting: two loops over its characters.
func smsCountByRunes(text string, ucs2 bool, capacity int) (total, cut int) {
	for _, r := range text {
		total += smsUnit(r, ucs2)
	}
	cut, used := len(text), 0
	for off, r := range text {
		u := smsUnit(r, ucs2)
		if used+u > capacity {
			cut = off
			break
		}
		used += u
	}
	return total, cut
}

// FuzzSMSCount holds the one-pass count to the two loops it replaced, for
// both encodings and capacities around the text's size.
func FuzzSMSCount(f *testing.F) {
	for _, s := range []string{"", "Hello {name} [x] €5 ~ok^|", "Merhaba, siparişiniz hazır", "😀 emoji ~~", "\xff\xfe\xf0\x9f", "\uFFFD"} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, text string, capacity int) {
		for _, ucs2 := range []bool{false, true} {
			for _, c := range []int{capacity, 0, 1, len(text) / 2, len(text), 2 * len(text)} {
				wt, wc := smsCountByRunes(text, ucs2, c)
				if gt, gc := smsCount(text, ucs2, c); gt != wt || gc != wc {
					t.Fatalf("smsCount(%q, %v, %d) = %d, %d; want %d, %d", text, ucs2, c, gt, gc, wt, wc)
				}
			}
		}
	})
}

// TestSMSPlainGSM holds the eight-byte test of smsCount to gsmASCII: each
// byte, at each place among plain letters, is plain exactly when it is
// ASCII and counts one unit (not of the extension).
func TestSMSPlainGSM(t *testing.T) {
	for c := 0; c < 256; c++ {
		for at := range 8 {
			b := []byte("abcdefgh")
			b[at] = byte(c)
			want := c < utf8.RuneSelf && gsmASCII[c] != gsmTwo
			if got := smsPlainGSM(smsLoad8(string(b))); got != want {
				t.Fatalf("smsPlainGSM(%q) = %v, want %v", b, got, want)
			}
			// A byte smsBasicGSM passes is in GSM-7; it leaves only
			// the line breaks among those that are to the slow path.
			basic := smsBasicGSM(smsLoad8(string(b)))
			if inGSM := c < utf8.RuneSelf && gsmASCII[c] != gsmNone; basic && !inGSM || !basic && inGSM && c >= 0x20 {
				t.Fatalf("smsBasicGSM(%q) = %v", b, basic)
			}
		}
	}
}

// FuzzFirstNonGSM holds firstNonGSM to a search character by character.
func FuzzFirstNonGSM(f *testing.F) {
	for _, s := range []string{"", "Hello {name} [x] €5 ~ok^|", "plain text of more than eight `bytes`", "tab\there and a line\nbreak", "Merhaba, siparişiniz hazır", "😀 emoji", "\xff\xfe abcdefgh", "abcdefgh\x7f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		want := -1
		for i, r := range text {
			if gsmClass(r) == gsmNone {
				want = i
				break
			}
		}
		if got := firstNonGSM(text); got != want {
			t.Fatalf("firstNonGSM(%q) = %d, want %d", text, got, want)
		}
	})
}

// BenchmarkSMSCount guards the eight-byte steps of firstNonGSM and
// smsCount on texts of an SMS export: English in GSM-7, Turkish in UCS-2.
func BenchmarkSMSCount(b *testing.B) {
	texts := []string{
		strings.Repeat("Your order has shipped and will arrive on Thursday. Reply STOP to opt out. ", 4),
		strings.Repeat("Siparişiniz kargoya verildi, perşembe günü elinizde olacak. Çıkmak için RET yazın. ", 3),
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, text := range texts {
			ucs2 := firstNonGSM(text) >= 0
			smsCount(text, ucs2, smsCapacity(ucs2, 2))
		}
	}
}
