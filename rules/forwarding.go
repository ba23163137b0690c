package rules

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/msglint/msglint/lint"
)

var (
	forwardingData    = loadData("forwarding.yaml")
	forwardingLexicon = Lexicon(forwardingData.Lexicon)
)

// ForwardingConsentOptions configures the forwarding-consent rule.
type ForwardingConsentOptions struct {
	LexiconOptions `yaml:",inline"`
}

// ForwardingConsent flags a message saying the customer's conversation or
// data went to a third party without asking.
var ForwardingConsent = &lint.Rule{
	Name: "forwarding-consent",
	Doc: lint.Doc{
		Title: "customer data passed to a third party without asking",
		Text: `Flags a message that says the customer's message, conversation, documents or details (or something
together with them: "adlarınızla birlikdə"; not a paper packed with the goods for a carrier, "your parcel, together with
your invoice") were, or will be, forwarded, redirected, shared, handed, passed, shown or uploaded (in any tense, active or passive) to a third
party — a courier, partner, airline, contractor, insurer, lab, reseller, grower, farmer, sponsor, a
children's entertainer ("ad günü animatoru"), a craftsperson ("the luthier"), a quarry, a delivery app, a
party we know or trust ("a roofer we know", "tanıdığımız bir ustaya", "etibar etdiyimiz ustaya", "tanış
ustaya"; not "tanış olduq", we read it), a public body's officer, committee or service ("the county heritage
officer", "the local planning committee", "the regional ambulance service"; a service with regional, local, national or
central only for a public service's work: "the regional repairs service" is ours), a plantation, a club of some kind ("the
sailing club") or a cooperative, a business named by its trade ("tabakhane", "kahvehane", "çay evi": -hane
or "* evi", not someone's home, "annenizin evi"), an archive or a library of an institution or a place
("the city archive", "the university library"; not storage, "the photo library", "the digital archive"), the owner or operator of someone else's place ("the owner of the
cottage", "otopark işletmecisi"), a trust or a boatyard, another body's office ("the tourism
office", "the Passport Office"), administration ("liman idarəsi", "site yönetimi") or chair's office with a
public body's kind ("liman başkanlığı"; a board's, "yönetim kurulu başkanlığı", is ours), another company
named or not ("Assay Office", "Quality Motors", "Qranit Usta MMC", "Pedal A.Ş.'ye": the case after a legal form's period), a carrier's people or branch named by its capitals ("the DHL driver", "DHL şubesine"), a firm "we work with", "that
supplies us" or "that sells us" ("bize tedarik eden", "bizə tədarük edən"; "the team that made your sofa" is ours), a building's manager ("site
yöneticisine", "bina müdirinə"), or another organisation's own team, even a supplier's team the message calls ours ("our
supplier's social media team", "tedarikçimiz Yeşil Vadi ekibi") — that such a party has or
received them ("the locksmith has your number"; "them", "ona", "onlara" after such a party, "they" before "now have", "adresinizi ona ilettik", but not
before a postposition, "ona göre", "ona görə də"; "your order number" is data even for a courier, "your product code"
describes the goods), was notified of them or they were reported to it, was copied into the
conversation ("tedarikçiyi yazışmaya dahil ettik", "təchizatçını yazışmaya əlavə etdik", "bilgiye ekledik", "bilgi olarak ekledik", "üreticiyi de e-postaya ekleyerek ilettik",
"copied in our importer, Vinoteca Ltd, on this thread", "cc'd Parcelnet on your email", "yazışmaya kattık",
"yazışmaya qoşduq", "CC'ledik", "firmasına CC etdik"; the party copied in is the verb's object, or its subject
with a passive verb, "Kargo firması yazışmaya eklendi", while a party with no case before an active verb copied us in, "Tedarikçi bizi
yazışmaya ekledi" is fine; cc'd, copied in or looped in with no word for the conversation, "we've CC'd the
supplier", "I've looped in the manufacturer"; not "we were cc'd on the courier's reply" nor "copied in the manufacturer's terms") or was given the customer's
address for its mailing list, without asking first. Asking for consent ("May we share your number with the courier?", "Kargo firmasıyla
paylaşmamıza izin verir misiniz?") or saying it was given ("with your permission", "müsaadenizle",
"icazənizlə") — but not its absence: "without your permission", "izniniz olmadan", "icazənizi almadan"
are flagged —, an offer or a condition ("we can pass it on if you agree",
"paylaşabiliriz"), a negation ("we will never share your number"), a receiver set aside for another ("…, not to the
DHL depot", "kargo firmasına değil, size", "kuryerə yox"; but "not only to the courier" is flagged), a compound's head after a party's noun ("passed the
repair report to our service manager"; a noun with "of" or a number after it is what was given: "sent the insurer video of the damage" is
flagged), giving the customer the third
party's contact instead (its tracking link or form added to the conversation: "kargo firmasının takip
linkini yazışmaya ekledik"), a word in capitals alone ("KYC", "AML": a company is read from its legal form
or a name, not from capitals, unless it is a carrier known by one, "DPD", "DHL-ə"), passing it to the brand's own teams (billing, the store manager, Customer
Care, head office, the office, the technical service at our branch), premises or people ("our studio", "our restaurant", "our
florist", "otelimize", "kafe sahibimize", "our team in the studio", "kliniğimizin laboratuvarına": "our" makes them ours, unless they are a role outside the
brand such as "our supplier", "a freelance plasterer", "anlaşmalı bir döşemeciye", "our importer", "our publisher", "our bakery supplier", "our courier partner", "anlaşmalı terzimize", a carrier named by a brand
set off by commas ("our courier, ParcelDash,"; a person's name there, or "who" after the name, keeps it ours: "our driver, Tom", "our
stylist, DeShawn, who…"), a company, bank or carrier of a place
of ours ("otelimizin transfer şirketine", "mağazamızın anlaşmalı kuryesine"), or a company of a trade
such as "our cleaning company"; after "our" an outside role's noun before our own role names that role's work,
"our importer account manager"), a party's word that tells a kind of our customers ("toptancı müşteri listemize"), an agent, officer, liaison, desk, committee, service or manager of ours ("one of our agents", "the kennel manager on our team"; without "our", another party's noun before one makes it
that party's: "the insurance agent" is flagged; even after "our" an outside party's noun before a service or committee names that party's
business: "our partner cleaning service" is flagged; a manager named by a place is the place's own, ours, as "the store manager" is, unless the place is named after "at": "the hotel manager" is fine, "the marina manager at Port Hamble" flagged), the owner or the club alone ("the owner", "the shop owner", "your
home club", "the Loyalty Club", "the club's welfare officer") or an event's own officials, the account or card holder (the
customer), advice such as "take your results with you when you go to the hospital", a party the customer is to
reach ("sığortaçınıza müraciət etmək üçün … sizə göndərdik"; one we reach on the customer's behalf,
"adınıza … başvurmak için … ilettik", got it), someone's words
in quotes or in another clause (a semicolon ends one), what the customer sent themselves ("the form you submitted to the council"), handing goods
such as a parcel, or anything of the customer's that is not data ("your repaired watch"), over to a courier
(hand over, give, teslim et, təhvil ver; a code or a note passed on, "kapı şifrenizi kuryeye ilettik", "your key code", is data; "the hinge pin" and "the measurements of the panel" are the goods', and a bare noun right before the verb sends none of the customer's data: "kuryeye telefon attık", "kuryerə mesaj göndərdik", we phoned or messaged it), and filing an application with the authority that decides it (a visa
application with the consulate) are fine. In a transcript, a forward event or such a message is fine
after the customer's consent_granted, and
flagged again after consent_revoked.`,
		Why: `A private chat is private: passing it or the customer's details to another company without
consent breaks their trust and, under data protection law (GDPR, Turkey's KVKK, Azerbaijan's law on
personal data), needs a lawful basis; asking first is both polite and safe.`,
		Examples: forwardingData.Examples,
		Severity: lint.Error,
		Default:  true,
	},
	Options: ForwardingConsentOptions{},
	Lexicon: forwardingData.Lexicon,
	New: lexiconRule(ForwardingConsentOptions{}, forwardingLexicon, func(o *ForwardingConsentOptions) *LexiconOptions { return &o.LexiconOptions },
		func(_ ForwardingConsentOptions, _ Lexicon, pb phraseBook) lint.Check {
			fw, gate := newForwardingWords(), newForwardingGate(pb)
			return func(p *lint.Pass) { fw.check(p, pb, gate) }
		}),
}

// forwardingWords are the rule's word sets (see forwarding.yaml), per
// language, read when a check is built.
type forwardingWords struct {
	owner, to, ownedEndings, verbPersonEndings, receiverEndings, with,
	voiceEndings, moodEndings, conditionalEndings, moodNext, ourEndings, genitiveEndings, nobody, which,
	notTo, infinitive, imperativeEndings, infinitiveEndings, bareNameEndings, attributiveEndings,
	withEndings, withVerbs, contrast, own, be, determiners, notSent, massData, ifYou, headEndings, participle, externalRoles, nounParticiple, imperativeBefore, numberCues, atEndings, receives, notReceiverEndings, relativeYou, postpositions map[lint.Lang]map[string]bool
	// copyIn: the verbs that copy a party into the conversation (copied,
	// cc'd, added); copyInOnly: those of them that send nothing otherwise
	// (added); copyInto: the words for the conversation itself.
	copyIn, copyInOnly, copyInto map[lint.Lang]map[string]bool
	// hardStems: verb lemmas that keep their last consonant before a
	// vowel (Turkish "at": atın, atıldı), where the lemma's forms soften it;
	// pastOnly: colloquial sending verbs that send only in the past
	// (pastEndings: "attık", "atdıq"; "atır" throws, drops, in general).
	hardStems, pastOnly, pastEndings map[lint.Lang]map[string]bool
	// copyBare (English): the copy-in verbs whose object is the party
	// copied into the conversation without naming it ("cc'd the
	// supplier"), and copyParticles the particle that does so after any
	// of them ("copied in", "looped in").
	copyBare, copyParticles map[lint.Lang]map[string]bool
	// copyParticleVerbs (English): the copy-in verbs the particle follows
	// ("copied in", "looped in"; "added in" includes a thing).
	copyParticleVerbs map[lint.Lang]map[string]bool
	// ownServices: the services a customer holds an account with (their
	// e-mail provider, their server, their organisation and its
	// administrators); serviceAdmins: the administrators of one of them
	// ("organisation administrators"); chosen: the
	// lemmas of choosing, a receiver so chosen by the customer is theirs;
	// converbEndings: a verb's endings that make a clause of time ("while
	// sending"); subjectParticiple: the participle that modifies the noun
	// after it ("paylaşılan bir posta kutusu", a shared mailbox);
	// leadAdverbs (English): the words besides -ly adverbs that may stand
	// before an imperative that starts a sentence ("Always send…").
	ownServices, serviceAdmins, chosen, converbEndings, subjectParticiple, leadAdverbs map[lint.Lang]map[string]bool
	// converbMain: the endings of a main verb addressed to the customer
	// (imperative, 2nd person), which a clause of time before it times;
	// chosenNegation: the negative after a verb's stem ("seçmediğiniz").
	converbMain, chosenNegation map[lint.Lang]map[string]bool
	// publicBodyHeads (Azerbaijani): the heads of a public body's compound
	// (idarə, xidmət), a body of the state's after one of public_works
	// ("meşə təsərrüfatı idarəsinə", "sərhəd xidmətinə").
	publicBodyHeads map[lint.Lang][]string
	// ownedOnly (English): words of data that also name a thing's parts
	// or sizes, data only after "your" or before "you" ("your
	// measurements", "the PIN you gave us").
	ownedOnly map[lint.Lang]map[string]bool
	// carriers: the lemmas of the third parties that carry goods (see
	// carriedGoods); honorifics: a title after a given name, which ends
	// the name and carries its case ("Elnur bəyə"); mailingLists: the
	// nouns (or, in Turkish and Azerbaijani, stems) for a mailing list
	// (see listed); asWords: "olarak", "olaraq" after "CC" (see
	// copiedInto).
	carriers, honorifics, mailingLists, asWords map[lint.Lang]map[string]bool
	// together (Turkish, Azerbaijani): the postposition after a comitative
	// that adds a thing to another ("adlarınızla birlikdə": together with
	// your names): the customer's word before it went too (see ownedWith).
	// ccWords: the words that, before as_words, say a party was copied
	// in ("CC olarak", Turkish's "bilgi olarak"; see copiedInto).
	together, ccWords map[lint.Lang]map[string]bool
	// companions: the words that join a thing to the goods it travels
	// with ("together with your invoice", "faturanızla birlikte", "qaiməniz
	// ilə birlikdə"); see withGoods.
	companions map[lint.Lang]map[string]bool
	// lightVerbs (Azerbaijani): stems after which a modifier is a
	// predicate ("tanış olduq"), no party's word; see modifiedHeads.
	lightVerbs map[lint.Lang]map[string]bool
	// objectDeterminers (English): a determiner between the receiver and
	// what was sent in the double object frame ("sent him the pictures";
	// see doubleObject).
	objectDeterminers map[lint.Lang]map[string]bool
	// namePlaces (English): prepositions after which a capitalised word is
	// a place ("in Portugal"), which no pronoun stands for.
	namePlaces map[lint.Lang]map[string]bool
	// subjectPronouns (English): see receiveSubject.
	subjectPronouns map[lint.Lang]map[string]bool
	// titles (English): a title before a name ("Dr", "Mrs"), between the
	// name and the "to" before it.
	titles map[lint.Lang]map[string]bool
	// articles (Turkish, Azerbaijani): the indefinite article, which a
	// modifier's head may stand after ("anlaşmalı bir döşemeciye",
	// "kənar bir elektrikçiyə"): a closed class of one word in each
	// language, as the titles are in English; the sets hold several
	// receivers with "bir" between the modifier and its head.
	articles map[lint.Lang]map[string]bool
	// agentHeads (English): our own roles whose modifier may name the
	// party they act for or face ("the insurance agent", "the police
	// officer", "the airline desk"): a third party's noun before one is
	// that party, unless "our" stands before it ("our importer liaison
	// officer").
	agentHeads map[lint.Lang]map[string]bool
	// bodyHeads (English): agent_heads that name a body, not a person
	// (service, committee): an outside party's noun before one names that
	// party's body even after "our" ("our partner cleaning service");
	// divisionKinds: institution_kinds every company also uses for its own
	// divisions (regional, local), a public body's only with a word of
	// publicWorks before the head ("the regional ambulance service").
	bodyHeads, divisionKinds, publicWorks map[lint.Lang]map[string]bool
	// placedHeads (English): our own roles named by the place they run
	// ("the hotel manager", ours as "the store manager" is); a third
	// party's noun before one is that party only with "at" and a
	// capitalised place after the role ("the marina manager at Port
	// Hamble") or "your" before the noun ("your building manager").
	placedHeads map[lint.Lang]map[string]bool
	// setAsideBefore (English), setAsideAfter (Turkish, Azerbaijani): the
	// negation that sets a receiver aside for another ("…, not to the
	// depot", "şubeye değil", "filiala yox"); onlyWords: "only" before it
	// adds the receiver instead ("not only to", "sadece … değil").
	setAsideBefore, setAsideAfter, onlyWords map[lint.Lang]map[string]bool
	// handOver: the lemmas of the verbs of handing a thing over (teslim
	// et, təhvil ver, hand), the only ones goods go to a carrier with (see
	// carrier); consentNegBefore, consentNegAfter: the words that negate a
	// consent cue before ("without your permission") or after it
	// ("izniniz olmadan", "icazənizi almadan"); institutionKinds: the
	// kinds that make an archive or a library another body ("the city
	// archive"), not storage ("the photo library").
	handOver, consentNegBefore, consentNegAfter, institutionKinds, institutionHeads map[lint.Lang]map[string]bool
	// identifiers (English): nouns that name a thing by a number or code
	// ("your order number", "your parcel reference"): after a word of
	// goods they make it the customer's data, not the goods.
	// acronymCompanies: the companies known by a name in capitals (the
	// carriers DPD, DHL, UPS); a word in capitals is otherwise a unit of
	// ours ("KYC", "AML"), no name (see namedRecipients).
	// placePreps (English): the prepositions of place after one of our
	// own before where it works ("our team at the factory", "in the
	// studio"; see atOurs).
	identifiers, acronymCompanies, placePreps map[lint.Lang]map[string]bool
	// pronounPostpositions (Turkish, Azerbaijani): the postpositions a
	// pronoun's dative governs ("ona göre", "ona görə", "ona rağmen",
	// "onlara ait"): a pronoun before one is no receiver.
	pronounPostpositions map[lint.Lang]map[string]bool
	// toYou (Turkish, Azerbaijani): the customer as a receiver ("size",
	// "sizə"; see contactGoal).
	toYou map[lint.Lang]map[string]bool
	// customerWords (Turkish, Azerbaijani): the stems of the words for
	// our customers (see customerWord).
	customerWords map[lint.Lang]map[string]bool
	// transactions (English): the words of goods for a transaction of the
	// customer's (order, booking, parcel), whose identifier is their data;
	// a product's identifier ("product code", "item number") describes
	// the goods.
	transactions map[lint.Lang]map[string]bool
	// systems (English): the nouns for a place of ours where the customer
	// finds their things; served: the third parties' nouns that also name
	// our customers, which before one of systems name whom it serves ("the
	// client portal").
	systems, served map[lint.Lang]map[string]bool
	// letHave (English): "let", which sends only as "let X have Y"; have:
	// the verb after the receiver (see lets).
	letHave, have map[lint.Lang]map[string]bool
	// notOwned: words that end as the 2nd person possessive does and own
	// nothing: an adverb ("yalnız", only), a pronoun for the customers
	// themselves ("hepiniz", "biriniz"), a noun ("dəniz", sea).
	notOwned map[lint.Lang]map[string]bool
	// verbalHeadSet: the endings of a verbal noun with a possessive and a
	// case ("bitməsinə", to its ending): after a third party's genitive it
	// names what the party does, no receiver, unless right before the
	// clause's verb.
	verbalHeadSet map[lint.Lang]*endingSet
	// copulaEndings: the copula on a predicate noun ("əməkdaşımızdır"),
	// see ownStated.
	copulaEndings map[lint.Lang]map[string]bool
	// atWords (English): "at" before a company's name (see atCompany).
	atWords map[lint.Lang]map[string]bool
	// compoundHeadEndings: the 3rd person possessive on a compound's head
	// ("kuryer xidməti ilə"), see compoundHead.
	compoundHeadEndings map[lint.Lang]map[string]bool
	// streets: the words that start a street's kind ("Road", "Caddesi"):
	// a capitalised place word before or in front of one names a street.
	streets map[lint.Lang]map[string]bool
	// legalForms: the abbreviations of a company's legal form (Ltd, MMC,
	// AŞ): in capitals after a capitalised word they end its name, and a
	// receiver's case may stand on them ("TəmizTəzyiq MMC-yə").
	legalForms map[lint.Lang]map[string]bool
	// bareGenitive: the genitive endings a name takes without an
	// apostrophe (Azerbaijani: "Taksinin").
	bareGenitive map[lint.Lang]map[string]bool
	// pronouns (English): the object pronouns that may stand for a third
	// party named before them ("handed them your name").
	pronouns map[lint.Lang]map[string]bool
	// ourWords (English): "our" near a name makes it one of our staff.
	ourWords map[lint.Lang]map[string]bool
	// events: nouns for an event; a team in its genitive is the
	// organiser's (see othersTeam).
	events map[lint.Lang]map[string]bool
	// applications and authorities: see toItsAuthority.
	applications, authorities map[lint.Lang]map[string]bool
	// ownerHeads, held and of: see holder.
	ownerHeads, held, of map[lint.Lang]map[string]bool
	// ownerPlaces (English): what a business calls its own place or
	// what the customer made with it; an owner of one is the brand or the
	// customer, not a third party (see bareOwner).
	ownerPlaces map[lint.Lang]map[string]bool
	// kindHeads (English): nouns that name another organisation only with
	// its kind before them in lower case after "the" or "a" ("the cycling
	// club"); alone, ours or the customer's ("the club", "your home club")
	// or in a name of our scheme ("the Loyalty Club") they are the brand's
	// (see unkinded).
	kindHeads map[lint.Lang]map[string]bool
	// heldData (English): the customer's data a third party may hold
	// ("the locksmith has your number"), see heldData.
	heldDataWords map[lint.Lang]map[string]bool
	// locatives (English): prepositions of place before a receiver of a
	// receive verb, see placed.
	locatives map[lint.Lang]map[string]bool
	// officeHeads (English): nouns for an office, another body's when a
	// kind or a name of its own stands before them ("the tourism office",
	// "the Passport Office"), ours alone or when that word names one of
	// our departments ("the office", "head office", "the press office";
	// see ownOffice).
	officeHeads map[lint.Lang]map[string]bool
	// checkBefore (English): words of checking before a holder, see
	// askedHolder.
	checkBefore map[lint.Lang]map[string]bool
	// motionVerbs, objectVerbs and accusativeEndings: see carried.
	motionVerbs, objectVerbs, accusativeEndings map[lint.Lang]map[string]bool
	// relativeWe: the 1st person plural relative participle ("düzenlediğimiz",
	// that we organise): it ends as our possessive does and makes nothing
	// ours (see ourStaff).
	relativeWe map[lint.Lang]map[string]bool
	// ownNames (English): words that make a capitalised name one of our
	// departments ("Customer Care", "Head Office"); see ownName.
	ownNames map[lint.Lang]map[string]bool
	// you and youGave (English): "the photos you sent": a relative clause
	// of the customer's giving after a noun makes it the customer's.
	you, youGave map[lint.Lang]map[string]bool
	// orgHeads: the words for a company (company, şirket, agentlik); after
	// another noun they name a company of that trade, another business
	// even when we call it ours ("our security company", "reklam
	// ajansımıza") or it stands at our place ("mağazamızdaki kargo
	// firmasına"); see ourReceiver and atOurPlace.
	orgHeads map[lint.Lang]map[string]bool
	// gerundBefore (English): a word that makes the sending verb right
	// after it a thing not done ("without sharing your number"); before
	// anything else it is an adverbial and negates nothing ("without asking
	// you first, we shared …").
	gerundBefore map[lint.Lang]map[string]bool
	// gerundTime, gerundTimeBlockers (English): see gerund.
	gerundTime, gerundTimeBlockers map[lint.Lang]map[string]bool
	// contactVerbs: verbs of reaching someone ("kargo firmasına ulaştık",
	// "şirkətə zəng etdik"): their receiver is the next clause's too
	// ("…, adresinizi paylaştık"); see otherClause.
	contactVerbs map[lint.Lang]map[string]bool
	// finiteEndings: tense endings of a finite verb; one right before a
	// comma ends a clause (see ownClause).
	finiteEndings map[lint.Lang]map[string]bool
	// aspectEndings and aspectVerbs: a verbal noun in the dative before a
	// verb of beginning or going on ("paylaşılmaya başlanacak", will start
	// to be shared) takes its mood from that verb (see mood).
	aspectEndings, aspectVerbs map[lint.Lang]map[string]bool
	// coordinators and subjects (English): ", and she'll …" starts another
	// clause with its own subject (see clauses).
	coordinators, subjects map[lint.Lang]map[string]bool
	// The same endings ready to match (see endingSet), built once.
	relativeYouSet, notReceiverSet, withSet, headSet, receiverSet, ownedSet map[lint.Lang]*endingSet
	// And as lists (see endingList): ourList and verbPersonList match an
	// ending with any stem before it, ifYouList with two bytes or more;
	// ownedList is owned_endings in order.
	ourList, verbPersonList, ifYouList map[lint.Lang]*endingList
	ownedList                          map[lint.Lang][]string
	// genitiveList: genitive_endings, the longest first, so that a word
	// two of them end ("şirketinin": "nin", "in") loses the whole one,
	// whatever the order of a set.
	genitiveList map[lint.Lang][]string
	// flags answer, for every word of a message with a sending verb, the
	// questions asked of each (see wordFlags and the bits below).
	flags langFlags
}

// The bits of forwardingWords.flags.
const (
	pronounBit     wordBits = 1 << iota              // pronouns
	contrastBit                                      // contrast
	ownerBit                                         // owner
	notOwnedBit                                      // notOwned
	relativeYouBit                                   // longer than 6 bytes, with an ending of relativeYou
	ownedEndingBit                                   // ends in one of ownedEndings (whatever the stem)
	capitalBit     wordBits = 1 << (maxWordSets - 1) // a capital letter or more (not noCapital)
)

// forwardingWordBits are the bits of a word in language l (see the bits).
func (fw *forwardingWords) forwardingWordBits(l lint.Lang) func(w, norm string) wordBits {
	sets := setBits(capitalBits, []map[string]bool{fw.pronouns[l], fw.contrast[l], fw.owner[l], fw.notOwned[l]})
	relativeYou, owned := fw.relativeYouSet[l], fw.ownedList[l]
	return func(w, norm string) wordBits {
		b := sets(w, norm)
		if len(norm) > 6 && relativeYou != nil && relativeYou.match(l, norm, false) {
			b |= relativeYouBit
		}
		if slices.ContainsFunc(owned, func(e string) bool { return strings.HasSuffix(norm, e) }) {
			b |= ownedEndingBit
		}
		return b
	}
}

// capitalBits is the bit the word as written gives forwardingWords.flags.
func capitalBits(w string) wordBits {
	if noCapital(w) {
		return 0
	}
	return capitalBit
}

// endingLists builds an endingList per language of a word set, for words
// with at least stem bytes before the ending.
func endingLists(sets map[lint.Lang]map[string]bool, stem int) map[lint.Lang]*endingList {
	out := map[lint.Lang]*endingList{}
	for l, ends := range sets {
		out[l] = newEndingList(l, slices.Sorted(maps.Keys(ends)))
		out[l].stem = stem
	}
	return out
}

// endingSets builds an endingSet per language of a word set.
func endingSets(sets map[lint.Lang]map[string]bool) map[lint.Lang]*endingSet {
	out := map[lint.Lang]*endingSet{}
	for l, ends := range sets {
		out[l] = newEndingSet(l, ends)
	}
	return out
}

func newForwardingWords() *forwardingWords {
	w := forwardingData.WordSets
	fw := &forwardingWords{owner: w("owner"), to: w("to"), ownedEndings: w("owned_endings"),
		verbPersonEndings: w("verb_person_endings"), receiverEndings: w("receiver_endings"), with: w("with"),
		voiceEndings: w("voice_endings"), moodEndings: w("mood_endings"),
		conditionalEndings: w("conditional_endings"), moodNext: w("mood_next"), ourEndings: w("our_endings"),
		genitiveEndings: w("genitive_endings"), nobody: w("nobody"), which: w("which"), notTo: w("not_to"), infinitive: w("infinitive"),
		imperativeEndings: w("imperative_endings"), infinitiveEndings: w("infinitive_endings"),
		bareNameEndings: w("bare_name_endings"), attributiveEndings: w("attributive_endings"),
		withEndings: w("with_endings"), withVerbs: w("with_verbs"), contrast: w("contrast"), own: w("own_words"),
		be: w("passive_be"), determiners: w("determiners"), notSent: w("not_sent"), massData: w("mass_data"),
		ifYou: w("if_you_endings"), headEndings: w("head_endings"), participle: w("copula_participle"),
		externalRoles: w("external_roles"), nounParticiple: w("noun_participle"),
		imperativeBefore: w("imperative_before"), numberCues: w("number_cues"),
		atEndings: w("at_endings"), receives: w("receive_verbs"), notReceiverEndings: w("not_receiver_endings"),
		relativeYou: w("relative_you_endings"), postpositions: w("postpositions"), copyIn: w("copy_in_verbs"),
		copyInOnly: w("copy_in_only"), copyInto: w("copy_into"), hardStems: w("hard_stems"), pastOnly: w("past_only"), pastEndings: w("past_endings"), copyBare: w("copy_in_bare"), copyParticles: w("copy_in_particles"), copyParticleVerbs: w("copy_in_particle_verbs"), ownedOnly: w("owned_only"), bareGenitive: w("bare_genitive_endings"),
		pronouns: w("pronouns"), ourWords: w("our_words"), events: w("events"),
		applications: w("applications"), authorities: w("authorities"), streets: w("streets"), legalForms: w("legal_forms"),
		compoundHeadEndings: w("compound_head_endings"), letHave: w("let_have"), have: w("have"),
		atWords: w("at_company"), copulaEndings: w("copula_endings"), notOwned: w("not_owned"), verbalHeadSet: endingSets(w("verbal_noun_heads")), systems: w("systems"), served: w("served"),
		ownerHeads: w("owner_heads"), ownerPlaces: w("owner_places"), kindHeads: w("kind_heads"), heldDataWords: w("held_data"), locatives: w("locatives"), officeHeads: w("office_heads"), checkBefore: w("check_before"), held: w("held"), of: w("of"), motionVerbs: w("motion_verbs"), objectVerbs: w("object_verbs"), relativeWe: w("relative_we_endings"), ownNames: w("own_names"), you: w("you"), youGave: w("you_gave"), orgHeads: w("org_heads"), gerundBefore: w("gerund_before"), gerundTime: w("gerund_time"), gerundTimeBlockers: w("gerund_time_blockers"), contactVerbs: w("contact_verbs"), finiteEndings: w("finite_endings"), aspectEndings: w("aspect_endings"), aspectVerbs: w("aspect_verbs"),
		coordinators: w("coordinators"), subjects: w("subjects"), accusativeEndings: w("accusative_endings"),
		carriers: w("carriers"), honorifics: w("honorifics"), titles: w("titles"), articles: w("articles"), agentHeads: w("agent_heads"), bodyHeads: w("body_heads"), divisionKinds: w("division_kinds"), publicWorks: w("public_works"), placedHeads: w("placed_heads"),
		setAsideBefore: w("set_aside_before"), setAsideAfter: w("set_aside_after"), onlyWords: w("only_words"), mailingLists: w("mailing_lists"), asWords: w("as_words"), together: w("together"), companions: w("companions"), lightVerbs: w("light_verbs"), ccWords: w("cc_words"), objectDeterminers: w("object_determiners"), namePlaces: w("name_places"), subjectPronouns: w("subject_pronouns"),
		handOver: w("hand_over"), consentNegBefore: w("consent_negated_before"), consentNegAfter: w("consent_negated_after"),
		institutionKinds: w("institution_kinds"), institutionHeads: w("institution_heads"),
		identifiers: w("identifiers"), acronymCompanies: w("acronym_companies"), placePreps: w("place_prepositions"), pronounPostpositions: w("pronoun_postpositions"), toYou: w("to_you"), customerWords: w("customer_words"), transactions: w("transactions"),
		ownServices: w("own_services"), serviceAdmins: w("service_admins"), chosen: w("chosen"), converbEndings: w("converb_endings"),
		subjectParticiple: w("subject_participle"), leadAdverbs: w("lead_adverbs"), converbMain: w("converb_main_endings"), chosenNegation: w("chosen_negation")}
	fw.publicBodyHeads = map[lint.Lang][]string{}
	for l, hs := range w("public_body_heads") {
		fw.publicBodyHeads[l] = slices.Sorted(maps.Keys(hs))
	}
	fw.relativeYouSet, fw.notReceiverSet, fw.withSet = endingSets(fw.relativeYou), endingSets(fw.notReceiverEndings), endingSets(fw.withEndings)
	fw.headSet, fw.receiverSet, fw.ownedSet = endingSets(fw.headEndings), endingSets(fw.receiverEndings), endingSets(fw.ownedEndings)
	fw.ourList, fw.verbPersonList, fw.ifYouList = endingLists(fw.ourEndings, 0), endingLists(fw.verbPersonEndings, 0), endingLists(fw.ifYou, 2)
	fw.ownedList, fw.genitiveList = map[lint.Lang][]string{}, map[lint.Lang][]string{}
	for l, ends := range fw.ownedEndings {
		fw.ownedList[l] = slices.Sorted(maps.Keys(ends))
	}
	for l, ends := range fw.genitiveEndings {
		fw.genitiveList[l] = slices.SortedFunc(maps.Keys(ends), func(a, b string) int { return cmp.Or(len(b)-len(a), strings.Compare(a, b)) })
	}
	langs := map[lint.Lang]bool{}
	for _, sets := range []map[lint.Lang]map[string]bool{fw.pronouns, fw.contrast, fw.owner, fw.notOwned, fw.relativeYou, fw.ownedEndings} {
		for l := range sets {
			langs[l] = true
		}
	}
	fw.flags = langFlagsOf(langs, fw.forwardingWordBits, fw.forwardingWordBits(""))
	return fw
}

// forwardingGate is the lists the rule asks about on every message with a
// sending verb before it reads them all, a language's found once, not
// once a message and list.
type forwardingGate map[lint.Lang]func() gateLists

type gateLists struct{ verbs, third, thirdModifier, partnerClause, own *lint.Phrases }

func newForwardingGate(pb phraseBook) forwardingGate {
	out := forwardingGate{}
	for l := range pb.lists {
		out[l] = sync.OnceValue(func() gateLists {
			return gateLists{verbs: pb.list(l, "verbs"), third: pb.list(l, "third"), thirdModifier: pb.list(l, "third_modifier"),
				partnerClause: pb.list(l, "partner_clause"), own: pb.list(l, "own")}
		})
	}
	return out
}

// hasIn reports whether a list (nil: none) finds a cue in a message.
func hasIn(p *lint.Phrases, m *lint.Message) bool { return p != nil && p.HasIn(m) }

func (fw *forwardingWords) check(p *lint.Pass, pb phraseBook, gate forwardingGate) {
	m := p.Msg
	lists, ok := gate[m.Lang]
	if !ok {
		return // a language without the rule's lists
	}
	g := lists()
	// Most messages forward nothing: look for a sending verb first.
	if !hasIn(g.verbs, m) {
		return
	}
	// Then for a receiver: a third party, a name or a team (another
	// organisation's: "the payment system's unit").
	toks := m.Tokens()
	var buf [128]wordBits
	flags := fw.flags.appendBits(buf[:0], m)
	names := fw.namedRecipients(m, toks, flags)
	// A pronoun stands for a name too in English; in Turkish and
	// Azerbaijani only for a third party's noun, which the lists find.
	if len(names) == 0 && !hasIn(g.third, m) && !hasIn(g.thirdModifier, m) && !hasIn(g.partnerClause, m) && !fw.othersTeams(m, toks, g.own) &&
		!(fw.ourList[m.Lang] == nil && anyHas(flags, pronounBit)) && len(fw.publicBodies(m, toks, lint.Span{Start: 0, End: len(m.Body.Text)}, lint.Folded(m.Lang, m.Body.Text))) == 0 {
		return
	}
	s := forwardingScratches.Get().(*cueScratch)
	defer forwardingScratches.Put(s)
	all := pb.findAllIn(m, s) // the other lists in one pass
	if slices.ContainsFunc(all["consent"], func(c lint.Match) bool { return !fw.consentNegated(m.Lang, toks, c) }) {
		return
	}
	sents := m.Sentences()
	if len(sents) == 0 {
		return
	}
	names = append(names, fw.appositiveNames(m, toks, all["third"], names)...)
	names = append(names, fw.appositiveBrands(m, toks, all["third"], names)...)
	// A condition or a question covers its whole sentence ("we will pass
	// it on, but only if you agree"); the frame itself must stand in one
	// clause ("the sample went to the lab, but your name was not passed").
	clauses := fw.clauses(m.Lang, toks, sents, flags)
	// A list's cues by clause (or sentence), indexed as spans are.
	byClause := func(list string, spans []lint.Span) [][]lint.Match {
		out := make([][]lint.Match, len(spans))
		if len(spans) == 0 {
			return out // no clause asks
		}
		for _, mt := range all[list] {
			i := sentenceOf(spans, mt.Span.Start)
			out[i] = append(out[i], mt)
		}
		return out
	}
	// A verb that keeps its last consonant is not read in a word that
	// softens it: "adına" (the noun ad, name) is no form of "at" (send).
	if len(fw.hardStems[m.Lang])+len(fw.pastOnly[m.Lang]) > 0 && slices.ContainsFunc(all["verbs"], func(v lint.Match) bool { return fw.softened(m.Lang, toks, v) }) {
		all["verbs"] = slices.DeleteFunc(slices.Clone(all["verbs"]), func(v lint.Match) bool { return fw.softened(m.Lang, toks, v) })
	}
	// A word of data that also names a thing's part or size is data only
	// as the customer's: "your measurements", not "the measurements of the
	// panel", "the hinge pin". In Turkish and Azerbaijani a bare noun
	// right before the verb is its indefinite object, no data of the
	// customer's: "kuryeye telefon attık" (we phoned the courier),
	// "kuryerə mesaj göndərdik" (we messaged it).
	if notData := func(d lint.Match) bool {
		return fw.notOwnedData(m.Lang, toks, d) || fw.incorporated(m.Lang, toks, d, all["verbs"])
	}; slices.ContainsFunc(all["data"], notData) {
		all["data"] = slices.DeleteFunc(slices.Clone(all["data"]), notData)
	}
	verbs, data, third, own, irrealis := byClause("verbs", clauses), byClause("data", clauses), byClause("third", clauses),
		byClause("own", clauses), byClause("irrealis", clauses)
	// "Their number is" gives the customer the third party's number only
	// with a number after it: "seri numarası" (serial number) gives none.
	all["contact"] = slices.DeleteFunc(slices.Clone(all["contact"]), func(c lint.Match) bool {
		if !fw.numberCues[m.Lang][c.Cue] {
			return false
		}
		s := sents[sentenceOf(sents, c.Span.Start)]
		return !hasPhone(m.Body.Text[c.Span.End:s.End], forwardPhone)
	})
	contact, condition := byClause("contact", sents), byClause("condition", sents)
	partners := byClause("partner_clause", clauses)
	var things []bool // by token: a word of data or goods, which no partner clause makes a third party
	if len(all["partner_clause"]) > 0 {
		things = make([]bool, len(toks))
		for _, list := range [...]string{"data", "goods"} {
			for _, t := range all[list] {
				for j := max(t.First, 0); j <= t.Last && j < len(toks); j++ {
					things[j] = true
				}
			}
		}
	}
	folded := lint.Folded(m.Lang, m.Body.Text)
	var ants *antecedents // built at the first pronoun
	for i, s := range clauses {
		si := sentenceOf(sents, s.Start)
		sent := sents[si]
		if len(verbs[i]) == 0 || len(contact[si]) > 0 || len(condition[si]) > 0 ||
			strings.HasSuffix(strings.TrimRight(m.Body.Text[sent.Start:sent.End], "\"'”’)"), "?") {
			continue
		}
		// The sending verbs that are facts: "çatdırılma şirkəti" (delivery
		// company) names, "paylaşıldı" tells; each in turn, as "we received
		// your photos and sent them to the maker" tells with its second.
		var facts []lint.Match
		for _, c := range verbs[i] {
			if !fw.mood(m.Lang, toks, c, folded) && !fw.describesGoods(m.Lang, toks, c, all["goods"]) && !inName(m.Body.Text, toks, c) &&
				!quoted(m.Body.Text[sent.Start:sent.End], c.Span.Start-sent.Start) &&
				!fw.determined(m.Lang, toks, c) && !fw.customersAct(m.Lang, toks, c) {
				if before(irrealis[i], c) || fw.gerund(m.Lang, toks, c) || fw.conditional(m, toks, lint.Span{Start: sent.Start, End: c.Span.Start}, folded) {
					break // "paylaşmayacağız", "paylaşabiliriz", "ötürə bilərik", "we can pass", "uygun görürseniz …": not done
				}
				facts = append(facts, c)
			}
		}
		if len(facts) == 0 {
			continue
		}
		objects := append(data[i], fw.ownedObjects(m, all, toks, s, flags)...)
		modified := fw.modifiedHeads(m.Lang, toks, all["third_modifier"], s)
		recipients := append(slices.Clone(third[i]), modified...)
		bodies := slices.DeleteFunc(fw.publicBodies(m, toks, s, folded), func(b lint.Match) bool {
			return slices.ContainsFunc(third[i], func(t lint.Match) bool { return sharesByte(t, b) }) // "hava limanının VIP xidmətinə": the party's own cue
		})
		recipients = append(recipients, bodies...)
		recipients = append(recipients, partnerHeads(toks, partners[i], things, s)...)
		owners := slices.Clone(third[i])
		for _, n := range names {
			if n.Span.Start > s.Start && n.Span.End <= s.End {
				recipients = append(recipients, n)
				// A carrier known by its capitals owns the head of the
				// compound after it, its case there: "DHL şubesine", "UPS
				// kuryesine", "DHL filialına".
				if fw.genitiveName(m, toks, n) || fw.atOthers(m.Lang, toks[n.Last].Norm, false) || fw.coinedQuoted(m, toks, n) ||
					n.First == n.Last && fw.acronymCompanies[m.Lang][toks[n.Last].Norm] && hyphenSuffix("", toks, n.Last) == "" {
					owners = append(owners, n)
				}
			}
		}
		heads := fw.possessedHeads(m, toks, owners, s, folded)
		recipients = append(recipients, heads...)
		// A team that belongs to someone else is a third party: "the
		// platform's support team", "otelin satış komandasına", "otel
		// yönetimine" (the hotel's management: the head of a third party's
		// compound, unless our own cue spans the compound, "mağaza
		// müdürüne").
		var ours, parties []lint.Match
		if len(own[i]) > 0 {
			// The parties a name and a team may follow (see namedPartysTeam):
			// the third parties not ours, and the heads their modifiers make.
			parties = append(slices.DeleteFunc(slices.Clone(third[i]), func(r lint.Match) bool {
				return fw.ourReceiver(m.Lang, toks, r, all["third_modifier"], folded)
			}), modified...)
		}
		var modifiers []int // the last words of our places that modify an outside role after them
		for _, o := range own[i] {
			if quotedName(m.Body.Text, toks, o) {
				continue // “Usta Pro”ya: a word of a quoted name, no team of ours
			}
			if fw.ourList[m.Lang] == nil && slices.ContainsFunc(third[i], func(t lint.Match) bool { return strictlyInside(o, t) }) {
				continue // "service" in "the Hornby service centre": a word of the party's noun
			}
			if n := neighbour(toks, o.Last, 1); fw.ourList[m.Lang] == nil && inName(m.Body.Text, toks, o) && n >= 0 && toks[n].Kind == lint.Word &&
				upperInitial(m.Body.Text[toks[n].Start:toks[n].End]) && !fw.ownNames[m.Lang][toks[n].Norm] {
				continue // "Service Master Cleaning": a word of another's name
			}
			// "our bakery supplier", "our studio insurer": our place names
			// what the outside role after it supplies or covers; the role
			// is the head, a body of its own.
			if n := neighbour(toks, o.Last, 1); fw.ourList[m.Lang] == nil && o.Last >= 0 && n >= 0 && slices.ContainsFunc(third[i], func(t lint.Match) bool { return t.First == n && fw.externalRole(m.Lang, t) }) {
				modifiers = append(modifiers, o.Last)
				continue
			}
			// "the gas engineer we work with": a role before a partner
			// clause is the partner's.
			partnered := slices.ContainsFunc(partners[i], func(pc lint.Match) bool { return pc.First >= 0 && neighbour(toks, o.Last, 1) == pc.First })
			// A role after a third-party modifier is that party's too:
			// "anlaşmalı antika uzmanına" (a contracted antiques expert).
			headed := func(h lint.Match) bool { return h.Last == o.Last && o.First > h.First }
			// A third party's word inside our place's name makes it that
			// party's: "our partner charity", not "our design studio".
			inside := func(t lint.Match) bool { return t.First > o.First && t.Last < o.Last }
			// Our word as the head of a third party's compound is that
			// party's: "liman idarəsinə" (the port's administration),
			// "site yönetimine" (the estate's management).
			closes := func(t lint.Match) bool { return t.First >= 0 && t.First < o.First && t.Last == o.Last }
			if slices.ContainsFunc(bodies, func(b lint.Match) bool { return sharesByte(b, o) }) {
				continue // "liman idarəsinə": the state's body, a receiver already
			}
			if partnered || fw.companysTeam(m, toks, o) || fw.othersTeam(m, toks, o) || fw.atCompany(m, toks, o) || slices.ContainsFunc(heads, headed) || slices.ContainsFunc(modified, headed) ||
				slices.ContainsFunc(third[i], inside) || slices.ContainsFunc(third[i], closes) || fw.namedPartysTeam(m, toks, o, parties) {
				recipients = append(recipients, o)
			} else if k := fw.publicKind(m, toks, o); k >= 0 {
				o.Span.Start = toks[k].Start // quote "county heritage officer"
				recipients = append(recipients, o)
			} else {
				ours = append(ours, o)
			}
		}
		own[i] = ours
		recipients = slices.DeleteFunc(recipients, func(r lint.Match) bool {
			if slices.Contains(modifiers, r.Last) {
				return true // "bakery" in "our bakery supplier": the supplier is the receiver
			}
			// A third party's noun right before our own role, or one word
			// before it in a compound after "our", names that role's work:
			// "the kennel manager on our team", "the lab technician", "our
			// repair workshop manager" ("the partner watch specialist" is
			// the partner's).
			// In English an outside role's noun does so too after "our",
			// the compound's head its last noun: "our importer account
			// manager", "our haulier liaison officer". A role that acts for
			// a party (agentHeads) is that party's without "our": "the
			// insurance agent".
			ourAhead := fw.ourList[m.Lang] == nil && fw.ourWithin(m.Lang, toks, r)
			reach := 1
			if fw.ourBefore(m.Lang, toks, r) || ourAhead {
				reach = 2
			}
			for next, k := neighbour(toks, r.Last, 1), 0; next >= 0 && toks[next].Kind == lint.Word && k < reach; next, k = neighbour(toks, next, 1), k+1 {
				if k > 0 && !fw.compoundWord(m.Lang, toks[neighbour(toks, next, -1)]) {
					break // "the supplier and our team": no compound
				}
				if i := slices.IndexFunc(ours, func(o lint.Match) bool { return o.First == next }); i >= 0 {
					if fw.bodyHeads[m.Lang][toks[ours[i].Last].Norm] {
						break // "our partner cleaning service": the partner's business, not a role of ours
					}
					if !ourAhead && fw.agentHeads[m.Lang][toks[ours[i].Last].Norm] && !fw.ourAfter(m.Lang, toks, ours[i].Last) {
						break // "the insurance agent"; "the kennel liaison on our team" is ours
					}
					if !ourAhead && fw.placedHeads[m.Lang][toks[ours[i].Last].Norm] && (fw.atPlace(m, toks, ours[i].Last) || fw.yours(m.Lang, toks, r)) {
						break // "the marina manager at Port Hamble", "your building manager"; "the hotel manager" is ours
					}
					return true
				}
			}
			if n := neighbour(toks, r.Last, 1); r.Cue != "name" && r.Cue != headCue && n >= 0 && toks[n].Kind == lint.Word && fw.customerWord(m.Lang, toks[n].Norm, folded) {
				return true // "bayi müşterilerimize": our customers of a kind, not the party
			}
			return fw.someonesHome(m.Lang, toks, r) || fw.negated(m.Lang, toks, r) || fw.setAside(m.Lang, toks, r) || fw.sender(m.Lang, toks, r) || fw.customers(m, toks, r, folded) || fw.ownMarked(m.Lang, toks, r) ||
				fw.ourStaff(m, toks, r, all["third"]) || fw.street(m, toks, r) || fw.ownStated(m.Lang, toks, r, s, folded) ||
				fw.atOurs(m.Lang, toks, r, ours) || fw.namesSystem(m.Lang, toks, r) || fw.holder(m.Lang, toks, r) || fw.ownName(m, toks, r) ||
				fw.atOurPlace(m.Lang, toks, r, folded) || fw.ourReceiver(m.Lang, toks, r, all["third_modifier"], folded) ||
				fw.bareOwner(m.Lang, toks, r) || fw.unkinded(m, toks, r) || fw.ownOffice(m, toks, r) || fw.ourPlacesStaff(m.Lang, toks, r, all["third_modifier"], folded) ||
				fw.customersService(m.Lang, toks, r, folded) || fw.chosenByYou(m.Lang, toks, r, folded)
		})
		// "them" after a third party named earlier stands for it: "SnackPoint
		// will contact you, as we've handed them your name".
		antecedents := map[int]lint.Match{}
		for j := firstTokenAt(toks, s.Start); j < len(toks) && toks[j].End <= s.End; j++ {
			if flags[j]&pronounBit == 0 && !fw.receiveSubject(m.Lang, toks, j, verbs[i]) {
				continue
			}
			if n := neighbour(toks, j, 1); n >= 0 && toks[n].Kind == lint.Word && fw.pronounPostpositions[m.Lang][toks[n].Norm] {
				continue // "ona göre", "ona görə də", "onlara ait": a postposition's, no receiver
			}
			if ants == nil {
				ants = fw.newAntecedents(m, toks, all, folded)
			}
			if a, ok := ants.find(fw, m.Lang, toks, j); ok {
				antecedents[j] = a
				recipients = append(recipients, lint.Match{Cue: pronounCue, Span: lint.Span{Start: toks[j].Start, End: toks[j].End}, First: j, Last: j})
			}
		}
		var v, d, t lint.Match
		found := false
		for _, c := range facts {
			if d, t, found = fw.pair(m, toks, c, verbs[i], objects, recipients); found && !ownReceiver(own[i], t) && !fw.attributive(m.Lang, toks, c, t, verbs[i], folded) {
				v = c
				break
			}
			found = false
		}
		if !found {
			continue
		}
		// Quote the whole receiver: "üretici firmaya", not its head alone;
		// "Brightwave Ltd team", not "team".
		if t.First >= 0 && fw.companysTeam(m, toks, t) {
			t.Span.Start = companyNamed(m.Body.Text, toks, t).Span.Start
		}
		for grew := true; grew; {
			grew = false
			for _, r := range recipients {
				if r.Span.Start < t.Span.Start && r.Span.End < t.Span.Start && strings.TrimSpace(m.Body.Text[r.Span.End:t.Span.Start]) == "" {
					t.Span.Start, grew = r.Span.Start, true
				}
			}
		}
		start, end := min(v.Span.Start, d.Span.Start, t.Span.Start), max(v.Span.End, t.Span.End, d.Span.End)
		who := m.Body.Text[t.Span.Start:t.Span.End]
		if a, ok := antecedents[t.First]; ok && t.Cue == pronounCue {
			who = m.Body.Text[a.Span.Start:a.Span.End]
		}
		p.Report(lint.Diagnostic{
			Span:       lint.Span{Start: start, End: end},
			Message:    fmt.Sprintf("says the customer's details went to a third party (%q) without asking for consent", who),
			Suggestion: forwardingData.Say(m.Lang, "suggestion"),
		})
	}
}

// softened reports whether a sending verb of hard_stems is read in a word
// that does not start with its lemma, the consonant softened ("adına"), or
// one of past_only in a word whose endings, past its voice, are no past
// ("atır", throws).
func (fw *forwardingWords) softened(l lint.Lang, toks []lint.Token, v lint.Match) bool {
	if v.Last < 0 || v.Last >= len(toks) {
		return false
	}
	words := strings.Fields(v.Cue)
	lemma := lint.CueLemma(words[len(words)-1])
	hard, past := fw.hardStems[l][lemma], fw.pastOnly[l][lemma]
	if !hard && !past {
		return false
	}
	w, stem := lint.Fold(l, toks[v.Last].Norm), lint.Fold(l, lemma)
	rest, ok := strings.CutPrefix(w, stem)
	if !ok {
		return hard
	}
	if past {
		rest = fw.unvoiced(l, rest, func(s string) string { return lint.Fold(l, s) })
		for e := range fw.pastEndings[l] {
			if strings.HasPrefix(rest, lint.Fold(l, e)) {
				return false
			}
		}
		return true
	}
	return false
}

// toItsAuthority: an application handed to an authority (a consulate, a
// ministry, a municipality) is filed with the body that decides it, which
// is what the customer asked for ("Your visa application has been
// submitted to the consulate", "Vize başvurunuz konsolosluğa teslim
// edildi"); a complaint sent to the same body is passed on.
func (fw *forwardingWords) toItsAuthority(l lint.Lang, toks []lint.Token, d, t lint.Match) bool {
	if len(fw.applications[l]) == 0 || d.First < 0 || d.Last >= len(toks) || !fw.authority(l, t) {
		return false
	}
	// The object's words and the one after it: "your visa application".
	return anyWordThroughNext(toks, d, func(w string) bool {
		for a := range fw.applications[l] {
			if strings.HasPrefix(lint.Fold(l, w), lint.Fold(l, a)) {
				return true
			}
		}
		return false
	})
}

// anyWordThroughNext reports whether one of a match's words, or the word
// right after it, is one that is.
func anyWordThroughNext(toks []lint.Token, mt lint.Match, is func(norm string) bool) bool {
	last := mt.Last
	if n := neighbour(toks, mt.Last, 1); n >= 0 {
		last = n
	}
	for j := mt.First; j <= last; j++ {
		if toks[j].Kind == lint.Word && is(toks[j].Norm) {
			return true
		}
	}
	return false
}

// authority: a receiver cue that names an authority.
func (fw *forwardingWords) authority(l lint.Lang, t lint.Match) bool {
	for _, w := range strings.Fields(t.Cue) {
		if fw.authorities[l][lint.CueLemma(w)] {
			return true
		}
	}
	return false
}

// pronounCue marks a receiver that is a pronoun standing for a third party
// named before it.
const pronounCue = "pronoun for a third party"

// antecedents finds the third party a pronoun stands for (see find),
// with what a message offers worked out once: a message of many pronouns
// is not read again for each.
type antecedents struct {
	names  []int        // tokens that may name a party, in order
	thirds []lint.Match // third-party cues, neither the customer's nor our own team's, by last token
	sents  []lint.Span  // the message's sentences, when an antecedent must be in the pronoun's or the one before
}

func (fw *forwardingWords) newAntecedents(m *lint.Message, toks []lint.Token, all map[string][]lint.Match, folded bool) *antecedents {
	a := &antecedents{}
	// Turkish and Azerbaijani: "ona", "onlara" stand for a third party's
	// noun in their sentence or the one before, not for a name (one of
	// our staff as often as not) nor one of ours ("kuryerimiz").
	verbFinal := fw.ourList[m.Lang] != nil
	if verbFinal {
		a.sents = m.Sentences()
	}
	for _, t := range all["third"] {
		if !fw.customers(m, toks, t, folded) &&
			!slices.ContainsFunc(all["own"], func(o lint.Match) bool { return sharesByte(o, t) || o.First == t.Last+1 }) &&
			!(verbFinal && fw.ourReceiver(m.Lang, toks, t, all["third_modifier"], folded)) {
			a.thirds = append(a.thirds, t)
		}
	}
	slices.SortStableFunc(a.thirds, func(x, y lint.Match) int { return cmp.Compare(x.Last, y.Last) })
	for i := 1; i < len(toks) && !verbFinal; i++ {
		if p := neighbour(toks, i, -1); p >= 0 && fw.namePlaces[m.Lang][toks[p].Norm] {
			continue // "the luthier in Portugal … sent him": a place, no party
		}
		if candidateName(m, toks, i) {
			a.names = append(a.names, i)
		}
	}
	return a
}

// candidateName: token i is a capitalised word (or a brand's camel case)
// inside a sentence that the language does not have as a common word.
func candidateName(m *lint.Message, toks []lint.Token, i int) bool {
	t := toks[i]
	if t.Kind != lint.Word || sentenceStart(toks, i) {
		return false
	}
	w := m.Body.Text[t.Start:t.End]
	r, _ := utf8.DecodeRuneInString(w)
	return (unicode.IsUpper(r) || camelCase(w)) && utf8.RuneCountInString(w) >= 3 && !allCaps(w) && !commonWord(m.Lang, w)
}

// find is the third party a pronoun at token j stands for: the nearest
// before it in the message, a third-party cue or a name, unless the name
// is one of our staff's.
func (a *antecedents) find(fw *forwardingWords, l lint.Lang, toks []lint.Token, j int) (lint.Match, bool) {
	var best lint.Match
	found := false
	// The cue that ends last before j, the first of those that end together.
	if k, _ := slices.BinarySearchFunc(a.thirds, j, func(t lint.Match, j int) int { return cmp.Compare(t.Last, j) }); k > 0 {
		k--
		for k > 0 && a.thirds[k-1].Last == a.thirds[k].Last {
			k--
		}
		best, found = a.thirds[k], true
		if fw.ourBefore(l, toks, best) {
			found = false // "our electrician … given him your address"
		}
		if a.sents != nil && sentenceOf(a.sents, toks[j].Start)-sentenceOf(a.sents, best.Span.Start) > 1 {
			found = false
		}
	}
	if k, _ := slices.BinarySearch(a.names, j); k > 0 {
		if i := a.names[k-1]; !found || i > best.Last {
			if fw.nearOurs(l, toks, i) {
				return lint.Match{}, false // "our driver, Tom", "Tom from our team"
			}
			t := toks[i]
			return lint.Match{Cue: "name", Span: lint.Span{Start: t.Start, End: t.End}, First: i, Last: i}, true
		}
	}
	return best, found
}

// ourBefore: "our" one or two words before a third party's noun makes it
// ours ("our electrician", "our local electrician"), unless it is one of
// external_roles ("our insurer").
func (fw *forwardingWords) ourBefore(l lint.Lang, toks []lint.Token, t lint.Match) bool {
	if t.First < 0 || fw.externalRole(l, t) {
		return false
	}
	for j, k := t.First, 0; k < 2; k++ {
		if j = neighbour(toks, j, -1); j < 0 || toks[j].Kind != lint.Word {
			return false
		}
		if fw.ourWords[l][toks[j].Norm] {
			return true
		}
	}
	return false
}

// nearOurs: "our" within three words of token i, either side, in its
// sentence: the name is one of our staff's.
func (fw *forwardingWords) nearOurs(l lint.Lang, toks []lint.Token, i int) bool {
	for _, dir := range []int{-1, 1} {
		for j, k := i, 0; k < 4; k++ {
			if j = neighbour(toks, j, dir); j < 0 || toks[j].Kind == lint.Punct && strings.ContainsAny(toks[j].Norm, ".!?;") {
				break
			}
			if toks[j].Kind == lint.Word && fw.ourWords[l][toks[j].Norm] {
				return true
			}
		}
	}
	return false
}

// notOwnedData: a data cue of owned_only with neither "your" within three
// words before it nor "you" right after it.
func (fw *forwardingWords) notOwnedData(l lint.Lang, toks []lint.Token, d lint.Match) bool {
	if d.First < 0 || d.Last >= len(toks) || !fw.ownedOnly[l][toks[d.Last].Norm] {
		return false
	}
	if n := neighbour(toks, d.Last, 1); n >= 0 && fw.you[l][toks[n].Norm] {
		return false
	}
	return !wordWithinBefore(toks, d.First, 3, fw.owner[l])
}

// incorporated (Turkish, Azerbaijani: languages with receiver_endings): a
// data cue with no ending at all right before a sending verb is the verb's
// indefinite object, as in "telefon atmak" (to phone) and "mesaj
// göndərmək" (to message): the customer's data is definite, in the
// accusative or with their possessive ("telefonunuzu", "mesajınızı").
func (fw *forwardingWords) incorporated(l lint.Lang, toks []lint.Token, d lint.Match, verbs []lint.Match) bool {
	if fw.receiverEndings[l] == nil || d.First < 0 || d.First != d.Last || d.Last >= len(toks) {
		return false
	}
	words := strings.Fields(d.Cue)
	if len(words) != 1 || lint.Fold(l, toks[d.Last].Norm) != lint.Fold(l, lint.CueLemma(words[0])) {
		return false
	}
	n := neighbour(toks, d.Last, 1)
	return n >= 0 && slices.ContainsFunc(verbs, func(v lint.Match) bool { return v.First == n })
}

// atPlace: "at" and a capitalised word right after token i, "the" between
// them or none ("the marina manager at Port Hamble", "at the Lyric
// Playhouse"): a place named, not ours.
func (fw *forwardingWords) atPlace(m *lint.Message, toks []lint.Token, i int) bool {
	j := neighbour(toks, i, 1)
	if j < 0 || !fw.atWords[m.Lang][toks[j].Norm] {
		return false
	}
	if j = neighbour(toks, j, 1); j >= 0 && toks[j].Norm == "the" {
		j = neighbour(toks, j, 1) // "at the Lyric Playhouse"
	}
	return j >= 0 && toks[j].Kind == lint.Word && upperInitial(m.Body.Text[toks[j].Start:toks[j].End])
}

// yours: "your" right before the receiver's phrase ("your building
// manager").
func (fw *forwardingWords) yours(l lint.Lang, toks []lint.Token, r lint.Match) bool {
	j := neighbour(toks, r.First, -1)
	return j >= 0 && r.First >= 0 && fw.owner[l][toks[j].Norm]
}

// ourAfter: "our" within three words after token i, in its clause ("the
// kennel manager on our team").
func (fw *forwardingWords) ourAfter(l lint.Lang, toks []lint.Token, i int) bool {
	for j, k := i, 0; k < 3; k++ {
		if j = neighbour(toks, j, 1); j < 0 || toks[j].Kind != lint.Word {
			return false
		}
		if fw.ourWords[l][toks[j].Norm] {
			return true
		}
	}
	return false
}

// negated: a receiver after a negative determiner ("no other company",
// "hiçbir kuruma", "heç bir şirkətə") got nothing, and one after an
// interrogative determiner ("which partner", "hangi birime", "hansı
// şöbəyə") is asked about, not told.
func (fw *forwardingWords) negated(l lint.Lang, toks []lint.Token, r lint.Match) bool {
	for j, k := r.First, 0; j >= 0 && k < 3; k++ {
		if j = neighbour(toks, j, -1); j < 0 || toks[j].Kind != lint.Word {
			return false
		}
		if fw.nobody[l][toks[j].Norm] || fw.which[l][toks[j].Norm] {
			return true
		}
	}
	return false
}

// setAside: a receiver the sentence sets aside for another got nothing:
// "…, not to the depot", "şubeye değil, adresinize", "filiala yox,
// ünvanınıza"; "only" before it adds the receiver instead ("not only to
// the courier", "sadece kuryeye değil").
func (fw *forwardingWords) setAside(l lint.Lang, toks []lint.Token, r lint.Match) bool {
	if r.First < 0 || r.Last < r.First {
		return false
	}
	if after := fw.setAsideAfter[l]; len(after) > 0 {
		n := neighbour(toks, r.Last, 1)
		if n < 0 || toks[n].Kind != lint.Word || !after[toks[n].Norm] {
			return false
		}
		for j, k := r.First, 0; k < 3; k++ {
			if j = neighbour(toks, j, -1); j < 0 || toks[j].Kind != lint.Word {
				break
			}
			if fw.onlyWords[l][toks[j].Norm] {
				return false
			}
		}
		return true
	}
	before := fw.setAsideBefore[l]
	if len(before) == 0 {
		return false
	}
	j := neighbour(toks, r.First, -1)
	for k := 0; j >= 0 && toks[j].Kind == lint.Word && k < 3 && (fw.determiners[l][toks[j].Norm] || fw.to[l][toks[j].Norm]); k++ {
		j = neighbour(toks, j, -1)
	}
	return j >= 0 && toks[j].Kind == lint.Word && before[toks[j].Norm]
}

// ourWithin: "our" one or two words before a receiver, whatever its role.
func (fw *forwardingWords) ourWithin(l lint.Lang, toks []lint.Token, r lint.Match) bool {
	return wordWithinBefore(toks, r.First, 2, fw.ourWords[l])
}

// wordWithinBefore reports whether one of words stands at most n words
// before token first, with no sign or number between.
func wordWithinBefore(toks []lint.Token, first, n int, words map[string]bool) bool {
	for j, k := first, 0; j >= 0 && k < n; k++ {
		if j = neighbour(toks, j, -1); j < 0 || toks[j].Kind != lint.Word {
			return false
		}
		if words[toks[j].Norm] {
			return true
		}
	}
	return false
}

// compoundWord: a word that may stand inside an English noun compound, no
// function word: not "and", "to", "the", "our".
func (fw *forwardingWords) compoundWord(l lint.Lang, t lint.Token) bool {
	w := t.Norm
	return t.Kind == lint.Word && !strings.ContainsAny(w, "'’") && !fw.ourWords[l][w] && !fw.determiners[l][w] &&
		!fw.coordinators[l][w] && !fw.to[l][w] && !fw.locatives[l][w] && !fw.notTo[l][w] && !fw.contrast[l][w]
}

// street: a capitalised place word before a street's kind is part of an
// address, no receiver: "your address on Mill Road", "Vakıf Caddesi'ne".
// The street's kind is one of the receiver's words or the word after it;
// a kind ending in * matches the words that start with it (its inflected
// forms, "küçəsindəki").
func (fw *forwardingWords) street(m *lint.Message, toks []lint.Token, r lint.Match) bool {
	kinds := fw.streets[m.Lang]
	if kinds == nil || r.First < 0 || r.Last < r.First || !upperInitial(m.Body.Text[toks[r.First].Start:toks[r.First].End]) {
		return false
	}
	return anyWordThroughNext(toks, r, func(w string) bool {
		for k := range kinds {
			if stem, ok := strings.CutSuffix(k, "*"); ok && strings.HasPrefix(w, stem) || w == k {
				return true
			}
		}
		return false
	})
}

// sender: an organisation after "by" or "from" sent or made something, it
// did not receive it ("provided by two local authorities": the agent phrase
// may hold a determiner, a number and an adjective before its noun).
func (fw *forwardingWords) sender(l lint.Lang, toks []lint.Token, r lint.Match) bool {
	prev := neighbour(toks, r.First, -1)
	for k := 0; prev >= 0 && k < 4 && (toks[prev].Kind == lint.Word || toks[prev].Kind == lint.Number); k++ {
		if fw.notTo[l][toks[prev].Norm] {
			return true
		}
		prev = neighbour(toks, prev, -1)
	}
	return false
}

// customers: a receiver the customer owns is not a third party ("your
// brand", "markanızla", "ekibinize").
func (fw *forwardingWords) customers(m *lint.Message, toks []lint.Token, r lint.Match, folded bool) bool {
	// "your insurer", "your bank": a company the customer deals with is
	// still outside the brand.
	if r.First < 0 || fw.externalRole(m.Lang, r) {
		return false
	}
	if prev := neighbour(toks, r.First, -1); prev >= 0 && fw.owner[m.Lang][toks[prev].Norm] {
		return true
	}
	w := toks[r.Last].Norm
	for e := range fw.ownedEndings[m.Lang] {
		for _, c := range []string{"", "a", "e", "ə", "la", "le", "lə"} {
			if hasEnding(m.Lang, w, e+c, folded) {
				return true
			}
		}
	}
	return false
}

// namesSystem: a word for our customers right before one of systems names
// whom a place of ours serves ("uploaded to the client portal"), not who
// gets what was sent ("sent to the client"); "the manufacturer portal" is
// still the manufacturer's.
func (fw *forwardingWords) namesSystem(l lint.Lang, toks []lint.Token, r lint.Match) bool {
	if r.Last < 0 || r.First != r.Last || !fw.served[l][toks[r.Last].Norm] {
		return false
	}
	next := neighbour(toks, r.Last, 1)
	return next >= 0 && toks[next].Kind == lint.Word && fw.systems[l][toks[next].Norm]
}

// before reports whether a modal or a negation stands before the verb: "we
// can pass", "we will never share"; "so they can call you" after it is
// another clause.
func before(ms []lint.Match, v lint.Match) bool {
	for _, m := range ms {
		if m.Span.Start < v.Span.Start {
			return true
		}
	}
	return false
}

// forwardingPair picks what was sent and who got it. In English what was
// sent comes first ("sent your number to the courier", "your details were
// passed to the insurer"), not "sent the courier to your address". In
// Turkish and Azerbaijani the receiver is marked by its ending instead (to:
// -(y)A, with: -(y)lA or ile), so either order is fine.
func (fw *forwardingWords) pair(m *lint.Message, toks []lint.Token, v lint.Match, verbs, objects, recipients []lint.Match) (lint.Match, lint.Match, bool) {
	l := m.Lang
	marked := fw.receiverEndings[l]
	for _, d := range objects {
		if d.Cue == bareCopyCue {
			// "cc'd the supplier": the conversation, copied to the party
			// right after the verb.
			for _, t := range recipients {
				if marked == nil && (d.First >= v.First && d.First <= v.Last || d.First == neighbour(toks, v.Last, 1)) && fw.copiedBareTo(l, toks, d, t) {
					return d, t, true
				}
			}
			continue
		}
		if !fw.carried(l, toks, v, d) {
			continue // "hastaneye giderken sonuçlarınızı alın": the customer goes
		}
		for _, t := range recipients {
			if sharesByte(t, d) || sharesByte(v, d) && !fw.heldData(l, toks, v, d) {
				continue // one word cannot be both ("emailed the florist")
			}
			if fw.toItsAuthority(l, toks, d, t) {
				continue // "Vize başvurunuz konsolosluğa teslim edildi": the service itself
			}
			if d.Cue == ownedCue && fw.carrier(l, t) && fw.handsOver(l, toks, v) {
				continue // "saatınızı kuryerə təhvil verdik": goods, what a courier carries
			}
			if marked != nil && (d.Span.Start >= v.Span.End && punctBetween(toks, v.Span.End, d.Span.Start, ",;") ||
				t.Span.Start >= v.Span.End && punctBetween(toks, v.Span.End, t.Span.Start, ",;")) {
				// A verb-final language's verb ends its clause: what comes
				// after it and a comma is the next clause's ("Kostyum kuryerə
				// təhvil verildi, izləmə nömrəsi …"), what was sent or who
				// got it ("e-poçtunuza göndərdik, kuryerə verməyəcəyik").
				continue
			}
			if fw.receives[l][v.Cue] {
				// "The supplier has received your photos": the receiver is
				// the subject, what it got comes after the verb.
				if t.Span.End <= v.Span.Start && (d.Span.Start >= v.Span.End || fw.heldData(l, toks, v, d)) && !fw.placed(l, toks, t) && !fw.askedHolder(l, toks, t) {
					return d, t, true
				}
				continue
			}
			if marked == nil {
				if fw.copyInOnly[l][v.Cue] {
					if fw.copiedIn(m, toks, v, d, t) || fw.listed(l, toks, d, t) || fw.copiedAndSent(l, toks, v, d, t, verbs) {
						return d, t, true
					}
					continue
				}
				if fw.letHave[l][v.Cue] {
					if fw.lets(l, toks, v, d, t) {
						return d, t, true
					}
					continue
				}
				// "your licence … write to the Information Team, or email
				// us": the receiver after "to" follows its own verb.
				if t.Span.Start > d.Span.Start && t.Span.Start > v.Span.Start && fw.introduced(l, toks, d, t) || fw.receiverFirst(l, toks, v, d, t) || fw.doubleObject(l, toks, v, d, t) ||
					fw.copiedIn(m, toks, v, d, t) {
					return d, t, true
				}
				continue
			}
			if fw.otherClause(l, toks, t, v) || fw.contactGoal(l, toks, t) {
				continue // "kuryeye ödeme yapıldı, faturanızı gönderdik", "sığortaçınıza müraciət etmək üçün"
			}
			if lemma := lint.CueLemma(v.Cue); fw.copyIn[l][lemma] {
				if fw.copiedInto(l, toks, v, d, t, recipients) || fw.listHead(l, toks, t) {
					return d, t, true
				}
				if fw.copyInOnly[l][lemma] && !fw.conversation(l, toks, d) {
					continue // "notunuzu siparişinize ekledik": added, sent nowhere
				}
			}
			// A receiver before another sending verb is that verb's: "sigorta
			// şirketinize iletebilmeniz için adresinize gönderdik".
			if fw.receiverMarked(l, toks, v, t, marked, recipients) && !slices.ContainsFunc(verbs, func(w lint.Match) bool {
				return w.Span.Start >= t.Span.End && w.Span.End <= v.Span.Start && !sharesByte(w, v)
			}) {
				return d, t, true
			}
		}
	}
	return lint.Match{}, lint.Match{}, false
}

// punctBetween reports whether one of the punctuation marks in marks
// stands between byte offsets from and to.
func punctBetween(toks []lint.Token, from, to int, marks string) bool {
	for i := firstTokenAt(toks, from); i < len(toks) && toks[i].Start < to; i++ {
		if toks[i].Kind == lint.Punct && toks[i].Norm != "" && strings.Contains(marks, toks[i].Norm) {
			return true
		}
	}
	return false
}

// introduced: an English receiver after what was sent (d) stands in a phrase
// after "to" or "with" ("to the local council", "with the safety team at
// the other platform"); "your laptop repair" names no receiver.
func (fw *forwardingWords) introduced(l lint.Lang, toks []lint.Token, d, t lint.Match) bool {
	at := false
	for j, k := t.First, 0; k < 9; k++ {
		if j = neighbour(toks, j, -1); j >= 0 && (toks[j].Norm == "-" || isQuote(toks[j].Norm) && j > 0 && toks[j-1].End == toks[j].Start && toks[j-1].Kind == lint.Word) {
			j = neighbour(toks, j, -1) // "the rug-cleaning company", "the guides' association"
		}
		if j < 0 || toks[j].Kind != lint.Word && toks[j].Kind != lint.Number { // "to the two labs", "to 3M's team"
			return false
		}
		if toks[j].Start < d.Span.End {
			return false // "to" before what was sent introduces something else ("free to keep sending us photos of the pub")
		}
		if fw.to[l][toks[j].Norm] {
			return true
		}
		// "to our quality lab here at the factory": after "at", "our"
		// names our receiver, and the place after "at" is where it is.
		if at = at || fw.atWords[l][toks[j].Norm]; at && fw.ourWords[l][toks[j].Norm] {
			return false
		}
	}
	return false
}

// receiverMarked: the receiver's last word has a dative or comitative
// ending after its lemma ("firmasına", "Veriscan'a", "kuryeyle"), or "ile"
// follows it. After a name's apostrophe the whole suffix is the case:
// "Signal'de" (locative) and "Signal'den" (ablative) receive nothing. The
// comitative (with: -(y)lA, ile) marks a receiver only for a verb that
// takes one, share ("kuryeyle paylaştık"); one sends, forwards and offers
// to someone ("Rasa'yı Tiledesk ile entegre etmek … avantaj sunar").
// Between the receiver and "ile" may stand its compound's head, a word none
// of recipients holds ("kuryer xidməti ilə").
func (fw *forwardingWords) receiverMarked(l lint.Lang, toks []lint.Token, v, t lint.Match, endings map[string]bool, recipients []lint.Match) bool {
	if t.Last < 0 {
		return false
	}
	w := toks[t.Last].Norm
	rest, apostrophe, suffix := "", false, false
	if i := strings.LastIndex(w, "'"); i >= 0 {
		rest, apostrophe = w[i+1:], true
	} else if ws := strings.Fields(t.Cue); len(ws) > 0 && t.Cue != "name" {
		rest = strings.TrimPrefix(w, lint.CueLemma(ws[len(ws)-1]))
		suffix = t.Cue != headCue && len(rest) < len(w) // the suffixes after a cue's lemma
	} else if suf := hyphenSuffix("", toks, t.Last); t.Cue == "name" && suf != "" {
		rest, apostrophe = suf, true // "Phonak-a": the case after a hyphen, as after an apostrophe
	} else if suf := fw.dottedSuffix(l, toks, t.Last); t.Cue == "name" && suf != "" {
		rest, apostrophe = suf, true // "SuKeyfi Ltd.'ye": the case after the legal form's period
	} else if t.Cue == "name" {
		for e := range fw.bareNameEndings[l] {
			if strings.HasSuffix(w, e) {
				rest = e
			}
		}
	} else if t.Cue == headCue {
		for e := range endings {
			if hasEnding(l, w, e, true) {
				rest = e
			}
		}
	}
	takesWith := fw.takesWith(l, v)
	// The case is the suffixes' end read as the longest ending that fits:
	// "laboratuvarımızda" (locative) and "tedarikçimizle" (comitative) end
	// in the dative's vowel, and are no dative. (A whole word is not read
	// so: "ortodonta" is a dative.)
	fr := lint.Fold(l, rest)
	if suffix && fw.notReceiverSet[l] != nil && fw.notReceiverSet[l].match(l, fr, true) {
		return false
	}
	comitative := suffix && fw.withSet[l] != nil && fw.withSet[l].match(l, fr, true)
	// Compared folded: "sirketine" typed without the letters is marked too.
	for e := range endings {
		fe := lint.Fold(l, e)
		if rest == "" || !strings.HasSuffix(fr, fe) || apostrophe && fr != fe || comitative && !fw.withEndings[l][e] {
			continue
		}
		if takesWith || !fw.withEndings[l][e] {
			return true
		}
	}
	n := neighbour(toks, t.Last, 1)
	if n >= 0 && isQuote(toks[n].Norm) {
		n = neighbour(toks, n, 1) // “SürətPoçt” ilə
	}
	if n >= 0 && t.Cue != "name" && toks[n].Kind == lint.Word && fw.compoundHead(l, toks[n].Norm) &&
		!slices.ContainsFunc(recipients, func(r lint.Match) bool { return r.First <= n && n <= r.Last }) {
		n = neighbour(toks, n, 1) // "kuryer xidməti ilə": the compound's head, no receiver itself, before "ilə"
	}
	return takesWith && n >= 0 && fw.with[l][toks[n].Norm]
}

// compoundHead reports whether a word is a compound's head after a third
// party's noun, by the 3rd person possessive that closes a compound noun
// ("kuryer xidməti", "kargo servisi"; compound_head_endings), with a stem of
// three letters or more.
func (fw *forwardingWords) compoundHead(l lint.Lang, w string) bool {
	for e := range fw.compoundHeadEndings[l] {
		if stem, ok := strings.CutSuffix(w, e); ok && utf8.RuneCountInString(stem) >= 3 {
			return true
		}
	}
	return false
}

// takesWith reports whether a sending verb takes its receiver in the
// comitative (share with); a language without the list takes it with any.
func (fw *forwardingWords) takesWith(l lint.Lang, v lint.Match) bool {
	verbs := fw.withVerbs[l]
	if verbs == nil {
		return true
	}
	ws := strings.Fields(v.Cue)
	return len(ws) > 0 && verbs[lint.CueLemma(ws[len(ws)-1])]
}

// ownedCue marks what was sent found as the customer's (see ownedObjects),
// not as one of the data cues.
const ownedCue = "owned"

// englishGenitive: a word in the English genitive ("courier's",
// "suppliers'").
func englishGenitive(w string) bool {
	for _, e := range [...]string{"'s", "’s", "s'", "s’"} {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// bareCopyCue marks the conversation a party is copied into with no word
// for it (English: "cc'd the supplier", "looped in the agency").
const bareCopyCue = "conversation copied into"

// copiedBare (English): word i is one of copy_in_bare, not after a form of
// "be" (passive: we were the ones copied), or one of copy_in_particles
// right after one of copy_in_particle_verbs.
func (fw *forwardingWords) copiedBare(l lint.Lang, toks []lint.Token, i int) bool {
	p := neighbour(toks, i, -1)
	if fw.copyBare[l][toks[i].Norm] {
		return p < 0 || !fw.be[l][toks[p].Norm] // "we were cc'd on the reply": we got it
	}
	return fw.copyParticles[l][toks[i].Norm] && p >= 0 && fw.copyParticleVerbs[l][toks[p].Norm]
}

// copiedBareTo: the party right after the verb that copied it in (a
// determiner and up to three words between, none "to" or a sign), itself
// the head, not an owner in the genitive.
func (fw *forwardingWords) copiedBareTo(l lint.Lang, toks []lint.Token, d, t lint.Match) bool {
	if t.First <= d.Last || t.Last < 0 || englishGenitive(toks[t.Last].Norm) {
		return false // "copied in the manufacturer's terms": a thing of the party's
	}
	for j, k := neighbour(toks, d.Last, 1), 0; j != t.First; j, k = neighbour(toks, j, 1), k+1 {
		if j < 0 || j > t.First || k > 3 || toks[j].Kind != lint.Word || fw.to[l][toks[j].Norm] {
			return false
		}
	}
	return true
}

// identifierCue marks the customer's identifier of goods ("your order
// number"): data, which a courier is given as it is given an address.
const identifierCue = "identifier"

// ownedObjects are what belongs to the customer: "your …" in English, a
// word with the second person possessive ending (-InIz, -InIzI) in Turkish
// and Azerbaijani ("kimliğinizi", "şikayətinizi").
//
// flags are fw.flags of the tokens.
func (fw *forwardingWords) ownedObjects(m *lint.Message, all map[string][]lint.Match, toks []lint.Token, s lint.Span, flags []wordBits) []lint.Match {
	ends := fw.ownedList[m.Lang]
	// Goods are handed to a courier all day: only what the customer owns
	// that is not goods is their data.
	goods := all["goods"]
	isGoods := func(first, last int) bool {
		for _, g := range goods {
			if g.First <= last && g.Last >= first {
				return true
			}
		}
		return false
	}
	var out []lint.Match
	ccCopies := fw.copyInto[m.Lang]["cc"]
	for i := firstTokenAt(toks, s.Start); i < len(toks) && toks[i].Start <= s.End; i++ {
		t := toks[i]
		if t.End > s.End || t.Kind != lint.Word {
			continue
		}
		if ccCopies && (t.Norm == "cc" || strings.HasPrefix(t.Norm, "cc'")) || fw.ccAs(m.Lang, toks, i) {
			// "cc-yə", "CC olarak": the conversation a party is copied into.
			out = append(out, lint.Match{Cue: "cc", Span: lint.Span{Start: t.Start, End: t.End}, First: i, Last: i})
			continue
		}
		if fw.copiedBare(m.Lang, toks, i) {
			// "cc'd the supplier", "copied in the agency": the conversation
			// itself, the party right after.
			out = append(out, lint.Match{Cue: bareCopyCue, Span: lint.Span{Start: t.Start, End: t.End}, First: i, Last: i})
			continue
		}
		b := flags[i]
		if b&ownerBit != 0 {
			// "your dental impression": goods may be the word after next.
			// "your order number": a transaction's word before an
			// identifier names the customer's data; a product's ("your
			// product code") names the goods.
			n, nn := neighbour(toks, i, 1), -1
			if n >= 0 {
				nn = neighbour(toks, n, 1)
			}
			if n >= 0 && toks[n].Kind == lint.Word && nn >= 0 && toks[nn].Kind == lint.Word && isGoods(n, n) && fw.identifiers[m.Lang][toks[nn].Norm] && fw.transactions[m.Lang][toks[n].Norm] {
				out = append(out, lint.Match{Cue: identifierCue, Span: lint.Span{Start: t.Start, End: toks[nn].End}, First: i, Last: nn})
			} else if n >= 0 && toks[n].Kind == lint.Word && !isGoods(n, n) && !isGoods(nn, nn) {
				out = append(out, lint.Match{Cue: ownedCue, Span: lint.Span{Start: t.Start, End: toks[n].End}, First: i, Last: n})
			}
			continue
		}
		// A relative clause in the 2nd person makes the noun after it the
		// customer's: "verdiyiniz ərazi planını" (the site plan you gave).
		if b&relativeYouBit != 0 {
			for j, k := i, 0; k < 2; k++ {
				if j = neighbour(toks, j, 1); j < 0 || toks[j].Kind != lint.Word || toks[j].End > s.End || isGoods(j, j) ||
					fw.postpositions[m.Lang][toks[j].Norm] {
					break
				}
				out = append(out, lint.Match{Cue: ownedCue, Span: lint.Span{Start: toks[j].Start, End: toks[j].End}, First: j, Last: j})
			}
			continue
		}
		// "The measurements you sent": the noun before the customer's
		// giving is theirs.
		if fw.you[m.Lang][t.Norm] {
			p, n := neighbour(toks, i, -1), neighbour(toks, i, 1)
			if p >= 0 && n >= 0 && toks[p].Kind == lint.Word && toks[p].Start >= s.Start && fw.youGave[m.Lang][toks[n].Norm] && !isGoods(p, p) &&
				!fw.determiners[m.Lang][toks[p].Norm] && !fw.notOwned[m.Lang][toks[p].Norm] {
				out = append(out, lint.Match{Cue: ownedCue, Span: lint.Span{Start: toks[p].Start, End: toks[p].End}, First: p, Last: p})
			}
			continue
		}
		// Endings after an acronym stand after a hyphen: "CV-nizi".
		first, glued := i, false
		if h := i - 1; h > 0 && toks[h].Norm == "-" && toks[h].End == t.Start && toks[h-1].Kind == lint.Word && toks[h-1].End == toks[h].Start {
			first, glued = h-1, true
		}
		if b&notOwnedBit == 0 && b&ownedEndingBit == 0 && fw.ownedWith(m.Lang, toks, i, ends) && !isGoods(first, i) {
			out = append(out, lint.Match{Cue: ownedCue, Span: lint.Span{Start: toks[first].Start, End: t.End}, First: first, Last: i})
			continue
		}
		if b&notOwnedBit != 0 || b&ownedEndingBit == 0 {
			continue // not owned, or with none of the endings
		}
		for _, e := range ends {
			if strings.HasSuffix(t.Norm, e) && (len(t.Norm) > len(e)+2 || glued) && !fw.verbEnding(m.Lang, t.Norm) && !isGoods(first, i) {
				out = append(out, lint.Match{Cue: ownedCue, Span: lint.Span{Start: toks[first].Start, End: t.End}, First: first, Last: i})
				break
			}
		}
	}
	// "your parcel, together with your invoice": the invoice is packed with
	// the goods for the customer, not their data given to the carrier.
	out = slices.DeleteFunc(out, func(o lint.Match) bool {
		return o.Cue == ownedCue && fw.withGoods(m.Lang, toks, o, isGoods)
	})
	return out
}

// withGoods reports whether the customer's word o is joined by companions
// to goods before it ("your parcel, together with your invoice",
// "siparişinizi faturanızla birlikte", "məhsulunuzu qaiməniz ilə birlikdə").
func (fw *forwardingWords) withGoods(l lint.Lang, toks []lint.Token, o lint.Match, isGoods func(first, last int) bool) bool {
	joined := false
	if n := neighbour(toks, o.Last, 1); n >= 0 && fw.companions[l][toks[n].Norm] {
		joined = true // "faturanızla birlikte", "qaiməniz ilə"
	}
	p := neighbour(toks, o.First, -1)
	for k := 0; k < 3 && p >= 0 && (fw.companions[l][toks[p].Norm] || toks[p].Norm == ","); k++ {
		joined = joined || toks[p].Norm != ","
		p = neighbour(toks, p, -1)
	}
	return joined && p >= 0 && toks[p].Kind == lint.Word && isGoods(p, p)
}

// ownedWith (Turkish, Azerbaijani): word i is the customer's in the
// comitative with together after it ("adlarınızla birlikdə", "adresinizle
// birlikte"): what it adds to went, and it went too.
func (fw *forwardingWords) ownedWith(l lint.Lang, toks []lint.Token, i int, ends []string) bool {
	n := neighbour(toks, i, 1)
	if n < 0 || !fw.together[l][toks[n].Norm] {
		return false
	}
	w := toks[i].Norm
	for we := range fw.withEndings[l] {
		stem, ok := strings.CutSuffix(w, we)
		if !ok {
			continue
		}
		for _, e := range ends {
			if strings.HasSuffix(stem, e) && len(stem) > len(e)+2 && !fw.verbEnding(l, stem) {
				return true
			}
		}
	}
	return false
}

// receiveSubject (English): word j is one of subject_pronouns right
// before a receive verb ("…, and they now have your email"): it stands for
// the party before it as an object pronoun does.
func (fw *forwardingWords) receiveSubject(l lint.Lang, toks []lint.Token, j int, verbs []lint.Match) bool {
	if !fw.subjectPronouns[l][toks[j].Norm] {
		return false
	}
	n := neighbour(toks, j, 1)
	return n >= 0 && slices.ContainsFunc(verbs, func(v lint.Match) bool { return v.First == n && fw.receives[l][v.Cue] })
}

// ccAs reports whether word i is one of cc_words with one of as_words
// after it ("CC olarak", "bilgi olarak": cc'd).
func (fw *forwardingWords) ccAs(l lint.Lang, toks []lint.Token, i int) bool {
	if !fw.ccWords[l][toks[i].Norm] {
		return false
	}
	n := neighbour(toks, i, 1)
	return n >= 0 && fw.asWords[l][toks[n].Norm]
}

// describesGoods reports whether a sending verb is a participle describing
// the goods after it ("kuryerə verilmiş bağlamanın ünvanı", "kargoya
// verilen paketin adresi": the parcel was handed over, and the address is
// the parcel's): what went to the receiver is the goods, not the customer's
// data.
func (fw *forwardingWords) describesGoods(l lint.Lang, toks []lint.Token, v lint.Match, goods []lint.Match) bool {
	if v.Last < 0 {
		return false
	}
	n := neighbour(toks, v.Last, 1)
	if n < 0 || toks[n].Kind != lint.Word {
		return false
	}
	// The goods after it first: most verbs have none, and the endings
	// are compared folded.
	if !slices.ContainsFunc(goods, func(g lint.Match) bool { return g.First <= n && g.Last >= n }) {
		return false
	}
	for e := range fw.attributiveEndings[l] {
		if strings.HasSuffix(lint.Fold(l, toks[v.Last].Norm), lint.Fold(l, e)) {
			return true
		}
	}
	return false
}

// verbEnding: a 2nd person ending that is a verb's (gönderdiniz,
// bilirsiniz), not a possessive.
func (fw *forwardingWords) verbEnding(l lint.Lang, w string) bool {
	el := fw.verbPersonList[l]
	return el != nil && el.has(l, w, false)
}

// namedRecipients are proper names a message sends something to: a word
// with a capital (or a brand's camel case, "iTicket", "eBay") inside a sentence, after "to"/"with" in English
// ("with Veriscan"), with an apostrophe ending in Turkish and Azerbaijani
// ("Veriscan'a"). A capitalised word the language has as a common word is
// a label of the app's own (the "Sent" folder, "Qrupa"), not a name,
// unless it is part of a longer name ("Yurtiçi Kargo'ya").
//
// flags are fw.flags of the tokens.
func (fw *forwardingWords) namedRecipients(m *lint.Message, toks []lint.Token, flags []wordBits) []lint.Match {
	before := fw.to[m.Lang]
	var out []lint.Match
	var markup []lint.Span
	looked := false
	for i := range toks {
		t := &toks[i]
		if t.Kind != lint.Word || i == 0 {
			continue
		}
		if flags[i]&capitalBit == 0 || sentenceStart(toks, i) {
			continue // most words: neither a capital nor camel case
		}
		w := m.Body.Text[t.Start:t.End]
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !camelCase(w) || utf8.RuneCountInString(w) < 3 && !fw.legalForm(m, toks, i) || allCaps(w) && !fw.legalForm(m, toks, i) && !fw.acronymCompanies[m.Lang][t.Norm] ||
			joinedCode(m.Body.Text, *t) && hyphenSuffix(m.Body.Text, toks, i) == "" {
			continue
		}
		if !looked {
			markup, looked = placeholderSpans(m.Body.Text), true
		}
		if inSpans(markup, t.Start) {
			continue
		}
		prev := neighbour(toks, i, -1)
		if prev >= 0 && toks[prev].Norm == "." {
			if pp := neighbour(toks, prev, -1); pp >= 0 && fw.titles[m.Lang][toks[pp].Norm] {
				prev = pp // "Prof. Lindqvist"
			}
		}
		if prev >= 0 && fw.titles[m.Lang][toks[prev].Norm] {
			prev = neighbour(toks, prev, -1) // "to Mrs Osei": a title stands between "to" and the name
		}
		last := i
		if n := neighbour(toks, i, 1); n >= 0 && toks[n].Kind == lint.Word && honorificStem(toks[n].Norm, fw.honorifics[m.Lang]) != "" {
			last = n // "Elnur bəyə": the title carries the name's case
		} else if n >= 0 && toks[n].Kind == lint.Word && allCaps(w) && fw.acronymCompanies[m.Lang][t.Norm] && prev >= 0 && fw.determiners[m.Lang][toks[prev].Norm] &&
			noCapital(m.Body.Text[toks[n].Start:toks[n].End]) {
			// "the DHL driver", "a UPS depot": a carrier's name before a
			// noun names its people or its place, theirs.
			last = n
			if pp := neighbour(toks, prev, -1); pp >= 0 && fw.to[m.Lang][toks[pp].Norm] || sentenceStart(toks, prev) {
				prev = pp
			}
			if prev < 0 {
				out = append(out, lint.Match{Cue: "name", Span: lint.Span{Start: t.Start, End: toks[last].End}, First: i, Last: last})
				continue
			}
		}
		// A common word capitalised with a case after a hyphen is a name:
		// "Michelin-in" (the dictionary has "michelin", the guide), and so
		// is one before a title ("Elnur bəyə").
		// "We CC'd Parcelnet on your email": a name right after a copy-in
		// verb is the party copied in.
		if (before == nil || prev >= 0 && (before[toks[prev].Norm] || fw.afterCopyIn(m, toks[prev].End))) &&
			!(commonWord(m.Lang, w) && !(allCaps(w) && (fw.acronymCompanies[m.Lang][t.Norm] || fw.legalForm(m, toks, i))) && last == i && !inName(m.Body.Text, toks, lint.Match{First: i, Last: i}) && hyphenSuffix(m.Body.Text, toks, i) == "") {
			out = append(out, lint.Match{Cue: "name", Span: lint.Span{Start: t.Start, End: toks[last].End}, First: i, Last: last})
		}
	}
	return out
}

// afterCopyIn (English): the text before byte end closes with one of the
// verbs that copy a party in and send nothing else ("CC'd", "copied"), a
// word or more tokens ("cc", "'", "d").
func (fw *forwardingWords) afterCopyIn(m *lint.Message, end int) bool {
	for w := range fw.copyIn[m.Lang] {
		if fw.copyInOnly[m.Lang][w] || end < len(w) {
			continue
		}
		if strings.EqualFold(strings.ReplaceAll(m.Body.Text[end-len(w):end], "’", "'"), w) && (end == len(w) || !unicode.IsLetter(rune(m.Body.Text[end-len(w)-1]))) {
			return true
		}
	}
	return false
}

// honorificStem is the honorific a word starts with ("bəyə": "bəy"), or
// "" when it starts with none.
func honorificStem(w string, titles map[string]bool) string {
	if i := strings.IndexAny(w, "'’"); i > 0 {
		w = w[:i]
	}
	best := ""
	for h := range titles {
		if strings.HasPrefix(w, h) && len(h) > len(best) && utf8.RuneCountInString(w)-utf8.RuneCountInString(h) <= 3 {
			best = h
		}
	}
	return best
}

// legalForm reports whether the word at i is a company's legal form in
// capitals right after a capitalised word: the end of a name.
func (fw *forwardingWords) legalForm(m *lint.Message, toks []lint.Token, i int) bool {
	if !fw.legalForms[m.Lang][toks[i].Norm] {
		return false
	}
	p := neighbour(toks, i, -1)
	if p >= 0 && toks[p].Kind != lint.Word && strings.ContainsAny(m.Body.Text[toks[p].Start:toks[p].End], "\"”»'’") {
		p = neighbour(toks, p, -1) // a quoted name: “Qranit Usta” MMC-yə
	}
	if p >= 0 && toks[p].Norm == "." {
		// "Ltd. Şti.": a legal form of two words.
		q := neighbour(toks, p, -1)
		return q >= 0 && toks[q].Kind == lint.Word && fw.legalForms[m.Lang][toks[q].Norm] && fw.legalForm(m, toks, q)
	}
	return p >= 0 && toks[p].Kind == lint.Word && !noCapital(m.Body.Text[toks[p].Start:toks[p].End])
}

// noCapital reports whether a word has no capital letter, reading its
// ASCII bytes as bytes.
func noCapital(w string) bool {
	for i := 0; i < len(w); {
		if c := w[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		if lint.IsUpper(r) { // unicode.IsUpper, the Latin letters from a table
			return false
		}
		i += n
	}
	return true
}

// quotedName reports whether a match opens a name in quotes: an opening
// quote right before it and a capital at its start (“Usta Pro”ya).
func quotedName(text string, toks []lint.Token, c lint.Match) bool {
	if c.First <= 0 || c.First >= len(toks) || !upperInitial(text[toks[c.First].Start:toks[c.First].End]) {
		return false
	}
	q := toks[c.First-1]
	if q.End == toks[c.First].Start && strings.Contains(`"“«„`, q.Norm) && q.Norm != "" {
		return true
	}
	// The name's last word: “Qranit Usta” MMC-yə.
	if c.Last+1 >= len(toks) || c.Last < 0 {
		return false
	}
	q, p := toks[c.Last+1], neighbour(toks, c.First, -1)
	return q.Start == toks[c.Last].End && strings.Contains(`"”»`, q.Norm) && q.Norm != "" &&
		p >= 0 && toks[p].Kind == lint.Word && upperInitial(text[toks[p].Start:toks[p].End])
}

// quoted reports whether byte offset at of a sentence stands inside double
// quotes: words quoted ("“Ay'a roket göndereceğim” demeniz", “I'll send it
// to my lawyer”) are someone's words, not what we did.
func quoted(sent string, at int) bool {
	before, after := sent[:at], sent[at:]
	if lastCurlyQuoteOpens(before) {
		return strings.ContainsAny(after, "”»")
	}
	return straightQuotes(before)%2 == 1 && straightQuotes(after) > 0
}

// straightQuotes counts the straight double quotes of s that are not inch
// marks: one right after a digit is a size (`your 65" TV`).
func straightQuotes(s string) int {
	n := 0
	for i := strings.IndexByte(s, '"'); i >= 0; i = strings.IndexByte(s, '"') {
		if i == 0 || s[i-1] < '0' || s[i-1] > '9' {
			n++
		}
		s = s[i+1:]
	}
	return n
}

// inName reports whether a match is capitalised inside a sentence next to
// another capitalised word: part of a name or a label ("Yurtiçi Kargo",
// the field "Gönderen Posta"), so a sending verb there names, not sends.
func inName(text string, toks []lint.Token, c lint.Match) bool {
	if c.First < 0 || sentenceStart(toks, c.First) {
		return false
	}
	capital := func(j int) bool {
		if j < 0 || toks[j].Kind != lint.Word {
			return false
		}
		r, _ := utf8.DecodeRuneInString(text[toks[j].Start:toks[j].End])
		return unicode.IsUpper(r)
	}
	if !capital(c.First) {
		return false
	}
	return capital(neighbour(toks, c.First, -1)) && !sentenceStart(toks, neighbour(toks, c.First, -1)) || capital(neighbour(toks, c.Last, 1))
}

// appositiveNames are names that are also common words, right after a
// third party's noun: the apposition names that party ("nakliye firması
// Taşır'a", "ödeme sağlayıcımız Papel'e"). The case after an apostrophe
// marks a proper name in Turkish and Azerbaijani spelling, whatever the
// word; namedRecipients leaves common words out, as most of them are no name.
func (fw *forwardingWords) appositiveNames(m *lint.Message, toks []lint.Token, third, names []lint.Match) []lint.Match {
	var out []lint.Match
	for _, t := range third {
		i := neighbour(toks, t.Last, 1)
		if i < 0 || toks[i].Kind != lint.Word || sentenceStart(toks, i) || slices.ContainsFunc(names, func(n lint.Match) bool { return n.First == i }) {
			continue
		}
		w := m.Body.Text[toks[i].Start:toks[i].End]
		if a := strings.IndexAny(w, "'’"); a > 0 && upperInitial(w) && !allCaps(w[:a]) && utf8.RuneCountInString(w[:a]) >= 3 && commonWord(m.Lang, w) {
			out = append(out, lint.Match{Cue: "name", Span: lint.Span{Start: toks[i].Start, End: toks[i].End}, First: i, Last: i})
		}
	}
	return out
}

// appositiveBrands (English): a brand's name set off by a comma after a
// carrier's noun (carriers) names that party, even after "our": "handed to
// our courier, ParcelDash, for delivery" (a courier firm we use), unlike
// "our driver, Tom" (one of our staff). A brand is told from a person by its
// shape: one word, capitalised, with a capital inside it ("SwiftHaul"),
// not a surname's prefix ("McKenzie", "MacLeod"); a person's role ("our
// stylist, DeShawn") or "who" after the name makes it a person.
func (fw *forwardingWords) appositiveBrands(m *lint.Message, toks []lint.Token, third, names []lint.Match) []lint.Match {
	if fw.ourList[m.Lang] != nil {
		return nil
	}
	var out []lint.Match
	for _, t := range third {
		c := neighbour(toks, t.Last, 1)
		if c < 0 || toks[c].Norm != "," {
			continue
		}
		i := neighbour(toks, c, 1)
		if i < 0 || toks[i].Kind != lint.Word || slices.ContainsFunc(names, func(n lint.Match) bool { return n.First == i }) {
			continue
		}
		// Only a firm's noun takes a brand (carriers: "our courier,
		// ParcelDash"); a person's role takes a person's name, whatever
		// its shape ("our stylist, DeShawn"), and so does any noun with
		// "who" after the name.
		if !fw.carrier(m.Lang, t) {
			continue
		}
		if a := neighbour(toks, i, 1); a >= 0 && toks[a].Norm == "," {
			i2 := neighbour(toks, a, 1)
			if i2 >= 0 && toks[i2].Norm == "who" {
				continue
			}
		} else if a >= 0 && toks[a].Norm == "who" {
			continue
		}
		if w := m.Body.Text[toks[i].Start:toks[i].End]; brandShaped(w) {
			// The match spans the noun too: the phrase is introduced by
			// the noun's "to" ("to our courier, ParcelDash").
			out = append(out, lint.Match{Cue: "name", Span: lint.Span{Start: t.Span.Start, End: toks[i].End}, First: t.First, Last: i})
		}
	}
	return out
}

// brandShaped: a capitalised word, not all capitals, with a capital after
// its second letter ("ParcelDash"), and not one of the surname prefixes
// Mc and Mac.
func brandShaped(w string) bool {
	if utf8.RuneCountInString(w) < 4 || !upperInitial(w) || allCaps(w) || strings.HasPrefix(w, "Mc") || strings.HasPrefix(w, "Mac") {
		return false
	}
	_, n := utf8.DecodeRuneInString(w)
	r2, n2 := utf8.DecodeRuneInString(w[n:])
	if unicode.IsUpper(r2) {
		return false
	}
	for _, r := range w[n+n2:] {
		if r == '\'' || r == '’' || r == '-' {
			break
		}
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// commonWord reports whether a capitalised word, without the suffix after
// its apostrophe, is a word of the language's dictionary in lower case.
func commonWord(l lint.Lang, w string) bool {
	if i := strings.IndexAny(w, "'’"); i > 0 {
		w = w[:i]
	}
	known, _ := inDictionary(l, lint.Lower(l, w))
	return known
}

// mood: the sending verb itself is negated, of ability or
// conditional, so nothing was sent ("paylaşmayacağız", "paylaşabiliriz",
// "iletirsek", "ötürə bilərik"): after its lemma and any passive ending
// comes a mood ending, a conditional ending stands anywhere in it, or an
// ability verb follows it.
func (fw *forwardingWords) mood(l lint.Lang, toks []lint.Token, v lint.Match, folded bool) bool {
	if v.First < 0 {
		return false
	}
	// An English verb that starts a sentence tells the customer what to do
	// ("Send the form to …"); after "to" it is an infinitive.
	if fw.infinitive[l] != nil {
		prev := neighbour(toks, v.First, -1)
		return sentenceStart(toks, v.First) || prev >= 0 && (fw.infinitive[l][toks[prev].Norm] || fw.imperativeBefore[l][toks[prev].Norm]) ||
			fw.adverbsFirst(l, toks, v)
	}
	start, anywhere := fw.moodEndings[l], fw.conditionalEndings[l]
	if start == nil {
		return false
	}
	// Folded in a text typed without the letters, so that "gondermedik" is
	// read too; only there, as folding merges endings: "yönləndirmişəm"
	// (I have forwarded) folded holds "se", the conditional's "sə".
	fold := func(s string) string {
		if folded {
			return lint.Fold(l, s)
		}
		return s
	}
	// A 2nd person verb says the customer does it ("konsolosluğa kendiniz
	// teslim edersiniz", "gönderdiğiniz belgeler").
	if fw.verbEnding(l, toks[v.Last].Norm) {
		return true
	}
	w := fold(toks[v.Last].Norm)
	raw := lint.CueLemma(lastField(v.Cue))
	lemma := fold(raw)
	if !strings.HasPrefix(w, lemma) {
		// A lemma's last "t" softens to "d" before a vowel ("teslim et":
		// "edilmeyecek", "devret": "devredilmez"), unless it is one of
		// hard_stems ("at": "atılmadı").
		soft, ok := strings.CutSuffix(lemma, "t")
		if !ok || fw.hardStems[l][raw] || !strings.HasPrefix(w, soft+"d") {
			return false
		}
		lemma = soft + "d"
	}
	rest := w[len(lemma):]
	// A bare stem or an imperative tells the customer what to do ("İçe
	// aktar", "paylaşın"); an infinitive names the act ("paylaşmak için").
	if rest == "" || fw.imperativeEndings[l][rest] {
		return true
	}
	if fw.aspectEndings[l][fw.unvoiced(l, rest, fold)] {
		// "paylaşılmaya başlanacak": the verb of beginning is the fact,
		// with its own mood ("başlamayacak", will not start; "başlarsak",
		// if we start).
		if n := neighbour(toks, v.Last, 1); n >= 0 && toks[n].Kind == lint.Word {
			for a := range fw.aspectVerbs[l] {
				if after, ok := strings.CutPrefix(fold(toks[n].Norm), fold(a)); ok {
					after = fw.unvoiced(l, after, fold)
					return fw.moodStart(l, after, fold) || slices.ContainsFunc(slices.Collect(maps.Keys(anywhere)), func(e string) bool { return strings.Contains(after, fold(e)) }) ||
						fw.moodNext[l][toks[max(neighbour(toks, n, 1), 0)].Norm]
				}
			}
		}
	}
	for e := range fw.infinitiveEndings[l] {
		if strings.HasSuffix(rest, fold(e)) {
			return true
		}
	}
	// A clause of time ("gönderirken", while sending) tells no fact of
	// its own: the customer's act it times is the sentence's.
	// Only when the sentence's main verb is the customer's (an imperative
	// or 2nd person ending, converb_main_endings: "gönderirken … ekleyin");
	// "iletirken … paylaştık" tells the brand's act.
	for e := range fw.converbEndings[l] {
		if strings.HasSuffix(rest, fold(e)) && fw.customersMainVerb(l, toks, v.Last, fold) {
			return true
		}
	}
	rest = fw.unvoiced(l, rest, fold)
	if fw.moodStart(l, rest, fold) {
		return true
	}
	// A participle in the plural is a noun: "mobil verilənlər" (mobile
	// data), "Gönderilenler" (the sent folder).
	for e := range fw.nounParticiple[l] {
		if strings.HasPrefix(rest, fold(e)) {
			return true
		}
	}
	for e := range anywhere {
		if strings.Contains(rest, fold(e)) {
			return true
		}
	}
	n := neighbour(toks, v.Last, 1)
	return n >= 0 && fw.moodNext[l][toks[n].Norm]
}

// unvoiced is a verb's endings without the voice at their start
// ("ıldı": "dı").
func (fw *forwardingWords) unvoiced(l lint.Lang, rest string, fold func(string) string) string {
	for voice := range fw.voiceEndings[l] {
		if voice = fold(voice); strings.HasPrefix(rest, voice) {
			return rest[len(voice):]
		}
	}
	return rest
}

// moodStart reports whether a verb's endings after its voice start with
// one of mood_endings (negation, ability).
func (fw *forwardingWords) moodStart(l lint.Lang, rest string, fold func(string) string) bool {
	for e := range fw.moodEndings[l] {
		if strings.HasPrefix(rest, fold(e)) {
			return true
		}
	}
	return false
}

// othersTeam reports whether a team named as the receiver belongs to
// another organisation: an owner in the genitive before it ("X's team",
// "üreticinin uzman ekibi") and no 1st person plural possessive on it
// ("ekibimiz", "komandamız" are ours).
func (fw *forwardingWords) othersTeam(m *lint.Message, toks []lint.Token, o lint.Match) bool {
	if o.First < 0 {
		return false
	}
	folded := lint.Folded(m.Lang, m.Body.Text)
	if fw.ours(m.Lang, toks[o.Last].Norm, folded) || fw.ourWords[m.Lang][toks[o.First].Norm] {
		return false // "ekibimiz", "our in-store vet"
	}
	for j, k := o.First, 0; k < 3; k++ {
		if j = neighbour(toks, j, -1); j < 0 || toks[j].Kind != lint.Word || fw.to[m.Lang][toks[j].Norm] {
			return false // an owner stands in the team's phrase, not before "to" or "with"
		}
		if fw.postpositions[m.Lang][toks[j].Norm] {
			continue // "üçün", "için" (for) end like a genitive and own nothing
		}
		glued := j >= 2 && hyphenSuffix("", toks, j-2) != "" // "Stripe-ın dəstək komandası"
		// A name that opens with digits ("3M's", "7-Eleven's") comes as a
		// number and its letters: with the number, one letter before the
		// ending is a stem.
		numbered := j >= 1 && toks[j-1].Kind == lint.Number && toks[j-1].End == toks[j].Start
		for _, e := range fw.genitiveList[m.Lang] {
			if (len(toks[j].Norm) > len(e)+1 || numbered && len(toks[j].Norm) > len(e) ||
				glued && lint.Fold(m.Lang, toks[j].Norm) == lint.Fold(m.Lang, e)) &&
				hasEnding(m.Lang, toks[j].Norm, e, folded) {
				// "bankamızın kredi birimi" is our bank's unit; an event's
				// team ("turnuvanın hakem ekibi", "the festival's safety
				// team") is its organiser's, no other organisation.
				// In a text typed without the letters the ending is cut
				// as it stands there: "subemizin" less "in", not less
				// "ın", a byte longer ("subemi"), nor past the start of
				// a glued ending alone ("“Enerji Drink”in").
				w, cut := toks[j].Norm, e
				if folded {
					w, cut = lint.Fold(m.Lang, w), lint.Fold(m.Lang, e)
				}
				stem := w[:len(w)-len(cut)]
				// "tedarikçimizin sosyal medya ekibi": our supplier's team
				// is still the supplier's (external_roles).
				// "the club's safety officer": the club alone is ours.
				return (!fw.ours(m.Lang, stem, folded) || fw.externalLemma(m.Lang, stem)) && !fw.event(m.Lang, stem) && !fw.unkindedAt(m, toks, j, stem)
			}
		}
	}
	return false
}

// companysTeam: a team right after a company's name with its legal form
// ("Tekerlek Mekanik Ltd. ekibiyle", "Qranit MMC komandasına") is that
// company's.
func (fw *forwardingWords) companysTeam(m *lint.Message, toks []lint.Token, o lint.Match) bool {
	if o.First < 0 || fw.ours(m.Lang, toks[o.Last].Norm, lint.Folded(m.Lang, m.Body.Text)) {
		return false
	}
	p := neighbour(toks, o.First, -1)
	if p >= 0 && toks[p].Norm == "." {
		p = neighbour(toks, p, -1) // "Ltd."
	}
	return p >= 0 && toks[p].Kind == lint.Word && fw.legalForm(m, toks, p)
}

// companyNamed is a team's match grown back over the capitalised words
// and legal form of the company's name before it.
func companyNamed(text string, toks []lint.Token, o lint.Match) lint.Match {
	for p := neighbour(toks, o.First, -1); p >= 0 && (toks[p].Norm == "." || toks[p].Kind == lint.Word && !noCapital(text[toks[p].Start:toks[p].End])); p = neighbour(toks, p, -1) {
		if toks[p].Kind == lint.Word {
			if sentenceStart(toks, p) {
				break // "Şikayətiniz Qranit MMC komandasına": capitalised as the sentence's first word
			}
			o.First, o.Span.Start = p, toks[p].Start
		}
	}
	return o
}

// othersTeams reports whether a team named in the message belongs to
// another organisation (see othersTeam).
func (fw *forwardingWords) othersTeams(m *lint.Message, toks []lint.Token, own *lint.Phrases) bool {
	if !hasIn(own, m) {
		return false
	}
	return slices.ContainsFunc(own.FindIn(m), func(o lint.Match) bool {
		return fw.othersTeam(m, toks, o) || fw.atCompany(m, toks, o) || fw.companysTeam(m, toks, o) || fw.publicOfficer(m, toks, o)
	})
}

// forwardingScratches hold the lists' cues found in a message while the
// rule reads them: a message with a sending verb is a common one.
var forwardingScratches = sync.Pool{New: func() any { return new(cueScratch) }}

// event: a stem is an event's (a tournament, a festival): the lemma, its
// last letter softened before a vowel (etkinlik: etkinliğin) or the
// genitive's buffer n after it (turnuva-n-ın, as the ending is cut either
// way). No more: the lemma's start alone would make "liman" (a port) and
// "lise" (a school) the league's ("lig").
func (fw *forwardingWords) event(l lint.Lang, stem string) bool {
	for e := range fw.events[l] {
		last, n := utf8.DecodeLastRuneInString(e)
		rest, ok := strings.CutPrefix(stem, e[:len(e)-n])
		if !ok || len(e) <= n {
			continue
		}
		for _, end := range [...]string{string(last), string(softened(last))} {
			if rest == end || rest == end+"n" {
				return true
			}
		}
	}
	return false
}

// softened is a consonant as Turkish and Azerbaijani write it at a stem's
// end before a vowel (k: ğ, p: b, t: d, ç: c; q: ğ), any other letter as is.
func softened(r rune) rune {
	switch r {
	case 'k', 'q':
		return 'ğ'
	case 'p':
		return 'b'
	case 't':
		return 'd'
	case 'ç':
		return 'c'
	}
	return r
}

// ours: a word with the 1st person plural possessive ending, or after
// "own" ("kendi ekibimiz", "our own team").
func (fw *forwardingWords) ours(l lint.Lang, w string, folded bool) bool {
	el := fw.ourList[l]
	return el != nil && el.has(l, w, folded)
}

// hasEnding compares a word's ending, folded in a folded text.
func hasEnding(l lint.Lang, w, e string, folded bool) bool {
	if folded {
		return strings.HasSuffix(lint.Fold(l, w), lint.Fold(l, e))
	}
	return strings.HasSuffix(w, e)
}

// ownReceiver: the brand's own team named as the receiver ("our billing
// team") overlaps the third-party cue ("partner" in "our team partner").
func ownReceiver(own []lint.Match, t lint.Match) bool {
	for _, o := range own {
		if o.Span.Start <= t.Span.End && o.Span.End >= t.Span.Start {
			return true
		}
	}
	return false
}

// clauses splits sentences where a comma and a contrast word ("but",
// "ama", "lakin") start another clause: "the sample went to the lab, but
// your name was not passed on" tells two things, and only a clause with a
// sending verb, what was sent and who got it forwards data.
func (fw *forwardingWords) clauses(l lint.Lang, toks []lint.Token, sents []lint.Span, flags []wordBits) []lint.Span {
	if fw.contrast[l] == nil {
		return sents
	}
	var out []lint.Span
	for _, s := range sents {
		start := s.Start
		for i := firstTokenAt(toks, s.Start); i < len(toks) && toks[i].Start <= s.End; i++ {
			t := toks[i]
			if t.Start <= start || t.End > s.End {
				continue
			}
			if t.Kind == lint.Punct && t.Norm == ";" {
				// A semicolon ends a clause: "kayıt bilgileriniz bizde;
				// merkeze yalnızca sayı bildiriliyor".
				out = append(out, lint.Span{Start: start, End: t.Start})
				start = t.Start
				continue
			}
			if flags[i]&contrastBit == 0 && !fw.newSubject(l, toks, i) {
				continue
			}
			if prev := neighbour(toks, i, -1); prev >= 0 && toks[prev].Kind == lint.Punct && toks[prev].Norm == "," && toks[prev].Start > start {
				out = append(out, lint.Span{Start: start, End: toks[prev].Start})
				start = toks[prev].Start
			}
		}
		out = append(out, lint.Span{Start: start, End: s.End})
	}
	return out
}

// newSubject: a coordinator with a subject pronoun after it (", and
// she'll speak to the restaurant") starts a clause of its own.
func (fw *forwardingWords) newSubject(l lint.Lang, toks []lint.Token, i int) bool {
	if coordinators := fw.coordinators[l]; len(coordinators) == 0 || !coordinators[toks[i].Norm] {
		return false
	}
	n := neighbour(toks, i, 1)
	if n < 0 || toks[n].Kind != lint.Word {
		return false
	}
	w := toks[n].Norm
	if k := strings.IndexAny(w, "'’"); k > 0 {
		w = w[:k] // "she'll"
	}
	return fw.subjects[l][w]
}

// headCue marks a receiver found as the head noun after a third-party
// modifier (see modifiedHeads): its case ending is read off the word's end.
const headCue = "head after a third-party modifier"

// modifiedHeads are receivers made third parties by a word before them
// ("tərəfdaş taksi parkına", "fason matbaaya": a partner's fleet, a
// contract printer): in Turkish and Azerbaijani the case ending stands on
// the head noun, one or two words after the modifier.
func (fw *forwardingWords) modifiedHeads(l lint.Lang, toks []lint.Token, mods []lint.Match, s lint.Span) []lint.Match {
	if fw.receiverEndings[l] == nil {
		return nil
	}
	var out []lint.Match
	for _, md := range mods {
		if md.Last < 0 || md.Span.Start < s.Start || md.Span.End > s.End {
			continue
		}
		for j, k := md.Last, 0; k < 2; k++ {
			if j = neighbour(toks, j, 1); j < 0 || toks[j].Kind != lint.Word || toks[j].End > s.End {
				break
			}
			if fw.articles[l][toks[j].Norm] {
				k-- // "kənar bir elektrikçiyə": the article counts for no word of the phrase
				continue
			}
			if fw.customerWord(l, toks[j].Norm, false) {
				break // "serbest çalışan müşterilerimize": a kind of our customers, no party
			}
			if k == 0 && fw.lightVerb(l, toks[j].Norm) {
				break // "tanış olduq": a predicate, no party
			}
			j = hyphenated(toks, j)
			out = append(out, lint.Match{Cue: headCue, Span: lint.Span{Start: md.Span.Start, End: toks[j].End}, First: md.First, Last: j})
		}
	}
	return out
}

// lightVerb reports whether w is a form of one of light_verbs ("olduq",
// "edirik"): a verb form is the stem with an ending starting with a
// consonant of the past, the infinitive or the present, or the stem alone.
func (fw *forwardingWords) lightVerb(l lint.Lang, w string) bool {
	for stem := range fw.lightVerbs[l] {
		if rest, ok := strings.CutPrefix(w, stem); ok && (rest == "" || strings.ContainsRune("dtmuıiəaü", []rune(rest)[0]) && len([]rune(rest)) <= 6) {
			return true
		}
	}
	return false
}

// partnerHeads are receivers made third parties by a relative clause after
// them ("the kennel we work with", "the printer we use"): the word right
// before the clause is its head, unless it is a thing, data or goods ("the
// email address we work with"; things marks their tokens). clauses are the
// clause's own, so a long message is not read once per clause.
func partnerHeads(toks []lint.Token, clauses []lint.Match, things []bool, s lint.Span) []lint.Match {
	var out []lint.Match
	for _, c := range clauses {
		if c.First < 0 || c.Span.Start < s.Start || c.Span.End > s.End {
			continue
		}
		j := neighbour(toks, c.First, -1)
		if j >= 0 && toks[j].Kind == lint.Word && toks[j].Start >= s.Start && !things[j] {
			out = append(out, lint.Match{Cue: headCue, Span: lint.Span{Start: toks[j].Start, End: toks[j].End}, First: j, Last: j})
		}
	}
	return out
}

// ownMarked: a receiver after "own" ("our own service centre", "kendi
// servis merkezimize", "öz servis mərkəzimizə") is the brand's.
func (fw *forwardingWords) ownMarked(l lint.Lang, toks []lint.Token, r lint.Match) bool {
	return wordWithinBefore(toks, r.First, 3, fw.own[l])
}

// camelCase: a word that begins in lower case and has a capital after it,
// as brands write their names ("iTicket", "eBay", "myTaxi").
func camelCase(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsLower(r) {
		return false
	}
	for _, c := range w[n:] {
		if c == '\'' || c == '’' || c == '-' {
			break // the case ending: "iTicket-ə"
		}
		if unicode.IsUpper(c) {
			return true
		}
	}
	return false
}

// copiedIn: a party copied or added into the conversation itself ("copied
// the installer on this e-mail", "added the locksmith to this chat",
// "cc'd the lab into the thread"): the receiver right after the verb (a
// determiner and up to three words between, none "to"), then, within five
// words, the conversation with "this" or "the" before it.
func (fw *forwardingWords) copiedIn(m *lint.Message, toks []lint.Token, v, d, t lint.Match) bool {
	l := m.Lang
	if !fw.copyIn[l][v.Cue] || v.Last < 0 || t.First < 0 || d.First < 0 || !fw.copyInto[l][toks[d.Last].Norm] {
		return false
	}
	for e := range fw.genitiveEndings[l] {
		if strings.HasSuffix(toks[t.Last].Norm, e) {
			return false // "added the florist's invoice to this thread": an owner, not a receiver
		}
	}
	reach := 3
	for j, k := neighbour(toks, v.Last, 1), 0; j != t.First; j, k = neighbour(toks, j, 1), k+1 {
		if j >= 0 && fw.atWords[l][toks[j].Norm] {
			reach = 6 // "the curator at the city library": a role at another body is that body's
		}
		if j < 0 || j > t.First || k > reach || toks[j].Kind != lint.Word || fw.to[l][toks[j].Norm] {
			return false
		}
	}
	p := neighbour(toks, d.First, -1)
	if p < 0 || !fw.determiners[l][toks[p].Norm] {
		return false
	}
	for j, k := t.Last, 0; j != p; k++ {
		if j = neighbour(toks, j, 1); j >= 0 && j == neighbour(toks, t.Last, 1) && toks[j].Norm == "," {
			if c := appositiveEnd(m, toks, j); c != j {
				j = neighbour(toks, c, 1) // "copied in our distributor, Acme Ltd, on this thread": the party's name
			}
		}
		if j < 0 || j > p || k > 5 || toks[j].Kind != lint.Word {
			return false
		}
	}
	return true
}

// copiedAndSent (English): a party copied in and, in the same clause,
// something sent with a verb of its own and no receiver of its own ("we've
// looped in the publisher and shared your message"): the party copied in
// got it. The party stands right after the copy-in verb or its particle, a
// coordinator after the party, then the second sending verb and what was
// sent after it.
func (fw *forwardingWords) copiedAndSent(l lint.Lang, toks []lint.Token, v, d, t lint.Match, verbs []lint.Match) bool {
	if v.Last < 0 || t.First < 0 || d.First < 0 || len(fw.coordinators[l]) == 0 || !(v.Span.End <= t.Span.Start && t.Span.End <= d.Span.Start) {
		return false
	}
	for j, k := neighbour(toks, v.Last, 1), 0; j != t.First; j, k = neighbour(toks, j, 1), k+1 {
		if j < 0 || j > t.First || k > 3 || toks[j].Kind != lint.Word || fw.to[l][toks[j].Norm] {
			return false // "the", "in the": no more than a particle and a determiner or an owner
		}
	}
	and := neighbour(toks, t.Last, 1)
	if and < 0 || !fw.coordinators[l][toks[and].Norm] {
		return false
	}
	second := neighbour(toks, and, 1)
	if second < 0 || !slices.ContainsFunc(verbs, func(w lint.Match) bool { return w.First == second && !fw.copyInOnly[l][w.Cue] }) {
		return false
	}
	// What was sent right after the second verb, perhaps after an owner or
	// a determiner ("shared your message"), and no "to" or "with" after it
	// within the clause names a receiver of its own.
	n, k := neighbour(toks, second, 1), 0
	for ; n >= 0 && n < d.First && k < 2; n, k = neighbour(toks, n, 1), k+1 {
		if toks[n].Kind != lint.Word || !fw.determiners[l][toks[n].Norm] {
			return false
		}
	}
	if n != d.First {
		return false
	}
	for j, k := neighbour(toks, d.Last, 1), 0; j >= 0 && k < 6 && toks[j].Kind == lint.Word; j, k = neighbour(toks, j, 1), k+1 {
		if fw.to[l][toks[j].Norm] {
			return false // "and shared your message with the designer": that verb's receiver
		}
	}
	return true
}

// appositiveEnd: after the comma at i, a name (capitalised words, a legal
// form among them) closed by another comma stands beside the word before
// the first comma; appositiveEnd is the closing comma's index, or i when no
// such name follows.
func appositiveEnd(m *lint.Message, toks []lint.Token, i int) int {
	j, words := neighbour(toks, i, 1), 0
	for ; j >= 0 && toks[j].Kind == lint.Word && words < 4; j, words = neighbour(toks, j, 1), words+1 {
		if !upperInitial(m.Body.Text[toks[j].Start:toks[j].End]) {
			return i
		}
	}
	if words == 0 || j < 0 || toks[j].Norm != "," {
		return i
	}
	return j
}

// receiverFirst: an English passive whose subject is the receiver ("the
// seller has been given your address", "the landlord was sent your
// references"): the receiver before the verb, a form of "be" right before
// the verb and what was sent after it.
func (fw *forwardingWords) receiverFirst(l lint.Lang, toks []lint.Token, v, d, t lint.Match) bool {
	if v.First < 0 || !(t.Span.End <= v.Span.Start && d.Span.Start >= v.Span.End) {
		return false
	}
	prev := neighbour(toks, v.First, -1)
	if prev < 0 || !fw.be[l][toks[prev].Norm] {
		return false
	}
	// "The courier was sent to your address": what follows "to" is where,
	// not what.
	if d.First < 0 {
		return false
	}
	p := neighbour(toks, d.First, -1)
	if p >= 0 && fw.owner[l][toks[p].Norm] {
		p = neighbour(toks, p, -1) // "to your address"
	}
	return !(p >= 0 && fw.to[l][toks[p].Norm])
}

// strictlyInside reports whether match a lies within match b's words and
// b has more of them.
func strictlyInside(a, b lint.Match) bool {
	return a.First >= 0 && b.First >= 0 && b.First <= a.First && a.Last <= b.Last && b.Last-b.First > a.Last-a.First
}

// sharesByte reports whether two matches share a byte.
func sharesByte(a, b lint.Match) bool { return a.Span.Start < b.Span.End && a.Span.End > b.Span.Start }

// determined: an English verb cue after a determiner is a noun ("the email
// address", "a transfer"), not a sending verb.
func (fw *forwardingWords) determined(l lint.Lang, toks []lint.Token, v lint.Match) bool {
	prev := neighbour(toks, v.First, -1)
	return v.First >= 0 && prev >= 0 && fw.determiners[l][toks[prev].Norm]
}

// specified: the word after n is "of" or holds a digit ("video of the
// damage", "registration 4471", "photo 2").
func (fw *forwardingWords) specified(toks []lint.Token, n int) bool {
	q := neighbour(toks, n, 1)
	return q >= 0 && (toks[q].Norm == "of" || strings.ContainsAny(toks[q].Norm, "0123456789"))
}

// doubleObject: an English verb with the receiver right after it and what
// was sent right after that ("we've given the locksmith your number", "I
// sent the fitter your photos", "sent him the pictures"); "we sent the
// courier your way" sends
// nobody anything, nor does a receiver in the genitive ("the courier's
// details").
func (fw *forwardingWords) doubleObject(l lint.Lang, toks []lint.Token, v, d, t lint.Match) bool {
	if v.Last < 0 || t.First < 0 || d.First < 0 {
		return false
	}
	// What was sent right after the receiver, or after one of
	// object_determiners ("sent him the pictures").
	n := neighbour(toks, t.Last, 1)
	if n != d.First && !(n >= 0 && fw.objectDeterminers[l][toks[n].Norm] && neighbour(toks, n, 1) == d.First) {
		return false
	}
	// A bare singular noun of data right after a receiver that has a
	// determiner of its own is the head of their compound, as a singular
	// stands bare in no object: "passed the repair report to …" names one
	// thing, no receiver ("given the plumber photos" gives the plumber some,
	// and so does a noun of mass_data: "given the plumber information").
	// A noun followed by "of" or by a number or code is no compound's
	// head but the thing given: "sent the insurer video of the damage",
	// "given the courier registration 4471".
	if n == d.First && d.First == d.Last && !fw.determiners[l][toks[n].Norm] && !strings.HasSuffix(toks[n].Norm, "s") && !fw.massData[l][toks[n].Norm] && !fw.specified(toks, n) {
		if p := neighbour(toks, t.First, -1); p >= 0 && fw.determiners[l][toks[p].Norm] {
			return false
		}
	}
	// "sent the courier's details to you": a receiver in the genitive owns
	// what follows it, it gets nothing.
	for e := range fw.genitiveEndings[l] {
		if strings.HasSuffix(toks[t.Last].Norm, e) {
			return false
		}
	}
	// A determiner and up to two words of a compound before the receiver
	// ("the tow truck mechanic", "the bike-hire insurer": a hyphen glued
	// between two words joins them).
	for j, k := neighbour(toks, v.Last, 1), 0; j != t.First; j, k = neighbour(toks, j, 1), k+1 {
		if j > 0 && j+1 < len(toks) && toks[j].Norm == "-" && toks[j-1].End == toks[j].Start && toks[j+1].Start == toks[j].End {
			k--
			continue
		}
		if j < 0 || j > t.First || k > 2 || toks[j].Kind != lint.Word || fw.to[l][toks[j].Norm] {
			return false
		}
	}
	return !fw.notSent[l][toks[d.Last].Norm]
}

// atCompany (English): a role after which "at" and a company's name
// with its legal form stand is that company's ("the hiring manager at
// Brightwave Ltd", "our subcontracted engineers at Blaze Safety Ltd"); "at
// our Leeds office" names our own.
func (fw *forwardingWords) atCompany(m *lint.Message, toks []lint.Token, o lint.Match) bool {
	j := neighbour(toks, o.Last, 1)
	if j < 0 || o.Last < 0 || !fw.atWords[m.Lang][toks[j].Norm] {
		return false
	}
	for k := 0; k < 5; k++ {
		if j = neighbour(toks, j, 1); j < 0 || toks[j].Kind != lint.Word || noCapital(m.Body.Text[toks[j].Start:toks[j].End]) {
			return false
		}
		if k > 0 && fw.legalForm(m, toks, j) {
			return true
		}
	}
	return false
}

// lets: "let" with the receiver after it, then "have" and what was sent
// ("we've let the boiler manufacturer have your serial number", "let the
// tractor maker's regional team have your contact details"): the
// receiver's phrase up to seven tokens, what was sent within two words after
// "have" ("your", "new").
func (fw *forwardingWords) lets(l lint.Lang, toks []lint.Token, v, d, t lint.Match) bool {
	if v.Last < 0 || t.First <= v.Last || d.First < 0 {
		return false
	}
	have := -1
	for j, k := neighbour(toks, v.Last, 1), 0; j >= 0 && k < 8; j, k = neighbour(toks, j, 1), k+1 {
		if toks[j].Kind == lint.Punct && toks[j].Norm != "'" && toks[j].Norm != "’" {
			break // the receiver's phrase ends at a comma or a stop
		}
		if toks[j].Kind == lint.Word && fw.have[l][toks[j].Norm] {
			have = j
			break
		}
	}
	if have < 0 || t.Last >= have {
		return false
	}
	for j, k := neighbour(toks, have, 1), 0; j >= 0 && k < 3; j, k = neighbour(toks, j, 1), k+1 {
		if j == d.First {
			return true
		}
		if toks[j].Kind != lint.Word {
			return false
		}
	}
	return false
}

// conditional: a verb before the sending verb in the 2nd person
// conditional ("if you …": "uygun görürseniz …", "razılıq versəniz …")
// makes it an offer, as "if" does in English; one after it ("…
// ilettik; isterseniz size de gönderelim") offers something else.
//
// folded, here and in the other helpers of check, is whether the message is
// typed without its letters, found once a message: they run once a clause
// or a receiver. Only the tokens from s on are read.
func (fw *forwardingWords) conditional(m *lint.Message, toks []lint.Token, s lint.Span, folded bool) bool {
	ends := fw.ifYouList[m.Lang]
	if ends == nil {
		return false
	}
	for _, t := range toks[firstTokenAt(toks, s.Start):] {
		if t.Start > s.End {
			break
		}
		if t.End > s.End || t.Kind != lint.Word {
			continue
		}
		if ends.has(m.Lang, t.Norm, folded) {
			return true
		}
	}
	return false
}

// hyphenSuffix is the suffix glued with a hyphen to the word at i, as
// Azerbaijani and Turkish write it after a foreign name ("Phonak-a",
// "Stripe-ın"), or after a closing quote (“BakıLogistik”ə): lower case
// letters right after "-" or the quote right after the word.
// Empty when there is none. With text given, the word must start with a
// capital (a name), not be a code's letters (XX-12).
func hyphenSuffix(text string, toks []lint.Token, i int) string {
	h, n := i+1, i+2
	if i < 0 || n >= len(toks) || toks[h].Norm != "-" && !isQuote(toks[h].Norm) || toks[h].Start != toks[i].End || toks[n].Start != toks[h].End ||
		toks[n].Kind != lint.Word || n+1 < len(toks) && toks[n+1].Start == toks[n].End && (toks[n+1].Kind == lint.Word || toks[n+1].Kind == lint.Number) {
		return ""
	}
	if text != "" {
		w := text[toks[n].Start:toks[n].End]
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLower(r) || utf8.RuneCountInString(w) > 4 {
			return ""
		}
	}
	return toks[n].Norm
}

// dottedSuffix is the case a Turkish or Azerbaijani name takes after its
// legal form written with periods, "SuKeyfi Ltd.'ye", "Örnek A.Ş.'ye",
// "Kaya Ltd. Şti.'ne": after the name's word at i (or the legal form
// that word is), one or more legal forms (legal_forms, their letters
// joined: "A.Ş." is "aş"), each closed by a period, then an apostrophe or
// a quote and a suffix of up to four letters. Empty when there
// is none.
func (fw *forwardingWords) dottedSuffix(l lint.Lang, toks []lint.Token, i int) string {
	forms := fw.legalForms[l]
	if forms == nil || i < 0 || toks[i].Kind != lint.Word {
		return ""
	}
	j := i
	if !forms[toks[i].Norm] || i+1 >= len(toks) || toks[i+1].Norm != "." || toks[i+1].Start != toks[i].End {
		j = i + 2 // the legal form after a space: "Örnek A.Ş.'ye"
		if j >= len(toks) || toks[i+1].Kind != lint.Space || toks[j].Kind != lint.Word {
			return ""
		}
	}
	for n := 0; ; n++ {
		// One legal form: letters and their periods, glued ("A.Ş.", "Ltd.").
		var b strings.Builder
		for j+1 < len(toks) && toks[j].Kind == lint.Word && toks[j+1].Norm == "." && toks[j+1].Start == toks[j].End &&
			(b.Len() == 0 || toks[j].Start == toks[j-1].End) {
			b.WriteString(toks[j].Norm)
			j += 2
		}
		if b.Len() == 0 || !forms[b.String()] {
			return ""
		}
		if j+1 < len(toks) && isQuote(toks[j].Norm) && toks[j].Start == toks[j-1].End && toks[j+1].Kind == lint.Word && toks[j+1].Start == toks[j].End {
			if utf8.RuneCountInString(toks[j+1].Norm) > 4 ||
				j+2 < len(toks) && toks[j+2].Start == toks[j+1].End && toks[j+2].Kind == lint.Word {
				return ""
			}
			return toks[j+1].Norm
		}
		if n > 0 || j+1 >= len(toks) || toks[j].Kind != lint.Space {
			return ""
		}
		j++ // a second legal form: "Ltd. Şti."
	}
}

// possessedHeads are receivers whose case ending stands on the head noun
// of a compound or a genitive phrase after the third party: "notarius
// ofisinə" (the notary's office), "tedarikçimizin ziraat mühendislerine"
// (our supplier's engineers), "podratçımız olan dezinfeksiya briqadasına"
// (the brigade that is our contractor). The head is one or two words
// after the third party (a copula participle, "olan", not counted) and
// ends in the 3rd person possessive and a case (head_endings).
func (fw *forwardingWords) possessedHeads(m *lint.Message, toks []lint.Token, third []lint.Match, s lint.Span, folded bool) []lint.Match {
	l := m.Lang
	ends := fw.headEndings[l]
	if ends == nil {
		return nil
	}
	var out []lint.Match
	for _, t := range third {
		// "Mərkəzimizin aqronomu" is our centre's agronomist; "tedarikçimizin
		// mühendisleri" our supplier's engineers, a role outside the brand
		// whoever it works for (external_roles).
		if t.Last < 0 || fw.ours(l, toks[t.Last].Norm, folded) && !fw.externalRole(l, t) {
			continue
		}
		last := t.Last
		if suf := hyphenSuffix("", toks, last); suf != "" {
			last += 2 // "Michelin-in regional nümayəndəliyinə"
		} else if q := neighbour(toks, last, 1); q >= 0 && t.Cue == "name" && isQuote(toks[q].Norm) && fw.coinedQuoted(m, toks, t) {
			last = q // "«AzPoçt Ekspress» xidmətinə": a quoted name before its compound's head
		}
		at := fw.atOthers(l, toks[last].Norm, folded)
		for j, k := last, 0; k < 2; {
			if j = neighbour(toks, j, 1); j < 0 || toks[j].Kind != lint.Word || toks[j].End > s.End {
				break
			}
			if fw.participle[l][toks[j].Norm] {
				continue
			}
			k++
			j = hyphenated(toks, j)
			if hasAnyEnding(l, toks[j].Norm, fw.verbalHeadSet[l], folded) && !lastButOne(toks, j, s) {
				break // "Hərracın bitməsinə bir dəqiqə qalmış": the auction's ending, no receiver
			}
			if fw.customerWord(l, toks[j].Norm, folded) && !fw.genitive(l, toks[t.Last].Norm) {
				break // "toptancı müşteri listemize": the party's word tells which customers, no receiver
			}
			// "tedarikçi çiftliğimizle": a head of ours named by an outside
			// role is that role's (our supplier farm). After "the one at"
			// ("klinikasındakı ortodonta", "Kliniği'ndeki ortodontiste")
			// any receiver is theirs.
			// "atölyedeki tasarım ekibimize" is our team at the workshop,
			// though: our possessive on the head makes it ours there.
			// "polis idarəsi ilə": the compound's head with "ilə" after it.
			withNext := func() bool {
				n := neighbour(toks, j, 1)
				return n >= 0 && fw.with[l][toks[n].Norm] && fw.compoundHead(l, toks[j].Norm)
			}
			if len(toks[j].Norm) > 4 && (hasAnyEnding(l, toks[j].Norm, fw.headSet[l], folded) || withNext() || fw.externalRole(l, t) && fw.ours(l, toks[j].Norm, folded) ||
				at && hasAnyEnding(l, toks[j].Norm, fw.receiverSet[l], folded) && (fw.externalRole(l, t) || !fw.ours(l, toks[j].Norm, folded))) {
				out = append(out, lint.Match{Cue: headCue, Span: lint.Span{Start: t.Span.Start, End: toks[j].End}, First: t.First, Last: j})
				break
			}
		}
	}
	return out
}

// lastButOne reports whether the word after token j is the last word of
// clause s: in a verb-final clause, its verb, whose goal the word at j is
// ("otelin danışmasına ilettik": the hotel's reception desk).
func lastButOne(toks []lint.Token, j int, s lint.Span) bool {
	n := neighbour(toks, j, 1)
	if n < 0 || toks[n].Kind != lint.Word || toks[n].End > s.End {
		return false
	}
	after := neighbour(toks, n, 1)
	return after < 0 || toks[after].Kind != lint.Word || toks[after].End > s.End
}

// genitiveName: a name in the genitive ("Michelin-in", "Phonak'ın") owns
// the head noun after it, which may be the receiver.
func (fw *forwardingWords) genitiveName(m *lint.Message, toks []lint.Token, n lint.Match) bool {
	w := toks[n.Last].Norm
	if suf := hyphenSuffix("", toks, n.Last); suf != "" {
		w = suf
	} else if i := strings.LastIndexAny(w, "'’"); i >= 0 {
		w = w[i+len("'"):]
	} else {
		// Azerbaijani writes a name's case without an apostrophe: the
		// genitive after a vowel, with its n ("Sürət Taksinin").
		for e := range fw.bareGenitive[m.Lang] {
			if len(w) > len(e)+2 && strings.HasSuffix(w, e) {
				return true
			}
		}
		return false
	}
	return fw.genitiveEndings[m.Lang][w]
}

// ourStaff: a name right after one of our people ("fizyoterapistimiz Aylin
// Hanım'a", "menecerimiz Aynur xanıma", "stüdyomuzun fizyoterapisti Deniz
// Hanım'a") is our colleague, not a third party;
// after one of our partners ("teslimat firmamız HızlıGönder ile", "lojistik
// ortağımız HızlıPaket'e") it is another company.
func (fw *forwardingWords) ourStaff(m *lint.Message, toks []lint.Token, r lint.Match, third []lint.Match) bool {
	if r.Cue != "name" {
		return false
	}
	prev := neighbour(toks, r.First, -1)
	for prev >= 0 && toks[prev].Kind == lint.Word && upperInitial(m.Body.Text[toks[prev].Start:toks[prev].End]) {
		prev = neighbour(toks, prev, -1) // the rest of the name: "Aylin Hanım'a"
	}
	if prev < 0 || toks[prev].Kind != lint.Word || len(toks[prev].Norm) < 6 {
		return false
	}
	for e := range fw.relativeWe[m.Lang] {
		if strings.HasSuffix(toks[prev].Norm, e) {
			return false // "turları düzenlediğimiz Ege Kooperatifi'ne": what we do with it
		}
	}
	if folded := lint.Folded(m.Lang, m.Body.Text); !fw.ours(m.Lang, toks[prev].Norm, folded) {
		// One of the people of ours, in the genitive: "stüdyomuzun
		// fizyoterapisti Deniz Hanım'a", "klinikamızın həkimi Aynur xanıma".
		pp := neighbour(toks, prev, -1)
		// In the accusative it is what was sent, no person: "yazışmamızın
		// tamamını Ege Kooperatifi'ne" (the whole of our conversation).
		if pp < 0 || toks[pp].Kind != lint.Word || !fw.compoundHead(m.Lang, toks[prev].Norm) || !fw.ours(m.Lang, toks[pp].Norm, folded) ||
			fw.accusative(m.Lang, toks[prev].Norm) {
			return false
		}
	}
	for _, t := range third {
		if t.First <= prev && t.Last >= prev {
			return false
		}
	}
	// "taşeron ekibimiz Yıldız Usta'ya": our word for a team after an
	// external role is that role's team.
	if pp := neighbour(toks, prev, -1); pp >= 0 && toks[pp].Kind == lint.Word && fw.externalRoles[m.Lang][toks[pp].Norm] {
		return false
	}
	for lemma := range fw.externalRoles[m.Lang] {
		if strings.HasPrefix(lint.Fold(m.Lang, toks[prev].Norm), lint.Fold(m.Lang, lemma)[:len(lint.Fold(m.Lang, lemma))-1]) {
			return false // "ortağımız": the lemma's last consonant softens
		}
	}
	return true
}

func upperInitial(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// atOthers: a word in the locative relative ("the one at": "Kliniği'ndeki",
// "klinikasındakı") that is neither the customer's ("CRM'nizdeki", in your
// CRM) nor ours ("klinikamızdakı").
func (fw *forwardingWords) atOthers(l lint.Lang, w string, folded bool) bool {
	for e := range fw.atEndings[l] {
		if hasEnding(l, w, e, folded) {
			if folded {
				w, e = lint.Fold(l, w), lint.Fold(l, e)
			}
			stem := strings.TrimSuffix(w[:len(w)-len(e)], "n")
			return !hasAnyEnding(l, stem, fw.ownedSet[l], folded) && !fw.ours(l, stem, folded)
		}
	}
	return false
}

// ownStated: the sentence says the receiver is one of our own after it
// ("kran operatorumuza ötürüldü, o, bizim öz əməkdaşımızdır", "… to the
// crane operator, who is our own employee", "tikmə sexinə, yəni öz
// istehsalat bölməmizə"): own_words with our possessive on one of the next
// two words (a copula after it, copula_endings), or "our" before it in
// English. A role outside the brand stays outside.
func (fw *forwardingWords) ownStated(l lint.Lang, toks []lint.Token, r lint.Match, s lint.Span, folded bool) bool {
	if r.Last < 0 || len(fw.own[l]) == 0 || fw.externalRole(l, r) {
		return false
	}
	for j := r.Last + 1; j < len(toks) && toks[j].End <= s.End; j++ {
		if toks[j].Kind != lint.Word || !fw.own[l][toks[j].Norm] {
			continue
		}
		if p := neighbour(toks, j, -1); p >= 0 && fw.ourWords[l][toks[p].Norm] {
			return true // "our own employee"
		}
		for n, k := j, 0; k < 2; k++ { // "öz əməkdaşımızdır", "öz istehsalat bölməmizə"
			if n = neighbour(toks, n, 1); n < 0 || toks[n].Kind != lint.Word {
				break
			}
			if fw.ours(l, fw.uncopula(l, toks[n].Norm), folded) {
				return true
			}
		}
	}
	return false
}

// ourPlacesStaff: a third party's word as the head of a compound after a
// place of ours in the genitive is one of that place's people or rooms,
// ours ("atölyemizin baş terzisine", "klinikamızın laboratoriyasına"), as
// "our tailor" is; a role outside the brand stays outside ("otelimizin
// tedarikçisine"), and so does anyone of an outside role's place
// ("tedarikçimizin mühendislerine"). A body of its own stays outside too,
// whoever it works for: a company or a bank (org_heads: "otelimizin
// transfer şirketine"), a carrier ("mağazamızın kuryesine"), a head with
// a third party's modifier or a carrier's name in the compound
// ("mağazamızın anlaşmalı kuryesine", "DHL kuryesine").
func (fw *forwardingWords) ourPlacesStaff(l lint.Lang, toks []lint.Token, r lint.Match, modifiers []lint.Match, folded bool) bool {
	if r.First < 0 || r.Last < 0 || r.Cue == "name" || r.Cue == pronounCue || fw.ourList[l] == nil || fw.externalRole(l, r) ||
		!hasAnyEnding(l, toks[r.Last].Norm, fw.headSet[l], folded) || fw.orgHead(l, toks[r.Last].Norm, folded) || fw.carrier(l, r) {
		return false
	}
	for j, k := r.First, 0; k < 3; k++ {
		if j = neighbour(toks, j, -1); j < 0 || toks[j].Kind != lint.Word {
			return false
		}
		w := toks[j].Norm
		if fw.ours(l, w, folded) && fw.genitive(l, w) {
			return !fw.externalLemma(l, w) && !fw.externalPrefix(l, w, folded)
		}
		if fw.acronymCompanies[l][w] || slices.ContainsFunc(modifiers, func(mt lint.Match) bool { return mt.First <= j && mt.Last >= j }) {
			return false
		}
	}
	return false
}

// atOurs (English): a place after one of our own ("our" before it) and
// "at" or "in" (place_prepositions) is where our own work ("our cutting
// team at the factory", "our design team in the studio"), no
// receiver; Turkish and
// Azerbaijani say it with the locative relative (see possessedHeads).
func (fw *forwardingWords) atOurs(l lint.Lang, toks []lint.Token, r lint.Match, ours []lint.Match) bool {
	at := neighbour(toks, r.First, -1)
	if at >= 0 && fw.determiners[l][toks[at].Norm] {
		at = neighbour(toks, at, -1) // "at the factory"
	}
	if at < 0 || !fw.placePreps[l][toks[at].Norm] {
		return false
	}
	prev := neighbour(toks, at, -1)
	return prev >= 0 && slices.ContainsFunc(ours, func(o lint.Match) bool {
		if o.Last != prev {
			return false
		}
		for j, k := o.First, 0; k < 3; k++ { // "our cutting team", not "the cutting team"
			if j = neighbour(toks, j, -1); j > 0 && hyphenated(toks, j-1) == j+1 {
				j-- // "our wig-making team": a hyphen glues a compound's word
			}
			if j < 0 || toks[j].Kind != lint.Word {
				return false
			}
			if fw.ourWords[l][toks[j].Norm] {
				return true
			}
		}
		return false
	})
}

// otherClause: in a verb-final language a receiver before a finite verb
// and a comma is that verb's ("ev sahibine ödeme yapıldı, faturanızı
// gönderdik": the landlord was paid, the invoice went to the customer).
func (fw *forwardingWords) otherClause(l lint.Lang, toks []lint.Token, t, v lint.Match) bool {
	if len(fw.finiteEndings[l]) == 0 || t.Last < 0 || v.First < 0 || t.Last >= v.First {
		return false
	}
	for j := t.Last + 1; j < v.First; j++ {
		if toks[j].Kind != lint.Punct || toks[j].Norm != "," {
			continue
		}
		w := neighbour(toks, j, -1)
		if w <= t.Last || toks[w].Kind != lint.Word || fw.contacted(l, toks, w) {
			continue
		}
		for e := range fw.finiteEndings[l] {
			if len(toks[w].Norm) > len(e)+2 && strings.HasSuffix(toks[w].Norm, e) {
				return true
			}
		}
	}
	return false
}

// atOurPlace: a receiver within two words after one of our places in
// the locative relative ("İzmir şubemizdeki teknik servise", "filialımızdakı
// ustaya": the one at our branch) is ours, as the same after a third
// party's place is that party's (atOthers); our supplier's place stays
// the supplier's.
func (fw *forwardingWords) atOurPlace(l lint.Lang, toks []lint.Token, r lint.Match, folded bool) bool {
	if r.First < 0 || len(fw.atEndings[l]) == 0 || fw.orgHead(l, toks[r.Last].Norm, folded) {
		return false // "mağazamızdaki kargo firmasına": a company at our store is still a company
	}
	// The place may open the receiver's phrase ("mağazamızdaki tamir
	// servisine", a head of a third party's word) or stand before it.
	for j, k := r.Last, 0; k < 2; {
		if j = neighbour(toks, j, -1); j < 0 || toks[j].Kind != lint.Word {
			return false
		}
		if j < r.First {
			k++
		}
		w := toks[j].Norm
		for e := range fw.atEndings[l] {
			if !hasEnding(l, w, e, folded) {
				continue
			}
			if folded {
				w, e = lint.Fold(l, w), lint.Fold(l, e)
			}
			stem := w[:len(w)-len(e)]
			if fw.ours(l, stem, folded) && !fw.externalLemma(l, stem) {
				return true
			}
		}
	}
	return false
}

// ownName: a name made only of words for our functions and units
// (own_names) is a department of ours ("to Customer Care", "to Head
// Office"), not another organisation ("Assay Office"); a company's name
// has a word of its own among them ("Quality Motors", "Claims Direct").
func (fw *forwardingWords) ownName(m *lint.Message, toks []lint.Token, r lint.Match) bool {
	if r.Cue != "name" || len(fw.ownNames[m.Lang]) == 0 || r.First < 0 {
		return false
	}
	capital := func(j int) bool {
		return j >= 0 && toks[j].Kind == lint.Word && upperInitial(m.Body.Text[toks[j].Start:toks[j].End])
	}
	first, last := r.First, r.Last
	for capital(neighbour(toks, first, -1)) {
		first = neighbour(toks, first, -1)
	}
	for capital(neighbour(toks, last, 1)) {
		last = neighbour(toks, last, 1)
	}
	for j := first; j >= 0 && j <= last; j = neighbour(toks, j, 1) {
		if toks[j].Kind == lint.Word && !fw.ownNames[m.Lang][toks[j].Norm] {
			return false
		}
	}
	return true
}

// holder: an owner whose compound or genitive names something the
// customer holds ("hesap sahibine", "the account owner", "kartın
// sahibine") is the customer, not a third party.
func (fw *forwardingWords) holder(l lint.Lang, toks []lint.Token, r lint.Match) bool {
	if r.Last < 0 || !fw.ownerHead(l, toks[r.Last].Norm) {
		return false
	}
	// "the owner of the account", "the owner of our café": what is owned
	// after "of" (a determiner between) is the customer's or ours.
	if o := neighbour(toks, r.Last, 1); o >= 0 && fw.of[l][toks[o].Norm] {
		n := neighbour(toks, o, 1)
		if n >= 0 && fw.ourWords[l][toks[n].Norm] {
			return true
		}
		if n >= 0 && fw.determiners[l][toks[n].Norm] {
			n = neighbour(toks, n, 1)
		}
		return n >= 0 && fw.held[l][toks[n].Norm]
	}
	j := neighbour(toks, r.Last, -1)
	if j < 0 || toks[j].Kind != lint.Word {
		return false
	}
	w := toks[j].Norm
	if fw.held[l][w] {
		return true // "hesap sahibine", "the account owner"
	}
	for e := range fw.genitiveEndings[l] {
		if stem, ok := strings.CutSuffix(w, e); ok && (fw.held[l][stem] || fw.heldYours(l, stem) || len(stem) > len(e) && fw.ours(l, stem, false) && !fw.externalLemma(l, stem)) {
			return true // "kartın sahibine", "hesabınızın sahibine"; "kafemizin sahibine", our café's owner
		}
	}
	return false
}

// heldYours: one of held with the 2nd person possessive ("hesabınız",
// your account).
func (fw *forwardingWords) heldYours(l lint.Lang, w string) bool {
	for e := range fw.ownedEndings[l] {
		if stem, ok := strings.CutSuffix(w, e); ok && fw.held[l][stem] {
			return true
		}
	}
	return false
}

// ownerHead reports whether a word is one of owner_heads with any ending.
func (fw *forwardingWords) ownerHead(l lint.Lang, w string) bool {
	for h := range fw.ownerHeads[l] {
		if strings.HasPrefix(w, h) {
			return true
		}
	}
	return false
}

// carried: a motion verb ("git", go) sends what is its subject ("bilgileriniz
// firmaya gitti"); an object in the accusative belongs to another verb
// ("hastaneye giderken sonuçlarınızı yanınıza alın": the customer goes).
// A verb of object_verbs sends only an object in the accusative ("bilgilerinizi
// firmaya geçtik", we passed your details on; "geçen hafta", last week,
// sends nothing).
func (fw *forwardingWords) carried(l lint.Lang, toks []lint.Token, v, d lint.Match) bool {
	if v.First < 0 || d.Last < 0 {
		return true
	}
	lemma := lint.CueLemma(v.Cue)
	motion, object := fw.motionVerbs[l][lemma], fw.objectVerbs[l][lemma]
	if !motion && !object {
		return true
	}
	if object && !fw.finite(l, toks[v.Last].Norm) {
		return false // "geçen hafta" (last week), "adresinizi geçip" (passing your address): no sending
	}
	accusative := fw.accusative(l, toks[d.Last].Norm)
	if !accusative && fw.genitive(l, toks[d.Last].Norm) {
		// "ruhsatınızın bir kopyasını": the case stands on the head.
		for j, k := d.Last, 0; k < 2 && !accusative; k++ {
			if j = neighbour(toks, j, 1); j < 0 || toks[j].Kind != lint.Word {
				break
			}
			accusative = fw.accusative(l, toks[j].Norm)
		}
	}
	return accusative == object
}

// accusative reports whether a word ends in one of accusative_endings.
func (fw *forwardingWords) accusative(l lint.Lang, w string) bool {
	for e := range fw.accusativeEndings[l] {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// genitive reports whether a word ends in one of genitive_endings.
func (fw *forwardingWords) genitive(l lint.Lang, w string) bool {
	for _, e := range fw.genitiveList[l] {
		if len(w) > len(e)+1 && strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// uncopula is a word without the copula after it ("əməkdaşımızdır":
// əməkdaşımız).
func (fw *forwardingWords) uncopula(l lint.Lang, w string) string {
	for e := range fw.copulaEndings[l] {
		if stem, ok := strings.CutSuffix(w, e); ok && len(stem) > len(e) {
			return stem
		}
	}
	return w
}

// externalRole reports whether a third party is a role outside the brand
// even when the brand calls it its own ("podratçımız", our contractor).
// Any word of the cue names the role: "sigorta şirketinize" (your
// insurance company) is an insurer.
func (fw *forwardingWords) externalRole(l lint.Lang, t lint.Match) bool {
	for _, w := range strings.Fields(t.Cue) {
		if fw.externalLemma(l, lint.CueLemma(w)) {
			return true
		}
	}
	return false
}

// externalLemma reports whether a cue's lemma is one of external_roles, or
// one of them with a possessive after it as a cue may be written
// ("ortağımız*": ortak, its last consonant softened before the vowel).
func (fw *forwardingWords) externalLemma(l lint.Lang, w string) bool {
	if fw.externalRoles[l][w] {
		return true
	}
	if fw.ourList[l] == nil || !fw.ours(l, w, false) {
		return false
	}
	for role := range fw.externalRoles[l] {
		last, n := utf8.DecodeLastRuneInString(role)
		if n < len(role) && (strings.HasPrefix(w, role) || strings.HasPrefix(w, role[:len(role)-n]+string(softened(last)))) {
			return true
		}
	}
	return false
}

// firstTokenAt is the index of the first token that starts at off or after
// (len(toks) for none): the helpers that read one clause start there rather
// than scan a long message from its start once a clause.
func firstTokenAt(toks []lint.Token, off int) int {
	return tokenAt(toks, off)
}

// hasAnyEnding reports whether a word ends in one of the endings, compared
// folded in a text typed without the language's letters.
func hasAnyEnding(l lint.Lang, w string, ends *endingSet, folded bool) bool {
	return ends != nil && ends.match(l, w, folded)
}

// endingSet is a set of word endings ready to match: as written and
// folded, and the last bytes they may end in, so that most words are
// turned away by one look.
type endingSet struct {
	plain, folded []string
	last          [256]bool
}

func newEndingSet(l lint.Lang, ends map[string]bool) *endingSet {
	es := &endingSet{}
	for e := range ends {
		f := lint.Fold(l, e)
		es.plain, es.folded = append(es.plain, e), append(es.folded, f)
		if e != "" {
			es.last[e[len(e)-1]] = true
		}
		if f != "" {
			es.last[f[len(f)-1]] = true
		}
	}
	return es
}

// match reports whether a word ends in one of the endings (compared folded
// in a folded text).
func (es *endingSet) match(l lint.Lang, w string, folded bool) bool {
	if w == "" || !es.last[w[len(w)-1]] {
		return false
	}
	list := es.plain
	if folded {
		w, list = lint.Fold(l, w), es.folded
	}
	for _, e := range list {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// finite reports whether a word ends in one of finite_endings.
func (fw *forwardingWords) finite(l lint.Lang, w string) bool {
	for e := range fw.finiteEndings[l] {
		if len(w) > len(e)+2 && strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// contacted: the word at w is a finite verb of contact_verbs, the words of
// a lemma of two ("zəng etdik") before it.
func (fw *forwardingWords) contacted(l lint.Lang, toks []lint.Token, w int) bool {
	if !fw.finite(l, toks[w].Norm) {
		return false
	}
	for lemma := range fw.contactVerbs[l] {
		words := strings.Fields(lemma)
		j, ok := w, strings.HasPrefix(toks[w].Norm, words[len(words)-1])
		for k := len(words) - 2; ok && k >= 0; k-- {
			j = neighbour(toks, j, -1)
			ok = j >= 0 && toks[j].Norm == words[k]
		}
		if ok {
			return true
		}
	}
	return false
}

// contactGoal: a receiver right before a verb of reaching someone in the
// infinitive is that verb's goal when what was sent went to the customer
// (to_you after it in its sentence: "sığortaçınıza müraciət etmək üçün
// fotoları sizə göndərdik", "bankanıza başvurmak için … size"): the
// customer is to reach the party, nothing was sent to it. Without one we
// reach the party ourselves ("adınıza sigorta şirketine başvurmak için
// belgelerinizi ilettik"), and it got what was sent.
func (fw *forwardingWords) contactGoal(l lint.Lang, toks []lint.Token, t lint.Match) bool {
	if t.Last < 0 || len(fw.infinitiveEndings[l]) == 0 || !fw.toYouAfter(l, toks, t.Last) {
		return false
	}
	for lemma := range fw.contactVerbs[l] {
		words := strings.Fields(lemma)
		j, ok := t.Last, true
		for k := 0; ok && k < len(words); k++ {
			j = neighbour(toks, j, 1)
			ok = j >= 0 && toks[j].Kind == lint.Word && (k < len(words)-1 && toks[j].Norm == words[k] || k == len(words)-1 && strings.HasPrefix(toks[j].Norm, words[k]))
		}
		if !ok {
			continue
		}
		for e := range fw.infinitiveEndings[l] {
			if strings.HasSuffix(toks[j].Norm, e) && len(toks[j].Norm) == len(words[len(words)-1])+len(e) {
				return true
			}
		}
	}
	return false
}

// toYouAfter: one of to_you (the customer as a receiver: "size", "sizə")
// after token i in its sentence.
func (fw *forwardingWords) toYouAfter(l lint.Lang, toks []lint.Token, i int) bool {
	for j := neighbour(toks, i, 1); j >= 0; j = neighbour(toks, j, 1) {
		if toks[j].Kind == lint.Punct && strings.ContainsAny(toks[j].Norm, ".!?;") {
			return false
		}
		if toks[j].Kind == lint.Word && fw.toYou[l][toks[j].Norm] {
			return true
		}
	}
	return false
}

// customerWord reports whether a word is one of customer_words (the
// words for our customers) with any ending: a third party's word right
// before one tells what kind of customers ("toptancı müşterilerimiz",
// "wholesale customers"), and names no receiver.
func (fw *forwardingWords) customerWord(l lint.Lang, w string, folded bool) bool {
	for c := range fw.customerWords[l] {
		if strings.HasPrefix(w, c) || folded && strings.HasPrefix(lint.Fold(l, w), lint.Fold(l, c)) {
			return true
		}
	}
	return false
}

// orgHead reports whether a word is one of org_heads with any ending.
func (fw *forwardingWords) orgHead(l lint.Lang, w string, folded bool) bool {
	for h := range fw.orgHeads[l] {
		if strings.HasPrefix(w, h) || folded && strings.HasPrefix(lint.Fold(l, w), lint.Fold(l, h)) {
			return true
		}
	}
	return false
}

// customersAct (English): a sending verb right after "you" ("the form you
// submitted to the council", "the photos you've sent the maker") is the
// customer's act, not ours.
func (fw *forwardingWords) customersAct(l lint.Lang, toks []lint.Token, v lint.Match) bool {
	if v.First < 0 || len(fw.you[l]) == 0 {
		return false
	}
	p := neighbour(toks, v.First, -1)
	if p >= 0 && (fw.have[l][toks[p].Norm] || toks[p].Norm == "had" || toks[p].Norm == "ve" || toks[p].Norm == "'ve") {
		p = neighbour(toks, p, -1)
	}
	if p < 0 {
		return false
	}
	w := toks[p].Norm
	if i := strings.IndexAny(w, "'’"); i > 0 {
		w = w[:i] // "you've", "you’d"
	}
	return fw.you[l][w]
}

// gerund (English): a sending verb right after one of gerund_before is not
// done ("without sharing your number").
// A clause of time or purpose (gerund_time: "when sending", "the setting
// for sending") is not done either, unless its sentence is the brand's own
// account (gerund_time_blockers before it: "we … when forwarding", "sorry
// for sending"), which tells what was done.
func (fw *forwardingWords) gerund(l lint.Lang, toks []lint.Token, v lint.Match) bool {
	p := neighbour(toks, v.First, -1)
	if v.First < 0 || p < 0 {
		return false
	}
	if fw.gerundBefore[l][toks[p].Norm] {
		return true
	}
	if !fw.gerundTime[l][toks[p].Norm] {
		return false
	}
	for j := p; j >= 0 && !sentenceStart(toks, j); {
		if j = neighbour(toks, j, -1); j < 0 {
			break
		}
		if toks[j].Kind == lint.Word && fw.gerundTimeBlockers[l][toks[j].Norm] {
			return false
		}
	}
	return true
}

// ourReceiver: a receiver we call ours is the brand's own: "our" one or
// two words before it ("our florist", "our head tailor"), our possessive
// on it ("otelimize", "kafe sahibimize", "restoranımıza"). It stays a
// third party when a word of it or one of the two before it names a role
// outside the brand (external_roles, third_modifier: "our supplier",
// "our delivery partner", "tedarikçi çiftliğimizle", "anlaşmalı
// fotoğrafçımıza"), or when it is a company of a trade (org_heads after
// another noun: "our security company", "reklam ajansımıza").
func (fw *forwardingWords) ourReceiver(l lint.Lang, toks []lint.Token, r lint.Match, modifiers []lint.Match, folded bool) bool {
	if r.First < 0 || r.Last < 0 || r.Cue == "name" || r.Cue == pronounCue || fw.externalRole(l, r) {
		return false
	}
	from := r.First
	if fw.ourList[l] != nil {
		if !fw.ours(l, toks[r.Last].Norm, folded) {
			return false
		}
	} else {
		j, found := r.First, false
		for k := 0; k < 2 && !found; k++ {
			if j = neighbour(toks, j, -1); j < 0 || toks[j].Kind != lint.Word {
				return false
			}
			found = fw.ourWords[l][toks[j].Norm]
		}
		if !found {
			return false
		}
		from = j
	}
	start := from
	for k := 0; k < 2; k++ {
		if p := neighbour(toks, start, -1); p >= 0 && toks[p].Kind == lint.Word {
			start = p
		}
	}
	end := r.Last
	if fw.ourList[l] == nil {
		// English puts the head after: "our courier partner".
		if n := neighbour(toks, r.Last, 1); n >= 0 && toks[n].Kind == lint.Word {
			end = n
		}
	}
	for j := start; j >= 0 && j <= end; j = neighbour(toks, j, 1) {
		if toks[j].Kind != lint.Word {
			continue
		}
		w := toks[j].Norm
		if fw.externalLemma(l, w) || fw.externalPrefix(l, w, folded) || slices.ContainsFunc(modifiers, func(mt lint.Match) bool { return mt.First <= j && mt.Last >= j }) {
			return false
		}
	}
	if fw.orgHead(l, toks[r.Last].Norm, folded) {
		if p := neighbour(toks, r.Last, -1); p >= 0 && p >= start && toks[p].Kind == lint.Word && !fw.ourWords[l][toks[p].Norm] && !fw.determiners[l][toks[p].Norm] {
			return false // a company of a trade: "our cleaning firm", "güvenlik şirketimizle"
		}
	}
	return true
}

// externalPrefix: a word that starts with one of external_roles
// ("suppliers", "tedarikçi", "sığortaçımıza", "ortağımıza").
func (fw *forwardingWords) externalPrefix(l lint.Lang, w string, folded bool) bool {
	if folded {
		w = lint.Fold(l, w)
	}
	for role := range fw.externalRoles[l] {
		if folded {
			role = lint.Fold(l, role)
		}
		last, n := utf8.DecodeLastRuneInString(role)
		if strings.HasPrefix(w, role) || n < len(role) && strings.HasPrefix(w, role[:len(role)-n]+string(softened(last))) {
			return true
		}
	}
	return false
}

// bareOwner (English): an owner is a third party only with a property of
// someone else's named, before it or after "of" ("the boat owner", "the
// owners of the vineyard"); alone ("the owner", "our owners") or with a
// place a business calls its own or what the customer made with it
// (owner_places: "the shop owner", "the booking owner") it is the brand
// or the customer.
func (fw *forwardingWords) bareOwner(l lint.Lang, toks []lint.Token, r lint.Match) bool {
	if r.Last < 0 || len(fw.ownerPlaces[l]) == 0 || !fw.ownerHead(l, toks[r.Last].Norm) || r.First != r.Last {
		return false
	}
	named := func(j int) bool {
		return j >= 0 && toks[j].Kind == lint.Word && !fw.determiners[l][toks[j].Norm] && !fw.ourWords[l][toks[j].Norm] &&
			!fw.ownerPlaces[l][toks[j].Norm] && !fw.held[l][toks[j].Norm]
	}
	if named(neighbour(toks, r.Last, -1)) {
		return false // "the boat owner"
	}
	if o := neighbour(toks, r.Last, 1); o >= 0 && fw.of[l][toks[o].Norm] {
		n := neighbour(toks, o, 1)
		if n >= 0 && fw.determiners[l][toks[n].Norm] && !fw.ourWords[l][toks[n].Norm] {
			n = neighbour(toks, n, 1)
		}
		return !named(n) // "the owner of the vineyard"
	}
	return true
}

// unkinded: one of kind_heads without a kind of its own (see kindHeads).
func (fw *forwardingWords) unkinded(m *lint.Message, toks []lint.Token, r lint.Match) bool {
	if r.Last < 0 {
		return false
	}
	// "the club's safety officer" is the club's, ours as the club is.
	head := toks[r.Last].Norm
	for _, e := range fw.genitiveList[m.Lang] {
		if h, ok := strings.CutSuffix(head, e); ok && h != "" {
			head = h
			break
		}
	}
	return fw.unkindedAt(m, toks, r.Last, head)
}

// publicOfficer (English): one of agent_heads after a determiner, one of
// institution_kinds and one or two words of its work is a public body's
// officer ("the county heritage officer", "the city planning officer");
// "our" or "your" before it, or a word of own_names in it ("the local
// support desk"), keeps it ours.
func (fw *forwardingWords) publicOfficer(m *lint.Message, toks []lint.Token, o lint.Match) bool {
	return fw.publicKind(m, toks, o) >= 0
}

// publicKind is the token of the institution's kind that makes o a
// public officer (see publicOfficer), or -1.
func (fw *forwardingWords) publicKind(m *lint.Message, toks []lint.Token, o lint.Match) int {
	l := m.Lang
	if o.First < 0 || fw.institutionKinds[l] == nil || !fw.agentHeads[l][toks[o.Last].Norm] {
		return -1
	}
	j, works := o.First, false
	for k := 0; k < 3; k++ {
		if j = neighbour(toks, j, -1); j < 0 || toks[j].Kind != lint.Word || upperInitial(m.Body.Text[toks[j].Start:toks[j].End]) {
			return -1
		}
		w := toks[j].Norm
		if fw.institutionKinds[l][w] {
			if strings.HasPrefix(toks[o.Last].Norm, "service") && fw.divisionKinds[l][w] && !works {
				return -1 // "the regional repairs service": a company's division; "the local festival committee" is none
			}
			if d := neighbour(toks, j, -1); k > 0 && d >= 0 && fw.determiners[l][toks[d].Norm] && !fw.ourWords[l][toks[d].Norm] && !fw.owner[l][toks[d].Norm] {
				return j
			}
			return -1
		}
		if fw.ownNames[l][w] || fw.determiners[l][w] {
			return -1
		}
		works = works || fw.publicWorks[l][w]
	}
	return -1
}

// unkindedAt: the word at last, whose lemma is head, is one of kind_heads
// without a kind of its own.
func (fw *forwardingWords) unkindedAt(m *lint.Message, toks []lint.Token, last int, head string) bool {
	if !fw.kindHeads[m.Lang][head] {
		return false
	}
	k := neighbour(toks, last, -1)
	if k < 0 || toks[k].Kind != lint.Word || upperInitial(m.Body.Text[toks[k].Start:toks[k].End]) || fw.determiners[m.Lang][toks[k].Norm] {
		return true // "the club", "the Kids Club"
	}
	if fw.institutionHeads[m.Lang][head] && !fw.institutionKinds[m.Lang][toks[k].Norm] {
		return true // "the photo library", "the digital archive": storage, not the city's
	}
	d := neighbour(toks, k, -1)
	return d < 0 || !fw.determiners[m.Lang][toks[d].Norm] || fw.ourWords[m.Lang][toks[d].Norm] || fw.owner[m.Lang][toks[d].Norm]
}

// ownOffice: one of office_heads is another body's only with a kind or a
// name of its own (up to three words) after a determiner or an owner's
// genitive ("the tourism office", "the Passport Office", "the city's
// canal trust"); with no word of its own ("the office"), with a word of
// own_names ("head office", "the Press Office", "the box office"), with a
// capitalised place before a lower-case office ("the Leeds office", our
// branch there), after a subject ("people you trust") or with no
// determiner ("with registered office at") it is ours or no receiver.
func (fw *forwardingWords) ownOffice(m *lint.Message, toks []lint.Token, r lint.Match) bool {
	l := m.Lang
	if r.Last < 0 || r.Cue == "name" || !fw.officeHeads[l][toks[r.Last].Norm] {
		return false
	}
	kinded, lower := false, !upperInitial(m.Body.Text[toks[r.Last].Start:toks[r.Last].End])
	for j, k := neighbour(toks, r.Last, -1), 0; j >= 0 && toks[j].Kind == lint.Word && k < 4; j, k = neighbour(toks, j, -1), k+1 {
		w := toks[j].Norm
		switch {
		case lower && !sentenceStart(toks, j) && upperInitial(m.Body.Text[toks[j].Start:toks[j].End]):
			return true // a place: "the Leeds office", our branch there
		case fw.determiners[l][w] || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "s'"):
			return !kinded || fw.ourWords[l][w]
		case fw.ownNames[l][w] || fw.subjects[l][w] || fw.you[l][w] || fw.to[l][w] || fw.notTo[l][w] || fw.locatives[l][w]:
			return true
		}
		kinded = true
	}
	return true
}

// heldData (English): a receive verb that ends in the owner ("has your",
// "have your") shares that word with what was sent, which must then be
// the customer's data ("the locksmith has your number"), not a thing made
// ready for them ("the hotel has your room ready").
func (fw *forwardingWords) heldData(l lint.Lang, toks []lint.Token, v, d lint.Match) bool {
	return fw.receives[l][v.Cue] && v.Last >= 0 && d.First == v.Last && fw.owner[l][toks[v.Last].Norm] && d.Last > d.First &&
		fw.heldDataWords[l][toks[d.Last].Norm]
}

// askedHolder (English): the subject of a receive verb that is the
// customer's own party ("Your bank already has your details") or that
// follows "make sure", "check (that)" or "ensure" ("Check that the insurer
// has your new address") holds the data; nobody says we passed it on.
func (fw *forwardingWords) askedHolder(l lint.Lang, toks []lint.Token, t lint.Match) bool {
	if t.First < 0 {
		return false
	}
	p := neighbour(toks, t.First, -1)
	if p >= 0 && toks[p].Kind == lint.Word && fw.owner[l][toks[p].Norm] {
		return true
	}
	for p >= 0 && toks[p].Kind == lint.Word && (fw.determiners[l][toks[p].Norm] || toks[p].Norm == "that") {
		p = neighbour(toks, p, -1)
	}
	return p >= 0 && toks[p].Kind == lint.Word && fw.checkBefore[l][toks[p].Norm]
}

// placed (English): a receiver of a receive verb after a preposition of
// place is where its subject is, not the subject ("our team here in the
// studio has your photos").
func (fw *forwardingWords) placed(l lint.Lang, toks []lint.Token, t lint.Match) bool {
	if t.First < 0 {
		return false
	}
	p := neighbour(toks, t.First, -1)
	if p >= 0 && fw.determiners[l][toks[p].Norm] {
		p = neighbour(toks, p, -1)
	}
	return p >= 0 && fw.locatives[l][toks[p].Norm]
}

// namedPartysTeam: a team after a third party and its name ("tedarikçimiz
// Yeşil Vadi ekibine", the team of our supplier Yeşil Vadi) is that
// party's.
func (fw *forwardingWords) namedPartysTeam(m *lint.Message, toks []lint.Token, o lint.Match, parties []lint.Match) bool {
	if o.First < 0 || fw.ours(m.Lang, toks[o.Last].Norm, lint.Folded(m.Lang, m.Body.Text)) {
		return false
	}
	j, named := neighbour(toks, o.First, -1), false
	for j >= 0 && toks[j].Kind == lint.Word && upperInitial(m.Body.Text[toks[j].Start:toks[j].End]) && !sentenceStart(toks, j) {
		j, named = neighbour(toks, j, -1), true
	}
	if !named || j < 0 {
		return false
	}
	return slices.ContainsFunc(parties, func(p lint.Match) bool { return p.Last == j })
}

// carrier reports whether a receiver is one of carriers, the third
// parties that carry goods (a courier): what the customer owns that is no
// word of data goes to one as goods ("we handed your restrung racket to
// the courier", "saatınızı kuryerə təhvil verdik").
func (fw *forwardingWords) carrier(l lint.Lang, t lint.Match) bool {
	return len(fw.carriers[l]) > 0 && fw.carriers[l][lint.CueLemma(t.Cue)]
}

// conversation reports whether what was sent is the conversation itself
// (Turkish and Azerbaijani: a word that starts with one of copy_into's
// stems, "yazışmamıza", "cc").
func (fw *forwardingWords) conversation(l lint.Lang, toks []lint.Token, d lint.Match) bool {
	if d.Last < 0 {
		return false
	}
	w := toks[d.Last].Norm
	if d.Cue == "cc" && fw.ccWords[l][w] {
		return true // "bilgi olarak"
	}
	if h := d.Last - 1; h > d.First && toks[h].Norm == "-" && toks[h].Start == toks[h-1].End && toks[h].End == toks[d.Last].Start {
		w = toks[h-1].Norm + "-" + w // "e-postaya": the tokens "e", "-", "postaya"
	}
	for stem := range fw.copyInto[l] {
		if strings.HasPrefix(w, stem) {
			return true
		}
	}
	return false
}

// copiedInto (Turkish, Azerbaijani): a party copied into the conversation
// with one of copy_in_verbs: the conversation (d) in the dative, or "cc"
// with as_words after it, and the party (t) before the verb in no
// receiver's case and not in the locative ("Yazışmamıza tedarikçiyi de CC
// olarak ekledik", "Təchizatçını yazışmaya cc olaraq əlavə etdik").
func (fw *forwardingWords) copiedInto(l lint.Lang, toks []lint.Token, v, d, t lint.Match, recipients []lint.Match) bool {
	if d.Last < 0 || t.Last < 0 || v.First < 0 || t.Span.End > v.Span.Start || d.Span.End > v.Span.Start || !fw.conversation(l, toks, d) {
		return false
	}
	dative := func(w string) bool {
		w = lint.Fold(l, w)
		return fw.receiverSet[l] != nil && fw.receiverSet[l].match(l, w, true) && !(fw.notReceiverSet[l] != nil && fw.notReceiverSet[l].match(l, w, true)) &&
			!(fw.withSet[l] != nil && fw.withSet[l].match(l, w, true))
	}
	n := neighbour(toks, d.Last, 1)
	as := n >= 0 && fw.asWords[l][toks[n].Norm] && (toks[d.Last].Norm == "cc" || fw.ccWords[l][toks[d.Last].Norm])
	if suf := hyphenSuffix("", toks, d.Last); !as && !(suf != "" && dative(suf)) && !(suf == "" && toks[d.Last].Norm != "cc" && dative(toks[d.Last].Norm)) {
		return false
	}
	if fw.receiverMarked(l, toks, v, t, fw.receiverEndings[l], recipients) {
		return false // the party in the dative is the receiver of something else
	}
	// A party in the genitive owns what was added ("kargo firmasının
	// takip linkini yazışmaya ekledik": its link, given to the customer),
	// and one before a head of ours is ours ("mağaza menecerimizi").
	for j, k := t.Last, 0; j >= 0 && j < v.First && k < 2; j, k = neighbour(toks, j, 1), k+1 {
		if n := neighbour(toks, j, 1); n >= 0 && n < v.First && toks[n].Kind == lint.Word &&
			(fw.genitive(l, toks[j].Norm) || fw.ours(l, toks[n].Norm, false)) {
			return false // "kuryer şirkətinin izləmə linkini" too: the genitive ends the party's phrase
		}
	}
	// The party copied in is the verb's definite object, in the
	// accusative; with no case at all it is the verb's subject ("Tedarikçi
	// bizi yazışmaya ekledi": the supplier copied us in); a compound's head
	// after a vowel takes -sI there ("Kargo firması"), after a consonant
	// -I, which is the accusative's too ("şirkəti").
	// With a passive verb the subject is the party copied in ("Kargo
	// firması e-postaya eklendi", "yazışmaya dahil edildi").
	if f := strings.Fields(t.Cue); len(f) > 0 && t.Cue != "name" && !passiveCopy(toks[v.Last].Norm) {
		if rest, ok := strings.CutPrefix(toks[t.Last].Norm, lint.CueLemma(f[len(f)-1])); ok && (rest == "" || fw.compoundHeadEndings[l][rest] && strings.HasPrefix(rest, "s")) {
			return false
		}
	}
	w := lint.Fold(l, toks[t.Last].Norm)
	return !(fw.notReceiverSet[l] != nil && fw.notReceiverSet[l].match(l, w, true))
}

// passiveCopy: a copy-in verb of Turkish or Azerbaijani in the passive:
// et/ed as edil- ("dahil edildi", "əlavə edildi"), ekle as eklen-, kat
// and qoş as katıl-/qoşul-, cc'le as cc'len-.
func passiveCopy(w string) bool {
	for _, p := range []string{"edil", "eklen", "katıl", "qoşul", "cc'len"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// listHead (Turkish, Azerbaijani): a third party in the genitive with a
// mailing list in the dative as its head, one or two words after it
// ("tedarikçi firmanın bülten listesine"), or such a head itself: being
// added to another organisation's mailing list shares the address.
func (fw *forwardingWords) listHead(l lint.Lang, toks []lint.Token, t lint.Match) bool {
	if t.Last < 0 || len(fw.mailingLists[l]) == 0 {
		return false
	}
	isList := func(j int) bool {
		if j < 0 || toks[j].Kind != lint.Word {
			return false
		}
		w := toks[j].Norm
		for stem := range fw.mailingLists[l] {
			if rest, ok := strings.CutPrefix(w, stem); ok && rest != "" && fw.receiverSet[l] != nil && fw.receiverSet[l].match(l, lint.Fold(l, w), true) {
				return true
			}
		}
		return false
	}
	if isList(t.Last) {
		return true
	}
	if !fw.genitive(l, toks[t.Last].Norm) {
		return false
	}
	for j, k := t.Last, 0; k < 2; k++ {
		if j = neighbour(toks, j, 1); isList(j) {
			return true
		}
	}
	return false
}

// listed (English): what was sent added to a third party's mailing list
// ("added your email to the mailing list of the supplier we work with",
// "to the wholesaler's mailing list"): the receiver in the phrase after
// "to", with one of mailing_lists before it (then "of") or after its
// genitive.
func (fw *forwardingWords) listed(l lint.Lang, toks []lint.Token, d, t lint.Match) bool {
	if d.First < 0 || t.First < 0 || len(fw.mailingLists[l]) == 0 || t.Span.Start < d.Span.End || !fw.introduced(l, toks, d, t) {
		return false
	}
	for e := range fw.genitiveEndings[l] {
		if strings.HasSuffix(toks[t.Last].Norm, e) {
			for j, k := t.Last, 0; k < 2; k++ {
				if j = neighbour(toks, j, 1); j >= 0 && fw.mailingLists[l][toks[j].Norm] {
					return true
				}
			}
			return false
		}
	}
	of := false
	for j, k := t.First, 0; k < 6; k++ {
		if j = neighbour(toks, j, -1); j < 0 || toks[j].Kind != lint.Word || fw.to[l][toks[j].Norm] {
			return false
		}
		of = of || fw.of[l][toks[j].Norm]
		if fw.mailingLists[l][toks[j].Norm] {
			return of
		}
	}
	return false
}

// hyphenated is the index of the last part of a hyphenated word whose
// first part is at j ("e-poçtuna": one word), or j.
func hyphenated(toks []lint.Token, j int) int {
	if h := j + 1; h+1 < len(toks) && toks[h].Norm == "-" && toks[h].Start == toks[j].End && toks[h+1].Start == toks[h].End && toks[h+1].Kind == lint.Word {
		return h + 1
	}
	return j
}

// someonesHome: a cue whose first word is any word ("* evi*": a house
// named by its trade, "müzik evine", a business) names someone's home
// when that word is a genitive, an owner ("annenizin evine"), not a trade.
func (fw *forwardingWords) someonesHome(l lint.Lang, toks []lint.Token, r lint.Match) bool {
	if !strings.HasPrefix(r.Cue, "* ") || r.Last < 0 {
		return false
	}
	q := neighbour(toks, r.Last, -1)
	return q >= 0 && toks[q].Kind == lint.Word && fw.genitive(l, toks[q].Norm)
}

// coinedQuoted reports whether a name is the last word of a quoted name
// with a coined word in it, one the language does not have ("«AzPoçt
// Ekspress»"): a brand's name. A quoted label of common words ("Özel
// Kod") names a thing of the app's own.
func (fw *forwardingWords) coinedQuoted(m *lint.Message, toks []lint.Token, n lint.Match) bool {
	if n.Last < 0 || !quotedName(m.Body.Text, toks, n) {
		return false
	}
	if q := neighbour(toks, n.Last, 1); q < 0 || !isQuote(toks[q].Norm) {
		return false
	}
	for j := n.Last; j >= 0 && toks[j].Kind == lint.Word; j = neighbour(toks, j, -1) {
		if !commonWord(m.Lang, m.Body.Text[toks[j].Start:toks[j].End]) {
			return true
		}
	}
	return false
}

// consentNegated reports whether a consent cue is negated: "without"
// before it ("without your permission") or olmadan, almadan after it
// ("İzniniz olmadan", "Müsaadenizi almadan"), or the cue's own verb in the
// negative converb ("onay almadan"): consent not asked, not consent.
func (fw *forwardingWords) consentNegated(l lint.Lang, toks []lint.Token, c lint.Match) bool {
	if c.First < 0 {
		return false
	}
	for j, k := neighbour(toks, c.First, -1), 0; j >= 0 && k < 3 && toks[j].Kind == lint.Word; j, k = neighbour(toks, j, -1), k+1 {
		if fw.consentNegBefore[l][toks[j].Norm] {
			return true
		}
	}
	if last := toks[c.Last].Norm; fw.consentNegAfter[l][last] && c.Last > c.First {
		return true
	}
	n := neighbour(toks, c.Last, 1)
	return n >= 0 && toks[n].Kind == lint.Word && fw.consentNegAfter[l][toks[n].Norm]
}

// handsOver reports whether a sending verb is one of hand_over, a verb of
// handing a thing over, with the word before it when the cue is its light
// verb alone ("təhvil verdik" read as "ver").
func (fw *forwardingWords) handsOver(l lint.Lang, toks []lint.Token, v lint.Match) bool {
	lemma := lint.CueLemma(v.Cue)
	if fw.handOver[l][lemma] {
		return true
	}
	p := neighbour(toks, v.First, -1)
	return p >= 0 && toks[p].Kind == lint.Word && fw.handOver[l][toks[p].Norm+" "+lemma]
}

// customersMainVerb: the last word of the sentence after token i ends in
// one of converb_main_endings (an imperative or the 2nd person).
func (fw *forwardingWords) customersMainVerb(l lint.Lang, toks []lint.Token, i int, fold func(string) string) bool {
	last := -1
	for j := i; j >= 0 && !sentenceEnd(toks, j); {
		if j = neighbour(toks, j, 1); j >= 0 && toks[j].Kind == lint.Word {
			last = j
		}
	}
	if last < 0 {
		return false
	}
	w := fold(toks[last].Norm)
	for e := range fw.converbMain[l] {
		if strings.HasSuffix(w, fold(e)) {
			return true
		}
	}
	return false
}

// adverbsFirst (English): a sending verb in its bare form after nothing
// but adverbs at the start of a sentence tells the customer what to do, or
// labels an option ("Automatically share crash reports with the
// developers", "Always forward receipts to…").
func (fw *forwardingWords) adverbsFirst(l lint.Lang, toks []lint.Token, v lint.Match) bool {
	if v.First != v.Last || toks[v.First].Norm != lint.CueLemma(v.Cue) {
		return false // "Automatically shared", "sent": no bare form
	}
	j, n := v.First, 0
	for ; !sentenceStart(toks, j); n++ {
		if j = neighbour(toks, j, -1); j < 0 || toks[j].Kind != lint.Word {
			return false
		}
		w := toks[j].Norm
		if !(len(w) > 4 && strings.HasSuffix(w, "ly")) && !fw.leadAdverbs[l][w] {
			return false
		}
	}
	return n > 0
}

// attributive (Turkish, Azerbaijani): a sending verb in the participle
// that modifies the noun after it ("paylaşılan bir posta kutusu", a
// shared mailbox) takes its receiver before it, inside its clause: a
// receiver after it is another verb's ("… üzerinden harici alıcılara
// e-posta göndermek").
func (fw *forwardingWords) attributive(l lint.Lang, toks []lint.Token, v, t lint.Match, verbs []lint.Match, folded bool) bool {
	if len(fw.subjectParticiple[l]) == 0 || v.Last < 0 || t.Span.Start < v.Span.End {
		return false
	}
	// Only when another sending verb after it may take the receiver
	// ("… alıcılara e-posta göndermek"); alone ("Gönderilen adresiniz
	// kargo firmasına ulaştı") the participle's is the only sending.
	if !slices.ContainsFunc(verbs, func(o lint.Match) bool { return o.Span.Start >= v.Span.End }) {
		return false
	}
	fold := func(s string) string {
		if folded {
			return lint.Fold(l, s)
		}
		return s
	}
	w, lemma := fold(toks[v.Last].Norm), fold(lint.CueLemma(lastField(v.Cue)))
	rest, ok := strings.CutPrefix(w, lemma)
	if !ok {
		return false
	}
	if !fw.subjectParticiple[l][fw.unvoiced(l, rest, fold)] {
		return false
	}
	n := neighbour(toks, v.Last, 1)
	return n >= 0 && toks[n].Kind == lint.Word
}

// customersService: a receiver that is a service the customer holds
// (own_services), marked as theirs: "your" before it ("your e-mail
// provider"), the 2nd person possessive on it ("sağlayıcınıza",
// "provayderinizə"); or an administrator of such a service (service_admins
// after one of own_services: "your server's administrator", "organisation
// administrators", "sunucunuzun yöneticisine", "təşkilat
// administratorlarına"). The customer's own provider is no third party of
// the brand's; an administrator alone, or "your manager", may be.
func (fw *forwardingWords) customersService(l lint.Lang, toks []lint.Token, r lint.Match, folded bool) bool {
	if r.Last < 0 || r.First < 0 || len(fw.ownServices[l]) == 0 || r.Cue == "name" || r.Cue == pronounCue {
		return false
	}
	head := toks[r.Last].Norm
	if _, ok := fw.serviceStem(l, fw.serviceAdmins[l], head, folded); ok {
		p := neighbour(toks, r.Last, -1)
		if p < 0 || toks[p].Kind != lint.Word {
			return false
		}
		w := toks[p].Norm
		if fw.ourList[l] == nil {
			w = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s"), "s'")
		}
		rest, ok := fw.serviceStem(l, fw.ownServices[l], w, folded)
		return ok && fw.serviceHeadsPhrase(l, toks, p, rest, folded)
	}
	rest, ok := fw.serviceStem(l, fw.ownServices[l], head, folded)
	if !ok {
		return false
	}
	if n := neighbour(toks, r.Last, 1); n >= 0 && toks[n].Kind == lint.Word {
		if _, ok := fw.serviceStem(l, fw.serviceAdmins[l], toks[n].Norm, folded); ok {
			// "the organisation administrators": the receiver's head is after it
			return fw.serviceHeadsPhrase(l, toks, r.Last, rest, folded)
		}
	}
	if fw.ourList[l] != nil {
		return fw.possessed(l, rest, folded)
	}
	// English: "your" one or two words before it.
	for j, k := r.Last, 0; k < 3; k++ {
		if j = neighbour(toks, j, -1); j < 0 || toks[j].Kind != lint.Word {
			return false
		}
		if fw.owner[l][toks[j].Norm] {
			return true
		}
	}
	return false
}

// serviceHeadsPhrase (Turkish, Azerbaijani): the service word i before an
// administrator is the customer's: with the 2nd person possessive
// ("sunucunuzun yöneticisine"), or bare and first in its noun phrase
// ("Qeydiyyat, təşkilat administratorlarına"; after a subject of the
// customer's, "talebiniz kuruluş yöneticisine"). Another noun before it, or
// the 3rd person's compound ending on it ("sigorta kuruluşunun
// yöneticisine", "kargo kuruluşu yöneticisine", "ortak kuruluş"), makes it
// another's. English reads "your" or the bare compound as before.
func (fw *forwardingWords) serviceHeadsPhrase(l lint.Lang, toks []lint.Token, i int, rest string, folded bool) bool {
	if fw.ourList[l] == nil {
		return true
	}
	if fw.possessed(l, rest, folded) {
		return true
	}
	if rest != "" {
		return false
	}
	p := neighbour(toks, i, -1)
	if p < 0 || toks[p].Kind != lint.Word {
		return true
	}
	for e := range fw.ownedEndings[l] {
		if len(e) >= 3 && (strings.HasSuffix(toks[p].Norm, e) || folded && strings.HasSuffix(lint.Fold(l, toks[p].Norm), lint.Fold(l, e))) {
			return true
		}
	}
	return false
}

// serviceStem: w starts with one of stems (English: is one of them), and
// what follows the stem.
func (fw *forwardingWords) serviceStem(l lint.Lang, stems map[string]bool, w string, folded bool) (string, bool) {
	if fw.ourList[l] == nil {
		return "", stems[w]
	}
	for s := range stems {
		if rest, ok := strings.CutPrefix(w, s); ok {
			return rest, true
		}
	}
	if folded {
		fw := lint.Fold(l, w)
		for s := range stems {
			if rest, ok := strings.CutPrefix(fw, lint.Fold(l, s)); ok {
				return rest, true
			}
		}
	}
	return "", false
}

// possessed: the 2nd person possessive (owned_endings) somewhere in a
// word's endings ("sağlayıcınıza": -nız, then the dative).
func (fw *forwardingWords) possessed(l lint.Lang, rest string, folded bool) bool {
	for e := range fw.ownedEndings[l] {
		if len(e) >= 3 && (strings.Contains(rest, e) || folded && strings.Contains(rest, lint.Fold(l, e))) {
			return true
		}
	}
	return false
}

// chosenByYou: a service of own_services the customer chose (chosen, in a
// 2nd person relative clause right before it: "seçtiğiniz kuruluşa",
// "seçdiyiniz təşkilata"; English after it: "the organisation you
// selected") is theirs, where the customer sent it; a business so chosen
// ("the boutique you chose") is still a third party.
func (fw *forwardingWords) chosenByYou(l lint.Lang, toks []lint.Token, r lint.Match, folded bool) bool {
	if r.First < 0 || r.Last < 0 || len(fw.chosen[l]) == 0 || r.Cue == "name" || r.Cue == pronounCue {
		return false
	}
	if _, ok := fw.serviceStem(l, fw.ownServices[l], toks[r.Last].Norm, folded); !ok {
		return false // "the boutique you chose" is still another business
	}
	if fw.ourList[l] == nil {
		y := neighbour(toks, r.Last, 1)
		c := neighbour(toks, y, 1)
		return y >= 0 && c >= 0 && fw.you[l][toks[y].Norm] && toks[c].Kind == lint.Word && fw.chosen[l][toks[c].Norm]
	}
	if fw.relativeYouSet[l] == nil {
		return false
	}
	p := neighbour(toks, r.First, -1)
	if p >= 0 && toks[p].Kind == lint.Word && r.First == r.Last && fw.casedCompoundHead(l, toks[r.Last].Norm) && !fw.relativeYouSet[l].match(l, toks[p].Norm, folded) {
		p = neighbour(toks, p, -1) // "belirttiğiniz kargo firmasına": the compound's head
	}
	if p < 0 || toks[p].Kind != lint.Word || !fw.relativeYouSet[l].match(l, toks[p].Norm, folded) {
		return false
	}
	rest, ok := fw.serviceStem(l, fw.chosen[l], toks[p].Norm, folded)
	if folded {
		rest = lint.Fold(l, rest)
	}
	// "seçmediğiniz", "seçmədiyiniz": the one the customer did not choose.
	if !ok {
		return false
	}
	for n := range fw.chosenNegation[l] {
		if strings.HasPrefix(rest, n) || folded && strings.HasPrefix(rest, lint.Fold(l, n)) {
			return false
		}
	}
	return true
}

// casedCompoundHead: a compound's head (compound_head_endings) with a
// receiver's ending after it ("firmasına").
func (fw *forwardingWords) casedCompoundHead(l lint.Lang, w string) bool {
	for e := range fw.receiverEndings[l] {
		if stem, ok := strings.CutSuffix(w, e); ok && fw.compoundHead(l, stem) {
			return true
		}
	}
	return false
}

// publicBodies (Azerbaijani): the public bodies in span s: a word of
// public_body_heads (idarə, xidmət) in a compound, without our possessive,
// after one of public_works within the three words before it, no mark
// between ("meşə təsərrüfatı idarəsinə", "dəniz limanı idarəsinə",
// "yanğından mühafizə xidmətinə", "sərhəd xidmətinə"). English reads the
// same with public_works in publicKind ("the county fire service").
func (fw *forwardingWords) publicBodies(m *lint.Message, toks []lint.Token, s lint.Span, folded bool) []lint.Match {
	l := m.Lang
	heads := fw.publicBodyHeads[l]
	if len(heads) == 0 {
		return nil
	}
	var out []lint.Match
	for j := firstTokenAt(toks, s.Start); j >= 0 && j < len(toks) && toks[j].End <= s.End; j++ {
		t := toks[j]
		if t.Kind != lint.Word || len(t.Norm) < 6 {
			continue
		}
		if !slices.ContainsFunc(heads, func(h string) bool { return len(t.Norm) > len(h) && hasPrefix(l, t.Norm, h, folded) }) {
			continue // "idarə" alone is no compound
		}
		if fw.ours(l, t.Norm, folded) {
			continue // "idarəmizə" is ours
		}
		for k, n := j, 0; n < 3; n++ {
			if k = neighbour(toks, k, -1); k < 0 || toks[k].Kind != lint.Word || toks[k].Start < s.Start {
				break
			}
			if fw.publicWork(l, toks[k].Norm, folded) {
				out = append(out, lint.Match{Cue: headCue, Span: lint.Span{Start: toks[k].Start, End: t.End}, First: k, Last: j})
				break
			}
		}
	}
	return out
}

// hasPrefix: w starts with p, both folded in a folded text.
func hasPrefix(l lint.Lang, w, p string, folded bool) bool {
	if strings.HasPrefix(w, p) {
		return true
	}
	return folded && strings.HasPrefix(lint.Fold(l, w), lint.Fold(l, p))
}

// publicWork: a word that starts with one of public_works ("yanğından",
// "limanı").
func (fw *forwardingWords) publicWork(l lint.Lang, w string, folded bool) bool {
	for p := range fw.publicWorks[l] {
		if hasPrefix(l, w, p, folded) {
			return true
		}
	}
	return false
}
