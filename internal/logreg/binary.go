package logreg

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"unsafe"
)

// The binary weights format, little-endian, so that a model is ready to
// score straight from the bytes (embedded in the program) without a parse,
// a table built or an allocation:
//
//	magic    "LGRW"
//	version  uint32 (3)
//	bias     float64
//	n        uint32: features
//	bits     uint32: the table has 2^bits slots, the fewest at least
//	         twice n (at least 2)
//	empty    uint64: the smallest number that is not a feature
//	table    2^bits × (feature uint64, weight float64)
//
// The table is an open-addressing hash table laid out when the model is
// written: each feature with its weight at the slot its number hashes to
// (slot) or after it, the features put in ascending order, and (empty, 0)
// in the other slots. A look-up reads a feature and its weight in one
// place, and a program that embeds the file touches only the pages of the
// slots it looks at: nothing is built or faulted in when it starts.
//
// The weights stay float64: float32 would change the scores. Version 1 kept
// each feature's name; version 2 the sorted features and their weights, of
// which every reader built the same table at run time.
const (
	binaryMagic   = "LGRW"
	binaryVersion = 3
	headerSize    = 4 + 4 + 8 + 4 + 4 + 8
	slotSize      = 16
	maxBits       = 31
)

// tableBits is the size of the table for n features, as a power of two:
// the fewest slots at least twice n, so at most half of them are taken.
func tableBits(n int) uint {
	bits := uint(1)
	for 1<<bits < 2*n {
		bits++
	}
	return bits
}

// slot is where a feature's search starts in a table of 2^(64-shift)
// slots: its number's high bits after a multiply by a constant (Fibonacci
// hashing), so numbers alike in their low bits spread too.
func slot(f Feature, shift uint) uint64 { return (f * 0x9e3779b97f4a7c15) >> shift }

// MarshalBinary writes the model in the binary weights format.
func (m *Model) MarshalBinary() ([]byte, error) {
	fs := make([]Feature, 0, len(m.Weights))
	for f := range m.Weights {
		fs = append(fs, f)
	}
	slices.Sort(fs)
	if uint64(len(fs)) >= 1<<(maxBits-1) {
		return nil, errors.New("too many features for the binary weights format")
	}
	bits := tableBits(len(fs))
	// The empty slots' feature is one no model has: the first number
	// from 0 up that is not a feature (the features are ascending).
	var empty Feature
	for _, f := range fs {
		if f != empty {
			break
		}
		empty++
	}
	table := make([]byte, slotSize<<bits)
	for at := 0; at < len(table); at += slotSize {
		binary.LittleEndian.PutUint64(table[at:], empty)
	}
	mask := uint64(1)<<bits - 1
	for _, f := range fs {
		at := slot(f, 64-bits)
		for binary.LittleEndian.Uint64(table[slotSize*at:]) != empty {
			at = (at + 1) & mask
		}
		binary.LittleEndian.PutUint64(table[slotSize*at:], f)
		binary.LittleEndian.PutUint64(table[slotSize*at+8:], math.Float64bits(m.Weights[f]))
	}
	out := make([]byte, 0, headerSize+len(table))
	out = append(out, binaryMagic...)
	out = binary.LittleEndian.AppendUint32(out, binaryVersion)
	out = binary.LittleEndian.AppendUint64(out, math.Float64bits(m.Bias))
	out = binary.LittleEndian.AppendUint32(out, uint32(len(fs)))
	out = binary.LittleEndian.AppendUint32(out, uint32(bits))
	out = binary.LittleEndian.AppendUint64(out, empty)
	return append(out, table...), nil
}

// Compiled is a model ready to score many items, read from the binary
// weights format. It holds the bytes it was read from and copies nothing
// of them: a look-up reads the table in them, and each feature with a
// weight has a place in it, so a caller can tell the features found apart
// by a small number.
type Compiled struct {
	Bias  float64
	n     int
	table []slotEntry
	empty Feature
	shift uint
}

// slotEntry is a feature and its weight in the table, as the format lays
// them out on a little-endian machine.
type slotEntry struct {
	f Feature
	w float64
}

// littleEndian: the table's bytes are its slotEntry values in memory.
var littleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// slotsOf is the table in b: b's bytes themselves where they are laid out
// as slotEntry values (a little-endian machine, b aligned for them), so
// that nothing is copied or faulted in; else a copy.
func slotsOf(b []byte) []slotEntry {
	n := len(b) / slotSize
	if littleEndian && uintptr(unsafe.Pointer(unsafe.SliceData(b)))%unsafe.Alignof(slotEntry{}) == 0 {
		return unsafe.Slice((*slotEntry)(unsafe.Pointer(unsafe.SliceData(b))), n)
	}
	t := make([]slotEntry, n)
	for i := range t {
		t[i] = slotEntry{binary.LittleEndian.Uint64(b[slotSize*i:]), math.Float64frombits(binary.LittleEndian.Uint64(b[slotSize*i+8:]))}
	}
	return t
}

// Read checks data in the binary weights format and returns the model it
// holds, which shares data's bytes (data must not change afterwards). A
// truncated or inconsistent file is an error, never a panic. Read looks at
// every slot; View reads bytes known to pass it.
func Read(data []byte) (*Compiled, error) {
	c, err := View(data)
	if err != nil {
		return nil, err
	}
	if err := c.check(); err != nil {
		return nil, err
	}
	return c, nil
}

// View returns the model in data after checking its header and its size
// only, touching none of its table: for bytes Read has accepted, such as
// weights built into the program and checked by a test. On other bytes
// its look-ups stay within the table and may answer wrong (or, in a table
// with no empty slot, not at all); it allocates nothing but the Compiled.
func View(data []byte) (*Compiled, error) {
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
	n := binary.LittleEndian.Uint32(data[16:])
	bits := binary.LittleEndian.Uint32(data[20:])
	if n >= 1<<(maxBits-1) {
		return nil, fmt.Errorf("%d features: too many", n)
	}
	if want := tableBits(int(n)); uint(bits) != want {
		return nil, fmt.Errorf("%d features with a table of 2^%d slots, not 2^%d", n, bits, want)
	}
	rest := data[headerSize:]
	if size := uint64(slotSize) << bits; uint64(len(rest)) != size {
		return nil, fmt.Errorf("a table of 2^%d slots needs %d bytes, %d follow the header", bits, size, len(rest))
	}
	c.n, c.table, c.shift = int(n), slotsOf(rest), uint(64-bits)
	c.empty = binary.LittleEndian.Uint64(data[24:])
	return c, nil
}

// check holds the table to what MarshalBinary writes: n features, each
// with a finite weight, found by a look-up where it is (so none twice),
// and empty the smallest number not among them, its slots weighing 0.
func (c *Compiled) check() error {
	found, below := 0, uint64(0)
	for at := range c.Slots() {
		f, w := c.entry(uint64(at))
		if f == c.empty {
			if w != 0 || math.Signbit(w) {
				return fmt.Errorf("empty slot %d: weight %v", at, w)
			}
			continue
		}
		if math.IsNaN(w) || math.IsInf(w, 0) {
			return fmt.Errorf("feature %#x: weight %v", f, w)
		}
		if got, _, ok := c.Slot(f); !ok || int(got) != at {
			return fmt.Errorf("feature %#x in slot %d: a look-up does not find it there", f, at)
		}
		found++
		if f < c.empty {
			below++
		}
	}
	if found != c.n {
		return fmt.Errorf("%d features in the table, the header says %d", found, c.n)
	}
	if below != c.empty {
		return fmt.Errorf("empty slots hold %#x, not the smallest number that is not a feature", c.empty)
	}
	return nil
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

// entry is the feature and weight in a slot.
func (c *Compiled) entry(at uint64) (Feature, float64) {
	e := &c.table[at]
	return e.f, e.w
}

// Slot returns the place of a feature in the model's table, below Slots,
// and its weight; ok is false for a feature the model gives no weight. A
// scorer tells the features found apart by their places. It allocates
// nothing.
func (c *Compiled) Slot(f Feature) (slot int32, weight float64, ok bool) {
	mask := uint64(len(c.table) - 1)
	for at := f * 0x9e3779b97f4a7c15 >> c.shift; ; at = (at + 1) & mask {
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

// Each calls f with every feature and its weight, in ascending order. It
// sorts them first: it is for tools, not for scoring.
func (c *Compiled) Each(f func(feature Feature, weight float64)) {
	type fw struct {
		f Feature
		w float64
	}
	all := make([]fw, 0, c.n)
	for at := range c.Slots() {
		if e, w := c.entry(uint64(at)); e != c.empty {
			all = append(all, fw{e, w})
		}
	}
	slices.SortFunc(all, func(a, b fw) int { return cmp.Compare(a.f, b.f) })
	for _, e := range all {
		f(e.f, e.w)
	}
}
