package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/msglint/msglint/lint/load"
	"github.com/spf13/cobra"
)

func newInit() *cobra.Command {
	var force bool
	var path string
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Write a commented .msglint.yaml with every rule and its defaults",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if _, err := os.Stat(path); err == nil && !force {
				return usageErr(cmd, fmt.Errorf("%s exists; use --force to overwrite it", path))
			} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return usageErr(cmd, err)
			}
			if err := os.WriteFile(path, []byte(defaultConfig()), 0o644); err != nil {
				return usageErr(cmd, err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s\n", path)
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "overwrite an existing file")
	cmd.Flags().StringVar(&path, "output", ".msglint.yaml", "where to write the config")
	return cmd
}

// defaultConfig renders the config that changes nothing: every setting at its
// default, with a comment saying what it does.
func defaultConfig() string {
	var b strings.Builder
	b.WriteString(`# msglint configuration. Every value below is the default; change what you need.
# Reference: msglint explain RULE, and the README's "Configuration" section.

# Language, channel and kind of messages that do not say their own.
# lang: en | tr | az; leave empty to detect each message's language from its text.
lang: ""
channel: messenger
kind: reply

# Lowest severity that makes "msglint check" exit 1: error | warning | info.
fail_on: error

# Files read when a folder is checked (globs, ** for any depth), and files left out.
# Plain text files (messages separated by ---) are read when named, or when added
# here, for example "replies/**/*.txt".
include: ["` + strings.Join(load.DefaultInclude, `", "`) + `"]
exclude: []

# JSON/YAML files to read as locale trees (every string is a message).
i18n: []

# Kinds of locale strings by key path ("*" one key, "**" any number), before the
# built-in words (fallback, welcome, offline, goodbye, promo…): {"bot.**": bot}.
kinds: {}

rules:
`)
	for _, r := range allRules() {
		fmt.Fprintf(&b, "  # %s\n", r.Doc.Title)
		fmt.Fprintf(&b, "  %s:\n    enabled: %t\n    severity: %s\n", r.Name, r.Doc.Default, r.Doc.Severity)
		if opts := optionsYAML(r); opts != "" {
			b.WriteString("    options:\n" + indent(opts, "      "))
		}
	}
	return b.String()
}
