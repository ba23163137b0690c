package lint

import (
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// A rule that looks across files sees every file a run reads, once, after
// all are read; a message that switches it off gets no finding from it.
func TestCheckSets(t *testing.T) {
	var seen [][]string
	r := &Rule{Name: "across", Doc: Doc{Severity: Warning, Default: true},
		New: func(*yaml.Node) (Check, error) { return nil, nil },
		NewSet: func(*yaml.Node) (SetCheck, error) {
			return func(files [][]*Message, report func(*Message, Diagnostic)) {
				for _, f := range files {
					var ids []string
					for _, m := range f {
						ids = append(ids, m.ID)
						report(m, Diagnostic{Message: "seen"})
					}
					seen = append(seen, ids)
				}
			}, nil
		}}
	l, err := NewLinter([]*Rule{r}, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]*Message{}
	for _, path := range []string{"a.yaml", "b.yaml"} {
		src := NewSource(path, []byte("x"))
		files[path] = []*Message{{ID: path + "#1", Source: src}, {ID: path + "#2", Source: src, Disable: []string{"across"}}}
	}
	res := l.CheckFiles([]string{"a.yaml", "b.yaml"}, func(p string) (Loaded, error) { return Loaded{Msgs: files[p]}, nil })
	slices.SortFunc(seen, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	if want := [][]string{{"a.yaml#1", "a.yaml#2"}, {"b.yaml#1", "b.yaml#2"}}; !slices.EqualFunc(seen, want, slices.Equal) {
		t.Errorf("the set check saw %v, want %v", seen, want)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.MessageID+" "+f.Rule+" "+f.Severity.String())
	}
	if want := []string{"a.yaml#1 across warning", "b.yaml#1 across warning"}; !slices.Equal(got, want) {
		t.Errorf("findings %v, want %v", got, want)
	}
}

// A rule that says which messages it needs gets only those, and files with
// none of them not at all.
func TestCheckSetsKeeps(t *testing.T) {
	var seen [][]string
	r := &Rule{Name: "across", Doc: Doc{Severity: Warning, Default: true},
		New:      func(*yaml.Node) (Check, error) { return nil, nil },
		SetKeeps: func(m *Message) bool { return strings.HasSuffix(m.ID, "!") },
		NewSet: func(*yaml.Node) (SetCheck, error) {
			return func(files [][]*Message, _ func(*Message, Diagnostic)) {
				for _, f := range files {
					var ids []string
					for _, m := range f {
						ids = append(ids, m.ID)
					}
					seen = append(seen, ids)
				}
			}, nil
		}}
	l, err := NewLinter([]*Rule{r}, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]*Message{"a": {{ID: "a1"}, {ID: "a2!"}}, "b": {{ID: "b1"}}}
	l.CheckFiles([]string{"a", "b"}, func(p string) (Loaded, error) { return Loaded{Msgs: files[p]}, nil })
	if want := [][]string{{"a2!"}}; !slices.EqualFunc(seen, want, slices.Equal) {
		t.Errorf("the set check saw %v, want %v", seen, want)
	}
}
