package rules

import (
	"strings"
	"testing"
	"unicode/utf16"
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
