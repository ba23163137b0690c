package rules

import (
	"maps"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/morph"
)

var (
	ctaData    = loadData("cta.yaml")
	ctaLexicon = Lexicon(ctaData.Lexicon)
)

// CTAOptions configures the cta rule.
type CTAOptions struct {
	// Kinds are the message kinds that must say what to do next.
	Kinds          []lint.Kind `yaml:"kinds"`
	LexiconOptions `yaml:",inline"`
}

var urlRE = regexp.MustCompile(`(?i)\bhttps?://\S+|\bwww\.\S+|\b[\p{L}\p{N}-]+\.(?:com|net|org|io|co|shop|store|az|tr|com\.tr|example)(?:/\S*)?`)

// firstLink is where urlRE first matches text, nil if nowhere. Every
// promotion without a call to action asks, and most hold no link: the
// expression runs only on a text with what each of its branches needs,
// "://", "www." or a dot before a letter (a domain's ending; any non-ASCII
// byte too, as (?i) folds 'ſ' with 's').
//
// No branch takes a space (\s: tab, newline, form feed, return, space),
// and a space before a field is no word character, as the text's start is
// none for \b: the first match is the first a field holds, read alone. So
// the expression reads only the fields with a dot or a colon (every branch
// holds one) that pass the same test, not the text before them again.
func firstLink(text string) []int {
	if !strings.Contains(text, "://") && !dotBeforeLetterOrWWW(text) {
		return nil
	}
	dot, colon := -1, -1 // the next of each at or after at, len(text) if none
	for at := 0; at < len(text); {
		if dot < at {
			dot = nextByte(text, at, '.')
		}
		if colon < at {
			colon = nextByte(text, at, ':')
		}
		p := min(dot, colon)
		if p == len(text) {
			return nil
		}
		start, end := p, p+1
		for start > 0 && !isLinkSpace(text[start-1]) {
			start--
		}
		for end < len(text) && !isLinkSpace(text[end]) {
			end++
		}
		if field := text[start:end]; strings.Contains(field, "://") || dotBeforeLetterOrWWW(field) {
			if loc := urlRE.FindStringIndex(field); loc != nil {
				return []int{start + loc[0], start + loc[1]}
			}
		}
		at = end
	}
	return nil
}

// nextByte is the index of the first c in text at or after at, len(text)
// if none.
func nextByte(text string, at int, c byte) int {
	if i := strings.IndexByte(text[at:], c); i >= 0 {
		return at + i
	}
	return len(text)
}

// isLinkSpace reports a byte of \s, which none of urlRE's branches takes.
func isLinkSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// dotBeforeLetterOrWWW reports whether a dot in text has a letter or a
// non-ASCII byte after it, or "www" (in any case) before it.
func dotBeforeLetterOrWWW(text string) bool {
	for i := 0; ; i++ {
		j := strings.IndexByte(text[i:], '.')
		if j < 0 {
			return false
		}
		i += j
		if i+1 < len(text) {
			if c := text[i+1] | 0x20; c >= 'a' && c <= 'z' || text[i+1] >= utf8.RuneSelf {
				return true
			}
		}
		if i >= 3 && strings.EqualFold(text[i-3:i], "www") {
			return true
		}
	}
}

// linkFirst reports whether a link opens text, after any spaces. A link
// holds no space, so the expression reads the first field only: run on
// the whole rest of a message after each heading, it read the message
// once a heading.
func linkFirst(text string) bool {
	text = strings.TrimLeftFunc(text, unicode.IsSpace)
	if i := strings.IndexFunc(text, unicode.IsSpace); i >= 0 {
		text = text[:i]
	}
	loc := urlRE.FindStringIndex(text)
	return loc != nil && loc[0] == 0
}

// CTA flags a promotion that does not tell the customer what to do.
var CTA = &lint.Rule{
	Name: "cta",
	Doc: lint.Doc{
		Title: "promotion without a call to action",
		Text: `Flags a promotional message (kind: promo; updates too if you add them to kinds) that gives no
call to action: nothing tells the customer to shop, buy, order, reply, tap, visit, call, book or use a code
("Shop now", "Reply YES", "use code BREW10", "hemen sipariş verin", "KAHVE10 kodunu kullanın", "indi
sifariş edin", "bizə yazın"), including a Turkish or Azerbaijani imperative at the end of a sentence
("formu doldurun", "kassada göstərin", "yerinizi bugün kaydedin"), also typed without the language's letters
("yerinizi bugun ayirtin") or of a verb made by a causative or the denominal -lA from one the dictionary has
("ayırtdırın", "bronlayın"), the informal one after "now" or an
object ("şimdi incele", "yerini ayırt", "indi sına") or as a compound verb's bare stem ending its clause
("tətbiqdən sifariş et", "hemen üye ol"; not the label "Sipariş et butonu" nor a button's name, "düymənin adı Sifariş et"), a polite "you can …" ending a sentence ("bizi
arayabilirsiniz", "filialda ala bilərsiniz") and "it is enough that you …" ("göstermeniz yeterli", "QR
kodu okutman yeterli", "üye olmak yeterli", "yazmanız kâfi", "all you need to do is reply"), whoever acts bid to come ("yerini kapan gelsin", "erken gelen
kazanır", "istəyən gəlsin"), whoever wants it bid to act in the 3rd person ("katılmak isteyenler formu
doldursun", "istəyənlər bizə zəng etsin", or told what they can do with a verb of acting, "almak isteyenler sitemizden sipariş verebilir",
"istəyənlər saytdan sifariş verə bilər" (not what is on offer: "isteyenler indirimden faydalanabilir",
"maraqlananlar məlumat ala bilər"); not a wish, "çocuklar doyasıya eğlensin", a reassurance,
"kaçıranlar üzülmesin", or a question, "Bütün verilənlər silinsin?"), "all that is left is for you to …"
with a verb of doing ("bize yazmanız kaldı"; not "keyfini çıkarmanız kaldı" or "beklemeniz kaldı"), a
Turkish "… edin" before a comma only after an action noun ("rezerve edin, …"; not "Dikkat edin, …"; an
imperative of heeding calls to nothing, "Diqqət edin, …", "Fikir verin, …"), a suggestion in the optative ("bəlkə yeni nəşr alasınız?"),
"we await you" at a place of ours ("we'd love to see you at the fair", "dükkânımıza gelmenizi bekleriz",
"sergimize bekleriz", "sizi emalatxanamızda gözləyirik"; not goods awaited, bare or ours, "yeni ürünleri" or
"ürünlerimizi mağazamıza bekliyoruz", not "see you at your best", not a place told to another verb before, "sizi
kampanyamızda görmek isteriz ama …", nor the formula with no place, "Ziyaretlerinizi bekleriz") and a
recommendation to book, order, come, call or drop by and look ("we recommend booking early", "we recommend you drop
by", "yerinizi ayırtmayı öneririz", "uğrayıp göz atmanızı tavsiye ederiz", "yerinizi əvvəlcədən tutmağı tövsiyə
edirik", "baş çəkməyinizi tövsiyə edirik"; taking or holding only with a seat, ticket or appointment, not how to keep a
thing or to take a break, "sərin yerdə tutmağı", "mola almayı öneririz"). A "don't"
counts only for missing, skipping, letting slip or delaying ("Don't miss it", "kaçırmayın",
"bu fırsatı atlamayın", "əldən verməyin", "gecikməyin"), not to reassure
("endişelenmeyin"); "buy two, get one free" ("iki alana bir hediye") tells the terms, not what to do, but a
reward for whoever shows, says or brings something tells it ("kasada gösterene %10 indirim", "deyənə hədiyyə",
"Say "roses" at the till and …"; not "gösterene kadar", until it shows). "There is" after a possessed noun
("üç bedeni var") is no imperative. Securing, holding, updating or unlocking something told at
a sentence's start is an action too ("Secure a place at …", "Update the app today"), and so is a phrasal verb of
bringing or leaving an item with its object inside ("Drop yours off at …", "Send your old one in"; not "We drop the
bikes off"), "Snap them up", "Pop your postcode into the form"), and so is any verb the dictionary has opening a sentence with
"your" right after it ("Put your name on the list", "Flash your student card at the till"; not a question, "Need
your table for six?", a feeling with its subject left out, "Hope your week went well", nor an adverb, "Even your
dog is welcome"). Ringing, phoning or dialling a phone number
opening a sentence tells too ("Ring 01632 960412 to book"; not "Phone cases are half price", "Phone: 01632 960412",
"We will ring 01632 960412 customers first", nor "Phone 01632 960412 stays the same" without a purpose after the number). "Shop" or "visit" used as
a noun is not one, nor the first half of a sentence's subject ("Gift cards are now sold at the counter"), nor
a heading ("Update: new opening hours"), nor a statement ("the studio is now open", "now open every weekend",
"Secure parking is free", "new flours have just come in"); with something to open or secure after it, it tells again
("Now secure your place", "Now open it"). A link with no words saying what to do with it is flagged too.`,
		Why: `A promotion that does not say what to do next is read and forgotten; one clear action
("Reply YES", "Shop the sale") is what turns a message into a sale.`,
		Examples: ctaData.Examples,
		Severity: lint.Warning,
		Default:  true,
	},
	Options: CTAOptions{Kinds: []lint.Kind{lint.Promo}},
	Lexicon: ctaData.Lexicon,
	New: lexiconRule(CTAOptions{Kinds: []lint.Kind{lint.Promo}}, ctaLexicon, func(o *CTAOptions) *LexiconOptions { return &o.LexiconOptions },
		func(o CTAOptions, _ Lexicon, pb phraseBook) lint.Check {
			typos := pb.withTypos()
			g := newCTAGrammar()
			return func(p *lint.Pass) {
				if p.Msg.IsKindIn(o.Kinds...) && !g.hasCTA(p.Msg, pb) && !g.hasCTA(p.Msg, typos) {
					reportNoCTA(p)
				}
			}
		}),
}

// ctaGrammar tells an action said as an instruction from the same word used
// otherwise, in a language whose data has the word sets: after one of the
// words in before it is an instruction ("please reply", "you can order"),
// after one of nouns it is a noun ("our shop"), and after any other word a
// statement ("Members get early access"). In a language without them, every
// action cue counts (Turkish and Azerbaijani cues are imperative forms).
type ctaGrammar struct {
	before, nouns map[lint.Lang]map[string]bool
	// yourObjects, verbEndings, notImperativeVerbs: an imperative of any
	// verb with the customer's thing as its object (see yourImperative).
	yourObjects, verbEndings, notImperativeVerbs map[lint.Lang]map[string]bool
	// imperative: endings of a 2nd person imperative on a sentence's last
	// word (Turkish and Azerbaijani put the verb last: "formu doldurun",
	// "kassada göstərin"); enough and enoughAfter: "it is enough that you
	// …" ("göstermeniz yeterli", "yazmağınız kifayətdir").
	imperatives, notImperative, enough, enoughAfter map[lint.Lang]map[string]bool
	// abilityYou: a 2nd person "you can" ending a sentence is a polite call
	// to action ("bizi arayabilirsiniz", "filialda ala bilərsiniz").
	// copula and predicateAdverbs: a form of "be" before "now" or "today"
	// makes the word after them a predicate ("the studio is now open"), not
	// an action; "is simply" or "is just" still tells ("all you need to do
	// is simply reply YES").
	abilityYou, copula, predicateAdverbs map[lint.Lang]map[string]bool
	// infinitive: the infinitive's endings, by which a verb's stem is
	// found in the dictionary.
	infinitive map[lint.Lang]map[string]bool
	// adjectiveActions and objects: an action word that is also an
	// adjective ("secure parking") tells only with an object's determiner
	// or a pronoun after it ("Secure a place").
	adjectiveActions, objects map[lint.Lang]map[string]bool
	// finiteCopula and clauseOpeners: see subjectHead.
	finiteCopula, clauseOpeners map[lint.Lang]map[string]bool
	// recency and perfect: "just" after "have" or "has" tells when ("New
	// flours have just come in"), not to act ("Just come in").
	recency, perfect map[lint.Lang]map[string]bool
	// stateQuantifiers: of objects, those that after "now open" tell when
	// the state holds ("now open every weekend"), not what is opened.
	stateQuantifiers map[lint.Lang]map[string]bool
	// voicing: a stem's last consonant as written before a vowel and as the
	// dictionary has it ("d>t": kaydedin, kaydetmek).
	voicing map[lint.Lang]map[string]bool
	// enoughVerb: endings of a verbal noun of a verb the dictionary has,
	// before one of enough: the informal "-mAn" and the infinitive ("QR
	// kodu okutman yeterli", "üye olmak yeterli"); notEnough, a negation
	// after it ("yeterli değil").
	enoughVerb, notEnough map[lint.Lang]map[string]bool
	// bare: the informal imperative is the verb's bare stem; it tells at a
	// clause's end after one of nowAdverbs ("şimdi incele") or an object in
	// the accusative of five letters or more (accusative: "yerini ayırt").
	nowAdverbs, accusative map[lint.Lang]map[string]bool
	// lightNouns: the noun of a compound verb ("satın al", "göz at",
	// "sipariş ver"), which stands between the bare stem and what tells
	// it an imperative ("şimdi satın al"); youSubjects: the informal "you"
	// as a bare stem's subject ("ilk sen kap"), which tells it as one of
	// nowAdverbs does: a statement would end in a person ending.
	lightNouns, youSubjects map[lint.Lang]map[string]bool
	// bufferedCase: the accusative and dative of a vowel-final noun, with
	// a buffer consonant no possessive has ("uygulamayı", "bağlantıya").
	bufferedCase map[lint.Lang]map[string]bool
	// farObject and notBare: see objectBefore.
	farObject map[lint.Lang]*endingSet
	notBare   map[lint.Lang]map[string]bool
	// complementizers: "ki" after a verb ends its clause ("Ölçünüzü
	// profilinizdə qeyd edin ki, …": note your size so that …).
	complementizers map[lint.Lang]map[string]bool
	// verbPrefixes: the first half of a hyphenated verb ("re-order"), after
	// which an action is still one.
	verbPrefixes map[lint.Lang]map[string]bool
	// negativeImperative and urgentStems: a negative imperative tells only
	// with a verb of missing or delaying ("Kaçırmayın", "gözləməyin"); with
	// another it reassures ("endişelenmeyin", "sürpriz yaşamayın").
	negativeImperative, urgentStems map[lint.Lang]map[string]bool
	// participle, participleHeads: see participleCall; jussive,
	// jussiveSubject: see jussiveCall.
	participle, participleHeads, jussive, jussiveSubject map[lint.Lang]map[string]bool
	// lightImperatives: the light verb et-'s imperative, which ends a
	// clause before a comma too ("rezerve edin, …"); leftForYou: "all that
	// is left is for you to …" after a 2nd person verbal noun ("bize
	// yazmanız kaldı").
	lightImperatives, leftForYou map[lint.Lang]map[string]bool
	// negativeJussive: the negative jussive's endings, which tell only
	// with one of urgentStems ("kaçıranlar üzülmesin" reassures);
	// actionNouns: the action nouns the light imperative tells with before
	// a comma ("rezerve edin, …"; not "Dikkat edin, …"); leftVerbs: the
	// verbs whose verbal noun is left for the customer to do ("bize
	// yazmanız kaldı"; not "keyfini çıkarmanız kaldı").
	negativeJussive, actionNouns, leftVerbs, lightVerbs, enjoyNouns map[lint.Lang]map[string]bool
	// jussiveLast: the last bytes of jussive's endings, per language.
	jussiveLast map[lint.Lang]string
	// suggestion and maybe: see suggested.
	suggestion, maybe map[lint.Lang]map[string]bool
	// abilityThird and attention: see wantersCan and heeded.
	abilityThird, abilityThirdWords, attention map[lint.Lang]map[string]bool
	// abilityVerbs and abilityConverbs: see acting.
	abilityVerbs    map[lint.Lang][][]string
	abilityConverbs map[lint.Lang]map[string]bool
	// awaitVerbs, ourDative, ourAt, youObjects, youVerbalNoun, accusative
	// endings before the place: see awaited.
	awaitVerbs, ourDative, ourAt, youObjects, youVerbalNoun, otherObject, subclauseEnds map[lint.Lang]map[string]bool
	// recommendVerbs, recommendEndings, recommendStems: see recommended.
	recommendVerbs, recommendLight, recommendNouns, recommendEndings, recommendStems map[lint.Lang]map[string]bool
	// showParticiples and until: see rewarded.
	showParticiples, until map[lint.Lang]map[string]bool
	// causative, denominal and unfolded: see derivedVerb.
	causative, denominal map[lint.Lang]map[string]bool
	unfolded             map[lint.Lang][][2]string
	// lightBare: the light verbs whose bare stem, right after one of
	// lightNouns, ends a clause as an imperative ("tətbiqdən sifariş et").
	lightBare map[lint.Lang]map[string]bool
	// nameNouns: a name, a caption or a label ("adı", "yazısı") right
	// before a compound's bare stem makes it what a button reads
	// ("düymənin adı Sifariş et"), as a noun after it does ("Sipariş et
	// butonu").
	nameNouns map[lint.Lang]map[string]bool
	// flags answer what imperative asks of every word (see ctaWordBits).
	flags langFlags
}

// The bits of ctaGrammar.flags. An ending's bit is twice: compared as
// written, and folded (for a text typed without the language's letters).
const (
	complementizerBit wordBits = 1 << iota // complementizers
	enoughBit                              // enough, as written or folded
	ableBit                                // abilityYou, or one of them as its ending
	ableFoldedBit
	imperativeBit // an ending of imperatives
	imperativeFoldedBit
	notImperativeBit // an ending of notImperative
	notImperativeFoldedBit
)

// ctaWordBits are the bits of a word in language l: whether complementizers
// hold it, whether enough holds it or it folded, and which of the endings
// imperative reads it ends in.
func (g ctaGrammar) ctaWordBits(l lint.Lang) func(w, norm string) wordBits {
	complementizers, enough := g.complementizers[l], g.enough[l]
	endings := [...]struct {
		set        map[string]bool
		self       bool // the set's own words count (abilityYou)
		bit, fbits wordBits
	}{{g.abilityYou[l], true, ableBit, ableFoldedBit}, {g.imperatives[l], false, imperativeBit, imperativeFoldedBit},
		{g.notImperative[l], false, notImperativeBit, notImperativeFoldedBit}}
	return func(_, norm string) wordBits {
		var b wordBits
		for _, e := range endings {
			if e.self && e.set[norm] {
				b |= e.bit | e.fbits
				continue
			}
			if anyEnding(l, norm, e.set, false) {
				b |= e.bit
			}
			if anyEnding(l, norm, e.set, true) {
				b |= e.fbits
			}
		}
		if complementizers[norm] {
			b |= complementizerBit
		}
		// Folded into a buffer on the stack: looked up, not kept.
		var fold [64]byte
		if enough != nil && (enough[string(lint.AppendFold(fold[:0], l, norm))] || enough[norm]) {
			b |= enoughBit
		}
		return b
	}
}

// notTold reports whether an action cue is no instruction by what follows
// it: a colon after a sentence's first words makes them a heading
// ("Update: new opening hours"; "Visit: shop.example" still sends, "You
// can try:" still tells), and an action that is also an adjective needs
// one of objects after it.
func (g ctaGrammar) notTold(m *lint.Message, toks []lint.Token, mt lint.Match) bool {
	l := m.Lang
	if g.objects[l] == nil || mt.First < 0 {
		return false
	}
	next := neighbour(toks, mt.Last, 1)
	if next >= 0 && toks[next].Norm == ":" && sentenceStart(toks, mt.First) {
		if !linkFirst(m.Body.Text[toks[next].End:]) {
			return true
		}
	}
	if g.headingNoun(m, toks, mt, next) || g.subjectHead(l, toks, mt, next) {
		return true
	}
	return mt.First == mt.Last && g.adjectiveActions[l][toks[mt.First].Norm] && (next < 0 || !g.objects[l][toks[next].Norm])
}

// headingNoun: an action word opening a heading as the first half of a
// compound noun ("Gift idea: …", "Visit weekend at the luthier's workshop:
// …"): right after it a singular noun with no determiner, which an
// imperative's object would need ("Visit our workshop", "Book tickets"), and
// a colon within six words with no other stop between. A link after the
// colon still tells.
func (g ctaGrammar) headingNoun(m *lint.Message, toks []lint.Token, mt lint.Match, next int) bool {
	l := m.Lang
	if next < 0 || mt.First != mt.Last || !sentenceStart(toks, mt.First) || toks[next].Kind != lint.Word {
		return false
	}
	w := toks[next].Norm
	if g.objects[l][w] || g.before[l][w] || g.predicateAdverbs[l][w] || strings.HasSuffix(w, "s") {
		return false
	}
	for j, k := next, 0; k < 7; k++ {
		if j = neighbour(toks, j, 1); j < 0 {
			return false
		}
		if toks[j].Kind == lint.Punct && toks[j].Norm == ":" {
			return !linkFirst(m.Body.Text[toks[j].End:])
		}
		if toks[j].Kind == lint.Punct && toks[j].Norm != "'" && toks[j].Norm != "’" && toks[j].Norm != "-" {
			return false
		}
	}
	return false
}

// subjectHead: an action word opening a sentence as the first half of its
// subject ("Shop opening hours are longer this winter", "Gift cards are now
// sold at the counter"): right after it a noun with no determiner, and a
// finite "be" within five words after that, with no punctuation, none of
// objects (an imperative's object has one: "Book the room that is free") and
// none of clauseOpeners between ("Book seats before prices are raised").
func (g ctaGrammar) subjectHead(l lint.Lang, toks []lint.Token, mt lint.Match, next int) bool {
	copula := g.finiteCopula[l]
	if copula == nil || next < 0 || mt.First != mt.Last || !sentenceStart(toks, mt.First) || toks[next].Kind != lint.Word {
		return false
	}
	if w := toks[next].Norm; g.objects[l][w] || g.before[l][w] || g.predicateAdverbs[l][w] || g.clauseOpeners[l][w] || copula[w] {
		return false
	}
	for j, k := next, 0; k < 5; k++ {
		if j = neighbour(toks, j, 1); j < 0 || toks[j].Kind != lint.Word {
			return false
		}
		w := toks[j].Norm
		if copula[w] {
			return true
		}
		if g.objects[l][w] || g.clauseOpeners[l][w] {
			return false
		}
	}
	return false
}

// newCTAGrammar reads the word sets when a check is built, so that a
// language registered after start-up has its own.
func newCTAGrammar() ctaGrammar {
	w := ctaData.WordSets
	g := ctaGrammar{yourObjects: w("your_objects"), verbEndings: w("verb_endings"), notImperativeVerbs: w("not_imperative_verbs"), before: w("before"), nouns: w("nouns"), imperatives: w("imperative_endings"),
		notImperative: w("not_imperative_endings"), enough: w("enough"), enoughAfter: w("enough_after_endings"),
		infinitive: w("infinitive_endings"), abilityYou: w("ability_you"), copula: w("copula"),
		predicateAdverbs: w("predicate_adverbs"), adjectiveActions: w("adjective_actions"), objects: w("objects"), finiteCopula: w("finite_copula"), clauseOpeners: w("clause_openers"), recency: w("recency_adverbs"), perfect: w("perfect_auxiliaries"), stateQuantifiers: w("state_quantifiers"),
		voicing: w("voicing"), enoughVerb: w("enough_after_verb_endings"), notEnough: w("not_enough"),
		nowAdverbs: w("now_adverbs"), accusative: w("accusative_endings"), bufferedCase: w("buffered_case_endings"), verbPrefixes: w("verb_prefixes"),
		complementizers: w("complementizers"), farObject: endingSets(w("far_object_endings")), notBare: w("not_bare_stems"),
		lightNouns: w("light_verb_nouns"), youSubjects: w("you_subjects"),
		negativeImperative: w("negative_imperative_endings"), urgentStems: w("urgent_negative_stems"),
		participle: w("participle_endings"), participleHeads: w("participle_heads"),
		jussive: w("jussive_endings"), jussiveSubject: w("jussive_subject_endings"), lightImperatives: w("light_imperatives"), leftForYou: w("left_for_you"), negativeJussive: w("negative_jussive_endings"), actionNouns: w("light_imperative_nouns"), leftVerbs: w("left_for_you_verbs"), lightVerbs: w("light_verb_stems"), enjoyNouns: w("enjoy_nouns"), suggestion: w("suggestion_endings"), maybe: w("maybe"),
		abilityThird: w("ability_third_endings"), abilityThirdWords: w("ability_third"), attention: w("attention_nouns"),
		abilityConverbs: w("ability_third_converbs"),
		awaitVerbs:      w("await_verbs"), ourDative: w("our_place_dative"), ourAt: w("our_place_locative"), youObjects: w("you_objects"),
		youVerbalNoun: w("you_verbal_noun"), otherObject: w("other_object_endings"), subclauseEnds: w("subclause_endings"),
		recommendVerbs: w("recommend_verbs"), recommendLight: w("recommend_light_verbs"), recommendNouns: w("recommend_nouns"), recommendEndings: w("recommend_endings"), recommendStems: w("recommend_stems"),
		showParticiples: w("show_participles"), until: w("until"),
		causative: w("causative_suffixes"), denominal: w("denominal_suffixes"), lightBare: w("light_bare_stems"), nameNouns: w("name_nouns")}
	g.unfolded = map[lint.Lang][][2]string{}
	for l, set := range w("unfolded_letters") {
		for _, pair := range slices.Sorted(maps.Keys(set)) {
			ascii, letter, _ := strings.Cut(pair, ">")
			g.unfolded[l] = append(g.unfolded[l], [2]string{ascii, letter})
		}
	}
	g.abilityVerbs = map[lint.Lang][][]string{}
	for l, set := range w("ability_third_verbs") {
		for _, v := range slices.Sorted(maps.Keys(set)) {
			g.abilityVerbs[l] = append(g.abilityVerbs[l], strings.Fields(v))
		}
	}
	g.jussiveLast = map[lint.Lang]string{}
	for l, ends := range g.jussive {
		for e := range ends {
			if c := e[len(e)-1:]; !strings.Contains(g.jussiveLast[l], c) {
				g.jussiveLast[l] += c
			}
		}
	}
	langs := map[lint.Lang]bool{}
	for l := range g.complementizers {
		langs[l] = true
	}
	for _, sets := range []map[lint.Lang]map[string]bool{g.enough, g.abilityYou, g.imperatives, g.notImperative} {
		for l := range sets {
			langs[l] = true
		}
	}
	g.flags = langFlagsOf(langs, g.ctaWordBits, func(string, string) wordBits { return 0 })
	return g
}

// yourImperative reports whether a sentence opens with an imperative of a
// verb no list holds, told by its object: the sentence's first word is a
// verb (the dictionary has it with one of verb_endings: "flashed",
// "putting"), one of your_objects comes right after it ("Put your name on
// the list", "Flash your student card at the till"), and the sentence asks
// nothing (no "?": "Need your bike serviced?"). A verb of feeling said with
// its subject left out ("Hope your week went well", "Love your style") or a
// word that is also an adverb or a preposition ("Even your dog is
// welcome") is one of not_imperative_verbs. Turkish and Azerbaijani put
// the verb last with its imperative ending, which imperative reads.
func (g ctaGrammar) yourImperative(m *lint.Message) bool {
	l := m.Lang
	objects := g.yourObjects[l]
	if objects == nil {
		return false
	}
	toks := m.Tokens()
	for i, t := range toks {
		if t.Kind != lint.Word || !objects[t.Norm] {
			continue
		}
		v := neighbour(toks, i, -1)
		if v < 0 || toks[v].Kind != lint.Word || !sentenceStart(toks, v) || g.notImperativeVerbs[l][toks[v].Norm] || !g.dictionaryVerbForm(l, toks[v].Norm) {
			continue
		}
		k := i
		for k < len(toks) && !(toks[k].Kind == lint.Punct && strings.ContainsAny(toks[k].Norm, ".!?")) {
			k++
		}
		if k == len(toks) || !strings.Contains(toks[k].Norm, "?") {
			return true
		}
	}
	return false
}

// dictionaryVerbForm reports whether the dictionary has w with one of
// verbEndings, after w as it is, w without a final "e" ("taking") or w
// with its last letter doubled ("putting", "grabbed"): w is a verb.
func (g ctaGrammar) dictionaryVerbForm(l lint.Lang, w string) bool {
	if len(w) < 2 {
		return false
	}
	for e := range g.verbEndings[l] {
		for _, s := range []string{w, strings.TrimSuffix(w, "e"), w + w[len(w)-1:]} {
			if known, _ := inDictionary(l, s+e); known {
				return true
			}
		}
	}
	return false
}

// objectAfter: one of objects that is no quantifier of time follows the
// word at i ("now secure your place", "now open it"; not "now open every
// weekend").
func (g ctaGrammar) objectAfter(l lint.Lang, toks []lint.Token, i int) bool {
	n := neighbour(toks, i, 1)
	return n >= 0 && toks[n].Kind == lint.Word && g.objects[l][toks[n].Norm] && !g.stateQuantifiers[l][toks[n].Norm]
}

func (g ctaGrammar) hasCTA(m *lint.Message, pb phraseBook) bool {
	toks := m.Tokens()
	before, nouns := g.before[m.Lang], g.nouns[m.Lang]
	for _, mt := range pb.find(m, "actions") {
		if before == nil && nouns == nil || mt.First < 0 {
			return true
		}
		prev := neighbour(toks, mt.First, -1)
		switch {
		case prev >= 0 && toks[prev].Kind == lint.Word && nouns[toks[prev].Norm]:
			continue // "our shop"
		case g.notTold(m, toks, mt):
			continue // "Update: …", "Secure parking"
		case g.compoundNoun(m.Lang, toks, prev, mt.First):
			continue // "our e-book store": the second half of a compound
		case prev < 0 || sentenceStart(toks, mt.First) || toks[prev].Kind == lint.Punct && toks[prev].Norm != "'" || noLetters(toks[prev].Norm):
			return true // starts a sentence or follows a colon, dash or emoji (a variation selector too: ❄️)
		case toks[prev].Kind == lint.Word && before[toks[prev].Norm]:
			if pp := neighbour(toks, prev, -1); pp >= 0 && g.recency[m.Lang][toks[prev].Norm] && toks[pp].Kind == lint.Word && g.perfect[m.Lang][toks[pp].Norm] {
				continue // "have just come in": when, not what to do
			}
			if g.predicateAdverbs[m.Lang][toks[prev].Norm] && mt.First == mt.Last && g.adjectiveActions[m.Lang][toks[mt.First].Norm] &&
				!g.objectAfter(m.Lang, toks, mt.Last) {
				continue // "now open every weekend": the state, "be" left out
			}
			if pp := neighbour(toks, prev, -1); pp >= 0 && g.predicateAdverbs[m.Lang][toks[prev].Norm] &&
				(g.copula[m.Lang][toks[pp].Norm] || toks[pp].Kind == lint.Word && !before[toks[pp].Norm] && !sentenceStart(toks, prev)) {
				continue // "is now open", "members now get": a statement
			}
			return true
		}
	}
	if g.imperative(m) || g.yourImperative(m) || g.dialed(m) || g.participleCall(m) || g.jussiveCall(m) || g.suggested(m) || g.wantersCan(m, pb) || g.awaited(m) || g.recommended(m) || g.rewarded(m) {
		return true
	}
	// A discount code: the word "code" next to a code-like word (BREW10),
	// or labelling it with a colon ("code: BREW10", "kod: YAY20").
	for _, mt := range pb.find(m, "codes") {
		next := neighbour(toks, mt.Last, 1)
		if next >= 0 && toks[next].Kind == lint.Punct && toks[next].Norm == ":" {
			next = neighbour(toks, next, 1)
		}
		for _, j := range []int{neighbour(toks, mt.First, -1), next, neighbour(toks, neighbour(toks, mt.First, -1), -1)} {
			if j >= 0 && isCode(m.Body.Text[toks[j].Start:toks[j].End]) {
				return true
			}
		}
	}
	return false
}

// compoundNoun reports whether the word at i is the second half of a
// compound noun: a hyphen at prev joins it to the word before, no space on
// either side ("e-book"), which a dash between words never does. After one
// of verbPrefixes the compound is still a verb ("re-order", "double-tap").
func (g ctaGrammar) compoundNoun(l lint.Lang, toks []lint.Token, prev, i int) bool {
	return prev > 0 && toks[prev].Kind == lint.Punct && toks[prev].Norm == "-" && toks[prev].End == toks[i].Start &&
		toks[prev-1].Kind == lint.Word && toks[prev-1].End == toks[prev].Start && !g.verbPrefixes[l][toks[prev-1].Norm]
}

// isCode: capitals with digits or a capital word of 4+ letters (BREW10, SPRING).
func isCode(w string) bool {
	letters, upper, digits := 0, 0, 0
	for _, r := range w {
		switch {
		case unicode.IsDigit(r):
			digits++
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return upper == letters && (digits > 0 && letters > 0 || letters >= 4)
}

func reportNoCTA(p *lint.Pass) {
	m := p.Msg
	if loc := firstLink(m.Body.Text); loc != nil {
		p.Report(lint.Diagnostic{
			Span:       lint.Span{Start: loc[0], End: loc[1]},
			Message:    "the only call to action is a bare link; say what to do with it",
			Suggestion: strings.ReplaceAll(ctaData.Say(m.Lang, "bare_link"), "{link}", m.Body.Text[loc[0]:loc[1]]),
		})
		return
	}
	p.Report(lint.Diagnostic{
		Message:    "promotion has no call to action: nothing says what to do next",
		Suggestion: ctaData.Say(m.Lang, "no_cta"),
	})
}

// verbStem reports whether a word is a verb's stem with an imperative
// ending: the stem's infinitive is a dictionary word ("ayırtın":
// ayırtmak; "saxlayın": saxlamaq). The verb ends a clause before a comma too ("Masanızı
// ayırtın, …"), where a noun with the same ending may also stand
// ("Kadın, erkek …").
//
// A stem's last voiceless consonant is voiced before a vowel (voicing:
// kaydet- gives "kaydedin", git- "gidin"), so with voiced the stem is also
// looked up with it unvoiced: at a sentence's end only, since a noun
// before a comma reads so too ("Kadın, erkek …" is not kat- with -ın).
func (g ctaGrammar) verbStem(l lint.Lang, w string, ends map[string]bool, voiced bool) bool {
	if found := dictionaryVerb(l, w, ends, g.infinitive[l]); found || !voiced {
		return found
	}
	for e := range ends {
		stem, ok := strings.CutSuffix(w, e)
		if !ok {
			continue
		}
		for pair := range g.voicing[l] {
			voiced, voiceless, _ := strings.Cut(pair, ">")
			if s, ok := strings.CutSuffix(stem, voiced); ok && s != "" && dictionaryVerb(l, s+voiceless+e, ends, g.infinitive[l]) {
				return true
			}
		}
	}
	return false
}

// maxUnfolded is how many letters of a stem typed without the language's
// letters derivedVerb tries both ways (2^maxUnfolded spellings at most).
const maxUnfolded = 5

// derivedVerb reports whether a word with an imperative's ending (one of
// ends) is a verb the dictionary has in another shape than verbStem reads:
// typed without the language's letters, in a message so typed (folded:
// "ayirtin" is ayırt- with -in; unfolded lists the letters to put back), or
// made from a word the dictionary has by a productive suffix: a causative
// on a verb (causative: "ayırtdırın" is ayır-t-dır-, once or twice) or the
// denominal -lA on a noun (denominal: "bronlayın" is bron-la-). The stem
// before a causative "t" ends in a vowel, "r" or "l", as the suffix takes
// no other.
func (g ctaGrammar) derivedVerb(l lint.Lang, w string, ends map[string]bool, folded bool) bool {
	if g.causative[l] == nil && g.denominal[l] == nil && !folded {
		return false
	}
	for e := range ends {
		stem, ok := strings.CutSuffix(w, e)
		if !ok || utf8.RuneCountInString(stem) < 3 {
			continue
		}
		for _, s := range []string{stem, strings.TrimSuffix(stem, "y")} {
			found := false
			g.eachSpelling(l, s, folded, func(v string) bool {
				found = g.verbOf(l, v, 2) || g.nounVerb(l, v)
				return found
			})
			if found {
				return true
			}
		}
	}
	return false
}

// verbOf reports whether stem is a verb's stem by the dictionary, or a
// causative of one, at most depth suffixes deep.
func (g ctaGrammar) verbOf(l lint.Lang, stem string, depth int) bool {
	for inf := range g.infinitive[l] {
		if known, _ := inDictionary(l, stem+inf); known {
			return true
		}
	}
	if depth == 0 {
		return false
	}
	for suf := range g.causative[l] {
		base, ok := strings.CutSuffix(stem, suf)
		if !ok || utf8.RuneCountInString(base) < 3 {
			continue
		}
		if suf == "t" {
			if r, _ := utf8.DecodeLastRuneInString(base); r != 'r' && r != 'l' && !endsInVowel(base) {
				continue
			}
		}
		if g.verbOf(l, base, depth-1) {
			return true
		}
	}
	return false
}

// nounVerb reports whether stem is a noun the dictionary has with the
// denominal -lA ("bronla-").
func (g ctaGrammar) nounVerb(l lint.Lang, stem string) bool {
	for suf := range g.denominal[l] {
		if base, ok := strings.CutSuffix(stem, suf); ok && utf8.RuneCountInString(base) >= 3 {
			if known, _ := inDictionary(l, base); known {
				return true
			}
		}
	}
	return false
}

// eachSpelling calls fn with s and, when folded, with each spelling of it
// with some of its ASCII letters put back as the language's (unfolded),
// until fn returns true; a stem with more than maxUnfolded such letters
// is tried as written only.
func (g ctaGrammar) eachSpelling(l lint.Lang, s string, folded bool, fn func(string) bool) {
	if fn(s) || !folded {
		return
	}
	var at []int // byte offsets of the letters that may stand for another
	var to []string
	for i := 0; i < len(s); i++ {
		for _, p := range g.unfolded[l] {
			if s[i] == p[0][0] {
				at, to = append(at, i), append(to, p[1])
			}
		}
	}
	if len(at) == 0 || len(at) > maxUnfolded {
		return
	}
	var b strings.Builder
	for mask := 1; mask < 1<<len(at); mask++ {
		b.Reset()
		prev := 0
		for k, i := range at {
			if mask&(1<<k) == 0 {
				continue
			}
			if i < prev {
				continue // two letters for one ASCII letter: one at a time
			}
			b.WriteString(s[prev:i])
			b.WriteString(to[k])
			prev = i + 1
		}
		b.WriteString(s[prev:])
		if fn(b.String()) {
			return
		}
	}
}

// noLetters reports whether a token has neither a letter nor a digit: the
// variation selector after an emoji (❄️) is read as a word of its own.
func noLetters(w string) bool {
	return w != "" && !strings.ContainsFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
}

// emojiEnd reports whether the token at i is an emoji or another symbol that
// ends its sentence: the message's end, a sentence's punctuation or a line
// break follows it, or more of them ("Ölçünü profilinizdə qeyd edin 💍").
func emojiEnd(toks []lint.Token, i int) bool {
	for ; i >= 0 && i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.Kind == lint.Space:
			if strings.Contains(t.Norm, "\n") {
				return true
			}
		case t.Kind == lint.Word && noLetters(t.Norm):
			// the variation selector after an emoji (❄️)
		case t.Kind != lint.Punct:
			return false
		case strings.ContainsAny(t.Norm, ".!?"):
			return true
		default:
			r, _ := utf8.DecodeRuneInString(t.Norm)
			if !unicode.Is(unicode.So, r) && !unicode.Is(unicode.Sk, r) && r != '\uFE0F' && r != '\u200D' {
				return false
			}
		}
	}
	return i >= 0
}

// dictionaryWord reports whether the dictionary has a word as it is
// written: one that ends like an imperative, whose stem is no verb, is then
// an adjective or a noun ("daha uygun", "daha uzun", "oldukça yoğun"); an
// imperative no dictionary knows (a verb typed without its letters) still
// tells.
func dictionaryWord(l lint.Lang, w string) bool {
	known, _ := inDictionary(l, w)
	return known
}

// dictionaryVerb reports whether a word is a verb's stem plus one of ends
// by the dictionary: the stem with one of the infinitive's endings is a
// word of the language ("ayırtın" is ayırt- with -ın, "tələsin" is tələs-
// with -in).
func dictionaryVerb(l lint.Lang, w string, ends, infinitive map[string]bool) bool {
	for e := range ends {
		if !strings.HasSuffix(w, e) || len(w) <= len(e)+1 {
			continue
		}
		stem := w[:len(w)-len(e)]
		for inf := range infinitive {
			// After a vowel the ending takes a buffer y: "saxlayın".
			for _, s := range []string{stem, strings.TrimSuffix(stem, "y")} {
				if known, _ := inDictionary(l, s+inf); known {
					return true
				}
			}
		}
	}
	return false
}

// imperative reports whether a sentence ends with a 2nd person imperative,
// or says that doing something is enough.
func (g ctaGrammar) imperative(m *lint.Message) bool {
	ends := g.imperatives[m.Lang]
	enough, after := g.enough[m.Lang], g.enoughAfter[m.Lang]
	if ends == nil && enough == nil {
		return false
	}
	folded := lint.Folded(m.Lang, m.Body.Text)
	toks := m.Tokens()
	hasAny := func(w string, set map[string]bool) bool { return anyEnding(m.Lang, w, set, folded) }
	var buf [128]wordBits
	flags := g.flags.appendBits(buf[:0], m)
	ableEnd, imperativeEnd, notImperativeEnd := ableBit, imperativeBit, notImperativeBit
	if folded {
		ableEnd, imperativeEnd, notImperativeEnd = ableFoldedBit, imperativeFoldedBit, notImperativeFoldedBit
	}
	light, left := g.lightImperatives[m.Lang], g.leftForYou[m.Lang] // found once, not a word
	for i, t := range toks {
		if t.Kind != lint.Word {
			continue
		}
		next := neighbour(toks, i, 1)
		last := next < 0 || toks[next].Kind == lint.Punct && strings.ContainsAny(toks[next].Norm, ".!?:;") || emojiEnd(toks, next)
		// A comma, a dash ("kodu kassada deyin – DERI15") or a
		// complementizer ends the clause.
		clause := next >= 0 && (toks[next].Kind == lint.Punct && (toks[next].Norm == "," || toks[next].Norm == "–" || toks[next].Norm == "—") ||
			flags[next]&complementizerBit != 0)
		if last && flags[i]&ableEnd != 0 {
			return true
		}
		if (last || clause) && g.heeded(m.Lang, toks, i) {
			continue // "Diqqət edin, …": heed what follows
		}
		if (last || clause) && flags[i]&imperativeEnd != 0 && g.told(m.Lang, toks, i, folded) {
			// A stem the dictionary has as a verb settles it ("ayırtın" is
			// ayırt- with -ın, not a past -tın); otherwise only at a
			// sentence's end, and not with a past or 1st person ending.
			if stem := g.verbStem(m.Lang, t.Norm, ends, last) || g.derivedVerb(m.Lang, t.Norm, ends, folded); stem || last && flags[i]&notImperativeEnd == 0 && !dictionaryWord(m.Lang, t.Norm) {
				return true
			}
		}
		if (last || clause) && light[t.Norm] {
			if prev := neighbour(toks, i, -1); prev >= 0 && toks[prev].Kind == lint.Word && (last || g.actionNouns[m.Lang] == nil || g.actionNouns[m.Lang][toks[prev].Norm]) {
				return true // "şimdiden rezerve edin, …"
			}
		}
		if left[t.Norm] {
			if prev := neighbour(toks, i, -1); prev >= 0 && anyEnding(m.Lang, toks[prev].Norm, after, false) && g.leftVerb(m.Lang, toks, prev, after) {
				return true // "bize yazmanız kaldı"
			}
		}
		if flags[i]&enoughBit != 0 {
			prev := neighbour(toks, i, -1)
			if prev >= 0 && hasAny(toks[prev].Norm, after) {
				return true
			}
			if prev >= 0 && !(next >= 0 && g.notEnough[m.Lang][toks[next].Norm]) &&
				dictionaryVerb(m.Lang, toks[prev].Norm, g.enoughVerb[m.Lang], g.infinitive[m.Lang]) {
				return true
			}
		}
		if (last || clause) && g.bareImperative(m, toks, i, last, hasAny, folded) {
			return true
		}
	}
	return false
}

// told reports whether a word with an imperative's ending at a clause's
// end (token i, next after it) may tell: a negative imperative only with a
// verb of missing or delaying (urgentStems: "Kaçırmayın", "geç kalmayın";
// not "sürpriz yaşamayın", "endişelenmeyin").
func (g ctaGrammar) told(l lint.Lang, toks []lint.Token, i int, folded bool) bool {
	w := toks[i].Norm
	fold := func(x string) string { return x }
	if folded {
		fold = func(x string) string { return lint.Fold(l, x) }
	}
	for e := range g.negativeImperative[l] {
		stem, ok := strings.CutSuffix(fold(w), fold(e))
		if !ok || stem == "" {
			continue
		}
		for u := range g.urgentStems[l] {
			if strings.HasSuffix(stem, fold(u)) {
				return true
			}
		}
		return false
	}
	return true
}

// participleCall: Turkish and Azerbaijani tell whoever acts to come with
// a participle of a verb the dictionary has as the subject of "let them
// come", "wins" or "takes it" ending the clause (participle_heads,
// participle_endings: "Biletini kapan gelsin", "acele eden kazanır", "ilk
// gelen alır", "istəyən gəlsin"; not "Kazanan alır ödülü"). The dative, "iki
// bilet alana bir bilet hediye", tells the offer's terms, not what to do.
func (g ctaGrammar) participleCall(m *lint.Message) bool {
	l := m.Lang
	subject, heads := g.participle[l], g.participleHeads[l]
	if subject == nil || heads == nil {
		return false
	}
	toks := m.Tokens()
	folded := lint.Folded(l, m.Body.Text)
	for i, t := range toks {
		if t.Kind != lint.Word || !hasWord(l, heads, t.Norm, folded) {
			continue
		}
		if next := neighbour(toks, i, 1); next >= 0 && toks[next].Kind == lint.Word {
			continue // "Kazanan alır ödülü": the head ends the exhortation
		}
		if prev := neighbour(toks, i, -1); prev >= 0 && toks[prev].Kind == lint.Word && len(toks[prev].Norm) >= 4 &&
			g.verbStem(l, toks[prev].Norm, subject, true) {
			return true
		}
	}
	return false
}

// jussiveCall: a 3rd person imperative (jussive) of a verb the dictionary
// has ending a clause, with a plural participle of a verb before it in the
// clause as its subject, tells whoever wants to act what to do ("ayırtmak
// isteyenler bizi arasın", "iştirak etmək istəyənlər bu nömrəyə
// göndərsinlər"). Without such a subject the jussive wishes ("çocuklar
// doyasıya eğlensin").
func (g ctaGrammar) jussiveCall(m *lint.Message) bool {
	l := m.Lang
	ends, subject := g.jussive[l], g.jussiveSubject[l]
	if ends == nil || subject == nil {
		return false
	}
	lastBytes := g.jussiveLast[l]
	toks := m.Tokens()
	for i, t := range toks {
		if t.Kind != lint.Word || len(t.Norm) < 5 {
			continue
		}
		// Most words are passed over on their last byte: every jussive
		// ending ends in one of few (n, r: -sIn, -sInlAr).
		if !strings.Contains(lastBytes, t.Norm[len(t.Norm)-1:]) {
			continue
		}
		next := neighbour(toks, i, 1)
		if !(next < 0 || toks[next].Kind == lint.Punct && strings.ContainsAny(toks[next].Norm, ".!,;:") || emojiEnd(toks, next)) ||
			next >= 0 && toks[next].Kind == lint.Punct && strings.Contains(toks[next].Norm, "?") {
			continue // "Bütün verilənlər silinsin?" asks leave
		}
		if utf8.RuneCountInString(t.Norm) < 5 || !dictionaryVerb(l, t.Norm, ends, g.infinitive[l]) || !g.urgentJussive(l, t.Norm) {
			continue
		}
		for j := neighbour(toks, i, -1); j >= 0; j-- {
			u := toks[j]
			if u.Kind == lint.Punct && strings.ContainsAny(u.Norm, ",;:.!?") {
				break
			}
			if u.Kind == lint.Word && utf8.RuneCountInString(u.Norm) >= 6 && dictionaryVerb(l, u.Norm, subject, g.infinitive[l]) {
				return true
			}
		}
	}
	return false
}

// heeded reports whether the verb at i is the imperative of a compound
// verb of heeding, its noun right before it (attention_nouns: "Dikkat
// edin", "Diqqət edin", "Fikir verin", "Nəzərə alın"): it asks the reader
// to note what is said, and calls to no action.
func (g ctaGrammar) heeded(l lint.Lang, toks []lint.Token, i int) bool {
	if g.attention[l] == nil {
		return false
	}
	prev := neighbour(toks, i, -1)
	return prev >= 0 && toks[prev].Kind == lint.Word && g.attention[l][toks[prev].Norm]
}

// wantersCan: a 3rd person "can" ending a clause, its subject whoever
// wants it (the list wanting, before it in the clause), tells them what to
// do as the jussive does: "almak isteyenler sitemizden sipariş verebilir",
// "istəyənlər saytdan sifariş verə bilər" (ability_third_endings, on a
// verb the dictionary has; ability_third, the Azerbaijani modal after its
// converb). Without such a subject it states ("erken gelenler indirim
// alabilir").
func (g ctaGrammar) wantersCan(m *lint.Message, pb phraseBook) bool {
	l := m.Lang
	ends, words := g.abilityThird[l], g.abilityThirdWords[l]
	if ends == nil && words == nil {
		return false
	}
	toks := m.Tokens()
	var wanting []lint.Match
	looked := false
	for i, t := range toks {
		if t.Kind != lint.Word {
			continue
		}
		if !words[t.Norm] && !(ends != nil && dictionaryVerb(l, t.Norm, ends, g.infinitive[l])) {
			continue
		}
		if !g.acting(l, toks, i, words[t.Norm]) {
			continue // "isteyenler indirimden faydalanabilir": what is on offer
		}
		next := neighbour(toks, i, 1)
		if !(next < 0 || toks[next].Kind == lint.Punct && strings.ContainsAny(toks[next].Norm, ".!,;:") || emojiEnd(toks, next)) {
			continue
		}
		if !looked {
			wanting, looked = pb.find(m, "wanting"), true
		}
		for _, w := range wanting {
			if w.First < 0 || w.Last >= i {
				continue
			}
			clause := true
			for _, u := range toks[w.Last+1 : i] {
				if u.Kind == lint.Punct && strings.ContainsAny(u.Norm, ",;:.!?") {
					clause = false
					break
				}
			}
			if clause {
				return true
			}
		}
	}
	return false
}

// acting reports whether the "can" at i is said of a verb of acting
// (ability_third_verbs: "sipariş ver", "zəng ed"): in Turkish the word is
// the stem's last word and an ending of ability_third_endings
// ("verebilir"); in Azerbaijani the modal is a word of its own (modal) and
// the converb before it the stem's last word and a vowel of
// ability_third_converbs ("verə bilər"). The stem's other words stand
// right before.
func (g ctaGrammar) acting(l lint.Lang, toks []lint.Token, i int, modal bool) bool {
	for _, v := range g.abilityVerbs[l] {
		j, last := i, v[len(v)-1]
		if modal {
			if j = neighbour(toks, i, -1); j < 0 || toks[j].Kind != lint.Word {
				return false
			}
			rest, ok := strings.CutPrefix(toks[j].Norm, last)
			if !ok || !g.abilityConverbs[l][rest] {
				continue
			}
		} else {
			rest, ok := strings.CutPrefix(toks[j].Norm, last)
			if !ok || !g.abilityThird[l][rest] {
				continue
			}
		}
		ok := true
		for k := len(v) - 2; k >= 0 && ok; k-- {
			j = neighbour(toks, j, -1)
			ok = j >= 0 && toks[j].Kind == lint.Word && toks[j].Norm == v[k]
		}
		if ok {
			return true
		}
	}
	return false
}

// urgentJussive reports whether a jussive may tell: a negative one only
// with a verb of missing or delaying ("fırsatı kaçırmasın"; not
// "kaçıranlar üzülmesin", "narahat olmasınlar").
func (g ctaGrammar) urgentJussive(l lint.Lang, w string) bool {
	for e := range g.negativeJussive[l] {
		stem, ok := strings.CutSuffix(w, e)
		if !ok || stem == "" {
			continue
		}
		for u := range g.urgentStems[l] {
			if strings.HasSuffix(stem, u) {
				return true
			}
		}
		return false
	}
	return true
}

// leftVerb reports whether a verbal noun (token i, with one of endings)
// left for the customer is of one of leftVerbs: writing, calling, choosing,
// coming ("yazmanız kaldı"), not enjoying (after one of enjoyNouns: "zövq
// almağınız qalır") or waiting; a light verb (et-,
// ver-) only after one of actionNouns ("sipariş vermeniz kaldı").
func (g ctaGrammar) leftVerb(l lint.Lang, toks []lint.Token, i int, endings map[string]bool) bool {
	if g.leftVerbs[l] == nil {
		return true
	}
	for e := range endings {
		stem, ok := strings.CutSuffix(toks[i].Norm, e)
		if !ok || !g.leftVerbs[l][stem] {
			continue
		}
		prev := neighbour(toks, i, -1)
		if prev >= 0 && g.enjoyNouns[l][toks[prev].Norm] {
			return false // "zövq almağınız qalır": enjoying
		}
		if !g.lightVerbs[l][stem] {
			return true
		}
		return prev >= 0 && g.actionNouns[l][toks[prev].Norm]
	}
	return false
}

// suggested: a 2nd person optative suggests what to do ("Bəlkə artıq yeni
// nəşr alasınız?", "Bu həftə bizə baş çəkəsiniz?"; suggestion_endings) in a
// question or after one of maybe; "Sağ olasınız!" thanks.
func (g ctaGrammar) suggested(m *lint.Message) bool {
	l := m.Lang
	ends := g.suggestion[l]
	if ends == nil {
		return false
	}
	toks := m.Tokens()
	for i, t := range toks {
		if t.Kind != lint.Word || !anyEnding(l, t.Norm, ends, false) || !dictionaryVerb(l, t.Norm, ends, g.infinitive[l]) {
			continue
		}
		sents := m.Sentences()
		s := sents[sentenceOf(sents, t.Start)]
		if strings.HasSuffix(strings.TrimSpace(m.Body.Text[s.Start:s.End]), "?") {
			return true
		}
		for j := i; j >= 0 && toks[j].Start >= s.Start; j-- {
			if toks[j].Kind == lint.Word && hasWord(l, g.maybe[l], toks[j].Norm, lint.Folded(l, m.Body.Text)) {
				return true
			}
		}
	}
	return false
}

// awaited: "we await you" at a place of ours invites the customer there,
// where the verb ends its clause (awaitVerbs: "bekliyoruz", "bekleriz",
// "gözləyirik"): our place in the dative right before it, "you" between
// allowed ("sergimize bekleriz", "mağazamıza sizi bekliyoruz"), not
// after another object, bare or possessed ("yeni ürünleri", "ürünlerimizi
// mağazamıza bekliyoruz": goods are expected); or your coming told as a verbal noun (youVerbalNoun:
// "uğramanızı", "gəlməyinizi") or "you" (youObjects) with our place in the
// dative or the locative in the clause, short of another verb before it
// (subclauseEnds: "sizi kampanyamızda görmek isteriz ama …") ("dükkânımıza gelmenizi
// bekleriz", "Sizi emalatxanamızda gözləyirik"). Without a place it is a
// formula ("Ziyaretlerinizi bekleriz"), and a discount that awaits you
// ("indirim sizi bekliyor") is no verb of ours.
func (g ctaGrammar) awaited(m *lint.Message) bool {
	l := m.Lang
	verbs := g.awaitVerbs[l]
	if verbs == nil {
		return false
	}
	toks := m.Tokens()
	for i, t := range toks {
		if t.Kind != lint.Word || !verbs[t.Norm] {
			continue
		}
		you, place := false, false
		for j := neighbour(toks, i, -1); j >= 0; j = neighbour(toks, j, -1) {
			w := toks[j]
			if w.Kind == lint.Punct && strings.ContainsAny(w.Norm, ",;:.!?") {
				break
			}
			if w.Kind != lint.Word {
				continue
			}
			// Another verb before it ends its clause: what comes
			// before belongs to that verb ("sizi kampanyamızda görmek
			// isteriz ama …").
			if anyEnding(l, w.Norm, g.subclauseEnds[l], false) {
				break
			}
			switch {
			case g.youObjects[l][w.Norm] || anyEnding(l, w.Norm, g.youVerbalNoun[l], false):
				you = true
			case anyEnding(l, w.Norm, g.ourDative[l], false):
				place = true
				// Right before the verb, "you" between allowed: we expect
				// the customer there, unless another object comes first.
				if k := neighbour(toks, j, 1); k == i || k >= 0 && g.youObjects[l][toks[k].Norm] && neighbour(toks, k, 1) == i {
					if !g.otherObjectBefore(l, toks, j) {
						return true
					}
				}
			case anyEnding(l, w.Norm, g.ourAt[l], false):
				place = true
			}
		}
		if you && place {
			return true
		}
	}
	return false
}

// otherObjectBefore reports whether an object other than "you" (a noun in
// the accusative, otherObject) stands before token j in its clause, up to
// the end of a subordinate clause (subclauseEnds: "görmek isterseniz",
// "görmək istəsəniz"), whose objects are its own.
func (g ctaGrammar) otherObjectBefore(l lint.Lang, toks []lint.Token, j int) bool {
	for k := neighbour(toks, j, -1); k >= 0; k = neighbour(toks, k, -1) {
		w := toks[k]
		if w.Kind == lint.Punct && strings.ContainsAny(w.Norm, ",;:.!?") {
			return false
		}
		if w.Kind != lint.Word || g.youObjects[l][w.Norm] || anyEnding(l, w.Norm, g.youVerbalNoun[l], false) {
			continue
		}
		if anyEnding(l, w.Norm, g.subclauseEnds[l], false) {
			return false
		}
		if anyEnding(l, w.Norm, g.otherObject[l], false) {
			return true
		}
	}
	return false
}

// recommended: recommending that the customer act, an acting verb's
// verbal noun in the accusative before "we recommend" (recommendVerbs:
// "öneririz", "tavsiye ederiz", "məsləhət görürük"), suggests what to do
// as a polite imperative ("yerinizi erkenden ayırtmayı öneririz", "yerinizi
// əvvəlcədən tutmağı tövsiyə edirik"); the verb is one of booking, ordering,
// coming or calling (recommendStems), not of keeping or using ("serin
// yerde saklamayı öneririz"); taking or holding only after its object, a
// seat, ticket or appointment ("yer tut", "bilet al"), not "mola almayı".
func (g ctaGrammar) recommended(m *lint.Message) bool {
	l := m.Lang
	verbs := g.recommendVerbs[l]
	if verbs == nil {
		return false
	}
	toks := m.Tokens()
	for i, t := range toks {
		if t.Kind != lint.Word || !verbs[t.Norm] {
			continue
		}
		// "tavsiye ederiz", "məsləhət görürük": a light verb after its noun.
		j := neighbour(toks, i, -1)
		if g.recommendLight[l][t.Norm] {
			if j < 0 || toks[j].Kind != lint.Word || !g.recommendNouns[l][toks[j].Norm] {
				continue
			}
			j = neighbour(toks, j, -1)
		}
		if j < 0 || toks[j].Kind != lint.Word {
			continue
		}
		for e := range g.recommendEndings[l] {
			stem, ok := strings.CutSuffix(toks[j].Norm, e)
			if !ok || stem == "" {
				continue
			}
			if g.recommendStems[l][stem] {
				return true
			}
			// The pair's noun right before, or with a word between
			// ("yerinizi əvvəlcədən tutmağı").
			for p, n := neighbour(toks, j, -1), 0; p >= 0 && n < 2 && toks[p].Kind == lint.Word; p, n = neighbour(toks, p, -1), n+1 {
				if g.pairStem(l, toks[p].Norm, stem) {
					return true
				}
			}
		}
	}
	return false
}

// rewarded: a reward for whoever shows, says or brings something, the
// dative participle of a verb of showing, saying or bringing (show_participles:
// "kasada bu mesajı gösterene %10 indirim", "şifrəni deyənə hədiyyə"), tells
// the customer what to do to get it, as "kasada göstərin" does; the terms
// of a sale ("iki bilet alana bir bilet hediye") do not. Before one of
// until the participle tells how long ("gösterene kadar").
func (g ctaGrammar) rewarded(m *lint.Message) bool {
	l := m.Lang
	if g.showParticiples[l] == nil {
		return false
	}
	folded := lint.Folded(l, m.Body.Text)
	toks := m.Tokens()
	for i, t := range toks {
		if t.Kind != lint.Word || !hasWord(l, g.showParticiples[l], t.Norm, folded) {
			continue
		}
		if next := neighbour(toks, i, 1); next >= 0 && toks[next].Kind == lint.Word && hasWord(l, g.until[l], toks[next].Norm, folded) {
			continue
		}
		return true
	}
	return false
}

// pairStem reports whether a recommendStems entry "noun verb" has verb
// stem and prev is its noun, bare or in the accusative (otherObject:
// "sipariş ver": "siparişinizi vermeyi"; "yer tut": "yerləri tutmağı", not
// the place "yerdə tutmağı").
func (g ctaGrammar) pairStem(l lint.Lang, prev, stem string) bool {
	for e := range g.recommendStems[l] {
		noun, verb, ok := strings.Cut(e, " ")
		if !ok || verb != stem || !strings.HasPrefix(prev, noun) {
			continue
		}
		if prev == noun || anyEnding(l, prev, g.otherObject[l], false) {
			return true
		}
	}
	return false
}

// anyEnding reports whether w ends in one of set's endings after a stem
// of a letter or more (compared folded in a folded text).
func anyEnding(l lint.Lang, w string, set map[string]bool, folded bool) bool {
	return anyEndingAfter(l, w, set, 1, folded)
}

// anyEndingAfter is anyEnding after a stem of at least stem letters.
func anyEndingAfter(l lint.Lang, w string, set map[string]bool, stem int, folded bool) bool {
	for e := range set {
		if endsIn(l, w, e, stem, folded) {
			return true
		}
	}
	return false
}

// objectBefore reports whether a word before token i in its clause is an
// object: a verb's bare stem ending a sentence is told with its object
// anywhere before it, as the verb comes last ("İlk randevunu bu mesaja
// yanıt vererek oluştur", "Siparişini vermek için bu mesaja EVET yaz").
// Farther than the word before, only a possessed accusative (farObject:
// -(I)nI) counts, not a compound's head ("ayakkabı reyonu"), and not before
// one of notBare ("var": there is).
func (g ctaGrammar) objectBefore(toks []lint.Token, i int, object func(string) bool) bool {
	for j := i; j >= 0; j-- {
		t := toks[j]
		if t.Kind == lint.Punct && strings.ContainsAny(t.Norm, ",;:.!?") {
			return false
		}
		if t.Kind == lint.Word && object(t.Norm) {
			return true
		}
	}
	return false
}

// bufferedNoun reports whether w is a vowel-final noun of the dictionary
// with a two-letter case ending after it ("uygulama-yı", "bağlantı-ya"),
// not a word whose own last letters look like one ("hediye", "hədiyyə",
// "rüya").
func bufferedNoun(l lint.Lang, w string) bool {
	stem := w
	for range 2 {
		_, n := utf8.DecodeLastRuneInString(stem)
		stem = stem[:len(stem)-n]
	}
	last, _ := utf8.DecodeLastRuneInString(stem)
	return stem != "" && morph.IsVowel(last) && dictionaryWord(l, stem)
}

// bareImperative reports whether word i is a verb's bare stem said as the
// informal imperative: the stem with an infinitive ending is a word of the
// dictionary, and the word before is one of nowAdverbs ("şimdi incele",
// "indi sına") or an object in the accusative ("yerini bugün ayırt" reads
// "bugün"; "favorini seç"). A noun of the same form after another word
// ("en sevilen tat", "bu yaz") is none, nor a stem of two letters ("Depolama
// alanı az").
//
// folded is whether the text has none of its language's letters, worked
// out once by the caller: asked at every clause's end, reading the whole
// text each time made a long message's work grow with its square.
func (g ctaGrammar) bareImperative(m *lint.Message, toks []lint.Token, i int, last bool, hasAny func(string, map[string]bool) bool, folded bool) bool {
	l := m.Lang
	if g.nowAdverbs[l] == nil {
		return false
	}
	prev := neighbour(toks, i, -1)
	if prev < 0 || toks[prev].Kind != lint.Word {
		return false
	}
	object := func(w string) bool { return utf8.RuneCountInString(w) >= 5 && hasAny(w, g.accusative[l]) }
	p := toks[prev].Norm
	if hasWord(l, g.lightNouns[l], p, folded) {
		if pp := neighbour(toks, prev, -1); hasWord(l, g.lightBare[l], toks[i].Norm, folded) &&
			(pp < 0 || toks[pp].Kind != lint.Word || !hasWord(l, g.nameNouns[l], toks[pp].Norm, folded)) {
			return true // "tətbiqdən sifariş et": the compound ends its clause
		}
		if pp := neighbour(toks, prev, -1); pp >= 0 && toks[pp].Kind == lint.Word {
			prev, p = pp, toks[pp].Norm // "şimdi satın al": the compound's noun between
		}
	}
	now := hasWord(l, g.nowAdverbs[l], p, folded) || hasWord(l, g.youSubjects[l], p, folded)
	// A case ending with its buffer consonant is no possessive: the stem
	// after it is a verb even when short ("Uygulamayı aç").
	buffered := utf8.RuneCountInString(p) >= 5 && hasAny(p, g.bufferedCase[l]) && bufferedNoun(l, p)
	if !now && !buffered && !object(p) {
		far := g.farObject[l]
		if !last || far == nil || hasWord(l, g.notBare[l], toks[i].Norm, folded) ||
			!g.objectBefore(toks, prev, func(w string) bool { return far.match(l, w, folded) && utf8.RuneCountInString(w) >= 5 }) {
			return false
		}
	}
	w := toks[i].Norm
	if !now && !buffered && hasWord(l, g.notBare[l], w, folded) {
		// "klan deseni var": there is, after a possessed noun too, which
		// reads as an accusative; var- (arrive) takes a dative, not one.
		return false
	}
	if utf8.RuneCountInString(w) < 3 && (!now && !buffered || hasWord(l, g.notBare[l], w, folded)) {
		return false // "alanı az": short stems are adjectives and nouns too
	}
	for inf := range g.infinitive[l] {
		if known, _ := inDictionary(l, w+inf); known {
			return true
		}
	}
	return false
}
