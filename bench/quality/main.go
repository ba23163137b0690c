// Command quality measures each content rule's precision and recall per
// language on a labelled corpus (../shared/corpus/labelled.jsonl): a message
// counts as flagged by a rule when the rule reports anything on it, except
// the greeting rule's finding that an away message does not say when a person
// will answer, which no label names: -misses lists it as not counted.
//
//	go run ./bench/quality [-misses] [corpus.jsonl]
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
	"github.com/msglint/msglint/rules"
)

// labelRule maps the corpus's labels to the rules that should find them.
var labelRule = map[string]string{
	"sarcasm": "sarcasm", "missing_cta": "cta", "missing_goodbye": "goodbye", "missing_greeting": "greeting",
	"forward_no_consent": "forwarding-consent", "bot_no_handoff": "bot-handoff", "too_long": "length",
	"misspelling": "spelling", "shouting": "shouting", "placeholder_broken": "placeholder",
}

type entry struct {
	ID     string   `json:"id"`
	Lang   string   `json:"lang"`
	Text   string   `json:"text"`
	Labels []string `json:"labels"`
}

func main() {
	misses := flag.Bool("misses", false, "list every false alarm and every miss")
	flag.Parse()
	path := "../shared/corpus/labelled.jsonl"
	if flag.NArg() > 0 {
		path = flag.Arg(0)
	}
	if err := run(os.Stdout, path, *misses); err != nil {
		fmt.Fprintln(os.Stderr, "quality:", err)
		os.Exit(2)
	}
}

func run(w io.Writer, path string, misses bool) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	msgs, err := load.Options{}.File(path, data)
	if err != nil {
		return err
	}
	var truth []entry
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var e entry
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			return err
		}
		truth = append(truth, e)
	}
	if len(truth) != len(msgs) {
		return fmt.Errorf("%d lines but %d messages", len(truth), len(msgs))
	}
	l, err := lint.NewLinter(rules.All(), nil, nil, nil)
	if err != nil {
		return err
	}
	flagged := map[string]map[string]bool{} // rule -> message id
	byID := map[string]entry{}
	for _, e := range truth {
		byID[e.ID] = e
	}
	var other []string
	for _, f := range l.CheckFile(msgs) {
		// The greeting rule's finding on an away message that does not say
		// when a person will answer is a problem no label names, not a
		// missing greeting: it is listed, not counted.
		if f.Rule == rules.Greeting.Name && f.Message == rules.AwayWithoutTime {
			other = append(other, fmt.Sprintf("not counted %s/away %s: %s", f.Rule, f.MessageID, byID[f.MessageID].Text))
			continue
		}
		if flagged[f.Rule] == nil {
			flagged[f.Rule] = map[string]bool{}
		}
		flagged[f.Rule][f.MessageID] = true
	}
	type count struct{ tp, fp, fn int }
	counts := map[string]map[string]*count{}
	var detail []string
	for label, rule := range labelRule {
		counts[rule] = map[string]*count{}
		for _, e := range truth {
			c := counts[rule][e.Lang]
			if c == nil {
				c = &count{}
				counts[rule][e.Lang] = c
			}
			want, got := slices.Contains(e.Labels, label), flagged[rule][e.ID]
			switch {
			case want && got:
				c.tp++
			case got:
				c.fp++
				detail = append(detail, fmt.Sprintf("false alarm %s %s: %s", rule, e.ID, e.Text))
			case want:
				c.fn++
				detail = append(detail, fmt.Sprintf("miss        %s %s: %s", rule, e.ID, e.Text))
			}
		}
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "rule\tlang\tprecision\trecall\tTP\tFP\tFN\t")
	names := rules.Names()
	for _, rule := range names {
		if counts[rule] == nil {
			continue
		}
		for _, lang := range []string{"en", "tr", "az"} {
			c := counts[rule][lang]
			if c == nil {
				continue // the corpus has no message in this language
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\t%d\t\n", rule, lang, ratio(c.tp, c.tp+c.fp), ratio(c.tp, c.tp+c.fn), c.tp, c.fp, c.fn)
		}
	}
	tw.Flush()
	if misses {
		slices.Sort(detail)
		slices.Sort(other)
		fmt.Fprintln(w)
		for _, d := range append(detail, other...) {
			fmt.Fprintln(w, d)
		}
	}
	return nil
}

func ratio(a, b int) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", float64(a)/float64(b))
}
