package load

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/msglint/msglint/bench/gen"
	"github.com/msglint/msglint/lint"
)

// loadJSONLLineByLine is loadJSONL as first written: every line read in
// turn on one goroutine.
func (o Options) loadJSONLLineByLine(d doc, def defaults) ([]*lint.Message, error) {
	var msgs []*lint.Message
	p := problems{path: d.src.Path}
	data := d.src.Data
	var nodes Nodes
	for off, n := 0, 0; off < len(data); {
		end := bytes.IndexByte(data[off:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += off
		}
		line := data[off:end]
		if len(bytes.TrimSpace(line)) > 0 {
			n++
			m, err := o.jsonlLineIn(&nodes, d, line, string(line), off, n, def)
			nodes.Reset()
			p.add(err)
			if m != nil {
				msgs = append(msgs, m)
			}
		}
		off = end + 1
	}
	return msgs, p.err()
}

// An export read whole has its lines read on every core: the same messages,
// placed the same, and the same errors in the same order, as line by line.
// Lines without a language, blank, broken and over the size cap among them.
func TestJSONLWholeOnAllCores(t *testing.T) {
	var buf bytes.Buffer
	gen.JSONL(&buf, 3000, 2)
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	for i := range lines {
		switch i % 97 {
		case 5:
			lines[i] = strings.Replace(lines[i], `"lang":`, `"language":`, 1) // detected
		case 11:
			lines[i] = "   "
		case 23:
			lines[i] = lines[i][:len(lines[i])/2]
		case 41:
			lines[i] = `{"text": 5}`
		case 60:
			lines[i] = `{"text":"` + strings.Repeat("a", 1200) + `"}`
		}
	}
	data := []byte(strings.Join(lines, "\r\n") + "\n")
	o := Options{MaxMessage: 1000}
	want, wantErr := o.loadJSONLLineByLine(doc{&lint.Source{Path: "e.jsonl", Data: data}}, o.defaults())
	got, gotErr := o.loadJSONL(doc{&lint.Source{Path: "e.jsonl", Data: data}}, o.defaults())
	if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || wantErr == nil {
		t.Fatalf("errors:\n%v\nwant:\n%v", gotErr, wantErr)
	}
	if len(got) != len(want) || len(want) < 2500 {
		t.Fatalf("%d messages, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.ID != w.ID || g.Lang != w.Lang || g.LangDetected != w.LangDetected || g.Kind != w.Kind || g.Channel != w.Channel ||
			g.Body.Text != w.Body.Text || g.Offset != w.Offset || g.Body.Map.Start(1) != w.Body.Map.Start(1) || g.Body.Map.End(len(w.Body.Text)) != w.Body.Map.End(len(w.Body.Text)) {
			t.Fatalf("message %d: %+v\nwant %+v", i, *g, *w)
		}
	}
}
