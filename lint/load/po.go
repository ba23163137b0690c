package load

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/placeholder"
)

// poFormat is a gettext catalog: a .po file's translations (msgstr,
// msgstr[n]) in the language of its Language: header, or a .pot template's
// source strings (msgid, msgid_plural), which are English unless --lang
// says otherwise. Fuzzy entries are drafts gettext does not use, and are
// skipped with obsolete (#~) ones.
var poFormat = &Format{
	Name: "po", Exts: []string{".po", ".pot"}, Walked: true,
	Guess:  func(data []byte) bool { return poEntryStart.Match(data) },
	Unsafe: poUnsafe, Comments: poComments,
	Read: func(o Options, src *lint.Source) ([]*lint.Message, error) {
		d := doc{src}
		entries, err := parsePO(d)
		if err != nil {
			return nil, err
		}
		return o.poMessages(d, entries)
	},
}

// poComments are # comments; a directive above an entry covers the whole
// entry, as its findings are on its msgstr lines.
var poComments = &lint.Comments{Line: []string{"#"}, Entry: poEntryEnd}

// poEntryEnd is the last line of the entry at or after line: past its
// comments, through its keywords and their continued strings, up to a blank
// line, a comment, or the next entry's msgctxt or msgid.
const maxEntryComments = 50

func poEntryEnd(src *lint.Source, line int) int {
	last, n := line, line
	// A few comments stand between a directive and its entry; past
	// maxEntryComments lines the directive covers just the next one, so a
	// file of comment lines costs linear time.
	for ; strings.HasPrefix(strings.TrimSpace(src.Line(n)), "#"); n++ {
		if n-line >= maxEntryComments {
			return line
		}
		last = n
	}
	seenStr := false
	for ; ; n++ {
		t := strings.TrimSpace(src.Line(n))
		kw := poKeyword.FindString(t + " ")
		switch {
		case t == "" || t[0] == '#':
			return last
		case kw != "" && (strings.HasPrefix(kw, "msgid ") || strings.HasPrefix(kw, "msgctxt")) && seenStr:
			return last
		case kw == "" && t[0] != '"':
			return last
		}
		seenStr = seenStr || strings.HasPrefix(kw, "msgstr")
		last = n
	}
}

// poUnsafe: a PO string needs quotes and backslashes escaped and has no raw
// line breaks or tabs.
const poUnsafe = "\"\\\n\r\t"

// poEntry is one entry of a catalog.
type poEntry struct {
	off     int // where the entry starts
	fuzzy   bool
	syntax  placeholder.Syntax // from its format flags (#, c-format)
	ctxt    *poString
	id      *poString
	plural  *poString
	strs    []*poString // msgstr, or msgstr[0], msgstr[1], …
	strsIdx []int
}

// poString is a keyword's string, joined from its quoted pieces.
type poString struct {
	off   int
	field lint.Field
	b     lint.MapBuilder
	text  strings.Builder
}

// poEntryStart is how a catalog read from standard input is recognised.
var poEntryStart = regexp.MustCompile(`(?m)^msgid[ \t]+"`)

var poKeyword = regexp.MustCompile(`^(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s`)

// parsePO reads a catalog's entries, checking its syntax line by line.
func parsePO(d doc) ([]*poEntry, error) {
	data := d.src.Data
	var entries []*poEntry
	cur := &poEntry{off: -1}
	var last *poString
	flush := func() {
		if cur.id != nil {
			for _, s := range append([]*poString{cur.ctxt, cur.id, cur.plural}, cur.strs...) {
				if s != nil {
					s.field = lint.Field{Text: s.text.String(), Map: s.b.Map()}
				}
			}
			entries = append(entries, cur)
		}
		cur, last = &poEntry{off: -1}, nil
	}
	p := 0
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		p = 3
	}
	for p < len(data) {
		e := bytes.IndexByte(data[p:], '\n')
		end := p + e
		if e < 0 {
			end = len(data)
		}
		line := bytes.TrimRight(data[p:end], "\r")
		lead := len(line) - len(bytes.TrimLeft(line, " \t"))
		t := line[lead:]
		at := p + lead
		switch {
		case len(t) == 0:
			// Blank lines end nothing by themselves; the next msgid or
			// msgctxt does.
		case t[0] == '#':
			if bytes.HasPrefix(t, []byte("#~")) {
				break // obsolete
			}
			if cur.id != nil && len(cur.strs) > 0 {
				flush()
			}
			if bytes.HasPrefix(t, []byte("#,")) {
				cur.fuzzy = cur.fuzzy || bytes.Contains(t, []byte("fuzzy"))
				cur.syntax |= poFlags(string(t))
			}
		case t[0] == '"':
			if last == nil {
				return nil, d.errAt(at, "invalid PO: a string continues no msgid or msgstr")
			}
			if err := poPiece(d, at, end-(len(data[p:end])-len(line)), last); err != nil {
				return nil, err
			}
		default:
			m := poKeyword.FindSubmatch(append(t[:len(t):len(t)], ' '))
			if m == nil {
				return nil, d.errAt(at, "invalid PO: expected msgid, msgstr, msgctxt, a comment or a quoted string")
			}
			kw := string(m[1])
			if kw == "msgctxt" || kw == "msgid" {
				switch {
				case cur.id != nil && len(cur.strs) == 0:
					return nil, d.errAt(cur.id.off, "invalid PO: msgid without a msgstr")
				case cur.id != nil:
					flush()
				case cur.ctxt != nil && kw == "msgctxt":
					return nil, d.errAt(at, "invalid PO: two msgctxt in one entry")
				}
			}
			s := &poString{off: at}
			switch kw {
			case "msgctxt":
				cur.ctxt = s
			case "msgid":
				cur.id = s
			case "msgid_plural":
				if cur.id == nil || cur.plural != nil {
					return nil, d.errAt(at, "invalid PO: msgid_plural not after a msgid")
				}
				cur.plural = s
			case "msgstr":
				if cur.id == nil {
					return nil, d.errAt(at, "invalid PO: msgstr without a msgid")
				}
				if (m[2] != nil) != (cur.plural != nil) {
					return nil, d.errAt(at, "invalid PO: msgstr[n] goes with msgid_plural, msgstr without")
				}
				n, _ := strconv.Atoi(string(m[2]))
				cur.strs, cur.strsIdx = append(cur.strs, s), append(cur.strsIdx, n)
			}
			if cur.off < 0 {
				cur.off = at
			}
			last = s
			rest := at + len(m[0]) - 1
			for rest < end && (data[rest] == ' ' || data[rest] == '\t') {
				rest++
			}
			if rest >= end || data[rest] != '"' {
				return nil, d.errAt(rest, "invalid PO: %s needs a quoted string", kw)
			}
			if err := poPiece(d, rest, end-(len(data[p:end])-len(line)), s); err != nil {
				return nil, err
			}
		}
		p = end + 1
	}
	if cur.id != nil && len(cur.strs) == 0 {
		return nil, d.errAt(cur.id.off, "invalid PO: msgid without a msgstr")
	}
	flush()
	return entries, nil
}

var poEscapes = map[byte]string{'n': "\n", 't': "\t", 'r': "\r", '"': "\"", '\\': "\\", 'a': "\a", 'b': "\b", 'f': "\f", 'v': "\v", '?': "?", '\'': "'"}

// poPiece reads one quoted piece at p (a line's "…", ending before end) onto s.
func poPiece(d doc, p, end int, s *poString) error {
	data := d.src.Data
	q := p + 1
	for {
		if q >= end {
			return d.errAt(p, "invalid PO: string not closed on its line")
		}
		c := data[q]
		switch c {
		case '"':
			q++
			for q < end && (data[q] == ' ' || data[q] == '\t') {
				q++
			}
			if q < end && data[q] != '#' {
				return d.errAt(q, "invalid PO: unexpected text after the string")
			}
			return nil
		case '\\':
			if q+1 >= end {
				return d.errAt(q, "invalid PO: a backslash ends the line")
			}
			if dec, ok := poEscapes[data[q+1]]; ok {
				s.b.Escaped(len(dec), q, q+2)
				s.text.WriteString(dec)
				q += 2
				continue
			}
			n, w := poNumber(data[q+1 : end])
			if w == 0 {
				return d.errAt(q, "invalid PO: unknown escape \\%c", data[q+1])
			}
			s.b.Escaped(1, q, q+1+w)
			s.text.WriteByte(n)
			q += 1 + w
		default:
			s.b.Verbatim(1, q)
			s.text.WriteByte(c)
			q++
		}
	}
}

// poNumber reads an octal (\101) or hexadecimal (\x41) byte escape.
func poNumber(s []byte) (byte, int) {
	digits, base, skip := 3, 8, 0
	if len(s) > 0 && s[0] == 'x' {
		digits, base, skip = 2, 16, 1
	}
	n := skip
	for n < len(s) && n-skip < digits && strings.IndexByte("0123456789abcdefABCDEF"[:base+max(base-10, 0)], s[n]) >= 0 {
		n++
	}
	if n == skip {
		return 0, 0
	}
	v, err := strconv.ParseUint(string(s[skip:n]), base, 8)
	if err != nil {
		return 0, 0
	}
	return byte(v), n
}

// poLanguage is the header entry's Language: value.
var poLanguage = regexp.MustCompile(`(?m)^Language:[ \t]*([^\n]*)`)

func (o Options) poMessages(d doc, entries []*poEntry) ([]*lint.Message, error) {
	template := strings.EqualFold(filepath.Ext(d.src.Path), ".pot")
	said := ""
	var strs []localeString
	// An entry with no format flag in a catalog whose entries have them
	// holds no placeholder (xgettext flags every string it finds one in):
	// it takes the systems of the catalog's flags. A catalog without flags
	// goes by each string's content.
	var flagged placeholder.Syntax
	for _, e := range entries {
		flagged |= e.syntax
	}
	for _, e := range entries {
		syn := e.syntax
		if syn == 0 {
			syn = flagged
		}
		if e.id.field.Text == "" {
			if m := poLanguage.FindStringSubmatch(e.strs[0].field.Text); m != nil {
				said = m[1]
			}
			continue
		}
		if e.fuzzy {
			continue
		}
		id, key := e.id.field.Text, ""
		if e.ctxt != nil {
			id, key = e.ctxt.field.Text+"|"+id, e.ctxt.field.Text
		}
		if template {
			strs = append(strs, localeString{id: id, key: key, text: e.id.field, off: e.off, syntax: syn})
			if e.plural != nil {
				strs = append(strs, localeString{id: id + "[plural]", key: key, text: e.plural.field, off: e.off, syntax: syn})
			}
			continue
		}
		for i, s := range e.strs {
			sid := id
			if e.plural != nil {
				sid = fmt.Sprintf("%s[%d]", id, e.strsIdx[i])
			}
			strs = append(strs, localeString{id: sid, key: key, text: s.field, off: s.off, syntax: syn})
		}
	}
	var lang lint.Lang
	var err error
	switch {
	case template && o.Lang != "":
		lang = o.Lang
	case template:
		lang = lint.English
	default:
		lang, err = localeLang(d.src.Path, said)
	}
	if err != nil {
		if _, ok := OtherLocale(err); ok {
			return nil, fmt.Errorf("%s: %w", d.src.Path, err)
		}
		return nil, &lint.InputError{Path: d.src.Path, Msg: err.Error() + ", or give it a Language: header"}
	}
	return o.localeMessages(d.src, lang, 0, strs), nil
}
