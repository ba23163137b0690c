package rules

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/msglint/msglint/lint"
	"gopkg.in/yaml.v3"
)

var grammarData = loadData("grammar.yaml")

// GrammarOptions configures the grammar rule; it has none yet, but a config
// that sets an unknown key is still an error.
type GrammarOptions struct{}

// Grammar flags a few high-precision grammar slips per language.
var Grammar = &lint.Rule{
	Name: "grammar",
	Doc: lint.Doc{
		Title: "common grammar slip",
		Text: `Flags grammar slips that a fixed frame shows for sure. English: "a" before a vowel sound and
"an" before a consonant sound ("a original", "an user"; "an hour", "a one-off" and "an SMS" are right),
"it's" for "its" ("on it's way", "it's own"), "your welcome", "more then" for "more than", and "could of" for
"could have". Turkish: the question particle written attached ("aldınızmı?" for "aldınız mı?"), when the
dictionary knows the word without it. Azerbaijani: the question particle written apart ("var mı?" for
"varmı?"). Both: ki written apart after the few words it joins ("bel ki" for "belki", "çün ki" for
"çünki"); de/da and ki written attached elsewhere are spelling findings ("günüde" for "günü de").`,
		Why: `These slips are what readers notice first, and each has one right form, so --fix can apply it.
Sources: Merriam-Webster usage notes; TDK Yazım Kılavuzu ("mı, mi, mu, mü"); Azərbaycan dilinin orfoqrafiya
qaydaları.`,
		Examples: grammarData.Examples,
		Severity: lint.Warning,
		Default:  true,
	},
	Options: GrammarOptions{},
	New: func(node *yaml.Node) (lint.Check, error) {
		if _, err := lint.DecodeOptions(node, GrammarOptions{}); err != nil {
			return nil, err
		}
		g := newGrammar()
		return g.check, nil
	},
}

type grammar struct {
	consonantSound, silentH []string
	vowelLetters            string
	comparatives, modals    map[string]bool
	frames                  []frame
	// framesOf are the frames by their first word, each word's in order:
	// a word starts few frames or none.
	framesOf map[string][]int
	// frameFirst are the lengths (frameLen) of the frames' first words
	// by their first byte, and togetherFirst the first bytes of each
	// language's compounds' first words: a word that starts with none, or
	// is of none's length, starts no frame and no compound, told without
	// a look-up (most words).
	frameFirst    [256]uint32
	togetherFirst map[lint.Lang]*[256]bool
	particles     map[lint.Lang]map[string]bool
	// longestParticle is the length in bytes of a language's longest
	// particle.
	longestParticle map[lint.Lang]int
	kiJoined        map[lint.Lang]map[string]bool
	// together are compounds written as one word, split into first and
	// second word (hiç bir -> hiçbir); the second may carry suffixes.
	together map[lint.Lang][][2]string
	// locatives are the endings of the locative case before which the
	// adjective suffix -ki is attached (vitrinde ki -> vitrindeki).
	locatives map[lint.Lang][]string
	// langs is the above by language, for the message's language looked
	// up once a check.
	langs lint.LangTable[*grammarLang]
}

// grammarLang is a language's part of the rule's data.
type grammarLang struct {
	particles map[string]bool
	// particleFirst marks the first bytes of the particles: a word that
	// starts with none is not looked up (most words).
	particleFirst   [256]bool
	longestParticle int
	kiJoined        map[string]bool
	together        [][2]string
	togetherFirst   *[256]bool
	locatives       []string
}

func newGrammar() *grammar {
	en := grammarData.Langs[lint.English].Words
	g := &grammar{
		consonantSound: en["consonant_sound"],
		silentH:        en["silent_h"],
		vowelLetters:   strings.Join(en["vowel_letters"], ""),
		comparatives:   grammarData.WordSets("comparatives")[lint.English],
		modals:         grammarData.WordSets("modals")[lint.English],
		particles:      grammarData.WordSets("particles"),
		kiJoined:       grammarData.WordSets("ki_joined"),
		together:       map[lint.Lang][][2]string{},
		togetherFirst:  map[lint.Lang]*[256]bool{},
		locatives:      map[lint.Lang][]string{},
	}
	for l, d := range grammarData.Langs {
		for _, c := range d.Words["together"] {
			if first, second, ok := strings.Cut(c, " "); ok {
				g.together[l] = append(g.together[l], [2]string{first, second})
				if g.togetherFirst[l] == nil {
					g.togetherFirst[l] = new([256]bool)
				}
				if first != "" {
					g.togetherFirst[l][first[0]] = true
				}
			}
		}
		g.locatives[l] = d.Words["ki_locative"]
	}
	for _, f := range en["frames"] {
		wrong, right, _ := strings.Cut(f, "|")
		wrong, last := strings.CutSuffix(strings.TrimSpace(wrong), " $")
		g.frames = append(g.frames, frame{wrong: strings.Fields(wrong), right: strings.Fields(right), last: last})
	}
	g.longestParticle = map[lint.Lang]int{}
	for l, ps := range g.particles {
		for w := range ps {
			g.longestParticle[l] = max(g.longestParticle[l], len(w))
		}
	}
	byLang := map[lint.Lang]*grammarLang{}
	for _, l := range lint.Langs {
		gl := &grammarLang{particles: g.particles[l], longestParticle: g.longestParticle[l], kiJoined: g.kiJoined[l],
			together: g.together[l], togetherFirst: g.togetherFirst[l], locatives: g.locatives[l]}
		for w := range gl.particles {
			if w != "" {
				gl.particleFirst[w[0]] = true
			}
		}
		byLang[l] = gl
	}
	g.langs = lint.NewLangTable(byLang)
	g.framesOf = map[string][]int{}
	for i, f := range g.frames {
		if len(f.wrong) > 0 {
			g.framesOf[f.wrong[0]] = append(g.framesOf[f.wrong[0]], i)
			if f.wrong[0] != "" {
				g.frameFirst[f.wrong[0][0]] |= frameLen(f.wrong[0])
			}
		}
	}
	return g
}

// frame is a fixed wrong phrase and its right form, word by word; last
// says the phrase must end its clause (your welcome. — not "your welcome
// message").
type frame struct {
	wrong, right []string
	last         bool
}

// word is a word of a body with the text up to the next word (to tell "a
// user" from "a, user"): the message's shared words (lint.Message.Words).
type word = lint.WordToken

func (g *grammar) check(p *lint.Pass) {
	text := p.Msg.Body.Text
	ws := p.Msg.Words()
	switch p.Msg.Lang {
	case lint.English:
		g.english(p, text, ws)
	case lint.Turkish:
		g.turkishParticle(p, text, ws)
	case lint.Azerbaijani:
		g.azerbaijaniParticle(p, g.langs.Of(p.Msg), text, ws)
	}
	gl := g.langs.Of(p.Msg)
	if gl == nil {
		return // a language registered after the rule was made has none of its data
	}
	g.kiApart(p, gl, text, ws)
	g.togetherApart(p, gl, text, ws)
}

func (g *grammar) report(p *lint.Pass, span lint.Span, msg, right string) {
	p.Report(lint.Diagnostic{Span: span, Message: msg, Suggestion: right, Fix: &lint.Edit{Span: span, New: right}})
}

func (g *grammar) english(p *lint.Pass, text string, ws []word) {
	for i := range ws {
		w := &ws[i]
		// Only an article or a word before "then" or "of" asks more:
		// most words.
		if w.Norm != "a" && w.Norm != "an" && (i+1 == len(ws) || ws[i+1].Norm != "then" && ws[i+1].Norm != "of") {
			g.frame(p, text, ws, i)
			continue
		}
		// The next word follows with only spaces between (no number:
		// "a 3rd party").
		next := i+1 < len(ws) && strings.TrimSpace(w.Gap) == "" && ws[i+1].Start == w.End+len(w.Gap)
		switch {
		case (w.Norm == "a" || w.Norm == "an") && next:
			g.article(p, text, *w, ws[i+1])
		// The next word first: a look-up per word was most of the rule.
		case next && ws[i+1].Norm == "then" && g.comparatives[w.Norm]:
			n := ws[i+1]
			g.report(p, lint.Span{Start: n.Start, End: n.End}, fmt.Sprintf(grammarData.Say(lint.English, "frame"), w.Norm+" "+text[n.Start:n.End], w.Norm+" "+matchCase(lint.English, text[n.Start:n.End], "than")), matchCase(lint.English, text[n.Start:n.End], "than"))
		case next && ws[i+1].Norm == "of" && g.modals[w.Norm] && !(i+2 < len(ws) && ws[i+2].Norm == "course"):
			n := ws[i+1]
			g.report(p, lint.Span{Start: n.Start, End: n.End}, fmt.Sprintf(grammarData.Say(lint.English, "frame"), w.Norm+" of", w.Norm+" have"), "have")
		}
	}
}

// article checks "a"/"an" against the sound the next word starts with.
func (g *grammar) article(p *lint.Pass, text string, art, next word) {
	nw := text[next.Start:next.End]
	vowel, ok := g.vowelSound(nw)
	if !ok {
		return
	}
	want := "a"
	if vowel {
		want = "an"
	}
	if art.Norm == want {
		return
	}
	right := matchCase(lint.English, text[art.Start:art.End], want)
	sound := grammarData.Say(lint.English, "consonant")
	if vowel {
		sound = grammarData.Say(lint.English, "vowel")
	}
	g.report(p, lint.Span{Start: art.Start, End: art.End},
		fmt.Sprintf(grammarData.Say(lint.English, "article"), text[art.Start:art.End]+" "+nw, right+" "+nw, sound), right)
}

// vowelSound tells whether a word starts with a vowel sound; ok is false
// when the spelling does not say (a number, a symbol, a mixed-case name).
func (g *grammar) vowelSound(w string) (vowel, ok bool) {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsLetter(r) || r > unicode.MaxASCII {
		return false, false
	}
	letters := strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
	if len(letters) >= 2 && !strings.ContainsAny(strings.ToLower(letters), "aeiouy") {
		return strings.ContainsRune(g.vowelLetters, unicode.ToLower(r)), true
	}
	if len(letters) >= 2 && strings.ToUpper(letters) == letters {
		// An acronym: read letter by letter unless it is short and has
		// a vowel after its first letter (NASA, a FIFA match): unsure.
		if len(letters) <= 5 && strings.ContainsAny(letters[1:], "AEIOU") {
			return false, false
		}
		return strings.ContainsRune(g.vowelLetters, unicode.ToLower(r)), true
	}
	lw := strings.ToLower(w)
	for _, h := range g.silentH {
		if strings.HasPrefix(lw, h) {
			return true, true
		}
	}
	if !strings.ContainsRune("aeiou", rune(lw[0])) {
		return false, true
	}
	for _, c := range g.consonantSound {
		if strings.HasPrefix(lw, c) {
			return false, true
		}
	}
	return true, true
}

// frame matches a fixed wrong frame starting at ws[i].
func (g *grammar) frame(p *lint.Pass, text string, ws []word, i int) {
	if w := ws[i].Norm; w == "" || g.frameFirst[w[0]]&frameLen(w) == 0 {
		return
	}
	for _, fi := range g.framesOf[ws[i].Norm] {
		f := &g.frames[fi]
		wrong, right := f.wrong, f.right
		if i+len(wrong) > len(ws) {
			continue
		}
		ok := true
		for k, fw := range wrong {
			w := &ws[i+k]
			if w.Norm != fw || k+1 < len(wrong) && (strings.TrimSpace(w.Gap) != "" || ws[i+k+1].Start != w.End+len(w.Gap)) {
				ok = false
				break
			}
		}
		if end := ws[i+len(wrong)-1]; !ok || f.last && strings.TrimSpace(end.Gap) == "" && i+len(wrong) < len(ws) {
			continue
		}
		// Only the words that differ are replaced.
		for k := range wrong {
			if wrong[k] == right[k] {
				continue
			}
			w := ws[i+k]
			span := lint.Span{Start: w.Start, End: w.End}
			fix := matchCase(lint.English, text[w.Start:w.End], right[k])
			g.report(p, span, fmt.Sprintf(grammarData.Say(lint.English, "frame"), strings.Join(wrong, " "), strings.Join(right, " ")), fix)
		}
	}
}

// turkishParticle finds the question particle written attached to the
// word before a question mark, when the dictionary rejects the word and
// knows it without the particle (aldınızmı -> aldınız mı).
func (g *grammar) turkishParticle(p *lint.Pass, text string, ws []word) {
	lx, err := lexiconFor(lint.Turkish)
	if err != nil || lx == nil {
		return
	}
	for _, w := range ws {
		if !strings.HasPrefix(strings.TrimSpace(w.Gap), "?") {
			continue
		}
		for part := range g.particles[lint.Turkish] {
			stem, ok := strings.CutSuffix(w.Norm, part)
			if !ok || utf8.RuneCountInString(stem) < 2 || lx.known(w.Norm) || !lx.known(stem) {
				continue
			}
			cut := w.Start + len(text[w.Start:w.End]) - len(part)
			right := text[w.Start:cut] + " " + text[cut:w.End]
			g.report(p, lint.Span{Start: w.Start, End: w.End}, fmt.Sprintf(grammarData.Say(lint.Turkish, "particle_apart"), text[w.Start:w.End], right), right)
			break
		}
	}
}

// azerbaijaniParticle finds the question particle written as a word of its
// own after the word it asks about (var mı -> varmı).
func (g *grammar) azerbaijaniParticle(p *lint.Pass, gl *grammarLang, text string, ws []word) {
	particles, longest := gl.particles, gl.longestParticle
	for i := 1; i < len(ws); i++ {
		w, prev := &ws[i], &ws[i-1]
		// A word longer than every particle, or that starts as none
		// does, is not looked up: most words.
		if len(w.Norm) > longest || w.Norm == "" || !gl.particleFirst[w.Norm[0]] || !particles[w.Norm] || prev.Gap != " " {
			continue
		}
		span := lint.Span{Start: prev.Start, End: w.End}
		right := text[prev.Start:prev.End] + text[w.Start:w.End]
		g.report(p, span, fmt.Sprintf(grammarData.Say(lint.Azerbaijani, "particle_attached"), text[prev.Start:w.End], right), right)
	}
}

// kiApart finds ki written apart after the few words it joins (bel ki ->
// belki, çün ki -> çünki).
func (g *grammar) kiApart(p *lint.Pass, gl *grammarLang, text string, ws []word) {
	joined := gl.kiJoined
	for i := 0; i+1 < len(ws); i++ {
		w, next := &ws[i], &ws[i+1]
		// The next word first: few words are followed by ki.
		if next.Norm != "ki" || w.Gap != " " || !joined[w.Norm] {
			continue
		}
		span := lint.Span{Start: w.Start, End: next.End}
		right := text[w.Start:w.End] + text[next.Start:next.End]
		g.report(p, span, fmt.Sprintf(grammarData.Say(p.Msg.Lang, "joined"), text[w.Start:next.End], right), right)
	}
}

// togetherApart finds a compound the language writes as one word written as
// two (TDK Yazım Kılavuzu: hiç bir -> hiçbir, bir kaç -> birkaç, hiç birine ->
// hiçbirine), and the adjective suffix -ki written apart after a word in the
// locative case (vitrinde ki ürünler -> vitrindeki ürünler). The joined word
// must be one the dictionary knows; a ki that ends its clause is the
// conjunction (öyle bir yerde ki, ...), not the suffix.
func (g *grammar) togetherApart(p *lint.Pass, gl *grammarLang, text string, ws []word) {
	pairs, locs, firsts := gl.together, gl.locatives, gl.togetherFirst
	if len(pairs) == 0 && len(locs) == 0 {
		return
	}
	lx, err := lexiconFor(p.Msg.Lang)
	if err != nil || lx == nil {
		return
	}
	for i := 0; i+1 < len(ws); i++ {
		w, next := &ws[i], &ws[i+1]
		if w.Gap != " " {
			continue
		}
		// Joined only for a candidate: most word pairs are none.
		found := false
		for _, c := range pairs {
			if firsts == nil || w.Norm == "" || !firsts[w.Norm[0]] {
				break
			}
			if w.Norm == c[0] && strings.HasPrefix(next.Norm, softenedStem(c[1], next.Norm)) && lx.known(w.Norm+next.Norm) {
				found = true
				break
			}
		}
		if !found && next.Norm == "ki" && i+2 < len(ws) && next.Gap == " " && utf8.RuneCountInString(w.Norm) >= 4 && lx.known(w.Norm) {
			for _, l := range locs {
				if strings.HasSuffix(w.Norm, l) {
					found = lx.known(w.Norm + next.Norm)
					break
				}
			}
		}
		if !found {
			continue
		}
		span := lint.Span{Start: w.Start, End: next.End}
		right := text[w.Start:w.End] + text[next.Start:next.End]
		g.report(p, span, fmt.Sprintf(grammarData.Say(p.Msg.Lang, "joined"), text[w.Start:next.End], right), right)
	}
}

// frameLen is a word's length as a bit of grammar.frameFirst: the 31st
// for a word of 31 bytes or more.
func frameLen(w string) uint32 { return 1 << min(len(w), 31) }

// softenedStem is the compound's second word as it begins in word: with its
// final k softened to ğ before a vowel (çok: birçoğu).
func softenedStem(second, word string) string {
	if s, ok := strings.CutSuffix(second, "k"); ok && strings.HasPrefix(word, s+"ğ") {
		return s + "ğ"
	}
	return second
}
