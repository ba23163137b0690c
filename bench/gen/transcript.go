package gen

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"time"
)

var (
	customerTexts = []string{"Hi, where is my order?", "Merhaba, siparişim nerede?", "Salam, sifarişim haradadır?",
		"Can I change the size?", "Bir müşteri temsilcisi ile görüşmek istiyorum.", "Operatorla danışmaq istəyirəm."}
	brandTexts = []string{"Hi! Your order ships today.", "Merhaba! Siparişiniz yarın teslim edilecek.",
		"Salam! Sifarişiniz sabah çatdırılacaq.", "Your ticket is closed.", "Spring sale: 20% off, shop now at luma.example/sale",
		"Thanks for waiting, have a great day!"}
	transcriptChannels = []string{"messenger", "messenger", "instagram", "whatsapp"}
)

// Transcript writes a JSONL transcript of n events: conversations of 2 to 40
// events on Messenger, Instagram and WhatsApp, each in time order, with
// replies fast and slow, sends after the window closed, tags and promotions.
// Its texts are a dozen saved replies and stock questions, sent again and
// again: see TranscriptMixed for texts that are not.
func Transcript(w io.Writer, n int, seed uint64) error {
	return TranscriptMixed(w, n, seed, 0)
}

// TranscriptMixed is Transcript with a share of its texts (0 to 1) written
// afresh: one to five of the export's sentences in the event's language
// and a reference number no other event has, so no such text is sent
// twice, as a real inbox's typed replies and questions are not. The rest are
// the saved replies and stock questions. A share of 0 draws nothing more
// and writes Transcript's bytes.
func TranscriptMixed(w io.Writer, n int, seed uint64, fresh float64) error {
	r := rand.New(rand.NewPCG(seed, seed^0x5bd1e995))
	written := 0 // fresh texts so far: each one's reference number
	bw := bufio.NewWriterSize(w, 1<<20)
	start := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	for conv := 0; n > 0; conv++ {
		t := start.Add(time.Duration(conv) * time.Minute)
		ch := transcriptChannels[r.IntN(len(transcriptChannels))]
		events := min(n, 2+r.IntN(39))
		n -= events
		for i := 0; i < events; i++ {
			dir, actor, text, extra := "in", "customer", customerTexts[r.IntN(len(customerTexts))], ""
			if i%2 == 1 {
				dir, actor, text = "out", "agent", brandTexts[r.IntN(len(brandTexts))]
				if r.IntN(4) == 0 {
					actor = "bot"
				}
				if r.IntN(10) == 0 && ch == "messenger" {
					extra = `,"messaging_type":"MESSAGE_TAG","tag":"HUMAN_AGENT"`
				}
			}
			if fresh > 0 && r.Float64() < fresh {
				text = freshText(r, written, dir == "in")
				written++
			}
			fmt.Fprintf(bw, `{"time":"%s","conversation":"c%d","channel":"%s","direction":"%s","actor":"%s","text":%q%s}`+"\n",
				t.Format(time.RFC3339), conv, ch, dir, actor, text, extra)
			// Mostly minutes apart; now and then a day or two.
			gap := time.Duration(1+r.IntN(30)) * time.Minute
			if r.IntN(12) == 0 {
				gap = time.Duration(20+r.IntN(40)) * time.Hour
			}
			t = t.Add(gap)
		}
	}
	return bw.Flush()
}

// references end a fresh text, in its language, with a number no other
// text has.
var references = map[string]string{"en": "Order no. %d.", "tr": "Sipariş no: %d.", "az": "Sifariş nömrəsi: %d."}

// questions are what customers write in their own words, a piece or two
// of them to a fresh text.
var questions = map[string][]string{
	"en": {"Hi, where is my order?", "Can I change the size?", "The parcel has not arrived yet.",
		"I would like to return the shoes.", "Is this model in stock?", "Thanks, that helps."},
	"tr": {"Merhaba, siparişim nerede?", "Bedenini değiştirebilir miyim?", "Kargo hâlâ gelmedi.",
		"Ayakkabıları iade etmek istiyorum.", "Bu model stokta var mı?", "Teşekkürler, yardımcı oldu."},
	"az": {"Salam, sifarişim haradadır?", "Ölçünü dəyişmək olar?", "Bağlama hələ gəlməyib.",
		"Ayaqqabıları qaytarmaq istəyirəm.", "Bu model stokda var?", "Təşəkkürlər, kömək etdi."},
}

// freshText is the k-th text written afresh: a customer's question or two,
// or a brand's reply of the export's sentences, with its reference number.
func freshText(r *rand.Rand, k int, customer bool) string {
	lang := langs[r.IntN(len(langs))]
	ref := fmt.Sprintf(references[lang], 10000+k)
	if customer {
		qs := questions[lang]
		if r.IntN(2) == 0 {
			return qs[r.IntN(len(qs))] + " " + ref
		}
		return qs[r.IntN(len(qs))] + " " + qs[r.IntN(len(qs))] + " " + ref
	}
	return text(r, lang) + " " + ref
}
