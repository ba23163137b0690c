package lint

import (
	"fmt"
)

// SourceMap maps byte offsets in a message text back to byte offsets in the
// file the text was read from. Text copied verbatim maps one to one; text that
// came from an escape (`\n`, `\u00e7`, `""`, a folded line break) maps to the
// whole escape, so a span over it underlines what the author wrote.
type SourceMap struct {
	segs []segment
	// A map of text copied whole from one place, most fields' (LinearMap),
	// is held here rather than in a segment of its own, which would be an
	// allocation a field: when segs is nil and at is not 0, the text's
	// n bytes are file bytes [at-1, at-1+n).
	at, n int
}

type segment struct {
	text      int // first text byte of the segment
	file      int // first file byte
	fileEnd   int // file byte after the segment
	verbatim  bool
	textBytes int
}

// MapBuilder builds a SourceMap in text order.
type MapBuilder struct {
	segs []segment
	text int
}

// Verbatim records n text bytes copied unchanged from file offset at.
func (b *MapBuilder) Verbatim(n, at int) {
	if n <= 0 {
		return
	}
	if k := len(b.segs) - 1; k >= 0 {
		last := &b.segs[k]
		if last.verbatim && last.fileEnd == at {
			last.fileEnd += n
			last.textBytes += n
			b.text += n
			return
		}
	}
	b.segs = append(b.segs, segment{text: b.text, file: at, fileEnd: at + n, verbatim: true, textBytes: n})
	b.text += n
}

// Escaped records n text bytes that stand for file bytes [from, to).
// n may be zero (an escaped line break that yields no text).
func (b *MapBuilder) Escaped(n, from, to int) {
	if n == 0 {
		return
	}
	b.segs = append(b.segs, segment{text: b.text, file: from, fileEnd: to, textBytes: n})
	b.text += n
}

// Len is the number of text bytes recorded so far.
func (b *MapBuilder) Len() int { return b.text }

// Map returns the finished map.
func (b *MapBuilder) Map() SourceMap {
	if len(b.segs) == 1 && b.segs[0].verbatim && b.segs[0].text == 0 {
		// One way to write a linear map, whoever built it.
		return LinearMap(b.segs[0].textBytes, b.segs[0].file)
	}
	return SourceMap{segs: b.segs}
}

// LinearMap maps text of length n copied verbatim from file offset at.
func LinearMap(n, at int) SourceMap {
	if n < 0 {
		return SourceMap{}
	}
	return SourceMap{at: at + 1, n: n}
}

// linear returns the file offset text offset off maps to in a linear map:
// as a verbatim segment would, a text offset past the end maps to the end.
func (m SourceMap) linear(off int) int {
	return m.at - 1 + min(off, m.n)
}

// PointMap maps every text byte to one file range; it is the honest map when
// the loader cannot tell where each character came from.
func PointMap(n, from, to int) SourceMap {
	return SourceMap{segs: []segment{{file: from, fileEnd: to, textBytes: n}}}
}

// Empty reports whether the map knows nothing (text built in memory).
func (m SourceMap) Empty() bool { return len(m.segs) == 0 && m.at == 0 }

func (m SourceMap) find(off int) *segment {
	// sort.Search for the first segment ending past off, written out: it
	// is asked twice a finding.
	i, hi := 0, len(m.segs)
	for i < hi {
		h := int(uint(i+hi) >> 1)
		if s := &m.segs[h]; s.text+s.textBytes > off {
			hi = h
		} else {
			i = h + 1
		}
	}
	if i == len(m.segs) {
		i--
	}
	return &m.segs[i]
}

// Start maps the text offset of a span's first byte to a file offset.
func (m SourceMap) Start(off int) int {
	if len(m.segs) == 0 {
		if m.at != 0 {
			return m.linear(off)
		}
		return -1
	}
	s := m.find(off)
	if s.verbatim {
		d := off - s.text
		if d > s.textBytes {
			d = s.textBytes
		}
		return s.file + d
	}
	return s.file
}

// End maps an exclusive text end offset to an exclusive file offset.
func (m SourceMap) End(off int) int {
	if len(m.segs) == 0 {
		if m.at != 0 {
			return m.linear(max(off, 0))
		}
		return -1
	}
	if off <= 0 {
		return m.Start(0)
	}
	s := m.find(off - 1)
	if s.verbatim {
		d := off - s.text
		if d > s.textBytes {
			d = s.textBytes
		}
		return s.file + d
	}
	return s.fileEnd
}

// Validate checks the map against the text and the file it claims to come
// from: segments in order and inside the file, and verbatim bytes equal.
// Loaders' tests and fuzz targets call it on every field they read.
func (m SourceMap) Validate(text string, data []byte) error {
	segs := m.segs
	if segs == nil && m.at != 0 {
		segs = []segment{{file: m.at - 1, fileEnd: m.at - 1 + m.n, verbatim: true, textBytes: m.n}}
	}
	prevText, prevFile := 0, 0
	for i, s := range segs {
		if s.text != prevText {
			return fmt.Errorf("segment %d starts at text byte %d, want %d", i, s.text, prevText)
		}
		if s.file < prevFile || s.fileEnd < s.file || s.fileEnd > len(data) {
			return fmt.Errorf("segment %d maps to file bytes [%d,%d) out of order or outside the file (%d bytes)", i, s.file, s.fileEnd, len(data))
		}
		if s.verbatim {
			if s.fileEnd-s.file != s.textBytes {
				return fmt.Errorf("verbatim segment %d has %d text bytes for %d file bytes", i, s.textBytes, s.fileEnd-s.file)
			}
			if s.text+s.textBytes > len(text) || text[s.text:s.text+s.textBytes] != string(data[s.file:s.fileEnd]) {
				return fmt.Errorf("verbatim segment %d: text and file differ", i)
			}
		}
		prevText, prevFile = s.text+s.textBytes, s.fileEnd
	}
	if len(segs) > 0 && prevText != len(text) {
		return fmt.Errorf("map covers %d text bytes, text has %d", prevText, len(text))
	}
	return nil
}
