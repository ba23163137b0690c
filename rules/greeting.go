package rules

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/msglint/msglint/lint"
)

var (
	greetingData    = loadData("greeting.yaml")
	greetingLexicon = Lexicon(greetingData.Lexicon)
)

// AwayWithoutTime is the finding the greeting rule gives an away message
// that does not say when a person will answer: a problem of its own, not a
// missing greeting, which a tool that counts findings tells apart by it.
const AwayWithoutTime = "the away message does not say when a person will answer"

// GreetingOptions configures the greeting rule.
type GreetingOptions struct {
	// Kinds are the message kinds that must open with a greeting: first
	// replies. A team whose away messages greet too adds away; an away
	// message is asked when a person will answer whatever the kinds.
	Kinds []lint.Kind `yaml:"kinds"`
	// Within is how many words from the start the greeting may stand.
	Within         int `yaml:"within"`
	LexiconOptions `yaml:",inline"`
}

var defaultGreeting = GreetingOptions{Kinds: []lint.Kind{lint.Greeting}, Within: 4}

// Greeting flags a first reply that does not greet and an away message
// that does not say when a person will answer.
var Greeting = &lint.Rule{
	Name: "greeting",
	Doc: lint.Doc{
		Title: "first reply without a greeting, away message without a time",
		Text: `Flags a first reply (kind: greeting; away messages too if you add them to kinds) that starts
straight with the business: no greeting ("Hi", "Merhaba", "Salam", "Günaydın", "Axşamınız xeyir", "Happy Friday",
"Hayırlı cumalar", "Cüməniz mübarək", "Selamün aleyküm", "Salaməleyküm", a wish of good work, "Kolay gelsin",
"Hayırlı işler", "Kolay gəlsin", "Yorulmayasınız", a hope that the customer is well, "Hope you're well",
"Umarım iyisinizdir", or asking after them, "How are you doing?", "Nasılsınız?", "Necəsiniz?" (not a way asked,
"How are you doing the transfer?", "How are you paying?"); not the first word of a business's name, "Salaam Bakery has your cake ready") and no
acknowledgement ("Thanks for your message", "Cheers for the photos", "Appreciate you reaching out",
"Mesajınız elimize ulaştı", "Mesajınız bizə gəlib çatdı", "Your message reached us", "Yazdığınız için
teşekkürler", "Müraciətinizə görə minnətdarıq", "Question received", "Talebiniz alınmıştır",
"Sorğunuz qəbul edildi"; not asked, "Question received?", nor the subject of what follows, "Messages received
after 6 pm are answered at 9") within its first words, also when typed without the
language's letters ("Mesajiniz icin tesekkurler"). In Turkish and Azerbaijani, where the verb ends the
sentence, a thank-you or a greeting verb may close the first clause ("Bize yazdığınız için çok teşekkür
ederiz", "Komandamız sizi salamlayır"). A
"please" at the start or a "thanks!" at the end is not a greeting, nor a greeting word after "the" ("the
morning class"); a greeting borrowed from another language ("Ciao", "Hola") is one; an interjection before it
("Oh, hi!", "Vay, ne güzel, yine bize yazmışsınız!") is not one of its first words, and a greeting
that ends its clause after a short noun phrase and a comma greets the customer it names ("A fellow
kite flyer, welcome!"; not "…, welcome discount included", nor a leave given to a bare plural, "Dogs on a
lead, welcome!", "Walk-ins welcome", wherever the clause it ends stands; "…, and welcome to our gym" is
a clause of its own). The singular "hoş geldin" or "xoş gəldin" before a noun with the possessive ending
is the first part of a compound and greets nobody, at the start too ("Xoş gəldin bonusu olaraq …"),
unless that noun ends its phrase with "!" or "," and is the one called ("Hoş geldin hemşehri!"). Past its first words, a hello or a welcome that is a clause of its
own greets too ("… Oh, and hello!", "…; bu arada hoş geldiniz", "Yeri gəlmişkən,
emalatxanamıza xoş gəlmisiniz!", a hello from us, "…, and hello from the sewing room, by the way!", "bu arada
atölyeden merhaba!"), and so does a thank-you for writing that opens a clause the message goes on after ("… per
tear. Thanks for getting in touch, by the way, and send us a photo", "Bu arada bize yazdığınız için
teşekkürler, …"; not one that ends the message, "… Thanks for getting in touch!", nor one that thanks for
something else or gives a reason, "bu arada yazdığınız için yanıt gecikti"); one that goes on into a noun or a verb does not ("a welcome voucher",
"ustamıza merhaba demeyi unutmayın", "hello to the new sauna"), nor a hello to a lowercase thing named after it
("Hello, dark mode!"), nor one after a colon, which a label or a screen says ("Walk-ins: welcome", "the screen
says: Welcome to …"), nor one tacked on after a comma at the end ("…, salamlar"). Telling how the customer
wrote to us is a correction, not a welcome ("Bize eksik yazmışsınız", "Bizə səhv yazmısınız"). An away message
is not asked to greet: it answers whoever writes while no one is there, often in the middle of a
conversation, and "We're closed until 9:00" is complete without a "Hi". It must say when a
person will answer ("tomorrow from 9:00", "yarın 09.00'dan itibaren", "sabah saat 9-dan"). In a
transcript, it flags the first brand reply without a greeting and a customer message that got no reply.
A locale string whose kind comes only from its key is checked when it is more than one sentence: one
sentence is a status line ("Webchat is closed at the moment") or a line of a page.`,
		Why: `The first reply sets the tone: a greeting, ideally with the customer's name ({{first_name}}),
tells them a person cares. An away message that does not say when someone will answer leaves them
waiting without knowing for how long; Messenger's away messages are meant to set that expectation.`,
		Examples: greetingData.Examples,
		Severity: lint.Warning,
		Default:  true,
	},
	Options: defaultGreeting,
	Lexicon: greetingData.Lexicon,
	New: lexiconRule(defaultGreeting, greetingLexicon, func(o *GreetingOptions) *LexiconOptions { return &o.LexiconOptions },
		func(o GreetingOptions, _ Lexicon, pb phraseBook) lint.Check {
			typos := pb.withTypos()
			// Made once a rule, not once a message.
			predicates := greetingData.WordSets("predicate")
			anywhere := greetingData.WordSets("first_sentence")
			ordinals := greetingData.WordSets("ordinal_endings") // a day of the month: see hasDayOfMonth
			ack := ackFrames{received: greetingData.WordSets("ack_received"), notBefore: greetingData.WordSets("ack_not_before"),
				notAfter: greetingData.WordSets("ack_not_after"), period: greetingData.WordSets("ack_period")}
			names := greetNames{business: greetingData.WordSets("business_nouns"), permission: greetingData.WordSets("permission_greetings"),
				vocatives: greetingData.WordSets("vocatives"), plural: greetingData.WordSets("plural_endings"),
				midReply: greetingData.WordSets("mid_reply"), openers: greetingData.WordSets("mid_reply_openers"),
				places: greetingData.WordSets("welcome_places"), verbs: greetingData.WordSets("mid_reply_verbs"),
				compound: greetingData.WordSets("compound_greetings"), heads: greetingData.WordSets("compound_head_endings"),
				contact: greetingData.WordSets("contact_words"), from: greetingData.WordSets("greet_from"),
				notHeads: greetingData.WordSets("compound_not_head_endings"), calledOurs: greetingData.WordSets("our_endings"),
				askedAfter: greetingData.WordSets("asked_after"), askedAfterTimes: greetingData.WordSets("asked_after_times")}
			return func(p *lint.Pass) { checkGreeting(p, o, pb, typos, predicates, anywhere, ordinals, ack, names) }
		}),
}

// ackFrames: the words that tell an acknowledgement from a question, a
// condition or a compound noun (see stated).
type ackFrames struct {
	received, notBefore, notAfter map[lint.Lang]map[string]bool
	// period: the prepositions of a time or a way after "received" that
	// make the noun and its participle a subject ("Messages received after
	// 6 pm are answered at 9"), not an acknowledgement.
	period map[lint.Lang]map[string]bool
}

// stated reports whether an acknowledgement is said as a statement: no
// question particle or counterfactual after it ("mesajı aldık mı",
// "yazmanız ne güzel olurdu") nor a noun that makes the message a
// compound ("your message history"); and one that tells we received or
// saw the message, no negation, condition or other subject before it in
// its clause ("Haven't received your request?", "If you got your question
// answered", "Once we've seen your message").
func (a ackFrames) stated(m *lint.Message, toks []lint.Token, mt lint.Match) bool {
	if mt.First < 0 {
		return true
	}
	n := neighbour(toks, mt.Last, 1)
	if n >= 0 && toks[n].Kind == lint.Word && a.notAfter[m.Lang][toks[n].Norm] {
		return false
	}
	// A question mark right after it asks whether it came ("Question
	// received?", "Mesajınız ulaştı?"): no acknowledgement.
	if n >= 0 && toks[n].Kind == lint.Punct && strings.HasPrefix(toks[n].Norm, "?") {
		return false
	}
	received := false
	for _, t := range toks[mt.First : mt.Last+1] {
		received = received || t.Kind == lint.Word && a.received[m.Lang][t.Norm]
	}
	if !received {
		return true
	}
	// The noun and its participle alone, no auxiliary between, before a
	// time or a way: a subject ("Messages received after 6 pm are answered
	// …"); "Your request was received after hours" still acknowledges.
	if n >= 0 && toks[n].Kind == lint.Word && neighbour(toks, mt.First, 1) == mt.Last && a.received[m.Lang][toks[mt.Last].Norm] &&
		a.period[m.Lang][toks[n].Norm] {
		return false
	}
	for j := neighbour(toks, mt.First, -1); j >= 0; j = neighbour(toks, j, -1) {
		if toks[j].Kind == lint.Punct && strings.ContainsAny(toks[j].Norm, ".!?,;:") {
			break
		}
		if toks[j].Kind == lint.Word && a.notBefore[m.Lang][toks[j].Norm] {
			return false
		}
	}
	return true
}

func checkGreeting(p *lint.Pass, o GreetingOptions, pb, typos phraseBook, predicates, anywhere, ordinals map[lint.Lang]map[string]bool, ack ackFrames, names greetNames) {
	m := p.Msg
	if m.Body.Text == "" || screenLine(m) {
		return
	}
	if m.IsKindIn(o.Kinds...) {
		checkGreets(p, o, pb, typos, predicates, anywhere, ack, names)
	}
	if m.IsKind(lint.Away) && !pb.has(m, "when") && !hasClockTime(m.Tokens()) && !hasDayOfMonth(m.Tokens(), ordinals[m.Lang]) {
		p.Report(lint.Diagnostic{
			Message:    AwayWithoutTime,
			Suggestion: greetingData.Say(m.Lang, "when"),
		})
	}
}

// checkGreets reports a message of the rule's kinds that does not open
// with a greeting or an acknowledgement.
func checkGreets(p *lint.Pass, o GreetingOptions, pb, typos phraseBook, predicates, anywhere map[lint.Lang]map[string]bool, ack ackFrames, names greetNames) {
	m := p.Msg
	// The index of the word at which the greeting must have started,
	// counted after a brand's name that labels the message.
	limit, words, from := len(m.Tokens()), 0, labelEnd(m)
	from = afterInterjection(m, from, interjections[m.Lang])
	for i, t := range m.Tokens()[from:] {
		if t.Kind == lint.Word || t.Kind == lint.Number {
			if words == o.Within {
				limit = from + i
				break
			}
			words++
		}
	}
	predicate := predicates[m.Lang]
	toks := m.Tokens()
	// Where the verb ends the sentence, a thank-you or a greeting verb closes
	// the first clause ("Bize yazdığınız için çok teşekkür ederiz",
	// "Komandamız sizi salamlayır"): those lists may stand anywhere in it
	// when they end it. In its middle, "yazdığınız için" gives a reason
	// ("Mesai saatleri dışında yazdığınız için yanıt veremiyoruz"). A
	// thank-you after a comma thanks for what was asked ("…göndərin,
	// təşəkkürlər!") and greets nobody.
	// Found only for a cue past the first words: most messages greet first.
	clauseEnd := -1
	closesClause := func(mt lint.Match) bool {
		if clauseEnd < 0 {
			clauseEnd = 0
			if ss := m.Sentences(); len(ss) > 0 {
				clauseEnd = len(toks)
				for i, t := range toks {
					if t.Start >= ss[0].End || t.Kind == lint.Punct && t.Norm == "," {
						clauseEnd = i
						break
					}
				}
			}
		}
		// A cue may run over the comma ("mesajınızı, aldık"): it closes
		// no clause.
		if mt.Last < 0 || mt.Last >= clauseEnd {
			return false
		}
		for _, t := range toks[mt.Last+1 : clauseEnd] {
			if t.Kind == lint.Word || t.Kind == lint.Number {
				return false
			}
		}
		return true
	}
	greeted := func(found func(list string) []lint.Match) bool {
		for _, list := range []string{"greet", "acknowledge"} {
			for _, mt := range found(list) {
				// After "are" a greeting word is said of something: "Walk-ins
				// are welcome", "you're welcome".
				if prev := neighbour(toks, mt.First, -1); mt.First >= 0 &&
					(mt.First < limit || anywhere[m.Lang][list] && closesClause(mt) || list == "greet" && (appositive(toks, from, mt) || names.ownClause(m, toks, mt)) ||
						list == "acknowledge" && names.ackClause(m, toks, mt, found(list), anywhere[m.Lang][list])) &&
					!(prev >= 0 && predicate[toks[prev].Norm]) && (list != "acknowledge" || ack.stated(m, toks, mt)) &&
					(list != "greet" || !names.named(m, toks, from, mt) && !names.compoundHead(m, toks, mt) && !names.asksAWay(m.Lang, toks, mt)) {
					return true
				}
			}
		}
		return false
	}
	// A second look for cues one typo away, all lists in one pass (once:
	// most messages have none, and findAll says so with nil).
	var all map[string][]lint.Match
	looked := false
	typo := func(list string) []lint.Match {
		if !looked {
			all, looked = typos.findAll(m), true
		}
		return all[list]
	}
	if !greeted(func(list string) []lint.Match { return pb.find(m, list) }) && !greeted(typo) {
		p.Report(lint.Diagnostic{
			Message:    "the message starts without a greeting or a thank-you for writing",
			Suggestion: greetingData.Say(m.Lang, "greet"),
		})
	}
}

// asksAWay reports whether a greeting that asks after the customer ends in
// a word that may go on into another question (asked_after: "How are you
// doing", "How are you keeping", "How are you today", "Nasılsınız") and a
// word goes on after it, no time (asked_after_times): "How are you doing
// the transfer?", "How are you doing this, …?", "How are you doing now
// that …", "How are you today planning to …" ask a way, and "Nasılsınız
// anketimiz", "Necəsiniz sorğusu" name a thing; "How are you doing
// today?", "Nasılsınız?" ask after the customer.
func (g greetNames) asksAWay(l lint.Lang, toks []lint.Token, mt lint.Match) bool {
	if mt.Last < 0 || !g.askedAfter[l][toks[mt.Last].Norm] {
		return false
	}
	next := neighbour(toks, mt.Last, 1)
	return next >= 0 && toks[next].Kind == lint.Word && !g.askedAfterTimes[l][toks[next].Norm]
}

// greetNames tells a greeting word that greets nobody from one that does:
// the first word of a business's name (business: "Salaam Bakery has your
// cake ready", "Merhaba Pastanesi", "Salam Market"), and a permission
// said of a bare plural that opens the message, "are" left out
// (permission, plural: "Dogs on a lead, welcome!", "Walk-ins welcome";
// not a plural the customer is called by, vocatives: "Friends, welcome!").
type greetNames struct {
	business, permission, vocatives, plural map[lint.Lang]map[string]bool
	// askedAfter, askedAfterTimes: see asksAWay.
	askedAfter, askedAfterTimes map[lint.Lang]map[string]bool
	// midReply, openers, places: see ownClause.
	midReply, openers, places, verbs map[lint.Lang]map[string]bool
	// compound, heads, notHeads: see compoundHead.
	compound, heads, notHeads, calledOurs map[lint.Lang]map[string]bool
	// contact: see ackClause; from: see ownClause.
	contact, from map[lint.Lang]map[string]bool
}

// ackClause reports whether an acknowledgement past the first words is a
// clause of its own that thanks the customer for writing ("… per tear.
// Thanks for getting in touch, by the way, and send us a photo", "…, and
// hello, thanks for getting in touch. What height …?", "… Bu arada bize
// yazdığınız için teşekkürler, fotoğraf gönderin"): it opens its clause
// (only openers between it and the punctuation before it: "and", "by the
// way", "bu arada", "yeri gəlmişkən"), its clause names the writing
// (contact: "touch", "message", "yazdığınız", "müraciətiniz", within
// maxAckObject words after the acknowledgement), and the
// message goes on after that clause: a thank-you that ends the message
// thanks for what was asked or signs off ("…, thanks!", "Thanks for your
// order."). Where the verb ends the clause (final), an acknowledgement
// must end it too: "bu arada yazdığınız için yanıt gecikti" gives a reason.
// maxAckObject is how many words after an acknowledgement may name the
// writing it thanks for: the object of its "for" ("Thanks for getting in
// touch", "Thanks for your message"), not a word further on ("Thanks for
// your patience with our slow replies to messages").
const maxAckObject = 3

func (g greetNames) ackClause(m *lint.Message, toks []lint.Token, mt lint.Match, all []lint.Match, final bool) bool {
	l := m.Lang
	if mt.First < 0 || g.contact[l] == nil {
		return false
	}
	contact, end, lastWord, after := false, -1, -1, 0
	for k := mt.First; k < len(toks); k++ {
		t := toks[k]
		if k > mt.Last && t.Kind == lint.Punct && strings.ContainsAny(t.Norm, ".!?,;:—–") {
			end = k
			break
		}
		if t.Kind == lint.Word || t.Kind == lint.Number {
			lastWord = k
			if k > mt.Last {
				after++
			}
			contact = contact || after <= maxAckObject && g.contact[l][t.Norm]
		}
	}
	if !contact || end < 0 {
		return false
	}
	goesOn := false
	for _, t := range toks[end:] {
		if goesOn = t.Kind == lint.Word || t.Kind == lint.Number; goesOn {
			break
		}
	}
	if !goesOn {
		return false
	}
	if final {
		ends := false
		for _, a := range all {
			ends = ends || a.Last == lastWord && a.First >= mt.First
		}
		if !ends {
			return false
		}
	}
	for j := neighbour(toks, mt.First, -1); ; j = neighbour(toks, j, -1) {
		if j < 0 || toks[j].Kind == lint.Punct && strings.ContainsAny(toks[j].Norm, ".!?,;—–") {
			return true
		}
		if toks[j].Kind != lint.Word || !g.openers[l][toks[j].Norm] {
			return false
		}
	}
}

// ablativeBefore reports whether the word at j says where a greeting comes
// from with an ending of from (the ablative: "dikimhaneden merhaba",
// "tikiş otağından salam").
func (g greetNames) ablativeBefore(l lint.Lang, toks []lint.Token, j int) bool {
	if j < 0 || toks[j].Kind != lint.Word {
		return false
	}
	w := toks[j].Norm
	for e := range g.from[l] {
		if len(w) > len(e)+2 && strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// fromPhrase is the token after a "from" phrase that ends its clause
// right after a hello ("and hello from the sewing room, …"): the word at n
// is one of from, then at most maxFromWords words, no number, up to a
// clause's punctuation; -1 if none.
func (g greetNames) fromPhrase(l lint.Lang, toks []lint.Token, n int) int {
	const maxFromWords = 5
	if n < 0 || toks[n].Kind != lint.Word || !g.from[l][toks[n].Norm] {
		return -1
	}
	words := 0
	for k := neighbour(toks, n, 1); k >= 0; k = neighbour(toks, k, 1) {
		switch t := toks[k]; {
		case t.Kind == lint.Punct && strings.ContainsAny(t.Norm, ".!?,;"):
			if words == 0 {
				return -1
			}
			return k
		case t.Kind != lint.Word:
			return -1
		}
		if words++; words > maxFromWords {
			return -1
		}
	}
	return -1
}

// compoundHead reports whether a greeting is the first part of a compound
// noun, wherever it stands: its last word is one of compound (the
// singular "hoş geldin", "xoş gəldin", which names the occasion) and the
// word right after it is a lowercase noun with the third person's
// possessive ending that marks a compound's head (heads: -(s)I, "hoş
// geldin hediyesi", "xoş gəldin paketi"), not an adjective that ends alike
// (notHeads: -lI, "değerli", "dəyərli") nor one before a noun of ours
// (calledOurs: -(I)mIz, "yeni üyemiz"), and not one that ends its phrase
// with "!", "," or the sentence's end, which is a vocative ("hoş geldin
// hemşehri!", "xoş gəldin bacı, …"). After a vowel the possessive is -sI:
// a word ending in two vowels has none.
func (g greetNames) compoundHead(m *lint.Message, toks []lint.Token, mt lint.Match) bool {
	l := m.Lang
	if mt.Last < 0 || !g.compound[l][toks[mt.Last].Norm] {
		return false
	}
	n := neighbour(toks, mt.Last, 1)
	if n < 0 || n != mt.Last+2 || toks[n].Kind != lint.Word || upperInitial(m.Body.Text[toks[n].Start:toks[n].End]) {
		return false
	}
	w := toks[n].Norm
	for e := range g.notHeads[l] {
		if strings.HasSuffix(w, e) {
			return false
		}
	}
	// A word that ends its phrase with "!", "," or the sentence's end is
	// the one called, whatever its last vowel ("hoş geldin hemşehri!",
	// "xoş gəldin bacı"); a compound's head goes on into its clause
	// ("hoş geldin kuponu olarak", "xoş gəldin bonusu qazanın").
	if v := neighbour(toks, n, 1); v < 0 || toks[v].Kind == lint.Punct && strings.ContainsAny(toks[v].Norm, "!,.?") {
		return false
	}
	// An adjective before the customer called ours ("hoş geldin yeni
	// üyemiz"): a vocative, not a compound.
	if v := neighbour(toks, n, 1); v == n+2 && toks[v].Kind == lint.Word {
		for e := range g.calledOurs[l] {
			if strings.HasSuffix(toks[v].Norm, e) {
				return false
			}
		}
	}
	for e := range g.heads[l] {
		if len(w) > len(e)+2 && strings.HasSuffix(w, e) && !(utf8.RuneCountInString(e) == 1 && endsInVowel(w[:len(w)-len(e)])) {
			return true
		}
	}
	return false
}

// endsInVowel reports whether a Turkish or Azerbaijani stem ends in a
// vowel: after one the possessive is -sI ("hediyesi"), never a bare high
// vowel, so a word ending in two vowels is no possessive.
func endsInVowel(w string) bool {
	r, _ := utf8.DecodeLastRuneInString(w)
	return strings.ContainsRune("aeıioöuüə", r)
}

// maxBeforeGreeting is how many words (a place in the dative, an adverb:
// "sergimize", "yine") may stand between a clause's start and a
// greeting that is a verb ending its clause (verbs: "hoş geldiniz", "xoş
// gəlmisiniz").
const maxBeforeGreeting = 2

// ownClause reports whether a hello or a welcome past the first words is a
// clause of its own said to the customer ("…, and hello, by the way",
// "…; bu arada hoş geldiniz, …", "Bu arada mağazamıza hoş geldiniz."): its
// first word is one of midReply, it starts after a clause's punctuation or
// one of openers ("and", "by the way", "bu arada", "və"), and it ends
// before punctuation or the message's end ("welcome to" a place in
// English). A greeting word that goes on into a noun or a verb is a
// compound or is reported ("hoş geldin indirimi", "merhaba demek için",
// "say hello to the new range").
func (g greetNames) ownClause(m *lint.Message, toks []lint.Token, mt lint.Match) bool {
	l := m.Lang
	if mt.First < 0 || !g.midReply[l][toks[mt.First].Norm] {
		return false
	}
	n := neighbour(toks, mt.Last, 1)
	sent := false
	if f := g.fromPhrase(l, toks, n); f >= 0 && toks[mt.First].Norm != "welcome" {
		n, sent = f, true // "hello from the sewing room, …": a hello sent from us, to the customer
	}
	switch {
	case n < 0 || toks[n].Kind == lint.Punct && toks[n].Norm != "-" && toks[n].Norm != "'":
		if !sent && n >= 0 && toks[n].Norm == "," && g.greetsThing(m, toks, n) {
			return false
		}
	case toks[n].Kind == lint.Word && g.places[l][toks[n].Norm] && toks[mt.First].Norm == "welcome":
		// "welcome to the studio", "welcome to Luma": a place, not a verb.
		p := neighbour(toks, n, 1)
		if p < 0 || toks[p].Kind != lint.Word || !g.places[l][toks[p].Norm] && !upperInitial(m.Body.Text[toks[p].Start:toks[p].End]) {
			return false
		}
	default:
		return false
	}
	// After a bare comma, a greeting that ends the message signs off a
	// sentence ("…, salamlar", "…deyirik, xoş gəlmisiniz."); one that the
	// message goes on after, or that a connector opens, greets.
	goesOn := false
	for k := n; k >= 0 && k < len(toks) && !goesOn; k++ {
		goesOn = toks[k].Kind == lint.Word || toks[k].Kind == lint.Number
	}
	words, opened := 0, false
	for j := neighbour(toks, mt.First, -1); ; j = neighbour(toks, j, -1) {
		if j < 0 || toks[j].Kind == lint.Punct && strings.ContainsAny(toks[j].Norm, ".!?,;:—–") {
			if j >= 0 && strings.Contains(toks[j].Norm, ":") {
				// After a colon it is what a label or a screen says
				// ("Walk-ins: welcome", "the screen says: Welcome to …").
				return false
			}
			if j >= 0 && toks[j].Norm == "," && !opened && !goesOn {
				// "yeri gəlmişkən, …", "by the way, …": a connector before
				// the comma opens it.
				if p := neighbour(toks, j, -1); p < 0 || toks[p].Kind != lint.Word || !g.openers[l][toks[p].Norm] {
					return false
				}
			}
			// A hello from a place is the ablative alone before it, after
			// openers at most ("bu arada atölyeden merhaba!"); more words
			// before make it a text shown somewhere ("ekranda sunucudan
			// merhaba, yazısını …").
			return words == 0 || words <= maxBeforeGreeting && g.verbs[l][toks[mt.First].Norm] || words == 1 && g.ablativeBefore(l, toks, neighbour(toks, mt.First, -1))
		}
		if toks[j].Kind != lint.Word {
			return false
		}
		if g.openers[l][toks[j].Norm] {
			// Only openers, or a few words after them where the verb ends
			// the clause.
			opened = true
			continue
		}
		words++
	}
}

// greetsThing reports whether a hello's comma (token c) is followed by a
// lowercase noun phrase that ends its sentence: the hello greets that thing
// ("Hello, dark mode!", "and hello, pumpkin spice latte!"), not the customer
// (a name, a placeholder or vocatives: "hello, everyone!"); one more comma
// goes on into the clause ("…, and hello, by the way, …"), and one that
// speaks of or asks the customer is said to them ("…, nice to have you with
// us", "…, first time here?"). English only.
func (g greetNames) greetsThing(m *lint.Message, toks []lint.Token, c int) bool {
	if m.Lang != "en" {
		return false
	}
	words := 0
	for k := neighbour(toks, c, 1); k >= 0; k = neighbour(toks, k, 1) {
		t := toks[k]
		if t.Kind == lint.Punct && strings.ContainsAny(t.Norm, ".!?") {
			if strings.Contains(t.Norm, "?") {
				return false
			}
			break
		}
		if t.Kind != lint.Word || m.InPlaceholder(lint.Span{Start: t.Start, End: t.End}) || g.vocatives[m.Lang][t.Norm] || upperInitial(m.Body.Text[t.Start:t.End]) {
			return false
		}
		switch t.Norm {
		case "you", "your", "yours", "us":
			return false
		}
		words++
	}
	return words > 0
}

func (g greetNames) named(m *lint.Message, toks []lint.Token, from int, mt lint.Match) bool {
	l := m.Lang
	if mt.First < 0 {
		return false
	}
	// The greeting and a capitalised noun of a business right after it.
	if n := neighbour(toks, mt.Last, 1); n >= 0 && toks[n].Kind == lint.Word && upperInitial(m.Body.Text[toks[n].Start:toks[n].End]) &&
		upperInitial(m.Body.Text[toks[mt.First].Start:toks[mt.First].End]) {
		next := lint.Fold(l, toks[n].Norm)
		for b := range g.business[l] {
			if strings.HasPrefix(next, lint.Fold(l, b)) {
				return true
			}
		}
	}
	if !g.permission[l][toks[mt.First].Norm] || mt.First <= from {
		return false
	}
	// The leave is given to the noun phrase that opens the welcome's own
	// clause, in the first words or past them ("The gallery is free on
	// Sundays. Dogs on a lead, welcome; …"); a connector right before the
	// welcome opens a clause of its own, which greets ("…, and welcome to
	// the club").
	if p := neighbour(toks, mt.First, -1); p >= 0 && toks[p].Kind == lint.Word && g.openers[l][toks[p].Norm] {
		return false
	}
	start := from
	for i := mt.First - 1; i >= from; i-- {
		if toks[i].Kind == lint.Punct && strings.ContainsAny(toks[i].Norm, ".!?;:") {
			start = i + 1
			break
		}
	}
	first := -1
	for i := start; i < mt.First; i++ {
		if toks[i].Kind == lint.Word || toks[i].Kind == lint.Number {
			first = i
			break
		}
	}
	if first < 0 || toks[first].Kind != lint.Word || g.vocatives[l][toks[first].Norm] {
		return false
	}
	// A hyphenated compound's last part carries its number ("walk-ins").
	for first+2 < mt.First && toks[first+1].Kind == lint.Punct && toks[first+1].Norm == "-" && toks[first+1].Start == toks[first].End &&
		toks[first+2].Kind == lint.Word && toks[first+2].Start == toks[first+1].End {
		first += 2
	}
	w := toks[first].Norm
	for e := range g.plural[l] {
		if len(w) > len(e)+1 && strings.HasSuffix(w, e) && !strings.HasSuffix(w, e+e) && !strings.HasSuffix(w, "'"+e) {
			return true
		}
	}
	return false
}

// maxAppositive is how many words a noun phrase that names the customer
// may have before the comma and the greeting after it.
const maxAppositive = 5

// appositive reports whether a greeting stands right after a short noun
// phrase set off by a comma that opens the message, and ends its clause
// with more of the message after it:
// the phrase names the customer the greeting greets ("A fellow kite
// flyer, welcome!", "Bir piyano tutkunu daha aramızda, hoş geldiniz!").
// A greeting word that goes on into its clause is a compound or a
// predicate ("…, welcome discount included", "…, welcome to book").
func appositive(toks []lint.Token, from int, mt lint.Match) bool {
	comma := neighbour(toks, mt.First, -1)
	if comma < from || toks[comma].Kind != lint.Punct || toks[comma].Norm != "," {
		return false
	}
	words := 0
	for _, t := range toks[from:comma] {
		switch {
		case t.Kind == lint.Word || t.Kind == lint.Number:
			words++
		case t.Kind == lint.Punct && strings.ContainsAny(t.Norm, ".!?,;:"):
			return false
		}
	}
	if words == 0 || words > maxAppositive {
		return false
	}
	n := neighbour(toks, mt.Last, 1)
	if n < 0 || toks[n].Kind != lint.Punct || !strings.ContainsAny(toks[n].Norm, ".!,;") {
		return false
	}
	// The message goes on: a greeting that ends it closes what came before
	// ("Mağaza 9-da açılır, dəyərli müştərimiz.").
	for _, t := range toks[n:] {
		if t.Kind == lint.Word || t.Kind == lint.Number {
			return true
		}
	}
	return false
}

// labelEnd is the index of the token after a label that opens a message:
// a brand's name of up to six capitalised words (joined by "&" or a
// hyphen) and a colon ("Cross & Hale Funeral Directors: good morning"); 0
// when the message opens otherwise.
func labelEnd(m *lint.Message) int {
	const maxWords = 6
	toks, words := m.Tokens(), 0
	for i, t := range toks {
		switch {
		case t.Kind == lint.Space && !strings.Contains(m.Body.Text[t.Start:t.End], "\n"):
		case t.Kind == lint.Word && upperInitial(m.Body.Text[t.Start:t.End]):
			if words++; words > maxWords {
				return 0
			}
		case t.Kind == lint.Punct && (t.Norm == "&" || t.Norm == "-"):
		case t.Kind == lint.Punct && t.Norm == ":" && words > 0:
			return i + 1
		default:
			return 0
		}
	}
	return 0
}

// screenLine reports whether a locale string whose kind was only guessed
// from a word of its key (KindFrom `key "closed"`; not a kind the config's
// kinds: globs give) is one sentence: a status line ("Webchat is closed at
// the moment"), a title or one line of a welcome page, shown beside the
// screen's other strings, not a message that opens a conversation alone.
func screenLine(m *lint.Message) bool {
	return strings.HasPrefix(m.KindFrom, "key ") && len(m.Sentences()) <= 1
}

// hasClockTime finds a time of day such as 9:00, 09.00 or 14:30.
// hasDayOfMonth reports whether a day of the month is written as an
// ordinal, a number from 1 to 31 with one of ordinal endings joined to it
// ("on the 27th", "by the 3rd").
func hasDayOfMonth(toks []lint.Token, ordinal map[string]bool) bool {
	if ordinal == nil {
		return false
	}
	for i, t := range toks {
		if t.Kind != lint.Number || i+1 >= len(toks) || toks[i+1].Start != t.End || !ordinal[toks[i+1].Norm] {
			continue
		}
		if n, err := strconv.Atoi(t.Norm); err == nil && n >= 1 && n <= 31 {
			return true
		}
	}
	return false
}

func hasClockTime(toks []lint.Token) bool {
	for _, t := range toks {
		if t.Kind == lint.Number && len(t.Norm) >= 4 && len(t.Norm) <= 5 {
			if c := t.Norm[len(t.Norm)-3]; (c == ':' || c == '.') && t.Norm[len(t.Norm)-2] <= '5' {
				return true
			}
		}
	}
	return false
}

// interjections are, per language, the exclamations that may open a
// message before its greeting ("Oh, hi!", "Vay, merhaba", "Vay, ne güzel,
// yeniden bize yazmışsınız!"): they are not among its first words.
var interjections = greetingData.WordSets("interjections")

// afterInterjection is the token after an interjection that opens the
// message at token from, with a comma or "!" after it; else from.
func afterInterjection(m *lint.Message, from int, set map[string]bool) int {
	toks := m.Tokens()
	i := from
	for i < len(toks) && toks[i].Kind != lint.Word && toks[i].Kind != lint.Number {
		i++
	}
	if i >= len(toks) || !set[toks[i].Norm] {
		return from
	}
	if j := neighbour(toks, i, 1); j >= 0 && toks[j].Kind == lint.Punct && strings.ContainsAny(toks[j].Norm, ",!") {
		return j + 1
	}
	return from
}
