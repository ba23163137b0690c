package policy

import (
	"bytes"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
	"unsafe"
)

// The reference packer: freeze and thaw as they were written first, walking
// a state's fields as reflect.Values one by one. The compiled coders
// (cold.go) are held to it byte for byte.

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

// field writes field i of struct v, whose line fields are line (kinds).
func (p *packer) refField(v reflect.Value, i int, line []bool) {
	if line[i] {
		p.line(v.Field(i).Int())
		return
	}
	p.refPack(v.Field(i))
}

// unfield reads field i of struct v, whose line fields are line (kinds).
func (p *packer) refUnfield(v reflect.Value, i int, line []bool) {
	if line[i] {
		open(v.Field(i)).SetInt(p.readLine())
		return
	}
	p.refUnpack(v.Field(i))
}

// records writes a list of records.
func (p *packer) refRecords(v reflect.Value) {
	var rest packer
	var ends []int // where each record's rest ends in rest.b
	line, placed := kinds(v.Type().Elem())
	for i := range v.Len() {
		el := v.Index(i)
		start := len(rest.b)
		rest.prev, rest.prevLine = 0, 0
		for f := range el.NumField() {
			if placed[f] {
				p.refField(el, f, line)
			} else {
				rest.refField(el, f, line)
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
func (p *packer) refUnrecords(s reflect.Value) {
	line, placed := kinds(s.Type().Elem())
	for i := range s.Len() {
		el := open(s.Index(i))
		for f := range el.NumField() {
			if placed[f] {
				p.refUnfield(el, f, line)
			}
		}
		same := int(p.readUvarint())
		if same == 0 {
			rest := packer{b: p.b}
			for f := range el.NumField() {
				if !placed[f] {
					rest.refUnfield(el, f, line)
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

func (p *packer) refPack(v reflect.Value) {
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
			p.refField(v, i, line)
		}
	case reflect.Array:
		if v.Type() == sketchType {
			p.sketch(open(v).Interface().(sketch))
			return
		}
		for i := range v.Len() {
			p.refPack(v.Index(i))
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
			p.refRecords(v)
			return
		}
		for i := range v.Len() {
			p.refPack(v.Index(i))
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
			p.refPack(k)
			p.refPack(e)
		}
	default:
		panic("policy: cannot pack a " + v.Type().String())
	}
}

func (p *packer) refUnpack(v reflect.Value) {
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
			p.refUnfield(v, i, line)
		}
	case reflect.Array:
		if v.Type() == sketchType {
			v.Set(reflect.ValueOf(p.readSketch()))
			return
		}
		for i := range v.Len() {
			p.refUnpack(v.Index(i))
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
			p.refUnrecords(s)
		default:
			for i := range s.Len() {
				p.refUnpack(s.Index(i))
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
			p.refUnpack(k)
			p.refUnpack(e)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	default:
		panic("policy: cannot unpack a " + v.Type().String())
	}
}

func init() { learnFields(stateType) }

// open makes a field read and set like an exported one. v is addressable.
func open(v reflect.Value) reflect.Value {
	if v.CanSet() {
		return v
	}
	return reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
}

// refFreeze is freeze by the reference packer.
func refFreeze(buf []byte, cv *State) []byte {
	p := packer{b: buf}
	p.refPack(reflect.ValueOf(cv).Elem())
	return p.b
}

// refThaw is thaw by the reference packer.
func refThaw(b []byte) *State {
	cv := new(State)
	u := packer{b: b}
	if u.refUnpack(reflect.ValueOf(cv).Elem()); len(u.b) != 0 {
		panic("policy: a frozen state has bytes left over")
	}
	return cv
}

// randomFill gives v random values: zero or not, nil, empty or short
// lists, records that repeat an earlier one but for their times and lines,
// times in several zones; maps hold at most one entry, whose order would
// otherwise differ between two packings.
func randomFill(v reflect.Value, rng *rand.Rand) {
	v = open(v)
	if rng.IntN(4) == 0 {
		return // the zero value
	}
	switch v.Kind() {
	case reflect.Bool:
		v.SetBool(true)
	case reflect.String:
		v.SetString([]string{"", "c1", "messenger", "Europe/Istanbul", "ğüşıöç"}[rng.IntN(5)])
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt([]int64{1, -1, 1 << 20, int64(rng.Uint32()), -int64(rng.Uint64() >> 1)}[rng.IntN(5)])
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(rng.Uint64())
	case reflect.Float32, reflect.Float64:
		v.SetFloat(rng.Float64() * 1000)
	case reflect.Pointer:
	case reflect.Struct:
		if v.Type() == timeType {
			zones := []*time.Location{time.UTC, time.FixedZone("", 3*3600), time.FixedZone("AZT", 4*3600), time.Local}
			at := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC).Add(time.Duration(rng.Int64N(int64(30 * 24 * time.Hour))))
			if rng.IntN(3) == 0 {
				at = at.Add(time.Duration(rng.IntN(1e9)))
			}
			v.Set(reflect.ValueOf(at.In(zones[rng.IntN(len(zones))])))
			return
		}
		for i := range v.NumField() {
			randomFill(v.Field(i), rng)
		}
	case reflect.Array:
		for i := range v.Len() {
			randomFill(v.Index(i), rng)
		}
	case reflect.Slice:
		n := rng.IntN(maxPrints + 1)
		s := reflect.MakeSlice(v.Type(), n, n)
		for i := range n {
			if i > 0 && isRecord(v.Type().Elem()) && rng.IntN(2) == 0 {
				// The same record as an earlier one, then new times
				// and lines.
				s.Index(i).Set(s.Index(rng.IntN(i)))
				line, placed := kinds(v.Type().Elem())
				for f := range s.Index(i).NumField() {
					if placed[f] || line[f] {
						randomFill(s.Index(i).Field(f), rng)
					}
				}
				continue
			}
			randomFill(s.Index(i), rng)
		}
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		if rng.IntN(2) == 0 {
			k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
			randomFill(k, rng)
			randomFill(e, rng)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	default:
		panic(v.Type().String())
	}
}

// The compiled coders write the bytes the reference packer writes, and
// each reads back what the other wrote, for random states: every field,
// zero or not, nil and empty lists, repeated records, times in every kind
// of zone.
func TestCodersPackAsReflection(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 74))
	var filled State
	seed := 0
	fill(reflect.ValueOf(&filled).Elem(), &seed)
	for _, m := range []map[string]Datum{filled.Given} {
		for k := range m {
			if len(m) > 1 {
				delete(m, k) // one entry: the order of two may differ
			}
		}
	}
	for k := range filled.Applied {
		if len(filled.Applied) > 1 {
			delete(filled.Applied, k)
		}
	}
	states := []State{{}, filled}
	for range 2000 {
		var st State
		randomFill(reflect.ValueOf(&st).Elem(), rng)
		st.zone = nil
		states = append(states, st)
	}
	for i := range states {
		st := &states[i]
		got, want := freeze(nil, st), refFreeze(nil, st)
		if !bytes.Equal(got, want) {
			t.Fatalf("state %d: compiled coders wrote\n%x\nthe reference\n%x", i, got, want)
		}
		if back := thaw(want); !reflect.DeepEqual(back, st) {
			t.Fatalf("state %d thawed differs:\n got %+v\nwant %+v", i, *back, *st)
		}
		if back := refThaw(got); !reflect.DeepEqual(back, st) {
			t.Fatalf("state %d thawed by the reference differs:\n got %+v\nwant %+v", i, *back, *st)
		}
	}
}

// refSketch is sketch as written first: each of the 256 bits tried.
func (p *packer) refSketch(s sketch) {
	p.uvarint(uint64(s.count()))
	for i := range 256 {
		if s[i/64]&(1<<(i%64)) != 0 {
			p.b = append(p.b, byte(i))
		}
	}
}

// A sketch is written as the reference writes it, its set bits in order,
// and read back.
func TestSketchPacksAsReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 4))
	for i := range 5000 {
		var s sketch
		for w := range s {
			switch i % 4 {
			case 0:
			case 1:
				s[w] = 1 << rng.IntN(64)
			case 2:
				s[w] = rng.Uint64()
			default:
				s[w] = ^uint64(0) >> rng.IntN(64)
			}
		}
		var got, want packer
		got.sketch(s)
		want.refSketch(s)
		if !bytes.Equal(got.b, want.b) {
			t.Fatalf("sketch %x: wrote %x, want %x", s, got.b, want.b)
		}
		if back := (&packer{b: got.b}).readSketch(); back != s {
			t.Fatalf("sketch %x read back as %x", s, back)
		}
	}
}
