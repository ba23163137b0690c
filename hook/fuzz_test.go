package hook

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/policy"
)

var fuzzNow = clock{now: time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC), skew: 2 * time.Minute}

func FuzzParseCheck(f *testing.F) {
	f.Add([]byte(`{"conversation":"a","channel":"messenger","actor":"bot","at":"2026-11-23T10:00:00Z","message":{"text":"hi","kind":"promo","lang":"tr","quick_replies":[{"title":"x"}],"buttons":["y"]}}`))
	f.Add([]byte(`{"conversation":5}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		sd, err := parseCheck(data, fuzzNow)
		if err == nil && (sd.event.Conversation == "" || sd.event.Channel == "") {
			t.Fatalf("accepted without conversation or channel: %+v", sd.event)
		}
	})
}

// FuzzDecodeCheck holds the one-pass reader of check bodies to
// encoding/json's strict decoding: whatever body it takes, it reads as
// decodeStrict does.
func FuzzDecodeCheck(f *testing.F) {
	f.Add([]byte(`{"conversation":"a","channel":"messenger","actor":"bot","at":"2026-11-23T10:00:00Z","record":true,"message":{"text":"hi","kind":"promo","lang":"tr","messaging_type":"UPDATE","tag":"","template":"t","quick_replies":["x"],"buttons":[]}}`))
	f.Add([]byte(` { "conversation" : "ş" , "message" : { "quick_replies" : [ "a" , "b" ] } } `))
	f.Add([]byte(`{"conversation":"a","record":false,"record":true}`))
	f.Add([]byte(`{"conversation":"a\u0062","Channel":"x","message":{"buttons":[{"title":"y"}]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var fast CheckRequest
		if !fastCheck(data, &fast) {
			return
		}
		var strict CheckRequest
		if err := decodeStrict(data, &strict); err != nil {
			t.Fatalf("%q: read by the fast path, refused by encoding/json: %v", data, err)
		}
		if diff := cmp.Diff(strict, fast); diff != "" {
			t.Fatalf("%q: fast path differs from encoding/json (-strict +fast):\n%s", data, diff)
		}
	})
}

func FuzzParseSendAPI(f *testing.F) {
	f.Add([]byte(`{"recipient":{"id":"1"},"messaging_type":"MESSAGE_TAG","tag":"HUMAN_AGENT","message":{"text":"hi"}}`))
	f.Add([]byte(`{"messaging_product":"whatsapp","to":"9940","type":"template","template":{"name":"x"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		sd, err := parseSendAPI(data, lint.Messenger, policy.Agent, fuzzNow.now)
		if err == nil && sd.event.Conversation == "" {
			t.Fatal("accepted without a recipient")
		}
	})
}

func FuzzParseEvents(f *testing.F) {
	f.Add([]byte(`{"time":"2026-11-23T10:00:00Z","conversation":"a","channel":"sms","direction":"in","actor":"customer","type":"stop","zone":"Europe/Berlin"}`))
	f.Fuzz(func(_ *testing.T, data []byte) { parseEvents(data, fuzzNow) })
}

// FuzzCheckKeys compares the byte scanner with encoding/json's own token
// reader: on any body, both find the same key twice (or none).
func FuzzCheckKeys(f *testing.F) {
	f.Add([]byte(`{"a":{"b":[{"c":1,"C":2}]},"d":"e"}`), false)
	f.Add([]byte(`[{"x":1},{"x":1}]`), true)
	f.Add([]byte(`{"a\u0062":1,"ab":2, "s": "\"k\":", "K": {"\u212a":1,"k":0}}`), true)
	f.Fuzz(func(t *testing.T, data []byte, exact bool) {
		got := checkKeys(data, exact) != nil
		want := !utf8.Valid(data) || json.Valid(data) && tokenKeysBad(data, exact)
		if got != want {
			t.Fatalf("checkKeys(%q, %v) refused: %v; encoding/json's tokens say %v", data, exact, got, want)
		}
	})
}

// tokenKeysBad is the reference: every object's keys read by
// encoding/json's tokenizer.
func tokenKeysBad(data []byte, exact bool) bool {
	dec := json.NewDecoder(bytes.NewReader(data))
	var walk func() bool
	walk = func() bool {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		switch tok {
		case json.Delim('['):
			for dec.More() {
				if walk() {
					return true
				}
			}
		case json.Delim('{'):
			var keys []string
			for dec.More() {
				kt, _ := dec.Token()
				k, _ := kt.(string)
				for _, seen := range keys {
					if strings.EqualFold(seen, k) {
						return true
					}
				}
				if exact && !lowerASCII([]byte(k)) {
					return true
				}
				keys = append(keys, k)
				if walk() {
					return true
				}
			}
		default:
			return false
		}
		dec.Token()
		return false
	}
	return walk()
}

// FuzzServer sends any body to every endpoint of a running hook: it must
// answer, never panic, and never with a 500.
func FuzzServer(f *testing.F) {
	h := newHarness(f, nil)
	paths := []string{"/v1/check", "/v1/messenger/check", "/v1/events", "/webhook/messenger"}
	f.Add(uint8(0), []byte(`{"conversation":"a","channel":"sms","message":{"text":"Hi! STOP?","lang":"az"}}`))
	f.Add(uint8(1), []byte(`{"recipient":{"id":"1"},"message":{"text":"hi","quick_replies":[{"title":"ok"}]}}`))
	f.Add(uint8(2), []byte(`{"time":"2026-11-23T10:00:00Z","conversation":"a","channel":"messenger","direction":"in","actor":"customer","type":"referral"}`))
	f.Add(uint8(3), []byte(`{"object":"page","entry":[{"messaging":[{"sender":{"id":"1"},"timestamp":1,"message":{"text":"x"}}]}]}`))
	f.Fuzz(func(t *testing.T, which uint8, body []byte) {
		path := paths[int(which)%len(paths)]
		req := httptest.NewRequest("POST", path, strings.NewReader(string(body)))
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("X-Hub-Signature-256", Sign(secret, body))
		w := httptest.NewRecorder()
		h.srv.ServeHTTP(w, req)
		if w.Code >= 500 {
			t.Fatalf("%s: %d %s", path, w.Code, w.Body.String())
		}
	})
}

// FuzzPlainString holds the eight-byte scan of a string's bytes to the
// byte-at-a-time test it replaces.
func FuzzPlainString(f *testing.F) {
	for _, s := range []string{"", "a", "Merhaba! Siparişiniz yarın", "1234567\\", "\x1f2345678901234", "abcdefghij\x00", "\x7f\x80\xff ", "12345678\t"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, s []byte) {
		want := true
		for _, c := range s {
			if c < 0x20 || c == '\\' {
				want = false
			}
		}
		if got := plainString(s); got != want {
			t.Errorf("plainString(%q) = %v, want %v", s, got, want)
		}
	})
}
