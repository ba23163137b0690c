package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/msglint/msglint/hook"
	"github.com/msglint/msglint/internal/testredis"
)

// TestMain lets the test binary run as msglint itself, so process tests
// start real hooks without building anything.
func TestMain(m *testing.M) {
	if os.Getenv("MSGLINT_TEST_AS_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

const (
	hookToken  = "process-token"
	hookSecret = "process-app-secret"
)

type hookProc struct {
	cmd  *exec.Cmd
	addr string
}

// startHook starts `msglint serve` as a child process and waits until it listens.
func startHook(t *testing.T, args ...string) *hookProc {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"serve", "--addr", "127.0.0.1:0", "--log-level", "info", "--drain", "0s"}, args...)...)
	cmd.Env = append(os.Environ(), "MSGLINT_TEST_AS_MAIN=1", "MSGLINT_TOKEN="+hookToken, "MSGLINT_APP_SECRET="+hookSecret)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	lines := bufio.NewScanner(stderr)
	addr := make(chan string, 1)
	go func() {
		for lines.Scan() {
			var l struct{ Msg, Addr string }
			if json.Unmarshal(lines.Bytes(), &l) == nil && l.Msg == "listening" {
				addr <- l.Addr
			}
		}
	}()
	select {
	case a := <-addr:
		return &hookProc{cmd: cmd, addr: "http://" + a}
	case <-time.After(20 * time.Second):
		t.Fatal("the hook did not start")
	}
	return nil
}

func (h *hookProc) post(path, body string) (int, string, error) {
	req, _ := http.NewRequest("POST", h.addr+path, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+hookToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	return resp.StatusCode, string(data), err
}

func inbound(conv string, at time.Time) string {
	return fmt.Sprintf(`{"time":%q,"conversation":%q,"channel":"messenger","direction":"in","actor":"customer","type":"message","text":"hello"}`, at.Format(time.RFC3339), conv)
}

// windowOpen asks a hook whether conv's window is open now.
func windowOpen(t *testing.T, h *hookProc, conv string) bool {
	t.Helper()
	code, body, err := h.post("/v1/check", fmt.Sprintf(`{"conversation":%q,"channel":"messenger","message":{"text":"Hi! Thanks for writing.","lang":"en"}}`, conv))
	if err != nil || code != 200 {
		t.Fatalf("check %s: %d %s %v", conv, code, body, err)
	}
	return strings.Contains(body, `"window":{"open":true`)
}

// Every event the hook acknowledged is there after kill -9 and a restart.
func TestKillNineKeepsAcknowledgedEvents(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	store := filepath.Join(t.TempDir(), "state.db")
	h := startHook(t, "--store", store)
	now := time.Now().UTC().Add(-time.Minute)
	var acked sync.Map
	var n, sent, acks atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w := range 16 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				// Half the clients post events, half deliver signed
				// webhook batches of five conversations.
				if w%2 == 0 {
					conv := fmt.Sprintf("k-%d", n.Add(1))
					sent.Add(1)
					if code, _, err := h.post("/v1/events", inbound(conv, now)); err == nil && code == 200 {
						acked.Store(conv, true)
						acks.Add(1)
					}
					continue
				}
				var convs, items []string
				for range 5 {
					conv := fmt.Sprintf("k-%d", n.Add(1))
					convs = append(convs, conv)
					items = append(items, fmt.Sprintf(`{"sender":{"id":%q},"recipient":{"id":"PAGE"},"timestamp":%d,"message":{"mid":"mid-%s","text":"hello"}}`, conv, now.UnixMilli(), conv))
				}
				body := `{"object":"page","entry":[{"id":"PAGE","messaging":[` + strings.Join(items, ",") + `]}]}`
				sent.Add(5)
				req, _ := http.NewRequest("POST", h.addr+"/webhook/messenger", strings.NewReader(body))
				req.Header.Set("X-Hub-Signature-256", hook.Sign(hookSecret, []byte(body)))
				if resp, err := http.DefaultClient.Do(req); err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode == 200 {
						for _, c := range convs {
							acked.Store(c, true)
						}
						acks.Add(int64(len(convs)))
					}
				}
			}
		})
	}
	// Kill in the middle of the stream, with requests in flight, once enough
	// events were acknowledged for the test to prove something: a fixed
	// pause acknowledged none on a loaded machine, where every write waits
	// for the disk behind other processes.
	for deadline := time.Now().Add(30 * time.Second); acks.Load() < 200 && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond)
	h.cmd.Process.Signal(syscall.SIGKILL)
	h.cmd.Wait()
	close(stop)
	wg.Wait()

	h = startHook(t, "--store", store)
	count, missing := 0, 0
	acked.Range(func(k, _ any) bool {
		count++
		if !windowOpen(t, h, k.(string)) {
			missing++
			t.Errorf("acknowledged event of %s lost", k)
		}
		return missing < 5
	})
	t.Logf("%d events sent, %d acknowledged before kill -9, %d lost", sent.Load(), count, missing)
	if count < 50 {
		t.Errorf("only %d events acknowledged before the kill: the test proved little", count)
	}
}

// Two hooks sharing one Redis see each other's inbound events.
func TestTwoHooksShareRedis(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	url := testredis.URL(t, 2)
	a, b := startHook(t, "--store", url), startHook(t, "--store", url)
	now := time.Now().UTC().Add(-time.Minute)
	if windowOpen(t, b, "r-1") {
		t.Fatal("window open before any event")
	}
	if code, body, err := a.post("/v1/events", inbound("r-1", now)); code != 200 || err != nil {
		t.Fatalf("event to a: %d %s %v", code, body, err)
	}
	if !windowOpen(t, b, "r-1") {
		t.Error("b does not see the event a took")
	}
	if code, body, err := b.post("/v1/events", inbound("r-2", now)); code != 200 || err != nil {
		t.Fatalf("event to b: %d %s %v", code, body, err)
	}
	if !windowOpen(t, a, "r-2") {
		t.Error("a does not see the event b took")
	}
	// Three sends recorded through both hooks at once are all counted: the
	// next one is the fourth without a reply (a lost update would make it
	// the third, which the limit of 3 allows).
	recordThroughBoth(t, a, b, "r-1")
}

// SIGTERM stops the hook cleanly: exit status 0, and the shutdown is logged.
// recordThroughBoth records three sends to conv through two hooks at once
// and checks that all were counted: the next one, asked of the first hook,
// is the fourth without a reply (a lost update would make it the third,
// which the limit of 3 allows).
func recordThroughBoth(t *testing.T, a, b *hookProc, conv string) {
	t.Helper()
	draft := func(record bool) string {
		return fmt.Sprintf(`{"conversation":%q,"channel":"messenger","record":%t,"message":{"text":"Hi! Thanks for writing.","lang":"en"}}`, conv, record)
	}
	var wg sync.WaitGroup
	for i := range 3 {
		h := a
		if i%2 == 1 {
			h = b
		}
		wg.Go(func() { h.post("/v1/check", draft(true)) })
	}
	wg.Wait()
	_, got, _ := a.post("/v1/check", draft(false))
	if !strings.Contains(got, "4th brand message within 24 hours") {
		t.Errorf("sends through two hooks were not all counted: %s", got)
	}
}

func TestServeStopsOnSIGTERM(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	h := startHook(t, "--store", filepath.Join(t.TempDir(), "state.db"), "--grace", "5s")
	if code, _, err := h.post("/v1/events", inbound("s-1", time.Now().UTC())); code != 200 || err != nil {
		t.Fatalf("event: %d %v", code, err)
	}
	h.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- h.cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("exit after SIGTERM: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the hook did not stop on SIGTERM")
	}
}

// Two hooks share a real Redis Cluster of three masters: each sees the
// events the other took, and recorded sends through both are all counted,
// with each conversation's transaction on the node its hash tag names.
func TestTwoHooksShareRedisCluster(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	addrs := testredis.Cluster(t)
	url := "redis+cluster://" + strings.Join(addrs, ",")
	a, b := startHook(t, "--store", url), startHook(t, "--store", url)
	now := time.Now().UTC().Add(-time.Minute)
	// Enough conversations to land on every master.
	for i := range 12 {
		h, other := a, b
		if i%2 == 1 {
			h, other = b, a
		}
		conv := fmt.Sprintf("cl-%d", i)
		if code, body, err := h.post("/v1/events", inbound(conv, now)); code != 200 || err != nil {
			t.Fatalf("event %s: %d %s %v", conv, code, body, err)
		}
		if !windowOpen(t, other, conv) {
			t.Errorf("%s: the other hook does not see the event", conv)
		}
	}
	recordThroughBoth(t, b, a, "cl-0")
	// The conversation's key carries its hash tag.
	host, port, _ := strings.Cut(addrs[0], ":")
	if out, err := exec.Command("redis-cli", "-c", "-h", host, "-p", port, "exists", "msglint:conv:{messenger:cl-0}").Output(); err != nil || strings.TrimSpace(string(out)) != "1" {
		t.Errorf("no key msglint:conv:{messenger:cl-0}: %q %v", out, err)
	}
	// Every master holds some conversations.
	for _, addr := range addrs {
		host, port, _ := strings.Cut(addr, ":")
		out, err := exec.Command("redis-cli", "-h", host, "-p", port, "dbsize").Output()
		if err != nil || strings.TrimSpace(string(out)) == "0" {
			t.Errorf("master %s holds no keys: %q %v", addr, out, err)
		}
	}
}

// Without a token serve does not start, unless told it may run without.
func TestServeNeedsAToken(t *testing.T) {
	t.Setenv("MSGLINT_TOKEN", "")
	code, _, stderr := msglint(t, "", "serve", "--store", filepath.Join(t.TempDir(), "state.db"))
	if code != 2 || !strings.Contains(stderr, "no token: set MSGLINT_TOKEN or --token-file (or --insecure-no-token") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}
