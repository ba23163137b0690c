package load

import (
	"bytes"
	"testing"

	"github.com/msglint/msglint/bench/gen"
	"github.com/msglint/msglint/lint"
)

// BenchmarkLoad reads the same generated messages in each input format.
func BenchmarkLoad(b *testing.B) {
	const n = 5000
	var jsonl, text bytes.Buffer
	gen.JSONL(&jsonl, n, 1)
	gen.Text(&text, n, 1)
	inputs := []struct {
		name string
		data []byte
	}{
		{"lib.yaml", gen.Library(n, 1)},
		{"export.jsonl", jsonl.Bytes()},
		{"messages.txt", text.Bytes()},
		{"lib.json", libraryJSON(jsonl.Bytes())},
		{"lib.csv", libraryCSV(jsonl.Bytes())},
	}
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			msgs := 0
			for b.Loop() {
				ms, err := Options{}.File(in.name, in.data)
				if err != nil || len(ms) != n {
					b.Fatalf("%d messages, %v", len(ms), err)
				}
				msgs += len(ms)
			}
			b.ReportMetric(float64(msgs)/b.Elapsed().Seconds(), "msgs/s")
		})
	}
	// A large export is read as a stream: lines in batches, parsed on
	// every core, handed on in file order.
	b.Run("export.jsonl/stream", func(b *testing.B) {
		b.SetBytes(int64(jsonl.Len()))
		b.ReportAllocs()
		msgs := 0
		for b.Loop() {
			got, err := Options{}.StreamJSONL("export.jsonl", bytes.NewReader(jsonl.Bytes()), streamLines, func([]*lint.Message) {})
			if err != nil || got != n {
				b.Fatalf("%d messages, %v", got, err)
			}
			msgs += got
		}
		b.ReportMetric(float64(msgs)/b.Elapsed().Seconds(), "msgs/s")
	})
	// The same read as a check streams it, each batch done with once its
	// findings are written: its messages are made again in a later batch.
	b.Run("export.jsonl/stream/done", func(b *testing.B) {
		b.SetBytes(int64(jsonl.Len()))
		b.ReportAllocs()
		msgs := 0
		for b.Loop() {
			got, err := checkJSONL(Options{}, "export.jsonl", bytes.NewReader(jsonl.Bytes()),
				func([]*lint.Message) []lint.Finding { return nil }, func([]lint.Finding) bool { return true })
			if err != nil || got != n {
				b.Fatalf("%d messages, %v", got, err)
			}
			msgs += got
		}
		b.ReportMetric(float64(msgs)/b.Elapsed().Seconds(), "msgs/s")
	})
}

// libraryJSON wraps the export's objects in a templates list.
func libraryJSON(jsonl []byte) []byte {
	lines := bytes.Split(bytes.TrimSpace(jsonl), []byte("\n"))
	return append(append([]byte(`{"templates":[`), bytes.Join(lines, []byte(",\n"))...), "]}"...)
}

// libraryCSV writes the export's texts as a one-column CSV.
func libraryCSV(jsonl []byte) []byte {
	var out bytes.Buffer
	out.WriteString("id,text\n")
	for i, line := range bytes.Split(bytes.TrimSpace(jsonl), []byte("\n")) {
		_, rest, _ := bytes.Cut(line, []byte(`"text":"`))
		text := bytes.TrimSuffix(rest, []byte(`"}`))
		out.WriteString("m")
		out.WriteString(string(rune('0' + i%10)))
		out.WriteString(`,"`)
		out.Write(bytes.ReplaceAll(text, []byte(`"`), []byte(`""`)))
		out.WriteString("\"\n")
	}
	return out.Bytes()
}
