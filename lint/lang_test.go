package lint

import (
	"strings"
	"testing"
	"testing/fstest"
	"unicode"
)

func TestRegistries(t *testing.T) {
	if got := joinAny(Langs); got != "en, tr, az" {
		t.Errorf("Langs = %s", got)
	}
	if got := joinAny(Channels); got != "messenger, instagram, whatsapp, sms" {
		t.Errorf("Channels = %s", got)
	}
	for c, want := range map[Channel]string{Messenger: "Messenger", WhatsApp: "WhatsApp", SMS: "SMS", "": "", "telegram": "Telegram"} {
		if got := c.Title(); got != want {
			t.Errorf("%q.Title() = %q, want %q", c, got, want)
		}
	}
	for l, want := range map[Lang]string{English: "English", Turkish: "Turkish", Azerbaijani: "Azerbaijani", "xx": "xx"} {
		if got := LangName(l); got != want {
			t.Errorf("LangName(%q) = %q, want %q", l, got, want)
		}
	}
	if CasingOf(Turkish) != TurkicCasing || CasingOf(English) != DefaultCasing {
		t.Error("casings")
	}
}

// A pack that is wrong anywhere is refused whole: the registries and the
// rules' data stay as they were. (A pack that loads is tested in
// rules/langpack, a process of its own.)
func TestRegisterLangRefusesBadPacks(t *testing.T) {
	data := LoadRuleData(fstest.MapFS{"r.yaml": {Data: []byte("en: {example: {bad: b, good: g}}")}}, "r.yaml")
	defer func() { ruleDataFiles = ruleDataFiles[:len(ruleDataFiles)-1] }()
	for name, c := range map[string]struct{ lang, rule, want string }{
		"no lang.yaml":     {"", "", "file does not exist"},
		"no name":          {"code: qq", "", "code and name are required"},
		"unknown casing":   {"code: qq\nname: Q\ncasing: odd", "", `casing "odd"`},
		"unknown field":    {"code: qq\nname: Q\nscript: Latn", "", "field script not found"},
		"registered":       {"code: tr\nname: Turkish again", "", "already registered"},
		"region":           {"code: qq-QQ\nname: Q", "", "without a region"},
		"another language": {"code: qq\nname: Q", "en: {say: {x: y}}", `a pack for "qq" may only add "qq"`},
		"bad rule data":    {"code: qq\nname: Q", "qq: {sayy: {}}", "field sayy not found"},
	} {
		pack := fstest.MapFS{}
		if c.lang != "" {
			pack["lang.yaml"] = &fstest.MapFile{Data: []byte(c.lang)}
		}
		if c.rule != "" {
			pack["rules/r.yaml"] = &fstest.MapFile{Data: []byte(c.rule)}
		}
		_, err := RegisterLang(pack)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", name, err, c.want)
		}
	}
	if len(Langs) != 3 || len(data.Langs) != 1 {
		t.Errorf("a refused pack changed the registry: %v, %v", Langs, data.Langs)
	}
}

func TestRuleDataSay(t *testing.T) {
	d := &RuleData{Langs: map[Lang]*RuleLang{English: {Say: map[string]string{"hi": "hello"}}, Turkish: {Say: map[string]string{"hi": "merhaba"}}}}
	for l, want := range map[Lang]string{English: "hello", Turkish: "merhaba", Azerbaijani: "hello"} {
		if got := d.Say(l, "hi"); got != want {
			t.Errorf("Say(%s) = %q, want %q", l, got, want)
		}
	}
}

func TestFolded(t *testing.T) {
	for _, c := range []struct {
		text string
		lang Lang
		want Lang
	}{
		{"Tesekkurler, iyi gunler", "", Turkish},
		{"Siparisiniz icin tesekkur ederiz", "", Turkish},
		{"Sifarisiniz ucun tesekkur edirik", "", Azerbaijani},
	} {
		if got, _ := DetectLang(c.text); got != c.want {
			t.Errorf("DetectLang(%q) = %s, want %s", c.text, got, c.want)
		}
	}
	if Fold(Azerbaijani, "xoş günlər") != "xos gunler" || Fold(English, "café") != "café" {
		t.Error("Fold")
	}
	if !Folded(Turkish, "iyi gunler") || Folded(Turkish, "İyi günler") || Folded(English, "plain") {
		t.Error("Folded")
	}
}

func FuzzTurkicLower(f *testing.F) {
	for _, s := range []string{"", "abc", "IŞIK", "İSTANBUL", "Iğdır", "ÇOK", "ƏLİ", "Ⅰ", "ǅ", "\xffI", "aI\xc3", "ﬁ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := turkicLower(s), strings.ToLowerSpecial(unicode.TurkishCase, s); got != want {
			t.Errorf("turkicLower(%q) = %q, want %q", s, got, want)
		}
	})
}
