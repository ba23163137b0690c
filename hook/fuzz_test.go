package hook

import (
	"encoding/json"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

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

// FuzzCheckKeys: any body is read without a panic, and a body it passes has
// no key twice in one object.
func FuzzCheckKeys(f *testing.F) {
	f.Add([]byte(`{"a":{"b":[{"c":1,"C":2}]},"d":"e"}`))
	f.Add([]byte(`[{"x":1},{"x":1}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if checkKeys(data, false) == nil && json.Valid(data) {
			var m map[string]json.RawMessage
			if json.Unmarshal(data, &m) == nil && strings.Count(string(data), `"`) >= 0 {
				for k := range m {
					if checkKeys([]byte(`{`+strconv.Quote(k)+`:1,`+strconv.Quote(strings.ToUpper(k))+`:2}`), false) == nil {
						t.Fatalf("key %q twice but for case passed", k)
					}
				}
			}
		}
	})
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
