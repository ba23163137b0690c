package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

// diffContext is how many unchanged lines a hunk shows around a change.
const diffContext = 3

// WriteDiff writes a unified diff of a file before and after --fix. Fixes
// never add or remove line breaks, so lines pair up one to one; if they do
// not, the whole file is one hunk.
func WriteDiff(w io.Writer, path string, old, updated []byte) error {
	if bytes.Equal(old, updated) {
		return nil
	}
	a, b := splitLines(old), splitLines(updated)
	var buf strings.Builder
	p := strings.TrimPrefix(path, "/")
	fmt.Fprintf(&buf, "--- a/%s\n+++ b/%s\n", p, p)
	if len(a) != len(b) {
		fmt.Fprintf(&buf, "@@ -1,%d +1,%d @@\n", len(a), len(b))
		for _, l := range a {
			buf.WriteString("-" + l)
		}
		for _, l := range b {
			buf.WriteString("+" + l)
		}
		_, err := io.WriteString(w, buf.String())
		return err
	}
	for i := 0; i < len(a); {
		if a[i] == b[i] {
			i++
			continue
		}
		// A hunk: changed lines with context, merging changes that are close.
		start, end := max(0, i-diffContext), i
		for j := i; j < len(a) && j <= end+2*diffContext; j++ {
			if a[j] != b[j] {
				end = j
			}
		}
		stop := min(len(a), end+1+diffContext)
		fmt.Fprintf(&buf, "@@ -%d,%d +%d,%d @@\n", start+1, stop-start, start+1, stop-start)
		for k := start; k < stop; {
			if a[k] == b[k] {
				buf.WriteString(" " + a[k])
				k++
				continue
			}
			run := k
			for run < stop && a[run] != b[run] {
				run++
			}
			for _, l := range a[k:run] {
				buf.WriteString("-" + l)
			}
			for _, l := range b[k:run] {
				buf.WriteString("+" + l)
			}
			k = run
		}
		i = stop
	}
	_, err := io.WriteString(w, buf.String())
	return err
}

func splitLines(b []byte) []string {
	var out []string
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			out = append(out, string(b)+"\n\\ No newline at end of file\n")
			break
		}
		out = append(out, string(b[:i+1]))
		b = b[i+1:]
	}
	return out
}
