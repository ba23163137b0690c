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
// Blank lines around a message are not part of it. Each message's defaults
// are filled in once all are read, on every core (finishAll).
func loadText(d doc, def defaults) []*lint.Message {
	var msgs []*lint.Message
	data := d.src.Data
	start := 0
	flush := func(end int) {
		chunk := data[start:end]
		lead := len(chunk) - len(bytes.TrimLeft(chunk, " \t\r\n"))
		body := bytes.TrimRight(chunk[lead:], " \t\r\n")
		if len(body) > 0 {
			s := start + lead
			// CRLF files: keep the text's lines LF-only, mapped to where each line starts.
			var b lint.MapBuilder
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
			m := &lint.Message{ID: "#" + strconv.Itoa(len(msgs)+1), Body: lint.Field{Text: string(text), Map: b.Map()}, Source: d.src, Offset: start + lead}
			msgs = append(msgs, m)
		}
	}
	for off := 0; off <= len(data); {
		end := bytes.IndexByte(data[off:], '\n')
		next := off + end + 1
		if end < 0 {
			end, next = len(data)-off, len(data)+1
		}
		if string(bytes.TrimRight(data[off:off+end], " \t\r")) == "---" {
			flush(off)
			start = min(next, len(data))
		}
		off = next
	}
	flush(len(data))
	finishAll(msgs, def)
	return msgs
}
