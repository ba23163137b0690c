package hook

import (
	_ "embed"
	"net/http"

	"github.com/msglint/msglint/lint"
)

//go:embed playground.html
var playgroundHTML []byte

func (s *Server) playground(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'")
	w.Write(playgroundHTML)
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
func (s *Server) rules(w http.ResponseWriter, _ *http.Request) {
	out := []ruleInfo{}
	for _, r := range s.cfg.Rules {
		_, _, on := s.cfg.Linter.Config(r.Name)
		out = append(out, ruleInfo{Name: r.Name, Title: r.Doc.Title, Text: r.Doc.Text, Why: r.Doc.Why, Severity: s.cfg.Linter.Severity(r.Name, r.Doc.Severity), On: on})
	}
	writeJSON(w, http.StatusOK, out)
}
