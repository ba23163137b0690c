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

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
	"github.com/msglint/msglint/lint/report"
	"github.com/msglint/msglint/policy"
	"github.com/msglint/msglint/rules"
	"github.com/spf13/cobra"
)

type checkFlags struct {
	format, config, failOn, lang, channel, kind, text string
	enable, disable                                   []string
	i18n, fix, diff                                   bool
}

func newCheck() *cobra.Command {
	var f checkFlags
	cmd := &cobra.Command{
		Use:   "check [PATH|-]...",
		Short: "Check message files, folders (recursively) or standard input (-)",
		Long: `Check message files, folders (walked recursively) or standard input (-).

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,
2 a usage, config or input error (the other files are still checked).`,
		Example: `  msglint check replies.yaml
  msglint check --format sarif locales/ > msglint.sarif
  msglint check --text "Herkez için geçerli." --lang tr`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCheck(cmd, args, &f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.format, "format", "text", "output format: text, json, sarif, github or html (one self-contained page)")
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
	linter, err := lint.NewLinter(allRules(), cfg, f.enable, f.disable)
	if err != nil {
		return usageErr(cmd, err)
	}
	conversations, err := policy.NewChecker(linter, opts)
	if err != nil {
		return usageErr(cmd, err)
	}

	if (f.fix || f.diff) && slices.Contains(args, "-") {
		return usageErr(cmd, errors.New("--fix and --diff edit files, not standard input"))
	}
	if len(args) == 1 && f.text == "" && !f.fix && !f.diff && report.CanStream(format) {
		if done, err := streamOne(cmd, args[0], format, failOn, opts, linter, conversations); done {
			return err
		}
	}
	res := checkAll(cmd, args, f, cfg, opts, linter, conversations)
	if f.diff {
		// Like a check, --diff fails when there is something to fix.
		var buf bytes.Buffer
		if err := writeFixes(cmd, res, &buf); err != nil {
			return err
		}
		cmd.OutOrStdout().Write(buf.Bytes())
		if buf.Len() > 0 {
			return exitCode(exitFindings)
		}
		return nil
	}
	if f.fix {
		if err := writeFixes(cmd, res, nil); err != nil {
			return err
		}
		res = checkAll(cmd, args, f, cfg, opts, linter, conversations)
	}

	out := cmd.OutOrStdout()
	if !format.WritesErrors() {
		for _, e := range res.Errors {
			fmt.Fprintf(cmd.ErrOrStderr(), "%v\n", e)
		}
	}
	rep := &report.Report{Result: &res, Rules: linter.Rules(), Version: version(), Color: colorful(out)}
	if err := format.Write(out, rep); err != nil {
		return err
	}
	switch {
	case len(res.Errors) > 0:
		return exitCode(exitError)
	case res.Worst() >= failOn:
		return exitCode(exitFindings)
	}
	return nil
}

// checkAll checks every input once.
func checkAll(cmd *cobra.Command, args []string, f *checkFlags, cfg *lint.Config, opts load.Options, linter *lint.Linter, conversations *policy.Checker) lint.Result {
	inputs, walkErrs := load.Expand(args, cfg.Include, cfg.Exclude)
	walked := map[string]bool{}
	paths := make([]string, len(inputs))
	for i, in := range inputs {
		paths[i], walked[in.Path] = in.Path, in.Walked
	}
	stdin := cmd.InOrStdin()
	var progress []func(int, int)
	bar := newProgress(cmd.ErrOrStderr(), len(paths))
	if bar != nil {
		progress = append(progress, bar.update)
		defer bar.clear()
	}
	res := linter.CheckFiles(paths, func(path string) (lint.Loaded, error) {
		if ld, ok, err := checkStream(conversations, linter, opts, path); ok {
			return ld, err
		}
		data, name, err := readInput(path, stdin)
		if err != nil {
			return lint.Loaded{}, err
		}
		// Standard input, or a file the first look did not take: a transcript
		// or a webhook payload is still a conversation.
		if first, _, _ := bytes.Cut(data, []byte("\n")); policy.IsTranscript(first) {
			r, err := conversations.Run(name, bytes.NewReader(data))
			return lint.Loaded{Findings: r.Findings, Count: r.Events}, err
		}
		if policy.IsWebhook(data) {
			r, err := conversations.RunWebhook(name, data)
			return lint.Loaded{Findings: r.Findings, Count: r.Events}, err
		}
		msgs, err := opts.File(name, data)
		if err != nil && walked[path] && load.IsNotMessages(err) {
			return lint.Loaded{}, lint.ErrSkip
		}
		return lint.Loaded{Msgs: msgs}, err
	}, progress...)
	res.Errors = append(walkErrs, res.Errors...)
	if f.text != "" {
		res.Findings = append(res.Findings, linter.Check(opts.Text("<text>", f.text))...)
		res.Messages++
		lint.SortFindings(res.Findings)
	}
	return res
}

// writeFixes applies each file's safe fixes, or writes them to diff as a
// unified diff. A file whose bytes changed since it was checked is left alone.
func writeFixes(cmd *cobra.Command, res lint.Result, diff io.Writer) error {
	byFile := map[string][]lint.FileEdit{}
	var files []string
	for _, f := range res.Findings {
		if f.Fix == nil || f.Msg == nil || f.Msg.Source == nil || f.File == "<stdin>" || f.File == "<text>" {
			continue
		}
		if byFile[f.File] == nil {
			files = append(files, f.File)
		}
		byFile[f.File] = append(byFile[f.File], *f.Fix)
	}
	slices.Sort(files)
	fixed := 0
	for _, path := range files {
		old, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var src []byte
		for _, f := range res.Findings {
			if f.File == path && f.Msg != nil && f.Msg.Source != nil {
				src = f.Msg.Source.Data
				break
			}
		}
		if !bytes.Equal(old, src) {
			fmt.Fprintf(cmd.ErrOrStderr(), "%s: changed while it was checked; not fixed\n", path)
			continue
		}
		updated, n := lint.ApplyFixes(old, byFile[path])
		if diff != nil {
			if err := report.WriteDiff(diff, filepath.ToSlash(path), old, updated); err != nil {
				return err
			}
			continue
		}
		if err := writeAtomic(path, updated); err != nil {
			return err
		}
		fixed += n
	}
	if diff == nil && fixed > 0 {
		fmt.Fprintf(cmd.ErrOrStderr(), "fixed %d problems\n", fixed)
	}
	return nil
}

// writeAtomic replaces a file through a temporary file beside it, keeping
// its permissions, so a crash never leaves half a file.
func writeAtomic(path string, data []byte) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".msglint-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(st.Mode().Perm()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// streamMin is the size above which a JSONL export is read in batches rather
// than whole, to keep memory flat; a streamed export is not compared across
// messages (placeholder styles).
var streamMin int64 = 32 << 20

// checkStream streams a JSONL file: a transcript through the conversation
// rules, and a large export in batches through the template rules. ok is false
// for any other input, which is then read whole. Standard input is never
// streamed here, as peeking at it would consume it.
func checkStream(c *policy.Checker, l *lint.Linter, opts load.Options, path string) (lint.Loaded, bool, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if path == "-" || ext != ".jsonl" && ext != ".ndjson" {
		return lint.Loaded{}, false, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return lint.Loaded{}, false, nil
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 64<<10)
	if startsTranscript(br) {
		r, err := c.Run(path, br)
		return lint.Loaded{Findings: r.Findings, Count: r.Events}, true, err
	}
	if st, err := f.Stat(); err != nil || st.Size() < streamMin {
		return lint.Loaded{}, false, nil
	}
	var ld lint.Loaded
	n, err := opts.StreamJSONL(path, br, 4096, func(msgs []*lint.Message) {
		ld.Findings = append(ld.Findings, l.CheckMessages(msgs)...)
		for _, m := range msgs {
			m.Trim()
		}
	})
	ld.Count = n
	return ld, true, err
}

// streamOne checks one large JSONL export or transcript with findings
// written as they are made, so memory stays flat whatever the input's size.
// done is false when the input is not one of those; the caller checks it
// the usual way.
func streamOne(cmd *cobra.Command, path string, format report.Format, failOn lint.Severity, opts load.Options, l *lint.Linter, c *policy.Checker) (done bool, _ error) {
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".jsonl" && ext != ".ndjson" {
		return false, nil
	}
	file, err := os.Open(path)
	if err != nil {
		return false, nil
	}
	defer file.Close()
	if st, err := file.Stat(); err != nil || st.Size() < streamMin || !st.Mode().IsRegular() {
		return false, nil
	}
	res := lint.Result{Files: 1}
	out := cmd.OutOrStdout()
	stream, err := report.NewStream(out, format, &report.Report{Result: &res, Rules: l.Rules(), Version: version(), Color: colorful(out)})
	if err != nil {
		return false, nil
	}
	var werr error
	write := func(f lint.Finding) {
		res.Streamed[f.Severity]++
		if err := stream.Finding(f); err != nil && werr == nil {
			werr = err
		}
	}
	br := bufio.NewReaderSize(file, 64<<10)
	if startsTranscript(br) {
		// Findings come in event order; those only the end of a
		// conversation shows (no reply, response rate) come last.
		var r policy.Result
		r, err = c.Stream(path, br, write)
		res.Messages = r.Events
	} else {
		// Reading runs on one core: it reads the next batch while the
		// previous one is checked on all of them, in order.
		batches := make(chan []*lint.Message, 1)
		checked := make(chan struct{})
		go func() {
			defer close(checked)
			for msgs := range batches {
				fs := l.CheckMessages(msgs)
				lint.SortFindings(fs)
				for _, f := range fs {
					write(f)
				}
			}
		}()
		res.Messages, err = opts.StreamJSONL(path, br, 4096, func(msgs []*lint.Message) { batches <- msgs })
		close(batches)
		<-checked
	}
	if err != nil {
		res.Errors = append(res.Errors, err)
		if !format.WritesErrors() {
			fmt.Fprintf(cmd.ErrOrStderr(), "%v\n", err)
		}
	}
	if err := stream.Close(); err != nil {
		return true, err
	}
	switch {
	case werr != nil:
		return true, werr
	case len(res.Errors) > 0:
		return true, exitCode(exitError)
	case res.Worst() >= failOn:
		return true, exitCode(exitFindings)
	}
	return true, nil
}

// startsTranscript peeks at the first line of a buffered input, without
// consuming it, and tells whether it is a transcript event.
func startsTranscript(br *bufio.Reader) bool {
	head, _ := br.Peek(64 << 10)
	first, _, _ := bytes.Cut(head, []byte("\n"))
	return policy.IsTranscript(first)
}

func readInput(path string, stdin io.Reader) ([]byte, string, error) {
	if path == "-" {
		data, err := io.ReadAll(stdin)
		if err != nil {
			return nil, "<stdin>", &lint.InputError{Path: "<stdin>", Msg: "cannot read: " + err.Error()}
		}
		return data, "<stdin>", nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, path, &lint.InputError{Path: path, Msg: "cannot read: " + err.Error()}
	}
	return data, path, nil
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

// allRules is every rule: template rules, then conversation rules.
func allRules() []*lint.Rule { return append(rules.All(), policy.Rules()...) }

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
	o.I18n, o.I18nGlobs = f.i18n, cfg.I18n
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
