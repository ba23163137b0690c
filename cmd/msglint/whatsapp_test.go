package main

import (
	"strings"
	"testing"

	"github.com/msglint/msglint/lint/load"
)

// WhatsApp template definitions, Twilio content templates and Messenger
// generic templates, checked end to end: approved ones pass, the ones the
// platform would reject fail with their findings, and a malformed one is an
// input error while the others are still checked.
func TestWhatsAppTemplates(t *testing.T) {
	toRoot(t)
	cases := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"approved", []string{"testdata/whatsapp/templates/approved.json", "testdata/whatsapp/templates/listing.json"}, 0, ""},
		{"folder", []string{"testdata/whatsapp/templates"}, 1, ""},
		{"invalid", []string{"testdata/whatsapp/invalid", "testdata/whatsapp/templates/listing.json"}, 2,
			"testdata/whatsapp/invalid/components.json:7:14: component type \"FOTER\" of template order_update:en_US is not one of HEADER, BODY, FOOTER, BUTTONS, CAROUSEL, LIMITED_TIME_OFFER\n"},
		{"twilio-approved", []string{"testdata/twilio/templates/approved.json"}, 0, ""},
		{"twilio-folder", []string{"testdata/twilio/templates"}, 1, ""},
		{"twilio-invalid", []string{"testdata/twilio/invalid", "testdata/twilio/templates/approved.json"}, 2,
			"testdata/twilio/invalid/types.json:5:29: body of twilio/text must be a string, not a list\n"},
		{"generic-approved", []string{"testdata/generic/welcome.json"}, 0, ""},
		{"generic-folder", []string{"testdata/generic"}, 1, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := msglint(t, "", append([]string{"check"}, c.args...)...)
			if code != c.code || errs != c.stderr {
				t.Fatalf("exit %d, stderr %q; want %d, %q", code, errs, c.code, c.stderr)
			}
			checkGolden(t, "whatsapp-"+c.name+".txt", out)
		})
	}
}

// serve --templates reads a folder of template definitions; one that holds
// none, or a malformed one, is refused at start.
func TestServeTemplates(t *testing.T) {
	toRoot(t)
	ts, err := loadTemplates("testdata/whatsapp/templates", load.Options{})
	if err != nil || len(ts) != 6 {
		t.Fatalf("%d templates, %v", len(ts), err)
	}
	if _, err := loadTemplates("testdata/examples/replies.yaml", load.Options{}); err == nil || err.Error() != "--templates: testdata/examples/replies.yaml holds no WhatsApp template definitions" {
		t.Errorf("got %v", err)
	}
	if _, err := loadTemplates("testdata/whatsapp/invalid", load.Options{}); err == nil || !strings.Contains(err.Error(), `component type "FOTER"`) {
		t.Errorf("got %v", err)
	}
}
