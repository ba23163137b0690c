package load

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkLoadLocale reads the same strings in each locale format.
func BenchmarkLoadLocale(b *testing.B) {
	const n = 5000
	text := func(i int) string {
		return fmt.Sprintf("Merhaba! Siparişiniz %d yolda, yarın sabah teslim edilecek.", i)
	}
	build := func(head, tail string, each func(i int) string) []byte {
		var s strings.Builder
		s.WriteString(head)
		for i := range n {
			s.WriteString(each(i))
		}
		s.WriteString(tail)
		return []byte(s.String())
	}
	inputs := []struct {
		name string
		data []byte
	}{
		{"locales/tr.json", build("{\n", "  \"end\": \"Son.\"\n}\n", func(i int) string { return fmt.Sprintf("  \"chat.k%d\": %q,\n", i, text(i)) })},
		{"tr.po", build("msgid \"\"\nmsgstr \"Language: tr\\n\"\n\n", "", func(i int) string {
			return fmt.Sprintf("msgctxt \"chat.k%d\"\nmsgid \"k%d\"\nmsgstr %q\n\n", i, i, text(i))
		})},
		{"values-tr/strings.xml", build("<resources>\n", "</resources>\n", func(i int) string {
			return fmt.Sprintf("    <string name=\"k%d\">%s</string>\n", i, text(i))
		})},
		{"tr.lproj/Localizable.strings", build("", "", func(i int) string { return fmt.Sprintf("\"k%d\" = %q;\n", i, text(i)) })},
		{"app_tr.arb", build("{\n  \"@@locale\": \"tr\",\n", "  \"end\": \"Son.\"\n}\n", func(i int) string { return fmt.Sprintf("  \"k%d\": %q,\n", i, text(i)) })},
		{"tr.xlf", build("<xliff version=\"1.2\"><file source-language=\"en\" target-language=\"tr\"><body>\n", "</body></file></xliff>\n", func(i int) string {
			return fmt.Sprintf("<trans-unit id=\"k%d\"><source>x</source><target>%s</target></trans-unit>\n", i, text(i))
		})},
	}
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			msgs := 0
			for b.Loop() {
				ms, err := Options{I18n: true}.File(in.name, in.data)
				if err != nil || len(ms) < n {
					b.Fatalf("%d messages, %v", len(ms), err)
				}
				msgs += len(ms)
			}
			b.ReportMetric(float64(msgs)/b.Elapsed().Seconds(), "msgs/s")
		})
	}
}
