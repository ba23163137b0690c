package dict

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"sync"

	"github.com/klauspost/compress/zstd"
)

// The compiled form is a sorted, front-coded word list cut into chunks of
// chunkEntries entries, each zstd-compressed on its own (zstd decompresses
// five times as fast as gzip). A chunk is decompressed the first time a
// look-up needs it, and a look-up whose first four bytes begin no word of
// the list needs none: a check of a small file reads a few hundred of the
// Turkish list's 1 327 chunks, not the whole list (1.4 million forms), and
// the thousand edits a suggestion tries mostly stop at that first test.
// Smaller chunks decompress less per look-up and compress worse: at 1 024
// words the Turkish file is 3.3 MB (2.0 MB as one frame), at 4 096 2.9 MB
// for twice the start-up work on a small mixed-language file.
// Sorted front coding keeps a chunk in one byte slice: no per-word
// allocation, no map, so loading it is one decompression plus one pass to
// index its blocks. A look-up is a binary search over the chunk heads, then
// over the chunk's block heads, and a short scan inside one block.
//
// Layout:
//
//	magic "msgldict3\n"
//	uvarint block size
//	uvarint count of ICONV pairs, then each as two uvarint-prefixed strings
//	uvarint word count
//	uvarint count of beginnings, then each as a uvarint difference from the
//	         one before: the first four bytes (big-endian) of the words of
//	         four bytes or more, sorted, once each
//	uvarint chunk count, then per chunk: uvarint entries, uvarint
//	         compressed length, uvarint-prefixed first word
//	the chunks' zstd frames, one after another; each holds its entries:
//	         uvarint shared-prefix length, uvarint suffixLen<<1|noSuggest,
//	         suffix bytes
//
// Every block-size-th entry of a chunk shares nothing with the one before
// it, so it can be read on its own: those are the block heads.

const (
	magic        = "msgldict3\n"
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
	// One frame per chunk, one goroutine: the same input gives the same
	// bytes, so a rebuild can be compared with the committed file.
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBestCompression), zstd.WithEncoderConcurrency(1))
	if err != nil {
		return err
	}
	var head, frames, raw bytes.Buffer
	var tmp [binary.MaxVarintLen64]byte
	uv := func(b *bytes.Buffer, n int) { b.Write(tmp[:binary.PutUvarint(tmp[:], uint64(n))]) }
	str := func(b *bytes.Buffer, s string) { uv(b, len(s)); b.WriteString(s) }

	head.WriteString(magic)
	uv(&head, blockSize)
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
	last := uint32(0)
	for _, b := range begins {
		uv(&head, int(b-last))
		last = b
	}
	uv(&head, (len(forms)+chunkEntries-1)/chunkEntries)
	for c := 0; c < len(forms); c += chunkEntries {
		part := forms[c:min(c+chunkEntries, len(forms))]
		raw.Reset()
		prev := ""
		for i, f := range part {
			if f.Word == "" {
				return errors.New("dict: empty word")
			}
			shared := 0
			if i%blockSize != 0 {
				shared = commonPrefix(prev, f.Word)
			}
			uv(&raw, shared)
			ns := 0
			if f.NoSuggest {
				ns = 1
			}
			uv(&raw, (len(f.Word)-shared)<<1|ns)
			raw.WriteString(f.Word[shared:])
			prev = f.Word
		}
		frame := enc.EncodeAll(raw.Bytes(), nil)
		uv(&head, len(part))
		uv(&head, len(frame))
		str(&head, part[0].Word)
		frames.Write(frame)
	}
	if _, err := w.Write(head.Bytes()); err != nil {
		return err
	}
	_, err = w.Write(frames.Bytes())
	return err
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

// list is a loaded compiled word list; its chunks are read on first use.
type list struct {
	count int
	bs    int
	iconv [][2]string
	// begins are the words' first four bytes: a word whose beginning is
	// not among them is not on the list, and its chunk need not be read.
	// Suggestions try a thousand edits of a word, most of them at its
	// start, which would otherwise read most chunks.
	begins []uint32
	heads  []string // each chunk's first word: the first binary search reads these
	starts []int    // the rank of each chunk's first entry
	frames [][]byte // each chunk compressed
	chunks []lazyChunk
	dec    *zstd.Decoder
}

// lazyChunk is one chunk, decompressed and indexed once, on first use.
type lazyChunk struct {
	once sync.Once
	c    *chunk
	err  error
}

// chunk is one decompressed chunk of a list.
type chunk struct {
	data   []byte   // the entries, uncompressed
	blocks []uint32 // offset in data of each block head
	keys   []key16  // first 16 bytes of each block head: the binary search reads these, not data
	count  int
	bs     int
}

// maxUncompressed bounds what a compiled file may expand to, so a corrupt
// or hostile file cannot exhaust memory.
const maxUncompressed = 256 << 20

// readList reads a compiled list: its header now, its chunks when needed.
func readList(r io.Reader) (*list, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("dict: %w", err)
	}
	return parseList(b)
}

var errCorrupt = errors.New("dict: corrupt compiled list")

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
	l := &list{}
	bs, ok := uv()
	if !ok || bs < 1 || bs > 1024 {
		return nil, errCorrupt
	}
	l.bs = bs
	n, ok := uv()
	if !ok {
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
	// Each chunk takes at least three bytes of header: a count above
	// that is corrupt, and is not allocated for.
	nb, ok := uv()
	if !ok || nb > l.count || nb > len(b)-p {
		return nil, errCorrupt
	}
	l.begins = make([]uint32, nb)
	last := uint64(0)
	for i := range l.begins {
		d, k := binary.Uvarint(b[p:])
		if k <= 0 || i > 0 && d == 0 || last+d > 1<<32-1 {
			return nil, errCorrupt
		}
		p += k
		last += d
		l.begins[i] = uint32(last)
	}
	nc, ok := uv()
	if !ok || nc > l.count || nc > (len(b)-p)/3 {
		return nil, errCorrupt
	}
	sizes := make([]int, nc)
	rank := 0
	for i := range nc {
		entries, ok1 := uv()
		size, ok2 := uv()
		h, ok3 := str()
		if !ok1 || !ok2 || !ok3 || entries < 1 || h == "" || i > 0 && h <= l.heads[i-1] {
			return nil, errCorrupt
		}
		l.heads = append(l.heads, h)
		l.starts = append(l.starts, rank)
		sizes[i] = size
		rank += entries
	}
	if rank != l.count {
		return nil, errCorrupt
	}
	for _, size := range sizes {
		if size > len(b)-p {
			return nil, errCorrupt
		}
		l.frames = append(l.frames, b[p:p+size])
		p += size
	}
	if p != len(b) {
		return nil, errCorrupt
	}
	l.chunks = make([]lazyChunk, nc)
	// One decoder for the list's life, decoding one chunk at a time
	// (chunks are small, so its buffers are too).
	var err error
	if l.dec, err = zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderLowmem(true), zstd.WithDecoderMaxMemory(maxUncompressed)); err != nil {
		return nil, fmt.Errorf("dict: %w", err)
	}
	return l, nil
}

// chunk returns chunk i, decompressing it on first use. A chunk that does
// not decode is empty (its words are unknown) and verify reports it; the
// embedded lists are checked whole by the package's tests.
func (l *list) chunk(i int) *chunk {
	lc := &l.chunks[i]
	lc.once.Do(func() {
		entries := l.count - l.starts[i]
		if i+1 < len(l.starts) {
			entries = l.starts[i+1] - l.starts[i]
		}
		raw, err := l.dec.DecodeAll(l.frames[i], nil)
		if err == nil {
			lc.c, err = parseChunk(raw, l.bs, entries, l.heads[i])
		}
		if err != nil {
			lc.c, lc.err = &chunk{bs: l.bs}, err
		}
	})
	return lc.c
}

// verify decompresses every chunk and reports the first that is corrupt.
func (l *list) verify() error {
	for i := range l.chunks {
		l.chunk(i)
		if err := l.chunks[i].err; err != nil {
			return fmt.Errorf("chunk %d: %w", i, err)
		}
	}
	return nil
}

// parseChunk indexes a decompressed chunk of count entries whose first word
// must be head.
func parseChunk(data []byte, bs, count int, head string) (*chunk, error) {
	if len(data) > maxUncompressed {
		return nil, errors.New("dict: compiled chunk too large")
	}
	// An entry takes at least two bytes.
	if count > len(data)/2 {
		return nil, errCorrupt
	}
	c := &chunk{data: data, count: count, bs: bs}
	c.blocks = make([]uint32, 0, count/bs+1)
	c.keys = make([]key16, 0, count/bs+1)
	// One pass checks every entry's lengths, so lookups need no bounds
	// checks beyond the slice's own.
	q, prevLen := 0, 0
	for i := 0; i < count; i++ {
		shared, k1 := binary.Uvarint(c.data[q:])
		if k1 <= 0 {
			return nil, errCorrupt
		}
		sl, k2 := binary.Uvarint(c.data[q+k1:])
		if k2 <= 0 {
			return nil, errCorrupt
		}
		sl >>= 1
		if shared > uint64(prevLen) || sl > uint64(len(c.data)-q-k1-k2) {
			return nil, errCorrupt
		}
		if i%bs == 0 {
			if shared != 0 {
				return nil, errCorrupt
			}
			c.blocks = append(c.blocks, uint32(q))
			s := q + k1 + k2
			c.keys = append(c.keys, makeKey(c.data[s:s+int(sl)]))
			if i == 0 && string(c.data[s:s+int(sl)]) != head {
				return nil, errCorrupt
			}
		}
		q += k1 + k2 + int(sl)
		prevLen = int(shared) + int(sl)
	}
	if q != len(c.data) {
		return nil, errCorrupt
	}
	return c, nil
}

// entry reads the entry at q: its shared prefix length, suffix, flag bit
// and the offset of the next entry.
func (c *chunk) entry(q int) (shared int, suffix []byte, noSuggest bool, next int) {
	s, k1 := binary.Uvarint(c.data[q:])
	v, k2 := binary.Uvarint(c.data[q+k1:])
	q += k1 + k2
	n := int(v >> 1)
	return int(s), c.data[q : q+n], v&1 == 1, q + n
}

// lookup reports whether word is on the list and, if so, whether it is
// marked no-suggest.
func (l *list) lookup(word string) (found, noSuggest bool) {
	if b, ok := beginning(word); ok && l != nil {
		if _, seen := slices.BinarySearch(l.begins, b); !seen {
			return false, false
		}
	}
	_, found, noSuggest = l.search(word)
	return found, noSuggest
}

// search returns the number of entries that sort before word, whether word
// is on the list, and its no-suggest bit.
func (l *list) search(word string) (rank int, found, noSuggest bool) {
	if l == nil {
		return 0, false, false
	}
	i := sort.Search(len(l.heads), func(i int) bool { return l.heads[i] > word }) - 1
	if i < 0 {
		return 0, false, false
	}
	rank, found, noSuggest = l.chunk(i).search(word)
	return l.starts[i] + rank, found, noSuggest
}

// search is list.search inside one chunk.
func (c *chunk) search(word string) (rank int, found, noSuggest bool) {
	if len(c.blocks) == 0 {
		return 0, false, false
	}
	// The last block whose head is <= word. Comparing 16-byte keys settles
	// almost every step without touching the (cache-cold) entry data; 8
	// bytes were not enough for Turkish, where 45% of block heads share
	// their first 8 bytes with the block before (siparişinizde...).
	wk := makeKey(word)
	i := sort.Search(len(c.blocks), func(i int) bool {
		if k := c.keys[i]; k != wk {
			return k.a > wk.a || k.a == wk.a && k.b > wk.b
		}
		_, head, _, _ := c.entry(int(c.blocks[i]))
		return compare(head, word) > 0
	}) - 1
	if i < 0 {
		return 0, false, false
	}
	var stack [64]byte
	cur := stack[:0]
	q := int(c.blocks[i])
	j := 0
	for ; j < c.bs && i*c.bs+j < c.count; j++ {
		shared, suf, ns, next := c.entry(q)
		cur = append(cur[:shared], suf...)
		switch cmp := compare(cur, word); {
		case cmp == 0:
			return i*c.bs + j, true, ns
		case cmp > 0:
			return i*c.bs + j, false, false
		}
		q = next
	}
	return i*c.bs + j, false, false
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
	for i := range l.chunks {
		c := l.chunk(i)
		q := 0
		for j := 0; j < c.count && len(c.blocks) > 0; j++ {
			shared, suf, ns, next := c.entry(q)
			cur = append(cur[:shared], suf...)
			if !fn(string(cur), ns) {
				return
			}
			q = next
		}
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
