package placeholder

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// show writes what Find saw as "syntax:name" (well-formed), "!problem"
// (written wrong) or "slot:name", with the text it covers.
func show(text string, ps []Placeholder) []string {
	var out []string
	for _, p := range ps {
		s := fmt.Sprintf("%s:%s %q", p.Syntax, p.Name, text[p.Start:p.End])
		if p.Type != "" {
			s += " " + p.Type
		}
		for _, c := range p.Cases {
			s += fmt.Sprintf(" %s{%s}", c.Key, text[c.Text.Start:c.Text.End])
		}
		if p.Problem != "" {
			s = "!" + p.Problem
		}
		out = append(out, s)
	}
	return out
}

func TestFind(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		// Well-formed, one of each system.
		{"Hi {{first_name}}!", []string{`mustache:first_name "{{first_name}}"`}},
		{"{{count}} items", []string{`mustache:count "{{count}}"`}},
		{"Hello {{user_first_name}}", []string{`mustache:user_first_name "{{user_first_name}}"`}},
		{"Your code is {{1}}.", []string{`mustache:1 "{{1}}"`}},
		{"Hi {{ contact.name | default: 'there' }}", []string{`liquid:contact.name "{{ contact.name | default: 'there' }}"`}},
		{"{% if agent %}Hi{% endif %}", []string{`liquid:if "{% if agent %}" tag`, `liquid:endif "{% endif %}" tag`}},
		{"Hi {name}", []string{`icu:name "{name}"`}},
		{"{count, plural, one {# item} other {# items}}", []string{
			`icu:count "{count, plural, one {# item} other {# items}}" plural one{# item} other{# items}`,
			`icu:# "#"`, `icu:# "#"`}},
		{"{gender, select, female {She {n, number} left} other {They left}}", []string{
			`icu:gender "{gender, select, female {She {n, number} left} other {They left}}" select female{She {n, number} left} other{They left}`,
			`icu:n "{n, number}" number`}},
		{"{n, plural, offset:1 =0 {none} other {#}}", []string{`icu:n "{n, plural, offset:1 =0 {none} other {#}}" plural =0{none} other{#}`, `icu:# "#"`}},
		{"Hola %{name}", []string{`rails:name "%{name}"`}},
		{"Hi ${name}", []string{`dollar:name "${name}"`}},
		{"%s sent %1$d files, %.2f MB", []string{`printf:%s "%s"`, `printf:%1$d "%1$d"`, `printf:%.2f "%.2f"`}},
		{"%(name)s sent %(count)d, %(x) left", []string{`printf:%(name)s "%(name)s"`, `printf:%(count)d "%(count)d"`}},
		{"%#@messages@ in %1$#@chats@, 100%#@x@", []string{`printf:%#@messages@ "%#@messages@"`, `printf:%1$#@chats@ "%1$#@chats@"`}},
		{"%ds ago, %1$dgönderiliyor", []string{`printf:%d "%d"`, `printf:%1$d "%1$d"`}},
		{"Hi *|FNAME|*", []string{`mailchimp:FNAME "*|FNAME|*"`}},
		{"Hi %FIRSTNAME%", []string{`percent:FIRSTNAME "%FIRSTNAME%"`}},
		{"Products in %name%, see %a_start%here%a_end%", []string{`percent:name "%name%"`, `percent:a_start "%a_start%"`, `percent:a_end "%a_end%"`}},
		{":host is not available on :port (:app_name)", []string{`laravel:host ":host"`, `laravel:port ":port"`, `laravel:app_name ":app_name"`}},
		{":%tag_start%Email Sent:%tag_end% :%undo_start%Undo:%a_end%, 50:%x%", []string{`laravel:%tag_start% ":%tag_start%"`,
			`laravel:%tag_end% ":%tag_end%"`, `laravel:%undo_start% ":%undo_start%"`, `laravel:%a_end% ":%a_end%"`, `laravel:%x% ":%x%"`}},
		{"Note: at 10:30, see https://x.example :) or :-(", nil},
		{"Dear [Customer Name]", []string{`slot:Customer Name "[Customer Name]"`}},
		// Brackets glued together describe a format; a usage synopsis says
		// what to type.
		{"Use the format [+][country code][area code][local number].", nil},
		{"UNLOAD <name>, unloads a plugin", nil},
		{"/remind <time> [NAME]", nil},
		{"Remind me: /remind <time> [NAME]", []string{`slot:time "<time>"`, `slot:NAME "[NAME]"`}},
		// Not placeholders: percentages, sizes, a sign that escapes itself.
		{"50% off, %50 indirim, 100%% sure, %50den fazla, 20% or 30% more, 100%-ü keçir", nil},
		{"Sizes [36-42] in stock, see [here]", nil},
		// Written wrong.
		{"Hi {{first_name}, ok", []string{`!placeholder "{{first_name}" has 2 opening and 1 closing braces`}},
		{"Hi {first_name}}", []string{`!placeholder "{first_name}}" has 1 opening and 2 closing braces`}},
		{"Hi {{ }}", []string{`!placeholder "{{ }}" is empty`}},
		{"Track {{tracking_url", []string{`!placeholder "{{tracking_url" is not closed`}},
		{"Hi first_name}}", []string{`!placeholder "first_name}}" has no opening brace`}},
		{"Hi %{name", []string{`!placeholder "%{name" is not closed`}},
		{"Hi *|FNAME", []string{`!placeholder "*|FNAME" is not closed`}},
		{"{% if agent Hi", []string{`!tag "{% if" is not closed`}},
		{"{count, plural, one {# item} other {# items}", []string{`!plural argument "{count" is not closed`}},
	} {
		got := show(tc.text, Find(tc.text, All))
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("Find(%q) (-want +got):\n%s", tc.text, diff)
		}
	}
}

func TestFindOnlyChosenSyntax(t *testing.T) {
	text := "Hi %s, {{name}} and %{x}"
	got := show(text, Find(text, Printf))
	if diff := cmp.Diff([]string{`printf:%s "%s"`}, got); diff != "" {
		t.Error(diff)
	}
}

// A text whose system is {{name}} alone: a brace run written wrong is
// {{name}} written wrong, and other systems' marks are text.
func TestFindMustacheOnly(t *testing.T) {
	text := "Hi {first_name}}, 100%s sure, %{x} and {y}"
	got := show(text, Find(text, Mustache))
	if diff := cmp.Diff([]string{`!placeholder "{first_name}}" has 1 opening and 2 closing braces`}, got); diff != "" {
		t.Error(diff)
	}
}

func TestMask(t *testing.T) {
	for text, want := range map[string]string{
		"Hi {{first_name}}, see %s":                         "Hi " + strings.Repeat(" ", 14) + ", see   ",
		"{n, plural, one {# day left} other {# days left}}": strings.Repeat(" ", 18) + " day left" + strings.Repeat(" ", 10) + " days left  ",
		"No placeholder here":                               "No placeholder here",
	} {
		got := Mask(text, Find(text, All))
		if got != want || len(got) != len(text) {
			t.Errorf("Mask(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestInside(t *testing.T) {
	text := "{n, plural, one {one day} other {# days}}"
	ps := Find(text, All)
	at := func(s string) (int, int) { i := strings.Index(text, s); return i, i + len(s) }
	for s, want := range map[string]bool{"one day": false, "days": false, "plural": true, "#": true} {
		if st, e := at(s); Inside(ps, st, e) != want {
			t.Errorf("Inside(%q) = %v, want %v", s, !want, want)
		}
	}
}

func TestParse(t *testing.T) {
	s, err := Parse([]string{"icu", "Printf"})
	if err != nil || s != ICU|Printf {
		t.Errorf("Parse = %v, %v", s, err)
	}
	if _, err := Parse([]string{"jinja"}); err == nil || !strings.Contains(err.Error(), `unknown placeholder syntax "jinja"`) {
		t.Errorf("Parse(jinja) error = %v", err)
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"{{a}", "{n, plural, one {#} other {{x}}}", "%1$s %{a", "*|A", "{% if", "[Name] }}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		ps := Find(text, All)
		for _, p := range ps {
			if p.Start < 0 || p.End > len(text) || p.Start > p.End {
				t.Fatalf("span %v out of %q", p.Span, text)
			}
		}
		if m := Mask(text, ps); len(m) != len(text) {
			t.Fatalf("Mask changed the length of %q", text)
		}
	})
}

// Arguments left open, nested thousands deep: the search stays linear.
func BenchmarkFindOpenArguments(b *testing.B) {
	for _, p := range []string{"{a, select, x {", "{a, plural, one {# x} other {", "{a,select,x{{b}", "{a, select, x {b, select, y {"} {
		text := strings.Repeat(p, 4000)
		b.Run(p, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				Find(text, All)
			}
		})
	}
}

func BenchmarkFindChat(b *testing.B) {
	text := "Hi {{first_name}}, your order %{order_id} ships {count, plural, one {in # day} other {in # days}}. Questions? Write to *|EMAIL|*."
	for i := 0; i < b.N; i++ {
		Find(text, All)
	}
}

// Files are checked on all cores, so Find is called from many goroutines at
// once; the slot words' case folding must keep no shared state (the race
// detector fails this test otherwise).
func TestFindConcurrently(t *testing.T) {
	texts := []string{"Merhaba [MÜŞTERİ ADI], siparişiniz hazır.", "Hello [Customer Name], see [LINK]", "Salam [AD SOYAD]!"}
	want := make([][]string, len(texts))
	for i, text := range texts {
		want[i] = show(text, Find(text, All))
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; n < 200; n++ {
				i := n % len(texts)
				if diff := cmp.Diff(want[i], show(texts[i], Find(texts[i], All))); diff != "" {
					t.Errorf("Find(%q) differs from a lone call (-lone +concurrent):\n%s", texts[i], diff)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// The hand-written matchers are the regexps they replaced.
var (
	identRE         = regexp.MustCompile(`^[\p{L}\p{N}_][\p{L}\p{N}_.-]*`)
	percentRE       = regexp.MustCompile(`^%[A-Za-z_][A-Za-z0-9_]*%`)
	laravelRE       = regexp.MustCompile(`^:[a-zA-Z_][a-zA-Z0-9_]*`)
	laravelMarkupRE = regexp.MustCompile(`^:%[a-zA-Z_][a-zA-Z0-9_]*%`)
)

func FuzzMatchers(f *testing.F) {
	for _, s := range []string{"first_name}}", "contact.name | x", "ş1-x.y", "%NAME% rest", "%a", ":name", ":%a_end%x", ":1x", "٣x", "\xffa", "a\u0301b", "_", "%%", ":%%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := ident(s), identRE.FindString(s); got != want {
			t.Errorf("ident(%q) = %q, the regexp %q", s, got, want)
		}
		for _, m := range []struct {
			name string
			n    func(string) int
			re   *regexp.Regexp
		}{{"percentName", percentName, percentRE}, {"laravelName", laravelName, laravelRE}, {"laravelMarkup", laravelMarkup, laravelMarkupRE}} {
			if got, want := s[:m.n(s)], m.re.FindString(s); got != want {
				t.Errorf("%s(%q) = %q, the regexp %q", m.name, s, got, want)
			}
		}
	})
}
