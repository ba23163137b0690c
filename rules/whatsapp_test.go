package rules

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/msglint/msglint/lint"

	"gopkg.in/yaml.v3"
)

// Every limit the whatsapp-template rule checks names the page of Meta's
// docs that states it.
func TestWhatsAppLimitsNameTheirSource(t *testing.T) {
	v := reflect.ValueOf(waLimitsData().Limits)
	for i := 0; i < v.NumField(); i++ {
		l := v.Field(i).Interface().(waLimit)
		name := v.Type().Field(i).Tag.Get("yaml")
		if !strings.HasPrefix(l.Source, "https://developers.facebook.com/") {
			t.Errorf("limit %s: source %q is not a page of Meta's docs", name, l.Source)
		}
		if l.Max <= 0 && name != "footer_params" {
			t.Errorf("limit %s: max %d", name, l.Max)
		}
	}
	tw := waLimitsData().Twilio
	limits := map[string]waLimit{"variables": tw.Variables, "variable_key_chars": tw.VariableKeyChars}
	for typ, l := range tw.BodyChars {
		limits["body_chars "+typ] = l
	}
	for typ, l := range tw.Actions {
		limits["actions "+typ] = l
	}
	if len(limits) < 5 {
		t.Errorf("twilio: %d limits", len(limits))
	}
	for name, l := range limits {
		if !strings.HasPrefix(l.Source, "https://www.twilio.com/docs/") || l.Max <= 0 {
			t.Errorf("twilio limit %s: %d from %q, not a page of Twilio's docs", name, l.Max, l.Source)
		}
	}
	if len(waLimitsData().Languages.Codes) < 50 || waLimitsData().Languages.Source == "" {
		t.Errorf("languages: %d codes from %q", len(waLimitsData().Languages.Codes), waLimitsData().Languages.Source)
	}
}

func TestWhatsAppOptions(t *testing.T) {
	var n yaml.Node
	if err := yaml.Unmarshal([]byte("min_words_per_parameter: -1"), &n); err != nil {
		t.Fatal(err)
	}
	if _, err := WhatsAppTemplate.New(n.Content[0]); err == nil || err.Error() != "min_words_per_parameter: want 0 or more, not -1" {
		t.Errorf("got %v", err)
	}
	if err := yaml.Unmarshal([]byte("min_words: 1"), &n); err != nil {
		t.Fatal(err)
	}
	if _, err := WhatsAppTemplate.New(n.Content[0]); err == nil || !strings.Contains(err.Error(), `unknown option "min_words"`) {
		t.Errorf("got %v", err)
	}
}

// The parameter reader sees WhatsApp's own syntax only.
func TestWAParams(t *testing.T) {
	got := waParams("Hi {{1}}, {{first_name}} {x} {{ }} {{{2}}}")
	var names []string
	for _, p := range got {
		names = append(names, p.Name)
	}
	if strings.Join(names, "|") != "1|first_name| |2" {
		t.Errorf("got %q", names)
	}
}

// A translated message fills in what the English one does, in the same
// order: each of its verbs is one of the English verbs at the same place.
func TestWhatsAppMessagesFillTheSameValues(t *testing.T) {
	verb := regexp.MustCompile(`%[dsq]`)
	en := waTemplateData.Langs[lint.English].Say
	for _, l := range lint.Langs {
		for key, msg := range waTemplateData.Langs[l].Say {
			want, got := verb.FindAllString(en[key], -1), verb.FindAllString(msg, -1)
			if !slices.Equal(got, want) {
				t.Errorf("%s %s: fills in %v, English %v", l, key, got, want)
			}
		}
	}
}
