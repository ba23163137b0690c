package main

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

// TestReleaseReadOnly checks that the binary's read-only mappings are
// found, that handing their pages back lowers the resident memory, and
// that the program runs on.
func TestReleaseReadOnly(t *testing.T) {
	if len(readOnlyPages()) == 0 {
		t.Fatal("no read-only mapping of the binary found")
	}
	var out strings.Builder
	if code := run([]string{"rules"}, strings.NewReader(""), &out, &out); code != 0 {
		t.Fatalf("rules: exit %d: %s", code, out.String())
	}
	before := rssFile(t)
	releaseReadOnly()
	if after := rssFile(t); after >= before {
		t.Errorf("resident file memory %d kB after the release, %d kB before", after, before)
	}
	out.Reset()
	if code := run([]string{"rules"}, strings.NewReader(""), &out, &out); code != 0 || out.Len() == 0 {
		t.Fatalf("rules after the release: exit %d: %s", code, out.String())
	}
}
