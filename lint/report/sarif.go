package report

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/msglint/msglint/lint"
)

// SARIF 2.1.0, as GitHub code scanning reads it.
const (
	sarifVersion = "2.1.0"
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	// InformationURI is msglint's home page, shown by code scanning.
	InformationURI = "https://github.com/msglint/msglint"
)

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string       `json:"id"`
	Name                 string       `json:"name"`
	ShortDescription     sarifText    `json:"shortDescription"`
	FullDescription      sarifText    `json:"fullDescription"`
	Help                 sarifText    `json:"help"`
	DefaultConfiguration sarifDefault `json:"defaultConfiguration"`
}

type sarifDefault struct {
	Level   string `json:"level"`
	Enabled bool   `json:"enabled"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

var sarifLevel = map[lint.Severity]string{lint.Error: "error", lint.Warning: "warning", lint.Info: "note"}

// SARIF writes a SARIF 2.1.0 log for code scanning: the rule table first,
// then each result as it comes (memory stays flat however many there are),
// then the invocation with input errors and skipped files as notifications.
var SARIF Format = sarifFormat{}

type sarifFormat struct{}

func (sarifFormat) Name() string                         { return "sarif" }
func (sarifFormat) WritesErrors() bool                   { return true }
func (f sarifFormat) Write(w io.Writer, r *Report) error { return writeAll(w, f, r) }

// The log is written by hand around json.Encoder's pieces, in the bytes it
// would write for the whole log with a two-space indent; the results by hand
// (appendSARIFResult).
func (sarifFormat) start(s *Stream) findingWriter {
	r := s.r
	driver := sarifDriver{Name: "msglint", Version: r.Version, InformationURI: InformationURI, Rules: []sarifRule{}}
	index := map[string]int{}
	for i, rule := range r.Rules {
		index[rule.Name] = i
		driver.Rules = append(driver.Rules, sarifRule{
			ID:                   rule.Name,
			Name:                 ruleTitleCase(rule.Name),
			ShortDescription:     sarifText{Text: rule.Doc.Title},
			FullDescription:      sarifText{Text: oneParagraph(rule.Doc.Text)},
			Help:                 sarifText{Text: oneParagraph(rule.Doc.Text) + "\n\n" + oneParagraph(rule.Doc.Why), Markdown: helpMarkdown(rule)},
			DefaultConfiguration: sarifDefault{Level: sarifLevel[rule.Doc.Severity], Enabled: true},
		})
	}
	w := &sarifWriter{Stream: s, index: index}
	tool, err := marshalIndent(sarifTool{Driver: driver}, "      ")
	w.err = err
	fmt.Fprintf(s.w, "{\n  \"$schema\": %q,\n  \"version\": %q,\n  \"runs\": [\n    {\n      \"tool\": ", sarifSchema, sarifVersion)
	s.w.Write(tool)
	s.w.WriteString(",\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [")
	return w
}

type sarifWriter struct {
	*Stream
	index map[string]int
	err   error
	buf   []byte // one result, reused
}

func (s *sarifWriter) finding(f lint.Finding) error {
	if s.err != nil {
		return s.err
	}
	s.buf = s.buf[:0]
	if s.n > 0 {
		s.buf = append(s.buf, ',')
	}
	s.buf = append(s.buf, "\n        "...)
	s.buf = appendSARIFResult(s.buf, f, s.index[f.Rule])
	s.w.Write(s.buf)
	return nil
}

// appendSARIFResult appends a finding as an element of a run's results.
func appendSARIFResult(dst []byte, f lint.Finding, rule int) []byte {
	msg := f.Message
	if f.Suggestion != "" {
		msg += " (suggestion: " + f.Suggestion + ")"
	}
	const in = "          "
	dst = append(dst, '{')
	dst = appendStringField(dst, in, "ruleId", f.Rule, true)
	dst = appendIntField(dst, in, "ruleIndex", rule)
	dst = appendStringField(dst, in, "level", sarifLevel[f.Severity], false)
	dst = appendField(dst, in, "message", false)
	dst = appendStringField(append(dst, '{'), in+"  ", "text", msg, true)
	dst = append(dst, "\n"+in+"},"...)
	dst = append(dst, "\n"+in+`"locations": [`+
		"\n"+in+"  {"+
		"\n"+in+`    "physicalLocation": {`+
		"\n"+in+`      "artifactLocation": {`...)
	dst = appendStringField(dst, in+"        ", "uri", fileURI(f.File), true)
	dst = append(dst, "\n"+in+"      },"+
		"\n"+in+`      "region": {`...)
	const rin = in + "        "
	dst = strconv.AppendInt(appendField(dst, rin, "startLine", true), int64(f.Line), 10)
	for _, v := range []struct {
		name  string
		value int
	}{{"startColumn", f.Col}, {"endLine", f.EndLine}, {"endColumn", f.EndCol}} {
		if v.value != 0 {
			dst = appendIntField(dst, rin, v.name, v.value)
		}
	}
	dst = append(dst, "\n"+in+"      }"+
		"\n"+in+"    }"+
		"\n"+in+"  }"+
		"\n"+in+"],"+
		"\n"+in+`"partialFingerprints": {`...)
	dst = appendStringField(dst, in+"  ", "msglintFinding/v1", lint.Fingerprint(f), true)
	return append(dst, "\n"+in+"}"+"\n        }"...)
}

func (s *sarifWriter) close() error {
	if s.err != nil {
		return s.err
	}
	res := s.r.Result
	if s.n > 0 {
		s.w.WriteString("\n      ")
	}
	inv := sarifInvocation{ExecutionSuccessful: len(res.Errors) == 0}
	for _, err := range res.Errors {
		n := sarifNotification{Level: "error", Message: sarifText{Text: err.Error()}}
		if e := (*lint.InputError)(nil); errors.As(err, &e) {
			n.Message.Text = e.Msg
			loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: fileURI(e.Path)}}}
			if e.Line > 0 {
				loc.PhysicalLocation.Region = &sarifRegion{StartLine: e.Line, StartColumn: e.Col}
			}
			n.Locations = []sarifLocation{loc}
		}
		inv.Notifications = append(inv.Notifications, n)
	}
	for _, line := range Skipped(res.Skips) {
		inv.Notifications = append(inv.Notifications, sarifNotification{Level: "note", Message: sarifText{Text: "skipped " + line}})
	}
	data, err := marshalIndent([]sarifInvocation{inv}, "      ")
	if err != nil {
		return err
	}
	s.w.WriteString("],\n      \"invocations\": ")
	s.w.Write(data)
	s.w.WriteString("\n    }\n  ]\n}\n")
	return nil
}

// fileURI is a relative URI for a relative path (code scanning resolves it
// against the repository root) and a file: URI for an absolute one.
func fileURI(path string) string {
	slash := filepath.ToSlash(path)
	if filepath.IsAbs(path) {
		return (&url.URL{Scheme: "file", Path: slash}).String()
	}
	return (&url.URL{Path: strings.TrimPrefix(slash, "./")}).String()
}

func ruleTitleCase(name string) string {
	parts := strings.Split(name, "-")
	for i, p := range parts {
		parts[i] = strings.ToUpper(p[:1]) + p[1:]
	}
	return strings.Join(parts, "")
}

func oneParagraph(s string) string { return strings.Join(strings.Fields(s), " ") }

func helpMarkdown(r *lint.Rule) string {
	var b strings.Builder
	b.WriteString(oneParagraph(r.Doc.Text) + "\n\n**Why:** " + oneParagraph(r.Doc.Why) + "\n")
	for _, l := range lint.Langs {
		if ex, ok := r.Doc.Examples[l]; ok {
			b.WriteString("\n**" + string(l) + "** — bad: " + ex.Bad + "\n\ngood: " + ex.Good + "\n")
		}
	}
	return b.String()
}
