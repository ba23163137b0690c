package rules

import (
	"strings"

	"github.com/msglint/msglint/lint"
)

// The word sets of a damage named a trifle (see damageNamed).
var (
	damageStems      = sarcasmData.WordSets("damage_stems")
	damageCausatives = sarcasmData.WordSets("damage_causatives")
	damageEndings    = sarcasmData.WordSets("damage_endings")
	damageSmall      = sarcasmData.WordSets("damage_small")
	damageNaming     = sarcasmData.WordSets("damage_naming")
	damageWear       = sarcasmData.WordSets("damage_wear")
	damageMerely     = sarcasmData.WordSets("damage_merely")
	damageContrast   = sarcasmData.WordSets("damage_contrast")
	damageEase       = sarcasmData.WordSets("damage_ease")
)

// damageNamed is a grave damage, told as done, then named a trifle of
// wear with "let's say": "ufak bir" or "küçük bir", at most three words,
// the last a word of wear or a flaw (damage_wear: kusur, sıyrık,
// yıpranma, aksaklık), then "diyelim" or "diyebiliriz" (damage_naming)
// closing the sentence or followed by ", sadece …", after a verb of
// breaking, melting, cutting off or throwing earlier in that sentence
// (damage_stems with a past or evidential ending: kırmışsınız,
// ayırmışsınız, eritmişsiniz, kestirmişsiniz): "Banjonun sapını ikiye
// ayırmışsınız; ufak bir kozmetik kusur diyelim." Turkish only. A trifle
// that is an event ("ufak bir kaza diyelim"), a naming that goes on in
// its sentence ("…, yapıştırıcıyla düzelir") or is asked ("diyelim mi"),
// a contrast between the damage and the naming ("ama ürün sağlam",
// "neyse ki"), a slight damage (çizmişsiniz, gecikmiş), a remedy or
// reassurance after it ("Ücretsiz onarıyoruz", "dert etmeyin") and an
// apology are sincere.
func damageNamed(m *lint.Message, found cuesFound) []lint.Match {
	if damageNaming[m.Lang] == nil || len(found[lsApology]) > 0 {
		return nil
	}
	toks, sents := m.Tokens(), m.Sentences()
	var out []lint.Match
	for k, t := range toks {
		if t.Kind != lint.Word || !damageNaming[m.Lang][t.Norm] {
			continue
		}
		if n := neighbour(toks, k, 1); n >= 0 && !strings.ContainsAny(toks[n].Norm, ".!") {
			s := neighbour(toks, n, 1)
			if toks[n].Norm != "," || s < 0 || !damageMerely[m.Lang][toks[s].Norm] {
				continue
			}
		}
		w := neighbour(toks, k, -1)
		if w < 0 || !damageWear[m.Lang][toks[w].Norm] {
			continue
		}
		small := -1
		for j, words := neighbour(toks, w, -1), 0; j >= 0 && words < 3 && toks[j].Kind == lint.Word; j, words = neighbour(toks, j, -1), words+1 {
			if toks[j].Norm == "bir" {
				if p := neighbour(toks, j, -1); p >= 0 && damageSmall[m.Lang][toks[p].Norm] {
					small = p
				}
				break
			}
		}
		if small < 0 {
			continue
		}
		i := sentenceOf(sents, t.Start)
		damaged := false
		for j := tokenAt(toks, sents[i].Start); j < small; j++ {
			if toks[j].Kind != lint.Word {
				continue
			}
			if damageContrast[m.Lang][toks[j].Norm] {
				damaged = false // "… kırmışsınız ama ürün sağlam"
				continue
			}
			damaged = damaged || damaging(m.Lang, toks[j].Norm)
		}
		if !damaged || damageEased(m, found, t.End) {
			continue
		}
		out = append(out, lint.Match{Cue: m.Body.Text[toks[small].Start:t.End], Span: lint.Span{Start: toks[small].Start, End: t.End}, First: small, Last: k})
	}
	return out
}

// damaging reports whether w is a verb of grave damage with a past or
// evidential ending, a causative between: kırmışsınız, kestirmişsiniz.
func damaging(l lint.Lang, w string) bool {
	for s := range damageStems[l] {
		rest, ok := strings.CutPrefix(w, s)
		if !ok {
			continue
		}
		if damageEndings[l][rest] {
			return true
		}
		for c := range damageCausatives[l] {
			if r, ok := strings.CutPrefix(rest, c); ok && damageEndings[l][r] {
				return true
			}
		}
	}
	return false
}

// damageEased reports whether a remedy or a word of reassurance follows
// offset off in the message.
func damageEased(m *lint.Message, found cuesFound, off int) bool {
	for _, r := range found[lsRemedy] {
		if r.Span.Start >= off {
			return true
		}
	}
	for _, t := range m.Tokens() {
		if t.Start >= off && t.Kind == lint.Word && pastimePrefixed(t.Norm, damageEase[m.Lang]) {
			return true
		}
	}
	return false
}
