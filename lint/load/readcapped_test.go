package load

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

func TestReadCapped(t *testing.T) {
	big := strings.Repeat("abcdefghij", 50_000) // 500 000 bytes: several chunks
	for _, c := range []struct {
		name  string
		in    string
		limit int64
		over  bool
	}{
		{"empty", "", 10, false},
		{"small", "hello", 10, false},
		{"exactly the cap", "0123456789", 10, false},
		{"one byte over", "0123456789x", 10, true},
		{"several chunks", big, int64(len(big)), false},
		{"several chunks, over", big, int64(len(big)) - 1, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			data, over, err := readCapped(strings.NewReader(c.in), c.limit)
			if err != nil || over != c.over {
				t.Fatalf("over %v, err %v; want over %v", over, err, c.over)
			}
			if !over && !bytes.Equal(data, []byte(c.in)) {
				t.Errorf("read %d bytes, want the %d given", len(data), len(c.in))
			}
		})
	}
	// A stream that never ends stops just past the cap.
	if _, over, err := readCapped(endless{}, 1<<20); !over || err != nil {
		t.Errorf("endless stream: over %v, err %v", over, err)
	}
}

type endless struct{}

func (endless) Read(p []byte) (int, error) { return len(p), nil }

var _ io.Reader = endless{}
