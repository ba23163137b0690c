package policy

import (
	"fmt"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/rules"
	"gopkg.in/yaml.v3"
)

// Goodbye is the goodbye rule over a conversation: when it is closed, the
// brand's last message must take leave.
var Goodbye = &Rule{Rule: rules.Goodbye, New: newGoodbye, Replaces: true, DraftToo: true}

func newGoodbye(node *yaml.Node, _ *Env) (Hooks, error) {
	farewells, err := rules.Detect(rules.Goodbye, node)
	if err != nil {
		return Hooks{}, err
	}
	return Hooks{
		Send: func(t *Turn) {
			// Transcripts only: the hook forgets it after each event. A
			// transcript that can be read again keeps where the line is.
			if e := t.Event; e.Origin == TranscriptLine && t.Message() != nil {
				cv := t.Conv
				cv.lastOutLine = e.Line
				if e.at > 0 && t.run.source != nil {
					cv.lastOut, cv.lastOutAt, cv.lastOutSize = nil, e.at, len(e.Raw)
				} else {
					cv.lastOut, cv.lastOutAt = append(cv.lastOut[:0], e.Raw...), 0
				}
			}
		},
		Event: func(t *Turn) {
			cv := t.Conv
			if t.Event.Type != Close || cv.lastOut == nil && cv.lastOutAt == 0 {
				return
			}
			raw := cv.lastOut
			if cv.lastOutAt > 0 {
				raw = make([]byte, cv.lastOutSize)
				if _, err := t.run.source.ReadAt(raw, cv.lastOutAt-1); err != nil {
					// The file went away, was cut short or cannot be read:
					// the check cannot be made, and says so.
					t.run.fail(&lint.InputError{Path: t.run.path, Line: cv.lastOutLine, Msg: "cannot read the line again for the goodbye check: " + err.Error()})
					return
				}
			}
			m := t.lineMessage(raw, cv.lastOutLine)
			if m == nil {
				return
			}
			g := *m
			g.Kind = lint.Closing
			if ds := farewells(&g); len(ds) > 0 {
				t.Report(fmt.Sprintf("the conversation was closed without a goodbye: the last brand message (line %d) has no farewell, thanks or offer of more help", cv.lastOutLine),
					ds[0].Suggestion)
			}
		},
	}, nil
}
