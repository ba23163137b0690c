package morph

import (
	"bytes"
	"os"
	"reflect"
	"testing"
)

// compiled.go is the YAML decoded: a change to data/ without go generate
// fails here, and the analyzer built from either is the same.
func TestCompiledIsCurrent(t *testing.T) {
	want, err := CompiledSource()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("compiled.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("compiled.go is stale: run go generate ./lint/morph")
	}
	for _, lang := range Langs() {
		data, err := os.ReadFile("data/" + lang + ".yaml")
		if err != nil {
			t.Fatal(err)
		}
		parsed, err := Parse(lang, data)
		if err != nil {
			t.Fatal(err)
		}
		f := compiled(lang)
		if f == nil {
			t.Fatalf("%s: not compiled", lang)
		}
		built, err := build(lang, f)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(built, parsed) {
			t.Errorf("%s: the analyzer built from compiled.go differs from the one parsed from the YAML", lang)
		}
		fromFor, err := For(lang)
		if err != nil || !reflect.DeepEqual(fromFor, parsed) {
			t.Errorf("%s: For = %v, %v; want the parsed analyzer", lang, fromFor, err)
		}
	}
	if compiled("xx") != nil {
		t.Error("compiled(xx): want nil for a language without paradigms")
	}
}
