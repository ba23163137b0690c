package report

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"path/filepath"
	"strings"

	"github.com/msglint/msglint/lint"
)

// What the CI formats (GitLab, JUnit, Checkstyle, rdjson) share.

// withSuggestion is a finding's message with its suggestion, for formats
// that have no field of their own for it.
func withSuggestion(f lint.Finding) string {
	if f.Suggestion == "" {
		return f.Message
	}
	return f.Message + " (suggestion: " + f.Suggestion + ")"
}

// relPath is a path as CI systems match it against the repository: with
// forward slashes and without a leading "./".
func relPath(path string) string {
	return strings.TrimPrefix(filepath.ToSlash(path), "./")
}

// hashStrings is a short stable hash of strings, each ended by a NUL so
// that ("ab", "c") and ("a", "bc") differ.
func hashStrings(parts ...string) string {
	h := sha256.New()
	for _, s := range parts {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// inputError is where an input error is and what it says: the file, line
// and column an *lint.InputError names, the file a failing *lint.Skip (a
// file over the size cap) names, or nothing but the message.
type inputError struct {
	path      string
	line, col int
	msg       string
}

func placeError(err error) inputError {
	if e := (*lint.InputError)(nil); errors.As(err, &e) {
		return inputError{relPath(e.Path), e.Line, e.Col, e.Msg}
	}
	if s := (*lint.Skip)(nil); errors.As(err, &s) {
		return inputError{path: relPath(s.Path), msg: strings.TrimPrefix(s.Error(), s.Path+": ")}
	}
	return inputError{msg: err.Error()}
}
