package lint

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestConfigKinds(t *testing.T) {
	cfg, err := ParseConfig("c.yaml", []byte("kinds:\n  \"support.**\": away\n  \"bot.*\": bot\n  \"*.welcome\": greeting\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := KindGlobs{{"support.**", Away}, {"bot.*", Bot}, {"*.welcome", Greeting}}
	if d := cmp.Diff(want, cfg.Kinds); d != "" {
		t.Error(d)
	}
	for key, kind := range map[string]Kind{"bot.fallback": Bot, "support.hours.text": Away, "chat.welcome": Greeting, "bot.a.b": "", "other": ""} {
		g, _ := cfg.Kinds.Match(key)
		if g.Kind != kind {
			t.Errorf("Match(%q) = %q, want %q", key, g.Kind, kind)
		}
	}
	for data, msg := range map[string]string{
		"kinds:\n  \"bot.*\": robot\n": `c.yaml: line 2: kinds: unknown kind "robot" (want one of greeting, reply, away, promo, closing, bot, update)`,
		"kinds: [bot]\n":               "c.yaml: line 1: kinds must be a mapping of key-path globs to kinds",
		"kinds:\n  \"bot.[\": bot\n":   `c.yaml: line 2: kinds: bad glob "bot.["`,
	} {
		if _, err := ParseConfig("c.yaml", []byte(data), nil); err == nil || err.Error() != msg {
			t.Errorf("%q: error %v, want %s", data, err, msg)
		}
	}
}
