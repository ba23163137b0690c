package lsp

import (
	"testing"
	"unicode/utf8"

	"github.com/msglint/msglint/lint"
	"go.lsp.dev/protocol"
)

func TestPositions(t *testing.T) {
	tx := newText("a😀b\r\nşç\n\xffx\n")
	for _, tc := range []struct {
		off        int
		line, char uint32
	}{
		{0, 0, 0}, {1, 0, 1}, {5, 0, 3}, {6, 0, 4}, // 😀 is 4 bytes, 2 UTF-16 units
		{8, 1, 0}, {10, 1, 1}, {12, 1, 2},
		{13, 2, 0}, {14, 2, 1}, {15, 2, 2}, // a byte that is not UTF-8 is one unit
		{16, 3, 0}, {99, 3, 0},
	} {
		if got := tx.pos(tc.off); got != (protocol.Position{Line: tc.line, Character: tc.char}) {
			t.Errorf("pos(%d) = %v, want %d:%d", tc.off, got, tc.line, tc.char)
		}
	}
	for _, tc := range []struct {
		line, col int
		want      protocol.Position
	}{
		{1, 3, protocol.Position{Line: 0, Character: 3}},  // after 😀
		{1, 99, protocol.Position{Line: 0, Character: 5}}, // past the end: the end, before \n (\r is a character of the line, as msglint counts)
		{9, 1, protocol.Position{Line: 3, Character: 0}},  // past the last line
		{0, 0, protocol.Position{}},
	} {
		if got := tx.charPos(tc.line, tc.col); got != tc.want {
			t.Errorf("charPos(%d, %d) = %v, want %v", tc.line, tc.col, got, tc.want)
		}
	}
}

// FuzzPositions checks that a finding's line and column, as the engine
// computes them from a byte offset, land at that offset's UTF-16 position.
func FuzzPositions(f *testing.F) {
	for _, s := range []string{"", "a\nb", "😀\n😀x", "ş\r\nç", "\xff\xfe\n\x80a", "x\n\n\ny"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		src, tx := lint.NewSource("f", []byte(s)), newText(s)
		for off := 0; off <= len(s); off++ {
			if off < len(s) && !utf8.RuneStart(s[off]) {
				continue
			}
			line, col := src.Position(off)
			if got, want := tx.charPos(line, col), tx.pos(off); got != want {
				t.Fatalf("%q at %d (%d:%d): charPos %v, pos %v", s, off, line, col, got, want)
			}
		}
	})
}
