// Package testredis gives tests a real Redis server: the one named by
// MSGLINT_TEST_REDIS (which .ci/run starts), or one the test starts itself
// on a free loopback port when redis-server is installed.
package testredis

import (
	"bufio"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// URL returns a redis:// address of a server only this test uses (its own
// database number or its own server). Without Redis the test is skipped,
// and under CI it fails instead.
func URL(t *testing.T, db int) string {
	t.Helper()
	if u := os.Getenv("MSGLINT_TEST_REDIS"); u != "" {
		flush(t, strings.TrimPrefix(u, "redis://"), db)
		return fmt.Sprintf("%s/%d", strings.TrimSuffix(u, "/"), db)
	}
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("redis-server is not installed; .ci/run installs it")
		}
		t.Skip("no redis-server (apt-get install redis-server, or set MSGLINT_TEST_REDIS)")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	cmd := exec.Command(bin, "--port", fmt.Sprint(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", t.TempDir())
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	for i := 0; ; i++ {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			break
		}
		if i > 100 {
			t.Fatalf("redis-server did not start on %s", addr)
		}
		time.Sleep(20 * time.Millisecond)
	}
	return fmt.Sprintf("redis://%s/%d", addr, db)
}

// flush empties one database of a shared server with the plain protocol.
func flush(t *testing.T, hostport string, db int) {
	c, err := net.DialTimeout("tcp", strings.TrimSuffix(hostport, "/"), 2*time.Second)
	if err != nil {
		t.Fatalf("MSGLINT_TEST_REDIS: %v", err)
	}
	defer c.Close()
	fmt.Fprintf(c, "SELECT %d\r\nFLUSHDB\r\n", db)
	r := bufio.NewReader(c)
	for range 2 {
		if line, err := r.ReadString('\n'); err != nil || !strings.HasPrefix(line, "+OK") {
			t.Fatalf("MSGLINT_TEST_REDIS: flushing db %d: %q %v", db, line, err)
		}
	}
}

// Server is a redis-server a test started and owns: it may stop, freeze
// and thaw it.
type Server struct {
	Addr string // host:port
	Cmd  *exec.Cmd
}

// Start starts a redis-server of the test's own on a free loopback port,
// with extra arguments; without redis-server the test is skipped (and fails
// under CI).
func Start(t *testing.T, args ...string) *Server {
	t.Helper()
	return start(t, func(port int, dir string) []string {
		return append([]string{"--port", fmt.Sprint(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir}, args...)
	})
}

// start starts redis-server with the arguments made for a free port and a
// folder of its own, and waits until it listens.
func start(t *testing.T, args func(port int, dir string) []string) *Server {
	bin := binary(t, "redis-server")
	port := freePort(t)
	dir := t.TempDir()
	cmd := exec.Command(bin, args(port, dir)...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Signal(syscall.SIGCONT); cmd.Process.Kill(); cmd.Wait() })
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	for i := 0; ; i++ {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			break
		}
		if i > 250 {
			t.Fatalf("redis-server did not start on %s", addr)
		}
		time.Sleep(20 * time.Millisecond)
	}
	return &Server{Addr: addr, Cmd: cmd}
}

// Cluster starts a Redis Cluster of three masters on loopback ports, made
// with redis-cli --cluster create, and returns their addresses once every
// master says the cluster is ok.
func Cluster(t *testing.T) []string {
	t.Helper()
	cli := binary(t, "redis-cli")
	var addrs []string
	for range 3 {
		s := Start(t, "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "2000")
		addrs = append(addrs, s.Addr)
	}
	out, err := exec.Command(cli, append(append([]string{"--cluster", "create"}, addrs...), "--cluster-replicas", "0", "--cluster-yes")...).CombinedOutput()
	if err != nil {
		t.Fatalf("redis-cli --cluster create: %v\n%s", err, out)
	}
	// Every master must say ok, not only the first: the others learn the
	// slot map by gossip, and until they do a client that asks one of them
	// first is told the cluster is down.
	for _, addr := range addrs {
		host, port, _ := net.SplitHostPort(addr)
		for i := 0; ; i++ {
			info, _ := exec.Command(cli, "-h", host, "-p", port, "cluster", "info").Output()
			if strings.Contains(string(info), "cluster_state:ok") {
				break
			}
			if i > 200 {
				t.Fatalf("the cluster is not ok on %s: %s", addr, info)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	return addrs
}

func binary(t *testing.T, name string) string {
	bin, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed; .ci/run installs it", name)
		}
		t.Skipf("no %s (apt-get install redis-server redis-tools)", name)
	}
	return bin
}

// freePort is a free loopback port whose cluster bus port (10000 more) is
// a port too.
func freePort(t *testing.T) int {
	for {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		port := ln.Addr().(*net.TCPAddr).Port
		ln.Close()
		if port+10000 <= 65535 {
			return port
		}
	}
}

// Sentinel starts a primary and a Sentinel watching it as "primary", and
// returns the Sentinel's address.
func Sentinel(t *testing.T) string {
	t.Helper()
	primary := Start(t)
	host, port, _ := net.SplitHostPort(primary.Addr)
	return start(t, func(p int, dir string) []string {
		// Sentinel rewrites its config file: one of its own.
		conf := filepath.Join(dir, "sentinel.conf")
		text := fmt.Sprintf("port %d\nbind 127.0.0.1\ndir %s\nsentinel monitor primary %s %s 1\n", p, dir, host, port)
		if err := os.WriteFile(conf, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return []string{conf, "--sentinel"}
	}).Addr
}
