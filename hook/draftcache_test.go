package hook

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
	"github.com/msglint/msglint/policy"
)

// cacheDrafts are /v1/check bodies with findings in their texts, quick
// replies and buttons, in each language, with and without a declared
// language.
var cacheDrafts = []string{
	`{"conversation":"%s","channel":"messenger","message":{"text":"Your order has shiped.","lang":"en"}}`,
	`{"conversation":"%s","channel":"messenger","message":{"text":"Your order has shiped.","lang":"en","quick_replies":["Trak order","OK"]}}`,
	`{"conversation":"%s","channel":"messenger","message":{"text":"Your order has shiped."}}`,
	`{"conversation":"%s","channel":"instagram","message":{"text":"CLICK HERE NOW!!! LIMITED OFFER, BUY TODAY","kind":"promo","buttons":["Buy"]}}`,
	`{"conversation":"%s","channel":"messenger","message":{"text":"Merhaba! Siparişiniz yarın teslim edilecek. Iyi günler!","lang":"tr","quick_replies":["Teşekürler"]}}`,
	`{"conversation":"%s","channel":"messenger","message":{"text":"Salam! Sifarişiniz sabah çatdırılacaq. Sağ olun!","lang":"az","quick_replies":["Təşəkürlər"]}}`,
	`{"conversation":"%s","channel":"messenger","message":{"text":"Hi! We shared your details with our partner.","lang":"en","messaging_type":"MESSAGE_TAG","tag":"ACCOUNT_UPDATE"}}`,
}

// TestDraftCacheAnswersAsWithout holds the cache to the hook without it:
// every draft, sent to several conversations (the first a miss, the rest
// hits), gets the same answer byte for byte from both.
func TestDraftCacheAnswersAsWithout(t *testing.T) {
	cached := newHarness(t, nil)
	uncached := newHarness(t, func(c *Config) { c.DraftCache = -1 })
	if cached.srv.drafts == nil || uncached.srv.drafts != nil {
		t.Fatal("the cache is not on by default, or -1 does not switch it off")
	}
	for _, h := range []*harness{cached, uncached} {
		// A customer wrote in one conversation: its checks are first
		// replies in an open window, the others' are not.
		h.expect("POST", "/v1/events", `{"time":"2026-11-23T09:58:00Z","conversation":"c-1","channel":"messenger","direction":"in","actor":"customer","type":"message","text":"hello"}`, 200, `"accepted":1`)
	}
	for round := range 3 {
		for i, d := range cacheDrafts {
			for _, conv := range []string{"c-0", "c-1", "c-2"} {
				body := fmt.Sprintf(d, conv)
				_, want := uncached.do("POST", "/v1/check", body)
				_, got := cached.do("POST", "/v1/check", body)
				if diff := cmp.Diff(want, got); diff != "" {
					t.Fatalf("round %d, draft %d to %s: cached answer differs (-uncached +cached):\n%s", round, i, conv, diff)
				}
			}
		}
	}
	if got := cached.srv.drafts.bytes(); got == 0 {
		t.Fatal("nothing was kept")
	}
}

// draftIn is a draft message as /v1/check makes it.
func draftIn(o load.Options, id, text string, lang lint.Lang, quickReplies ...string) *lint.Message {
	o.Channel, o.Lang = lint.Messenger, lang
	m := o.Draft("message", text, quickReplies, nil)
	m.ID = id
	return m
}

func newChecker(t *testing.T, cfg *lint.Config) *policy.Checker {
	t.Helper()
	linter, err := lint.NewLinter(allRules(), cfg, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	c, err := policy.NewChecker(linter, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestDraftCacheKey: the same draft under another configuration, in
// another language or with another quick reply misses; to another person
// it hits, and the findings are placed in that person's message.
func TestDraftCacheKey(t *testing.T) {
	base := newChecker(t, &lint.Config{})
	off := false
	noSpelling := newChecker(t, &lint.Config{Rules: map[string]lint.RuleConfig{"spelling": {Enabled: &off}}})
	errSpelling := newChecker(t, &lint.Config{Rules: map[string]lint.RuleConfig{"spelling": {Severity: lint.Error}}})
	c := newDraftCache(1 << 20)
	text := "Your order has shiped."
	ignore := cmpopts.IgnoreFields(lint.Finding{}, "Msg")

	check := func(config *policy.Checker, m *lint.Message, wantHit bool) []lint.Finding {
		t.Helper()
		got, _, hit := c.check(config, m)
		if hit != wantHit {
			t.Fatalf("%q (%s, %v): hit %v, want %v", m.Body.Text, m.Lang, m.QuickReplies, hit, wantHit)
		}
		want := config.CheckDraft(draftIn(load.Options{}, m.ID, m.Body.Text, m.Lang, texts(m.QuickReplies)...))
		if diff := cmp.Diff(want, got, ignore); diff != "" {
			t.Fatalf("findings differ from a check without the cache (-want +got):\n%s", diff)
		}
		for _, f := range got {
			if f.Msg != m || f.MessageID != m.ID {
				t.Fatalf("finding %s placed in message %q, want %q", f.Rule, f.MessageID, m.ID)
			}
		}
		return got
	}
	// Seen once, then kept, then found.
	first := check(base, draftIn(load.Options{}, "a", text, lint.English), false)
	if !hasRule(first, "spelling", lint.Warning) {
		t.Fatalf("the draft's misspelling was not found: %v", first)
	}
	check(base, draftIn(load.Options{}, "a2", text, lint.English), false)
	check(base, draftIn(load.Options{}, "b", text, lint.English), true)
	if fs := check(noSpelling, draftIn(load.Options{}, "c", text, lint.English), false); hasRule(fs, "spelling", 0) {
		t.Fatal("a config without spelling got the cached spelling finding")
	}
	if fs := check(errSpelling, draftIn(load.Options{}, "d", text, lint.English), false); !hasRule(fs, "spelling", lint.Error) {
		t.Fatalf("a config that makes spelling an error got %v", fs)
	}
	check(base, draftIn(load.Options{}, "e", text, lint.Turkish), false)
	check(base, draftIn(load.Options{}, "f", text, ""), false) // detected, not declared
	check(base, draftIn(load.Options{}, "g", text, lint.English, "Trak"), false)
	check(base, draftIn(load.Options{}, "g2", text, lint.English, "Trak"), false)
	check(base, draftIn(load.Options{}, "h", text, lint.English, "Track"), false)
	check(base, draftIn(load.Options{}, "i", text, lint.English, "Trak"), true)
	// A quick reply is not the body's text run on.
	check(base, draftIn(load.Options{}, "j", "Your order has", lint.English, "shiped."), false)
	m := draftIn(load.Options{}, "k", text, lint.English)
	m.Tag = "ACCOUNT_UPDATE"
	check(base, m, false)
}

func texts(fs []lint.Field) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Text
	}
	return out
}

func hasRule(fs []lint.Finding, rule string, sev lint.Severity) bool {
	for _, f := range fs {
		if f.Rule == rule && (sev == 0 || f.Severity == sev) {
			return true
		}
	}
	return false
}

// TestDraftCacheBound: however many drafts pass, the cache holds no more
// than its budget, a draft checked often stays, one seen once is not kept,
// and one longer than a channel sends is never kept.
func TestDraftCacheBound(t *testing.T) {
	checker := newChecker(t, &lint.Config{})
	const budget = 128 << 10
	c := newDraftCache(budget)
	often := draftIn(load.Options{}, "x", "Your order has shiped.", lint.English)
	c.check(checker, often)
	c.check(checker, often)
	for i := range 2000 {
		d := draftIn(load.Options{}, "x", fmt.Sprintf("Your order %d has shiped to %d.", i, i*7), lint.English)
		c.check(checker, d)
		c.check(checker, d) // kept
		if n := c.bytes(); n > budget {
			t.Fatalf("after %d drafts the cache holds %d bytes, over its budget of %d", i+1, n, budget)
		}
		if i%10 == 0 {
			if _, _, hit := c.check(checker, draftIn(load.Options{}, "y", often.Body.Text, lint.English)); !hit {
				t.Fatalf("after %d drafts the draft checked every 10 was dropped", i+1)
			}
		}
	}
	if _, _, hit := c.check(checker, draftIn(load.Options{}, "x", "Your order 0 has shiped to 0.", lint.English)); hit {
		t.Fatal("the first of 2000 drafts is still kept in a 128 KiB cache")
	}
	long := draftIn(load.Options{}, "x", fmt.Sprintf("%*s", maxCachedDraft+1, "shiped"), lint.English)
	for range 3 {
		if _, _, hit := c.check(checker, long); hit {
			t.Fatal("a draft longer than the cache keeps was kept")
		}
	}

	// A cache of several shards keeps to its budget as a whole.
	const sharded = 4 << 20
	many := newDraftCache(sharded)
	if len(many.shards) != 4 {
		t.Fatalf("a 4 MiB cache has %d shards, want 4", len(many.shards))
	}
	for i := range 3000 {
		d := draftIn(load.Options{}, "x", fmt.Sprintf("Your order %d has shiped to %d, %s.", i, i*7, strings.Repeat("and", i%300)), lint.English)
		many.check(checker, d)
		many.check(checker, d)
		if i%500 == 0 {
			if n := many.bytes(); n > sharded {
				t.Fatalf("after %d drafts the cache holds %d bytes, over its budget of %d", i+1, n, sharded)
			}
		}
	}
	if n := many.bytes(); n > sharded || n < sharded/4 {
		t.Fatalf("after 3000 drafts the cache holds %d bytes; its budget is %d", n, sharded)
	}

	const small = 16 << 10 // 256 hashes of drafts seen once
	once := newDraftCache(small)
	for i := range 2000 {
		once.check(checker, draftIn(load.Options{}, "x", fmt.Sprintf("Your order %d has shipped.", i), lint.English))
		if n := once.bytes(); n > small {
			t.Fatalf("after %d drafts seen once the cache holds %d bytes, over its budget of %d", i+1, n, small)
		}
	}
	for i := range once.shards {
		sh := &once.shards[i]
		if n := len(sh.young) + len(sh.old); n > 0 {
			t.Fatalf("%d drafts seen once were kept", n)
		}
	}
}

// The metrics count each /v1/check's draft as a hit or a miss; a Send API
// body's draft, placed in the body, is not looked up.
func TestDraftCacheMetrics(t *testing.T) {
	h := newHarness(t, nil)
	for _, conv := range []string{"a", "b", "c"} {
		h.expect("POST", "/v1/check", fmt.Sprintf(cacheDrafts[0], conv), 200, "")
	}
	h.expect("POST", "/v1/messenger/check", `{"recipient":{"id":"d"},"messaging_type":"RESPONSE","message":{"text":"Your order has shiped."}}`, 200, "")
	got := h.expect("GET", "/metrics", "", 200, "")
	// Seen once, kept, found.
	for _, want := range []string{`msglint_hook_draft_cache_total{result="hit"} 1`, `msglint_hook_draft_cache_total{result="miss"} 2`} {
		if !strings.Contains(got, want+"\n") {
			t.Errorf("metrics lack %s", want)
		}
	}
}

// TestDraftCacheConcurrent: checks of the same drafts on many goroutines at
// once, as a sending pipeline makes them, each get the findings a check
// without the cache gets, placed in their own message; the shared findings
// and memos are only read (go test -race holds that).
func TestDraftCacheConcurrent(t *testing.T) {
	checker := newChecker(t, &lint.Config{})
	c := newDraftCache(2 << 20)
	texts := []string{"Your order has shiped.", "We forwarded your details to our courier partner.", "Hello! Thanks for writing.", "Merhaba! Siparişiniz yarın teslim edilecek."}
	ignore := cmp.Options{cmpopts.IgnoreFields(lint.Finding{}, "Msg", "MessageID"), cmpopts.EquateEmpty()}
	want := make([][]lint.Finding, len(texts))
	for i, text := range texts {
		want[i] = checker.CheckDraft(draftIn(load.Options{}, "w", text, ""))
	}
	var wg sync.WaitGroup
	var hits atomic.Int64
	for g := range 8 {
		wg.Go(func() {
			for round := range 20 {
				for i, text := range texts {
					id := fmt.Sprintf("c-%d-%d", g, round)
					m := draftIn(load.Options{}, id, text, "")
					got, memo, hit := c.check(checker, m)
					if hit {
						hits.Add(1)
					}
					if diff := cmp.Diff(want[i], got, ignore); diff != "" {
						t.Errorf("%q on goroutine %d: (-uncached +cached):\n%s", text, g, diff)
						return
					}
					for _, f := range got {
						if f.Msg != m || f.MessageID != id {
							t.Errorf("%q: finding %s placed in message %q, want %q", text, f.Rule, f.MessageID, id)
							return
						}
					}
					st := &policy.State{}
					e := &policy.Event{Conversation: id, Channel: lint.Messenger, Direction: policy.Out, Actor: policy.Agent, Type: policy.Message, Text: text}
					if diff := cmp.Diff(checker.JudgeChecked(st, e, m, got), checker.JudgeMemo(st, e, m, got, memo), ignore); diff != "" {
						t.Errorf("%q: judged with the cached memo (-without +with):\n%s", text, diff)
						return
					}
				}
			}
		})
	}
	wg.Wait()
	if n := hits.Load(); n < 8*20*int64(len(texts))/2 {
		t.Fatalf("%d of %d checks were answered from the cache", n, 8*20*len(texts))
	}
}
