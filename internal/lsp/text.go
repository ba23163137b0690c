package lsp

import (
	"sort"
	"unicode/utf8"

	"go.lsp.dev/protocol"
)

// text is an open document's contents with its line starts. msglint counts
// columns in characters and fixes in bytes; LSP counts both in UTF-16 code
// units. This is the one place that converts.
type text struct {
	s     string
	lines []int // byte offset of each line's start
}

func newText(s string) *text {
	t := &text{s: s, lines: []int{0}}
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			t.lines = append(t.lines, i+1)
		}
	}
	return t
}

// lineEnd is the byte offset of the end of 0-based line i, before its
// line break.
func (t *text) lineEnd(i int) int {
	if i+1 < len(t.lines) {
		return t.lines[i+1] - 1
	}
	return len(t.s)
}

// pos is the LSP position of a byte offset.
func (t *text) pos(off int) protocol.Position {
	off = max(0, min(off, len(t.s)))
	i := sort.Search(len(t.lines), func(i int) bool { return t.lines[i] > off }) - 1
	return protocol.Position{Line: uint32(i), Character: uint32(utf16Len(t.s[t.lines[i]:off]))}
}

// charPos is the LSP position of msglint's 1-based line and 1-based column
// in characters; a column past the line's end is its end.
func (t *text) charPos(line, col int) protocol.Position {
	if line < 1 {
		return protocol.Position{}
	}
	if line > len(t.lines) {
		return t.pos(len(t.s))
	}
	off, end := t.lines[line-1], t.lineEnd(line-1)
	for n := 1; n < col && off < end; n++ {
		_, w := utf8.DecodeRuneInString(t.s[off:end])
		off += w
	}
	return t.pos(off)
}

// utf16Len counts a string's UTF-16 code units: two for a character beyond
// the Basic Multilingual Plane, one for any other, and one for each byte
// that is not UTF-8 (an editor shows it as U+FFFD).
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// before reports whether position a comes before b.
func before(a, b protocol.Position) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Character < b.Character
}

// overlaps reports whether two ranges share a position; an empty range
// (a cursor) overlaps a range it touches.
func overlaps(a, b protocol.Range) bool {
	return !before(a.End, b.Start) && !before(b.End, a.Start)
}
