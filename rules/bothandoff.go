package rules

import (
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/msglint/msglint/lint"
)

var (
	bothandoffData = loadData("bothandoff.yaml")
	botLexicon     = Lexicon(bothandoffData.Lexicon)
)

// BotHandoffOptions configures the bot-handoff rule.
type BotHandoffOptions struct {
	// Kinds are the message kinds sent by a bot.
	Kinds          []lint.Kind `yaml:"kinds"`
	LexiconOptions `yaml:",inline"`
}

var (
	emailRE = lazyRegexp(`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`)
	// A link to a contact or help page is a route to a person too.
	contactURL = lazyRegexp(`(?i)(https?://|www\.)\S*(contact|support|help|destek|iletisim|yardim|elaqe|dəstək)\S*`)
)

// BotHandoff flags a bot that cannot help and offers no way to a person.
var BotHandoff = &lint.Rule{
	Name: "bot-handoff",
	Doc: lint.Doc{
		Title: "bot dead end: cannot help and no way to a person",
		Text: `Flags a bot message (kind: bot) that cannot help (it did not understand, cannot do this, hit
an error, only handles other topics, says the question is out of its scope or not among its tasks, the
service is unavailable or to try later, a tool of ours offline ("our quote calculator is offline for updates"; not
the customer's device, nor "back online"), input the system does not
recognise ("that code isn't recognised", "sistemdə tanınmır"; not other things set against the customer's own in the
same sentence, "Old codes aren't recognised, but yours is valid", "ama sizinki yeni"), "that's beyond me", a feature is not ready yet or closed ("this feature isn't ready yet",
"funksiyası bu həftə bağlıdır"), the customer has sent too many messages ("you've sent too many messages"; not "please avoid sending too many
messages") or has reached a limit on asking ("You've reached the limit of three
questions per session"; or used up a limit that counts questions, messages or requests, "mesaj hakkınız doldu", "Gündə 4 sorğu
göndərə bilərsiniz, limitinizə çatdınız"; not a word of asking elsewhere, "bu mesajla size bir kod gönderiyoruz"), on what it does a day through this assistant or one the message has just named and calls
"that limit" ("gündəlik limitə çatmısınız"; a shopping quota such as free samples or basket items is not one, nor
something that "reached its limit"), says it is not accepted through this chat or the bot ("bot vasitəsilə qəbul
edilmir"), beyond what this assistant covers ("bu asistanın yetkisi dışında") or that what the customer typed or sent
is not valid ("the code you entered isn't valid", "girdiğiniz kod geçerli değil"; a thing of ours valid only somewhere
or until a date, "this coupon is not valid on sale items", is an answer; someone asked to join this chat, "sohbete
katılacak", or a keyword offered if the customer would like to talk to a person it names is a way out, talking of a
topic or to the bot is not), has no answer, could not
find, verify or recognise what was asked (no results, matches, records, orders or bookings found, not in our size
chart or list, "cədvəlimizdə yoxdur", "tablomuzda yok", unless the bot then answers with the nearest it has or a "but"
and something of ours: "but our M fits chest sizes 96-100 cm", "en yakın ölçümüz 42"; "no problems found" is
an answer), or that a request is
not taken in this chat: "Refunds can't be issued in this chat") and gives no route to a person or
another channel (a route it says it cannot offer is none: "You can't request a callback here"): no agent, adviser or operator keyword, phone number, e-mail address, contact page,
visit to one of the brand's branches, the bot itself putting the customer through in any tense or mood
("I can connect you", "sizi ona aktarırım", "sizi hemen bağlayayım", "sizi operatora qoşa bilərəm", "sizi dietoloqumuzla əlaqələndirirəm", not a connection of ours, "bankımızla əlaqə
kəsildi", "sağlayıcımızla iletişimde bir sorun"; in
Turkish and Azerbaijani not negated, not counterfactual ("sizi bağlardım"), nor to a thing ("sizi bonus
proqramımıza qoşduq"); in English "connect/transfer you" counts as said), someone who will call the customer ("our dispatcher will call
you within half an hour", "ustamız sizi yarın arayacak"), one of the brand's people whatever their
title ("planlamacılarımızdan biriyle görüşün", "vəkillərimizdən biri sizə yazacaq"; talked with or put through to, "stilistimizlə birbaşa danışmaq", "sizi
şefimize bağlayayım mı?"; not negated or unable, "sizi şefimize bağlayamıyorum"), someone who will answer
("a harbour master will reply here", "liman görevlisi cevap verecektir"; not "the system will reply" or "our FAQ page
will answer"), one of our people who answers in any tense ("our baker replies on Instagram", "çörəkçimiz Instagram-da
cavab verir") or is reached by a keyword ("type 'baker' to reach our baker", "ustamıza iletmek için 'usta' yazın"),
writing to the brand on another of its channels, named ("message us on Instagram", "Instagram
sayfamızdan yazın", "WhatsApp-da bizə yazın"; not "message us again with your order number", this chat, nor
"Instagram kullanıcı adınızı yazın", which asks for input) or a person of the
customer's own ("call your vet", "bankanızı arayın"). Getting to a thing is no person ("Uygulamadan hesabınıza
ulaşabilirsiniz", "kataloğumuza ulaşmak için 'katalog' yazın"), nor is a thing of ours that replies or can ("our system
replies to order numbers only", "our help centre can", "our mobile app can"; "our experienced guide can" is a person), nor is one of the brand's products ("ürünlerimizden biri size uygun olabilir", "one of our
plans may suit you"), its bot by any name ("chatbotumuzla konuşun", "chat with our virtual assistant"), a
friend, or phoning an order in ("call your order in"), nor a number of people ("groups of 30 people"). The customer's own e-mail address and a date
or opening hours are no way out. A failure said as a condition ("If that time is not possible for you,
reply with another day", "mümkün değilse") is no dead end, nor is one followed by its result ("so type
the number under it instead", "bu yüzden size yeni kart gönderdik"), nor a product with no other option. Asking to rephrase or to pick from a menu is not a route to a person;
an option in the menu that leads to one is. In a transcript, it flags a bot that keeps answering after the customer
asked for a person ("agent", "müşteri temsilcisi", "operator") without a handoff.`,
		Why: `A bot that loops the customer on "I didn't understand" is the fastest way to lose them. Meta's
Messenger Platform guidance is that automated experiences should make it clear how to reach a person
(the handover protocol exists for this).`,
		Examples: bothandoffData.Examples,
		Severity: lint.Warning,
		Default:  true,
	},
	Options: BotHandoffOptions{Kinds: []lint.Kind{lint.Bot}},
	Lexicon: bothandoffData.Lexicon,
	New: lexiconRule(BotHandoffOptions{Kinds: []lint.Kind{lint.Bot}}, botLexicon, func(o *BotHandoffOptions) *LexiconOptions { return &o.LexiconOptions },
		func(o BotHandoffOptions, _ Lexicon, pb phraseBook) lint.Check {
			inability := map[lint.Lang][]string{}
			for l, set := range bothandoffData.WordSets("inability_endings") {
				inability[l] = slices.Sorted(maps.Keys(set))
			}
			ends := inabilityFlags(inability)
			lack := newLackWords()
			scoped := newScopedNegation()
			place := newMenuPlace()
			own := newOwnChannel()
			cond := newConditions()
			ours := newOneOfOurs()
			yours := newYourPerson()
			ourHelp := newOursHelp(ours)
			self := newSelfConnect()
			replier := personReplies{notPeople: ours, you: bothandoffData.WordSets("you_subject")}
			trouble := bothandoffData.WordSets("trouble_found")
			answered := newLookupAnswered()
			return func(p *lint.Pass) {
				m := p.Msg
				if !m.IsKindIn(o.Kinds...) {
					return
				}
				// A fallback cue first; the slower dead ends only without one,
				// and the routes to a person (regular expressions) last.
				fallback := contrasted(m, conceded(m, pb, cond.drop(m, pb, answered.drop(m, troubleAbsent(m, pb.find(m, "fallback"), trouble[m.Lang])))))
				if len(fallback) == 0 {
					fallback = append(append(deadEnds(m, pb, inability[m.Lang], ends), lack.find(m)...), usedLimit(m, pb)...)
					fallback = contrasted(m, conceded(m, pb, cond.drop(m, pb, append(fallback, scoped.find(m, pb)...))))
				}
				if len(fallback) == 0 || len(routes(m, pb, place, own, self)) > 0 || ours.found(m) || ours.talkedTo(m, pb) || yours.found(m, pb) || ourHelp.found(m, pb) || replier.found(m, pb) || hasPhone(m.Body.Text, botPhone) ||
					emailRE().MatchString(m.Body.Text) || contactURL().MatchString(m.Body.Text) {
					return
				}
				p.Report(lint.Diagnostic{
					Span:       fallback[0].Span,
					Message:    "the bot cannot help here and offers no way to reach a person",
					Suggestion: bothandoffData.Say(m.Lang, "suggestion"),
				})
			}
		}),
}

// oneOfOurs finds one of the brand's people named by the form, whatever
// the noun: in Turkish and Azerbaijani a noun with "our" and "from"
// (ours_from_endings: "planlamacılarımızdan", "ekibimizden") and "one"
// after it (one), who talks with the customer (with_one, or "one" and the
// postposition with: "biriyle konuşmak", "biri ilə danışmaq"), to whom the
// customer is put through (to_one and a verb of connect_stems after it:
// "muhasebecilerimizden birine bağlanmak", "mühasiblərimizdən birinə
// qoşulmaq") or who acts on
// them, a 2nd person pronoun at most four words on in the clause
// (you_object: "biri sizi bugün arayabilir", "biri sizə yazacaq"). One of
// our guides that are documents does neither ("rehberlerimizden birini
// görün"). English names the noun's class with "one of our * will/can".
type oneOfOurs struct {
	withEnds, toEnds                map[lint.Lang]*endingSet
	talk, reach, notPeople, connect map[lint.Lang][]string // folded stems
	reachPeople                     map[lint.Lang][]string // folded endings
	acts, agentSuffixes             map[lint.Lang][]string // folded stems
	from                            map[lint.Lang]*endingSet
	one, withOne, with              map[lint.Lang]map[string]bool
	you, toOne                      map[lint.Lang]map[string]bool
	adverbs                         map[lint.Lang]map[string]bool
	negation, negatedAbility        map[lint.Lang][]string // folded
}

func newOneOfOurs() oneOfOurs {
	w := bothandoffData.WordSets
	stems := foldedSorted
	return oneOfOurs{withEnds: endingSets(w("ours_with_endings")), talk: stems("talk_stems"), notPeople: stems("not_people"),
		toEnds: endingSets(w("ours_to_endings")), reach: stems("reach_stems"), reachPeople: stems("reach_people"),
		connect: stems("connect_stems"), toOne: w("to_one"), acts: stems("one_acts"), agentSuffixes: stems("agent_suffixes"),
		from: endingSets(w("ours_from_endings")), one: w("one"), withOne: w("with_one"), with: w("with"),
		you: w("you_object"), adverbs: w("adverbs"), negation: foldedSorted("reach_negation"),
		negatedAbility: foldedSorted("negated_ability")}
}

func (o oneOfOurs) found(m *lint.Message) bool {
	from := o.from[m.Lang]
	if from == nil {
		return false
	}
	toks := m.Tokens()
	folded := lint.Folded(m.Lang, m.Body.Text)
	for i, t := range toks {
		if t.Kind == lint.Word && len(t.Norm) >= 8 && o.withOurs(m.Lang, toks, i, folded) {
			return true
		}
		if t.Kind != lint.Word || len(t.Norm) < 8 || !from.match(m.Lang, t.Norm, folded) {
			continue
		}
		j := neighbour(toks, i, 1)
		if j < 0 || toks[j].Kind != lint.Word {
			continue
		}
		if hasWord(m.Lang, o.withOne[m.Lang], toks[j].Norm, folded) {
			return true
		}
		if hasWord(m.Lang, o.toOne[m.Lang], toks[j].Norm, folded) {
			// "uzmanlarımızdan birine bağlanmak": put through to one of ours.
			if k := neighbour(toks, j, 1); k >= 0 && toks[k].Kind == lint.Word &&
				slices.ContainsFunc(o.connect[m.Lang], func(c string) bool { return strings.HasPrefix(lint.Fold(m.Lang, toks[k].Norm), c) }) {
				return true
			}
			continue
		}
		if !hasWord(m.Lang, o.one[m.Lang], toks[j].Norm, folded) {
			continue
		}
		for k, n := j, 0; n < 4; n++ {
			if k = neighbour(toks, k, 1); k < 0 || toks[k].Kind != lint.Word {
				break // the clause ends
			}
			if n == 0 && hasWord(m.Lang, o.with[m.Lang], toks[k].Norm, folded) ||
				hasWord(m.Lang, o.you[m.Lang], toks[k].Norm, folded) && o.actsOn(m.Lang, toks, k) {
				return true
			}
		}
	}
	return false
}

// actsOn: after "you" (token i) a verb of a person's acting on the
// customer follows in the clause, within three words (one_acts: "sizi
// yarın arayabilir", "size buradan yanıt verecek", "sizə kömək edəcək");
// one of our products suits or pleases ("size uygun olabilir", "sizi
// memnun edecek") and is no person.
func (o oneOfOurs) actsOn(l lint.Lang, toks []lint.Token, i int) bool {
	for k, n := i, 0; n < 3; n++ {
		if k = neighbour(toks, k, 1); k < 0 || toks[k].Kind != lint.Word {
			return false // the clause ends
		}
		f := lint.Fold(l, toks[k].Norm)
		if slices.ContainsFunc(o.acts[l], func(s string) bool { return strings.HasPrefix(f, s) }) {
			return true
		}
	}
	return false
}

// talkedTo: English talks with a person of any title (talk_to_one: "talk
// to a", "chat with our"), a noun with an agent's suffix within two words
// after it (agent_suffixes: "a wedding planner", "our stylist"), unless it
// ends like the bot or its system (not_people: "our virtual assistant") or
// names no one's role ("a friend").
func (o oneOfOurs) talkedTo(m *lint.Message, pb phraseBook) bool {
	suffixes, not := o.agentSuffixes[m.Lang], o.notPeople[m.Lang]
	if len(suffixes) == 0 {
		return false
	}
	toks := m.Tokens()
	for _, h := range pb.find(m, "talk_to_one") {
		for k, n := h.Last, 0; n < 2 && h.Last < len(toks); n++ {
			if k = neighbour(toks, k, 1); k < 0 || toks[k].Kind != lint.Word {
				break
			}
			w := toks[k].Norm
			if slices.ContainsFunc(not, func(x string) bool { return strings.HasSuffix(w, x) }) {
				break
			}
			if len(w) > 4 && slices.ContainsFunc(suffixes, func(x string) bool { return strings.HasSuffix(w, x) }) {
				return true
			}
		}
	}
	return false
}

// reachedPerson: a noun with "our" and the dative or ablative names a
// person when, its ending taken off, it ends as an agent does or is a
// person's noun (reach_people: "fırıncı", "florist", "usta"): "Kataloğumuza
// ulaşmak için" gets to a thing.
func (o oneOfOurs) reachedPerson(l lint.Lang, folded string) bool {
	for _, e := range o.toEnds[l].folded {
		stem, ok := strings.CutSuffix(folded, e)
		if ok && slices.ContainsFunc(o.reachPeople[l], func(p string) bool { return strings.HasSuffix(stem, p) }) {
			return true
		}
	}
	return false
}

// notPerson: the noun is the bot or its system, a stem of not_people
// anywhere in it ("botumuzla", "chatbotumuzla", "çatbotumuzla").
func (o oneOfOurs) notPerson(l lint.Lang, folded string) bool {
	return slices.ContainsFunc(o.notPeople[l], func(p string) bool { return strings.Contains(folded, p) })
}

// withOurs: talking with one of ours in the singular, a noun with "our"
// and "with" (ours_with_endings: "planlamacımızla görüşmek",
// "mütəxəssisimizlə danışmaq") and a verb of talking right after it
// (talk_stems; a manner or time adverb may stand between, adverbs:
// "stilistimizlə birbaşa danışmaq"), unless the noun is the bot or its system (not_people:
// "botumuzla konuşmaya devam edin").
//
// One of ours reached, asked or sent to reads the same way: a noun with
// "our" and the dative or ablative (ours_to_endings: "fırıncımıza",
// "floristimizdən") and a verb of reaching right after it (reach_stems:
// "iletmek için", "soruşmaq üçün").
func (o oneOfOurs) withOurs(l lint.Lang, toks []lint.Token, i int, folded bool) bool {
	w := toks[i].Norm
	verbs := o.talk[l]
	if o.withEnds[l] == nil || !o.withEnds[l].match(l, w, folded) {
		if o.toEnds[l] == nil || !o.toEnds[l].match(l, w, folded) {
			return false
		}
		if !o.reachedPerson(l, lint.Fold(l, w)) {
			return false
		}
		verbs = o.reach[l]
	}
	if o.notPerson(l, lint.Fold(l, w)) {
		return false
	}
	j := neighbour(toks, i, 1)
	if j >= 0 && toks[j].Kind == lint.Word && hasWord(l, o.adverbs[l], toks[j].Norm, folded) {
		j = neighbour(toks, j, 1)
	}
	if j < 0 || toks[j].Kind != lint.Word {
		return false
	}
	fv := lint.Fold(l, toks[j].Norm)
	for _, s := range verbs {
		if rest, ok := strings.CutPrefix(fv, s); ok && !o.negatedVerb(l, toks, j, rest) {
			return true
		}
	}
	return false
}

// negatedVerb: the verb of talking or reaching (token j, rest its ending
// after the stem) is negated or cannot be done: the ending starts with a
// negation or a negated ability (reach_negation: "bağlayamıyorum",
// "yönlendiremiyorum", "qoşmuram"), or the next word is a negated ability
// (negated_ability: "qoşa bilmirəm"). It reaches no one.
func (o oneOfOurs) negatedVerb(l lint.Lang, toks []lint.Token, j int, rest string) bool {
	if slices.ContainsFunc(o.negation[l], func(e string) bool { return strings.HasPrefix(rest, e) }) {
		return true
	}
	k := neighbour(toks, j, 1)
	if k < 0 || toks[k].Kind != lint.Word {
		return false
	}
	fk := lint.Fold(l, toks[k].Norm)
	return slices.ContainsFunc(o.negatedAbility[l], func(e string) bool { return strings.HasPrefix(fk, e) })
}

// oursHelp: the brand's people named by "our" and any noun, who will or
// can help (help_offer: "çiçekçilerimiz yardımcı olabilir", "floristlərimiz
// kömək edə bilər", "çörəkçimiz Instagram-da cavab verir": our people
// answer, in any tense): a word with the 1st person plural possessive
// (ours_endings) at most three words before the offer in its clause (a
// name and its case ending joined by a hyphen or apostrophe one word),
// unless the noun is the bot or its system (not_people: "sistemimiz").
// English says it with "our * can help".
type oursHelp struct {
	ends   map[lint.Lang]*endingSet
	ourOne oneOfOurs
}

func newOursHelp(o oneOfOurs) oursHelp {
	return oursHelp{ends: endingSets(bothandoffData.WordSets("ours_endings")), ourOne: o}
}

func (oh oursHelp) found(m *lint.Message, pb phraseBook) bool {
	ends := oh.ends[m.Lang]
	if ends == nil {
		return false
	}
	offers := pb.find(m, "help_offer")
	if len(offers) == 0 {
		return false
	}
	toks := m.Tokens()
	folded := lint.Folded(m.Lang, m.Body.Text)
	for _, h := range offers {
		for i, n := h.First, 0; n < 3; n++ {
			if i = neighbour(toks, i, -1); i < 0 || toks[i].Kind != lint.Word {
				break // the clause ends
			}
			for i >= 2 && joiner(toks, i-1) {
				i -= 2 // "Instagram-da", "Instagram'da": one word
			}
			w := toks[i].Norm
			if len(w) < 6 || !ends.match(m.Lang, w, folded) {
				continue
			}
			if !oh.ourOne.notPerson(m.Lang, lint.Fold(m.Lang, w)) {
				return true
			}
		}
	}
	return false
}

// joiner: token i is a hyphen or an apostrophe with a word right on
// both sides, joining a name and its case ending into one word.
func joiner(toks []lint.Token, i int) bool {
	if toks[i].Kind != lint.Punct || (toks[i].Norm != "-" && toks[i].Norm != "'" && toks[i].Norm != "’") ||
		i == 0 || i+1 >= len(toks) {
		return false
	}
	return toks[i-1].Kind == lint.Word && toks[i-1].End == toks[i].Start && toks[i+1].Kind == lint.Word && toks[i+1].Start == toks[i].End
}

// yourPerson: the bot sends the customer to a person of their own (their
// doctor, their bank, their landlord): a contact verb in the 2nd person
// (your_contact: "call", "speak to", "danışın", "arayabilirsiniz",
// "müraciət edin") with a word that is the customer's on the verb's side
// (your_side): in English "your" right after it ("call your midwife"),
// in Turkish and Azerbaijani a word right before it with the 2nd person
// possessive (your_endings: "doktorunuza danışın", "ebenizi arayın",
// "həkiminizə müraciət edin").
//
// A verb of access_contact also means "get to" a thing ("hesabınıza
// ulaşabilirsiniz"): with a word in the ablative (source_endings) before
// it in its clause, the way there ("Uygulamadan hesabınıza ulaşın"), it
// names no person. An English phrasal verb with its particle after the
// object (phrasal_particles, and no object of the particle after it:
// "call your order in") places an order, it calls no one.
type yourPerson struct {
	your      map[lint.Lang]map[string]bool
	ending    map[lint.Lang]*endingSet
	before    map[lint.Lang]bool
	access    map[lint.Lang]map[string]bool
	source    map[lint.Lang]*endingSet
	particles map[lint.Lang]map[string]bool
	objects   map[lint.Lang]map[string]bool
}

func newYourPerson() yourPerson {
	w := bothandoffData.WordSets
	before := map[lint.Lang]bool{}
	for l, side := range w("your_side") {
		before[l] = side["before"]
	}
	return yourPerson{your: w("your"), ending: endingSets(w("your_endings")), before: before,
		access: w("access_contact"), source: endingSets(w("source_endings")), particles: w("phrasal_particles"),
		objects: w("particle_objects")}
}

func (y yourPerson) found(m *lint.Message, pb phraseBook) bool {
	verbs := pb.find(m, "your_contact")
	if len(verbs) == 0 {
		return false
	}
	toks := m.Tokens()
	folded := lint.Folded(m.Lang, m.Body.Text)
	for _, v := range verbs {
		if v.First < 0 || v.Last >= len(toks) {
			continue
		}
		if y.before[m.Lang] {
			p := neighbour(toks, v.First, -1)
			if p >= 0 && toks[p].Kind == lint.Word && len(toks[p].Norm) > 4 && y.ending[m.Lang] != nil &&
				y.ending[m.Lang].match(m.Lang, toks[p].Norm, folded) && !y.reached(m, toks, v, p, folded) {
				return true
			}
			continue
		}
		if n := neighbour(toks, v.Last, 1); n >= 0 && y.your[m.Lang][toks[n].Norm] && !y.phrasal(m.Lang, toks, n) {
			return true
		}
	}
	return false
}

// reached: the contact verb v is one of access_contact and a word in the
// ablative stands before its object p in the clause ("Uygulamadan
// hesabınıza ulaşabilirsiniz"): a thing is got to, no person reached.
func (y yourPerson) reached(m *lint.Message, toks []lint.Token, v lint.Match, p int, folded bool) bool {
	if v.First != v.Last || !hasWord(m.Lang, y.access[m.Lang], toks[v.First].Norm, folded) || y.source[m.Lang] == nil {
		return false
	}
	for i := neighbour(toks, p, -1); i >= 0 && toks[i].Kind == lint.Word; i = neighbour(toks, i, -1) {
		if len(toks[i].Norm) > 4 && y.source[m.Lang].match(m.Lang, toks[i].Norm, folded) {
			return true
		}
	}
	return false
}

// phrasal: after "your" (token i) and its noun a particle ends the verb
// with no object of its own ("call your order in", not "call your doctor
// in the morning").
func (y yourPerson) phrasal(l lint.Lang, toks []lint.Token, i int) bool {
	for k, n := i, 0; n < 3; n++ {
		if k = neighbour(toks, k, 1); k < 0 || toks[k].Kind != lint.Word {
			return false
		}
		if y.particles[l][toks[k].Norm] {
			o := neighbour(toks, k, 1)
			return o < 0 || toks[o].Kind != lint.Word || !y.objects[l][toks[o].Norm]
		}
	}
	return false
}

// troubleAbsent drops a "no … found" whose noun is a trouble ("no problems
// found", "no faults found"): its absence is the answer, not a failed search.
func troubleAbsent(m *lint.Message, found []lint.Match, trouble map[string]bool) []lint.Match {
	if len(trouble) == 0 {
		return found
	}
	toks := m.Tokens()
	out := found[:0:0]
	for _, mt := range found {
		if !noTroubleFound(toks, mt, trouble) {
			out = append(out, mt)
		}
	}
	return out
}

// lookupAnswered: an item not in one of our lists, tables or charts
// (a fallback cue holding one of lookup_nouns: "not in our size chart",
// "tablomuzda yok") is no dead end when the bot answers after it: the
// nearest we have (lookup_alternative: "the closest size", "en yakın
// ölçümüz", "ən yaxın ölçümüz") or a contrast word (contrast) with something
// of ours after it in its sentence (lookup_ours: "but our M fits chest
// sizes 96-100 cm", "ama mağazamızda var").
type lookupAnswered struct {
	nouns, contrast map[lint.Lang]map[string]bool
	alternative     map[lint.Lang][][]string
	ours            map[lint.Lang][]string
}

func newLookupAnswered() lookupAnswered {
	w := bothandoffData.WordSets
	la := lookupAnswered{nouns: w("lookup_nouns"), contrast: w("contrast"), alternative: map[lint.Lang][][]string{},
		ours: map[lint.Lang][]string{}}
	for l, set := range w("lookup_alternative") {
		for _, a := range slices.Sorted(maps.Keys(set)) {
			la.alternative[l] = append(la.alternative[l], strings.Fields(a))
		}
	}
	for l, set := range w("lookup_ours") {
		la.ours[l] = slices.Sorted(maps.Keys(set))
	}
	return la
}

func (la lookupAnswered) drop(m *lint.Message, found []lint.Match) []lint.Match {
	nouns := la.nouns[m.Lang]
	if len(found) == 0 || nouns == nil {
		return found
	}
	toks := m.Tokens()
	lookup := func(f lint.Match) bool {
		for _, w := range strings.Fields(strings.ToLower(f.Cue)) {
			w = strings.TrimRight(w, "*")
			if i := strings.IndexByte(w, '('); i >= 0 {
				w = strings.TrimRight(w[:i], "*")
			}
			if nouns[w] {
				return true
			}
		}
		return false
	}
	ours := func(w string) bool {
		if m.Lang == lint.English {
			return slices.Contains(la.ours[m.Lang], w)
		}
		return slices.ContainsFunc(la.ours[m.Lang], func(e string) bool { return strings.Contains(w, e) })
	}
	answered := func(f lint.Match) bool {
		if f.Last < 0 || !lookup(f) {
			return false
		}
		contrast := false
		for i := f.Last + 1; i < len(toks); i++ {
			t := toks[i]
			if t.Kind == lint.Punct && strings.ContainsAny(t.Norm, ".!?") {
				contrast = false
			}
			if t.Kind != lint.Word {
				continue
			}
			if contrast && ours(t.Norm) {
				return true
			}
			if la.contrast[m.Lang][t.Norm] {
				contrast = true
			}
			for _, a := range la.alternative[m.Lang] {
				j, ok := i, t.Norm == a[0]
				for k := 1; k < len(a) && ok; k++ {
					j = neighbour(toks, j, 1)
					ok = j >= 0 && toks[j].Kind == lint.Word && toks[j].Norm == a[k]
				}
				if ok {
					return true
				}
			}
		}
		return false
	}
	if !slices.ContainsFunc(found, answered) {
		return found
	}
	return slices.DeleteFunc(slices.Clone(found), answered)
}

// noTroubleFound reports whether a match reads "no <trouble …> found".
func noTroubleFound(toks []lint.Token, mt lint.Match, trouble map[string]bool) bool {
	if mt.First < 0 || mt.Last >= len(toks) || mt.Last-mt.First < 2 ||
		toks[mt.First].Norm != "no" || toks[mt.Last].Norm != "found" {
		return false
	}
	for _, t := range toks[mt.First+1 : mt.Last] {
		if t.Kind == lint.Word && hasStem(t.Norm, trouble) {
			return true
		}
	}
	return false
}

// deadEnds are the places a bot says it cannot help: the fallback cues, a
// word with an inability ending ("yanıtlayamıyorum", "işlenemedi"), and an
// "only" word before an ability word in one sentence ("I can only answer
// …", "yalnız … cavab verə bilərəm").
//
// ends are inabilityFlags of inability by language.
func deadEnds(m *lint.Message, pb phraseBook, inability []string, ends langFlags) []lint.Match {
	var out []lint.Match
	toks := m.Tokens()
	folded := lint.Folded(m.Lang, m.Body.Text)
	var buf [128]wordBits
	var bits []wordBits
	ending := inabilityBit
	if folded {
		ending = inabilityFoldedBit
	}
	if inability != nil {
		bits = ends.appendBits(buf[:0], m)
	}
	for i, t := range toks {
		if inability == nil || bits[i]&ending == 0 {
			continue // no word, or none with an ending
		}
		for _, e := range inability {
			if len(t.Norm) > len(e)+1 && hasEnding(m.Lang, t.Norm, e, folded) {
				out = append(out, lint.Match{Cue: e, Span: lint.Span{Start: t.Start, End: t.End}, First: i, Last: i})
				break
			}
		}
	}
	if only := pb.find(m, "only"); len(only) > 0 {
		sents := m.Sentences()
		for _, c := range append(pb.find(m, "can"), abilityWords(m, toks, folded)...) {
			for _, o := range only {
				if o.Span.Start < c.Span.Start && sentenceOf(sents, o.Span.Start) == sentenceOf(sents, c.Span.Start) &&
					!clauseBetween(m.Lang, toks, o.Last, c.First) {
					out = append(out, lint.Match{Cue: o.Cue, Span: lint.Span{Start: o.Span.Start, End: c.Span.End}, First: o.First, Last: c.Last})
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b lint.Match) int { return a.Span.Start - b.Span.Start })
	return out
}

// usedLimit: the customer's limit used up ("limitiniz bitib", "hakkınız
// doldu", "you've hit the limit", "used all your"; used_limit) where what
// the limit counts is a thing asked (asking_nouns: questions, messages,
// requests): nothing more is answered until later. The asking noun must be
// what the limit counts, not a word elsewhere in the sentence ("bu mesajla
// size bir kod gönderiyoruz", "sorunuz olursa", "your return request"): see
// countsAsking. A limit of anything else (free samples, deliveries,
// returns) is no dead end.
func usedLimit(m *lint.Message, pb phraseBook) []lint.Match {
	limits := pb.find(m, "used_limit")
	if len(limits) == 0 {
		return nil // most messages
	}
	asks := pb.find(m, "asking_nouns")
	if len(asks) == 0 {
		return nil
	}
	toks := m.Tokens()
	sents := m.Sentences()
	return dropMatches(limits, func(u lint.Match) bool {
		s := sentenceOf(sents, u.Span.Start)
		return !slices.ContainsFunc(asks, func(a lint.Match) bool {
			return sentenceOf(sents, a.Span.Start) == s && countsAsking(m, toks, u, a)
		})
	})
}

var limitWords = struct {
	side, fillers, counts map[lint.Lang]map[string]bool
	verbalNoun            map[lint.Lang]*endingSet
}{bothandoffData.WordSets("limit_side"), bothandoffData.WordSets("limit_fillers"), bothandoffData.WordSets("count_words"),
	endingSets(bothandoffData.WordSets("verbal_noun_endings"))}

// countsAsking: the asking noun a is what the used-up limit u counts. It
// stands inside the limit's phrase ("reached your question limit"); on the
// side of the limit's noun where the language puts what a limit counts
// (limit_side), right before it ("soru limitiniz", with a verbal noun
// between, "mesaj gönderme hakkınız") or right after it with only numbers
// and limit_fillers between ("the limit of 10 messages", "used all your
// free requests"); or it is counted before the limit, a number or one of
// count_words right before it, limit_fillers between ("Gündə 4 sorğu
// göndərə bilərsiniz, limitinizə çatdınız", "You can ask five free
// questions a day, and you've reached your limit").
func countsAsking(m *lint.Message, toks []lint.Token, u, a lint.Match) bool {
	l := m.Lang
	if a.First >= u.First && a.Last <= u.Last {
		return true
	}
	fillers, side := limitWords.fillers[l], limitWords.side[l]
	filler := func(t lint.Token) bool { return t.Kind == lint.Number || t.Kind == lint.Word && fillers[t.Norm] }
	if side["before"] && a.Last < u.First {
		p := neighbour(toks, u.First, -1)
		if p == a.Last {
			return true
		}
		if es := limitWords.verbalNoun[l]; p > a.Last && es != nil && toks[p].Kind == lint.Word &&
			es.match(l, toks[p].Norm, lint.Folded(l, m.Body.Text)) && neighbour(toks, p, -1) == a.Last {
			return true
		}
	}
	if side["after"] && a.First > u.Last {
		between := true
		for i := u.Last + 1; i < a.First; i++ {
			if toks[i].Kind != lint.Space && !filler(toks[i]) {
				between = false
				break
			}
		}
		if between {
			return true
		}
	}
	// Counted before the limit: a number right before the noun, fillers
	// between; after the limit a count is something else ("2 mesaj önce",
	// "3 questions about them are answered below").
	if a.First > u.First {
		return false
	}
	for p := neighbour(toks, a.First, -1); p >= 0; p = neighbour(toks, p, -1) {
		t := toks[p]
		if t.Kind == lint.Number || t.Kind == lint.Word && limitWords.counts[l][t.Norm] {
			return true
		}
		if !(t.Kind == lint.Word && fillers[t.Norm]) {
			return false
		}
	}
	return false
}

// The bits of inabilityFlags.
const (
	inabilityBit       wordBits = 1 << iota // ends in one of the inability endings, a letter or more before it
	inabilityFoldedBit                      // the same, compared folded
)

// inabilityFlags tell, by word id, the words with an inability ending, so
// that deadEnds tries each ending only on them.
func inabilityFlags(inability map[lint.Lang][]string) langFlags {
	langs := map[lint.Lang]bool{}
	for l := range inability {
		langs[l] = true
	}
	of := func(l lint.Lang) func(w, norm string) wordBits {
		ends := inability[l]
		return func(_, norm string) wordBits {
			var b wordBits
			for _, f := range [...]struct {
				folded bool
				bit    wordBits
			}{{false, inabilityBit}, {true, inabilityFoldedBit}} {
				if slices.ContainsFunc(ends, func(e string) bool { return len(norm) > len(e)+1 && hasEnding(l, norm, e, f.folded) }) {
					b |= f.bit
				}
			}
			return b
		}
	}
	return langFlagsOf(langs, of, of(""))
}

// joiners are, per language, the words that join two clauses: "only"
// before one and the ability after it belong to different clauses ("Just
// send your postcode and I can help"), the first an instruction, not a
// limit. Only languages that put the object after the verb have them: in
// Turkish and Azerbaijani the object, lists and commas included, stands
// between "only" and the ability.
var joiners = bothandoffData.WordSets("clause_joiners")

// clauseBetween: a clause boundary (a comma, a semicolon, a colon or a
// joining word) stands between tokens a and b, in a language with joiners.
func clauseBetween(l lint.Lang, toks []lint.Token, a, b int) bool {
	if joiners[l] == nil {
		return false
	}
	for i := max(a+1, 0); i < b && i < len(toks); i++ {
		t := toks[i]
		if t.Kind == lint.Punct && strings.ContainsAny(t.Norm, ",;:") || t.Kind == lint.Word && joiners[l][t.Norm] {
			return true
		}
	}
	return false
}

// abilityEndings are, per language, the endings of a verb saying what the
// bot is able to do as a limit ("okuyabiliyorum": I am able to read): after
// an "only" word, any verb with one is a dead end, as the can list's are.
var abilityEndings = endingSets(bothandoffData.WordSets("ability_endings"))

// abilityWords are the words of a message with an ability ending.
func abilityWords(m *lint.Message, toks []lint.Token, folded bool) []lint.Match {
	es := abilityEndings[m.Lang]
	if es == nil {
		return nil
	}
	var out []lint.Match
	for i, t := range toks {
		if t.Kind == lint.Word && es.match(m.Lang, t.Norm, folded) {
			out = append(out, lint.Match{Cue: "ability", Span: lint.Span{Start: t.Start, End: t.End}, First: i, Last: i})
		}
	}
	return out
}

// scopedNegation finds a bot saying a thing is not done now or in this channel, in
// the passive or impersonally, without "I": a channel cue ("in this chat",
// "bu kanal üzerinden", "çatdan") with a negated verb at most three words
// away on the verb's side ("Refunds can't be issued in this chat", "… bu
// kanal üzerinden alınmamaktadır", "çatdan ödəmək olmur"); a time word for
// now ("currently", "şu anda", "hazırda") with a negated or closed verb at
// most three words away on either side ("Bookings are currently closed",
// "Şu anda sipariş alınmıyor"); and, in the languages
// with the modal "olmur", an infinitive before it ("ünvanı dəyişmək olmur":
// it cannot be done).
type scopedNegation struct {
	words               map[lint.Lang]map[string]bool
	endings, infinitive map[lint.Lang]*endingSet
	impossible          map[lint.Lang]map[string]bool
	impossibleFolded    map[lint.Lang]map[string]bool // impossible as typed without the language's letters
	// side is where a language puts the verb of the channel cue: English
	// before it ("can't be issued in this chat"; after it the channel
	// names the subject, "orders placed in this chat are not charged"),
	// Turkish and Azerbaijani after it.
	side map[lint.Lang]map[string]bool
	// empty, you, youEndings: see notService.
	empty, you map[lint.Lang]map[string]bool
	youEndings map[lint.Lang]*endingSet
	// polarity are the determiners of a negated verb's object ("heç
	// bir", "hiçbir", "any"): they stand between "now" and the verb and
	// take none of the three words ("hazırda heç bir sifariş qəbul
	// edilmir").
	polarity map[lint.Lang]map[string]bool
	// requests: the objects a polarity determiner may take when the
	// verb says the service is closed ("hiçbir sipariş alınmıyor"); "hiçbir
	// ek ücret alınmıyor" takes no fee and says nothing of the service.
	requests map[lint.Lang][]string // folded stems
}

func newScopedNegation() *scopedNegation {
	w := bothandoffData.WordSets
	folded := map[lint.Lang]map[string]bool{}
	for l, set := range w("impossible") {
		folded[l] = map[string]bool{}
		for x := range set {
			folded[l][lint.Fold(l, x)] = true
		}
	}
	return &scopedNegation{impossibleFolded: folded, words: w("negation"), endings: endingSets(w("negative_endings")),
		infinitive: endingSets(w("infinitive_endings")), impossible: w("impossible"), side: w("negation_side"),
		empty: w("empty"), you: w("you"), youEndings: endingSets(w("you_endings")), polarity: w("polarity"),
		requests: foldedSorted("request_nouns")}
}

// negationNear is the index of a negated word at most three words from an
// anchor on one of the sides (-1 before, 1 after) in its clause, or -1;
// the determiners of negative polarity ("heç bir", "any") are not counted.
func (sn *scopedNegation) negationNear(l lint.Lang, toks []lint.Token, c lint.Match, sides []int, folded bool) int {
	for _, dir := range sides {
		from := c.Last
		if dir < 0 {
			from = c.First
		}
		polar, request := false, false
		for i, k := from, 0; k < 3; k++ {
			if i = neighbour(toks, i, dir); i < 0 || toks[i].Kind != lint.Word {
				break // the sentence or the clause ends
			}
			if sn.negated(l, toks[i].Norm, folded) {
				if polar && !request {
					break // "hiçbir ek ücret alınmıyor": no request
				}
				return i
			}
			if hasWord(l, sn.polarity[l], toks[i].Norm, folded) {
				polar = true
				k-- // "heç bir": the object's determiner, no word of the three
			} else if polar {
				fw := lint.Fold(l, toks[i].Norm)
				request = request || slices.ContainsFunc(sn.requests[l], func(r string) bool { return strings.HasPrefix(fw, r) })
			}
		}
	}
	return -1
}

// notService: a negation with "now" that says nothing of the service: an
// empty list ("no notifications at the moment", "şu anda bildirim yok"),
// or the customer's own state ("You are not currently a member",
// "konuşma almıyorsunuz": the 2nd person).
func (sn *scopedNegation) notService(l lint.Lang, toks []lint.Token, i int, folded bool) bool {
	w := toks[i].Norm
	if hasWord(l, sn.empty[l], w, folded) {
		return true
	}
	if ye := sn.youEndings[l]; ye != nil && ye.match(l, w, folded) {
		return true
	}
	for j, k := i, 0; k < 2; k++ {
		if j = neighbour(toks, j, -1); j < 0 || toks[j].Kind != lint.Word {
			break
		}
		if sn.you[l][toks[j].Norm] {
			return true
		}
	}
	return false
}

// negated: a word of negation or a verb with a negative ending.
func (sn *scopedNegation) negated(l lint.Lang, w string, folded bool) bool {
	if hasWord(l, sn.words[l], w, folded) {
		return true
	}
	es := sn.endings[l]
	return es != nil && len(w) > 5 && es.match(l, w, folded)
}

func (sn *scopedNegation) find(m *lint.Message, pb phraseBook) []lint.Match {
	toks := m.Tokens()
	folded := lint.Folded(m.Lang, m.Body.Text)
	var out []lint.Match
	// The channel on the verb's side; "now" on either: "currently
	// closed", "not taking orders right now".
	verbSide := []int{1}
	if sn.side[m.Lang]["before"] {
		verbSide = []int{-1}
	}
	for _, anchor := range []struct {
		list  string
		sides []int
	}{{"channel", verbSide}, {"now", []int{-1, 1}}} {
		if anchor.list == "now" && isLabel(m.Body.Text, toks) {
			continue // a button: "Not now", "Şu an değil"
		}
		for _, c := range pb.find(m, anchor.list) {
			if c.First < 0 || c.Last >= len(toks) {
				continue
			}
			if i := sn.negationNear(m.Lang, toks, c, anchor.sides, folded); i >= 0 && !(anchor.list == "now" && sn.notService(m.Lang, toks, i, folded)) {
				out = append(out, lint.Match{Cue: anchor.list, Span: c.Span, First: min(i, c.First), Last: max(i, c.Last)})
			}
		}
	}
	if inf, imp := sn.infinitive[m.Lang], sn.impossible[m.Lang]; inf != nil && imp != nil {
		for j, t := range toks {
			// The set as is, then folded (built once): every word of a
			// message is asked.
			if t.Kind != lint.Word || !imp[t.Norm] && !(folded && sn.impossibleFolded[m.Lang][lint.Fold(m.Lang, t.Norm)]) {
				continue
			}
			if i := neighbour(toks, j, -1); i >= 0 && toks[i].Kind == lint.Word && len(toks[i].Norm) > 5 &&
				inf.match(m.Lang, toks[i].Norm, folded) {
				out = append(out, lint.Match{Cue: "impossible", Span: lint.Span{Start: toks[i].Start, End: t.End}, First: i, Last: j})
			}
		}
	}
	return out
}

// conceded keeps the matches that are no concession: a bot that calls
// itself only a bot (the list identity: "I'm only a bot", "Mən sadəcə
// botam") and goes on, in the same sentence, with "but" (contrast) answers
// after all ("I'm only a bot, but even I know a size 12 won't fit"): what
// it says from the self-description to the "but" ("so I can't feel your
// anger") is no dead end, nor is what stands before it in its sentence
// ("sadəcə" of "Mən sadəcə botam"). What follows the "but" is judged as
// usual.
func conceded(m *lint.Message, pb phraseBook, found []lint.Match) []lint.Match {
	if len(found) == 0 {
		return found
	}
	contrast := contrastWords[m.Lang]
	ids := pb.find(m, "identity")
	if len(ids) == 0 || contrast == nil {
		return found
	}
	toks := m.Tokens()
	for _, id := range ids {
		but := -1
		for i := id.Last + 1; i >= 0 && i < len(toks); i++ {
			t := toks[i]
			if t.Kind == lint.Punct && strings.ContainsAny(t.Norm, ".!?") {
				break
			}
			if t.Kind == lint.Word && contrast[t.Norm] {
				but = i
				break
			}
		}
		if but < 0 {
			continue
		}
		start := id.First // the sentence's first token: "Mən sadəcə botam"
		for start > 0 && !(toks[start-1].Kind == lint.Punct && strings.ContainsAny(toks[start-1].Norm, ".!?")) {
			start--
		}
		found = slices.DeleteFunc(found, func(f lint.Match) bool {
			return f.First >= start && f.First < but
		})
	}
	return found
}

var contrastWords = bothandoffData.WordSets("contrast")

// yoursAfterContrast: per language, the customer's own named right after a
// contrast word ("but yours starts with B", "but your price is locked",
// "ama sizinki yeni", "amma sizinki yenidir").
var yoursAfterContrast = bothandoffData.WordSets("yours_after_contrast")

// contrasted keeps the matches that are not set against the customer's
// own: a failure of other things (old codes, a previous address, a tool)
// followed in its sentence by a contrast word and, within two words, the
// customer's own (yours_after_contrast) tells what did work for the
// customer, and the bot has answered.
func contrasted(m *lint.Message, found []lint.Match) []lint.Match {
	yours, contrast := yoursAfterContrast[m.Lang], contrastWords[m.Lang]
	if len(found) == 0 || yours == nil || contrast == nil {
		return found
	}
	toks := m.Tokens()
	folded := lint.Folded(m.Lang, m.Body.Text)
	answered := func(f lint.Match) bool {
		for i := f.Last + 1; f.Last >= 0 && i < len(toks); i++ {
			t := toks[i]
			if t.Kind == lint.Punct && strings.ContainsAny(t.Norm, ".!?") {
				return false
			}
			if t.Kind != lint.Word || !contrast[t.Norm] {
				continue
			}
			for k, n := i, 0; n < 2; n++ {
				if k = neighbour(toks, k, 1); k < 0 || toks[k].Kind != lint.Word {
					break
				}
				if hasWord(m.Lang, yours, toks[k].Norm, folded) {
					return true
				}
			}
		}
		return false
	}
	return dropMatches(found, answered)
}

// conditions tell a dead end said as a condition ("If that time is not
// possible for you, reply with another day", "mümkün değilse"): an "if"
// word before it in its clause, or the conditional ending on its last word.
// The clause is cut at punctuation, at a line break (a line of its own is
// a sentence of its own), and, in the languages that mark a condition with
// an ending, at a word bearing it: there the condition closed, and what
// follows is said as a fact ("Eğer iade istiyorsanız bu konuda yardımcı
// olamıyorum").
// An if-clause written without a comma ends where the main clause begins:
// at a main-clause word ("then", or the bot itself as the subject, "I
// can't help with that"), unless it follows the "if" word ("If we are
// unable to deliver").
// A failure named as the cause of what follows ("Sistem hatası nedeniyle
// iki kez çekilen tutar iade edildi") is no dead end either: a cause word
// right after it.
type conditions struct {
	words, endings, main, cause map[lint.Lang]map[string]bool
}

func newConditions() conditions {
	w := bothandoffData.WordSets
	return conditions{w("condition_words"), w("condition_endings"), w("main_clause_words"), w("cause_words")}
}

// resolved: a result (the list result: "so", "bu yüzden", "ona görə")
// follows the failure f in its sentence and no other failure of found
// follows the result there: what the bot did or asks instead resolves it
// ("doesn't recognise damaged barcodes, so type the number under it").
func resolved(toks []lint.Token, results, found []lint.Match, f lint.Match) bool {
	for _, r := range results {
		if r.First <= f.Last || wordsApart(toks, f.Last, r.First) >= 1<<20 {
			continue
		}
		if !slices.ContainsFunc(found, func(g lint.Match) bool { return g.First > r.Last && wordsApart(toks, r.Last, g.First) < 1<<20 }) {
			return true
		}
	}
	return false
}

// drop keeps the matches that are not said as a condition.
func (c conditions) drop(m *lint.Message, pb phraseBook, found []lint.Match) []lint.Match {
	if len(found) == 0 {
		return found
	}
	toks := m.Tokens()
	results := pb.find(m, "result")
	all := slices.Clone(found)
	folded := false
	if len(c.endings[m.Lang]) > 0 {
		folded = lint.Folded(m.Lang, m.Body.Text)
	}
	return slices.DeleteFunc(found, func(f lint.Match) bool {
		if f.First < 0 || f.Last >= len(toks) {
			return false
		}
		if n := neighbour(toks, f.Last, 1); n >= 0 && toks[n].Kind == lint.Word && c.cause[m.Lang][toks[n].Norm] {
			return true
		}
		if len(results) > 0 && resolved(toks, results, all, f) {
			return true
		}
		for i := f.First - 1; i >= 0; i-- {
			t := toks[i]
			if t.Kind == lint.Punct && strings.ContainsAny(t.Norm, ",;:.!?") ||
				t.Kind == lint.Space && strings.ContainsRune(m.Body.Text[t.Start:t.End], '\n') {
				break
			}
			if t.Kind == lint.Word && c.words[m.Lang][t.Norm] {
				return true
			}
			if t.Kind == lint.Word && c.main[m.Lang][t.Norm] {
				if before := neighbour(toks, i, -1); before >= 0 && c.words[m.Lang][toks[before].Norm] {
					return true
				}
				break
			}
			if t.Kind == lint.Word && c.conditional(m.Lang, t.Norm, folded) {
				break
			}
		}
		return c.conditional(m.Lang, toks[f.Last].Norm, folded)
	})
}

// conditional is whether w bears the conditional ending (değilse,
// yoxdursa).
func (c conditions) conditional(l lint.Lang, w string, folded bool) bool {
	for e := range c.endings[l] {
		if len(w) > len(e)+2 && hasEnding(l, w, e, folded) {
			return true
		}
	}
	return false
}

// menuPlace: a menu named as the place of an option ("menüdeki “Bir
// kişiyle görüş” seçeneği", "in the menu"), not as where the bot sends the
// customer: the locative endings, and the words before it in English.
type menuPlace struct {
	endings map[lint.Lang]*endingSet
	words   map[lint.Lang]map[string]bool
}

func newMenuPlace() menuPlace {
	return menuPlace{endings: endingSets(bothandoffData.WordSets("menu_place_endings")), words: bothandoffData.WordSets("menu_place_words")}
}

// ownChannel: a channel noun among the handoff cues (channel_nouns:
// "e-posta", "e-poçt") is the customer's own, not a way to us, when it or
// the address after it (address_nouns) bears the 2nd person possessive
// (your_endings: "e-postanıza", "e-posta adresinizi"; not a verb's 2nd
// person: "e-posta gönderebilirsiniz" is a way to us) or a demonstrative points at the one
// just named (this: "bu e-posta adresiyle bir abonelik bulamadım").
type ownChannel struct {
	nouns   map[lint.Lang][]string // folded
	address map[lint.Lang][]string // folded
	this    map[lint.Lang]map[string]bool
	your    map[lint.Lang]*endingSet
	// object: a word inside a longer cue with the 2nd person possessive
	// and the accusative (your_object_endings: "Instagram kullanıcı
	// adınızı yazın") makes the customer's own thing what is written: the
	// bot asks for input, no route.
	object map[lint.Lang]*endingSet
}

func newOwnChannel() ownChannel {
	w := bothandoffData.WordSets
	folded := foldedSorted
	return ownChannel{nouns: folded("channel_nouns"), address: folded("address_nouns"), this: w("this"), your: endingSets(w("your_endings")),
		object: endingSets(w("your_object_endings"))}
}

// drop keeps the handoff matches that are not the customer's own channel.
func (o ownChannel) drop(m *lint.Message, handoff []lint.Match) []lint.Match {
	nouns, your := o.nouns[m.Lang], o.your[m.Lang]
	if len(handoff) == 0 || nouns == nil || your == nil {
		return handoff
	}
	toks := m.Tokens()
	folded := lint.Folded(m.Lang, m.Body.Text)
	if obj := o.object[m.Lang]; obj != nil {
		handoff = slices.DeleteFunc(slices.Clone(handoff), func(h lint.Match) bool {
			if h.First < 0 || h.Last >= len(toks) || h.Last-h.First < 2 {
				return false
			}
			for _, t := range toks[h.First+1 : h.Last] {
				if t.Kind == lint.Word && obj.match(m.Lang, t.Norm, folded) {
					return true
				}
			}
			return false
		})
		if len(handoff) == 0 {
			return nil
		}
	}
	own := func(h lint.Match) bool {
		if h.First < 0 || h.Last >= len(toks) || h.Last-h.First > 2 {
			return false // a noun, hyphen and all ("e-posta": three tokens)
		}
		var b strings.Builder
		for _, t := range toks[h.First : h.Last+1] {
			b.WriteString(t.Norm)
		}
		fw := lint.Fold(m.Lang, b.String())
		if !slices.ContainsFunc(nouns, func(n string) bool { return strings.HasPrefix(fw, n) }) {
			return false
		}
		if p := neighbour(toks, h.First, -1); p >= 0 && hasWord(m.Lang, o.this[m.Lang], toks[p].Norm, folded) {
			return true
		}
		if your.match(m.Lang, toks[h.Last].Norm, folded) {
			return true
		}
		n := neighbour(toks, h.Last, 1)
		return n >= 0 && toks[n].Kind == lint.Word && your.match(m.Lang, toks[n].Norm, folded) &&
			slices.ContainsFunc(o.address[m.Lang], func(a string) bool { return strings.HasPrefix(lint.Fold(m.Lang, toks[n].Norm), a) })
	}
	return dropMatches(handoff, own)
}

// selfConnect: the bot itself puts the customer through, a verb of
// connecting or transferring (self_connect: "bağla*(verb)", "qoş*(verb)")
// in the 1st person in any tense or mood (first_person_endings: "sizi
// bağlayabilirim", "sizi hemen bağlayayım", "sizi ona aktarırım", "sizi
// operatora qoşuram"; in Azerbaijani the ability is a word of its own
// after the converb, ability_words: "sizi qoşa bilərəm"), with "you" as
// its object before it in the clause (you_accusative: "sizi", "səni").
// Negated it connects no one (negation_starts, right after the stem:
// "bağlamıyorum", "bağlayamıyorum", "qoşmuram"), nor in the 2nd person
// (second_person_endings: "bağlayınız"), nor to the bot's own system or
// pages (not_people between "you" and the verb: "sizi ödeme sayfasına
// yönlendireyim"). English says it with the handoff cues ("connect* you",
// "put you through", "transfer you").
//
// Counterfactual it connects no one either (counterfactual in the ending:
// "bağlardım", "bağlayabilirdim", "qoşardım"), nor to a thing: a word with
// a dative ending between "you" and the verb (dative_endings) must be a
// person, a handoff cue or a pronoun (person_pronouns: "sizi ona
// aktarırım"); time and manner adverbs (adverbs) are no destination.
type selfConnect struct {
	first, second       map[lint.Lang]*endingSet
	negation, notPeople map[lint.Lang][]string // folded
	counterfactual      map[lint.Lang][]string // folded
	you, ability        map[lint.Lang]map[string]bool
	dative              map[lint.Lang]map[string]bool
	pronouns, adverbs   map[lint.Lang]map[string]bool
}

func newSelfConnect() selfConnect {
	w := bothandoffData.WordSets
	return selfConnect{first: endingSets(w("first_person_endings")), second: endingSets(w("second_person_endings")),
		negation: foldedSorted("negation_starts"), notPeople: foldedSorted("not_people"), you: w("you_accusative"),
		ability: w("ability_words"), counterfactual: foldedSorted("counterfactual"), dative: w("dative_endings"),
		pronouns: w("person_pronouns"), adverbs: w("adverbs")}
}

func (sc selfConnect) find(m *lint.Message, pb phraseBook) []lint.Match {
	first := sc.first[m.Lang]
	if first == nil {
		return nil
	}
	verbs := pb.find(m, "self_connect")
	if len(verbs) == 0 {
		return nil
	}
	toks := m.Tokens()
	folded := lint.Folded(m.Lang, m.Body.Text)
	people := pb.find(m, "handoff")
	var out []lint.Match
	for _, v := range verbs {
		if v.First < 0 || v.First != v.Last || v.Last >= len(toks) {
			continue
		}
		w := toks[v.First].Norm
		if sc.negated(m.Lang, v.Cue, w) || sc.second[m.Lang] != nil && sc.second[m.Lang].match(m.Lang, w, folded) {
			continue
		}
		if !first.match(m.Lang, w, folded) {
			n := neighbour(toks, v.First, 1)
			if n < 0 || toks[n].Kind != lint.Word || !hasWord(m.Lang, sc.ability[m.Lang], toks[n].Norm, folded) {
				continue
			}
		}
		if sc.youBefore(m.Lang, toks, v.First, folded) && !sc.toThing(m.Lang, toks, v.First, people, folded) {
			out = append(out, v)
		}
	}
	return out
}

// negated: the verb's ending starts, right after the stem the verb and
// its lemma share, with a negation (negation_starts).
func (sc selfConnect) negated(l lint.Lang, cue, w string) bool {
	stem := lint.Fold(l, strings.TrimSuffix(strings.TrimSuffix(cue, "(verb)"), "*"))
	fw := lint.Fold(l, w)
	n := 0
	for n < len(stem) && n < len(fw) && stem[n] == fw[n] {
		n++
	}
	rest := fw[n:]
	return slices.ContainsFunc(sc.negation[l], func(e string) bool { return strings.HasPrefix(rest, e) }) ||
		slices.ContainsFunc(sc.counterfactual[l], func(e string) bool { return strings.Contains(rest, e) })
}

// toThing: between "you" and the verb (token i) a word with a dative
// ending names where the customer goes, and it is no person: not within a
// handoff cue, nor a pronoun of a person, nor an adverb ("sizi kampanya
// linkine yönlendireyim", "sizi bonus proqramımıza qoşduq").
func (sc selfConnect) toThing(l lint.Lang, toks []lint.Token, i int, people []lint.Match, folded bool) bool {
	for k, n := i, 0; n < 4; n++ {
		if k = neighbour(toks, k, -1); k < 0 || toks[k].Kind != lint.Word || hasWord(l, sc.you[l], toks[k].Norm, folded) {
			return false
		}
		w := toks[k].Norm
		if utf8.RuneCountInString(w) < 4 || hasWord(l, sc.pronouns[l], w, folded) || hasWord(l, sc.adverbs[l], w, folded) {
			continue
		}
		r, _ := utf8.DecodeLastRuneInString(lint.Fold(l, w))
		dative := false
		for d := range sc.dative[l] {
			if dr, _ := utf8.DecodeRuneInString(lint.Fold(l, d)); dr == r {
				dative = true
			}
		}
		if dative && !slices.ContainsFunc(people, func(p lint.Match) bool { return p.First <= k && k <= p.Last }) {
			return true
		}
	}
	return false
}

// youBefore: "you" as the object at most four words before token i in its
// clause, and none of the words between it and the verb the bot's own
// system or pages (not_people).
func (sc selfConnect) youBefore(l lint.Lang, toks []lint.Token, i int, folded bool) bool {
	for k, n := i, 0; n < 4; n++ {
		if k = neighbour(toks, k, -1); k < 0 || toks[k].Kind != lint.Word {
			return false // the clause ends
		}
		if hasWord(l, sc.you[l], toks[k].Norm, folded) {
			return true
		}
		fw := lint.Fold(l, toks[k].Norm)
		if slices.ContainsFunc(sc.notPeople[l], func(p string) bool { return strings.Contains(fw, p) }) {
			return false
		}
	}
	return false
}

// routes are the handoff cues that lead to a person: "Sizi ana menüye
// yönlendiriyorum" (to the main menu) and "transferring you to the menu"
// lead back to the bot; an option in the menu may lead to a person.
func routes(m *lint.Message, pb phraseBook, place menuPlace, own ownChannel, self selfConnect) []lint.Match {
	handoff := append(negatedDrop(m, repliesDrop(m, countedDrop(m, own.drop(m, pb.find(m, "handoff"))))), self.find(m, pb)...)
	if len(handoff) == 0 {
		return nil
	}
	menus := pb.find(m, "menu")
	if len(menus) == 0 {
		return handoff
	}
	toks := m.Tokens()
	folded := lint.Folded(m.Lang, m.Body.Text)
	menus = slices.DeleteFunc(slices.Clone(menus), func(mn lint.Match) bool {
		if mn.Last < 0 {
			return false
		}
		if e := place.endings[m.Lang]; e != nil && e.match(m.Lang, toks[mn.Last].Norm, folded) {
			return true
		}
		for j, k := mn.First, 0; k < 3; k++ { // "in the main menu"
			if j = neighbour(toks, j, -1); j < 0 || toks[j].Kind != lint.Word {
				return false
			}
			if place.words[m.Lang][toks[j].Norm] {
				return true
			}
		}
		return false
	})
	return slices.DeleteFunc(slices.Clone(handoff), func(h lint.Match) bool {
		for _, mn := range menus {
			if wordsApart(toks, mn.Last, h.First) <= 3 || wordsApart(toks, h.Last, mn.First) <= 3 {
				return true
			}
		}
		return false
	})
}

// routeNegation: per language, the words of negation or inability that,
// at most four words before a handoff cue and with only words of ability,
// time or degree between (route_negation_gap), say the route is not
// offered ("You can't book a callback here", "I'm not able to request a
// callback"); another word between governs its own verb ("Could not update
// the agent bot").
var (
	routeNegation    = bothandoffData.WordSets("route_negation")
	routeNegationGap = bothandoffData.WordSets("route_negation_gap")
	// routeAbsent: the words of absence that, at most four words after a
	// handoff cue, with only route_absent_gap words between, say nobody is
	// there ("an agent is unavailable", "temsilcimiz bulunmuyor",
	// "operator yoxdur"); English says it before the person too (route_negation:
	// "no agent is available").
	routeAbsent    = bothandoffData.WordSets("route_absent")
	routeAbsentGap = bothandoffData.WordSets("route_absent_gap")
	channelNouns   = bothandoffData.WordSets("channel_nouns")
)

// negatedDrop keeps the handoff matches that are not negated: no word of
// route_negation in the four words before the cue, within its clause and
// with only route_negation_gap words between.
func negatedDrop(m *lint.Message, handoff []lint.Match) []lint.Match {
	set := routeNegation[m.Lang]
	if len(handoff) == 0 || set == nil && routeAbsent[m.Lang] == nil {
		return handoff
	}
	toks := m.Tokens()
	folded := lint.Folded(m.Lang, m.Body.Text)
	absent := func(h lint.Match) bool {
		set := routeAbsent[m.Lang]
		if set == nil || h.First < 0 || h.Last < 0 || hasWord(m.Lang, channelNouns[m.Lang], toks[h.First].Norm, folded) {
			return false // "e-posta yok" names no person
		}
		for k, n := h.Last, 0; n < 4; n++ {
			if k = neighbour(toks, k, 1); k < 0 || toks[k].Kind != lint.Word {
				return false
			}
			if hasWord(m.Lang, set, toks[k].Norm, folded) {
				return true
			}
			if !hasWord(m.Lang, routeAbsentGap[m.Lang], toks[k].Norm, folded) {
				return false
			}
		}
		return false
	}
	negated := func(h lint.Match) bool {
		if absent(h) {
			return true
		}
		for k, n := h.First, 0; n < 4 && h.First >= 0; n++ {
			if k = neighbour(toks, k, -1); k < 0 || toks[k].Kind != lint.Word || contrastWords[m.Lang][toks[k].Norm] {
				return false
			}
			if hasWord(m.Lang, set, toks[k].Norm, folded) {
				return true
			}
			if !hasWord(m.Lang, routeNegationGap[m.Lang], toks[k].Norm, folded) {
				return false
			}
		}
		return false
	}
	return dropMatches(handoff, negated)
}

// Who answers after "our" (English "our * replies"): replyVerbs end the
// cue (and pair_verbs, after two words: "our * * can", where the second
// word is the noun and the first an adjective, "our experienced guide can";
// "our help centre can", "our mobile app can" are things); the noun before
// the verb must be a person's, an agent's suffix
// (agent_suffixes: "our baker", "our florist") or one of person_nouns
// ("our team"), and not the bot or its system (not_people: "Our system
// replies to order numbers only").
var (
	replyVerbs   = bothandoffData.WordSets("reply_verbs")
	pairVerbs    = bothandoffData.WordSets("pair_verbs")
	personNouns  = bothandoffData.WordSets("person_nouns")
	agentEndings = foldedSorted("agent_suffixes")
	thingNouns   = foldedSorted("not_people")
)

// repliesDrop keeps the handoff matches that are not one of ours
// replying, or whose one is a person.
func repliesDrop(m *lint.Message, handoff []lint.Match) []lint.Match {
	verbs := replyVerbs[m.Lang]
	if len(handoff) == 0 || verbs == nil {
		return handoff
	}
	toks := m.Tokens()
	thing := func(h lint.Match) bool {
		if h.First < 0 || h.Last >= len(toks) || !verbs[toks[h.Last].Norm] && !(pairVerbs[m.Lang][toks[h.Last].Norm] && wordsApart(toks, h.First, h.Last) == 3) {
			return false
		}
		p := neighbour(toks, h.Last, -1)
		if p < 0 || toks[p].Kind != lint.Word {
			return true
		}
		w := toks[p].Norm
		if pairVerbs[m.Lang][toks[h.Last].Norm] && !personNouns[m.Lang][w] {
			w = strings.TrimSuffix(w, "s") // "our trained engineers can"
		}
		if slices.ContainsFunc(thingNouns[m.Lang], func(x string) bool { return strings.Contains(w, x) }) {
			return true
		}
		return !personNouns[m.Lang][w] &&
			!(len(w) > 4 && slices.ContainsFunc(agentEndings[m.Lang], func(x string) bool { return strings.HasSuffix(w, x) }))
	}
	return dropMatches(handoff, thing)
}

// countedPeople: per language, the words for people that after a number
// count a group ("groups of 30 people") and reach no one.
var countedPeople = bothandoffData.WordSets("counted_people")

// countedDrop keeps the handoff matches that are not a number of people:
// a one-word cue of counted_people right after a number.
func countedDrop(m *lint.Message, handoff []lint.Match) []lint.Match {
	set := countedPeople[m.Lang]
	if len(handoff) == 0 || set == nil {
		return handoff
	}
	toks := m.Tokens()
	counted := func(h lint.Match) bool {
		if h.First < 0 || h.First != h.Last || h.Last >= len(toks) || !set[toks[h.First].Norm] {
			return false
		}
		p := neighbour(toks, h.First, -1)
		return p >= 0 && toks[p].Kind == lint.Number
	}
	return dropMatches(handoff, counted)
}

// wordsApart counts the words from token a to token b (b after a): 1 for
// neighbours; a large number when b is not after a or a sentence ends
// between them.
func wordsApart(toks []lint.Token, a, b int) int {
	if a < 0 || b <= a {
		return 1 << 20
	}
	n := 0
	for i := a + 1; i <= b; i++ {
		if toks[i].Kind == lint.Punct && strings.ContainsAny(toks[i].Norm, ".!?") {
			return 1 << 20
		}
		if toks[i].Kind == lint.Word {
			n++
		}
	}
	return n
}

// lackWords find a bot saying it has no answer, no authority or no way in
// words no list holds: a word with the 1st person singular possessive (or
// "me" itself, "məndə", "bende") and, at most two words after it, a word
// of absence or of being outside; the dative only with "belongs" or
// "included" between (belongs): "cavabı məndə yoxdur", "bilik bazamda
// yoxdur", "imkanım yoxdur", "səlahiyyətimə daxil deyil", "yetkimin
// dışında"; the bare possessive right before a postposition of being
// outside (outside): "uzmanlık alanım dışında".
type lackWords struct {
	mine, mineTo, mineBare     map[lint.Lang]*endingSet
	me, absent, belongs, among map[lint.Lang]map[string]bool
	// outside: postpositions of being outside that take the bare
	// possessive right before them ("alanım dışında").
	outside map[lint.Lang]map[string]bool
	// mineRelative: a 1st person relative clause's ending ("yapabildiğim
	// işlemler": the operations I can do), which makes the noun after it
	// the bot's as the bare possessive does, before "among".
	mineRelative map[lint.Lang]*endingSet
}

func newLackWords() *lackWords {
	w := bothandoffData.WordSets
	return &lackWords{mine: endingSets(w("mine_endings")), mineTo: endingSets(w("mine_to_endings")),
		mineBare: endingSets(w("mine_bare_endings")), me: w("me"), absent: w("absent"), belongs: w("belongs"),
		among: w("among"), outside: w("outside"), mineRelative: endingSets(w("mine_relative_endings"))}
}

func (lw *lackWords) find(m *lint.Message) []lint.Match {
	mine, absent := lw.mine[m.Lang], lw.absent[m.Lang]
	if mine == nil || absent == nil {
		return nil
	}
	toks := m.Tokens()
	folded := lint.Folded(m.Lang, m.Body.Text)
	var out []lint.Match
	// From each word of absence back to the word it says is missing: most
	// messages have no such word, and the endings are looked up only then.
	for j, t := range toks {
		if t.Kind != lint.Word || !hasWord(m.Lang, absent, t.Norm, folded) {
			continue
		}
		for i, k := j, 0; k < 2; k++ {
			if i = neighbour(toks, i, -1); i < 0 || toks[i].Kind != lint.Word {
				break
			}
			w := toks[i].Norm
			// The dative (-ImA) is also a verbal noun's ending ("kazıma"):
			// only before "belongs"/"included" ("səlahiyyətimə daxil deyil").
			// The bare possessive only before "among" ("görevlerim arasında
			// değil": not among my tasks).
			if k == 1 && lw.belongs[m.Lang][toks[neighbour(toks, i, 1)].Norm] && len(w) > 4 && lw.mineTo[m.Lang] != nil &&
				lw.mineTo[m.Lang].match(m.Lang, w, folded) ||
				k == 1 && hasWord(m.Lang, lw.among[m.Lang], toks[neighbour(toks, i, 1)].Norm, folded) && len(w) > 4 &&
					(lw.mineBare[m.Lang] != nil && lw.mineBare[m.Lang].match(m.Lang, w, folded) || lw.relativeMine(m.Lang, toks, i, folded)) ||
				hasWord(m.Lang, lw.me[m.Lang], w, folded) || len(w) > 4 && mine.match(m.Lang, w, folded) {
				out = append(out, lint.Match{Cue: "lack", Span: lint.Span{Start: toks[i].Start, End: t.End}, First: i, Last: j})
				break
			}
		}
		if len(out) > 0 && out[len(out)-1].Last == j || !hasWord(m.Lang, lw.outside[m.Lang], t.Norm, folded) {
			continue
		}
		if i := neighbour(toks, j, -1); i >= 0 && toks[i].Kind == lint.Word && lw.bareMine(m.Lang, toks[i].Norm, folded) {
			out = append(out, lint.Match{Cue: "lack", Span: lint.Span{Start: toks[i].Start, End: t.End}, First: i, Last: j})
		}
	}
	return out
}

// relativeMine reports whether the word before token i is a 1st person
// relative clause's verb ("yapabildiğim işlemler arasında değil").
func (lw *lackWords) relativeMine(l lint.Lang, toks []lint.Token, i int, folded bool) bool {
	p := neighbour(toks, i, -1)
	return p >= 0 && toks[p].Kind == lint.Word && len(toks[p].Norm) > 6 && lw.mineRelative[l] != nil &&
		lw.mineRelative[l].match(l, toks[p].Norm, folded)
}

// bareMine: a word of five bytes or more with the bare 1st person
// possessive, -Im after a consonant or -m after a vowel ("alanım",
// "sahəm").
func (lw *lackWords) bareMine(l lint.Lang, w string, folded bool) bool {
	if len(w) <= 4 || lw.mineBare[l] == nil {
		return false
	}
	if lw.mineBare[l].match(l, w, folded) {
		return true
	}
	stem, ok := strings.CutSuffix(w, "m")
	r, _ := utf8.DecodeLastRuneInString(stem)
	return ok && strings.ContainsRune("aeıioöuüəAEIİOÖUÜƏ", r)
}

// foldedSorted is a bot-handoff word list per language, folded and
// sorted for a binary search of a word's start.
func foldedSorted(list string) map[lint.Lang][]string {
	out := map[lint.Lang][]string{}
	for l, set := range bothandoffData.WordSets(list) {
		for x := range set {
			out[l] = append(out[l], lint.Fold(l, x))
		}
		slices.Sort(out[l])
	}
	return out
}

// personReplies: a reply verb in the third person future (person_replies:
// "will reply", "yanıt verecek", "cavab verəcək") with a subject before it in
// its clause that is neither the bot or its system (not_people) nor "you"
// (you_subject): someone of any title will answer, a person ("a harbour
// master will reply here", "liman görevlisi cevap verecektir"; not "the
// system will reply with a menu").
type personReplies struct {
	notPeople oneOfOurs
	you       map[lint.Lang]map[string]bool
}

func (pr personReplies) found(m *lint.Message, pb phraseBook) bool {
	toks := m.Tokens()
	for _, mt := range pb.find(m, "person_replies") {
		if mt.First < 0 {
			continue
		}
		subject := false
		for j := neighbour(toks, mt.First, -1); j >= 0; j = neighbour(toks, j, -1) {
			t := toks[j]
			if t.Kind == lint.Punct && strings.ContainsAny(t.Norm, ".!?,;:") {
				break
			}
			if t.Kind != lint.Word {
				continue
			}
			if pr.you[m.Lang][t.Norm] || pr.notPeople.notPerson(m.Lang, lint.Fold(m.Lang, t.Norm)) {
				subject = false
				break
			}
			subject = true
		}
		if subject {
			return true
		}
	}
	return false
}

// dropMatches returns the matches that drop does not report, sharing the
// slice when none is dropped (the common case) and copying it otherwise,
// since the matches may be another rule's.
func dropMatches(ms []lint.Match, drop func(lint.Match) bool) []lint.Match {
	if !slices.ContainsFunc(ms, drop) {
		return ms
	}
	return slices.DeleteFunc(slices.Clone(ms), drop)
}
