package load

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/msglint/msglint/lint"
)

// FileFix is one file's safe fixes, applied to its bytes.
type FileFix struct {
	Path     string
	Old, New []byte
	Fixed    int // edits applied
	// Changed says the file's bytes changed since it was checked: it is
	// left alone, and Old and New are empty.
	Changed bool
	// utf16 is the file as read when it is UTF-16: Old and New are its text
	// in UTF-8, and Write encodes New as the file was.
	utf16 []byte
}

// Fixes gives each file with safe fixes among the findings, in path order,
// to each; it stops at the first error, from reading a file or from each.
// Standard input and drafts are no files and get none.
func Fixes(res lint.Result, each func(FileFix) error) error {
	byFile := map[string][]lint.FileEdit{}
	src := map[string][]byte{}
	var files []string
	for _, f := range res.Findings {
		if f.Msg == nil || f.Msg.Source == nil {
			continue
		}
		if _, ok := src[f.File]; !ok {
			src[f.File] = f.Msg.Source.Data
		}
		if f.Fix == nil || f.File == StdinName || f.File == DraftName {
			continue
		}
		if byFile[f.File] == nil {
			files = append(files, f.File)
		}
		byFile[f.File] = append(byFile[f.File], *f.Fix)
	}
	slices.Sort(files)
	for _, path := range files {
		old, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		ff := FileFix{Path: path, Changed: !bytes.Equal(old, src[path])}
		text := old
		if dec, ok := decodeUTF16(old); ok && ff.Changed && bytes.Equal(dec, src[path]) {
			// Read as UTF-16 (Apple .strings): fixed as text, written back as UTF-16.
			text, ff.Changed, ff.utf16 = dec, false, old
		}
		if !ff.Changed {
			ff.Old = text
			ff.New, ff.Fixed = lint.ApplyFixes(text, byFile[path])
		}
		if err := each(ff); err != nil {
			return err
		}
	}
	return nil
}

// Write replaces the file with the fixed bytes through a temporary file
// beside it, keeping its permissions, so a crash never leaves half a file.
// A symlink is followed: its target is fixed and the link stays a link.
func (f FileFix) Write() error {
	path, err := filepath.EvalSymlinks(f.Path)
	if err != nil {
		return err
	}
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file; not fixed", f.Path)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".msglint-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	data := f.New
	if f.utf16 != nil {
		data = encodeUTF16(data, f.utf16)
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(st.Mode().Perm()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
