package lsp

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/msglint/msglint/lint"
	"go.lsp.dev/protocol"
)

// Each fix is a quick fix where the cursor is; "fix all" takes every fix
// that does not overlap one before it, as --fix would.
func TestCodeActions(t *testing.T) {
	d := &document{uri: "file:///a.txt", text: newText("teh cat adn teh dog")}
	fix := func(start, end int, repl string) found {
		f := lint.Finding{Rule: "spelling", Fix: &lint.FileEdit{Start: start, End: end, New: repl}}
		f.Line, f.Col, f.EndLine, f.EndCol = 1, start+1, 1, end+1
		return found{Finding: f, diag: d.diagnostic(f)}
	}
	d.found = []found{fix(0, 3, "the"), fix(0, 7, "the cat"), fix(8, 11, "and"), {Finding: lint.Finding{Rule: "length", Line: 1, Col: 1, EndLine: 1, EndCol: 20}}}
	type action struct {
		Title, Kind string
		Edits       []string
	}
	summary := func(as []protocol.CodeAction) []action {
		out := []action{}
		for _, a := range as {
			var edits []string
			for _, e := range a.Edit.Changes[d.uri] {
				edits = append(edits, fmt.Sprintf("%s@%d-%d", e.NewText, e.Range.Start.Character, e.Range.End.Character))
			}
			out = append(out, action{a.Title, string(a.Kind), edits})
		}
		return out
	}
	at := func(c uint32) protocol.Range {
		return protocol.Range{Start: protocol.Position{Character: c}, End: protocol.Position{Character: c}}
	}
	all := action{"Fix all safe msglint problems", "source.fixAll", []string{"the@0-3", "and@8-11"}}
	for _, tc := range []struct {
		rng  protocol.Range
		only []protocol.CodeActionKind
		want []action
	}{
		{at(1), nil, []action{{`Replace "teh" with "the"`, "quickfix", []string{"the@0-3"}}, {`Replace "teh cat" with "the cat"`, "quickfix", []string{"the cat@0-7"}}, all}},
		{at(9), []protocol.CodeActionKind{"quickfix"}, []action{{`Replace "adn" with "and"`, "quickfix", []string{"and@8-11"}}}},
		{at(16), []protocol.CodeActionKind{"source"}, []action{all}},
		{at(16), []protocol.CodeActionKind{"refactor"}, []action{}},
	} {
		if diff := cmp.Diff(tc.want, summary(d.codeActions(tc.rng, tc.only))); diff != "" {
			t.Errorf("at %v only %v: %s", tc.rng.Start, tc.only, diff)
		}
	}
}
