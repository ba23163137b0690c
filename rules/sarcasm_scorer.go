package rules

import (
	_ "embed" // the scorer's weights
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/msglint/msglint/internal/logreg"
	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/dict"
	"github.com/msglint/msglint/lint/morph"
)

// The sarcasm rule's second detector: a scorer learnt from labelled
// messages (rules/data/sarcasm_scorer.<lang>.bin, written by
// `go run ./bench/sarcasmscorer -write`) that weighs general features of a
// message, its word stems and stem pairs, the rule's cue classes and where
// they stand, and flags a message whose score passes a threshold when the
// frames found nothing. Training it again after a change to the labelled
// sets, the features or the rule's cue lists: go generate ./rules (a test
// fails until then).

//go:generate go run ../bench/sarcasmscorer -write -root ..

// The weights are in logreg's binary format, a file per language, so that a
// check of English text reads the English weights only, straight from the
// program's bytes (embedded as byte slices: an embed.FS would copy them):
// the YAML they were kept in took 55 ms to parse, a third of a small
// check's start. The format holds the hash table a look-up reads, laid out
// when the weights are written, so a check builds no table and touches
// only the pages of the slots its messages look up: the table built at run
// time cost a check of three languages 4.6 MB and 17 ms.
var (
	//go:embed data/sarcasm_scorer.en.bin
	sarcasmScorerEN []byte
	//go:embed data/sarcasm_scorer.tr.bin
	sarcasmScorerTR []byte
	//go:embed data/sarcasm_scorer.az.bin
	sarcasmScorerAZ []byte

	sarcasmScorerBytes = map[lint.Lang][]byte{lint.English: sarcasmScorerEN, lint.Turkish: sarcasmScorerTR, lint.Azerbaijani: sarcasmScorerAZ}
)

// SarcasmScorerFile is the scorer's weights file for a language, under
// rules/.
func SarcasmScorerFile(l lint.Lang) string { return "data/sarcasm_scorer." + string(l) + ".bin" }

// SarcasmScorerOptions switch the learnt scorer on or off and set how sure
// it must be.
type SarcasmScorerOptions struct {
	Enabled bool `yaml:"enabled"`
	// Threshold is the score (0 to 1) a message must reach: higher flags
	// fewer messages.
	Threshold float64 `yaml:"threshold"`
}

// SarcasmScoredOptions are the sarcasm rule's options with the scorer's.
type SarcasmScoredOptions struct {
	SarcasmOptions `yaml:",inline"`
	Scorer         SarcasmScorerOptions `yaml:"scorer"`
}

// sarcasmScorerDefaults: the scorer is on at 0.95. The threshold is set by
// false alarms on real text written for apps, not by the sets it was scored
// on: at 0.90 it flags questions that confirm a step ("Are you sure you want
// to delete the form?"), 0.20 per 1,000 words of English and 0.03 to 0.04 of
// Turkish and Azerbaijani; at 0.95, 0.01, 0.01 and none. At 0.95 it found 10
// to 15 more sarcastic messages in a hundred on a set nobody tuned for.
// Trained on twelve sets (about 3,300 messages a language) it flagged, at
// 0.95, none, 0.03 and 0.07 per 1,000 words of that text; at 0.90, 0.10,
// 0.03 and 0.15, and six more of the fixtures' sincere twins. Trained on
// seventeen (about 4,800 a language, a quarter of them sarcastic) it
// flagged, at 0.95, 0.04, 0.04 and 0.07: confirmation prompts and status
// lines. Trained on every set (twenty-four) with a lighter penalty it flags
// 0.06, 0.04 and 0.07; held out, at 0.90 to 0.93 it would keep precision
// 0.95 on the sets but flag 0.13 to 0.22 per 1,000 words of English app text.
// Five of those six English flags were markup read as the customer's words
// (`<xliff:g id="duration">`: a quote opening on a lower-case letter) and a
// "Do you want to …?" confirmation; with both left out and trained on all
// twenty-seven sets at a penalty of 0.0005 it flags none, 0.03 and 0.07.
var sarcasmScorerDefaults = SarcasmScorerOptions{Enabled: true, Threshold: 0.95}

const sarcasmScorerDoc = `

Beside these patterns, a learnt scorer is on. It has read every labelled set of ours but the newest blind one, over 11 000 sarcastic and
sincere replies in each language, and weighs a message's words in any ending and its endings (a mood, a tense, a person on any stem), the words side by side and the sarcastic ingredients above, alone and in a message
that speaks to the customer, asks, exclaims or quotes; an ingredient denied ("you're not to blame", "günahınız yoxdur") counts as a denial, not as the ingredient, and one the patterns read as none (a surprise to come, "try again", a surprise exclaimed in delight) as a kind of its own, so it also catches sarcasm put in a new way that no pattern describes; it leaves alone a question that asks the
customer to confirm a step ("Are you sure you want to delete it?", "Do you want to mark all as read?"), not one that asks them to try ("Do you want to try reading it
this time?"), and reads no
quotes inside markup (id="duration"). threshold (0 to 1, default 0.95) says how
sure it must be before it flags a message: higher flags fewer messages and misses more sarcasm, lower finds more
and flags more sincere messages by mistake. To keep the patterns only, switch it off: scorer: {enabled: false}.`

// withSarcasmScorer adds the learnt scorer to the sarcasm rule: its options
// gain scorer, its check runs the scorer on a message the frames leave
// silent.
func withSarcasmScorer(r *lint.Rule) {
	frames := r.New
	defaults := SarcasmScoredOptions{SarcasmOptions: r.Options.(SarcasmOptions), Scorer: sarcasmScorerDefaults}
	r.Options = defaults
	r.Doc.Text += sarcasmScorerDoc
	r.New = func(node *yaml.Node) (lint.Check, error) {
		o, err := lint.DecodeOptions(node, defaults)
		if err != nil {
			return nil, err
		}
		if t := o.Scorer.Threshold; !(t > 0 && t < 1) {
			return nil, fmt.Errorf("scorer.threshold: %v is not between 0 and 1", t)
		}
		if !o.Scorer.Enabled {
			return frames(withoutKey(node, "scorer"))
		}
		// The frames and the scorer look for the cues of the built-in
		// lexicon in one pass unless a config changes the frames'.
		shared := len(o.Add) == 0 && len(o.Replace) == 0
		pb := sarcasmCues()
		if !shared {
			lx, err := o.LexiconOptions.apply(sarcasmLexicon)
			if err != nil {
				return nil, err
			}
			pb = lx.compile()
		}
		you := sarcasmCustomer()
		sc := sarcasmScorer{threshold: o.Scorer.Threshold}
		return func(p *lint.Pass) {
			m := p.Msg
			s := sarcasmScratches.Get().(*sarcasmScratch)
			defer sarcasmScratches.Put(s)
			found := findCues(pb, m, &s.cues)
			if shared { // read before the frames refine them
				s.classes = cueClasses(m, found, s.cues.hits, s.classes[:0])
			}
			if checkSarcasm(p, found, you) {
				return
			}
			if confirmLabel(m) || slipDenied(m, found, you) {
				return
			}
			if !shared {
				builtin := findCues(sarcasmCues(), m, &s.builtin)
				s.classes = cueClasses(m, builtin, s.builtin.hits, s.classes[:0])
			}
			sc.check(p, s)
		}, nil
	}
}

// confirmLabels and confirmSure are the words of a confirm button's label
// by language (confirmLabel).
var (
	confirmLabels = sarcasmData.WordSets("confirm_label")
	confirmSure   = sarcasmData.WordSets("confirm_sure")
)

// confirmLabel reports whether a message is only a bare affirmation of
// two to four words ending on its word of certainty: a confirm button's
// label answering a confirmation ("Yes, I'm sure", "Evet, eminim"), the
// customer's words, not a reply of ours.
func confirmLabel(m *lint.Message) bool {
	n, last, labels := 0, "", confirmLabels[m.Lang]
	for _, t := range m.Tokens() {
		if t.Kind != lint.Word {
			continue
		}
		if n++; n > 4 || !labels[t.Norm] {
			return false
		}
		last = t.Norm
	}
	return n >= 2 && confirmSure[m.Lang][last]
}

// slipDenied reports whether every accident the message names is denied
// ("you didn't fall off once", "heç azmadınız", "hiç düşmediniz"): praise
// of a slip that did not happen is good news, as the frames read it, and
// the scorer leaves it alone unless a slip or a mishap is kept beside it.
func slipDenied(m *lint.Message, found cuesFound, you customer) bool {
	acc := found[lsAccident]
	if len(acc) == 0 || len(found[lsMishap]) > 0 {
		return false
	}
	return len(you.undenied(m, acc)) == 0 && len(you.undenied(m, found[lsMisdeed])) == 0
}

// cueClass is a class of the built-in lexicon's cues found in a message,
// as the scorer reads it.
type cueClass struct {
	list string
	hash uint64 // of list
	// at is the sentence of its first cue; first and last say whether a
	// cue stands in the first sentence, or in the last of two or more.
	at          int
	first, last bool
}

// frameOnly are the lists that are halves of a frame, no cue alone: a
// noun of nature or an animal, a verb of talking-to or of stopping ("the
// storm delayed it", "we'll talk to the courier"), the evidential past
// ("olmuş", "olub"), who else means harm (scammers). The scorer reads the
// frame's finding, not its halves.
var frameOnly = func() []bool {
	out := make([]bool, len(sarcasmLists))
	for _, n := range [...]string{"nature", "command", "control", "evidential", "third_party", "waiting_staff"} {
		out[sarcasmListOf(n)] = true
	}
	return out
}()

// cueClasses appends the classes of the lexicon's cues found in m to out,
// by name, given the lists found (hits, ascending: the lists are numbered
// in their names' order). A cue denied (see deniedCue: "günahınız
// yoxdur", "kabahatiniz yok", "nobody is to blame") is read as a class of
// its own, its list's denial, not as the list: a fault denied is a
// reassurance, not blame taken, and what a denial means is learnt apart.
func cueClasses(m *lint.Message, found cuesFound, hits []int32, out []cueClass) []cueClass {
	sents := m.Sentences()
	// negated keeps deniedCue's verdict on each word: a message's cues
	// share their neighbours, and a verdict may need the word's stem.
	var kept [256]negVerdict
	var negated []negVerdict
	if n := len(m.Tokens()); n <= len(kept) {
		negated = kept[:n]
	} else {
		negated = make([]negVerdict, n)
	}
	neg := negationFlags.of(m)
	// What the frames read as none of its list is a class of its own
	// ("none absurd"): a feat the frames find no feat ("freeze time on
	// your ticket"), a surprise to come ("you'll be surprised how soft it
	// is") or credited to us, a noun of ours after it in its sentence
	// ("our team", "komandamız"), and a cue inside an instruction to retry
	// ("try again", "yine deneyin", "yenə cəhd edin"): its "again" is no
	// complaint; so are a surprise exclaimed in delight (see delighted:
	// "What a surprise, your starter doubled overnight! Lovely work") and
	// enlightenment no question of the customer's taught us (see taught:
	// "thank you for sharing why you chose us, it was eye-opening").
	var feats, markers []lint.Match
	if len(found[lsAbsurd]) > 0 {
		read := slices.Clone(found)
		read[lsAbsurd] = slices.Clone(found[lsAbsurd])
		feats = timeFeats(m, read)
	}
	if len(found[lsSurpriseNoun]) > 0 {
		markers = delighted(m, found[lsMarkers], found)
	}
	toks := m.Tokens()
	for _, list := range hits {
		if frameOnly[list] {
			continue
		}
		var kept, denied, none cueClass
		for _, mt := range found[list] {
			c := &kept
			if deniedCue(m, mt, negated, neg) || denial(m, found, mt) || list == int32(lsActJudgment) && askedAbout(m, mt) {
				c = &denied
			} else if list == int32(lsAbsurd) && !slices.Contains(feats, mt) || list == int32(lsSurprise) && nextTo(toks, mt, found[lsModal], 2) ||
				list != int32(lsRetry) && insideMatch(found[lsRetry], mt.Span) || list == int32(lsSurprise) && oursAfter(m, sents, mt) ||
				list == int32(lsMarkers) && len(found[lsSurpriseNoun]) > 0 && !slices.Contains(markers, mt) ||
				list == int32(lsEnlightened) && !taught(m, mt) {
				c = &none
			}
			at := sentenceOf(sents, mt.Span.Start)
			if c.list == "" {
				*c = cueClass{list: sarcasmLists[list], hash: sarcasmListHashes[list], at: at}
				switch c {
				case &denied:
					c.list, c.hash = "not "+c.list, sarcasmDeniedHashes[list]
				case &none:
					c.list, c.hash = sarcasmNoneLists[list], sarcasmNoneHashes[list]
				}
			}
			switch at {
			case 0:
				c.first = true
			case len(sents) - 1:
				c.last = true
			}
		}
		for _, c := range [...]*cueClass{&kept, &denied, &none} {
			if c.list != "" {
				out = append(out, *c)
			}
		}
	}
	return out
}

// oursAfter reports whether a noun of ours follows a cue in its sentence:
// "our" before a word in English, a word with our possessive ending
// (komandamız, ekibimiz) in Turkish and Azerbaijani.
func oursAfter(m *lint.Message, sents []lint.Span, c lint.Match) bool {
	i := sentenceOf(sents, c.Span.Start)
	if i < 0 || c.Last < 0 {
		return false
	}
	toks := m.Tokens()
	for k := c.Last + 1; k < len(toks) && toks[k].Start < sents[i].End; k++ {
		t := toks[k]
		if t.Kind != lint.Word {
			continue
		}
		if m.Lang == lint.English && t.Norm == "our" {
			return true
		}
		for e := range ourPossessive[m.Lang] {
			// komandamız: after a vowel the ending loses its own.
			_, v := utf8.DecodeRuneInString(e)
			if len(t.Norm) > len(e)+2 && (strings.HasSuffix(t.Norm, e) || strings.HasSuffix(t.Norm, e[v:]) && endsInVowel(t.Norm[:len(t.Norm)-len(e)+v])) {
				return true
			}
		}
	}
	return false
}

// sarcasmDeniedHashes are the hashes of the lexicon's lists' denials ("not
// blame"), by number.
var sarcasmDeniedHashes = func() []uint64 {
	out := make([]uint64, len(sarcasmListHashes))
	for i := range out {
		out[i] = textHash("not " + sarcasmLists[i])
	}
	return out
}()

// sarcasmNoneLists are the classes of the lexicon's cues the frames read
// as none of their list ("none absurd"), by number, and their hashes.
var (
	sarcasmNoneLists = func() []string {
		out := make([]string, len(sarcasmLists))
		for i := range out {
			out[i] = "none " + sarcasmLists[i]
		}
		return out
	}()
	sarcasmNoneHashes = func() []uint64 {
		out := make([]uint64, len(sarcasmNoneLists))
		for i := range out {
			out[i] = textHash(sarcasmNoneLists[i])
		}
		return out
	}()
)

// scorerNegation are the words that deny ("not", "değil", "yox"), by
// language, and the hashes of their folded forms, which a word's stem is
// compared with: "yoxdur", "yoktur", "değildir" are the denial with a
// copula.
var (
	scorerNegation       = sarcasmData.WordSets("negation")
	scorerNegationHashes = func() map[lint.Lang]map[uint64]bool {
		out := map[lint.Lang]map[uint64]bool{}
		for l, words := range scorerNegation {
			out[l] = map[uint64]bool{}
			for w := range words {
				out[l][textHash(lint.Fold(l, w))] = true
			}
		}
		return out
	}()
)

// denial reports whether a cue is only words of negation and denies what
// is not the customer's slip: an accident at most two words after it in
// its clause ("didn't" of "you didn't fall off", "heç" of "heç
// azmadınız"), or anything with no word of the customer's (a 2nd person
// form, "you") among the two words on either side of it in its clause:
// "hiç" of "makinede hiç arıza çıkmamış", "never" of "the fridge never
// broke down" denies a mishap, good news. A word of negation the customer's
// words stand beside may be the slip itself ("you didn't read the label",
// "hiç okumadınız").
func denial(m *lint.Message, found cuesFound, mt lint.Match) bool {
	if mt.First < 0 {
		return false
	}
	toks := m.Tokens()
	neg := negationFlags.of(m)
	for k := mt.First; k <= mt.Last; k++ {
		if t := &toks[k]; t.Kind == lint.Word && neg.bitsAt(m, k)&negListed == 0 || t.Kind == lint.Punct {
			return false
		}
	}
	folded := lint.Folded(m.Lang, m.Body.Text)
	words := sarcasmWordsOf(m.Lang, folded)
	yours := false
	for _, end := range [...]struct{ at, dir int }{{mt.First, -1}, {mt.Last, 1}} {
		k := end.at
		for range 2 {
			if k = neighbour(toks, k, end.dir); k < 0 || toks[k].Kind != lint.Word {
				break
			}
			if end.dir > 0 && slices.ContainsFunc(found[lsAccident], func(o lint.Match) bool { return o.First == k }) {
				return true
			}
			yours = yours || sarcasmWord(words, m.Lang, toks[k].Norm, folded).you
		}
	}
	return !yours
}

// deniedCue reports whether a cue is denied: a word of negation at most
// two words before it in its clause ("not our fault", "nobody is to
// blame"), or right after it closing its clause, as a predicate
// ("günahınız yoxdur.", "kabahatiniz yok!", "suçunuz değil,", "Of course
// not."). A word of negation after a cue with more of its clause to come
// is not the cue's denial ("Of course no one read it", "Tabii ki hiç
// okumadınız"). Words of negation inside the cue are the cue's own.
func deniedCue(m *lint.Message, mt lint.Match, verdicts []negVerdict, neg *wordFlags) bool {
	if mt.First < 0 {
		return false
	}
	toks := m.Tokens()
	negated := func(k int) bool {
		if verdicts[k] == negUnknown {
			verdicts[k] = negNo
			if neg.bitsAt(m, k)&negWord != 0 {
				verdicts[k] = negYes
			}
		}
		return verdicts[k] == negYes
	}
	k := mt.First
	for range 2 {
		if k = neighbour(toks, k, -1); k < 0 || toks[k].Kind == lint.Punct {
			break
		}
		if negated(k) {
			return true
		}
	}
	n := neighbour(toks, mt.Last, 1)
	if n < 0 || !negated(n) {
		return false
	}
	after := neighbour(toks, n, 1)
	return after < 0 || toks[after].Kind == lint.Punct
}

// negVerdict is deniedCue's verdict on one word of a message.
type negVerdict uint8

const (
	negUnknown negVerdict = iota
	negNo
	negYes
)

// negationWord reports whether a word is a word of negation, by its form
// or by its stem ("yoxdur", "değildir"): what negationFlags keep by the
// word's id (bit 0), so that the words beside a message's cues are not
// hashed into the sets each time they are asked about.
func negationWord(l lint.Lang, norm string) bool {
	if scorerNegation[l][norm] {
		return true
	}
	// The stem does not depend on the text's letters being folded (only
	// sarcasmWordInfo.you does).
	return scorerNegationHashes[l][sarcasmWord(sarcasmWordsOf(l, false), l, norm, false).stem]
}

// negationFlags are negationWord's answers (negWord) by language and
// word id, and whether the word is one of negation's words itself
// (negListed).
var negationFlags = func() langFlags {
	langs := map[lint.Lang]bool{}
	for l := range scorerNegation {
		langs[l] = true
	}
	return langFlagsOf(langs, func(l lint.Lang) func(w, norm string) wordBits {
		return func(_, norm string) wordBits {
			var b wordBits
			if negationWord(l, norm) {
				b |= negWord
			}
			if scorerNegation[l][norm] {
				b |= negListed
			}
			return b
		}
	}, setBits(nil, nil))
}()

// The bits of negationFlags.
const (
	negWord wordBits = 1 << iota
	negListed
)

// sarcasmScratch is the scorer's working memory for one message, kept in a
// pool: the scorer reads every message the frames leave silent, nearly all.
type sarcasmScratch struct {
	// cues are the frames' cues found (findAllIn), builtin the built-in
	// lexicon's when a config changes the frames'.
	cues, builtin cueScratch
	classes       []cueClass
	words         []wordAt
	logit         float64
	weight        []float64 // by sentence
	seen          []uint32  // the features counted
	// counted has bit n set for a feature of place n in seen: a long
	// message has hundreds of features, each looked for in what came
	// before. Cleared bit by bit after each message.
	counted []uint64
}

var sarcasmScratches = sync.Pool{New: func() any { return new(sarcasmScratch) }}

// withoutKey is a mapping node without one key, for a constructor that does
// not know it.
func withoutKey(node *yaml.Node, key string) *yaml.Node {
	if node == nil {
		return nil
	}
	n := node
	if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		n = n.Content[0]
	}
	if n.Kind != yaml.MappingNode {
		return node
	}
	out := *n
	out.Content = nil
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value != key {
			out.Content = append(out.Content, n.Content[i], n.Content[i+1])
		}
	}
	return &out
}

type sarcasmScorer struct{ threshold float64 }

// sarcasmScorerMessage says why without a score: the score moves a little
// each time the scorer is trained again.
const sarcasmScorerMessage = "reads as sarcasm toward the customer: worded like the sarcastic replies the rule learnt from"

// check flags the message when its score passes the threshold, at the
// sentence whose own features weigh most; s holds the classes of the
// built-in lexicon's cues (sarcasmCues) found in it.
func (sc sarcasmScorer) check(p *lint.Pass, s *sarcasmScratch) {
	m := p.Msg
	var weights *sarcasmScoring
	if sc := sarcasmModelsByLang.Of(m); sc != nil {
		weights = sc()
	}
	if weights == nil || slices.ContainsFunc(s.classes, confirms) && !slices.ContainsFunc(s.classes, asksAttempt) {
		return
	}
	sents := m.Sentences()
	if len(sents) == 0 {
		return
	}
	logit, weight := s.score(m, weights, len(sents))
	if logreg.Probability(logit) < sc.threshold {
		return
	}
	best := 0
	for i := range weight {
		if weight[i] > weight[best] {
			best = i
		}
	}
	p.Report(lint.Diagnostic{
		Span:       sents[best],
		Message:    sarcasmScorerMessage,
		Suggestion: sarcasmData.Say(m.Lang, "suggestion"),
	})
}

// score is a message's logit under the language's weights and each of its
// n sentences' share of it, in s.weight: each feature counts once, as in
// training. It reads the features sarcasmFeatures gives, in the same
// order (a float sum depends on it), but walks the words itself: a word's
// own features and their weights come with the word from sc's memo, so
// of a word's features only the pair with the word before is looked up.
func (s *sarcasmScratch) score(m *lint.Message, sc *sarcasmScoring, n int) (logit float64, weight []float64) {
	model := sc.model
	s.logit = model.Bias
	s.weight = append(s.weight[:0], make([]float64, n)...)
	s.words = s.words[:0]
	if words := (model.Slots() + 63) / 64; len(s.counted) < words {
		s.counted = make([]uint64, words)
	}
	sents := m.Sentences()
	prev, opened := uint64(0), -1 // as in sarcasmFeatures
	var shape [len(sarcasmShapes)]bool
	folded := lint.Folded(m.Lang, m.Body.Text)
	words, byID := sc.wordsOf(folded)
	var ids []lint.WordID // none: each word by its text
	if m.HasWordIDs() {
		ids = m.WordIDs()
	}
	i := min(0, len(sents)-1)
	// One function to work a word out on a miss, made once a message, not
	// once a word.
	var word string
	look := func() scoredWord { return sc.scored(sarcasmWord(nil, m.Lang, word, folded)) }
	emit := func(f logreg.Feature, sentence int) { s.count(sc.weigh(f), sentence) }
	var looked scoredWord // a word not kept by id, read here
	toks := m.Tokens()
	for k := range toks {
		t := &toks[k]
		if t.Kind == lint.Space {
			// Nothing of a space counts: the sentence it may open resets
			// the pair at the next token as well.
			continue
		}
		i = sentenceFrom(sents, i, t.Start)
		if i != opened {
			prev = 0
		}
		switch t.Kind {
		case lint.Word:
			// Read where it is kept, not copied: a scored word is
			// twelve words long.
			var w *scoredWord
			if id := idOf(ids, k); id == 0 {
				word = t.Norm
				looked = words.get(word, look)
				w = &looked
			} else if w = byID.Get(id); w == nil {
				word = t.Norm
				looked = words.get(word, look)
				byID.Put(id, &scoredWord{info: looked.info, word: looked.word, first: looked.first, ending: looked.ending})
				w = &looked
			}
			s.count(w.word, i)
			s.count(w.ending, i)
			if i != opened {
				s.count(w.first, i)
				opened = i
			} else if prev != 0 {
				s.count(sc.weigh(featureAfter(kindPair, prev, w.info.second)), i)
			}
			prev = w.info.stem
			shape[0] = shape[0] || w.info.you
			s.words = appendWordAt(s.words, w.info, i)
		case lint.Number:
			prev, opened = numberHash, i
		case lint.Punct:
			markShapes(&shape, m.Body.Text, *t)
			prev = 0
		}
	}
	sarcasmMessageFeatures(&shape, s.classes, s.words, len(sents), emit)
	s.words = s.words[:0]
	for _, i := range s.seen {
		s.counted[i/64] = 0
	}
	s.seen = s.seen[:0]
	return s.logit, s.weight
}

// idOf is token k's word id, 0 when the message has none (ids nil).
func idOf(ids []lint.WordID, k int) lint.WordID {
	if ids == nil {
		return 0
	}
	return ids[k]
}

// count adds a feature's weight to the logit and to its sentence's
// (sentence -1: the message's), unless it has no weight or counted
// already.
func (s *sarcasmScratch) count(f modelFeature, sentence int) {
	if f.i < 0 {
		return
	}
	i := uint32(f.i)
	if s.counted[i/64]&(1<<(i%64)) != 0 {
		return
	}
	s.counted[i/64] |= 1 << (i % 64)
	s.seen = append(s.seen, i)
	s.logit += f.w
	if sentence >= 0 {
		s.weight[sentence] += f.w
	}
}

// modelFeature is a feature's place in a model's table (logreg's
// Compiled.Slot) and its weight; place -1: it has none.
type modelFeature struct {
	i int32
	w float64
}

// scoredWord is what the scorer reads of a word with a language's
// weights: the word's info, and its features as a word (w:) and as a
// sentence's first (f:) looked up in them.
type scoredWord struct {
	info                sarcasmWordInfo
	word, first, ending modelFeature
}

// sarcasmScoring is a language's weights, with the words scored so far,
// by folding (index 1: folded), kept with the weights they were looked up
// in: by the word's text, and by its id (lint.WordID), which a message's
// words are looked up by first.
type sarcasmScoring struct {
	model *logreg.Compiled
	words [2]memo[scoredWord]
	byID  [2]lint.WordValues[scoredWord]
}

func (sc *sarcasmScoring) weigh(f logreg.Feature) modelFeature {
	if i, w, ok := sc.model.Slot(f); ok {
		return modelFeature{i, w}
	}
	return modelFeature{i: -1}
}

func (sc *sarcasmScoring) scored(w sarcasmWordInfo) scoredWord {
	ending := modelFeature{i: -1}
	if w.ending != 0 {
		ending = sc.weigh(w.ending)
	}
	return scoredWord{info: w, word: sc.weigh(w.word), first: sc.weigh(w.first), ending: ending}
}

func (sc *sarcasmScoring) wordsOf(folded bool) (*memo[scoredWord], *lint.WordValues[scoredWord]) {
	f := b2i(folded)
	return &sc.words[f], &sc.byID[f]
}

// confirms: a question that asks the customer to confirm a step ("Are you
// sure you want to delete it?") is sincere, though "are you sure" opens
// sarcasm too.
func confirms(c cueClass) bool { return c.list == "confirmation" }

// asksAttempt: a question that asks for an attempt ("Do you want to try
// reading the email this time?") confirms no step, though its words
// begin a confirmation.
func asksAttempt(c cueClass) bool { return c.list == "attempt_asked" }

// sarcasmModels are the scorer's weights, each language's read the first
// time a message in it is scored; nil for a language without weights.
var sarcasmModels = func() map[lint.Lang]func() *sarcasmScoring {
	out := map[lint.Lang]func() *sarcasmScoring{}
	for _, l := range lint.Langs {
		out[l] = sync.OnceValue(func() *sarcasmScoring {
			model, err := viewSarcasmModel(l)
			if err != nil {
				// The weights are built into the program and
				// tested: a bad file is a broken build.
				panic(err)
			}
			return &sarcasmScoring{model: model}
		})
	}
	return out
}()

// sarcasmModelsByLang is sarcasmModels read by a message's language.
var sarcasmModelsByLang = lint.NewLangTable(sarcasmModels)

// sarcasmScoringOf is a language's weights with its memo of words scored,
// nil for a language without weights.
func sarcasmScoringOf(l lint.Lang) *sarcasmScoring {
	if sc := sarcasmModels[l]; sc != nil {
		return sc()
	}
	return nil
}

func sarcasmModel(l lint.Lang) *logreg.Compiled {
	if sc := sarcasmScoringOf(l); sc != nil {
		return sc.model
	}
	return nil
}

// ReadSarcasmModel reads a language's shipped weights, checking every
// slot of their table; an error names the file.
func ReadSarcasmModel(l lint.Lang) (*logreg.Compiled, error) {
	return readSarcasmModel(l, logreg.Read)
}

// viewSarcasmModel is a language's shipped weights as the scorer reads
// them: their header checked, their table read in place (logreg.View), so
// that a check touches only the slots its messages look up and builds
// nothing at start. TestSarcasmModelsLoad holds every slot to
// ReadSarcasmModel.
func viewSarcasmModel(l lint.Lang) (*logreg.Compiled, error) {
	return readSarcasmModel(l, logreg.View)
}

func readSarcasmModel(l lint.Lang, read func([]byte) (*logreg.Compiled, error)) (*logreg.Compiled, error) {
	raw, ok := sarcasmScorerBytes[l]
	if !ok {
		return nil, fmt.Errorf("rules/%s: no such file", SarcasmScorerFile(l))
	}
	model, err := read(raw)
	if err != nil {
		return nil, fmt.Errorf("rules/%s: %w", SarcasmScorerFile(l), err)
	}
	return model, nil
}

// sarcasmCues is the rule's built-in lexicon, compiled once: the scorer
// reads its cue classes as they ship, whatever a config adds to the frames,
// as its weights were learnt from them.
var sarcasmCues = sync.OnceValue(func() phraseBook { return sarcasmLexicon.compile() })

// SarcasmFeatures are a message's scorer features, for training: the
// scorer reads the same.
func SarcasmFeatures(m *lint.Message) []logreg.Feature {
	var out []logreg.Feature
	var s cueScratch
	found := findCues(sarcasmCues(), m, &s)
	classes := cueClasses(m, found, s.hits, nil)
	sarcasmFeatures(m, classes, func(f logreg.Feature, _ int) { out = append(out, f) })
	return out
}

// SarcasmConfirms reports whether a message asks the customer to confirm a
// step, which the scorer leaves alone.
func SarcasmConfirms(m *lint.Message) bool {
	var s cueScratch
	found := findCues(sarcasmCues(), m, &s)
	return slices.ContainsFunc(cueClasses(m, found, s.hits, nil), confirms)
}

// A feature's number is a hash of its kind and its parts (a stem, two
// stems, a cue class), made from the parts' own hashes: a word's is taken
// once a run, with its stem, so the scorer builds no string per word and
// the trainer, which reads the same numbers, none either. Its top byte is
// its kind.
type sarcasmKind byte

// The kinds of features. Their numbers are part of the weights files: a
// new kind goes at the end.
const (
	_              sarcasmKind = iota
	kindWord                   // w: a word's stem
	kindFirst                  // f: the stem that opens a sentence
	kindPair                   // b: two stems in a row in a sentence
	kindClass                  // c: a cue class of the rule's lexicon
	kindClassFirst             // c1: a cue class in the first sentence
	kindClassLast              // cN: a cue class in the last of two or more
	kindClassPair              // p: two cue classes
	kindShape                  // s: a shape of the message
	kindClassShape             // cs: a cue class in a message of a shape
	kindEnding                 // e: what a word's stem leaves of it, its endings
	kindClassYou               // cy: a cue class with the endings of a word of the customer's in its sentence
)

// sarcasmKindNames name the kinds, for a reader of the weights.
var sarcasmKindNames = [...]string{"", "w", "f", "b", "c", "c1", "cN", "p", "s", "cs", "e", "cy"}

// SarcasmFeatureKind names the kind of a feature: w, f, b, c, c1, cN, p,
// s, cs, e or cy.
func SarcasmFeatureKind(f logreg.Feature) string {
	if k := f >> 56; k < uint64(len(sarcasmKindNames)) {
		return sarcasmKindNames[k]
	}
	return "?"
}

// textHash is a word's or a name's hash (64-bit FNV-1a): fixed, as the
// weights files hold what it gives.
func textHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// sarcasmFeature is the number of a feature of kind k with parts hashed a
// and b (b is 0 for a feature of one part); a, b and b, a differ.
func sarcasmFeature(k sarcasmKind, a, b uint64) logreg.Feature {
	return featureAfter(k, a, secondHash(k, b))
}

// secondHash is a feature's second part as its number mixes it in: a
// word's, worked out once a run (sarcasmWordInfo), so a pair of words
// costs one mix, not two.
func secondHash(k sarcasmKind, b uint64) uint64 { return mix64(b + uint64(k)) }

// featureAfter is sarcasmFeature(k, a, b) given b's secondHash.
func featureAfter(k sarcasmKind, a, second uint64) logreg.Feature {
	return uint64(k)<<56 | mix64(a^second)>>8
}

// mix64 is SplitMix64's finaliser: every bit of x moves about half of the
// result's.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// sarcasmFeatures calls emit with each of a message's features and the
// sentence it stands in (-1: the message as a whole), given the classes of
// the built-in lexicon's cues found in it. The features: each word's stem
// (w:) and the endings it leaves (e:, "-mışsınız", "-ed": the same mood,
// tense or person on any stem), each pair of stems in a row in a sentence
// (b:), the stem that opens a sentence (f:); each cue class of the rule's
// lexicon present (c:), in the first sentence (c1:) or the last (cN:), in
// a message of each shape (cs:), and each pair of cue classes (p:); a 2nd
// person form, quotes, a question, an exclamation, an ellipsis (s:).
func sarcasmFeatures(m *lint.Message, classes []cueClass, emit func(f logreg.Feature, sentence int)) {
	sents := m.Sentences()
	// prev is the hash of the stem before, 0 after a punctuation mark: a
	// pair is two words in a row; opened the sentences whose first word
	// is seen.
	prev, opened := uint64(0), -1
	var shape [len(sarcasmShapes)]bool
	folded := lint.Folded(m.Lang, m.Body.Text)
	words := sarcasmWordsOf(m.Lang, folded)
	var at []wordAt
	i := min(0, len(sents)-1) // the token's sentence
	for _, t := range m.Tokens() {
		i = sentenceFrom(sents, i, t.Start)
		if i != opened {
			prev = 0
		}
		switch t.Kind {
		case lint.Word:
			w := sarcasmWord(words, m.Lang, t.Norm, folded)
			emit(w.word, i)
			if w.ending != 0 {
				emit(w.ending, i)
			}
			if i != opened {
				emit(w.first, i)
				opened = i
			} else if prev != 0 {
				emit(featureAfter(kindPair, prev, w.second), i)
			}
			prev = w.stem
			shape[0] = shape[0] || w.you
			at = appendWordAt(at, w, i)
		case lint.Number:
			prev, opened = numberHash, i
		case lint.Punct:
			markShapes(&shape, m.Body.Text, t)
			prev = 0
		}
	}
	sarcasmMessageFeatures(&shape, classes, at, len(sents), emit)
}

// markShapes sets the shapes a punctuation mark of text is in.
func markShapes(shape *[len(sarcasmShapes)]bool, text string, t lint.Token) {
	// A full stop, a comma: a mark that starts with no shape's byte is in
	// none.
	if t.Norm != "" && !sarcasmShapeBytes[t.Norm[0]] {
		return
	}
	for k, marks := range sarcasmShapes[1:] {
		if strings.Contains(marks, t.Norm) && (k+1 != quoteShape || opensLowerCase(text, t.End) && !attributeValue(text, t.Start) && !closesOnWord(text, t.Start)) {
			shape[k+1] = true
		}
	}
}

// wordAt is what the message's features read of a word: its sentence, its
// stem, whether it is the customer's and its endings.
type wordAt struct {
	sentence int
	stem     uint64
	you      bool
	ending   logreg.Feature
}

// appendWordAt appends a word the message's features read: one of the
// customer's with endings (see sarcasmMessageFeatures); the others make
// none of them, and a message's words are read once for each cue class.
func appendWordAt(out []wordAt, w sarcasmWordInfo, sentence int) []wordAt {
	if !w.you || w.ending == 0 {
		return out
	}
	return append(out, wordAt{sentence: sentence, stem: w.stem, you: w.you, ending: w.ending})
}

// sarcasmMessageFeatures calls emit with the features of a message of n
// sentences that no word makes alone: its shapes (s:), the cue classes
// found in it (c:, c1:, cN:, p:), each with the endings of the customer's
// words in its sentence (cy:, "yazmanız … kusursuz bir mantık": praise of
// what the customer did, named by its verbal noun), given the message's words.
func sarcasmMessageFeatures(shape *[len(sarcasmShapes)]bool, classes []cueClass, words []wordAt, n int, emit func(f logreg.Feature, sentence int)) {
	for k, h := range sarcasmShapeHashes {
		if shape[k] {
			emit(sarcasmFeature(kindShape, h, 0), -1)
		}
	}
	for _, c := range classes {
		if c.first {
			emit(sarcasmFeature(kindClassFirst, c.hash, 0), 0)
		}
		if c.last {
			emit(sarcasmFeature(kindClassLast, c.hash, 0), n-1)
		}
	}
	for _, c := range classes {
		for k, h := range sarcasmShapeHashes {
			if shape[k] {
				emit(sarcasmFeature(kindClassShape, c.hash, h), c.at)
			}
		}
	}
	for i, a := range classes {
		emit(sarcasmFeature(kindClass, a.hash, 0), a.at)
		for _, b := range classes[i+1:] {
			emit(sarcasmFeature(kindClassPair, a.hash, b.hash), -1)
		}
	}
	for _, c := range classes {
		for _, w := range words {
			if w.you && w.ending != 0 && w.sentence == c.at {
				emit(sarcasmFeature(kindClassYou, c.hash, uint64(w.ending)), c.at)
			}
		}
	}
}

// quoteShape is the index of quotes among the shapes. Quotes count only
// when they open on a lower-case letter: scare quotes hold the customer's
// own words in mid-sentence ("your “tiny spoonful” of peanut butter"), where
// app text quotes a button, a menu, a folder or a placeholder, written with
// a capital or a sign ("Restore it with “I already have a profile”", "%2$s").
// In our labelled sets nine quotes in ten of the sarcastic messages open on
// a lower-case letter; in real locale files fewer than half do.
const quoteShape = 3

// attributeValue reports whether the quote at at opens a value of markup or
// code (`id="duration"`, `class="govuk-link"`, `name='x'`): an equals sign
// right before it. App text wraps its placeholders in tags whose
// attributes open on a lower-case letter; they are not the customer's
// words.
func attributeValue(text string, at int) bool { return at > 0 && text[at-1] == '=' }

// closesOnWord reports whether the quote mark at at closes a quotation:
// it follows a letter, a digit or a mark that ends a sentence with no
// space between. A lower-case letter after it is a suffix on the quoted
// name ("“Ayarlar”dan", "«Saxla»ya": the case ending of a menu, a button
// quoted with a capital), not the customer's words opening.
func closesOnWord(text string, at int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:at])
	return at > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(".,!?…)", r))
}

// opensLowerCase reports whether text goes on after at with a lower-case
// letter.
func opensLowerCase(text string, at int) bool {
	r, _ := utf8.DecodeRuneInString(text[at:])
	return unicode.IsLower(r)
}

// numberHash stands for a number in a pair of words ("#").
var numberHash = textHash("#")

// sarcasmShapeNames name the shapes of a message the scorer reads, and
// sarcasmShapes the punctuation marks of each ("you" is found by words).
var (
	sarcasmShapeNames = [...]string{"you", "question", "exclaim", "quote", "ellipsis"}
	sarcasmShapes     = [len(sarcasmShapeNames)]string{"", "?", "!", "\"“”«»", "…"}
	// sarcasmShapeBytes are the bytes of the shapes' marks: a mark that
	// starts with none is in no shape.
	sarcasmShapeBytes = func() (out [256]bool) {
		for _, marks := range sarcasmShapes {
			for i := range len(marks) {
				out[marks[i]] = true
			}
		}
		return out
	}()
	sarcasmShapeHashes = func() (out [len(sarcasmShapeNames)]uint64) {
		for k, n := range sarcasmShapeNames {
			out[k] = textHash(n)
		}
		return out
	}()
)

var (
	youWords      = sarcasmData.WordSets("second_person")
	youEndings    = sarcasmData.WordSets("second_person_endings")
	youPossessive = sarcasmData.WordSets("possessive_endings")
)

// sarcasmYou reports whether a word speaks of the customer: "you", "siz",
// a 2nd person verb ending (unuttunuz) or possessive (sifarişiniz,
// kartınızı).
func sarcasmYou(l lint.Lang, w string, folded bool) bool {
	if youWords[l][w] || possessed(l, w, youPossessive[l], folded) {
		return true
	}
	for e := range youEndings[l] {
		if len(w) > len(e)+1 && hasEnding(l, w, e, folded) {
			return true
		}
	}
	return false
}

// sarcasmWordInfo is what the scorer reads of a word: the hash of its
// stem, and whether it speaks of the customer; and, as they depend on the
// stem alone, its features as a word (w:) and as a sentence's first (f:),
// and its stem as the second of a pair (b:) mixes into the pair's number.
type sarcasmWordInfo struct {
	stem        uint64
	you         bool
	word, first logreg.Feature
	second      uint64
	// ending is the feature of the endings the stem leaves (e:), 0 for a
	// word that is its own stem.
	ending logreg.Feature
}

// newSarcasmWordInfo is a word's info from its stem's hash and its
// endings' (0: none).
func newSarcasmWordInfo(stem uint64, you bool, ending uint64) sarcasmWordInfo {
	w := sarcasmWordInfo{stem: stem, you: you, word: sarcasmFeature(kindWord, stem, 0), first: sarcasmFeature(kindFirst, stem, 0),
		second: secondHash(kindPair, stem)}
	if ending != 0 {
		w.ending = sarcasmFeature(kindEnding, ending, 0)
	}
	return w
}

// sarcasmWords remember each word's stem and 2nd person, per language and
// folding (index 1: folded): the suffix walk and the endings are the
// scorer's costliest steps, and a library repeats its words. The map is
// made once and only read, so that finding a language's memo costs a map
// look-up and no lock.
var sarcasmWords = func() [2]map[lint.Lang]*memo[sarcasmWordInfo] {
	var out [2]map[lint.Lang]*memo[sarcasmWordInfo]
	for f := range out {
		out[f] = map[lint.Lang]*memo[sarcasmWordInfo]{}
		for _, l := range lint.Langs {
			out[f][l] = &memo[sarcasmWordInfo]{}
		}
	}
	return out
}()

// sarcasmWordsOf is the memo of a language's words, typed with its letters
// or without; nil for a language the rule does not know. A message looks
// it up once, not once a word.
func sarcasmWordsOf(l lint.Lang, folded bool) *memo[sarcasmWordInfo] {
	f := 0
	if folded {
		f = 1
	}
	return sarcasmWords[f][l]
}

// sarcasmWord is what the scorer reads of a word, from the memo c when it
// is not nil.
func sarcasmWord(c *memo[sarcasmWordInfo], l lint.Lang, w string, folded bool) sarcasmWordInfo {
	look := func() sarcasmWordInfo {
		// Stems are folded, so that a text typed without the
		// language's letters shares the stems it leaves whole.
		stem := lint.Fold(l, stemOf(l, w))
		return newSarcasmWordInfo(textHash(stem), sarcasmYou(l, w, folded), endingHash(lint.Fold(l, w), stem))
	}
	if c != nil {
		return c.get(w, look)
	}
	return look()
}

// endingHash is the hash of what a word's folded stem leaves of it,
// folded: its suffixes ("-mışsınız" of "bakmışsınız", "-ed" of "asked");
// 0 when the stem is the whole word or not its start.
func endingHash(word, stem string) uint64 {
	if e, ok := strings.CutPrefix(word, stem); ok && e != "" {
		return textHash(e)
	}
	return 0
}

// stemOf is a word's stem: for Turkish and Azerbaijani the shortest
// dictionary form of three letters or more its suffixes leave
// (siparişinizi -> sipariş), for English the word without a plural or verb
// ending.
func stemOf(l lint.Lang, w string) string {
	if l == lint.English {
		return englishStem(w)
	}
	a, err := morph.For(string(l))
	if err != nil {
		return w
	}
	d, err := dict.For(string(l))
	if err != nil {
		return w
	}
	// The shortest stem may be a short word by chance (günə -> gü):
	// below three letters the word stays whole.
	if s := a.Stem(w, d.Has); utf8.RuneCountInString(s) >= 3 {
		return s
	}
	return w
}

// englishStem strips the endings that only inflect: plural, past,
// progressive, 3rd person, possessive.
func englishStem(w string) string {
	w = strings.TrimSuffix(w, "'s")
	for _, e := range []string{"ing", "ed", "es"} {
		if s, ok := strings.CutSuffix(w, e); ok && len(s) >= 3 {
			return s
		}
	}
	if s, ok := strings.CutSuffix(w, "s"); ok && len(s) >= 3 && !strings.HasSuffix(s, "s") { // not "class"
		return s
	}
	return w
}
