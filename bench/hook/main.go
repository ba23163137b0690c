// Command hook measures the pre-send hook against a bare net/http handler
// that answers a fixed JSON body (served, as the hook is, with timeouts),
// on loopback, in one run: requests/s with
// as many requests in flight as -conns (and each server's own CPU time a
// request, which other work on the machine disturbs less), and latency at a
// fixed rate (-rate), measured from when each request was due so that a
// slow answer also counts against the requests queued behind it.
//
//	go run ./bench/hook [-seconds 5] [-conns 32] [-rate 5000] [-rounds 3] [-base main] [-distinct]
//
// The drafts are three texts sent to a thousand conversations, as a
// pipeline sends one template to many people; with -distinct every request's
// draft is a text of its own (a reference number added), so that nothing
// the hook keeps of a draft it saw before helps.
//
// With -base, the hook built from that commit is measured too, in the same
// rounds, for a before and after on one machine load.
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
	rounds := flag.Int("rounds", 3, "rounds, alternating the servers; medians are reported")
	base := flag.String("base", "", "also measure the hook built from this commit (e.g. main), in the same rounds")
	profile := flag.String("cpuprofile", "", "write the (working tree's) hook's CPU profile over the run to this file")
	distinct := flag.Bool("distinct", false, "give every request a draft text of its own")
	flag.Parse()
	if *bareAddr != "" {
		ln, err := net.Listen("tcp", *bareAddr)
		if err != nil {
			log.Fatal(err)
		}
		// The yardstick is served as the hook is: with timeouts and a
		// header limit, which any server open to a network needs (each
		// request sets its connection's deadlines), so that the two
		// differ by the handler's work only.
		srv := &http.Server{Handler: http.HandlerFunc(bare), ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second,
			WriteTimeout: 15 * time.Second, IdleTimeout: 120 * time.Second, MaxHeaderBytes: 64 << 10}
		log.Fatal(srv.Serve(ln))
	}
	dur := time.Duration(*seconds * float64(time.Second))

	// Every server is a process of its own, so the load generator's work
	// and garbage collection are not theirs.
	dir, msglint := binary.Build("hookbench")
	defer os.RemoveAll(dir)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1024, MaxConnsPerHost: 0, IdleConnTimeout: time.Minute}}
	servers := []*server{startHook(client, "hook", msglint, dir, *profile)}
	if *base != "" {
		baseDir, baseBin := binary.BuildAt("hookbench-base", *base)
		defer os.RemoveAll(baseDir)
		servers = append(servers, startHook(client, "hook "+*base, baseBin, baseDir, ""))
	}
	servers = append(servers, startBare())
	for _, sv := range servers {
		defer sv.cmd.Process.Kill()
	}

	bodies := &bodies{distinct: *distinct}
	for _, sv := range servers {
		throughput(client, sv.url+"/v1/check", bodies, *conns, time.Second) // warm up
	}
	for round := range *rounds {
		// Each round starts with another server, so that none is always
		// measured first (after the client's own garbage of the round
		// before) or last.
		order := append(slices.Clone(servers[round%len(servers):]), servers[:round%len(servers)]...)
		for _, sv := range order {
			before := procCPU(sv.cmd.Process.Pid)
			rps := throughput(client, sv.url+"/v1/check", bodies, *conns, dur)
			sv.rps = append(sv.rps, rps)
			if cpu := procCPU(sv.cmd.Process.Pid) - before; before >= 0 && cpu > 0 {
				sv.cpu = append(sv.cpu, float64(cpu)/float64(time.Microsecond)/(rps*dur.Seconds()))
			}
		}
		for _, sv := range order {
			before := sv.buckets(client)
			sv.lat = append(sv.lat, fixedRate(client, sv.url+"/v1/check", bodies, *rate, dur))
			for le, n := range sv.buckets(client) {
				sv.inside[le] += n - before[le]
			}
		}
	}
	if *profile != "" {
		// The profile is written when serve stops on a signal.
		servers[0].cmd.Process.Signal(os.Interrupt)
		servers[0].cmd.Wait()
	}
	bareSv := servers[len(servers)-1]
	b, bl := median(bareSv.rps), medianLat(bareSv.lat)
	what := "3 draft texts"
	if *distinct {
		what = "every draft text distinct"
	}
	fmt.Printf("loopback, every server in a process of its own, %d cores, %d conversations, %s, %d rounds (servers alternating, each round starting with the next), medians\n\n", runtimeProcs(), convs, what, *rounds)
	row := func(name string, cell func(*server) string) {
		fmt.Printf("%-34s", name)
		for _, sv := range servers {
			fmt.Printf(" %14s", cell(sv))
		}
		fmt.Println()
	}
	row("", func(sv *server) string { return sv.name })
	row(fmt.Sprintf("requests/s, %d in flight", *conns), func(sv *server) string { return fmt.Sprintf("%.0f", median(sv.rps)) })
	row("  ratio to bare", func(sv *server) string { return fmt.Sprintf("%.2f", median(sv.rps)/b) })
	if len(bareSv.cpu) > 0 {
		// The server's own CPU time, which other work on the machine
		// does not change as much as it changes requests/s.
		row("server CPU µs a request", func(sv *server) string { return fmt.Sprintf("%.1f", median(sv.cpu)) })
		row("  ratio to bare", func(sv *server) string { return fmt.Sprintf("%.2f", median(sv.cpu)/median(bareSv.cpu)) })
	}
	row(fmt.Sprintf("p50 at %d req/s", *rate), func(sv *server) string { return us(medianLat(sv.lat).p50) })
	row(fmt.Sprintf("p99 at %d req/s", *rate), func(sv *server) string { return us(medianLat(sv.lat).p99) })
	row("  p99 ratio to bare", func(sv *server) string { return fmt.Sprintf("%.2f", float64(medianLat(sv.lat).p99)/float64(bl.p99)) })
	row(fmt.Sprintf("max at %d req/s", *rate), func(sv *server) string { return us(medianLat(sv.lat).max) })
	row("errors (all rounds)", func(sv *server) string { return fmt.Sprint(medianLat(sv.lat).errors) })
	for _, sv := range servers {
		if n := medianLat(sv.lat).errors; n > 0 {
			fmt.Printf("  %s: %v (status: count; 0 is no answer)\n", sv.name, medianLat(sv.lat).byStatus)
		}
	}
	noAnswers.Range(func(k, v any) bool {
		fmt.Printf("  no answer (any server): %s: %d\n", k, v.(*atomic.Int64).Load())
		return true
	})
	for _, sv := range servers {
		if total := sv.inside["+Inf"]; total > 0 {
			fmt.Printf("\ninside %s at %d req/s (its own latency histogram, from request read to answer written):\n", sv.name, *rate)
			for _, le := range []string{"0.0001", "0.00025", "0.0005", "0.001", "0.0025"} {
				fmt.Printf("  <= %-8s s: %6.2f%%\n", le, 100*sv.inside[le]/total)
			}
		}
	}
}

// server is one server under test and what was measured of it.
type server struct {
	name, url string
	cmd       *exec.Cmd
	hook      bool
	rps       []float64
	cpu       []float64 // the server's CPU µs a request in the throughput runs
	lat       []latency
	inside    map[string]float64 // a hook's own histogram over the fixed-rate runs
}

// startHook starts msglint serve with a store of its own and opens a
// window in every conversation, so that each check does all its work.
func startHook(client *http.Client, name, msglint, dir, profile string) *server {
	addr := freeAddr()
	logf, _ := os.Create(filepath.Join(dir, "hook.log"))
	cmd := exec.Command(msglint, "serve", "--addr", addr, "--store", filepath.Join(dir, "state.db"), "--max-in-flight", "4096", "--drain", "0s")
	cmd.Env = append(os.Environ(), "MSGLINT_TOKEN=bench")
	if profile != "" {
		cmd.Env = append(cmd.Env, "MSGLINT_CPUPROFILE="+profile)
	}
	cmd.Stderr = logf // JSON logs, one line a request, as in production
	if err := cmd.Start(); err != nil {
		log.Fatal(err)
	}
	sv := &server{name: name, url: "http://" + addr, cmd: cmd, hook: true, inside: map[string]float64{}}
	waitFor(sv.url + "/healthz")
	for i := range convs {
		ch := []string{"messenger", "messenger", "instagram"}[i%3]
		ev := fmt.Sprintf(`{"time":%q,"conversation":"c-%d","channel":%q,"direction":"in","actor":"customer","type":"message","text":"hello"}`,
			time.Now().UTC().Add(-time.Minute).Format(time.RFC3339), i, ch)
		if code := post(client, sv.url+"/v1/events", []byte(ev)); code != 200 {
			log.Fatalf("seeding %s: %d", name, code)
		}
	}
	return sv
}

func startBare() *server {
	addr := freeAddr()
	self, _ := os.Executable()
	cmd := exec.Command(self, "-bare", addr)
	if err := cmd.Start(); err != nil {
		log.Fatal(err)
	}
	sv := &server{name: "bare", url: "http://" + addr, cmd: cmd, inside: map[string]float64{}}
	waitFor(sv.url + "/")
	return sv
}

func (sv *server) buckets(c *http.Client) map[string]float64 {
	if !sv.hook {
		return nil
	}
	return serverBuckets(c, sv.url)
}

func runtimeProcs() int { return runtime.GOMAXPROCS(0) }

// procCPU is the CPU time a process has used (user and system, all its
// threads), from /proc; -1 where there is none.
func procCPU(pid int) time.Duration {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return -1
	}
	// The command name may hold spaces: the fields after it count from
	// its closing parenthesis; utime and stime are the 14th and 15th.
	i := bytes.LastIndexByte(data, ')')
	f := strings.Fields(string(data[i+1:]))
	if i < 0 || len(f) < 13 {
		return -1
	}
	utime, err1 := strconv.ParseInt(f[11], 10, 64)
	stime, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return -1
	}
	const userHZ = 100 // the unit of /proc's times on Linux
	return time.Duration(utime+stime) * time.Second / userHZ
}

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
		noAnswer(err)
		return 0
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

// noAnswers counts the requests that got no answer, by error, for the
// report: a refused or reset connection is not a slow answer.
var noAnswers sync.Map // error text → *atomic.Int64

func noAnswer(err error) {
	msg := err.Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		msg = msg[i+2:] // the cause, without the URL and addresses
	}
	n, _ := noAnswers.LoadOrStore(msg, new(atomic.Int64))
	n.(*atomic.Int64).Add(1)
}

// bodies are the check bodies sent: request i goes to conversation i mod
// convs.
type bodies struct {
	distinct bool
	seq      atomic.Int64 // the reference numbers, never the same twice in a run
	fixed    [convs][]byte
	once     sync.Once
}

func (b *bodies) get(i int64) []byte {
	if b.distinct {
		d := drafts[i%convs%int64(len(drafts))]
		// The reference number goes at the end of the text.
		at := strings.Index(d, `","lang"`)
		return fmt.Appendf(nil, d[:at]+" Ref. %d"+d[at:], i%convs, b.seq.Add(1))
	}
	b.once.Do(func() {
		for j := range b.fixed {
			b.fixed[j] = fmt.Appendf(nil, drafts[j%len(drafts)], j)
		}
	})
	return b.fixed[i%convs]
}

// throughput keeps conns requests in flight for d and returns requests/s.
func throughput(c *http.Client, url string, bodies *bodies, conns int, d time.Duration) float64 {
	var n, next atomic.Int64
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	start := time.Now()
	var wg sync.WaitGroup
	for range conns {
		wg.Go(func() {
			for ctx.Err() == nil {
				if post(c, url, bodies.get(next.Add(1))) == 200 {
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
	byStatus      map[int]int
}

// fixedRate sends rate requests a second for d, each at its due time, and
// measures from the due time.
func fixedRate(c *http.Client, url string, bodies *bodies, rate int, d time.Duration) latency {
	total := int(float64(rate) * d.Seconds())
	lat := make([]time.Duration, total)
	var errs atomic.Int64
	var mu sync.Mutex
	byStatus := map[int]int{}
	interval := time.Second / time.Duration(rate)
	start := time.Now()
	var wg sync.WaitGroup
	for i := range total {
		due := start.Add(time.Duration(i) * interval)
		if wait := time.Until(due); wait > 0 {
			time.Sleep(wait)
		}
		wg.Go(func() {
			if code := post(c, url, bodies.get(int64(i))); code != 200 {
				errs.Add(1)
				mu.Lock()
				byStatus[code]++
				mu.Unlock()
			}
			lat[i] = time.Since(due)
		})
	}
	wg.Wait()
	slices.Sort(lat)
	return latency{p50: lat[total/2], p99: lat[total*99/100], max: lat[total-1], errors: int(errs.Load()), byStatus: byStatus}
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
	out.byStatus = map[int]int{}
	for _, l := range v {
		out.errors += l.errors
		for code, n := range l.byStatus {
			out.byStatus[code] += n
		}
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
