package lint

import (
	"cmp"
	"slices"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
)

// sortFindingsByFields is SortFindings as it was written first: one stable
// sort of the findings themselves, by every field at once.
func sortFindingsByFields(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.EndLine, b.EndLine),
			cmp.Compare(a.EndCol, b.EndCol),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// samePointer compares findings' messages by identity.
var samePointer = gocmp.Comparer(func(a, b *Message) bool { return a == b })

// FuzzSortFindings holds SortFindings to a plain stable sort, on findings
// grouped by message as a run makes them, in order or not, with ties that
// only their suggestions tell apart.
func FuzzSortFindings(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
	f.Add([]byte{9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 0, 0, 0, 0, 0})
	f.Add([]byte{1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		msgs := []*Message{nil, {ID: "a"}, {ID: "b"}}
		var fs []Finding
		for i := 0; i+3 <= len(data) && len(fs) < 500; i += 3 {
			a, b, c := data[i], data[i+1], data[i+2]
			fs = append(fs, Finding{
				File: []string{"a", "b"}[a>>7], Line: int(a>>4&7) + len(fs)*int(c>>7), Col: int(a & 15),
				Rule: []string{"r", "s", "t"}[b%3], EndLine: int(b >> 6), EndCol: int(b >> 4 & 3),
				Message: []string{"m", "n"}[b>>3&1], Suggestion: string(rune('a' + len(fs)%26)),
				Msg: msgs[int(c)%len(msgs)],
			})
		}
		want := slices.Clone(fs)
		sortFindingsByFields(want)
		SortFindings(fs)
		if d := gocmp.Diff(want, fs, samePointer); d != "" {
			t.Fatalf("(-want +got):\n%s", d)
		}
	})
}

// A run's findings in file order but for each message's own, and a long run
// of one message's, come out as the plain stable sort has them.
func TestSortFindingsRuns(t *testing.T) {
	var fs []Finding
	msgs := make([]*Message, 300)
	for i := range msgs {
		msgs[i] = &Message{ID: string(rune('a' + i%26))}
		for _, col := range []int{9, 1, 5, 1} {
			fs = append(fs, Finding{File: "f", Line: i + 1, Col: col, Rule: []string{"x", "y"}[col%2], Suggestion: string(rune('a' + len(fs)%26)), Msg: msgs[i]})
		}
	}
	for i := range 100 { // one message's many findings, backwards
		fs = append(fs, Finding{File: "f", Line: 1000 - i, Msg: msgs[0]})
	}
	want := slices.Clone(fs)
	sortFindingsByFields(want)
	SortFindings(fs)
	if d := gocmp.Diff(want, fs, samePointer); d != "" {
		t.Fatalf("(-want +got):\n%s", d)
	}
}
