package main

import (
	"flag"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/msglint/msglint/bench/internal/realtext"
	"github.com/msglint/msglint/internal/logreg"
	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/rules"
)

// operate compares scorers where they would ship: for each language, the
// threshold with the most pooled held-out recall (the frames and the
// scorer together) at precision 0.95 or more that also flags no more than
// maxAlarms per 1,000 words of unlabelled text (the scorer trained on every
// set); the development sets are scored at it by the model trained on
// every set. A network's scores crowd near 1, so thresholds are searched
// as logits.
var operateDir = flag.String("operate", "", "with -heldout: DIR of unlabelled text (DIR/<lang>/*.txt); report each language at the threshold of most held-out recall with precision 0.95 and at most -alarms false alarms per 1,000 words of it (experiments only)")

var maxAlarms = flag.Float64("alarms", 0.1, "with -operate: most flags per 1,000 words of unlabelled text")

// unlabelledMessage is a message of unlabelled text with its logit.
type unlabelledMessage struct {
	text  string
	logit float64
}

// unlabelled reads a language's unlabelled text: the messages the scorer
// would read (the frames silent, no confirmation asked) with their logits
// under model, and the text's words.
func unlabelled(dir string, l lint.Lang, model scorer) ([]unlabelledMessage, int, error) {
	check, err := frames()
	if err != nil {
		return nil, 0, err
	}
	files, words, err := realtext.Read(dir, l, "")
	if err != nil {
		return nil, 0, err
	}
	var out []unlabelledMessage
	for _, f := range files {
		for _, m := range f.Msgs {
			if len(m.Sentences()) == 0 || rules.SarcasmConfirms(m) || flags(check, m) {
				continue
			}
			out = append(out, unlabelledMessage{m.Body.Text, model.Logit(rules.SarcasmFeatures(m))})
		}
	}
	return out, words, nil
}

// operatingReport picks a language's threshold and writes its line.
func operatingReport(w io.Writer, l lint.Lang, heldout []scoredItem, alarms []float64, words int, dev []string, devScored [][]scoredItem) {
	slices.Sort(alarms)
	var best operatingPoint
	bestAlarms := 0.0
	for z := -2.0; z <= 20; z += 0.01 {
		th := logreg.Probability(z)
		// Flags on unlabelled text at this threshold.
		flagged := len(alarms) - sortSearch(alarms, z)
		per := 1000 * float64(flagged) / float64(max(words, 1))
		if per > *maxAlarms {
			continue
		}
		o := atThreshold(heldout, th)
		if o.c.tp*100 >= 95*(o.c.tp+o.c.fp) && o.c.tp > best.c.tp {
			best, bestAlarms = o, per
		}
	}
	fmt.Fprintf(w, "%s operating: logit ≥%.2f (p ≥%.6f) held out %v (tp %d fp %d fn %d); unlabelled %.2f per 1,000 words",
		l, math.Log(best.threshold/(1-best.threshold)), best.threshold, best.c, best.c.tp, best.c.fp, best.c.fn, bestAlarms)
	for k, d := range dev {
		o := atThreshold(devScored[k], best.threshold)
		fmt.Fprintf(w, "; %s %v (tp %d fp %d fn %d)", d, o.c, o.c.tp, o.c.fp, o.c.fn)
	}
	fmt.Fprintln(w)
}

// sortSearch is the number of sorted logits below z.
func sortSearch(sorted []float64, z float64) int {
	i, _ := slices.BinarySearch(sorted, z)
	return i
}
