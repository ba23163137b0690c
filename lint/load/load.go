package load

import (
	"errors"
	"fmt"
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

// skipOf is the skip a walk makes of a file that holds no messages, with why.
func skipOf(path string, err error) *lint.Skip {
	if locale, ok := OtherLocale(err); ok {
		return &lint.Skip{Path: path, Reason: lint.OtherLanguage, Detail: locale, Msg: strings.TrimPrefix(err.Error(), path+": ")}
	}
	msg := strings.TrimPrefix(err.Error(), path+": ")
	return &lint.Skip{Path: path, Reason: lint.NotMessages, Msg: msg}
}

// maxErrors is how many input errors one file reports; the rest are counted
// in one more.
const maxErrors = 100

// problems collects a file's input errors, so that one bad line or template
// does not hide the next.
type problems struct {
	errs []error
	more int
	path string
}

func (p *problems) add(err error) {
	if err == nil {
		return
	}
	for _, e := range lint.Errors(err) {
		if len(p.errs) < maxErrors {
			p.errs = append(p.errs, e)
		} else {
			p.more++
		}
	}
}

// err is every problem joined, or nil.
func (p *problems) err() error {
	errs := p.errs
	if p.more > 0 {
		errs = append(errs, &lint.InputError{Path: p.path, Msg: fmt.Sprintf("… and %d more input errors", p.more)})
	}
	return errors.Join(errs...)
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
	// MaxFile and MaxMessage cap what is read (0: the defaults).
	MaxFile, MaxMessage lint.Size
	// KnownRule, if set, says whether a rule name exists: a message's
	// disable list may name only those.
	KnownRule func(name string) bool
}

func (o Options) maxFile() int64    { return int64(o.MaxFile.Or(lint.DefaultMaxFileSize)) }
func (o Options) maxMessage() int64 { return int64(o.MaxMessage.Or(lint.DefaultMaxMessageSize)) }

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

// read reads an input in a message format. Messages come back with the
// errors of the parts that could not be read: the rest is still checked.
func (o Options) read(f *Format, path string, data []byte) ([]*lint.Message, error) {
	src := lint.NewSource(path, data)
	src.Unsafe, src.Comments = f.Unsafe, f.Comments
	msgs, err := f.Read(o, src)
	return o.capMessages(doc{src}, msgs, err)
}

// capMessages drops the messages over the size cap, each with an input
// error on its line, and checks that each names only rules that exist.
func (o Options) capMessages(d doc, msgs []*lint.Message, err error) ([]*lint.Message, error) {
	p := problems{path: d.src.Path}
	p.add(err)
	limit := o.maxMessage()
	kept := msgs[:0]
	for _, m := range msgs {
		if size := messageSize(m); size > limit {
			p.add(d.errAt(m.Offset, "message %s is %d bytes, over the message size cap of %s (max_message_size)", m.ID, size, lint.Size(limit)))
			continue
		}
		kept = append(kept, m)
	}
	return kept, p.err()
}

func messageSize(m *lint.Message) int64 {
	n := len(m.Body.Text)
	for _, f := range m.QuickReplies {
		n += len(f.Text)
	}
	for _, f := range m.Buttons {
		n += len(f.Text)
	}
	return int64(n)
}

// checkDisable is an error for each name in a disable list that is no rule.
func (o Options) checkDisable(d doc, list *node) error {
	if o.KnownRule == nil {
		return nil
	}
	var p problems
	for _, r := range list.items {
		if !o.KnownRule(r.value) {
			p.add(d.errAt(r.off, "disable: unknown rule %q (see `msglint rules`)", r.value))
		}
	}
	return p.err()
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
