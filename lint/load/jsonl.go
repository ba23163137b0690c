package load

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/msglint/msglint/lint"
)

// jsonlFormat is an inbox export, one JSON object a line (.jsonl, .ndjson);
// a large one is read in batches.
var jsonlFormat = &Format{
	Name: "jsonl", Exts: []string{".jsonl", ".ndjson"}, Walked: true,
	Guess: func(data []byte) bool {
		t, ok := startsJSON(data)
		if !ok {
			return false
		}
		first, rest, _ := bytes.Cut(t, []byte("\n"))
		return json.Valid(first) && len(bytes.TrimSpace(rest)) > 0
	},
	Unsafe: jsonUnsafe,
	Read:   func(o Options, src *lint.Source) ([]*lint.Message, error) { return loadJSONL(doc{src}, o.defaults()) },
	Stream: Options.StreamJSONL,
}

// loadJSONL reads an inbox export: one JSON object a line with at least a
// text. Keys msglint does not know (labels, timestamps, sources) are left
// alone, as exports carry many.
func loadJSONL(d doc, def defaults) ([]*lint.Message, error) {
	var msgs []*lint.Message
	data := d.src.Data
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
			root, err := parseJSON(d.src, line, off)
			if err != nil {
				return nil, err
			}
			m, err := d.jsonlMessage(root, n, def)
			if err != nil {
				return nil, err
			}
			msgs = append(msgs, m)
		}
		off = end + 1
	}
	return msgs, nil
}

func (d doc) jsonlMessage(root *node, n int, def defaults) (*lint.Message, error) {
	if root.kind != mapNode {
		return nil, d.errAt(root.off, "each line must be a JSON object with a text, not %s", root.kind)
	}
	text := root.get("text")
	if text == nil || text.kind != scalarNode || !text.str {
		return nil, d.errAt(root.off, "the object has no text string")
	}
	def, err := d.fileDefaults(root, def)
	if err != nil {
		return nil, err
	}
	id, _, err := d.scalar(root, "id")
	if err != nil {
		return nil, err
	}
	if id == "" {
		id = fmt.Sprintf("#%d", n)
	}
	m := &lint.Message{ID: id, Body: text.field(), Source: d.src, Offset: root.off}
	if m.QuickReplies, err = d.titles(root, "quick_replies", []string{"title", "payload", "content_type", "image_url"}); err != nil {
		return nil, err
	}
	if m.Buttons, err = d.titles(root, "buttons", []string{"title", "type", "url", "payload"}); err != nil {
		return nil, err
	}
	finish(m, def)
	return m, nil
}

// Line reads one JSON object of a streamed file, such as a transcript event
// with a text, as a message whose positions point into the file: line0 is the
// number of lines before it.
func (o Options) Line(path string, line []byte, line0 int) (*lint.Message, error) {
	src := &lint.Source{Path: path, Data: line, Line0: line0, Unsafe: jsonUnsafe}
	d := doc{src}
	root, err := parseJSON(src, line, 0)
	if err != nil {
		return nil, err
	}
	return d.jsonlMessage(root, line0+1, o.defaults())
}

// StreamJSONL reads a JSONL export in batches of messages, so a file of any
// size is checked in bounded memory: each message keeps only its own line.
// It stops at the first bad line with an error naming it.
func (o Options) StreamJSONL(path string, r io.Reader, batch int, each func([]*lint.Message)) (int, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	var msgs []*lint.Message
	total := 0
	for n := 1; sc.Scan(); n++ {
		line := sc.Bytes()
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		m, err := o.Line(path, bytes.Clone(line), n-1)
		if err != nil {
			if len(msgs) > 0 {
				each(msgs) // the good lines before it are still checked
			}
			return total, err
		}
		total++
		if n != total { // blank lines were skipped: number messages, not lines
			m.ID = strings.Replace(m.ID, fmt.Sprintf("#%d", n), fmt.Sprintf("#%d", total), 1)
		}
		msgs = append(msgs, m)
		if len(msgs) == batch {
			each(msgs)
			msgs = nil
		}
	}
	if len(msgs) > 0 {
		each(msgs)
	}
	if err := sc.Err(); err != nil {
		return total, &lint.InputError{Path: path, Msg: "cannot read: " + err.Error()}
	}
	return total, nil
}
