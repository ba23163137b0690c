package load

import (
	"bytes"
	"strconv"

	"github.com/msglint/msglint/lint"
)

// textFormat is plain text, messages separated by --- lines: read when
// named or included, and whatever no other format takes. A folder walk does
// not read .txt files by default: a requirements.txt is no library.
var textFormat = &Format{
	Name: "text", Exts: []string{".txt", ".text"},
	// A line break could make a --- line; the rest of heldBack is held back
	// too.
	Unsafe: heldBack,
	Read: func(o Options, src *lint.Source) ([]*lint.Message, error) {
		return loadText(doc{src}, o.defaults()), nil
	},
}

// loadText reads plain text: messages separated by a line holding only ---.
// Blank lines around a message are not part of it. The separators are found
// on one goroutine; each message is then made and its defaults filled in on
// every core (finishing): making them on the reading goroutine (a message, its
// text and source map each) was most of reading a file of many messages
// while the other cores waited.
func loadText(d doc, def defaults) []*lint.Message {
	data := d.src.Data
	var bodies [][2]int // each message's text, trimmed: its start and end in data
	start := 0
	cut := func(end int) {
		chunk := data[start:end]
		lead := len(chunk) - len(bytes.TrimLeft(chunk, " \t\r\n"))
		if body := bytes.TrimRight(chunk[lead:], " \t\r\n"); len(body) > 0 {
			bodies = append(bodies, [2]int{start + lead, start + lead + len(body)})
		}
	}
	for off := 0; off <= len(data); {
		end := bytes.IndexByte(data[off:], '\n')
		next := off + end + 1
		if end < 0 {
			end, next = len(data)-off, len(data)+1
		}
		if string(bytes.TrimRight(data[off:off+end], " \t\r")) == "---" {
			cut(off)
			start = min(next, len(data))
		}
		off = next
	}
	cut(len(data))
	msgs := make([]*lint.Message, len(bodies))
	finishing(len(msgs), func(i int) {
		m := textMessage(d, bodies[i][0], bodies[i][1], i+1)
		finish(m, def)
		msgs[i] = m
	})
	return msgs
}

// textMessage is the nth message of a text file, its text data[s:end].
func textMessage(d doc, s, end, n int) *lint.Message {
	body := d.src.Data[s:end]
	at := s
	if bytes.IndexByte(body, '\n') < 0 && body[len(body)-1] != '\r' {
		// One line, most messages: its text is its bytes, copied once,
		// and its map is linear, made with no builder's segment.
		return &lint.Message{ID: "#" + strconv.Itoa(n), Body: lint.Field{Text: string(body), Map: lint.LinearMap(len(body), s)}, Source: d.src, Offset: at}
	}
	var b lint.MapBuilder
	// CRLF files: keep the text's lines LF-only, mapped to where each line starts.
	text := make([]byte, 0, len(body))
	for len(body) > 0 {
		i := bytes.IndexByte(body, '\n')
		line := body
		if i >= 0 {
			line = body[:i]
		}
		ln := bytes.TrimSuffix(line, []byte("\r"))
		b.Verbatim(len(ln), s)
		text = append(text, ln...)
		if i < 0 {
			break
		}
		b.Escaped(1, s+len(ln), s+i+1)
		text = append(text, '\n')
		s += i + 1
		body = body[i+1:]
	}
	return &lint.Message{ID: "#" + strconv.Itoa(n), Body: lint.Field{Text: string(text), Map: b.Map()}, Source: d.src, Offset: at}
}
