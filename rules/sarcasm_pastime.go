package rules

import (
	"strings"

	"github.com/msglint/msglint/lint"
)

// The word sets of our work called our pastime (see pastimeWork).
var (
	pastimeOurs       = sarcasmData.WordSets("pastime_ours")
	pastimeNouns      = sarcasmData.WordSets("pastime_nouns")
	pastimeAs         = sarcasmData.WordSets("pastime_as")
	pastimeAlso       = sarcasmData.WordSets("pastime_also")
	pastimeMerely     = sarcasmData.WordSets("pastime_merely")
	pastimeWorkObj    = sarcasmData.WordSets("pastime_work")
	pastimeChores     = sarcasmData.WordSets("pastime_chores")
	pastimeMess       = sarcasmData.WordSets("pastime_mess")
	pastimeSale       = sarcasmData.WordSets("pastime_sale")
	pastimePrice      = sarcasmData.WordSets("pastime_price")
	pastimeMoney      = sarcasmData.WordSets("pastime_money")
	pastimeOpeners    = byFirstWord(sarcasmData.WordSets("granted_openers"))
	pastimeActs       = sarcasmData.WordSets("case_takers")
	pastimeNegation   = sarcasmData.WordSets("negation")
	pastimeReturned   = sarcasmData.WordSets("pastime_returned")
	pastimeOurEndings = sarcasmData.WordSets("pastime_our_endings")
)

// pastimeWork is our own work called our hobby where the customer's doing
// makes it a chore or a loss. Turkish and Azerbaijani. Two shapes:
//
//   - a chore (pastime_chores: yıkamak, yumaq, təmizlik) in the clause of
//     our hobby, the hobby with our possessive closing that clause, after
//     thanks and the customer's return of something dirty (a word of
//     pastime_mess and a return, pastime_returned, with their ending,
//     case_takers): "Kvadrosikli palçıqla dolu qaytardığınız üçün
//     minnətdarıq, yumaq bizim hobbimizdir";
//   - mock compliance with a price: a message opened by "of course"
//     (granted_openers) that sells (pastime_sale: satarız, satalım) at
//     another thing's price, half or free (pastime_price: fiyatına,
//     ücretsiz) or cuts one price to another (two sums, pastime_money:
//     "1.200 TL'lik … 50 TL'ye"; one sum is an offer) and then does the work "as a hobby" anyway
//     ("hobi olarak" after "zaten", "sadece": pastime_merely), with no
//     other word in that clause than those, the work itself (pastime_work:
//     "bu işi") and a word of ours (ustamız): "… fiyatına satarız; ustamız
//     zaten hobi olarak çalışıyor".
//
// A hobby denied ("hobimiz değil"), a hobby too ("bizim de hobimiz", "hobi
// olarak da yapıyor"), one that goes on in its clause ("hobimiz oldu"), an
// activity named in the clause ("oymayı zaten hobi olarak yapıyor"), the
// customer's hobby, a chore the customer paid for ("temizlettiğiniz") and
// anything beside an apology are sincere.
func pastimeWork(m *lint.Message, found cuesFound) []lint.Match {
	if pastimeOurs[m.Lang] == nil || len(found[lsApology]) > 0 {
		return nil
	}
	toks := m.Tokens()
	var out []lint.Match
	for k, t := range toks {
		if t.Kind != lint.Word {
			continue
		}
		ours := pastimeOurs[m.Lang][t.Norm]
		if !ours && !pastimeNouns[m.Lang][t.Norm] {
			continue
		}
		last := k
		n := neighbour(toks, k, 1)
		if ours {
			// closing its clause, not denied nor going on
			if n >= 0 && toks[n].Kind == lint.Word {
				continue
			}
		} else {
			// "hobi olarak" with our verb, not "olarak da"
			if n < 0 || !pastimeAs[m.Lang][toks[n].Norm] {
				continue
			}
			v := neighbour(toks, n, 1)
			if v < 0 || toks[v].Kind != lint.Word || pastimeAlso[m.Lang][toks[v].Norm] || pastimeNegation[m.Lang][toks[v].Norm] {
				continue
			}
			last = v
		}
		p := neighbour(toks, k, -1)
		if p < 0 || pastimeAlso[m.Lang][toks[p].Norm] && !pastimeAnyway(m, toks, p) {
			continue
		}
		start := pastimeClause(toks, k)
		if pastimeChore(m, found, toks, start, k) || pastimeSold(m, toks, start, k) {
			out = append(out, lint.Match{Cue: t.Norm, Span: lint.Span{Start: t.Start, End: toks[last].End}, First: k, Last: last})
		}
	}
	return out
}

// pastimeClause is the first token of the clause that holds token k: after
// the last comma, semicolon, colon or sentence end before it.
func pastimeClause(toks []lint.Token, k int) int {
	for j := k - 1; j >= 0; j-- {
		if toks[j].Kind == lint.Punct && strings.ContainsAny(toks[j].Norm, ",;:.!?") {
			return j + 1
		}
	}
	return 0
}

// pastimeChore reports whether the hobby at token k with our possessive is
// a chore in its clause (from token start) that the customer's return
// made: thanks, a word of a mess and their return before the clause.
func pastimeChore(m *lint.Message, found cuesFound, toks []lint.Token, start, k int) bool {
	if !pastimeOurs[m.Lang][toks[k].Norm] || len(found[lsGratitude]) == 0 {
		return false
	}
	chore := false
	for j := start; j < k; j++ {
		chore = chore || pastimeChores[m.Lang][toks[j].Norm]
	}
	if !chore {
		return false
	}
	mess, returned := false, false
	for j := 0; j < start; j++ {
		if toks[j].Kind != lint.Word {
			continue
		}
		mess = mess || pastimePrefixed(toks[j].Norm, pastimeMess[m.Lang])
		if endsWithAny(toks[j].Norm, pastimeActs[m.Lang]) {
			p := neighbour(toks, j, -1)
			returned = returned || pastimePrefixed(toks[j].Norm, pastimeReturned[m.Lang]) || p >= 0 && pastimeReturned[m.Lang][toks[p].Norm]
		}
	}
	return mess && returned
}

// pastimeSold reports whether the hobby "as a hobby" at token k (from
// token start its clause) follows mock compliance with a price: the
// message opens with "of course", sells with our optative or aorist and
// names another thing's price, a free one or two sums before the clause, and the clause holds "anyway" or
// "merely" and nothing but the work and words of ours besides.
func pastimeSold(m *lint.Message, toks []lint.Token, start, k int) bool {
	if pastimeOurs[m.Lang][toks[k].Norm] {
		return false
	}
	merely := false
	for j := start; j < k; j++ {
		w := toks[j].Norm
		if toks[j].Kind != lint.Word {
			continue
		}
		if !pastimeMerely[m.Lang][w] && !pastimeWorkObj[m.Lang][w] && !pastimeAlso[m.Lang][w] && !endsWithAny(w, pastimeOurEndings[m.Lang]) {
			return false // an activity of its own: "oymayı hobi olarak"
		}
		merely = merely || pastimeMerely[m.Lang][w]
	}
	if !merely {
		return false
	}
	opened := false
	for _, o := range phrasesIn(toks, m.WordIDs(), pastimeOpeners[m.Lang]) {
		opened = opened || o.First == neighbour(toks, -1, 1)
	}
	if !opened {
		return false
	}
	sale, price, money := false, false, 0
	for j := 0; j < start; j++ {
		sale = sale || pastimeSale[m.Lang][toks[j].Norm]
		price = price || endsWithAny(toks[j].Norm, pastimePrice[m.Lang])
		if endsWithAny(toks[j].Norm, pastimeMoney[m.Lang]) {
			money++
		}
	}
	return sale && (price || money >= 2)
}

// pastimePrefixed reports whether w starts with one of the stems.
func pastimePrefixed(w string, stems map[string]bool) bool {
	for s := range stems {
		if strings.HasPrefix(w, s) {
			return true
		}
	}
	return false
}

// pastimeAnyway reports whether "da" at token p closes "onsuz da"
// (anyway), not "too".
func pastimeAnyway(m *lint.Message, toks []lint.Token, p int) bool {
	q := neighbour(toks, p, -1)
	return q >= 0 && pastimeMerely[m.Lang][toks[q].Norm]
}
