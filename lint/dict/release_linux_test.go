package dict

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

// rssFile is the process's resident memory mapped from files, in kB.
func rssFile(t *testing.T) int {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	for sc := bufio.NewScanner(f); sc.Scan(); {
		if v, ok := strings.CutPrefix(sc.Text(), "RssFile:"); ok {
			n, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
	}
	t.Skip("no RssFile")
	return 0
}

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
	read := rssFile(t)
	ReleasePages()
	if released := read - rssFile(t); released < 6<<10 {
		t.Errorf("resident file memory fell by %d kB, want at least the Turkish list's 6 MB", released)
	}
	for _, w := range words {
		if !d.Has(w) {
			t.Fatalf("Has(%q) false after ReleasePages", w)
		}
	}
}
