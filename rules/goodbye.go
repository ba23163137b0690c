package rules

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/msglint/msglint/lint"
)

var (
	goodbyeData    = loadData("goodbye.yaml")
	goodbyeLexicon = Lexicon(goodbyeData.Lexicon)
)

// GoodbyeOptions configures the goodbye rule.
type GoodbyeOptions struct {
	// Kinds are the message kinds that end a conversation.
	Kinds          []lint.Kind `yaml:"kinds"`
	LexiconOptions `yaml:",inline"`
}

// Goodbye flags a closing message without a closing courtesy.
var Goodbye = &lint.Rule{
	Name: "goodbye",
	Doc: lint.Doc{
		Title: "closing message without a goodbye",
		Text: `Flags a message that ends a conversation (kind: closing) with no closing courtesy: no
farewell or wish ("have a great day", "safe travels", "iyi günler", "yolunuz açık olsun", "xoş
günlər"; an exclamation ending in a wish, "Happy baking!", "Bol kazançlı günler!", "Xoş yol!";
congratulations; sympathy, "our thoughts are with you"; a wish in other words: "Sleep well!", "Ride
safely", "Have a fantastic party", "Wishing your colony a strong summer", "güzel alışverişler", "Yaxşı
gəzintilər", "Sağlıqla geyinin", "Eynəyinizi sağlıqla taxasınız!" (with a blessing; "sabah filiala gələsiniz" is a polite
instruction), "Çayınız hiç soğumasın ☕" (a wish on the customer's thing; ended with no mark and no emoji, "Eski PIN
dursun" is a label and "Kuryer geri qayıtsın" a jussive; a verb of two letters only with the customer's thing and a lasting
time, "Rüzgârınız hep arkanızdan essin", "Evinizdə uzun illər xidmət etsin", not "Usta evinizdə ölçü alsın"), "Xalçanız evinizə bərəkət gətirsin", "Have an amazing time at the
match", "Here's hoping for a smooth crossing", "Look after that knee", "Keyifli ve huzurlu tatiller", "Nice mutlu
yıllara", "xoş seyr", "uğur diləyirik", "Speak to you on Monday", "Give him a cuddle from us", "İşleriniz
rast gitsin", "Happy riding next spring!", "we hope to ride with you again", "we hope to cater for you another time", "Hopefully we'll get to ride with you
another week" (not "Hopefully we'll never work with you again"), "sizi yenə görmək ümidi ilə", "Sizi yeniden ağırlamaktan mutluluk duyarız", "sizi qarşılamaqdan
məmnun olarıq" (not "açmaktan mutluluk duyarız" nor "mutluluk duyduğumuz fuar"); a
hope is a closing only for seeing, meeting or serving the customer again, not as the purpose of a
deed, "sizi evde bulma ümidiyle geldi", and "hope you'll" only before enjoying or coming back, not
"we hope you'll pay the balance"; a verbless exclamation of fair weather or luck, "Fair winds!", "Clear skies
and calm seas!", "Bereketli avlar!", "Xeyirli ovlar!", but not opening a message that goes on, "Good news! …", and a
fair wind, sea, tide or line for a time to come closing the message, "Tight lines this weekend", "Fair winds for the rest of
the season" (not "Calm seas are forecast this weekend", "Fair prices all year", "Clear skies this weekend"); a good
adjective and an activity's -ing noun closing it, "Good paddling!", not a judgement, "Good thinking!"; staying
well where the verb ends, "yağmurda kuru kalın", "soyuq günlərdə isti qalın"; "Wear it in good health", "Wear them in comfort", "Rahat geyinin", "Rahatça kullanın" (not an instruction,
"Belgeleri rahatça yükleyin"); "Happy"
with a time after it only with an -ing or wish noun, not "Happy hour this Friday"),
no thanks ("thanks for your patience", "sağ olun", "minnətdarlığımızı bildiririk", "with our gratitude",
"ellerinize sağlık", "əllərinizə sağlıq",
not "Gratitude candles" or "Şükran Hanım", a product or a name, nor a courtesy told of a thing, "Warm wishes are
printed on the card", "Teşekkür kartı pakete eklendi"; one sent to the customer counts, "Our warmest wishes go to you",
"it was a pleasure", "we loved having you") and no offer of more help ("anything else I can help with?", "is there anything
more I can do?", "başka bir konuda yardımcı olabilir miyim?", "başqa sualınız varmı?", "kömək edərik", "yardımcı oluruz", "if anything comes
up, write to us" in any words ("bir sorun yaşarsanız bize yazabilirsiniz", "çekinmeden yazın", "yenidən yazsanız
sevinərik"; not "nömrəni yazsanız sevinərik" nor "onu yenidən yazsanız sevinərik", a request) (not negated: "don't reply here; if needed, open a new ticket"; not as the condition
itself: "If you reply here, nobody will read it"), answering the customer's questions or always ("sorularınızı her zaman
yanıtlarız", "suallarınızı cavablandırarıq"; not a policy: "itirazlara yalnızca yazılı olarak cevap veririz",
"e-postalara 48 saat içinde yanıt veririz"), asking the customer back ("Come back soon!", "Yine uğrayın!", "Yenə gəlin!";
not with an errand's time: "come back soon after 5", "yarın tekrar uğrayın", "cümə günü yenidən gəlin"), "kapımız her zaman açık", "atölyemizin kapısı size hep açık", "the door and the phone are always open", "happy to redo it
whenever suits you" (not "collect it whenever suits you", an errand's time), "məmnuniyyətlə yenidən baxarıq" (not
"the courier will gladly bring it"), "sizi yenidən görmək bizə xoş olar"; our wishes passed on, "dileklerimizi
iletin", "arzularımızı çatdırın", not wishes named, "Dileklerimizi karşılayan bir tedarikçi"; thanks in a
borrowed word, "Merci"). Awaiting something by a date is asked for, not a
courtesy ("qeydlərinizi cümə gününədək gözləyirik"; in the future only the customer or their act is awaited
courteously, "Sizi yine bekleyeceğiz", "yazmanızı bekleyeceğiz", not a thing, "faturanın aslını bekleyeceğiz"; a hope
for everyone is no wish with a deadline, "We hope everyone has paid by Friday"; "we look forward to seeing you" is one, and so is "by the
pool", a place, not a date). An open door is one when it is ours and always open or open to the customer, not on a
given day ("kapımız cumartesi de açık" gives opening hours), nor the customer's door or a building's gate
("kapınızı ve telefonunuzu açık tutun", "Site kapısı her zaman açık"). Words match in
their inflected forms ("iyi gün*" matches "İyi günler") and typed without the language's letters ("Xos
gunler"). In a transcript, it flags a conversation closed when the last brand message has none of these.`,
		Why: `The last message is what the customer remembers; ending without a word of thanks or an open
door reads as being shown out. Messenger's guidance for customer care asks businesses to close
conversations politely and say how to get back in touch.`,
		Examples: goodbyeData.Examples,
		Severity: lint.Warning,
		Default:  true,
	},
	Options: GoodbyeOptions{Kinds: []lint.Kind{lint.Closing}},
	Lexicon: goodbyeData.Lexicon,
	New: lexiconRule(GoodbyeOptions{Kinds: []lint.Kind{lint.Closing}}, goodbyeLexicon, func(o *GoodbyeOptions) *LexiconOptions { return &o.LexiconOptions },
		func(o GoodbyeOptions, lx Lexicon, pb phraseBook) lint.Check {
			typos := pb.withTypos()
			wish := lx.wordSets("wish")
			for l, words := range goodbyeData.WordSets("pleasure_blessings") {
				if wish[l] != nil {
					maps.Copy(wish[l], words) // a blessing of pleasure wishes too: "Afiyetle!"
				}
			}
			ifEndings, us, ifWords := goodbyeData.WordSets("if_endings"), goodbyeData.WordSets("us"), goodbyeData.WordSets("if")
			gw := newGoodbyeWords(wish)
			courteous := func(m *lint.Message) bool {
				// Matches are looked at only when a courtesy noun is told of
				// something (see addressed): most messages have none.
				told := gw.toldCourtesy(m)
				if pb.has(m, "farewell") && (!told || gw.addressed(m, pb.find(m, "farewell"))) || pb.has(m, "await") && gw.awaits(m, pb.find(m, "await")) ||
					pb.has(m, "thanks") && (!told || gw.addressed(m, pb.find(m, "thanks"))) || gw.offersHelp(m, pb.find(m, "help")) || wished(m, wish[m.Lang]) ||
					ifContact(m, pb, ifEndings[m.Lang], us[m.Lang], ifWords[m.Lang], gw.exist[m.Lang], gw.helpNegations[m.Lang]) ||
					gw.wishClause(m) || gw.moreHelp(m, pb) || gw.haveAWish(m) || gw.company(m, pb) || gw.careWish(m, pb) ||
					gw.talkSoon(m, pb) || gw.timedFortune(m) || gladBack(m, pb.find(m, "glad_back")) || gw.passOn(m, m.Tokens()) || gw.askedBack(m, pb.find(m, "asked_back")) ||
					gw.awaitsYou(m, pb.find(m, "await_you")) || gw.answers(m, pb.find(m, "answer")) {
					return true
				}
				all := typos.findAll(m) // one pass for the second look
				if gw.addressed(m, all["farewell"]) || gw.awaits(m, all["await"]) || gw.addressed(m, all["thanks"]) || gw.offersHelp(m, all["help"]) {
					return true
				}
				// An offer with a place or time adverb inside it: "bize buradan
				// ulaşabilirsiniz" offers as "bize ulaşabilirsiniz" does.
				return gw.acrossAdverbs(m, func(m *lint.Message) bool {
					return gw.offersHelp(m, pb.find(m, "help")) ||
						ifContact(m, pb, ifEndings[m.Lang], us[m.Lang], ifWords[m.Lang], gw.exist[m.Lang], gw.helpNegations[m.Lang])
				})
			}
			return func(p *lint.Pass) {
				m := p.Msg
				if !m.IsKindIn(o.Kinds...) || courteous(m) {
					return
				}
				p.Report(lint.Diagnostic{
					Message:    "closing message has no goodbye: no farewell, no thanks and no offer of more help",
					Suggestion: goodbyeData.Say(m.Lang, "suggestion"),
				})
			}
		}),
}

// wished reports whether a sentence ending in "!" opens a wish in its last
// three words ("Happy baking!", "Pistlerde bol karlı günler!", "Xoş
// mütaliələr!"): a farewell, whatever is wished. A wish word earlier in
// the sentence, or a sentence ending otherwise ("Xoş xəbər: …"), is not one.
func wished(m *lint.Message, wish map[string]bool) bool {
	if wish == nil {
		return false
	}
	toks := m.Tokens()
	for i, t := range toks {
		if t.Kind != lint.Punct || !strings.HasPrefix(t.Norm, "!") {
			continue
		}
		for j, k := i, 0; k < 3; k++ {
			if j = neighbour(toks, j, -1); j < 0 || toks[j].Kind != lint.Word {
				break
			}
			if wish[toks[j].Norm] {
				return true
			}
			// Typed without the language's letters: "Xos yol!".
			for w := range wish {
				if lint.Fold(m.Lang, w) == lint.Fold(m.Lang, toks[j].Norm) {
					return true
				}
			}
		}
	}
	return false
}

// ifContact reports whether the customer is told to get in touch if
// something comes up: in English a contact cue and "if" in one sentence;
// in Turkish and Azerbaijani a contact cue ("yazın", "bize ulaşın", "əlaqə
// saxlayın") right after a conditional verb ("olursa", "gəlsə"), with only
// a comma or "us" (bize, bizimlə) between: "Aklınıza takılan bir şey olursa
// yazın". A contact cue after another word writes something else ("…
// ödəsəniz, qəbzi yazın").
//
// A conditional of being or arising ("bir şey olursa", "sualınız
// yaransa": the lemmas exist) is "if anything comes up" however far the
// contact cue stands after it in its sentence: "takıldığınız bir şey
// olursa bu sohbetten yeniden yazmanız yeterli", "sualınız yaransa,
// çəkinmədən yazın".
//
// In English a contact cue with a negation in the two words before it
// (neg, help_negations) is no offer: "Do not reply here, open a new ticket
// if needed".
func ifContact(m *lint.Message, pb phraseBook, ends, us, ifWords, exist, neg map[string]bool) bool {
	if ends == nil && ifWords == nil {
		return false
	}
	toks := m.Tokens()
	if ifWords != nil {
		// English says "if" in a word, before or after: "If anything comes
		// up, message us", "Text us if the bike needs a tune-up".
		sents := m.Sentences()
	contacts:
		for _, c := range pb.find(m, "contact") {
			for j, k := c.First, 0; c.First >= 0 && k < 2; k++ {
				if j = neighbour(toks, j, -1); j < 0 || toks[j].Kind != lint.Word {
					break
				}
				if neg[toks[j].Norm] {
					continue contacts
				}
			}
			s := sents[sentenceOf(sents, c.Span.Start)]
			for _, t := range toks {
				if t.Start >= s.Start && t.End <= s.End && t.Kind == lint.Word && ifWords[t.Norm] && !conditionOnly(m.Body.Text, s, t, c) {
					return true
				}
			}
		}
		return false
	}
	folded := lint.Folded(m.Lang, m.Body.Text)
	sents := m.Sentences()
	for _, c := range pb.find(m, "contact") {
		if c.First >= 0 && arisesBefore(m, toks, sents, c, ends, exist, folded) {
			return true
		}
		j := neighbour(toks, c.First, -1)
		for j >= 0 && (toks[j].Norm == "," || us[toks[j].Norm]) {
			j = neighbour(toks, j, -1)
		}
		if c.First < 0 || j < 0 || toks[j].Kind != lint.Word {
			continue
		}
		for e := range ends {
			if endsIn(m.Lang, toks[j].Norm, e, 1, folded) {
				return true
			}
		}
	}
	return false
}

// conditionOnly reports whether the contact c stands inside the clause
// that "if" opens, a main clause after a comma: "If you reply here, nobody
// will read it" makes the contact the condition, not the offer ("If
// anything comes up, reply here" and "If you have questions reply here"
// offer).
func conditionOnly(text string, s lint.Span, ifTok lint.Token, c lint.Match) bool {
	if ifTok.End > c.Span.Start || c.Span.End > s.End {
		return false
	}
	return !strings.ContainsAny(text[ifTok.End:c.Span.Start], ",;:") && strings.Contains(text[c.Span.End:s.End], ",")
}

// arisesBefore reports whether a conditional of an existential lemma
// ("olursa", "yaransa", "çıkarsa") stands before a contact cue in its
// sentence.
func arisesBefore(m *lint.Message, toks []lint.Token, sents []lint.Span, c lint.Match, ends, exist map[string]bool, folded bool) bool {
	if exist == nil {
		return false
	}
	s := sents[sentenceOf(sents, c.Span.Start)]
	for _, t := range toks[:c.First] {
		if t.Start < s.Start || t.Kind != lint.Word {
			continue
		}
		for lemma := range exist {
			if !strings.HasPrefix(t.Norm, lemma) {
				continue
			}
			for e := range ends {
				if endsIn(m.Lang, t.Norm, e, 1, folded) {
					return true
				}
			}
		}
	}
	return false
}

// goodbyeWords are the word sets of the closing wishes said in other words
// (see goodbye.yaml).
type goodbyeWords struct {
	wish, plural, wishAdverb, goodAdjective, blessing, imperative, more, exist, optative, optative2, complementizer, infinitive map[lint.Lang]map[string]bool
	// intensifier, wishNoun: "have a really good …" and a time, an event
	// or an experience wishes ("have a good rest of the week"), "have a
	// good look" or "a good reason" does not; joy: what having the customer was ("a joy having you");
	// careFor: the body or oneself, looked after ("look after that knee");
	// determiner: a word that may stand between a verb and its object.
	intensifier, wishNoun, joy, careFor, determiner map[lint.Lang]map[string]bool
	// helpNegations: a word of negation or absence within two words of a
	// help cue, in a sentence that asks nothing, takes the offer back
	// (see offersHelp).
	helpNegations map[lint.Lang]map[string]bool
	// wishVerbs open a wish as "have" does, whom it wishes between
	// ("Wishing the whole choir a fantastic tour").
	wishVerbs map[lint.Lang]map[string]bool
	// coordinators join two adjectives of a wish ("a quiet and restful
	// week").
	coordinators map[lint.Lang]map[string]bool
	// article, reflexive and haveBefore: "have" may follow one of
	// haveBefore ("and have a lovely afternoon"), take one of reflexive
	// ("have yourself a …") and one of article ("have the best time").
	article, reflexive, haveBefore, until map[lint.Lang]map[string]bool
	// regardsVerbs, regards and regardsFrom: a sentence opening with giving
	// or sending a hug or a wave and ending "from us" or "from the team"
	// passes on regards.
	regardsVerbs, regards, regardsFrom map[lint.Lang]map[string]bool
	// optativeVerb: in a language that has it, the optative's stem must be
	// a verb of the dictionary (Turkish: "rast gitsin" is git- with -sin;
	// "gelirsin", you come, is not gelir- with -sin).
	optativeVerb map[lint.Lang]map[string]bool
	// manyMore and dativePlural: "nice … -lara" (many more …) wishes;
	// elliptic and notWished: a wish word and one noun as a sentence's last
	// clause ("xoş seyr", "happy reading"), unless the noun is a copula or
	// negation ("xoş deyil").
	manyMore, dativePlural, elliptic, notWished map[lint.Lang]map[string]bool
	// pleasure: blessings of pleasure or health that wish wherever they
	// stand before an imperative ("sağlıkla", "zövqlə"; "dikkatli" and
	// "ehtiyatla" may instruct); spend: a verb of spending time, a wish
	// with a wish word before it ("mutlu bir akşam geçirin").
	pleasure, spend map[lint.Lang]map[string]bool
	// yours: the 2nd person possessive endings ("Çayınız"): the
	// customer's thing an unpunctuated optative wishes well.
	yours, ever map[lint.Lang]map[string]bool
	// yoursCased: a 2nd person possessive ending with a case ending after
	// it (your_endings, then case_endings: "Evinizdə").
	yoursCased map[lint.Lang]map[string]bool
	// lasting: the words of a time that lasts ("yıllar", "illər",
	// "ömür"), which a short optative's wish names (see shortOptative).
	lasting map[lint.Lang]map[string]bool
	// gladly, firstPerson: a manner adverb offers with a verb of ours.
	gladly, firstPerson map[lint.Lang]map[string]bool
	// doorStems, doorForms, ourDoors, doorPartners, ourGenitive: an open
	// door of ours (see ourDoor).
	doorStems                                      map[lint.Lang]prefixes
	doorForms, ourDoors, doorPartners, ourGenitive map[lint.Lang]map[string]bool
	negImperative                                  map[lint.Lang]map[string]bool
	// timeWords: a time after "speak to you" or "catch you" makes it a
	// farewell ("Speak to you on Monday"), the list talk.
	timeWords map[lint.Lang]map[string]bool
	// dativeEndings and dativePronouns: whom a wish is for, before it
	// ("Size ve minik uykucunuza huzurlu geceler").
	dativeEndings, dativePronouns map[lint.Lang]map[string]bool
	// offerAdverbs: adverbs of place or time, each one or more words, that
	// may stand inside an offer ("bize buradan ulaşabilirsiniz").
	offerAdverbs map[lint.Lang][][]string
	// toasts: the words that raise a wish to the customer ("to you", "to
	// you all"), after a plural noun in a verbless exclamation: "Clear
	// skies to you!", "Fair winds to you all!" (see toast).
	toasts map[lint.Lang][][]string
	// toastPlural: the plural endings of the noun before a toast.
	toastPlural map[lint.Lang]map[string]bool
	// wishTimes: after a wish's noun, the start of a time it is wished
	// for, as until starts one ("Happy riding next spring!").
	wishTimes map[lint.Lang]map[string]bool
	// wishedEndings: the endings of a noun wished for a time to come (an
	// -ing noun, "Happy riding next spring"), unless it is one of wishNoun:
	// "Happy hour this Friday" announces.
	wishedEndings map[lint.Lang]map[string]bool
	// hedges open a short last clause that qualifies the wish before it
	// ("Sleep well afterwards, if you can"): the wish is read without it.
	hedges map[lint.Lang]map[string]bool
	// flags answer what acrossAdverbs and haveAWish ask of every word (see
	// goodbyeWordBits).
	flags langFlags
	// deadline, deadlineEndings, awaited: see awaits.
	deadline, awaited map[lint.Lang]map[string]bool
	// timedDeadline, deadlineTimes: a deadline word that is also a
	// preposition of place ("by the pool") tells a deadline only before a
	// time (a number or one of deadline_times, after the/this/next).
	timedDeadline, deadlineTimes, timeDeterminers map[lint.Lang]map[string]bool
	deadlineEndings                               map[lint.Lang]*endingSet
	// fortune: the adjectives of fair weather and luck a verbless wish is
	// made with ("Fair winds!", "Clear skies and calm seas!"; see
	// exclaimedWish).
	fortune map[lint.Lang]map[string]bool
	// judgedIng: the -ing nouns a good adjective judges rather than wishes
	// ("Good thinking!", "Great timing!"; see goodActivity); stayVerbs: the
	// imperative of "stay" after a wish adverb where the verb ends the
	// clause ("kuru kalın", "isti qalın").
	judgedIng, stayVerbs map[lint.Lang]map[string]bool
	// courtesyNouns, courtesyObjects, courtesyObjectStems: see addressed.
	// The nouns and the stems are read as prefixes of a word, once per
	// word of a closing: a short slice is asked faster than a map walked.
	courtesyObjects                    map[lint.Lang]map[string]bool
	courtesyNouns, courtesyObjectStems map[lint.Lang]prefixes
	// courtesyVerbs and courtesyPlaces: see toldOf.
	courtesyVerbs, courtesyPlaces map[lint.Lang]map[string]bool
	// errandTimes, answerLimits: see askedBack and answers.
	errandTimeStems                        map[lint.Lang]prefixes
	errandTimes, answerLimits, awaitedActs map[lint.Lang]map[string]bool
}

// clauseWords are the indices of the words of the clause a match stands
// in: up to a comma, a semicolon or a sentence's end either side.
func clauseWords(toks []lint.Token, f lint.Match) []int {
	var out []int
	for _, dir := range []int{-1, 1} {
		from := f.First
		if dir > 0 {
			from = f.Last
		}
		for i := neighbour(toks, from, dir); i >= 0 && !(toks[i].Kind == lint.Punct && strings.ContainsAny(toks[i].Norm, ",;.!?")); i = neighbour(toks, i, dir) {
			if toks[i].Kind == lint.Word || toks[i].Kind == lint.Number {
				out = append(out, i)
			}
		}
	}
	return out
}

// askedBack reports whether one of the asked_back cues is a courtesy:
// asking the customer back ("Come back soon!", "Yine uğrayın!", "Yenə
// gəlin!") or a hope for everyone ("We hope everyone enjoys them") is an
// errand or a demand when a time stands in its clause (a number, or a word
// that is one of errand_times or starts with one of errand_time_stems: "come back soon after 5", "yarın
// tekrar uğrayın", "cümə günü yenidən gəlin", "we hope everyone has paid
// by Friday").
func (gw *goodbyeWords) askedBack(m *lint.Message, found []lint.Match) bool {
	toks := m.Tokens()
	for _, f := range found {
		if f.First < 0 || f.Last >= len(toks) {
			return true
		}
		timed := false
		for _, i := range clauseWords(toks, f) {
			if toks[i].Kind == lint.Number || gw.errandTimes[m.Lang][toks[i].Norm] || gw.errandTimeStems[m.Lang].start(toks[i].Norm) {
				timed = true
				break
			}
		}
		if !timed {
			return true
		}
	}
	return false
}

// awaitsYou reports whether one of the await_you cues, the await verb's
// future ("bekleyeceğiz", "gözləyəcəyik"), awaits the customer: one of
// awaited in its clause ("Sizi yine bekleyeceğiz"), or the customer's own
// act, a verbal noun with "your" (awaited_act_endings: "yeniden
// yazmanızı bekleyeceğiz", "əlaqə saxlamağınızı gözləyəcəyik"); awaiting a thing
// ("faturanın aslını bekleyeceğiz") asks for it.
func (gw *goodbyeWords) awaitsYou(m *lint.Message, found []lint.Match) bool {
	toks := m.Tokens()
	folded := lint.Folded(m.Lang, m.Body.Text)
	for _, f := range found {
		if f.First < 0 || f.Last >= len(toks) {
			return true
		}
		for _, i := range clauseWords(toks, f) {
			if hasWord(m.Lang, gw.awaited[m.Lang], toks[i].Norm, folded) || anyEndingAfter(m.Lang, toks[i].Norm, gw.awaitedActs[m.Lang], 2, folded) {
				return true
			}
		}
	}
	return false
}

// answers reports whether one of the answer cues, answering in the aorist
// ("yanıtlarız", "cavab verərik"), is an offer: the customer's own
// questions answered (a word with one of your_endings before it in its
// clause, "sorularınızı") or answered always (offer_adverbs: "her zaman
// yanıtlarız"), and not limited (answer_limits: "yalnızca yazılı olarak
// cevap veririz" is a policy, as is "e-postalara 48 saat içinde yanıt
// veririz").
func (gw *goodbyeWords) answers(m *lint.Message, found []lint.Match) bool {
	toks := m.Tokens()
	folded := lint.Folded(m.Lang, m.Body.Text)
	for _, f := range found {
		if f.First < 0 || f.Last >= len(toks) {
			return true
		}
		offer, limited := false, false
		for _, i := range clauseWords(toks, f) {
			w := toks[i].Norm
			if toks[i].Kind != lint.Word {
				continue
			}
			limited = limited || hasWord(m.Lang, gw.answerLimits[m.Lang], w, folded)
			offer = offer || i < f.First && len(w) > 5 && anyEndingAfter(m.Lang, strings.TrimRight(w, "ıiuüaeə"), gw.yours[m.Lang], 2, folded)
			for _, adv := range gw.offerAdverbs[m.Lang] {
				if len(adv) > 0 && adv[0] == w {
					ok := true
					for k, j := 1, i; k < len(adv) && ok; k++ {
						j = neighbour(toks, j, 1)
						ok = j >= 0 && toks[j].Norm == adv[k]
					}
					offer = offer || ok
				}
			}
		}
		if offer && !limited {
			return true
		}
	}
	return false
}

// The bits of goodbyeWords.flags.
const (
	adverbStartBit wordBits = 1 << iota // an offer adverb may start at the word
	haveOrWishBit                       // "have" or one of wishVerbs
)

// goodbyeWordBits are the bits of a word in language l: whether an adverb
// of offerAdverbs starts with it (every word, if one is empty: it starts
// anywhere), whether it is "have" or one of wishVerbs.
func (gw *goodbyeWords) goodbyeWordBits(l lint.Lang) func(w, norm string) wordBits {
	firsts, anywhere := map[string]bool{}, false
	for _, adv := range gw.offerAdverbs[l] {
		if len(adv) == 0 {
			anywhere = true
			continue
		}
		firsts[adv[0]] = true
	}
	wishVerbs := gw.wishVerbs[l]
	return func(_, norm string) wordBits {
		var b wordBits
		if anywhere || firsts[norm] {
			b |= adverbStartBit
		}
		if norm == "have" || wishVerbs[norm] {
			b |= haveOrWishBit
		}
		return b
	}
}

// endsImperative reports whether a word ends in a 2nd person imperative
// ending, with a stem of two letters or more.
func (gw *goodbyeWords) endsImperative(l lint.Lang, w string, folded bool) bool {
	for e := range gw.imperative[l] {
		if endsIn(l, w, e, 1, folded) {
			return true
		}
	}
	return false
}

func newGoodbyeWords(wish map[lint.Lang]map[string]bool) *goodbyeWords {
	w := goodbyeData.WordSets
	gw := &goodbyeWords{wish: wish, plural: w("plural_endings"), wishAdverb: w("wish_adverbs"),
		goodAdjective: w("good_adjectives"), blessing: w("blessing"), imperative: w("imperative_endings"),
		more: w("more"), exist: w("exist"), optative: w("optative_endings"), optative2: w("second_optative_endings"),
		complementizer: w("complementizers"), infinitive: w("infinitive_endings"),
		coordinators: w("coordinators"), wishVerbs: w("wish_verbs"), helpNegations: w("help_negations"), intensifier: w("intensifiers"), wishNoun: w("wish_nouns"), joy: w("joy"), careFor: w("care_for"),
		determiner: w("determiners"), manyMore: w("many_more"), dativePlural: w("dative_plural_endings"),
		yours: w("your_endings"), ever: w("ever_adverbs"), lasting: w("lasting"), gladly: w("gladly_adverbs"), firstPerson: w("first_person_verb_endings"), doorStems: prefixLists(w("door_stems")), negImperative: w("negative_imperative_endings"), doorForms: w("door_forms"), ourDoors: w("our_doors"), doorPartners: w("door_partners"), ourGenitive: w("our_genitive_endings"), elliptic: w("elliptic_wish"), notWished: w("not_wished"), pleasure: w("pleasure_blessings"), spend: w("spend"),
		timeWords: w("time_words"), article: w("have_articles"), reflexive: w("reflexives"), haveBefore: w("have_before"),
		until: w("until"), wishTimes: w("wish_times"), wishedEndings: w("wished_noun_endings"), regardsVerbs: w("regards_verbs"), regards: w("regards"),
		regardsFrom: w("regards_from"), optativeVerb: w("optative_verb"),
		dativeEndings: w("dative_endings"), dativePronouns: w("dative_pronouns"), offerAdverbs: phrases(w("offer_adverbs")),
		toasts: phrases(w("toasts")), toastPlural: w("toast_plural_endings"), hedges: w("hedges"),
		deadline: w("deadline"), deadlineEndings: endingSets(w("deadline_endings")), awaited: w("awaited"),
		timedDeadline: w("timed_deadline"), deadlineTimes: w("deadline_times"), timeDeterminers: w("time_determiners"),
		fortune: w("fortune_adjectives"), judgedIng: w("judged_ing"), stayVerbs: w("stay_verbs"), courtesyNouns: prefixLists(w("courtesy_nouns")), courtesyObjects: w("courtesy_objects"), courtesyVerbs: w("courtesy_verbs"), courtesyPlaces: w("courtesy_places"),
		courtesyObjectStems: prefixLists(w("courtesy_object_stems")), errandTimes: w("errand_times"), errandTimeStems: prefixLists(w("errand_time_stems")),
		answerLimits: w("answer_limits"), awaitedActs: w("awaited_act_endings")}
	gw.yoursCased = map[lint.Lang]map[string]bool{}
	for l, cases := range w("case_endings") {
		gw.yoursCased[l] = map[string]bool{}
		for y := range gw.yours[l] {
			for c := range cases {
				gw.yoursCased[l][y+c] = true
			}
		}
	}
	langs := map[lint.Lang]bool{}
	for l := range gw.offerAdverbs {
		langs[l] = true
	}
	for l := range gw.wishVerbs {
		langs[l] = true
	}
	// A language without the sets asks only whether the word is "have",
	// which no language's lower case makes of another text.
	gw.flags = langFlagsOf(langs, gw.goodbyeWordBits, gw.goodbyeWordBits(""))
	return gw
}

// awaits reports whether one of the await cues found is a courtesy:
// waiting for the customer ("gözləyirik", "look forward to") with a
// deadline in its clause (one of deadline, or a word with one of
// deadline_endings: "cümə gününədək", "by Friday") asks for something by a
// date ("qeydlərinizi cümə gününədək gözləyirik"), unless the customer is
// the one awaited (one of awaited: "Sizi saat 18:00-a qədər gözləyirik").
func (gw *goodbyeWords) awaits(m *lint.Message, found []lint.Match) bool {
	l := m.Lang
	if len(found) == 0 {
		return false
	}
	toks := m.Tokens()
	folded := lint.Folded(l, m.Body.Text)
	for _, f := range found {
		if f.First < 0 || f.Last >= len(toks) {
			return true
		}
		deadline, awaited := false, false
		for _, dir := range []int{-1, 1} {
			from := f.First
			if dir > 0 {
				from = f.Last
			}
			for i := neighbour(toks, from, dir); i >= 0 && !(toks[i].Kind == lint.Punct && strings.ContainsAny(toks[i].Norm, ",;.!?")); i = neighbour(toks, i, dir) {
				w := toks[i].Norm
				if toks[i].Kind != lint.Word {
					continue
				}
				awaited = awaited || hasWord(l, gw.awaited[l], w, folded)
				deadline = deadline || hasWord(l, gw.deadline[l], w, folded) && gw.timed(l, toks, i, folded) ||
					gw.deadlineEndings[l] != nil && len(w) > 5 && gw.deadlineEndings[l].match(l, w, folded)
			}
		}
		if !deadline || awaited {
			return true
		}
	}
	return false
}

// timed reports whether the deadline word at i stands before a time, as
// a word of timed_deadline must ("by Friday", "by the end of May", not "by
// the pool").
func (gw *goodbyeWords) timed(l lint.Lang, toks []lint.Token, i int, folded bool) bool {
	if !hasWord(l, gw.timedDeadline[l], toks[i].Norm, folded) {
		return true
	}
	n := neighbour(toks, i, 1)
	for n >= 0 && toks[n].Kind == lint.Word && hasWord(l, gw.timeDeterminers[l], toks[n].Norm, folded) {
		n = neighbour(toks, n, 1)
	}
	return n >= 0 && (toks[n].Kind == lint.Number || toks[n].Kind == lint.Word && hasWord(l, gw.deadlineTimes[l], toks[n].Norm, folded))
}

// wishClause reports whether a sentence, or its last clause, wishes the
// customer well in words no list holds: a wish adjective and a plural noun
// ("güzel alışverişler", "Hayırlı akşamlar", "Yaxşı gəzintilər,
// {{first_name}}!"), a verb and a wish adverb ("Sleep well", "Stay warm
// this winter!", "Ride safely"), "have a" and a good adjective ("Have a
// fantastic party"), a blessing and an imperative ("Sağlıqla geyinin").
// A name or a placeholder the customer is called by after a comma is left
// out.
func (gw *goodbyeWords) wishClause(m *lint.Message) bool {
	l := m.Lang
	toks := m.Tokens()
	folded := lint.Folded(l, m.Body.Text)
	var candidates [3][]int
	for _, sc := range gw.lastClauses(m, toks) {
		// The clause, and the clause after whom it wishes: "Size ve minik
		// uykucunuza huzurlu geceler" wishes as "huzurlu geceler" does; and
		// after a joining word: "Sorry again, and happy celebrating".
		candidates[0], candidates[1], candidates[2] = sc.words, gw.afterDative(l, toks, sc.words, folded), nil
		if len(sc.words) > 2 && hasWord(l, gw.coordinators[l], toks[sc.words[0]].Norm, folded) {
			candidates[2] = sc.words[1:]
		}
		for _, clause := range candidates {
			if gw.wishes(m, toks, sc.sentence, clause, folded) {
				return true
			}
		}
	}
	return false
}

// afterDative is the rest of a clause that opens with whom it wishes:
// dative noun phrases of one or two words each, the second a dative
// ("size", "minik uykucunuza", "balacaya"), joined by a coordinator ("Size
// ve minik uykucunuza huzurlu geceler", "Sizə və balacaya sakit
// gecələr"); nil when the clause opens otherwise or nothing follows. The
// rest must wish by itself: "Size ve eşinize iki bilet gönderdik" does not.
func (gw *goodbyeWords) afterDative(l lint.Lang, toks []lint.Token, clause []int, folded bool) []int {
	if gw.dativeEndings[l] == nil {
		return nil
	}
	rest := 0 // the index in clause after the last dative phrase
	for i := 0; i < len(clause); {
		k := -1
		for j := i; j < len(clause) && j < i+2; j++ {
			if gw.dative(l, toks[clause[j]].Norm, folded) {
				k = j
				break
			}
		}
		if k < 0 {
			break
		}
		rest = k + 1
		if rest >= len(clause) || !hasWord(l, gw.coordinators[l], toks[clause[rest]].Norm, folded) {
			break
		}
		i = rest + 1
	}
	if rest == 0 || rest >= len(clause) {
		return nil
	}
	return clause[rest:]
}

// dative reports whether a word is a dative: a dative pronoun, or a word
// with a dative ending after a stem of two letters or more.
func (gw *goodbyeWords) dative(l lint.Lang, w string, folded bool) bool {
	if hasWord(l, gw.dativePronouns[l], w, folded) {
		return true
	}
	for e := range gw.dativeEndings[l] {
		if endsIn(l, w, e, 1, folded) {
			return true
		}
	}
	return false
}

// phrases splits each entry of a word set into its normalised words.
func phrases(sets map[lint.Lang]map[string]bool) map[lint.Lang][][]string {
	out := map[lint.Lang][][]string{}
	for l, set := range sets {
		for entry := range set {
			var words []string
			for _, w := range strings.Fields(entry) {
				words = append(words, lint.NormWord(l, w))
			}
			out[l] = append(out[l], words)
		}
		// The longest adverb first, so that a run is cut whole ("her zaman",
		// not "her") and the same way on every run: a set has no order.
		slices.SortFunc(out[l], func(a, b []string) int {
			if c := cmp.Compare(len(b), len(a)); c != 0 {
				return c
			}
			return slices.Compare(a, b)
		})
	}
	return out
}

// acrossAdverbs reports whether offer holds for the message read without
// some of its adverbs of place or time: each run of them (adjacent
// adverbs, "buradan her zaman") is left out in part or in whole, one
// choice at a time, so "Write to us here again" is read as "Write to us
// again". Only a message with such an adverb is read again.
func (gw *goodbyeWords) acrossAdverbs(m *lint.Message, offer func(*lint.Message) bool) bool {
	adverbs := gw.offerAdverbs[m.Lang]
	if len(adverbs) == 0 {
		return false
	}
	toks := m.Tokens()
	var buf [128]wordBits
	bits := gw.flags.appendBits(buf[:0], m)
	type cut struct{ first, last int } // token indexes of one adverb
	var cuts []cut
	for i := 0; i < len(toks); i++ {
		if bits[i]&adverbStartBit == 0 { // no word, or none an adverb starts with
			continue
		}
		for _, adv := range adverbs {
			j, k := i, 0
			for ; k < len(adv) && j >= 0 && toks[j].Kind == lint.Word && toks[j].Norm == adv[k]; k++ {
				if k < len(adv)-1 {
					j = neighbour(toks, j, 1)
				}
			}
			if k == len(adv) {
				cuts = append(cuts, cut{i, j})
				i = j
				break
			}
		}
	}
	// The text from a token to the next token after another, spaces
	// included, left out.
	without := func(a, b cut) bool {
		end := len(m.Body.Text)
		if n := neighbour(toks, b.last, 1); n >= 0 {
			end = toks[n].Start
		}
		text := m.Body.Text[:toks[a.first].Start] + m.Body.Text[end:]
		return offer(&lint.Message{ID: m.ID, Kind: m.Kind, Lang: m.Lang, Body: lint.Field{Text: text}})
	}
	// Each try reads the whole message again: a text made of adverbs
	// must not cost a try per pair of them. An offer holds one or two
	// ("here any time"), so a run is cut at most maxOfferAdverbs long,
	// and a message gets at most maxAdverbTries readings.
	tries := 0
	for start := 0; start < len(cuts); {
		end := start + 1 // one past the run's last adverb
		for end < len(cuts) && neighbour(toks, cuts[end-1].last, 1) == cuts[end].first {
			end++
		}
		for a := start; a < end; a++ {
			for b := a; b < end && b < a+maxOfferAdverbs; b++ {
				if tries++; tries > maxAdverbTries {
					return false
				}
				if without(cuts[a], cuts[b]) {
					return true
				}
			}
		}
		start = end
	}
	return false
}

// maxOfferAdverbs and maxAdverbTries bound acrossAdverbs' readings.
const (
	maxOfferAdverbs = 3
	maxAdverbTries  = 16
)

// wishes reports whether one clause, the words of a sentence s, wishes
// the customer well (see wishClause).
func (gw *goodbyeWords) wishes(m *lint.Message, toks []lint.Token, s lint.Span, clause []int, folded bool) bool {
	l := m.Lang
	in := func(set map[string]bool, w string) bool { return hasWord(l, set, w, folded) }
	if len(clause) == 0 {
		return false
	}
	// "Ride safe and take lots of photos!": a verb and a wish adverb
	// joined to what follows, however long.
	if len(clause) >= 3 && gw.wishAdverb[l][toks[clause[1]].Norm] && in(gw.coordinators[l], toks[clause[2]].Norm) &&
		!gw.goodAdjective[l][toks[clause[0]].Norm] {
		return true
	}
	if len(clause) > 6 {
		return false
	}
	first, last := toks[clause[0]].Norm, toks[clause[len(clause)-1]].Norm
	// "Safe cycling, Priya!": a wish word opening a short exclamation,
	// the name it calls the customer by left out.
	if len(clause) <= 3 && in(gw.wish[l], first) && strings.HasSuffix(strings.TrimSpace(m.Body.Text[s.Start:s.End]), "!") {
		return true
	}
	if len(clause) >= 2 && len(clause) <= 3 && in(gw.wish[l], toks[clause[len(clause)-2]].Norm) {
		for e := range gw.plural[l] {
			if endsIn(l, last, e, 2, folded) {
				return true
			}
		}
	}
	if gw.wishPhrase(m, toks, s, clause, folded) || gw.toast(m, toks, s, clause) || gw.exclaimedWish(m, toks, s, clause) ||
		gw.goodActivity(m, toks, s, clause) {
		return true
	}
	// "Yağmurlu günlerde kuru kalın", "Qışda isti qalın": a wish adverb
	// and the imperative of "stay", where the verb ends the clause.
	if len(clause) >= 2 && gw.stayVerbs[l] != nil && in(gw.stayVerbs[l], last) && in(gw.wishAdverb[l], toks[clause[len(clause)-2]].Norm) {
		return true
	}
	// "Until next season!", "Till Friday!": an exclamation of up to
	// three words opening with "until" looks to the next meeting ("Until
	// tomorrow" without one is a label: snooze until tomorrow).
	if len(clause) <= 3 && gw.until[l][first] && sentenceStart(toks, clause[0]) &&
		strings.HasSuffix(strings.TrimSpace(m.Body.Text[s.Start:s.End]), "!") {
		return true
	}
	if len(clause) >= 2 && gw.wishAdverb[l][toks[clause[1]].Norm] && !gw.goodAdjective[l][first] {
		return true
	}
	if gw.optativeWish(m, toks, s, clause, folded) {
		return true
	}
	if len(clause) >= 3 && first == "have" && (toks[clause[1]].Norm == "a" || toks[clause[1]].Norm == "an") &&
		gw.goodAdjective[l][toks[clause[2]].Norm] {
		return true
	}
	if len(clause) <= 3 && in(gw.blessing[l], first) && gw.endsImperative(l, last, folded) {
		return true
	}
	// A blessing of pleasure or health right before the verb, an
	// object or a light verb's noun allowed between: "Cihazınızı
	// sağlıkla kullanın", "rahatlıqla istifadə edin".
	if len(clause) >= 2 && gw.endsImperative(l, last, folded) {
		for k := len(clause) - 2; k >= 0 && k >= len(clause)-3; k-- {
			if in(gw.pleasure[l], toks[clause[k]].Norm) {
				return true
			}
		}
	}
	// Spending a time of a wished kind: "Sevdiklerinizle mutlu bir
	// akşam geçirin"; "Kartınızı geçirin" swipes a card.
	if gw.spend[l][last] {
		for _, k := range clause[:len(clause)-1] {
			if in(gw.wish[l], toks[k].Norm) {
				return true
			}
		}
	}
	return false
}

// toast reports whether a clause is a wish raised to the customer: an
// exclamation that opens its sentence with one or two words, the last a
// plural noun, and ends in one of toasts ("Clear skies to you!", "Tight
// lines to you all!"). A trade's own wish names what it wishes, so no list
// of them would be whole; the frame is the wish. A verb before "to you"
// ("Sent to you!") or a singular noun ("Welcome to you") makes none.
func (gw *goodbyeWords) toast(m *lint.Message, toks []lint.Token, s lint.Span, clause []int) bool {
	if len(clause) < 3 || !sentenceStart(toks, clause[0]) || !strings.HasSuffix(strings.TrimSpace(m.Body.Text[s.Start:s.End]), "!") {
		return false
	}
	for _, t := range gw.toasts[m.Lang] {
		head := len(clause) - len(t) // the words before the toast
		if head < 1 || head > 2 || !slices.EqualFunc(clause[head:], t, func(i int, w string) bool { return toks[i].Norm == w }) {
			continue
		}
		noun := toks[clause[head-1]].Norm
		for e := range gw.toastPlural[m.Lang] {
			if len(noun) > len(e)+2 && strings.HasSuffix(noun, e) && !strings.HasSuffix(noun, "'"+e) && !strings.HasSuffix(noun, e+e) {
				return true
			}
		}
	}
	return false
}

// exclaimedWish reports whether a clause is a verbless wish of fair
// weather or luck: an exclamation that is its whole sentence, an adjective
// of fortune or a good one and a plural noun, once or twice joined by a
// coordinator ("Fair winds!", "Tight lines!", "Clear skies and calm
// seas!"). A trade wishes what its customers go out into, so no list of
// nouns would be whole: the frame is the wish, as for toast. Opening a
// message that goes on, the frame announces ("Good news! Your kit is
// posted.").
func (gw *goodbyeWords) exclaimedWish(m *lint.Message, toks []lint.Token, s lint.Span, clause []int) bool {
	l := m.Lang
	if gw.fortune[l] == nil || len(clause) != 2 && len(clause) != 5 || !sentenceStart(toks, clause[0]) ||
		!strings.HasSuffix(strings.TrimSpace(m.Body.Text[s.Start:s.End]), "!") {
		return false
	}
	if len(clause) == 5 && !gw.coordinators[l][toks[clause[2]].Norm] {
		return false
	}
	// Opening a message that goes on, it announces ("Good news! …").
	if ss := m.Sentences(); len(ss) > 1 && ss[0].Start == s.Start {
		return false
	}
	for _, k := range []int{0, 3} {
		if k >= len(clause) {
			break
		}
		adj, noun := toks[clause[k]].Norm, toks[clause[k+1]].Norm
		if !gw.fortune[l][adj] && !gw.goodAdjective[l][adj] {
			return false
		}
		plural := false
		for e := range gw.toastPlural[l] {
			plural = plural || len(noun) > len(e)+2 && strings.HasSuffix(noun, e) && !strings.HasSuffix(noun, "'"+e) && !strings.HasSuffix(noun, e+e)
		}
		if !plural {
			return false
		}
	}
	return true
}

// goodActivity reports whether a clause wishes a good time at what the
// customer goes off to do: a good adjective and an activity's -ing noun,
// its whole sentence, not the message's first ("Good birding!", "Great
// skiing."). A trade names its own pastime, so no list of them would be
// whole. It judges in its first sentence ("Good news! …") and with one of
// judgedIng ("Good thinking!", "Great timing!").
func (gw *goodbyeWords) goodActivity(m *lint.Message, toks []lint.Token, s lint.Span, clause []int) bool {
	l := m.Lang
	if len(clause) != 2 || gw.judgedIng[l] == nil || !sentenceStart(toks, clause[0]) || !gw.goodAdjective[l][toks[clause[0]].Norm] {
		return false
	}
	if ss := m.Sentences(); len(ss) == 0 || ss[0].Start == s.Start {
		return false
	}
	noun := toks[clause[1]].Norm
	text := strings.TrimRight(m.Body.Text[s.Start:s.End], " \t\n\"'”’)")
	if gw.judgedIng[l][noun] || strings.HasSuffix(text, "?") {
		return false
	}
	for e := range gw.wishedEndings[l] {
		if endsIn(l, noun, e, 2, false) {
			return true
		}
	}
	return false
}

// addressed reports whether one of a list's matches is said to the
// customer: a match with a courtesy noun (courtesy_nouns) right before a verb or a noun
// it names (courtesy_objects, or a word starting with one of
// courtesy_object_stems) is a thing told of, not a courtesy ("Warm wishes
// are printed on the card", "Teşekkür kartı pakete eklendi", "Təşəkkür
// məktubu qutudadır").
func (gw *goodbyeWords) addressed(m *lint.Message, matches []lint.Match) bool {
	l := m.Lang
	nouns := gw.courtesyNouns[l]
	for _, mt := range matches {
		if nouns == nil || mt.First < 0 || !gw.toldOf(m, mt) {
			return true
		}
		courtesy := false
		for _, t := range m.Tokens()[mt.First : mt.Last+1] {
			courtesy = courtesy || t.Kind == lint.Word && nouns.start(t.Norm)
		}
		if !courtesy {
			return true
		}
	}
	return false
}

// toldCourtesy reports whether a word starting with one of courtesyNouns
// has one of courtesyObjects right after it (see toldOf).
func (gw *goodbyeWords) toldCourtesy(m *lint.Message) bool {
	nouns := gw.courtesyNouns[m.Lang]
	if nouns == nil {
		return false
	}
	for i, t := range m.Tokens() {
		if t.Kind != lint.Word {
			continue
		}
		if !nouns.start(t.Norm) {
			continue
		}
		// The noun, or the word after it in its cue ("thank-you notes").
		j := neighbour(m.Tokens(), i, 1)
		if j >= 0 && m.Tokens()[j].Kind == lint.Punct && m.Tokens()[j].Norm == "-" {
			j = neighbour(m.Tokens(), j, 1)
		}
		if gw.toldOf(m, lint.Match{First: i, Last: i}) || j >= 0 && gw.toldOf(m, lint.Match{First: j, Last: j}) {
			return true
		}
	}
	return false
}

// toldOf: the word right after a match, with no punctuation between (a
// hyphen joins: "thank-you card"), is one of courtesyObjects or starts with
// one of courtesyObjectStems.
func (gw *goodbyeWords) toldOf(m *lint.Message, mt lint.Match) bool {
	l := m.Lang
	tk := m.Tokens()
	n := neighbour(tk, mt.Last, 1)
	if n >= 0 && tk[n].Kind == lint.Punct && tk[n].Norm == "-" {
		n = neighbour(tk, n, 1)
	}
	if n < 0 || tk[n].Kind != lint.Word {
		return false
	}
	w := tk[n].Norm
	// A plain verb tells of it only before a thing, a participle or a
	// place ("are printed", "will be printed", "are in the box"; not "go
	// to you"): courtesy_verbs, courtesy_places.
	for k := 0; k < 2 && gw.courtesyVerbs[l][w]; k++ {
		if n = neighbour(tk, n, 1); n < 0 || tk[n].Kind != lint.Word {
			return false
		}
		if w = tk[n].Norm; gw.courtesyPlaces[l][w] {
			return true
		}
	}
	if gw.courtesyVerbs[l][w] {
		return false
	}
	if gw.courtesyObjects[l][w] {
		return true
	}
	return gw.courtesyObjectStems[l].start(w)
}

// prefixes are the starts of words a list names, sorted.
type prefixes []string

// prefixLists turns each language's set into its sorted prefixes.
func prefixLists(sets map[lint.Lang]map[string]bool) map[lint.Lang]prefixes {
	out := make(map[lint.Lang]prefixes, len(sets))
	for l, set := range sets {
		out[l] = slices.Sorted(maps.Keys(set))
	}
	return out
}

// start reports whether w starts with one of the prefixes.
func (p prefixes) start(w string) bool {
	for _, s := range p {
		if strings.HasPrefix(w, s) {
			return true
		}
	}
	return false
}

// sentenceClause is the words of a sentence's last clause and the sentence.
type sentenceClause struct {
	sentence lint.Span
	words    []int
}

// lastClauses are, per sentence, the token indexes of the words of its last
// clause (after its last comma or semicolon), without a name or a
// placeholder the customer is called by: "Yaxşı gəzintilər, {{first_name}}!"
// gives "Yaxşı gəzintilər". Read backwards from each sentence's end, and
// only so far as a clause of up to seven words.
func (gw *goodbyeWords) lastClauses(m *lint.Message, toks []lint.Token) []sentenceClause {
	sents := m.Sentences()
	out := make([]sentenceClause, 0, len(sents))
	first := 0 // the first token of the sentence
	for _, s := range sents {
		for first < len(toks) && toks[first].Start < s.Start {
			first++
		}
		end := first // one past the sentence's last token
		for end < len(toks) && toks[end].End <= s.End {
			end++
		}
		out = append(out, sentenceClause{sentence: s, words: gw.lastWords(m, toks, first, end)})
		first = end
	}
	return out
}

// optativeWish: a statement whose last clause ends in a 3rd person
// optative wishes ("Xalçanız evinizə bərəkət gətirsin."), when the verb's
// stem has three letters or more ("basın" presses a button). A question
// asks leave ("Mesaj silinsin?"), and after a complementizer ("dedik ki,
// sizə zəng etsin") it reports what someone is to do.
// folded is whether the message is typed without the language's letters,
// found once a message: a long message has many sentences.
func (gw *goodbyeWords) optativeWish(m *lint.Message, toks []lint.Token, s lint.Span, clause []int, folded bool) bool {
	l := m.Lang
	if len(clause) < 2 || gw.optative[l] == nil {
		return false
	}
	last := toks[clause[len(clause)-1]].Norm
	found, short := false, false
	for e := range gw.optative[l] {
		if !hasEnding(l, last, e, folded) {
			continue
		}
		switch utf8.RuneCountInString(last) - utf8.RuneCountInString(e) {
		case 0, 1:
		case 2:
			short = true
		default:
			found = true
		}
	}
	// A verb of two letters ("essin", "etsin": es-, et-) only as the
	// dictionary has it and wishing the customer's thing well, named in
	// the clause ("Rüzgârınız hep arkanızdan essin", "Evinizdə uzun illər
	// xidmət etsin"): a short stem ends many a noun, and a bare jussive
	// tells someone else what to do ("Kuryer zəng etsin").
	if !found && short {
		return gw.shortOptative(l, toks, clause, last, folded) && gw.statementWish(m, toks, s, clause, true)
	}
	// The 2nd person ("taxasınız") only of a verb the dictionary has
	// ("qrupundasınız" says where the customer is), and only with a
	// blessing or a wish word in its clause ("Güle güle takasınız!"):
	// without one it is a polite instruction ("sabah filiala gələsiniz").
	if !found && dictionaryVerb(l, last, gw.optative2[l], gw.infinitive[l]) {
		return gw.blessed(l, toks, clause, folded) && gw.statementWish(m, toks, s, clause, false)
	}
	if !found || gw.imperativeOf(l, last) ||
		gw.optativeVerb[l] != nil && !dictionaryVerb(l, last, gw.optative[l], gw.infinitive[l]) {
		return false
	}
	return gw.statementWish(m, toks, s, clause, gw.customersThing(l, toks, clause, folded))
}

// shortOptative: the optative last of a clause is of a verb with a stem of
// two letters the dictionary has, not an imperative, and the clause before
// it names the customer's thing (a 2nd person possessive, bare or in the
// locative: not an object a third party handles, "Kurye paketlerinizi hep
// teslim etsin") and wishes it lasting (ever_adverbs, or a word of
// lasting: "hep", "uzun illər"); a third party told what to do has neither
// ("Kuryer evinizə gəlib zəng etsin").
func (gw *goodbyeWords) shortOptative(l lint.Lang, toks []lint.Token, clause []int, last string, folded bool) bool {
	if gw.imperativeOf(l, last) || !dictionaryVerb(l, last, gw.optative[l], gw.infinitive[l]) {
		return false
	}
	yours, ever := false, false
	for _, k := range clause[:len(clause)-1] {
		w := toks[k].Norm
		yours = yours || anyEndingAfter(l, w, gw.yours[l], 2, folded) || anyEndingAfter(l, w, gw.yoursCased[l], 2, folded)
		ever = ever || hasWord(l, gw.ever[l], w, folded) || hasWord(l, gw.lasting[l], w, folded)
	}
	return yours && ever
}

// blessed: a word of the clause before its verb is a blessing, a blessing
// of pleasure or a wish word ("güle güle", "sağlıqla", "xoş").
func (gw *goodbyeWords) blessed(l lint.Lang, toks []lint.Token, clause []int, folded bool) bool {
	for _, k := range clause[:len(clause)-1] {
		w := toks[k].Norm
		if hasWord(l, gw.blessing[l], w, folded) || hasWord(l, gw.pleasure[l], w, folded) || hasWord(l, gw.wish[l], w, folded) {
			return true
		}
	}
	return false
}

// customersThing: the clause opens with a noun of the customer's, in the
// 2nd person possessive ("Çayınız", "Çörəyiniz"): what the optative wishes
// well, not a third party ("Kuryer geri qayıtsın") or a bare noun ("Eski
// PIN dursun").
// With only adverbs of ever before the verb (ever_adverbs: "Heç
// soyumasın") the subject is the one an earlier sentence named, when that
// one is the customer's ("Çörəyiniz bişdi. Heç soyumasın 🍞").
func (gw *goodbyeWords) customersThing(l lint.Lang, toks []lint.Token, clause []int, folded bool) bool {
	yours := func(w string) bool {
		return anyEndingAfter(l, w, gw.yours[l], 2, folded)
	}
	dropped := true
	for _, k := range clause[:len(clause)-1] {
		if yours(toks[k].Norm) {
			return true
		}
		dropped = dropped && hasWord(l, gw.ever[l], toks[k].Norm, folded)
	}
	if !dropped {
		return false
	}
	for k := clause[0] - 1; k >= 0; k-- {
		if toks[k].Kind == lint.Word && yours(toks[k].Norm) {
			return true
		}
	}
	return false
}

// statementWish: the sentence s, whose last clause ends in an optative,
// is a statement and no complementizer stands before it ("dedik ki, sizə
// zəng etsin" reports what someone is to do). With no mark at the
// message's end it is one only when an emoji follows and the customer's
// thing is wished well (ownThing: "Çayınız hiç soğumasın ☕"); a label or
// a bare jussive ends so too ("Eski PIN dursun").
func (gw *goodbyeWords) statementWish(m *lint.Message, toks []lint.Token, s lint.Span, clause []int, ownThing bool) bool {
	text := strings.TrimRight(m.Body.Text[s.Start:s.End], " \t\n\"'”’)")
	if !(strings.HasSuffix(text, ".") || strings.HasSuffix(text, "!") || ownThing && unpunctuatedEnd(m, text, s)) {
		return false
	}
	// The sentence's words, from its last clause back to its start.
	for i := clause[len(clause)-1]; i >= 0 && toks[i].Start >= s.Start; i-- {
		if toks[i].Kind == lint.Word && gw.complementizer[m.Lang][toks[i].Norm] {
			return false
		}
	}
	return true
}

// unpunctuatedEnd: the message's last sentence ends with an emoji or
// symbol after its last word and no mark ("Çayınız hiç soğumasın ☕"): a
// statement, as a full stop would make it; a question has its "?". With
// nothing after the word it may be a label ("Enter Tuşu Göndersin").
func unpunctuatedEnd(m *lint.Message, text string, s lint.Span) bool {
	if strings.TrimSpace(m.Body.Text[s.End:]) != "" {
		return false
	}
	trimmed := strings.TrimRightFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsSymbol(r) || unicode.Is(unicode.Mn, r) || r == '\u200d' || r == '\ufe0f'
	})
	if len(trimmed) == len(strings.TrimRightFunc(text, unicode.IsSpace)) {
		return false // no emoji after the word
	}
	r, _ := utf8.DecodeLastRuneInString(trimmed)
	return unicode.IsLetter(r)
}

// imperativeOf reports whether a word is a 2nd person imperative of a verb
// the dictionary has, whose stem may end as the optative begins: "tələsin"
// (hurry) is tələs- and -in, not a wish.
func (gw *goodbyeWords) imperativeOf(l lint.Lang, w string) bool {
	return dictionaryVerb(l, w, gw.imperative[l], gw.infinitive[l])
}

// lastWords is the words of the last clause of toks[first:end] that is not
// a name the customer is called by (at most two capitalised words after a
// comma); nil when it has more than seven words.
func (gw *goodbyeWords) lastWords(m *lint.Message, toks []lint.Token, first, end int) []int {
	var words []int
	vocative := true
	// An exclamation may end by calling the customer by a role in lower
	// case: "Happy sailing, skipper!", "İyi yolculuklar, kaptan!".
	exclaims := end > first && toks[end-1].Kind == lint.Punct && strings.Contains(toks[end-1].Norm, "!")
	for i := end - 1; i >= first; i-- {
		t := toks[i]
		if t.Kind == lint.Punct && (t.Norm == "," || t.Norm == ";") {
			hedge := len(words) > 0 && len(words) <= 3 && gw.hedges[m.Lang][toks[words[len(words)-1]].Norm]
			if len(words) > 0 && !(vocative && len(words) <= 2) && !(exclaims && t.Norm == "," && len(words) == 1) && !hedge {
				break
			}
			exclaims = false                  // only the word after the last comma
			words, vocative = words[:0], true // a name or nothing: the clause before
			continue
		}
		// The variation selector after an emoji ("Xoş günlər ☀️") is
		// read as a word of its own: no word of the clause.
		if t.Kind != lint.Word || noLetters(t.Norm) || m.InPlaceholder(lint.Span{Start: t.Start, End: t.End}) {
			continue
		}
		if len(words) == 7 {
			return nil
		}
		words = append(words, i)
		if !upperInitial(m.Body.Text[t.Start:t.End]) {
			vocative = false
		}
	}
	slices.Reverse(words)
	return words
}

// moreHelp reports whether a question offers more help in other words: a
// word for "else" or "more" and a helping verb in one sentence ending in
// "?" ("Is there anything more I can do for you today?", "Sizə daha nə ilə
// kömək edə bilərəm?").
func (gw *goodbyeWords) moreHelp(m *lint.Message, pb phraseBook) bool {
	helps := pb.find(m, "help_verbs")
	if len(helps) == 0 {
		return false
	}
	sents := m.Sentences()
	toks := m.Tokens()
	for _, h := range helps {
		s := sents[sentenceOf(sents, h.Span.Start)]
		if !strings.HasSuffix(strings.TrimRight(m.Body.Text[s.Start:s.End], " \"'”’)"), "?") {
			continue
		}
		for _, t := range toks {
			if t.Start >= s.Start && t.End <= s.End && t.Kind == lint.Word && gw.more[m.Lang][t.Norm] {
				return true
			}
		}
	}
	return false
}

// hasWord reports whether a word is in a set, compared folded in a text
// typed without the language's letters ("Xos" is "xoş").
func hasWord(l lint.Lang, set map[string]bool, w string, folded bool) bool {
	if set[w] {
		return true
	}
	if folded {
		fw := lint.Fold(l, w)
		for x := range set {
			if lint.Fold(l, x) == fw {
				return true
			}
		}
	}
	return false
}

// offersHelp reports whether one of help's cues offers more help: one
// with a negation or an absence within two words either side, in a
// sentence that is no question, says there is nothing more ("there isn't
// anything else we can do", "yapabileceğimiz başka bir şey yok", "əlavə
// sual olmadığı üçün çat bağlanır").
func (gw *goodbyeWords) offersHelp(m *lint.Message, help []lint.Match) bool {
	neg := gw.helpNegations[m.Lang]
	if len(help) == 0 || neg == nil {
		return len(help) > 0
	}
	toks, sents := m.Tokens(), m.Sentences()
	for _, h := range help {
		if h.First >= 0 && (!gw.ourDoor(m.Lang, toks, h) || !gw.gladlyOurs(m.Lang, toks, h)) {
			continue
		}
		if h.First < 0 || len(sents) == 0 {
			return true
		}
		s := sents[sentenceOf(sents, h.Span.Start)]
		if strings.HasSuffix(strings.TrimRight(m.Body.Text[s.Start:s.End], " \t\n\"'”’)"), "?") || !gw.negatedNear(m.Lang, toks, h) {
			return true
		}
	}
	return false
}

// ourDoor: a help cue that opens with a door (door_stems: "kapısı her
// zaman açık", "qapı da telefon da açıqdır") is an open door of ours only
// when the door is not the customer's nor in the accusative (door_forms:
// "kapı", "kapısı", "qapımız"; not "kapınızı", "qapını"), is ours when it
// is open alone (our_doors, or door_forms after a 1st person plural
// genitive, our_genitive_endings: "emalatxanamızın qapısı"; "Site kapısı
// her zaman açık" is a building's gate), and no imperative follows ("açık
// tutun", "açıq saxlayın", "açık bırakmayın": an instruction). The door
// and the phone open together are a business's, whosever the door.
func (gw *goodbyeWords) ourDoor(l lint.Lang, toks []lint.Token, h lint.Match) bool {
	w := toks[h.First].Norm
	if !gw.doorStems[l].start(w) {
		return true
	}
	if !gw.doorForms[l][w] && !gw.ourDoors[l][w] {
		return false
	}
	if n := neighbour(toks, h.Last, 1); n >= 0 && toks[n].Kind == lint.Word &&
		(gw.imperativeOf(l, toks[n].Norm) || dictionaryVerb(l, toks[n].Norm, gw.negImperative[l], gw.infinitive[l])) {
		return false
	}
	if gw.ourDoors[l][w] {
		return true
	}
	for k := h.First + 1; k <= h.Last; k++ {
		if toks[k].Kind == lint.Word && gw.doorPartners[l][toks[k].Norm] {
			return true // the door and the phone
		}
	}
	p := neighbour(toks, h.First, -1)
	if p < 0 || toks[p].Kind != lint.Word {
		return false
	}
	return anyEnding(l, toks[p].Norm, gw.ourGenitive[l], false)
}

// gladlyOurs: a help cue that is a manner adverb alone (gladly_adverbs:
// "məmnuniyyətlə") offers help only when a verb of ours in the 1st person
// follows within three words in its sentence (first_person_verb_endings:
// "məmnuniyyətlə yer ayırarıq"); "kuryer onu məmnuniyyətlə gətirəcək"
// says how someone else does a thing.
func (gw *goodbyeWords) gladlyOurs(l lint.Lang, toks []lint.Token, h lint.Match) bool {
	if h.First != h.Last || !gw.gladly[l][toks[h.First].Norm] {
		return true
	}
	for j, k := h.Last, 0; k < 3; k++ {
		if j = neighbour(toks, j, 1); j < 0 || toks[j].Kind != lint.Word {
			return false
		}
		if anyEndingAfter(l, toks[j].Norm, gw.firstPerson[l], 2, false) {
			return true
		}
	}
	return false
}

// negatedNear: one of helpNegations within two words before or after a
// match, in its sentence.
func (gw *goodbyeWords) negatedNear(l lint.Lang, toks []lint.Token, h lint.Match) bool {
	for _, side := range [...]struct{ from, dir int }{{h.First, -1}, {h.Last, 1}} {
		for j, k := side.from, 0; k < 2; k++ {
			if j = neighbour(toks, j, side.dir); j < 0 || toks[j].Kind != lint.Word {
				break
			}
			if gw.helpNegations[l][toks[j].Norm] {
				return true
			}
		}
	}
	return false
}

// haveAWish reports whether a sentence that is not a question opens with
// "have a", "have an" or "have the" and a good adjective, an intensifier
// allowed before it, whatever noun phrase follows and however long ("Have
// an amazing time at the match on Saturday", "Have a really lovely rest of
// your holiday", "and have the best time"), when the noun is a time, an
// event or an experience (wish_nouns): a look or a reason ("Have a good
// look at the plan") is an instruction.
func (gw *goodbyeWords) haveAWish(m *lint.Message) bool {
	l := m.Lang
	good := gw.goodAdjective[l]
	if good == nil {
		return false
	}
	toks := m.Tokens()
	sents := m.Sentences()
	var buf [128]wordBits
	bits := gw.flags.appendBits(buf[:0], m)
	for i, t := range toks {
		if bits[i]&haveOrWishBit == 0 {
			continue
		}
		if prev := neighbour(toks, i, -1); !(prev < 0 || sentenceStart(toks, i) || toks[prev].Norm == "," || gw.haveBefore[l][toks[prev].Norm]) {
			continue
		}
		a := neighbour(toks, i, 1)
		if a >= 0 && gw.reflexive[l][toks[a].Norm] {
			a = neighbour(toks, a, 1) // "have yourself a great weekend"
		}
		// "Wishing the whole choir a fantastic tour": whom it wishes, up
		// to three words, before the indefinite article.
		if gw.wishVerbs[l][t.Norm] {
			for j, k := a, 0; j >= 0 && k < 4 && toks[j].Kind == lint.Word; j, k = neighbour(toks, j, 1), k+1 {
				if gw.article[l][toks[j].Norm] && toks[j].Norm != "the" {
					a = j // "a" or "an" after whom it wishes
					break
				}
			}
		}
		if a < 0 || !gw.article[l][toks[a].Norm] {
			continue
		}
		adj := neighbour(toks, a, 1)
		if adj >= 0 && gw.intensifier[l][toks[adj].Norm] {
			adj = neighbour(toks, adj, 1)
		}
		if adj < 0 {
			continue
		}
		// Two adjectives joined by "and", either of them good: "a quiet
		// and restful week", "a safe and cosy winter".
		isGood := good[toks[adj].Norm]
		if and := neighbour(toks, adj, 1); and >= 0 && gw.coordinators[l][toks[and].Norm] {
			if second := neighbour(toks, and, 1); second >= 0 && toks[second].Kind == lint.Word {
				isGood, adj = isGood || good[toks[second].Norm], second
			}
		}
		if !isGood {
			continue
		}
		// A time, an event or an experience, one more adjective allowed
		// before it ("a lovely long weekend", "an amazing time at …").
		n := neighbour(toks, adj, 1)
		if n >= 0 && !gw.wishNoun[l][toks[n].Norm] {
			n = neighbour(toks, n, 1)
		}
		if n < 0 || !gw.wishNoun[l][toks[n].Norm] {
			continue
		}
		s := sents[sentenceOf(sents, t.Start)]
		if !strings.HasSuffix(strings.TrimRight(m.Body.Text[s.Start:s.End], " \t\n\"'”’)"), "?") {
			return true
		}
	}
	return false
}

// company reports whether having the customer is said to have been a joy:
// "having you" or "to have you" (the list company) after a good adjective
// or a word of joy within its two words before ("We loved having you", "It
// was a blast having you", "Great to have you with us"). "We are having
// your certificate printed" is none.
func (gw *goodbyeWords) company(m *lint.Message, pb phraseBook) bool {
	l := m.Lang
	if gw.joy[l] == nil {
		return false
	}
	toks := m.Tokens()
	for _, c := range pb.find(m, "company") {
		for j, k := c.First, 0; k < 2; k++ {
			if j = neighbour(toks, j, -1); j < 0 || toks[j].Kind != lint.Word {
				break
			}
			if gw.joy[l][toks[j].Norm] || gw.goodAdjective[l][toks[j].Norm] {
				return true
			}
		}
	}
	return false
}

// careWish reports whether the customer is told to look after themselves
// or their body: a verb of care (the list care: "look after", "go easy
// on", "rest") opening a sentence or clause, then the body or oneself
// (care_for), one determiner allowed between ("Look after that knee", "Go
// easy on that wrist"). Looking after a thing ("Look after the receipt")
// is an instruction.
func (gw *goodbyeWords) careWish(m *lint.Message, pb phraseBook) bool {
	l := m.Lang
	if gw.careFor[l] == nil {
		return false
	}
	toks := m.Tokens()
	for _, c := range pb.find(m, "care") {
		if c.First < 0 {
			continue
		}
		if prev := neighbour(toks, c.First, -1); !(prev < 0 || sentenceStart(toks, c.First) || toks[prev].Norm == ",") {
			continue
		}
		n := neighbour(toks, c.Last, 1)
		if n >= 0 && gw.determiner[l][toks[n].Norm] {
			n = neighbour(toks, n, 1)
		}
		if n >= 0 && gw.careFor[l][toks[n].Norm] {
			return true
		}
	}
	return false
}

// wishPhrase reports whether a clause of two to four words is a wish said
// as a noun phrase: a wish word first and a plural noun last, adjectives
// between ("Bol kazançlı günler", "Keyifli ve huzurlu tatiller"); "nice"
// (many more) first and a dative plural last ("Nice mutlu yıllara"); or,
// in a statement, a wish word and one noun ("xoş seyr", "Happy reading.")
// that is not a copula or negation ("xoş deyil"), an until phrase allowed
// after it ("Happy coding until then").
func (gw *goodbyeWords) wishPhrase(m *lint.Message, toks []lint.Token, s lint.Span, clause []int, folded bool) bool {
	l := m.Lang
	untilAfter := len(clause) >= 4 && (gw.until[l][toks[clause[2]].Norm] || gw.wishTimes[l][toks[clause[2]].Norm])
	if len(clause) < 2 || len(clause) > 4 && !(untilAfter && len(clause) == 5) {
		return false
	}
	in := func(set map[string]bool, w string) bool { return hasWord(l, set, w, folded) }
	ends := func(w string, set map[string]bool) bool {
		for e := range set {
			if endsIn(l, w, e, 2, folded) {
				return true
			}
		}
		return false
	}
	first, last := toks[clause[0]].Norm, toks[clause[len(clause)-1]].Norm
	if in(gw.wish[l], first) && ends(last, gw.plural[l]) || in(gw.manyMore[l], first) && ends(last, gw.dativePlural[l]) {
		return true
	}
	// "Happy coding until then", "Happy riding next spring": the wish may
	// look to the next meeting or season with "until" or one of wishTimes
	// and one or two words after its noun.
	if untilAfter {
		last = toks[clause[1]].Norm
		if gw.wishedEndings[l] != nil && !ends(last, gw.wishedEndings[l]) && !in(gw.wishNoun[l], last) {
			return false
		}
	} else if len(clause) != 2 {
		return false
	}
	if !in(gw.elliptic[l], first) || in(gw.notWished[l], last) {
		return false
	}
	// The clause ends its sentence, and the sentence is a statement.
	text := strings.TrimRight(m.Body.Text[s.Start:s.End], " \t\n\"'”’)")
	end := toks[clause[len(clause)-1]].End
	rest := strings.TrimRight(strings.TrimSpace(m.Body.Text[end:s.End]), ".!")
	return (rest == "" || onlySymbols(rest)) && !strings.HasSuffix(text, "?") && !strings.HasSuffix(text, ":")
}

// onlySymbols reports whether a text is emoji and other symbols only, with
// the spaces, joiners and variation selectors between them: after a wish
// they end its sentence as a full stop does ("Happy baking 🍕").
func onlySymbols(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.So, r) && !unicode.Is(unicode.Sk, r) && !unicode.IsSpace(r) && r != '\uFE0F' && r != '\u200D' &&
			!unicode.Is(unicode.Mn, r) {
			return false
		}
	}
	return s != ""
}

// talkSoon reports whether the customer is told when we will talk again:
// the list talk ("speak to you", "catch you") and one of timeWords right
// after it ("Speak to you on Monday", "Catch you at the next class"); "We
// need to speak to you about the invoice" is none.
func (gw *goodbyeWords) talkSoon(m *lint.Message, pb phraseBook) bool {
	l := m.Lang
	if gw.timeWords[l] == nil {
		return false
	}
	toks := m.Tokens()
	for _, c := range pb.find(m, "talk") {
		if n := neighbour(toks, c.Last, 1); c.Last >= 0 && n >= 0 && gw.timeWords[l][toks[n].Norm] {
			return true
		}
	}
	return false
}

// endsIn reports whether w ends in the ending e, compared folded in a text
// typed without the language's letters, with more than stem letters before
// it: counted in letters, as "oldugunda" is as long as "olduğunda".
func endsIn(l lint.Lang, w, e string, stem int, folded bool) bool {
	return utf8.RuneCountInString(w) > utf8.RuneCountInString(e)+stem && hasEnding(l, w, e, folded)
}

// passOn reports whether a sentence opens with one of regardsVerbs, holds
// one of regards (a hug, a wave, our love) and ends "from" and one of
// regardsFrom, a word between allowed ("Give her a scratch behind the ears
// from us", "Send the kids a wave from the team"); "Give the courier the
// parcel you received from us" passes on none.
func (gw *goodbyeWords) passOn(m *lint.Message, toks []lint.Token) bool {
	l := m.Lang
	if gw.regardsVerbs[l] == nil {
		return false
	}
	k := 0 // sentences and tokens are in order: one pass over both
	var words []string
	for _, s := range m.Sentences() {
		words = words[:0]
		for ; k < len(toks) && toks[k].Start < s.End; k++ {
			if t := toks[k]; t.Start >= s.Start && t.End <= s.End && t.Kind == lint.Word {
				words = append(words, t.Norm)
			}
		}
		n := len(words)
		if n < 4 || !gw.regardsVerbs[l][words[0]] || !gw.regardsFrom[l][words[n-1]] ||
			words[n-2] != "from" && words[n-3] != "from" {
			continue
		}
		for _, w := range words[1 : n-2] {
			if gw.regards[l][w] {
				return true
			}
		}
	}
	return false
}
