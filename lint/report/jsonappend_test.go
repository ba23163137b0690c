package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/msglint/msglint/lint"
)

// encoded is what json.Encoder, as the writers used it before they wrote
// by hand, writes for v.
func encoded(v any, prefix string) (string, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	err := enc.Encode(v)
	return string(bytes.TrimSuffix(b.Bytes(), []byte("\n"))), err
}

// FuzzJSONWriters holds the hand-written JSON finding and SARIF result to
// the bytes encoding/json writes for the same values, and the same error.
func FuzzJSONWriters(f *testing.F) {
	f.Add("spelling", `"recieve" is a misspelling of "receive"`, "dir/big.jsonl", "#1", "receive", "greeting", "key path", 2, 1, 3)
	f.Add("a<b>&c", "\u2028\u2029\x00\x1f\x7f\t\n\r\b\f\\\"", "/abs/ş file?.json", "\xff\xfe", "\xed\xa0\x80", "", "x", 0, 0, -1)
	f.Add("", "", "", "", "", "reply", "", 4, 1<<40, 0)
	// Letters of two bytes, and bytes that only look like one: a lead at
	// the end, before ASCII, overlong (C0, C1), a lone continuation.
	f.Add("şğıöüçə", "Sifarişiniz göndərildi\xc3", "ə\xc3(\xc1\x80\xc0\xaf", "\x80\xdf\xbf\xc2", "Ğ", "", "", 1, 2, 3)
	f.Fuzz(func(t *testing.T, rule, msg, file, id, sugg, kind, kindFrom string, sev, line, col int) {
		m := &lint.Message{ID: id, Kind: lint.Kind(kind), KindFrom: kindFrom}
		fd := lint.Finding{Rule: rule, Severity: lint.Severity(sev), Message: msg, File: file, Line: line, Col: col,
			EndLine: line + col, EndCol: col - line, MessageID: id, Suggestion: sugg, Msg: m}

		want, werr := encoded(NewJSONFinding(fd), "    ")
		got, gerr := appendJSONFinding(nil, NewJSONFinding(fd))
		if fmt.Sprint(gerr) != fmt.Sprint(werr) {
			t.Fatalf("error %v, want %v", gerr, werr)
		}
		if werr == nil {
			if d := cmp.Diff(want, string(got)); d != "" {
				t.Fatalf("JSON finding (-encoding/json +by hand):\n%s", d)
			}
		}
		// The writers keep each rule's opening and the file's keys
		// (jsonHeads): the same bytes the first time, again once they
		// are kept, and after another rule, file and line were met.
		other := lint.Finding{Rule: rule + "x", Severity: lint.Warning, File: file + "y", Line: line + 1, EndLine: line + 1}
		var h jsonHeads
		for round, f := range []lint.Finding{fd, fd, other, fd} {
			j := NewJSONFinding(f)
			got, gerr := h.appendFinding([]byte("x"), &j)
			want, werr := appendJSONFinding([]byte("x"), NewJSONFinding(f))
			if fmt.Sprint(gerr) != fmt.Sprint(werr) || string(got) != string(want) {
				t.Fatalf("round %d: kept heads wrote %q, %v; want %q, %v", round, got, gerr, want, werr)
			}
		}

		text := msg
		if sugg != "" {
			text += " (suggestion: " + sugg + ")"
		}
		want, werr = encoded(sarifResult{
			RuleID: rule, RuleIndex: line, Level: sarifLevel[fd.Severity], Message: sarifText{Text: text},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifact{URI: fileURI(file)},
				Region:           &sarifRegion{StartLine: fd.Line, StartColumn: fd.Col, EndLine: fd.EndLine, EndColumn: fd.EndCol},
			}}},
			PartialFingerprints: map[string]string{"msglintFinding/v1": lint.Fingerprint(fd)},
		}, "        ")
		if werr != nil {
			t.Fatal(werr)
		}
		if d := cmp.Diff(want, string(appendSARIFResult(nil, fd, line))); d != "" {
			t.Fatalf("SARIF result (-encoding/json +by hand):\n%s", d)
		}
	})
}

// FuzzAppendDecimal holds appendDecimal to strconv.AppendInt, onto text
// already there and onto a full slice.
func FuzzAppendDecimal(f *testing.F) {
	for _, v := range []int{0, 1, 9, 10, 99, 100, 12345, -1, -120, 1<<63 - 1, -1 << 63, 999999999999999999, 1000000000000000000} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v int) {
		for _, dst := range [][]byte{nil, []byte("x: "), make([]byte, 3)} {
			want := strconv.AppendInt(append([]byte(nil), dst...), int64(v), 10)
			if got := appendDecimal(dst, v); string(got) != string(want) {
				t.Fatalf("appendDecimal(%q, %d) = %q, want %q", dst, v, got, want)
			}
		}
	})
}

// TestJSONHeadsKeepStrings: a rule's messages and suggestions, kept in
// slots that more of them than there are share, its message ids and lines,
// kept from one finding to the next, are written as appendJSONFinding
// writes them, whatever came before.
func TestJSONHeadsKeepStrings(t *testing.T) {
	var h jsonHeads
	for i := range 2000 {
		w := fmt.Sprintf("wörd%d\"\n", i*7%150)
		f := lint.Finding{Rule: []string{"spelling", "length"}[i%2], Severity: lint.Warning,
			Message: fmt.Sprintf("%q is a misspelling of %q", w, w+"s"), Suggestion: w[:i%len(w)],
			File: "e.jsonl", Line: 100000 + i/3, Col: i % 90, EndLine: 100000 + i/3 + i%5/4, EndCol: i%90 + 4,
			MessageID: fmt.Sprintf("m%d", i/3)}
		if i%11 == 0 {
			f.Message, f.Suggestion = "same", ""
		}
		j := NewJSONFinding(f)
		got, _ := h.appendFinding(nil, &j)
		want, _ := appendJSONFinding(nil, NewJSONFinding(f))
		if string(got) != string(want) {
			t.Fatalf("finding %d: kept heads wrote %q, want %q", i, got, want)
		}
	}
}
