package gen

import (
	"bytes"
	"testing"
)

func TestDeterministic(t *testing.T) {
	a, b := Library(200, 7), Library(200, 7)
	if !bytes.Equal(a, b) {
		t.Fatal("same seed, different bytes")
	}
	if bytes.Equal(a, Library(200, 8)) {
		t.Fatal("different seeds, same bytes")
	}
	if n := bytes.Count(a, []byte("\n  - id: ")); n != 200 {
		t.Fatalf("%d templates, want 200", n)
	}
}

func TestTranscript(t *testing.T) {
	var a, b bytes.Buffer
	if err := Transcript(&a, 500, 3); err != nil {
		t.Fatal(err)
	}
	Transcript(&b, 500, 3)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("same seed, different bytes")
	}
	if n := bytes.Count(a.Bytes(), []byte("\n")); n != 500 {
		t.Fatalf("%d events, want 500", n)
	}
}
