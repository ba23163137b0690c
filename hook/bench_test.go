package hook

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// BenchmarkCheck is a check through the whole handler (token, body,
// decoding, the stored state, the rules, the answer), in requests/s and
// allocs/op: one draft to a hundred people, as a pipeline sends a
// template, so that after the first the template rules' findings come from
// the draft cache.
func BenchmarkCheck(b *testing.B) { benchmarkCheck(b, false) }

// BenchmarkCheckDistinct is BenchmarkCheck with a text of its own in every
// draft (a reference number), so that the draft cache never helps.
func BenchmarkCheckDistinct(b *testing.B) { benchmarkCheck(b, true) }

func benchmarkCheck(b *testing.B, distinct bool) {
	// A line a request, logged as serve logs it.
	logs := NewLogBuffer(io.Discard, time.Second)
	b.Cleanup(func() { logs.Close() })
	srv := newHarness(b, func(c *Config) { c.Logger = slog.New(logs.JSONHandler(slog.LevelInfo, slog.LevelWarn)) }).srv
	for i := range 100 {
		ev := fmt.Sprintf(`{"time":"2026-11-23T09:59:00Z","conversation":"c-%d","channel":"messenger","direction":"in","actor":"customer","type":"message","text":"hello"}`, i)
		req := httptest.NewRequest("POST", "/v1/events", strings.NewReader(ev))
		req.Header.Set("Authorization", "Bearer "+token)
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, req)
		if w.Code != 200 {
			b.Fatal(w.Body.String())
		}
	}
	body := `{"conversation":"c-%d","channel":"messenger","message":{"text":"Hi Ayşe! Your order #4411 has shipped and will arrive tomorrow. Track it here: https://example.com/t/4411. Thanks for shopping with us!%s","lang":"en","quick_replies":["Track order","Talk to us"]}}`
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		ref := ""
		if distinct {
			ref = fmt.Sprintf(" (%d)", i)
		}
		req := httptest.NewRequest("POST", "/v1/check", strings.NewReader(fmt.Sprintf(body, i%100, ref)))
		req.Header.Set("Authorization", "Bearer "+token)
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatal(w.Body.String())
		}
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "requests/s")
}

// BenchmarkCheckRecorded is a customer's message and then a recorded check
// of the answer (judged and recorded in one store transaction), in
// allocs/op: a store write each, so its time is mostly the embedded store's
// wait to commit writes together.
func BenchmarkCheckRecorded(b *testing.B) {
	h := newHarness(b, nil)
	body := `{"conversation":"c-%d","channel":"messenger","record":true,"message":{"text":"Hi Ayşe! Your order #4411 has shipped and will arrive tomorrow. Track it here: https://example.com/t/4411. Thanks for shopping with us!","lang":"en","quick_replies":["Track order","Talk to us"]}}`
	start := h.clock.Now()
	post := func(path, body string) string {
		req := httptest.NewRequest("POST", path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+token)
		w := httptest.NewRecorder()
		h.srv.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatal(w.Body.String())
		}
		return w.Body.String()
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		now := start.Add(time.Duration(2*i) * time.Second)
		h.clock.Set(now)
		post("/v1/events", fmt.Sprintf(`{"time":%q,"conversation":"c-%d","channel":"messenger","direction":"in","actor":"customer","type":"message","text":"hello"}`,
			now.Add(-time.Second).Format(time.RFC3339), i%100))
		if got := post("/v1/check", fmt.Sprintf(body, i%100)); !strings.Contains(got, `"recorded":true`) {
			b.Fatal(got)
		}
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "checks/s")
}
