package policy

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/msglint/msglint/lint"
)

// webhookItem is one entry of a Meta webhook's messaging (or standby) list.
type webhookItem struct {
	Sender    struct{ ID string } `json:"sender"`
	Recipient struct{ ID string } `json:"recipient"`
	Timestamp json.Number         `json:"timestamp"`
	Message   *struct {
		Text   string `json:"text"`
		IsEcho bool   `json:"is_echo"`
		MID    string `json:"mid"`
	} `json:"message"`
	Postback          *json.RawMessage `json:"postback"`
	Reaction          *json.RawMessage `json:"reaction"`
	Referral          *json.RawMessage `json:"referral"`
	Optin             *json.RawMessage `json:"optin"`
	PassThreadControl *json.RawMessage `json:"pass_thread_control"`
	RequestThread     *json.RawMessage `json:"request_thread_control"`

	bad string // why the item could not be read
}

type webhookPayload struct {
	Object string `json:"object"`
	// The items are read one by one (webhookItems), so that one of the
	// wrong shape is a bad item, not a bad payload.
	Entry []struct {
		Messaging []json.RawMessage `json:"messaging"`
		Standby   []json.RawMessage `json:"standby"`
	} `json:"entry"`
}

// WebhookEvents reads a Meta webhook payload ({"object":"page","entry":[…]},
// or one messaging item) as transcript events: messages, postbacks,
// reactions, referrals and opt-ins from the customer; echoes as the page's
// own messages; thread-control passes as hand-offs.
func WebhookEvents(path string, data []byte) ([]Event, error) {
	out, bad, err := webhookEvents(path, data)
	if err != nil {
		return nil, err
	}
	if len(bad) > 0 {
		return nil, bad[0]
	}
	return out, nil
}

// WebhookDelivery reads a delivery as the hook takes it: the events of the
// items that can be read, each with an event id (the message's mid, else a
// digest of the item, which Meta repeats unchanged when it retries), and an
// error for each item that cannot, which the hook acknowledges and logs so
// that Meta does not retry a delivery that can never succeed. err is set
// only when the payload as a whole cannot be read.
func WebhookDelivery(data []byte) (events []Event, bad []error, err error) {
	return webhookEvents("webhook", data)
}

func webhookEvents(path string, data []byte) ([]Event, []error, error) {
	var p webhookPayload
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&p); err != nil {
		return nil, nil, jsonError(path, data, err)
	}
	channel := lint.Messenger
	if p.Object == "instagram" {
		channel = lint.Instagram
	}
	items, offsets, raws, err := webhookItems(data, len(p.Entry) > 0)
	if err != nil {
		return nil, nil, jsonError(path, data, err)
	}
	src := lint.NewSource(path, data)
	var out []Event
	var bad []error
	for i, it := range items {
		line, _ := src.Position(offsets[i])
		if it.bad != "" {
			bad = append(bad, &lint.InputError{Path: path, Line: line, Msg: fmt.Sprintf("messaging item %d: %s", i+1, it.bad)})
			continue
		}
		ms, err := it.Timestamp.Int64()
		if err != nil {
			bad = append(bad, &lint.InputError{Path: path, Line: line, Msg: fmt.Sprintf("messaging item %d: timestamp %q is not milliseconds since 1970", i+1, it.Timestamp)})
			continue
		}
		e := Event{Time: time.UnixMilli(ms).UTC(), Channel: channel, Direction: In, Actor: Customer, Conversation: it.Sender.ID, Line: line}
		e.RawTime = e.Time.Format(time.RFC3339)
		switch {
		case it.Message != nil && it.Message.IsEcho:
			e.Direction, e.Actor, e.Type, e.Text, e.Conversation, e.ID = Out, Agent, Message, it.Message.Text, it.Recipient.ID, it.Message.MID
		case it.Message != nil:
			e.Type, e.Text, e.ID = Message, it.Message.Text, it.Message.MID
		case it.Postback != nil:
			e.Type = Postback
		case it.Reaction != nil:
			e.Type = Reaction
		case it.Referral != nil:
			e.Type = Referral
		case it.Optin != nil:
			e.Type = Optin
		case it.PassThreadControl != nil || it.RequestThread != nil:
			e.Type, e.Direction, e.Actor = Handoff, Out, Agent
		default:
			continue // delivery and read receipts say nothing about the policy
		}
		if e.Conversation == "" {
			bad = append(bad, &lint.InputError{Path: path, Line: line, Msg: fmt.Sprintf("messaging item %d has no sender id", i+1)})
			continue
		}
		e.EventID = "mid:" + e.ID
		if e.ID == "" {
			sum := sha256.Sum256(raws[i])
			e.EventID = "item:" + hex.EncodeToString(sum[:16])
		}
		out = append(out, e)
	}
	// Webhook batches are not always in time order.
	sort.SliceStable(out, func(i, j int) bool { return out[i].Time.Before(out[j].Time) })
	return out, bad, nil
}

// webhookItems decodes the messaging and standby items of a payload (or the
// payload itself, when it is one item) with the file offset of each, walking
// the tokens so that every event keeps its line.
func webhookItems(data []byte, wrapped bool) ([]webhookItem, []int, []json.RawMessage, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var items []webhookItem
	var offs []int
	var raws []json.RawMessage
	item := func() error {
		off := skipSeparators(data, int(dec.InputOffset()))
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return err
		}
		var it webhookItem
		d := json.NewDecoder(bytes.NewReader(raw))
		d.UseNumber()
		if err := d.Decode(&it); err != nil {
			// An item of the wrong shape is one bad item, not a bad payload.
			it = webhookItem{bad: strings.TrimPrefix(err.Error(), "json: ")}
		}
		items, offs, raws = append(items, it), append(offs, off), append(raws, raw)
		return nil
	}
	if !wrapped {
		err := item()
		return items, offs, raws, err
	}
	var skip json.RawMessage
	// {"object":…, "entry":[{"messaging":[item, …], "standby":[…]}, …]}
	walkObject := func(each func(key string) error) error {
		if _, err := dec.Token(); err != nil {
			return err
		}
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return err
			}
			if err := each(fmt.Sprint(k)); err != nil {
				return err
			}
		}
		_, err := dec.Token()
		return err
	}
	walkArray := func(each func() error) error {
		if _, err := dec.Token(); err != nil {
			return err
		}
		for dec.More() {
			if err := each(); err != nil {
				return err
			}
		}
		_, err := dec.Token()
		return err
	}
	err := walkObject(func(key string) error {
		if key != "entry" {
			return dec.Decode(&skip)
		}
		return walkArray(func() error {
			return walkObject(func(key string) error {
				if key != "messaging" && key != "standby" {
					return dec.Decode(&skip)
				}
				return walkArray(item)
			})
		})
	})
	return items, offs, raws, err
}

func skipSeparators(data []byte, off int) int {
	for off < len(data) && strings.IndexByte(" \t\r\n,:", data[off]) >= 0 {
		off++
	}
	return off
}

// jsonError places a payload's syntax error on its line and column; other
// decoding errors are about the payload's shape.
func jsonError(path string, data []byte, err error) error {
	var raw json.RawMessage
	if uerr := json.Unmarshal(data, &raw); uerr != nil {
		var se *json.SyntaxError
		if errors.As(uerr, &se) {
			l, c := lint.NewSource(path, data).Position(max(int(se.Offset)-1, 0))
			return &lint.InputError{Path: path, Line: l, Col: c, Msg: "invalid JSON: " + se.Error()}
		}
		err = uerr
	}
	return &lint.InputError{Path: path, Msg: "invalid webhook payload: " + strings.TrimPrefix(err.Error(), "json: ")}
}
