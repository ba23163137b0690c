// Package lsp is msglint's language server: an editor sends the text of an
// open message file as the user types and gets back its findings as
// diagnostics, safe fixes as code actions, and a rule's explanation on
// hover. It speaks LSP over one stream (stdio), with the protocol types of
// go.lsp.dev/protocol and the framing of go.lsp.dev/jsonrpc2.
package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"strings"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"
)

// Env checks a document: the linter and options the config that applies to
// it gives.
type Env struct {
	Linter  *lint.Linter
	Options load.Options
	// Conversations checks transcripts and webhook payloads; without it
	// they are read as message files.
	Conversations load.Conversations
}

// Resolver gives the Env for a document's path from the configs on disk,
// reading each once. Its error (a config that cannot be read) is shown on
// the document.
type Resolver func(path string) (*Env, error)

// Server is one editor's session.
type Server struct {
	newResolver func() Resolver
	resolve     Resolver // a new one after each config change
	version     string
	conn        jsonrpc2.Conn
	client      protocol.Client

	docs map[protocol.DocumentURI]*document

	// watch is set when the client can be asked to watch config files.
	watch    bool
	shutdown bool
	exited   chan struct{}
}

// document is an open document and what it was last found to hold.
type document struct {
	uri     protocol.DocumentURI
	path    string
	version int32
	text    *text
	found   []found
}

// found is a finding and its diagnostic.
type found struct {
	lint.Finding
	diag protocol.Diagnostic
}

// ErrNoShutdown is Serve's error when the client said exit without asking
// for a shutdown first; LSP asks the server to exit with status 1 then.
var ErrNoShutdown = errors.New("exit without shutdown")

// Serve runs a session on rw until the client exits or the stream ends.
// An exit without a shutdown first is an error, as LSP asks.
func Serve(ctx context.Context, rw io.ReadWriteCloser, newResolver func() Resolver, version string) error {
	conn := jsonrpc2.NewConn(jsonrpc2.NewStream(rw))
	s := &Server{
		newResolver: newResolver, resolve: newResolver(), version: version, conn: conn, client: protocol.ClientDispatcher(conn, zap.NewNop()),
		docs: map[protocol.DocumentURI]*document{}, exited: make(chan struct{}),
	}
	conn.Go(ctx, s.handle)
	select {
	case <-conn.Done():
	case <-ctx.Done():
		conn.Close()
		return ctx.Err()
	}
	select {
	case <-s.exited:
		if !s.shutdown {
			return ErrNoShutdown
		}
	default: // the stream ended: the editor went away
	}
	return nil
}

// handle answers one request or notification. Requests are handled one at
// a time in the order they came, so a change is always checked before the
// code actions asked for after it.
func (s *Server) handle(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) (err error) {
	// A bug met on one document is that request's error, not the end of
	// the session.
	defer func() {
		if p := recover(); p != nil {
			err = reply(ctx, nil, jsonrpc2.Errorf(jsonrpc2.InternalError, "%s: %v", req.Method(), p))
		}
	}()
	result, err := s.dispatch(ctx, req)
	return reply(ctx, result, err)
}

func (s *Server) dispatch(ctx context.Context, req jsonrpc2.Request) (any, error) {
	if s.shutdown && req.Method() != protocol.MethodExit {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "the server is shut down")
	}
	switch req.Method() {
	case protocol.MethodInitialize:
		var p initializeParams
		if err := decode(req, &p); err != nil {
			return nil, err
		}
		s.watch = p.Capabilities.Workspace.DidChangeWatchedFiles.DynamicRegistration
		return s.capabilities(), nil
	case protocol.MethodInitialized:
		if s.watch {
			// The client answers on the stream this handler reads: ask
			// without waiting for the answer.
			go s.client.RegisterCapability(ctx, &protocol.RegistrationParams{Registrations: []protocol.Registration{{
				ID: "msglint-config", Method: protocol.MethodWorkspaceDidChangeWatchedFiles,
				RegisterOptions: protocol.DidChangeWatchedFilesRegistrationOptions{Watchers: configWatchers()},
			}}})
		}
		return nil, nil
	case protocol.MethodShutdown:
		s.shutdown = true
		return nil, nil
	case protocol.MethodExit:
		close(s.exited)
		s.conn.Close()
		return nil, nil
	case protocol.MethodTextDocumentDidOpen:
		var p protocol.DidOpenTextDocumentParams
		if err := decode(req, &p); err != nil {
			return nil, err
		}
		d := &document{uri: p.TextDocument.URI, path: docPath(p.TextDocument.URI, string(p.TextDocument.LanguageID)),
			version: p.TextDocument.Version, text: newText(p.TextDocument.Text)}
		s.docs[d.uri] = d
		return nil, s.check(ctx, d)
	case protocol.MethodTextDocumentDidChange:
		var p protocol.DidChangeTextDocumentParams
		if err := decode(req, &p); err != nil {
			return nil, err
		}
		d, ok := s.docs[p.TextDocument.URI]
		if !ok || len(p.ContentChanges) == 0 {
			return nil, nil
		}
		// Full sync: each change holds the whole text.
		d.text, d.version = newText(p.ContentChanges[len(p.ContentChanges)-1].Text), p.TextDocument.Version
		return nil, s.check(ctx, d)
	case protocol.MethodTextDocumentDidSave:
		var p protocol.DidSaveTextDocumentParams
		if err := decode(req, &p); err != nil {
			return nil, err
		}
		if isConfig(docPath(p.TextDocument.URI, "")) {
			return nil, s.reload(ctx)
		}
		return nil, nil
	case protocol.MethodTextDocumentDidClose:
		var p protocol.DidCloseTextDocumentParams
		if err := decode(req, &p); err != nil {
			return nil, err
		}
		delete(s.docs, p.TextDocument.URI)
		return nil, s.client.PublishDiagnostics(ctx, &protocol.PublishDiagnosticsParams{URI: p.TextDocument.URI, Diagnostics: []protocol.Diagnostic{}})
	case protocol.MethodWorkspaceDidChangeWatchedFiles:
		// Whatever changed may be a config or a file one extends.
		return nil, s.reload(ctx)
	case protocol.MethodTextDocumentCodeAction:
		var p protocol.CodeActionParams
		if err := decode(req, &p); err != nil {
			return nil, err
		}
		d, ok := s.docs[p.TextDocument.URI]
		if !ok {
			return []protocol.CodeAction{}, nil
		}
		return d.codeActions(p.Range, p.Context.Only), nil
	case protocol.MethodTextDocumentHover:
		var p protocol.HoverParams
		if err := decode(req, &p); err != nil {
			return nil, err
		}
		d, ok := s.docs[p.TextDocument.URI]
		if !ok {
			return nil, nil
		}
		return d.hover(p.Position, s.rules(d)), nil
	}
	if _, call := req.(*jsonrpc2.Call); call {
		return nil, jsonrpc2.NewError(jsonrpc2.MethodNotFound, "msglint does not handle "+req.Method())
	}
	return nil, nil // a notification msglint has no use for ($/cancelRequest, …)
}

// initializeParams is the part of the client's capabilities msglint reads;
// the rest, which differs between protocol versions, is left alone.
type initializeParams struct {
	Capabilities struct {
		Workspace struct {
			DidChangeWatchedFiles struct {
				DynamicRegistration bool `json:"dynamicRegistration"`
			} `json:"didChangeWatchedFiles"`
		} `json:"workspace"`
	} `json:"capabilities"`
}

func (s *Server) capabilities() *protocol.InitializeResult {
	return &protocol.InitializeResult{
		Capabilities: protocol.ServerCapabilities{
			TextDocumentSync: &protocol.TextDocumentSyncOptions{
				OpenClose: true, Change: protocol.TextDocumentSyncKindFull, Save: &protocol.SaveOptions{},
			},
			HoverProvider: true,
			CodeActionProvider: &protocol.CodeActionOptions{
				CodeActionKinds: []protocol.CodeActionKind{protocol.QuickFix, sourceFixAll},
			},
		},
		ServerInfo: &protocol.ServerInfo{Name: "msglint", Version: s.version},
	}
}

func configWatchers() []protocol.FileSystemWatcher {
	var ws []protocol.FileSystemWatcher
	for _, n := range lint.ConfigNames {
		ws = append(ws, protocol.FileSystemWatcher{GlobPattern: "**/" + n})
	}
	return ws
}

func isConfig(path string) bool { return slices.Contains(lint.ConfigNames, filepath.Base(path)) }

func decode(req jsonrpc2.Request, v any) error {
	if err := json.Unmarshal(req.Params(), v); err != nil {
		return jsonrpc2.NewError(jsonrpc2.InvalidParams, fmt.Sprintf("%s: %v", req.Method(), err))
	}
	return nil
}

// docPath is the file path of a document: its file name, or for an unsaved
// one (untitled:) a name whose extension its language gives, so that it is
// read in the format it is written in.
func docPath(u protocol.DocumentURI, lang string) string {
	if strings.HasPrefix(string(u), uri.FileScheme+":") {
		if p, err := url.Parse(string(u)); err == nil && p.Path != "" {
			return uri.URI(u).Filename()
		}
	}
	name := string(u)
	if p, err := url.Parse(name); err == nil && p.Opaque+p.Path != "" {
		name = p.Opaque + p.Path
	}
	if filepath.Ext(name) == "" && lang != "" && lang != "plaintext" {
		name += "." + lang
	}
	return name
}

// env is the Env for a document.
func (s *Server) env(d *document) (*Env, error) { return s.resolve(d.path) }

// reload forgets every config read and checks the open documents again.
func (s *Server) reload(ctx context.Context) error {
	s.resolve = s.newResolver()
	for _, d := range s.sortedDocs() {
		if err := s.check(ctx, d); err != nil {
			return err
		}
	}
	return nil
}

func (s *Server) sortedDocs() []*document {
	var ds []*document
	for _, d := range s.docs {
		ds = append(ds, d)
	}
	slices.SortFunc(ds, func(a, b *document) int { return strings.Compare(string(a.uri), string(b.uri)) })
	return ds
}

// rules are the rules that check a document, for hover.
func (s *Server) rules(d *document) []*lint.Rule {
	if env, err := s.env(d); err == nil {
		return env.Linter.Rules()
	}
	return nil
}
