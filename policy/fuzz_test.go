package policy_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/msglint/msglint/lint"
)

func FuzzTranscript(f *testing.F) {
	for _, p := range []string{"messenger", "channels", "conversation"} {
		data, err := os.ReadFile("../testdata/transcripts/" + p + ".jsonl")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	c, _ := checker(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := c.Run("t.jsonl", strings.NewReader(string(data)))
		if err != nil {
			var e *lint.InputError
			if !errors.As(err, &e) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		for _, fd := range res.Findings {
			if fd.Line < 1 || fd.Col < 1 {
				t.Fatalf("finding at %d:%d", fd.Line, fd.Col)
			}
		}
	})
}

func FuzzWebhook(f *testing.F) {
	f.Add([]byte(`{"object":"page","entry":[{"messaging":[{"sender":{"id":"u"},"recipient":{"id":"p"},"timestamp":1772359200000,"message":{"text":"Hi"}},{"sender":{"id":"p"},"recipient":{"id":"u"},"timestamp":1772445600000,"message":{"text":"Hello","is_echo":true}}]}]}`))
	f.Add([]byte(`{"sender":{"id":"u"},"recipient":{"id":"p"},"timestamp":1458692752478,"postback":{"payload":"X"}}`))
	f.Add([]byte(`{"object":"instagram","entry":[{"standby":[{"sender":{"id":"u"},"timestamp":1,"reaction":{}}],"messaging":[]}]}`))
	c, _ := checker(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := c.RunWebhook("h.json", data)
		if err != nil {
			var e *lint.InputError
			if !errors.As(err, &e) {
				t.Fatalf("error of type %T: %v", err, err)
			}
		}
	})
}
