// Command identical runs msglint as built from two commits on the same
// generated 1M-message JSONL export and 1M-event transcript (and a tenth as
// many transcript events with 30 % new texts, plain-text messages and YAML
// library templates), checks that
// both write the same bytes (standard output and error, and exit code), and
// prints each side's wall time, messages a second, CPU time and peak RSS,
// side by side. Rounds alternate the two sides so that both see the same
// machine load; the table shows each side's median.
//
//	go run ./bench/identical -base main [-head REV] [-n 1000000] [-runs 3] [-format json]
//
// Without -head the working tree is the new side. Each commit is checked out
// into a temporary git worktree and built there; everything is removed at
// the end. A difference is said per input (where the outputs first part,
// and whether they hold the same lines in another order), and the command
// then exits 1.
package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/msglint/msglint/bench/gen"
	"github.com/msglint/msglint/bench/internal/binary"
)

// input is one generated file and what it holds.
type input struct {
	name, file, unit string
	write            func(w io.Writer, n int, seed uint64) error
	tenth            bool // a tenth of -n
}

// count is how many units the input holds for -n.
func (in input) count(n int) int {
	if in.tenth {
		return max(n/10, 1)
	}
	return n
}

var inputs = []input{
	{"export", "export.jsonl", "msgs", gen.JSONL, false},
	{"transcript", "transcript.jsonl", "events", gen.Transcript, false},
	// A tenth as many events with 30 % of their texts new, never sent
	// twice: read afresh, where the transcript's are nearly all memoised.
	{"transcript-new", "transcript-new.jsonl", "events", func(w io.Writer, n int, seed uint64) error {
		return gen.TranscriptMixed(w, n, seed, 0.3)
	}, true},
	// A tenth as many plain-text messages and library templates: the other
	// readers and the file-level checks (duplicates, names, parity) see the
	// same change.
	{"text", "messages.txt", "msgs", gen.Text, true},
	{"library", "library.yaml", "msgs", func(w io.Writer, n int, seed uint64) error {
		_, err := w.Write(gen.Library(n, seed))
		return err
	}, true},
}

func main() {
	base := flag.String("base", "", "the older commit (required)")
	head := flag.String("head", "", "the newer commit (default: the working tree)")
	n := flag.Int("n", 1_000_000, "messages in the export, events in the transcript")
	runs := flag.Int("runs", 3, "alternating rounds; the table shows medians")
	format := flag.String("format", "json", "msglint check --format")
	flag.Parse()
	if *base == "" {
		log.Fatal("identical: -base REV is required")
	}
	dir, err := os.MkdirTemp("", "msglint-identical-")
	if err != nil {
		log.Fatal(err)
	}
	var cleanup []func()
	keep := false
	defer func() {
		for _, f := range slices.Backward(cleanup) {
			f()
		}
	}()
	cleanup = append(cleanup, func() {
		if !keep {
			os.RemoveAll(dir)
		}
	})
	interrupt := make(chan os.Signal, 1)
	signal.Notify(interrupt, os.Interrupt, syscall.SIGTERM)
	go func() { // an interrupted run leaves no worktree behind
		<-interrupt
		for _, f := range slices.Backward(cleanup) {
			f()
		}
		os.Exit(1)
	}()
	fail := func(format string, args ...any) {
		for _, f := range slices.Backward(cleanup) {
			f()
		}
		log.Fatalf("identical: "+format, args...)
	}

	sides := []struct{ name, rev, bin string }{{"old", *base, ""}, {"new", *head, ""}}
	for i := range sides {
		s := &sides[i]
		src := "."
		if s.rev != "" {
			src = filepath.Join(dir, s.name+"-src")
			if out, err := exec.Command("git", "worktree", "add", "--detach", src, s.rev).CombinedOutput(); err != nil {
				fail("git worktree add %s: %v\n%s", s.rev, err, out)
			}
			cleanup = append(cleanup, func() { exec.Command("git", "worktree", "remove", "--force", src).Run() })
		}
		s.bin = filepath.Join(dir, "msglint-"+s.name)
		build := exec.Command("go", "build", "-o", s.bin, "./cmd/msglint")
		build.Dir = src
		if out, err := build.CombinedOutput(); err != nil {
			fail("building %s: %v\n%s", s.name, err, out)
		}
	}
	if sides[1].rev == "" {
		sides[1].rev = "working tree"
	}

	for _, in := range inputs {
		path := filepath.Join(dir, in.file)
		if err := writeInput(path, in, *n); err != nil {
			fail("%v", err)
		}
	}

	results := map[string][]binary.Usage{}
	verdicts := map[string]string{} // the first difference, per input
	for r := range *runs {
		for _, in := range inputs {
			path := filepath.Join(dir, in.file)
			var outs []string
			for _, s := range sides {
				out := filepath.Join(dir, fmt.Sprintf("%s.%s.out", in.name, s.name))
				smp, err := run(s.bin, *format, path, out)
				if err != nil {
					fail("%s on %s: %v", s.name, in.name, err)
				}
				results[in.name+"/"+s.name] = append(results[in.name+"/"+s.name], smp)
				outs = append(outs, out)
			}
			verdict, err := same(outs[0], outs[1])
			if err != nil {
				fail("%v", err)
			}
			if verdict != identical && verdicts[in.name] == "" {
				verdicts[in.name] = fmt.Sprintf("round %d: %s", r+1, verdict)
			}
			for _, o := range outs {
				os.Remove(o)
				os.Remove(o + ".err")
			}
			fmt.Fprintf(os.Stderr, "round %d of %d, %s: %s\n", r+1, *runs, in.name, verdict)
		}
	}

	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(w, "input\tside\twall s\tunits/s\tCPU s\tCPU µs/unit\tpeak RSS MiB\t\n")
	for _, in := range inputs {
		var rate [2]float64
		for i, s := range sides {
			m := binary.Median(results[in.name+"/"+s.name])
			rate[i] = float64(in.count(*n)) / m.Wall.Seconds()
			fmt.Fprintf(w, "%s\t%s (%s)\t%.2f\t%.0f %s\t%.2f\t%.2f\t%.0f\t\n", in.name, s.name, s.rev, m.Wall.Seconds(),
				rate[i], in.unit, m.CPU.Seconds(), m.CPU.Seconds()*1e6/float64(in.count(*n)), float64(m.RSSKB)/1024)
		}
		fmt.Fprintf(w, "%s\tnew/old\t\t%.2fx\t\t\t\t\n", in.name, rate[1]/rate[0])
	}
	w.Flush()
	differ := false
	for _, in := range inputs {
		v := verdicts[in.name]
		if v == "" {
			v = fmt.Sprintf("%s in all %d rounds", identical, *runs)
		} else {
			differ = true
		}
		fmt.Printf("%s (%d %s, --format %s): %s\n", in.name, in.count(*n), in.unit, *format, v)
	}
	if differ {
		keep = false
		for _, f := range slices.Backward(cleanup) {
			f()
		}
		os.Exit(1)
	}
}

const identical = "outputs byte-identical"

func writeInput(path string, in input, n int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	if err := in.write(bw, in.count(n), 1); err != nil {
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// run checks one input, writing standard output to out and standard error
// to out.err, with the exit code at the end of the latter.
func run(bin, format, path, out string) (binary.Usage, error) {
	stdout, err := os.Create(out)
	if err != nil {
		return binary.Usage{}, err
	}
	defer stdout.Close()
	var stderr bytes.Buffer
	m := binary.Command(bin, "check", "--format", format, path)
	defer m.Close()
	cmd := m.Cmd
	cmd.Stdout, cmd.Stderr = stdout, &stderr
	start := time.Now()
	err = cmd.Run()
	wall := time.Since(start)
	if ee := (*exec.ExitError)(nil); err != nil && !errors.As(err, &ee) {
		return binary.Usage{}, err
	}
	fmt.Fprintf(&stderr, "exit %d\n", cmd.ProcessState.ExitCode())
	if err := os.WriteFile(out+".err", stderr.Bytes(), 0o644); err != nil {
		return binary.Usage{}, err
	}
	return m.Usage(wall), nil
}

// same compares two runs' outputs (standard output, then standard error
// with the exit code) byte for byte, and says how they differ: where they
// first part, and whether they hold the same lines in another order.
func same(a, b string) (string, error) {
	for _, suffix := range []string{"", ".err"} {
		off, err := firstDifference(a+suffix, b+suffix)
		if err != nil {
			return "", err
		}
		if off < 0 {
			continue
		}
		v := fmt.Sprintf("%s and %s first differ at byte %d", filepath.Base(a+suffix), filepath.Base(b+suffix), off)
		if reordered, err := sameLines(a+suffix, b+suffix); err != nil {
			return "", err
		} else if reordered {
			v += "; the same lines in another order"
		}
		return v, nil
	}
	return identical, nil
}

// sameLines tells whether two files hold the same lines, in any order. The
// lines are sorted by sort(1) in processes of their own: holding them here
// would swell this process, and with it the peak RSS the kernel reports for
// every msglint started from it afterwards.
func sameLines(a, b string) (bool, error) {
	var sums [2][sha256.Size]byte
	for i, path := range []string{a, b} {
		cmd := exec.Command("sort", path)
		cmd.Env = append(os.Environ(), "LC_ALL=C")
		out, err := cmd.StdoutPipe()
		if err != nil {
			return false, err
		}
		if err := cmd.Start(); err != nil {
			return false, err
		}
		h := sha256.New()
		if _, err := io.Copy(h, out); err != nil {
			return false, err
		}
		if err := cmd.Wait(); err != nil {
			return false, err
		}
		copy(sums[i][:], h.Sum(nil))
	}
	return sums[0] == sums[1], nil
}

// firstDifference is the offset of the first byte where two files differ,
// or -1 if they are the same.
func firstDifference(a, b string) (int64, error) {
	fa, err := os.Open(a)
	if err != nil {
		return 0, err
	}
	defer fa.Close()
	fb, err := os.Open(b)
	if err != nil {
		return 0, err
	}
	defer fb.Close()
	ra, rb := bufio.NewReaderSize(fa, 1<<20), bufio.NewReaderSize(fb, 1<<20)
	bufA, bufB := make([]byte, 64<<10), make([]byte, 64<<10)
	var off int64
	for {
		na, ea := io.ReadFull(ra, bufA)
		nb, eb := io.ReadFull(rb, bufB)
		if !bytes.Equal(bufA[:na], bufB[:nb]) {
			for i := 0; i < min(na, nb); i++ {
				if bufA[i] != bufB[i] {
					return off + int64(i), nil
				}
			}
			return off + int64(min(na, nb)), nil
		}
		off += int64(na)
		if ea != nil || eb != nil {
			if (ea == io.EOF || ea == io.ErrUnexpectedEOF) && (eb == io.EOF || eb == io.ErrUnexpectedEOF) {
				return -1, nil
			}
			return 0, errors.Join(ea, eb)
		}
	}
}
