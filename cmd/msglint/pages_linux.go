package main

import (
	"bufio"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
)

// readOnlyPages are the binary's mappings that can only be read: its code
// and its read-only data (tables, strings, the runtime's function tables),
// mapped from its file. A check touches most of their pages as it starts
// (the rule data's set-up code, the decoders) and a stretch of it reads a
// few: handing them back (releaseReadOnly) leaves resident those read
// since. The kernel keeps them in its page cache, and a read of one maps
// it in again, as on the first read.
var readOnlyPages = sync.OnceValue(func() [][2]uintptr {
	exe, err := os.Executable()
	if err != nil {
		return nil
	}
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		return nil
	}
	defer f.Close()
	return unwrittenMappings(f, exe)
})

// unwrittenMappings reads smaps and returns the ranges of path's mappings
// that cannot be written and hold no page of their own (Anonymous: 0 kB).
// The second condition is what makes the release safe: a position-
// independent build has the loader write its relocations into read-only
// data before making it read-only, and handing those pages back would map
// the file's unrelocated bytes in again.
func unwrittenMappings(r io.Reader, path string) (ranges [][2]uintptr) {
	var cur [2]uintptr
	take := false
	for sc := bufio.NewScanner(r); sc.Scan(); {
		fs := strings.Fields(sc.Text())
		if len(fs) == 0 {
			continue
		}
		if from, to, ok := strings.Cut(fs[0], "-"); ok && len(fs) >= 5 {
			// a mapping's line: start-end perms offset dev inode [path]
			a, err1 := strconv.ParseUint(from, 16, 64)
			b, err2 := strconv.ParseUint(to, 16, 64)
			take = len(fs) >= 6 && fs[5] == path && len(fs[1]) >= 2 && fs[1][0] == 'r' && fs[1][1] == '-' &&
				err1 == nil && err2 == nil && a < b
			cur = [2]uintptr{uintptr(a), uintptr(b)}
			continue
		}
		if take && fs[0] == "Anonymous:" {
			if len(fs) >= 2 && fs[1] == "0" {
				ranges = append(ranges, cur)
			}
			take = false
		}
	}
	return ranges
}

// releaseReadOnly hands the binary's read-only pages back to the kernel.
func releaseReadOnly() {
	for _, r := range readOnlyPages() {
		syscall.Syscall(syscall.SYS_MADVISE, r[0], r[1]-r[0], syscall.MADV_DONTNEED)
	}
}
