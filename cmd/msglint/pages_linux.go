package main

import (
	"bufio"
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
// it in again, as on the first read. Nothing can write them, so nothing
// is lost.
var readOnlyPages = sync.OnceValue(func() (ranges [][2]uintptr) {
	exe, err := os.Executable()
	if err != nil {
		return nil
	}
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		return nil
	}
	defer f.Close()
	for sc := bufio.NewScanner(f); sc.Scan(); {
		// start-end perms offset dev inode path
		fs := strings.Fields(sc.Text())
		if len(fs) < 6 || fs[5] != exe || fs[1][0] != 'r' || fs[1][1] != '-' {
			continue
		}
		from, to, ok := strings.Cut(fs[0], "-")
		a, err1 := strconv.ParseUint(from, 16, 64)
		b, err2 := strconv.ParseUint(to, 16, 64)
		if ok && err1 == nil && err2 == nil && a < b {
			ranges = append(ranges, [2]uintptr{uintptr(a), uintptr(b)})
		}
	}
	return ranges
})

// releaseReadOnly hands the binary's read-only pages back to the kernel.
func releaseReadOnly() {
	for _, r := range readOnlyPages() {
		syscall.Syscall(syscall.SYS_MADVISE, r[0], r[1]-r[0], syscall.MADV_DONTNEED)
	}
}
