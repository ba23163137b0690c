package hook

import (
	"net/http"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/msglint/msglint/lint"
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
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	w.Write(b)
}

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

const hexDigits = "0123456789abcdef"

// appendString appends s quoted as encoding/json does without HTML
// escaping: invalid UTF-8 as U+FFFD, U+2028 and U+2029 escaped.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
