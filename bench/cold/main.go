// Command cold measures what one small check costs from a cold process:
// `msglint check FILE` against `misspell FILE` on the same file, run by run
// alternating (and an older msglint with -base), as the wall time of the
// whole process. A busy machine slows every process, so the report gives
// the median and the fastest fifth of the runs, and the ratios of each.
//
//	go run ./bench/cold [-runs 30] [-base REV] [FILE...]
//
// With no FILE it measures testdata/examples/replies.yaml (English, Turkish
// and Azerbaijani: every dictionary) and an English-only file it writes.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/msglint/msglint/bench/internal/binary"
)

type sample struct{ wall, cpu time.Duration }

func main() {
	runs := flag.Int("runs", 30, "runs of each command (alternating)")
	base := flag.String("base", "", "also run msglint built at this commit")
	flag.Parse()
	dir, msglint := binary.Build("msglint-cold")
	defer os.RemoveAll(dir)
	tools := []struct{ name, path string }{{"misspell", binary.Peer("misspell", binary.Misspell)}, {"msglint", msglint}}
	if *base != "" {
		bdir, old := binary.BuildAt("msglint-cold-base", *base)
		defer os.RemoveAll(bdir)
		tools = append(tools, struct{ name, path string }{"msglint@" + *base, old})
	}
	files := flag.Args()
	if len(files) == 0 {
		english := filepath.Join(dir, "english.txt")
		text := "Hi Sam, your order has shipped and will arrive on Thursday.\n---\n" +
			"Thanks for your message, we will recieve the returned item tomorrow. Have a great day!\n"
		if err := os.WriteFile(english, []byte(text), 0o644); err != nil {
			log.Fatal(err)
		}
		files = []string{"testdata/examples/replies.yaml", english}
	}
	for _, f := range files {
		got := map[string][]sample{}
		for range *runs {
			for _, t := range tools {
				args := []string{f}
				if t.name != "misspell" {
					args = []string{"check", f}
				}
				got[t.name] = append(got[t.name], run(t.path, args))
			}
		}
		fmt.Printf("%s, %d runs each, alternating\n", filepath.Base(f), *runs)
		fmt.Printf("  %-22s %12s %12s %12s %10s %10s\n", "command", "median wall", "fastest 1/5", "median CPU", "ratio", "ratio 1/5")
		ref := summarise(got["misspell"])
		for _, t := range tools {
			s := summarise(got[t.name])
			fmt.Printf("  %-22s %12s %12s %12s %9.2fx %9.2fx\n", t.name, ms(s.median), ms(s.fast), ms(s.cpu),
				s.median.Seconds()/ref.median.Seconds(), s.fast.Seconds()/ref.fast.Seconds())
		}
	}
}

func run(path string, args []string) sample {
	u, _, err := binary.Run(append([]string{path}, args...))
	if err != nil {
		log.Fatalf("%s %v: %v", path, args, err)
	}
	return sample{wall: u.Wall, cpu: u.CPU}
}

type summary struct{ median, fast, cpu time.Duration }

// summarise gives the median wall time, the mean of the fastest fifth (the
// runs the machine disturbed least) and the median CPU time.
func summarise(s []sample) summary {
	walls := make([]time.Duration, len(s))
	cpus := make([]time.Duration, len(s))
	for i, x := range s {
		walls[i], cpus[i] = x.wall, x.cpu
	}
	slices.Sort(walls)
	slices.Sort(cpus)
	k := max(len(walls)/5, 1)
	var sum time.Duration
	for _, w := range walls[:k] {
		sum += w
	}
	return summary{median: walls[len(walls)/2], fast: sum / time.Duration(k), cpu: cpus[len(cpus)/2]}
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }
