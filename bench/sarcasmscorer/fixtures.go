package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/msglint/msglint/internal/logreg"
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
