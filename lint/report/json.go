package report

import (
	"encoding/json"
	"io"

	"github.com/msglint/msglint/lint"
)

// JSONVersion is the version of the JSON schema; it changes only when a
// field changes meaning or goes away.
const JSONVersion = 1

type jsonReport struct {
	Version  int           `json:"version"`
	Findings []JSONFinding `json:"findings"`
	Summary  jsonSummary   `json:"summary"`
}

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
}

type jsonSummary struct {
	Files    int `json:"files"`
	Messages int `json:"messages"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
}

func writeJSON(w io.Writer, r *Report) error {
	res := r.Result
	out := jsonReport{Version: JSONVersion, Findings: make([]JSONFinding, 0, len(res.Findings))}
	for _, f := range res.Findings {
		out.Findings = append(out.Findings, NewJSONFinding(f))
	}
	out.Summary = jsonSummary{
		Files: res.Files, Messages: res.Messages,
		Errors: res.Count(lint.Error), Warnings: res.Count(lint.Warning), Infos: res.Count(lint.Info),
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// NewJSONFinding converts a finding to the JSON schema.
func NewJSONFinding(f lint.Finding) JSONFinding {
	return JSONFinding{
		Rule: f.Rule, Severity: f.Severity, Message: f.Message, File: f.File,
		Line: f.Line, Col: f.Col, EndLine: f.EndLine, EndCol: f.EndCol,
		MessageID: f.MessageID, Suggestion: f.Suggestion,
	}
}
