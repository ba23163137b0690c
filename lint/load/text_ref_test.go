package load

import (
	"bytes"
	"reflect"
	"strconv"
	"testing"

	"github.com/msglint/msglint/lint"
)

// loadTextRef is loadText as it was before its messages were made on every
// core: one goroutine, in file order.
func loadTextRef(d doc, def defaults) []*lint.Message {
	var msgs []*lint.Message
	data := d.src.Data
	start := 0
	flush := func(end int) {
		chunk := data[start:end]
		lead := len(chunk) - len(bytes.TrimLeft(chunk, " \t\r\n"))
		body := bytes.TrimRight(chunk[lead:], " \t\r\n")
		if len(body) > 0 {
			s := start + lead
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
			finish(m, def)
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
	return msgs
}

// FuzzTextAsBefore holds loadText to loadTextRef: the same messages, texts,
// source maps, offsets and languages, for any bytes.
func FuzzTextAsBefore(f *testing.F) {
	for _, s := range []string{"", "a", "---", "a\r\n---\r\n\r\n b \r\n---", " ---\n--- \nx\n---\t\r\n\n", "Salam!\n---\nMerhaba\r\n\r\nnasılsın\n---\nHi"} {
		f.Add([]byte(s), false)
	}
	f.Fuzz(func(t *testing.T, data []byte, many bool) {
		if many { // past one chunk of messages, so that several goroutines make them
			data = bytes.Repeat(append(data, "\n---\n"...), 300)
		}
		src := lint.NewSource("f.txt", data)
		def := defaults{kind: lint.Promo}
		got, want := loadText(doc{src}, def), loadTextRef(doc{src}, def)
		if len(got) != len(want) {
			t.Fatalf("%d messages, want %d", len(got), len(want))
		}
		for i := range want {
			g, w := got[i], want[i]
			if g.ID != w.ID || g.Offset != w.Offset || g.Lang != w.Lang || g.LangDetected != w.LangDetected || g.Kind != w.Kind || g.Channel != w.Channel || g.Source != w.Source {
				t.Fatalf("message %d: %s @%d %s %v %s %s, want %s @%d %s %v %s %s", i, g.ID, g.Offset, g.Lang, g.LangDetected, g.Kind, g.Channel, w.ID, w.Offset, w.Lang, w.LangDetected, w.Kind, w.Channel)
			}
			if !reflect.DeepEqual(g.Body, w.Body) {
				t.Fatalf("message %d body %+v, want %+v", i, g.Body, w.Body)
			}
		}
	})
}
