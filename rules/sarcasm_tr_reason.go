package rules

import (
	"strings"

	"github.com/msglint/msglint/lint"
)

// Mock agreement with a reason, by language (see agreedReasons).
var (
	agreedOpeners = sarcasmData.WordSets("agreed_openers")
	agreedReasonW = sarcasmData.WordSets("agreed_reasons")
	agreedPast    = sarcasmData.WordSets("agreed_past_endings")
	agreedAbility = sarcasmData.WordSets("agreed_ability")
)

// agreedReasons are a sentence opened by a word of agreement (agreed_openers:
// tabii, elbette, haklısınız; in its first two words: "Evet, elbette, …")
// whose first clause, two words at least, says what we grant, and a later
// clause of the same sentence that gives the reason for it (agreed_reasons:
// çünkü, sonuçta, zaten): "Tabii, … yarın kurarız, çünkü bu iş on dakikada
// biter", "Elbette, …, sonuçta biz terzi değil sihirbazız". The reason
// given for a favour granted is the joke. A reason in the past
// (agreed_past_endings on its clause's last word: "cihaz zaten eskiydi",
// "zaten ezilmişti") tells what happened: an explanation; a reason in the
// granted clause itself ("Tabii, kargo zaten ücretsiz") is a fact; what we
// are able to do (agreed_ability: "iade edebilirsiniz, çünkü …") is
// possible; not beside an apology.
func agreedReasons(m *lint.Message, found cuesFound) []lint.Match {
	l := m.Lang
	openers, reasons := agreedOpeners[l], agreedReasonW[l]
	if openers == nil || len(found[lsApology]) > 0 {
		return nil
	}
	toks := m.Tokens()
	var out []lint.Match
	for i, t := range toks {
		if t.Kind != lint.Word || !openers[t.Norm] || !agreedOpens(toks, i) {
			continue
		}
		granted, later, able := 0, false, false
		reason, last := -1, -1
		k := neighbour(toks, i, 1)
		for ; k >= 0; k = neighbour(toks, k, 1) {
			w := toks[k]
			if w.Kind == lint.Punct && strings.ContainsAny(w.Norm, ".!?") {
				break
			}
			if w.Kind == lint.Punct && strings.ContainsAny(w.Norm, ",;:") {
				if reason >= 0 {
					break // the reason's clause ends here
				}
				if granted >= 2 {
					later = true
				}
				last = -1 // the clause's last word is counted afresh
				continue
			}
			if w.Kind != lint.Word {
				continue
			}
			switch {
			case !later:
				if w.Norm != "ki" {
					granted++
				}
				able = able || containsAny(w.Norm, agreedAbility[l])
			case reasons[w.Norm]:
				if reason < 0 {
					reason = k
				}
			default:
				last = k
			}
		}
		// last is the reason's clause's last word but the reason word.
		if reason < 0 || able || last >= 0 && endsWithAny(toks[last].Norm, agreedPast[l]) {
			continue
		}
		out = append(out, lint.Match{Cue: t.Norm, Span: lint.Span{Start: t.Start, End: toks[reason].End}, First: i, Last: reason})
	}
	return out
}

// agreedOpens reports whether the word of agreement at i opens its
// sentence or follows the sentence's first word and a comma ("Evet,
// elbette").
func agreedOpens(toks []lint.Token, i int) bool {
	if opensSentence(toks, i) {
		return true
	}
	p := neighbour(toks, i, -1)
	if p < 0 || toks[p].Norm != "," {
		return false
	}
	q := neighbour(toks, p, -1)
	return q >= 0 && toks[q].Kind == lint.Word && opensSentence(toks, q)
}

// containsAny reports whether a word holds one of the parts.
func containsAny(w string, parts map[string]bool) bool {
	for p := range parts {
		if strings.Contains(w, p) {
			return true
		}
	}
	return false
}
