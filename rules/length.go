package rules

import (
	_ "embed"
	"fmt"
	"maps"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/msglint/msglint/lint"
	"gopkg.in/yaml.v3"
)

var lengthData = loadData("length.yaml")

//go:embed data/limits.yaml
var limitsYAML []byte

// ChannelLimit is one channel's hard limits.
type ChannelLimit struct {
	Text            int    `yaml:"text,omitempty"`
	Unit            string `yaml:"unit,omitempty"` // chars or bytes
	QuickReplyTitle int    `yaml:"quick_reply_title,omitempty"`
	ButtonTitle     int    `yaml:"button_title,omitempty"`
	// QuickReplies and Buttons are how many a message may carry; ButtonText
	// is the longest text of a message with buttons (a button template).
	QuickReplies int  `yaml:"quick_replies,omitempty"`
	Buttons      int  `yaml:"buttons,omitempty"`
	ButtonText   int  `yaml:"button_text,omitempty"`
	SMS          bool `yaml:"sms,omitempty"`
	// Elements is how many cards a generic template may carry, each with a
	// title and subtitle of at most ElementTitle and ElementSubtitle
	// characters and at most ElementButtons buttons.
	Elements        int `yaml:"elements,omitempty"`
	ElementTitle    int `yaml:"element_title,omitempty"`
	ElementSubtitle int `yaml:"element_subtitle,omitempty"`
	ElementButtons  int `yaml:"element_buttons,omitempty"`
	// Profile is the channel's limits on a Page's profile (Messenger
	// Profile API), which replace the message limits there.
	Profile *ProfileLimit `yaml:"profile,omitempty"`
}

// ProfileLimit is the limits on a Messenger Profile: its greeting text,
// how many ice breaker questions, and how many persistent menu items with
// how long a title.
type ProfileLimit struct {
	Greeting    int `yaml:"greeting,omitempty"`
	IceBreakers int `yaml:"ice_breakers,omitempty"`
	MenuItems   int `yaml:"menu_items,omitempty"`
	MenuTitle   int `yaml:"menu_title,omitempty"`
}

// limits are the message limits a profile's limits stand for: the
// greeting is its text, the ice breakers its quick replies, the menu its
// buttons.
func (p *ProfileLimit) limits() ChannelLimit {
	return ChannelLimit{Text: p.Greeting, Unit: "chars", QuickReplies: p.IceBreakers, Buttons: p.MenuItems, ButtonTitle: p.MenuTitle}
}

// LengthOptions configures the length rule.
type LengthOptions struct {
	// MaxSentences is the most sentences a message should have.
	MaxSentences int `yaml:"max_sentences"`
	// MaxChars is the most characters a whole message should have.
	MaxChars int `yaml:"max_chars"`
	// MaxParagraphChars is the most characters one paragraph should have.
	MaxParagraphChars int `yaml:"max_paragraph_chars"`
	// SMSMaxSegments is how many SMS segments a message may take.
	SMSMaxSegments int `yaml:"sms_max_segments"`
	// Limits overrides the channels' hard limits; a channel named here
	// replaces that channel's built-in limits as a whole.
	Limits map[lint.Channel]ChannelLimit `yaml:"limits"`
}

func defaultLength() LengthOptions {
	o := LengthOptions{MaxSentences: 3, MaxChars: 320, MaxParagraphChars: 320, SMSMaxSegments: 1}
	// A copy each time: a config's limits are decoded into the map. The
	// values are replaced whole, never changed, so they may be shared.
	o.Limits = maps.Clone(builtInLimits())
	return o
}

// builtInLimits is data/limits.yaml decoded once: the rule's defaults are
// asked for twice at every start (its Options and New), and each decoding
// was 4% of the start-up of a check. Each channel's sources: (the page
// that states each limit) are data for the reader and the tests, not
// options, and are skipped here.
var builtInLimits = sync.OnceValue(func() map[lint.Channel]ChannelLimit {
	var limits map[lint.Channel]ChannelLimit
	if err := yaml.Unmarshal(limitsYAML, &limits); err != nil {
		panic("rules: bad embedded data/limits.yaml: " + err.Error())
	}
	return limits
})

// Length checks platform limits and how much a customer is asked to read.
var Length = &lint.Rule{
	Name: "length",
	Doc: lint.Doc{
		Title: "message too long for the channel or for the reader",
		Text: `Errors when a message breaks a channel's hard limit: Messenger text over 2000 characters,
Instagram text over 1000 bytes, WhatsApp text over 4096 characters, quick-reply and button titles over
20 characters, more than 13 quick replies or 3 buttons on Messenger and Instagram, the
text of a Messenger button template over 640 characters, a generic template (carousel) on Messenger or Instagram
with more than 10 elements, an element title or subtitle over 80 characters or more than 3 buttons on one element, a Messenger Profile greeting over 160 characters, more
than 4 ice breaker questions, more than 20 persistent menu items or a menu title over 30 characters, or an SMS that needs more segments than allowed (160 plain characters or 70 with any
character outside the GSM alphabet, such as ş, ğ, ı or ə, make one segment). Warns when a message has
more than 3 sentences, or more than 320 characters in one paragraph or in all: a wall of text in a chat.`,
		Why: `The platform refuses or cuts a message over its limit (Messenger Platform Send API reference;
Instagram Messaging; WhatsApp Cloud API). Every extra SMS segment is billed as one more SMS. People read
chat on a phone: short messages that ask one thing get answers; split long ones or link to the details.`,
		Examples: lengthData.Examples,
		Severity: lint.Error,
		Default:  true,
	},
	Options: defaultLength(),
	New: func(node *yaml.Node) (lint.Check, error) {
		o := defaultLength()
		defLimits := o.Limits
		o.Limits = nil
		o, err := lint.DecodeOptions(node, o)
		if err != nil {
			return nil, err
		}
		for ch, l := range defLimits {
			if _, ok := o.Limits[ch]; !ok {
				if o.Limits == nil {
					o.Limits = map[lint.Channel]ChannelLimit{}
				}
				o.Limits[ch] = l
			}
		}
		for ch, l := range o.Limits {
			if _, err := lint.ParseChannel(string(ch)); err != nil {
				return nil, fmt.Errorf("limits: %v", err)
			}
			if l.Unit != "" && l.Unit != "chars" && l.Unit != "bytes" {
				return nil, fmt.Errorf("limits.%s.unit: want chars or bytes, not %q", ch, l.Unit)
			}
		}
		return func(p *lint.Pass) { checkLength(p, &o) }, nil
	},
}

func checkLength(p *lint.Pass, o *LengthOptions) {
	m := p.Msg
	text := m.Body.Text
	lim := o.Limits[m.Channel]
	what := "message"
	if m.Profile && lim.Profile != nil {
		lim, what = lim.Profile.limits(), "greeting"
	}
	if len(m.Buttons) > 0 && lim.ButtonText > 0 && !lim.SMS {
		// A text with buttons is sent as a button template, whose text has
		// its own, shorter limit.
		what, lim.Text, lim.Unit = "button template text", lim.ButtonText, "chars"
	}
	switch {
	case lim.SMS:
		checkSMS(p, text, o.SMSMaxSegments)
	case lim.Text > 0 && lim.Unit == "bytes" && len(text) > lim.Text:
		cut := lim.Text
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		p.Report(lint.Diagnostic{
			Span:       lint.Span{Start: cut, End: len(text)},
			Message:    fmt.Sprintf("message is %d bytes; %s allows %d (%d over)", len(text), m.Channel.Title(), lim.Text, len(text)-lim.Text),
			Suggestion: "split it into two messages",
		})
	case lim.Text > 0 && len(text) > lim.Text: // no more characters than bytes
		if n := utf8.RuneCountInString(text); n > lim.Text {
			p.Report(lint.Diagnostic{
				Span:       lint.Span{Start: runeOffset(text, lim.Text), End: len(text)},
				Message:    fmt.Sprintf("%s is %d characters; %s allows %d (%d over)", what, n, m.Channel.Title(), lim.Text, n-lim.Text),
				Suggestion: splitAdvice(what, n, lim.Text),
			})
		}
	}
	checkCounts(p, lim)
	checkElements(p, lim)
	for _, t := range []struct {
		kind   lint.PartKind
		fields []lint.Field
		max    int
		what   string
	}{{lint.QuickReply, m.QuickReplies, lim.QuickReplyTitle, "quick reply"}, {lint.Button, m.Buttons, lim.ButtonTitle, partName(m, "button", "menu item")}} {
		for i, f := range t.fields {
			if n := utf8.RuneCountInString(f.Text); t.max > 0 && n > t.max {
				p.Report(lint.Diagnostic{
					Part:       lint.Part{Kind: t.kind, Index: i},
					Span:       lint.Span{Start: runeOffset(f.Text, t.max), End: len(f.Text)},
					Message:    fmt.Sprintf("%s title is %d characters; %s shows %d (%d over)", t.what, n, m.Channel.Title(), t.max, n-t.max),
					Suggestion: fmt.Sprintf("shorten it to %d characters", t.max),
				})
			}
		}
	}
	checkReadability(p, text, o)
}

// partName is what a message's part is called: in a message, or in a
// Page's profile.
func partName(m *lint.Message, inMessage, inProfile string) string {
	if m.Profile {
		return inProfile
	}
	return inMessage
}

// splitAdvice says how to bring a text of n characters under limit.
func splitAdvice(what string, n, limit int) string {
	switch what {
	case "greeting":
		return fmt.Sprintf("shorten it to %d characters", limit)
	case "button template text":
		return fmt.Sprintf("shorten it to %d characters, or send the text on its own before the buttons", limit)
	}
	return fmt.Sprintf("split it into %d messages", (n+limit-1)/limit)
}

// checkCounts reports quick replies and buttons past what the channel
// shows, at the first one too many. Buttons count in a message with text (a
// button template): a generic template's buttons belong to its elements,
// three to each.
func checkCounts(p *lint.Pass, lim ChannelLimit) {
	m := p.Msg
	if m.Body.Text == "" && !m.Profile {
		lim.Buttons = 0
	}
	for _, t := range []struct {
		kind     lint.PartKind
		n, limit int
		what     string
	}{{lint.QuickReply, len(m.QuickReplies), lim.QuickReplies, partName(m, "quick replies", "ice breaker questions")}, {lint.Button, len(m.Buttons), lim.Buttons, partName(m, "buttons", "persistent menu items")}} {
		if t.limit > 0 && t.n > t.limit {
			p.Report(lint.Diagnostic{
				Part:       lint.Part{Kind: t.kind, Index: t.limit},
				Message:    fmt.Sprintf("%s has %d %s; %s allows %d (%d over)", partName(m, "message", "profile"), t.n, t.what, m.Channel.Title(), t.limit, t.n-t.limit),
				Suggestion: fmt.Sprintf("keep the %d that matter most", t.limit),
			})
		}
	}
}

// checkElements checks a generic template's cards: how many there are,
// how long each title and subtitle is, and how many buttons each carries.
func checkElements(p *lint.Pass, lim ChannelLimit) {
	m := p.Msg
	ch := m.Channel.Title()
	if n := len(m.Elements); lim.Elements > 0 && n > lim.Elements {
		p.Report(lint.Diagnostic{
			Part:       lint.Part{Kind: lint.ElementTitle, Index: lim.Elements},
			Message:    fmt.Sprintf("generic template has %d elements; %s allows %d (%d over)", n, ch, lim.Elements, n-lim.Elements),
			Suggestion: fmt.Sprintf("keep the %d that matter most, or send the rest in a second message", lim.Elements),
		})
	}
	for i, e := range m.Elements {
		for _, t := range []struct {
			kind  lint.PartKind
			text  string
			limit int
			what  string
		}{{lint.ElementTitle, e.Title.Text, lim.ElementTitle, "title"}, {lint.ElementSubtitle, e.Subtitle.Text, lim.ElementSubtitle, "subtitle"}} {
			if n := utf8.RuneCountInString(t.text); t.limit > 0 && n > t.limit {
				p.Report(lint.Diagnostic{
					Part:       lint.Part{Kind: t.kind, Index: i},
					Span:       lint.Span{Start: runeOffset(t.text, t.limit), End: len(t.text)},
					Message:    fmt.Sprintf("element %d's %s is %d characters; %s allows %d (%d over)", i+1, t.what, n, ch, t.limit, n-t.limit),
					Suggestion: fmt.Sprintf("shorten it to %d characters", t.limit),
				})
			}
		}
		if lim.ElementButtons > 0 && e.Buttons > lim.ElementButtons {
			p.Report(lint.Diagnostic{
				Part:       lint.Part{Kind: lint.Button, Index: e.FirstButton + lim.ElementButtons},
				Message:    fmt.Sprintf("element %d has %d buttons; %s allows %d (%d over)", i+1, e.Buttons, ch, lim.ElementButtons, e.Buttons-lim.ElementButtons),
				Suggestion: fmt.Sprintf("keep the %d that matter most", lim.ElementButtons),
			})
		}
	}
}

func checkReadability(p *lint.Pass, text string, o *LengthOptions) {
	warn := func(s lint.Span, msg, fix string) {
		p.Report(lint.Diagnostic{Span: s, Message: msg, Suggestion: fix, Severity: lint.Warning})
	}
	if o.MaxSentences > 0 {
		if ss := p.Msg.Sentences(); len(ss) > o.MaxSentences {
			msg, fix := tooManySentences(len(ss), o.MaxSentences)
			warn(lint.Span{Start: ss[o.MaxSentences].Start, End: len(text)}, msg, fix)
		}
	}
	reported := false
	if o.MaxParagraphChars > 0 && len(text) > o.MaxParagraphChars {
		for _, para := range paragraphs(text) {
			// A text has no more characters than bytes: only a longer one
			// is counted.
			if para.End-para.Start <= o.MaxParagraphChars {
				continue
			}
			if n := utf8.RuneCountInString(text[para.Start:para.End]); n > o.MaxParagraphChars {
				warn(para, fmt.Sprintf("paragraph is %d characters (%d over %d): a wall of text in a chat", n, n-o.MaxParagraphChars, o.MaxParagraphChars),
					"split it into shorter messages or link to the details")
				reported = true
			}
		}
	}
	if o.MaxChars <= 0 || len(text) <= o.MaxChars || reported {
		return
	}
	if n := utf8.RuneCountInString(text); n > o.MaxChars {
		warn(lint.Span{}, fmt.Sprintf("message is %d characters (%d over %d): a wall of text in a chat", n, n-o.MaxChars, o.MaxChars),
			"split it into shorter messages or link to the details")
	}
}

// tooManySentences says that a message of n sentences has more than limit,
// and how to split it. Built by hand, not by fmt: a long message is common
// and this finding with it.
func tooManySentences(n, limit int) (msg, fix string) {
	// The same few counts come back message after message: their words
	// are kept, by n, for the limit they were made for.
	if n < len(sentenceNotes) {
		if s := sentenceNotes[n].Load(); s != nil && s.limit == limit {
			return s.msg, s.fix
		}
	}
	msg, fix = sentenceNote(n, limit)
	if n < len(sentenceNotes) {
		sentenceNotes[n].Store(&sentenceWords{limit: limit, msg: msg, fix: fix})
	}
	return msg, fix
}

// sentenceWords are tooManySentences' words for a count and a limit.
type sentenceWords struct {
	limit    int
	msg, fix string
}

// sentenceNotes keep tooManySentences' words by the count of sentences.
var sentenceNotes [64]atomic.Pointer[sentenceWords]

// sentenceNote writes tooManySentences' words.
func sentenceNote(n, limit int) (msg, fix string) {
	// Both in one string: one allocation, not two.
	var room [160]byte
	b := append(room[:0], "message has "...)
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, " sentences; chat messages read best with "...)
	b = strconv.AppendInt(b, int64(limit), 10)
	b = append(b, " or fewer"...)
	k := len(b)
	b = append(b, "split it into "...)
	b = strconv.AppendInt(b, int64((n+limit-1)/limit), 10)
	b = append(b, " messages or cut it to "...)
	b = strconv.AppendInt(b, int64(limit), 10)
	b = append(b, " sentences"...)
	both := string(b)
	return both[:k], both[k:]
}

// paragraphs splits text at blank lines.
func paragraphs(text string) []lint.Span {
	var out []lint.Span
	start := 0
	for start < len(text) {
		end := len(text)
		next := len(text)
		for i := start; i < len(text); i++ {
			if text[i] != '\n' {
				continue
			}
			j := i + 1
			for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
				j++
			}
			if j < len(text) && text[j] == '\n' {
				end, next = i, j+1
				break
			}
		}
		if s := strings.TrimSpace(text[start:end]); s != "" {
			lead := strings.Index(text[start:end], s)
			out = append(out, lint.Span{Start: start + lead, End: start + lead + len(s)})
		}
		start = next
	}
	return out
}

// GSM 03.38: the basic alphabet (one septet) and its extension (two septets).
const (
	gsmBasic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
		"¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
	gsmExtension = "^{}\\[~]|€\f"
)

// gsmASCII classes the ASCII characters: most of any text, told without
// a search of the alphabets.
var gsmASCII = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		t[c] = gsmSearch(rune(c))
	}
	return t
}()

// The GSM-7 classes of a character.
const (
	gsmNone uint8 = iota // not in GSM-7: the text is sent as UCS-2
	gsmOne               // the basic alphabet
	gsmTwo               // the extension
)

func gsmClass(r rune) uint8 {
	if 0 <= r && r < utf8.RuneSelf {
		return gsmASCII[r]
	}
	return gsmSearch(r)
}

// gsmSearch is gsmClass by a search of the alphabets.
func gsmSearch(r rune) uint8 {
	switch {
	case strings.ContainsRune(gsmBasic, r):
		return gsmOne
	case strings.ContainsRune(gsmExtension, r):
		return gsmTwo
	}
	return gsmNone
}

// firstNonGSM is the offset of the first character that forces UCS-2, or
// -1 if the text is plain GSM-7.
func firstNonGSM(text string) int {
	for off := 0; off < len(text); {
		// Eight characters of the basic alphabet, most of a text, passed
		// over in one step; else the next eight bytes a character at a
		// time.
		if off+8 <= len(text) && smsBasicGSM(smsLoad8(text[off:])) {
			off += 8
			continue
		}
		for stop := min(off+8, len(text)); off < stop; {
			r, w := rune(text[off]), 1
			if r >= utf8.RuneSelf {
				r, w = utf8.DecodeRuneInString(text[off:])
			}
			if gsmClass(r) == gsmNone {
				return off
			}
			off += w
		}
	}
	return -1
}

// smsBasicGSM reports eight bytes (little-endian in x) that are printable
// ASCII and in GSM-7: none a control character (\n, \f and \r are, but
// are left to the slow path), '`' or DEL. TestSMSPlainGSM holds it to
// gsmASCII.
func smsBasicGSM(x uint64) bool {
	g, d := x^'`'*smsOnes, x^0x7F*smsOnes
	return (x|(x-0x20*smsOnes)|(g-smsOnes)&^g|(d-smsOnes)&^d)&smsHigh == 0
}

// smsUnit is a character's size in its encoding's units: UTF-16 units in
// UCS-2, septets in GSM-7.
func smsUnit(r rune, ucs2 bool) int {
	switch {
	case ucs2:
		return utf16.RuneLen(r)
	case gsmClass(r) == gsmTwo:
		return 2
	}
	return 1
}

// smsCapacity is how many units maxSeg segments hold: one whole segment,
// or maxSeg split ones (a split segment gives up a few units to its
// header).
func smsCapacity(ucs2 bool, maxSeg int) int {
	single, per := 160, 153
	if ucs2 {
		single, per = 70, 67
	}
	if maxSeg > 1 {
		return per * maxSeg
	}
	return single
}

// maxSMSUnitsPerByte bounds a text's units by its bytes: a UTF-16 unit
// pair is a 4-byte character, and a GSM-7 character of the extension
// table (two septets) at least one byte.
func maxSMSUnitsPerByte(ucs2 bool) int {
	if ucs2 {
		return 1
	}
	return 2
}

func checkSMS(p *lint.Pass, text string, maxSeg int) {
	if maxSeg <= 0 {
		return
	}
	nonGSM := firstNonGSM(text)
	if len(text)*maxSMSUnitsPerByte(nonGSM >= 0) <= smsCapacity(nonGSM >= 0, maxSeg) {
		return // fits however its characters count: most messages
	}
	capacity := smsCapacity(nonGSM >= 0, maxSeg)
	total, cut := smsCount(text, nonGSM >= 0, capacity)
	single, per, enc := 160, 153, "GSM-7"
	if nonGSM >= 0 {
		single, per, enc = 70, 67, "UCS-2"
	}
	segs := 1
	if total > single {
		segs = (total + per - 1) / per
	}
	if segs <= maxSeg {
		return
	}
	r := rune(-1)
	if nonGSM >= 0 {
		r, _ = utf8.DecodeRuneInString(text[nonGSM:])
	}
	msg, fix := smsOverLimit(segs, enc, per, maxSeg, capacity, r)
	p.Report(lint.Diagnostic{
		Span:       lint.Span{Start: cut, End: len(text)},
		Message:    msg,
		Suggestion: fix,
	})
}

// smsCount is a text's size in SMS units (smsUnit) and the offset of the
// first character that does not fit in capacity units (len(text) when all
// do), in one pass that tells ASCII characters, most of any text, without
// decoding them.
func smsCount(text string, ucs2 bool, capacity int) (total, cut int) {
	cut = len(text)
	for off := 0; off < len(text); {
		// Eight characters of one unit each, most of a text, counted in
		// one step while they fit (or the cut is found); else the next
		// eight bytes a character at a time.
		stop := len(text)
		if off+8 <= len(text) {
			if x := smsLoad8(text[off:]); (ucs2 && x&smsHigh == 0 || !ucs2 && smsPlainGSM(x)) && (total+8 <= capacity || cut != len(text)) {
				total += 8
				off += 8
				continue
			}
			stop = off + 8
		}
		for off < stop {
			u, w := 1, 1
			if c := text[off]; c >= utf8.RuneSelf {
				var r rune
				r, w = utf8.DecodeRuneInString(text[off:])
				u = smsUnit(r, ucs2)
			} else if !ucs2 && gsmASCII[c] == gsmTwo {
				u = 2
			}
			if total+u > capacity && cut == len(text) {
				cut = off
			}
			total += u
			off += w
		}
	}
	return total, cut
}

const smsOnes, smsHigh = 0x0101010101010101, 0x8080808080808080

// smsLoad8 reads eight bytes of s as a little-endian word, one load.
func smsLoad8(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// smsPlainGSM reports eight bytes (little-endian in x) that are ASCII and
// count one unit each in GSM-7: none of the extension's ASCII characters,
// \f and [ \ ] ^ { | } ~ (0x5B-0x5E and 0x7B-0x7E, the same four once
// bit 5 is cleared). TestSMSPlainGSM holds it to gsmASCII.
func smsPlainGSM(x uint64) bool {
	if x&smsHigh != 0 {
		return false
	}
	y := x &^ (0x20 * smsOnes) // each byte below 0x80: no sum below carries
	ext := (y + (0x80-0x5B)*smsOnes) &^ (y + (0x80-0x5F)*smsOnes) & smsHigh
	f := x ^ '\f'*smsOnes
	return ext|(f-smsOnes)&^f&smsHigh == 0
}

// smsOverLimit says that an SMS needs segs segments of per units in enc,
// more than maxSeg, and how to fit capacity: without r, the character
// that needs UCS-2 (-1 for none). Built by hand, not by fmt: an export to
// SMS is full of them.
func smsOverLimit(segs int, enc string, per, maxSeg, capacity int, r rune) (msg, fix string) {
	// Both in one string: one allocation, not two.
	var room [320]byte
	b := append(room[:0], "SMS needs "...)
	b = strconv.AppendInt(b, int64(segs), 10)
	b = append(b, " segments ("...)
	b = append(b, enc...)
	if r >= 0 {
		b = append(b, ` because of "`...)
		b = utf8.AppendRune(b, r)
		b = append(b, '"')
	}
	b = append(b, ", "...)
	b = strconv.AppendInt(b, int64(per), 10)
	b = append(b, " per segment when split); each is billed as one SMS and "...)
	b = strconv.AppendInt(b, int64(maxSeg), 10)
	b = append(b, " allowed"...)
	k := len(b)
	b = append(b, "shorten it to "...)
	b = strconv.AppendInt(b, int64(capacity), 10)
	b = append(b, " characters"...)
	if r >= 0 {
		b = append(b, `, or write it without "`...)
		b = utf8.AppendRune(b, r)
		b = append(b, `" and similar characters to fit 160 per segment`...)
	}
	both := string(b)
	return both[:k], both[k:]
}

func runeOffset(s string, n int) int {
	for off := range s {
		if n == 0 {
			return off
		}
		n--
	}
	return len(s)
}
