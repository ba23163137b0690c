package rules

import (
	"encoding/binary"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/dict"
	"github.com/msglint/msglint/lint/morph"
	"gopkg.in/yaml.v3"
)

var (
	shoutingData    = loadData("shouting.yaml")
	shoutingLexicon = Lexicon(shoutingData.Lexicon)
)

// ShoutingOptions configures the shouting rule.
type ShoutingOptions struct {
	// Allow adds words that may be written in capitals (brand names, codes).
	Allow []string `yaml:"allow"`
}

// Shouting flags words and sentences in capitals and runs of !! or ??.
var Shouting = &lint.Rule{
	Name: "shouting",
	Doc: lint.Doc{
		Title: "words in capitals or runs of !! and ??",
		Text: `Flags words written in capitals ("PLEASE", "FAILED", "BU MESAJA CEVAP VERMEYİN") and runs of
exclamation or question marks ("!!!", "??", "?!"). Acronyms are not shouting: known ones (FAQ, PDF, QR,
TL, AZN, SKU), any capitals that are not a word of the message's language or have no vowel (KYC,
APN, PNR, SMTP), in Turkish and Azerbaijani two to four that no word of the language is shaped like
(two consonants first, two vowels alone, a syllable closed by a voiced stop: SLA, İİ, IDP), that the dictionary lists in capitals (ROM, GNU) or that stand in a list with an
acronym ("PDF or DOCX"), two or three capitals after "your" or "the" ("your MOT"), capitals alone in
brackets after what they stand for ("(VIN)"), two capitals before a name or a number ("EA Sports", "FC
25"), two to four before an institution's name ("DOST mərkəzinə", "YÖK kuruluna"); nor are codes (BREW10, XX-1234, GOV.UK, SW1A 2AA), Roman numerals after a name (Charles III) or
of I, V and X (XIX), an HTTP method before a request ("a POST request"), a protocol's name before a server
or an API ("a REST API", "TURN sunucusu"), a key's name after "press" or "use" ("Use ENTER to send"),
the keys of a shortcut joined by "+" and the same key named again ("SHIFT + ENTER sends, ENTER starts a new line";
not "ENTER the code", nor capitals joined by "+" with no key or to a word that is no key, "BUY 1 + GET 1 FREE",
"ESCAPE + UNWIND"),
logical operators joined by a slash ("AND/OR", "VƏ/VƏ YA"), a holder's name after "©", single letters, the keyword in
"Reply YES", "Reply with STOP", "KATIL yaz", "HAYIR yazarsanız" or "GOLF sözünü yazıb göndərin" (a word named so only before a verb of typing or sending, and
not a determiner: "HER kelimesini okuyun", "VERDİYİMİZ sözü tuturuq", "ASLA kelimesi yok" shout; not the verb's adverb of time, insistence
or manner: "Reply NOW", "HEMEN yazın", "MUTLAKA yazın", "AYRINTILI yazarsanız" shout), a command after "Usage:", the text on a control ("click the ADD NOTE button") or in
quotes, a heading's label ("DEBUG: Feature flags"), words inside placeholders of any syntax
({{name}}, {NAME}, %NAME%, *|FNAME|*, markup), and a whole message that is a short label (a button or
a status). A word after "is" or "are" shouts even when it is also an abbreviation ("results are IN"), and so does an adverb of
time ("outside NOW", "the sale is on NOW"; not "NOW TV", nor a service's name after "on", "with" or "via":
"stream it on NOW").
Add your brand names and codes to the allow list.`,
		Why: `In chat, capitals and stacked punctuation read as shouting and make a brand sound angry or
pushy; one "!" is enough.`,
		Examples: shoutingData.Examples,
		Severity: lint.Warning,
		Default:  true,
	},
	Options: ShoutingOptions{},
	Lexicon: shoutingData.Lexicon,
	New: func(node *yaml.Node) (lint.Check, error) {
		o, err := lint.DecodeOptions(node, ShoutingOptions{})
		if err != nil {
			return nil, err
		}
		w := shoutingData.WordSets
		sh := &shouting{allow: map[string]bool{}, keywordBefore: anyLang(shoutingData, "keyword_before"), keywordAfter: anyLangFolded(shoutingData, "keyword_after"),
			keywordVerbs: anyLangFolded(shoutingData, "keyword_verbs"), keywordVerbEndings: anyLangFolded(shoutingData, "keyword_verb_endings"),
			protocols: anyLang(shoutingData, "protocols"), keys: anyLang(shoutingData, "keys"), keyVerbs: anyLang(shoutingData, "key_verbs"),
			keyNouns: w("key_nouns"), channels: anyLang(shoutingData, "channels"), channelBefore: w("channel_before"), channelAfter: w("channel_after"),
			keywordLinks: anyLang(shoutingData, "keyword_links"), keywordFollow: anyLang(shoutingData, "keyword_follow"),
			words: inDictionary, listed: listedInCapitals, coordinators: w("coordinators"), controls: w("controls"),
			methods: w("http_methods"), requests: w("requests"), usage: w("usage"), determiners: w("determiners"),
			calendar: w("calendar"), nameApostrophes: w("name_apostrophes"), copulas: w("copulas"), timeAdverbs: w("time_adverbs"), namePrepositions: w("name_prepositions"),
			denominal: w("denominal_verbs"), organisations: w("organisations"), objectEndings: endingSets(ctaData.WordSets("accusative_endings")), answerNouns: w("answer_nouns"),
			insistAdverbs: w("insist_adverbs"), mannerEndings: w("manner_endings"), datives: w("dative_pronouns"),
			keywordNames: anyLangFolded(shoutingData, "keyword_names"), keywordDeterminers: w("keyword_determiners")}
		for _, w := range append(shoutingLexicon["all"]["acronyms"], o.Allow...) {
			sh.allow[lint.TurkicCasing.Lower(w)] = true
			sh.allow[strings.ToLower(w)] = true
		}
		return sh.check, nil
	},
}

// shouting is the rule's check with its word sets.
type shouting struct {
	allow map[string]bool // acronyms and the config's words, lower case by either casing (ID: id, ıd)
	// Words before or after which a word in capitals is a keyword to type,
	// not shouting: "Reply YES", "EVET yazın", "BƏLİ yazın". They hold in
	// every language: a message in one language quotes another's keyword.
	keywordBefore, keywordAfter map[string]bool
	// keywordVerbs, keywordVerbEndings: the stems of the verbs of writing
	// and sending a keyword (yaz-, gönder-, göndər-) and the endings of
	// their instructions and conditions ("HAYIR yazarsanız", "BƏLİ
	// yazsanız", "KATIL yazmanız yeterli"), folded and unfolded, in every
	// language as keywordAfter.
	keywordVerbs, keywordVerbEndings map[string]bool
	// keywordNames: the nouns that name the word before them as a word
	// ("OKU kelimesini", "OXU sözünü"); a keyword only when a keyword verb
	// follows within three words in its clause ("… yazıp gönderin") and the
	// capitals are no determiner (keywordDeterminers: "HER kelimesini
	// okuyun", "HƏR sözünü"): "söz" is also a promise ("VERDİYİMİZ sözü
	// tuturuq") and a word may be named to talk about it ("ASLA kelimesi
	// yok").
	keywordNames       map[string]bool
	keywordDeterminers map[lint.Lang]map[string]bool
	// objectEndings: the accusative (cta's accusative_endings), an object
	// before a keyword_after verb that leaves the capitals between no
	// keyword, unless the object is one of answerNouns: the answer the
	// keyword is ("yanıtını EVET yaz").
	objectEndings map[lint.Lang]*endingSet
	answerNouns   map[lint.Lang]map[string]bool
	// insistAdverbs, mannerEndings: see verbAdverb. datives: the personal
	// pronouns in the dative, which may stand between the object and the
	// capitals ("qutunu bizə TƏCİLİ göndərin").
	insistAdverbs, mannerEndings, datives map[lint.Lang]map[string]bool
	// keywordLinks may stand between a keyword_before word and the
	// keyword: "Reply with STOP", "send the word JOIN".
	keywordLinks map[string]bool
	// keywordFollow: words that may follow a linked keyword ("Reply with
	// STOP to opt out").
	keywordFollow map[string]bool
	// words reports whether a word (lower case) is a word of a language,
	// not an acronym: the spelling dictionary's answer.
	words func(l lint.Lang, lower string) (known, ok bool)
	// listed reports whether a dictionary lists a word in capitals, as
	// Hunspell lists acronyms (ROM, GNU, KOBİ).
	listed func(l lint.Lang, w string) bool
	// Per language: words that join two items of a list (PDF and DOCX);
	// nouns for a control of a screen, by stem (the ADD button, EKLE
	// düğmesini); the HTTP methods and the nouns after them (a POST
	// request).
	coordinators, controls, methods, requests map[lint.Lang]map[string]bool
	// usage are the labels of a command's synopsis: the capitals after
	// "Usage:" are the command to type (Usage: AWAY [<reason>]).
	usage map[lint.Lang]map[string]bool
	// determiners: words before a noun (your, the): two or three capitals
	// after one are an acronym.
	determiners map[lint.Lang]map[string]bool
	// calendar: the days and months, words the dictionary has only with a
	// capital (Friday), shouted in capitals (FRIDAY).
	calendar map[lint.Lang]map[string]bool
	// nameApostrophes: the apostrophes a language sets an ending off with
	// only after a name or an abbreviation (see suffixedAsName).
	nameApostrophes map[lint.Lang]map[string]bool
	// copulas: forms of "be"; a word after one is a predicate ("results are
	// IN"), shouted even when the dictionary also lists it as an
	// abbreviation (IN for Indiana).
	copulas map[lint.Lang]map[string]bool
	// timeAdverbs: adverbs of time and urgency ("now", "today"), which a
	// message shouts to hurry the reader; see urged.
	timeAdverbs map[lint.Lang]map[string]bool
	// namePrepositions: prepositions that name a place or service; a time
	// adverb in capitals after one is that place's name ("stream it on
	// NOW"), unless a copula stands before them ("the sale is on NOW").
	namePrepositions map[lint.Lang]map[string]bool
	// denominal: the infinitives of the suffixes that make a verb of a noun
	// (blok+la-maq, aktiv+ləş-mək): a word in capitals built so on a
	// dictionary noun is a word the dictionary may not list as a verb
	// (BLOKLANACAQ, ŞİFRƏLƏNİB).
	denominal map[lint.Lang]map[string]bool
	// organisations: stems of the head nouns of an institution's name
	// (mərkəz, klinika, müdürlük); short capitals before one in the compound
	// form (ETM mərkəzinə, SGK müdürlüğü) are the institution's acronym.
	organisations map[lint.Lang]map[string]bool
	// protocols: network protocols whose names are also words (REST, TURN),
	// the protocol's name before a request, a server or an API as an HTTP
	// method is (see method). They hold in every language.
	protocols map[string]bool
	// keys: the names of a keyboard's keys, the key's label in capitals
	// after one of keyVerbs ("Use ENTER to send", "press ESC"); see keyName.
	keys, keyVerbs map[string]bool
	// keyNouns: stems of the noun for a key ("the ESC key", "ENTER tuşu").
	keyNouns map[lint.Lang]map[string]bool
	// channels: messaging channels whose names are also words (LINE), a name
	// only after channelBefore ("on LINE") or before channelAfter stems
	// ("LINE app", "LINE üzerinden"); see channel.
	channels                    map[string]bool
	channelBefore, channelAfter map[lint.Lang]map[string]bool
}

// anyLangFolded is anyLang with each word also as typed without its
// language's own letters ("yazin" for "yazın"), as SMS often is.
func anyLangFolded(d *lint.RuleData, list string) map[string]bool {
	out := map[string]bool{}
	for l, words := range d.WordSets(list) {
		for w := range words {
			out[w] = true
			out[lint.Fold(l, w)] = true
		}
	}
	return out
}

// acronymDictionaries are the dictionaries whose words in capitals count as
// acronyms in a language: its own, English (acronyms cross languages), and
// for Azerbaijani the Turkish one, whose acronyms it shares (KOBİ).
func acronymDictionaries(l lint.Lang) []lint.Lang {
	if l == lint.Azerbaijani {
		return []lint.Lang{l, lint.English, lint.Turkish}
	}
	return []lint.Lang{l, lint.English}
}

// listedInCapitals asks a language's dictionary whether it lists a word
// exactly as written in capitals.
func listedInCapitals(l lint.Lang, w string) bool {
	d, err := dict.For(string(l))
	return err == nil && d.Listed(w)
}

// inDictionary asks a language's spelling dictionary whether a word is one of
// its words; ok is false for a language without a dictionary.
func inDictionary(l lint.Lang, lower string) (known, ok bool) {
	d, err := dict.For(string(l))
	if err != nil {
		return false, false
	}
	return d.Has(lower), true
}

// kind of a word in capitals, by the acronym model: an acronym is capitals
// that are not a word of the language (KYC, APN, PNR, IMAP) or have no
// vowel (SMS, HTML); a word in capitals that the language has (PLEASE,
// ACİL, UĞURSUZ) is shouting.
type capsKind uint8

const (
	notCaps capsKind = iota
	acronym
	shoutedWord
)

// classify tells an acronym from a shouted word. Codes (letters joined to
// digits or another code by - . / _: XX-1234, GOV.UK, THIS_NAME) and
// placeholders of any syntax are not words at all.
func (sh *shouting) classify(m *lint.Message, toks []lint.Token, i int, slots func() []lint.Span) capsKind {
	l, text, t := m.Lang, m.Body.Text, &toks[i] // a token is five words: not copied for each
	if c := text[t.Start]; 'a' <= c && c <= 'z' {
		return notCaps // what shouted says first of most words
	}
	w := text[t.Start:t.End]
	if !shouted(l, w, sh.allow) || joinedCode(text, *t) && !hyphenatedWord(l, text, *t) || m.InPlaceholder(lint.Span{Start: t.Start, End: t.End}) ||
		inSpans(slots(), t.Start) {
		return notCaps
	}
	if i := strings.IndexAny(w, "'’"); i > 0 {
		w = w[:i] // CSV'ye: the suffix is not the word
	}
	n := utf8.RuneCountInString(w)
	if !hasVowel(w) || sh.listedAcronym(l, w) && !sh.predicate(l, toks, i) && !sh.urged(l, text, toks, i) ||
		l != lint.English && (turkicCluster(w) || !turkicShape(w)) ||
		romanNumeral(w) && (afterName(text, toks, i) || n >= 2 && strings.Trim(w, "IVX") == "") ||
		parenthesised(toks, i) || n <= 3 && sh.determined(l, toks, i) || n == 2 && inBrand(text, toks, i) ||
		n <= 4 && sh.namesInstitution(l, toks, i) {
		return acronym
	}
	lower := lint.Lower(l, w)
	known, ok := sh.words(l, lower)
	if !ok {
		return shoutedWord // no dictionary: only the vowel test
	}
	if !known && l != lint.English && n >= 5 {
		known = inflectedWord(l, w, lower, sh.denominal[l]) // an acronym has two to four letters
	}
	if !known && l != lint.English && n >= 4 {
		// English words in capitals: FREE. Two or three letters are an
		// English word only by chance ("EA Sports", "FC").
		known, _ = sh.words(lint.English, strings.ToLower(w))
	}
	if !known && sh.calendar[l][lower] {
		known = true // the dictionary writes days and months with a capital: FRIDAY
	}
	if known && !sh.besideAcronym(l, text, toks, i) && !sh.method(l, toks, i) && !sh.channel(l, text, toks, i) {
		return shoutedWord
	}
	return acronym
}

// inflectedWord: Turkish and Azerbaijani words in capitals are often forms
// the dictionary does not list, its word plus endings the paradigms allow
// (YEMLƏMƏYİN: yemlə- with the negative imperative), a verb made of a
// dictionary noun with one of the denominal suffixes (BLOKLANACAQ:
// blok+la-), or typed with the ASCII I for İ (DIQQET, IPTAL: read as dıqqet,
// ıptal in Turkic casing).
func inflectedWord(l lint.Lang, w, lower string, denominal map[string]bool) bool {
	d, err := dict.For(string(l))
	if err != nil {
		return false
	}
	if ascii := strings.ToLower(w); ascii != lower && d.Has(ascii) {
		return true
	}
	a, err := morph.For(string(l))
	if err != nil {
		return false
	}
	known := func(s string) bool {
		if d.Has(s) {
			return true
		}
		for inf := range denominal {
			// A noun of three letters or more: two (ev+lən-) are too
			// short to tell from an ending.
			if noun, ok := strings.CutSuffix(s, inf); ok && utf8.RuneCountInString(noun) >= 3 && d.Has(noun) {
				return true
			}
		}
		return false
	}
	return a.Inflected(lower, known)
}

// predicate: the word follows a form of "be" ("results are IN", "we're SO
// sorry"): a predicate, which an abbreviation listed in capitals (IN, SO)
// is not.
func (sh *shouting) predicate(l lint.Lang, toks []lint.Token, i int) bool {
	p := neighbour(toks, i, -1)
	return p >= 0 && toks[p].Kind == lint.Word && sh.copulas[l][toks[p].Norm]
}

// namesInstitution: capitals right before an institution's head noun in the
// compound form, its third-person possessive ending with any case after it
// (ETM mərkəzinə, SGK müdürlüğüne, DSMF idarəsi), are the institution's
// acronym even when the dictionary has the letters as a word.
func (sh *shouting) namesInstitution(l lint.Lang, toks []lint.Token, i int) bool {
	n := neighbour(toks, i, 1)
	if n < 0 || n != i+2 || toks[n].Kind != lint.Word {
		return false
	}
	w := toks[n].Norm
	for stem := range sh.organisations[l] {
		if rest, ok := strings.CutPrefix(w, stem); ok && compoundPossessive(rest) {
			return true
		}
	}
	return false
}

// compoundPossessive: an ending that is the third-person possessive of a
// compound noun, -(s)I with any vowel of its harmony, alone or before a
// case (mərkəz-i-nə, klinika-sı, müdürlüğ-ü-ne); not the first or second
// person (merkez-imiz, mərkəz-iniz, merkez-in).
func compoundPossessive(rest string) bool {
	rest = strings.TrimPrefix(rest, "s")
	r, n := utf8.DecodeRuneInString(rest)
	if !strings.ContainsRune("ıiuü", r) {
		return false
	}
	rest = rest[n:]
	if after, ok := strings.CutPrefix(rest, "n"); ok {
		r, n := utf8.DecodeRuneInString(after)
		return after != "" && !(strings.ContainsRune("ıiuü", r) && strings.HasPrefix(after[n:], "z"))
	}
	return !strings.HasPrefix(rest, "m")
}

// listedAcronym: a dictionary lists the word in capitals (ROM, GNU, KOBİ).
func (sh *shouting) listedAcronym(l lint.Lang, w string) bool {
	for _, d := range acronymDictionaries(l) {
		if sh.listed(d, w) {
			return true
		}
	}
	return false
}

// plainAcronym: capitals that are an acronym by themselves: allowed, with no
// vowel, or listed in capitals.
func (sh *shouting) plainAcronym(l lint.Lang, w string) bool {
	return sh.allow[lint.Lower(l, w)] || !hasVowel(w) || sh.listedAcronym(l, w)
}

// besideAcronym: a word in capitals in a list with an acronym is one too
// ("PDF və DOCX", "SMS or MMS", "PDF, DOCX").
func (sh *shouting) besideAcronym(l lint.Lang, text string, toks []lint.Token, i int) bool {
	for _, dir := range []int{-1, 1} {
		j := neighbour(toks, i, dir)
		if j < 0 || !(toks[j].Kind == lint.Word && sh.coordinators[l][toks[j].Norm] || toks[j].Kind == lint.Punct && (toks[j].Norm == "," || toks[j].Norm == "/")) {
			continue
		}
		if k := neighbour(toks, j, dir); k >= 0 && toks[k].Kind == lint.Word {
			if w := text[toks[k].Start:toks[k].End]; allCaps(w) && sh.plainAcronym(l, w) {
				return true
			}
		}
	}
	return false
}

// method: an HTTP method before the word for a request ("a POST request",
// "POST isteği", "POST sorğusu") is the protocol's name for it.
func (sh *shouting) method(l lint.Lang, toks []lint.Token, i int) bool {
	if !sh.methods[l][toks[i].Norm] && !sh.protocols[toks[i].Norm] {
		return false
	}
	j := neighbour(toks, i, 1)
	return j >= 0 && toks[j].Kind == lint.Word && hasStem(toks[j].Norm, sh.requests[l])
}

// hasStem reports whether a word begins with one of the stems.
func hasStem(w string, stems map[string]bool) bool {
	for s := range stems {
		if strings.HasPrefix(w, s) {
			return true
		}
	}
	return false
}

// turkicCluster: a short word with three consonants in a row, which a
// Turkish or Azerbaijani syllable (at most CVCC) cannot make within five
// letters: HACCP.
func turkicCluster(w string) bool {
	if utf8.RuneCountInString(w) > 5 {
		return false
	}
	run := 0
	for _, r := range lint.TurkicCasing.Lower(w) {
		if strings.ContainsRune("aeiouıöüəy", r) {
			run = 0
		} else if run++; run == 3 {
			return true
		}
	}
	return false
}

// turkicShape: whether two to four capitals can be a Turkish or
// Azerbaijani word by the shape of their syllables. A word of the two
// languages does not open with two consonants when it is that short (SLA,
// RPA; loans that do, plan and klub, have four letters), has no two vowels
// side by side in two letters (İİ), and closes no syllable with a voiced
// stop before another consonant, which the languages devoice (IDP, ABD;
// a doubled one is a loan's: hədd, rədd).
// Capitals of another shape are read letter by letter: an acronym, even
// when a dictionary made from crawled text has them in lower case, as the
// Azerbaijani one has sla and ii. Longer words are loans of any shape.
func turkicShape(w string) bool {
	r := []rune(lint.TurkicCasing.Lower(w))
	n := len(r)
	if n < 2 || n > 4 {
		return true
	}
	vowel := func(c rune) bool { return strings.ContainsRune("aeıioöuüə", c) }
	if n <= 3 && !vowel(r[0]) && !vowel(r[1]) {
		return false
	}
	if n == 2 && vowel(r[0]) && vowel(r[1]) {
		return false
	}
	k := n - 2 // the last syllable's close: V + voiced stop + another consonant (not hədd)
	return n < 3 || !(vowel(r[k-1]) && strings.ContainsRune("bcdg", r[k]) && !vowel(r[n-1]) && r[n-1] != r[k])
}

// parenthesised: capitals alone in brackets after what they stand for
// introduce an abbreviation: "şasi numarası (VIN)", "Personal
// Identification Number (PIN)".
func parenthesised(toks []lint.Token, i int) bool {
	p, n := neighbour(toks, i, -1), neighbour(toks, i, 1)
	if p < 0 || n < 0 || toks[p].Norm != "(" || toks[n].Norm != ")" {
		return false
	}
	// Only white space may stand before the bracket: then there is no
	// word it follows.
	before := neighbour(toks, p, -1)
	return before >= 0 && toks[before].Kind == lint.Word
}

// determined: two or three capitals after a determiner are a noun, an
// acronym ("your MOT", "the EA app"); shouting stresses a verb or a
// modifier of five letters or more, or stands without one ("do NOT").
func (sh *shouting) determined(l lint.Lang, toks []lint.Token, i int) bool {
	p := neighbour(toks, i, -1)
	return p >= 0 && toks[p].Kind == lint.Word && sh.determiners[l][toks[p].Norm]
}

// urged: an adverb of time or urgency in capitals hurries the reader
// ("Your car is outside NOW", "Call NOW"), even when the dictionary also
// lists the letters as an abbreviation: the class of the word, an adverb,
// is what is shouted. After a determiner it is a noun ("the NOW
// campaign"), and before a capitalised word or a number part of a name
// ("NOW TV", "TODAY Show"). After a preposition that names a place or a
// service it is that place's name ("available on NOW", "watch it with
// NOW"), unless a copula makes the preposition a particle ("the sale is
// on NOW").
func (sh *shouting) urged(l lint.Lang, text string, toks []lint.Token, i int) bool {
	if !sh.timeAdverbs[l][lint.Lower(l, text[toks[i].Start:toks[i].End])] || sh.determined(l, toks, i) {
		return false
	}
	if p := neighbour(toks, i, -1); p >= 0 && toks[p].Kind == lint.Word && sh.namePrepositions[l][toks[p].Norm] &&
		!sh.predicate(l, toks, p) {
		return false
	}
	if n := neighbour(toks, i, 1); n >= 0 && (toks[n].Kind == lint.Number ||
		toks[n].Kind == lint.Word && upperInitial(text[toks[n].Start:toks[n].End])) {
		return false
	}
	return true
}

// inBrand: two capitals before a capitalised word or a number are part of
// a name ("EA Sports", "FC 25", "LG Electronics").
func inBrand(text string, toks []lint.Token, i int) bool {
	n := neighbour(toks, i, 1)
	if n < 0 || n != i+2 {
		return false // the next word stands after a space
	}
	if toks[n].Kind == lint.Number {
		return true
	}
	w := text[toks[n].Start:toks[n].End]
	return toks[n].Kind == lint.Word && upperInitial(w) && !allCaps(w)
}

// romanRE is a Roman numeral written the standard way.
var romanRE = regexp.MustCompile(`^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$`)

func romanNumeral(w string) bool { return w != "" && romanRE.MatchString(w) }

// afterName: the word follows a capitalised word, as a regnal or serial
// number does ("Charles III", "World War II").
func afterName(text string, toks []lint.Token, i int) bool {
	j := neighbour(toks, i, -1)
	if j < 0 || toks[j].Kind != lint.Word {
		return false
	}
	w := text[toks[j].Start:toks[j].End]
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && !allCaps(w)
}

func hasVowel(w string) bool {
	return strings.ContainsAny(lint.TurkicCasing.Lower(w), "aeiouıöüəy")
}

// joinedCode reports whether a word is glued to a code or an identifier:
// XX-1234, KSK-2024, GOV.UK, SIM_NAME, @HANDLE, a postcode's 2AA.
func joinedCode(text string, t lint.Token) bool {
	if t.Start > 0 && strings.IndexByte("-_./@#$+0123456789", text[t.Start-1]) >= 0 {
		return true
	}
	if t.End < len(text) {
		if c := text[t.End]; c == '_' || c == '@' || c == '/' || c == '+' {
			return true
		}
		// CONFIGURE.md, GOV.UK, XX-1234, and the suffix Azerbaijani joins
		// to an acronym with a hyphen (SMS-i, BOT-u).
		if c := text[t.End]; (c == '-' || c == '.') && t.End+1 < len(text) {
			r, _ := utf8.DecodeRuneInString(text[t.End+1:])
			return unicode.IsLetter(r) || unicode.IsDigit(r)
		}
	}
	return false
}

// hyphenatedWord reports whether a word is part of capitals joined by
// hyphens that, in lower case, the language's dictionary has as one word:
// NON-REFUNDABLE, ALL-INCLUSIVE, ALIŞ-VERİŞ are words in capitals, not codes
// (XX-1234, KQX-ZTR and SMS-i are none: a digit, no such word, a suffix in
// lower case).
func hyphenatedWord(l lint.Lang, text string, t lint.Token) bool {
	isPart := func(r rune) bool { return unicode.IsLetter(r) || r == '-' }
	start, end := t.Start, t.End
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:start])
		if !isPart(r) {
			break
		}
		start -= n
	}
	for end < len(text) {
		r, n := utf8.DecodeRuneInString(text[end:])
		if !isPart(r) {
			break
		}
		end += n
	}
	compound := strings.Trim(text[start:end], "-")
	if !strings.Contains(compound, "-") || !allCaps(compound) {
		return false
	}
	known, _ := inDictionary(l, lint.Lower(l, compound))
	return known
}

// tagRE is markup: words inside a tag (<a class="govuk-link">) are not
// text. Placeholders of every syntax are the shared detector's
// (lint.Message.InPlaceholder).
var tagRE = regexp.MustCompile(`<[^<>\n]+>`)

// placeholderSpans are the markup tags and the bracketed slots ([NAME]) of
// a text, besides the placeholders the shared detector finds.
func placeholderSpans(text string) []lint.Span {
	out := slotSpans(text)
	if strings.Contains(text, "<") {
		for _, loc := range tagRE.FindAllStringIndex(text, -1) {
			out = append(out, lint.Span{Start: loc[0], End: loc[1]})
		}
	}
	return out
}

// shouted reports whether a word is in capitals and not exempt.
func shouted(l lint.Lang, word string, allow map[string]bool) bool {
	letters, upper := 0, 0
	apostrophe := false
	for i, r := range word {
		if r == '\'' || r == '’' {
			// TL'ye: the suffix after the first apostrophe is not the word.
			if !apostrophe && i > 0 {
				word = word[:i]
				break
			}
			apostrophe = true
		}
		if r < utf8.RuneSelf { // most letters: no table to search
			switch {
			case 'a' <= r && r <= 'z':
				return false // a lower-case letter: not in capitals
			case 'A' <= r && r <= 'Z':
				letters++
				upper++
			case '0' <= r && r <= '9':
				return false // a code
			}
			continue
		}
		switch {
		case unicode.IsDigit(r):
			return false // a code
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters >= 2 && upper == letters && !allow[lint.Lower(l, word)] && !allow[strings.ToLower(word)]
}

// firstApostrophe is the offset of a word's first ' or ’, or -1.
func firstApostrophe(word string) int {
	i := strings.IndexByte(word, '\'')
	if j := strings.Index(word, "’"); j >= 0 && (i < 0 || j < i) {
		i = j
	}
	return i
}

func (sh *shouting) check(p *lint.Pass) {
	m := p.Msg
	text := m.Body.Text
	toks := m.Tokens()
	// Placeholders are looked for only once a word in capitals turns up:
	// most messages have none.
	var spans []lint.Span
	found := false
	slots := func() []lint.Span {
		if !found {
			spans, found = placeholderSpans(text), true
		}
		return spans
	}
	var run []int // token indexes of the current run of words in capitals
	nWords := 0   // how many of them are shouted words, not acronyms
	short := 0    // how many of the shouted words have two letters
	flush := func() {
		// Two-letter capitals beside an acronym are initials too ("CC BY").
		if nWords == short && len(run) > nWords {
			nWords = 0
		}
		if len(run) == 0 || nWords == 0 || sh.named(m.Lang, text, toks, run) || sh.operators(m.Lang, text, toks, run) {
			run, nWords, short = run[:0], 0, 0
			return
		}
		s, e := toks[run[0]].Start, toks[run[len(run)-1]].End
		words := text[s:e]
		fix := lint.Lower(m.Lang, words)
		if sentenceStart(toks, run[0]) {
			r, n := utf8.DecodeRuneInString(fix)
			fix = lint.Upper(m.Lang, string(r)) + fix[n:]
		}
		what := "word is"
		if len(run) > 1 {
			what = "words are"
		}
		p.Report(lint.Diagnostic{
			Span:       lint.Span{Start: s, End: e},
			Message:    fmt.Sprintf("%q: %s in capitals, which reads as shouting", words, what),
			Suggestion: fix,
		})
		run, nWords, short = run[:0], 0, 0
	}
	if isLabel(text, toks) || !capitalsAdjacent(text) {
		// A button or a status (VIEW PROFILE, CLOSED): capitals by
		// design; or no word can be in capitals: nothing to classify.
		toks = nil
	}
	for i := range toks {
		t := &toks[i]
		ends := true // the token ends a run of capitals
		switch t.Kind {
		case lint.Word:
			// A run of capitals shouts when one of its words is a word
			// (DO NOT REPLY); a run of acronyms (LHR T5, KYC AML) does not.
			if k := sh.classify(m, toks, i, slots); k != notCaps && !sh.isKeyword(m.Lang, toks, text, i) && !sh.alternativeKeyword(m.Lang, toks, text, i) &&
				!sh.keyName(m.Lang, toks, text, i) && !sh.chordKey(m.Lang, text, toks, i) {
				run = append(run, i)
				if k == shoutedWord {
					nWords++
					if utf8.RuneCountInString(text[t.Start:t.End]) == 2 {
						short++
					}
				}
				continue
			}
		case lint.Space:
			ends = false
		case lint.Punct:
			// A comma, dash, colon or semicolon goes on with the run (a
			// punctuation token is one character).
			switch t.Norm {
			case ",", "-", "–", ":", ";":
				ends = false
			}
		}
		if ends && len(run) > 0 { // with no run, flush has nothing to do
			flush()
		}
	}
	flush()
	// Runs of ! and ?.
	for i := 0; i < len(text); {
		k := indexMark(text[i:])
		if k < 0 {
			break
		}
		i += k
		j := i
		for j < len(text) && (text[j] == '!' || text[j] == '?') {
			j++
		}
		if j-i >= 2 {
			fix := "!"
			if strings.Contains(text[i:j], "?") {
				fix = "?"
			}
			p.Report(lint.Diagnostic{
				Span:       lint.Span{Start: i, End: j},
				Message:    fmt.Sprintf("%q reads as shouting; one %q is enough", text[i:j], fix),
				Suggestion: fix,
			})
		}
		i = j
	}
}

// capitalsAdjacent reports whether a word of text may be in capitals (see
// shouted): whether a capital letter has anything but a lower-case letter
// or a digit right after it. A word in capitals has two letters or more
// before its first apostrophe, all capitals, with no lower-case letter
// or digit among them: its first capital is followed by one of its own
// characters, which is none of those. Most messages capitalise only the
// first letters of sentences and names, so most skip the pass over their
// words.
func capitalsAdjacent(text string) bool {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	i := 0
	for {
		// Eight bytes at a time past those with no capital and no
		// character of two bytes or more: most of a text.
		for ; i+8 <= len(text); i += 8 {
			w := binary.LittleEndian.Uint64([]byte(text[i : i+8]))
			low := w &^ high
			// The high bit of each ASCII byte from A to Z, and of each
			// byte of a longer character.
			if (w|(low+(0x80-'A')*ones)&^(low+(0x80-'Z'-1)*ones))&high != 0 {
				break
			}
		}
		if i >= len(text) {
			return false
		}
		end := min(i+8, len(text))
		for ; i < end; i++ {
			c := text[i]
			switch {
			case c-'A' < 26:
				if !lowerOrDigitAt(text, i+1) {
					return true
				}
			case c >= 0xC0: // a character's first byte of two or more
				r, n := runeAt(text, i)
				if lint.IsUpper(r) && !lowerOrDigitAt(text, i+n) {
					return true
				}
				i += n - 1
			}
		}
	}
}

// lowerOrDigitAt reports whether the character at i of text makes the word
// it is in no word in capitals (see shouted): a lower-case ASCII letter, a
// digit, or another letter that is not a capital.
func lowerOrDigitAt(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	if c := text[i]; c < utf8.RuneSelf {
		return c-'a' < 26 || c-'0' < 10
	}
	r, _ := runeAt(text, i)
	return lint.IsDigit(r) || !lint.IsUpper(r) && unicode.IsLetter(r)
}

// runeAt is the character at i of text and its length: a letter of two
// bytes (ş, ı, ə, Ç) decoded here, the rest by utf8.
func runeAt(text string, i int) (rune, int) {
	if c := text[i]; c >= 0xC2 && c < 0xE0 && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(text[i+1]&0x3F), 2
	}
	return utf8.DecodeRuneInString(text[i:])
}

// indexMark is the offset of the first ! or ? in s, or -1: a search for
// each byte, which is quicker than a test of every byte for both.
func indexMark(s string) int {
	bang := strings.IndexByte(s, '!')
	end := len(s)
	if bang >= 0 {
		end = bang
	}
	if q := strings.IndexByte(s[:end], '?'); q >= 0 {
		return q
	}
	return bang
}

// named reports whether a run of capitals names something rather than
// shouts: a section's label before a colon at the start of a heading
// ("DEBUG: Feature flags"; not an alarm before a sentence, "DİQQƏT: kartınız
// bloklandı."), capitals with an ending set off as a name's (see
// suffixedAsName), the command after a synopsis's label ("Usage: AWAY
// [<reason>]"), a control by the text on it ("the ADD PERSONALIZATION button",
// "EKLE düğmesine"), or a run in quotes ("'+ CREATE ACCOUNT'").
func (sh *shouting) named(l lint.Lang, text string, toks []lint.Token, run []int) bool {
	first, last := run[0], run[len(run)-1]
	prev, next := neighbour(toks, first, -1), neighbour(toks, last, 1)
	if next < 0 {
		return false
	}
	if prev < 0 && toks[next].Kind == lint.Punct && toks[next].Norm == ":" && isLabel(text[toks[next].End:], toks[next+1:]) {
		return true
	}
	if prev >= 0 && toks[prev].Norm == "©" {
		return true // the holder of a copyright: "© AND data"
	}
	if sh.suffixedAsName(l, text[toks[last].Start:toks[last].End]) {
		return true
	}
	if toks[next].Kind == lint.Word && hasStem(toks[next].Norm, sh.controls[l]) {
		return true
	}
	if prev >= 0 && toks[prev].Norm == ":" {
		if label := neighbour(toks, prev, -1); label >= 0 && sh.usage[l][toks[label].Norm] {
			return true
		}
	}
	if prev >= 0 && toks[prev].Kind != lint.Word && !isQuote(toks[prev].Norm) {
		prev = neighbour(toks, prev, -1) // '+ CREATE': a sign on the control
	}
	return prev >= 0 && isQuote(toks[prev].Norm) && isQuote(toks[next].Norm)
}

// suffixedAsName: Turkish and Azerbaijani spelling set an ending off with an
// apostrophe only after a proper name or an abbreviation, so capitals that take
// one are written as a name — a button, a menu, a product ("HİZMET HESABI
// OLUŞTUR'a tıklayın", "BOT'un ayarları") — not shouted. The languages that
// do are the ones with name_apostrophes; English's 's is no such mark (TODAY'S
// DEALS).
func (sh *shouting) suffixedAsName(l lint.Lang, word string) bool {
	i := firstApostrophe(word)
	if i <= 0 {
		return false
	}
	r, n := utf8.DecodeRuneInString(word[i:])
	if !sh.nameApostrophes[l][string(r)] {
		return false
	}
	next, _ := utf8.DecodeRuneInString(word[i+n:])
	return unicode.IsLower(next)
}

// isKeyword: a word in capitals right after "reply"/"type", right before
// "yazın", or alone inside quotes is something to type, not shouting.
func (sh *shouting) isKeyword(l lint.Lang, toks []lint.Token, text string, i int) bool {
	prev, next := neighbour(toks, i, -1), neighbour(toks, i, 1)
	// "Reply YES", but not "DO NOT REPLY TO": the keyword itself in capitals.
	// Up to two linking words may stand between ("Reply with STOP",
	// "send the word JOIN").
	// Linked so, the keyword stands alone: what follows it is no noun it
	// modifies ("reply with URGENT questions").
	alone := next < 0 || toks[next].Kind != lint.Word || sh.keywordFollow[toks[next].Norm]
	for j, k := prev, 0; j >= 0 && toks[j].Kind == lint.Word && k < 3; j, k = neighbour(toks, j, -1), k+1 {
		if sh.keywordBefore[toks[j].Norm] && !allCaps(text[toks[j].Start:toks[j].End]) && (k == 0 || alone) &&
			!sh.verbAdverb(l, text, toks, i) { // "Reply NOW": when, not what
			return true
		}
		if !sh.keywordLinks[toks[j].Norm] {
			break
		}
	}
	if next >= 0 && toks[next].Kind == lint.Word && sh.keywordNames[toks[next].Norm] {
		if sh.keywordDeterminers[l][lint.Lower(l, text[toks[i].Start:toks[i].End])] {
			return false
		}
		for j, k := neighbour(toks, next, 1), 0; j >= 0 && toks[j].Kind == lint.Word && k < 3; j, k = neighbour(toks, j, 1), k+1 {
			if sh.keywordAfter[toks[j].Norm] || sh.keywordVerb(toks[j].Norm) {
				return true
			}
		}
		return false
	}
	if next >= 0 && toks[next].Kind == lint.Word && (sh.keywordAfter[toks[next].Norm] || sh.keywordVerb(toks[next].Norm)) {
		if sh.verbAdverb(l, text, toks, i) {
			return false // "HEMEN yazın", "AYRINTILI yazarsanız": how or when
		}
		// "qəbzin fotosunu TƏCİLİ göndərin": the verb has its object in
		// the accusative already, so the capitals say how, not what; a
		// pronoun in the dative may stand between ("qutunu bizə …").
		if prev >= 0 && toks[prev].Kind == lint.Word && sh.datives[l][toks[prev].Norm] {
			prev = neighbour(toks, prev, -1)
		}
		return prev < 0 || toks[prev].Kind != lint.Word || utf8.RuneCountInString(toks[prev].Norm) < 5 ||
			!hasAnyEnding(l, toks[prev].Norm, sh.objectEndings[l], false) || startsWithAny(toks[prev].Norm, sh.answerNouns[l])
	}
	return prev >= 0 && next >= 0 && isQuote(toks[prev].Norm) && isQuote(toks[next].Norm)
}

// verbAdverb reports whether the capitals at i, right before a verb of
// writing or sending, are the verb's adverb rather than what to write: an
// adverb of time or urgency (timeAdverbs, also of two words: "BU GÜN
// yazsanız"), one of insistence (insistAdverbs: "MUTLAKA yazın"), or a
// word of five letters or more with one of mannerEndings (-lI, -sIz, -CA:
// "AYRINTILI yazarsanız", "PULSUZ göndərsəniz").
func (sh *shouting) verbAdverb(l lint.Lang, text string, toks []lint.Token, i int) bool {
	w := lint.Lower(l, text[toks[i].Start:toks[i].End])
	if sh.timeAdverbs[l][w] || sh.insistAdverbs[l][w] {
		return true
	}
	if p := neighbour(toks, i, -1); p >= 0 && toks[p].Kind == lint.Word &&
		sh.timeAdverbs[l][lint.Lower(l, text[toks[p].Start:toks[p].End])+" "+w] {
		return true
	}
	if utf8.RuneCountInString(w) < 5 {
		return false
	}
	for e := range sh.mannerEndings[l] {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// keywordVerb reports whether a word is one of keywordVerbs with one of
// keywordVerbEndings: an instruction or a condition to write or send what
// stands before it ("HAYIR yazarsanız", "BƏLİ göndərsəniz"); the nouns made
// of the same stems take none of the endings ("yazı", "gönderi").
func (sh *shouting) keywordVerb(w string) bool {
	for i := 1; i < len(w); i++ {
		if sh.keywordVerbs[w[:i]] && sh.keywordVerbEndings[w[i:]] {
			return true
		}
	}
	return false
}

// alternativeKeyword: a word in capitals after "or" that stands alone, when
// a keyword stands before it in its sentence, is the other answer to type:
// "Reply YES to confirm the slot, or NO to rebook".
func (sh *shouting) alternativeKeyword(l lint.Lang, toks []lint.Token, text string, i int) bool {
	prev, next := neighbour(toks, i, -1), neighbour(toks, i, 1)
	if prev < 0 || toks[prev].Kind != lint.Word || !sh.coordinators[l][toks[prev].Norm] ||
		next >= 0 && toks[next].Kind == lint.Word && !sh.keywordFollow[toks[next].Norm] {
		return false
	}
	for j := prev - 1; j >= 0; j-- {
		t := toks[j]
		if t.Kind == lint.Punct && strings.ContainsAny(t.Norm, ".!?") {
			return false
		}
		if t.Kind == lint.Word && allCaps(text[t.Start:t.End]) && sh.isKeyword(l, toks, text, j) {
			return true
		}
	}
	return false
}

func allCaps(w string) bool { return strings.ToUpper(w) == w && strings.ToLower(w) != w }

func isQuote(s string) bool { return strings.Contains(`"'“”‘’«»„`, s) && s != "" }

// neighbour is the index of the nearest token that is not a space, in a direction.
func neighbour(toks []lint.Token, i, dir int) int {
	for j := i + dir; j >= 0 && j < len(toks); j += dir {
		if toks[j].Kind != lint.Space {
			return j
		}
	}
	return -1
}

// sentenceStart reports whether token i begins a sentence.
func sentenceStart(toks []lint.Token, i int) bool {
	j := neighbour(toks, i, -1)
	return j < 0 || toks[j].Kind == lint.Punct && strings.ContainsAny(toks[j].Norm, ".!?")
}

func inSpans(spans []lint.Span, off int) bool {
	for _, s := range spans {
		if off >= s.Start && off < s.End {
			return true
		}
	}
	return false
}

// isLabel reports whether a whole message is a short label: at most three
// words and no sentence punctuation (a button, a tab, a status).
func isLabel(text string, toks []lint.Token) bool {
	words := 0
	for _, t := range toks {
		switch {
		case t.Kind == lint.Word || t.Kind == lint.Number:
			words++
		case t.Kind == lint.Punct && anyByteOf(t.Norm, ".!?:;,"):
			return false
		}
	}
	return words > 0 && words <= 3 && strings.TrimSpace(text) != ""
}

// keyName: a key's name in capitals after a verb of pressing or using ("Use
// ENTER to send", "press ESC to close") is the key's label, not shouting.
func (sh *shouting) keyName(l lint.Lang, toks []lint.Token, text string, i int) bool {
	if !sh.keys[strings.ToLower(text[toks[i].Start:toks[i].End])] {
		return false
	}
	if n := neighbour(toks, i, 1); n >= 0 && toks[n].Kind == lint.Word && hasStem(toks[n].Norm, sh.keyNouns[l]) {
		return true
	}
	p := neighbour(toks, i, -1)
	return p >= 0 && toks[p].Kind == lint.Word && sh.keyVerbs[toks[p].Norm] && !allCaps(text[toks[p].Start:toks[p].End])
}

// chordKey: a word in capitals joined by "+" in a shortcut names a key
// ("SHIFT + ENTER", "CTRL+C", "ALT + F4"): each side of the "+" is one of
// keys, a function key or one letter or digit, and one of them is one of
// keys; a key joined to a word that is no key is a slogan's "+" ("ESCAPE +
// UNWIND", "HOME + GARDEN") and shouts. Once a
// message joins it so, the same word alone elsewhere in it is that key
// ("SHIFT + ENTER sends, ENTER starts a new line"), unless a determiner
// follows it, which makes it a verb ("ENTER the code, then press ENTER +
// SPACE"). "BUY 1 + GET 1 FREE" joins no key.
func (sh *shouting) chordKey(l lint.Lang, text string, toks []lint.Token, i int) bool {
	if strings.IndexByte(text, '+') < 0 {
		return false
	}
	w := text[toks[i].Start:toks[i].End]
	if n := neighbour(toks, i, 1); n >= 0 && toks[n].Kind == lint.Word && sh.determiners[l][toks[n].Norm] {
		return false
	}
	for k, t := range toks {
		if t.Kind != lint.Punct || t.Norm != "+" {
			continue
		}
		a, b := neighbour(toks, k, -1), neighbour(toks, k, 1)
		if a < 0 || b < 0 || toks[a].Kind == lint.Space || toks[b].Kind == lint.Space {
			continue
		}
		x, y := text[toks[a].Start:toks[a].End], text[toks[b].Start:toks[b].End]
		if (x == w || y == w) && sh.chordPart(x) && sh.chordPart(y) && (sh.keys[strings.ToLower(x)] || sh.keys[strings.ToLower(y)]) {
			return true
		}
	}
	return false
}

// chordPart: a side of a shortcut's "+", a key's name in capitals
// ("ENTER"), a function key ("F4", "F12") or one letter or digit ("C",
// "1").
func (sh *shouting) chordPart(s string) bool {
	if allCaps(s) && sh.keys[strings.ToLower(s)] {
		return true
	}
	if n, ok := strings.CutPrefix(s, "F"); ok && len(n) >= 1 && len(n) <= 2 && strings.Trim(n, "0123456789") == "" {
		return true
	}
	return utf8.RuneCountInString(s) == 1 && strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
}

// channel: a messaging channel whose name is also a word (LINE) is the
// channel's name after "on", "via" ("on LINE") or before the word for a
// channel, an app or an account ("LINE app", "LINE üzerinden"); elsewhere it
// is the word ("wait in LINE").
func (sh *shouting) channel(l lint.Lang, text string, toks []lint.Token, i int) bool {
	if !sh.channels[strings.ToLower(text[toks[i].Start:toks[i].End])] {
		return false
	}
	if p := neighbour(toks, i, -1); p >= 0 && toks[p].Kind == lint.Word && sh.channelBefore[l][toks[p].Norm] {
		return true
	}
	n := neighbour(toks, i, 1)
	return n >= 0 && toks[n].Kind == lint.Word && hasStem(toks[n].Norm, sh.channelAfter[l])
}

// operators: a run of coordinators alone in capitals joined by a slash to
// another is the names of logical operators ("AND/OR", "VƏ/VƏ YA
// məntiqi"), not shouting; one alone between lower-case words stresses
// ("bring the form AND your ID").
func (sh *shouting) operators(l lint.Lang, text string, toks []lint.Token, run []int) bool {
	for _, i := range run {
		if !sh.coordinators[l][toks[i].Norm] {
			return false
		}
	}
	slash := false
	for _, end := range []struct{ from, dir int }{{run[0], -1}, {run[len(run)-1], 1}} {
		for k := neighbour(toks, end.from, end.dir); k >= 0; k = neighbour(toks, k, end.dir) {
			t := toks[k]
			if t.Kind == lint.Punct && t.Norm == "/" {
				slash = true
				continue
			}
			if t.Kind == lint.Word && allCaps(text[t.Start:t.End]) && sh.coordinators[l][t.Norm] {
				continue
			}
			break
		}
	}
	return slash
}
