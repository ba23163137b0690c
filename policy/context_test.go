package policy

import (
	"testing"

	"github.com/msglint/msglint/lint"
)

// The request frames by their morphology, and what is no request.
func TestAsked(t *testing.T) {
	cases := []struct {
		lang lint.Lang
		text string
		want []datum
	}{
		{lint.English, "Could you send your order number?", []datum{order}},
		{lint.English, "What's your e-mail address?", []datum{email}},
		{lint.English, "Please share your delivery address and phone number.", []datum{phone, address}},
		{lint.English, "Can you send a photo of the label?", []datum{attachment}},
		{lint.English, "Keep your order number for your records.", nil},
		{lint.English, "We sent the code to your e-mail address.", nil},
		{lint.Turkish, "Sipariş numaranızı iletir misiniz?", []datum{order}},
		{lint.Turkish, "E-posta adresinizi paylaşabilir misiniz?", []datum{email}},
		{lint.Turkish, "Adınızı ve soyadınızı yazın lütfen.", []datum{name}},
		{lint.Turkish, "Teslimat adresiniz nedir?", []datum{address}},
		{lint.Turkish, "Sipariş numaranız e-postanızda yazıyor.", nil},
		{lint.Azerbaijani, "Sifariş nömrənizi göndərə bilərsinizmi?", []datum{order}},
		{lint.Azerbaijani, "Telefon nömrənizi yazarsınızmı?", []datum{phone}},
		{lint.Azerbaijani, "E-poçt ünvanınızı qeyd edin.", []datum{email}},
		{lint.Azerbaijani, "Sifariş nömrəniz qəbzdə yazılıb.", nil},
	}
	for _, c := range cases {
		got := asked(c.text, fold(c.text), cuesFor(c.lang))
		var want [datums]bool
		for _, d := range c.want {
			want[d] = true
		}
		if got != want {
			t.Errorf("%s %q: asks for %v, want %v", c.lang, c.text, got, want)
		}
	}
}

// The data a customer gives, and numbers that are none.
func TestGiven(t *testing.T) {
	cases := []struct {
		lang lint.Lang
		text string
		want []datum
	}{
		{lint.English, "It's 48213.", []datum{order}},
		{lint.English, "Order #4821 please", []datum{order}},
		{lint.English, "I paid 12500 AZN for it", nil},
		{lint.English, "call me on +994 50 123 45 67", []datum{phone}},
		{lint.English, "my name is Dana and my email is dana@example.com", []datum{email, name}},
		{lint.English, "I live at 12 Baker Street", []datum{address}},
		{lint.Turkish, "Adım Ayşe.", []datum{name}},
		{lint.Turkish, "Bir adım daha attık.", nil},
		{lint.Turkish, "Fotoğrafı gönderdim.", []datum{attachment}},
		{lint.Turkish, "Sipariş no: TR-55120", []datum{order}},
		{lint.Azerbaijani, "Mənim adım Leyladır.", []datum{name}},
		{lint.Azerbaijani, "Nizami küçəsi 25, mənzil 12", []datum{address}},
		{lint.Azerbaijani, "Qiyməti 150 manatdır?", nil},
		{"", "[photo]", []datum{attachment}},
	}
	for _, c := range cases {
		got := given(c.text, fold(c.text), cuesFor(c.lang))
		var want [datums]bool
		for _, d := range c.want {
			want[d] = true
		}
		if got != want {
			t.Errorf("%s %q: gives %v, want %v", c.lang, c.text, got, want)
		}
	}
}

// Near duplicates by their stems; numbers tell two texts apart.
func TestPrints(t *testing.T) {
	cs := cuesFor(lint.English)
	printOf := func(text string, cs []*contextCues) Print { return printOf(text, fold(text), cs) }
	a := printOf("Hi Leyla, thanks for your question! Our team will get back to you within 24 hours.", cs)
	b := printOf("Hi Samir, thanks for your question! Our team will get back to you within 24 hours.", cs)
	c := printOf("Hi {{first_name}}, thanks for your question! Our team will get back to you within 24 hours.", cs)
	d := printOf("Hi Leyla, thanks for your question! Our team will get back to you within 48 hours.", cs)
	if a.Text == b.Text || a.Stems.similarity(b.Stems) < defaultRepeated.Similarity {
		t.Errorf("a filled name: similarity %.2f", a.Stems.similarity(b.Stems))
	}
	if a.Stems.similarity(c.Stems) < defaultRepeated.Similarity {
		t.Errorf("a placeholder: similarity %.2f", a.Stems.similarity(c.Stems))
	}
	if a.Nums == d.Nums {
		t.Error("texts with other numbers have the same number hash")
	}
}
