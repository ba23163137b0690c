package report

import (
	"bytes"
	"testing"

	"github.com/msglint/msglint/lint"
)

// writeOneByOne writes a result's findings through a stream one at a time,
// as a streamed check does.
func writeOneByOne(t *testing.T, f Format, r *Report) []byte {
	var b bytes.Buffer
	s, err := NewStream(&b, f, r)
	if err != nil {
		t.Fatal(err)
	}
	for _, fd := range r.Result.Findings {
		if err := s.Finding(fd); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// A large result's JSON is made into bytes on every core: the same bytes,
// in the same order, as written a finding at a time; a result with a
// severity JSON cannot write fails as it did.
func TestJSONOnAllCores(t *testing.T) {
	for _, n := range []int{0, 1, 2*writeChunk - 1, 2 * writeChunk, 2*writeChunk + 1, 9*writeChunk + 7} {
		res := result(n)
		for i := range res.Findings {
			if i%7 == 3 {
				res.Findings[i].Message = "a \"quoted\"\tline\nş \u2028 end"
				res.Findings[i].Msg = &lint.Message{ID: "k", Kind: lint.Bot, KindFrom: `key "bot"`}
			}
		}
		r := &Report{Result: res}
		var got bytes.Buffer
		if err := JSON.Write(&got, r); err != nil {
			t.Fatal(err)
		}
		if want := writeOneByOne(t, JSON, r); !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%d findings: the report differs from one written a finding at a time (%d bytes, want %d)", n, got.Len(), len(want))
		}
	}
	res := result(3 * writeChunk)
	res.Findings[2*writeChunk+5].Severity = 9
	var b bytes.Buffer
	if err := JSON.Write(&b, &Report{Result: res}); err == nil {
		t.Error("no error for a severity out of range")
	}
}
