// Command ab runs the project's Go benchmarks on an older commit and on the
// working tree side by side, alternating rounds so that both see the same
// machine load, and prints each benchmark's median time and the ratio
// new/old. A ratio above 1 means the working tree is slower.
//
//	go run ./bench/ab -base HEAD~3 [-rounds 5] [-benchtime 1s]
//
//	go run ./bench/ab -base HEAD~3 -suite './rules:^BenchmarkRule/'
//
// -suite (repeatable) replaces the default suites with package:pattern pairs.
// The older commit is checked out into a temporary git worktree, removed at
// the end.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
)

// suite is what is measured: a package and a benchmark pattern.
type suite struct{ pkg, bench string }

var suites = []suite{
	{"./rules", "^BenchmarkCheck$"},
	{"./lint/load", "^BenchmarkLoad$"},
	{"./policy", "^BenchmarkTranscript$"},
	{"./hook", "^BenchmarkCheck$"},
}

func main() {
	base := flag.String("base", "", "the older commit to compare with (required)")
	rounds := flag.Int("rounds", 5, "alternating rounds; each benchmark's median is taken over them")
	benchtime := flag.String("benchtime", "1s", "go test -benchtime for each run")
	var chosen []suite
	flag.Func("suite", "package:pattern to measure instead of the default suites (repeatable)", func(v string) error {
		pkg, pattern, ok := strings.Cut(v, ":")
		if !ok || pkg == "" || pattern == "" {
			return fmt.Errorf("want package:pattern, as ./rules:^BenchmarkRule/, not %q", v)
		}
		chosen = append(chosen, suite{pkg, pattern})
		return nil
	})
	flag.Parse()
	if len(chosen) > 0 {
		suites = chosen
	}
	if *base == "" {
		log.Fatal("ab: -base REV is required")
	}
	dir, err := os.MkdirTemp("", "msglint-ab-")
	if err != nil {
		log.Fatal(err)
	}
	old := filepath.Join(dir, "old")
	if out, err := exec.Command("git", "worktree", "add", "--detach", old, *base).CombinedOutput(); err != nil {
		log.Fatalf("ab: git worktree add %s: %v\n%s", *base, err, out)
	}
	defer func() {
		exec.Command("git", "worktree", "remove", "--force", old).Run()
		os.RemoveAll(dir)
	}()

	times := map[string]map[string][]float64{"old": {}, "new": {}}
	var names []string
	for r := 0; r < *rounds; r++ {
		for _, side := range []string{"old", "new"} {
			root := "."
			if side == "old" {
				root = old
			}
			for _, s := range suites {
				for name, ns := range run(root, s, *benchtime) {
					if !slices.Contains(names, name) {
						names = append(names, name)
					}
					times[side][name] = append(times[side][name], ns)
				}
			}
		}
		fmt.Fprintf(os.Stderr, "round %d of %d done\n", r+1, *rounds)
	}

	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(w, "benchmark\told (%s)\tnew\tnew/old\n", *base)
	for _, n := range names {
		o, nw := median(times["old"][n]), median(times["new"][n])
		ratio := "-"
		if o > 0 && nw > 0 {
			ratio = fmt.Sprintf("%.2f", nw/o)
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", n, human(o), human(nw), ratio)
	}
	w.Flush()
}

// run runs one suite in root and returns ns/op per benchmark name.
func run(root string, s suite, benchtime string) map[string]float64 {
	cmd := exec.Command("go", "test", s.pkg, "-run", "^$", "-bench", s.bench, "-benchtime", benchtime, "-count", "1")
	cmd.Dir = root
	out, err := cmd.CombinedOutput()
	if err != nil {
		log.Fatalf("ab: %s: go test %s: %v\n%s", root, s.pkg, err, out)
	}
	res := map[string]float64{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") || f[3] != "ns/op" {
			continue
		}
		if ns, err := strconv.ParseFloat(f[2], 64); err == nil {
			res[strings.TrimPrefix(s.pkg, "./")+"."+f[0]] = ns
		}
	}
	return res
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func human(ns float64) string {
	switch {
	case ns == 0:
		return "-"
	case ns >= 1e6:
		return fmt.Sprintf("%.2f ms", ns/1e6)
	case ns >= 1e3:
		return fmt.Sprintf("%.1f µs", ns/1e3)
	}
	return fmt.Sprintf("%.0f ns", ns)
}
