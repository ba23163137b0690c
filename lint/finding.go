package lint

import (
	"cmp"
	"slices"
	"strings"
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
// the same on every run whatever order the workers finished in.
func SortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.EndLine, b.EndLine),
			cmp.Compare(a.EndCol, b.EndCol),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// Place fills in the file position of a diagnostic through its field's map:
// the one place where a span in a message becomes a line and column.
func Place(m *Message, d Diagnostic, f *Finding) {
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
		start, end = fld.Map.Start(span.Start), fld.Map.End(span.End)
	}
	if start < 0 {
		start, end = m.Offset, m.Offset
	}
	if end < start {
		end = start
	}
	f.Line, f.Col, f.EndLine, f.EndCol = m.Source.Span(start, end)
	if d.Fix != nil && fld != nil && !fld.Map.Empty() && !strings.ContainsAny(d.Fix.New, m.Source.Unsafe) {
		s, e := fld.Map.Start(d.Fix.Span.Start), fld.Map.End(d.Fix.Span.End)
		data := m.Source.Data
		if s >= 0 && e >= s && e <= len(data) && string(data[s:e]) == fld.Text[d.Fix.Span.Start:d.Fix.Span.End] {
			f.Fix = &FileEdit{Start: s, End: e, New: d.Fix.New}
		}
	}
}
