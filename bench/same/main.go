// Command same checks that a change to how msglint works leaves what it
// says alone: it builds msglint from an older commit and from the working
// tree, runs both over the same generated inputs (a JSONL export, plain
// text messages, a YAML library and a transcript) with JSON output, and
// compares the outputs byte for byte. It exits 1 when any differs.
//
//	go run ./bench/same -base main [-n 200000]
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/msglint/msglint/bench/gen"
	"github.com/msglint/msglint/bench/internal/binary"
)

func main() {
	base := flag.String("base", "", "the older commit to compare with (required)")
	n := flag.Int("n", 200000, "messages in the JSONL export; the other inputs are a tenth of it")
	flag.Parse()
	if *base == "" {
		log.Fatal("same: -base REV is required")
	}
	dir, msglint := binary.Build("msglint-same")
	defer os.RemoveAll(dir)
	old := filepath.Join(dir, "old")
	if out, err := exec.Command("git", "worktree", "add", "--detach", old, *base).CombinedOutput(); err != nil {
		log.Fatalf("same: git worktree add %s: %v\n%s", *base, err, out)
	}
	defer exec.Command("git", "worktree", "remove", "--force", old).Run()
	oldBin := filepath.Join(dir, "msglint-old")
	build := exec.Command("go", "build", "-o", oldBin, "./cmd/msglint")
	build.Dir = old
	if out, err := build.CombinedOutput(); err != nil {
		log.Fatalf("same: building %s: %v\n%s", *base, err, out)
	}

	inputs := []struct {
		name  string
		write func(*bytes.Buffer)
	}{
		{"export.jsonl", func(b *bytes.Buffer) { gen.JSONL(b, *n, 1) }},
		{"messages.txt", func(b *bytes.Buffer) { gen.Text(b, *n/10, 1) }},
		{"library.yaml", func(b *bytes.Buffer) { b.Write(gen.Library(*n/10, 1)) }},
		{"transcript.jsonl", func(b *bytes.Buffer) { gen.Transcript(b, *n/10, 1) }},
	}
	differ := false
	for _, in := range inputs {
		var buf bytes.Buffer
		in.write(&buf)
		path := filepath.Join(dir, in.name)
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			log.Fatal(err)
		}
		a, b := run(oldBin, path), run(msglint, path)
		if bytes.Equal(a, b) {
			fmt.Printf("%-17s same (%d bytes of JSON)\n", in.name, len(a))
			continue
		}
		differ = true
		fmt.Printf("%-17s DIFFERS (%d bytes of JSON before, %d after)\n", in.name, len(a), len(b))
	}
	if differ {
		os.Exit(1)
	}
}

// run checks one input and returns its JSON report; exit status 1 means
// findings, anything else but 0 a failure.
func run(bin, path string) []byte {
	cmd := exec.Command(bin, "check", "--format", "json", path)
	cmd.Dir = filepath.Dir(path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 1 {
		err = nil
	}
	if err != nil {
		log.Fatalf("same: %s check %s: %v\n%s", bin, path, err, stderr.String())
	}
	return out
}
