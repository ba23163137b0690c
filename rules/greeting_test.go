package rules

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/msglint/msglint/lint"
)

// A locale string whose kind was guessed from its key is checked as an
// opening message only when it is more than one sentence: one sentence is
// a status line, a title or a line of a page. A kind the message declares
// is checked whatever its length. An away message need not greet: it must
// say when a person will answer.
func TestGreetingScreenLines(t *testing.T) {
	check, err := Greeting.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	const (
		noGreeting = "the message starts without a greeting or a thank-you for writing"
		noWhen     = "the away message does not say when a person will answer"
	)
	for _, c := range []struct {
		lang     lint.Lang
		kind     lint.Kind
		kindFrom string
		text     string
		want     []string
	}{
		{lint.English, lint.Away, `key "closed"`, "Webchat is closed at the moment.", nil},
		{lint.English, lint.Away, `key "closed"`, "Webchat is closed. Leave your number and we will call you.", []string{noWhen}},
		{lint.English, lint.Away, "", "Webchat is closed.", []string{noWhen}},
		{lint.English, lint.Away, `kinds: "chat.*"`, "Webchat is closed.", []string{noWhen}},
		{lint.English, lint.Greeting, `key "welcome"`, "After you confirm your account, we'll send you a few tips.", nil},
		{lint.English, lint.Greeting, `key "welcome"`, "Webchat is closed. Leave your number and we will call you.", []string{noGreeting}},
		{lint.Turkish, lint.Away, `key "offline"`, "Şu an operatörlerimiz müsait değil", nil},
		{lint.Turkish, lint.Away, `key "offline"`, "Şu an operatörlerimiz müsait değil. Numaranızı bırakın.", []string{noWhen}},
		{lint.Azerbaijani, lint.Away, `key "closed"`, "Veb-çat indi bağlıdır.", nil},
		{lint.Azerbaijani, lint.Away, `key "closed"`, "Veb-çat indi bağlıdır. Nömrənizi yazın.", []string{noWhen}},
	} {
		m := &lint.Message{Lang: c.lang, Kind: c.kind, KindFrom: c.kindFrom, Body: lint.Field{Text: c.text}}
		var got []string
		check(lint.NewPass(m, func(d lint.Diagnostic) { got = append(got, d.Message) }))
		if diff := cmp.Diff(c.want, got); diff != "" {
			t.Errorf("%s %q (kind from %q): findings differ (-want +got):\n%s", c.lang, c.text, c.kindFrom, diff)
		}
	}
}
