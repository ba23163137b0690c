// Command hook measures the pre-send hook against a bare net/http handler
// that answers a fixed JSON body, on loopback, in one run: requests/s with
// as many requests in flight as -conns, and latency at a fixed rate
// (-rate), measured from when each request was due so that a slow answer
// also counts against the requests queued behind it.
//
//	go run ./bench/hook [-seconds 5] [-conns 32] [-rate 5000] [-rounds 3]
package main

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"github.com/msglint/msglint/bench/internal/binary"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

const convs = 1000

var drafts = []string{
	`{"conversation":"c-%d","channel":"messenger","message":{"text":"Hi Ayşe! Your order #4411 has shipped and will arrive tomorrow. Track it here: https://example.com/t/4411. Thanks for shopping with us!","lang":"en","quick_replies":["Track order","Talk to us"]}}`,
	`{"conversation":"c-%d","channel":"messenger","message":{"text":"Merhaba! Siparişiniz yarın teslim edilecek. Başka bir sorunuz olursa yazmanız yeterli. İyi günler dileriz!","lang":"tr"}}`,
	`{"conversation":"c-%d","channel":"instagram","message":{"text":"Salam! Sifarişiniz sabah çatdırılacaq. Sualınız olsa, bizə yazın. Sağ olun!","lang":"az"}}`,
}

func main() {
	bareAddr := flag.String("bare", "", "internal: serve the bare handler on this address")
	seconds := flag.Float64("seconds", 5, "length of each measurement")
	conns := flag.Int("conns", 32, "requests in flight in the throughput test")
	rate := flag.Int("rate", 5000, "requests per second in the latency test")
	rounds := flag.Int("rounds", 3, "rounds, alternating hook and bare handler; medians are reported")
	flag.Parse()
	if *bareAddr != "" {
		ln, err := net.Listen("tcp", *bareAddr)
		if err != nil {
			log.Fatal(err)
		}
		log.Fatal(http.Serve(ln, http.HandlerFunc(bare)))
	}
	dur := time.Duration(*seconds * float64(time.Second))

	// Both servers are processes of their own, so the load generator's
	// work and garbage collection are not theirs.
	dir, msglint := binary.Build("hookbench")
	defer os.RemoveAll(dir)
	hookAddr, bareAddrs := freeAddr(), freeAddr()
	logf, _ := os.Create(filepath.Join(dir, "hook.log"))
	hookCmd := exec.Command(msglint, "serve", "--addr", hookAddr, "--store", filepath.Join(dir, "state.db"), "--max-in-flight", "4096")
	hookCmd.Env = append(os.Environ(), "MSGLINT_TOKEN=bench")
	hookCmd.Stderr = logf // JSON logs, one line a request, as in production
	self, _ := os.Executable()
	bareCmd := exec.Command(self, "-bare", bareAddrs)
	for _, c := range []*exec.Cmd{hookCmd, bareCmd} {
		if err := c.Start(); err != nil {
			log.Fatal(err)
		}
		defer c.Process.Kill()
	}
	hookURL, bareURL := "http://"+hookAddr, "http://"+bareAddrs
	waitFor(hookURL + "/healthz")
	waitFor(bareURL + "/")

	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1024, MaxConnsPerHost: 0, IdleConnTimeout: time.Minute}}
	bodies := make([][]byte, convs)
	for i := range bodies {
		bodies[i] = fmt.Appendf(nil, drafts[i%len(drafts)], i)
	}
	// Every conversation has an open window: the check does all its work.
	for i := range convs {
		ch := []string{"messenger", "messenger", "instagram"}[i%3]
		ev := fmt.Sprintf(`{"time":%q,"conversation":"c-%d","channel":%q,"direction":"in","actor":"customer","type":"message","text":"hello"}`,
			time.Now().UTC().Add(-time.Minute).Format(time.RFC3339), i, ch)
		if code := post(client, hookURL+"/v1/events", []byte(ev)); code != 200 {
			log.Fatalf("seeding: %d", code)
		}
	}
	// Warm both up.
	throughput(client, hookURL+"/v1/check", bodies, *conns, time.Second)
	throughput(client, bareURL+"/v1/check", bodies, *conns, time.Second)

	var hRPS, bRPS []float64
	var hLat, bLat []latency
	inside := map[string]float64{} // the hook's own histogram over the fixed-rate runs
	for range *rounds {
		hRPS = append(hRPS, throughput(client, hookURL+"/v1/check", bodies, *conns, dur))
		bRPS = append(bRPS, throughput(client, bareURL+"/v1/check", bodies, *conns, dur))
		before := serverBuckets(client, hookURL)
		hLat = append(hLat, fixedRate(client, hookURL+"/v1/check", bodies, *rate, dur))
		after := serverBuckets(client, hookURL)
		for le, n := range after {
			inside[le] += n - before[le]
		}
		bLat = append(bLat, fixedRate(client, bareURL+"/v1/check", bodies, *rate, dur))
	}
	h, b := median(hRPS), median(bRPS)
	hl, bl := medianLat(hLat), medianLat(bLat)
	fmt.Printf("loopback, hook and bare handler in processes of their own, %d cores, %d conversations, %d rounds (hook, bare, alternating), medians\n\n", runtimeProcs(), convs, *rounds)
	fmt.Printf("%-34s %12s %12s %8s\n", "", "hook", "bare", "ratio")
	fmt.Printf("%-34s %12.0f %12.0f %8.2f\n", fmt.Sprintf("requests/s, %d in flight", *conns), h, b, h/b)
	fmt.Printf("%-34s %12s %12s\n", fmt.Sprintf("p50 at %d req/s", *rate), us(hl.p50), us(bl.p50))
	fmt.Printf("%-34s %12s %12s\n", fmt.Sprintf("p99 at %d req/s", *rate), us(hl.p99), us(bl.p99))
	fmt.Printf("%-34s %12s %12s\n", fmt.Sprintf("max at %d req/s", *rate), us(hl.max), us(bl.max))
	fmt.Printf("%-34s %12d %12d\n", "errors", hl.errors, bl.errors)
	if total := inside["+Inf"]; total > 0 {
		fmt.Printf("\ninside the hook at %d req/s (its own latency histogram, from request read to answer written):\n", *rate)
		for _, le := range []string{"0.0001", "0.00025", "0.0005", "0.001", "0.0025"} {
			fmt.Printf("  <= %-8s s: %6.2f%%\n", le, 100*inside[le]/total)
		}
	}
}

func runtimeProcs() int { return runtime.GOMAXPROCS(0) }

func us(d time.Duration) string { return fmt.Sprintf("%.0f µs", float64(d)/float64(time.Microsecond)) }

// bare is the yardstick: read the body, answer a fixed JSON body.
func bare(w http.ResponseWriter, r *http.Request) {
	io.Copy(io.Discard, r.Body)
	w.Header().Set("Content-Type", "application/json")
	w.Write([]byte(`{"allow":true,"findings":[],"window":{"open":true,"expires_at":"2026-11-24T10:00:00Z","opened_by":"message"}}` + "\n"))
}

func freeAddr() string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func waitFor(url string) {
	for range 200 {
		if resp, err := http.Get(url); err == nil {
			resp.Body.Close()
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	log.Fatalf("%s did not come up", url)
}

func post(c *http.Client, url string, body []byte) int {
	req, _ := http.NewRequest("POST", url, bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer bench")
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.Do(req)
	if err != nil {
		return 0
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

// throughput keeps conns requests in flight for d and returns requests/s.
func throughput(c *http.Client, url string, bodies [][]byte, conns int, d time.Duration) float64 {
	var n, next atomic.Int64
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	start := time.Now()
	var wg sync.WaitGroup
	for range conns {
		wg.Go(func() {
			for ctx.Err() == nil {
				if post(c, url, bodies[next.Add(1)%convs]) == 200 {
					n.Add(1)
				}
			}
		})
	}
	wg.Wait()
	return float64(n.Load()) / time.Since(start).Seconds()
}

type latency struct {
	p50, p99, max time.Duration
	errors        int
}

// fixedRate sends rate requests a second for d, each at its due time, and
// measures from the due time.
func fixedRate(c *http.Client, url string, bodies [][]byte, rate int, d time.Duration) latency {
	total := int(float64(rate) * d.Seconds())
	lat := make([]time.Duration, total)
	var errs atomic.Int64
	interval := time.Second / time.Duration(rate)
	start := time.Now()
	var wg sync.WaitGroup
	for i := range total {
		due := start.Add(time.Duration(i) * interval)
		if wait := time.Until(due); wait > 0 {
			time.Sleep(wait)
		}
		wg.Go(func() {
			if post(c, url, bodies[i%convs]) != 200 {
				errs.Add(1)
			}
			lat[i] = time.Since(due)
		})
	}
	wg.Wait()
	slices.Sort(lat)
	return latency{p50: lat[total/2], p99: lat[total*99/100], max: lat[total-1], errors: int(errs.Load())}
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	return s[len(s)/2]
}

func medianLat(v []latency) latency {
	pick := func(f func(latency) time.Duration) time.Duration {
		s := make([]time.Duration, len(v))
		for i, l := range v {
			s[i] = f(l)
		}
		slices.Sort(s)
		return s[len(s)/2]
	}
	out := latency{p50: pick(func(l latency) time.Duration { return l.p50 }), p99: pick(func(l latency) time.Duration { return l.p99 }),
		max: pick(func(l latency) time.Duration { return l.max })}
	for _, l := range v {
		out.errors += l.errors
	}
	return out
}

// serverBuckets reads the hook's latency histogram for /v1/check.
func serverBuckets(c *http.Client, base string) map[string]float64 {
	resp, err := c.Get(base + "/metrics")
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
	out := map[string]float64{}
	sc := bufio.NewScanner(resp.Body)
	prefix := `msglint_hook_request_duration_seconds_bucket{route="POST /v1/check",le="`
	for sc.Scan() {
		rest, ok := strings.CutPrefix(sc.Text(), prefix)
		if !ok {
			continue
		}
		le, n, _ := strings.Cut(rest, `"} `)
		v, _ := strconv.ParseFloat(n, 64)
		out[le] = v
	}
	return out
}
