package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
	"github.com/msglint/msglint/lint/report"
	"github.com/msglint/msglint/lint/style"
	"github.com/msglint/msglint/policy"
	"github.com/msglint/msglint/rules"
	"github.com/spf13/cobra"
)

type checkFlags struct {
	format, config, failOn, lang, channel, kind, text string
	baseline, writeBaseline                           string
	enable, disable                                   []string
	i18n, fix, diff, allowEmpty                       bool
	skipOther                                         bool
}

func newCheck() *cobra.Command {
	var f checkFlags
	cmd := &cobra.Command{
		Use:   "check [PATH|-]...",
		Short: "Check message files, folders (recursively) or standard input (-)",
		Long: `Check message files, folders (walked recursively) or standard input (-).

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,
2 a usage, config or input error (the other files are still checked), or
no messages found at all (unless --allow-empty).`,
		Example: `  msglint check replies.yaml
  msglint check --format sarif locales/ > msglint.sarif
  msglint check --text "Herkez için geçerli." --lang tr`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCheck(cmd, args, &f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.format, "format", "text", "output format: text, json, sarif, github, html (one self-contained page), gitlab (code quality), junit, checkstyle or rdjson (reviewdog)")
	fl.StringVar(&f.config, "config", "", "config file (default: .msglint.yaml here or in a parent folder)")
	fl.StringVar(&f.failOn, "fail-on", "", "lowest severity that exits 1: error, warning or info (default error)")
	fl.StringVar(&f.lang, "lang", "", "language of messages that do not say theirs: en, tr or az (default: detect)")
	fl.StringVar(&f.channel, "channel", "", "channel of messages that do not say theirs: messenger, instagram, whatsapp or sms")
	fl.StringVar(&f.kind, "kind", "", "kind of messages that do not say theirs: greeting, reply, away, promo, closing, bot or update")
	fl.StringVar(&f.text, "text", "", "check this one draft message")
	fl.StringSliceVar(&f.enable, "enable", nil, "rules to switch on (comma-separated)")
	fl.StringSliceVar(&f.disable, "disable", nil, "rules to switch off (comma-separated)")
	fl.BoolVar(&f.i18n, "i18n", false, "read JSON and YAML files as locale trees (tr.json, locales/az/*.yaml)")
	fl.BoolVar(&f.fix, "fix", false, "apply safe fixes (spelling with one suggestion, whitespace) in place, then report what is left")
	fl.BoolVar(&f.diff, "diff", false, "print the safe fixes as a unified diff instead of writing them")
	fl.BoolVar(&f.allowEmpty, "allow-empty", false, "exit 0, not 2, when the inputs hold no messages at all")
	fl.StringVar(&f.baseline, "baseline", "", "report and fail only on findings not in this baseline file")
	fl.StringVar(&f.writeBaseline, "write-baseline", "", "write every finding to this baseline file and exit 0 (unless an input cannot be read)")
	fl.BoolVar(&f.skipOther, "skip-other", false, "skip named files that hold no messages, as a folder walk does (for pre-commit, which names every changed file)")
	return cmd
}

func usageErr(cmd *cobra.Command, err error) error {
	fmt.Fprintf(cmd.ErrOrStderr(), "msglint: %v\n", err)
	return exitCode(exitError)
}

func runCheck(cmd *cobra.Command, args []string, f *checkFlags) error {
	if len(args) == 0 && f.text == "" {
		return usageErr(cmd, errors.New("nothing to check: name files or folders, - for standard input, or --text"))
	}
	format, err := report.ParseFormat(f.format)
	if err != nil {
		return usageErr(cmd, err)
	}
	cfg, err := loadConfig(f.config)
	if err != nil {
		return usageErr(cmd, err)
	}
	opts, failOn, err := runOptions(cfg, f)
	if err != nil {
		return usageErr(cmd, err)
	}
	linter, err := newLinter(cfg, f)
	if err != nil {
		return usageErr(cmd, err)
	}
	checker, err := policy.NewChecker(linter, opts)
	if err != nil {
		return usageErr(cmd, err)
	}

	if (f.fix || f.diff) && slices.Contains(args, "-") {
		return usageErr(cmd, errors.New("--fix and --diff edit files, not standard input"))
	}
	out := cmd.OutOrStdout()
	bar := newProgress(cmd.ErrOrStderr())
	run := &load.Run{Options: opts, Linter: linter, Conversations: conversations{checker}, Stdin: cmd.InOrStdin(),
		Include: cfg.Include, Exclude: cfg.Exclude, StreamMin: streamMin, Progress: bar.update, SkipOther: f.skipOther, Whole: readWhole}
	if f.config == "" {
		run.Scope = newScopes(f, cfg, linter, opts).For
	}
	rep := &report.Report{Rules: linter.Rules(), Version: version(), Color: colorful(out)}
	var base *lint.Baseline
	if f.baseline != "" {
		if base, err = lint.ReadBaseline(f.baseline); err != nil {
			return usageErr(cmd, err)
		}
	}
	baselined := f.baseline != "" || f.writeBaseline != ""
	if len(args) == 1 && f.text == "" && !f.fix && !f.diff && !baselined && report.CanStream(format) {
		if done, err := streamOne(cmd, run, args[0], format, rep, failOn); done {
			return err
		}
	}
	check := func() lint.Result {
		defer bar.clear()
		return run.Check(args, f.text)
	}
	res := check()
	if f.diff {
		// Like a check, --diff fails when there is something to fix.
		var buf bytes.Buffer
		if err := writeFixes(cmd, res, &buf); err != nil {
			return err
		}
		out.Write(buf.Bytes())
		if buf.Len() > 0 {
			return exitCode(exitFindings)
		}
		return nil
	}
	if f.fix {
		if err := writeFixes(cmd, res, nil); err != nil {
			return err
		}
		res = check()
	}
	if f.writeBaseline != "" {
		printErrors(cmd, format, res.Errors)
		if err := lint.WriteBaseline(f.writeBaseline, res.Findings); err != nil {
			return usageErr(cmd, err)
		}
		fmt.Fprintf(cmd.ErrOrStderr(), "wrote %d findings to %s\n", len(res.Findings), f.writeBaseline)
		return exitStatus(lint.Result{Errors: res.Errors}, failOn)
	}
	if base != nil {
		var known int
		res.Findings, known = base.New(res.Findings, f.baseline)
		if known > 0 {
			fmt.Fprintf(cmd.ErrOrStderr(), "%d findings in %s not shown\n", known, f.baseline)
		}
	}
	printErrors(cmd, format, res.Errors)
	printUncompared(cmd, linter, res.Uncompared)
	rep.Result = &res
	if err := format.Write(out, rep); err != nil {
		return err
	}
	if res.Messages == 0 && len(res.Errors) == 0 && !f.allowEmpty {
		return noMessages(cmd, res)
	}
	return exitStatus(res, failOn)
}

// printUncompared says which inputs the rules that look across files
// (parity) did not compare with the others, and why, so that a translation
// read as a stream does not pass as one compared with its source.
func printUncompared(cmd *cobra.Command, l *lint.Linter, us []lint.Uncompared) {
	rules := strings.Join(l.AcrossFiles(), ", ")
	for _, u := range us {
		fmt.Fprintf(cmd.ErrOrStderr(), "%s: not compared with other files (%s): %s\n", u.Path, rules, u.Why)
	}
}

// noMessages fails a run that read no message at all: a wrong path or glob
// must not pass as a clean check. It says what was skipped and why.
func noMessages(cmd *cobra.Command, res lint.Result) error {
	msg := "msglint: no messages found in " + plural(res.Files, "file", "files")
	if skipped := report.Skipped(res.Skips); len(skipped) > 0 {
		msg += "; skipped " + strings.Join(skipped, "; ")
	}
	fmt.Fprintln(cmd.ErrOrStderr(), msg+" (--allow-empty to accept it)")
	return exitCode(exitError)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// streamMin is the size above which a JSONL export or transcript is read as
// a stream rather than whole (load.Run.StreamMin).
var streamMin int64 = 32 << 20

// conversations hands transcripts and webhook payloads to the policy checker.
type conversations struct{ *policy.Checker }

func (c conversations) Transcript(path string, r io.Reader, sink func(lint.Finding)) (lint.Loaded, error) {
	defer paceByScannedHeap(os.Getenv("GOGC"), os.Getenv("GOMEMLIMIT"))()
	res, err := c.Stream(path, r, sink)
	return lint.Loaded{Findings: res.Findings, Count: res.Events}, err
}

func (c conversations) Webhook(path string, data []byte) (lint.Loaded, error) {
	res, err := c.RunWebhook(path, data)
	return lint.Loaded{Findings: res.Findings, Count: res.Events}, err
}

// printErrors prints input errors on stderr, unless the format carries them.
func printErrors(cmd *cobra.Command, format report.Format, errs []error) {
	if !format.WritesErrors() {
		for _, e := range errs {
			fmt.Fprintf(cmd.ErrOrStderr(), "%v\n", e)
		}
	}
}

// exitStatus is the run's exit code: input errors, then findings at or
// above --fail-on.
func exitStatus(res lint.Result, failOn lint.Severity) error {
	switch {
	case len(res.Errors) > 0:
		return exitCode(exitError)
	case res.Worst() >= failOn:
		return exitCode(exitFindings)
	}
	return nil
}

// writeFixes applies each file's safe fixes, or writes them to diff as a
// unified diff. A file whose bytes changed since it was checked is left alone.
func writeFixes(cmd *cobra.Command, res lint.Result, diff io.Writer) error {
	fixed := 0
	err := load.Fixes(res, func(f load.FileFix) error {
		switch {
		case f.Changed:
			fmt.Fprintf(cmd.ErrOrStderr(), "%s: changed while it was checked; not fixed\n", f.Path)
			return nil
		case diff != nil:
			return report.WriteDiff(diff, filepath.ToSlash(f.Path), f.Old, f.New)
		}
		fixed += f.Fixed
		return f.Write()
	})
	if err != nil {
		return err
	}
	if diff == nil && fixed > 0 {
		fmt.Fprintf(cmd.ErrOrStderr(), "fixed %s\n", plural(fixed, "problem", "problems"))
	}
	return nil
}

// streamOne checks one large JSONL export or transcript with findings
// written as they are made, so memory stays flat whatever the input's size.
// done is false when the input is not one of those; the caller checks it
// the usual way.
func streamOne(cmd *cobra.Command, run *load.Run, path string, format report.Format, rep *report.Report, failOn lint.Severity) (done bool, _ error) {
	res := lint.Result{Files: 1}
	r := *rep
	r.Result = &res
	// The report starts with the first finding, or at the end if there is
	// none: until then the input may still turn out not to stream.
	var stream *report.Stream
	start := func() {
		if stream == nil {
			stream, _ = report.NewStream(cmd.OutOrStdout(), format, &r) // the caller checked CanStream
		}
	}
	var werr error
	n, ok, err := run.Stream(path, func(f lint.Finding) {
		start()
		res.Streamed[f.Severity]++
		if err := stream.Finding(f); err != nil && werr == nil {
			werr = err
		}
	})
	if !ok {
		return false, nil
	}
	if len(run.Linter.AcrossFiles()) > 0 {
		printUncompared(cmd, run.Linter, []lint.Uncompared{{Path: path, Why: lint.WhyUncompared(path, lint.Loaded{Streamed: true}, 1)}})
	}
	start()
	res.Messages = n
	if err != nil {
		res.Errors = append(res.Errors, lint.Errors(err)...)
		printErrors(cmd, format, res.Errors)
	}
	if err := stream.Close(); err != nil {
		return true, err
	}
	if werr != nil {
		return true, werr
	}
	return true, exitStatus(res, failOn)
}

// loadConfig reads --config, or the nearest .msglint.yaml, or nothing.
func loadConfig(path string) (*lint.Config, error) {
	if path == "" {
		path = lint.FindConfig(".")
	}
	if path == "" {
		return &lint.Config{}, nil
	}
	return lint.LoadConfig(path, ruleNames())
}

// newLinter builds the linter a config asks for: the built-in rules and
// those the config defines, switched on and off by it and the flags.
func newLinter(cfg *lint.Config, f *checkFlags) (*lint.Linter, error) {
	all, err := rulesFor(cfg)
	if err != nil {
		return nil, err
	}
	return lint.NewLinter(all, cfg, f.enable, f.disable)
}

// rulesFor is every rule there is under a config: the built-in ones and
// those it defines.
func rulesFor(cfg *lint.Config) ([]*lint.Rule, error) {
	custom, err := style.Rules(cfg.Defs)
	if err != nil {
		return nil, err
	}
	return append(allRules(), custom...), nil
}

// scopes gives each file the linter and options of the config nearest to
// it (a brand folder's own .msglint.yaml), with its overrides for that
// file; files under one config share one linter.
type scopes struct {
	flags      *checkFlags
	root       *lint.Config
	rootLinter *lint.Linter
	rootOpts   load.Options

	configs lint.Configs
	mu      sync.Mutex
	built   map[*lint.Config]scope
}

type scope struct {
	linter *lint.Linter
	opts   load.Options
	err    error
}

func newScopes(f *checkFlags, root *lint.Config, l *lint.Linter, o load.Options) *scopes {
	s := &scopes{flags: f, root: root, rootLinter: l, rootOpts: o}
	s.configs.Known = ruleNames()
	if root.Path != "" {
		s.configs.Add(root)
	}
	return s
}

func (s *scopes) For(path string) (*lint.Linter, load.Options, error) {
	cfg, err := s.configs.For(path)
	if err != nil {
		return nil, load.Options{}, err
	}
	if cfg == s.root || cfg.Path == "" && s.root.Path == "" {
		return s.rootLinter, s.rootOpts, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.built == nil {
		s.built = map[*lint.Config]scope{}
	}
	sc, ok := s.built[cfg]
	if !ok {
		sc.linter, sc.err = newLinter(cfg, s.flags)
		if sc.err == nil {
			sc.opts, _, sc.err = runOptions(cfg, s.flags)
		}
		s.built[cfg] = sc
	}
	return sc.linter, sc.opts, sc.err
}

// allRules is every rule: template rules, the directive rule, conversation
// rules, then the rules about the input file itself.
func allRules() []*lint.Rule {
	return append(append(append(rules.All(), lint.DirectiveRule), policy.Rules()...), lint.DuplicateID, lint.InvalidText)
}

func ruleNames() []string {
	var out []string
	for _, r := range allRules() {
		out = append(out, r.Name)
	}
	return out
}

// runOptions merges flags over the config.
func runOptions(cfg *lint.Config, f *checkFlags) (load.Options, lint.Severity, error) {
	var o load.Options
	pick := func(flag, conf string) string {
		if flag != "" {
			return flag
		}
		return conf
	}
	if s := pick(f.lang, cfg.Lang); s != "" {
		l, err := lint.ParseLang(s)
		if err != nil {
			return o, 0, err
		}
		o.Lang = l
	}
	if s := pick(f.kind, cfg.Kind); s != "" {
		k, err := lint.ParseKind(s)
		if err != nil {
			return o, 0, err
		}
		o.Kind = k
	}
	if s := pick(f.channel, cfg.Channel); s != "" {
		c, err := lint.ParseChannel(s)
		if err != nil {
			return o, 0, err
		}
		o.Channel = c
	}
	o.I18n, o.I18nGlobs, o.Kinds = f.i18n, cfg.I18n, cfg.Kinds
	o.MaxFile, o.MaxMessage = cfg.MaxFileSize, cfg.MaxMessageSize
	names := ruleNames() // and the rules this config defines
	for _, d := range cfg.Defs {
		names = append(names, d.Name)
	}
	o.KnownRule = func(name string) bool { return name == "all" || slices.Contains(names, name) }
	if cfg.Path != "" {
		o.I18nBase, _ = filepath.Abs(filepath.Dir(cfg.Path))
	}
	failOn := lint.Error
	if cfg.FailOn != 0 {
		failOn = cfg.FailOn
	}
	if f.failOn != "" {
		s, err := lint.ParseSeverity(f.failOn)
		if err != nil {
			return o, 0, fmt.Errorf("--fail-on: %v", err)
		}
		failOn = s
	}
	return o, failOn, nil
}

// colorful is true for a terminal, unless NO_COLOR is set (no-color.org).
func colorful(w io.Writer) bool {
	if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// startsTranscript peeks at the start of a buffered input, without consuming
// it, and tells whether it is a transcript, read as a stream.
func startsTranscript(br *bufio.Reader) bool { return load.StartsStream(br) }
