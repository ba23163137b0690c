package load

import (
	"errors"
	"path/filepath"
	"strings"

	"github.com/msglint/msglint/lint"
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
	// Kinds give locale strings kinds by key path, before the built-in
	// words of data/kinds.yaml.
	Kinds lint.KindGlobs
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
	return matchAny(o.I18nGlobs, rel)
}

// File reads one input into messages, in the message format its name or,
// failing that, its content says. The error, if any, is an *lint.InputError
// naming the file and, where the file says it, the line and column.
func (o Options) File(path string, data []byte) ([]*lint.Message, error) {
	return o.read(formatOf(path, data, false), path, data)
}

// read reads an input in a message format.
func (o Options) read(f *Format, path string, data []byte) ([]*lint.Message, error) {
	src := lint.NewSource(path, data)
	src.Unsafe, src.Comments = f.Unsafe, f.Comments
	return f.Read(o, src)
}

// defaults are what the options give messages that do not say their own.
func (o Options) defaults() defaults {
	return defaults{lang: o.Lang, kind: o.Kind, channel: o.Channel}
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
	finish(m, o.defaults())
	return m
}
