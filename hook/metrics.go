package hook

import (
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

type metrics struct {
	requests  *prometheus.CounterVec
	latency   *prometheus.HistogramVec
	decisions *prometheus.CounterVec
	findings  *prometheus.CounterVec
	events    *prometheus.CounterVec
	store     prometheus.Counter
	dropped   *prometheus.CounterVec
	shed      *prometheus.CounterVec
	circuit   prometheus.Gauge
	drafts    *prometheus.CounterVec

	// The series every request touches, looked up once: a label lookup
	// hashes its values under a lock.
	allow, deny         prometheus.Counter
	draftHit, draftMiss prometheus.Counter
	counted             sync.Map // routeCode → prometheus.Counter
	timed               sync.Map // route → prometheus.Observer
	perRule             sync.Map // rule → prometheus.Counter
}

type routeCode struct {
	route string
	code  int
}

func newMetrics(reg *prometheus.Registry) *metrics {
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "msglint_hook_requests_total", Help: "HTTP requests by route and status code."},
			[]string{"route", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "msglint_hook_request_duration_seconds", Help: "Time to answer a request, by route.",
			Buckets: []float64{25e-6, 50e-6, 100e-6, 250e-6, 500e-6, 1e-3, 2.5e-3, 5e-3, 10e-3, 50e-3, 250e-3, 1}}, []string{"route"}),
		decisions: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "msglint_hook_decisions_total", Help: "Check answers: allow or deny."}, []string{"decision"}),
		findings:  prometheus.NewCounterVec(prometheus.CounterOpts{Name: "msglint_hook_findings_total", Help: "Findings in checked drafts, by rule."}, []string{"rule"}),
		events:    prometheus.NewCounterVec(prometheus.CounterOpts{Name: "msglint_hook_events_total", Help: "Events committed, by source."}, []string{"source"}),
		store:     prometheus.NewCounter(prometheus.CounterOpts{Name: "msglint_hook_store_errors_total", Help: "Failed store reads and writes."}),
		dropped: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "msglint_hook_events_dropped_total",
			Help: "Events acknowledged and not applied, by reason: duplicate (applied before), stale (older than the longest window), invalid (a bad item of a delivery)."}, []string{"reason"}),
		shed:    prometheus.NewCounterVec(prometheus.CounterOpts{Name: "msglint_hook_shed_total", Help: "Requests answered 503 because their class's slots were full."}, []string{"class"}),
		circuit: prometheus.NewGauge(prometheus.GaugeOpts{Name: "msglint_hook_store_circuit_open", Help: "1 while the store's circuit breaker is open."}),
		drafts: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "msglint_hook_draft_cache_total",
			Help: "Checks whose template-rule findings came from the draft cache (hit) or were made (miss)."}, []string{"result"}),
	}
	reg.MustRegister(m.requests, m.latency, m.decisions, m.findings, m.events, m.store, m.dropped, m.shed, m.circuit, m.drafts,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	m.allow, m.deny = m.decisions.WithLabelValues("allow"), m.decisions.WithLabelValues("deny")
	m.draftHit, m.draftMiss = m.drafts.WithLabelValues("hit"), m.drafts.WithLabelValues("miss")
	return m
}

func (m *metrics) observe(route string, code int, d time.Duration) {
	c, ok := m.counted.Load(routeCode{route, code})
	if !ok {
		c, _ = m.counted.LoadOrStore(routeCode{route, code}, m.requests.WithLabelValues(route, strconv.Itoa(code)))
	}
	c.(prometheus.Counter).Inc()
	o, ok := m.timed.Load(route)
	if !ok {
		o, _ = m.timed.LoadOrStore(route, m.latency.WithLabelValues(route))
	}
	o.(prometheus.Observer).Observe(d.Seconds())
}

// decision counts a check's answer.
func (m *metrics) decision(allow bool) {
	if allow {
		m.allow.Inc()
	} else {
		m.deny.Inc()
	}
}

// draftCached counts a draft looked up in the draft cache.
func (m *metrics) draftCached(hit bool) {
	if hit {
		m.draftHit.Inc()
	} else {
		m.draftMiss.Inc()
	}
}

// finding counts a finding in a checked draft.
func (m *metrics) finding(rule string) {
	c, ok := m.perRule.Load(rule)
	if !ok {
		c, _ = m.perRule.LoadOrStore(rule, m.findings.WithLabelValues(rule))
	}
	c.(prometheus.Counter).Inc()
}

func (s *Server) metricsHandler() http.Handler {
	return promhttp.HandlerFor(s.reg, promhttp.HandlerOpts{})
}
