// Command gen writes a deterministic benchmark input to standard output:
//
//	go run ./bench/gen/cmd/gen -library 10000 > lib.yaml
//	go run ./bench/gen/cmd/gen -transcript 1000000 > transcript.jsonl
//	go run ./bench/gen/cmd/gen -transcript 1000000 -new 0.3 > mixed.jsonl
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/msglint/msglint/bench/gen"
)

func main() {
	library := flag.Int("library", 0, "write a YAML reply library of this many templates")
	transcript := flag.Int("transcript", 0, "write a JSONL transcript of this many events")
	export := flag.Int("jsonl", 0, "write a JSONL inbox export of this many messages")
	plain := flag.Int("text", 0, "write this many messages as plain text separated by --- lines")
	fresh := flag.Float64("new", 0, "with -transcript, the share (0 to 1) of texts written afresh, never sent twice; 0 writes the saved replies only")
	seed := flag.Uint64("seed", 1, "seed: the same seed gives the same bytes")
	flag.Parse()
	switch {
	case *library > 0:
		os.Stdout.Write(gen.Library(*library, *seed))
	case *fresh < 0 || *fresh > 1:
		fmt.Fprintln(os.Stderr, "-new is a share, from 0 to 1")
		os.Exit(2)
	case *transcript > 0:
		if err := gen.TranscriptMixed(os.Stdout, *transcript, *seed, *fresh); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	case *export > 0:
		if err := gen.JSONL(os.Stdout, *export, *seed); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	case *plain > 0:
		if err := gen.Text(os.Stdout, *plain, *seed); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	default:
		flag.Usage()
		os.Exit(2)
	}
}
