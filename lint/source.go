package lint

import (
	"bytes"
	"encoding/binary"
	"math"
	"math/bits"
	"sort"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/msglint/msglint/internal/swar"
)

// Source is one input file as read, kept so findings can be placed and quoted.
type Source struct {
	Path string
	Data []byte
	// Line0 is how many lines of the file come before Data, when Data is one
	// piece of a file read as a stream.
	Line0 int
	// Unsafe are the characters a fix may not write raw into the file, as
	// its format would need them quoted or escaped; the format that read
	// the file says which.
	Unsafe string
	// Comments is the format's comment syntax, where directives are read
	// from; nil for a format without comments.
	Comments *Comments

	// Built on first use; messages of one file are checked on several
	// goroutines, so mu guards them. lines, the byte offset of each line
	// start, is written once under mu and read without it: every finding
	// asks for it twice.
	mu    sync.Mutex
	lines atomic.Pointer[[]int]
	// placed is the offset Position last counted to and its column, as
	// off<<32 | col (0: none): a message's findings are placed along its
	// line one after another, each counted on from the one before it
	// rather than from the line's start. Any offset kept is one where a
	// character starts, so counting on from it counts as from the line's
	// start would.
	placed atomic.Uint64
	// marks holds, for long lines, the rune count at points along the line,
	// so that placing many findings on one huge line stays linear.
	marks map[int][]runeMark
}

type runeMark struct{ off, runes int }

// markEvery is the spacing of rune-count marks on long lines, in bytes.
const markEvery = 512

// NewSource wraps file contents.
func NewSource(path string, data []byte) *Source { return &Source{Path: path, Data: data} }

func (s *Source) index() []int {
	if lines := s.lines.Load(); lines != nil {
		return *lines
	}
	if bytes.IndexByte(s.Data, '\n') < 0 {
		// One line, as every line of a streamed export is: the same index
		// whoever stores it, so stored without the lock.
		s.lines.Store(&oneLine)
		return oneLine
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if lines := s.lines.Load(); lines != nil {
		return *lines
	}
	// Made at its size: a streamed export's every message has a source of
	// its own line, which made room for 64 lines.
	n := bytes.Count(s.Data, []byte{'\n'})
	if n == 0 {
		s.lines.Store(&oneLine)
		return oneLine
	}
	// IndexByte, not a loop over every byte: a file checked whole is
	// indexed once, and its bytes read one by one were a hundredth of a
	// check of an export.
	lines := append(make([]int, 0, n+1), 0)
	for at, rest := 0, s.Data; ; {
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			break
		}
		at += i + 1
		lines = append(lines, at)
		rest = rest[i+1:]
	}
	s.lines.Store(&lines)
	return lines
}

// oneLine is the line index of every source of one line, shared: an index
// is only read once made.
var oneLine = []int{0}

// Position turns a byte offset into a 1-based line and a 1-based column
// counted in characters (Unicode code points), as editors and SARIF expect.
func (s *Source) Position(off int) (line, col int) {
	if off < 0 {
		return 0, 0
	}
	off = min(off, len(s.Data))
	idx := s.index()
	i := lineIndex(idx, off)
	return s.Line0 + i + 1, s.column(idx, i, off)
}

// Span is Position of start and of end. An end on start's line, as a
// finding's most often is, is counted on from start instead of from the
// line's start again, when start is where a character starts: characters
// are then counted the same either way.
func (s *Source) Span(start, end int) (line, col, endLine, endCol int) {
	line, col = s.Position(start)
	if start < 0 || end < start {
		endLine, endCol = s.Position(end)
		return line, col, endLine, endCol
	}
	start, end = min(start, len(s.Data)), min(end, len(s.Data))
	idx := s.index()
	i := line - s.Line0 - 1
	onLine := i+1 >= len(idx) || end < idx[i+1]
	if !onLine || start > idx[i] && start < len(s.Data) && !utf8.RuneStart(s.Data[start]) {
		endLine, endCol = s.Position(end)
		return line, col, endLine, endCol
	}
	return line, col, line, col + runeCount(s.Data[start:end])
}

// SourceMark is a place in a source whose column was counted: a reader
// that places many findings in one stretch of a file (a message's) keeps
// one and counts each on from it, with no search for its line and no
// count from the line's start. The zero mark is none.
type SourceMark struct {
	src *Source
	// off is where a character starts, on line (0-based), at column col
	// (1-based).
	off, line, col int
}

// SpanFrom is Span, counted on from mark when start is on mark's line at
// or after it, and from the line's start when it is on mark's line
// before it; mark moves to start when a character starts there.
func (s *Source) SpanFrom(mark *SourceMark, start, end int) (line, col, endLine, endCol int) {
	if mark.src != s || start < 0 || end < start || start > len(s.Data) {
		line, col, endLine, endCol = s.Span(start, end)
		if line > 0 && start < len(s.Data) && utf8.RuneStart(s.Data[start]) {
			*mark = SourceMark{src: s, off: start, line: line - s.Line0 - 1, col: col}
		}
		return line, col, endLine, endCol
	}
	idx := s.index()
	i := mark.line
	if start < idx[i] || i+1 < len(idx) && start >= idx[i+1] {
		mark.src = nil // another line: placed afresh
		return s.SpanFrom(mark, start, end)
	}
	if start >= mark.off {
		col = mark.col + runeCount(s.Data[mark.off:start])
	} else {
		col = 1 + runeCount(s.Data[idx[i]:start])
	}
	line = s.Line0 + i + 1
	if start == len(s.Data) || utf8.RuneStart(s.Data[start]) {
		mark.off, mark.col = start, col
	}
	end = min(end, len(s.Data))
	if i+1 < len(idx) && end >= idx[i+1] || start > idx[i] && start < len(s.Data) && !utf8.RuneStart(s.Data[start]) {
		endLine, endCol = s.Position(end)
		return line, col, endLine, endCol
	}
	return line, col, line, col + runeCount(s.Data[start:end])
}

// lineIndex is the 0-based line of off in a line index.
func lineIndex(idx []int, off int) int {
	if len(idx) == 1 {
		return 0 // a source of one line: every streamed message
	}
	// sort.Search's binary search, written out: it is asked twice a
	// finding, and the closure's call per step was most of it.
	lo, hi := 0, len(idx)
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if idx[h] > off {
			hi = h
		} else {
			lo = h + 1
		}
	}
	return lo - 1
}

// column is the 1-based column of off on line i (0-based) of index idx.
func (s *Source) column(idx []int, i, off int) int {
	start, col := idx[i], 1
	if p := s.placed.Load(); p != 0 {
		// Kept on this line and before off: counted on from there.
		if at := int(p >> 32); at >= start && at <= off {
			start, col = at, int(uint32(p))
		}
	}
	if off-start <= markEvery {
		col += runeCount(s.Data[start:off])
	} else {
		ms := s.lineMarks(i)
		k := sort.Search(len(ms), func(k int) bool { return ms[k].off > off }) - 1
		col = ms[k].runes + runeCount(s.Data[ms[k].off:off]) + 1
	}
	if off <= math.MaxUint32 && col <= math.MaxUint32 && (off == len(s.Data) || utf8.RuneStart(s.Data[off])) {
		s.placed.Store(uint64(off)<<32 | uint64(col))
	}
	return col
}

// runeCount is utf8.RuneCount, 32 or eight ASCII bytes at a time: every
// finding is placed by counting the characters before it on its line, and
// an export's lines are long and mostly ASCII, or else mostly ASCII and
// letters of two bytes.
func runeCount(b []byte) int {
	const high = 0x8080808080808080
	n := 0
	for len(b) > 0 {
		if len(b) >= 32 && (binary.LittleEndian.Uint64(b)|binary.LittleEndian.Uint64(b[8:])|
			binary.LittleEndian.Uint64(b[16:])|binary.LittleEndian.Uint64(b[24:]))&high == 0 {
			n += 32
			b = b[32:]
			continue
		}
		if len(b) >= 8 {
			x := binary.LittleEndian.Uint64(b)
			if x&high == 0 {
				n += 8
				b = b[8:]
				continue
			}
			// ASCII and whole letters of two bytes: a character a
			// byte but for the continuation bytes. TwoByteValid is
			// inlined where TwoByteRunes was a call, a tenth of
			// placing a finding.
			if swar.TwoByteValid(x) {
				n += 8 - bits.OnesCount64(x&high&^(x<<1))
				b = b[8:]
				continue
			}
			// The same in the first seven, the eighth the lead of a
			// letter of two bytes, as one in eight of a Turkish
			// text's letters lies: counted on from the lead, not a
			// character at a time up to it.
			if lead := x >> 56; 0xC2 <= lead && lead <= 0xDF && swar.TwoByteValid(x&(1<<56-1)) {
				n += 7 - bits.OnesCount64(x&(1<<56-1)&high&^(x<<1))
				b = b[7:]
				continue
			}
		} else if cap(b) >= 8 {
			// The last few bytes, read as eight with what follows
			// them in the file cleared to zeros, each of which
			// TwoByteRunes counts as a character of its own: a
			// character cut at the end is not counted so, and is
			// read byte by byte below.
			pad := 8 - len(b)
			x := binary.LittleEndian.Uint64(b[:8]) & (^uint64(0) >> (8 * pad))
			if x&high == 0 {
				return n + len(b)
			}
			if k, ok := swar.TwoByteRunes(x); ok {
				return n + k - pad
			}
		}
		// One character: ASCII, or two bytes (every letter of Turkish
		// and Azerbaijani that ASCII lacks) told here, as
		// utf8.DecodeRune would, without a call; any other decoded.
		n++
		switch c := b[0]; {
		case c < utf8.RuneSelf:
			b = b[1:]
		case 0xC2 <= c && c <= 0xDF && len(b) > 1 && b[1]&0xC0 == 0x80:
			b = b[2:]
		default:
			_, w := utf8.DecodeRune(b)
			b = b[w:]
		}
	}
	return n
}

// lineMarks builds the rune-count marks of line i (0-based) once.
func (s *Source) lineMarks(i int) []runeMark {
	idx := s.index()
	s.mu.Lock()
	defer s.mu.Unlock()
	if ms, ok := s.marks[i]; ok {
		return ms
	}
	if s.marks == nil {
		s.marks = map[int][]runeMark{}
	}
	end := len(s.Data)
	if i+1 < len(idx) {
		end = idx[i+1]
	}
	ms := []runeMark{{idx[i], 0}}
	n, next := 0, idx[i]+markEvery
	for off := idx[i]; off < end; {
		if off >= next {
			ms = append(ms, runeMark{off, n})
			next = off + markEvery
		}
		_, w := utf8.DecodeRune(s.Data[off:end])
		off += w
		n++
	}
	s.marks[i] = ms
	return ms
}

// Offset is the inverse of Position; a column past the line's end is clamped.
func (s *Source) Offset(line, col int) int {
	idx := s.index()
	if line < 1 {
		return 0
	}
	if line > len(idx) {
		return len(s.Data)
	}
	off := idx[line-1]
	for n := 1; n < col && off < len(s.Data) && s.Data[off] != '\n'; n++ {
		_, w := utf8.DecodeRune(s.Data[off:])
		off += w
	}
	return off
}

// Line returns the text of a 1-based line without its line break.
func (s *Source) Line(n int) string {
	n -= s.Line0
	idx := s.index()
	if n < 1 || n > len(idx) {
		return ""
	}
	l := s.Data[idx[n-1]:]
	if i := bytes.IndexByte(l, '\n'); i >= 0 {
		l = l[:i]
	}
	return string(bytes.TrimSuffix(l, []byte("\r")))
}
