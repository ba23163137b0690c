package logreg

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"math"
	"slices"
)

// The binary weights format, little-endian, so that a model is ready to
// score straight from the bytes (embedded in the program) without a parse
// or an allocation per feature:
//
//	magic   "LGRW"
//	version uint32 (1)
//	bias    float64
//	n       uint32: features
//	offsets (n+1) × uint32: where each name starts in names, then its end
//	weights n × float64, in the order of the names
//	names   the feature names, sorted bytewise and distinct, end to end
//
// The weights stay float64: float32 would change the scores.
const (
	binaryMagic   = "LGRW"
	binaryVersion = 1
	headerSize    = 4 + 4 + 8 + 4
)

// MarshalBinary writes the model in the binary weights format.
func (m *Model) MarshalBinary() ([]byte, error) {
	names := make([]string, 0, len(m.Weights))
	size := 0
	for f := range m.Weights {
		names = append(names, f)
		size += len(f)
	}
	slices.Sort(names)
	if uint64(size) > math.MaxUint32 || uint64(len(names)) >= math.MaxUint32/4 {
		return nil, errors.New("too many features for the binary weights format")
	}
	out := make([]byte, 0, headerSize+4*(len(names)+1)+8*len(names)+size)
	out = append(out, binaryMagic...)
	out = binary.LittleEndian.AppendUint32(out, binaryVersion)
	out = binary.LittleEndian.AppendUint64(out, math.Float64bits(m.Bias))
	out = binary.LittleEndian.AppendUint32(out, uint32(len(names)))
	at := uint32(0)
	for _, f := range names {
		out = binary.LittleEndian.AppendUint32(out, at)
		at += uint32(len(f))
	}
	out = binary.LittleEndian.AppendUint32(out, at)
	for _, f := range names {
		out = binary.LittleEndian.AppendUint64(out, math.Float64bits(m.Weights[f]))
	}
	for _, f := range names {
		out = append(out, f...)
	}
	return out, nil
}

// Compiled is a model ready to score many items, read from the binary
// weights format: each feature with a weight is numbered (in sorted
// order), so a caller can tell features apart without keeping their names.
// It holds the bytes it was read from and copies nothing; its one
// allocation is a hash table of feature numbers.
type Compiled struct {
	Bias    float64
	n       int
	offsets []byte // (n+1) × uint32
	weights []byte // n × float64
	names   []byte
	// slots is an open-addressing table, a power of two at least twice n
	// long: a feature's number plus one at the slot its name hashes to or
	// after, 0 for none. A scorer looks up every feature of every
	// message, and a binary search over the names took a third of its
	// time.
	slots []uint32
	seed  maphash.Seed
}

// Read checks data in the binary weights format and returns the model it
// holds, which shares data's bytes (data must not change afterwards). A
// truncated or inconsistent file is an error, never a panic.
func Read(data []byte) (*Compiled, error) {
	if len(data) < headerSize {
		return nil, fmt.Errorf("truncated: %d bytes, a header needs %d", len(data), headerSize)
	}
	if string(data[:4]) != binaryMagic {
		return nil, fmt.Errorf("not a weights file: starts with %q, not %q", data[:4], binaryMagic)
	}
	if v := binary.LittleEndian.Uint32(data[4:]); v != binaryVersion {
		return nil, fmt.Errorf("weights format version %d, this program reads %d", v, binaryVersion)
	}
	c := &Compiled{Bias: math.Float64frombits(binary.LittleEndian.Uint64(data[8:]))}
	if math.IsNaN(c.Bias) || math.IsInf(c.Bias, 0) {
		return nil, fmt.Errorf("bias is %v", c.Bias)
	}
	n := uint64(binary.LittleEndian.Uint32(data[16:]))
	rest := data[headerSize:]
	if fixed := 4*(n+1) + 8*n; uint64(len(rest)) < fixed {
		return nil, fmt.Errorf("truncated: %d features need %d bytes of offsets and weights, %d left", n, fixed, len(rest))
	}
	c.n = int(n)
	c.offsets, rest = rest[:4*(n+1)], rest[4*(n+1):]
	c.weights, c.names = rest[:8*n], rest[8*n:]
	if end := c.offset(c.n); c.offset(0) != 0 || uint64(end) != uint64(len(c.names)) {
		return nil, fmt.Errorf("names take bytes %d to %d, but %d follow the weights", c.offset(0), end, len(c.names))
	}
	var prev []byte
	for i := range c.n {
		from, to := c.offset(i), c.offset(i+1)
		if to < from || to > uint32(len(c.names)) {
			return nil, fmt.Errorf("feature %d: name at bytes %d to %d of %d", i, from, to, len(c.names))
		}
		name := c.names[from:to]
		if i > 0 && bytes.Compare(prev, name) >= 0 {
			return nil, fmt.Errorf("feature %d: name %q not after %q (names must be sorted and distinct)", i, name, prev)
		}
		prev = name
		if w := c.weight(i); math.IsNaN(w) || math.IsInf(w, 0) {
			return nil, fmt.Errorf("feature %q: weight %v", name, w)
		}
	}
	c.index()
	return c, nil
}

// index fills the hash table; the names are known to be distinct.
func (c *Compiled) index() {
	size := 1
	for size < 2*c.n {
		size <<= 1
	}
	c.slots = make([]uint32, size)
	c.seed = maphash.MakeSeed()
	mask := uint64(size - 1)
	for i := range c.n {
		at := maphash.Bytes(c.seed, c.name(i)) & mask
		for c.slots[at] != 0 {
			at = (at + 1) & mask
		}
		c.slots[at] = uint32(i + 1)
	}
}

// Compile makes a model ready to score, as if written and read back.
func (m *Model) Compile() (*Compiled, error) {
	data, err := m.MarshalBinary()
	if err != nil {
		return nil, err
	}
	return Read(data)
}

// Len is the number of features with a weight.
func (c *Compiled) Len() int { return c.n }

func (c *Compiled) offset(i int) uint32 { return binary.LittleEndian.Uint32(c.offsets[4*i:]) }

func (c *Compiled) weight(i int) float64 {
	return math.Float64frombits(binary.LittleEndian.Uint64(c.weights[8*i:]))
}

func (c *Compiled) name(i int) []byte { return c.names[c.offset(i):c.offset(i+1)] }

// Feature returns a feature's number and weight; ok is false for a
// feature the model gives no weight. It allocates nothing.
func (c *Compiled) Feature(name []byte) (n int32, weight float64, ok bool) {
	mask := uint64(len(c.slots) - 1)
	for at := maphash.Bytes(c.seed, name) & mask; c.slots[at] != 0; at = (at + 1) & mask {
		if i := int(c.slots[at] - 1); bytes.Equal(c.name(i), name) {
			return int32(i), c.weight(i), true
		}
	}
	return 0, 0, false
}

// Each calls f with every feature's name and weight, in sorted order.
func (c *Compiled) Each(f func(name string, weight float64)) {
	for i := range c.n {
		f(string(c.name(i)), c.weight(i))
	}
}
