// Command realtext counts what the content rules report on real text nobody
// wrote for this project: UI, bot and notification strings from public
// locale files. Such text has none of the problems the content rules look
// for, except capitals a label counts as shouting ("ERROR!!"), so nearly
// every finding is a false alarm: the report gives each rule's findings per
// 1,000 words per language, and -list prints every finding for a reader to
// judge.
//
//	go run ./bench/realtext [-kind reply] [-list] DIR
//
// DIR holds <lang>/*.txt for en, tr and az, one string a message, messages
// separated by a line "---". Every message is checked as -kind (reply by
// default; bot, closing, greeting and promo wake the rules of that kind). The
// sources measured so far are listed in testdata/quality/README.md ("Real
// text").
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
	"github.com/msglint/msglint/rules"
)

// contentRules are the rules whose findings are counted: those a content
// label of the labelled sets names (spelling, length and placeholder are
// measured elsewhere).
var contentRules = []string{"sarcasm", "forwarding-consent", "bot-handoff", "goodbye", "greeting", "cta", "shouting"}

var langs = []string{"en", "tr", "az"}

func main() {
	kind := flag.String("kind", "reply", "the kind every message is checked as: reply, bot, closing, greeting, promo, away or update")
	list := flag.Bool("list", false, "print every finding, for a reader to judge")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: realtext [-kind K] [-list] DIR")
		os.Exit(2)
	}
	if err := run(os.Stdout, flag.Arg(0), *kind, *list); err != nil {
		fmt.Fprintln(os.Stderr, "realtext:", err)
		os.Exit(2)
	}
}

// message is one string of a locale file, as the JSONL loader reads it.
type message struct {
	ID   string `json:"id"`
	Lang string `json:"lang"`
	Kind string `json:"kind"`
	Text string `json:"text"`
}

// read returns the messages of DIR/<lang>/*.txt, each with an id of its
// file's name and its place there, and the words they hold.
func read(dir, lang, kind string) ([]message, int, error) {
	files, err := filepath.Glob(filepath.Join(dir, lang, "*.txt"))
	if err != nil {
		return nil, 0, err
	}
	var out []message
	words := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, 0, err
		}
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		for i, text := range strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n---\n") {
			text = strings.Trim(text, "\n")
			if strings.TrimSpace(text) == "" || text == "---" {
				continue
			}
			out = append(out, message{ID: fmt.Sprintf("%s.%d", name, i), Lang: lang, Kind: kind, Text: text})
			words += len(strings.Fields(text))
		}
	}
	return out, words, nil
}

func run(w io.Writer, dir, kind string, list bool) error {
	l, err := lint.NewLinter(rules.All(), nil, nil, nil)
	if err != nil {
		return err
	}
	counted := map[string]bool{}
	for _, r := range contentRules {
		counted[r] = true
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "lang\twords\tmessages\tall\tper 1k\t"+strings.Join(contentRules, "\t")+"\t")
	var found []string
	for _, lang := range langs {
		msgs, words, err := read(dir, lang, kind)
		if err != nil {
			return err
		}
		if len(msgs) == 0 {
			continue
		}
		var jsonl strings.Builder
		text := map[string]string{}
		for _, m := range msgs {
			b, err := json.Marshal(m)
			if err != nil {
				return err
			}
			jsonl.Write(b)
			jsonl.WriteByte('\n')
			text[m.ID] = m.Text
		}
		loaded, err := load.Options{}.File(lang+".jsonl", []byte(jsonl.String()))
		if err != nil {
			return err
		}
		per, all := map[string]int{}, 0
		for _, f := range l.CheckFile(loaded) {
			if !counted[f.Rule] {
				continue
			}
			per[f.Rule]++
			all++
			found = append(found, fmt.Sprintf("%s %s %s: %q — %s", lang, f.Rule, f.MessageID, text[f.MessageID], f.Message))
		}
		row := fmt.Sprintf("%s\t%d\t%d\t%d\t%.2f\t", lang, words, len(msgs), all, 1000*float64(all)/float64(max(words, 1)))
		for _, r := range contentRules {
			row += fmt.Sprintf("%d\t", per[r])
		}
		fmt.Fprintln(tw, row)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if list {
		sort.Strings(found)
		for _, f := range found {
			fmt.Fprintln(w, f)
		}
	}
	return nil
}
