package binary

import (
	"os"
	"testing"
	"time"
)

// A measured run leaves no file behind, whether it ran or its caller gave
// up before reading what it cost.
func TestMeasuredLeavesNoFile(t *testing.T) {
	if gnuTime == "" {
		t.Skip("GNU time is not installed: a run makes no file")
	}
	gone := func(m *Measured) {
		t.Helper()
		if m.report == "" {
			t.Fatal("no report file under GNU time")
		}
		if err := m.Close(); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(m.report); !os.IsNotExist(err) {
			t.Errorf("%s left behind: %v", m.report, err)
		}
	}
	// The caller's own failure, before the run.
	gone(Command("true"))
	// A run measured to its end.
	m := Command("true")
	start := time.Now()
	if err := m.Run(); err != nil {
		t.Fatal(err)
	}
	if u := m.Usage(time.Since(start)); u.RSSKB <= 0 {
		t.Errorf("peak RSS %d KiB", u.RSSKB)
	}
	gone(m)
}
