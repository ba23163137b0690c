package dict

import (
	"testing"

	"github.com/msglint/msglint/internal/procmem"
)

// TestReleasePages checks that the pages of a list read whole leave the
// resident memory, and that look-ups answer as before.
func TestReleasePages(t *testing.T) {
	d, err := For("tr")
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	d.Each(func(w string) bool {
		if len(words) < 5000 {
			words = append(words, w)
		}
		return true
	})
	for _, w := range []string{"merhaba", "teşekkürler", "mrehaba", "HALA", "e-posta"} {
		before := d.Has(w)
		ReleasePages()
		if d.Has(w) != before {
			t.Errorf("Has(%q) = %v after ReleasePages, %v before", w, !before, before)
		}
	}
	d.Each(func(string) bool { return true }) // every page read
	read := procmem.ResidentFileKBOf(t)
	ReleasePages()
	if released := read - procmem.ResidentFileKBOf(t); released < 6<<10 {
		t.Errorf("resident file memory fell by %d kB, want at least the Turkish list's 6 MB", released)
	}
	for _, w := range words {
		if !d.Has(w) {
			t.Fatalf("Has(%q) false after ReleasePages", w)
		}
	}
}
