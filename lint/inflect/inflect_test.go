package inflect

import (
	"strings"
	"testing"
)

var fold = strings.NewReplacer("ı", "i", "ş", "s", "ğ", "g", "ç", "c", "ö", "o", "ü", "u", "ə", "e").Replace

func TestInflects(t *testing.T) {
	for _, c := range []struct {
		lang, lemma, word string
		folded, want      bool
	}{
		{"tr", "ilet", "iletildi", false, true},
		{"tr", "ilet", "ilettik", false, true},
		{"tr", "ilet", "iletmemizi", false, true},
		{"tr", "ilet", "iletilecektir", false, true},
		{"tr", "ilet", "iletişim", false, false}, // contact: another word
		{"tr", "ilet", "iletişime", false, false},
		{"tr", "paylaş", "paylaşıldı", false, true},
		{"tr", "paylaş", "paylaşılmıştır", false, true},
		{"tr", "paylaş", "paylaşabiliriz", false, true},
		{"tr", "paylaş", "paylaşmamıza", false, true},
		{"tr", "paylaş", "paylaşim", false, false}, // wrong harmony
		{"tr", "gün", "günler", false, true},
		{"tr", "gün", "günlar", false, false}, // wrong harmony
		{"tr", "gun", "gunler", true, true},
		{"tr", "ortak", "ortağımıza", false, true},
		{"tr", "kargo", "kargoya", false, true},
		{"tr", "firma", "firmasına", false, true},
		{"tr", "firma", "firmasıyla", false, true},
		{"tr", "bilgi", "bilgileriniz", false, true},
		{"tr", "bilgi", "bilgisayar", false, false},
		{"tr", "teslim", "teslimat", false, false},
		{"tr", "sor", "soruyorsunuz", false, true},
		// Endings stack in their slots' order: no case before a plural, no
		// second possessive.
		{"tr", "ilet", "iletilerinin", false, false},    // iletiler (messages)
		{"tr", "bildir", "bildirimimizi", false, false}, // bildirim (notice)
		{"tr", "kaçır", "kaçırmışsınız", false, true},
		{"tr", "bilgi", "bilgilerinizi", false, true},
		{"tr", "ilet", "iletmeyeceğiz", false, true},
		{"az", "göndər", "göndəriləcək", false, true},
		{"tr", "gonder", "gonderildi", true, true},
		{"tr", "tesekkur", "tesekkurler", true, true},
		{"az", "göndər", "göndərildi", false, true},
		{"az", "ötür", "ötürülüb", false, true},
		{"az", "ötür", "ötürəcəyik", false, true},
		{"az", "paylaş", "paylaşmağımıza", false, true},
		{"az", "məlumat", "məlumatlarınızı", false, true},
		{"az", "kuryer", "kuryerə", false, true},
		{"az", "gün", "günlər", false, true},
		{"az", "gun", "gunler", true, true},
		{"en", "share", "sharing", false, true},
		{"en", "share", "shared", false, true},
		{"en", "transfer", "transferred", false, true},
		{"en", "party", "parties", false, true},
		{"en", "pass", "passport", false, false},
		{"en", "pass", "passed", false, true},
		{"en", "forward", "forwarding", false, true},
		{"en", "detail", "details", false, true},
		{"en", "send", "sender", false, false},
	} {
		p := For(c.lang, fold)
		if got := p.Inflects(c.lemma, c.word, c.folded); got != c.want {
			t.Errorf("%s: Inflects(%q, %q, folded %v) = %v, want %v", c.lang, c.lemma, c.word, c.folded, got, c.want)
		}
	}
	if For("xx", nil) != nil {
		t.Error("a language without a paradigm has one")
	}
}

func TestStems(t *testing.T) {
	for _, c := range []struct {
		lang, lemma string
		want        []string
	}{
		{"az", "agentlik", []string{"agentlik", "agentliy"}},
		{"tr", "ortak", []string{"ortak", "ortağ"}},
		{"en", "share", []string{"share", "shar"}},
		{"en", "party", []string{"party", "parti"}},
	} {
		got := For(c.lang, fold).Stems(c.lemma, false)
		if strings.Join(got, ",") != strings.Join(c.want, ",") {
			t.Errorf("%s: Stems(%q) = %v, want %v", c.lang, c.lemma, got, c.want)
		}
	}
}

// Any lemma and word: no panic, the lemma itself always matches, and a word
// that does not start with a stem of the lemma never does.
func FuzzInflects(f *testing.F) {
	for _, s := range [][2]string{{"ilet", "iletildi"}, {"gün", "günlerinizden"}, {"share", "sharing"}, {"", "x"}, {"ortak", "ortağ"}} {
		f.Add(s[0], s[1], false)
	}
	ps := []*Paradigm{For("tr", fold), For("az", fold), For("en", fold)}
	f.Fuzz(func(t *testing.T, lemma, word string, folded bool) {
		if lemma == "" {
			return
		}
		for _, p := range ps {
			if !p.Inflects(lemma, lemma, folded) {
				t.Fatalf("%q is not a form of itself", lemma)
			}
			got := p.Inflects(lemma, word, folded)
			starts := false
			for _, st := range p.Stems(lemma, folded) {
				starts = starts || strings.HasPrefix(word, st)
			}
			if got && !starts {
				t.Fatalf("Inflects(%q, %q) without a stem", lemma, word)
			}
		}
	})
}
