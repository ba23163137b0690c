package policy

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"math/bits"
	"reflect"
	"strings"
	"time"
	"unsafe"
)

// A transcript may hold tens of thousands of conversations, most of them
// quiet long before the file ends; yet any of them may go on further down,
// so the loop can forget none. It keeps the conversations that moved lately
// as they are, and packs the others into bytes (freeze): every fact and line
// number kept, a few hundred bytes instead of the state's kilobyte and its
// lists, unpacked (thaw) when their conversation goes on.
//
// The packing walks the state's fields as reflection finds them, unexported
// ones too, so that a fact added to State is packed without anyone
// remembering to: TestFreezeKeepsEveryField fills every field and checks
// that it comes back. The walk is compiled once (coderOf): for each type, a
// function that packs a value of it at a pointer and one that unpacks it,
// so that a freeze reads each field at its offset rather than through a
// reflect.Value made for it, and boxes nothing.

var (
	timeType     = reflect.TypeFor[time.Time]()
	locationType = reflect.TypeFor[*time.Location]()
	stateType    = reflect.TypeFor[State]()
	sketchType   = reflect.TypeFor[sketch]()
)

// stateCoder packs and unpacks a State.
var stateCoder = func() *coder {
	if err := packable(stateType); err != nil {
		panic("policy: State cannot be frozen: " + err.Error())
	}
	return coderOf(stateType)
}()

// packable tells why a type cannot be packed, if it cannot: freeze knows
// plain data, times, and the time zone cache (left out, worked out again).
func packable(t reflect.Type) error {
	switch t.Kind() {
	case reflect.Bool, reflect.String, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return nil
	case reflect.Struct:
		if t == timeType {
			return nil
		}
		for i := range t.NumField() {
			if err := packable(t.Field(i).Type); err != nil {
				return fmt.Errorf("%s.%s: %v", t.Name(), t.Field(i).Name, err)
			}
		}
		return nil
	case reflect.Array, reflect.Slice:
		return packable(t.Elem())
	case reflect.Map:
		if err := packable(t.Key()); err != nil {
			return err
		}
		return packable(t.Elem())
	case reflect.Pointer:
		if t == locationType {
			return nil
		}
	}
	return fmt.Errorf("a %s cannot be packed", t)
}

// freeze packs a conversation's state into buf.
func freeze(buf []byte, cv *State) []byte {
	p := packer{b: buf}
	stateCoder.pack(&p, unsafe.Pointer(cv))
	return p.b
}

// thaw unpacks a state freeze packed.
func thaw(b []byte) *State {
	cv := new(State)
	u := packer{b: b}
	if stateCoder.unpack(&u, unsafe.Pointer(cv)); len(u.b) != 0 {
		panic("policy: a frozen state has bytes left over")
	}
	return cv
}

// coder packs a value of one type at a pointer into a packer, and unpacks
// one there from it.
type coder struct {
	pack   func(p *packer, at unsafe.Pointer)
	unpack func(p *packer, at unsafe.Pointer)
}

// coders are the coders compiled, by type; filled once, at start, then
// only read.
var coders = map[reflect.Type]*coder{}

// coderOf compiles the coder of a packable type: each value written as
// the kind of it says (see packer), fields and elements in order.
func coderOf(t reflect.Type) *coder {
	if c, ok := coders[t]; ok {
		return c
	}
	c := &coder{}
	coders[t] = c
	switch t.Kind() {
	case reflect.Bool:
		c.pack = func(p *packer, at unsafe.Pointer) {
			b := byte(0)
			if *(*bool)(at) {
				b = 1
			}
			p.b = append(p.b, b)
		}
		c.unpack = func(p *packer, at unsafe.Pointer) {
			*(*bool)(at) = p.b[0] == 1
			p.b = p.b[1:]
		}
	case reflect.String:
		c.pack = func(p *packer, at unsafe.Pointer) { p.str(*(*string)(at)) }
		c.unpack = func(p *packer, at unsafe.Pointer) { *(*string)(at) = p.readStr() }
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		size := t.Size()
		c.pack = func(p *packer, at unsafe.Pointer) { p.varint(loadInt(at, size)) }
		c.unpack = func(p *packer, at unsafe.Pointer) { storeUint(at, size, uint64(p.readVarint())) }
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		size := t.Size()
		c.pack = func(p *packer, at unsafe.Pointer) {
			n := loadUint(at, size)
			for i := range size {
				p.b = append(p.b, byte(n>>(8*i)))
			}
		}
		c.unpack = func(p *packer, at unsafe.Pointer) {
			var n uint64
			for i := range size {
				n |= uint64(p.b[i]) << (8 * i)
			}
			p.b = p.b[size:]
			storeUint(at, size, n)
		}
	case reflect.Float32:
		c.pack = func(p *packer, at unsafe.Pointer) { p.uvarint(math.Float64bits(float64(*(*float32)(at)))) }
		c.unpack = func(p *packer, at unsafe.Pointer) { *(*float32)(at) = float32(math.Float64frombits(p.readUvarint())) }
	case reflect.Float64:
		c.pack = func(p *packer, at unsafe.Pointer) { p.uvarint(math.Float64bits(*(*float64)(at))) }
		c.unpack = func(p *packer, at unsafe.Pointer) { *(*float64)(at) = math.Float64frombits(p.readUvarint()) }
	case reflect.Pointer:
		// the time zone cache, worked out again
		c.pack, c.unpack = func(*packer, unsafe.Pointer) {}, func(*packer, unsafe.Pointer) {}
	case reflect.Struct:
		if t == timeType {
			c.pack = func(p *packer, at unsafe.Pointer) { p.time(*(*time.Time)(at)) }
			c.unpack = func(p *packer, at unsafe.Pointer) { *(*time.Time)(at) = p.readTime() }
			break
		}
		fs := fieldsOf(t)
		c.pack = func(p *packer, at unsafe.Pointer) {
			for i := range fs {
				fs[i].pack(p, at)
			}
		}
		c.unpack = func(p *packer, at unsafe.Pointer) {
			for i := range fs {
				fs[i].unpack(p, at)
			}
		}
	case reflect.Array:
		if t == sketchType {
			c.pack = func(p *packer, at unsafe.Pointer) { p.sketch(*(*sketch)(at)) }
			c.unpack = func(p *packer, at unsafe.Pointer) { *(*sketch)(at) = p.readSketch() }
			break
		}
		el, n, size := coderOf(t.Elem()), uintptr(t.Len()), t.Elem().Size()
		c.pack = func(p *packer, at unsafe.Pointer) {
			for i := range n {
				el.pack(p, unsafe.Add(at, i*size))
			}
		}
		c.unpack = func(p *packer, at unsafe.Pointer) {
			for i := range n {
				el.unpack(p, unsafe.Add(at, i*size))
			}
		}
	case reflect.Slice:
		sliceCoder(c, t)
	case reflect.Map:
		mapCoder(c, t)
	default:
		panic("policy: cannot pack a " + t.String())
	}
	return c
}

// field is a field of a struct as a coder reads it: where it is, and
// whether it holds a line number (written by line) or is placed (see
// records).
type field struct {
	off, size    uintptr
	line, placed bool
	plain        bool // it holds no pointer: copied as bytes
	typ          reflect.Type
	coder        *coder
}

func fieldsOf(t reflect.Type) []field {
	fs := make([]field, t.NumField())
	for i := range fs {
		f := t.Field(i)
		fs[i] = field{off: f.Offset, size: f.Type.Size(), line: isLine(f), placed: f.Type == timeType || isLine(f),
			plain: !hasPointers(f.Type), typ: f.Type, coder: coderOf(f.Type)}
	}
	return fs
}

func (f *field) pack(p *packer, at unsafe.Pointer) {
	if f.line {
		p.line(int64(*(*int)(unsafe.Add(at, f.off))))
		return
	}
	f.coder.pack(p, unsafe.Add(at, f.off))
}

func (f *field) unpack(p *packer, at unsafe.Pointer) {
	if f.line {
		*(*int)(unsafe.Add(at, f.off)) = int(p.readLine())
		return
	}
	f.coder.unpack(p, unsafe.Add(at, f.off))
}

// copy sets the field of the struct at to that of the struct at from.
func (f *field) copy(at, from unsafe.Pointer) {
	if f.plain {
		copy(unsafe.Slice((*byte)(unsafe.Add(at, f.off)), f.size), unsafe.Slice((*byte)(unsafe.Add(from, f.off)), f.size))
		return
	}
	reflect.NewAt(f.typ, unsafe.Add(at, f.off)).Elem().Set(reflect.NewAt(f.typ, unsafe.Add(from, f.off)).Elem())
}

// hasPointers tells whether a value of t holds a pointer.
func hasPointers(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Array:
		return t.Len() > 0 && hasPointers(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if hasPointers(t.Field(i).Type) {
				return true
			}
		}
		return false
	case reflect.String, reflect.Slice, reflect.Map, reflect.Pointer, reflect.Interface, reflect.Func, reflect.Chan, reflect.UnsafePointer:
		return true
	}
	return false
}

func loadInt(at unsafe.Pointer, size uintptr) int64 {
	switch size {
	case 1:
		return int64(*(*int8)(at))
	case 2:
		return int64(*(*int16)(at))
	case 4:
		return int64(*(*int32)(at))
	}
	return *(*int64)(at)
}

func loadUint(at unsafe.Pointer, size uintptr) uint64 {
	switch size {
	case 1:
		return uint64(*(*uint8)(at))
	case 2:
		return uint64(*(*uint16)(at))
	case 4:
		return uint64(*(*uint32)(at))
	}
	return *(*uint64)(at)
}

// storeUint stores n's low size bytes at at (an int's too: reflect's SetInt
// keeps as many).
func storeUint(at unsafe.Pointer, size uintptr, n uint64) {
	switch size {
	case 1:
		*(*uint8)(at) = uint8(n)
	case 2:
		*(*uint16)(at) = uint16(n)
	case 4:
		*(*uint32)(at) = uint32(n)
	default:
		*(*uint64)(at) = n
	}
}

// sliceCoder compiles a slice type's coder: nil as 0, else its length
// plus one, then its bytes, its records (see records), or each element.
func sliceCoder(c *coder, t reflect.Type) {
	et := t.Elem()
	el, size := coderOf(et), et.Size()
	var fs []field
	record := isRecord(et)
	if record {
		fs = fieldsOf(et)
	}
	c.pack = func(p *packer, at unsafe.Pointer) {
		s := reflect.NewAt(t, at).Elem()
		data, n := s.UnsafePointer(), s.Len()
		if data == nil {
			p.uvarint(0)
			return
		}
		p.uvarint(uint64(n) + 1)
		switch {
		case et.Kind() == reflect.Uint8:
			p.b = append(p.b, unsafe.Slice((*byte)(data), n)...)
		case record:
			p.records(data, n, size, fs)
		default:
			for i := range uintptr(n) {
				el.pack(p, unsafe.Add(data, i*size))
			}
		}
	}
	c.unpack = func(p *packer, at unsafe.Pointer) {
		n := p.readUvarint()
		if n == 0 {
			return
		}
		s := reflect.MakeSlice(t, int(n-1), int(n-1))
		data := s.UnsafePointer()
		switch {
		case et.Kind() == reflect.Uint8:
			p.b = p.b[copy(unsafe.Slice((*byte)(data), n-1), p.b):]
		case record:
			p.unrecords(data, int(n-1), size, fs)
		default:
			for i := range uintptr(n - 1) {
				el.unpack(p, unsafe.Add(data, i*size))
			}
		}
		reflect.NewAt(t, at).Elem().Set(s)
	}
}

// mapCoder compiles a map type's coder: nil as 0, else its length plus
// one, then each key and its value, in the order the map gives them.
func mapCoder(c *coder, t reflect.Type) {
	kt, vt := t.Key(), t.Elem()
	kc, vc := coderOf(kt), coderOf(vt)
	c.pack = func(p *packer, at unsafe.Pointer) {
		m := reflect.NewAt(t, at).Elem()
		if m.IsNil() {
			p.uvarint(0)
			return
		}
		p.uvarint(uint64(m.Len()) + 1)
		k, v := reflect.New(kt), reflect.New(vt)
		for it := m.MapRange(); it.Next(); {
			k.Elem().Set(it.Key())
			v.Elem().Set(it.Value())
			kc.pack(p, k.UnsafePointer())
			vc.pack(p, v.UnsafePointer())
		}
	}
	c.unpack = func(p *packer, at unsafe.Pointer) {
		n := p.readUvarint()
		if n == 0 {
			return
		}
		m := reflect.MakeMapWithSize(t, int(n-1))
		for range n - 1 {
			k, v := reflect.New(kt), reflect.New(vt)
			kc.unpack(p, k.UnsafePointer())
			vc.unpack(p, v.UnsafePointer())
			m.SetMapIndex(k.Elem(), v.Elem())
		}
		reflect.NewAt(t, at).Elem().Set(m)
	}
}

// packer writes a state's fields one after the other, or reads them back.
// Times are written as the seconds from the previous time written, which
// in a conversation are few; line numbers (the int fields named so) as the
// lines from the previous line written, as few; sketches as the bits they
// have set; unsigned numbers, the fingerprints' hashes, in their size,
// which is shorter than a varint of a hash.
type packer struct {
	b        []byte
	prev     int64 // the previous time's Unix seconds
	prevLine int64 // the previous line number other than 0
}

// isLine tells whether a struct field holds a line number.
func isLine(f reflect.StructField) bool {
	return f.Type.Kind() == reflect.Int && (f.Name == "line" || strings.HasSuffix(f.Name, "Line"))
}

// A list of records (a conversation's fingerprints, its questions) holds
// the same few texts' figures again and again, each at another time and
// line: a record is written as its times and lines (its placed fields),
// then the rest of it
// either written out or as the number of an earlier record of the list
// whose rest is the same. The rest is written alone, not from the times
// and lines before it, so that the same rest is the same bytes.

// isRecord tells whether a list's elements are records: structs of plain
// values, which a copy shares nothing of.
func isRecord(t reflect.Type) bool {
	var plain func(t reflect.Type) bool
	plain = func(t reflect.Type) bool {
		switch t.Kind() {
		case reflect.Slice, reflect.Map, reflect.Pointer:
			return false
		case reflect.Array:
			return plain(t.Elem())
		case reflect.Struct:
			if t == timeType {
				return true
			}
			for i := range t.NumField() {
				if !plain(t.Field(i).Type) {
					return false
				}
			}
		}
		return true
	}
	return t.Kind() == reflect.Struct && t != timeType && plain(t)
}

// records writes a list of n records of size bytes at data, whose fields
// are fs.
func (p *packer) records(data unsafe.Pointer, n int, size uintptr, fs []field) {
	var rest packer
	var endsBuf [maxPrints]int
	ends := endsBuf[:0] // where each record's rest ends in rest.b
	for i := range n {
		el := unsafe.Add(data, uintptr(i)*size)
		start := len(rest.b)
		rest.prev, rest.prevLine = 0, 0
		for f := range fs {
			if fs[f].placed {
				fs[f].pack(p, el)
			} else {
				fs[f].pack(&rest, el)
			}
		}
		same := 0 // the number of the earlier record with the same rest, from 1
		for j := range i {
			from := 0
			if j > 0 {
				from = ends[j-1]
			}
			if bytes.Equal(rest.b[from:ends[j]], rest.b[start:]) {
				same = j + 1
				break
			}
		}
		p.uvarint(uint64(same))
		if same == 0 {
			p.b = append(p.b, rest.b[start:]...)
		}
		ends = append(ends, len(rest.b))
	}
}

// unrecords reads a list of n records of size bytes, whose fields are fs,
// into data.
func (p *packer) unrecords(data unsafe.Pointer, n int, size uintptr, fs []field) {
	for i := range n {
		el := unsafe.Add(data, uintptr(i)*size)
		for f := range fs {
			if fs[f].placed {
				fs[f].unpack(p, el)
			}
		}
		same := int(p.readUvarint())
		if same == 0 {
			rest := packer{b: p.b}
			for f := range fs {
				if !fs[f].placed {
					fs[f].unpack(&rest, el)
				}
			}
			p.b = rest.b
			continue
		}
		from := unsafe.Add(data, uintptr(same-1)*size)
		for f := range fs {
			if !fs[f].placed {
				fs[f].copy(el, from)
			}
		}
	}
}

// line writes a line number: 0 (none) as itself, another as the distance
// from the previous one.
func (p *packer) line(n int64) {
	if n == 0 {
		p.uvarint(0)
		return
	}
	p.uvarint(zigzag(n-p.prevLine) + 1)
	p.prevLine = n
}

func (p *packer) readLine() int64 {
	d := p.readUvarint()
	if d == 0 {
		return 0
	}
	p.prevLine += unzigzag(d - 1)
	return p.prevLine
}

// The location of a packed time: most are UTC.
const (
	zeroTime = iota
	utcTime
	localTime
	fixedTime
)

func (p *packer) uvarint(n uint64) { p.b = binary.AppendUvarint(p.b, n) }
func (p *packer) varint(n int64)   { p.b = binary.AppendVarint(p.b, n) }
func (p *packer) str(s string) {
	p.uvarint(uint64(len(s)))
	p.b = append(p.b, s...)
}

// time writes a time as one number: the seconds from the previous time,
// its location's kind, and whether nanoseconds follow; then a fixed
// zone's name and offset, and the nanoseconds.
func (p *packer) time(t time.Time) {
	if t == (time.Time{}) {
		p.uvarint(zeroTime)
		return
	}
	kind, name, offset := fixedTime, "", 0
	switch loc := t.Location(); {
	case loc == time.UTC:
		kind = utcTime
	case loc == time.Local:
		kind = localTime
	default:
		name, offset = t.Zone()
	}
	sec, nsec := t.Unix(), t.Nanosecond()
	head := uint64(zigzag(sec-p.prev))<<3 | uint64(kind)<<1
	if nsec != 0 {
		head |= 1
	}
	p.prev = sec
	p.uvarint(head)
	if kind == fixedTime {
		p.str(name)
		p.varint(int64(offset))
	}
	if nsec != 0 {
		p.uvarint(uint64(nsec))
	}
}

// sketch writes the count of bits set, then each bit's place.
func (p *packer) sketch(s sketch) {
	p.uvarint(uint64(s.count()))
	for w, word := range s {
		for ; word != 0; word &= word - 1 {
			p.b = append(p.b, byte(w*64+bits.TrailingZeros64(word)))
		}
	}
}

func zigzag(n int64) uint64   { return uint64(n<<1) ^ uint64(n>>63) }
func unzigzag(n uint64) int64 { return int64(n>>1) ^ -int64(n&1) }

func (p *packer) readUvarint() uint64 {
	n, w := binary.Uvarint(p.b)
	p.b = p.b[w:]
	return n
}

func (p *packer) readVarint() int64 {
	n, w := binary.Varint(p.b)
	p.b = p.b[w:]
	return n
}

func (p *packer) readStr() string {
	n := p.readUvarint()
	s := string(p.b[:n])
	p.b = p.b[n:]
	return s
}

func (p *packer) readTime() time.Time {
	head := p.readUvarint()
	kind := int(head >> 1 & 3)
	if kind == zeroTime {
		return time.Time{}
	}
	sec := p.prev + unzigzag(head>>3)
	p.prev = sec
	loc := time.UTC
	switch kind {
	case localTime:
		loc = time.Local
	case fixedTime:
		name := p.readStr()
		loc = time.FixedZone(name, int(p.readVarint()))
	}
	var nsec int64
	if head&1 != 0 {
		nsec = int64(p.readUvarint())
	}
	return time.Unix(sec, nsec).In(loc)
}

func (p *packer) readSketch() sketch {
	var s sketch
	n := p.readUvarint()
	for _, i := range p.b[:n] {
		s[i/64] |= 1 << (i % 64)
	}
	p.b = p.b[n:]
	return s
}
