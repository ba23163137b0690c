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
	"strings"
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
