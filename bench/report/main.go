// Command report measures each output format on generated exports of
// 10 000, 100 000 and 300 000 messages: wall time, CPU time and peak RSS of
// `msglint check --format F`, and the size of what it writes. Growth should
// be linear; the targets are HTML at 100 000 messages under 5 s of CPU and
// SARIF under 200 MiB peak RSS at 300 000.
//
//	go run ./bench/report [-sizes 10000,100000,300000] [-formats text,json,sarif,github,html]
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/msglint/msglint/bench/gen"
	"github.com/msglint/msglint/bench/internal/binary"
)

func main() {
	sizes := flag.String("sizes", "10000,100000,300000", "export sizes, in messages")
	formats := flag.String("formats", "text,json,sarif,github,html", "output formats")
	flag.Parse()
	dir, msglint := binary.Build("msglint-report-bench")
	defer os.RemoveAll(dir)
	fmt.Printf("%-7s %8s %9s %9s %9s %10s\n", "format", "messages", "wall", "cpu", "peak RSS", "output")
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			log.Fatalf("-sizes: %v", err)
		}
		export := filepath.Join(dir, fmt.Sprintf("export-%d.jsonl", n))
		if err := write(export, n); err != nil {
			log.Fatal(err)
		}
		for _, format := range strings.Split(*formats, ",") {
			r, err := measure(msglint, format, export)
			if err != nil {
				log.Fatalf("%s at %d: %v", format, n, err)
			}
			fmt.Printf("%-7s %8d %9s %9s %6d MiB %7.1f MB\n", format, n, round(r.wall), round(r.cpu), r.rssKiB>>10, float64(r.out)/1e6)
		}
		os.Remove(export)
	}
}

// write generates an export of n messages (gen's deterministic mix).
func write(path string, n int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	if err := gen.JSONL(w, n, 1); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

type result struct {
	wall, cpu time.Duration
	rssKiB    int64
	out       int64
}

// countWriter counts what the report writes without keeping it.
type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

func measure(msglint, format, export string) (result, error) {
	var out countWriter
	cmd := exec.Command(msglint, "check", "--format", format, export)
	cmd.Stdout, cmd.Stderr = &out, io.Discard
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if ee, ok := err.(*exec.ExitError); err != nil && (!ok || ee.ExitCode() != 1) {
		return result{}, err // 1 is findings, expected
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	return result{wall: wall, cpu: cpu, rssKiB: ru.Maxrss, out: out.n}, nil
}

func round(d time.Duration) string { return d.Round(10 * time.Millisecond).String() }
