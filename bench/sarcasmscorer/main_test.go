package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/msglint/msglint/internal/logreg"
	"github.com/msglint/msglint/rules"
)

// The shipped weights are what training on the sets in the repository
// gives: a change to the sets, the features or the rule's cue lists must
// come with the weights trained again.
func TestShippedWeightsAreFresh(t *testing.T) {
	root := filepath.Join("..", "..")
	fresh, err := weightsFiles(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range langs {
		file := rules.SarcasmScorerFile(l)
		shipped, err := os.ReadFile(filepath.Join(root, "rules", file))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(shipped, fresh[l]) {
			t.Errorf("rules/%s is not what training gives; run `go generate ./rules` (-shipped +fresh):\n%s", file, weightsDiff(t, shipped, fresh[l]))
		}
	}
}

// The scorer trains on every labelled set of testdata/quality: a folder
// added there and left out of sets fails here, unless notTrainedYet
// names it.
func TestTrainsOnEverySet(t *testing.T) {
	entries, err := os.ReadDir(filepath.Join("..", "..", "testdata", "quality"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{""} // the first set, at the top
	for _, e := range entries {
		if _, err := os.Stat(filepath.Join("..", "..", "testdata", "quality", e.Name(), "en.jsonl")); e.IsDir() && err == nil && !slices.Contains(notTrainedYet, e.Name()) {
			want = append(want, e.Name())
		}
	}
	var got []string
	for _, s := range sets {
		got = append(got, s.dir)
	}
	slices.Sort(want)
	slices.Sort(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("the sets trained on are not the folders of testdata/quality (-folders +sets):\n%s", diff)
	}
}

// weightsDiff tells two weights files apart by their features.
func weightsDiff(t *testing.T, shipped, fresh []byte) string {
	dump := func(data []byte) []string {
		m, err := logreg.Read(data)
		if err != nil {
			return []string{err.Error()}
		}
		out := []string{fmt.Sprint("bias ", m.Bias)}
		m.Each(func(f logreg.Feature, w float64) {
			out = append(out, fmt.Sprintf("%s:%#x %v", rules.SarcasmFeatureKind(f), f, w))
		})
		return out
	}
	t.Helper()
	return cmp.Diff(dump(shipped), dump(fresh))
}

// writeSets writes four tiny labelled sets per language under a new root:
// in each, two sarcastic messages the frames know ("Yeah right", "Tabii
// canım", "Əlbəttə canım") and three sincere ones.
func writeSets(t *testing.T) string {
	root := t.TempDir()
	lines := map[string][]string{
		"en": {`"Yeah right, the parcel walked off on its own."`, `"Yeah right, you checked the size chart."`,
			`"Your parcel is on its way."`, `"We have refunded the fee."`, `"The shop opens at nine."`},
		"tr": {`"Tabii canım, kargo kendi kendine kayboldu."`, `"Tabii canım, beden tablosuna baktınız."`,
			`"Kargonuz yola çıktı."`, `"Ücreti iade ettik."`, `"Mağaza dokuzda açılıyor."`},
		"az": {`"Əlbəttə canım, bağlama öz-özünə itdi."`, `"Əlbəttə canım, ölçü cədvəlinə baxdınız."`,
			`"Bağlamanız yoldadır."`, `"Haqqı geri qaytardıq."`, `"Mağaza doqquzda açılır."`},
	}
	for _, s := range sets {
		dir := filepath.Join(root, "testdata", "quality", s.dir)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for lang, texts := range lines {
			var b strings.Builder
			for i, text := range texts {
				label := ""
				if i < 2 {
					label = `"sarcasm"`
				}
				fmt.Fprintf(&b, `{"id": "%s-%s-%d", "lang": "%s", "kind": "reply", "text": %s, "labels": [%s]}`+"\n", lang, s.name, i, lang, text, label)
			}
			if err := os.WriteFile(filepath.Join(dir, lang+".jsonl"), []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return root
}

// The held-out table has a row per set and language and one pooled: here
// the frames find both sarcastic messages of each set and nothing else.
func TestHeldOut(t *testing.T) {
	var out strings.Builder
	if err := heldOut(&out, writeSets(t), nil); err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(rows) != 1+len(langs)*(len(sets)+1) {
		t.Fatalf("%d rows:\n%s", len(rows), out.String())
	}
	for _, row := range rows[1:] {
		f := strings.Fields(row)
		if got := strings.Join(f[2:5], " "); got != "1.00 / 1.00" {
			t.Errorf("frames %s in %q", got, row)
		}
	}
	if !strings.HasPrefix(rows[len(rows)-1], "az    all") {
		t.Errorf("last row %q", rows[len(rows)-1])
	}
}

// A development set, in no training set, gets a row per language after
// the pooled one, scored by the model trained on every set.
func TestHeldOutDevelopmentSet(t *testing.T) {
	root := writeSets(t)
	if err := os.CopyFS(filepath.Join(root, "testdata", "quality", "extra"), os.DirFS(filepath.Join(root, "testdata", "quality", sets[1].dir))); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := heldOut(&out, root, []string{"extra"}); err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(rows) != 1+len(langs)*(len(sets)+2) {
		t.Fatalf("%d rows:\n%s", len(rows), out.String())
	}
	for k, l := range langs {
		row := rows[(k+1)*(len(sets)+2)]
		if f := strings.Fields(row); f[0] != string(l) || f[1] != "extra" || strings.Join(f[2:5], " ") != "1.00 / 1.00" {
			t.Errorf("row %q", row)
		}
	}
	if err := heldOut(&out, root, []string{"missing"}); err == nil {
		t.Error("a development set that is not there: no error")
	}
}

// -sets trains on the sets it names only: the others are left to be scored
// by the model trained on those.
func TestTrainingSets(t *testing.T) {
	old := *only
	defer func() { *only = old }()
	byset := make([][]item, len(sets))
	for k := range byset {
		byset[k] = []item{{positive: k%2 == 0}, {}}
	}
	*only = sets[0].name + "," + sets[2].name
	var got []int
	for k := range sets {
		if training(k) {
			got = append(got, k)
		}
	}
	if !slices.Equal(got, []int{0, 2}) {
		t.Errorf("trained on sets %v, want [0 2]", got)
	}
	if n := len(trainedOn(byset)); n != 4 {
		t.Errorf("%d items trained on, want 4", n)
	}
	*only = ""
	if n := len(trainedOn(byset)); n != 2*len(sets) {
		t.Errorf("without -sets: %d items trained on, want %d", n, 2*len(sets))
	}
}
