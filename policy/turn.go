package policy

import (
	"bytes"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
)

// Turn is one event as a rule's hook sees it: the conversation before the
// event's own changes (Send) or after them (Inbound), what the loop worked
// out about it, and where to report.
type Turn struct {
	Conv    *State
	Event   *Event   // nil in End
	Profile *Profile // the channel's policy; nil for a channel without one

	// Stop is set in Inbound when the customer asked to stop (SMS STOP).
	Stop bool
	// Answering is set in Send on the first brand message since the
	// customer wrote; Waited is how long after.
	Answering bool
	Waited    time.Duration
	// FirstReply is set in Send on the brand's first reply to a customer
	// who wrote.
	FirstReply bool
	// Miss says why the channel does not allow this send now; nil when it
	// does (or the channel has no policy).
	Miss *Miss

	c              *Checker
	run            *run
	rule           *active
	msg            *lint.Message
	msgRead        bool
	promo, promoed bool
	// print is the send's fingerprint, worked out once for the rules that
	// read it.
	print   Print
	printed bool
	// fold is the fold of the event's text, worked out once for the
	// rules that read it.
	fold   string
	folded bool
	// rawRunes is the characters of the event's line plus one (0: not
	// counted yet), where each finding on the line ends.
	rawRunes int
}

// Message is the event's text read as a message, placed in its transcript
// line; nil when the event has no text or its text has no place (an item
// of a webhook file).
func (t *Turn) Message() *lint.Message {
	if !t.msgRead {
		t.msg, t.msgRead = t.c.message(t.Event), true
	}
	return t.msg
}

// foldedText is the fold of the event's text (see fold), written in the
// run's buffer: valid until the run's next event, which the rules that
// read it (for cues, fingerprints) keep nothing of.
func (t *Turn) foldedText() string {
	if !t.folded && t.run == nil {
		t.fold, t.folded = fold(t.Event.Text), true
	}
	if !t.folded {
		t.run.fold = foldInto(t.run.fold[:0], t.Event.Text)
		t.fold, t.folded = unsafe.String(unsafe.SliceData(t.run.fold), len(t.run.fold)), true
	}
	return t.fold
}

// lineMessage reads an earlier event's transcript line again as a message,
// as Message read it then.
func (t *Turn) lineMessage(raw []byte, line int) *lint.Message {
	// The message keeps its line, which raw's owner writes over.
	raw = bytes.Clone(raw)
	e, err := parseEvent(load.ParseLine(t.run.path, raw, line-1))
	if err != nil {
		return nil
	}
	e.Origin, e.Line, e.Raw = TranscriptLine, line, raw
	return t.c.message(&e)
}

// Promo tells whether the send is promotional: of kind promo, or a call to
// action with the words of an offer (the cta rule's detector).
func (t *Turn) Promo() bool {
	if !t.promoed {
		m := t.Message()
		t.promo, t.promoed = t.Event.Kind == lint.Promo || m != nil && t.tells("promo", m, t.c.promo), true
	}
	return t.promo
}

// Report reports on the event as a whole: its line in a transcript.
func (t *Turn) Report(msg, fix string) { t.run.emit(t.finding(t.Event.line(), msg, fix)) }

// ReportText reports on a span of the event's text (the zero span: all of
// it), placed by the engine; on the event as a whole when the text has no
// place.
func (t *Turn) ReportText(span lint.Span, msg, fix string) {
	f := t.finding(t.Event.line(), msg, fix)
	if m := t.Message(); m != nil {
		lint.Place(m, lint.Diagnostic{Span: span}, &f)
		// The finding names the transcript and the event, whatever the
		// message read from the event's text calls itself.
		f.File, f.MessageID = t.run.path, t.Event.messageID()
	}
	t.run.emit(f)
}

// ReportAt reports on a line of the transcript, for what only shows at the
// end of a conversation.
func (t *Turn) ReportAt(line int, msg, fix string) { t.run.emit(t.finding(line, msg, fix)) }

func (t *Turn) finding(line int, msg, fix string) lint.Finding {
	f := lint.Finding{Rule: t.rule.name, Severity: t.rule.severity, Message: msg, Suggestion: fix, File: t.run.path,
		Line: line, Col: 1, EndLine: line, EndCol: 1, MessageID: t.Conv.ID}
	if e := t.Event; e != nil {
		if t.rawRunes == 0 {
			t.rawRunes = utf8.RuneCount(e.Raw) + 1
		}
		f.EndCol, f.MessageID = t.rawRunes, e.messageID()
	}
	return f
}
