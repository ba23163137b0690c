package lint

import (
	"fmt"
	"regexp"

	"gopkg.in/yaml.v3"
)

// Example is a bad message and its better version in one language.
type Example struct {
	Bad, Good string
}

// Doc is what a marketer reads about a rule (`msglint explain`).
type Doc struct {
	Title    string           // lower case, no period: "message too long for the channel"
	Text     string           // what the rule checks, in plain words
	Why      string           // the guidance it enforces, with its source
	Examples map[Lang]Example // one per language
	Severity Severity         // default severity
	Default  bool             // enabled without being asked for
}

// Rule is a described check. New receives the rule's options node from the
// config (nil for defaults), decodes it strictly and returns the check; a
// nil check is a rule with no per-message check (a conversation rule),
// configured and validated all the same.
type Rule struct {
	Name string
	Doc  Doc
	// Options is the rule's default options value, shown by explain and init.
	Options any
	// Lexicon is the rule's built-in word lists (language -> list -> cues),
	// shown by explain --lang; nil for rules without lists.
	Lexicon map[Lang]map[string][]string
	New     func(opts *yaml.Node) (Check, error)
	// NewFile, if set, builds a check over all the messages of one file, for
	// what only shows across a library (mixed placeholder styles).
	NewFile func(opts *yaml.Node) (FileCheck, error)
	// NewSet, if set, builds a check over the messages of every file a run
	// reads, for what only shows across files (a translation against its
	// source locale).
	NewSet func(opts *yaml.Node) (SetCheck, error)
	// SetKeeps, if set, says which messages the set check needs: a run
	// keeps only those until every file is read, not every file whole.
	SetKeeps func(*Message) bool
	// ReadsWordIDs says the rule's check reads a message's word ids when
	// they are there (Message.WordIDs: the cue index, the spelling
	// verdicts, the sarcasm scorer). With two such rules running, the
	// engine works a message's ids out before its rules run, once for
	// all; a rule alone looks its words up by their text, as cheaply.
	ReadsWordIDs bool
	// SameForText says the rule's check reads nothing of a message but
	// its body's text, its language (and LangDetected), its kind (and
	// KindFrom) and its placeholder systems, and always says the same of
	// the same: the engine keeps what it said of a text and says it again
	// when the text comes again, without running it (textmemo.go).
	SameForText bool
	// SameForStreamedText says the rule's check is the same for a text
	// (SameForText) in a message read as a stream (Message.Streamed)
	// with no quick replies and no buttons: it reads those, and keeps
	// what it read of a message read whole for its file check.
	SameForStreamedText bool
	// AsksKind says a rule that is the same for a text reads a message's
	// kind only through Message.IsKind and IsKindIn, if at all: what it
	// said of a text in a message of a kind it did not ask about, the
	// engine says again of the text in a message of any kind it did not
	// ask about. An export sends the same text as a greeting, a reply
	// and a bot's answer; most rules never ask, and those that do ask
	// about one or two kinds.
	AsksKind bool
}

// Check inspects one message and reports through the pass.
type Check func(*Pass)

// FileCheck inspects the messages of one file together.
type FileCheck func(msgs []*Message, report func(*Message, Diagnostic))

// SetCheck inspects the messages of all the files of a run together, one
// slice per file, in input order.
type SetCheck func(files [][]*Message, report func(*Message, Diagnostic))

// Span is a byte range [Start, End) in a field's text. The zero span means
// the whole message.
type Span struct {
	Start, End int
}

// Diagnostic is what a rule reports: where, what, and how to fix it.
type Diagnostic struct {
	Part       Part
	Span       Span
	Message    string
	Suggestion string
	// Severity overrides the rule's default for this diagnostic (0 = default);
	// a severity set in the config overrides both.
	Severity Severity
	// Fix, if set, is a safe edit of the field's text that --fix may apply
	// without asking: it changes nothing but what the finding is about.
	Fix *Edit
}

// Edit replaces a span of a field's text with New.
type Edit struct {
	Span Span
	New  string
}

// Pass hands one message to one check and collects its diagnostics.
type Pass struct {
	Msg    *Message
	report func(Diagnostic)
	// run, when set, collects instead of report: the engine's pass for a
	// message, made with it in one allocation.
	run *messageRun
}

// NewPass builds a pass that sends diagnostics to report; for tests and tools.
func NewPass(m *Message, report func(Diagnostic)) *Pass { return &Pass{Msg: m, report: report} }

// Report records a diagnostic.
func (p *Pass) Report(d Diagnostic) {
	if p.run != nil {
		p.run.add(d)
		return
	}
	p.report(d)
}

// Reportf records a diagnostic on the body.
func (p *Pass) Reportf(s Span, format string, args ...any) {
	p.Report(Diagnostic{Span: s, Message: fmt.Sprintf(format, args...)})
}

var ruleName = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// Validate checks a rule set once: unique kebab-case names and complete docs.
func Validate(rules []*Rule) error {
	seen := map[string]bool{}
	for _, r := range rules {
		switch {
		case !ruleName.MatchString(r.Name):
			return fmt.Errorf("rule %q: name must be kebab-case", r.Name)
		case seen[r.Name]:
			return fmt.Errorf("rule %q registered twice", r.Name)
		case r.Doc.Title == "" || r.Doc.Text == "" || r.Doc.Why == "":
			return fmt.Errorf("rule %q: doc needs a title, a text and a why", r.Name)
		case r.Doc.Severity < Info || r.Doc.Severity > Error:
			return fmt.Errorf("rule %q: no default severity", r.Name)
		case r.New == nil:
			return fmt.Errorf("rule %q: no constructor", r.Name)
		}
		for _, l := range Langs {
			if ex, ok := r.Doc.Examples[l]; !ok || ex.Bad == "" || ex.Good == "" {
				return fmt.Errorf("rule %q: doc needs a bad and a good example in %s", r.Name, l)
			}
		}
		if _, err := r.New(nil); err != nil {
			return fmt.Errorf("rule %q: defaults rejected: %v", r.Name, err)
		}
		seen[r.Name] = true
	}
	return nil
}
