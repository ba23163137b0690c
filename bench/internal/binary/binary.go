// Package binary builds the msglint command for the benchmarks that run it
// as a process of its own.
package binary

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Build makes a temporary folder, builds msglint into it from the working
// folder (the module root) and returns both; the caller removes the folder.
func Build(prefix string) (dir, msglint string) {
	dir, err := os.MkdirTemp("", prefix)
	if err != nil {
		log.Fatal(err)
	}
	msglint = filepath.Join(dir, "msglint")
	if out, err := exec.Command("go", "build", "-o", msglint, "./cmd/msglint").CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		log.Fatalf("building msglint: %v\n%s", err, out)
	}
	return dir, msglint
}

// BuildAt builds msglint as it was at a commit, from a temporary git
// worktree of the working folder's repository, into a temporary folder it
// returns with the binary; the caller removes the folder.
func BuildAt(prefix, rev string) (dir, msglint string) {
	dir, err := os.MkdirTemp("", prefix)
	if err != nil {
		log.Fatal(err)
	}
	src := filepath.Join(dir, "src")
	if out, err := exec.Command("git", "worktree", "add", "--detach", src, rev).CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		log.Fatalf("git worktree add %s: %v\n%s", rev, err, out)
	}
	defer exec.Command("git", "worktree", "remove", "--force", src).Run()
	msglint = filepath.Join(dir, "msglint")
	build := exec.Command("go", "build", "-o", msglint, "./cmd/msglint")
	build.Dir = src
	if out, err := build.CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		log.Fatalf("building msglint at %s: %v\n%s", rev, err, out)
	}
	return dir, msglint
}

// Peer returns the path of a peer tool installed by module path at a pinned
// version (mod is path@version) into the user's cache, installing it on first
// use.
func Peer(name, mod string) string {
	cache, err := os.UserCacheDir()
	if err != nil {
		log.Fatal(err)
	}
	bin := filepath.Join(cache, "msglint-bench", "bin")
	path := filepath.Join(bin, name)
	if _, err := os.Stat(path); err == nil {
		return path
	}
	log.Printf("installing %s", mod)
	cmd := exec.Command("go", "install", mod)
	cmd.Env = append(os.Environ(), "GOBIN="+bin)
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		log.Fatalf("go install %s: %v", mod, err)
	}
	return path
}

// Misspell is the pinned misspell the benchmarks compare with.
const Misspell = "github.com/client9/misspell/cmd/misspell@v0.3.4"

// Usage is what one run of a command cost.
type Usage struct {
	Wall, CPU time.Duration
	RSSKB     int64 // peak resident memory
}

// Run runs a command to its end and returns its standard output and what
// it cost, from the kernel's accounting. Exit status 1 (findings) is a
// success; any other failure returns its standard error.
//
// It starts the command itself, not under GNU time (see Measured): a small
// check's wall time is what it measures, and the benchmarks that use it hold
// little memory of their own.
func Run(args []string) (Usage, []byte, error) {
	m := &Measured{Cmd: exec.Command(args[0], args[1:]...)}
	cmd := m.Cmd
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if _, ok := err.(*exec.ExitError); ok && cmd.ProcessState.ExitCode() == 1 {
		err = nil
	}
	if err != nil {
		return Usage{}, nil, fmt.Errorf("%v: %s", err, stderr.String())
	}
	return m.Usage(wall), out.Bytes(), nil
}

// Measured is a command to run and measure. Linux counts in a child's peak
// RSS the memory of the process that started it (exec records the memory's
// high-water mark, and Go starts a child sharing its parent's memory until
// the exec), so a benchmark holding a large input reported its own size for
// every run it started. When GNU time is installed the command runs under it:
// its small process starts the measured one, and the peak is read from its
// report.
type Measured struct {
	*exec.Cmd
	report string // GNU time's output file, "" without it
}

// warnNoTime says once that GNU time is missing.
var warnNoTime sync.Once

// gnuTime is GNU time's path, "" when it is not installed.
var gnuTime = func() string {
	if _, err := os.Stat("/usr/bin/time"); err != nil {
		return ""
	}
	return "/usr/bin/time"
}()

// Command is exec.Command for a run to measure with Usage; Close removes
// what it made, whether the run happened or not.
func Command(name string, args ...string) *Measured {
	if gnuTime == "" {
		warnNoTime.Do(func() {
			log.Print("GNU time is not installed (/usr/bin/time): peak RSS figures include this benchmark's own memory")
		})
		return &Measured{Cmd: exec.Command(name, args...)}
	}
	f, err := os.CreateTemp("", "msglint-bench-time-*")
	if err != nil {
		log.Printf("peak RSS of %s includes this benchmark's own memory: %v", name, err)
		return &Measured{Cmd: exec.Command(name, args...)}
	}
	f.Close()
	return &Measured{
		Cmd:    exec.Command(gnuTime, append([]string{"-f", "%M", "-o", f.Name(), name}, args...)...),
		report: f.Name(),
	}
}

// Usage is what the finished run cost: CPU from the kernel's accounting of
// the process and its children, peak RSS from GNU time's report when it ran
// under it.
func (m *Measured) Usage(wall time.Duration) Usage {
	ru := m.ProcessState.SysUsage().(*syscall.Rusage)
	u := Usage{Wall: wall, CPU: time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), RSSKB: ru.Maxrss}
	if m.report == "" {
		return u
	}
	raw, err := os.ReadFile(m.report)
	if err != nil {
		log.Printf("peak RSS includes this benchmark's own memory: %v", err)
		return u
	}
	// The report's last line is the peak; a line before it says the
	// command exited non-zero or was killed.
	lines := strings.Fields(strings.TrimSpace(string(raw)))
	kb, err := int64(0), fmt.Errorf("GNU time's report is empty")
	if len(lines) > 0 {
		kb, err = strconv.ParseInt(lines[len(lines)-1], 10, 64)
	}
	if err != nil {
		log.Printf("peak RSS includes this benchmark's own memory: %s: %v", m.report, err)
		return u
	}
	u.RSSKB = kb
	return u
}

// Close removes GNU time's report file: a run that failed, or whose
// output could not be kept, left it behind in the temporary folder.
func (m *Measured) Close() error {
	if m.report == "" {
		return nil
	}
	err := os.Remove(m.report)
	if errors.Is(err, fs.ErrNotExist) {
		err = nil
	}
	return err
}

// Median is the median of each measure of runs, taken on its own.
func Median(runs []Usage) Usage {
	pick := func(f func(Usage) int64) int64 {
		v := make([]int64, len(runs))
		for i, u := range runs {
			v[i] = f(u)
		}
		slices.Sort(v)
		return v[len(v)/2]
	}
	return Usage{
		Wall:  time.Duration(pick(func(u Usage) int64 { return int64(u.Wall) })),
		CPU:   time.Duration(pick(func(u Usage) int64 { return int64(u.CPU) })),
		RSSKB: pick(func(u Usage) int64 { return u.RSSKB }),
	}
}
