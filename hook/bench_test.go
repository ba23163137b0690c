package hook

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// BenchmarkCheck is a check through the whole handler (token, body,
// decoding, the stored state, the rules, the answer), in requests/s and
// allocs/op.
func BenchmarkCheck(b *testing.B) {
	srv := newHarness(b, nil).srv
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
	body := `{"conversation":"c-%d","channel":"messenger","message":{"text":"Hi Ayşe! Your order #4411 has shipped and will arrive tomorrow. Track it here: https://example.com/t/4411. Thanks for shopping with us!","lang":"en","quick_replies":["Track order","Talk to us"]}}`
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		req := httptest.NewRequest("POST", "/v1/check", strings.NewReader(fmt.Sprintf(body, i%100)))
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
