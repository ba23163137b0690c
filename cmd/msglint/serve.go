package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/msglint/msglint/hook"
	"github.com/msglint/msglint/hook/store"
	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/load"
	"github.com/msglint/msglint/policy"
	"github.com/spf13/cobra"
)

// logInterval is how long the hook's info lines may wait in memory.
const logInterval = 100 * time.Millisecond

type serveFlags struct {
	addr, store, config, denyAt, logLevel  string
	templates                              string
	tokenFile, secretFile, verifyTokenFile string
	failOpen, insecureNoToken, whatIf      bool
	maxBody, draftCache                    int64
	maxInFlight, maxEvents, maxWebhook     int
	grace, drain, storeTimeout, skew       time.Duration
}

func newServe() *cobra.Command {
	f := &serveFlags{}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Run the pre-send hook: may this draft go to this person now?",
		Long: `serve answers over HTTP whether a draft may be sent, with the same rules as check and the
messaging windows it learns from inbound events (POST /v1/events or Meta's webhook).

A token is required (or --insecure-no-token). Secrets come from the environment or from files,
never from flags:
  MSGLINT_TOKEN          bearer token for /v1/* (or --token-file)
  MSGLINT_APP_SECRET     Meta app secret that signs webhook deliveries (or --app-secret-file)
  MSGLINT_VERIFY_TOKEN   the webhook's verify token (or --verify-token-file)`,
		Example: `  MSGLINT_TOKEN=s3cret msglint serve --store msglint-state.db
  MSGLINT_TOKEN=s3cret msglint serve --addr :8080 --store redis+cluster://10.0.0.1:6379,10.0.0.2:6379,10.0.0.3:6379
  msglint serve --insecure-no-token        # this machine only: JSON from a loopback Host and Origin`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runServe(cmd, f) },
	}
	fl := cmd.Flags()
	fl.StringVar(&f.addr, "addr", "127.0.0.1:8080", "address to listen on")
	fl.StringVar(&f.store, "store", "msglint-state.db", "state store: a file (embedded), redis://host:port/db, redis+cluster://host:port,... or redis+sentinel://host:port,.../db?master=name")
	fl.StringVar(&f.config, "config", "", "config file (default: .msglint.yaml found upward)")
	fl.StringVar(&f.denyAt, "deny-at", "error", "deny a draft with a finding at or above: error, warning or info")
	fl.BoolVar(&f.failOpen, "fail-open", false, "when the store is unreachable, allow with a warning instead of denying")
	fl.Int64Var(&f.maxBody, "max-body", 1<<20, "largest request body in bytes (larger: 413)")
	fl.Int64Var(&f.draftCache, "draft-cache", 16<<20, "bytes kept of recent drafts' template-rule findings, reused for the same draft to another person (0: none)")
	fl.IntVar(&f.maxInFlight, "max-in-flight", 512, "checks answered at once; more get 503")
	fl.IntVar(&f.maxEvents, "max-events-in-flight", 128, "event posts (/v1/events) worked on at once; more get 503")
	fl.IntVar(&f.maxWebhook, "max-webhook-in-flight", 128, "webhook deliveries worked on at once; more get 503")
	fl.DurationVar(&f.storeTimeout, "store-timeout", 250*time.Millisecond, "a check's budget for the store; past it the --fail-open mode answers")
	fl.DurationVar(&f.skew, "skew", 2*time.Minute, "how far an event's or a check's time may be from the hook's clock")
	fl.BoolVar(&f.whatIf, "what-if", false, "let a check ask about any time (at), not only now; such answers say so and are never recorded")
	fl.BoolVar(&f.insecureNoToken, "insecure-no-token", false, "run without a token: /v1/* then takes only JSON from a loopback Host and Origin")
	fl.DurationVar(&f.drain, "drain", 5*time.Second, "on SIGTERM, how long /readyz answers 503 before the hook stops taking connections")
	fl.DurationVar(&f.grace, "grace", 30*time.Second, "on SIGTERM, how long requests in flight may take to finish")
	fl.StringVar(&f.templates, "templates", "", "WhatsApp template definitions (a file or folder of Meta's template JSON or YAML): a template send's parameters are checked against them")
	fl.StringVar(&f.logLevel, "log-level", "info", "debug, info, warn or error (logs are JSON on stderr; info lines are written every 100 ms, warnings and errors at once)")
	fl.StringVar(&f.tokenFile, "token-file", "", "file holding the bearer token (instead of MSGLINT_TOKEN)")
	fl.StringVar(&f.secretFile, "app-secret-file", "", "file holding the Meta app secret (instead of MSGLINT_APP_SECRET)")
	fl.StringVar(&f.verifyTokenFile, "verify-token-file", "", "file holding the webhook verify token (instead of MSGLINT_VERIFY_TOKEN)")
	return cmd
}

// secret reads a secret from a file when one is named, else from the environment.
func secret(file, env string) (string, error) {
	if file == "" {
		return os.Getenv(env), nil
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(data)), nil
}

func runServe(cmd *cobra.Command, f *serveFlags) error {
	var level slog.Level
	if err := level.UnmarshalText([]byte(f.logLevel)); err != nil {
		return usageErr(cmd, fmt.Errorf("--log-level: %v", err))
	}
	// A line a request: written in batches, so that a request costs no
	// write of its own; warnings and errors at once.
	logs := hook.NewLogBuffer(cmd.ErrOrStderr(), logInterval)
	defer logs.Close()
	logger := slog.New(logs.JSONHandler(level, slog.LevelWarn))
	paced, stopPacing := context.WithCancel(context.Background())
	defer stopPacing()
	keepHeadroom(paced, os.Getenv("GOGC"), headroomInterval)
	denyAt, err := lint.ParseSeverity(f.denyAt)
	if err != nil {
		return usageErr(cmd, fmt.Errorf("--deny-at: %v", err))
	}
	cfg, err := loadConfig(f.config)
	if err != nil {
		return usageErr(cmd, err)
	}
	opts, _, err := runOptions(cfg, &checkFlags{})
	if err != nil {
		return usageErr(cmd, err)
	}
	all, err := rulesFor(cfg)
	if err != nil {
		return usageErr(cmd, err)
	}
	linter, err := lint.NewLinter(all, cfg, nil, nil)
	if err != nil {
		return usageErr(cmd, err)
	}
	checker, err := policy.NewChecker(linter, opts)
	if err != nil {
		return usageErr(cmd, err)
	}
	var secrets [3]string
	for i, s := range []struct{ file, env string }{{f.tokenFile, "MSGLINT_TOKEN"}, {f.secretFile, "MSGLINT_APP_SECRET"}, {f.verifyTokenFile, "MSGLINT_VERIFY_TOKEN"}} {
		if secrets[i], err = secret(s.file, s.env); err != nil {
			return usageErr(cmd, err)
		}
	}
	if secrets[0] == "" && !f.insecureNoToken {
		return usageErr(cmd, errors.New("no token: set MSGLINT_TOKEN or --token-file (or --insecure-no-token for a hook only this machine can reach)"))
	}
	states, err := store.Open(f.store, checker.MaxAge())
	if err != nil {
		return usageErr(cmd, err)
	}
	defer states.Close()
	templates, err := loadTemplates(f.templates, opts)
	if err != nil {
		return usageErr(cmd, err)
	}
	srv, err := hook.New(hook.Config{Linter: linter, Checker: checker, Store: states, Load: opts, Rules: all, Templates: templates,
		Token: secrets[0], AppSecret: secrets[1], VerifyToken: secrets[2],
		InsecureNoToken: f.insecureNoToken, DenyAt: denyAt, FailOpen: f.failOpen, MaxBody: f.maxBody, DraftCache: draftCacheBudget(f.draftCache),
		MaxInFlight: f.maxInFlight, MaxEvents: f.maxEvents, MaxWebhook: f.maxWebhook, StoreTimeout: f.storeTimeout, Skew: f.skew, WhatIf: f.whatIf,
		DrainDelay: f.drain, Logger: logger})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", f.addr)
	if err != nil {
		return usageErr(cmd, err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	if err := srv.Serve(ctx, ln, f.grace); err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	return nil
}

// draftCacheBudget is the hook's draft cache budget for the flag's value:
// the flag's 0 is none, the config's 0 the default.
func draftCacheBudget(flag int64) int64 {
	if flag <= 0 {
		return -1
	}
	return flag
}

// loadTemplates reads the WhatsApp template definitions in a file or the
// JSON and YAML files of a folder; none when path is empty.
func loadTemplates(path string, opts load.Options) (hook.Templates, error) {
	if path == "" {
		return nil, nil
	}
	var msgs []*lint.Message
	err := filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if ext := strings.ToLower(filepath.Ext(p)); p != path && ext != ".json" && ext != ".yaml" && ext != ".yml" {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		ms, err := opts.File(p, data)
		if err != nil {
			return err
		}
		msgs = append(msgs, ms...)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("--templates: %w", err)
	}
	t := hook.NewTemplates(msgs)
	if len(t) == 0 {
		return nil, fmt.Errorf("--templates: %s holds no WhatsApp template definitions", path)
	}
	return t, nil
}
