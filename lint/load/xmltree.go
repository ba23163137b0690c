package load

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/msglint/msglint/lint"
)

// xmlNode is an element, or a run of text or CDATA, of an XML locale file
// (Android strings.xml, XLIFF), with where it was written. encoding/xml
// says where a token ends but not where each character of its text came
// from, so the locale formats read XML with this small reader.
type xmlNode struct {
	name  string // element name as written (xliff:g); "" for text
	cdata bool   // a <![CDATA[…]]> section
	attrs []xmlAttr
	kids  []*xmlNode
	off   int // where the tag or text starts
	end   int // where the text, or the element's end tag, ends
}

type xmlAttr struct {
	name, value string
	off         int
}

func (n *xmlNode) attr(name string) (string, bool) {
	for _, a := range n.attrs {
		if a.name == name {
			return a.value, true
		}
	}
	return "", false
}

// local is the element name without its namespace prefix.
func (n *xmlNode) local() string {
	if i := strings.LastIndexByte(n.name, ':'); i >= 0 {
		return n.name[i+1:]
	}
	return n.name
}

// elems are the element children named name (any prefix).
func (n *xmlNode) elems(name string) []*xmlNode {
	var out []*xmlNode
	for _, k := range n.kids {
		if k.name != "" && k.local() == name {
			out = append(out, k)
		}
	}
	return out
}

// xmlRoot is the name of the first element of what looks like an XML
// document (past a declaration, comments and a DOCTYPE), for recognising
// one by its content; "" if it does not start like one.
func xmlRoot(data []byte) string {
	data = bytes.TrimLeft(data, "\ufeff \t\r\n")
	for bytes.HasPrefix(data, []byte("<?")) || bytes.HasPrefix(data, []byte("<!")) {
		end := []byte(">")
		if bytes.HasPrefix(data, []byte("<!--")) {
			end = []byte("-->")
		}
		i := bytes.Index(data, end)
		if i < 0 {
			return ""
		}
		data = bytes.TrimLeft(data[i+len(end):], " \t\r\n")
	}
	if len(data) < 2 || data[0] != '<' {
		return ""
	}
	n := 1
	for n < len(data) && isXMLName(data[n]) {
		n++
	}
	name := string(data[1:n])
	if i := strings.LastIndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	return name
}

// xmlComments is the comment syntax of XML files.
var xmlComments = &lint.Comments{Block: [][2]string{{"<!--", "-->"}}}

// maxXMLDepth bounds nesting, so that a hostile file cannot exhaust the stack.
const maxXMLDepth = 200

// parseXML reads an XML document into its root element: well-formedness
// (matching tags, quoted attributes, known entities) is checked, and each
// fault is reported at its line and column.
func parseXML(d doc) (*xmlNode, error) {
	data := d.src.Data
	p := 0
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		p = 3
	}
	doc := &xmlNode{name: "#document"}
	stack := []*xmlNode{doc}
	for p < len(data) {
		top := stack[len(stack)-1]
		if data[p] != '<' {
			q := p
			for q < len(data) && data[q] != '<' {
				q++
			}
			if len(stack) == 1 {
				if t := bytes.TrimSpace(data[p:q]); len(t) > 0 {
					return nil, d.errAt(p+bytes.Index(data[p:q], t), "invalid XML: text outside the root element")
				}
			} else {
				top.kids = append(top.kids, &xmlNode{off: p, end: q})
			}
			p = q
			continue
		}
		rest := data[p:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			e := bytes.Index(rest[4:], []byte("-->"))
			if e < 0 {
				return nil, d.errAt(p, "invalid XML: comment not closed")
			}
			p += 4 + e + 3
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			e := bytes.Index(rest[9:], []byte("]]>"))
			if e < 0 {
				return nil, d.errAt(p, "invalid XML: CDATA section not closed")
			}
			if len(stack) == 1 {
				return nil, d.errAt(p, "invalid XML: CDATA outside the root element")
			}
			top.kids = append(top.kids, &xmlNode{cdata: true, off: p + 9, end: p + 9 + e})
			p += 9 + e + 3
		case bytes.HasPrefix(rest, []byte("<?")):
			e := bytes.Index(rest, []byte("?>"))
			if e < 0 {
				return nil, d.errAt(p, "invalid XML: processing instruction not closed")
			}
			p += e + 2
		case bytes.HasPrefix(rest, []byte("<!")):
			e := bytes.IndexByte(rest, '>')
			if bytes.Contains(rest[:max(e, 0)], []byte("[")) || e < 0 {
				return nil, d.errAt(p, "invalid XML: a DOCTYPE with its own entities is not supported")
			}
			p += e + 1
		case bytes.HasPrefix(rest, []byte("</")):
			q := p + 2
			for q < len(data) && !isXMLSpace(data[q]) && data[q] != '>' {
				q++
			}
			name := string(data[p+2 : q])
			for q < len(data) && isXMLSpace(data[q]) {
				q++
			}
			if q >= len(data) || data[q] != '>' {
				return nil, d.errAt(p, "invalid XML: end tag </%s> not closed", name)
			}
			if len(stack) == 1 || name != top.name {
				if len(stack) == 1 {
					return nil, d.errAt(p, "invalid XML: end tag </%s> without a start tag", name)
				}
				line, _ := d.src.Position(top.off)
				return nil, d.errAt(p, "invalid XML: end tag </%s> does not close <%s> of line %d", name, top.name, line)
			}
			top.end = q + 1
			stack = stack[:len(stack)-1]
			p = q + 1
		default:
			n, q, closed, err := parseXMLTag(d, p)
			if err != nil {
				return nil, err
			}
			if len(stack) == 1 && len(doc.kids) > 0 {
				return nil, d.errAt(p, "invalid XML: a second root element <%s>", n.name)
			}
			top.kids = append(top.kids, n)
			n.end = q
			if !closed {
				if len(stack) > maxXMLDepth {
					return nil, d.errAt(p, "invalid XML: nested more than %d levels", maxXMLDepth)
				}
				stack = append(stack, n)
			}
			p = q
		}
	}
	if len(stack) > 1 {
		top := stack[len(stack)-1]
		return nil, d.errAt(top.off, "invalid XML: <%s> is never closed", top.name)
	}
	if len(doc.kids) == 0 {
		return nil, d.errAt(len(data), "invalid XML: no root element")
	}
	return doc.kids[0], nil
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

func isXMLName(c byte) bool {
	return c == ':' || c == '_' || c == '-' || c == '.' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// parseXMLTag reads a start tag at p: its element, where it ends, and
// whether it closes itself (<br/>).
func parseXMLTag(d doc, p int) (*xmlNode, int, bool, error) {
	data := d.src.Data
	q := p + 1
	for q < len(data) && isXMLName(data[q]) {
		q++
	}
	if q == p+1 {
		return nil, 0, false, d.errAt(p, "invalid XML: '<' that starts no tag (write &lt;)")
	}
	n := &xmlNode{name: string(data[p+1 : q]), off: p}
	for {
		for q < len(data) && isXMLSpace(data[q]) {
			q++
		}
		if q >= len(data) {
			return nil, 0, false, d.errAt(p, "invalid XML: tag <%s> not closed", n.name)
		}
		switch {
		case data[q] == '>':
			return n, q + 1, false, nil
		case data[q] == '/' && q+1 < len(data) && data[q+1] == '>':
			return n, q + 2, true, nil
		}
		s := q
		for q < len(data) && isXMLName(data[q]) {
			q++
		}
		if s == q {
			return nil, 0, false, d.errAt(q, "invalid XML: unexpected %q in tag <%s>", string(data[q]), n.name)
		}
		name := string(data[s:q])
		for q < len(data) && isXMLSpace(data[q]) {
			q++
		}
		if q >= len(data) || data[q] != '=' {
			return nil, 0, false, d.errAt(q, "invalid XML: attribute %s has no value", name)
		}
		q++
		for q < len(data) && isXMLSpace(data[q]) {
			q++
		}
		if q >= len(data) || data[q] != '"' && data[q] != '\'' {
			return nil, 0, false, d.errAt(q, "invalid XML: value of attribute %s not quoted", name)
		}
		e := bytes.IndexByte(data[q+1:], data[q])
		if e < 0 {
			return nil, 0, false, d.errAt(q, "invalid XML: value of attribute %s not closed", name)
		}
		cs, err := xmlChars(d, q+1, q+1+e, nil)
		if err != nil {
			return nil, 0, false, err
		}
		var val strings.Builder
		for _, c := range cs {
			val.WriteString(c.s)
		}
		n.attrs = append(n.attrs, xmlAttr{name: name, value: val.String(), off: s})
		q += e + 2
	}
}

// xmlChar is one character of XML text as read: what it stands for and the
// file bytes it came from (one byte, or a whole entity).
type xmlChar struct {
	s        string
	from, to int
}

var xmlEntities = map[string]string{"amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"}

// xmlChars decodes text at file bytes [p, end): characters verbatim, entity
// and character references as one character each.
func xmlChars(d doc, p, end int, out []xmlChar) ([]xmlChar, error) {
	data := d.src.Data
	for p < end {
		if data[p] == '&' {
			e := bytes.IndexByte(data[p:end], ';')
			if e < 0 {
				return nil, d.errAt(p, "invalid XML: '&' that starts no entity (write &amp;)")
			}
			ref := string(data[p+1 : p+e])
			s, ok := xmlEntities[ref]
			if !ok && strings.HasPrefix(ref, "#") {
				num, base := ref[1:], 10
				if strings.HasPrefix(num, "x") {
					num, base = num[1:], 16
				}
				if v, err := strconv.ParseUint(num, base, 32); err == nil && utf8.ValidRune(rune(v)) {
					s, ok = string(rune(v)), true
				}
			}
			if !ok {
				return nil, d.errAt(p, "invalid XML: unknown entity &%s;", ref)
			}
			out = append(out, xmlChar{s: s, from: p, to: p + e + 1})
			p += e + 1
			continue
		}
		_, w := utf8.DecodeRune(data[p:end])
		out = append(out, xmlChar{s: string(data[p : p+w]), from: p, to: p + w})
		p += w
	}
	return out, nil
}

// innerChars decodes the text inside an element: its text and CDATA, and
// that of the elements inside it (<b>, <xliff:g>), whose tags are no text.
// An element that stands for text of its own (XLIFF's <x id="count"/>) is
// what stand gives for it, mapped to the whole tag.
func innerChars(d doc, n *xmlNode, stand func(*xmlNode) string) ([]xmlChar, error) {
	return appendInner(d, n, stand, make([]xmlChar, 0, n.end-n.off))
}

func appendInner(d doc, n *xmlNode, stand func(*xmlNode) string, out []xmlChar) ([]xmlChar, error) {
	var err error
	for _, k := range n.kids {
		switch {
		case k.cdata:
			for p := k.off; p < k.end; {
				_, w := utf8.DecodeRune(d.src.Data[p:k.end])
				out = append(out, xmlChar{s: string(d.src.Data[p : p+w]), from: p, to: p + w})
				p += w
			}
		case k.name == "":
			if out, err = xmlChars(d, k.off, k.end, out); err != nil {
				return nil, err
			}
		case stand != nil && stand(k) != "":
			out = append(out, xmlChar{s: stand(k), from: k.off, to: k.end})
		default:
			if out, err = appendInner(d, k, stand, out); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// fieldOf joins characters into a field: each one written as it reads maps
// one to one, each other one to the bytes it came from.
func fieldOf(d doc, cs []xmlChar) lint.Field {
	var b lint.MapBuilder
	var text strings.Builder
	for _, c := range cs {
		if c.s == "" {
			continue
		}
		if c.to-c.from == len(c.s) && string(d.src.Data[c.from:c.to]) == c.s {
			b.Verbatim(len(c.s), c.from)
		} else {
			b.Escaped(len(c.s), c.from, c.to)
		}
		text.WriteString(c.s)
	}
	return lint.Field{Text: text.String(), Map: b.Map()}
}
