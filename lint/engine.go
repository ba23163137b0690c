package lint

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/msglint/msglint/lint/placeholder"
	"gopkg.in/yaml.v3"
)

// Linter runs a configured set of rules over messages.
type Linter struct {
	active []active
	// syntax is the config's placeholder systems, which win over those
	// a message's format gives.
	syntax placeholder.Syntax
	// known are the names of every rule there is, running or not, which
	// directives may name; directive is the directive rule, when it runs.
	known     map[string]bool
	directive *active
	// wordIDs: two or more running rules read word ids (Rule.ReadsWordIDs).
	wordIDs bool
	// memo keeps what the running rules that are the same for a text
	// (Rule.SameForText) said of the texts met; nil when none runs.
	memo *textMemo
}

func (l *Linter) knows(name string) bool { return l.known[name] }

type active struct {
	rule     *Rule
	check    Check
	file     FileCheck
	set      SetCheck
	opts     *yaml.Node
	severity Severity // from config; 0 = rule's own
	// said is the rule's place in a text's memo (textSaid), -1 for a
	// rule whose check is not the same for a text.
	said int
}

func (a *active) pick(own Severity) Severity {
	switch {
	case a.severity != 0:
		return a.severity
	case own != 0:
		return own
	}
	return a.rule.Doc.Severity
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
	l := &Linter{known: map[string]bool{}}
	if cfg != nil {
		var err error
		if l.syntax, err = placeholder.Parse(cfg.Placeholders); err != nil {
			return nil, fmt.Errorf("%s: placeholders: %v", cfg.Path, err)
		}
	}
	for _, r := range all {
		l.known[r.Name] = true
	}
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
		a := active{rule: r, check: check, opts: rc.Options, severity: rc.Severity}
		if r.NewFile != nil {
			if a.file, err = r.NewFile(rc.Options); err != nil {
				return nil, fmt.Errorf("rule %s: %v", r.Name, err)
			}
		}
		if r.NewSet != nil {
			if a.set, err = r.NewSet(rc.Options); err != nil {
				return nil, fmt.Errorf("rule %s: %v", r.Name, err)
			}
		}
		l.active = append(l.active, a)
	}
	l.findDirectiveRule()
	l.wordIDs = idReaders(l.active) >= 2
	l.memo = newTextMemo(l.active)
	return l, nil
}

// hasSets tells whether a rule looks across files, so that a run keeps
// every file's messages until all are read.
func (l *Linter) hasSets() bool { return len(l.AcrossFiles()) > 0 }

// AcrossFiles names the active rules that look across files (parity).
func (l *Linter) AcrossFiles() []string {
	var out []string
	for _, a := range l.active {
		if a.set != nil {
			out = append(out, a.rule.Name)
		}
	}
	return out
}

// keep returns the messages of a file that a rule looking across files
// needs: all of them if one of those rules does not say.
func (l *Linter) keep(msgs []*Message) []*Message {
	// The rules that look across files, found once: most of a linter's
	// rules do not, and each active value is seven words to read.
	var sets []*Rule
	for i := range l.active {
		if a := &l.active[i]; a.set != nil {
			if a.rule.SetKeeps == nil {
				return slices.Clone(msgs) // every message is kept
			}
			sets = append(sets, a.rule)
		}
	}
	if len(sets) == 0 {
		return nil
	}
	var out []*Message
	for _, m := range msgs {
		for _, r := range sets {
			if r.SetKeeps(m) {
				out = append(out, m)
				break
			}
		}
	}
	return out
}

// CheckSets runs the rules that look across files over the messages of
// every file of a run, one slice per file.
func (l *Linter) CheckSets(files [][]*Message) []Finding {
	var out []Finding
	for i := range l.active {
		a := &l.active[i]
		if a.set == nil {
			continue
		}
		a.set(files, func(m *Message, d Diagnostic) {
			if !m.Disabled(a.rule.Name) {
				out = append(out, a.finding(m, d))
			}
		})
	}
	return l.dropDirected(out)
}

// dropDirected drops the findings of rules that look across files which a
// directive comment in their file switches off. The directives' own
// problems were reported with the file.
func (l *Linter) dropDirected(out []Finding) []Finding {
	dirs := map[*Source][]*directive{}
	kept := out[:0]
	for _, f := range out {
		src := f.Msg.Source
		if src == nil || src.Comments.none() || !bytes.Contains(src.Data, []byte(dirPrefix)) {
			kept = append(kept, f)
			continue
		}
		if _, ok := dirs[src]; !ok {
			dirs[src], _ = readDirectives(src, src.Comments, l.knows)
		}
		if !anyCovers(dirs[src], &f) {
			kept = append(kept, f)
		}
	}
	return kept
}

// looksAcross tells a rule that looks across files: a file alone cannot
// tell whether a directive for it switched something off.
func (l *Linter) looksAcross(rule string) bool {
	for _, a := range l.active {
		if a.rule.Name == rule && a.set != nil {
			return true
		}
	}
	return false
}

// Config returns an active rule's options node and configured severity; ok
// is false when the rule does not run.
func (l *Linter) Config(name string) (opts *yaml.Node, sev Severity, ok bool) {
	for _, a := range l.active {
		if a.rule.Name == name {
			return a.opts, a.severity, true
		}
	}
	return nil, 0, false
}

// Severity is the severity a finding of an active rule gets: the config's,
// else the diagnostic's own, else the rule's default.
func (l *Linter) Severity(name string, own Severity) Severity {
	for _, a := range l.active {
		if a.rule.Name == name {
			return a.pick(own)
		}
	}
	return own
}

// Without returns a linter that runs the same rules, configured the same,
// but the named ones.
func (l *Linter) Without(names ...string) *Linter {
	out := &Linter{known: l.known, syntax: l.syntax}
	for _, a := range l.active {
		if !slices.Contains(names, a.rule.Name) {
			out.active = append(out.active, a)
		}
	}
	out.findDirectiveRule()
	return out
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
func (l *Linter) Check(m *Message) []Finding { return l.checkInto(nil, m) }

// Findings are capped per message and rule, and per message, so that a
// huge message of repeated mistakes cannot fill memory: what is over the cap
// is counted and said in one last finding ("… and 2990 more").
const (
	MaxPerRule    = 100
	MaxPerMessage = 1000
)

// checkInto appends a message's findings to out, with a run from runs: a
// message checked alone (the hook's drafts) has the memo's room made once,
// not for each message.
func (l *Linter) checkInto(out []Finding, m *Message) []Finding {
	r := runs.Get().(*messageRun)
	out = l.runOn(r, out, m)
	runs.Put(r)
	return out
}

// runs are messageRuns for messages checked alone (checkInto).
var runs = sync.Pool{New: func() any { return new(messageRun) }}

// runOn appends a message's findings to out using r, which a worker reuses
// from message to message: one run for all the rules, so the hot path does
// not allocate for it per rule nor per message.
func (l *Linter) runOn(r *messageRun, out []Finding, m *Message) []Finding {
	if l.syntax != 0 && m.Syntax != l.syntax {
		// The config's placeholders: list wins over the format's systems.
		m.Syntax, m.holders = l.syntax, nil
	}
	*r = messageRun{out: out, start: len(out), edits: r.edits, text: textRun{by: r.text.by, kinds: r.text.kinds, records: r.text.records, at: r.text.at}}
	r.pass = Pass{Msg: m, run: r}
	// What the rules that are the same for a text said of it before, or
	// where what they say now is kept; for a text met before, what the
	// rules share of it is copied in from the memo, when it was kept.
	said, unseen := l.memo.said(m)
	if said != nil {
		r.text.text, r.text.unseen = said, unseen
		r.text.kindBit, r.text.slot = kindBit(m.Kind), kindSlot(m.Kind)
		if len(r.text.by) != l.memo.rules { // a run may have checked for another linter
			r.text.by, r.text.kinds, r.text.at = make([][]Diagnostic, l.memo.rules), make([]kindBits, l.memo.rules), make([]int32, l.memo.rules)
		}
		if !unseen {
			recordsAt(r.text.at, said.said)
		}
	}
	// A text met before: what the rules share of it is copied in when
	// one asks (lendAnalysis), or now for a message checked alone; most
	// rules say again what they said, and the ids are not worked out
	// ahead for them.
	met := said != nil && !unseen
	lent := false
	switch {
	case met && m.room != nil:
		m.room.lender = said
	case met:
		lent = said.lend(m)
	}
	if l.wordIDs && !met {
		m.WordIDs()
	}
	for i := 0; i < len(l.active); {
		i = l.runRules(r, m, i)
	}
	// A rule that failed is not taken as having said all.
	if t := &r.text; said != nil && !r.failed {
		if unseen {
			l.memo.keep(said, t.by, t.kinds, ^said.byKind, t.ranByKind, t.slot, &t.records)
		} else if t.ranByKind != 0 && t.slot >= 0 {
			l.memo.keepByKind(said, t.by, t.ranByKind, t.slot, &t.records)
		}
	}
	if said != nil && (unseen || r.text.ranByKind != 0) { // a rule ran
		for i := range r.text.by {
			clear(r.text.by[i]) // nothing of the message is held on to
			r.text.by[i] = r.text.by[i][:0]
		}
		clear(r.text.kinds)
	}
	if met {
		if m.room != nil {
			m.room.lender = nil
		}
		if !lent {
			// The text's second sighting, when a rule asked for its
			// tokens; nothing when they were kept before.
			l.memo.keepAnalysis(said, m)
		}
	}
	out, r.out = r.out, nil // the run is reused; the findings are the caller's
	r.pass.Msg = nil
	return out
}

// messageRun collects the findings of every rule on one message, with the
// caps: MaxPerRule for the rule running (a), MaxPerMessage in all.
type messageRun struct {
	pass           Pass
	a              *active
	out            []Finding
	start          int
	ruleN, dropped int
	// edits is the block the findings' fixes are taken from, kept from
	// message to message (newEdit).
	edits []FileEdit
	// keep, when set, gets a copy of each diagnostic of the running rule:
	// what it says of the message's text, for the text's memo.
	keep *[]Diagnostic
	// at is the running rule's place among the linter's; failed is set
	// when a rule panicked on the message (runRules).
	at     int
	failed bool
	// text is what the memo holds of the message's text.
	text textRun
	// fix is the edit of a diagnostic said again (replay).
	fix Edit
}

// textRun is what the memo holds of a message's text while its rules run
// (text; unseen says it is new, for what the rules say now), and what is
// kept of the message's kind: its bit and its slot in a kindTable.
type textRun struct {
	text    *textSaid
	unseen  bool
	kindBit kindBits
	slot    int
	// ranByKind are the rules, a bit a place, that ran for the message's
	// kind: what they said is kept by kind.
	ranByKind uint64
	// by is what each rule said, and kinds what kinds it asked about, by
	// its place, for the memo, and records where the memo's records are
	// made: room kept from message to message.
	by      [][]Diagnostic
	kinds   []kindBits
	records []byte
	// at are the places of the text's records, by rule (recordsAt).
	at []int32
}

// runRules runs the rules on the message from the from-th on and returns
// past the last. A rule that panics (a bug of ours, met on text nobody
// tried) does not take the check down with it: the message gets one error
// of that rule saying so where it starts, which names the file and line as
// any finding does, runRules returns past that rule and runOn goes on
// from there, so every other rule and message is still checked. Nothing
// of the message's text is kept in the memo then, so the same text meets
// the failure again, not a partial answer. One recover a message, not one
// a rule: this is the hot path.
func (l *Linter) runRules(r *messageRun, m *Message, from int) (next int) {
	defer func() {
		if p := recover(); p != nil {
			r.failed, r.keep = true, nil
			r.add(Diagnostic{Severity: Error, Message: fmt.Sprintf("msglint's %s rule failed on this message (%v), so it was not fully checked: please report this message to msglint", r.a.rule.Name, p)})
			r.endRule()
			next = r.at + 1
		}
	}()
	for i := from; i < len(l.active); i++ {
		r.at, r.a = i, &l.active[i]
		if r.a.check == nil || len(m.Disable) > 0 && m.Disabled(r.a.rule.Name) {
			continue
		}
		r.ruleN, r.dropped = 0, 0
		if r.text.text == nil || r.a.said < 0 || r.a.rule.SameForStreamedText && !r.text.text.plain {
			r.a.check(&r.pass)
		} else {
			l.runSaid(r, m)
		}
		r.endRule()
	}
	return len(l.active)
}

// runSaid runs the running rule, which is the same for a text, on m, or
// says again what it said of m's text before: what it said in a message of
// any kind it did not ask about, or in a message of m's kind. On a text's
// first sighting, what a rule said without asking about the message's
// kind is kept for every kind it did not ask about.
func (l *Linter) runSaid(r *messageRun, m *Message) {
	t, place := &r.text, r.a.said
	bit := uint64(1) << place
	if !t.unseen {
		if ds, known := t.text.forKind(t.at, place, bit, t.kindBit, t.slot); known {
			r.replay(ds)
			return
		}
		r.keepCheck(place)
		t.ranByKind |= bit
		return
	}
	m.kindsAsked = 0
	r.keepCheck(place)
	if asked := m.kindsAsked; !r.a.rule.AsksKind || asked&t.kindBit != 0 {
		t.text.byKind |= bit
		t.ranByKind |= bit
	} else {
		t.kinds[place] = asked
	}
}

// keepCheck runs the running rule, what it says kept at its place for the
// memo.
func (r *messageRun) keepCheck(place int) {
	r.keep = &r.text.by[place]
	r.a.check(&r.pass)
	r.keep = nil
}

// replay says again what a rule said of a text before (its sayings in a
// memo's record). A finding's fix is made anew from the kept diagnostic's
// (place), which nothing keeps: the run's own edit is enough.
func (r *messageRun) replay(sayings []byte) {
	if len(sayings) == 0 {
		return
	}
	n, k := binary.Uvarint(sayings)
	sayings = sayings[k:]
	for range n {
		var d Diagnostic
		d, sayings = readDiagnostic(sayings, &r.fix)
		r.add(d)
	}
}

// endRule closes the running rule's findings: when a cap was hit, a
// finding was kept before, and one more says how many were dropped.
func (r *messageRun) endRule() {
	if r.dropped > 0 {
		r.out = append(r.out, moreFinding(r.out[len(r.out)-1], r.a.rule.Name, r.dropped))
	}
}

func (r *messageRun) add(d Diagnostic) {
	if r.keep != nil {
		*r.keep = append(*r.keep, d) // written into the memo's bytes
	}
	if r.ruleN++; r.ruleN > MaxPerRule || len(r.out)-r.start >= MaxPerMessage {
		r.dropped++
		return
	}
	// A worker's room keeps where the last finding was placed: the next
	// is counted on from there (Source.SpanFrom).
	var mark *SourceMark
	if room := r.pass.Msg.room; room != nil {
		mark = &room.mark
	}
	r.out = append(r.out, r.a.findingIn(r.pass.Msg, d, &r.edits, mark))
}

// moreFinding stands for the findings over the cap, placed where the last
// one kept is.
func moreFinding(last Finding, rule string, n int) Finding {
	last.Rule, last.Message = rule, fmt.Sprintf("… and %d more", n)
	last.Suggestion, last.Fix = "", nil
	return last
}

// chunk is how many messages one worker checks at a time in a large file.
const chunk = 256

// CheckFile runs every active rule over the messages of one file, then the
// rules that look at the file as a whole.
func (l *Linter) CheckFile(msgs []*Message) []Finding {
	out := l.checkMessages(msgs, l.hasFileChecks())
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
	return l.applyDirectives(msgs, out)
}

func (l *Linter) findDirectiveRule() {
	l.directive = nil
	for i := range l.active {
		if l.active[i].rule == DirectiveRule {
			l.directive = &l.active[i]
		}
	}
}

// hasFileChecks tells whether a rule looks at a file's messages together
// once each was checked.
func (l *Linter) hasFileChecks() bool {
	for _, a := range l.active {
		if a.file != nil {
			return true
		}
	}
	return false
}

// CheckMessages runs the per-message rules over messages, in chunks on all
// cores; the findings come back in message order all the same.
func (l *Linter) CheckMessages(msgs []*Message) []Finding { return l.checkMessages(msgs, false) }

// checkMessages is CheckMessages; keep holds on to each message's
// placeholders for the file checks, which read them again.
func (l *Linter) checkMessages(msgs []*Message, keep bool) []Finding {
	parts := make([][]Finding, (len(msgs)+chunk-1)/chunk)
	if len(parts) == 1 { // checked here, copied out once
		fs := l.checkBatch(msgs, keep)
		out := slices.Clone(fs)
		Recycle(fs)
		return out
	}
	workers := min(runtime.GOMAXPROCS(0), len(parts))
	var wg sync.WaitGroup
	next := make(chan int, len(parts))
	for i := range parts {
		next <- i
	}
	close(next)
	// The chunks are handed out in order and most are done in order: a
	// chunk done when those before it are in out is appended to out
	// straight from the worker's buffer, and so are the ones done before
	// it that waited; a chunk done early waits, copied out at its size.
	// Each finding was copied out of its chunk, then into out: a file
	// read whole keeps them all, and twice their size was made.
	var (
		mu      sync.Mutex
		out     []Finding
		flushed int // the chunks in out
		waiting = make([]bool, len(parts))
	)
	add := func(i int, fs []Finding) {
		mu.Lock()
		defer mu.Unlock()
		if i != flushed {
			parts[i], waiting[i] = slices.Clone(fs), true
			return
		}
		if out == nil {
			// Room for as many findings a message as the first chunk
			// had, and a fifth more: the room never used is memory
			// never touched, and more findings grow out.
			done := min(len(msgs), chunk)
			out = make([]Finding, 0, len(fs)*len(msgs)/done*6/5+chunk)
		}
		out = append(out, fs...)
		for flushed++; flushed < len(parts) && waiting[flushed]; flushed++ {
			out = append(out, parts[flushed]...)
			parts[flushed] = nil
		}
	}
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// A chunk's findings are collected in a buffer the worker
			// reuses.
			buf := chunkFindings.Get().(*[]Finding)
			defer recycle(buf)
			var r messageRun
			var room messageRoom
			for i := range next {
				*buf = (*buf)[:0]
				for _, m := range msgs[i*chunk : min(len(msgs), (i+1)*chunk)] {
					m.room = &room // given back by trim, before the next takes it
					*buf = l.runOn(&r, *buf, m)
					m.trim(keep)
				}
				add(i, *buf)
			}
		}()
	}
	wg.Wait()
	if out == nil {
		out = []Finding{}
	}
	return out
}

// CheckBatch is CheckMessages for findings the caller is soon done with (a
// stream writes them as they come): they are in a pooled buffer, which the
// caller hands back with Recycle, so a batch does not allocate for them.
func (l *Linter) CheckBatch(msgs []*Message) []Finding { return l.checkBatch(msgs, false) }

func (l *Linter) checkBatch(msgs []*Message, keep bool) []Finding {
	if len(msgs) > chunk {
		return l.checkMessages(msgs, keep)
	}
	buf := chunkFindings.Get().(*[]Finding)
	var r messageRun
	var room messageRoom
	for _, m := range msgs {
		m.room = &room // given back by trim, before the next takes it
		*buf = l.runOn(&r, *buf, m)
		m.trim(keep)
	}
	return *buf
}

// Recycle gives the buffer of findings from CheckBatch back for reuse; fs
// must not be used after.
func Recycle(fs []Finding) { recycle(&fs) }

// chunkFindings are the buffers a chunk's findings are collected in, reused
// across the batches of a stream and across files.
var chunkFindings = sync.Pool{New: func() any { return new([]Finding) }}

// recycle hands a buffer back to chunkFindings, emptied so that it holds no
// message alive; a buffer grown past what a chunk usually needs is dropped.
func recycle(buf *[]Finding) {
	if cap(*buf) > 8*chunk {
		return
	}
	clear(*buf)
	*buf = (*buf)[:0]
	chunkFindings.Put(buf)
}

func (a *active) finding(m *Message, d Diagnostic) Finding { return a.findingIn(m, d, nil, nil) }

// findingIn is finding with its fix's edit taken from edits (newEdit).
func (a *active) findingIn(m *Message, d Diagnostic, edits *[]FileEdit, mark *SourceMark) Finding {
	f := Finding{Rule: a.rule.Name, Message: d.Message, Suggestion: d.Suggestion, Severity: a.pick(d.Severity)}
	place(m, d, &f, edits, mark)
	return f
}

// Loaded is what a loader made of one input: messages to check, and findings
// it made itself (a transcript is checked while it is read), with the number
// of messages behind them.
type Loaded struct {
	Msgs     []*Message
	Findings []Finding
	Count    int
	// Streamed says the messages were checked batch by batch as they were
	// read and not kept: the rules that look across files never see them.
	Streamed bool
	// Linter, if set, checks Msgs instead of the run's own: the input has
	// a config of its own (a folder's .msglint.yaml, an override).
	Linter *Linter
}

// Loader reads one input. It returns a *Skip for an input that is not for
// msglint (found while walking a folder, or no regular file), which is not
// counted as a file but listed with its reason. A loader may return messages
// and an error together (a bad line among good ones), and several errors
// joined with errors.Join.
type Loader func(path string) (Loaded, error)

// ErrSkip matches every *Skip.
var ErrSkip = errors.New("skipped")

// SkipReason is why a run passed over an input.
type SkipReason int

// The reasons, in the order a summary lists them.
const (
	NotMessages   SkipReason = iota // valid, but no message library (package.json)
	OtherLanguage                   // a locale in a language msglint does not check
	NotRegular                      // a FIFO, device, socket or a symlink to one
	TooBig                          // over the file size cap
	Empty                           // read, but holds no messages
)

// Skip is an input a run passed over, and why. Detail names the language for
// OtherLanguage and the kind of file for NotRegular.
type Skip struct {
	Path   string
	Reason SkipReason
	Detail string
	// Fail makes the skip an input error too (a file over the cap).
	Fail bool
	Msg  string
}

func (s *Skip) Error() string {
	if s.Msg != "" {
		return s.Path + ": " + s.Msg
	}
	return s.Path + ": skipped"
}

// Is makes every *Skip match ErrSkip.
func (s *Skip) Is(target error) bool { return target == ErrSkip }

// Errors lists err's errors: those joined with errors.Join one by one.
func Errors(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, Errors(e)...)
		}
		return out
	}
	return []error{err}
}

// Result is the outcome of a run over many inputs.
type Result struct {
	Findings []Finding
	// Streamed counts, by severity, the findings a streaming reporter has
	// already written instead of keeping them in Findings.
	Streamed [Error + 1]int
	Errors   []error // inputs that could not be read, in input order
	Files    int
	Skipped  int
	Skips    []Skip // the inputs passed over, in input order, with why
	Messages int
	// Uncompared are the inputs checked but not compared with other files
	// by the rules that look across files (parity), with why.
	Uncompared []Uncompared
}

// Uncompared is an input the rules that look across files did not compare
// with the others.
type Uncompared struct{ Path, Why string }

// WhyUncompared says why the rules that look across files cannot compare
// an input with the others: it was read as a stream, or it is standard
// input among other files, which has no path to pair it by. "" when they
// can.
func WhyUncompared(path string, ld Loaded, inputs int) string {
	switch {
	case ld.Streamed:
		return "read as a stream, its messages were not kept"
	case path == "-" && inputs > 1 && len(ld.Msgs) > 0:
		return "standard input has no path to pair it with its translations by (name the file instead)"
	}
	return ""
}

// Count returns the number of findings at each severity.
func (r *Result) Count(s Severity) int {
	n := 0
	if int(s) < len(r.Streamed) {
		n = r.Streamed[s]
	}
	for i := range r.Findings { // a finding is not copied to read its severity
		if r.Findings[i].Severity == s {
			n++
		}
	}
	return n
}

// Worst is the highest severity found, 0 when there are no findings.
func (r *Result) Worst() Severity {
	var w Severity
	for s, n := range r.Streamed {
		if n > 0 {
			w = max(w, Severity(s))
		}
	}
	for i := range r.Findings {
		w = max(w, r.Findings[i].Severity)
	}
	return w
}

// CheckFiles loads and checks inputs on all cores. A file that fails to load
// is recorded and the others are still checked; the findings come back sorted.
// progress, if not nil, is called after each input with how many are done.
func (l *Linter) CheckFiles(paths []string, load Loader, progress ...func(done, total int)) Result {
	var done atomic.Int64
	type out struct {
		findings []Finding
		msgs     int
		err      error
		kept     []*Message // for the rules that look across files
		// uncompared says why the rules that look across files cannot
		// compare the input with the others; "" when they can.
		uncompared string
	}
	keep := l.hasSets()
	results := make([]out, len(paths))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < min(runtime.GOMAXPROCS(0), max(len(paths), 1)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				ld, err := load(paths[i])
				lin := l
				if ld.Linter != nil {
					lin = ld.Linter
				}
				results[i] = out{findings: joined(lin.CheckFile(ld.Msgs), ld.Findings), msgs: len(ld.Msgs) + ld.Count, err: err}
				if keep {
					results[i].kept = l.keep(ld.Msgs)
					results[i].uncompared = WhyUncompared(paths[i], ld, len(paths))
				}
				n := int(done.Add(1))
				for _, p := range progress {
					p(n, len(paths))
				}
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	res := Result{Files: len(paths), Findings: []Finding{}}
	var files [][]*Message
	found := make([][]Finding, 0, len(results)+1)
	for i, r := range results {
		if len(r.kept) > 0 {
			files = append(files, r.kept)
		}
		if r.uncompared != "" && r.err == nil {
			res.Uncompared = append(res.Uncompared, Uncompared{paths[i], r.uncompared})
		}
		var skip *Skip
		if errors.As(r.err, &skip) {
			res.Files--
			res.Skipped++
			res.Skips = append(res.Skips, *skip)
			if skip.Fail {
				res.Errors = append(res.Errors, skip)
			}
			continue
		}
		found = append(found, r.findings)
		res.Messages += r.msgs
		res.Errors = append(res.Errors, Errors(r.err)...)
	}
	if len(files) > 0 {
		found = append(found, l.CheckSets(files))
	}
	if all := joined(found...); all != nil {
		res.Findings = all
	}
	SortFindings(res.Findings)
	return res
}

// joined is the findings of parts in order: the one part that holds any
// as it is (a run of one file, a stream's findings), else a copy of them all
// made at its size; nil when there are none.
func joined(parts ...[]Finding) []Finding {
	n, last := 0, -1
	for i, p := range parts {
		if len(p) > 0 {
			n += len(p)
			last = i
		}
	}
	switch {
	case last < 0:
		return nil
	case n == len(parts[last]):
		return parts[last]
	}
	out := make([]Finding, 0, n)
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}
