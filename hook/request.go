package hook

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/policy"
)

// CheckRequest is the body of POST /v1/check.
type CheckRequest struct {
	Conversation string `json:"conversation"`
	Channel      string `json:"channel"`
	Actor        string `json:"actor"` // agent (default) or bot
	At           string `json:"at"`    // RFC 3339; default now
	// Record counts an allowed draft as sent, for the frequency rules and
	// the response time; senders that post their sends to /v1/events or
	// receive Meta's message echoes leave it off.
	Record  bool  `json:"record"`
	Message Draft `json:"message"`
}

// Draft is the message a sender is about to send.
type Draft struct {
	Text          string `json:"text"`
	Kind          string `json:"kind"`
	Lang          string `json:"lang"`
	MessagingType string `json:"messaging_type"`
	Tag           string `json:"tag"`
	Template      string `json:"template"` // an approved template's name (WhatsApp)
	QuickReplies  titles `json:"quick_replies"`
	Buttons       titles `json:"buttons"`
}

// titles reads ["Yes","No"] or Send API objects [{"title":"Yes",…}].
type titles []string

func (t *titles) UnmarshalJSON(data []byte) error {
	var plain []string
	if err := json.Unmarshal(data, &plain); err == nil {
		*t = plain
		return nil
	}
	var objs []struct {
		Title string `json:"title"`
	}
	if err := json.Unmarshal(data, &objs); err != nil {
		return errors.New("expected a list of titles or of objects with a title")
	}
	for _, o := range objs {
		*t = append(*t, o.Title)
	}
	return nil
}

// send is a parsed check: the event the policy rules judge and the draft
// the template rules read.
type send struct {
	event        policy.Event
	text         string
	quickReplies []string
	buttons      []string
	record       bool
	// clientTime is set when the check is judged at a time the client gave.
	clientTime bool
	// template is a WhatsApp template send; extra are the findings about
	// its parameters against the registered template.
	template *templateSend
	extra    []lint.Finding
	// draftOnly says the draft's message was made from its texts and
	// fields alone (a /v1/check), so the template rules' findings may
	// come from the draft cache; a Send API body's positions are in the
	// body.
	draftOnly bool
}

// clock is what the hook knows of time when it reads a request: now, how
// far clocks may differ, and whether a check may ask about any time.
type clock struct {
	now    time.Time
	skew   time.Duration
	whatIf bool
}

// future refuses a time more than the skew ahead of now.
func (c clock) future(what string, t time.Time) error {
	if t.After(c.now.Add(c.skew)) {
		return fmt.Errorf("%s: %s is %s ahead of the hook's clock (%s); times more than %s in the future are refused",
			what, t.Format(time.RFC3339), t.Sub(c.now).Round(time.Second), c.now.UTC().Format(time.RFC3339), c.skew)
	}
	return nil
}

// maxID is the longest id the hook takes, in bytes.
const maxID = 256

// checkID refuses an id that is not valid UTF-8 or longer than maxID bytes.
func checkID(what, id string) error {
	switch {
	case len(id) > maxID:
		return fmt.Errorf("%s: %d bytes long; ids are at most %d bytes", what, len(id), maxID)
	case !utf8.ValidString(id):
		return fmt.Errorf("%s: not valid UTF-8", what)
	}
	return nil
}

// parseCheck reads and validates a /v1/check body.
func parseCheck(data []byte, c clock) (*send, error) { return parseCheckOf(data, false, c) }

// parseCheckOf is parseCheck; given says the body is the hook's to keep
// and is never written again (the check route's own read of it), so the
// strings read are cut from it rather than from a copy of it.
func parseCheckOf(data []byte, given bool, c clock) (*send, error) {
	var req CheckRequest
	if err := decodeCheckOf(data, given, &req); err != nil {
		return nil, err
	}
	if strings.TrimSpace(req.Conversation) == "" {
		return nil, errors.New("conversation: required (the person's id on the channel, e.g. the PSID)")
	}
	if err := checkID("conversation", req.Conversation); err != nil {
		return nil, err
	}
	ch, err := lint.ParseChannel(req.Channel)
	if req.Channel == "" {
		err = errors.New("required")
	}
	if err != nil {
		return nil, fmt.Errorf("channel: %v", err)
	}
	actor, err := parseActor(req.Actor)
	if err != nil {
		return nil, err
	}
	at := c.now
	if req.At != "" {
		if at, err = time.Parse(time.RFC3339, req.At); err != nil {
			return nil, fmt.Errorf("at: %q is not an RFC 3339 time such as 2026-11-23T10:00:00Z", req.At)
		}
		// A check answers for now: a time far from it would judge a send
		// against a window or a tag that no longer applies.
		off := at.Sub(c.now).Abs()
		switch {
		case c.whatIf && req.Record && off > c.skew:
			return nil, errors.New("at: a check at another time than now (what-if) cannot be recorded")
		case !c.whatIf && off > c.skew:
			return nil, fmt.Errorf("at: %s is %s from the hook's clock (%s); a check's time may differ by at most %s (the server's --what-if flag allows any time)",
				at.Format(time.RFC3339), off.Round(time.Second), c.now.UTC().Format(time.RFC3339), c.skew)
		}
	}
	d := &req.Message
	// The event is filled in where the send keeps it, field by field: an
	// event made here and copied there would sit in parseCheck's frame,
	// on the deepest of a check's calls (the body's reader, under it).
	sd := &send{text: d.Text, quickReplies: d.QuickReplies, buttons: d.Buttons, record: req.Record, clientTime: req.At != ""}
	e := &sd.event
	// A check's event has no RawTime: it is the text of a transcript's or
	// a delivery's time, for their messages, and no rule reads it.
	e.Time, e.Conversation, e.Channel, e.Direction, e.Actor = at, req.Conversation, ch, policy.Out, actor
	e.Type, e.Text, e.MessagingType, e.Tag, e.Template = policy.Message, d.Text, d.MessagingType, d.Tag, d.Template
	if d.Kind != "" {
		if e.Kind, err = lint.ParseKind(d.Kind); err != nil {
			return nil, fmt.Errorf("message.kind: %v", err)
		}
	}
	if d.Lang != "" {
		if e.Lang, err = lint.ParseLang(d.Lang); err != nil {
			return nil, fmt.Errorf("message.lang: %v", err)
		}
	}
	if d.Text == "" && len(d.QuickReplies) == 0 && len(d.Buttons) == 0 && d.Template == "" {
		return nil, errors.New("message: has no text, quick replies, buttons or template")
	}
	return sd, nil
}

func parseActor(s string) (policy.Actor, error) {
	switch policy.Actor(s) {
	case "", policy.Agent:
		return policy.Agent, nil
	case policy.BotActor:
		return policy.BotActor, nil
	}
	return "", fmt.Errorf("actor: %q is not agent or bot", s)
}

// sendBody is what the hook reads of a Send API body besides its texts.
type sendBody struct {
	Recipient struct {
		ID      string `json:"id"`
		UserRef string `json:"user_ref"`
	} `json:"recipient"`
	MessagingType    string        `json:"messaging_type"`
	Tag              string        `json:"tag"`
	MessagingProduct string        `json:"messaging_product"` // WhatsApp Cloud API
	To               string        `json:"to"`
	Type             string        `json:"type"`
	Template         *templateSend `json:"template"`
}

// parseSendAPI reads the recipient and the policy fields of a Send API body
// (Messenger, Instagram) or a WhatsApp Cloud API message.
func parseSendAPI(data []byte, ch lint.Channel, actor policy.Actor, now time.Time) (*send, error) {
	var b sendBody
	if err := checkKeys(data, false); err != nil {
		return nil, err
	}
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, jsonError(data, err)
	}
	e := policy.Event{Time: now, RawTime: now.Format(time.RFC3339), Channel: ch, Direction: policy.Out, Actor: actor, Type: policy.Message,
		MessagingType: b.MessagingType, Tag: b.Tag}
	if strings.EqualFold(b.MessagingProduct, "whatsapp") {
		e.Channel, e.Conversation = lint.WhatsApp, b.To
		if b.Template != nil {
			e.Template = b.Template.Name
			if e.Template == "" {
				e.Template = "template"
			}
		}
	} else {
		e.Conversation = b.Recipient.ID
		if e.Conversation == "" {
			e.Conversation = b.Recipient.UserRef
		}
	}
	if e.Conversation == "" {
		return nil, errors.New("recipient.id (or WhatsApp's to): required")
	}
	if err := checkID("recipient", e.Conversation); err != nil {
		return nil, err
	}
	return &send{event: e, template: b.Template}, nil
}

// parseEvents reads a /v1/events body: transcript events, one JSON object
// per line.
func parseEvents(data []byte, c clock) ([]policy.Event, error) {
	var out []policy.Event
	for n, line := range bytes.Split(data, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		e, err := policy.ParseEvent(line)
		if err == nil {
			err = checkKeys(line, true)
		}
		for _, id := range [][2]string{{"conversation", e.Conversation}, {"id", e.ID}, {"event_id", e.EventID}} {
			if err == nil {
				err = checkID(id[0], id[1])
			}
		}
		if err == nil {
			err = c.future("time", e.Time)
		}
		if err != nil {
			return nil, fmt.Errorf("line %d: %v", n+1, err)
		}
		out = append(out, e)
	}
	if len(out) == 0 {
		return nil, errors.New("no events: send one JSON event per line")
	}
	return out, nil
}

func decodeStrict(data []byte, v any) error {
	if err := checkKeys(data, true); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(data, err)
	}
	if dec.More() {
		return errors.New("more than one JSON value in the body")
	}
	return nil
}

// checkKeys refuses what encoding/json lets through silently: a key twice
// in one object (the last would win) or twice but for case, and, when
// exact, a key that is not lower-case ASCII (encoding/json matches a
// field's name in any case, even by Unicode folding, so "Record" or
// "recorſ" would set a field). Syntax errors are left for the decoder to
// name. It scans the bytes once and allocates nothing for a body of a
// usual depth.
func checkKeys(data []byte, exact bool) error {
	// encoding/json would turn invalid bytes into U+FFFD, so that two
	// different ids read as one.
	if !utf8.Valid(data) {
		return errors.New("the body is not valid UTF-8")
	}
	if !json.Valid(data) {
		return nil
	}
	var keyBuf [32][]byte
	var openBuf [16]int
	keys := keyBuf[:0]   // the keys of the open objects, innermost last
	opens := openBuf[:0] // where each open object's keys start in keys; -1 for an array
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '{':
			opens = append(opens, len(keys))
		case '[':
			opens = append(opens, -1)
		case '}', ']':
			if from := opens[len(opens)-1]; from >= 0 {
				keys = keys[:from]
			}
			opens = opens[:len(opens)-1]
		case '"':
			start := i
			for i++; data[i] != '"'; i++ {
				if data[i] == '\\' {
					i++
				}
			}
			j := i + 1
			for j < len(data) && (data[j] == ' ' || data[j] == '\t' || data[j] == '\r' || data[j] == '\n') {
				j++
			}
			if j == len(data) || data[j] != ':' {
				continue // a value
			}
			k := data[start+1 : i]
			if bytes.IndexByte(k, '\\') >= 0 {
				var u string
				if json.Unmarshal(data[start:i+1], &u) == nil {
					k = []byte(u)
				}
			}
			for _, seen := range keys[opens[len(opens)-1]:] {
				if bytes.EqualFold(seen, k) { // Unicode folding, as encoding/json matches
					return fmt.Errorf("bad JSON near byte %d: key %q appears twice in one object (as %q and %q)", start, k, seen, k)
				}
			}
			if exact && !lowerASCII(k) {
				return fmt.Errorf("bad JSON near byte %d: key %q: keys are lower-case ASCII", start, k)
			}
			keys = append(keys, k)
		}
	}
	return nil
}

func lowerASCII(k []byte) bool {
	for _, c := range k {
		if c >= 0x80 || c >= 'A' && c <= 'Z' {
			return false
		}
	}
	return true
}

// jsonError names the line and column of a syntax or type error.
func jsonError(data []byte, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	off := -1
	switch {
	case errors.As(err, &se):
		off = int(se.Offset)
	case errors.As(err, &te):
		off = int(te.Offset)
		err = fmt.Errorf("%s: expected %s, got %s", te.Field, te.Type, te.Value)
	}
	if off < 0 || off > len(data) {
		return fmt.Errorf("bad JSON: %s", strings.TrimPrefix(err.Error(), "json: "))
	}
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := off - bytes.LastIndexByte(before, '\n')
	return fmt.Errorf("bad JSON at line %d col %d: %v", line, col, err)
}
