package lint

import "testing"

func TestApplyFixes(t *testing.T) {
	data := []byte("abcdef")
	got, n := ApplyFixes(data, []FileEdit{{4, 5, "E"}, {0, 1, ""}, {1, 3, "XY"}, {2, 4, "overlap"}, {9, 10, "beyond"}})
	if string(got) != "XYdEf" || n != 3 {
		t.Errorf("got %q, %d applied", got, n)
	}
}
