package main

import (
	"fmt"
	"runtime/debug"
	"strings"
	"text/tabwriter"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/rules"
	"github.com/spf13/cobra"
	"gopkg.in/yaml.v3"
)

// buildVersion is set with -ldflags "-X main.buildVersion=v1.2.3" in releases.
var buildVersion = ""

func version() string {
	if buildVersion != "" {
		return buildVersion
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

func newVersion() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print msglint's version",
		Args:  cobra.NoArgs,
		Run: func(cmd *cobra.Command, _ []string) {
			fmt.Fprintf(cmd.OutOrStdout(), "msglint %s\n", version())
		},
	}
}

func newRules() *cobra.Command {
	return &cobra.Command{
		Use:   "rules",
		Short: "List every rule with its default severity and what it checks",
		Args:  cobra.NoArgs,
		Run: func(cmd *cobra.Command, _ []string) {
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "RULE\tSEVERITY\tDEFAULT\tCHECKS")
			for _, r := range rules.All() {
				on := "on"
				if !r.Doc.Default {
					on = "off"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.Name, r.Doc.Severity, on, r.Doc.Title)
			}
			tw.Flush()
		},
	}
}

func findRule(name string) *lint.Rule {
	for _, r := range rules.All() {
		if r.Name == name {
			return r
		}
	}
	return nil
}

var langNames = map[lint.Lang]string{lint.English: "English", lint.Turkish: "Turkish", lint.Azerbaijani: "Azerbaijani"}

func newExplain() *cobra.Command {
	return &cobra.Command{
		Use:   "explain RULE",
		Short: "Explain a rule: what it checks, why, examples and options",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			r := findRule(args[0])
			if r == nil {
				return usageErr(cmd, fmt.Errorf("unknown rule %q (see `msglint rules`)", args[0]))
			}
			w := cmd.OutOrStdout()
			on := "on by default"
			if !r.Doc.Default {
				on = "off by default"
			}
			fmt.Fprintf(w, "%s: %s\nseverity: %s (%s)\n\n%s\n\nWhy: %s\n\nExamples:\n", r.Name, r.Doc.Title, r.Doc.Severity, on, r.Doc.Text, r.Doc.Why)
			for _, l := range lint.Langs {
				ex := r.Doc.Examples[l]
				fmt.Fprintf(w, "  %s\n    bad:  %s\n    good: %s\n", langNames[l], ex.Bad, ex.Good)
			}
			if opts := optionsYAML(r); opts != "" {
				fmt.Fprintf(w, "\nOptions (defaults), under rules: %s: options: in .msglint.yaml:\n%s", r.Name, indent(opts, "  "))
			}
			return nil
		},
	}
}

func optionsYAML(r *lint.Rule) string {
	if r.Options == nil {
		return ""
	}
	var b strings.Builder
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(r.Options); err != nil || strings.TrimSpace(b.String()) == "{}" {
		return ""
	}
	return b.String()
}

func indent(s, pre string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = pre + l
		}
	}
	return strings.Join(lines, "\n") + "\n"
}
