package policy

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
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
// The packing walks the state's fields by reflection, unexported ones too,
// so that a fact added to State is packed without anyone remembering to:
// TestFreezeKeepsEveryField fills every field and checks that it comes back.

var (
	timeType     = reflect.TypeFor[time.Time]()
	locationType = reflect.TypeFor[*time.Location]()
	stateType    = reflect.TypeFor[State]()
	sketchType   = reflect.TypeFor[sketch]()
)

func init() {
	if err := packable(stateType); err != nil {
		panic("policy: State cannot be frozen: " + err.Error())
	}
	learnFields(stateType)
}

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
	p.pack(reflect.ValueOf(cv).Elem())
	return p.b
}

// thaw unpacks a state freeze packed.
func thaw(b []byte) *State {
	cv := new(State)
	u := packer{b: b}
	if u.unpack(reflect.ValueOf(cv).Elem()); len(u.b) != 0 {
		panic("policy: a frozen state has bytes left over")
	}
	return cv
}

// open makes a field read and set like an exported one. v is addressable.
func open(v reflect.Value) reflect.Value {
	if v.CanSet() {
		return v
	}
	return reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
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

// fieldKinds are, for each struct type of a state, which of its fields
// hold line numbers and which are placed (see records): worked out once,
// as reading a field's name and type by reflection takes longer than
// packing it.
var fieldKinds = map[reflect.Type]struct{ line, placed []bool }{}

// kinds are a struct type's field kinds.
func kinds(t reflect.Type) (line, placed []bool) {
	k := fieldKinds[t]
	return k.line, k.placed
}

// learnFields fills fieldKinds for t and the struct types in it.
func learnFields(t reflect.Type) {
	switch t.Kind() {
	case reflect.Array, reflect.Slice:
		learnFields(t.Elem())
	case reflect.Map:
		learnFields(t.Key())
		learnFields(t.Elem())
	case reflect.Struct:
		if _, ok := fieldKinds[t]; ok || t == timeType {
			return
		}
		var k struct{ line, placed []bool }
		for i := range t.NumField() {
			f := t.Field(i)
			k.line = append(k.line, isLine(f))
			k.placed = append(k.placed, f.Type == timeType || isLine(f))
			learnFields(f.Type)
		}
		fieldKinds[t] = k
	}
}

// isLine tells whether a struct field holds a line number.
func isLine(f reflect.StructField) bool {
	return f.Type.Kind() == reflect.Int && (f.Name == "line" || strings.HasSuffix(f.Name, "Line"))
}

// field writes field i of struct v, whose line fields are line (kinds).
func (p *packer) field(v reflect.Value, i int, line []bool) {
	if line[i] {
		p.line(v.Field(i).Int())
		return
	}
	p.pack(v.Field(i))
}

// unfield reads field i of struct v, whose line fields are line (kinds).
func (p *packer) unfield(v reflect.Value, i int, line []bool) {
	if line[i] {
		open(v.Field(i)).SetInt(p.readLine())
		return
	}
	p.unpack(v.Field(i))
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

// records writes a list of records.
func (p *packer) records(v reflect.Value) {
	var rest packer
	var ends []int // where each record's rest ends in rest.b
	line, placed := kinds(v.Type().Elem())
	for i := range v.Len() {
		el := v.Index(i)
		start := len(rest.b)
		rest.prev, rest.prevLine = 0, 0
		for f := range el.NumField() {
			if placed[f] {
				p.field(el, f, line)
			} else {
				rest.field(el, f, line)
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

// unrecords reads a list of records into s.
func (p *packer) unrecords(s reflect.Value) {
	line, placed := kinds(s.Type().Elem())
	for i := range s.Len() {
		el := open(s.Index(i))
		for f := range el.NumField() {
			if placed[f] {
				p.unfield(el, f, line)
			}
		}
		same := int(p.readUvarint())
		if same == 0 {
			rest := packer{b: p.b}
			for f := range el.NumField() {
				if !placed[f] {
					rest.unfield(el, f, line)
				}
			}
			p.b = rest.b
			continue
		}
		from := open(s.Index(same - 1))
		for f := range el.NumField() {
			if !placed[f] {
				open(el.Field(f)).Set(open(from.Field(f)))
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

func (p *packer) pack(v reflect.Value) {
	switch v.Kind() {
	case reflect.Bool:
		p.b = append(p.b, 0)
		if v.Bool() {
			p.b[len(p.b)-1] = 1
		}
	case reflect.String:
		p.str(v.String())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		p.varint(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		for i := range v.Type().Size() {
			p.b = append(p.b, byte(v.Uint()>>(8*i)))
		}
	case reflect.Float32, reflect.Float64:
		p.uvarint(math.Float64bits(v.Float()))
	case reflect.Pointer:
		// the time zone cache, worked out again
	case reflect.Struct:
		if v.Type() == timeType {
			p.time(open(v).Interface().(time.Time))
			return
		}
		line, _ := kinds(v.Type())
		for i := range v.NumField() {
			p.field(v, i, line)
		}
	case reflect.Array:
		if v.Type() == sketchType {
			p.sketch(open(v).Interface().(sketch))
			return
		}
		for i := range v.Len() {
			p.pack(v.Index(i))
		}
	case reflect.Slice:
		if v.IsNil() {
			p.uvarint(0)
			return
		}
		p.uvarint(uint64(v.Len()) + 1)
		if v.Type().Elem().Kind() == reflect.Uint8 {
			p.b = append(p.b, open(v).Bytes()...)
			return
		}
		if isRecord(v.Type().Elem()) {
			p.records(v)
			return
		}
		for i := range v.Len() {
			p.pack(v.Index(i))
		}
	case reflect.Map:
		if v.IsNil() {
			p.uvarint(0)
			return
		}
		p.uvarint(uint64(v.Len()) + 1)
		v = open(v)
		k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		for it := v.MapRange(); it.Next(); {
			k.Set(it.Key())
			e.Set(it.Value())
			p.pack(k)
			p.pack(e)
		}
	default:
		panic("policy: cannot pack a " + v.Type().String())
	}
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
	for i := range 256 {
		if s[i/64]&(1<<(i%64)) != 0 {
			p.b = append(p.b, byte(i))
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

func (p *packer) unpack(v reflect.Value) {
	v = open(v)
	switch v.Kind() {
	case reflect.Bool:
		v.SetBool(p.b[0] == 1)
		p.b = p.b[1:]
	case reflect.String:
		v.SetString(p.readStr())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(p.readVarint())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		var n uint64
		size := int(v.Type().Size())
		for i := range size {
			n |= uint64(p.b[i]) << (8 * i)
		}
		p.b = p.b[size:]
		v.SetUint(n)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(math.Float64frombits(p.readUvarint()))
	case reflect.Pointer:
	case reflect.Struct:
		if v.Type() == timeType {
			v.Set(reflect.ValueOf(p.readTime()))
			return
		}
		line, _ := kinds(v.Type())
		for i := range v.NumField() {
			p.unfield(v, i, line)
		}
	case reflect.Array:
		if v.Type() == sketchType {
			v.Set(reflect.ValueOf(p.readSketch()))
			return
		}
		for i := range v.Len() {
			p.unpack(v.Index(i))
		}
	case reflect.Slice:
		n := p.readUvarint()
		if n == 0 {
			return
		}
		s := reflect.MakeSlice(v.Type(), int(n-1), int(n-1))
		switch {
		case v.Type().Elem().Kind() == reflect.Uint8:
			p.b = p.b[copy(s.Bytes(), p.b):]
		case isRecord(v.Type().Elem()):
			p.unrecords(s)
		default:
			for i := range s.Len() {
				p.unpack(s.Index(i))
			}
		}
		v.Set(s)
	case reflect.Map:
		n := p.readUvarint()
		if n == 0 {
			return
		}
		m := reflect.MakeMapWithSize(v.Type(), int(n-1))
		for range n - 1 {
			k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
			p.unpack(k)
			p.unpack(e)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	default:
		panic("policy: cannot unpack a " + v.Type().String())
	}
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
