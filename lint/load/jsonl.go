package load

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

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
	Read:   func(o Options, src *lint.Source) ([]*lint.Message, error) { return o.loadJSONL(doc{src}, o.defaults()) },
	Stream: checkJSONL,
}

// loadJSONL reads an inbox export: one JSON object a line with at least a
// text. Keys msglint does not know (labels, timestamps, sources) are left
// alone, as exports carry many. A line that cannot be read is an error on
// that line; the other lines are still read.
func (o Options) loadJSONL(d doc, def defaults) ([]*lint.Message, error) {
	// The lines are found here, read on every core (jsonlLines), and
	// their messages and errors taken in file order.
	data := d.src.Data
	lines := make([]jsonlLine, 0, bytes.Count(data, []byte{'\n'})+1)
	for off, n := 0, 0; off < len(data); {
		end := bytes.IndexByte(data[off:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += off
		}
		if len(bytes.TrimSpace(data[off:end])) > 0 {
			n++
			lines = append(lines, jsonlLine{off: off, end: end, n: n})
		}
		off = end + 1
	}
	o.jsonlLines(d, lines, def)
	var msgs []*lint.Message
	p := problems{path: d.src.Path}
	for _, l := range lines {
		p.add(l.err)
		if l.m != nil {
			msgs = append(msgs, l.m)
		}
	}
	return msgs, p.err()
}

// jsonlLine is one non-blank line of an export read whole: where it is,
// its number among those lines, and its message or error once read.
type jsonlLine struct {
	off, end, n int
	m           *lint.Message
	err         error
}

// jsonlLines reads an export's lines, a chunk at a time on every core when
// there are many: each line's tree is made in its worker's nodes, reset
// after each line.
func (o Options) jsonlLines(d doc, lines []jsonlLine, def defaults) {
	// The lines' strings are cut from one copy of the file, made once,
	// not a copy a line: the messages keep the file's bytes alive all the
	// same, as their source.
	all := string(d.src.Data)
	read := func(nodes *Nodes, ls []jsonlLine) {
		// The chunk's messages are made in one slice, not one by one.
		room := make([]lint.Message, len(ls))
		for i := range ls {
			l := &ls[i]
			line := d.src.Data[l.off:l.end]
			l.m, l.err = o.jsonlLineInto(nodes, d, line, all[l.off:l.end], l.off, l.n, def, &room[i])
			nodes.Reset()
		}
	}
	inChunks(len(lines), streamLines, func() *Nodes { return new(Nodes) }, func(nodes *Nodes, lo, hi int) {
		read(nodes, lines[lo:hi])
	})
}

// jsonlLineIn reads one line, at file offset off, of an export: message
// n, its strings cut from text (the line as a string). The line's tree is
// made in a: a message keeps none of it, so a reader of many lines resets a
// after each.
func (o Options) jsonlLineIn(a *Nodes, d doc, line []byte, text string, off, n int, def defaults) (*lint.Message, error) {
	return o.jsonlLineInto(a, d, line, text, off, n, def, nil)
}

// jsonlLineInto is jsonlLineIn, its message made in m when m is not nil
// (a reader of many lines makes their messages in one slice): m is a zero
// message, as such a slice's are.
func (o Options) jsonlLineInto(a *Nodes, d doc, line []byte, text string, off, n int, def defaults, m *lint.Message) (*lint.Message, error) {
	if limit := o.maxMessage(); int64(len(line)) > limit {
		return nil, d.errAt(off, "line is %d bytes, over the message size cap of %s (max_message_size)", len(line), lint.Size(limit))
	}
	if m, ok := d.jsonlFlat(line, text, off, n, def, m); ok {
		return m, nil
	}
	root, err := parseJSONIn(a, d.src, line, text, off)
	if err != nil {
		return nil, err
	}
	return d.jsonlMessage(root, n, def, m)
}

// jsonlMessage reads a line's object as message n, made in m when m is not
// nil.
func (d doc) jsonlMessage(root *node, n int, def defaults, m *lint.Message) (*lint.Message, error) {
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
	if m == nil {
		m = new(lint.Message)
	}
	*m = lint.Message{ID: id, Body: text.field(), BodyUTF8: text.utf8, Source: d.src, Offset: root.off}
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
// number of lines before it. The message keeps line.
func (o Options) Line(path string, line []byte, line0 int) (*lint.Message, error) {
	l := ParseLine(path, line, line0)
	return o.Message(&l)
}

// JSONLine is one line of a streamed JSON-lines file, such as a transcript
// event, parsed once: its keys are read by name (Fields), and the message
// of its text is made from the same parse (Options.Message).
type JSONLine struct {
	src  *lint.Source
	root *node // nil when the line is not JSON as msglint reads it
	err  error
}

// ParseLine parses one line of the file at path, which line0 lines come
// before. It keeps line, which must not change after.
func ParseLine(path string, line []byte, line0 int) JSONLine {
	return (*Nodes)(nil).ParseLine(path, line, line0)
}

// ParseLine is the package's ParseLine with the line's nodes taken from a
// (nil: new ones): the line may be read until a is reset.
func (a *Nodes) ParseLine(path string, line []byte, line0 int) JSONLine {
	return a.ParseText(path, line, string(line), line0)
}

// ParseText is ParseLine with the line also as text, the same bytes, which
// the line's strings are cut from: a reader that made its own copy of the
// line, and never changes it, needs no second one.
func (a *Nodes) ParseText(path string, line []byte, text string, line0 int) JSONLine {
	src := &lint.Source{Path: path, Data: line, Line0: line0, Unsafe: jsonUnsafe}
	root, err := parseJSONIn(a, src, line, text, 0)
	return JSONLine{src: src, root: root, err: err}
}

// Nodes is memory for the trees of parsed lines, used again once they are
// done with: a reader of many small lines, done with each tree once it has
// read it (Reset), then allocates no nodes. A Nodes is for one goroutine.
type Nodes struct {
	nodes [][]node  // blocks of nodeBlock nodes
	ptrs  [][]*node // blocks of nodeBlock pointers, for the keys and values of objects
	n, p  int       // the blocks in use: the last of them partly
}

const nodeBlock = 1024

// node is a zero node, valid until a is reset.
func (a *Nodes) node() *node {
	if a.n == 0 || len(a.nodes[a.n-1]) == nodeBlock {
		if a.n == len(a.nodes) {
			a.nodes = append(a.nodes, make([]node, 0, nodeBlock))
		}
		a.n++
	}
	b := &a.nodes[a.n-1]
	*b = append(*b, node{})
	return &(*b)[len(*b)-1]
}

// pointers is room for an object's keys and values: 16 pointers, half for
// each; more than 8 keys grow out of it. A nil a makes them.
func (a *Nodes) pointers() []*node {
	if a == nil {
		return make([]*node, 0, 16)
	}
	if a.p == 0 || len(a.ptrs[a.p-1])+16 > nodeBlock {
		if a.p == len(a.ptrs) {
			a.ptrs = append(a.ptrs, make([]*node, 0, nodeBlock))
		}
		a.p++
	}
	b := &a.ptrs[a.p-1]
	n := len(*b)
	*b = (*b)[:n+16]
	clear((*b)[n:])
	return (*b)[n : n : n+16]
}

// Reset makes every node a gave out free for use again.
func (a *Nodes) Reset() {
	for i := range a.nodes[:a.n] {
		a.nodes[i] = a.nodes[i][:0]
	}
	for i := range a.ptrs[:a.p] {
		a.ptrs[i] = a.ptrs[i][:0]
	}
	a.n, a.p = 0, 0
}

// Data is the line as parsed.
func (l *JSONLine) Data() []byte { return l.src.Data }

// ValueKind is what a value of a JSONLine is, for a reader that takes
// strings only.
type ValueKind uint8

// Value kinds.
const (
	NullValue ValueKind = iota
	StringValue
	OtherValue // a number, true or false, a list or an object
)

// Keys is how many keys the line's object has; -1 when the line did not
// parse or is not an object. A line with a byte order mark parses, as
// parseJSON skips it.
func (l *JSONLine) Keys() int {
	if l.root == nil || l.root.kind != mapNode {
		return -1
	}
	return len(l.root.keys)
}

// Field is the object's key i, in file order, and its value: the decoded
// string, for a StringValue.
func (l *JSONLine) Field(i int) (key, value string, kind ValueKind) {
	k, v := l.root.keys[i], l.root.vals[i]
	switch {
	case v.kind == nullNode:
		return k.value, "", NullValue
	case v.kind == scalarNode && v.str:
		return k.value, v.value, StringValue
	}
	return k.value, "", OtherValue
}

// Message reads a parsed line as a message, as Line does.
func (o Options) Message(l *JSONLine) (*lint.Message, error) {
	d := doc{l.src}
	if limit := o.maxMessage(); int64(len(l.src.Data)) > limit {
		return nil, d.errAt(0, "line is %d bytes, over the message size cap of %s (max_message_size)", len(l.src.Data), lint.Size(limit))
	}
	if l.err != nil {
		return nil, l.err
	}
	return d.jsonlMessage(l.root, l.src.Line0+1, o.defaults(), nil)
}

// ErrLongLine is a line longer than a LineReader's Max; the reader has
// skipped to the next line.
var ErrLongLine = errors.New("line too long")

// LineReader reads lines of any length up to Max bytes, without the line
// break, each valid until the next call; a longer line is skipped, not
// held, and reported as ErrLongLine.
type LineReader struct {
	R   *bufio.Reader
	Max int
	buf []byte
}

// Next returns the next line, or io.EOF at the end.
func (l *LineReader) Next() ([]byte, error) {
	l.buf = l.buf[:0]
	long := false
	for {
		chunk, err := l.R.ReadSlice('\n')
		if err == nil && len(l.buf) == 0 && !long {
			// The whole line in the reader's buffer, as nearly every
			// line is: handed out from there, valid as long, not
			// copied first.
			line := bytes.TrimSuffix(bytes.TrimSuffix(chunk, []byte("\n")), []byte("\r"))
			if len(line) > l.Max {
				return nil, ErrLongLine
			}
			return line, nil
		}
		if !long && len(chunk) > 0 {
			if len(l.buf)+len(chunk) > l.Max+2 { // the line break may be \r\n
				long, l.buf = true, l.buf[:0]
			} else {
				l.buf = append(l.buf, chunk...)
			}
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF && (len(l.buf) > 0 || long):
			err = nil
		case err != nil:
			return nil, err
		}
		if long {
			return nil, ErrLongLine
		}
		line := bytes.TrimSuffix(bytes.TrimSuffix(l.buf, []byte("\n")), []byte("\r"))
		if len(line) > l.Max {
			return nil, ErrLongLine
		}
		return line, nil
	}
}
