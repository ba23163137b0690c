package hook

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/report"
	"github.com/msglint/msglint/policy"
)

// encoded is what writeJSON writes for v.
func encoded(t *testing.T, v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// FuzzAppendCheck holds the check answer's appender to encoding/json: the
// same bytes for any texts, numbers and times, or a refusal where
// encoding/json refuses.
func FuzzAppendCheck(f *testing.F) {
	f.Add("window", "a \"quoted\" <b>&</b>\n\t\x01\u2028\u2029\xff ş", "c-1", "messenger", 3, int64(1795000000), int64(0), true)
	f.Add("", "", "", "", 0, int64(-70000000000), int64(86399), false)
	f.Fuzz(func(t *testing.T, rule, text, conv, part string, n int, unix, off int64, flag bool) {
		at := time.Unix(unix, int64(n)).In(time.FixedZone("z", int(off%(30*3600))))
		start, end := n, n+len(text)
		fs := []Finding{{JSONFinding: report.JSONFinding{Rule: rule, Severity: lint.Severity(n%3) + lint.Info, Message: text, File: conv, Line: n, Col: -n,
			EndLine: n * 2, EndCol: n / 3, MessageID: conv, Suggestion: text + rule, Kind: lint.Kind(part), KindFrom: rule}, Part: part, Index: n}}
		if flag {
			fs = append(fs, Finding{JSONFinding: report.JSONFinding{Rule: text, Severity: lint.Error}, Start: &start, End: &end})
		}
		for _, resp := range []CheckResponse{
			{Allow: flag, Findings: fs, Window: &policy.WindowInfo{Open: flag, ExpiresAt: &at, OpenedBy: policy.Type(part)}, Conversation: conv,
				Channel: lint.Channel(part), Recorded: flag, At: &at, ClientTime: !flag},
			{Findings: []Finding{}, Window: &policy.WindowInfo{}},
			{},
		} {
			got, ok := appendCheck(nil, &resp)
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			err := enc.Encode(resp)
			if !ok {
				if err == nil {
					t.Fatalf("%+v: refused, encoding/json takes it", resp)
				}
				continue
			}
			if err != nil {
				t.Fatalf("%+v: encoding/json refuses it (%v), the appender wrote %s", resp, err, got)
			}
			if !bytes.Equal(got, want.Bytes()) {
				t.Fatalf("appender:\n%s\nencoding/json:\n%s", got, want.Bytes())
			}
		}
	})
}

// The appender writes every field of a finding: a field added to the
// answer's schema fails here until the appender writes it too.
func TestAppendCheckKnowsEveryField(t *testing.T) {
	for typ, want := range map[reflect.Type]int{reflect.TypeFor[report.JSONFinding](): 12, reflect.TypeFor[Finding](): 5,
		reflect.TypeFor[CheckResponse](): 8, reflect.TypeFor[policy.WindowInfo](): 3} {
		if n := typ.NumField(); n != want {
			t.Errorf("%s has %d fields, the appender writes %d", typ, n, want)
		}
	}
	one := 1
	resp := CheckResponse{Findings: []Finding{{JSONFinding: report.JSONFinding{Rule: "r", Severity: lint.Warning, Message: "m", File: "f", Line: 1, Col: 2,
		EndLine: 3, EndCol: 4, MessageID: "id", Suggestion: "s", Kind: "promo", KindFrom: "k"}, Part: "text", Index: 1, Start: &one, End: &one}}}
	got, _ := appendCheck(nil, &resp)
	if want := encoded(t, resp); !bytes.Equal(got, want) {
		t.Errorf("appender:\n%s\nencoding/json:\n%s", got, want)
	}
	// A severity encoding/json refuses is refused.
	resp.Findings[0].Severity = 0
	if _, ok := appendCheck(nil, &resp); ok {
		t.Error("an invalid severity was written")
	}
}
