package lint

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Finding is a diagnostic placed in a file, ready for a reporter.
type Finding struct {
	Rule       string
	Severity   Severity
	Message    string
	Suggestion string
	File       string
	Line, Col  int // 1-based; Col counts characters
	EndLine    int
	EndCol     int // exclusive
	MessageID  string

	Msg  *Message
	Part Part
	Span Span
	// Fix is the finding's safe edit as file bytes, when the text it changes
	// was written in the file exactly as it reads (no escapes in between)
	// and the new text holds nothing the file's format would escape.
	Fix *FileEdit
}

// FileEdit replaces file bytes [Start, End) with New.
type FileEdit struct {
	Start, End int
	New        string
}

// SortFindings orders findings by file, line, column and rule, so output is
// the same on every run whatever order the workers finished in. The order
// is that of a stable sort by compareFindings.
//
// A run's findings come message by message, and a message's findings rule
// by rule: each message's few are sorted among themselves, and when that
// leaves the whole in order, as it does when messages follow one another in
// the file, the sort is done in one pass. Otherwise the whole is sorted by
// index and each finding moved once: a finding is large, and a sort that
// moves them swaps each many times.
func SortFindings(fs []Finding) {
	sorted := true
	for i := 0; i < len(fs); {
		// A message's findings, at most a few dozen: sorted by insertion.
		j := i + 1
		for j < len(fs) && j-i < 32 && fs[j].Msg == fs[i].Msg {
			j++
		}
		insertionSort(fs[i:j])
		if i > 0 && compareFindings(&fs[i-1], &fs[i]) > 0 {
			sorted = false
		}
		i = j
	}
	if sorted {
		return
	}
	idx := make([]int32, len(fs))
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortStableFunc(idx, func(a, b int32) int { return compareFindings(&fs[a], &fs[b]) })
	// Position i takes the finding at idx[i]: each cycle of the
	// permutation is followed once.
	for i := range idx {
		if int(idx[i]) == i {
			continue
		}
		tmp := fs[i]
		j := i
		for k := int(idx[j]); k != i; k = int(idx[j]) {
			fs[j] = fs[k]
			idx[j] = int32(j)
			j = k
		}
		fs[j] = tmp
		idx[j] = int32(j)
	}
}

// insertionSort sorts a message's few findings, stably.
func insertionSort(fs []Finding) {
	for i := 1; i < len(fs); i++ {
		if compareFindings(&fs[i-1], &fs[i]) <= 0 {
			continue
		}
		f := fs[i]
		j := i
		for j > 0 && compareFindings(&fs[j-1], &f) > 0 {
			j--
		}
		copy(fs[j+1:i+1], fs[j:i])
		fs[j] = f
	}
}

// compareFindings orders findings by file, line, column, rule, end and
// message, each compared only when those before it are equal.
func compareFindings(a, b *Finding) int {
	if a.File != b.File {
		return strings.Compare(a.File, b.File)
	}
	if c := cmp.Compare(a.Line, b.Line); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Col, b.Col); c != 0 {
		return c
	}
	if a.Rule != b.Rule {
		return strings.Compare(a.Rule, b.Rule)
	}
	if c := cmp.Compare(a.EndLine, b.EndLine); c != 0 {
		return c
	}
	if c := cmp.Compare(a.EndCol, b.EndCol); c != 0 {
		return c
	}
	return strings.Compare(a.Message, b.Message)
}

// Place fills in the file position of a diagnostic through its field's map:
// the one place where a span in a message becomes a line and column.
func Place(m *Message, d Diagnostic, f *Finding) { place(m, d, f, nil, nil) }

// place is Place, with the fix's FileEdit taken from edits when it is not
// nil (newEdit).
func place(m *Message, d Diagnostic, f *Finding, edits *[]FileEdit, mark *SourceMark) {
	f.File = m.Source.Path
	f.MessageID = m.ID
	f.Msg, f.Part, f.Span = m, d.Part, d.Span
	fld := m.Field(d.Part)
	span := d.Span
	if fld != nil && span == (Span{}) {
		span = Span{0, len(fld.Text)}
	}
	start, end := -1, -1
	if fld != nil && !fld.Map.Empty() {
		start, end = mapSpan(&fld.Map, span)
	}
	if start < 0 {
		start, end = m.Offset, m.Offset
	}
	if end < start {
		end = start
	}
	if mark != nil {
		f.Line, f.Col, f.EndLine, f.EndCol = m.Source.SpanFrom(mark, start, end)
	} else {
		f.Line, f.Col, f.EndLine, f.EndCol = m.Source.Span(start, end)
	}
	if d.Fix != nil && fld != nil && !fld.Map.Empty() && !containsAny(d.Fix.New, m.Source.Unsafe) {
		s, e := mapSpan(&fld.Map, d.Fix.Span)
		data := m.Source.Data
		if s >= 0 && e >= s && e <= len(data) && string(data[s:e]) == fld.Text[d.Fix.Span.Start:d.Fix.Span.End] {
			f.Fix = newEdit(edits, FileEdit{Start: s, End: e, New: d.Fix.New})
		}
	}
}

// mapSpan is m.Start(sp.Start) and m.End(sp.End) of a map that is not
// empty; a linear map's (nearly every field's), the same as theirs, is
// worked out here: one call a span, not two that each copy the map.
func mapSpan(m *SourceMap, sp Span) (start, end int) {
	if m.segs == nil {
		return m.linear(sp.Start), m.linear(max(sp.End, 0))
	}
	return m.Start(sp.Start), m.End(sp.End)
}

// containsAny is strings.ContainsAny(s, chars) for chars of a format's
// unsafe characters: when they are all ASCII (every format's), s's bytes
// are tested against a mask of them, with no rune decoded and no set built
// a call (a fix's text, asked once a finding with a fix).
func containsAny(s, chars string) bool {
	var mask [2]uint64
	for i := 0; i < len(chars); i++ {
		c := chars[i]
		if c >= utf8.RuneSelf {
			return strings.ContainsAny(s, chars)
		}
		mask[c>>6] |= 1 << (c & 63)
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < utf8.RuneSelf && mask[c>>6]&(1<<(c&63)) != 0 {
			return true
		}
	}
	return false
}

// editBlock is how many fixes' edits a block holds.
const editBlock = 32

// newEdit returns e on the heap: in the block of edits, a new one when it
// is full, so that a run's fixes (a spelling fix or a space, in about every
// message) are allocated a block at a time rather than one by one. A block
// lives as long as any finding whose edit is in it.
func newEdit(block *[]FileEdit, e FileEdit) *FileEdit {
	if block == nil {
		p := new(FileEdit) // not &e, which would put every e on the heap
		*p = e
		return p
	}
	if len(*block) == cap(*block) {
		*block = make([]FileEdit, 0, editBlock)
	}
	*block = append(*block, e)
	return &(*block)[len(*block)-1]
}
