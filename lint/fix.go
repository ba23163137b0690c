package lint

import (
	"cmp"
	"slices"
)

// ApplyFixes applies edits to a file's bytes, skipping any that overlaps one
// already applied, and returns the new bytes and how many edits it applied.
func ApplyFixes(data []byte, edits []FileEdit) ([]byte, int) {
	edits = slices.Clone(edits)
	slices.SortStableFunc(edits, func(a, b FileEdit) int { return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End)) })
	out := make([]byte, 0, len(data)+16)
	at, n := 0, 0
	for _, e := range edits {
		if e.Start < at || e.End > len(data) || e.Start > e.End {
			continue // overlaps an applied edit, or the file changed
		}
		out = append(append(out, data[at:e.Start]...), e.New...)
		at = e.End
		n++
	}
	return append(out, data[at:]...), n
}
