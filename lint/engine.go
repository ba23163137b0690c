package lint

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
)

// Linter runs a configured set of rules over messages.
type Linter struct {
	active []active
}

type active struct {
	rule     *Rule
	check    Check
	file     FileCheck
	severity Severity // from config; 0 = rule's own
}

// NewLinter builds the checks for the rules the config and flags switch on.
// enable and disable name rules (flags win over the config).
func NewLinter(all []*Rule, cfg *Config, enable, disable []string) (*Linter, error) {
	byName := map[string]*Rule{}
	for _, r := range all {
		byName[r.Name] = r
	}
	on := map[string]bool{}
	for _, r := range all {
		on[r.Name] = r.Doc.Default
	}
	if cfg != nil {
		for name, rc := range cfg.Rules {
			if rc.Enabled != nil {
				on[name] = *rc.Enabled
			}
		}
	}
	for _, lists := range []struct {
		names []string
		val   bool
	}{{enable, true}, {disable, false}} {
		for _, n := range lists.names {
			if _, ok := byName[n]; !ok {
				return nil, fmt.Errorf("unknown rule %q (see `msglint rules`)", n)
			}
			on[n] = lists.val
		}
	}
	l := &Linter{}
	for _, r := range all {
		if !on[r.Name] {
			continue
		}
		var rc RuleConfig
		if cfg != nil {
			rc = cfg.Rules[r.Name]
		}
		check, err := r.New(rc.Options)
		if err != nil {
			where := "config"
			if cfg != nil && cfg.Path != "" {
				where = cfg.Path
			}
			return nil, fmt.Errorf("%s: rule %s: %v", where, r.Name, err)
		}
		a := active{rule: r, check: check, severity: rc.Severity}
		if r.NewFile != nil {
			if a.file, err = r.NewFile(rc.Options); err != nil {
				return nil, fmt.Errorf("rule %s: %v", r.Name, err)
			}
		}
		l.active = append(l.active, a)
	}
	return l, nil
}

// Rules lists the rules that run, in registry order.
func (l *Linter) Rules() []*Rule {
	rs := make([]*Rule, len(l.active))
	for i, a := range l.active {
		rs[i] = a.rule
	}
	return rs
}

// Check runs every active rule over one message.
func (l *Linter) Check(m *Message) []Finding {
	var out []Finding
	for i := range l.active {
		a := &l.active[i]
		if m.Disabled(a.rule.Name) {
			continue
		}
		a.check(&Pass{Msg: m, report: func(d Diagnostic) { out = append(out, a.finding(m, d)) }})
	}
	return out
}

// CheckFile runs every active rule over the messages of one file, then the
// rules that look at the file as a whole.
func (l *Linter) CheckFile(msgs []*Message) []Finding {
	var out []Finding
	for _, m := range msgs {
		out = append(out, l.Check(m)...)
	}
	for i := range l.active {
		a := &l.active[i]
		if a.file == nil || len(msgs) == 0 {
			continue
		}
		a.file(msgs, func(m *Message, d Diagnostic) {
			if !m.Disabled(a.rule.Name) {
				out = append(out, a.finding(m, d))
			}
		})
	}
	return out
}

func (a *active) finding(m *Message, d Diagnostic) Finding {
	f := Finding{Rule: a.rule.Name, Message: d.Message, Suggestion: d.Suggestion}
	f.Severity = a.rule.Doc.Severity
	if d.Severity != 0 {
		f.Severity = d.Severity
	}
	if a.severity != 0 {
		f.Severity = a.severity
	}
	place(m, d, &f)
	return f
}

// Loader reads one input into messages. It returns ErrSkip for an input that
// is not for msglint (found while walking a folder), which is not counted.
type Loader func(path string) ([]*Message, error)

// ErrSkip tells CheckFiles to pass over an input.
var ErrSkip = errors.New("skipped")

// Result is the outcome of a run over many inputs.
type Result struct {
	Findings []Finding
	Errors   []error // inputs that could not be read, in input order
	Files    int
	Skipped  int
	Messages int
}

// Count returns the number of findings at each severity.
func (r *Result) Count(s Severity) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == s {
			n++
		}
	}
	return n
}

// Worst is the highest severity found, 0 when there are no findings.
func (r *Result) Worst() Severity {
	var w Severity
	for _, f := range r.Findings {
		w = max(w, f.Severity)
	}
	return w
}

// CheckFiles loads and checks inputs on all cores. A file that fails to load
// is recorded and the others are still checked; the findings come back sorted.
func (l *Linter) CheckFiles(paths []string, load Loader) Result {
	type out struct {
		findings []Finding
		msgs     int
		err      error
	}
	results := make([]out, len(paths))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < min(runtime.GOMAXPROCS(0), max(len(paths), 1)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				msgs, err := load(paths[i])
				results[i] = out{l.CheckFile(msgs), len(msgs), err}
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	res := Result{Files: len(paths), Findings: []Finding{}}
	for _, r := range results {
		if errors.Is(r.err, ErrSkip) {
			res.Files--
			res.Skipped++
			continue
		}
		res.Findings = append(res.Findings, r.findings...)
		res.Messages += r.msgs
		if r.err != nil {
			res.Errors = append(res.Errors, r.err)
		}
	}
	SortFindings(res.Findings)
	return res
}
