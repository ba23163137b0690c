package lint

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestCompiledLangsMatchYAML holds the built-in registry, read from
// lang_compiled.go, to data/lang.yaml decoded and checked as it was at
// every start before (TestCompiledLangsAreFresh holds the file's bytes).
func TestCompiledLangsMatchYAML(t *testing.T) {
	raw, err := os.ReadFile("data/lang.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var fromYAML []*LangSpec
	if err := decodeStrict(raw, &fromYAML); err != nil {
		t.Fatal(err)
	}
	for _, s := range fromYAML {
		if err := s.check(); err != nil {
			t.Fatal(err)
		}
	}
	builtIn := langSpecs[:len(fromYAML)] // a test may have registered a pack after them
	if diff := cmp.Diff(fromYAML, builtIn, cmpopts.IgnoreUnexported(LangSpec{})); diff != "" {
		t.Fatalf("the compiled registry differs from data/lang.yaml (-yaml +compiled):\n%s", diff)
	}
	for i, s := range fromYAML {
		c := builtIn[i]
		if !cmp.Equal(s.stop, c.stop) || !cmp.Equal(s.abbr, c.abbr) || s.abbrSpaced != c.abbrSpaced || s.abbrRunes != c.abbrRunes ||
			s.foldLetters != c.foldLetters || (s.foldTo == nil) != (c.foldTo == nil) || s.foldTo != nil && *s.foldTo != *c.foldTo ||
			(s.foldCase == nil) != (c.foldCase == nil) || s.foldCase != nil && *s.foldCase != *c.foldCase {
			t.Errorf("%s: what check derives differs", s.Code)
		}
	}
}
