package load

import (
	"io/fs"
	"os"
	"path/filepath"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/msglint/msglint/lint"
)

// DefaultExclude is always left out of a folder walk: hidden folders,
// dependencies, and msglint's own config.
var DefaultExclude = []string{"**/.*/**", "**/node_modules/**", "**/vendor/**", "**/.msglint.yaml", "**/.msglint.yml"}

// Input is one file to check. Walked files that turn out not to be message
// libraries are skipped; named ones are errors.
type Input struct {
	Path   string
	Walked bool
}

// Expand turns command-line paths into inputs: files as they are, folders
// walked in lexical order through the include and exclude globs.
func Expand(paths, include, exclude []string) ([]Input, []error) {
	if len(include) == 0 {
		include = DefaultInclude
	}
	exclude = append(append([]string{}, DefaultExclude...), exclude...)
	var out []Input
	var errs []error
	for _, p := range paths {
		if p == "-" {
			out = append(out, Input{Path: p})
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			errs = append(errs, &lint.InputError{Path: p, Msg: "cannot read: " + pathErr(err)})
			continue
		}
		if !st.IsDir() {
			out = append(out, Input{Path: p})
			continue
		}
		err = filepath.WalkDir(p, func(path string, e fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, &lint.InputError{Path: path, Msg: "cannot read: " + pathErr(err)})
				return nil
			}
			rel, _ := filepath.Rel(p, path)
			rel = filepath.ToSlash(rel)
			if e.IsDir() {
				if rel != "." && matchAny(exclude, rel+"/x") {
					return filepath.SkipDir
				}
				return nil
			}
			if matchAny(include, rel) && !matchAny(exclude, rel) {
				out = append(out, Input{Path: path, Walked: true})
			}
			return nil
		})
		if err != nil {
			errs = append(errs, &lint.InputError{Path: p, Msg: err.Error()})
		}
	}
	return out, errs
}

func matchAny(globs []string, rel string) bool {
	for _, g := range globs {
		if ok, _ := doublestar.Match(g, rel); ok {
			return true
		}
	}
	return false
}

func pathErr(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}
