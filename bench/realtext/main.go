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
// separated by a line "---" (read as `msglint check` reads plain text). Every message is checked as -kind (reply by
// default; bot, closing, greeting and promo wake the rules of that kind). The
// sources measured so far are listed in testdata/quality/README.md ("Real
// text").
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/msglint/msglint/bench/internal/realtext"
	"github.com/msglint/msglint/lint"
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
		files, words, err := realtext.Read(dir, lint.Lang(lang), lint.Kind(kind))
		if err != nil {
			return err
		}
		per, all, n := map[string]int{}, 0, 0
		for _, f := range files {
			n += len(f.Msgs)
			text := map[string]string{}
			for _, m := range f.Msgs {
				text[m.ID] = m.Body.Text
			}
			for _, d := range l.CheckFile(f.Msgs) {
				if !counted[d.Rule] {
					continue
				}
				per[d.Rule]++
				all++
				found = append(found, fmt.Sprintf("%s %s %s:%d: %q — %s", lang, d.Rule, f.Name, d.Line, text[d.MessageID], d.Message))
			}
		}
		if n == 0 {
			continue
		}
		row := fmt.Sprintf("%s\t%d\t%d\t%d\t%.2f\t", lang, words, n, all, 1000*float64(all)/float64(max(words, 1)))
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
