package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/msglint/msglint/lint"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// lspClient is an editor talking to `msglint lsp` over a pair of pipes, as
// over stdio: requests go out as JSON-RPC with LSP's Content-Length framing,
// and what the server publishes comes back on channels.
type lspClient struct {
	t          *testing.T
	conn       jsonrpc2.Conn
	diags      chan protocol.PublishDiagnosticsParams
	registered chan protocol.RegistrationParams
	exit       chan int
	stderr     *bytes.Buffer
}

type pipes struct {
	io.Reader
	io.WriteCloser
}

func startLSP(t *testing.T) *lspClient {
	t.Helper()
	toServer, serverIn := io.Pipe()
	serverOut, fromServer := io.Pipe()
	c := &lspClient{t: t, diags: make(chan protocol.PublishDiagnosticsParams, 16),
		registered: make(chan protocol.RegistrationParams, 1), exit: make(chan int, 1), stderr: &bytes.Buffer{}}
	go func() {
		code := run([]string{"lsp"}, toServer, fromServer, c.stderr)
		fromServer.Close()
		c.exit <- code
	}()
	c.conn = jsonrpc2.NewConn(jsonrpc2.NewStream(pipes{serverOut, serverIn}))
	// As an editor does, the client keeps reading while it answers the
	// server: the pipes hold nothing, so a reply written from the reading
	// loop would wait for a server that is itself waiting to write.
	c.conn.Go(context.Background(), jsonrpc2.AsyncHandler(func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		switch req.Method() {
		case protocol.MethodTextDocumentPublishDiagnostics:
			var p protocol.PublishDiagnosticsParams
			if err := json.Unmarshal(req.Params(), &p); err != nil {
				t.Error(err)
			}
			c.diags <- p
		case protocol.MethodClientRegisterCapability:
			var p protocol.RegistrationParams
			if err := json.Unmarshal(req.Params(), &p); err != nil {
				t.Error(err)
			}
			c.registered <- p
		}
		return reply(ctx, nil, nil)
	}))
	t.Cleanup(func() { c.conn.Close() })
	return c
}

func (c *lspClient) call(method string, params, result any) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := c.conn.Call(ctx, method, params, result); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

func (c *lspClient) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// published waits for the next diagnostics the server publishes.
func (c *lspClient) published() protocol.PublishDiagnosticsParams {
	c.t.Helper()
	select {
	case p := <-c.diags:
		return p
	case <-time.After(10 * time.Second):
		c.t.Fatal("no diagnostics published")
	}
	return protocol.PublishDiagnosticsParams{}
}

// diag is what a test compares of a diagnostic.
type diag struct {
	Code     string
	Severity protocol.DiagnosticSeverity
	Range    string // line:char-line:char, 0-based, UTF-16
}

func diags(p protocol.PublishDiagnosticsParams) []diag {
	out := []diag{}
	for _, d := range p.Diagnostics {
		code, _ := d.Code.(string)
		out = append(out, diag{code, d.Severity, rangeString(d.Range)})
	}
	return out
}

func rangeString(r protocol.Range) string {
	return fmt.Sprintf("%d:%d-%d:%d", r.Start.Line, r.Start.Character, r.End.Line, r.End.Character)
}

func fileURI(path string) protocol.DocumentURI { return protocol.DocumentURI(uri.File(path)) }

func (c *lspClient) initialize(caps map[string]any) map[string]any {
	c.t.Helper()
	var init map[string]any
	c.call(protocol.MethodInitialize, map[string]any{"processId": nil, "rootUri": nil, "capabilities": caps}, &init)
	c.notify(protocol.MethodInitialized, struct{}{})
	return init
}

func (c *lspClient) open(path, lang, text string) protocol.PublishDiagnosticsParams {
	c.t.Helper()
	c.notify(protocol.MethodTextDocumentDidOpen, protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: fileURI(path), LanguageID: protocol.LanguageIdentifier(lang), Version: 1, Text: text}})
	return c.published()
}

func (c *lspClient) stop() int {
	c.t.Helper()
	c.call(protocol.MethodShutdown, nil, nil)
	c.notify(protocol.MethodExit, nil)
	select {
	case code := <-c.exit:
		return code
	case <-time.After(10 * time.Second):
		c.t.Fatal("the server did not exit")
	}
	return -1
}

// Every input format is checked, with diagnostics where check puts its
// findings, in UTF-16 code units (😀 is two); an input that cannot be read
// shows its error at the place it names.
func TestLSPFormats(t *testing.T) {
	dir := t.TempDir()
	c := startLSP(t)
	c.initialize(map[string]any{})
	for _, tc := range []struct {
		name, lang, text string
		want             []diag
	}{
		{"lib.json", "json", `{"templates":[{"id":"a","lang":"en","text":"We 😀 recieve it."}]}`,
			[]diag{{"spelling", protocol.DiagnosticSeverityWarning, "0:50-0:57"}}},
		{"inbox.jsonl", "jsonl", `{"id":"a","lang":"tr","text":"Yanl\u0131zca bugün."}` + "\n",
			[]diag{{"spelling", protocol.DiagnosticSeverityWarning, "0:30-0:43"}}},
		{"promos.csv", "csv", "id,lang,text\na,en,We 😀 recieve it.\n",
			[]diag{{"spelling", protocol.DiagnosticSeverityWarning, "1:11-1:18"}}},
		{"away.txt", "plaintext", "We recieve it.\n---\nMerhaba, herkez burada.\n",
			[]diag{{"spelling", protocol.DiagnosticSeverityWarning, "0:3-0:10"}, {"spelling", protocol.DiagnosticSeverityWarning, "2:9-2:15"}}},
		// A transcript is checked by the conversation rules.
		{"chat.jsonl", "jsonl", `{"time":"2026-03-01T10:00:00Z","conversation":"c1","channel":"messenger","direction":"in","text":"Hi"}` + "\n" +
			`{"time":"2026-03-03T10:00:00Z","conversation":"c1","channel":"messenger","direction":"out","actor":"agent","text":"Hello."}` + "\n",
			[]diag{{"response-time", protocol.DiagnosticSeverityWarning, "0:0-0:0"}, {"response-time", protocol.DiagnosticSeverityWarning, "1:0-1:123"},
				{"window", protocol.DiagnosticSeverityError, "1:0-1:123"}}},
		{"tr.po", "po", "msgid \"\"\nmsgstr \"\"\n\"Language: tr\\n\"\n\nmsgctxt \"a\"\nmsgid \"For everyone.\"\nmsgstr \"Herkez için geçerli.\"\n",
			[]diag{{"spelling", protocol.DiagnosticSeverityWarning, "6:8-6:14"}}},
		// A directive switches a rule off; one that switches off nothing
		// is a finding of its own.
		{"directives.yaml", "yaml", "templates:\n  - id: a\n    lang: en\n    # msglint-disable-next-line spelling -- a brand name\n    text: \"Meet Recieve, our app.\"\n" +
			"  - id: b\n    lang: en\n    # msglint-disable-next-line spelling\n    text: \"All good here.\"\n",
			[]diag{{"directive", protocol.DiagnosticSeverityWarning, "7:6-7:40"}}},
		{"bad.yaml", "yaml", "templates:\n  - id: a\n    txet: x\n",
			[]diag{{"", protocol.DiagnosticSeverityError, "2:4-2:4"}}},
		// An unsaved document is read in the format of its language.
		{"untitled:Untitled-1", "csv", "id,lang,text\na,en,We recieve it.\n",
			[]diag{{"spelling", protocol.DiagnosticSeverityWarning, "1:8-1:15"}}},
	} {
		var p protocol.PublishDiagnosticsParams
		if strings.HasPrefix(tc.name, "untitled:") {
			c.notify(protocol.MethodTextDocumentDidOpen, protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
				URI: protocol.DocumentURI(tc.name), LanguageID: protocol.LanguageIdentifier(tc.lang), Version: 1, Text: tc.text}})
			p = c.published()
		} else {
			p = c.open(filepath.Join(dir, tc.name), tc.lang, tc.text)
		}
		if d := cmp.Diff(tc.want, diags(p)); d != "" {
			t.Errorf("%s: %s", tc.name, d)
		}
	}
	if code := c.stop(); code != 0 {
		t.Errorf("exit %d", code)
	}
}

// A session as an editor runs it: open, diagnostics, code actions, hover,
// edits, a config that changes, shutdown and exit.
func TestLSPSession(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "replies.yaml")
	text := "templates:\n  - id: a\n    lang: en\n    text: \"Thanks 😀 we recieve it.\"\n"
	c := startLSP(t)
	init := c.initialize(map[string]any{"workspace": map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}}})
	caps, _ := json.Marshal(init["capabilities"])
	if want := `{"codeActionProvider":{"codeActionKinds":["quickfix","source.fixAll"]},"hoverProvider":true,"textDocumentSync":{"change":1,"openClose":true,"save":{}}}`; string(caps) != want {
		t.Errorf("capabilities %s\nwant %s", caps, want)
	}
	select {
	case reg := <-c.registered:
		b, _ := json.Marshal(reg)
		if want := `{"registrations":[{"id":"msglint-config","method":"workspace/didChangeWatchedFiles","registerOptions":{"watchers":[{"globPattern":"**/.msglint.yaml"},{"globPattern":"**/.msglint.yml"}]}}]}`; string(b) != want {
			t.Errorf("registration %s", b)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("config files not watched")
	}

	p := c.open(path, "yaml", text)
	typo := diag{"spelling", protocol.DiagnosticSeverityWarning, "3:24-3:31"} // after 😀, two UTF-16 units
	if d := cmp.Diff([]diag{typo}, diags(p)); d != "" || p.Version != 1 || p.URI != fileURI(path) {
		t.Fatalf("didOpen: %s %+v", d, p)
	}
	if got := p.Diagnostics[0]; got.Message != "\"recieve\" is a misspelling of \"receive\"\nsuggestion: receive" || got.Source != "msglint" ||
		got.CodeDescription.Href != "https://github.com/msglint/msglint/blob/main/docs/rules.md#spelling" {
		t.Errorf("diagnostic %+v", got)
	}

	// The cursor on the typo: its fix, and all the file's fixes.
	type action struct{ Title, Kind, Edits string }
	codeActions := func(r protocol.Range) []action {
		var got []protocol.CodeAction
		c.call(protocol.MethodTextDocumentCodeAction, protocol.CodeActionParams{TextDocument: protocol.TextDocumentIdentifier{URI: p.URI}, Range: r}, &got)
		out := []action{}
		for _, a := range got {
			var edits []string
			for u, es := range a.Edit.Changes {
				for _, e := range es {
					edits = append(edits, fmt.Sprintf("%s %s %q", filepath.Base(string(u)), rangeString(e.Range), e.NewText))
				}
			}
			out = append(out, action{a.Title, string(a.Kind), strings.Join(edits, "; ")})
		}
		return out
	}
	cursor := protocol.Range{Start: protocol.Position{Line: 3, Character: 26}, End: protocol.Position{Line: 3, Character: 26}}
	want := []action{
		{`Replace "recieve" with "receive"`, "quickfix", `replies.yaml 3:24-3:31 "receive"`},
		{"Fix all safe msglint problems", "source.fixAll", `replies.yaml 3:24-3:31 "receive"`},
	}
	if d := cmp.Diff(want, codeActions(cursor)); d != "" {
		t.Errorf("codeAction: %s", d)
	}
	elsewhere := protocol.Range{Start: protocol.Position{Line: 0, Character: 0}, End: protocol.Position{Line: 0, Character: 3}}
	if d := cmp.Diff(want[1:], codeActions(elsewhere)); d != "" {
		t.Errorf("codeAction away from the typo: %s", d)
	}

	var hover protocol.Hover
	c.call(protocol.MethodTextDocumentHover, protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: p.URI}, Position: cursor.Start}}, &hover)
	var spelling *lint.Rule
	for _, r := range allRules() {
		if r.Name == "spelling" {
			spelling = r
		}
	}
	title := strings.ToUpper(spelling.Doc.Title[:1]) + spelling.Doc.Title[1:]
	for _, part := range []string{"**msglint spelling** (warning): \"recieve\" is a misspelling of \"receive\"", "**" + title + ".**",
		"**Why:**", "Bad: " + spelling.Doc.Examples[lint.English].Bad} {
		if !strings.Contains(hover.Contents.Value, part) {
			t.Errorf("hover lacks %q:\n%s", part, hover.Contents.Value)
		}
	}
	if hover.Range == nil || rangeString(*hover.Range) != typo.Range || hover.Contents.Kind != protocol.Markdown {
		t.Errorf("hover %+v", hover)
	}
	var none *protocol.Hover
	c.call(protocol.MethodTextDocumentHover, protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: p.URI}, Position: protocol.Position{Line: 0, Character: 1}}}, &none)
	if none != nil {
		t.Errorf("hover away from findings: %+v", none)
	}

	// Typing: the fix, then a new typo.
	change := func(version int32, text string) protocol.PublishDiagnosticsParams {
		c.notify(protocol.MethodTextDocumentDidChange, protocol.DidChangeTextDocumentParams{
			TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: p.URI}, Version: version},
			ContentChanges: []protocol.TextDocumentContentChangeEvent{{Text: text}}})
		return c.published()
	}
	text = strings.Replace(text, "recieve", "receive", 1)
	if p := change(2, text); len(p.Diagnostics) != 0 || p.Version != 2 {
		t.Errorf("after the fix: %+v", p)
	}
	text = strings.Replace(text, "Thanks", "Definately", 1)
	if d := cmp.Diff([]diag{{"spelling", protocol.DiagnosticSeverityWarning, "3:11-3:21"}}, diags(change(3, text))); d != "" {
		t.Errorf("after a new typo: %s", d)
	}

	// A config written next to the file applies once the editor says so.
	config := filepath.Join(dir, ".msglint.yaml")
	if err := os.WriteFile(config, []byte("rules:\n  spelling:\n    severity: error\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify(protocol.MethodWorkspaceDidChangeWatchedFiles, protocol.DidChangeWatchedFilesParams{Changes: []*protocol.FileEvent{{URI: fileURI(config), Type: protocol.FileChangeTypeCreated}}})
	if d := cmp.Diff([]diag{{"spelling", protocol.DiagnosticSeverityError, "3:11-3:21"}}, diags(c.published())); d != "" {
		t.Errorf("after the config: %s", d)
	}
	// A broken config, saved in the editor, is shown on the file it stops.
	if err := os.WriteFile(config, []byte("rules:\n  speling: {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify(protocol.MethodTextDocumentDidSave, protocol.DidSaveTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: fileURI(config)}})
	p = c.published()
	if d := cmp.Diff([]diag{{"", protocol.DiagnosticSeverityError, "0:0-0:0"}}, diags(p)); d != "" || !strings.Contains(p.Diagnostics[0].Message, `speling`) {
		t.Errorf("after a broken config: %s %+v", d, p.Diagnostics)
	}

	c.notify(protocol.MethodTextDocumentDidClose, protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: p.URI}})
	if p := c.published(); len(p.Diagnostics) != 0 || p.Diagnostics == nil {
		t.Errorf("after close: %+v", p)
	}
	if code := c.stop(); code != 0 {
		t.Errorf("exit %d, stderr %q", code, c.stderr)
	}
}

// LSP asks a server that exits without a shutdown first to exit 1.
func TestLSPExitWithoutShutdown(t *testing.T) {
	c := startLSP(t)
	c.initialize(map[string]any{})
	c.notify(protocol.MethodExit, nil)
	select {
	case code := <-c.exit:
		if code != exitFindings {
			t.Errorf("exit %d", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not exit")
	}
}
