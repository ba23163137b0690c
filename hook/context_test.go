package hook

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/msglint/msglint/hook/store"
	"github.com/msglint/msglint/lint"
)

// contextCase is one of the context rules' cases through the hook: the
// events it hears of, then drafts checked (recorded when record is set);
// the last draft's answer must hold want, or name none of the context
// rules when want is empty.
type contextCase struct {
	name   string
	lang   string
	events []string // "HH:MM in|out text"
	drafts []string // recorded, then the last one judged
	want   string
}

var contextCases = []contextCase{
	{"re-ask", "en", []string{"09:58 in Hi, my order 48213 has not arrived."}, []string{"Hi! Could you send your order number?"},
		`"rule":"re-ask","severity":"warning","message":"the customer gave an order or booking number at 2026-11-23T09:58:00Z, and the message asks for it again"`},
	{"re-ask", "tr", []string{"09:58 in Merhaba, e-postam ayse@example.com, siparişim gelmedi."}, []string{"Merhaba! E-posta adresinizi iletir misiniz?"},
		`"message":"the customer gave an e-mail address at 2026-11-23T09:58:00Z, and the message asks for it again"`},
	{"re-ask", "az", []string{"09:58 in Salam, 48213 nömrəli sifarişim gəlmədi."}, []string{"Salam! Sifariş nömrənizi göndərə bilərsinizmi?"},
		`"message":"the customer gave an order or booking number at 2026-11-23T09:58:00Z, and the message asks for it again"`},
	{"said wrong", "en", []string{"09:56 in My order number is 48213.", "09:58 in Sorry, that number was wrong."}, []string{"No problem! What is your order number?"}, ""},
	{"said wrong", "tr", []string{"09:56 in Sipariş numaram 48213.", "09:58 in Pardon, numarayı yanlış yazdım."}, []string{"Sorun değil, sipariş numaranızı yazar mısınız?"}, ""},
	{"said wrong", "az", []string{"09:56 in Sifariş nömrəm 48213.", "09:58 in Bağışlayın, nömrəni səhv yazmışam."}, []string{"Problem deyil, sifariş nömrənizi yazın."}, ""},
	{"quoted back", "en", []string{"09:58 in Hi, my order 48213 has not arrived."}, []string{"Hi! Your order number is 48213, could you confirm that is right?"}, ""},
	{"quoted back", "tr", []string{"09:58 in Merhaba, 48213 numaralı siparişim gelmedi."}, []string{"Merhaba! Sipariş numaranız 48213, doğru mu?"}, ""},
	{"quoted back", "az", []string{"09:58 in Salam, 48213 nömrəli sifarişim gəlmədi."}, []string{"Salam! Sifariş nömrəniz 48213-dür, düzdür?"}, ""},
	{"loop", "en", []string{"09:58 in I need to change my delivery date."},
		[]string{"Hi! I can help with orders, returns and delivery. Please choose one of the options below.", "Hi! I can help with orders, returns and delivery. Please choose one of the options below."},
		`"rule":"repeated-reply","severity":"warning","message":"the same text as the brand's message at 2026-11-23T10:00:00Z"`},
	{"loop", "tr", []string{"09:58 in Teslimat tarihimi değiştirmek istiyorum."},
		[]string{"Merhaba! Sipariş, iade ve teslimat konularında yardımcı olabilirim. Lütfen seçeneklerden birini seçin.", "Merhaba! Sipariş, iade ve teslimat konularında yardımcı olabilirim. Lütfen seçeneklerden birini seçin."},
		`"rule":"repeated-reply"`},
	{"loop", "az", []string{"09:58 in Çatdırılma tarixini dəyişmək istəyirəm."},
		[]string{"Salam! Sifariş, qaytarma və çatdırılma mövzularında kömək edə bilərəm. Seçimlərdən birini seçin.", "Salam! Sifariş, qaytarma və çatdırılma mövzularında kömək edə bilərəm. Seçimlərdən birini seçin."},
		`"rule":"repeated-reply"`},
	{"pasted", "en", []string{"09:58 in Do you have the blue jacket in size M?", "10:00:30 in And how long does shipping to Baku take?"},
		[]string{"Hi Leyla, thanks for your question! Our team will check this and get back to you within 24 hours.", "Hi Leyla, thanks for your question! Our team will check this and get back to you within 24 hours."},
		`"message_id":"ctx-12","suggestion":"answer what the customer wrote since, not with the earlier answer"`},
	{"two orders", "en", []string{"09:58 in Where are my two orders?"}, []string{"Your order 48213 has shipped and arrives on Monday morning.", "Your order 48214 has shipped and arrives on Monday morning."}, ""},
	{"returning", "en", []string{"2026-11-20T09:00 in Hi, do you have green lamps?", "09:58 in Hi again!"}, []string{"Hi! Welcome to the Luma family, nice to meet you!"},
		`"rule":"returning-customer","severity":"warning","message":"the message greets the customer as new, but they first wrote at 2026-11-20T09:00:00Z, 3d1h before"`},
	{"returning", "tr", []string{"2026-11-20T09:00 in Merhaba, yeşil bardak var mı?", "09:58 in Yine merhaba!"}, []string{"Merhaba, ailemize hoş geldiniz!"}, `"rule":"returning-customer"`},
	{"returning", "az", []string{"2026-11-20T09:00 in Salam, yaşıl fincan var?", "09:58 in Yenə salam!"}, []string{"Salam, ailəmizə xoş gəlmisiniz!"}, `"rule":"returning-customer"`},
	{"new", "en", []string{"09:58 in Hello, is this the Luma shop?"}, []string{"Hi! Yes, welcome to the Luma family!"}, ""},
	{"ignored", "en", []string{"09:50 in Do you deliver to Ganja on Sundays?"}, []string{"Hi! Our new sofas are in, see the catalogue.", "Thanks for writing to us, have a nice day!"},
		`"rule":"ignored-question","severity":"warning","message":"the customer's question at 2026-11-23T09:50:00Z was never answered: the brand's next message at 2026-11-23T10:00:00Z did not take it up, and the brand said goodbye"`},
	{"ignored", "tr", []string{"09:50 in Gence'ye teslimat yapıyor musunuz?"}, []string{"Merhaba! Yeni kanepelerimiz geldi, kataloğa göz atın.", "Bize yazdığınız için teşekkürler, iyi günler!"}, `"rule":"ignored-question"`},
	{"ignored", "az", []string{"09:50 in Gəncəyə çatdırılma edirsiniz?"}, []string{"Salam! Yeni divanlarımız gəldi, kataloqa baxın.", "Bizə yazdığınız üçün təşəkkürlər, gözəl gün arzulayırıq!"}, `"rule":"ignored-question"`},
	{"answered", "en", []string{"09:50 in Do you deliver to Ganja on Sundays?"}, []string{"Hi! Yes, we deliver to Ganja every day.", "Thanks for writing to us, have a nice day!"}, ""},
}

var contextRules = regexp.MustCompile(`"rule":"(re-ask|repeated-reply|returning-customer|ignored-question)"`)

// The context rules' cases through /v1/events and /v1/check, in each
// language, with the explanation in the answer; and the store keeps none
// of the customer's words.
func TestContextThroughHook(t *testing.T) {
	h := newHarness(t, nil)
	var said []string
	for i, c := range contextCases {
		conv := fmt.Sprintf("ctx-%d", i)
		for _, ev := range c.events {
			at, rest, _ := strings.Cut(ev, " ")
			if !strings.Contains(at, "T") {
				at = "2026-11-23T" + at
			}
			dir, text, _ := strings.Cut(rest, " ")
			said = append(said, text)
			if len(at) == len("2026-11-23T10:00") {
				at += ":00"
			}
			body, _ := json.Marshal(map[string]string{"time": at + "Z", "conversation": conv, "channel": "messenger", "direction": dir, "actor": "customer", "type": "message", "text": text, "lang": c.lang})
			h.expect("POST", "/v1/events", string(body), 200, `"accepted":1`)
		}
		var got string
		for j, d := range c.drafts {
			h.clock.Set(at("2026-11-23T10:00:00Z").Add(time.Duration(j) * time.Minute))
			body, _ := json.Marshal(map[string]any{"conversation": conv, "channel": "messenger", "record": j < len(c.drafts)-1, "message": map[string]string{"text": d, "lang": c.lang}})
			got = h.expect("POST", "/v1/check", string(body), 200, "")
		}
		h.clock.Set(at("2026-11-23T10:00:00Z"))
		switch {
		case c.want == "" && contextRules.MatchString(got):
			t.Errorf("%s (%s): a context rule found something: %s", c.name, c.lang, got)
		case c.want != "" && !strings.Contains(got, c.want):
			t.Errorf("%s (%s): answer %s\nholds no %s", c.name, c.lang, got, c.want)
		}
	}
	// No word of the customer's in the store: its values are times,
	// numbers, flags and ids, and the kinds of data given are named by
	// their keys.
	kinds := map[string]bool{"email": true, "phone": true, "order": true, "name": true, "address": true, "attachment": true}
	word := regexp.MustCompile(`[\p{L}\p{N}@]{4,}`)
	for i := range contextCases {
		conv := fmt.Sprintf("ctx-%d", i)
		st, err := h.store.Get(context.Background(), store.Key(lint.Messenger, conv))
		if err != nil || st == nil {
			t.Fatalf("%s: %v %v", conv, st, err)
		}
		for k := range st.Given {
			if !kinds[k] {
				t.Errorf("%s: a kind of data named %q", conv, k)
			}
		}
		data, _ := json.Marshal(st)
		var tree any
		if err := json.Unmarshal(data, &tree); err != nil {
			t.Fatal(err)
		}
		values := strings.ToLower(strings.Join(leaves(tree), "\n"))
		for _, text := range said {
			for _, w := range word.FindAllString(strings.ToLower(text), -1) {
				if strings.Contains(values, w) && w != conv {
					t.Errorf("%s: the store holds the customer's %q: %s", conv, w, data)
				}
			}
		}
	}
}

// leaves are a JSON document's string values.
func leaves(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case map[string]any:
		var out []string
		for _, x := range v {
			out = append(out, leaves(x)...)
		}
		return out
	case []any:
		var out []string
		for _, x := range v {
			out = append(out, leaves(x)...)
		}
		return out
	}
	return nil
}
