package policy

import (
	"encoding/binary"
	"fmt"
	"math"
	"reflect"
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
)

func init() {
	if err := packable(stateType); err != nil {
		panic("policy: State cannot be frozen: " + err.Error())
	}
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
	return pack(buf, reflect.ValueOf(cv).Elem())
}

// thaw unpacks a state freeze packed.
func thaw(b []byte) *State {
	cv := new(State)
	if rest := unpack(b, reflect.ValueOf(cv).Elem()); len(rest) != 0 {
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

// The location of a packed time: most are UTC.
const (
	zeroTime byte = iota
	utcTime
	localTime
	fixedTime
)

func pack(b []byte, v reflect.Value) []byte {
	switch v.Kind() {
	case reflect.Bool:
		if v.Bool() {
			return append(b, 1)
		}
		return append(b, 0)
	case reflect.String:
		b = binary.AppendUvarint(b, uint64(v.Len()))
		return append(b, v.String()...)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return binary.AppendVarint(b, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return binary.AppendUvarint(b, v.Uint())
	case reflect.Float32, reflect.Float64:
		return binary.AppendUvarint(b, math.Float64bits(v.Float()))
	case reflect.Pointer:
		return b // the time zone cache, worked out again
	case reflect.Struct:
		if v.Type() == timeType {
			return packTime(b, open(v).Interface().(time.Time))
		}
		for i := range v.NumField() {
			b = pack(b, v.Field(i))
		}
		return b
	case reflect.Array:
		for i := range v.Len() {
			b = pack(b, v.Index(i))
		}
		return b
	case reflect.Slice:
		if v.IsNil() {
			return append(b, 0)
		}
		b = binary.AppendUvarint(b, uint64(v.Len())+1)
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return append(b, open(v).Bytes()...)
		}
		for i := range v.Len() {
			b = pack(b, v.Index(i))
		}
		return b
	case reflect.Map:
		if v.IsNil() {
			return append(b, 0)
		}
		b = binary.AppendUvarint(b, uint64(v.Len())+1)
		v = open(v)
		k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		for it := v.MapRange(); it.Next(); {
			k.Set(it.Key())
			e.Set(it.Value())
			b = pack(pack(b, k), e)
		}
		return b
	}
	panic("policy: cannot pack a " + v.Type().String())
}

func packTime(b []byte, t time.Time) []byte {
	if t == (time.Time{}) {
		return append(b, zeroTime)
	}
	switch loc := t.Location(); {
	case loc == time.UTC:
		b = append(b, utcTime)
	case loc == time.Local:
		b = append(b, localTime)
	default:
		name, offset := t.Zone()
		b = append(b, fixedTime)
		b = binary.AppendUvarint(b, uint64(len(name)))
		b = append(b, name...)
		b = binary.AppendVarint(b, int64(offset))
	}
	b = binary.AppendVarint(b, t.Unix())
	return binary.AppendUvarint(b, uint64(t.Nanosecond()))
}

func unpack(b []byte, v reflect.Value) []byte {
	v = open(v)
	switch v.Kind() {
	case reflect.Bool:
		v.SetBool(b[0] == 1)
		return b[1:]
	case reflect.String:
		n, w := binary.Uvarint(b)
		v.SetString(string(b[w : w+int(n)]))
		return b[w+int(n):]
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, w := binary.Varint(b)
		v.SetInt(n)
		return b[w:]
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, w := binary.Uvarint(b)
		v.SetUint(n)
		return b[w:]
	case reflect.Float32, reflect.Float64:
		n, w := binary.Uvarint(b)
		v.SetFloat(math.Float64frombits(n))
		return b[w:]
	case reflect.Pointer:
		return b
	case reflect.Struct:
		if v.Type() == timeType {
			t, rest := unpackTime(b)
			v.Set(reflect.ValueOf(t))
			return rest
		}
		for i := range v.NumField() {
			b = unpack(b, v.Field(i))
		}
		return b
	case reflect.Array:
		for i := range v.Len() {
			b = unpack(b, v.Index(i))
		}
		return b
	case reflect.Slice:
		n, w := binary.Uvarint(b)
		b = b[w:]
		if n == 0 {
			return b
		}
		s := reflect.MakeSlice(v.Type(), int(n-1), int(n-1))
		if v.Type().Elem().Kind() == reflect.Uint8 {
			b = b[copy(s.Bytes(), b):]
			v.Set(s)
			return b
		}
		for i := range s.Len() {
			b = unpack(b, s.Index(i))
		}
		v.Set(s)
		return b
	case reflect.Map:
		n, w := binary.Uvarint(b)
		b = b[w:]
		if n == 0 {
			return b
		}
		m := reflect.MakeMapWithSize(v.Type(), int(n-1))
		for range n - 1 {
			k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
			b = unpack(unpack(b, k), e)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
		return b
	}
	panic("policy: cannot unpack a " + v.Type().String())
}

func unpackTime(b []byte) (time.Time, []byte) {
	kind := b[0]
	b = b[1:]
	if kind == zeroTime {
		return time.Time{}, b
	}
	var loc *time.Location
	switch kind {
	case utcTime:
		loc = time.UTC
	case localTime:
		loc = time.Local
	default:
		n, w := binary.Uvarint(b)
		name := string(b[w : w+int(n)])
		b = b[w+int(n):]
		offset, w := binary.Varint(b)
		b = b[w:]
		loc = time.FixedZone(name, int(offset))
	}
	sec, w := binary.Varint(b)
	b = b[w:]
	nsec, w := binary.Uvarint(b)
	return time.Unix(sec, int64(nsec)).In(loc), b[w:]
}
