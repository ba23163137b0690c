package load

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/msglint/msglint/lint"
)

func TestLineReader(t *testing.T) {
	in := "short\r\n" + strings.Repeat("x", 40) + "\n\nexactly-10\nlast"
	l := LineReader{R: bufio.NewReaderSize(strings.NewReader(in), 16), Max: 10}
	var got []string
	for {
		line, err := l.Next()
		if err == io.EOF {
			break
		}
		if errors.Is(err, ErrLongLine) {
			got = append(got, "<long>")
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, string(line))
	}
	if d := cmp.Diff([]string{"short", "<long>", "", "exactly-10", "last"}, got); d != "" {
		t.Error(d)
	}
}

// TestStreamPastBadLines: a bad line and a line over the cap are errors on
// their lines, and every line after them is still read.
func TestStreamPastBadLines(t *testing.T) {
	data := "{\"text\":\"one\"}\n{\"text\": oops}\n{\"text\":\"" + strings.Repeat("a", 2000) + "\"}\n{\"text\":\"four\"}\n"
	var got []string
	o := Options{MaxMessage: 1024}
	n, err := o.StreamJSONL("e.jsonl", strings.NewReader(data), 10, func(ms []*lint.Message) {
		for _, m := range ms {
			l, _ := m.Source.Position(m.Body.Map.Start(0))
			got = append(got, fmt.Sprintf("%s %q %d", m.ID, m.Body.Text, l))
		}
	})
	if d := cmp.Diff([]string{`#1 "one" 1`, `#2 "four" 4`}, got); d != "" || n != 2 {
		t.Errorf("%d messages (-want +got):\n%s", n, d)
	}
	var msgs []string
	for _, e := range lint.Errors(err) {
		msgs = append(msgs, e.Error())
	}
	want := []string{
		"e.jsonl:2:10: invalid JSON: invalid character 'o' looking for beginning of value",
		"e.jsonl:3: line is longer than the message size cap of 1 KiB (max_message_size)",
	}
	if d := cmp.Diff(want, msgs); d != "" {
		t.Error(d)
	}
	// Read whole, the same file gives the same messages and errors.
	ms, err := o.File("e.jsonl", []byte(data))
	if len(ms) != 2 || len(lint.Errors(err)) != 2 || !strings.HasPrefix(lint.Errors(err)[1].Error(), "e.jsonl:3:1: line is 2011 bytes") {
		t.Errorf("whole: %d messages, %v", len(ms), err)
	}
}

// TestFixThroughSymlink: the link's target gets the fix and the link stays
// a link.
func TestFixThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.txt")
	os.WriteFile(target, []byte("old"), 0o600)
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink("real.txt", link); err != nil {
		t.Skip(err)
	}
	if err := (FileFix{Path: link, New: []byte("new")}).Write(); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(target); string(data) != "new" {
		t.Errorf("target holds %q", data)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link is no longer a link: %v %v", st.Mode(), err)
	}
	if st, _ := os.Stat(target); st.Mode().Perm() != 0o600 {
		t.Errorf("permissions %v", st.Mode().Perm())
	}
}

// TestEveryTemplateProblem: all of a template's problems, and the other
// templates still read.
func TestEveryTemplateProblem(t *testing.T) {
	data := "templates:\n  - lang: fr\n    kind: promoo\n    channel: telegram\n    text: hi\n    disable: [speling]\n  - text: fine\n"
	o := Options{KnownRule: func(n string) bool { return n == "spelling" }}
	ms, err := o.File("r.yaml", []byte(data))
	var got []string
	for _, e := range lint.Errors(err) {
		msg, _, _ := strings.Cut(e.Error(), " (") // the lists of what is known grow
		got = append(got, msg)
	}
	want := []string{
		`r.yaml:2:11: unsupported language "fr"`,
		`r.yaml:3:11: unknown kind "promoo"`,
		`r.yaml:4:14: unknown channel "telegram"`,
		`r.yaml:6:15: disable: unknown rule "speling"`,
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Error(d)
	}
	if len(ms) != 1 || ms[0].Body.Text != "fine" {
		t.Errorf("messages %v", ms)
	}
}
