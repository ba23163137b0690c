package lint

import (
	"fmt"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

func TestApplyFixes(t *testing.T) {
	data := []byte("abcdef")
	got, n := ApplyFixes(data, []FileEdit{{4, 5, "E"}, {0, 1, ""}, {1, 3, "XY"}, {2, 4, "overlap"}, {9, 10, "beyond"}})
	if string(got) != "XYdEf" || n != 3 {
		t.Errorf("got %q, %d applied", got, n)
	}
}

// The fixes of a run's findings are allocated a block at a time: each
// finding keeps its own edit, whatever came after it, and checking a batch
// allocates far fewer than one object a fix.
func TestFixesInBlocks(t *testing.T) {
	rule := &Rule{Name: "fixer", Doc: Doc{Default: true}, New: func(*yaml.Node) (Check, error) {
		return func(p *Pass) {
			for i := range 3 {
				p.Report(Diagnostic{Span: Span{Start: i, End: i + 1}, Fix: &Edit{Span: Span{Start: i, End: i + 1}, New: p.Msg.ID}})
			}
		}, nil
	}}
	l, err := NewLinter([]*Rule{rule}, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var msgs []*Message
	data := []byte(strings.Repeat("abcd\n", 100))
	src := &Source{Path: "f.txt", Data: data}
	for i := range 100 {
		msgs = append(msgs, &Message{ID: fmt.Sprint(i), Body: Field{Text: "abcd", Map: LinearMap(4, 5*i)}, Source: src})
	}
	fs := l.CheckFile(msgs)
	if len(fs) != 300 {
		t.Fatalf("%d findings, want 300", len(fs))
	}
	for _, f := range fs {
		want := FileEdit{Start: f.Msg.Offset + 5*atoi(f.Msg.ID) + f.Span.Start, End: 5*atoi(f.Msg.ID) + f.Span.End, New: f.Msg.ID}
		if f.Fix == nil || *f.Fix != want {
			t.Fatalf("message %s %v: fix %v, want %v", f.Msg.ID, f.Span, f.Fix, want)
		}
	}
	batch := msgs[:50]
	allocs := testing.AllocsPerRun(20, func() { Recycle(l.CheckBatch(batch)) })
	// The rule allocates its 150 diagnostics' edits itself.
	if allocs-150 > 150/4 {
		t.Errorf("%.0f allocations checking 50 messages with 150 fixes, want the rule's 150 and a block of %d edits at a time", allocs, editBlock)
	}
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = 10*n + int(c-'0')
	}
	return n
}

// A message's first fixes are made in its own room; each is an edit of its
// own, never written again.
func TestNewFix(t *testing.T) {
	msgs := make([]Message, 2) // AllocsPerRun runs once more to warm up
	edits := make([]*Edit, 0, 2)
	run := 0
	if n := testing.AllocsPerRun(1, func() {
		m := &msgs[run]
		run++
		edits = append(edits[:0], m.NewFix(Span{0, 3}, "the"), m.NewFix(Span{4, 7}, "car"))
	}); n != 0 {
		t.Errorf("a message's first two fixes made %v allocations", n)
	}
	third := msgs[1].NewFix(Span{0, 7}, "the car")
	if *edits[0] != (Edit{Span{0, 3}, "the"}) || *edits[1] != (Edit{Span{4, 7}, "car"}) || *third != (Edit{Span{0, 7}, "the car"}) {
		t.Errorf("edits %v %v %v", *edits[0], *edits[1], *third)
	}
}
