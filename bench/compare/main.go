// Command compare runs msglint, Vale and misspell on the same generated
// messages, alternating them run by run, and prints wall time, CPU time and
// peak memory (medians) with the ratios. It installs the peers by module
// path at pinned versions into the user's cache.
//
//	go run ./bench/compare [-n 20000] [-runs 5] [-vale-runs 3]
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/client9/misspell"
	"github.com/msglint/msglint/bench/gen"
	"github.com/msglint/msglint/bench/internal/binary"
	"gopkg.in/yaml.v3"
)

// The peers, pinned. Vale's module moved from errata-ai to vale-cli.
var peers = map[string]string{
	"vale":     "github.com/vale-cli/vale/v3/cmd/vale@v3.22.0",
	"misspell": binary.Misspell,
}

type tool struct {
	name string
	args []string
}

func main() {
	n := flag.Int("n", 20000, "messages in the generated input")
	valePairs := flag.Int("vale-pairs", 2000, "English misspelling pairs in Vale's substitution rule (all of them crash it)")
	runs := flag.Int("runs", 5, "runs of each tool (alternating); medians are reported")
	valeRuns := flag.Int("vale-runs", 0, "runs of Vale, at most -runs (0: as many as -runs); Vale takes a minute a run, and more runs of the two fast tools steady their ratio")
	flag.Parse()
	dir, msglint := binary.Build("msglint-compare")
	defer os.RemoveAll(dir)
	input := filepath.Join(dir, "messages.txt")
	var buf bytes.Buffer
	gen.Text(&buf, *n, 1)
	if err := os.WriteFile(input, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	if err := writeValeStyle(dir, *valePairs); err != nil {
		log.Fatal(err)
	}
	tools := []tool{
		{"misspell", []string{binary.Peer("misspell", peers["misspell"]), input}},
		{"vale", []string{binary.Peer("vale", peers["vale"]), "--config", filepath.Join(dir, ".vale.ini"), "--output", "line", "--no-exit", input}},
		{"msglint", []string{msglint, "check", "--format", "json", "--fail-on", "error", input}},
	}
	results := map[string][]binary.Usage{}
	counts := map[string]int{}
	if *valeRuns <= 0 || *valeRuns > *runs {
		*valeRuns = *runs
	}
	for i := range *runs {
		for _, t := range tools {
			if t.name == "vale" && i >= *valeRuns {
				continue
			}
			s, lines, err := measure(t.args)
			if err != nil {
				log.Fatalf("%s: %v", t.name, err)
			}
			results[t.name] = append(results[t.name], s)
			counts[t.name] = lines
		}
	}
	fmt.Printf("%d messages (%d bytes, en/tr/az), %d runs each alternating (Vale %d), medians; GOMAXPROCS unset, %s\n\n", *n, buf.Len(), *runs, *valeRuns, cpuName())
	fmt.Printf("%-9s %10s %10s %10s %12s %10s\n", "tool", "wall", "cpu", "peak RSS", "msgs/s", "output")
	med := map[string]binary.Usage{}
	for _, t := range tools {
		m := binary.Median(results[t.name])
		med[t.name] = m
		fmt.Printf("%-9s %10s %10s %8.0f MB %12.0f %10s\n", t.name, round(m.Wall), round(m.CPU), float64(m.RSSKB)/1024, float64(*n)/m.Wall.Seconds(), fmt.Sprintf("%d lines", counts[t.name]))
	}
	r := func(a, b string) float64 { return med[a].Wall.Seconds() / med[b].Wall.Seconds() }
	fmt.Printf("\nwall time ratios: msglint/vale %.3f (vale/msglint %.1fx), msglint/misspell %.2f\n", r("msglint", "vale"), r("vale", "msglint"), r("msglint", "misspell"))
}

func round(d time.Duration) string { return d.Round(time.Millisecond).String() }

// measure runs a command and reads its resource use from the kernel.
func measure(args []string) (binary.Usage, int, error) {
	u, out, err := binary.Run(args)
	if err != nil {
		return binary.Usage{}, 0, err
	}
	return binary.Usage{Wall: u.Wall, CPU: u.CPU, RSSKB: u.RSSKB}, bytes.Count(out, []byte("\n")), nil
}

func cpuName() string {
	data, _ := os.ReadFile("/proc/cpuinfo")
	for _, line := range strings.Split(string(data), "\n") {
		if name, ok := strings.CutPrefix(line, "model name\t: "); ok {
			return name
		}
	}
	return "unknown CPU"
}

// writeValeStyle writes a Vale style that mirrors msglint's rules as far as
// Vale can express them: the same spelling lists as one substitution rule,
// the sarcasm and shouting cues as existence rules, repetition, and
// sentence and length limits as occurrence rules.
func writeValeStyle(dir string, englishPairs int) error {
	styles := filepath.Join(dir, "styles", "Msglint")
	if err := os.MkdirAll(styles, 0o755); err != nil {
		return err
	}
	ini := "StylesPath = styles\nMinAlertLevel = suggestion\n\n[*.txt]\nBasedOnStyles = Msglint\n"
	if err := os.WriteFile(filepath.Join(dir, ".vale.ini"), []byte(ini), 0o644); err != nil {
		return err
	}
	// Vale turns a substitution rule into one regexp, and misspell's 28 000
	// English pairs overflow its regexp engine's backtracking stack (a
	// panic): the rule gets the first englishPairs of them, which include
	// every misspelling the generator writes, and all the tr/az pairs.
	swap := map[string]string{}
	for i := 0; i+1 < len(misspell.DictMain) && i < 2*englishPairs; i += 2 {
		swap[misspell.DictMain[i]] = misspell.DictMain[i+1]
	}
	swap["recieve"], swap["definately"] = "receive", "definitely"
	for _, l := range []string{"tr", "az"} {
		f, err := os.Open(filepath.Join("rules", "data", "spelling", l+".txt"))
		if err != nil {
			return err
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := strings.TrimPrefix(strings.TrimSpace(sc.Text()), "=")
			if line == "" || line[0] == '#' || line[0] == '-' {
				continue
			}
			if wrong, right, ok := strings.Cut(line, ","); ok {
				swap[wrong] = right
			}
		}
		f.Close()
	}
	var cues []string
	for _, file := range []string{"sarcasm.yaml"} {
		data, err := os.ReadFile(filepath.Join("rules", "data", file))
		if err != nil {
			return err
		}
		// The rule data file (lint.RuleData): per language, cue lists
		// under lists:.
		var langs map[string]struct {
			Lists map[string][]string `yaml:"lists"`
		}
		if err := yaml.Unmarshal(data, &langs); err != nil {
			return err
		}
		for _, l := range langs {
			cues = append(cues, l.Lists["markers"]...)
			cues = append(cues, l.Lists["openers"]...)
		}
	}
	rules := map[string]any{
		"Spelling.yml":   map[string]any{"extends": "substitution", "message": "'%s' is a misspelling of '%s'", "level": "warning", "ignorecase": true, "swap": swap},
		"Sarcasm.yml":    map[string]any{"extends": "existence", "message": "sarcasm: '%s'", "level": "warning", "ignorecase": true, "tokens": quoteAll(cues)},
		"Shouting.yml":   map[string]any{"extends": "existence", "message": "shouting: '%s'", "level": "warning", "raw": []string{`\b[A-ZÇĞİÖŞÜƏ]{4,}\b|[!?]{2,}`}},
		"Repetition.yml": map[string]any{"extends": "repetition", "message": "'%s' is repeated", "level": "warning", "alpha": true, "tokens": []string{`[^\s]+`}},
		"Sentences.yml":  map[string]any{"extends": "occurrence", "message": "more than 3 sentences", "level": "warning", "scope": "paragraph", "max": 3, "token": `[^.!?]+[.!?]`},
		"Length.yml":     map[string]any{"extends": "occurrence", "message": "longer than 640 characters", "level": "error", "scope": "paragraph", "max": 640, "token": `.`},
	}
	for name, r := range rules {
		data, err := yaml.Marshal(r)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(styles, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// quoteAll escapes regexp metacharacters: Vale's tokens are regexps.
func quoteAll(words []string) []string {
	out := make([]string, 0, len(words))
	for _, w := range words {
		w = strings.TrimSuffix(w, "*")
		var b strings.Builder
		for _, r := range w {
			if strings.ContainsRune(`\.+*?()|[]{}^$`, r) {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		}
		out = append(out, b.String())
	}
	return out
}
