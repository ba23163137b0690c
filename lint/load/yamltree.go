package load

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/msglint/msglint/lint"
	"gopkg.in/yaml.v3"
)

var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// yamlParserErrors are yaml.v3's parser messages, whose line numbers are one short.
var yamlParserErrors = map[string]bool{
	"did not find expected key":              true,
	"did not find expected '-' indicator":    true,
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected node content":     true,
	"did not find expected <document start>": true,
}

// yamlFormat is a reply library, Send API body or locale tree in YAML; a
// file of another name is guessed YAML by its templates: key.
var yamlFormat = &Format{
	Name: "yaml", Exts: []string{".yaml", ".yml"}, Walked: true, Comments: hashComments,
	Guess: func(data []byte) bool {
		if _, ok := startsJSON(data); ok {
			return false
		}
		var probe map[string]yaml.Node
		if yaml.Unmarshal(data, &probe) != nil {
			return false
		}
		_, ok := probe["templates"]
		return ok
	},
	Unsafe: yamlUnsafe,
	Read: func(o Options, src *lint.Source) ([]*lint.Message, error) {
		if err := o.checkLines(src); err != nil {
			return nil, err
		}
		if !utf8.Valid(src.Data) { // yaml.v3 would say so without a line
			i := 0
			for r, w := utf8.DecodeRune(src.Data); r != utf8.RuneError || w != 1; r, w = utf8.DecodeRune(src.Data[i:]) {
				i += w
			}
			return nil, doc{src}.errAt(i, "invalid UTF-8: save the file as UTF-8")
		}
		docs, err := parseYAML(src)
		p := problems{path: src.Path}
		p.add(err)
		var msgs []*lint.Message
		for _, root := range docs {
			ms, err := o.readTree(src, root)
			p.add(err)
			for i, m := range ms { // number on across documents
				if m.ID == fmt.Sprintf("#%d", i+1) {
					m.ID = fmt.Sprintf("#%d", len(msgs)+i+1)
				}
			}
			msgs = append(msgs, ms...)
		}
		return msgs, p.err()
	},
}

// checkLines refuses a file with a line longer than the message size cap
// before it is parsed: a parser's memory grows many times a line's size.
func (o Options) checkLines(src *lint.Source) error {
	limit := o.maxMessage()
	if int64(len(src.Data)) <= limit {
		return nil
	}
	for off, line := 0, 1; off < len(src.Data); line++ {
		end := bytes.IndexByte(src.Data[off:], '\n')
		if end < 0 {
			end = len(src.Data) - off
		}
		if int64(end) > limit {
			return &lint.InputError{Path: src.Path, Line: line, Msg: fmt.Sprintf("line is %d bytes, over the message size cap of %s (max_message_size)", end, lint.Size(limit))}
		}
		off += end + 1
	}
	return nil
}

// yamlUnsafe: a fix may not write what a YAML scalar would need quoted or
// escaped: quotes and backslashes in quoted styles, line breaks, and # and :
// which start a comment or a key in a plain scalar.
const yamlUnsafe = "\"'\\\n\r#:"

// parseYAML reads every document of a YAML file (a file of only comments
// has none). A mapping that has a key twice is an error on the second; the
// first value is read.
func parseYAML(src *lint.Source) ([]*node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(src.Data))
	c := &yamlConverter{src: src, budget: maxYAMLNodes}
	var docs []*node
	for {
		var root yaml.Node
		err := dec.Decode(&root)
		if err == io.EOF {
			break
		}
		if err != nil {
			// yaml.v3 cannot go on after a syntax error: the documents
			// before it are still read.
			return docs, yamlError(src, err)
		}
		if len(root.Content) == 0 {
			continue
		}
		n := c.convert(root.Content[0], 0)
		if c.budget < 0 {
			return docs, &lint.InputError{Path: src.Path, Msg: fmt.Sprintf("invalid YAML: more than %d values once aliases are expanded", maxYAMLNodes)}
		}
		docs = append(docs, n)
	}
	return docs, errors.Join(c.errs...)
}

// yamlError places a yaml.v3 error in its file.
func yamlError(src *lint.Source, err error) error {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		if yamlParserErrors[m[2]] {
			line++ // yaml.v3 counts lines from 0 in parser (not scanner) errors
		}
		return &lint.InputError{Path: src.Path, Line: line, Msg: "invalid YAML: " + m[2]}
	}
	return &lint.InputError{Path: src.Path, Msg: "invalid YAML: " + strings.TrimPrefix(msg, "yaml: ")}
}

// maxYAMLNodes bounds the values a document may expand to through aliases,
// so that a few lines of nested aliases cannot take all memory.
const maxYAMLNodes = 1 << 20

type yamlConverter struct {
	src    *lint.Source
	budget int
	errs   []error // duplicate keys
}

func (c *yamlConverter) convert(y *yaml.Node, depth int) *node {
	src := c.src
	if c.budget--; c.budget < 0 || depth > 10000 {
		return &node{}
	}
	for y.Kind == yaml.AliasNode && y.Alias != nil && depth < 64 {
		y = y.Alias
		depth++
	}
	n := &node{off: src.Offset(y.Line, y.Column)}
	switch y.Kind {
	case yaml.MappingNode:
		n.kind = mapNode
		seen := make(map[string]bool, len(y.Content)/2)
		for i := 0; i+1 < len(y.Content); i += 2 {
			k := c.convert(y.Content[i], depth+1)
			if k.kind == scalarNode && seen[k.value] {
				if len(c.errs) < maxErrors {
					line, col := src.Position(k.off)
					c.errs = append(c.errs, &lint.InputError{Path: src.Path, Line: line, Col: col, Msg: fmt.Sprintf("duplicate key %q", k.value)})
				}
				continue
			}
			seen[k.value] = true
			n.keys = append(n.keys, k)
			n.vals = append(n.vals, c.convert(y.Content[i+1], depth+1))
		}
	case yaml.SequenceNode:
		n.kind = seqNode
		for _, it := range y.Content {
			n.items = append(n.items, c.convert(it, depth+1))
		}
	case yaml.ScalarNode:
		if y.Tag == "!!null" {
			return n
		}
		n.kind, n.str, n.value = scalarNode, y.Tag == "!!str", y.Value
		m, ok := mapYAMLScalar(src.Data, n.off, y)
		if !ok {
			// The text is yaml.v3's; only the fine map is lost, never the text.
			m = lint.PointMap(len(y.Value), n.off, min(n.off+1, len(src.Data)))
		}
		n.smap = m
	}
	return n
}

// mapYAMLScalar walks the scalar as written, guided by the value yaml.v3
// decoded, and records where each byte of the value came from. Any mismatch
// means a construct it does not follow, and the caller falls back.
func mapYAMLScalar(data []byte, off int, y *yaml.Node) (lint.SourceMap, bool) {
	switch y.Style & (yaml.LiteralStyle | yaml.FoldedStyle | yaml.DoubleQuotedStyle | yaml.SingleQuotedStyle) {
	case yaml.LiteralStyle:
		return mapBlock(data, off, y.Value, false)
	case yaml.FoldedStyle:
		return mapBlock(data, off, y.Value, true)
	case yaml.DoubleQuotedStyle:
		return mapFlow(data, off+1, y.Value, '"')
	case yaml.SingleQuotedStyle:
		return mapFlow(data, off+1, y.Value, '\'')
	}
	return mapFlow(data, off, y.Value, 0)
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// mapFlow maps plain and quoted scalars: line folding, ” and backslash escapes.
func mapFlow(data []byte, p int, val string, quote byte) (lint.SourceMap, bool) {
	var b lint.MapBuilder
	for i := 0; i < len(val); {
		if p >= len(data) {
			return lint.SourceMap{}, false
		}
		c := data[p]
		if isBlank(c) {
			q, nl := p, 0
			for q < len(data) && isBlank(data[q]) {
				if data[q] == '\n' {
					nl++
				}
				q++
			}
			if nl > 0 { // a folded line break
				want := " "
				if nl > 1 {
					want = strings.Repeat("\n", nl-1)
				}
				if !strings.HasPrefix(val[i:], want) {
					return lint.SourceMap{}, false
				}
				b.Escaped(len(want), p, q)
				i, p = i+len(want), q
				continue
			}
		}
		switch {
		case quote == '"' && c == '\\':
			if p+1 < len(data) && (data[p+1] == '\n' || data[p+1] == '\r') {
				q := p + 1
				for q < len(data) && isBlank(data[q]) {
					q++
				}
				p = q // an escaped line break yields nothing
				continue
			}
			dec, n, ok := yamlEscape(data[p:])
			if !ok || !strings.HasPrefix(val[i:], dec) {
				return lint.SourceMap{}, false
			}
			b.Escaped(len(dec), p, p+n)
			i, p = i+len(dec), p+n
		case quote == '\'' && c == '\'' && p+1 < len(data) && data[p+1] == '\'':
			if val[i] != '\'' {
				return lint.SourceMap{}, false
			}
			b.Escaped(1, p, p+2)
			i, p = i+1, p+2
		default:
			if val[i] != c {
				return lint.SourceMap{}, false
			}
			b.Verbatim(1, p)
			i, p = i+1, p+1
		}
	}
	return b.Map(), true
}

var yamlSimpleEscapes = map[byte]string{
	'0': "\x00", 'a': "\a", 'b': "\b", 't': "\t", '\t': "\t", 'n': "\n", 'v': "\v", 'f': "\f",
	'r': "\r", 'e': "\x1b", ' ': " ", '"': "\"", '/': "/", '\\': "\\",
	'N': "\u0085", '_': "\u00a0", 'L': "\u2028", 'P': "\u2029",
}

// yamlEscape decodes the escape at the start of s; n is its length in bytes.
func yamlEscape(s []byte) (dec string, n int, ok bool) {
	if len(s) < 2 {
		return "", 0, false
	}
	if d, ok := yamlSimpleEscapes[s[1]]; ok {
		return d, 2, true
	}
	width := map[byte]int{'x': 2, 'u': 4, 'U': 8}[s[1]]
	if width == 0 || len(s) < 2+width {
		return "", 0, false
	}
	v, err := strconv.ParseUint(string(s[2:2+width]), 16, 32)
	if err != nil {
		return "", 0, false
	}
	return string(rune(v)), 2 + width, true
}

// mapBlock maps literal (|) and folded (>) block scalars. Indentation comes
// from the first non-empty line, as YAML does when no indicator is given.
func mapBlock(data []byte, off int, val string, folded bool) (lint.SourceMap, bool) {
	var b lint.MapBuilder
	nl := bytes.IndexByte(data[off:], '\n')
	if nl < 0 {
		return b.Map(), val == ""
	}
	p := off + nl + 1
	indent := -1
	for q := p; q < len(data) && indent < 0; {
		s := q
		for q < len(data) && data[q] == ' ' {
			q++
		}
		if q < len(data) && data[q] != '\n' && data[q] != '\r' {
			indent = q - s
			break
		}
		for q < len(data) && data[q] != '\n' {
			q++
		}
		q++
	}
	if indent < 0 {
		return b.Map(), val == ""
	}
	for i := 0; i < len(val); {
		q := p
		for q < len(data) && data[q] == ' ' && q-p < indent {
			q++
		}
		e := q
		for e < len(data) && data[e] != '\n' {
			e++
		}
		brk := e
		if brk > q && data[brk-1] == '\r' {
			brk--
		}
		content := string(data[q:brk])
		if len(content) > len(val)-i {
			content = content[:len(val)-i]
		}
		if !strings.HasPrefix(val[i:], content) {
			return lint.SourceMap{}, false
		}
		b.Verbatim(len(content), q)
		i += len(content)
		if i >= len(val) {
			break
		}
		if e >= len(data) {
			return lint.SourceMap{}, false
		}
		switch {
		case val[i] == '\n':
			b.Escaped(1, brk, e+1)
			i++
		case folded && val[i] == ' ' && content != "":
			b.Escaped(1, brk, e+1)
			i++
		case !folded:
			return lint.SourceMap{}, false
		}
		// Otherwise a folded break that yields nothing (before an empty line).
		p = e + 1
	}
	return b.Map(), true
}
