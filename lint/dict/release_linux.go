package dict

import (
	"syscall"
	"unsafe"
)

// release hands the whole pages of b back to the kernel. b is the binary's
// own data, mapped from its file and never written, so the kernel keeps the
// pages in its page cache and a later read maps one back in (a minor
// fault), as on the first read.
func release(b []byte) {
	if len(b) == 0 {
		return
	}
	const page = 4096 // a larger page only makes the range whole pages of it
	ps := syscall.Getpagesize()
	if ps < page {
		ps = page
	}
	start := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	first := (start + uintptr(ps) - 1) &^ (uintptr(ps) - 1)
	end := (start + uintptr(len(b))) &^ (uintptr(ps) - 1)
	if end <= first {
		return
	}
	syscall.Madvise(b[first-start:end-start], syscall.MADV_DONTNEED)
}
