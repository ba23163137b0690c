package dict

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
)

// The compiled form is a sorted, front-coded word list read where it lies:
// the embedded bytes are the list, so loading one is reading a header of a
// few numbers, and a look-up decompresses, parses and allocates nothing.
// (Each chunk of 1 024 words was zstd-compressed, decompressed and indexed
// on first use: a check of 20 000 messages spent a twentieth of its
// instructions on that, on its first messages and at start, for a binary
// 5.3 MB smaller.) A look-up whose first four bytes begin no word of the
// list reads no entry at all: the thousand edits a suggestion tries mostly
// stop at that first test. A look-up is a binary search over the chunks'
// first 16 bytes, then over the chunk's block heads, and a short scan
// inside one block. Both searches read arrays of keys, not the entries:
// a chunk's block keys are 512 contiguous bytes, where its block heads
// are spread over 5 KB (for Turkish) of entries.
//
// Layout:
//
//	magic "msgldict4\n"
//	uvarint block size
//	uvarint chunk size, in entries (a multiple of the block size)
//	uvarint count of ICONV pairs, then each as two uvarint-prefixed strings
//	uvarint word count
//	uvarint count of beginnings, then each as four bytes (big-endian):
//	         the first four bytes of the words of four bytes or more,
//	         sorted, once each
//	uvarint length of the entries
//	per chunk: the first 16 bytes of its first word, zero-padded
//	per block: the first 8 bytes of its head, zero-padded, and the
//	         offset of its head in the entries, four bytes (little-endian)
//	the entries: uvarint shared-prefix length, uvarint
//	         suffixLen<<1|noSuggest, suffix bytes
//
// Every block-size-th entry shares nothing with the one before it, so it
// can be read on its own: those are the block heads. A file is checked as
// it is read only as far as look-ups need to stay in bounds; verify checks
// it whole (the package's tests verify the embedded lists).

const (
	magic        = "msgldict4\n"
	blockSize    = 16   // what Write uses; readers take the size from the file
	chunkEntries = 1024 // entries a chunk holds (a multiple of blockSize)
)

// Write compiles forms into w. Forms need not be sorted or unique; a word
// given both with and without NoSuggest is kept as a plain word.
func Write(w io.Writer, forms []Form, iconv [][2]string) error {
	forms = slices.Clone(forms)
	sort.Slice(forms, func(i, j int) bool {
		if forms[i].Word != forms[j].Word {
			return forms[i].Word < forms[j].Word
		}
		return !forms[i].NoSuggest && forms[j].NoSuggest
	})
	forms = slices.CompactFunc(forms, func(a, b Form) bool { return a.Word == b.Word })
	var head, keys, offsets, entries bytes.Buffer
	var tmp [binary.MaxVarintLen64]byte
	uv := func(b *bytes.Buffer, n int) { b.Write(tmp[:binary.PutUvarint(tmp[:], uint64(n))]) }
	str := func(b *bytes.Buffer, s string) { uv(b, len(s)); b.WriteString(s) }

	head.WriteString(magic)
	uv(&head, blockSize)
	uv(&head, chunkEntries)
	uv(&head, len(iconv))
	for _, p := range iconv {
		str(&head, p[0])
		str(&head, p[1])
	}
	uv(&head, len(forms))
	var begins []uint32
	for _, f := range forms {
		if b, ok := beginning(f.Word); ok && (len(begins) == 0 || begins[len(begins)-1] != b) {
			begins = append(begins, b) // sorted: the words are
		}
	}
	uv(&head, len(begins))
	for _, b := range begins {
		head.Write(binary.BigEndian.AppendUint32(tmp[:0], b))
	}
	prev := ""
	for i, f := range forms {
		if f.Word == "" {
			return errors.New("dict: empty word")
		}
		shared := 0
		if i%blockSize == 0 {
			if entries.Len() > math.MaxUint32 {
				return errors.New("dict: list too large")
			}
			offsets.Write(binary.BigEndian.AppendUint64(tmp[:0], makeKey(f.Word).a))
			offsets.Write(binary.LittleEndian.AppendUint32(tmp[:0], uint32(entries.Len())))
		} else {
			shared = commonPrefix(prev, f.Word)
		}
		if i%chunkEntries == 0 {
			k := makeKey(f.Word)
			keys.Write(binary.BigEndian.AppendUint64(tmp[:0], k.a))
			keys.Write(binary.BigEndian.AppendUint64(tmp[:0], k.b))
		}
		uv(&entries, shared)
		ns := 0
		if f.NoSuggest {
			ns = 1
		}
		uv(&entries, (len(f.Word)-shared)<<1|ns)
		entries.WriteString(f.Word[shared:])
		prev = f.Word
	}
	uv(&head, entries.Len())
	for _, b := range []*bytes.Buffer{&head, &keys, &offsets, &entries} {
		if _, err := w.Write(b.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

// list is a compiled word list, read in place: its slices are the file's
// bytes.
type list struct {
	count int
	bs    int // entries a block holds
	cb    int // blocks a chunk holds
	iconv [][2]string
	// begins are the words' first four bytes, four bytes each: a word
	// whose beginning is not among them is not on the list, and no entry
	// need be read. Suggestions try a thousand edits of a word, most of
	// them at its start.
	begins []byte
	keys   []byte // each chunk's first 16 bytes: the first binary search reads these
	blocks []byte // each block head's first 8 bytes and offset in data, twelve bytes each
	data   []byte // the entries
}

// maxUncompressed bounds the numbers a compiled file may give (counts,
// lengths), so a corrupt one cannot ask for a huge allocation.
const maxUncompressed = 256 << 20

// readList reads a compiled list.
func readList(r io.Reader) (*list, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("dict: %w", err)
	}
	return parseList(b)
}

var errCorrupt = errors.New("dict: corrupt compiled list")

// parseList reads a compiled list's header; the list's arrays and entries
// stay in b, which must not change.
func parseList(b []byte) (*list, error) {
	if !bytes.HasPrefix(b, []byte(magic)) {
		return nil, errCorrupt
	}
	p := len(magic)
	uv := func() (int, bool) {
		n, k := binary.Uvarint(b[p:])
		if k <= 0 || n > maxUncompressed {
			return 0, false
		}
		p += k
		return int(n), true
	}
	str := func() (string, bool) {
		n, ok := uv()
		if !ok || n > len(b)-p {
			return "", false
		}
		s := string(b[p : p+n])
		p += n
		return s, true
	}
	// part is the next n bytes of b.
	part := func(n int) ([]byte, bool) {
		if n < 0 || n > len(b)-p {
			return nil, false
		}
		s := b[p : p+n : p+n]
		p += n
		return s, true
	}
	l := &list{}
	bs, ok := uv()
	if !ok || bs < 1 || bs > 1024 {
		return nil, errCorrupt
	}
	ce, ok := uv()
	if !ok || ce < bs || ce%bs != 0 {
		return nil, errCorrupt
	}
	l.bs, l.cb = bs, ce/bs
	n, ok := uv()
	if !ok || n > len(b)-p {
		return nil, errCorrupt
	}
	for i := 0; i < n; i++ {
		from, ok1 := str()
		to, ok2 := str()
		if !ok1 || !ok2 || from == "" {
			return nil, errCorrupt
		}
		l.iconv = append(l.iconv, [2]string{from, to})
	}
	if l.count, ok = uv(); !ok {
		return nil, errCorrupt
	}
	nb, ok := uv()
	if !ok || nb > l.count {
		return nil, errCorrupt
	}
	if l.begins, ok = part(4 * nb); !ok {
		return nil, errCorrupt
	}
	size, ok := uv()
	if !ok {
		return nil, errCorrupt
	}
	blocks := (l.count + bs - 1) / bs
	chunks := (blocks + l.cb - 1) / l.cb
	if l.keys, ok = part(16 * chunks); !ok {
		return nil, errCorrupt
	}
	if l.blocks, ok = part(blockBytes * blocks); !ok {
		return nil, errCorrupt
	}
	// An entry takes at least two bytes.
	if l.data, ok = part(size); !ok || p != len(b) || l.count > size/2 {
		return nil, errCorrupt
	}
	return l, nil
}

// verify reads the whole list and reports the first thing wrong with it:
// what a look-up reads is checked only as far as it must be to stay in
// bounds, so a corrupt list answers wrongly where it is corrupt.
func (l *list) verify() error {
	var begins []uint32
	var cur []byte
	q := 0
	for i := 0; i < l.count; i++ {
		if i%l.bs == 0 && l.blockAt(i/l.bs) != q {
			return fmt.Errorf("block %d: offset %d, want %d", i/l.bs, l.blockAt(i/l.bs), q)
		}
		shared, suf, _, next, ok := l.entry(q)
		if !ok || shared > len(cur) || i%l.bs == 0 && shared != 0 || len(suf) == 0 {
			return fmt.Errorf("entry %d: %w", i, errCorrupt)
		}
		word := append(cur[:shared:shared], suf...)
		if i > 0 && string(word) <= string(cur) {
			return fmt.Errorf("entry %d: %q after %q", i, word, cur)
		}
		if i%l.bs == 0 && l.blockKey(i/l.bs) != makeKey(word).a {
			return fmt.Errorf("block %d: key of %q", i/l.bs, word)
		}
		if i%(l.bs*l.cb) == 0 && l.chunkKey(i/(l.bs*l.cb)) != makeKey(word) {
			return fmt.Errorf("chunk %d: key of %q", i/(l.bs*l.cb), word)
		}
		if b, ok := beginning(string(word)); ok && (len(begins) == 0 || begins[len(begins)-1] != b) {
			begins = append(begins, b)
		}
		cur, q = word, next
	}
	if q != len(l.data) {
		return fmt.Errorf("%d bytes after the last entry: %w", len(l.data)-q, errCorrupt)
	}
	if len(begins) != len(l.begins)/4 {
		return fmt.Errorf("%d beginnings, want %d: %w", len(l.begins)/4, len(begins), errCorrupt)
	}
	for i, b := range begins {
		if l.beginAt(i) != b {
			return fmt.Errorf("beginning %d: %w", i, errCorrupt)
		}
	}
	return nil
}

func (l *list) beginAt(i int) uint32  { return binary.BigEndian.Uint32(l.begins[4*i:]) }
func (l *list) blockKey(i int) uint64 { return binary.BigEndian.Uint64(l.blocks[blockBytes*i:]) }
func (l *list) blockAt(i int) int {
	return int(binary.LittleEndian.Uint32(l.blocks[blockBytes*i+8:]))
}

// blockBytes is what a block takes in the list's array of blocks.
const blockBytes = 12

func (l *list) chunkKey(i int) key16 {
	return key16{binary.BigEndian.Uint64(l.keys[16*i:]), binary.BigEndian.Uint64(l.keys[16*i+8:])}
}

// hasBeginning reports whether some word of the list begins with b (see
// beginning).
func (l *list) hasBeginning(b uint32) bool {
	n := len(l.begins) / 4
	lo, hi := 0, n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if l.beginAt(m) < b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < n && l.beginAt(lo) == b
}

// entry reads the entry at q: its shared prefix length, suffix, flag bit
// and the offset of the next entry; ok is false where the entries are
// corrupt.
func (l *list) entry(q int) (shared int, suffix []byte, noSuggest bool, next int, ok bool) {
	d := l.data
	if q < 0 || q >= len(d) {
		return 0, nil, false, 0, false
	}
	// Both numbers are below 128 but for words of 64 bytes or more.
	s, k1 := uint64(d[q]), 1
	if s >= 0x80 {
		if s, k1 = binary.Uvarint(d[q:]); k1 <= 0 {
			return 0, nil, false, 0, false
		}
	}
	q += k1
	if q >= len(d) {
		return 0, nil, false, 0, false
	}
	v, k2 := uint64(d[q]), 1
	if v >= 0x80 {
		if v, k2 = binary.Uvarint(d[q:]); k2 <= 0 {
			return 0, nil, false, 0, false
		}
	}
	q += k2
	n := v >> 1
	if n > uint64(len(d)-q) || s > maxUncompressed {
		return 0, nil, false, 0, false
	}
	return int(s), d[q : q+int(n)], v&1 == 1, q + int(n), true
}

// head is block i's first word, read in place.
func (l *list) head(i int) []byte {
	shared, suf, _, _, ok := l.entry(l.blockAt(i))
	if !ok || shared != 0 {
		return nil
	}
	return suf
}

// lookup reports whether word is on the list and, if so, whether it is
// marked no-suggest.
func (l *list) lookup(word string) (found, noSuggest bool) {
	if b, ok := beginning(word); ok && l != nil && !l.hasBeginning(b) {
		return false, false
	}
	_, found, noSuggest = l.search(word)
	return found, noSuggest
}

// search returns the number of entries that sort before word, whether word
// is on the list, and its no-suggest bit.
func (l *list) search(word string) (rank int, found, noSuggest bool) {
	if l == nil || l.count == 0 {
		return 0, false, false
	}
	// The last chunk whose first word is <= word. Comparing 16-byte keys
	// settles almost every step without reading an entry; 8 bytes were
	// not enough for Turkish, where 45% of block heads share their
	// first 8 bytes with the block before (siparişinizde...).
	wk := makeKey(word)
	blocks := len(l.blocks) / blockBytes
	c := sort.Search(len(l.keys)/16, func(i int) bool {
		if k := l.chunkKey(i); k != wk {
			return k.a > wk.a || k.a == wk.a && k.b > wk.b
		}
		return compare(l.head(i*l.cb), word) > 0
	}) - 1
	if c < 0 {
		return 0, false, false
	}
	// Then the last block of the chunk whose head is <= word: the
	// chunk's first is, so there is one. 8 bytes of key settle most
	// steps; a head that shares them is compared whole.
	lo := c * l.cb
	i := lo + sort.Search(min(l.cb, blocks-lo)-1, func(j int) bool {
		if k := l.blockKey(lo + j + 1); k != wk.a {
			return k > wk.a
		}
		return compare(l.head(lo+j+1), word) > 0
	})
	var stack [64]byte
	cur := stack[:0]
	q := l.blockAt(i)
	j := 0
	for ; j < l.bs && i*l.bs+j < l.count; j++ {
		shared, suf, ns, next, ok := l.entry(q)
		if !ok || shared > len(cur) {
			break // corrupt: verify says so
		}
		cur = append(cur[:shared], suf...)
		switch cmp := compare(cur, word); {
		case cmp == 0:
			return i*l.bs + j, true, ns
		case cmp > 0:
			return i*l.bs + j, false, false
		}
		q = next
	}
	return i*l.bs + j, false, false
}

// prefixCount is the number of entries that start with prefix. No UTF-8
// text contains the byte 0xFF, so every such entry sorts between prefix and
// prefix+"\xff".
func (l *list) prefixCount(prefix string) int {
	lo, _, _ := l.search(prefix)
	hi, _, _ := l.search(prefix + "\xff")
	return hi - lo
}

// compare orders b and s as byte strings. The conversions in comparisons
// neither copy nor allocate.
func compare(b []byte, s string) int {
	switch {
	case string(b) == s:
		return 0
	case string(b) < s:
		return -1
	}
	return 1
}

// each calls fn for every word in order until fn returns false.
func (l *list) each(fn func(word string, noSuggest bool) bool) {
	var cur []byte
	q := 0
	for j := 0; j < l.count; j++ {
		shared, suf, ns, next, ok := l.entry(q)
		if !ok || shared > len(cur) {
			return // corrupt: verify says so
		}
		cur = append(cur[:shared], suf...)
		if !fn(string(cur), ns) {
			return
		}
		q = next
	}
}

// key16 holds the first 16 bytes of a word, zero-padded, big-endian, so
// that keys order as the byte strings do (ties are broken by a full
// comparison).
type key16 struct{ a, b uint64 }

func makeKey[T []byte | string](w T) key16 {
	var k [16]byte
	copy(k[:], w)
	return key16{binary.BigEndian.Uint64(k[:8]), binary.BigEndian.Uint64(k[8:])}
}

// beginning is a word's first four bytes as a number that orders as they
// do; ok is false for a shorter word.
func beginning(w string) (uint32, bool) {
	if len(w) < 4 {
		return 0, false
	}
	return uint32(w[0])<<24 | uint32(w[1])<<16 | uint32(w[2])<<8 | uint32(w[3]), true
}
