package report

import (
	"crypto/sha256"
	"encoding/hex"
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
