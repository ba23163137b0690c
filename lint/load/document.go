package load

import (
	"fmt"

	"github.com/msglint/msglint/lint"
)

// document is one kind of YAML or JSON document: the same kinds come in
// both formats, so both read their tree through this list.
type document struct {
	name string
	is   func(o Options, path string, root *node) bool
	read func(o Options, d doc, root *node, def defaults) ([]*lint.Message, error)
}

// documents are asked in order; the first that knows the tree reads it.
var documents = []document{
	{"locale tree", func(o Options, path string, _ *node) bool { return o.isI18n(path) }, readLocaleTree},
	{"WhatsApp template", func(_ Options, _ string, root *node) bool { return isWATemplate(root) },
		func(_ Options, d doc, root *node, _ defaults) ([]*lint.Message, error) {
			return readWATemplates(d, root)
		}},
	{"Twilio content template", func(_ Options, _ string, root *node) bool { return isTwilioContent(root) },
		func(_ Options, d doc, root *node, _ defaults) ([]*lint.Message, error) {
			return readTwilioContents(d, root)
		}},
	{"Messenger Profile", func(_ Options, _ string, root *node) bool { return isMessengerProfile(root) },
		func(_ Options, d doc, root *node, _ defaults) ([]*lint.Message, error) {
			return readMessengerProfile(d, root)
		}},
	{"Send API body", func(_ Options, _ string, root *node) bool { return isSendAPI(root) },
		func(_ Options, d doc, root *node, def defaults) ([]*lint.Message, error) {
			return loadSendAPI(d, root, def)
		}},
	{"library", func(_ Options, _ string, root *node) bool { return isLibrary(root) },
		decodeLibrary},
	{"empty document", func(_ Options, _ string, root *node) bool { return root.kind == nullNode },
		func(Options, doc, *node, defaults) ([]*lint.Message, error) { return nil, nil }},
}

// readTree reads a parsed YAML or JSON document into messages.
func (o Options) readTree(src *lint.Source, root *node) ([]*lint.Message, error) {
	for _, k := range documents {
		if k.is(o, src.Path, root) {
			return k.read(o, doc{src}, root, o.defaults())
		}
	}
	return nil, fmt.Errorf("%s: %w: expected a templates: list, a Send API body, a WhatsApp template, a Twilio content template, a Messenger Profile, or --i18n for a locale file", src.Path, errNotMessages)
}
