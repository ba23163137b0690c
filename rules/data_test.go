package rules

import (
	"maps"
	"slices"
	"testing"

	"github.com/msglint/msglint/lint"
)

// Every language has every message of a rule: a missing one would print an
// English suggestion under a Turkish message.
func TestEveryLanguageSaysEverything(t *testing.T) {
	for name, d := range map[string]*lint.RuleData{
		"bot-handoff": bothandoffData, "cta": ctaData, "forwarding-consent": forwardingData, "goodbye": goodbyeData,
		"greeting": greetingData, "sarcasm": sarcasmData, "whatsapp-template": waTemplateData,
	} {
		keys := slices.Sorted(maps.Keys(d.Langs[lint.Langs[0]].Say))
		if len(keys) == 0 {
			t.Errorf("%s: no messages", name)
		}
		for _, l := range lint.Langs {
			rl := d.Langs[l]
			if rl == nil {
				t.Errorf("%s: no data for %s", name, l)
				continue
			}
			if got := slices.Sorted(maps.Keys(rl.Say)); !slices.Equal(got, keys) {
				t.Errorf("%s: %s says %v, want %v", name, l, got, keys)
			}
		}
	}
}
