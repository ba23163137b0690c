package rules

import (
	"strings"

	"github.com/msglint/msglint/lint"
)

// The customer's view asked in a rhetorical question (see viewQuestions),
// by language.
var (
	lsYourView  = sarcasmListOf("your_view")
	viewDegree  = sarcasmData.WordSets("view_degree")
	viewSincere = sarcasmData.WordSets("view_sincere")
	viewBound   = sarcasmData.WordSets("view_bound_endings")
)

// viewQuestions are the customer's view asked (your_view: sizce, sizcə)
// in a question that answers itself: one that asks why or how much
// (why_words, view_degree) about what the message has just said the
// customer did, a verb of theirs (gittiniz, sürmüşsünüz), their act
// (istemeniz) or an infinitive before the view ("… bir yıl sürmüşsünüz,
// sizce neden paslandı?", "Hesabı gecə yarısı ödəmək sizcə nə qədər
// məntiqlidir?"), or one that asks what was bound to be, its verb a
// future or a necessity of the past (view_bound_endings: "sizcə hansı
// rəngdə gələcəkdi?", "sizcə nə olmalı idi?"). A question of feedback or a survey names no act of
// theirs before it ("Sizce fiyat ne kadar olmalı?", "Sizcə kurs niyə bu
// qədər maraq doğurdu?"). Not a question about a choice or how a thing
// went (view_sincere: "Sizce hangisi daha uygun?", "Sizcə tur necə
// keçdi?"), nor one about what is ours (news_our_endings, "biz": "Sizce
// neden bizi seçmelisiniz?"), nor beside an apology.
func (c *customer) viewQuestions(m *lint.Message, found cuesFound) []lint.Match {
	vs := found[lsYourView]
	if len(vs) == 0 || len(found[lsApology]) > 0 {
		return nil
	}
	l := m.Lang
	toks, sents := m.Tokens(), m.Sentences()
	var out []lint.Match
	for _, v := range vs {
		i := sentenceOf(sents, v.Span.Start)
		s := sents[i]
		if !asks(m.Body.Text, s) {
			continue
		}
		why, sincere, last, prev := false, false, -1, -1
		for k := tokenAt(toks, s.Start); k >= 0 && k < len(toks) && toks[k].End <= s.End; k++ {
			t := toks[k]
			if t.Kind != lint.Word {
				continue
			}
			if whyWords[l][t.Norm] {
				why = true
			}
			if n := neighbour(toks, k, 1); n >= 0 && toks[n].Kind == lint.Word && viewDegree[l][t.Norm+" "+toks[n].Norm] {
				why = true
			}
			if viewSincere[l][t.Norm] {
				sincere = true
			}
			if !yourView(v, t) && ourWord(t.Norm, newsOurEndings[l]) {
				sincere = true
			}
			prev, last = last, k
		}
		if sincere || last < 0 {
			continue
		}
		// What was bound to be: the question's verb, or its last two
		// words ("olmalı idi"), in a future or a necessity of the past.
		bound := endsWithAny(toks[last].Norm, viewBound[l]) || prev >= 0 && endsWithAny(toks[prev].Norm+toks[last].Norm, viewBound[l])
		if bound || why && c.didBefore(m, found, s.Start, v.Span.Start) {
			out = append(out, v)
		}
	}
	return out
}

// didBefore reports whether the message says what the customer did before
// the view asked at at: a verb of theirs in its sentence or an earlier
// one, or their act or an infinitive in its own sentence (from start).
func (c *customer) didBefore(m *lint.Message, found cuesFound, start, at int) bool {
	for _, d := range c.doings(m) {
		if d.Span.End <= at {
			return true
		}
	}
	for _, set := range []sarcasmList{lsEndsAct, lsEndsInfinitive} {
		for _, a := range c.ending(m, found, set) {
			if a.Span.Start >= start && a.Span.End <= at {
				return true
			}
		}
	}
	return false
}

// yourView reports whether a token is the cue of the customer's view
// itself ("sizin fikrinizcə").
func yourView(v lint.Match, t lint.Token) bool {
	return v.Span.Start <= t.Start && t.End <= v.Span.End
}

// ourWord reports whether a word ends with one of our endings, or with
// one and a case suffix after it (göndermemizde, ürünlerimizi), after a
// stem of three bytes at least: not an ending's letters inside a stem
// (sürükləyirsiniz).
func ourWord(w string, ours map[string]bool) bool {
	for e := range ours {
		if i := strings.LastIndex(w, e); i >= 3 && len(w)-i-len(e) <= 5 {
			return true
		}
	}
	return false
}
