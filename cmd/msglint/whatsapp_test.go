package main

import (
	"testing"
)

// WhatsApp template definitions, checked end to end: approved ones pass,
// the ones Meta would reject fail with their findings, and a malformed one
// is an input error while the others are still checked.
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
			"testdata/whatsapp/invalid/components.json:7:14: component type \"FOTER\" of template order_update is not one of HEADER, BODY, FOOTER, BUTTONS, CAROUSEL, LIMITED_TIME_OFFER\n"},
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
