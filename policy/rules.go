package policy

import (
	"fmt"
	"time"

	"github.com/msglint/msglint/lint"
	"gopkg.in/yaml.v3"
)

// Rules are the conversation rules: they judge transcripts, not single
// templates. goodbye, greeting, forwarding-consent and bot-handoff also judge
// transcripts, with the same detectors as on templates; they are in package
// rules.
func Rules() []*lint.Rule {
	return []*lint.Rule{Window, MessageTag, Frequency, ResponseTime}
}

// WindowOptions configures the window rule; its channel table is the one
// every conversation rule uses.
type WindowOptions struct {
	// Channels replaces a channel's built-in policy as a whole.
	Channels Profiles `yaml:"channels,omitempty"`
	// Zone is the recipient's time zone for SMS quiet hours when the
	// transcript does not give one.
	Zone string `yaml:"zone"`
}

func (o WindowOptions) profiles() (Profiles, error) {
	p := DefaultProfiles()
	for ch, prof := range o.Channels {
		if _, err := lint.ParseChannel(string(ch)); err != nil {
			return nil, fmt.Errorf("channels: %v", err)
		}
		p[ch] = prof
	}
	if _, err := loadZone(o.Zone); err != nil {
		return nil, fmt.Errorf("zone: unknown time zone %q", o.Zone)
	}
	return p, nil
}

// noCheck is the per-template check of a conversation rule: a single
// template has no time line, so there is nothing to look at.
func noCheck(*lint.Pass) {}

func validating[T any](defaults T, valid func(T) error) func(*yaml.Node) (lint.Check, error) {
	return func(node *yaml.Node) (lint.Check, error) {
		o, err := lint.DecodeOptions(node, defaults)
		if err == nil && valid != nil {
			err = valid(o)
		}
		if err != nil {
			return nil, err
		}
		return noCheck, nil
	}
}

var examples = func(en, tr, az [2]string) map[lint.Lang]lint.Example {
	return map[lint.Lang]lint.Example{
		lint.English: {Bad: en[0], Good: en[1]}, lint.Turkish: {Bad: tr[0], Good: tr[1]}, lint.Azerbaijani: {Bad: az[0], Good: az[1]},
	}
}

// Window flags a send outside the channel's messaging window.
var Window = &lint.Rule{
	Name: "window",
	Doc: lint.Doc{
		Title: "message sent outside the channel's messaging window",
		Text: `In a transcript, flags a brand message sent when the channel does not allow it: on Messenger
more than 24 hours after the customer's last message, postback, reaction, referral or opt-in (7 days when
the conversation started from a Click-to-Messenger ad) without a valid message tag; on Instagram outside 24
hours without HUMAN_AGENT; on WhatsApp outside the 24-hour customer-service window without an approved
template; on SMS inside quiet hours (21:00-08:00 in the recipient's time zone), after the customer replied
STOP, or as a first message with no opt-out wording. It says which event opened the last window, when it
closed, and by how much the send missed it.`,
		Why: `Meta refuses sends outside the window and may restrict the page; WhatsApp refuses free-form
messages outside the customer-service window; SMS at night or after STOP breaks the law in many countries
(TCPA, CTIA). The channel table (policy/data/channels.yaml) names the source of each rule and dates each
tag, so a transcript is judged by the rules in force when it happened.`,
		Examples: examples(
			[2]string{"A promo sent 3 days after the customer's last message, with no tag.", "A reply within 24 hours of the customer's message."},
			[2]string{"Müşterinin son mesajından 3 gün sonra etiketsiz gönderilen kampanya.", "Müşterinin mesajından sonraki 24 saat içinde verilen yanıt."},
			[2]string{"Müştərinin son mesajından 3 gün sonra teqsiz göndərilən kampaniya.", "Müştərinin mesajından sonrakı 24 saat ərzində verilən cavab."}),
		Severity: lint.Error,
		Default:  true,
	},
	Options: WindowOptions{Zone: "UTC"},
	New:     validating(WindowOptions{Zone: "UTC"}, func(o WindowOptions) error { _, err := o.profiles(); return err }),
}

// MessageTag flags a message tag used where it does not apply.
var MessageTag = &lint.Rule{
	Name: "message-tag",
	Doc: lint.Doc{
		Title: "message tag used where it does not apply",
		Text: `In a transcript, flags a message tag that does not apply: a tag the channel does not know, a
tag no longer accepted (CONFIRMED_EVENT_UPDATE, POST_PURCHASE_UPDATE and ACCOUNT_UPDATE from 2026-04-27),
HUMAN_AGENT sent by a bot, a tag on a message sent as an in-window RESPONSE, MESSAGE_TAG with no tag, and
promotional content in a tagged message (found by the cta rule's detector: a call to action with the words
of an offer).`,
		Why: `Tags exist for specific non-promotional updates; Meta rejects expired tags with error 100 and
restricts pages that send promotions under a tag.`,
		Examples: examples(
			[2]string{"HUMAN_AGENT tag on a bot's \"20% off, shop now!\"", "A person's reply under HUMAN_AGENT within 7 days."},
			[2]string{"Botun \"%20 indirim, hemen alın!\" mesajında HUMAN_AGENT etiketi", "Bir çalışanın 7 gün içinde HUMAN_AGENT ile yanıtı."},
			[2]string{"Botun \"20% endirim, indi alın!\" mesajında HUMAN_AGENT teqi", "Əməkdaşın 7 gün ərzində HUMAN_AGENT ilə cavabı."}),
		Severity: lint.Error,
		Default:  true,
	},
	New: validating(struct{}{}, nil),
}

// FrequencyOptions configures the frequency rule.
type FrequencyOptions struct {
	MaxUnanswered int      `yaml:"max_unanswered"`
	Period        Duration `yaml:"period"`
	PromoMax      int      `yaml:"promo_max"`
	PromoPeriod   Duration `yaml:"promo_period"`
}

var defaultFrequency = FrequencyOptions{MaxUnanswered: 3, Period: Duration(24 * time.Hour), PromoMax: 1, PromoPeriod: Duration(24 * time.Hour)}

// Frequency flags messaging a person too often.
var Frequency = &lint.Rule{
	Name: "frequency",
	Doc: lint.Doc{
		Title: "messaging a person too often",
		Text: `In a transcript, flags a brand message that is one too many: more than 3 messages within 24
hours without a reply from the customer, or more than 1 promotion within 24 hours (all configurable).`,
		Why: `Unanswered messages in a row read as spam: people block or report the page, which lowers its
reach and can get it restricted.`,
		Examples: examples(
			[2]string{"Four reminders in a day to a customer who has not answered.", "One reminder, then wait for the customer."},
			[2]string{"Yanıt vermeyen müşteriye bir günde dört hatırlatma.", "Bir hatırlatma, sonra müşterinin yanıtını bekleyin."},
			[2]string{"Cavab verməyən müştəriyə bir gündə dörd xatırlatma.", "Bir xatırlatma, sonra müştərinin cavabını gözləyin."}),
		Severity: lint.Warning,
		Default:  true,
	},
	Options: defaultFrequency,
	New: validating(defaultFrequency, func(o FrequencyOptions) error {
		if o.MaxUnanswered < 1 || o.PromoMax < 0 || o.Period <= 0 || o.PromoPeriod <= 0 {
			return fmt.Errorf("max_unanswered must be at least 1, promo_max at least 0, periods positive")
		}
		return nil
	}),
}

// ResponseTimeOptions configures the response-time rule.
type ResponseTimeOptions struct {
	// FirstResponse is the longest a customer should wait for a first answer.
	FirstResponse Duration `yaml:"first_response"`
	// Rate is the share of customer messages that should be answered.
	Rate float64 `yaml:"rate"`
	// Within is how soon a reply must come to count as an answer.
	Within Duration `yaml:"within"`
}

var defaultResponse = ResponseTimeOptions{FirstResponse: Duration(15 * time.Minute), Rate: 0.9, Within: Duration(24 * time.Hour)}

// ResponseTime flags slow first responses and a low response rate.
var ResponseTime = &lint.Rule{
	Name: "response-time",
	Doc: lint.Doc{
		Title: "slow first response or low response rate",
		Text: `In a transcript, flags a first response that came later than 15 minutes after the customer's
message, and a conversation whose response rate (customer messages answered within 24 hours) is below 90%.
msglint stats prints the same figures per channel and in total.`,
		Why: `These are the figures behind Messenger's "Very responsive to messages" badge (a 90% response
rate and a 15-minute response time); customers expect chat to be fast.`,
		Examples: examples(
			[2]string{"A first answer 2 hours after the customer wrote.", "A first answer within 15 minutes."},
			[2]string{"Müşteri yazdıktan 2 saat sonra gelen ilk yanıt.", "15 dakika içinde verilen ilk yanıt."},
			[2]string{"Müştəri yazandan 2 saat sonra gələn ilk cavab.", "15 dəqiqə ərzində verilən ilk cavab."}),
		Severity: lint.Warning,
		Default:  true,
	},
	Options: defaultResponse,
	New: validating(defaultResponse, func(o ResponseTimeOptions) error {
		if o.Rate < 0 || o.Rate > 1 || o.FirstResponse <= 0 || o.Within <= 0 {
			return fmt.Errorf("rate must be between 0 and 1 and durations positive")
		}
		return nil
	}),
}
