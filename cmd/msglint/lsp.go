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
			err := lsp.Serve(cmd.Context(), rw, lspResolver, version())
			if errors.Is(err, lsp.ErrNoShutdown) {
				fmt.Fprintf(cmd.ErrOrStderr(), "msglint: %v\n", err)
				return exitCode(1) // as LSP asks
			}
			return err
		},
	}
}

// lspResolver gives each document the linter and options check would give
// it with no flags: those of the config nearest to it, with its overrides
// for it. A new one reads the configs again.
func lspResolver() lsp.Resolver {
	flags := &checkFlags{}
	root := &lint.Config{}
	rootLinter, err := newLinter(root, flags)
	if err != nil {
		return func(string) (*lsp.Env, error) { return nil, err }
	}
	rootOpts, _, err := runOptions(root, flags)
	if err != nil {
		return func(string) (*lsp.Env, error) { return nil, err }
	}
	sc := newScopes(flags, root, rootLinter, rootOpts)
	envs := map[*lint.Linter]*lsp.Env{} // the server asks one document at a time
	return func(path string) (*lsp.Env, error) {
		linter, opts, err := sc.For(path)
		if err != nil {
			return nil, err
		}
		if env, ok := envs[linter]; ok {
			return env, nil
		}
		checker, err := policy.NewChecker(linter, opts)
		if err != nil {
			return nil, err
		}
		envs[linter] = &lsp.Env{Linter: linter, Options: opts, Conversations: conversations{checker}}
		return envs[linter], nil
	}
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
