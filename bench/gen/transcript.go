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
func Transcript(w io.Writer, n int, seed uint64) error {
	r := rand.New(rand.NewPCG(seed, seed^0x5bd1e995))
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
