package dict

import (
	"runtime"
	"testing"
)

// BenchmarkLoad measures what a whole list costs a run at worst: its
// header read by For (a look-up then decodes nothing; a chunked list was
// decompressed and indexed chunk by chunk, all of it in a long run).
// heap-MiB is the live heap the loaded dictionary holds (after a GC): the
// list is read where it is embedded, so almost none.
//
//	go test ./lint/dict -run '^$' -bench Load -benchmem
func BenchmarkLoad(b *testing.B) {
	full := func(lang string) *Dict {
		d, err := load(lang, loaders[lang].data)
		if err != nil {
			b.Fatal(err)
		}
		return d
	}
	for _, lang := range Langs() {
		b.Run(lang, func(b *testing.B) {
			for b.Loop() {
				full(lang)
			}
			b.StopTimer()
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			keep := full(lang)
			runtime.GC()
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "heap-MiB")
			b.ReportMetric(float64(keep.Len()), "words")
			runtime.KeepAlive(keep)
		})
	}
}

// BenchmarkFirstLookups measures what a short check pays: the header and
// the look-ups of the words of a few messages, with their suffix probes.
//
//	go test ./lint/dict -run '^$' -bench FirstLookups -benchmem
func BenchmarkFirstLookups(b *testing.B) {
	words := map[string][]string{
		"en": {"thanks", "order", "shipped", "tomorrow", "refund", "delivery", "sorry", "help", "account", "message"},
		"tr": {"teşekkürler", "siparişiniz", "kargoya", "verildi", "yarın", "iade", "yardımcı", "olabilir", "hesabınız", "mesaj"},
		"az": {"təşəkkür", "sifarişiniz", "göndərildi", "sabah", "qaytarma", "kömək", "bilərik", "hesabınız", "mesaj", "edirik"},
	}
	for _, lang := range Langs() {
		b.Run(lang, func(b *testing.B) {
			for b.Loop() {
				d, err := load(lang, loaders[lang].data)
				if err != nil {
					b.Fatal(err)
				}
				for _, w := range words[lang] {
					for i := len(w); i > 2; i-- {
						d.Has(w[:i])
					}
				}
			}
		})
	}
}

// BenchmarkHas measures one lookup of a mix of words: found, not found,
// capitalised and all caps (the slow paths try more than one form).
func BenchmarkHas(b *testing.B) {
	words := map[string][]string{
		"en": {"shipped", "recieve", "Colour", "CANCELLED", "refund", "it’s"},
		"tr": {"siparişiniz", "herkez", "İstanbul", "KARGONUZ", "hâlâ", "onaylayamıyoruz"},
		"az": {"sifarişiniz", "təşəkür", "Salam", "XAHİŞ", "çatdırılma", "gözləyin"},
	}
	for _, lang := range Langs() {
		d := mustFor(b, lang)
		ws := words[lang]
		b.Run(lang, func(b *testing.B) {
			i := 0
			for b.Loop() {
				d.Has(ws[i%len(ws)])
				i++
			}
		})
	}
}

// BenchmarkHasSpread looks up 4,096 words spread over the whole list, so
// that the caches hold little of it, as when checking real text.
func BenchmarkHasSpread(b *testing.B) {
	for _, lang := range Langs() {
		d := mustFor(b, lang)
		step := d.Len() / 4096
		var ws []string
		n := 0
		d.Each(func(w string) bool {
			if n%step == 0 {
				ws = append(ws, w)
			}
			n++
			return true
		})
		b.Run(lang, func(b *testing.B) {
			i := 0
			for b.Loop() {
				if !d.Has(ws[i%len(ws)]) {
					b.Fatal(ws[i%len(ws)])
				}
				i += 7
			}
		})
	}
}
