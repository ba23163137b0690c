package load

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/msglint/msglint/lint"
	"gopkg.in/yaml.v3"
)

// errNotMessages marks a file that is valid but holds no messages msglint
// recognises (package.json, a CI config). Found while walking a folder it is
// skipped; named on the command line it is an error.
var errNotMessages = errors.New("not a message library")

// IsNotMessages reports whether err says the file is not a message library.
func IsNotMessages(err error) bool {
	return errors.Is(err, errNotMessages) || errors.Is(err, errOtherLocale)
}

// Options are the run-wide settings loaders need.
type Options struct {
	// Lang, Kind and Channel apply to messages that do not set their own;
	// an empty Lang means detect it from the text.
	Lang    lint.Lang
	Kind    lint.Kind
	Channel lint.Channel
	// I18n reads every JSON and YAML file as a locale tree.
	I18n bool
	// I18nGlobs marks the files, relative to I18nBase, read as locale trees.
	I18nGlobs []string
	I18nBase  string
}

// Format is how a file is read.
type Format int

// The input formats.
const (
	Unknown Format = iota
	YAML
	JSON
	JSONL
	CSV
	Text
)

var extFormats = map[string]Format{
	".yaml": YAML, ".yml": YAML, ".json": JSON, ".jsonl": JSONL, ".ndjson": JSONL,
	".csv": CSV, ".txt": Text, ".text": Text,
}

// FormatOf chooses a format by extension, then by content.
func FormatOf(path string, data []byte) Format {
	if f, ok := extFormats[strings.ToLower(filepath.Ext(path))]; ok {
		return f
	}
	t := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(t) > 0 && (t[0] == '{' || t[0] == '[') {
		first, rest, _ := bytes.Cut(t, []byte("\n"))
		if json.Valid(first) && len(bytes.TrimSpace(rest)) > 0 {
			return JSONL
		}
		return JSON
	}
	var probe map[string]yaml.Node
	if yaml.Unmarshal(data, &probe) == nil {
		if _, ok := probe["templates"]; ok {
			return YAML
		}
	}
	return Text
}

func (o Options) isI18n(path string) bool {
	if o.I18n {
		return true
	}
	rel := filepath.ToSlash(filepath.Clean(path))
	if o.I18nBase != "" {
		if abs, err := filepath.Abs(path); err == nil {
			if r, err := filepath.Rel(o.I18nBase, abs); err == nil && !strings.HasPrefix(r, "..") {
				rel = filepath.ToSlash(r)
			}
		}
	}
	for _, g := range o.I18nGlobs {
		if ok, _ := doublestar.Match(g, rel); ok {
			return true
		}
	}
	return false
}

// File reads one input into messages. The error, if any, is an *lint.InputError naming
// the file and, where the file says it, the line and column.
func (o Options) File(path string, data []byte) ([]*lint.Message, error) {
	src := lint.NewSource(path, data)
	d := doc{src}
	def := defaults{lang: o.Lang, kind: o.Kind, channel: o.Channel}
	format := FormatOf(path, data)
	switch format {
	case CSV:
		return loadCSV(d, def)
	case JSONL:
		return loadJSONL(d, def)
	case Text:
		return loadText(d, def), nil
	}
	var root *node
	var err error
	if format == JSON {
		root, err = parseJSON(src, data, 0)
	} else {
		root, err = parseYAML(src)
	}
	if err != nil {
		return nil, err
	}
	switch {
	case o.isI18n(path):
		lang, err := localeOf(path)
		if err != nil {
			if errors.Is(err, errOtherLocale) {
				return nil, fmt.Errorf("%s: %w", path, err)
			}
			return nil, &lint.InputError{Path: path, Msg: err.Error()}
		}
		return loadI18n(d, root, lang, def), nil
	case isSendAPI(root):
		return loadSendAPI(d, root, def), nil
	case isLibrary(root):
		return decodeLibrary(d, root, def)
	case root.kind == nullNode:
		return nil, nil
	}
	return nil, fmt.Errorf("%s: %w: expected a templates: list, a Send API body, or --i18n for a locale file", path, errNotMessages)
}

// Text wraps one draft given on the command line as a message.
func (o Options) Text(name, text string) *lint.Message { return o.Draft(name, text, nil, nil) }

// Draft wraps a draft and its quick reply and button titles as a message.
// Positions count in the text; each title follows it on a line of its own.
func (o Options) Draft(name, text string, quickReplies, buttons []string) *lint.Message {
	var doc strings.Builder
	first := true
	field := func(t string) lint.Field {
		if !first {
			doc.WriteByte('\n')
		}
		first = false
		f := lint.Field{Text: t, Map: lint.LinearMap(len(t), doc.Len())}
		doc.WriteString(t)
		return f
	}
	m := &lint.Message{ID: "text"}
	m.Body = field(text)
	for _, t := range quickReplies {
		m.QuickReplies = append(m.QuickReplies, field(t))
	}
	for _, t := range buttons {
		m.Buttons = append(m.Buttons, field(t))
	}
	m.Source = lint.NewSource(name, []byte(doc.String()))
	finish(m, defaults{lang: o.Lang, kind: o.Kind, channel: o.Channel})
	return m
}
