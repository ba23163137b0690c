package hook

import (
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/report"
)

// writeCheck answers a check with the bytes writeJSON would write, made
// without reflection into a pooled buffer. A response the appender does not
// take (a severity or a time encoding/json would refuse) goes through
// writeJSON, and so fails or succeeds as it always did. TestAppendCheck
// holds the two to the same bytes.
func writeCheck(w http.ResponseWriter, resp *CheckResponse) {
	bp := answerBufs.Get().(*[]byte)
	defer answerBufs.Put(bp)
	b, ok := appendCheck((*bp)[:0], resp)
	if !ok {
		writeJSON(w, http.StatusOK, resp)
		return
	}
	*bp = b
	w.Header()["Content-Type"] = jsonType
	w.WriteHeader(http.StatusOK)
	w.Write(b)
}

// jsonType is the Content-Type of every answer, shared as secureHeaders
// are.
var jsonType = []string{"application/json"}

var answerBufs = sync.Pool{New: func() any { b := make([]byte, 0, 2048); return &b }}

// appendCheck appends resp as encoding/json with HTML escaping off encodes
// it, newline included; false when it cannot.
func appendCheck(b []byte, r *CheckResponse) ([]byte, bool) {
	b = append(b, `{"allow":`...)
	b = strconv.AppendBool(b, r.Allow)
	b = append(b, `,"findings":`...)
	if r.Findings == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range r.Findings {
			if i > 0 {
				b = append(b, ',')
			}
			var ok bool
			if b, ok = appendFinding(b, &r.Findings[i]); !ok {
				return b, false
			}
		}
		b = append(b, ']')
	}
	b = append(b, `,"window":`...)
	if w := r.Window; w == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, `{"open":`...)
		b = strconv.AppendBool(b, w.Open)
		b = append(b, `,"expires_at":`...)
		var ok bool
		if b, ok = appendTime(b, w.ExpiresAt); !ok {
			return b, false
		}
		if w.OpenedBy != "" {
			b = append(b, `,"opened_by":`...)
			b = appendString(b, string(w.OpenedBy))
		}
		b = append(b, '}')
	}
	b = append(b, `,"conversation":`...)
	b = appendString(b, r.Conversation)
	b = append(b, `,"channel":`...)
	b = appendString(b, string(r.Channel))
	if r.Recorded {
		b = append(b, `,"recorded":true`...)
	}
	if r.At != nil {
		b = append(b, `,"at":`...)
		var ok bool
		if b, ok = appendTime(b, r.At); !ok {
			return b, false
		}
	}
	if r.ClientTime {
		b = append(b, `,"client_time":true`...)
	}
	return append(b, "}\n"...), true
}

func appendFinding(b []byte, f *Finding) ([]byte, bool) {
	if f.Severity < lint.Info || f.Severity > lint.Error {
		return b, false
	}
	b = append(b, `{"rule":`...)
	b = appendString(b, f.Rule)
	b = append(b, `,"severity":`...)
	b = appendString(b, f.Severity.String())
	b = append(b, `,"message":`...)
	b = appendString(b, f.Message)
	b = append(b, `,"file":`...)
	b = appendString(b, f.File)
	for _, n := range [...]struct {
		key string
		v   int
	}{{`,"line":`, f.Line}, {`,"col":`, f.Col}, {`,"end_line":`, f.EndLine}, {`,"end_col":`, f.EndCol}} {
		b = append(b, n.key...)
		b = strconv.AppendInt(b, int64(n.v), 10)
	}
	b = append(b, `,"message_id":`...)
	b = appendString(b, f.MessageID)
	b = append(b, `,"suggestion":`...)
	b = appendString(b, f.Suggestion)
	if f.Kind != "" {
		b = append(b, `,"kind":`...)
		b = appendString(b, string(f.Kind))
	}
	if f.KindFrom != "" {
		b = append(b, `,"kind_from":`...)
		b = appendString(b, f.KindFrom)
	}
	if f.Part != "" {
		b = append(b, `,"part":`...)
		b = appendString(b, f.Part)
	}
	if f.Index != 0 {
		b = append(b, `,"index":`...)
		b = strconv.AppendInt(b, int64(f.Index), 10)
	}
	if f.Start != nil {
		b = append(b, `,"start":`...)
		b = strconv.AppendInt(b, int64(*f.Start), 10)
	}
	if f.End != nil {
		b = append(b, `,"end":`...)
		b = strconv.AppendInt(b, int64(*f.End), 10)
	}
	return append(b, '}'), true
}

// appendTime appends a time as time.Time's MarshalJSON does; false for a
// year it refuses.
func appendTime(b []byte, t *time.Time) ([]byte, bool) {
	if t == nil {
		return append(b, "null"...), true
	}
	if y := t.Year(); y < 0 || y > 9999 {
		return b, false
	}
	if _, off := t.Zone(); off <= -24*3600 || off >= 24*3600 {
		return b, false // as is a zone offset of a day or more
	}
	b = append(b, '"')
	b = t.AppendFormat(b, time.RFC3339Nano)
	return append(b, '"'), true
}

// appendString appends s quoted as encoding/json does without HTML
// escaping: the reports' own quoting, so the answer and a report say a text
// the same way.
func appendString(b []byte, s string) []byte { return report.AppendJSONString(b, s) }
