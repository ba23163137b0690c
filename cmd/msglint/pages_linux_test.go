package main

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/msglint/msglint/internal/procmem"
)

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
	before := procmem.ResidentFileKBOf(t)
	releaseReadOnly()
	if after := procmem.ResidentFileKBOf(t); after >= before {
		t.Errorf("resident file memory %d kB after the release, %d kB before", after, before)
	}
	out.Reset()
	if code := run([]string{"rules"}, strings.NewReader(""), &out, &out); code != 0 || out.Len() == 0 {
		t.Fatalf("rules after the release: exit %d: %s", code, out.String())
	}
}

// TestUnwrittenMappings checks which of the binary's mappings may be handed
// back: read-only and never written. A position-independent build's
// relocated read-only data (Anonymous above 0) and its writable data are
// kept, and so are other files' mappings.
func TestUnwrittenMappings(t *testing.T) {
	const smaps = `55e800000000-55e800400000 r--p 00000000 08:01 42 /usr/bin/msglint
Size:               4096 kB
Anonymous:             0 kB
55e800400000-55e800c00000 r-xp 00400000 08:01 42 /usr/bin/msglint
Size:               8192 kB
Anonymous:             0 kB
55e800c00000-55e800d00000 r--p 00c00000 08:01 42 /usr/bin/msglint
Size:               1024 kB
Anonymous:           120 kB
55e800d00000-55e800e00000 rw-p 00d00000 08:01 42 /usr/bin/msglint
Size:               1024 kB
Anonymous:             8 kB
7f0000000000-7f0000100000 r--p 00000000 08:01 77 /usr/lib/locale/C.utf8/LC_CTYPE
Size:               1024 kB
Anonymous:             0 kB
7ffe90000000-7ffe90100000 rw-p 00000000 00:00 0 [stack]
Anonymous:            64 kB
`
	got := unwrittenMappings(strings.NewReader(smaps), "/usr/bin/msglint")
	want := [][2]uintptr{{0x55e800000000, 0x55e800400000}, {0x55e800400000, 0x55e800c00000}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mappings to hand back (-want +got):\n%s", diff)
	}
}
