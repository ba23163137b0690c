package lint

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Fingerprint identifies a finding across commits that move it to another
// line: the rule, the file, the message id and the words it is about (SARIF's
// partialFingerprints, and the baseline's key).
func Fingerprint(f Finding) string {
	h := sha256.New()
	for _, s := range []string{f.Rule, f.File, f.MessageID, f.Message} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// Baseline is the findings a team has accepted for now, so that a check
// reports and fails on new ones only. A finding is known by its
// fingerprint and the text it is about, not its line: moving a template,
// or reordering templates that have ids, keeps it known. Count is how many
// such findings there were; one more is new.
type Baseline struct {
	Version  int             `json:"version"`
	Findings []BaselineEntry `json:"findings"`
}

// BaselineEntry is one accepted finding (or several alike), written so that
// a reviewer can read what was accepted.
type BaselineEntry struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	File        string `json:"file"`
	MessageID   string `json:"message_id,omitempty"`
	Text        string `json:"text,omitempty"`
	Message     string `json:"message"`
	Count       int    `json:"count"`
}

const baselineVersion = 1

// baselineKey is a finding as the baseline knows it. Files are relative to
// the baseline's folder, so a check from another folder matches; an id
// msglint made up from a template's place in the file (#3) is left out, as
// reordering templates changes it.
func baselineKey(f Finding, dir string) BaselineEntry {
	g := f
	g.File = relSlash(dir, f.File)
	if strings.HasPrefix(g.MessageID, "#") {
		g.MessageID = ""
	}
	e := BaselineEntry{Fingerprint: Fingerprint(g), Rule: g.Rule, File: g.File, MessageID: g.MessageID, Message: g.Message, Text: spanText(f)}
	return e
}

func relSlash(dir, file string) string {
	abs, err := filepath.Abs(file)
	if err != nil {
		return filepath.ToSlash(file)
	}
	if r, err := filepath.Rel(dir, abs); err == nil {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(file)
}

// spanText is the text a finding is about.
func spanText(f Finding) string {
	if f.Msg == nil {
		return ""
	}
	fld := f.Msg.Field(f.Part)
	if fld == nil || f.Span == (Span{}) || f.Span.End > len(fld.Text) || f.Span.Start > f.Span.End {
		return ""
	}
	return fld.Text[f.Span.Start:f.Span.End]
}

func (e BaselineEntry) id() string { return e.Fingerprint + "\x00" + e.Text }

// NewBaseline records findings, for a baseline file written at path.
func NewBaseline(fs []Finding, path string) *Baseline {
	dir := absDir(path)
	b := &Baseline{Version: baselineVersion, Findings: []BaselineEntry{}}
	at := map[string]int{}
	for _, f := range fs {
		e := baselineKey(f, dir)
		if i, ok := at[e.id()]; ok {
			b.Findings[i].Count++
			continue
		}
		e.Count = 1
		at[e.id()] = len(b.Findings)
		b.Findings = append(b.Findings, e)
	}
	slices.SortStableFunc(b.Findings, func(x, y BaselineEntry) int {
		return cmp.Or(cmp.Compare(x.File, y.File), cmp.Compare(x.MessageID, y.MessageID), cmp.Compare(x.Rule, y.Rule), cmp.Compare(x.Message, y.Message), cmp.Compare(x.Text, y.Text))
	})
	return b
}

func absDir(path string) string {
	d, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return filepath.Dir(path)
	}
	return d
}

// WriteBaseline writes findings to a baseline file.
func WriteBaseline(path string, fs []Finding) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(NewBaseline(fs, path)); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// ReadBaseline reads a baseline file; an error names the file and what is
// wrong with it.
func ReadBaseline(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("baseline: %v", err)
	}
	var b Baseline
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("%s: not a msglint baseline: %v", path, err)
	}
	if b.Version != baselineVersion {
		return nil, fmt.Errorf("%s: baseline version %d, want %d (write it again with --write-baseline)", path, b.Version, baselineVersion)
	}
	return &b, nil
}

// New returns the findings the baseline does not know, in their order, and
// how many it knew. Of several alike findings, as many as the baseline
// counted are known and the rest are new.
func (b *Baseline) New(fs []Finding, path string) (fresh []Finding, known int) {
	dir := absDir(path)
	left := map[string]int{}
	for _, e := range b.Findings {
		left[e.id()] += e.Count
	}
	fresh = []Finding{}
	for _, f := range fs {
		id := baselineKey(f, dir).id()
		if left[id] > 0 {
			left[id]--
			known++
			continue
		}
		fresh = append(fresh, f)
	}
	return fresh, known
}
