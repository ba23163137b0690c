package morph_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/msglint/msglint/lint/morph"
)

var fold = strings.NewReplacer("ı", "i", "ş", "s", "ğ", "g", "ç", "c", "ö", "o", "ü", "u", "ə", "e").Replace

func TestInflects(t *testing.T) {
	const n, v, nv = morph.Noun, morph.Verb, morph.AnyKind
	for _, c := range []struct {
		lang, lemma string
		kind        morph.Kind
		word        string
		folded      bool
		want        bool
	}{
		{"tr", "ilet", v, "iletildi", false, true},
		{"tr", "ilet", v, "ilettik", false, true},
		{"tr", "ilet", v, "iletmemizi", false, true},
		{"tr", "ilet", v, "iletilecektir", false, true},
		{"tr", "ilet", nv, "iletişim", false, false}, // contact: another word
		{"tr", "ilet", nv, "iletişime", false, false},
		{"tr", "ilet", v, "ileti", false, false}, // message: a noun
		{"tr", "paylaş", nv, "paylaşıldı", false, true},
		{"tr", "paylaş", v, "paylaşılmıştır", false, true},
		{"tr", "paylaş", v, "paylaşabiliriz", false, true},
		{"tr", "paylaş", v, "paylaşmamıza", false, true},
		{"tr", "paylaş", nv, "paylaşim", false, false}, // wrong harmony
		{"tr", "gün", nv, "günler", false, true},
		{"tr", "gün", nv, "günlar", false, false}, // wrong harmony
		{"tr", "gun", nv, "gunler", true, true},
		// Loans marked front_stems take front endings after a back vowel.
		{"tr", "kabahat", n, "kabahatimiz", false, true},
		{"tr", "saat", n, "saatinizi", false, true},
		{"tr", "dikkat", n, "dikkatiniz", false, true},
		{"tr", "hakikat", n, "hakikatleri", false, true},
		{"tr", "kontrol", n, "kontrolü", false, true},
		{"tr", "kalp", n, "kalbimiz", false, true},
		{"tr", "kapak", n, "kapakiniz", false, false}, // not marked: back endings only
		{"tr", "ortak", n, "ortağımıza", false, true},
		{"tr", "ortak", n, "ortagimiza", true, true},
		{"tr", "kargo", n, "kargoya", false, true},
		{"tr", "firma", n, "firmasına", false, true},
		{"tr", "firma", n, "firmasıyla", false, true},
		{"tr", "bilgi", n, "bilgileriniz", false, true},
		{"tr", "bilgi", nv, "bilgisayar", false, false},
		{"tr", "bilgi", nv, "bilgili", false, false}, // derivation: another word
		{"tr", "teslim", nv, "teslimat", false, false},
		{"tr", "sor", v, "soruyorsunuz", false, true},
		{"tr", "sor", v, "sordum", false, true},
		{"tr", "sor", v, "soruyu", false, false}, // the noun soru
		{"tr", "sor", nv, "sorunuz", false, true},
		{"tr", "sor", v, "sorunuz", false, false},
		{"tr", "bekle", v, "bekliyoruz", false, true},
		{"tr", "gel", v, "gelmiyor", false, true},
		{"tr", "oku", v, "okuyor", false, true},
		{"tr", "ilet", v, "iletilerinin", false, false},    // iletiler (messages)
		{"tr", "bildir", v, "bildirimimizi", false, false}, // bildirim (notice)
		{"tr", "kaçır", v, "kaçırmışsınız", false, true},
		{"tr", "bilgi", n, "bilgilerinizi", false, true},
		{"tr", "bilgi", v, "bilgilerinizi", false, false},
		{"tr", "ilet", v, "iletmeyeceğiz", false, true},
		{"tr", "gonder", v, "gonderildi", true, true},
		{"tr", "tesekkur", nv, "tesekkurler", true, true},
		{"tr", "firma", n, "Firma'ya", false, false}, // lower case only
		{"tr", "luma", n, "luma'ya", false, true},
		{"az", "göndər", v, "göndəriləcək", false, true},
		{"az", "göndər", v, "göndərildi", false, true},
		{"az", "ötür", v, "ötürülüb", false, true},
		{"az", "ötür", v, "ötürəcəyik", false, true},
		{"az", "paylaş", v, "paylaşmağımıza", false, true},
		{"az", "məlumat", n, "məlumatlarınızı", false, true},
		{"az", "kuryer", n, "kuryerə", false, true},
		{"az", "gün", nv, "günlər", false, true},
		{"az", "gun", nv, "gunler", true, true},
		{"az", "soruş", v, "soruşmusunuz", false, true},
		{"az", "əla", n, "əladır", false, true},
		{"az", "təşəkkür", n, "təşəkkürlər", false, true},
		{"en", "share", v, "sharing", false, true},
		{"en", "share", v, "shared", false, true},
		{"en", "share", n, "sharing", false, false},
		{"en", "transfer", v, "transferred", false, true},
		{"en", "party", n, "parties", false, true},
		{"en", "pass", nv, "passport", false, false},
		{"en", "pass", v, "passed", false, true},
		{"en", "forward", v, "forwarding", false, true},
		{"en", "detail", n, "details", false, true},
		{"en", "send", nv, "sender", false, false},
	} {
		f := morph.NewForms(c.lang, fold)
		if got := f.Lemma(c.lemma, c.kind, c.folded).Inflects(c.word); got != c.want {
			t.Errorf("%s: %q (kind %d) Inflects(%q, folded %v) = %v, want %v", c.lang, c.lemma, c.kind, c.word, c.folded, got, c.want)
		}
	}
	if morph.NewForms("xx", nil) != nil {
		t.Error("a language without paradigms has forms")
	}
}

func TestLemmaStems(t *testing.T) {
	for _, c := range []struct {
		lang, lemma string
		want        []string
	}{
		{"az", "agentlik", []string{"agentlik", "agentliy"}},
		{"tr", "ortak", []string{"ortak", "ortag", "ortağ"}}, // renk: rengi,
		{"tr", "bekle", []string{"bekle", "bekl"}},
		{"en", "share", []string{"share", "shar"}},
		{"en", "party", []string{"party", "parti"}},
	} {
		got := morph.NewForms(c.lang, fold).Lemma(c.lemma, morph.AnyKind, false).Stems()
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: Stems(%q) = %v, want %v", c.lang, c.lemma, got, c.want)
		}
	}
}

// Any lemma and word: no panic, the lemma itself always matches, and a word
// that does not start with a stem of the lemma never does.
func FuzzInflects(f *testing.F) {
	for _, s := range [][2]string{{"ilet", "iletildi"}, {"gün", "günlerinizden"}, {"share", "sharing"}, {"", "x"}, {"ortak", "ortağ"}, {"bekle", "bekliyor"}} {
		f.Add(s[0], s[1], false, uint8(3))
	}
	fs := []*morph.Forms{morph.NewForms("tr", fold), morph.NewForms("az", fold), morph.NewForms("en", fold)}
	f.Fuzz(func(t *testing.T, lemma, word string, folded bool, kind uint8) {
		if lemma == "" {
			return
		}
		for _, fm := range fs {
			l := fm.Lemma(lemma, morph.Kind(kind%3+1), folded)
			if !l.Inflects(lemma) {
				t.Fatalf("%q is not a form of itself", lemma)
			}
			starts := false
			for _, st := range l.Stems() {
				starts = starts || strings.HasPrefix(word, st)
			}
			if l.Inflects(word) && !starts {
				t.Fatalf("Inflects(%q, %q) without a stem", lemma, word)
			}
		}
	})
}
