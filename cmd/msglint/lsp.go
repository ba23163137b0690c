package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/msglint/msglint/internal/lsp"
	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/policy"
	"github.com/spf13/cobra"
)

func newLSP() *cobra.Command {
	return &cobra.Command{
		Use:   "lsp",
		Short: "Run the language server on standard input and output, for editors",
		Long: `Run msglint as a Language Server (LSP) over standard input and output.
An editor starts it and sends the files it opens; msglint answers with
findings as diagnostics while you type, safe fixes as code actions and each
rule's explanation on hover. Each file is checked with the .msglint.yaml
that applies to it, read again when a config file is saved or changes.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			rw := stdio{cmd.InOrStdin(), cmd.OutOrStdout()}
			err := lsp.Serve(cmd.Context(), rw, lspEnv, version())
			if errors.Is(err, lsp.ErrNoShutdown) {
				fmt.Fprintf(cmd.ErrOrStderr(), "msglint: %v\n", err)
				return exitCode(1) // as LSP asks
			}
			return err
		},
	}
}

// lspEnv builds what checks the files in a folder, as check would with no
// flags, run from that folder.
func lspEnv(dir string) (*lsp.Env, error) {
	cfg := &lint.Config{}
	if path := lint.FindConfig(dir); path != "" {
		var err error
		if cfg, err = loadConfig(path); err != nil {
			return nil, err
		}
	}
	opts, _, err := runOptions(cfg, &checkFlags{})
	if err != nil {
		return nil, err
	}
	linter, err := lint.NewLinter(allRules(), cfg, nil, nil)
	if err != nil {
		return nil, err
	}
	checker, err := policy.NewChecker(linter, opts)
	if err != nil {
		return nil, err
	}
	return &lsp.Env{Linter: linter, Options: opts, Conversations: conversations{checker}}, nil
}

// stdio joins standard input and output into the one stream LSP runs on;
// closing it closes standard input, which ends the read under way.
type stdio struct {
	io.Reader
	io.Writer
}

func (s stdio) Close() error {
	if c, ok := s.Reader.(io.Closer); ok {
		return c.Close()
	}
	return nil
}
