// Command msglint checks brand-to-customer chat messages before they are sent.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"time"

	"github.com/spf13/cobra"
)

// Exit codes.
const (
	exitClean    = 0 // nothing at or above --fail-on
	exitFindings = 1 // findings at or above --fail-on
	exitError    = 2 // usage, config or input error
)

// exitCode carries a status out of a command without printing anything more.
type exitCode int

func (e exitCode) Error() string { return fmt.Sprintf("exit %d", int(e)) }

func main() {
	collectWithHeadroom(os.Getenv("GOGC"))
	// MSGLINT_CPUPROFILE=file writes a CPU profile of the run (go tool pprof).
	if path := os.Getenv("MSGLINT_CPUPROFILE"); path != "" {
		if f, err := os.Create(path); err == nil {
			pprof.StartCPUProfile(f)
			code := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
			pprof.StopCPUProfile()
			f.Close()
			os.Exit(code)
		}
	}
	// MSGLINT_MEMPROFILE=file writes a heap profile at the end of the run
	// (go tool pprof -sample_index=inuse_space): what the run kept live;
	// and file.peak one as of the collection before the memory in use was
	// highest, sampled five times a second (a transcript's conversations
	// and caches are gone by the end).
	if path := os.Getenv("MSGLINT_MEMPROFILE"); path != "" {
		go func() {
			var peak uint64
			s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
			for range time.Tick(200 * time.Millisecond) {
				metrics.Read(s)
				if v := s[0].Value.Uint64() - s[1].Value.Uint64(); v > peak {
					peak = v
					if f, err := os.Create(path + ".peak"); err == nil {
						pprof.WriteHeapProfile(f)
						f.Close()
					}
				}
			}
		}()
		code := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
		if f, err := os.Create(path); err == nil {
			runtime.GC()
			pprof.WriteHeapProfile(f)
			f.Close()
		}
		os.Exit(code)
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is main without the process: tests call it with their own streams.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRoot(stdin, stdout, stderr)
	root.SetArgs(args)
	err := root.Execute()
	var code exitCode
	switch {
	case err == nil:
		return exitClean
	case errors.As(err, &code):
		return int(code)
	}
	fmt.Fprintf(stderr, "msglint: %v\n", err)
	return exitError
}

func newRoot(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "msglint",
		Short: "Check chat messages before they reach a customer",
		Long: `msglint checks the saved replies, greetings, away messages and promos a brand sends in
Messenger, Instagram, WhatsApp and SMS: platform limits, spelling, and more, in English,
Turkish and Azerbaijani.`,
		SilenceErrors: true,
		SilenceUsage:  true,
		// Without a command there is nothing to do: say how to use it, and
		// fail, so that a script with a forgotten argument does not pass.
		RunE: func(cmd *cobra.Command, _ []string) error {
			cmd.SetOut(cmd.ErrOrStderr())
			cmd.Usage()
			return exitCode(exitError)
		},
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return fmt.Errorf("%v (see `%s --help`)", err, c.CommandPath())
	})
	root.AddCommand(newCheck(), newServe(), newStats(), newRules(), newExplain(), newInit(), newVersion(), newLSP())
	return root
}
