package load

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"

	"github.com/msglint/msglint/lint"
)

// transcriptFormat is a conversation's events, one JSON object a line with a
// time and a direction. It is told by its first line whatever the file is
// called, and a large one is checked as it is read.
var transcriptFormat = &Format{
	Name: "transcript",
	Sniff: func(head []byte) bool {
		first, _, _ := bytes.Cut(head, []byte("\n"))
		return hasKeys(first, func(has func(string) bool) bool { return has("time") && has("direction") })
	},
	Check: func(c Conversations, path string, data []byte) (lint.Loaded, error) {
		return c.Transcript(path, bytes.NewReader(data), nil)
	},
	CheckStream: func(c Conversations, path string, r io.Reader, sink func(lint.Finding)) (lint.Loaded, error) {
		return c.Transcript(path, r, sink)
	},
}

// rereadable is a file read through a buffer that can also be read again
// at an offset: a transcript's checker reads an earlier line back rather
// than keep it.
type rereadable struct {
	*bufio.Reader
	io.ReaderAt
}

// webhookFormat is a Meta webhook payload ({"object":"page","entry":[…]}) or
// one of its messaging items, checked as a transcript.
var webhookFormat = &Format{
	Name: "webhook",
	Sniff: func(data []byte) bool {
		return hasKeys(data, func(has func(string) bool) bool {
			return has("object") && has("entry") || has("sender") && has("timestamp")
		})
	},
	Check: func(c Conversations, path string, data []byte) (lint.Loaded, error) { return c.Webhook(path, data) },
}

// hasKeys tells whether data is one JSON object whose keys satisfy want.
func hasKeys(data []byte, want func(has func(string) bool) bool) bool {
	var keys map[string]json.RawMessage
	if json.Unmarshal(data, &keys) != nil {
		return false
	}
	return want(func(k string) bool { _, ok := keys[k]; return ok })
}
