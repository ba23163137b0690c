package load

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/msglint/msglint/lint"
)

// csvFormat is a spreadsheet export with a header row.
var csvFormat = &Format{
	Name: "csv", Exts: []string{".csv"}, Walked: true,
	// A quote is doubled in a field, and a line break ends an unquoted one
	// (as does a comma, which fixes do not write); the rest of heldBack is
	// held back too.
	Unsafe: heldBack,
	// An input without a name (standard input) is CSV when its first line
	// is a header row with a text column.
	Guess: func(data []byte) bool {
		first, _, _ := bytes.Cut(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), []byte("\n"))
		header, err := csv.NewReader(bytes.NewReader(first)).Read()
		return err == nil && len(header) > 1 && slices.ContainsFunc(header, func(h string) bool {
			return strings.EqualFold(strings.TrimSpace(h), "text")
		})
	},
	Read: func(o Options, src *lint.Source) ([]*lint.Message, error) { return o.loadCSV(doc{src}, o.defaults()) },
}

var csvColumns = []string{"id", "kind", "lang", "channel", "text", "disable"}

// loadCSV reads a spreadsheet export: a header row naming the columns (only
// text is required; columns msglint does not know, such as notes, are left
// alone) and one message a row.
func (o Options) loadCSV(d doc, def defaults) ([]*lint.Message, error) {
	data := d.src.Data
	base := 0
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		base = 3
	}
	r := csv.NewReader(bytes.NewReader(data[base:]))
	header, err := r.Read()
	if err == io.EOF {
		return nil, nil
	}
	if err != nil {
		return nil, d.csvError(err, base)
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		if contains(csvColumns, h) {
			col[h] = i
		}
	}
	if _, ok := col["text"]; !ok {
		return nil, fmt.Errorf("%s:1: %w: the header row has no text column (columns: %s)", d.src.Path, errNotMessages, strings.Join(csvColumns, ", "))
	}
	fieldOff := func(i int) int {
		line, c := r.FieldPos(i)
		return d.src.Offset(line, 1) + c - 1 + boolInt(line == 1)*base
	}
	var msgs []*lint.Message
	p := problems{path: d.src.Path}
	for n := 1; ; n++ {
		rec, err := r.Read()
		if err == io.EOF {
			return msgs, p.err()
		}
		if err != nil {
			// encoding/csv cannot find the next row after a broken one.
			p.add(d.csvError(err, base))
			return msgs, p.err()
		}
		ti := col["text"]
		if rec[ti] == "" {
			continue
		}
		off := fieldOff(ti)
		m := &lint.Message{ID: fmt.Sprintf("#%d", n), Source: d.src, Offset: fieldOff(0)}
		sm, ok := mapCSVField(data, off, rec[ti])
		if !ok {
			sm = lint.PointMap(len(rec[ti]), off, min(off+1, len(data)))
		}
		m.Body = lint.Field{Text: rec[ti], Map: sm}
		if i, ok := col["id"]; ok && rec[i] != "" {
			m.ID = rec[i]
		}
		rowDef, bad := def, false
		for _, f := range []struct {
			name  string
			parse func(string) error
		}{
			{"lang", func(s string) (err error) { rowDef.lang, err = lint.ParseLang(s); return }},
			{"kind", func(s string) (err error) { rowDef.kind, err = lint.ParseKind(s); return }},
			{"channel", func(s string) (err error) { rowDef.channel, err = lint.ParseChannel(s); return }},
		} {
			if i, ok := col[f.name]; ok && strings.TrimSpace(rec[i]) != "" {
				if err := f.parse(strings.TrimSpace(rec[i])); err != nil {
					p.add(d.errAt(fieldOff(i), "%v", err))
					bad = true
				}
			}
		}
		if i, ok := col["disable"]; ok {
			m.Disable = strings.FieldsFunc(rec[i], func(r rune) bool { return r == ' ' || r == ',' || r == ';' })
			for _, name := range m.Disable {
				if o.KnownRule != nil && !o.KnownRule(name) {
					p.add(d.errAt(fieldOff(i), "disable: unknown rule %q (see `msglint rules`)", name))
					bad = true
				}
			}
		}
		if bad {
			continue
		}
		finish(m, rowDef)
		msgs = append(msgs, m)
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (d doc) csvError(err error, base int) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		off := d.src.Offset(pe.Line, 1) + max(pe.Column-1, 0) + boolInt(pe.Line == 1)*base
		return d.errAt(off, "invalid CSV: %v", pe.Err)
	}
	return &lint.InputError{Path: d.src.Path, Msg: "invalid CSV: " + err.Error()}
}

// mapCSVField maps a field starting at file offset p to its decoded value:
// "" in a quoted field is one quote, and a quoted CRLF reads as LF.
func mapCSVField(data []byte, p int, val string) (lint.SourceMap, bool) {
	var b lint.MapBuilder
	quoted := p < len(data) && data[p] == '"'
	if quoted {
		p++
	}
	for i := 0; i < len(val); {
		if p >= len(data) {
			return lint.SourceMap{}, false
		}
		switch {
		case quoted && data[p] == '"' && p+1 < len(data) && data[p+1] == '"' && val[i] == '"':
			b.Escaped(1, p, p+2)
			i, p = i+1, p+2
		case quoted && data[p] == '\r' && p+1 < len(data) && data[p+1] == '\n' && val[i] == '\n':
			b.Escaped(1, p, p+2)
			i, p = i+1, p+2
		case data[p] == val[i]:
			b.Verbatim(1, p)
			i, p = i+1, p+1
		default:
			return lint.SourceMap{}, false
		}
	}
	return b.Map(), true
}
