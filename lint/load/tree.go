// Package load reads inputs: template libraries, exports, locale trees and
// Send API bodies into messages whose every character maps back to its file
// position, and transcripts and webhook payloads for the conversation rules.
// Each input format is one value in Formats; a Run checks files, folders and
// standard input through that list.
package load

import (
	"fmt"

	"github.com/msglint/msglint/lint"
)

// nodeKind is the shape of a value in a YAML or JSON document.
type nodeKind int

const (
	nullNode nodeKind = iota
	scalarNode
	mapNode
	seqNode
)

func (k nodeKind) String() string {
	return [...]string{"null", "a scalar", "a mapping", "a list"}[k]
}

// node is a YAML or JSON value with positions. Both formats are read into it
// so that one decoder per document type serves both.
type node struct {
	kind  nodeKind
	off   int // file offset where the value starts
	str   bool
	value string         // scalar text
	smap  lint.SourceMap // scalar text -> file
	// verbatim is, for a string copied unchanged from the file, one past
	// the file offset where its text starts: its map is made when asked,
	// as most strings read (keys, ids) never need one.
	verbatim int
	// utf8 is, for a string read by str, that its value is valid UTF-8
	// without U+FFFD, as str found passing over it: the invalid-text
	// check need not read it again (lint.Message.BodyUTF8).
	utf8  bool
	keys  []*node // mapping keys (scalars), in file order
	vals  []*node // mapping values, parallel to keys
	items []*node // list items
}

func (n *node) get(key string) *node {
	for i, k := range n.keys {
		if k.value == key {
			return n.vals[i]
		}
	}
	return nil
}

func (n *node) field() lint.Field {
	if n.verbatim > 0 && len(n.value) > 0 {
		return lint.Field{Text: n.value, Map: lint.LinearMap(len(n.value), n.verbatim-1)}
	}
	return lint.Field{Text: n.value, Map: n.smap}
}

// doc holds what a decoder needs to report errors against the file.
type doc struct {
	src *lint.Source
}

func (d doc) errAt(off int, format string, args ...any) error {
	line, col := d.src.Position(off)
	return &lint.InputError{Path: d.src.Path, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}
