package hook

import (
	_ "embed"
	"net/http"

	"github.com/msglint/msglint/lint"
)

var (
	//go:embed playground.html
	playgroundHTML []byte
	//go:embed playground.js
	playgroundJS []byte
)

// The playground runs its own script file only: no inline script, no
// framing, and requests to this hook alone.
const playgroundCSP = "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

func (s *Server) playground(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", playgroundCSP)
	w.Write(playgroundHTML)
}

func (s *Server) playgroundScript(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	w.Write(playgroundJS)
}

type ruleInfo struct {
	Name     string        `json:"name"`
	Title    string        `json:"title"`
	Text     string        `json:"text"`
	Why      string        `json:"why"`
	Severity lint.Severity `json:"severity"`
	On       bool          `json:"on"`
}

// rules lists the catalogue with explanations, for the playground.
func (s *Server) rules(w http.ResponseWriter, _ *http.Request, _ []byte) {
	out := []ruleInfo{}
	for _, r := range s.cfg.Rules {
		_, _, on := s.cfg.Linter.Config(r.Name)
		out = append(out, ruleInfo{Name: r.Name, Title: r.Doc.Title, Text: r.Doc.Text, Why: r.Doc.Why, Severity: s.cfg.Linter.Severity(r.Name, r.Doc.Severity), On: on})
	}
	writeJSON(w, http.StatusOK, out)
}
