// Package realtext reads real strings nobody wrote for the rules, kept as
// DIR/<lang>/*.txt (one string a message, messages separated by a line
// "---", read as `msglint check` reads plain text), for the commands that
// count what the rules say of them.
package realtext

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
)

// File is one file's messages.
type File struct {
	Name string
	Msgs []*lint.Message
}

// Read returns the files DIR/<lang>/*.txt, their messages of kind (empty:
// as the loader leaves them), and the words they hold.
func Read(dir string, lang lint.Lang, kind lint.Kind) ([]File, int, error) {
	files, err := filepath.Glob(filepath.Join(dir, string(lang), "*.txt"))
	if err != nil {
		return nil, 0, err
	}
	var out []File
	words := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, 0, err
		}
		for _, line := range strings.Split(string(data), "\n") {
			if strings.TrimSpace(line) != "---" {
				words += len(strings.Fields(line))
			}
		}
		msgs, err := load.Options{Lang: lang, Kind: kind}.File(f, data)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, File{filepath.Base(f), msgs})
	}
	return out, words, nil
}
