package dict

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"

	"github.com/klauspost/compress/zstd"
)

// The compiled form is a sorted, front-coded word list, zstd-compressed
// (it decompresses five times as fast as gzip, and the Turkish list is
// most of a check's start-up).
// Sorted front coding keeps the whole Turkish list (1.4 million forms) in a
// few megabytes of one byte slice: no per-word allocation, no map, so load
// time is one decompression plus one pass to index the blocks. A lookup is
// a binary search over block heads and a short scan inside one block.
//
// Layout (after decompression):
//
//	magic "msgldict1\n"
//	uvarint block size
//	uvarint count of ICONV pairs, then each as two uvarint-prefixed strings
//	uvarint word count
//	entries: uvarint shared-prefix length, uvarint suffixLen<<1|noSuggest,
//	         suffix bytes
//
// Every block-size-th entry shares nothing with the one before it, so it
// can be read on its own: those are the block heads.

const (
	magic     = "msgldict1\n"
	blockSize = 16 // what Write uses; readers take the size from the file
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

	var raw bytes.Buffer
	bw := bufio.NewWriter(&raw)
	var tmp [binary.MaxVarintLen64]byte
	uv := func(n int) { bw.Write(tmp[:binary.PutUvarint(tmp[:], uint64(n))]) }
	str := func(s string) { uv(len(s)); bw.WriteString(s) }

	bw.WriteString(magic)
	uv(blockSize)
	uv(len(iconv))
	for _, p := range iconv {
		str(p[0])
		str(p[1])
	}
	uv(len(forms))
	prev := ""
	for i, f := range forms {
		if f.Word == "" {
			return errors.New("dict: empty word")
		}
		shared := 0
		if i%blockSize != 0 {
			shared = commonPrefix(prev, f.Word)
		}
		uv(shared)
		ns := 0
		if f.NoSuggest {
			ns = 1
		}
		uv((len(f.Word)-shared)<<1 | ns)
		bw.WriteString(f.Word[shared:])
		prev = f.Word
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	// One frame, one goroutine: the same input gives the same bytes, so
	// a rebuild can be compared with the committed file.
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBestCompression), zstd.WithEncoderConcurrency(1))
	if err != nil {
		return err
	}
	_, err = w.Write(enc.EncodeAll(raw.Bytes(), nil))
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

// list is a loaded compiled word list.
type list struct {
	data   []byte   // the entries, uncompressed
	blocks []uint32 // offset in data of each block head
	keys   []key16  // first 16 bytes of each block head: the binary search reads these, not data
	count  int
	bs     int // entries per block
	iconv  [][2]string
}

// maxUncompressed bounds what a compiled file may expand to, so a corrupt
// or hostile file cannot exhaust memory.
const maxUncompressed = 256 << 20

// readList reads a compiled list.
func readList(r io.Reader) (*list, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("dict: %w", err)
	}
	// A decoder of its own, closed after: a shared one would keep its
	// buffers, as large as the biggest list, for the whole run.
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(maxUncompressed))
	if err != nil {
		return nil, fmt.Errorf("dict: %w", err)
	}
	defer dec.Close()
	raw, err := dec.DecodeAll(b, nil)
	if err != nil {
		return nil, fmt.Errorf("dict: %w", err)
	}
	if len(raw) > maxUncompressed {
		return nil, errors.New("dict: compiled list too large")
	}
	return parseList(raw)
}

var errCorrupt = errors.New("dict: corrupt compiled list")

func parseList(b []byte) (*list, error) {
	if !bytes.HasPrefix(b, []byte(magic)) {
		return nil, errCorrupt
	}
	p := len(magic)
	uv := func() (int, bool) {
		n, k := binary.Uvarint(b[p:])
		if k <= 0 || n > uint64(len(b)) {
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
	l.data = b[p:]
	l.blocks = make([]uint32, 0, l.count/bs+1)
	l.keys = make([]key16, 0, l.count/bs+1)
	// One pass checks every entry's lengths, so lookups need no bounds
	// checks beyond the slice's own.
	q, prevLen := 0, 0
	for i := 0; i < l.count; i++ {
		shared, k1 := binary.Uvarint(l.data[q:])
		if k1 <= 0 {
			return nil, errCorrupt
		}
		sl, k2 := binary.Uvarint(l.data[q+k1:])
		if k2 <= 0 {
			return nil, errCorrupt
		}
		sl >>= 1
		if i%bs == 0 {
			if shared != 0 {
				return nil, errCorrupt
			}
			l.blocks = append(l.blocks, uint32(q))
			s := q + k1 + k2
			l.keys = append(l.keys, makeKey(l.data[s:min(s+int(sl), len(l.data))]))
		}
		if shared > uint64(prevLen) || sl > uint64(len(l.data)-q-k1-k2) {
			return nil, errCorrupt
		}
		q += k1 + k2 + int(sl)
		prevLen = int(shared) + int(sl)
	}
	if q != len(l.data) {
		return nil, errCorrupt
	}
	return l, nil
}

// entry reads the entry at q: its shared prefix length, suffix, flag bit
// and the offset of the next entry.
func (l *list) entry(q int) (shared int, suffix []byte, noSuggest bool, next int) {
	s, k1 := binary.Uvarint(l.data[q:])
	v, k2 := binary.Uvarint(l.data[q+k1:])
	q += k1 + k2
	n := int(v >> 1)
	return int(s), l.data[q : q+n], v&1 == 1, q + n
}

// lookup reports whether word is on the list and, if so, whether it is
// marked no-suggest.
func (l *list) lookup(word string) (found, noSuggest bool) {
	_, found, noSuggest = l.search(word)
	return found, noSuggest
}

// search returns the number of entries that sort before word, whether word
// is on the list, and its no-suggest bit.
func (l *list) search(word string) (rank int, found, noSuggest bool) {
	if l == nil || len(l.blocks) == 0 {
		return 0, false, false
	}
	// The last block whose head is <= word. Comparing 16-byte keys settles
	// almost every step without touching the (cache-cold) entry data; 8
	// bytes were not enough for Turkish, where 45% of block heads share
	// their first 8 bytes with the block before (siparişinizde...).
	wk := makeKey(word)
	i := sort.Search(len(l.blocks), func(i int) bool {
		if k := l.keys[i]; k != wk {
			return k.a > wk.a || k.a == wk.a && k.b > wk.b
		}
		_, head, _, _ := l.entry(int(l.blocks[i]))
		return compare(head, word) > 0
	}) - 1
	if i < 0 {
		return 0, false, false
	}
	var stack [64]byte
	cur := stack[:0]
	q := int(l.blocks[i])
	j := 0
	for ; j < l.bs && i*l.bs+j < l.count; j++ {
		shared, suf, ns, next := l.entry(q)
		cur = append(cur[:shared], suf...)
		switch c := compare(cur, word); {
		case c == 0:
			return i*l.bs + j, true, ns
		case c > 0:
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
	for i := 0; i < l.count; i++ {
		shared, suf, ns, next := l.entry(q)
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
