package load

import (
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/msglint/msglint/lint"
)

// Format is one kind of input: how it is recognised, how it is read, and
// what a fix may write into it. Every fact about an input kind is in its
// value, in the file that reads it; the folder walk, standard input and the
// CLI ask Formats and nothing else.
type Format struct {
	Name string
	// Exts are the file extensions that name the format, lower case with
	// the dot.
	Exts []string
	// Walked says a folder walk reads files with these extensions unless the
	// config's include says otherwise (DefaultInclude).
	Walked bool
	// Sniff recognises the format from an input's first bytes whatever the
	// file is called: conversations come as .jsonl or .json files.
	Sniff func(head []byte) bool
	// Guess recognises an input whose extension names no format; formats
	// are asked in list order.
	Guess func(data []byte) bool
	// Unsafe are the characters a fix may not write raw into the format, as
	// there they would need quoting or escaping.
	Unsafe string
	// Comments is the format's comment syntax, in which directives
	// (# msglint-disable-next-line spelling) are written; nil for a format
	// without comments, where the per-template disable key stays.
	Comments *lint.Comments

	// A message format reads messages: Read a whole input; Stream, if set,
	// one of any size in batches, each message keeping only its own batch,
	// with check run on each batch (on every core) and done given each
	// batch's findings in file order; done tells whether it is done with
	// them and the messages they point to (it kept none), which are then
	// made again for a later batch.
	Read   func(o Options, src *lint.Source) ([]*lint.Message, error)
	Stream func(o Options, path string, r io.Reader, check func([]*lint.Message) []lint.Finding, done func([]lint.Finding) (free bool)) (int, error)

	// A conversation is checked by the conversation rules, through a run's
	// Conversations: Check a whole input; CheckStream, if set, one read as
	// a stream, with its findings given to sink (if not nil) as they are made.
	Check       func(c Conversations, path string, data []byte) (lint.Loaded, error)
	CheckStream func(c Conversations, path string, r io.Reader, sink func(lint.Finding)) (lint.Loaded, error)
}

// Formats are the input formats. The extensions' order is that of
// DefaultInclude; the guesses' order is that of the list.
var Formats = []*Format{yamlFormat, jsonFormat, jsonlFormat, csvFormat, textFormat, transcriptFormat, webhookFormat,
	poFormat, androidFormat, appleStringsFormat, xcstringsFormat, arbFormat, xliffFormat}

// heldBack is what no fix wrote into any file before each format said its
// own set: the union of YAML's, JSON's and CSV's rules. JSON, CSV and text,
// whose own rules are narrower, keep it, as letting more fixes through would
// change what --fix does.
const heldBack = "\"'\\\n\r#:"

// hashComments is the comment syntax of YAML (and of gettext PO files).
var hashComments = &lint.Comments{Line: []string{"#"}}

// Conversations checks what the conversation rules read: transcripts and
// webhook payloads. Package policy does it; as policy imports load, a run is
// given it rather than load calling policy.
type Conversations interface {
	// Transcript checks a transcript. With a sink, findings go to it as
	// they are made and none are returned. r may also be an io.ReaderAt
	// over the same bytes from their start, to read a line again.
	Transcript(path string, r io.Reader, sink func(lint.Finding)) (lint.Loaded, error)
	// Webhook checks a webhook payload.
	Webhook(path string, data []byte) (lint.Loaded, error)
}

// DefaultInclude is what a folder walk reads when the config names nothing:
// the extensions of the formats that are Walked. Plain .txt files are left
// out: a repository's requirements.txt or LICENSE.txt is not a message
// library. Name them, or add them to include.
var DefaultInclude = defaultInclude()

func defaultInclude() []string {
	var exts []string
	for _, f := range Formats {
		if f.Walked {
			for _, e := range f.Exts {
				exts = append(exts, strings.TrimPrefix(e, "."))
			}
		}
	}
	return []string{"**/*.{" + strings.Join(exts, ",") + "}"}
}

// byExt is the format a file name's extension names, or nil.
func byExt(path string) *Format {
	ext := strings.ToLower(filepath.Ext(path))
	for _, f := range Formats {
		if slices.Contains(f.Exts, ext) {
			return f
		}
	}
	return nil
}

// formatOf chooses how to read an input: a conversation, recognised by its
// content whatever the name, when conversations are checked; else the format
// the extension names; else the first that guesses the content.
func formatOf(path string, data []byte, conversations bool) *Format {
	if conversations {
		if f := Conversation(data); f != nil {
			return f
		}
	}
	if f := byExt(path); f != nil {
		return f
	}
	for _, f := range Formats {
		if f.Guess != nil && f.Guess(data) {
			return f
		}
	}
	return textFormat
}

// Conversation is the conversation format whose Sniff knows an input's start
// (a transcript's first line, a whole webhook payload), or nil.
func Conversation(head []byte) *Format {
	for _, f := range Formats {
		if f.Sniff != nil && f.Sniff(head) {
			return f
		}
	}
	return nil
}
