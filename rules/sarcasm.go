package rules

import (
	"cmp"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/msglint/msglint/lint"
)

var (
	sarcasmData    = loadData("sarcasm.yaml")
	sarcasmLexicon = Lexicon(sarcasmData.Lexicon)
)

// sarcasmList numbers a list of cues the rule reads (see cuesFound): a
// list of its lexicon by its place in the phrase book's names (see
// phraseBook.findLists), then the lists refine makes of them and the
// customer's words with a set of endings (see customer.ending), in
// sarcasmLists' order. The rule reads its lists by number, not by name: a
// message's cues are read some hundred times, and a name would be hashed
// each time.
type sarcasmList int32

// sarcasmLists are the lists' names by number.
var sarcasmLists = append(sarcasmLexicon.listNames(),
	"compliance", "customer_did", "denied_slip", "judgment_any", "mishap", "luck_context", "impatience", "counted_contact", "reversal", "promised",
	"ends:negated", "ends:promise", "ends:act", "ends:infinitive", "ends:without", "ends:ourPast", "ends:should", "ends:coming")

// sarcasmListHashes are the hashes of the lexicon's lists' names (see
// cueClasses), by number.
var sarcasmListHashes = func() []uint64 {
	out := make([]uint64, len(sarcasmLexicon.listNames()))
	for i := range out {
		out[i] = textHash(sarcasmLists[i])
	}
	return out
}()

// lsAsks stands for "?" in a frame's with or after: the sentence asks.
// lsNone is no list: a frame without a second.
const lsAsks, lsNone sarcasmList = -1, -2

// sarcasmListOf is a list's number; a name the rule does not know is a
// mistake in the rule.
func sarcasmListOf(name string) sarcasmList {
	if name == "?" {
		return lsAsks
	}
	i := slices.Index(sarcasmLists, name)
	if i < 0 {
		panic("sarcasm: no list " + name)
	}
	return sarcasmList(i)
}

// The lists the rule reads by name.
var (
	lsAbsurd          = sarcasmListOf("absurd")
	lsActJudgment     = sarcasmListOf("act_judgment")
	lsAdvice          = sarcasmListOf("advice")
	lsAffirm          = sarcasmListOf("affirm")
	lsAgain           = sarcasmListOf("again")
	lsApology         = sarcasmListOf("apology")
	lsBereavement     = sarcasmListOf("bereavement")
	lsBlame           = sarcasmListOf("blame")
	lsCertainty       = sarcasmListOf("certainty")
	lsChoosing        = sarcasmListOf("choosing")
	lsComplaints      = sarcasmListOf("complaints")
	lsCompliance      = sarcasmListOf("compliance")
	lsCustomerDid     = sarcasmListOf("customer_did")
	lsDeniedSlip      = sarcasmListOf("denied_slip")
	lsEscalation      = sarcasmListOf("escalation")
	lsEscalationAsked = sarcasmListOf("escalation_asked")
	lsEvaluation      = sarcasmListOf("evaluation")
	lsFailure         = sarcasmListOf("failure")
	lsFeigned         = sarcasmListOf("feigned")
	lsForWhat         = sarcasmListOf("for_what")
	lsFragment        = sarcasmListOf("fragment")
	lsGratitude       = sarcasmListOf("gratitude")
	lsGrief           = sarcasmListOf("grief")
	lsIdioms          = sarcasmListOf("idioms")
	lsInforming       = sarcasmListOf("informing")
	lsInstructions    = sarcasmListOf("instructions")
	lsIronic          = sarcasmListOf("ironic")
	lsJoy             = sarcasmListOf("joy")
	lsJudgmentAny     = sarcasmListOf("judgment_any")
	lsLateNotice      = sarcasmListOf("late_notice")
	lsMarkers         = sarcasmListOf("markers")
	lsMisdeed         = sarcasmListOf("misdeed")
	lsMishap          = sarcasmListOf("mishap")
	lsModal           = sarcasmListOf("modal")
	lsMystery         = sarcasmListOf("mystery")
	lsRevelation      = sarcasmListOf("revelation")
	lsHeadline        = sarcasmListOf("headline")
	lsEnlightened     = sarcasmListOf("enlightened")
	lsWaitingStaff    = sarcasmListOf("waiting_staff")
	lsWin             = sarcasmListOf("win")
	lsHarm            = sarcasmListOf("harm")
	lsNever           = sarcasmListOf("never")
	lsOfCourse        = sarcasmListOf("of_course")
	lsOpeners         = sarcasmListOf("openers")
	lsOrdinal         = sarcasmListOf("ordinal")
	lsPraise          = sarcasmListOf("praise")
	lsPromise         = sarcasmListOf("promise")
	lsQuestionOrdinal = sarcasmListOf("question_ordinal")
	lsRecordNoun      = sarcasmListOf("record_noun")
	lsRemedy          = sarcasmListOf("remedy")
	lsRepetition      = sarcasmListOf("repetition")
	lsReprimand       = sarcasmListOf("reprimand")
	lsCommand         = sarcasmListOf("command")
	lsControl         = sarcasmListOf("control")
	lsNature          = sarcasmListOf("nature")
	lsAnimal          = sarcasmListOf("animal")
	lsTalk            = sarcasmListOf("talk")
	lsClearing        = sarcasmListOf("clearing")
	lsSnow            = sarcasmListOf("snow")
	lsReproach        = sarcasmListOf("reproach")
	lsRetry           = sarcasmListOf("retry")
	lsRhetorical      = sarcasmListOf("rhetorical")
	lsReward          = sarcasmListOf("reward")
	lsSaying          = sarcasmListOf("saying")
	lsSuggestion      = sarcasmListOf("suggestion")
	lsSurprise        = sarcasmListOf("surprise")
	lsThanks          = sarcasmListOf("thanks")
	lsWeakJudgment    = sarcasmListOf("weak_judgment")
	lsPromised        = sarcasmListOf("promised")
	lsOfferAsked      = sarcasmListOf("offer_asked")
	lsWaitReproach    = sarcasmListOf("wait_reproach")
	lsWelcome         = sarcasmListOf("welcome")
	lsWish            = sarcasmListOf("wish")
	lsAccident        = sarcasmListOf("accident")
	lsNotAccident     = sarcasmListOf("not_accident")
	lsGuiding         = sarcasmListOf("guiding")
	lsWorkingOrder    = sarcasmListOf("working_order")
	lsAdmission       = sarcasmListOf("admission")
	lsSources         = sarcasmListOf("sources")
	lsToldBefore      = sarcasmListOf("told_before")
	lsWithout         = sarcasmListOf("without")
	lsDelight         = sarcasmListOf("delight")
	lsDelightEmoji    = sarcasmListOf("delight_emoji")
	lsFrequency       = sarcasmListOf("frequency")
	lsNameHead        = sarcasmListOf("name_head")
	lsSurpriseNoun    = sarcasmListOf("surprise_noun")
	lsFeignedSurprise = sarcasmListOf("feigned_surprise")
	lsUnderstanding   = sarcasmListOf("understanding")
	lsNthTime         = sarcasmListOf("nth_time")
	lsReversal        = sarcasmListOf("reversal")
	lsCountedContact  = sarcasmListOf("counted_contact")
	lsPatience        = sarcasmListOf("patience")
	lsImpatience      = sarcasmListOf("impatience")
	lsMinimiser       = sarcasmListOf("minimiser")
	lsHyperbolicCount = sarcasmListOf("hyperbolic_count")
	lsSelfPunishment  = sarcasmListOf("self_punishment")
	lsNotCharity      = sarcasmListOf("not_charity")
	lsNoRush          = sarcasmListOf("no_rush")
	lsElapsed         = sarcasmListOf("elapsed")
	lsLasting         = sarcasmListOf("lasting")
	lsLuck            = sarcasmListOf("luck")
	lsLuckContext     = sarcasmListOf("luck_context")
	lsNeedIt          = sarcasmListOf("need_it")
	lsElsewhere       = sarcasmListOf("elsewhere")
	lsEndsNegated     = sarcasmListOf("ends:negated")
	lsEndsPromise     = sarcasmListOf("ends:promise")
	lsEndsAct         = sarcasmListOf("ends:act")
	lsEndsInfinitive  = sarcasmListOf("ends:infinitive")
	lsEndsWithout     = sarcasmListOf("ends:without")
	lsEndsOurPast     = sarcasmListOf("ends:ourPast")
	lsEndsShould      = sarcasmListOf("ends:should")
	lsEndsComing      = sarcasmListOf("ends:coming")
	lsHedge           = sarcasmListOf("hedge")
	lsHedgeInside     = sarcasmListOf("hedge_inside")
	lsShouldHave      = sarcasmListOf("should_have")
)

// cuesFound are a message's cues by list (see sarcasmList): the lexicon's
// as found, changed by refine, and the rest as refine and customer.ending
// work them out (nil until then).
type cuesFound [][]lint.Match

// findCues finds a message's cues of every list in one pass, in s's
// memory.
func findCues(pb phraseBook, m *lint.Message, s *cueScratch) cuesFound {
	found := pb.findLists(m, s, len(sarcasmLists))
	if len(found[lsOrdinal]) > 0 {
		s.hits = ordinalTimes(m, found, s.hits)
	}
	return found
}

// SarcasmOptions configures the sarcasm rule.
type SarcasmOptions struct {
	LexiconOptions `yaml:",inline"`
}

// Sarcasm flags sarcasm, irony and snark toward the customer.
var Sarcasm = &lint.Rule{
	Name: "sarcasm",
	Doc: lint.Doc{
		Title: "sarcasm or snark toward the customer",
		Text: `Flags sarcastic, ironic or snarky wording: phrases that are sarcastic wherever they stand ("yeah right", "as I
already said", "what a surprise", "nothing better to do", "/s", 🙄, 🙃, "(!)", "tabii canım", "yok artık",
"başka işimiz yok", "əlbəttə canım", "nə sürpriz", "it's almost as if", "we don't need weekends anyway"), rhetorical questions of exasperation ("did you even read
it?", "is it really that hard…?", "para mı basıyoruz?"), mock spite ("just to annoy you"; a word of intent with a harm aimed at the customer: "just to ruin your weekend",
"sırf sizin taşınma gününüzü berbat etmek için", "məhz toyunuzu korlamaq üçün"; not when scammers or fake sellers mean
it, "Scammers send fake texts just to trick you", nor pampering, "just to spoil you"), a thing's obvious purpose hedged
after "yes" ("Yes, the bakery smelled of bread. That's pretty much what bakeries are known for"; not "Basically, …"
opening an explanation), a thing's own name given back as its property and mocked: with a surprise ("Şokoladlı kekin
şokoladlı olması sizin için gerçekten büyük bir sürpriz olmuş"), as what the customer told or complained of ("Thanks for
telling us that the pine air freshener smells like pine", "kakaolu olmasından şikâyet etmeniz", the customer's "too
fudgy" for the fudge) or with a promise to make it otherwise ("Yes, the garlic bread tastes of garlic. We'll try to make it
taste of strawberries"); not a bare yes, "of course" or thanks, which confirm sincerely as often ("Yes, the lemon soap
smells like lemon"), nor "olduğunu" after a verb of confirming ("vegan olduğunu teyit ediyoruz"), nor a property that tells
more, also after a comma ("tastes of cinnamon, and it's made fresh"), one denied, "doesn't smell like pine", a norm
("should feel express", "olması gerekirdi", "lazım idi"), a purpose, "naneli olması için", nor the adjective the name
already has, "too spicy" for the spicy wings), mock joy at
repeating ourselves or in waiting, ours or our staff's only ("I just love waiting.", "beklemeye bayılıyoruz", "ustamız beklemeye bayılır"; not
"Kids just love waiting for Santa", "Kimse beklemeye bayılmaz"), a stern word with a thing ("we'll have a word with the chair") or with the weather, the sea
or an animal scolded ("we'll be raising it with the weather", "denize bir daha tembihledik", "küləyə tapşırmışıq") or a deal struck with
them ("we'll negotiate with the birds", "dənizlə də sövdələşərik"; not
with the person looking after them, nor with a person named Deniz or Günəş, nor plain talking to an animal, "talk to the
goats"), openers that turn
sarcastic with a complaint beside them ("Oh great, another…", "Wow, … this time", "Ne güzel, yine…", "Əla,
yenə…"), a one-word sigh ("Again.", "Yine."), a plain fact announced as news in a short sentence after one that tells what
the customer did, a cause with its outcome or what went wrong ("You left it in the car and it melted. Big news, I know.", "Bilimsel bir keşif.",
"Şok xəbərdir."; not opening a message, nor after a sentence of ours or a question, "Our new latte is back. A real breakthrough.", nor in a
promo or a greeting, nor with an apology or a remedy), a mock headline opening a sentence with a thing's obvious nature
after its colon ("Stop press: a ceramic mug breaks when dropped.", "Flaş haber: tereyağı güneşte eriyor.", "Sensasiyalı
xəbər: dondurma günəşdə əriyir.", and in Turkish and Azerbaijani any word of size or surprise with a noun of news, "Size
önemli bir gelişmeyi duyuralım: …", "Böyük kəşf: …"; not a plain announcement, "Breaking news: the catalogue is out.", nor news of ours, of what
is new, of an event or a price, nor with a figure or a name: "Big announcement: our new shop opens on Friday!", "Breaking news:
the storm has closed the coast road", nor in an update or an away message, nor in Turkish and Azerbaijani a warning
that says what to do, "Önemli haber: kışın musluklar donar, lütfen vanaları kapatın."), in Turkish and Azerbaijani the
customer's view asked in a question that answers itself, why or how much, after the message has said what the customer
did ("… bir yıl sürmüşsünüz, sizce neden paslandı?"), or what was bound to be ("sizcə hansı rəngdə gələcəkdi?"; not a question of feedback or a survey, which names no act of theirs,
"Sizce eğitim faydalı mıydı?", nor a choice, "Sizce hangi renk daha çok yakışır?", nor what is ours) and the customer's act
played down after the fact, judged as something under a hedge ("… getirmeniz belki bir tık aceleci bir plan olmuştur",
"… gətirməyiniz bir balaca tələsik plan idi"; not a delay it caused, in any tense, "Adresi değiştirmeniz teslimatı biraz
uzatmıştır", nor what may yet happen, "… getirmeniz dikişi biraz uzatabilir"), mock thanks for being taught: the customer's
question about a "why" called enlightening ("Thanks for asking why a chain needs oil. Truly eye-opening.", "… neden …
sorduğunuz için teşekkürler, ufkumuz açıldı", "bizim üçün çox öyrədici"; not their sharing or explaining, "thanks for sharing
why you chose us", nor thanks for our own event or for feedback), mock hope that the customer behaves "this time" with a
conduct of theirs denied ("bu dəfə velosipedi dəhlizdə qoymayacağınıza ümid edirik", "bu kez dükkân kapanmadan geleceğinize
inanıyoruz", "We'd be grateful if the ladder wasn't propped against the wet wall this time"; not hope without a denial, "bu
kez sınavı geçeceğinize inanıyoruz", a plain request, a hardship wished away, "this time too", a feeling or a find hoped for,
nor an invitation or beside an apology), a mock offer to petition what cannot answer: nature, an animal, a tool, the stars or a
fortune-teller asked, informed, written to or met by us ("we'll ask the flowers to keep better time", "güneşle bir toplantı
yaparız", "ölçünü falçıdan öyrənərik"; not a person after it, "ask the goat farmer", nor the customer told, "yağmurdan dolayı
gecikirse size haber vereceğiz"), a yes to terms no one could meet: two or more in their own parts between commas after
"of course", "tabii" or "əlbəttə" (minutes, the middle of the night, a holiday, nothing to pay: "Certainly, in two minutes, on New
Year's Eve, for free"; not one such term, "Of course, delivery is free", nor a list without the yes), and sarcasm built from two parts in one sentence or the next, in
either order: praise for something that went wrong by the customer's doing ("Congratulations, you missed it
again", "Tebrikler, yine kaçırmışsınız", "Hats off to you for ignoring…"), counting how often they asked or
slipped ("the fourth time you've asked", "beşinci kez soruyorsunuz", "dördüncü mesajınızdır ki…", "bu kaçıncı
talebiniz", "you've lost it for the fourth time", "asking the same thing again"), a virtue praised beside
their slip ("so careful of you, the wrong address again"), our fault for what they did ("our fault that you
typed it wrong"), judging what the customer did ("istemeniz çok makul", "soruşmağınız çox maraqlıdır", "Bold
move.", "Very logical.", with "of course", "sizce", the evidential past or a question also their act as an
infinitive: "şikayət etmək, əlbəttə, çox orijinal yanaşmadır", "ödemek sizce ne kadar mantıklı?", "yağlamak çok
yenilikçi bir yöntem olmuş"; a judgment often sincere, "çok
akıllıca", "anlaşılandır", only with "of course", a feigned guess or a question beside it that is no offer of
ours, "ister misiniz", "alalım mı", and with no remedy done, "gönderdik", nor one we will do, "size bildireceğiz"), thanks for a notice given too late ("thanks for telling us
five minutes before"), "of course" or "surely" with "our fault" or what we should have done ("Haqlısınız, buludları
əvvəlcədən dağıtmalı idik"; not what we should have in stock, nor the customer's fault, "sizin kabahatiniz yok") and no
apology or remedy (also one of ours who will call the customer, "teknisyenimiz sizi arayacak"), "since you know
better than us" or "the expert", an affirmative said twice ("Yes, yes"), the customer's own words held up in
quotes ("the tent you pitched 'properly'", "your "urgent" order, of course…"), mock compliance (an impossible
feat or a time already gone offered or promised: "shall we also teleport it?", "we'll stop the rain too", "we'll freeze time for you too";
not time as the first noun of a compound, "stop time tracking", nor time stopped as a button's label or a promo's metaphor, "Spa merkezimizde zamanı yavaşlatıyoruz",
"küləyi sizin xatirinizə dayandırarıq"; not an animal calmed or snow cleared, nor "the sun loungers" moved,
"we'll deliver it yesterday", "başka bir mucize isteğiniz var mı?", "dünən çatdırarıq"), ironic openers with
what went wrong ("Lucky you, your flight was cancelled", "What a shock, it sold out", "Şanslısınız, paketiniz
gecikti"), also with a mock wish after it ("…delayed again, we wish you happy waiting!") and praise after it ("Late again. Great.", "Bağlamanız yenə gecikdi. Super."), thanks for the
customer's own slip ("Thanks so much for forgetting the key again", "ödemediğiniz için teşekkürler", "bizi
qınadığınız üçün təşəkkür edirik"), their surprise at what they caused met with a judgment or a feigned guess
("…and you're surprised? Presumably…", "şaşırmanız çok sevimli", "təəccüblənmisiniz, yəqin…"), feigned mystery
at what they did ("You washed it at 60 degrees and it shrank. Who knew?", "Tam bir gizem"; not beside a win had,
"you won", though beside one only hoped for), "of course" with
our promise and a request for more ("Of course, we'll … Anything else while we're at it?", "Tabii, … boyarız,
hatta üstüne … hediye ederiz"), asking whether the customer did it again ("Yine mi … yazdınız?", "Yenə …
soruşursunuz?"), feigned certainty of someone else's joy after a mishap ("…without waiting a day. I'm sure the
grass is delighted.", "Eminim bahçeniz size çok minnettar"), grief over a trifle ("we're truly devastated",
"büyük bir trajedi", "böyük faciədir") unless someone died, an apology overdone with three intensifiers ("so
terribly, deeply, unspeakably sorry", "Çox, çox, çox üzr"), thanks for a one-star review and an unhappy or
all-knowing customer sent elsewhere ("Madem memnun değilsiniz, başka yerden alın"), unless we apologise; "since …"
with sending them off to another ("Madem … daha ucuz, ondan almanızı öneririz", "buy it from them"); "no rush" after a
long wait ("No rush, it's only been sitting there since Tuesday", "Hiç acele etmeyin, üç haftadır bekliyoruz");
"good luck" with what dooms the attempt (the luck needed, a shop elsewhere, doing without: "Bol şans, ihtiyacınız
olacak", "Good luck fixing it without the parts"); feigned surprise after a question or beside what the customer did
("… tutkal mı açılmış? Hayret.", "I'm stunned", "Heç gözləməzdik"); praise of their patience beside the proof they had
none ("thanks for your patience, all four minutes of it", "bekleme süresince attığınız 23 mesaj"); counting how often
they changed their mind or wrote, in words or digits ("bugün 4. kez değiştirdiniz", "4-cü dəfə dəyişdirirsiniz",
"your fifth email"); an apology counted in thousands ("bin kez özür dileriz"), mock punishment or shame of ours
("kendimizi cezalandırıyoruz", "we'll never forgive ourselves"), "we're not a charity" and the customer told
everywhere: three places or more where it stands written with our earlier telling ("answered on the box, in the manual
and on our website", "saytda, profildə və hər mesajda yazdığımız kimi"), not places where the customer can find or use a thing ("you'll find it in the app, in your email and on your profile");
in English only: a duty called "about as optional as" the obvious, an act in -ing after it ("about as optional as
measuring the door"; not in a question); an act that opens its sentence as a gerund, understated after the fact: a past
copula ("was", "may have been"), a hedge, then a judgment of daring or excess or a negated superlative ("Leaving it on
the radiator was a touch ambitious", "… was perhaps not the wisest idea"; not the present, which advises, "Camping by
the river is a bit risky in spring", not our own act, "… a bold step for our team", not without a hedge, "Ordering early
was a wise choice", "… was not the best idea", nor beside an apology or in a promo); a virtue praised, with a word of
praise or "your" before it, and then shown by an act after a comma ("Such patience, waiting a whole three minutes"; not
a list, "Planning, packing and shipping are included", not the virtue going on as a subject, ", … is what makes …", nor
a virtue thanked for, "Thank you for your patience, waiting …", nor in a promo); a question whether the customer really
believed what was bound to fail ("Did you really expect …?", "Did you think the tyre would …?"; unstressed, only "did you
think" with "would" counts, and not when our help follows, "… let me fix that"; not a plain "Did you expect a parcel
today?" nor "Did you think about …?"); feigned helplessness after thanks for being taught, bare or after thanks for a fact
told ("Thanks for pointing out that … We'd never have guessed"; not with what we learnt after it, "we'd never have
guessed the part number from the photo", a tip that helped); not thanks for explaining how a thing went wrong ("for
explaining how the panel cracked"), an account, not a lesson, unless it is how we should have done it or the lesson is
mock-praised ("So illuminating"); a count of times from the fourth on set off in its sentence with an answer given again (the count alone,
a colon after it, "yes" or "no", a verb of asking or telling, or the customer spoken to: "For the sixth time: the
bakery opens at 8", "Noted, for the ninth time."; not a count that goes on in its clause, "voted the best in town for
the fourth time", nor a record or an event of ours, "For the fifth time, we're running our repair café", nor a series,
"For the tenth time, the festival returns to the harbour", nor exclaimed).
Praise with an ending counts ("Əladır", "Harikasınız"). Sincere enthusiasm ("Great news!", "Harika, ücretsiz
teslimat yine başlıyor!"), sincere thanks ("Çok teşekkürler, ödemeniz zaten alındı", "thanks for letting us
know; we've moved your table", "thanks for letting us know you forgot the key"), surprise met with
understanding ("şaşırmanızı anlıyoruz"), feigned mystery beside a win ("Kim bilirdi, yıldız gecesi çekilişini siz kazandınız!"), sincere congratulations ("Congratulations, you won this time!",
"Üçüncü kez kazandınız, tebrikler!"), a sincere apology or remedy for our fault, a sincere "sure, happy to
help", advice ("erken gelmeniz akıllıca olur"), sincere praise of a wise act ("kartınızı dondurmanız çok
akıllıca bir karardı"), sincere confidence ("I'm sure your guests will be delighted"), a surprise with a word of delight ("What a lovely
surprise", "ne güzel bir sürpriz", "nə xoş sürpriz") or exclaimed at a welcome back ("What a surprise to see you back!"), a visit ("thanks for dropping by"), the customer's feeling
found right ("You're right to be upset"), loyalty counted beside a welcome back or a reward ("Welcome back, your
third visit this month", "bonusunuz hesabınıza yazılıb"), an apology beside yesterday ("Özür dileriz, dün …"), a
time before or after ("kurs bitmeden bir hafta önce"), a way of doing a thing ("kesmeden katlamak"), a request, a choice or
a compliment quoted back ("you asked for 'no onions'", "Seçtiğiniz “mat siyah” boya", "“harika hizmet”
yazmışsınız, teşekkürler"), a quote that names a sound, a setting or a command ("the "click" sound", "“sessiz mod”
seçeneği", "“otur” əmri"), the customer's words reported back with a remedy ("“Kondisioner işləmir” yazmısınız;
… pulsuz təmir edəcək"), thanks for their understanding, "no rush" with time still ahead ("the invoice is due at the end of
February"), "good luck" alone or with an offer of help, surprise with a remedy or thanks, a second message or one
answered in turn ("Dördüncü sualınıza cavab"), our own question asked again ("adresinizi üçüncü kez soruyoruz",
"we've asked three times", unless with "and we're still waiting"), a change that befell the customer ("rescheduled a third time because of
the storm"), a request's status ("Üçüncü qaytarma sorğunuz qəbul edildi"), our own other branch, a product named after a feat ("our Miracle Serum"), a feat denied ("we can't
work miracles"), blame we take with what we will do about it ("You're right, it's our fault … We'll courier a pair
this afternoon"), a mishap wished as a pastime ("Keyifli kaybolmalar dileriz" after a maze booked), praise for an
accident the customer did not have ("hiç düşmediniz", "you didn't fall once"), "again" beside working order ("yine
tıkır tıkır çalışıyor") and what the customer read or found, unless "this time" or "finally" goes with it ("Aferin,
kılavuzu okumuşsunuz"; "sonunda" after a genitive is "at the end of"), are not flagged.`,
		Why: `Sarcasm in writing reads as contempt: the customer cannot hear the tone, only the words, and a
screenshot of a snarky reply travels far. Say the fact plainly and helpfully.`,
		Examples: sarcasmData.Examples,
		Severity: lint.Error,
		Default:  true,
	},
	Options: SarcasmOptions{},
	Lexicon: sarcasmData.Lexicon,
	New: lexiconRule(SarcasmOptions{}, sarcasmLexicon, func(o *SarcasmOptions) *LexiconOptions { return &o.LexiconOptions },
		func(_ SarcasmOptions, _ Lexicon, pb phraseBook) lint.Check {
			you := sarcasmCustomer()
			return func(p *lint.Pass) {
				s := sarcasmScratches.Get().(*sarcasmScratch)
				defer sarcasmScratches.Put(s)
				checkSarcasm(p, findCues(pb, p.Msg, &s.cues), you)
			}
		}),
}

// sarcasmCustomer is what the rule knows of the customer's words.
func sarcasmCustomer() customer {
	you := customer{endings: withCases(sarcasmData.WordSets("second_person_endings"), sarcasmData.WordSets("case_takers"), sarcasmData.WordSets("case_endings")), words: sarcasmData.WordSets("second_person"),
		negatedEndings: withCases(sarcasmData.WordSets("negated_second_person_endings"), sarcasmData.WordSets("case_takers"), sarcasmData.WordSets("case_endings")), past: sarcasmData.WordSets("past"),
		promiseEndings: sarcasmData.WordSets("promise_endings"), negation: sarcasmData.WordSets("negation"),
		negatedEndingsOurs: sarcasmData.WordSets("negated_endings"), actEndings: sarcasmData.WordSets("act_endings"),
		withoutEndings: sarcasmData.WordSets("without_endings"), prohibitive: sarcasmData.WordSets("prohibitive_endings"), imperative: sarcasmData.WordSets("imperative_endings"),
		possessive: sarcasmData.WordSets("possessive_endings"), indefinite: sarcasmData.WordSets("indefinite"),
		report: sarcasmData.WordSets("report"), infinitive: sarcasmData.WordSets("infinitive"), negative: sarcasmData.WordSets("negative"),
		ourPast: sarcasmData.WordSets("our_past_endings"), people: sarcasmData.WordSets("people"),
		shouldStems: sarcasmData.WordSets("should_stems"), shouldAux: sarcasmData.WordSets("should_aux"), haveObjects: sarcasmData.WordSets("have_objects"),
		commandSkip: sarcasmData.WordSets("command_skip"), backPronouns: sarcasmData.WordSets("back_pronouns"),
		addresseeEnd: sarcasmData.WordSets("addressee_end"), accusative: sarcasmData.WordSets("accusative"),
		intensifiers: sarcasmData.WordSets("intensifiers"), timeAfter: sarcasmData.WordSets("time_postpositions"),
		attempt: sarcasmData.WordSets("attempt_endings"), numbers: sarcasmData.WordSets("numbers"),
		ordinalMarks: sarcasmData.WordSets("ordinal_marks"), timeNouns: sarcasmData.WordSets("time_nouns"),
		pairOrdinals: sarcasmData.WordSets("pair_ordinals"), reversalStems: sarcasmData.WordSets("reversal_stems"),
		contactStems: sarcasmData.WordSets("contact_stems"), answerStems: sarcasmData.WordSets("answer_stems"),
		messageStems: sarcasmData.WordSets("message_stems"), ability: sarcasmData.WordSets("ability"),
		countNouns: sarcasmData.WordSets("count_nouns"), endOf: sarcasmData.WordSets("end_postpositions"),
		genitive: sarcasmData.WordSets("genitive_endings"), questions: sarcasmData.WordSets("our_questions"),
		senses: sarcasmData.WordSets("sense_stems"), purposes: sarcasmData.WordSets("purpose_postpositions"),
		properties: sarcasmData.WordSets("properties"), complaints: sarcasmData.WordSets("complaint_stems"),
		obligations: sarcasmData.WordSets("obligation_stems"), makings: sarcasmData.WordSets("making_stems")}
	you.sets = listed(map[string]map[lint.Lang]map[string]bool{"ends:negated": you.negatedEndings, "ends:promise": you.promiseEndings,
		"ends:act": you.actEndings, "ends:infinitive": you.infinitive, "ends:without": you.withoutEndings, "ends:ourPast": you.ourPast,
		"ends:you": you.endings, "ends:should": sarcasmData.WordSets("should_endings"), "ends:coming": sarcasmData.WordSets("coming_endings")})
	for l, nouns := range you.timeNouns {
		if you.countNouns[l] == nil { // one noun of times for both ("kez", "dəfə")
			you.countNouns[l] = nouns
		}
	}
	you.propertyFlags = setFlagsOf(you.properties)
	you.negatedAll = map[lint.Lang][]string{}
	for _, sets := range []map[lint.Lang]map[string]bool{you.negatedEndings, you.negatedEndingsOurs} {
		for l, ends := range sets {
			you.negatedAll[l] = append(you.negatedAll[l], slices.Sorted(maps.Keys(ends))...)
		}
	}
	return you
}

// withCases adds to the endings the case suffixes that may follow those
// of them that make a noun (takers: yazdığınız+ı, göndermediğiniz+e,
// gelmeniz+e): the customer's doing is theirs in any case. A finite verb
// takes none (gittiniz), and a disharmonic pair never meets a word.
func withCases(endings, takers, cases map[lint.Lang]map[string]bool) map[lint.Lang]map[string]bool {
	out := map[lint.Lang]map[string]bool{}
	for l, ends := range endings {
		out[l] = map[string]bool{}
		for e := range ends {
			out[l][e] = true
		}
		for e := range takers[l] {
			if !ends[e] {
				continue // a taker of another set of endings
			}
			for c := range cases[l] {
				out[l][e+c] = true
			}
		}
	}
	return out
}

// sarcasmFrame is a sarcastic composition: a cue of one list with a cue of another
// in the same sentence or the next, in either order, unless a cue of one of
// the unless lists (names separated by spaces) is in the message.
type sarcasmFrame struct {
	a, b, unless string
	// aList, bList, weakList, unlessLists, withLists and afterLists are
	// a, b, weak, unless, with and after as numbers (see sarcasmList),
	// worked out once.
	aList, bList, weakList             sarcasmList
	unlessLists, withLists, afterLists []sarcasmList
	// weak: cues of b that do not count here ("this time" beside
	// congratulations is sincere).
	weak string
	why  string
	// youB: the second cue must be the customer's doing: a 2nd person form
	// in its sentence ("you", "your", -dInIz, -mIşsInIz).
	youB bool
	// promise: our own promise by its verb ending counts as a cue of b too
	// (the word set promise_endings: göndeririz, çatdıracağıq).
	promise bool
	// near: a and b at most this many words apart in one sentence with
	// nothing of the customer's between ("we'll deliver it yesterday", not
	// "we'll check the order you placed yesterday"); 0: anywhere in the
	// sentence or the next.
	near int
	// final: a ends its sentence and judges what came before it: b earlier
	// in the sentence or in the one before ("Late again. Great.").
	final bool
	// verdict: a final a may also stand in a sentence of three words at
	// most ("Maraqlı yaddaşdır.", "Very logical choice.").
	verdict bool
	// asked: the second cue is told, not asked for (see told): not an
	// imperative or a noun ("sorun").
	asked bool
	// mine: the second cue is the customer's own verb (see own).
	mine bool
	// did: the second cue's sentence tells what the customer did (see
	// customer.did): "our fault that you typed it wrong", not "our fault:
	// your order was wrong".
	did bool
	// thanked: the second cue is what the thanks are for: the word right
	// after "thanks for" ("thanks for forgetting the key"), or in a
	// language with verb endings the customer's own verb (demədiyiniz üçün
	// sağ olun); not a slip they spotted ("you spotted the wrong total").
	thanked bool
	// inf: an infinitive (şikayət etmək, yapıştırmak) counts as the act of
	// b too, as for act; with it a needs one of with in its sentence.
	inf bool
	// with: lists of which a's sentence must hold a cue ("?": it asks):
	// "… şikayət etmək, əlbəttə, çox orijinal yanaşmadır", "… soruşmaq
	// məntiqlidirmi?".
	with string
	// others: b follows a in its sentence at most six words on and is
	// someone else's, not the customer's: no "you" right after a, no 2nd
	// person ending on b ("I'm sure the grass is delighted", not "I'm sure
	// you'll love it", "bayılacaksınız").
	others bool
	// after: lists of which a's sentence or the one before must hold a cue
	// ("?": it asks): "… only eight months late. I'm sure your backers
	// will be delighted."
	after string
	// question: the second cue's sentence asks ("… while we're at it?");
	// opens: a opens that sentence and b ends it ("Yine mi … yazdınız?").
	question, opens bool
	// act: the customer's act as a verbal noun with their possessive
	// (istemeniz, soruşmağınız) counts as a cue of b, before a in a's
	// sentence: "… istemeniz çok makul".
	act bool
}

// frames are the compositions the rule knows (lists in sarcasm.yaml):
// praise for a misdeed of the customer's ("Congratulations, you missed
// it"), counting how often they asked (an ordinal of repetition with an
// asking verb), of course × our fault with no apology, "since you know
// better" × knowing better.
var frames = [...]sarcasmFrame{
	{a: "praise", b: "misdeed", youB: true, why: "praise for what went wrong reads as sarcasm toward the customer"},
	{a: "praise", b: "complaints", weak: "weak", why: "reads as sarcasm toward the customer"},
	{a: "repetition", b: "asking", asked: true, unless: "apology welcome reward", why: "counting how often the customer asked reads as sarcasm"},
	{a: "ordinal", b: "asking", mine: true, unless: "apology welcome reward", why: "counting how often the customer asked reads as sarcasm"},
	{a: "how_many", b: "asking", asked: true, near: 1, unless: "apology", why: "counting how often the customer asked reads as sarcasm"},
	{a: "repetition", b: "misdeed", mine: true, unless: "apology", why: "counting how often the customer slipped reads as sarcasm"},
	{a: "act_judgment", act: true, unless: "apology gratitude understanding", why: "judging what the customer did reads as sarcasm"},
	{a: "weak_judgment", act: true, with: "feigned of_course your_view ?", unless: "apology gratitude understanding remedy promised", why: "judging what the customer did reads as sarcasm"},
	{a: "act_judgment", inf: true, with: "of_course your_view evidential ?", unless: "apology gratitude understanding", why: "judging what the customer did reads as sarcasm"},
	{a: "act_judgment", b: "customer_did", final: true, verdict: true, unless: "apology gratitude understanding", why: "judging what the customer did reads as sarcasm"},
	{a: "bold_choice", b: "praise", why: "praising what the customer did as a bold choice reads as sarcasm"},
	{a: "gratitude", b: "late_notice", youB: true, unless: "apology remedy", why: "thanks for a notice given too late reads as sarcasm"},
	{a: "of_course", b: "blame", unless: "apology remedy", why: "mock acceptance of blame reads as sarcasm"},
	{a: "since", b: "know_better", why: "reads as sarcasm toward the customer"},
	{a: "self_shame", b: "blame", unless: "remedy", why: "mock shame over a fault of ours reads as sarcasm"},
	{a: "since", b: "go_elsewhere", unless: "apology", why: "sending the customer off to another reads as sarcasm"},
	{a: "know_better", b: "elsewhere", unless: "apology", why: "sending a customer who knows better elsewhere reads as sarcasm"},
	{a: "trait", b: "misdeed", youB: true, unless: "apology gratitude", why: "praising a virtue beside the customer's slip reads as sarcasm"},
	{a: "trait", b: "repetition", youB: true, unless: "apology gratitude welcome reward", why: "praising a virtue beside a count of the customer's reads as sarcasm"},
	{a: "record", b: "repetition", youB: true, why: "calling a customer's repeated slip a record reads as sarcasm"},
	{a: "gratitude", b: "vice", unless: "understanding", why: "thanking the customer for a fault of theirs reads as sarcasm"},
	{a: "next_time", b: "reading", why: "telling the customer to read next time reads as sarcasm"},
	{a: "thanks", b: "know_better", why: "thanking the customer for teaching us our job reads as sarcasm"},
	{a: "absurd", b: "offer", promise: true, why: "an impossible promise reads as mock compliance"},
	{a: "past_time", b: "promise", promise: true, near: 3, why: "promising it for the past reads as mock compliance"},
	{a: "ironic", b: "failure", why: "an ironic opener with what went wrong reads as sarcasm"},
	{a: "gratitude", b: "bad_rating", unless: "apology amends", why: "thanks for a bad rating reads as sarcasm"},
	{a: "displeasure", b: "elsewhere", unless: "apology", why: "sending an unhappy customer elsewhere reads as sarcasm"},
	{a: "evaluation", b: "failure", final: true, unless: "apology", why: "praise after what went wrong reads as sarcasm"},
	{a: "evaluation", b: "repetition", final: true, unless: "apology welcome reward", why: "praise after counting how often reads as sarcasm"},
	{a: "blame", b: "misdeed", did: true, unless: "apology remedy", why: "taking the blame for the customer's slip reads as sarcasm"},
	{a: "evaluation", b: "misdeed", final: true, youB: true, unless: "apology", why: "praise after the customer's slip reads as sarcasm"},
	{a: "same_question", b: "asking", mine: true, unless: "apology gratitude", why: "pointing out that the customer asks the same again reads as sarcasm"},
	{a: "compliance", b: "escalation", unless: "apology", why: "a promise that asks for more reads as mock compliance"},
	{a: "compliance", b: "escalation_asked", question: true, unless: "apology", why: "a promise that asks for more reads as mock compliance"},
	{a: "again_asked", b: "asking", mine: true, question: true, opens: true, unless: "apology gratitude remedy understanding", why: "asking whether the customer did it again reads as sarcasm"},
	{a: "certainty", b: "delight", others: true, after: "mishap ?", unless: "apology", why: "feigned certainty of a happy end after a mishap reads as sarcasm"},
	{a: "judgment_any", b: "surprise", mine: true, unless: "understanding apology remedy", why: "mocking the customer's surprise at what they caused reads as sarcasm"},
	{a: "mystery", b: "customer_did", unless: "apology", why: "feigned mystery at what the customer did reads as sarcasm"},
	{a: "nth_time", b: "reversal", mine: true, unless: "apology welcome reward", why: "counting how often the customer changed their mind reads as sarcasm"},
	{a: "patience", b: "impatience", unless: "apology remedy", why: "praising the patience of a customer who had none reads as sarcasm"},
	{a: "no_rush", b: "elapsed", unless: "apology", why: "telling the customer not to hurry after a long wait reads as sarcasm"},
	{a: "luck", b: "luck_context", unless: "apology help_offer", why: "wishing the customer luck with what is bound to fail reads as sarcasm"},
	{a: "gratitude", b: "misdeed", youB: true, thanked: true, unless: "apology remedy understanding informing", why: "thanks for the customer's slip reads as sarcasm"},
	{a: "spite", b: "harm", youB: true, unless: "apology third_party", why: "feigning that we meant to harm the customer reads as sarcasm"},
	{a: "spite_to", b: "harm_to", near: 1, youB: true, unless: "apology third_party", why: "feigning that we meant to harm the customer reads as sarcasm"},
	{a: "obvious_point", b: "hedge", near: 3, after: "affirm", unless: "apology", why: "stating a thing's obvious purpose reads as sarcasm"},
	{a: "enlightened", b: "gratitude", unless: "apology remedy amends", why: "thanking the customer for enlightening us reads as sarcasm"},
}

// The frames' lists are numbered once.
func init() {
	lists := func(names string) []sarcasmList {
		var out []sarcasmList
		for _, n := range strings.Fields(names) {
			out = append(out, sarcasmListOf(n))
		}
		return out
	}
	for i := range frames {
		f := &frames[i]
		f.aList, f.bList = sarcasmListOf(f.a), lsNone
		if f.b != "" {
			f.bList = sarcasmListOf(f.b)
		}
		if f.weak != "" {
			f.weakList = sarcasmListOf(f.weak)
		}
		f.unlessLists, f.withLists, f.afterLists = lists(f.unless), lists(f.with), lists(f.after)
		frameOpeners[i] = f.aList
	}
}

// frameOpeners are the frames' first lists, by frame: framesOpened reads
// them on every message.
var frameOpeners [len(frames)]sarcasmList

// framesOpened appends to out the indices of the frames whose first cue is
// found, in the frames' order: a frame finds nothing in a message without
// one, and a message holds few lists.
func framesOpened(found cuesFound, out []int) []int {
	for i, a := range frameOpeners {
		if len(found[a]) > 0 {
			out = append(out, i)
		}
	}
	return out
}

// checkSarcasm reports the frames' findings in a message, given the cues
// of every list found in it in one pass (see findCues), which it changes,
// and says whether it reported any.
// notIn is what a frame found (out), or nothing in a message of one of
// kinds (a promotion, whose praise and offers are sincere). The kind is
// asked only of a text the frame found something in, so what the rule
// says of the others holds for every kind (lint.Rule.AsksKind).
func notIn(m *lint.Message, out []lint.Match, kinds ...lint.Kind) []lint.Match {
	if len(out) > 0 && m.IsKindIn(kinds...) {
		return nil
	}
	return out
}

func checkSarcasm(p *lint.Pass, found cuesFound, you customer) (reported bool) {
	m := p.Msg
	markers := you.refine(m, found)
	openers := found[lsOpeners]
	var framed []framedMatch
	var opened [len(frames)]int
	for _, i := range framesOpened(found, opened[:0]) {
		framed = append(framed, frames[i].find(m, found, you)...)
	}
	counted := found[lsCountedContact]
	if len(markers) == 0 && len(openers) == 0 && len(framed) == 0 && len(counted) == 0 {
		return false
	}
	sents := m.Sentences()
	if len(sents) == 0 {
		return false
	}
	flagged := map[int]bool{} // one finding a sentence is enough
	report := func(mt lint.Match, why string) {
		i := sentenceOf(sents, mt.Span.Start)
		if flagged[i] {
			return
		}
		flagged[i] = true
		p.Report(lint.Diagnostic{
			Span:       mt.Span,
			Message:    fmt.Sprintf("%q %s", m.Body.Text[mt.Span.Start:mt.Span.End], why),
			Suggestion: sarcasmData.Say(m.Lang, "suggestion"),
		})
	}
	for _, mt := range markers {
		report(mt, "reads as sarcasm toward the customer")
	}
	for _, f := range framed {
		if f.b.Span == f.a.Span {
			report(f.a, "promises the impossible, which reads as mock compliance") // the feat's own verb promises it
			continue
		}
		report(f.a, fmt.Sprintf("with %q: %s", m.Body.Text[f.b.Span.Start:f.b.Span.End], f.why))
	}
	for _, mt := range counted {
		report(mt, "counts the customer's messages, which reads as sarcasm")
	}
	complaints := found[lsComplaints]
	loyal := len(found[lsWelcome]) > 0 || len(found[lsReward]) > 0
	for _, mt := range openers {
		i := sentenceOf(sents, mt.Span.Start)
		// An opener that ends its sentence judges what came before: "You
		// asked for the third time. Brilliant."
		after := mt.Last >= 0 && sentenceEnd(m.Tokens(), mt.Last)
		// A word of cheer with only "again" and nothing of the customer's is
		// a promo's: "Harika, ücretsiz teslimat haftası yine başlıyor!".
		cheer := overlaps(found[lsPraise], mt.Span) || overlaps(found[lsEvaluation], mt.Span)
		if cheer && loyal {
			continue // cheer with a glad welcome back or a reward: "again", "this time" are loyalty
		}
		for _, c := range complaints {
			if cheer && overlaps(found[lsAgain], c.Span) && !you.in(m, sents[sentenceOf(sents, c.Span.Start)]) {
				continue
			}
			// "Again" beside working order says it works once more: "yine
			// sorunsuz çalışıyor", "running smoothly again".
			if overlaps(found[lsAgain], c.Span) && nextTo(m.Tokens(), c, found[lsWorkingOrder], 2) {
				continue
			}
			// A count with thanks in its sentence is loyalty: "Vay, bu ay
			// üçüncü kez sizi ağırladık, teşekkürler!".
			if overlaps(found[lsRepetition], c.Span) && inSentence(sents, found[lsGratitude], sentenceOf(sents, c.Span.Start)) {
				continue
			}
			// The complaint stands anywhere in the opener's sentence ("Daha önce
			// de iki kez söylediğim gibi") or in the next one, or, if it counts
			// how often ("three times"), in the one before an opener that ends
			// its own: "another deal" or "as usual" before "Great!" is a promo.
			j := sentenceOf(sents, c.Span.Start)
			before := after && j == i-1 && overlaps(found[lsRepetition], c.Span)
			if (j == i || j == i+1 && c.Span.Start >= mt.Span.End || before) && (c.Span.End <= mt.Span.Start || c.Span.Start >= mt.Span.End) {
				report(mt, fmt.Sprintf("with %q reads as sarcasm toward the customer", m.Body.Text[c.Span.Start:c.Span.End]))
				break
			}
		}
	}
	return len(flagged) > 0
}

// refine turns the cues found into what the frames read, in place, and
// returns the markers: the list's own and those found by their shape
// (repeated affirmatives, scare quotes, one-word sighs, reprimands of a
// thing, mock self-reproach, the how-many-th of the customer's things).
func (c *customer) refine(m *lint.Message, found cuesFound) []lint.Match {
	toks := m.Tokens()
	// Sarcasm's words inside a sincere set phrase are not its cues: "a
	// lovely surprise", "thanks for dropping by", "you're right to be
	// upset". An ironic opener stays one: with what went wrong it is irony
	// ("What a lovely surprise, your parcel is lost").
	if len(found[lsIdioms]) > 0 {
		for list, ms := range found {
			if l := sarcasmList(list); l != lsIdioms && l != lsIronic {
				found[list] = slices.DeleteFunc(ms, func(w lint.Match) bool { return crosses(found[lsIdioms], w.Span) })
			}
		}
	}
	// Mock praise of a lesson keeps the lesson, even where it is no
	// enlightenment about a "why" (accountsGiven).
	c.accountsGiven(m, found)
	// Enlightenment is mock only about a "why" of the customer's and not
	// for our own event or their feedback (see taught).
	if len(found[lsEnlightened]) > 0 {
		found[lsEnlightened] = slices.DeleteFunc(found[lsEnlightened], func(e lint.Match) bool { return !taught(m, e) })
	}
	// A judgment asked about is the customer's question, not ours: "Bu
	// hedef gerçekçi mi? Evet, …".
	if len(found[lsActJudgment]) > 0 {
		found[lsActJudgment] = slices.DeleteFunc(found[lsActJudgment], func(j lint.Match) bool { return askedAbout(m, j) || featPraised(m, j) })
	}
	// A judgment with a word of advice after it recommends: "Erken gelmeniz
	// çok akıllıca olur", "it would be very sensible".
	for _, list := range [...]sarcasmList{lsActJudgment, lsWeakJudgment, lsMarkers} {
		if len(found[list]) > 0 && len(found[lsAdvice]) > 0 {
			found[list] = slices.DeleteFunc(found[list], func(j lint.Match) bool { return advised(m, j, found[lsAdvice]) })
		}
	}
	// A judgment often sincere stays sincere beside what we will do about
	// it, our own verb in the future or aorist, not an impossible feat
	// nor denied: "istemeniz çok anlaşılır … en yakın tarihi size
	// bildireceğiz".
	if len(found[lsWeakJudgment]) > 0 {
		for _, w := range c.ending(m, found, lsEndsPromise) {
			if !crosses(found[lsApology], w.Span) && !crosses(found[lsAbsurd], w.Span) && !c.denied(m, w) {
				found[lsPromised] = append(found[lsPromised], w)
			}
		}
	}
	dutiesCompared(m, found)
	markers := found[lsMarkers]
	if len(found[lsSurpriseNoun]) > 0 {
		markers = delighted(m, markers, found)
	}
	for _, r := range found[lsRhetorical] {
		if r.First >= 0 && opensSentence(toks, r.First) { // not inside a clause: "Wondering what could …"
			markers = append(markers, r)
		}
	}
	markers = append(markers, repeatedAffirmation(m, found[lsAffirm])...)
	markers = append(markers, c.scareQuotes(m, found)...)
	markers = append(markers, fragments(m, found[lsFragment])...)
	markers = append(markers, revelations(m, found, c)...)
	composedHeadlines(m, found)
	markers = append(markers, c.headlines(m, found)...)
	markers = append(markers, c.viewQuestions(m, found)...)
	markers = append(markers, c.understated(m, found)...)
	markers = append(markers, c.hopedThisTime(m, found)...)
	markers = append(markers, c.petitioned(m, found)...)
	markers = append(markers, stackedTerms(m)...)
	markers = append(markers, understatedActs(m, found)...)
	markers = append(markers, virtueActs(m, found)...)
	markers = append(markers, expectedAsked(m, found)...)
	markers = append(markers, countedAside(m, found)...)
	markers = append(markers, waitingOurs(m, found)...)
	if c.properties[m.Lang] != nil && len(found[lsApology]) == 0 {
		markers = append(markers, c.tautologies(m, found)...)
	}
	// "Try again", "yenə yazın": again in an instruction to retry is no
	// complaint, nor a count in a frequency ("twice a day", "günde iki
	// kez"); "without doing it" is one when the customer did the rest
	// ("ölçü götürmədən … istəyirsiniz").
	if len(found[lsOpeners]) > 0 {
		found[lsComplaints] = slices.DeleteFunc(found[lsComplaints], func(w lint.Match) bool {
			return insideMatch(found[lsRetry], w.Span) || insideMatch(found[lsFrequency], w.Span)
		})
		found[lsComplaints] = append(found[lsComplaints], c.without(m)...)
	}
	// A win is good news: feigned mystery or surprise beside one is delight
	// ("Kim bilirdi, yıldız gecesi çekilişini siz kazandınız!"); not a win denied
	// ("kazanamadınız").
	if len(found[lsWin]) > 0 && len(found[lsMystery])+len(found[lsFeignedSurprise]) > 0 &&
		slices.ContainsFunc(found[lsWin], func(w lint.Match) bool { return !c.denied(m, w) && !negatedNext(m, w, c.negation) }) {
		found[lsMystery], found[lsFeignedSurprise] = nil, nil
	}
	// A discourse word hedges inside its sentence ("That's basically the
	// whole point"); opening it, it starts an explanation ("Esasen
	// atölyenin bütün amacı …").
	for _, h := range found[lsHedgeInside] {
		if h.First >= 0 && !opensSentence(toks, h.First) {
			found[lsHedge] = append(found[lsHedge], h)
		}
	}
	// A harm denied is no spite: "sizi üzmek için değil".
	if len(found[lsHarm]) > 0 {
		found[lsHarm] = slices.DeleteFunc(found[lsHarm], func(w lint.Match) bool { return negatedNext(m, w, c.negation) })
	}
	if len(found[lsActJudgment]) > 0 || len(found[lsMystery]) > 0 {
		found[lsCustomerDid] = c.doings(m)
	}
	// A mishap of the customer's: a slip, a notice too late, a count of
	// times, what never happened ("hiç çıkmamış"), doing without ("without a single image", "oxumadan"), not
	// doing it ("etmədiyinizi"); not
	// what befell them ("the storm delayed it. I'm sure she'll be
	// thrilled").
	if len(found[lsCertainty]) > 0 {
		for _, l := range [...]sarcasmList{lsMisdeed, lsLateNotice, lsRepetition, lsWithout, lsNever} {
			found[lsMishap] = append(found[lsMishap], found[l]...)
		}
		found[lsMishap] = append(found[lsMishap], c.ending(m, found, lsEndsWithout)...)
		found[lsMishap] = append(found[lsMishap], c.ending(m, found, lsEndsNegated)...) // etmədiyinizi: what they did not do
	}
	// What mocks the customer's surprise: a judgment, praise, an ironic
	// word, feigned mystery or a feigned guess; not a word of cheer ("So
	// were we, it's great news").
	if len(found[lsSurprise]) > 0 {
		found[lsSurprise] = slices.DeleteFunc(found[lsSurprise], func(w lint.Match) bool { return nextTo(toks, w, found[lsModal], 2) })
		for _, l := range [...]sarcasmList{lsActJudgment, lsPraise, lsIronic, lsMystery, lsFeigned} {
			found[lsJudgmentAny] = append(found[lsJudgmentAny], found[l]...)
		}
	}
	// An accident's stem in a verb of another meaning is no accident:
	// "hiç düşünmediniz" (think), "kaydetmediniz" (save).
	if len(found[lsAccident]) > 0 && len(found[lsNotAccident]) > 0 {
		found[lsAccident] = slices.DeleteFunc(found[lsAccident], func(a lint.Match) bool { return overlaps(found[lsNotAccident], a.Span) })
	}
	// "At the end of" is no "finally": "uzun bir aramanın sonunda".
	if len(found[lsComplaints]) > 0 && len(c.endOf[m.Lang]) > 0 {
		found[lsComplaints] = slices.DeleteFunc(found[lsComplaints], func(w lint.Match) bool { return c.endOfSomething(m, w) })
	}
	// Breaking a record is no slip: "rekor kırdınız", "you broke your
	// personal best".
	if len(found[lsRecordNoun]) > 0 && len(found[lsMisdeed]) > 0 {
		found[lsMisdeed] = slices.DeleteFunc(found[lsMisdeed], func(d lint.Match) bool { return nextTo(toks, d, found[lsRecordNoun], 3) })
	}
	// A remedy is ours: "değiştirdiğinizi" is what the customer changed.
	if len(found[lsRemedy]) > 0 && c.endings[m.Lang] != nil {
		found[lsRemedy] = slices.DeleteFunc(found[lsRemedy], func(r lint.Match) bool { return c.own(m, r) })
	}
	// Telling us what went wrong is no slip to thank for; not telling us
	// is ("demədiyiniz üçün sağ olun").
	if len(found[lsInforming]) > 0 {
		found[lsInforming] = slices.DeleteFunc(found[lsInforming], func(w lint.Match) bool {
			return slices.ContainsFunc(c.ending(m, found, lsEndsNegated), func(n lint.Match) bool { return n.Last == w.Last })
		})
	}
	// "Hiç"/"heç" is no slip by itself ("heç bir düzəlişsiz", "hiç sorun
	// yaşamadınız"); the customer's negated verb is one (see find).
	if len(found[lsNever]) > 0 && len(found[lsMisdeed]) > 0 {
		found[lsMisdeed] = slices.DeleteFunc(found[lsMisdeed], func(d lint.Match) bool { return overlaps(found[lsNever], d.Span) })
	}
	// A slip denied is good news: "you didn't miss anything", "hiçbir
	// şeyi kaçırmadınız"; the denial goes with it.
	if len(found[lsMisdeed]) > 0 {
		kept := c.undenied(m, found[lsMisdeed])
		found[lsDeniedSlip] = slices.DeleteFunc(slices.Clone(found[lsMisdeed]), func(d lint.Match) bool { return slices.Contains(kept, d) })
		found[lsMisdeed] = kept
	}
	// What we should have done is not done, so no remedy
	// ("belirtmeliydik"); beside "of course" it is blame we take
	// ("Haqlısınız, buludları əvvəlcədən dağıtmalı idik").
	// The customer's fault is not ours, nor a fault denied: "sizin
	// kabahatiniz yok", "günahınız yoxdur".
	if len(found[lsBlame]) > 0 {
		found[lsBlame] = slices.DeleteFunc(found[lsBlame], func(w lint.Match) bool { return negatedNext(m, w, c.negation) || c.yours(m, w) })
	}
	var should []lint.Match
	if len(found[lsOfCourse])+len(found[lsBlame])+len(found[lsLateNotice]) > 0 {
		should = c.shouldHave(m, found)
		if len(found[lsOfCourse]) > 0 {
			found[lsBlame] = append(found[lsBlame], should...)
		}
	}
	// "Elbette, ekranı da biz kırdık": a slip we confess to is blame we
	// accept.
	if len(found[lsOfCourse]) > 0 && len(found[lsMisdeed]) > 0 {
		found[lsBlame] = append(found[lsBlame], c.ours(m, found[lsMisdeed])...)
	}
	// What we did about it puts it right too: "masanızı 20.00'ye aldık";
	// not the slip itself, nor what we did not do ("oxumamışıq").
	// In English "we" with a past owns the fault ("You're right, we
	// shipped the blue one"); beside a late notice it may be what we asked
	// for ("only three weeks after we asked").
	if len(found[lsLateNotice]) > 0 || len(found[lsBlame]) > 0 {
		ours := c.ending(m, found, lsEndsOurPast)
		if len(found[lsBlame]) > 0 {
			ours = append(slices.Clone(ours), c.wePast(m)...)
		}
		for _, w := range ours {
			if !slices.ContainsFunc(found[lsMisdeed], func(d lint.Match) bool { return d.Last == w.Last }) && !c.denied(m, w) && !crosses(should, w.Span) {
				found[lsRemedy] = append(found[lsRemedy], w)
			}
		}
		// Blame we take with what we will do about it is owned, not
		// mocked: "Haqlısınız, günah bizdədir … yeni qutu göndəririk",
		// "it's our fault … We'll send one out today". Not an apology's
		// own verb (özür dileriz), nor admitting or feeling it ("kabul
		// ediyoruz", "utanırıq").
		if len(found[lsBlame]) > 0 {
			for _, w := range append(slices.Clone(found[lsPromise]), c.ending(m, found, lsEndsPromise)...) {
				if !crosses(found[lsApology], w.Span) && !crosses(found[lsBlame], w.Span) && !crosses(found[lsAdmission], w.Span) {
					found[lsRemedy] = append(found[lsRemedy], w)
				}
			}
			// What one of ours will do for the customer: "Teknisyenimiz
			// yarın sizi arayacak", "Ustamız sizə zəng edəcək".
			sents := m.Sentences()
			for _, w := range c.ending(m, found, lsEndsComing) {
				if k := sentenceOf(sents, w.Span.Start); k >= 0 && !c.denied(m, w) && c.named(m, sents[k]) {
					found[lsRemedy] = append(found[lsRemedy], w)
				}
			}
		}
	}
	for _, r := range found[lsReprimand] {
		// "We'll have a word with the camera": the noun after it is not a
		// person or a firm we could speak to.
		if n := neighbour(toks, r.Last, 1); n >= 0 && toks[n].Kind == lint.Word && !c.people[m.Lang][toks[n].Norm] {
			markers = append(markers, r)
		}
	}
	// A word to what cannot hear it: the weather, the sea, an animal told
	// off or warned ("we'll raise it with the weather", "dənizə bir daha
	// tapşırmışıq"); nature stopped for the customer is a feat ("küləyi
	// sizin xatirinizə dayandırarıq").
	if len(found[lsNature])+len(found[lsAnimal]) > 0 && len(found[lsCommand])+len(found[lsControl])+len(found[lsTalk])+len(found[lsClearing]) > 0 {
		told, feats := c.commanded(m, found)
		markers = append(markers, told...)
		found[lsAbsurd] = append(found[lsAbsurd], feats...)
	}
	// A feat that ends in a thing of nature followed by a noun is a
	// compound's first half: "move the sun loungers", "stop the rain
	// cover from flapping".
	if m.Lang == lint.English && len(found[lsNature]) > 0 {
		found[lsAbsurd] = slices.DeleteFunc(found[lsAbsurd], func(r lint.Match) bool {
			if !slices.ContainsFunc(found[lsNature], func(n lint.Match) bool { return n.First <= r.Last && r.Last <= n.Last }) {
				return false
			}
			a := neighbour(toks, r.Last, 1)
			return a >= 0 && toks[a].Kind == lint.Word && !c.addresseeEnd[m.Lang][toks[a].Norm]
		})
	}
	// Grief over a trifle, unless we apologise or someone died: "bütün
	// ekibimiz yasta", "we're truly devastated"; and an apology with three
	// intensifiers or more before it: "so terribly, deeply, unspeakably
	// sorry", "Çox, çox, çox üzr istəyirik", or counted in thousands
	// beside it in its clause: "Yüz bin kez özür dileriz".
	if len(found[lsGrief]) > 0 && len(found[lsApology]) == 0 && len(found[lsBereavement]) == 0 {
		markers = append(markers, c.literal(m, found[lsGrief])...)
	}
	for _, a := range found[lsApology] {
		// The longest of overlapping apologies: "üzr istəyirik", not "üzr".
		inside := slices.ContainsFunc(found[lsApology], func(b lint.Match) bool {
			return b.Span != a.Span && b.Span.Start <= a.Span.Start && a.Span.End <= b.Span.End
		})
		if !inside && (stacked(m, a, c.intensifiers[m.Lang]) || nextTo(toks, a, found[lsHyperbolicCount], 4)) {
			markers = append(markers, a)
		}
	}
	// "Of course, we'll …": "of course" near the start of a sentence that
	// promises; with a request for more it is mock compliance.
	if len(found[lsEscalation]) > 0 || len(found[lsEscalationAsked]) > 0 {
		found[lsCompliance] = c.complying(m, found)
	}
	// Mock punishment of ourselves ("kendimizi hemen cezalandırıyoruz",
	// "we'll never forgive ourselves") and "we're not a charity" mock
	// wherever they stand.
	markers = append(markers, found[lsSelfPunishment]...)
	markers = append(markers, found[lsNotCharity]...)
	if len(found[lsReproach]) > 0 && len(found[lsApology]) == 0 {
		markers = append(markers, found[lsReproach]...) // "how careless of us", unless we apologise
	}
	c.numericOrdinals(m, found)
	if len(found[lsNthTime]) > 0 {
		found[lsReversal] = stemmed(m, c.reversalStems[m.Lang]) // what a count of times may count
	}
	if len(found[lsOrdinal]) > 0 {
		found[lsOrdinal] = c.ordinalsOfYours(m, found[lsOrdinal])
		// "Your seventh email", "onuncu mesajınız": an ordinal from the
		// third on that counts the customer's messages, reported after
		// the frames, which may say more of it.
		if len(found[lsApology]) == 0 && len(found[lsWelcome]) == 0 && len(found[lsReward]) == 0 {
			found[lsCountedContact] = c.countedContacts(m, found)
		}
		// "Bu kaçıncı talebiniz", "your umpteenth email": an ordinal that
		// asks how many, on the customer's own thing, is exasperation.
		for _, o := range found[lsOrdinal] {
			if overlaps(found[lsQuestionOrdinal], o.Span) {
				markers = append(markers, o)
			}
		}
	}
	// A wait that lasts (the durative copula: "üç haftadır bekliyoruz")
	// with a verb after it in its sentence; at its end it is a term ("iade
	// süresi bir aydır").
	if len(found[lsNoRush]) > 0 && len(found[lsLasting]) > 0 {
		for _, d := range found[lsLasting] {
			if d.Last >= 0 && !sentenceEnd(toks, d.Last) {
				found[lsElapsed] = append(found[lsElapsed], d)
			}
		}
	}
	// What shows the customer had no patience: a wait made small ("all
	// four minutes of it") or a count of their messages ("23 mesaj").
	if len(found[lsPatience]) > 0 {
		found[lsImpatience] = append(found[lsMinimiser], counted(m, stemmed(m, c.messageStems[m.Lang]), c.numbers[m.Lang])...)
	}
	// What dooms an attempt the customer is wished luck with: the luck
	// needed, a shop elsewhere, doing it without something ("without the
	// manual"; "okumadan" in a sentence that tells what the customer
	// does, not "süre dolmadan").
	if len(found[lsLuck]) > 0 {
		for _, l := range [...]sarcasmList{lsNeedIt, lsElsewhere} {
			found[lsLuckContext] = append(found[lsLuckContext], found[l]...)
		}
		found[lsLuckContext] = append(found[lsLuckContext], attempted(m, found[lsLuck], found[lsWithout], c.attempt[m.Lang])...)
		found[lsLuckContext] = append(found[lsLuckContext], c.without(m)...)
	}
	// What went wrong, or a slip, in the clause that wishes it to the
	// customer is a pastime's: "Keyifli kaybolmalar dileriz" after a maze
	// booked, "we wish you a fun time getting lost", and what follows the
	// wish. Not what went wrong before it, with a comma between: "your
	// parcel is delayed again, we wish you happy waiting" mocks. An apology's verb is no
	// wish.
	if len(found[lsWish]) > 0 {
		wishes := slices.DeleteFunc(slices.Clone(found[lsWish]), func(w lint.Match) bool { return crosses(found[lsApology], w.Span) })
		for _, list := range [...]sarcasmList{lsFailure, lsMisdeed} {
			found[list] = wishedFor(m, found[list], wishes)
		}
	}
	// Feats and failures count only as meant: not a name, not denied
	// ("we can't work miracles", "nothing was lost").
	for _, list := range [...]sarcasmList{lsAbsurd, lsFailure} {
		if len(found[list]) > 0 {
			found[list] = c.literal(m, found[list])
		}
	}
	if len(found[lsAbsurd]) > 0 {
		found[lsAbsurd] = timeFeats(m, found)
	}
	if len(found[lsFeignedSurprise]) > 0 || len(found[lsMystery]) > 0 {
		markers = append(markers, c.feignedSurprise(m, found)...)
	}
	if len(found[lsToldBefore]) > 0 && len(found[lsSources]) >= 3 {
		markers = append(markers, toldEverywhere(m, found)...)
	}
	return markers
}

// timeFeats drops from the feats found time stopped or slowed that is no
// feat: "time" as the first noun of a compound or before what it is
// counted on ("stop time tracking", "freeze time-limited offers", "freeze
// time on your ticket"), a button's label ("zamanı durdur düğmesine"),
// and, in Turkish and Azerbaijani, time stopped with no mock compliance
// ("Tabii", "Əlbəttə") beside it: a promo's metaphor ("Spa merkezimizde
// zamanı yavaşlatıyoruz").
func timeFeats(m *lint.Message, found cuesFound) []lint.Match {
	toks := m.Tokens()
	words := timeWords[m.Lang]
	return slices.DeleteFunc(found[lsAbsurd], func(f lint.Match) bool {
		if f.First < 0 {
			return false
		}
		first, last := toks[f.First].Norm, toks[f.Last].Norm
		n := neighbour(toks, f.Last, 1)
		if m.Lang == lint.English {
			if last != "time" || n < 0 {
				return false
			}
			if toks[n].Kind == lint.Punct {
				return toks[n].End < len(m.Body.Text) && m.Body.Text[toks[n].Start] == '-'
			}
			return !timeAfter[m.Lang][toks[n].Norm]
		}
		if !words[first] || !startsWithAny(last, timeVerbs[m.Lang]) {
			return false
		}
		if n >= 0 && toks[n].Kind == lint.Word && slices.ContainsFunc(slices.Collect(maps.Keys(timeAfter[m.Lang])), func(b string) bool { return strings.HasPrefix(toks[n].Norm, b) }) {
			return true
		}
		return m.IsKind(lint.Promo) || len(found[lsAffirm]) == 0
	})
}

// timeWords are the words of time a time feat opens with (zamanı,
// vaxtı); timeAfter, in English, the words that may follow "time" in a
// feat ("slow down time for you"), and in Turkish and Azerbaijani the
// nouns of a button after one ("düğmesine").
var (
	timeWords = sarcasmData.WordSets("time_feat_words")
	timeAfter = sarcasmData.WordSets("time_feat_after")
	timeVerbs = sarcasmData.WordSets("time_feat_verbs")
)

// toldEverywhere are our earlier tellings (told_before) in a sentence, or
// the one before, that names three places or more where the fact stands
// written: "the question answered on the box, in the manual and on our
// website", "saytda, profildə və hər mesajda yazdığımız kimi". Not places
// named where the customer can find or use a thing (guiding: "you'll
// find your tickets in the app, in your email and on your profile",
// "uygulamadan, e-postanızdan ve profilinizden ulaşabilirsiniz").
func toldEverywhere(m *lint.Message, found cuesFound) []lint.Match {
	sents := m.Sentences()
	places := make([]int, len(sents)) // distinct places named, by sentence
	var last lint.Span
	sources := slices.SortedFunc(slices.Values(found[lsSources]), func(a, b lint.Match) int { return cmp.Compare(a.Span.Start, b.Span.Start) })
	for _, w := range sources {
		if w.Span.Start >= last.End { // "mesajımızda" once, whatever lists find it
			places[sentenceOf(sents, w.Span.Start)]++
			last = w.Span
		}
	}
	for _, g := range found[lsGuiding] {
		places[sentenceOf(sents, g.Span.Start)] = 0
	}
	var out []lint.Match
	for _, t := range found[lsToldBefore] {
		i := sentenceOf(sents, t.Span.Start)
		if places[i] >= 3 || i+1 < len(sents) && places[i+1] >= 3 {
			out = append(out, t)
		}
	}
	return out
}

// wishedFor is fails without those one of wishes names: in its sentence,
// inside or after the wish ("Xoş azmalar arzulayırıq, yolunuz
// itib-batsın!"), or before it with no comma, semicolon, colon or dash
// between them.
func wishedFor(m *lint.Message, fails, wishes []lint.Match) []lint.Match {
	sents, toks := m.Sentences(), m.Tokens()
	return slices.DeleteFunc(fails, func(f lint.Match) bool {
		at := sentenceOf(sents, f.Span.Start)
		return slices.ContainsFunc(wishes, func(w lint.Match) bool {
			return sentenceOf(sents, w.Span.Start) == at && (f.Span.Start >= w.Span.Start || !punctBetween(toks, f.Span.End, w.Span.Start, ",;:–—"))
		})
	})
}

// feignedSurprise are the words of feigned surprise or mystery at what
// was bound to happen: after a question in the sentence before ("…
// tutkal mı açılmış? Hayret."), or, surprise only, beside what the
// customer did or what went wrong in its sentence or the one before
// ("Şaşırdık doğrusu, … fark etmişsiniz"); not with an apology, a remedy,
// understanding or thanks in the message ("… still going strong? We're
// stunned, thanks for the photo!"), nor with a question of its own alone
// ("Kim fikirləşərdi ki, bu kiçik şam belə ətir saçar?").
func (c *customer) feignedSurprise(m *lint.Message, found cuesFound) []lint.Match {
	if len(found[lsApology]) > 0 || len(found[lsRemedy]) > 0 || len(found[lsUnderstanding]) > 0 || len(found[lsGratitude]) > 0 {
		return nil
	}
	sents := m.Sentences()
	var did, out []lint.Match
	for _, list := range [...]sarcasmList{lsFeignedSurprise, lsMystery} {
		for _, w := range found[list] {
			i := sentenceOf(sents, w.Span.Start)
			if i > 0 && asks(m.Body.Text, sents[i-1]) {
				out = append(out, w)
				continue
			}
			if list == lsMystery {
				continue // beside the customer's doing: the mystery frame's
			}
			if did == nil {
				did = append(c.doings(m), found[lsFailure]...)
			}
			if slices.ContainsFunc(did, func(d lint.Match) bool {
				j := sentenceOf(sents, d.Span.Start)
				return (j == i || j == i-1) && (d.Span.End <= w.Span.Start || d.Span.Start >= w.Span.End)
			}) {
				out = append(out, w)
			}
		}
	}
	return out
}

// attempted keeps the words "without" that follow, in their sentence, a
// wish of luck with an attempt named right after it by a word with one of
// the endings ("Good luck fixing it without the parts"): not a sentence of
// its own ("Best of luck in the race; the chip works without a battery").
func attempted(m *lint.Message, lucks, ws []lint.Match, ends map[string]bool) []lint.Match {
	if len(ws) == 0 || len(ends) == 0 {
		return nil
	}
	toks, sents := m.Tokens(), m.Sentences()
	var out []lint.Match
	for _, w := range ws {
		for _, l := range lucks {
			n := neighbour(toks, l.Last, 1)
			if l.Last < 0 || n < 0 || toks[n].Kind != lint.Word || l.Span.End > w.Span.Start ||
				sentenceOf(sents, l.Span.Start) != sentenceOf(sents, w.Span.Start) {
				continue
			}
			if endsWithAny(toks[n].Norm, ends) {
				out = append(out, w)
				break
			}
		}
	}
	return out
}

// numericOrdinals adds to the lists the ordinals written in digits from
// three on, with the language's mark right after them ("6. kez", "4-cü
// dəfə", "your 5th email"): before a noun of times a count like "sixth
// time" (nth_time and repetition), else an ordinal. A Turkish "." ends a
// sentence unless a word in lower case follows ("2023. Siparişiniz").
// A number from three on with a noun of counting after it ("14 times",
// "14 kez", "6 dəfə") is a count like "five times" (nth_time and
// repetition), unless how often a thing is done ("3 times a day").
func (c *customer) numericOrdinals(m *lint.Message, found cuesFound) {
	marks := c.ordinalMarks[m.Lang]
	if len(marks) == 0 {
		return
	}
	toks := m.Tokens()
	for i, t := range toks {
		if t.Kind != lint.Number {
			continue
		}
		if v, err := strconv.Atoi(t.Norm); err != nil || v < 3 {
			continue
		}
		if n := neighbour(toks, i, 1); n >= 0 && toks[n].Start > t.End && toks[n].Kind == lint.Word && c.countNouns[m.Lang][toks[n].Norm] {
			mt := lint.Match{Cue: t.Norm + " " + toks[n].Norm, Span: lint.Span{Start: t.Start, End: toks[n].End}, First: i, Last: n}
			if !overlaps(found[lsFrequency], mt.Span) {
				found[lsNthTime] = append(found[lsNthTime], mt)
				found[lsRepetition] = append(found[lsRepetition], mt)
			}
			continue
		}
		j := i + 1
		if j < len(toks) && toks[j].Norm == "-" && toks[j].Start == t.End && !marks["-"] {
			j++ // "4-cü"
		}
		if j >= len(toks) || toks[j].Start != toks[j-1].End || !marks[toks[j].Norm] {
			continue
		}
		n := neighbour(toks, j, 1)
		if n < 0 || toks[n].Kind != lint.Word {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(m.Body.Text[toks[n].Start:]); toks[j].Kind == lint.Punct && !unicode.IsLower(r) {
			continue
		}
		mt := lint.Match{Cue: t.Norm + toks[j].Norm, Span: lint.Span{Start: t.Start, End: toks[j].End}, First: i, Last: j}
		if startsWithAny(toks[n].Norm, c.timeNouns[m.Lang]) {
			mt.Span.End, mt.Last = toks[n].End, n
			found[lsNthTime] = append(found[lsNthTime], mt)
			found[lsRepetition] = append(found[lsRepetition], mt)
			continue
		}
		found[lsOrdinal] = append(found[lsOrdinal], mt)
	}
}

// timeNouns and pairOrdinals are the nouns of times after an ordinal
// and the ordinals that count a pair (see ordinalTimes).
var timeNouns, pairOrdinals = sarcasmData.WordSets("time_nouns"), sarcasmData.WordSets("pair_ordinals")

// ordinalTimes adds to the lists an ordinal in words with a noun of times
// right after it ("sixteenth time", "on altıncı kez", "iyirminci dəfədir"):
// a count of times (repetition), and from the third on (not a pair
// ordinal) nth_time, so neither list has to spell out every ordinal. It
// returns hits with the lists it added to, as findCues does, so that the
// scorer reads them too.
func ordinalTimes(m *lint.Message, found cuesFound, hits []int32) []int32 {
	toks := m.Tokens()
	add := func(l sarcasmList, mt lint.Match) {
		if overlaps(found[l], mt.Span) {
			return
		}
		found[l] = append(found[l], mt)
		if i, ok := slices.BinarySearch(hits, int32(l)); !ok {
			hits = slices.Insert(hits, i, int32(l))
		}
	}
	for _, o := range found[lsOrdinal] {
		n := neighbour(toks, o.Last, 1)
		if o.First < 0 || n < 0 || toks[n].Kind != lint.Word || !startsWithAny(toks[n].Norm, timeNouns[m.Lang]) {
			continue
		}
		mt := lint.Match{Cue: o.Cue + " " + toks[n].Norm, Span: lint.Span{Start: o.Span.Start, End: toks[n].End}, First: o.First, Last: n}
		add(lsRepetition, mt)
		if !pairOrdinals[m.Lang][toks[o.First].Norm] {
			add(lsNthTime, mt)
		}
	}
	return hits
}

// countedContacts are the ordinals of the customer's things (see
// ordinalsOfYours) from the third on whose noun is a message or a request
// of theirs ("your seventh email", "your third address change",
// "yeddinci sorğunuzdur"); not one answered in turn ("Dördüncü sualınıza
// cavab", "to answer your third question").
func (c *customer) countedContacts(m *lint.Message, found cuesFound) []lint.Match {
	toks := m.Tokens()
	answers := stemmed(m, c.answerStems[m.Lang])
	var out []lint.Match
	for _, o := range found[lsOrdinal] {
		if o.First < 0 || c.pairOrdinals[m.Lang][toks[o.First].Norm] || nextTo(toks, o, answers, 2) {
			continue
		}
		n, last := o.Last, o.Last // the noun; in English the ordinal, the noun one or two words on
		if c.possessive[m.Lang] == nil {
			n = neighbour(toks, o.Last, 1)
			if m := neighbour(toks, n, 1); n >= 0 && m >= 0 {
				last = m
			} else {
				last = n
			}
		}
		if n < 0 {
			continue
		}
		for k := n; k <= last; k++ {
			if toks[k].Kind == lint.Word && startsWithAny(toks[k].Norm, c.contactStems[m.Lang]) {
				out = append(out, o)
				break
			}
		}
	}
	return out
}

// stemmed are the words of a message that start with one of the stems
// (a word set of the rule's data, read by the frames but no cue of the
// learnt scorer's).
func stemmed(m *lint.Message, stems map[string]bool) []lint.Match {
	if len(stems) == 0 {
		return nil
	}
	var out []lint.Match
	for i, t := range m.Tokens() {
		if t.Kind == lint.Word && startsWithAny(t.Norm, stems) {
			out = append(out, lint.Match{Cue: t.Norm, Span: lint.Span{Start: t.Start, End: t.End}, First: i, Last: i})
		}
	}
	return out
}

// startsWithAny reports whether a word starts with one of the words
// (dəfəsidir, defadır).
func startsWithAny(w string, starts map[string]bool) bool {
	for s := range starts {
		if strings.HasPrefix(w, s) {
			return true
		}
	}
	return false
}

// counted keeps the nouns a count of three or more stands right before:
// digits or a word of numbers ("23 mesaj", "your last eight messages");
// two is a pair ("we merged your two messages").
func counted(m *lint.Message, ns []lint.Match, numbers map[string]bool) []lint.Match {
	toks := m.Tokens()
	var out []lint.Match
	for _, n := range ns {
		p := neighbour(toks, n.First, -1)
		if n.First < 0 || p < 0 {
			continue
		}
		if v, err := strconv.Atoi(toks[p].Norm); toks[p].Kind == lint.Number && err == nil && v >= 3 || numbers[toks[p].Norm] {
			out = append(out, n)
		}
	}
	return out
}

// endsWithAny reports whether a word ends with one of the endings.
func endsWithAny(w string, ends map[string]bool) bool {
	for e := range ends {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// wePast are our own past actions in a language without verb endings:
// "we" and a past tense after it ("we shipped the blue one"), from "we" to
// the verb; not a modal past ("we should have guessed").
func (c *customer) wePast(m *lint.Message) []lint.Match {
	if c.endings[m.Lang] != nil {
		return nil
	}
	toks := m.Tokens()
	var out []lint.Match
	for i, t := range toks {
		if t.Kind != lint.Word || t.Norm != "we" && t.Norm != "we've" {
			continue
		}
		if v := c.pastAt(toks, i); v >= 0 {
			out = append(out, lint.Match{Cue: "we", Span: lint.Span{Start: t.Start, End: toks[v].End}, First: i, Last: v})
		}
	}
	return out
}

// delighted drops from the markers a surprise exclaimed in delight: its
// sentence ends with "!" or a delight emoji follows it, nothing went wrong
// in that sentence, and the message praises, puts right or welcomes back
// ("What a surprise, your starter doubled overnight! Lovely work", "Ne
// sürpriz 😍", "What a surprise to see you back!").
// Said flat beside a slip it stays irony ("Ne büyük sürpriz, yine geç
// kaldınız.").
func delighted(m *lint.Message, markers []lint.Match, found cuesFound) []lint.Match {
	cheer := false
	for _, l := range [...]sarcasmList{lsPraise, lsEvaluation, lsJoy, lsDelight, lsRemedy, lsWelcome} {
		cheer = cheer || len(found[l]) > 0
	}
	sents := m.Sentences()
	if !cheer || len(sents) == 0 {
		return markers
	}
	text := m.Body.Text
	return slices.DeleteFunc(slices.Clone(markers), func(mk lint.Match) bool {
		if !crosses(found[lsSurpriseNoun], mk.Span) {
			return false
		}
		i := sentenceOf(sents, mk.Span.Start)
		for _, l := range [...]sarcasmList{lsFailure, lsMisdeed, lsComplaints} {
			if slices.ContainsFunc(found[l], func(w lint.Match) bool {
				return sentenceOf(sents, w.Span.Start) == i && !(w.Span.Start >= mk.Span.Start && w.Span.End <= mk.Span.End) // not the marker's own word
			}) {
				return false
			}
		}
		next := nextNonSpace(text, mk.Span.End)
		return strings.HasSuffix(strings.TrimSpace(text[sents[i].Start:sents[i].End]), "!") ||
			slices.ContainsFunc(found[lsDelightEmoji], func(e lint.Match) bool { return e.Span.Start == next })
	})
}

// complying are the "of course"s at most two words from the start of a
// sentence that holds our promise: a word of the promise list or a verb
// with one of promise_endings (alırız, verərik).
func (c *customer) complying(m *lint.Message, found cuesFound) []lint.Match {
	toks := m.Tokens()
	sents := m.Sentences()
	if len(sents) == 0 {
		return nil
	}
	promises := append(slices.Clone(found[lsPromise]), c.ending(m, found, lsEndsPromise)...)
	var out []lint.Match
	for _, o := range found[lsOfCourse] {
		if o.First < 0 || !nearStart(toks, o.First, 2) {
			continue
		}
		i := sentenceOf(sents, o.Span.Start)
		if slices.ContainsFunc(promises, func(p lint.Match) bool { return p.Span.Start > o.Span.Start && sentenceOf(sents, p.Span.Start) == i }) {
			out = append(out, o)
		}
	}
	return out
}

// nearStart reports whether at most n words stand before token i in its
// sentence.
func nearStart(toks []lint.Token, i, n int) bool {
	for words := 0; ; {
		if sentenceStart(toks, i) {
			return true
		}
		if i = neighbour(toks, i, -1); i < 0 {
			return true
		}
		if toks[i].Kind == lint.Word {
			if words++; words > n {
				return false
			}
		}
	}
}

// stacked reports whether three intensifiers or more stand right before a
// cue, commas between them allowed ("Cok, cok, cok ozur" in a folded text
// too).
func stacked(m *lint.Message, a lint.Match, intensifiers map[string]bool) bool {
	if a.First < 0 || intensifiers == nil {
		return false
	}
	toks := m.Tokens()
	folded := lint.Folded(m.Lang, m.Body.Text)
	isIntensifier := func(w string) bool {
		if !folded {
			return intensifiers[w]
		}
		for i := range intensifiers {
			if lint.Fold(m.Lang, i) == lint.Fold(m.Lang, w) {
				return true
			}
		}
		return false
	}
	n := 0
	for k := neighbour(toks, a.First, -1); k >= 0; k = neighbour(toks, k, -1) {
		if toks[k].Norm == "," {
			continue
		}
		if toks[k].Kind != lint.Word || !isIntensifier(toks[k].Norm) {
			break
		}
		n++
	}
	return n >= 3
}

// opensSentence reports whether token i begins a sentence, or follows an
// emoji that ends what came before ("Salam 🙂 Yenə …?").
func opensSentence(toks []lint.Token, i int) bool {
	if sentenceStart(toks, i) {
		return true
	}
	p := neighbour(toks, i, -1)
	r, _ := utf8.DecodeRuneInString(toks[p].Norm)
	return toks[p].Kind == lint.Punct && unicode.Is(unicode.So, r)
}

// praisedFor reports whether b is what a praises: a, then a word of
// for_what ("on", "for"), then b at most three words on in that clause:
// "Congratulations on managing to spill it".
func praisedFor(toks []lint.Token, a, b lint.Match, forWhat []lint.Match) bool {
	if a.Last < 0 || b.First <= a.Last {
		return false
	}
	n := neighbour(toks, a.Last, 1)
	if n < 0 || !slices.ContainsFunc(forWhat, func(w lint.Match) bool { return w.First == n }) {
		return false
	}
	words := 0
	for k := n + 1; k < b.First; k++ {
		if toks[k].Kind == lint.Punct {
			return false
		}
		if toks[k].Kind == lint.Word {
			words++
		}
	}
	return words <= 3
}

// verdict reports whether a cue stands in a sentence of three words at
// most.
func verdict(toks []lint.Token, sents []lint.Span, a lint.Match) bool {
	return wordsIn(toks, sents[sentenceOf(sents, a.Span.Start)]) <= 3
}

// holds reports whether a sentence from the cue's plus from to the cue's
// plus to holds a cue of one of the lists (names separated by spaces; "?":
// the sentence asks).
func holds(m *lint.Message, sents []lint.Span, found cuesFound, lists []sarcasmList, a lint.Match, from, to int) bool {
	i := sentenceOf(sents, a.Span.Start)
	for _, l := range lists {
		for j := max(0, i+from); j <= i+to && j < len(sents); j++ {
			if l == lsAsks && asks(m.Body.Text, sents[j]) && !offers(m, sents, found, j) || l != lsAsks && inSentence(sents, found[l], j) {
				return true
			}
		}
	}
	return false
}

// offers reports whether sentence j asks what we may do for the customer,
// not what they did: "ister misiniz", "would you like", or our first person
// plural optative asked ("alalım mı", "edək?"). Such a question is no
// rhetorical one.
func offers(m *lint.Message, sents []lint.Span, found cuesFound, j int) bool {
	if inSentence(sents, found[lsOfferAsked], j) {
		return true
	}
	if m.Lang != lint.Turkish && m.Lang != lint.Azerbaijani {
		return false
	}
	toks := m.Tokens()
	for i := tokenAt(toks, sents[j].Start); i < len(toks) && toks[i].End <= sents[j].End; i++ {
		w := toks[i].Norm
		if toks[i].Kind != lint.Word {
			continue
		}
		n := neighbour(toks, i, 1)
		next := ""
		if n >= 0 {
			next = toks[n].Norm
		}
		particle := next == "mı" || next == "mi"
		switch {
		case m.Lang == lint.Turkish && particle && (strings.HasSuffix(w, "alım") || strings.HasSuffix(w, "elim")):
			return true
		case m.Lang == lint.Azerbaijani && (strings.HasSuffix(w, "aqmı") || strings.HasSuffix(w, "əkmi") ||
			(particle || next == "?") && (strings.HasSuffix(w, "aq") || strings.HasSuffix(w, "ək") || strings.HasSuffix(w, "alım") || strings.HasSuffix(w, "əlim"))):
			return true
		}
	}
	return false
}

// reproached reports whether the message reproaches the customer for the
// wait on what we asked them: a wait ending its sentence ("… and we're
// still waiting.") or waiting for them by name ("still waiting for your
// reply"), in a clause of its own in Turkish and Azerbaijani ("…, hâlâ
// bekliyoruz", not "kargonun yanıtını hâlâ bekliyoruz"); in English the
// asking is of them ("asked you", "asked for your …"), not of another
// ("asked the courier").
func reproached(m *lint.Message, found cuesFound, asked lint.Match) bool {
	toks := m.Tokens()
	if m.Lang == lint.English {
		n := neighbour(toks, asked.Last, 1)
		if asked.Last < 0 || n < 0 || toks[n].Norm != "for" && toks[n].Norm != "you" && toks[n].Norm != "your" {
			return false
		}
	}
	return slices.ContainsFunc(found[lsWaitReproach], func(w lint.Match) bool {
		if w.Last < 0 || !sentenceEnd(toks, w.Last) && !strings.Contains(strings.ToLower(m.Body.Text[w.Span.Start:w.Span.End]), "you") {
			return false
		}
		if m.Lang == lint.English {
			return true
		}
		p := neighbour(toks, w.First, -1)
		return p < 0 || toks[p].Norm == "," || toks[p].Norm == ";" || toks[p].Norm == "ve" || toks[p].Norm == "və"
	})
}

// questionEnd reports whether a question mark follows token i.
func questionEnd(toks []lint.Token, i int) bool {
	n := neighbour(toks, i, 1)
	return i >= 0 && n >= 0 && toks[n].Norm == "?"
}

// asks reports whether a sentence ends with a question mark.
func asks(text string, s lint.Span) bool {
	return strings.HasSuffix(strings.TrimRight(text[s.Start:s.End], " \t\n\"'”»)"), "?")
}

// framedMatch is a frame found: its two cues.
type framedMatch struct {
	a, b lint.Match
	why  string
}

func (f *sarcasmFrame) find(m *lint.Message, found cuesFound, you customer) []framedMatch {
	as := found[f.aList]
	// A cue of an unless list silences the frame whatever its second cue:
	// the endings that may make one are not looked for.
	if len(as) == 0 || slices.ContainsFunc(f.unlessLists, func(l sarcasmList) bool { return len(found[l]) > 0 }) {
		return nil
	}
	var bs []lint.Match
	if f.bList != lsNone {
		bs = found[f.bList]
	}
	if f.weak != "" {
		bs = slices.DeleteFunc(slices.Clone(bs), func(b lint.Match) bool { return overlaps(found[f.weakList], b.Span) })
	}
	if f.youB && f.bList == lsMisdeed {
		// "göndermediğiniz": what they did not do; not a slip denied
		// ("kaçırmadınız").
		for _, w := range you.ending(m, found, lsEndsNegated) {
			// "Hiç düşmediniz": an accident denied is good news, not a
			// slip of omission.
			if !slices.ContainsFunc(found[lsDeniedSlip], func(d lint.Match) bool { return d.Last == w.Last }) && !crosses(found[lsAccident], w.Span) {
				bs = append(bs, w)
			}
		}
		// "You didn't fall once", "never got lost": so is one after a word
		// of negation.
		if len(found[lsAccident]) > 0 {
			bs = slices.DeleteFunc(slices.Clone(bs), func(b lint.Match) bool { return accidentDenied(m.Tokens(), b, found[lsAccident]) })
		}
	}
	if f.promise {
		// "çatdırarıq": what we say we will do; not the verb of an apology
		// ("üzr istəyirik", "özür dileriz").
		for _, w := range you.ending(m, found, lsEndsPromise) {
			if !crosses(found[lsApology], w.Span) {
				bs = append(bs, w)
			}
		}
	}
	if f.act {
		bs = append(bs, you.ending(m, found, lsEndsAct)...) // "istemeniz": what the customer did
	}
	if f.inf {
		bs = append(bs, you.ending(m, found, lsEndsInfinitive)...) // "şikayət etmək"
	}
	if f.asked {
		bs = slices.DeleteFunc(slices.Clone(bs), func(b lint.Match) bool {
			return f.asked && !you.told(m, b)
		})
		// Our own reminders counted in a shout are open anger, the
		// shouting rule's, not feigned politeness: "Sizə üç dəfə
		// yazmışıq!!!", in the present as in the past ("üçüncü dəfədir
		// soruşuruq???"): our first person, not the customer's repeats.
		// A question of ours asked again is ours to count even unshouted:
		// "adresinizi üçüncü kez soruyoruz".
		// Unless the message reproaches them for the wait: "We've asked
		// for your order number four times, and we're still waiting."
		if len(bs) > 0 {
			shout := shouts(m)
			bs = slices.DeleteFunc(bs, func(b lint.Match) bool {
				return !reproached(m, found, b) && (shout || you.questions[m.Lang][b.Cue]) && (len(you.ours(m, []lint.Match{b})) > 0 || you.ourPresent(m, b))
			})
		}
	}
	if len(bs) == 0 {
		return nil
	}
	sents := m.Sentences()
	var out []framedMatch
	for _, a := range as {
		if f.final && (a.Last < 0 || !sentenceEnd(m.Tokens(), a.Last) && !(f.verdict && verdict(m.Tokens(), sents, a))) || f.withLists != nil && !holds(m, sents, found, f.withLists, a, 0, 1) ||
			f.afterLists != nil && !holds(m, sents, found, f.afterLists, a, -1, 0) {
			continue
		}
		ownFound := false // a promise on the feat's own verb, if no other cue is in reach
		i := sentenceOf(sents, a.Span.Start)
		// The last cue in reach: the verb ends a Turkish sentence ("soruyu
		// … soruyorsunuz").
		for k := len(bs) - 1; k >= 0; k-- {
			b := bs[k]
			j := sentenceOf(sents, b.Span.Start)
			// The two cues are two words, except our promise on the feat's own
			// verb ("zamanı geri alalım mı").
			if f.promise && b.First >= 0 && b.First == a.Last && b.Last == a.Last {
				ownFound = true
				continue
			}
			if j < i-1 || j > i+1 || b.Span.Start < a.Span.End && b.Span.End > a.Span.Start {
				continue
			}
			// The question opens with a and ends with b, the customer's verb:
			// "Yenə … yazmısınız?".
			if f.question && !asks(m.Body.Text, sents[j]) ||
				f.opens && (j != i || a.First < 0 || !opensSentence(m.Tokens(), a.First) || !questionEnd(m.Tokens(), b.Last)) {
				continue
			}
			if f.others && (j != i || !you.others(m, a, b)) {
				continue
			}
			if f.near > 0 && (j != i || !you.close(m, a, b, f.near)) || f.final && (j > i || b.Span.Start >= a.Span.Start) ||
				(f.act || f.inf) && (j != i || b.Span.End > a.Span.Start) {
				continue
			}
			// "Great job ignoring the label": the misdeed right after the
			// praise is the customer's too.
			// "beşinci soruşunuz": the counted noun is the customer's asking.
			// "Thanks for telling us … five minutes before": what we thank
			// for is the customer's doing.
			k := slices.IndexFunc(found[lsThanks], func(t lint.Match) bool { return t.Span.Start == a.Span.Start })
			thanked := j == i && k >= 0
			if f.mine && !you.own(m, b) && b.Last != a.Last || f.did && !you.did(m, sents[j]) ||
				f.thanked && !(thanked && neighbour(m.Tokens(), found[lsThanks][k].Last, 1) == b.First || you.endings[m.Lang] != nil && you.own(m, b)) {
				continue
			}
			if f.youB && !you.in(m, sents[j]) && neighbour(m.Tokens(), a.Last, 1) != b.First && !thanked && !praisedFor(m.Tokens(), a, b, found[lsForWhat]) {
				continue
			}
			out = append(out, framedMatch{a: a, b: b, why: f.why})
			ownFound = false
			break
		}
		if ownFound {
			out = append(out, framedMatch{a: a, b: a, why: f.why})
		}
	}
	return out
}

// shouldHave are what we say we should have done: our deontic past
// (belirtmeliydik, dağıtmalı idik, "we should have guessed").
func (c *customer) shouldHave(m *lint.Message, found cuesFound) []lint.Match {
	toks := m.Tokens()
	out := slices.DeleteFunc(slices.Clone(found[lsShouldHave]), func(w lint.Match) bool {
		n := neighbour(toks, w.Last, 1)
		return w.Last >= 0 && n >= 0 && toks[n].Kind == lint.Word && c.haveObjects[m.Lang][toks[n].Norm]
	})
	out = append(out, c.ending(m, found, lsEndsShould)...)
	stems, aux := c.shouldStems[m.Lang], c.shouldAux[m.Lang]
	if len(stems) == 0 {
		return out
	}
	for i, t := range toks {
		if t.Kind != lint.Word || !aux[t.Norm] {
			continue
		}
		if p := neighbour(toks, i, -1); p >= 0 && toks[p].Kind == lint.Word && endsWithAny(toks[p].Norm, stems) {
			out = append(out, lint.Match{Cue: toks[p].Norm, Span: lint.Span{Start: toks[p].Start, End: t.End}, First: p, Last: i})
		}
	}
	return out
}

// negatedNext reports whether a word of negation comes right after a cue
// ("üzmek için değil", "won nothing").
func negatedNext(m *lint.Message, w lint.Match, negation map[lint.Lang]map[string]bool) bool {
	if w.Last < 0 {
		return false
	}
	toks := m.Tokens()
	n := neighbour(toks, w.Last, 1)
	return n >= 0 && toks[n].Kind == lint.Word && negation[m.Lang][toks[n].Norm]
}

// accidentDenied reports whether a slip is a word of negation with an
// accident at most two words after it ("didn't fall", "never once got
// lost").
func accidentDenied(toks []lint.Token, b lint.Match, accidents []lint.Match) bool {
	if b.Last < 0 {
		return false
	}
	return slices.ContainsFunc(accidents, func(a lint.Match) bool {
		k := b.Last
		for range 2 {
			if k = neighbour(toks, k, 1); k < 0 || toks[k].Kind == lint.Punct {
				return false
			}
			if k == a.First {
				return true
			}
		}
		return false
	})
}

// shouts reports whether a message raises its voice: marks doubled ("!!",
// "??") or two words in a row in capitals of three letters or more
// ("KRİPTO ÇIXARIŞLARI").
func shouts(m *lint.Message) bool {
	text := m.Body.Text
	if strings.Contains(text, "!!") || strings.Contains(text, "??") {
		return true
	}
	run := 0
	for _, t := range m.Tokens() {
		switch {
		case t.Kind == lint.Word && capitals(text[t.Start:t.End]):
			if run++; run == 2 {
				return true
			}
		case t.Kind == lint.Word || t.Kind == lint.Punct:
			run = 0
		}
	}
	return false
}

// capitals reports whether a word of three letters or more is all in
// capitals.
func capitals(w string) bool {
	return utf8.RuneCountInString(w) >= 3 && strings.ToUpper(w) == w && strings.ToLower(w) != w
}

// customer is how a language speaks of the customer's doing: words
// ("you", "your") and 2nd person plural verb endings (kaçırmışsınız,
// unutmusunuz, yazdığınız), per language.
type customer struct {
	words, endings, negatedEndings, past map[lint.Lang]map[string]bool
	// promiseEndings are our own non-past first person verbs (future,
	// aorist, optative); negation the words that deny what follows,
	// negatedEndingsOurs the endings of a verb denied (okuyamayız).
	promiseEndings, negation, negatedEndingsOurs map[lint.Lang]map[string]bool
	// negatedAll are the endings of negatedEndings and negatedEndingsOurs
	// by language, in a slice: undenied tries every one for each cue.
	negatedAll map[lint.Lang][]string
	// actEndings make a verbal noun the customer's act (istemeniz,
	// soruşmağınız); withoutEndings a verb "without doing" (bakmadan).
	actEndings, withoutEndings map[lint.Lang]map[string]bool
	// imperative are the endings of a verb that asks the customer to do
	// it, and "" for the bare stem (sor, yaz, yazın, soruşun).
	imperative map[lint.Lang]map[string]bool
	// possessive are the customer's possessive endings inside a noun
	// (mesajınızdır), indefinite the article that may stand before it.
	possessive, indefinite map[lint.Lang]map[string]bool
	// report are the verbs of saying or choosing a quote may repeat.
	report map[lint.Lang]map[string]bool
	// infinitive are the endings of a verb's dictionary form, negative the
	// negation a verb stem takes (bas+ma+yın).
	infinitive, negative map[lint.Lang]map[string]bool
	// ourPast are the endings of what we did (aldık, köçürdük).
	ourPast map[lint.Lang]map[string]bool
	// shouldStems and shouldAux: what we should have done in two words, a
	// verb with one of shouldStems and one of shouldAux after it
	// ("dağıtmalı idik"; see shouldHave).
	shouldStems, shouldAux map[lint.Lang]map[string]bool
	// haveObjects make "should have" possession, not a deontic past:
	// "we should have the blue one by Friday".
	haveObjects map[lint.Lang]map[string]bool
	// people are the nouns of people and firms one speaks to.
	people map[lint.Lang]map[string]bool
	// commandSkip, backPronouns, addresseeEnd, accusative: what may stand
	// between a verb of talking-to and nature, a pronoun for nature named
	// before, what may follow the addressee, and the endings of nature as
	// the object of a verb of stopping (see commanded).
	commandSkip, backPronouns, addresseeEnd, accusative map[lint.Lang]map[string]bool
	// intensifiers are the words of degree ("so", "deeply", "çox").
	intensifiers map[lint.Lang]map[string]bool
	// timeAfter are the postpositions of time that make a verb in
	// "-madan" a time, not "without": "gelmeden önce", "çatdırılmadan
	// sonra".
	timeAfter map[lint.Lang]map[string]bool
	// endOf are the words that mean "finally" alone and "at the end of"
	// after a word with one of genitive ("aramanın sonunda").
	endOf, genitive map[lint.Lang]map[string]bool
	// attempt are the endings of the attempt a wish of luck names right
	// after it ("Good luck fixing it"; see attempted).
	attempt map[lint.Lang]map[string]bool
	// numbers are the words of numbers that make a count (see counted).
	numbers map[lint.Lang]map[string]bool
	// ordinalMarks, timeNouns: an ordinal in digits and the nouns of times
	// after one (see numericOrdinals); pairOrdinals: "second", no
	// repetition of a message (see countedContacts).
	ordinalMarks, timeNouns, pairOrdinals map[lint.Lang]map[string]bool
	// countNouns are the nouns of counting after a number in digits
	// ("14 times", "14 kez"; see numericOrdinals); a language without them
	// counts with its nouns of times.
	countNouns map[lint.Lang]map[string]bool
	// reversalStems, contactStems, answerStems, messageStems: plain words
	// the frames read by their stems (see stemmed).
	reversalStems, contactStems, answerStems, messageStems map[lint.Lang]map[string]bool
	// ability are the words of ability, permission or what is to come
	// ("you can reschedule", "you'll be able to"): between "you" and a
	// verb they make it an offer, not the customer's doing (see ownIn).
	ability map[lint.Lang]map[string]bool
	// questions are the cues of asking that ask a question (sor*(verb),
	// "ask*"): one of ours counted is our own repeat, not the
	// customer's.
	questions map[lint.Lang]map[string]bool
	// senses are the stems of a sense's nouns (tadı, dadının) that may
	// stand between a thing's name and "olması" in a tautology;
	// purposes the postpositions of purpose after it ("olması için": so
	// that it is, no tautology told).
	senses, purposes map[lint.Lang]map[string]bool
	// properties are the words that give a thing its property in a
	// tautology, complaints the stems of a complaint named (see
	// tautologies).
	properties, complaints map[lint.Lang]map[string]bool
	// obligations are the stems of a modal of obligation or intent
	// (should, meant, gerek, lazım, gərək) that make a tautology a norm,
	// makings the English verbs of making in a promise to make the thing
	// otherwise (see tautologies).
	obligations, makings map[lint.Lang]map[string]bool
	// prohibitive are the endings of a negative imperative of the third
	// person or the plural (şaşırtmasın): a surprise told not to happen.
	prohibitive map[lint.Lang]map[string]bool
	// propertyFlags answer properties by word id (bit 0: in the set).
	propertyFlags langFlags
	// sets are the sets of endings by name, as lists, for ending.
	sets map[string]map[lint.Lang]*endingList
}

// ordinalsOfYours keeps the ordinals that count the customer's things: a
// noun with their possessive right after it ("dördüncü mesajınız",
// "beşinci soruşunuz", "dördüncü bir fikriniz"), or "your" before it ("your
// fifth email"); not "the second floor". The match's last word is then that
// noun.
func (c *customer) ordinalsOfYours(m *lint.Message, ords []lint.Match) []lint.Match {
	toks := m.Tokens()
	folded := lint.Folded(m.Lang, m.Body.Text)
	poss := c.possessive[m.Lang]
	var out []lint.Match
	for _, o := range ords {
		if o.First < 0 {
			continue
		}
		if poss == nil {
			if p := neighbour(toks, o.First, -1); p >= 0 && toks[p].Norm == "your" {
				out = append(out, o)
			}
			continue
		}
		// The noun, or the head of a compound after it ("iade talebiniz",
		// "qaytarma sorğunuz").
		n := neighbour(toks, o.Last, 1)
		if n >= 0 && c.indefinite[m.Lang][toks[n].Norm] {
			n = neighbour(toks, n, 1)
		}
		for w := 0; w < 2 && n >= 0 && toks[n].Kind == lint.Word; w, n = w+1, neighbour(toks, n, 1) {
			if possessed(m.Lang, toks[n].Norm, poss, folded) {
				out = append(out, lint.Match{Cue: o.Cue, Span: o.Span, First: o.First, Last: n})
				break
			}
		}
	}
	return out
}

// possessed reports whether a word holds one of the possessive endings
// after its stem, a case or copula may follow (mesajınızdır, sorğunuzu).
func possessed(l lint.Lang, w string, poss map[string]bool, folded bool) bool {
	if folded {
		w = lint.Fold(l, w)
	}
	for e := range poss {
		if folded {
			e = lint.Fold(l, e)
		}
		if strings.Index(w, e) > 1 {
			return true
		}
	}
	return false
}

// own reports whether a cue's verb is the customer's: a 2nd person ending
// on its last word (unuttunuz, kaybettiniz), or in a language without such
// endings "you" at most three words before it ("you've lost"), with no
// word of ability between ("you can cancel" offers).
func (c *customer) own(m *lint.Message, b lint.Match) bool {
	return b.First >= 0 && c.ownIn(m, b, c.endings[m.Lang] != nil && lint.Folded(m.Lang, m.Body.Text))
}

// ownIn is own for a message whose folding is known.
func (c *customer) ownIn(m *lint.Message, b lint.Match, folded bool) bool {
	if b.First < 0 {
		return false
	}
	toks := m.Tokens()
	if ends := c.endings[m.Lang]; ends != nil {
		return c.sets["ends:you"][m.Lang].has(m.Lang, toks[b.Last].Norm, folded)
	}
	k := b.First
	for n := 0; n < 3; n++ {
		if k = neighbour(toks, k, -1); k < 0 || toks[k].Kind != lint.Word || c.ability[m.Lang][toks[k].Norm] {
			return false
		}
		if c.words[m.Lang][toks[k].Norm] {
			return true
		}
	}
	return false
}

// denied reports whether a word found by its ending has the negation
// right before that ending (oxu+ma+mışıq, gönder+me+dik).
func (c *customer) denied(m *lint.Message, w lint.Match) bool {
	word, end := m.Tokens()[w.Last].Norm, w.Cue
	folded := lint.Folded(m.Lang, m.Body.Text)
	if folded {
		word, end = lint.Fold(m.Lang, word), lint.Fold(m.Lang, end)
	}
	stem := word[:max(0, len(word)-len(end))]
	for neg := range c.negative[m.Lang] {
		if folded {
			neg = lint.Fold(m.Lang, neg)
		}
		if strings.HasSuffix(stem, neg) {
			return true
		}
	}
	return false
}

// undenied drops the slips denied, with the word that denies them: a
// negated ending on the slip's verb (kaçırmadınız, qaçırmadınız) or a word
// of negation at most two words before it in its clause ("didn't miss"),
// or in English right after it ("lost nothing").
// A denial alone ("you didn't read it") stays a slip.
func (c *customer) undenied(m *lint.Message, ms []lint.Match) []lint.Match {
	toks := m.Tokens()
	folded := lint.Folded(m.Lang, m.Body.Text)
	negation := c.negation[m.Lang]
	denial := func(d lint.Match) bool { // the cue is only a word of negation
		for k := d.First; k >= 0 && k <= d.Last; k++ {
			if toks[k].Kind == lint.Word && !negation[toks[k].Norm] {
				return false
			}
		}
		return d.First >= 0
	}
	drop := map[int]bool{} // token indexes of denied slips and their denials
	for _, d := range ms {
		if d.First < 0 || denial(d) {
			continue
		}
		w := toks[d.Last].Norm
		negated := false
		for _, e := range c.negatedAll[m.Lang] { // negatedEndings and negatedEndingsOurs
			if len(w) > len(e)+1 && hasEnding(m.Lang, w, e, folded) {
				negated = true
				break
			}
		}
		k, denials := d.First, []int{}
		for n := 0; n < 2; n++ {
			if k = neighbour(toks, k, -1); k < 0 || toks[k].Kind != lint.Word {
				break
			}
			if negation[toks[k].Norm] {
				denials = append(denials, k)
			}
		}
		// "You damaged nothing", "lost no time": in a language that puts
		// the object after its verb, a word of negation right after the
		// slip denies it too.
		if n := neighbour(toks, d.Last, 1); c.endings[m.Lang] == nil && n >= 0 && toks[n].Kind == lint.Word && negation[toks[n].Norm] {
			negated = true
		}
		if negated || len(denials) > 0 {
			drop[d.First] = true
			for _, k := range denials {
				drop[k] = true
			}
		}
	}
	if len(drop) == 0 {
		return ms
	}
	return slices.DeleteFunc(slices.Clone(ms), func(d lint.Match) bool { return d.First >= 0 && drop[d.First] })
}

// ours are the slips we say we made: a misdeed with our own past ending
// (kırdık, sındırmışıq), or "we" at most two words before it ("we broke").
func (c *customer) ours(m *lint.Message, ms []lint.Match) []lint.Match {
	toks := m.Tokens()
	folded := lint.Folded(m.Lang, m.Body.Text)
	return slices.DeleteFunc(slices.Clone(ms), func(d lint.Match) bool {
		if d.First < 0 {
			return true
		}
		if ends := c.ourPast[m.Lang]; ends != nil {
			return !c.sets["ends:ourPast"][m.Lang].has(m.Lang, toks[d.Last].Norm, folded)
		}
		k := d.First
		for n := 0; n < 2; n++ {
			if k = neighbour(toks, k, -1); k < 0 || toks[k].Kind != lint.Word {
				return true
			}
			if toks[k].Norm == "we" || toks[k].Norm == "we've" {
				return false
			}
		}
		return true
	})
}

// ourPresent reports whether a cue's verb is ours in the present: one of
// the promise endings of our first person that the present shares
// (soruşuruq, soruyoruz), or "we're" right before it in English.
func (c *customer) ourPresent(m *lint.Message, b lint.Match) bool {
	if b.First < 0 {
		return false
	}
	toks := m.Tokens()
	if c.endings[m.Lang] != nil {
		return c.sets["ends:promise"][m.Lang].has(m.Lang, toks[b.Last].Norm, lint.Folded(m.Lang, m.Body.Text))
	}
	p := neighbour(toks, b.First, -1)
	return p >= 0 && (toks[p].Norm == "we're" || toks[p].Norm == "i'm")
}

// told reports whether a cue of asking is told, not asked for: not an
// imperative ("sorun", "yazın", "ask us") nor its bare stem, which is also
// a noun ("sorun" is a problem): "üçüncü kez soruyorsunuz", "as I've
// explained six times", "yeddi dəfə məsləhət görmüşük".
func (c *customer) told(m *lint.Message, b lint.Match) bool {
	if b.First < 0 {
		return false
	}
	toks := m.Tokens()
	w := toks[b.Last].Norm
	if c.endings[m.Lang] == nil {
		p := neighbour(toks, b.First, -1)
		return p >= 0 && !sentenceStart(toks, b.First) && toks[p].Norm != "please"
	}
	cue := strings.Fields(b.Cue)
	stem := lint.NormWord(m.Lang, strings.TrimSuffix(strings.TrimSuffix(cue[len(cue)-1], "(verb)"), "*"))
	folded := lint.Folded(m.Lang, m.Body.Text)
	if folded {
		w, stem = lint.Fold(m.Lang, w), lint.Fold(m.Lang, stem)
	}
	rest, ok := strings.CutPrefix(w, stem)
	return !ok || !c.imperative[m.Lang][rest]
}

// withEnding are the words of a message with one of the endings (folded
// in a folded text): the customer's negated verbs (göndermediniz,
// gəlmədiniz), our promises (göndeririz, çatdıracağıq).
func withEnding(m *lint.Message, ends *endingList) []lint.Match {
	if ends == nil {
		return nil
	}
	folded := lint.Folded(m.Lang, m.Body.Text)
	var out []lint.Match
	toks := m.Tokens()
	for i := range toks {
		t := &toks[i]
		if t.Kind != lint.Word {
			continue
		}
		if e, ok := ends.first(m.Lang, t.Norm, folded); ok {
			out = append(out, lint.Match{Cue: e, Span: lint.Span{Start: t.Start, End: t.End}, First: i, Last: i})
		}
	}
	return out
}

// endingList is a set of endings as a list, as a set is slow to walk,
// with each ending folded, and both by their last byte: a word is tried
// only with the endings that end in its own last byte, few or none.
type endingList struct {
	ends, folded     []string
	byLast, foldedBy lastIndex
	anyWord          bool // an empty ending ends every word
	// stem is the fewest bytes a word has before its ending, as written;
	// newEndingList makes it 2. At 0 the lengths are not compared: in a
	// folded text a word may be shorter than the ending it ends with
	// ("imiz", "ımız").
	stem int
}

// long reports whether w is long enough to end in e (see stem).
func (el *endingList) long(w, e string) bool { return el.stem == 0 || len(w) >= len(e)+el.stem }

// lastIndex lists endings by their last byte: those ending in byte b are
// order[at[b]:at[b+1]], in the list's order.
type lastIndex struct {
	at    [257]uint16
	order []uint16
}

// newLastIndex sorts the endings by their last byte, counting them first:
// each list is indexed at start, and a pass over every ending for each of
// the 256 bytes was a twentieth of a check's start.
func newLastIndex(ends []string) lastIndex {
	var ix lastIndex
	for _, e := range ends {
		if e != "" {
			ix.at[int(e[len(e)-1])+1]++ // counted one place on, summed into starts below (an int: 255+1 is 256)
		}
	}
	for b := 1; b <= 256; b++ {
		ix.at[b] += ix.at[b-1]
	}
	if ix.at[256] == 0 {
		return ix
	}
	ix.order = make([]uint16, ix.at[256])
	next := ix.at
	for k, e := range ends {
		if e != "" {
			b := e[len(e)-1]
			ix.order[next[b]] = uint16(k)
			next[b]++
		}
	}
	return ix
}

// endings are the indices of the endings that may end w, in order.
func (ix *lastIndex) endings(w string) []uint16 {
	if w == "" {
		return nil
	}
	b := int(w[len(w)-1]) // an int: a byte of 255 plus one is 0
	return ix.order[ix.at[b]:ix.at[b+1]]
}

func newEndingList(l lint.Lang, ends []string) *endingList {
	el := &endingList{ends: ends, folded: make([]string, len(ends)), stem: 2}
	for k, e := range ends {
		el.folded[k] = lint.Fold(l, e)
		el.anyWord = el.anyWord || e == "" || el.folded[k] == ""
	}
	el.byLast, el.foldedBy = newLastIndex(ends), newLastIndex(el.folded)
	return el
}

// first is the first of the endings that w ends with, with at least
// el.stem bytes before it; in a folded text word and endings are compared
// folded (see hasEnding).
func (el *endingList) first(l lint.Lang, w string, folded bool) (string, bool) {
	if el == nil {
		return "", false
	}
	suffixes, ix, fw := el.ends, &el.byLast, w
	if folded {
		suffixes, ix, fw = el.folded, &el.foldedBy, lint.Fold(l, w)
	}
	if el.anyWord {
		for k, e := range el.ends {
			if el.long(w, e) && strings.HasSuffix(fw, suffixes[k]) {
				return e, true
			}
		}
		return "", false
	}
	for _, k := range ix.endings(fw) {
		if e := el.ends[k]; el.long(w, e) && strings.HasSuffix(fw, suffixes[k]) {
			return e, true
		}
	}
	return "", false
}

// has reports whether w ends with one of the endings (see first).
func (el *endingList) has(l lint.Lang, w string, folded bool) bool {
	_, ok := el.first(l, w, folded)
	return ok
}

// listed are the sets of endings as sorted lists: a map is slow to walk
// word by word.
func listed(sets map[string]map[lint.Lang]map[string]bool) map[string]map[lint.Lang]*endingList {
	out := map[string]map[lint.Lang]*endingList{}
	for name, set := range sets {
		out[name] = map[lint.Lang]*endingList{}
		for l, ends := range set {
			if len(ends) > 0 {
				out[name][l] = newEndingList(l, slices.Sorted(maps.Keys(ends)))
			}
		}
	}
	return out
}

// untimed drops the verbs in "-madan" that a postposition of time follows
// in their clause, at most three words on: "gelmeden önce" is before
// coming, "çatdırılmadan bir saat sonra" an hour after the delivery, not
// "without".
func (c *customer) untimed(m *lint.Message, ws []lint.Match) []lint.Match {
	if len(ws) == 0 {
		return ws
	}
	toks := m.Tokens()
	return slices.DeleteFunc(ws, func(w lint.Match) bool {
		for n, words := neighbour(toks, w.Last, 1), 0; n >= 0 && toks[n].Kind == lint.Word && words < 3; n, words = neighbour(toks, n, 1), words+1 {
			if c.timeAfter[m.Lang][toks[n].Norm] {
				return true
			}
		}
		return false
	})
}

// ending are the words of a message with one of a set's endings
// (customer.sets, named "ends:…" apart from the cue lists), found once a
// message: several frames ask, and found keeps them.
func (c *customer) ending(m *lint.Message, found cuesFound, set sarcasmList) []lint.Match {
	if ms := found[set]; ms != nil {
		return ms
	}
	ms := withEnding(m, c.sets[sarcasmLists[set]][m.Lang])
	if set == lsEndsWithout {
		ms = c.untimed(m, ms)
	}
	if ms == nil {
		ms = []lint.Match{} // worked out: none
	}
	found[set] = ms
	return ms
}

// others reports whether b follows a at most six words on, with no word of
// the customer's right after a and no 2nd person ending on b.
func (c *customer) others(m *lint.Message, a, b lint.Match) bool {
	if a.Last < 0 || b.First <= a.Last {
		return false
	}
	toks := m.Tokens()
	if n := neighbour(toks, a.Last, 1); n >= 0 && c.words[m.Lang][toks[n].Norm] && c.endings[m.Lang] == nil {
		return false
	}
	words := 0
	for k := a.Last + 1; k < b.First; k++ {
		if toks[k].Kind == lint.Word {
			words++
		}
	}
	return words <= 6 && !(c.endings[m.Lang] != nil && c.own(m, b))
}

// close reports whether two cues are at most near words apart with no word
// of the customer's between them.
func (c *customer) close(m *lint.Message, a, b lint.Match, near int) bool {
	if a.First < 0 || b.First < 0 {
		return false
	}
	if b.First < a.First {
		a, b = b, a
	}
	toks := m.Tokens()
	folded := lint.Folded(m.Lang, m.Body.Text)
	words := 0
	for k := a.Last + 1; k < b.First; k++ {
		t := toks[k]
		if t.Kind != lint.Word {
			continue
		}
		if words++; words >= near || c.words[m.Lang][t.Norm] {
			return false
		}
		if c.sets["ends:you"][m.Lang].has(m.Lang, t.Norm, folded) {
			return false
		}
	}
	return true
}

// literal keeps the impossible feats meant as such: not a name (a capital
// inside the sentence, or two capitalised words: "our Miracle Serum",
// "Mucize Krem") and not denied (a word of negation before it in its
// clause or right after it, or a negated ending on it: "we can't work
// miracles", "nothing was lost or damaged", "mucize değil", "aklınızı
// okuyamayız", "gecikmedi").
func (c *customer) literal(m *lint.Message, ms []lint.Match) []lint.Match {
	toks := m.Tokens()
	folded := lint.Folded(m.Lang, m.Body.Text)
	capital := func(i int) bool {
		r, _ := utf8.DecodeRuneInString(m.Body.Text[toks[i].Start:])
		return unicode.IsUpper(r)
	}
	negation := c.negation[m.Lang]
	return slices.DeleteFunc(slices.Clone(ms), func(mt lint.Match) bool {
		if mt.First < 0 {
			return false
		}
		next := neighbour(toks, mt.Last, 1)
		if capital(mt.First) && (!sentenceStart(toks, mt.First) || next >= 0 && toks[next].Kind == lint.Word && capital(next)) {
			return true
		}
		if next >= 0 && negation[toks[next].Norm] {
			return true
		}
		// A cue written negated is meant so: "yer kalmadı", "qalmayıb";
		// so is a lemma whose own stem ends as a denial does
		// ("bağışlanılmaz*", "affedilmez*"): only an ending past the
		// lemma's stem denies it.
		if cue := strings.Fields(mt.Cue); strings.Contains(cue[len(cue)-1], "*") {
			w := toks[mt.Last].Norm
			stem, _, _ := strings.Cut(cue[len(cue)-1], "*")
			for e := range c.negatedEndingsOurs[m.Lang] {
				if hasEnding(m.Lang, w, e, folded) && utf8.RuneCountInString(w)-utf8.RuneCountInString(e) >= utf8.RuneCountInString(stem) {
					return true
				}
			}
		}
		for k := mt.First - 1; k >= 0; k-- {
			t := toks[k]
			if t.Kind == lint.Punct && strings.ContainsAny(t.Norm, ".!?,;:") {
				break // another clause: "Why not, we'll read your mind"
			}
			if t.Kind == lint.Word && negation[t.Norm] {
				return true
			}
		}
		return false
	})
}

// advised reports whether a word of advice follows a cue at once.
func advised(m *lint.Message, j lint.Match, advice []lint.Match) bool {
	if j.Last < 0 {
		return false
	}
	n := neighbour(m.Tokens(), j.Last, 1)
	return n >= 0 && slices.ContainsFunc(advice, func(a lint.Match) bool { return a.First == n })
}

// insideMatch reports whether a span lies inside one of the matches.
func insideMatch(ms []lint.Match, s lint.Span) bool {
	return slices.ContainsFunc(ms, func(w lint.Match) bool { return w.Span.Start <= s.Start && s.End <= w.Span.End })
}

// fragments are the cues that make a sentence of their own: "Again.",
// "Yine.", "Yenə.", "As usual." said after the fact is a sigh.
func fragments(m *lint.Message, frs []lint.Match) []lint.Match {
	if len(frs) == 0 {
		return nil
	}
	toks := m.Tokens()
	var out []lint.Match
	for _, f := range frs {
		if f.First < 0 || !sentenceStart(toks, f.First) || !sentenceEnd(toks, f.Last) || neighbour(toks, f.First, -1) < 0 {
			continue
		}
		if n := neighbour(toks, f.Last, 1); n >= 0 && toks[n].Norm == "?" {
			continue // "Again?" asks
		}
		out = append(out, f)
	}
	return out
}

// questionParticles are the particles of a yes/no question (mı, mi), by
// language.
var questionParticles = sarcasmData.WordSets("question_particles")

// askedAbout reports whether a cue stands right before a question
// particle ("gerçekçi mi?"): a question, the customer's words asked back
// or answered, not what we say.
// featPraise are the stems of a judgment that is sincere praise as often
// as mock praise (revolutionary, inspiring, ilham verici, inqilabi), feats
// the stems of an act of giving or achieving (raised, donated, won,
// topladınız, bağışladınız).
var featPraise, feats = sarcasmData.WordSets("feat_praise_stems"), sarcasmData.WordSets("feat_stems")

// featPraised reports whether judgment j is such praise in a promotion
// ("You've never seen a blender like this. Revolutionary.") or said of a
// feat in its sentence or the one before ("You've raised £2,000 for the
// shelter. How inspiring!"): praise meant.
func featPraised(m *lint.Message, j lint.Match) bool {
	toks := m.Tokens()
	praise := false
	for k := j.First; k <= j.Last && k < len(toks); k++ {
		praise = praise || toks[k].Kind == lint.Word && startsWithAny(toks[k].Norm, featPraise[m.Lang])
	}
	if !praise {
		return false
	}
	if m.IsKind(lint.Promo) {
		return true
	}
	sents := m.Sentences()
	i := sentenceOf(sents, j.Span.Start)
	if i < 0 {
		return false
	}
	from := sents[max(i-1, 0)].Start
	for _, t := range toks {
		if t.Kind == lint.Word && t.Start >= from && t.End <= sents[i].End && startsWithAny(t.Norm, feats[m.Lang]) {
			return true
		}
	}
	return false
}

func askedAbout(m *lint.Message, j lint.Match) bool {
	if j.First < 0 {
		return false
	}
	toks := m.Tokens()
	n := neighbour(toks, j.Last, 1)
	return n >= 0 && toks[n].Kind == lint.Word && questionParticles[m.Lang][toks[n].Norm]
}

// causeEndings are the endings of a verb "when (you) did it" (sürünce,
// qoyanda), by language: a cause and its outcome; causeWords, in English,
// the words that say it ("if the bag is left open").
var (
	causeEndings = sarcasmData.WordSets("cause_endings")
	causeWords   = sarcasmData.WordSets("cause_words")
	echoWords    = sarcasmData.WordSets("echo_words")
)

// causeIn reports whether a sentence tells a cause with its outcome ("Zinciri
// yanlış viteste sürünce koptu"): a word with an ending of "when" in it.
func causeIn(m *lint.Message, toks []lint.Token, s lint.Span) bool {
	for k := tokenAt(toks, s.Start); k >= 0 && k < len(toks) && toks[k].End <= s.End; k++ {
		if t := toks[k]; t.Kind == lint.Word {
			if causeWords[m.Lang][t.Norm] || k == tokenAt(toks, s.Start) && echoWords[m.Lang][t.Norm] && strings.HasSuffix(strings.TrimSpace(m.Body.Text[s.Start:s.End]), "?") {
				return true
			}
			for e := range causeEndings[m.Lang] {
				if len(t.Norm) > len(e)+2 && strings.HasSuffix(t.Norm, e) {
					return true
				}
			}
		}
	}
	return false
}

// ourPossessive are the endings of "our" on a noun (ustalarımız,
// həkimimiz), by language.
var ourPossessive = sarcasmData.WordSets("our_possessive")

// waitingOurs are the third person's delight in waiting ("beklemeye
// bayılıyor") when the one who waits is ours, a noun with "our" before it
// in its sentence ("ustalarımız kapıda beklemeye bayılıyor"): mock joy in
// waiting for the customer, as "we just love waiting". Anyone else's
// ("çocuklar", "köpekleriniz") is sincere.
func waitingOurs(m *lint.Message, found cuesFound) []lint.Match {
	ws := found[lsWaitingStaff]
	if len(ws) == 0 {
		return nil
	}
	sents, toks := m.Sentences(), m.Tokens()
	var out []lint.Match
	for _, w := range ws {
		i := sentenceOf(sents, w.Span.Start)
		if i < 0 || w.First < 0 {
			continue
		}
		for k := tokenAt(toks, sents[i].Start); k >= 0 && k < w.First; k++ {
			if t := toks[k]; t.Kind == lint.Word && slices.ContainsFunc(slices.Collect(maps.Keys(ourPossessive[m.Lang])), func(e string) bool {
				return len(t.Norm) > len(e)+2 && strings.HasSuffix(t.Norm, e)
			}) {
				out = append(out, w)
				break
			}
		}
	}
	return out
}

// revelations are words of mock news or discovery in a short sentence (six
// words at most) after one that tells what the customer did (not asks
// whether they did: "Have you tried our new latte?"), a cause with its
// outcome ("if the bag is left open", "sürünce"; a question echoed with
// "So …?"), a fact confirmed ("Yes, ice melts.") or told us ("Thanks for
// letting us know that ice is cold. Groundbreaking news."; "news to us"
// after being told says only that we did not know) or what went wrong: the
// obvious outcome of the customer's own doing announced as news
// ("You left the ice cream in the car all day. Big news, I know, it
// melted."); not with an apology or a remedy, nor opening a message
// ("Shocking news: our summer sale ends today"), nor after a sentence of
// ours, the hype a promo or a greeting means sincerely ("Meet our new
// charger. A real breakthrough.").
func revelations(m *lint.Message, found cuesFound, c *customer) []lint.Match {
	rs := found[lsRevelation]
	if len(rs) == 0 || len(found[lsApology]) > 0 || len(found[lsRemedy]) > 0 || m.IsKindIn(lint.Promo, lint.Greeting) {
		return nil
	}
	sents, toks := m.Sentences(), m.Tokens()
	folded := lint.Folded(m.Lang, m.Body.Text)
	var out []lint.Match
	for _, r := range rs {
		i := sentenceOf(sents, r.Span.Start)
		if i <= 0 || wordsIn(toks, sents[i]) > 6 {
			continue
		}
		if c.didIn(m, sents[i-1], folded) && !strings.HasSuffix(strings.TrimSpace(m.Body.Text[sents[i-1].Start:sents[i-1].End]), "?") || causeIn(m, toks, sents[i-1]) ||
			slices.ContainsFunc(found[lsAffirm], func(w lint.Match) bool { return w.First >= 0 && w.Span.Start == sents[i-1].Start }) ||
			r.Cue != "news to us" && slices.ContainsFunc(found[lsInforming], func(w lint.Match) bool { return sentenceOf(sents, w.Span.Start) == i-1 }) ||
			slices.ContainsFunc(found[lsMishap], func(w lint.Match) bool { return sentenceOf(sents, w.Span.Start) == i-1 }) {
			out = append(out, r)
		}
	}
	return out
}

// tautologies are a thing's own name given back as its property, mocked
// (see mocked): "Thanks for telling us that the pine air freshener
// smells like pine.", "Kakaolu kekin kakaolu olmasından şikâyet
// etmeniz", "Şokoladlı tortun şokoladlı olması … böyük sürpriz oldu". The
// property (the word set properties: a verb of sensing in English, with
// "like" or "of" after it, or the customer's "too …" quoted, "too
// fudgy", "too chai-ish", a word made of the name, not the adjective the
// name already has, "too spicy" for the spicy wings; the verbal noun of
// "be" in Turkish and Azerbaijani, not "olduğu(nu)", the object of a
// verb of confirming, nor of purpose, "olması için") holds a word, right
// after it in English or right before it otherwise (or before a sense's
// words, "tarçın kokusu olması"), whose stem (four letters at least) an
// earlier word of its sentence shares; in English that word ends its
// sentence ("smells of lavender oil from our farm", "smells of coconut,
// and it's sulphate-free" tell something) and the property is neither
// denied nor a norm (obligation_stems: "should feel express", "olması
// gerekirdi").
// The word sets are no cue lists: the learnt scorer does not read them.
func (c *customer) tautologies(m *lint.Message, found cuesFound) []lint.Match {
	l := m.Lang
	toks := m.Tokens()
	en := l == lint.English
	word := func(i int) bool { return i >= 0 && toks[i].Kind == lint.Word }
	same := func(a, b string) bool {
		if utf8.RuneCountInString(a) > utf8.RuneCountInString(b) {
			a, b = b, a
		}
		if en && len(a) > 4 && strings.HasSuffix(a, "e") {
			a = a[:len(a)-1] // "fudge", "fudgy"
		}
		return utf8.RuneCountInString(a) >= 4 && strings.HasPrefix(b, a)
	}
	var sents []lint.Span
	var out []lint.Match
	var buf [128]wordBits
	property := c.propertyFlags.appendBits(buf[:0], m) // c.properties[l][toks[p].Norm], by id
	for p := range toks {
		if toks[p].Kind != lint.Word || property[p] == 0 {
			continue
		}
		var cands []int // the word that names the property
		last, end := p, -1
		if en {
			j := neighbour(toks, p, 1)
			end = j
			if toks[p].Norm == "too" { // the customer's word quoted: "too soupy", "too chai-ish"
				q := neighbour(toks, p, -1)
				if q < 0 || toks[q].Kind != lint.Punct || !strings.ContainsAny(toks[q].Norm, "\"'“‘") {
					continue
				}
				if h := neighbour(toks, j, 1); h >= 0 && toks[h].Norm == "-" && word(neighbour(toks, h, 1)) {
					end = neighbour(toks, h, 1)
				}
				last = end
			} else {
				if word(j) && (toks[j].Norm == "like" || toks[j].Norm == "of") {
					last, j = j, neighbour(toks, j, 1)
				}
				end = j
				// Denied ("doesn't smell like pine"), or a norm: "should
				// feel express", "is meant to smell of lavender".
				denied := false
				for k, n := p, 0; n < 3 && !denied; n++ {
					k = neighbour(toks, k, -1)
					denied = word(k) && (c.negation[l][toks[k].Norm] || strings.HasSuffix(toks[k].Norm, "n't") ||
						startsWithAny(toks[k].Norm, c.obligations[l]))
				}
				if denied {
					continue
				}
			}
			// The word ends its sentence (a quote may close first): a
			// word, a hyphen, or a comma with more words after it tells
			// something ("smells of coconut, and it's sulphate-free").
			a := neighbour(toks, max(end, p), 1)
			for a >= 0 && toks[a].Kind != lint.Word && strings.Trim(toks[a].Norm, "\"'“”‘’)") == "" {
				a = neighbour(toks, a, 1)
			}
			if a >= 0 && (toks[a].Kind == lint.Word || strings.Trim(toks[a].Norm, ".!?…\"'“”‘’)") != "") {
				continue
			}
			cands = append(cands, j)
		} else if a := neighbour(toks, p, 1); !word(a) || !c.purposes[l][toks[a].Norm] {
			// A word of obligation after it (olması gerekirdi, lazım idi)
			// makes it a norm, an apology or an explanation.
			norm := false
			for k, n := p, 0; n < 3 && !norm; n++ {
				k = neighbour(toks, k, 1)
				norm = word(k) && startsWithAny(toks[k].Norm, c.obligations[l])
			}
			if norm {
				continue
			}
			// The name right before "olması", or before a sense's words
			// ("tarçın kokusu olması", "ispanaq dadının hiss olunması").
			for k, n := neighbour(toks, p, -1), 0; word(k) && n < 3; k, n = neighbour(toks, k, -1), n+1 {
				cands = append(cands, k)
				if !startsWithAny(toks[k].Norm, c.senses[l]) {
					break
				}
			}
		}
		if sents == nil {
			sents = m.Sentences()
		}
		i := sentenceOf(sents, toks[p].Start)
		s := sents[i]
		hit := -1
		for _, j := range cands {
			if !word(j) || toks[j].Start < s.Start {
				continue
			}
			for k := neighbour(toks, j, -1); k >= 0 && toks[k].Start >= s.Start && hit < 0; k = neighbour(toks, k, -1) {
				// The customer's "too …" is a word coined from the thing
				// ("too soupy" for the soup, "too chai-ish"), not the
				// adjective its name already has ("too spicy" for the
				// spicy wings): a fair complaint.
				if word(k) && same(toks[k].Norm, toks[j].Norm) && (toks[p].Norm != "too" || end != j || toks[k].Norm != toks[j].Norm) {
					hit = j
				}
			}
			if hit >= 0 {
				break
			}
		}
		if hit < 0 {
			continue
		}
		if c.mocked(m, found, sents, i, p) {
			first, end := min(hit, p), max(hit, last)
			out = append(out, lint.Match{Cue: toks[p].Norm, Span: lint.Span{Start: toks[first].Start, End: toks[end].End}, First: first, Last: end})
		}
	}
	return out
}

// mocked reports whether the tautology whose property is toks[p], in
// sentence i, is mocked: a surprise or a mystery in its sentence or the
// next ("həqiqətən, böyük sürprizdir", "Who knew …"; not one told not to
// be, "sizi şaşırtmasın"); the customer's own telling given back as its
// content (thanks for pointing out "that" or "about" it, the customer's
// quoted "too …", "olmasından şikâyet etmeniz"); or a promise to make the
// thing otherwise ("We'll try to make it smell of roses", "making them
// more like pizza"). A bare yes, "of course", thanks or complaint word
// opens a sincere confirmation as often.
func (c *customer) mocked(m *lint.Message, found cuesFound, sents []lint.Span, i, p int) bool {
	l, toks := m.Lang, m.Tokens()
	s := sents[i]
	word := func(k int) bool { return k >= 0 && toks[k].Kind == lint.Word }
	told := func(w lint.Match) bool {
		t := toks[w.Last].Norm
		for e := range c.prohibitive[l] {
			if strings.HasSuffix(t, e) {
				return false // "sizi şaşırtmasın": told not to surprise
			}
		}
		return true
	}
	for _, list := range [...]sarcasmList{lsSurpriseNoun, lsSurprise, lsFeignedSurprise, lsMystery, lsRevelation} {
		for _, w := range found[list] {
			if j := sentenceOf(sents, w.Span.Start); (j == i || j == i+1) && told(w) {
				return true
			}
		}
	}
	if l == lint.English {
		for _, g := range found[lsGratitude] {
			if g.Span.Start < s.Start || g.Span.End > toks[p].Start {
				continue
			}
			if toks[p].Norm == "too" {
				return true
			}
			for k := neighbour(toks, p, -1); k >= 0 && toks[k].Start >= g.Span.End; k = neighbour(toks, k, -1) {
				if word(k) && (toks[k].Norm == "that" || toks[k].Norm == "about") {
					return true
				}
			}
		}
		end := s.End
		if i+1 < len(sents) {
			end = sents[i+1].End
		}
		for k := tokenAt(toks, s.Start); k >= 0 && k < len(toks) && toks[k].Start < end; k++ {
			if !word(k) || !c.makings[l][toks[k].Norm] {
				continue
			}
			o := neighbour(toks, k, 1)
			if !word(o) || toks[o].Norm != "it" && toks[o].Norm != "them" {
				continue
			}
			v := neighbour(toks, o, 1)
			if word(v) && (toks[v].Norm != "too" && c.properties[l][toks[v].Norm] ||
				toks[v].Norm == "more" && word(neighbour(toks, v, 1)) && toks[neighbour(toks, v, 1)].Norm == "like") {
				return true
			}
		}
		return false
	}
	a := neighbour(toks, p, 1)
	return word(a) && startsWithAny(toks[a].Norm, c.complaints[l])
}

// without are the verbs "without doing it" (bakmadan, götürmədən) in a
// sentence that tells what the customer does or did.
func (c *customer) without(m *lint.Message) []lint.Match {
	ws := c.untimed(m, withEnding(m, c.sets["ends:without"][m.Lang]))
	if len(ws) == 0 {
		return nil
	}
	sents, folded := m.Sentences(), lint.Folded(m.Lang, m.Body.Text)
	toks := m.Tokens()
	return slices.DeleteFunc(ws, func(w lint.Match) bool {
		return len(sents) == 0 || !c.didIn(m, sents[sentenceOf(sents, w.Span.Start)], folded) || c.ofInfinitive(m, toks, w, folded)
	})
}

// ofInfinitive reports whether a verb "without doing it" tells how to do
// the infinitive right after it, a way of doing a thing, not what the
// customer left undone: "kesmeden katlamak", "yoxlamadan imzalamaq".
func (c *customer) ofInfinitive(m *lint.Message, toks []lint.Token, w lint.Match, folded bool) bool {
	n := neighbour(toks, w.Last, 1)
	if n < 0 || toks[n].Kind != lint.Word {
		return false
	}
	for e := range c.infinitive[m.Lang] {
		if len(toks[n].Norm) > len(e)+1 && hasEnding(m.Lang, toks[n].Norm, e, folded) {
			return true
		}
	}
	return false
}

// crosses reports whether a span shares a byte with one of the matches.
func crosses(ms []lint.Match, s lint.Span) bool {
	return slices.ContainsFunc(ms, func(w lint.Match) bool { return w.Span.Start < s.End && s.Start < w.Span.End })
}

// overlaps reports whether a span is one of the matches'.
func overlaps(ms []lint.Match, s lint.Span) bool {
	return slices.ContainsFunc(ms, func(w lint.Match) bool { return w.Span == s })
}

// sentenceEnd reports whether token i ends a sentence: nothing but closing
// punctuation after it up to . ! ? or the end.
func sentenceEnd(toks []lint.Token, i int) bool {
	j := neighbour(toks, i, 1)
	return j < 0 || toks[j].Kind == lint.Punct && strings.ContainsAny(toks[j].Norm, ".!?")
}

// did reports whether a sentence tells what the customer did or said: a
// 2nd person verb ending, or "you" before a past tense ("you measured").
func (c *customer) did(m *lint.Message, s lint.Span) bool {
	return c.didIn(m, s, lint.Folded(m.Lang, m.Body.Text))
}

// didIn is did for a message whose folding is known: it reads only the
// sentence's own tokens, so a loop over a message's quotes or sentences
// does not read the whole message again for each.
func (c *customer) didIn(m *lint.Message, s lint.Span, folded bool) bool {
	toks := m.Tokens()
	for i := tokenAt(toks, s.Start); i < len(toks) && toks[i].End <= s.End; i++ {
		t := toks[i]
		if t.Kind != lint.Word {
			continue
		}
		if c.sets["ends:you"][m.Lang].has(m.Lang, t.Norm, folded) {
			return true
		}
		if c.words[m.Lang][t.Norm] && c.endings[m.Lang] == nil && c.pastAfter(toks, i) {
			return true
		}
	}
	return false
}

// didBesidesSaying is didIn for a sentence with a quote, not counting the
// customer's own verbs of saying: in a message that helps (see helps),
// words they wrote reported back ("“Sistem işləmir” yazmısınız; ustamız
// sabah gələcək") are a report; held up, they stand beside something else
// they did ("you packed it 'carefully'", "“sağlam” paketlediğinizi
// yazmışsınız"), or beside nothing but what belies them ("“Kendiliğinden
// bozuldu” dediğiniz telefonun içinden su çıktı").
func (c *customer) didBesidesSaying(m *lint.Message, s lint.Span, q *quoteFacts) bool {
	toks := q.toks
	for i := tokenAt(toks, s.Start); i < len(toks) && toks[i].End <= s.End; i++ {
		t := toks[i]
		if t.Kind != lint.Word || q.saidLast[i] {
			continue
		}
		if c.sets["ends:you"][m.Lang].has(m.Lang, t.Norm, q.folded) {
			return true
		}
		if c.words[m.Lang][t.Norm] && c.endings[m.Lang] == nil && c.pastAfter(toks, i) {
			if n := neighbour(toks, i, 1); n < 0 || !q.saidAt[toks[n].Start] {
				return true
			}
		}
	}
	return false
}

// doings are the words that tell what the customer did: a verb with a 2nd
// person ending (gəlmisiniz, istediniz), or a past tense after "you" ("you
// cancelled").
func (c *customer) doings(m *lint.Message) []lint.Match {
	if ends := c.sets["ends:you"][m.Lang]; ends != nil {
		return withEnding(m, ends)
	}
	toks := m.Tokens()
	var out []lint.Match
	for i, t := range toks {
		if t.Kind == lint.Word && c.words[m.Lang][t.Norm] && c.pastAfter(toks, i) {
			out = append(out, lint.Match{Cue: "you", Span: lint.Span{Start: t.Start, End: t.End}, First: i, Last: i})
		}
	}
	return out
}

// pastAfter reports whether a past tense follows "you" at token i, at
// most one adverb or quote mark between: "you measured", "you've
// 'barely opened'".
func (c *customer) pastAfter(toks []lint.Token, i int) bool { return c.pastAt(toks, i) >= 0 }

// pastAt is the index of the past tense pastAfter finds after token i, -1
// if none.
func (c *customer) pastAt(toks []lint.Token, i int) int {
	words := 0
	for n := neighbour(toks, i, 1); n >= 0 && words < 2; n = neighbour(toks, n, 1) {
		switch t := toks[n]; {
		case t.Kind == lint.Word:
			if c.past[lint.English][pastStem(t.Norm)] {
				return n
			}
			words++
		case t.Norm != "'" && t.Norm != "\"":
			return -1
		}
	}
	return -1
}

// pastStem is an English word as the past word set holds it: a regular past
// as "-ed", else the word.
func pastStem(w string) string {
	if strings.HasSuffix(w, "ed") && len(w) > 4 {
		return "-ed"
	}
	return w
}

// named reports whether a sentence names the customer by a word of
// theirs (size, sizi, sizə).
func (c *customer) named(m *lint.Message, s lint.Span) bool {
	for _, t := range m.Tokens() {
		if t.Start >= s.Start && t.End <= s.End && t.Kind == lint.Word && c.words[m.Lang][t.Norm] {
			return true
		}
	}
	return false
}

// yours reports whether a cue's last word is a noun the customer owns
// (kabahatiniz, günahınız).
func (c *customer) yours(m *lint.Message, w lint.Match) bool {
	if w.Last < 0 {
		return false
	}
	word, folded := m.Tokens()[w.Last].Norm, lint.Folded(m.Lang, m.Body.Text)
	for e := range c.possessive[m.Lang] {
		if len(word) > len(e)+1 && hasEnding(m.Lang, word, e, folded) {
			return true
		}
	}
	return false
}

// in reports whether a sentence speaks of the customer's doing.
func (c *customer) in(m *lint.Message, s lint.Span) bool {
	words, endings := c.words[m.Lang], c.endings[m.Lang]
	folded := lint.Folded(m.Lang, m.Body.Text)
	for _, t := range m.Tokens() {
		if t.Start < s.Start || t.End > s.End || t.Kind != lint.Word {
			continue
		}
		if words[t.Norm] {
			return true
		}
		for e := range endings {
			if len(t.Norm) > len(e)+1 && hasEnding(m.Lang, t.Norm, e, folded) {
				return true
			}
		}
	}
	return false
}

// repeatedAffirmation finds an affirmative said twice at once ("Yes, yes",
// "Evet evet", "Bəli, bəli", "Sure, sure"): agreeing twice is dismissing.
func repeatedAffirmation(m *lint.Message, affirm []lint.Match) []lint.Match {
	var out []lint.Match
	toks := m.Tokens()
	for _, a := range affirm {
		if a.First != a.Last {
			continue
		}
		n := neighbour(toks, a.Last, 1)
		if n >= 0 && toks[n].Norm == "," {
			n = neighbour(toks, n, 1)
		}
		if n >= 0 && toks[n].Norm == toks[a.First].Norm {
			out = append(out, lint.Match{Cue: a.Cue, Span: lint.Span{Start: a.Span.Start, End: toks[n].End}, First: a.First, Last: n})
		}
	}
	return out
}

// scareQuotes finds the customer's own words held up in quotes: a short
// quote in lower case (not a button, a code or a name: "Confirm", "STOP")
// in a sentence that tells what the customer did or said ("the sofa you
// measured "perfectly"", "“berbat” olduğunu yazmışsınız") or that praises
// ("Congrats on selling a 'brand new' phone", "Great, another 'quick'
// job"), or that labels the customer's own thing with "of course" or a
// complaint beside it ("your "urgent" order, of course, comes first"), and
// nothing in it to type or pick (the list instructions). A quote
// that names an idea ("the 'quiet room' idea", "“sessiz oda” önerisi") is
// the customer's suggestion, not their words held up.
func (c *customer) scareQuotes(m *lint.Message, found cuesFound) []lint.Match {
	text := m.Body.Text
	// Cheaper than strings.ContainsAny, which goes rune by rune for
	// non-ASCII sets.
	single := spaceQuote(text)
	if strings.IndexByte(text, '"') < 0 && !strings.Contains(text, "“") && !strings.Contains(text, "«") && !single {
		return nil
	}
	// A quote with something to type or pick in its sentence is a keyword:
	// write "human", "evet" yazmanız yeterli, set to "internet".
	var out []lint.Match
	var markup spanCover
	if strings.ContainsAny(text, "<{%") {
		markup = newSpanCover(placeholderSpans(text))
	}
	locs := quoteRE.FindAllStringIndex(text, -1)
	if single {
		locs = append(locs, singleQuotes(text)...)
	}
	if len(locs) == 0 {
		return nil
	}
	// What each quote asks of the message is found once for all of them:
	// a long message of many quotes is read a few times, not once a quote.
	q := c.quoteFacts(m, found)
	toks, sents := q.toks, q.sents
	for _, loc := range locs {
		inner := strings.Trim(text[loc[0]:loc[1]], "\"“”«»'")
		r, _ := utf8.DecodeRuneInString(inner)
		// Attribute values, names of settings and commands are not words
		// held up: "govuk-link", "sylius.homepage", "rasa init".
		// The customer's praise quoted back with thanks: "“harika hizmet”
		// yazmışsınız, çok teşekkür ederiz".
		// So are their words quoted before their own verb of saying with
		// our joy (thanks alone may be for an insult: "“soyğunçu” dediniz.
		// … təşəkkürlər"): "Yorumunuzda “çok sakin” demişsiniz. Ne mutlu
		// bize".
		// Only spaces stand between a quote and a verb right after it: the
		// verb starts where the text after the quote stops being space.
		compliment := len(found[lsGratitude]) > 0 && q.valued.within(loc[0], loc[1]) ||
			len(found[lsJoy]) > 0 && q.saidAt[nextNonSpace(text, loc[1])]
		// A capital is the sentence's own when the quote opens it and the
		// customer's verb of saying follows: "“Kendiliğinden bozuldu”
		// dediğiniz telefon".
		lower := unicode.IsLower(r) || unicode.IsUpper(r) && q.saidBy(loc)
		if compliment || !lower || len(strings.Fields(inner)) > 4 || strings.ContainsAny(inner, "._/=%{}<>#-:") ||
			markup.has(loc[0]) || q.namesIdea(loc[1]) || c.reportedAt(m, toks, loc[0], inner) ||
			q.afterSaying(loc[0]) {
			continue
		}
		if len(sents) == 0 {
			continue
		}
		i := sentenceOf(sents, loc[0])
		in := func(fact sentenceFact) bool { return q.facts[i]&fact != 0 }
		// Praise or a judgment that makes the next sentence, of three words
		// at most, after a question: "Oh, so the stain 'appeared by
		// itself'? Fascinating."
		judged := i+1 < len(sents) && wordsIn(toks, sents[i+1]) <= 3 && strings.HasSuffix(strings.TrimSpace(text[sents[i].Start:sents[i].End]), "?") &&
			q.facts[i+1]&praisedOrJudged != 0
		// The instruction's keyword is the quote it names, not the
		// customer's word held up before it with their verb of saying:
		// 'Sizin "ağır değil" dediğiniz koli …; "kargo" yazmanız yeterli'.
		after := nextNonSpace(text, loc[1])
		instructed := in(hasInstructions) && (!q.saidAt[after] || slices.ContainsFunc(found[lsInstructions], func(w lint.Match) bool { return w.Span.Start == after }))
		if !instructed && (c.didIn(m, sents[i], q.folded) && (!q.helps(found) || c.didBesidesSaying(m, sents[i], q)) || in(hasPraise) || in(opensEvaluation) || judged ||
			in(hasOfCourseOrComplaint) && c.yoursAt(m, toks, loc, q.folded)) {
			out = append(out, lint.Match{Cue: "scare quotes", Span: lint.Span{Start: loc[0], End: loc[1]}, First: -1, Last: -1})
		}
	}
	return out
}

// sentenceFact is a bit of what a sentence holds, for scareQuotes.
type sentenceFact uint8

const (
	hasInstructions sentenceFact = 1 << iota
	hasPraise
	opensEvaluation // an evaluation that opens the sentence
	hasOfCourseOrComplaint
	praisedOrJudged // praise or a judgment of the act
)

// quoteFacts are what scareQuotes asks about a message's quotes, found
// once a message: each quote then looks up its own sentence and the
// tokens beside it.
type quoteFacts struct {
	toks   []lint.Token
	sents  []lint.Span
	folded bool
	facts  []sentenceFact // by sentence
	// valued are the evaluations and praise by start, for a quote that
	// holds one.
	valued spansByStart
	// saidAt are the starts of the customer's own verbs of saying;
	// ownSaid their Last, with those of choosing, in a language with
	// verb endings.
	saidAt, ownSaid map[int]bool
	// saidLast are the last tokens of the customer's own verbs of saying.
	saidLast map[int]bool
	// saidFrom are the customer's own verbs of saying with a first token
	// by that token's start; firstFrom[k] the earliest in the list of
	// those from saidFrom[k] on.
	saidFrom  []int
	firstFrom []lint.Match
	ideas     map[int]bool // starts of the suggestions
}

// quoteFacts finds a message's quoteFacts.
func (c *customer) quoteFacts(m *lint.Message, found cuesFound) *quoteFacts {
	toks := m.Tokens()
	q := &quoteFacts{toks: toks, sents: m.Sentences(), folded: lint.Folded(m.Lang, m.Body.Text),
		saidAt: map[int]bool{}, ownSaid: map[int]bool{}, saidLast: map[int]bool{}, ideas: map[int]bool{}}
	q.facts = make([]sentenceFact, len(q.sents))
	mark := func(list sarcasmList, fact sentenceFact, start bool) {
		if len(q.sents) == 0 {
			return
		}
		for _, w := range found[list] {
			if !start || w.First >= 0 && sentenceStart(toks, w.First) {
				q.facts[sentenceOf(q.sents, w.Span.Start)] |= fact
			}
		}
	}
	mark(lsInstructions, hasInstructions, false)
	mark(lsPraise, hasPraise, false)
	mark(lsEvaluation, opensEvaluation, true)
	mark(lsOfCourse, hasOfCourseOrComplaint, false)
	mark(lsComplaints, hasOfCourseOrComplaint, false)
	mark(lsPraise, praisedOrJudged, false)
	mark(lsActJudgment, praisedOrJudged, false)
	q.valued = newSpansByStart(append(slices.Clone(found[lsEvaluation]), found[lsPraise]...))
	own := func(s lint.Match) bool { return c.ownIn(m, s, q.folded) }
	type said struct {
		start, order int
	}
	var from []said
	for k, s := range found[lsSaying] {
		if !own(s) {
			continue
		}
		q.saidAt[toks[s.First].Start] = true
		q.saidLast[s.Last] = true
		from = append(from, said{toks[s.First].Start, k})
	}
	if c.endings[m.Lang] != nil {
		for _, s := range append(slices.Clone(found[lsSaying]), found[lsChoosing]...) {
			if own(s) {
				q.ownSaid[s.Last] = true
			}
		}
	}
	// The first in the list's order of those from a start on: the list
	// sorted by start, and the earliest of each tail.
	slices.SortStableFunc(from, func(a, b said) int { return cmp.Compare(a.start, b.start) })
	q.saidFrom = make([]int, len(from))
	q.firstFrom = make([]lint.Match, len(from))
	first := -1
	for k := len(from) - 1; k >= 0; k-- {
		if first < 0 || from[k].order < first {
			first = from[k].order
		}
		q.saidFrom[k] = from[k].start
		q.firstFrom[k] = found[lsSaying][first]
	}
	// A suggestion or a sound, a setting, a command named by the quote
	// before it: "the 'quiet room' idea", "“sessiz mod” seçeneği", "“otur”
	// əmri".
	for _, w := range append(slices.Clone(found[lsSuggestion]), found[lsNameHead]...) {
		q.ideas[w.Span.Start] = true
	}
	return q
}

// helps reports whether a message puts right what the customer wrote: a
// remedy (a replacement, a refund, free of charge). An apology, a promise
// or "we understand" do not tell: sarcasm mocks with them too ("“cəmi bir
// neçə vərəq” dediyiniz sifariş 600 səhifədir. Əlbəttə, beş dəqiqəyə hazır
// edərik.").
func (q *quoteFacts) helps(found cuesFound) bool {
	return len(found[lsRemedy]) > 0
}

// spansByStart are matches' spans in order of their starts.
type spansByStart []lint.Span

func newSpansByStart(ms []lint.Match) spansByStart {
	out := make(spansByStart, len(ms))
	for i, w := range ms {
		out[i] = w.Span
	}
	slices.SortFunc(out, func(a, b lint.Span) int { return cmp.Compare(a.Start, b.Start) })
	return out
}

// within reports whether a span lies strictly inside start and end.
func (ss spansByStart) within(start, end int) bool {
	i, _ := slices.BinarySearchFunc(ss, start+1, func(s lint.Span, off int) int { return cmp.Compare(s.Start, off) })
	for ; i < len(ss) && ss[i].Start < end; i++ {
		if ss[i].End < end {
			return true
		}
	}
	return false
}

// spanCover are spans by start, with the furthest end of each and those
// before it: whether an offset is in one of them is a search, not a walk
// over all of them (a long message may hold many placeholders).
type spanCover struct {
	starts, ends []int
}

func newSpanCover(spans []lint.Span) spanCover {
	spans = slices.Clone(spans)
	slices.SortFunc(spans, func(a, b lint.Span) int { return cmp.Compare(a.Start, b.Start) })
	var c spanCover
	end := 0
	for _, s := range spans {
		end = max(end, s.End)
		c.starts, c.ends = append(c.starts, s.Start), append(c.ends, end)
	}
	return c
}

// has reports what inSpans reports for the spans: whether off is in one.
func (c spanCover) has(off int) bool {
	// The spans that start at or before off; one of them holds off if the
	// furthest end among them is past it.
	k, _ := slices.BinarySearch(c.starts, off+1)
	return k > 0 && c.ends[k-1] > off
}

// saidBy reports whether a quote opens its sentence and the next word is
// the customer's verb of saying (dediğiniz, yazdığınız): the first such
// verb after the quote, in the list's order, right after it.
func (q *quoteFacts) saidBy(loc []int) bool {
	first := tokenAt(q.toks, loc[0])
	if first == len(q.toks) || !sentenceStart(q.toks, first) {
		return false
	}
	k, _ := slices.BinarySearch(q.saidFrom, loc[1])
	if k == len(q.saidFrom) {
		return false
	}
	p := neighbour(q.toks, q.firstFrom[k].First, -1)
	return p >= 0 && q.toks[p].End <= loc[1]
}

// namesIdea reports whether a suggestion is the first word after a
// quote's end: the quote is the name of that thing.
func (q *quoteFacts) namesIdea(end int) bool {
	for i := tokenAt(q.toks, end); i < len(q.toks); i++ {
		if t := q.toks[i]; t.Kind != lint.Space {
			return t.Kind == lint.Word && q.ideas[t.Start]
		}
	}
	return false
}

// afterSaying reports whether a quote follows right after the customer's
// own verb of saying or choosing, which it names: "Yazdığınız “barabandan
// səs gəlir” şikayəti", "Seçdiyiniz “enerjiyə qənaət edən” paket". Held
// up, the words come before that verb ("“bir az səs salır” dediyiniz").
func (q *quoteFacts) afterSaying(start int) bool {
	i := tokenAt(q.toks, start)
	if i == len(q.toks) {
		return false
	}
	p := neighbour(q.toks, i, -1)
	return p >= 0 && q.ownSaid[p]
}

// yoursAt reports whether a quote is the customer's label for their own
// thing: "your" right before it, or their possessive on the first word
// after it ("your 'urgent' order", "“acil” siparişiniz", "“təcili”
// sifarişiniz"). It reads only the tokens beside the quote.
func (c *customer) yoursAt(m *lint.Message, toks []lint.Token, loc []int, folded bool) bool {
	possessive := c.possessive[m.Lang]
	if possessive == nil {
		k := tokenAt(toks, loc[0])
		if k == len(toks) || toks[k].Start != loc[0] {
			return false
		}
		p := neighbour(toks, k, -1)
		return p >= 0 && toks[p].Kind == lint.Word && toks[p].Norm == "your"
	}
	for i := tokenAt(toks, loc[1]); i < len(toks); i++ {
		t := toks[i]
		if t.Kind != lint.Word {
			continue
		}
		for e := range possessive {
			if hasEnding(m.Lang, t.Norm, e, folded) && len(t.Norm) > len(e)+1 {
				return true
			}
		}
		return false
	}
	return false
}

// reportedAt reports whether a quote repeats what the customer asked for,
// not words held up: right after a verb of saying or choosing ("you asked
// for 'no onions'", "you said 'next Friday'"), or in a language with verb
// endings ending in an imperative (“kapıya bırakın” dediğiniz için).
func (c *customer) reportedAt(m *lint.Message, toks []lint.Token, start int, inner string) bool {
	if imp := c.imperative[m.Lang]; imp != nil {
		// An imperative: an ending off a stem whose infinitive the
		// dictionary knows (bırakın: bırakmak; not çətin).
		words := strings.Fields(inner)
		last := lint.NormWord(m.Lang, words[len(words)-1])
		known := knownWord(m.Lang)
		for e := range imp {
			stem, ok := strings.CutSuffix(last, e)
			if e == "" || !ok || utf8.RuneCountInString(stem) < 2 {
				continue
			}
			stems := []string{stem}
			for neg := range c.negative[m.Lang] { // basmayın: a negative imperative
				if s, ok := strings.CutSuffix(stem, neg); ok && utf8.RuneCountInString(s) >= 2 {
					stems = append(stems, s)
				}
			}
			for _, st := range stems {
				for inf := range c.infinitive[m.Lang] {
					if known(st + inf) {
						return true
					}
				}
			}
		}
		return false
	}
	i := tokenAt(toks, start)
	if i == len(toks) {
		return false
	}
	p := neighbour(toks, i, -1)
	if p >= 0 && toks[p].Kind == lint.Word && c.report[m.Lang][toks[p].Norm] {
		return true
	}
	if p >= 0 && (toks[p].Norm == "for" || toks[p].Norm == "as") {
		pp := neighbour(toks, p, -1)
		return pp >= 0 && c.report[m.Lang][toks[pp].Norm]
	}
	return false
}

// nextTo reports whether one of the matches is at most n words before or
// after a cue, in its clause.
func nextTo(toks []lint.Token, c lint.Match, ms []lint.Match, n int) bool {
	if c.First < 0 {
		return false
	}
	for _, dir := range [...]int{-1, 1} {
		k := c.First
		if dir > 0 {
			k = c.Last
		}
		for words := 0; words < n; {
			if k = neighbour(toks, k, dir); k < 0 || toks[k].Kind == lint.Punct {
				break
			}
			if toks[k].Kind != lint.Word {
				continue
			}
			words++
			if slices.ContainsFunc(ms, func(w lint.Match) bool { return w.First <= k && k <= w.Last }) {
				return true
			}
		}
	}
	return false
}

// inSentence reports whether one of the matches is in sentence i.
func inSentence(sents []lint.Span, ms []lint.Match, i int) bool {
	return slices.ContainsFunc(ms, func(w lint.Match) bool { return sentenceOf(sents, w.Span.Start) == i })
}

// wordsIn counts the words in a span. The tokens inside it are a run (they
// are in order and do not overlap), found by a search, not a walk from the
// message's start.
func wordsIn(toks []lint.Token, s lint.Span) int {
	n := 0
	for i := tokenAt(toks, s.Start); i < len(toks) && toks[i].End <= s.End; i++ {
		if toks[i].Kind == lint.Word {
			n++
		}
	}
	return n
}

// tokenAt is the index of the first token that starts at or after off,
// len(toks) if none.
func tokenAt(toks []lint.Token, off int) int {
	// slices.BinarySearchFunc's, by hand: its call of the comparison
	// copied each token it read, and it is asked several times a message.
	lo, hi := 0, len(toks)
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if toks[h].Start < off {
			lo = h + 1
		} else {
			hi = h
		}
	}
	return lo
}

// nextNonSpace is the offset of the first byte at or after off that does
// not begin a space, len(text) if none.
func nextNonSpace(text string, off int) int {
	return len(text) - len(strings.TrimLeftFunc(text[off:], unicode.IsSpace))
}

var quoteRE = regexp.MustCompile(`"[^"\n]{2,40}"|“[^”\n]{2,40}”|«[^»\n]{2,40}»`)

// singleQuotes are the spans of words in single quotes: an opening quote
// after a space or the start and before a letter, a closing one after a
// letter and before no letter ("the 'quick trim' request"; not the
// apostrophes of "you've" or "Ali'nin").
// spaceQuote is strings.Contains(text, " '"), found from the quotes, which
// are rare, rather than from the spaces, which strings.Index stops at
// every few letters of a text.
func spaceQuote(text string) bool {
	for from := 1; from < len(text); {
		i := strings.IndexByte(text[from:], '\'')
		if i < 0 {
			return false
		}
		if from += i; text[from-1] == ' ' {
			return true
		}
		from++
	}
	return false
}

func singleQuotes(text string) [][]int {
	var out [][]int
	for i := 0; i < len(text); i++ {
		if text[i] != '\'' || i > 0 && !strings.ContainsRune(" \t\n(", rune(text[i-1])) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(text[i+1:])
		if !unicode.IsLetter(r) {
			continue
		}
		for j := i + 2; j < len(text) && j-i <= 41 && text[j] != '\n'; j++ {
			if text[j] != '\'' {
				continue
			}
			next, _ := utf8.DecodeRuneInString(text[j+1:])
			prev, _ := utf8.DecodeLastRuneInString(text[:j])
			if unicode.IsLetter(prev) && !unicode.IsLetter(next) && j-i > 2 {
				out = append(out, []int{i, j + 1})
				i = j
				break
			}
		}
	}
	return out
}
func init() { withSarcasmScorer(Sarcasm) } // the learnt scorer beside the frames (sarcasm_scorer.go)

// endOfSomething reports whether w ends in one of endOf right after a word
// with a genitive ending: "sayfanın sonunda" is "at the end of the page".
func (c *customer) endOfSomething(m *lint.Message, w lint.Match) bool {
	toks := m.Tokens()
	if w.First < 0 || !c.endOf[m.Lang][toks[w.Last].Norm] {
		return false
	}
	k := neighbour(toks, w.First, -1)
	if k < 0 || toks[k].Kind != lint.Word {
		return false
	}
	for e := range c.genitive[m.Lang] {
		if strings.HasSuffix(toks[k].Norm, e) {
			return true
		}
	}
	return false
}

// commanded are the verbs of talking-to (command) whose addressee is
// nature or an animal, and the verbs of stopping or calming (control)
// whose object is: in English the word after the verb's phrase (past
// "the", "our"), the last of its phrase ("a word with the wind before
// Monday", not "talk to the ice rink team"), or a pronoun for nature named
// earlier in its sentence or the one before with no person there ("the
// goats … a word with them"); in a language with endings the word before
// the verb, past command_skip ("denize bir daha tembihledik"), as the
// object of control in the accusative ("küləyi sizin xatirinizə
// dayandırarıq"), not the customer's own ("köpeğinizi").
func (c *customer) commanded(m *lint.Message, found cuesFound) (told, feats []lint.Match) {
	toks := m.Tokens()
	l := m.Lang
	sents := m.Sentences()
	word := func(i int) bool { return i >= 0 && toks[i].Kind == lint.Word }
	// A capitalised word inside a sentence, after an apostrophe's suffix
	// or after a person is a given name (Deniz'e, Menecerimiz Dənizə),
	// not the sea.
	text := m.Body.Text
	upperAt := func(i int) bool {
		r, _ := utf8.DecodeRuneInString(text[toks[i].Start:])
		return unicode.IsUpper(r) && tokenAt(toks, sents[sentenceOf(sents, toks[i].Start)].Start) != i
	}
	named := func(i int) bool {
		t := text[toks[i].Start:toks[i].End]
		if a, _ := utf8.DecodeRuneInString(text[toks[i].End:]); strings.ContainsAny(t, "'’") || a == '\'' || a == '’' {
			return true
		}
		if p := neighbour(toks, i, -1); word(p) && c.people[l][toks[p].Norm] {
			return true
		}
		return upperAt(i)
	}
	in := func(list sarcasmList, i int) bool {
		return slices.ContainsFunc(found[list], func(n lint.Match) bool { return n.First <= i && i <= n.Last }) && !named(i)
	}
	natureAt := func(i int) bool { return in(lsNature, i) || in(lsAnimal, i) }
	if c.endings[l] == nil || l == lint.English {
		addressed := func(r lint.Match, at func(int) bool) (n int, ok bool) {
			n = neighbour(toks, r.Last, 1)
			for word(n) && c.commandSkip[l][toks[n].Norm] {
				n = neighbour(toks, n, 1)
			}
			if !word(n) || !at(n) {
				return n, false
			}
			a := neighbour(toks, n, 1)
			return n, !word(a) || c.addresseeEnd[l][toks[a].Norm]
		}
		// Plain talking counts only to the weather or the sea named.
		for _, r := range found[lsTalk] {
			if _, ok := addressed(r, func(i int) bool { return in(lsNature, i) }); ok {
				told = append(told, r)
			}
		}
		for _, r := range found[lsCommand] {
			n, ok := addressed(r, natureAt)
			if ok {
				told = append(told, r)
				continue
			}
			if !word(n) || !c.backPronouns[l][toks[n].Norm] {
				continue
			}
			// A pronoun stands for an animal named earlier in its sentence
			// or the one before, with no person or name between them.
			i := sentenceOf(sents, r.Span.Start)
			last := -1
			for _, w := range found[lsAnimal] {
				j := sentenceOf(sents, w.Span.Start)
				if (j == i || j == i-1) && w.Span.End <= r.Span.Start && !named(w.First) {
					last = max(last, w.Last)
				}
			}
			if last < 0 {
				continue
			}
			between := false
			for k := last + 1; !between && k < r.First; k++ {
				if !word(k) {
					continue
				}
				between = c.people[l][toks[k].Norm] || upperAt(k)
			}
			if !between {
				told = append(told, r)
			}
		}
		return told, nil
	}
	// before: nature (and with animals, an animal) before the verb past
	// command_skip; again: "bir daha" among what stands between.
	before := func(r lint.Match, object, animals, snow, again bool) bool {
		j := neighbour(toks, r.First, -1)
		daha := false
		for range 4 {
			if !word(j) {
				return false
			}
			// Stopped or calmed, only the weather and the sea are a
			// feat: an animal can be calmed, snow cleared.
			if (in(lsNature, j) && (snow || !in(lsSnow, j))) || (animals && in(lsAnimal, j)) {
				w := toks[j].Norm
				return (daha || !again) && !possessed(l, w, c.possessive[l], false) && (!object || endsWithAny(w, c.accusative[l]))
			}
			if !c.commandSkip[l][toks[j].Norm] {
				return false
			}
			daha = daha || toks[j].Norm == "daha"
			j = neighbour(toks, j, -1)
		}
		return false
	}
	for _, r := range found[lsCommand] {
		if before(r, false, true, true, false) {
			told = append(told, r)
		}
	}
	for _, r := range found[lsTalk] {
		if before(r, false, false, true, true) {
			told = append(told, r)
		}
	}
	for _, r := range found[lsControl] {
		if before(r, true, false, true, false) {
			feats = append(feats, r)
		}
	}
	for _, r := range found[lsClearing] {
		if before(r, true, false, false, false) {
			feats = append(feats, r)
		}
	}
	return told, feats
}

// Mock news: the words that keep a headline's fact real news (see
// headlines), by language.
var (
	newsBlocks     = sarcasmData.WordSets("news_blocks")
	newsOurEndings = sarcasmData.WordSets("news_our_endings")
	newsEvent      = sarcasmData.WordSets("news_event_endings")
	newsObvious    = sarcasmData.WordSets("news_obvious")
	newsConditions = sarcasmData.WordSets("news_conditions")
	newsImperative = sarcasmData.WordSets("news_imperative_endings")
)

// stemIn reports whether a word is in a set of stems: a stem of at least
// minLen letters starts it, a shorter one is the whole word ("win" is not
// "winter", "kırıl" is "kırılır").
func stemIn(w string, set map[string]bool, minLen int) bool {
	for s := range set {
		if w == s || utf8.RuneCountInString(s) >= minLen && strings.HasPrefix(w, s) {
			return true
		}
	}
	return false
}

// headlines are mock news: a headline (the list) at most three words into
// its sentence, a colon at most four words after it, and after the colon
// to the end of the sentence a plain fact of two to fourteen words, ended
// with a full stop: no figure, no name (a capital after its first word),
// nothing of the customer's, nothing of ours (news_blocks, a word with
// one of news_our_endings; in English words of three letters or fewer
// whole), nothing that tells what is new (news_blocks: new, back, sale,
// today) and no event (news_event_endings: a past, "has closed the
// road", "kapandı"; in English not after a condition, news_conditions:
// "when dropped"). What mocks is the fact's obviousness: a thing's
// nature, what it does by itself (news_obvious: "Stop press: ice cubes
// melt in hot tea.", "Flaş haber: tereyağı güneşte eriyor."); a plain
// fact without it is an announcement ("Breaking news: the catalogue is
// out."). Real news tells what is ours or new ("Big announcement: our
// new shop opens on Friday!"). Not in a promotion, a greeting, an update
// or an away message, nor beside an apology or a remedy, nor with an
// instruction in Turkish and Azerbaijani ("lütfen", an imperative ending a
// clause, news_imperative_endings: "Önemli haber: kışın musluklar donar,
// vanaları kapatın."): a real warning says what to do.
func (c *customer) headlines(m *lint.Message, found cuesFound) []lint.Match {
	hs := found[lsHeadline]
	if len(hs) == 0 || len(found[lsApology]) > 0 || len(found[lsRemedy]) > 0 || m.IsKindIn(lint.Promo, lint.Greeting, lint.Update, lint.Away) {
		return nil
	}
	toks, text := m.Tokens(), m.Body.Text
	blocks, ours := newsBlocks[m.Lang], newsOurEndings[m.Lang]
	folded := lint.Folded(m.Lang, text)
	var out []lint.Match
	for _, h := range hs {
		if h.First < 0 || !nearStart(toks, h.First, 3) {
			continue
		}
		colon := -1
		for k, words := neighbour(toks, h.Last, 1), 0; k >= 0 && words <= 4; k = neighbour(toks, k, 1) {
			if toks[k].Kind == lint.Punct {
				if toks[k].Norm == ":" {
					colon = k
				}
				break
			}
			words++
		}
		if colon < 0 {
			continue
		}
		plain, obvious, condition, words := true, false, false, 0
		k := neighbour(toks, colon, 1)
		for ; k >= 0 && plain; k = neighbour(toks, k, 1) {
			t := toks[k]
			if t.Kind == lint.Punct && strings.ContainsAny(t.Norm, ".!?") {
				break
			}
			switch t.Kind {
			case lint.Number:
				plain = false
			case lint.Word:
				words++
				r, _ := utf8.DecodeRuneInString(text[t.Start:])
				blocked := startsWithAny(t.Norm, blocks)
				if m.Lang == lint.English {
					blocked = stemIn(t.Norm, blocks, 4)
				}
				if words > 1 && unicode.IsUpper(r) || blocked || c.words[m.Lang][t.Norm] {
					plain = false
				}
				for e := range ours {
					if strings.Contains(t.Norm, e) {
						plain = false
					}
				}
				if stemIn(t.Norm, newsObvious[m.Lang], 5) {
					obvious = true
				}
				if newsConditions[m.Lang][t.Norm] {
					condition = true
				}
				if !condition && len(t.Norm) > 4 && endsWithAny(t.Norm, newsEvent[m.Lang]) {
					plain = false
				}
				if n := neighbour(toks, k, 1); (n < 0 || toks[n].Kind == lint.Punct) && len(t.Norm) > 4 && endsWithAny(t.Norm, newsImperative[m.Lang]) {
					plain = false // an instruction: a warning, not news
				}
				for e := range c.endings[m.Lang] {
					if len(t.Norm) > len(e)+1 && hasEnding(m.Lang, t.Norm, e, folded) {
						plain = false
					}
				}
			}
		}
		if !plain || !obvious || words < 2 || words > 14 || k >= 0 && toks[k].Norm != "." {
			continue
		}
		out = append(out, h)
	}
	return out
}

// Mock thanks for being taught: the words of "why" and the stems of what
// we thank for sincerely, by language (see taught).
var (
	whyWords      = sarcasmData.WordSets("why_words")
	askedStems    = sarcasmData.WordSets("asked_stems")
	sincereThanks = sarcasmData.WordSets("sincere_thanks")
)

// taught reports whether a word of enlightenment (enlightened: "ufkumuz
// açıldı", "truly eye-opening") stands beside a "why" and the customer's
// verb of asking (asked_stems) in its sentence or the one before, with
// nothing in the message that we thank for sincerely: our own event or
// the customer's feedback ("thanks for joining our eye-opening talk on
// why sleep matters"). A question cannot teach us, so calling it
// enlightening mocks ("Thanks for asking why the vegan burger has no
// beef. Truly eye-opening."); sharing or explaining can ("Thank you for
// sharing why you chose us, it was eye-opening").
func taught(m *lint.Message, e lint.Match) bool {
	sents, toks := m.Sentences(), m.Tokens()
	i := sentenceOf(sents, e.Span.Start)
	why, asked := false, false
	for _, t := range toks {
		if t.Kind != lint.Word {
			continue
		}
		if startsWithAny(t.Norm, sincereThanks[m.Lang]) {
			return false
		}
		if j := sentenceOf(sents, t.Start); j == i || j == i-1 {
			why = why || whyWords[m.Lang][t.Norm]
			asked = asked || startsWithAny(t.Norm, askedStems[m.Lang])
		}
	}
	return why && asked
}

// Mock hope in the customer's conduct "this time": the words after "this
// time" that make it "too", the stems of a feeling hoped for and the
// customer's future or conditional endings, by language.
var (
	thisTimes      = byFirstWord(sarcasmData.WordSets("this_time_phrases"))
	hopes          = byFirstWord(sarcasmData.WordSets("hope_phrases"))
	thisTimeToo    = sarcasmData.WordSets("this_time_too")
	feelingStems   = sarcasmData.WordSets("feeling_stems")
	conductEndings = sarcasmData.WordSets("conduct_endings")
	conductDenied  = sarcasmData.WordSets("conduct_denied")
	suffered       = sarcasmData.WordSets("suffered")
)

// hopedThisTime is mock hope that the customer behaves "this time":
// "this time" (this_time_phrases, not "this time too") in a sentence with
// our hope or belief (hope_phrases), the customer's own verb in the future or
// a condition (conduct_endings) and what mocks: a conduct of theirs
// denied, what went wrong before (conduct_denied: "bu dəfə velosipedi
// dəhlizdə qoymayacağınıza ümid edirik", "bu kez merdivenleri çamurlu
// botla çıkmayacağınızı umarız"); in English, without verb endings, what
// we would appreciate with a denial in its sentence ("We'd appreciate it
// if the ladder wasn't propped on the flowerbed this time"). Hope
// without a denial encourages or asks ("we believe you'll finish the
// race this time", "we'd be grateful if you could send the photos this
// time"), and a hardship denied is wished away (suffered: "we hope you
// won't have to wait this time"). Not a feeling or a good hoped
// for (feeling_stems, in English anywhere in the sentence, otherwise on
// the customer's verb or the word before it: "we hope you enjoy it this
// time", "bu dəfə razı qalacağınıza ümid edirik", "aradığınızı
// bulacağınızı umuyoruz"), nor an invitation (an exclamation, or our own
// event: sincere_thanks), nor with a figure in the sentence, nor beside
// an apology or a remedy, nor in a promotion or a greeting. A condition
// alone offers as often as it mocks ("Bu sefer online öderseniz kargo
// bizden").
func (c *customer) hopedThisTime(m *lint.Message, found cuesFound) []lint.Match {
	return notIn(m, c.hopedThisTimeAny(m, found), lint.Promo, lint.Greeting)
}

// hopedThisTimeAny is hopedThisTime for a message of any kind.
func (c *customer) hopedThisTimeAny(m *lint.Message, found cuesFound) []lint.Match {
	if thisTimes[m.Lang] == nil || len(found[lsApology]) > 0 || len(found[lsRemedy]) > 0 {
		return nil
	}
	sents, toks := m.Sentences(), m.Tokens()
	ts := phrasesIn(toks, m.WordIDs(), thisTimes[m.Lang])
	if len(ts) == 0 {
		return nil
	}
	hs := phrasesIn(toks, m.WordIDs(), hopes[m.Lang])
	folded := lint.Folded(m.Lang, m.Body.Text)
	var out []lint.Match
	for _, t := range ts {
		if t.Last < 0 {
			continue
		}
		if k := neighbour(toks, t.Last, 1); k >= 0 && toks[k].Kind == lint.Word && thisTimeToo[m.Lang][toks[k].Norm] {
			continue
		}
		i := sentenceOf(sents, t.Span.Start)
		s := sents[i]
		// An invitation: exclaimed, or to an event of ours ("bu dəfə
		// seminarımıza qatılacaqsınız!").
		if strings.Contains(m.Body.Text[s.Start:s.End], "!") {
			continue
		}
		hope := slices.ContainsFunc(hs, func(h lint.Match) bool { return sentenceOf(sents, h.Span.Start) == i })
		conduct, plain, denial := false, true, false
		for k := tokenAt(toks, s.Start); k >= 0 && k < len(toks) && toks[k].End <= s.End; k++ {
			w := toks[k]
			if w.Kind == lint.Number {
				plain = false
			}
			if w.Kind != lint.Word {
				continue
			}
			if startsWithAny(w.Norm, sincereThanks[m.Lang]) || startsWithAny(w.Norm, suffered[m.Lang]) {
				plain = false
			}
			if m.Lang == lint.English {
				denial = denial || conductDenied[m.Lang][w.Norm] || strings.HasSuffix(w.Norm, "n't")
			} else {
				for e := range conductDenied[m.Lang] {
					if len(w.Norm) > len(e)+1 && hasEnding(m.Lang, w.Norm, e, folded) {
						denial = true
					}
				}
			}
			if conductEndings[m.Lang] == nil {
				if startsWithAny(w.Norm, feelingStems[m.Lang]) {
					plain = false
				}
				conduct = true // what we would appreciate is the customer's conduct
				continue
			}
			for e := range conductEndings[m.Lang] {
				if len(w.Norm) > len(e)+1 && hasEnding(m.Lang, w.Norm, e, folded) {
					mt := lint.Match{Span: lint.Span{Start: w.Start, End: w.End}, First: k, Last: k}
					if c.denied(m, mt) && !denial {
						continue
					}
					// The feeling is the verb's own or the word's before it:
					// "beğeneceğinize", "razı qalacağınıza".
					if p := neighbour(toks, k, -1); startsWithAny(w.Norm, feelingStems[m.Lang]) || p >= 0 && toks[p].Kind == lint.Word && startsWithAny(toks[p].Norm, feelingStems[m.Lang]) {
						plain = false
					}
					conduct = true
				}
			}
		}
		if plain && conduct && hope && denial {
			out = append(out, t)
		}
	}
	return out
}

// phrasesIn finds the phrases of a word set in a message's words, each a
// run of words in a row (word sets, not cue lists: the learnt scorer does
// not read them); phrases are the set's phrases by their first word, ids
// the tokens' word ids (m.WordIDs(), sliced as toks is), or nil for a run
// of tokens whose ids are not at hand (each first word is then looked up
// by its text).
func phrasesIn(toks []lint.Token, ids []lint.WordID, phrases *firstWords) []lint.Match {
	if phrases == nil {
		return nil
	}
	var out []lint.Match
	for k := range toks {
		t := &toks[k] // not copied: most words start no phrase
		if t.Kind != lint.Word {
			continue
		}
		var id lint.WordID
		if ids != nil {
			id = ids[k]
		}
		// A word met before is read here, with no call (firstWords.of).
		var starts [][]string
		if p := phrases.byID.Get(id); p != nil {
			starts = *p
		} else {
			starts = phrases.of(t.Norm, id)
		}
		for _, words := range starts {
			last, ok := k, true
			for _, w := range words[1:] {
				if last = neighbour(toks, last, 1); last < 0 || toks[last].Kind != lint.Word || toks[last].Norm != w {
					ok = false
					break
				}
			}
			if ok {
				out = append(out, lint.Match{Cue: strings.Join(words, " "), Span: lint.Span{Start: t.Start, End: toks[last].End}, First: k, Last: last})
			}
		}
	}
	return out
}

// byFirstWord splits a word set's phrases into words, by language and
// first word.
func byFirstWord(sets map[lint.Lang]map[string]bool) map[lint.Lang]*firstWords {
	out := map[lint.Lang]*firstWords{}
	for l, set := range sets {
		out[l] = &firstWords{by: map[string][][]string{}}
		for _, p := range slices.Sorted(maps.Keys(set)) {
			words := strings.Fields(p)
			out[l].by[words[0]] = append(out[l].by[words[0]], words)
		}
	}
	return out
}

// A petition to what cannot answer: our future, the phrases of asking,
// informing or meeting (English) and what may follow the addressee;
// in Turkish and Azerbaijani the addressee's stems and case endings, the
// stems of asking, our future endings and what keeps the addressee out
// of the petition (see petitioned).
var (
	petitionOurs       = sarcasmData.WordSets("petition_ours")
	petitionPhrases    = byFirstWord(sarcasmData.WordSets("petition_phrases"))
	petitionAddressees = sarcasmData.WordSets("petition_addressees")
	petitionAddressed  = byFirstWord(petitionAddressees)
	petitionAfter      = sarcasmData.WordSets("petition_after")
	petitionOracles    = sarcasmData.WordSets("petition_oracles")
	petitionPlurals    = sarcasmData.WordSets("petition_plurals")
	petitionCases      = sarcasmData.WordSets("petition_cases")
	petitionStems      = sarcasmData.WordSets("petition_stems")
	petitionOracleStem = sarcasmData.WordSets("petition_oracle_stems")
	petitionEndings    = sarcasmData.WordSets("petition_endings")
	petitionClause     = sarcasmData.WordSets("petition_clause")
	petitionBlocks     = sarcasmData.WordSets("petition_blocks")
	petitionCustomer   = sarcasmData.WordSets("petition_customer")
	// The addressees' stems a language, sorted, with the bytes they
	// start with: most words are passed over by their first byte.
	petitionStemsOf = func() map[lint.Lang]*stemTable {
		out := map[lint.Lang]*stemTable{}
		for l, set := range petitionAddressees {
			t := &stemTable{}
			for _, st := range slices.Sorted(maps.Keys(set)) {
				t.byFirst[st[0]] = append(t.byFirst[st[0]], st)
			}
			out[l] = t
		}
		return out
	}()
)

// stemTable holds sorted stems by their first byte: a word is compared
// only with the stems that start as it does (the check runs on every word
// of every Turkish and Azerbaijani message).
type stemTable struct {
	byFirst [256][]string
}

// petitioned is a mock offer to petition what cannot answer: nature, an
// animal, a tool, the stars or a fortune-teller asked, informed, written
// to or met by us ("we'll ask the cows to hurry up", "aya bir dilekçe
// yazacağız", "inəklərdən soruşarıq", "ölçünü falçıdan öyrənərik"). In
// English our future (petition_ours) comes before the phrase of asking
// (petition_phrases) in its sentence, the addressee right after it, and
// after the addressee the sentence ends or goes on with what the
// addressee is asked (addressee_end, petition_after; not "ask the goat
// farmer"). In Turkish and Azerbaijani the addressee is a stem with its
// case ending (petition_plurals, petition_cases), not a given name nor
// before a postposition (petition_blocks: "yağmurdan dolayı"), then,
// within six words with nothing of the customer's (petition_customer)
// nor a clause (petition_clause) between, a stem of asking
// (petition_stems; of learning only from a fortune-teller) on a word
// that or whose next word has our future, aorist or present ending
// (petition_endings). Word sets, not cue lists: the learnt scorer does
// not read them.
func (c *customer) petitioned(m *lint.Message, found cuesFound) []lint.Match {
	return notIn(m, c.petitionedAny(m, found), lint.Promo)
}

// petitionedAny is petitioned for a message of any kind.
func (c *customer) petitionedAny(m *lint.Message, found cuesFound) []lint.Match {
	if petitionAddressees[m.Lang] == nil {
		return nil
	}
	sents, toks := m.Sentences(), m.Tokens()
	text := m.Body.Text
	word := func(i int) bool { return i >= 0 && i < len(toks) && toks[i].Kind == lint.Word }
	named := func(i int) bool {
		r, _ := utf8.DecodeRuneInString(text[toks[i].Start:])
		a, _ := utf8.DecodeRuneInString(text[toks[i].End:])
		return unicode.IsUpper(r) && tokenAt(toks, sents[sentenceOf(sents, toks[i].Start)].Start) != i ||
			strings.ContainsAny(text[toks[i].Start:toks[i].End], "'’") || a == '\'' || a == '’'
	}
	var out []lint.Match
	if m.Lang == lint.English {
		in := func(list sarcasmList, i int) bool {
			return slices.ContainsFunc(found[list], func(n lint.Match) bool { return n.First == i })
		}
		for _, p := range phrasesIn(toks, m.WordIDs(), petitionPhrases[m.Lang]) {
			s := sents[sentenceOf(sents, p.Span.Start)]
			ours := false
			for k := tokenAt(toks, s.Start); k < p.First; k++ {
				ours = ours || word(k) && petitionOurs[m.Lang][toks[k].Norm]
			}
			n := neighbour(toks, p.Last, 1)
			if !ours || !word(n) || named(n) {
				continue
			}
			last := -1
			if in(lsNature, n) || in(lsAnimal, n) {
				last = n
			}
			for _, a := range phrasesIn(toks[n:min(n+4, len(toks))], m.WordIDs()[n:min(n+4, len(toks))], petitionAddressed[m.Lang]) {
				if a.First == 0 {
					last = max(last, n+a.Last)
				}
			}
			if last < 0 {
				continue
			}
			if a := neighbour(toks, last, 1); word(a) && !c.addresseeEnd[m.Lang][toks[a].Norm] && !petitionAfter[m.Lang][toks[a].Norm] {
				continue
			}
			out = append(out, lint.Match{Cue: p.Cue, Span: lint.Span{Start: p.Span.Start, End: toks[last].End}, First: p.First, Last: last})
		}
		return out
	}
	l := m.Lang
	// addressee reports whether a word is a stem of petition_addressees
	// with a case ending, and whether it is a fortune-teller.
	byFirst := &petitionStemsOf[l].byFirst
	addressee := func(w string) (ok, oracle bool) {
		if w == "" {
			return false, false
		}
		for _, st := range byFirst[w[0]] {
			rest, found := strings.CutPrefix(w, st)
			if !found {
				continue
			}
			for cs := range petitionCases[l] {
				pre, isCase := strings.CutSuffix(rest, cs)
				if isCase && (pre == "" || petitionPlurals[l][pre]) {
					return true, petitionOracles[l][st]
				}
			}
		}
		return false, false
	}
	for i, t := range toks {
		if t.Kind != lint.Word {
			continue
		}
		ok, oracle := addressee(t.Norm)
		if !ok || named(i) {
			continue
		}
		if n := neighbour(toks, i, 1); word(n) && startsWithAny(toks[n].Norm, petitionBlocks[l]) {
			continue
		}
		s := sents[sentenceOf(sents, t.Start)]
		k, words := i, 0
		for words < 6 {
			if k = neighbour(toks, k, 1); k < 0 || toks[k].Start >= s.End {
				break
			}
			if toks[k].Kind != lint.Word {
				if strings.ContainsAny(text[toks[k].Start:toks[k].End], ",;:") {
					break
				}
				continue
			}
			words++
			w := toks[k].Norm
			if petitionCustomer[l][w] || endsWithAny(w, petitionClause[l]) {
				break
			}
			if !startsWithAny(w, petitionStems[l]) && !(oracle && startsWithAny(w, petitionOracleStem[l])) {
				continue
			}
			v := k
			if !endsWithAny(w, petitionEndings[l]) {
				v = neighbour(toks, k, 1)
				if !word(v) || !endsWithAny(toks[v].Norm, petitionEndings[l]) {
					continue
				}
			}
			out = append(out, lint.Match{Cue: t.Norm, Span: lint.Span{Start: t.Start, End: toks[v].End}, First: i, Last: v})
			break
		}
	}
	return out
}

// Impossible terms granted: the openers of a yes and the terms no one
// could meet, by language (see stackedTerms).
var (
	grantedOpeners = byFirstWord(sarcasmData.WordSets("granted_openers"))
	grantedTerms   = byFirstWord(sarcasmData.WordSets("granted_terms"))
)

// stackedTerms is a yes to terms no one could meet: a sentence opened by
// granted_openers that lists two or more of granted_terms, each in its
// own part between commas ("Certainly, in two minutes, on New Year's Eve,
// for free.", "Tabii, gece üçte, ücretsiz, iki dakikada hallederiz");
// one such term is a sincere offer as often ("Of course, delivery is
// free"), and so is a list with no yes before it. Word sets, not cue
// lists: the learnt scorer does not read them.
func stackedTerms(m *lint.Message) []lint.Match {
	return notIn(m, stackedTermsAny(m), lint.Promo)
}

// stackedTermsAny is stackedTerms for a message of any kind.
func stackedTermsAny(m *lint.Message) []lint.Match {
	openers := grantedOpeners[m.Lang]
	if openers == nil {
		return nil
	}
	sents, toks, ids := m.Sentences(), m.Tokens(), m.WordIDs()
	// Only a sentence's first word may open the yes.
	opened := false
	for _, s := range sents {
		if k := tokenAt(toks, s.Start); k < len(toks) && toks[k].Kind == lint.Word && openers.of(toks[k].Norm, ids[k]) != nil {
			opened = true
			break
		}
	}
	if !opened {
		return nil
	}
	terms := phrasesIn(toks, m.WordIDs(), grantedTerms[m.Lang])
	if len(terms) < 2 {
		return nil
	}
	var out []lint.Match
	for _, o := range phrasesIn(toks, ids, openers) {
		i := sentenceOf(sents, o.Span.Start)
		if tokenAt(toks, sents[i].Start) != o.First {
			continue
		}
		// The parts between commas that hold a term, after the opener.
		parts := map[int]bool{}
		for _, t := range terms {
			if sentenceOf(sents, t.Span.Start) != i || t.Span.Start < o.Span.End {
				continue
			}
			parts[strings.Count(m.Body.Text[o.Span.End:t.Span.Start], ",")] = true
		}
		if len(parts) >= 2 {
			out = append(out, o)
		}
	}
	return out
}
