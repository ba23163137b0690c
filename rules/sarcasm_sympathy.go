package rules

import (
	"strings"

	"github.com/msglint/msglint/lint"
)

// The word sets of sympathy for a thing being what it is named (see
// sympathyNamed).
var (
	sympathyWords   = byFirstWord(sarcasmData.WordSets("sympathy"))
	sympathyCopulas = sarcasmData.WordSets("sympathy_copulas")
	sympathySenses  = sarcasmData.WordSets("sympathy_senses")
	sympathyFaults  = sarcasmData.WordSets("sympathy_faults")
	sympathyNegated = sarcasmData.WordSets("sympathy_against")
)

// sympathyNamed is sympathy or an apology for a thing that was what its
// own name says: "We're so sorry our Mud Tour was muddy.", "How awful for
// you, a handmade rug that looks handmade." English only. In the
// sentence of an apology (not one set off by a comma, "Sorry, the ice
// rink is icy after the frost") or of a word of sympathy (sympathy: "poor
// you", "how awful"), a word of its name comes back as the sentence's
// last word: right after a copula (sympathy_copulas) as the adjective
// made of it ("mud" → "muddy", "ice" → "icy", "salt" → "salty"), or right
// after a verb of sensing (sympathy_senses, "like" or "of" may follow) as
// the word itself or that adjective. A bare adjective only: "too muddy
// for the kids" is a fair complaint of degree, and "Sorry the tractor
// ride was bumpy" names no bump. Not a name that denies its property
// or names a thing made against it ("smoke-free", "dust cover",
// "leak repair", "anti-slip": sympathy_against), nor an
// adjective of a fault that a thing of that name may really have
// ("fishy", "rusty", "dusty": sympathy_faults), nor a property denied.
func (c customer) sympathyNamed(m *lint.Message, found cuesFound) []lint.Match {
	if sympathyCopulas[m.Lang] == nil {
		return nil
	}
	toks, cues := m.Tokens(), found[lsApology]
	syms := phrasesIn(toks, m.WordIDs(), sympathyWords[m.Lang])
	if len(cues)+len(syms) == 0 {
		return nil
	}
	sents := m.Sentences()
	word := func(k int) bool { return k >= 0 && toks[k].Kind == lint.Word }
	var out []lint.Match
	seen := -1
	try := func(cue lint.Match, apology bool) {
		if cue.Last < 0 {
			return
		}
		i := sentenceOf(sents, cue.Span.Start)
		if i == seen {
			return
		}
		start := neighbour(toks, cue.Last, 1)
		if start < 0 || apology && !word(start) { // "Sorry, …" announces
			return
		}
		for a := start; a >= 0 && toks[a].End <= sents[i].End; a = neighbour(toks, a, 1) {
			if !word(a) || !sentenceEnd(toks, a) {
				continue
			}
			v := neighbour(toks, a, -1)
			if word(v) && (toks[v].Norm == "like" || toks[v].Norm == "of") {
				v = neighbour(toks, v, -1)
			}
			if !word(v) || v < start {
				return
			}
			sense := sympathySenses[m.Lang][toks[v].Norm]
			if !sense && !sympathyCopulas[m.Lang][toks[v].Norm] || sympathyFaults[m.Lang][toks[a].Norm] {
				return
			}
			for n := start; n < v; n = neighbour(toks, n, 1) {
				if !word(n) {
					continue
				}
				if c.negation[m.Lang][toks[n].Norm] || strings.HasSuffix(toks[n].Norm, "n't") {
					return // "wasn't muddy", "never muddy"
				}
				if !madeOf(toks[n].Norm, toks[a].Norm, sense) || negatedName(toks, n, m.Lang) {
					continue
				}
				seen = i
				out = append(out, lint.Match{Cue: toks[a].Norm, Span: lint.Span{Start: toks[n].Start, End: toks[a].End}, First: n, Last: a})
				return
			}
			return
		}
	}
	for _, s := range syms {
		try(s, false)
	}
	for _, c := range cues {
		try(c, true)
	}
	return out
}

// negatedName reports whether the name's word is a thing made against
// what it names, by the word next to it, hyphened or not: "smoke-free",
// "dust cover", "leak repair", "anti-slip", "non-stick".
func negatedName(toks []lint.Token, n int, l lint.Lang) bool {
	for _, dir := range [...]int{1, -1} {
		w := neighbour(toks, n, dir)
		if w >= 0 && toks[w].Norm == "-" {
			w = neighbour(toks, w, dir)
		}
		if w >= 0 && toks[w].Kind == lint.Word && sympathyNegated[l][toks[w].Norm] {
			return true
		}
	}
	return false
}

// madeOf reports whether adj is the adjective made of the noun name ("mud"
// → "muddy", "ice" → "icy", "rocks" → "rocky"), or, after a verb of
// sensing, the name itself ("looks handmade").
func madeOf(name, adj string, same bool) bool {
	if same && len(name) >= 4 && name == adj {
		return true
	}
	if len(adj) < 3 || !strings.HasSuffix(adj, "y") {
		return false
	}
	if len(name) > 4 && strings.HasSuffix(name, "s") && !strings.HasSuffix(name, "ss") {
		name = name[:len(name)-1] // "rocks", "pumpkins"
	}
	if len(name) < 3 || strings.HasSuffix(name, "y") {
		return false
	}
	stem := adj[:len(adj)-1]
	switch {
	case stem == name: // salt → salty
		return true
	case len(stem) == len(name)+1 && stem[:len(name)] == name && stem[len(name)] == name[len(name)-1]: // mud → muddy
		return true
	case strings.HasSuffix(name, "e") && stem == name[:len(name)-1]: // ice → icy
		return true
	}
	return false
}
