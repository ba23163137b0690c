// Package procmem reads what the kernel says of this process's memory, for
// the tests that check pages handed back to it actually leave.
package procmem

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

// ErrUnknown says the system does not report the figure asked for.
var ErrUnknown = errors.New("not reported by this system")

// ResidentFileKB is the process's resident memory mapped from files, in kB
// (RssFile in /proc/self/status): the binary's pages and the embedded data
// read in place count here, not in the heap.
func ResidentFileKB() (int, error) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, fmt.Errorf("%w: %v", ErrUnknown, err)
	}
	defer f.Close()
	for sc := bufio.NewScanner(f); sc.Scan(); {
		if v, ok := strings.CutPrefix(sc.Text(), "RssFile:"); ok {
			n, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			if err != nil {
				return 0, fmt.Errorf("/proc/self/status: RssFile %q: %w", v, err)
			}
			return n, nil
		}
	}
	return 0, fmt.Errorf("%w: no RssFile in /proc/self/status", ErrUnknown)
}

// ResidentFileKBOf is ResidentFileKB for a test: skipped where the system
// does not report it, failed where the report cannot be read.
func ResidentFileKBOf(t testing.TB) int {
	t.Helper()
	n, err := ResidentFileKB()
	if errors.Is(err, ErrUnknown) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return n
}
