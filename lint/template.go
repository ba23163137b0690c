package lint

import "fmt"

// Template is the structure of a platform message template a message was
// read from (a WhatsApp message template): the parts that are not the body,
// each with its position, for the rules that check a template's structure.
// The message's Body is the template's body text.
type Template struct {
	// Platform is where the template is defined: Meta's template API, or
	// Twilio's Content API (whose templates Twilio submits to WhatsApp).
	Platform TemplatePlatform
	// ContentType is a Twilio template's content type (twilio/text,
	// twilio/quick-reply, …), "" for a WhatsApp template.
	ContentType string
	// Texts are the template's positioned texts other than the body (its
	// name, language, header and footer text, button texts and URLs);
	// a finding points at one as Part{Kind: TemplateText, Index: i}.
	Texts []Field
	// Name and Language index Texts; Category and ParameterFormat are as
	// written (MARKETING, UTILITY, AUTHENTICATION; POSITIONAL, NAMED or "").
	Name, Language  int
	Category        string
	ParameterFormat string
	// HasBody says the template has a BODY component with text.
	HasBody bool
	// Header is the header's format (TEXT, IMAGE, …) and text, "" and -1
	// when there is none or it has no text; Footer likewise.
	HeaderFormat   string
	Header, Footer int
	// Examples are the example values given per component for its
	// parameters: positional values in order, or named values by name.
	HeaderExamples, BodyExamples TemplateExamples
	Buttons                      []TemplateButton
}

// TemplatePlatform is the API a template definition was written for.
type TemplatePlatform int

// The template platforms.
const (
	WhatsAppTemplate TemplatePlatform = iota
	TwilioContent
)

// TemplateExamples are the example values of one text's parameters.
type TemplateExamples struct {
	Positional []string
	Named      map[string]string
}

// TemplateButton is one button of a template.
type TemplateButton struct {
	// Type is as written: QUICK_REPLY, URL, PHONE_NUMBER, COPY_CODE, OTP, …
	Type string
	// Text and URL index Template.Texts, -1 when absent.
	Text, URL int
	// Examples are the example values of the URL's parameter.
	Examples []string
}

// Text returns the template text at i, or nil for -1.
func (t *Template) Text(i int) *Field {
	if i < 0 || i >= len(t.Texts) {
		return nil
	}
	return &t.Texts[i]
}

// PartName says which part of the template its i-th text is, as a report
// labels it: "name", "language", "header", "footer", "button 2" (its text)
// or "button 2 URL"; "" for an index it does not hold.
func (t *Template) PartName(i int) string {
	switch i {
	case -1:
		return ""
	case t.Name:
		return "name"
	case t.Language:
		return "language"
	case t.Header:
		return "header"
	case t.Footer:
		return "footer"
	}
	for j, b := range t.Buttons {
		switch i {
		case b.Text:
			return fmt.Sprintf("button %d", j+1)
		case b.URL:
			return fmt.Sprintf("button %d URL", j+1)
		}
	}
	return ""
}
