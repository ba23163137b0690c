package policy

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/msglint/msglint/lint/load"
)

// eventLines are transcript lines to start from: the fixtures' and a few
// that encoding/json reads in its own way.
func eventLines(tb testing.TB) [][]byte {
	files, err := filepath.Glob("../testdata/transcripts/*.jsonl")
	if err != nil || len(files) == 0 {
		tb.Fatal(err, files)
	}
	var lines [][]byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		for sc.Scan() {
			lines = append(lines, bytes.Clone(sc.Bytes()))
		}
	}
	ev := `"time":"2026-03-01T10:00:00Z","conversation":"c","direction":"in"`
	for _, s := range []string{
		`{` + ev + `,"Text":"hi"}`,                                 // another case
		`{` + ev + `,"TEXT":"hi","text":"ho"}`,                     // both
		`{` + ev + `,"text":"a","text":"b"}`,                       // a duplicate key
		`{` + ev + `,"text":1}`,                                    // not a string
		`{` + ev + `,"text":null,"lang":null}`,                     // null
		`{` + ev + `,"labels":{"a":[1,2,{"b":null}]}}`,             // a key it does not know
		`{` + ev + `,"\u212aind":"promo"}`,                         // the Kelvin sign folds to k
		`{` + ev + `,"kind":"promo"} trailing`,                     // data after the object
		"\ufeff{" + ev + `}`,                                       // a byte order mark
		`{` + ev + `,"t\u0065xt":"esc\u00e7aped \ud83d\ude00 \n"}`, // escapes
		`{` + ev + `,"text":"bad ` + "\xff" + ` utf-8"}`,           // invalid UTF-8
		`{` + ev + `,"raw":"x","line":3,"origin":1}`,               // fields it keeps out of JSON
		`[` + ev + `]`, `"text"`, `{` + ev, `{"time":`, ` {` + ev + `} `,
	} {
		lines = append(lines, []byte(s))
	}
	return lines
}

// FuzzParseEvent holds parseEvent to encoding/json: the same event, or
// the same error, for any line; and a message from the same parse as one
// read from the line again.
func FuzzParseEvent(f *testing.F) {
	for _, l := range eventLines(f) {
		f.Add(l)
	}
	ignore := cmpopts.IgnoreFields(Event{}, "parsed", "msg", "made", "at", "Time")
	// Nodes used again, as a transcript's batches use them: reset every
	// few lines, with the lines before still in them until then.
	var nodes load.Nodes
	lines := 0
	f.Fuzz(func(t *testing.T, line []byte) {
		var want Event
		e, err := decodeEvent(line) // encoding/json, as every line was read before
		if err == nil {
			// The checks after decoding are the same code either way.
			want, err = checkEvent(e)
		}
		got, gotErr := parseEvent(load.ParseLine("t.jsonl", bytes.Clone(line), 4))
		if fmt.Sprint(gotErr) != fmt.Sprint(err) {
			t.Fatalf("%q:\n got error %v\nwant error %v", line, gotErr, err)
		}
		if err != nil {
			return
		}
		if diff := cmp.Diff(want, got, ignore); diff != "" || !want.Time.Equal(got.Time) {
			t.Fatalf("%q: event (-want +got):\n%s", line, diff)
		}
		if lines++; lines%8 == 0 {
			nodes.Reset()
		}
		again, err := parseEvent(nodes.ParseLine("t.jsonl", bytes.Clone(line), 4))
		if diff := cmp.Diff(want, again, ignore); diff != "" || err != nil {
			t.Fatalf("%q: with nodes used again: %v (-want +got):\n%s", line, err, diff)
		}
		got = again
		var o load.Options
		wantMsg, wantErr := o.Line("t.jsonl", bytes.Clone(line), 4)
		gotMsg, gotErr := o.Message(&got.parsed)
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
			t.Fatalf("%q: message error %v, want %v", line, gotErr, wantErr)
		}
		if wantErr == nil && (gotMsg.Body.Text != wantMsg.Body.Text || gotMsg.ID != wantMsg.ID || gotMsg.Lang != wantMsg.Lang ||
			gotMsg.Offset != wantMsg.Offset || gotMsg.Source.Line0 != wantMsg.Source.Line0) {
			t.Fatalf("%q: message %+v, want %+v", line, gotMsg, wantMsg)
		}
	})
}

// TestParseEventReadsItself: the lines of the fixtures that encoding/json
// takes, all but the odd ones, are read without it.
func TestParseEventReadsItself(t *testing.T) {
	read := 0
	for _, line := range eventLines(t) {
		l := load.ParseLine("t.jsonl", line, 0)
		var e Event
		if e.read(&l) {
			read++
		}
	}
	// 17 lines above are odd; of them the null, the unknown key, the
	// escapes, the invalid UTF-8, the kept-out fields and the spaced line
	// are read.
	if lines := len(eventLines(t)); read != lines-17+6 {
		t.Errorf("read %d of %d lines without encoding/json, want %d", read, lines, lines-17+6)
	}
}
