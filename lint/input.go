package lint

import (
	"fmt"
	"unicode/utf8"

	"github.com/msglint/msglint/internal/swar"
	"gopkg.in/yaml.v3"
)

// The input rules are about the file a message was read from rather than
// the words: a loader reads such a file without losing anything, and these
// say what is wrong with it, placed like any finding. They belong to every
// run (cmd adds them to the rule list) and are configured like any rule.

// DuplicateID flags a message id used twice in one file.
var DuplicateID = &Rule{
	Name: "duplicate-id",
	Doc: Doc{
		Title: "message id used twice in one file",
		Text: `Flags a template or message whose id another one in the same file already has. The sending
system picks templates by id, so only one of the two is ever sent, and which one depends on the system.`,
		Why:      `Two templates under one id means one of them never reaches a customer, and nobody notices which.`,
		Examples: ruleData("duplicate-id.yaml").Examples,
		Severity: Error,
		Default:  true,
	},
	New: func(opts *yaml.Node) (Check, error) { return nil, noOptions(opts) },
	NewFile: func(opts *yaml.Node) (FileCheck, error) {
		return checkDuplicateIDs, noOptions(opts)
	},
}

func checkDuplicateIDs(msgs []*Message, report func(*Message, Diagnostic)) {
	first := make(map[string]*Message, len(msgs))
	for _, m := range msgs {
		if m.ID == "" {
			continue
		}
		if f, ok := first[m.ID]; ok && f.Source == m.Source {
			line, _ := f.Source.Position(f.Offset)
			report(m, Diagnostic{Message: fmt.Sprintf("id %q is used twice (first on line %d)", m.ID, line)})
			continue
		}
		first[m.ID] = m
	}
}

// InvalidText flags bytes that are not UTF-8 and the replacement character
// U+FFFD, which is what a reader shows for them.
var InvalidText = &Rule{
	Name: "invalid-text",
	Doc: Doc{
		Title: "damaged text: bytes that are not UTF-8",
		Text: `Flags bytes that are not valid UTF-8 and the character "�" (U+FFFD) that programs put in their
place. Both mean the text was saved or exported in another encoding (Windows-1254 for Turkish, for
example) and its letters were lost on the way.`,
		Why:      `A customer sees "�" or a broken letter where "ş" or "ə" should be.`,
		Examples: ruleData("invalid-text.yaml").Examples,
		Severity: Error,
		Default:  true,
	},
	New: func(opts *yaml.Node) (Check, error) { return checkInvalidText, noOptions(opts) },
}

// maxInvalidSpans bounds the findings of one field; the engine's cap would
// too, but a damaged field is one problem however long.
const maxInvalidSpans = 10

func checkInvalidText(p *Pass) {
	parts := []Part{{Kind: Body}}
	for i := range p.Msg.QuickReplies {
		parts = append(parts, Part{QuickReply, i})
	}
	for i := range p.Msg.Buttons {
		parts = append(parts, Part{Button, i})
	}
	for _, part := range parts {
		if part.Kind == Body && p.Msg.BodyUTF8 {
			continue // its reader found it whole (Message.BodyUTF8)
		}
		text := p.Msg.Field(part).Text
		for i, n := 0, 0; i < len(text) && n < maxInvalidSpans; n++ {
			start := invalidFrom(text, i)
			if start < 0 {
				break
			}
			i = start
			for i < len(text) {
				if r, w := utf8.DecodeRuneInString(text[i:]); r == utf8.RuneError {
					i += w
				} else {
					break
				}
			}
			p.Report(Diagnostic{Part: part, Span: Span{start, i}, Message: "the text is damaged here: bytes that are not UTF-8, or \"�\" put in their place; save the file as UTF-8"})
		}
	}
}

// invalidFrom is the offset of the first bad byte or U+FFFD at or after i,
// or -1.
func invalidFrom(text string, i int) int {
	const high = 0x8080808080808080
	for i < len(text) {
		// ASCII, most of a text, is never bad, nor is a whole letter of
		// two bytes: passed over eight bytes at a time while they are all
		// such (a Turkish or Azerbaijani text's usual eight), else a byte
		// at a time, without decoding.
		if i+8 <= len(text) {
			x := load64(text[i:])
			if x&high == 0 {
				i += 8
				continue
			}
			if _, ok := swar.TwoByteRunes(x); ok {
				i += 8
				continue
			}
		}
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		// Nor is a valid letter of two bytes (every Turkish and
		// Azerbaijani letter ASCII lacks; U+FFFD takes three): told as
		// utf8.DecodeRuneInString would, without a call.
		if 0xC2 <= c && c <= 0xDF && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
			i += 2
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError {
			return i
		}
		i += w
	}
	return -1
}

// noOptions is an error for any options given to a rule that has none.
func noOptions(opts *yaml.Node) error {
	if opts != nil && opts.Kind != 0 && opts.Tag != "!!null" {
		return fmt.Errorf("this rule has no options")
	}
	return nil
}
