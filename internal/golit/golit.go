// Package golit writes a value as Go source: a composite literal the
// compiler lays out in the binary, for data decoded ahead of time by a
// generator instead of at every start.
package golit

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// Literal is v as a Go expression in package pkg (whose own types are
// written without their package name). Maps are written with their keys
// sorted, so the same value gives the same bytes; a nil map or slice stays
// nil and an empty one empty; a struct's unexported and zero fields are left
// out. It supports the kinds decoded data has: structs, pointers to them,
// maps, slices, strings, integers and booleans.
func Literal(v any, pkg string) (string, error) {
	w := writer{pkg: pkg + "."}
	rv := reflect.ValueOf(v)
	w.typ(rv.Type())
	if err := w.value(rv, true); err != nil {
		return "", err
	}
	return w.b.String(), nil
}

type writer struct {
	b   bytes.Buffer
	pkg string
}

// typ writes a type as package pkg names it.
func (w *writer) typ(t reflect.Type) {
	w.b.WriteString(strings.ReplaceAll(t.String(), w.pkg, ""))
}

// value writes v; typed says its type has been written before it, or may
// be left out (an element of a slice or map).
func (w *writer) value(v reflect.Value, typed bool) error {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			w.b.WriteString("nil")
			return nil
		}
		if !typed {
			w.b.WriteByte('&')
			w.typ(v.Type().Elem())
		}
		return w.value(v.Elem(), true)
	case reflect.Struct:
		if !typed {
			w.typ(v.Type())
		}
		w.b.WriteString("{\n")
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if !f.IsExported() || v.Field(i).IsZero() {
				continue
			}
			fmt.Fprintf(&w.b, "%s: ", f.Name)
			if err := w.value(v.Field(i), false); err != nil {
				return err
			}
			w.b.WriteString(",\n")
		}
		w.b.WriteString("}")
	case reflect.Map:
		if v.IsNil() {
			w.b.WriteString("nil")
			return nil
		}
		if !typed {
			w.typ(v.Type())
		}
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
		w.b.WriteString("{\n")
		for _, k := range keys {
			if err := w.value(k, true); err != nil {
				return err
			}
			w.b.WriteString(": ")
			if err := w.value(v.MapIndex(k), true); err != nil {
				return err
			}
			w.b.WriteString(",\n")
		}
		w.b.WriteString("}")
	case reflect.Slice:
		if v.IsNil() {
			w.b.WriteString("nil")
			return nil
		}
		if !typed {
			w.typ(v.Type())
		}
		w.b.WriteString("{")
		for i := range v.Len() {
			if i > 0 {
				w.b.WriteString(", ")
			}
			if err := w.value(v.Index(i), true); err != nil {
				return err
			}
		}
		w.b.WriteString("}")
	case reflect.String:
		w.b.WriteString(strconv.Quote(v.String()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		w.b.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		w.b.WriteString(strconv.FormatUint(v.Uint(), 10))
	case reflect.Bool:
		w.b.WriteString(strconv.FormatBool(v.Bool()))
	default:
		return fmt.Errorf("golit: cannot write a %s", v.Kind())
	}
	return nil
}
