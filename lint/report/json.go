package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sync"

	"github.com/msglint/msglint/lint"
)

// JSONVersion is the version of the JSON schema; it changes only when a
// field changes meaning or goes away.
const JSONVersion = 1

// JSONFinding is a finding in the JSON schema, shared by the CLI and the hook.
type JSONFinding struct {
	Rule       string        `json:"rule"`
	Severity   lint.Severity `json:"severity"`
	Message    string        `json:"message"`
	File       string        `json:"file"`
	Line       int           `json:"line"`
	Col        int           `json:"col"`
	EndLine    int           `json:"end_line"`
	EndCol     int           `json:"end_col"`
	MessageID  string        `json:"message_id"`
	Suggestion string        `json:"suggestion"`
	// Kind and KindFrom are set for a locale string whose kind was
	// inferred from its key path: the kind, and what gave it.
	Kind     lint.Kind `json:"kind,omitempty"`
	KindFrom string    `json:"kind_from,omitempty"`
}

type jsonSummary struct {
	Files    int `json:"files"`
	Messages int `json:"messages"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
	// Skipped says what the run passed over, a line a reason; absent when
	// nothing was.
	Skipped []string `json:"skipped,omitempty"`
}

// JSON writes {"version", "findings", "summary"}. It is written a finding at
// a time, in the bytes json.Encoder with a two-space indent would write for
// the whole report; the findings by hand (appendJSONFinding).
var JSON Format = jsonFormat{}

type jsonFormat struct{}

func (jsonFormat) Name() string                         { return "json" }
func (jsonFormat) WritesErrors() bool                   { return false }
func (f jsonFormat) Write(w io.Writer, r *Report) error { return writeAll(w, f, r) }

func (jsonFormat) start(s *Stream) findingWriter {
	fmt.Fprintf(s.w, "{\n  \"version\": %d,\n  \"findings\": [", JSONVersion)
	return &jsonWriter{Stream: s}
}

type jsonWriter struct {
	*Stream
	// buf holds the findings made and not yet written: written to the
	// stream's writer when they fill its buffer, at once, so that each
	// finding is made where it is written from, not copied a second
	// time into the writer's buffer. (writeOnAllCores writes to the
	// writer itself, but only on a new stream, with nothing held.)
	buf   []byte
	heads jsonHeads
}

// jsonPending is how many bytes of findings a jsonWriter holds before it
// writes them: the stream's buffer, which such a write then goes past.
const jsonPending = 64 << 10

func (s *jsonWriter) finding(f lint.Finding) error {
	start := len(s.buf)
	if s.n == 0 {
		s.buf = append(s.buf, "\n    "...)
	} else {
		s.buf = append(s.buf, ",\n    "...)
	}
	var err error
	j := NewJSONFinding(f)
	if s.buf, err = s.heads.appendFinding(s.buf, &j); err != nil {
		s.buf = s.buf[:start]
		return err
	}
	if len(s.buf) >= jsonPending {
		s.w.Write(s.buf)
		s.buf = s.buf[:0]
	}
	return nil
}

// canAppend tells whether every finding can be written: appendJSONFinding
// fails only on a severity out of range.
func (s *jsonWriter) canAppend(fs []lint.Finding) bool {
	for i := range fs {
		if fs[i].Severity < lint.Info || fs[i].Severity > lint.Error {
			return false
		}
	}
	return true
}

// appendFindings appends the bytes finding writes for each of fs, the
// first of them first in the list when first is set.
func (*jsonWriter) appendFindings(dst []byte, fs []lint.Finding, first bool) []byte {
	// A chunk's own heads, as chunks are made on every core at once;
	// taken from those the chunks before left, not made a chunk.
	heads := jsonHeadsPool.Get().(*jsonHeads)
	defer jsonHeadsPool.Put(heads)
	for i := range fs {
		if first && i == 0 {
			dst = append(dst, "\n    "...)
		} else {
			dst = append(dst, ",\n    "...)
		}
		j := NewJSONFinding(fs[i])
		dst, _ = heads.appendFinding(dst, &j) // canAppend said it cannot fail
	}
	return dst
}

// appendJSONFinding appends a finding as an element of the findings list.
func appendJSONFinding(dst []byte, j JSONFinding) ([]byte, error) {
	if j.Severity < lint.Info || j.Severity > lint.Error {
		_, err := json.Marshal(j.Severity) // the error encoding/json gives
		return dst, err
	}
	// Each field's key written with what comes before it as one string:
	// the schema is fixed.
	const in = ",\n      "
	dst = AppendJSONString(append(dst, "{\n      \"rule\": "...), j.Rule)
	dst = append(append(dst, in+`"severity": `...), severityJSON[j.Severity]...) // MarshalText's, quoted once
	dst = AppendJSONString(append(dst, in+`"message": `...), j.Message)
	dst = AppendJSONString(append(dst, in+`"file": `...), j.File)
	dst = appendDecimal(append(dst, in+`"line": `...), j.Line)
	dst = appendDecimal(append(dst, in+`"col": `...), j.Col)
	dst = appendDecimal(append(dst, in+`"end_line": `...), j.EndLine)
	dst = appendDecimal(append(dst, in+`"end_col": `...), j.EndCol)
	dst = AppendJSONString(append(dst, in+`"message_id": `...), j.MessageID)
	dst = AppendJSONString(append(dst, in+`"suggestion": `...), j.Suggestion)
	if j.Kind != "" {
		dst = AppendJSONString(append(dst, in+`"kind": `...), string(j.Kind))
	}
	if j.KindFrom != "" {
		dst = AppendJSONString(append(dst, in+`"kind_from": `...), j.KindFrom)
	}
	return append(dst, "\n    }"...), nil
}

// jsonHeads keeps, for the findings a writer writes one after another, the
// fixed bytes around their strings that are the same from finding to finding,
// escaped once: a finding's opening with its rule and severity up to its
// message, and its file with the keys around it. A report's findings share a
// few rules and, an export's, one file, and escaping them again was a third
// of writing a finding.
type jsonHeads struct {
	rules []jsonHead // by rule and severity, in the order met
	file  jsonHead   // the last file met
	// id is the last message id met, and line the last line with its
	// digits: a message's findings come one after another, on its line
	// (an export's line numbers are six or seven digits).
	id         lastJSONString
	line       int
	lineDigits []byte
}

// jsonHeadsPool holds the heads of the chunks written on every core
// (appendFindings).
var jsonHeadsPool = sync.Pool{New: func() any { return new(jsonHeads) }}

// jsonHead is the bytes written for key (a rule and its severity, or a
// file).
type jsonHead struct {
	key   string
	sev   lint.Severity
	bytes []byte
	// A rule's messages and suggestions met lately, escaped: a rule says
	// the same of many messages (a greeting missing, a word misspelt the
	// same way), and a string told equal to one kept is not escaped
	// again. Kept by more than the last, as a rule's findings alternate
	// among a few messages (a dozen misspellings, a limit broken by a few
	// characters more or less): with the last alone, three in four of an
	// export's messages and suggestions were escaped again.
	msg, sugg *jsonStrings
}

// jsonStrings are strings met lately and their bytes as JSON strings, in
// slots chosen by a hash of their bytes: each string is compared with the
// one string its slot holds, with no map, and a string not found takes its
// slot's place, in its buffer.
type jsonStrings struct {
	slots [1 << jsonStringBits]lastJSONString
	last  *lastJSONString // the slot met last
}

// jsonStringBits sets how many strings a rule's messages, and its
// suggestions, keep: 64, twice what a generated export's rules say,
// so that few of them share a slot.
const jsonStringBits = 6

// append appends s as a JSON string, the bytes kept in its slot when they
// are s's.
func (c *jsonStrings) append(dst []byte, s string) []byte {
	// The string met last, as a rule that says the same of every message
	// has it again: told with no hash.
	if l := c.last; l != nil && l.s == s {
		return append(dst, l.bytes...)
	}
	l := &c.slots[jsonStringSlot(s)]
	c.last = l
	return l.append(dst, s)
}

// jsonStringSlot is s's slot: every byte of s folded in, eight at a time
// (a rule's messages may differ in one digit only), multiplied through so
// that the top bits tell.
func jsonStringSlot(s string) uint64 {
	const mul = 0x9E3779B97F4A7C15
	h := uint64(len(s))
	i := 0
	for ; i+8 <= len(s); i += 8 {
		h = (h ^ load64(s[i:i+8])) * mul
	}
	switch {
	case i == len(s):
	case len(s) >= 8:
		h = (h ^ load64(s[len(s)-8:])) * mul // the last eight again, the tail among them
	default:
		var w uint64
		for ; i < len(s); i++ {
			w = w<<8 | uint64(s[i])
		}
		h = (h ^ w) * mul
	}
	return h >> (64 - jsonStringBits)
}

// lastJSONString is a string and its bytes as a JSON string.
type lastJSONString struct {
	s     string
	bytes []byte
}

// append appends s as a JSON string, the bytes of the last one when s is
// the same; s is kept for the next.
func (l *lastJSONString) append(dst []byte, s string) []byte {
	if l.bytes == nil || l.s != s {
		l.s, l.bytes = s, AppendJSONString(l.bytes[:0], s)
	}
	return append(dst, l.bytes...)
}

// maxJSONHeads bounds the openings a writer keeps: more rules and
// severities than a run has.
const maxJSONHeads = 64

// appendFinding is appendJSONFinding, the same bytes, the rule's and the
// file's taken from h; j is read in place, not copied (some 200 bytes).
func (h *jsonHeads) appendFinding(dst []byte, j *JSONFinding) ([]byte, error) {
	if j.Severity < lint.Info || j.Severity > lint.Error {
		return appendJSONFinding(dst, *j)
	}
	const in = ",\n      "
	var rule *jsonHead
	dst, rule = h.appendRule(dst, j.Rule, j.Severity)
	if rule != nil {
		dst = rule.msg.append(dst, j.Message)
	} else {
		dst = AppendJSONString(dst, j.Message)
	}
	if h.file.bytes == nil || h.file.key != j.File {
		h.file = jsonHead{key: j.File, bytes: append(AppendJSONString([]byte(in+`"file": `), j.File), in+`"line": `...)}
	}
	dst = append(dst, h.file.bytes...)
	if j.Line != h.line || len(h.lineDigits) == 0 {
		h.line, h.lineDigits = j.Line, appendDecimal(h.lineDigits[:0], j.Line)
	}
	dst = append(dst, h.lineDigits...)
	dst = appendDecimal(append(dst, in+`"col": `...), j.Col)
	dst = append(dst, in+`"end_line": `...)
	if j.EndLine == j.Line {
		// Most findings lie on one line: its digits are copied.
		dst = append(dst, h.lineDigits...)
	} else {
		dst = appendDecimal(dst, j.EndLine)
	}
	dst = appendDecimal(append(dst, in+`"end_col": `...), j.EndCol)
	dst = h.id.append(append(dst, in+`"message_id": `...), j.MessageID)
	dst = append(dst, in+`"suggestion": `...)
	if rule != nil {
		dst = rule.sugg.append(dst, j.Suggestion)
	} else {
		dst = AppendJSONString(dst, j.Suggestion)
	}
	if j.Kind != "" {
		dst = AppendJSONString(append(dst, in+`"kind": `...), string(j.Kind))
	}
	if j.KindFrom != "" {
		dst = AppendJSONString(append(dst, in+`"kind_from": `...), j.KindFrom)
	}
	return append(dst, "\n    }"...), nil
}

// appendRule appends a finding's opening up to its message's value, for
// rule at sev: kept the first time it is met. It returns where it is kept
// (nil once maxJSONHeads are).
func (h *jsonHeads) appendRule(dst []byte, rule string, sev lint.Severity) ([]byte, *jsonHead) {
	for i := range h.rules {
		if e := &h.rules[i]; e.sev == sev && e.key == rule {
			return append(dst, e.bytes...), e
		}
	}
	const in = ",\n      "
	start := len(dst)
	dst = AppendJSONString(append(dst, "{\n      \"rule\": "...), rule)
	dst = append(append(dst, in+`"severity": `...), severityJSON[sev]...)
	dst = append(dst, in+`"message": `...)
	if len(h.rules) == maxJSONHeads {
		return dst, nil
	}
	if h.rules == nil {
		// Made at its size at once: the heads point into it.
		h.rules = make([]jsonHead, 0, maxJSONHeads)
	}
	h.rules = append(h.rules, jsonHead{key: rule, sev: sev, bytes: append([]byte(nil), dst[start:]...), msg: new(jsonStrings), sugg: new(jsonStrings)})
	return dst, &h.rules[len(h.rules)-1]
}

// severityJSON are the severities as JSON strings, quoted once: every
// finding writes one.
var severityJSON = func() (out [lint.Error + 1]string) {
	for s := lint.Info; s <= lint.Error; s++ {
		out[s] = string(AppendJSONString(nil, s.String()))
	}
	return out
}()

func (s *jsonWriter) close() error {
	res := s.r.Result
	s.w.Write(s.buf)
	s.buf = s.buf[:0]
	if s.n > 0 {
		s.w.WriteString("\n  ")
	}
	sum, err := marshalIndent(jsonSummary{
		Files: res.Files, Messages: res.Messages,
		Errors: res.Count(lint.Error), Warnings: res.Count(lint.Warning), Infos: res.Count(lint.Info),
		Skipped: Skipped(res.Skips),
	}, "  ")
	if err != nil {
		return err
	}
	s.w.WriteString("],\n  \"summary\": ")
	s.w.Write(sum)
	s.w.WriteString("\n}\n")
	return nil
}

func marshalIndent(v any, prefix string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// NewJSONFinding converts a finding to the JSON schema.
func NewJSONFinding(f lint.Finding) JSONFinding {
	j := JSONFinding{
		Rule: f.Rule, Severity: f.Severity, Message: f.Message, File: f.File,
		Line: f.Line, Col: f.Col, EndLine: f.EndLine, EndCol: f.EndCol,
		MessageID: f.MessageID, Suggestion: f.Suggestion,
	}
	if m := f.Msg; m != nil && m.KindFrom != "" {
		j.Kind, j.KindFrom = m.Kind, m.KindFrom
	}
	return j
}
