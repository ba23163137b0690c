package lsp

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
	"github.com/msglint/msglint/lint/report"
	"go.lsp.dev/protocol"
)

// check checks a document's current text and publishes its diagnostics.
func (s *Server) check(ctx context.Context, d *document) error {
	d.found = nil
	diags := []protocol.Diagnostic{}
	env, err := s.env(d)
	var findings []lint.Finding
	if err == nil {
		findings, err = env.check(d.path, []byte(d.text.s))
	}
	for _, f := range findings {
		fd := found{Finding: f, diag: d.diagnostic(f)}
		d.found = append(d.found, fd)
		diags = append(diags, fd.diag)
	}
	if err != nil {
		diags = append(diags, d.errorDiagnostic(err))
	}
	return s.client.PublishDiagnostics(ctx, &protocol.PublishDiagnosticsParams{URI: d.uri, Version: uint32(d.version), Diagnostics: diags})
}

// check reads a document's text in its format and checks it as the CLI
// checks a file: a conversation by the conversation rules, messages by the
// linter.
func (e *Env) check(path string, data []byte) ([]lint.Finding, error) {
	if e.Conversations != nil {
		if f := load.Conversation(data); f != nil && f.Check != nil {
			ld, err := f.Check(e.Conversations, path, data)
			return ld.Findings, err
		}
	}
	msgs, err := e.Options.File(path, data)
	fs := e.Linter.CheckFile(msgs)
	lint.SortFindings(fs)
	return fs, err
}

var severity = map[lint.Severity]protocol.DiagnosticSeverity{
	lint.Error: protocol.DiagnosticSeverityError, lint.Warning: protocol.DiagnosticSeverityWarning, lint.Info: protocol.DiagnosticSeverityInformation,
}

func (d *document) diagnostic(f lint.Finding) protocol.Diagnostic {
	msg := f.Message
	if f.Suggestion != "" {
		msg += "\nsuggestion: " + f.Suggestion
	}
	return protocol.Diagnostic{
		Range:           protocol.Range{Start: d.text.charPos(f.Line, f.Col), End: d.text.charPos(f.EndLine, f.EndCol)},
		Severity:        severity[f.Severity],
		Code:            f.Rule,
		CodeDescription: &protocol.CodeDescription{Href: protocol.URI(report.RulesURL + "#" + f.Rule)},
		Source:          "msglint",
		Message:         msg,
	}
}

// errorDiagnostic shows what kept a document from being checked (it cannot
// be read in its format, or its config is wrong) where it says, or at the
// top.
func (d *document) errorDiagnostic(err error) protocol.Diagnostic {
	diag := protocol.Diagnostic{Severity: protocol.DiagnosticSeverityError, Source: "msglint", Message: err.Error()}
	if e := (*lint.InputError)(nil); errors.As(err, &e) {
		if e.Path == d.path {
			diag.Message = e.Msg
			diag.Range.Start = d.text.charPos(e.Line, max(e.Col, 1))
			diag.Range.End = diag.Range.Start
		} else {
			diag.Message = fmt.Sprintf("cannot check: %v", err)
		}
	}
	return diag
}

// codeActions are the safe fixes of the findings in a range, each as a
// quick fix, and all of the document's as one "fix all" action.
func (d *document) codeActions(rng protocol.Range, only []protocol.CodeActionKind) []protocol.CodeAction {
	want := func(k protocol.CodeActionKind) bool {
		if len(only) == 0 {
			return true
		}
		for _, o := range only {
			if k == o || strings.HasPrefix(string(k), string(o)+".") {
				return true
			}
		}
		return false
	}
	actions := []protocol.CodeAction{}
	var all []protocol.TextEdit
	var fixed []protocol.Diagnostic
	end := -1 // fixes are sorted by position; one that overlaps the last is left for the next run
	for _, f := range d.found {
		if f.Fix == nil {
			continue
		}
		edit := protocol.TextEdit{Range: protocol.Range{Start: d.text.pos(f.Fix.Start), End: d.text.pos(f.Fix.End)}, NewText: f.Fix.New}
		if f.Fix.Start >= end {
			all, fixed, end = append(all, edit), append(fixed, f.diag), f.Fix.End
		}
		if want(protocol.QuickFix) && overlaps(rng, f.diag.Range) {
			actions = append(actions, protocol.CodeAction{
				Title:       fmt.Sprintf("Replace %q with %q", d.text.s[f.Fix.Start:f.Fix.End], f.Fix.New),
				Kind:        protocol.QuickFix,
				Diagnostics: []protocol.Diagnostic{f.diag},
				IsPreferred: true,
				Edit:        &protocol.WorkspaceEdit{Changes: map[protocol.DocumentURI][]protocol.TextEdit{d.uri: {edit}}},
			})
		}
	}
	if len(all) > 0 && want(sourceFixAll) {
		actions = append(actions, protocol.CodeAction{
			Title:       "Fix all safe msglint problems",
			Kind:        sourceFixAll,
			Diagnostics: fixed,
			Edit:        &protocol.WorkspaceEdit{Changes: map[protocol.DocumentURI][]protocol.TextEdit{d.uri: all}},
		})
	}
	return actions
}

// hover explains the findings under the cursor: the message, then what the
// rule checks and why, from the rule's doc.
func (d *document) hover(at protocol.Position, rules []*lint.Rule) *protocol.Hover {
	var parts []string
	var rng *protocol.Range
	for _, f := range d.found {
		r := f.diag.Range
		if !overlaps(protocol.Range{Start: at, End: at}, r) {
			continue
		}
		if rng == nil {
			rng = &r
		}
		parts = append(parts, explain(f.Finding, rules))
	}
	if len(parts) == 0 {
		return nil
	}
	return &protocol.Hover{Contents: protocol.MarkupContent{Kind: protocol.Markdown, Value: strings.Join(parts, "\n\n---\n\n")}, Range: rng}
}

func explain(f lint.Finding, rules []*lint.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**msglint %s** (%s): %s", f.Rule, f.Severity, f.Message)
	if f.Suggestion != "" {
		fmt.Fprintf(&b, "\n\nSuggestion: %s", f.Suggestion)
	}
	for _, r := range rules {
		if r.Name != f.Rule {
			continue
		}
		fmt.Fprintf(&b, "\n\n**%s.** %s\n\n**Why:** %s", upperFirst(r.Doc.Title), oneParagraph(r.Doc.Text), oneParagraph(r.Doc.Why))
		if f.Msg != nil {
			if ex, ok := r.Doc.Examples[f.Msg.Lang]; ok {
				fmt.Fprintf(&b, "\n\nBad: %s  \nGood: %s", ex.Bad, ex.Good)
			}
		}
	}
	fmt.Fprintf(&b, "\n\n[%s](%s#%s)", f.Rule, report.RulesURL, f.Rule)
	return b.String()
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func oneParagraph(s string) string { return strings.Join(strings.Fields(s), " ") }

// sourceFixAll is LSP 3.15's kind for an action that fixes a whole file, which
// editors run on save when asked to ("editor.codeActionsOnSave").
const sourceFixAll protocol.CodeActionKind = "source.fixAll"
