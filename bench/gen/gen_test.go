package gen

import (
	"bytes"
	"encoding/json"
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

func TestTranscriptMixed(t *testing.T) {
	var old, none, mixed bytes.Buffer
	Transcript(&old, 2000, 3)
	TranscriptMixed(&none, 2000, 3, 0)
	if !bytes.Equal(old.Bytes(), none.Bytes()) {
		t.Fatal("a share of 0 changed the transcript")
	}
	TranscriptMixed(&mixed, 2000, 3, 0.3)
	seen := map[string]int{}
	lines := bytes.Split(bytes.TrimSuffix(mixed.Bytes(), []byte("\n")), []byte("\n"))
	if len(lines) != 2000 {
		t.Fatalf("%d events, want 2000", len(lines))
	}
	for _, l := range lines {
		var e struct{ Text string }
		if err := json.Unmarshal(l, &e); err != nil {
			t.Fatal(err)
		}
		seen[e.Text]++
	}
	once := 0
	for _, n := range seen {
		if n == 1 {
			once++
		}
	}
	// About 30 % fresh, each once; the saved texts are many times each.
	if once < 500 || once > 700 {
		t.Fatalf("%d texts sent once of 2000, want about 600", once)
	}
}
