package hook

import (
	"hash/maphash"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/policy"
)

// draftCache keeps what the template rules found in recent drafts. A
// sending pipeline checks one template's text for each of many people, and
// what the template rules find depends only on the draft as they read it
// (its texts, language, kind, channel, messaging type and tag) and on the
// configuration (the checker), never on the conversation: those are the
// key, and a hit skips the template rules. The conversation rules still
// judge every check.
//
// A draft is kept the second time it is seen: most drafts are written for
// one person, and keeping each would only grow the heap the collector
// scans. The drafts seen once are remembered by a hash, in a map without
// pointers, cleared when it holds as many as the budget allows.
//
// It is bounded in bytes (keys and findings counted), in two generations:
// new entries go to the young one; when it is full it becomes the old one
// and the one before is dropped; a hit in the old one moves the entry back
// to the young one. So what is checked often stays, and the cache never
// holds more than the budget.
//
// Every check takes a lock of the cache: it is split in shards by the
// draft's hash, each with its part of the budget, so that a check whose
// thread the system sets aside while it holds one holds up only the checks
// of that shard.
type draftCache struct {
	seed   maphash.Seed
	shards []draftShard
}

type draftShard struct {
	mu         sync.Mutex
	young, old map[draftKey]*drafted
	youngBytes int64
	budget     int64
	once       map[uint64]struct{} // the hashes of the drafts seen once
}

// onceBytes is what a hash in draftShard.once costs, roughly: the once
// map may hold a quarter of the budget's worth.
const onceBytes = 16

// shardBudget is the least budget a shard has: a smaller cache has fewer
// shards.
const shardBudget = 1 << 20

type draftKey struct {
	config *policy.Checker
	draft  string // the draft as the template rules read it (draftText)
}

// drafted is one draft's findings, with no message: a hit places them in
// the message it answers; and what the conversation rules read in its
// text, filled by the first judgement of it.
type drafted struct {
	findings []lint.Finding
	memo     policy.DraftMemo
	size     int64
	key      string // the entry's key text
}

// maxCachedDraft is the longest draft kept, in bytes of its texts: a
// draft longer than any channel sends is checked each time.
const maxCachedDraft = 8 << 10

// defaultDraftCache is the cache's budget when the config sets none.
const defaultDraftCache = 16 << 20

func newDraftCache(budget int64) *draftCache {
	if budget <= 0 {
		return nil
	}
	c := &draftCache{seed: maphash.MakeSeed(), shards: make([]draftShard, min(16, max(1, budget/shardBudget)))}
	for i := range c.shards {
		c.shards[i] = draftShard{young: map[draftKey]*drafted{}, old: map[draftKey]*drafted{}, budget: budget / int64(len(c.shards)), once: map[uint64]struct{}{}}
	}
	return c
}

// check is the template rules' findings in m under config, from the cache
// when the draft is kept (then placed in m), else checked, and kept if it
// was seen once before; and the draft's memo for the conversation rules
// (nil when it is not kept). A nil cache checks every time.
func (c *draftCache) check(config *policy.Checker, m *lint.Message) (fs []lint.Finding, memo *policy.DraftMemo, hit bool) {
	if c == nil {
		return config.CheckDraft(m), nil, false
	}
	bp := keyBufs.Get().(*[]byte)
	defer keyBufs.Put(bp)
	key, ok := appendDraftText((*bp)[:0], m)
	*bp = key
	if !ok {
		return config.CheckDraft(m), nil, false
	}
	// The key is looked up as it is, in the pooled buffer: only an entry
	// kept owns a copy (put), and no map keeps this one (get).
	k := draftKey{config: config, draft: unsafe.String(unsafe.SliceData(key), len(key))}
	// The hash picks the shard and stands for the draft among those seen
	// once; the config is left out of it, so a draft seen under one config
	// may be kept the first time it is seen under another.
	h := maphash.String(c.seed, k.draft)
	sh := &c.shards[h%uint64(len(c.shards))]
	d, keep := sh.get(k, h)
	if d != nil {
		fs = make([]lint.Finding, len(d.findings))
		for i, f := range d.findings {
			f.Msg, f.MessageID = m, m.ID
			fs[i] = f
		}
		return fs, &d.memo, true
	}
	fs = config.CheckDraft(m)
	if !keep {
		return fs, nil, false
	}
	k.draft = string(key)
	return fs, sh.put(k, fs), false
}

// keyBufs are the buffers a check's draft key is made in.
var keyBufs = sync.Pool{New: func() any { b := make([]byte, 0, 512); return &b }}

// get is k's entry; without one, whether k (of hash h) was seen before,
// and so is to be kept now. k's text may be a buffer's, reused after:
// an entry moved back to the young generation goes under its own key.
func (c *draftShard) get(k draftKey, h uint64) (d *drafted, keep bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if d, ok := c.young[k]; ok {
		return d, false
	}
	if d, ok := c.old[k]; ok {
		delete(c.old, k)
		c.add(draftKey{config: k.config, draft: d.key}, d)
		return d, false
	}
	if _, ok := c.once[h]; ok {
		delete(c.once, h)
		return nil, true
	}
	if int64(len(c.once)+1)*onceBytes > c.budget/4 {
		clear(c.once)
	}
	c.once[h] = struct{}{}
	return nil, false
}

func (c *draftShard) put(k draftKey, fs []lint.Finding) *policy.DraftMemo {
	d := &drafted{findings: make([]lint.Finding, len(fs)), key: k.draft}
	// The memo's diagnostics may quote the text: counted as the text
	// twice more, beside the memo's own.
	d.size = 3*int64(len(k.draft)) + policy.MemoBytes + int64(unsafe.Sizeof(draftKey{})+unsafe.Sizeof(drafted{})) + entryOverhead
	for i, f := range fs {
		// The message is not kept: it would hold the draft's text and
		// tokens, and the next hit is another message. The texts are
		// copied: one cut from the request's text would hold all of it.
		f.Msg, f.MessageID = nil, ""
		f.Message, f.Suggestion = strings.Clone(f.Message), strings.Clone(f.Suggestion)
		if f.Fix != nil {
			f.Fix = &lint.FileEdit{Start: f.Fix.Start, End: f.Fix.End, New: strings.Clone(f.Fix.New)}
		}
		d.findings[i] = f
		d.size += int64(unsafe.Sizeof(f)) + int64(len(f.Message)+len(f.Suggestion))
		if f.Fix != nil {
			d.size += int64(unsafe.Sizeof(*f.Fix)) + int64(len(f.Fix.New))
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.young[k]; ok {
		return &e.memo // another check of the draft kept it first
	}
	c.add(k, d)
	return &d.memo
}

// entryOverhead is roughly what a map entry and its pointer cost beyond
// the key and the value.
const entryOverhead = 64

// add puts an entry in the young generation, turning the generations over
// when it is full; c.mu is held.
func (c *draftShard) add(k draftKey, d *drafted) {
	// A generation holds three eighths of the budget: two, and the hashes
	// of the drafts seen once, hold it all.
	gen := c.budget * 3 / 8
	if d.size > gen {
		return
	}
	if c.youngBytes+d.size > gen {
		c.old, c.young, c.youngBytes = c.young, make(map[draftKey]*drafted, len(c.young)), 0
	}
	c.young[k] = d
	c.youngBytes += d.size
}

// bytes is what the cache holds, in the bytes its budget counts.
func (c *draftCache) bytes() int64 {
	var n int64
	for i := range c.shards {
		sh := &c.shards[i]
		sh.mu.Lock()
		n += sh.youngBytes + int64(len(sh.once))*onceBytes
		for _, d := range sh.old {
			n += d.size
		}
		sh.mu.Unlock()
	}
	return n
}

// appendDraftText appends m as the template rules read it, each part
// length-prefixed so that no two drafts share a key; false for a message
// that is not cached: one with more than a plain draft has (elements, a
// template's structure, a profile, rules switched off for it) or a longer
// one than maxCachedDraft.
func appendDraftText(b []byte, m *lint.Message) ([]byte, bool) {
	if m == nil || len(m.Elements) > 0 || m.Template != nil || m.Profile || len(m.Disable) > 0 || m.Source == nil {
		return b, false
	}
	n := len(m.Body.Text) + len(m.Source.Path) + len(m.Lang) + len(m.Kind) + len(m.KindFrom) + len(m.Channel) + len(m.MessagingType) + len(m.Tag) + 64
	for _, f := range m.QuickReplies {
		n += len(f.Text) + 8
	}
	for _, f := range m.Buttons {
		n += len(f.Text) + 8
	}
	if n > maxCachedDraft {
		return b, false // longer than a channel sends: checked each time
	}
	b = slices.Grow(b, n)
	str := func(s string) {
		b = appendLen(b, len(s))
		b = append(b, ':')
		b = append(b, s...)
	}
	for _, s := range [...]string{m.Source.Path, string(m.Lang), strconv.FormatBool(m.LangDetected), string(m.Kind), m.KindFrom, string(m.Channel),
		m.MessagingType, m.Tag, strconv.Itoa(int(m.Syntax)), m.Body.Text} {
		str(s)
	}
	for _, parts := range [...][]lint.Field{m.QuickReplies, m.Buttons} {
		b = appendLen(b, len(parts))
		b = append(b, '#')
		for _, f := range parts {
			str(f.Text)
		}
	}
	return b, true
}

// appendLen appends n in decimal: most of a key's lengths are a digit or
// two, written here without strconv's general path.
func appendLen(b []byte, n int) []byte {
	switch {
	case n < 10:
		return append(b, byte('0'+n))
	case n < 100:
		return append(b, byte('0'+n/10), byte('0'+n%10))
	}
	return strconv.AppendInt(b, int64(n), 10)
}
