package logreg

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
)

// The binary weights format, little-endian, so that a model is ready to
// score straight from the bytes (embedded in the program) without a parse
// or an allocation per feature:
//
//	magic    "LGRW"
//	version  uint32 (2)
//	bias     float64
//	n        uint32: features
//	features n × uint64, ascending and distinct
//	weights  n × float64, in the order of the features
//
// The weights stay float64: float32 would change the scores. Version 1 kept
// each feature's name; a scorer had to build every name to look it up.
const (
	binaryMagic   = "LGRW"
	binaryVersion = 2
	headerSize    = 4 + 4 + 8 + 4
)

// MarshalBinary writes the model in the binary weights format.
func (m *Model) MarshalBinary() ([]byte, error) {
	fs := make([]Feature, 0, len(m.Weights))
	for f := range m.Weights {
		fs = append(fs, f)
	}
	slices.Sort(fs)
	if uint64(len(fs)) >= math.MaxUint32/16 {
		return nil, errors.New("too many features for the binary weights format")
	}
	out := make([]byte, 0, headerSize+16*len(fs))
	out = append(out, binaryMagic...)
	out = binary.LittleEndian.AppendUint32(out, binaryVersion)
	out = binary.LittleEndian.AppendUint64(out, math.Float64bits(m.Bias))
	out = binary.LittleEndian.AppendUint32(out, uint32(len(fs)))
	for _, f := range fs {
		out = binary.LittleEndian.AppendUint64(out, f)
	}
	for _, f := range fs {
		out = binary.LittleEndian.AppendUint64(out, math.Float64bits(m.Weights[f]))
	}
	return out, nil
}

// Compiled is a model ready to score many items, read from the binary
// weights format: each feature with a weight has an index (in ascending
// order), so a caller can tell the features found apart by a small number.
// It holds the bytes it was read from and copies nothing of them; its
// allocations are a hash table of the features with their weights, and
// the features' indices beside it.
type Compiled struct {
	Bias     float64
	n        int
	features []byte // n × uint64
	weights  []byte // n × float64
	// table is an open-addressing table, a power of two at least twice n
	// long: each feature with its weight at the slot its number hashes
	// to or after, empty (a feature no model has) at the others. A scorer
	// looks up every feature of every message, most of them there: a
	// feature and its weight are read in one place, not in three.
	table []slotEntry
	empty Feature
	// index is each slot's feature's index, read by Feature only.
	index []uint32
	shift uint
}

// slotEntry is a feature and its weight in the table.
type slotEntry struct {
	f Feature
	w float64
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
	if size := 16 * n; uint64(len(rest)) != size {
		return nil, fmt.Errorf("%d features need %d bytes of features and weights, %d follow the header", n, size, len(rest))
	}
	c.n = int(n)
	c.features, c.weights = rest[:8*n], rest[8*n:]
	for i := range c.n {
		if i > 0 && c.feature(i-1) >= c.feature(i) {
			return nil, fmt.Errorf("feature %d: %#x not above %#x (features must be ascending and distinct)", i, c.feature(i), c.feature(i-1))
		}
		if w := c.weight(i); math.IsNaN(w) || math.IsInf(w, 0) {
			return nil, fmt.Errorf("feature %#x: weight %v", c.feature(i), w)
		}
	}
	c.fill()
	return c, nil
}

// fill makes the hash table; the features are known to be distinct.
func (c *Compiled) fill() {
	bits := uint(1)
	for 1<<bits < 2*c.n {
		bits++
	}
	// The empty slots' feature is one no model has: the first number
	// from 0 up that is not a feature (the features are ascending).
	for i := range c.n {
		if c.feature(i) != c.empty {
			break
		}
		c.empty++
	}
	c.table = make([]slotEntry, 1<<bits)
	c.index = make([]uint32, 1<<bits)
	for i := range c.table {
		c.table[i].f = c.empty
	}
	c.shift = 64 - bits
	mask := uint64(len(c.table) - 1)
	for i := range c.n {
		f := c.feature(i)
		at := c.slot(f)
		for c.table[at].f != c.empty {
			at = (at + 1) & mask
		}
		c.table[at] = slotEntry{f, c.weight(i)}
		c.index[at] = uint32(i)
	}
}

// slot is where a feature's search starts: its number's high bits after a
// multiply by a constant (Fibonacci hashing), so numbers alike in their low
// bits spread too.
func (c *Compiled) slot(f Feature) uint64 { return (f * 0x9e3779b97f4a7c15) >> c.shift }

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

func (c *Compiled) feature(i int) Feature { return binary.LittleEndian.Uint64(c.features[8*i:]) }

func (c *Compiled) weight(i int) float64 {
	return math.Float64frombits(binary.LittleEndian.Uint64(c.weights[8*i:]))
}

// Feature returns a feature's index and weight; ok is false for a feature
// the model gives no weight. It allocates nothing.
func (c *Compiled) Feature(f Feature) (i int32, weight float64, ok bool) {
	if at, w, ok := c.Slot(f); ok {
		return int32(c.index[at]), w, true
	}
	return 0, 0, false
}

// Slot returns the place of a feature in the model's table, below Slots,
// and its weight; ok is false for a feature the model gives no weight. A
// scorer that only tells the features found apart reads the place, as it
// finds it, where Feature reads the index beside it. It allocates nothing.
func (c *Compiled) Slot(f Feature) (slot int32, weight float64, ok bool) {
	mask := uint64(len(c.table) - 1)
	for at := c.slot(f); ; at = (at + 1) & mask {
		e := &c.table[at]
		if e.f == f {
			return int32(at), e.w, f != c.empty
		}
		if e.f == c.empty {
			return 0, 0, false
		}
	}
}

// Slots is the size of the table: every place Slot returns is below it.
func (c *Compiled) Slots() int { return len(c.table) }

// Each calls f with every feature and its weight, in ascending order.
func (c *Compiled) Each(f func(feature Feature, weight float64)) {
	for i := range c.n {
		f(c.feature(i), c.weight(i))
	}
}
