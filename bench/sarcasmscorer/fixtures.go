package main

import (
	"cmp"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/msglint/msglint/internal/logreg"
	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
	"github.com/msglint/msglint/rules"
)

// sarcasmScorerMessage is the scorer's finding's message.
const sarcasmScorerMessage = "worded like the sarcastic replies the rule learnt from"

var fixturesFlag = flag.Bool("fixtures", false, "train on every set and score the sarcasm rule's fixtures (testdata/rules/sarcasm/<lang>.yaml): the sincere ones the scorer alone flags, and the sarcastic ones found (experiments only)")

// onFixtures scores the rule's fixtures with the model trained on every
// set: their sincere replies (no sarcasm expected) are written to share
// the sarcastic replies' words and are never trained on, the hardest
// negatives there are. At the highest threshold it counts the sincere
// ones the scorer alone flags and the sarcastic ones the frames or the
// scorer find; -v lists the sincere ones flagged and the sarcastic ones
// missed.

func onFixtures(w io.Writer, root string) error {
	check, err := frames()
	if err != nil {
		return err
	}
	th := thresholds[len(thresholds)-1]
	for _, l := range langs {
		byset, err := readSets(root, l)
		if err != nil {
			return err
		}
		model := train(trainedOn(byset))
		data, err := os.ReadFile(filepath.Join(root, "testdata", "rules", "sarcasm", string(l)+".yaml"))
		if err != nil {
			return err
		}
		var sincere, flagged, sarcastic, found int
		var listed []string
		for _, line := range strings.Split(string(data), "\n") {
			body, ok := strings.CutPrefix(strings.TrimSpace(line), "- text:")
			if !ok {
				continue
			}
			// These fixtures are the frames'; a reply expected flagged
			// with the scorer's message is a known false alarm, save the
			// rare sarcastic one no frame describes (-v lists them).
			alarm := strings.Contains(line, sarcasmScorerMessage)
			var text string
			if err := yaml.Unmarshal([]byte(body), &text); err != nil {
				return fmt.Errorf("%s fixture %q: %v", l, line, err)
			}
			msgs, err := load.Options{Lang: l}.File("fixture.txt", []byte(text))
			if err != nil || len(msgs) != 1 {
				continue
			}
			m := msgs[0]
			framed := flags(check, m)
			p := 0.0
			if !rules.SarcasmConfirms(m) {
				p = logreg.Probability(model.Logit(rules.SarcasmFeatures(m)))
			}
			if strings.Contains(line, "# want") && strings.Contains(line, "sarcasm/") && !alarm {
				sarcastic++
				if framed || p >= th {
					found++
				} else {
					listed = append(listed, fmt.Sprintf("%s missed %.3f %q", l, p, text))
				}
				continue
			}
			sincere++
			if !framed && p >= th {
				flagged++
				listed = append(listed, fmt.Sprintf("%s %.3f %q", l, p, text))
				if *explainFlag {
					listed = append(listed, explain(model, m)...)
				}
			}
		}
		fmt.Fprintf(w, "%s fixtures at %.2f: sincere %d, flagged by the scorer %d; sarcastic %d, found %d\n", l, th, sincere, flagged, sarcastic, found)
		if *verbose {
			for _, s := range listed {
				fmt.Fprintln(w, s)
			}
		}
	}
	return nil
}

var explainFlag = flag.Bool("explain", false, "with -fixtures -v: list the features that weigh most in each sincere fixture flagged (experiments only)")

// explain lists the features of m that weigh most under model, each named
// by the words that make it where a word or two make it alone.
func explain(model scorer, m *lint.Message) []string {
	lm, ok := model.(*logreg.Model)
	if !ok {
		return nil
	}
	names := map[logreg.Feature]string{}
	var words []string
	for _, t := range m.Tokens() {
		if t.Kind == lint.Word {
			words = append(words, t.Norm)
		}
	}
	featuresOf := func(text string) []logreg.Feature {
		msgs, err := load.Options{Lang: m.Lang}.File("w.txt", []byte(text))
		if err != nil || len(msgs) != 1 {
			return nil
		}
		return rules.SarcasmFeatures(msgs[0])
	}
	for _, w := range words {
		for _, f := range featuresOf(w) {
			if _, ok := names[f]; !ok {
				names[f] = w
			}
		}
	}
	for i := 1; i < len(words); i++ {
		for _, f := range featuresOf(words[i-1] + " " + words[i]) {
			if _, ok := names[f]; !ok {
				names[f] = words[i-1] + " " + words[i]
			}
		}
	}
	type fw struct {
		name string
		w    float64
	}
	var all []fw
	seen := map[logreg.Feature]bool{}
	for _, f := range rules.SarcasmFeatures(m) {
		if seen[f] {
			continue
		}
		seen[f] = true
		w := lm.Weights[f]
		if w == 0 {
			continue
		}
		all = append(all, fw{rules.SarcasmFeatureKind(f) + ":" + names[f], w})
	}
	slices.SortFunc(all, func(a, b fw) int { return cmp.Compare(b.w, a.w) })
	out := []string{fmt.Sprintf("    bias %.3f", lm.Bias)}
	for k, f := range all {
		if k >= 8 {
			break
		}
		out = append(out, fmt.Sprintf("    %+.3f %s", f.w, f.name))
	}
	return out
}
