package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/msglint/msglint/rules"
)

// The shipped weights are what training on the sets in the repository
// gives: a change to the sets, the features or the rule's cue lists must
// come with the weights trained again.
func TestShippedWeightsAreFresh(t *testing.T) {
	root := filepath.Join("..", "..")
	got, err := weightsFile(root)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(root, "rules", rules.SarcasmScorerFile))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("rules/%s is not what training gives; run `go run ./bench/sarcasmscorer -write` (-shipped +fresh):\n%s", rules.SarcasmScorerFile, diff)
	}
}
