package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
	"github.com/msglint/msglint/policy"
	"github.com/spf13/cobra"
)

func newStats() *cobra.Command {
	var format, config string
	cmd := &cobra.Command{
		Use:   "stats TRANSCRIPT...",
		Short: "Print a conversation report: response rate, first-response times, sends outside the window",
		Long: `Print, per channel and in total: conversations, response rate, median and p90 first-response
time, sends outside the messaging window, customer messages that got no reply, and replies
without context: requests for data the customer already gave (re-asks), brand texts sent
twice (repeats), customer questions the brand moved past (ignored questions).
Transcripts are JSONL events or Meta webhook payloads.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return usageErr(cmd, fmt.Errorf("unknown format %q (want text or json)", format))
			}
			cfg, err := loadConfig(config)
			if err != nil {
				return usageErr(cmd, err)
			}
			linter, err := lint.NewLinter(allRules(), cfg, nil, nil)
			if err != nil {
				return usageErr(cmd, err)
			}
			opts, _, err := runOptions(cfg, &checkFlags{})
			if err != nil {
				return usageErr(cmd, err)
			}
			c, err := policy.NewChecker(linter, opts)
			if err != nil {
				return usageErr(cmd, err)
			}
			total, failed := policy.NewStats(), false
			for _, path := range args {
				res, err := statsOf(c, path)
				if err != nil {
					fmt.Fprintln(cmd.ErrOrStderr(), err)
					failed = true
					continue
				}
				total.Merge(res.Stats)
			}
			if format == "json" {
				err = total.WriteJSON(cmd.OutOrStdout())
			} else {
				err = total.WriteText(cmd.OutOrStdout())
			}
			if err != nil {
				return err
			}
			if failed {
				return exitCode(exitError)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "text or json")
	cmd.Flags().StringVar(&config, "config", "", "config file (default: .msglint.yaml here or in a parent folder)")
	return cmd
}

// statsOf streams a JSONL transcript, or reads a webhook payload whole.
func statsOf(c *policy.Checker, path string) (policy.Result, error) {
	f, err := os.Open(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return policy.Result{}, fmt.Errorf("%s: cannot read: %v", path, err)
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 64<<10)
	if startsTranscript(br) {
		defer paceByScannedHeap(os.Getenv("GOGC"), os.Getenv("GOMEMLIMIT"))()
		// The checker reads an earlier line of a file again rather than
		// keep it.
		return c.Stream(path, struct {
			*bufio.Reader
			io.ReaderAt
		}{br, f}, func(lint.Finding) {})
	}
	data, err := io.ReadAll(br)
	if err != nil {
		return policy.Result{}, fmt.Errorf("%s: cannot read: %v", path, err)
	}
	if load.Conversation(data) == nil {
		return policy.Result{}, fmt.Errorf("%s: not a transcript: want JSONL events with time and direction, or a Meta webhook payload", path)
	}
	return c.RunWebhook(path, data)
}
