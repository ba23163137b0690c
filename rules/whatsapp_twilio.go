package rules

import (
	"strings"
	"unicode/utf8"

	"github.com/msglint/msglint/lint"
)

// runTwilio checks a Twilio Content API template: the limits Twilio's pages
// state for its content type and its variables, and the body's shape that
// WhatsApp's review rejects (Twilio's content type pages say so too). A
// Twilio template has no name rule, category or parameter format of its
// own: Twilio sets those when it submits the template to WhatsApp.
func (c *waCheck) runTwilio() {
	t, m := c.t, c.p.Msg
	tw := c.lim.Twilio
	body := m.Body.Text
	if l, ok := tw.BodyChars[t.ContentType]; ok {
		if n := utf8.RuneCountInString(body); n > l.Max {
			c.report(lint.Part{}, lint.Span{Start: runeOffset(body, l.Max), End: len(body)}, 0,
				c.say("twilio_body_chars", t.ContentType, n, l.Max, n-l.Max), c.say("shorten_fix", l.Max))
		}
	}
	if l, ok := tw.Actions[t.ContentType]; ok && len(t.Buttons) > l.Max {
		c.report(c.buttonAt(t.Buttons[l.Max]), lint.Span{}, 0, c.say("twilio_actions", t.ContentType, len(t.Buttons), l.Max), c.say("buttons_fix"))
	}
	if n := len(t.BodyExamples.Named); n > tw.Variables.Max {
		c.report(lint.Part{}, lint.Span{}, 0, c.say("twilio_variables", n, tw.Variables.Max), c.say("twilio_variables_fix"))
	}
	c.twilioVariables(lint.Part{}, body)
	for _, i := range []int{t.Header, t.Footer} {
		if f := t.Text(i); f != nil {
			c.twilioVariables(textPart(i), f.Text)
		}
	}
	for _, b := range t.Buttons {
		for _, i := range []int{b.Text, b.URL} {
			if f := t.Text(i); f != nil {
				c.twilioVariables(textPart(i), f.Text)
			}
		}
	}
	if t.HasBody {
		c.checkBodyShape(body)
	}
}

// twilioVariables checks each variable of one text: a key Twilio takes,
// and a sample value in the template's variables.
func (c *waCheck) twilioVariables(part lint.Part, text string) {
	limit := c.lim.Twilio.VariableKeyChars.Max
	for _, p := range waParams(text) {
		sp := lint.Span{Start: p.Start, End: p.End}
		raw := text[p.Start:p.End]
		if strings.ContainsAny(p.Name, " \t") || utf8.RuneCountInString(p.Name) > limit {
			key := strings.Join(strings.Fields(p.Name), "")
			c.report(part, sp, 0, c.say("twilio_key", raw, limit), "{{"+key+"}}")
			continue
		}
		if _, ok := c.t.BodyExamples.Named[p.Name]; !ok {
			c.report(part, sp, 0, c.say("no_example", raw), c.say("no_example_twilio_fix"))
		}
	}
}
