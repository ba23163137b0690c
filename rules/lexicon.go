package rules

//go:generate go run ./internal/compiledata

import (
	"embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/msglint/msglint/lint"
	"github.com/msglint/msglint/lint/dict"
	"gopkg.in/yaml.v3"
)

//go:embed data/*.yaml
var dataFS embed.FS

// compiledData (data_compiled.go, written by go generate;
// TestCompiledDataIsFresh holds it to the YAML) are the rule data files of
// data/ decoded ahead of time: decoding the YAML at every start was an eighth
// of a cold check of a small file, and its JSON still a tenth.

// loadData reads a rule's data file (see lint.RuleData): compiled when it
// is, else its YAML.
func loadData(file string) *lint.RuleData {
	if d, ok := compiledData.Load(file); ok {
		return d
	}
	return lint.LoadRuleData(dataFS, "data/"+file)
}

// Lexicon is a rule's cue lists: language -> list name -> cues.
type Lexicon map[lint.Lang]map[string][]string

// LexiconOptions lets a config extend or replace a rule's built-in lists:
//
//	add:     {tr: {markers: ["ne hoş"]}}
//	replace: {en: {acronyms: [FAQ, SKU]}}
type LexiconOptions struct {
	Add     Lexicon `yaml:"add,omitempty"`
	Replace Lexicon `yaml:"replace,omitempty"`
}

// apply returns base with the options' additions and replacements. Unknown
// languages and list names are errors, so a typo does not silently do nothing.
func (o LexiconOptions) apply(base Lexicon) (Lexicon, error) {
	out := Lexicon{}
	for l, lists := range base {
		out[l] = map[string][]string{}
		for name, cues := range lists {
			out[l][name] = slices.Clone(cues)
		}
	}
	for _, ch := range []struct {
		what string
		lx   Lexicon
		set  func(old, given []string) []string
	}{
		{"add", o.Add, func(old, given []string) []string { return append(old, given...) }},
		{"replace", o.Replace, func(_, given []string) []string { return slices.Clone(given) }},
	} {
		for l, lists := range ch.lx {
			if _, ok := out[l]; !ok {
				return nil, fmt.Errorf("%s: no word lists for %q (have %s)", ch.what, l, strings.Join(langKeys(out), ", "))
			}
			for name, cues := range lists {
				if _, ok := out[l][name]; !ok {
					return nil, fmt.Errorf("%s.%s: unknown list %q (have %s)", ch.what, l, name, strings.Join(listKeys(out[l]), ", "))
				}
				for _, c := range cues {
					if err := lint.CheckCue(c); err != nil {
						return nil, fmt.Errorf("%s.%s.%s: %v", ch.what, l, name, err)
					}
				}
				out[l][name] = ch.set(out[l][name], cues)
			}
		}
	}
	return out, nil
}

func langKeys(lx Lexicon) []string {
	var ks []string
	for l := range lx {
		ks = append(ks, string(l))
	}
	slices.Sort(ks)
	return ks
}

func listKeys(m map[string][]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// phraseBook is a lexicon compiled for matching: each list on its own, and
// all of a language's lists in one matcher for rules that look for many of
// them in every message (see findAll). A language's matchers are built the
// first time a message in it is checked: a run over English messages never
// builds the Turkish ones, and start-up builds none.
type phraseBook struct {
	// lists are each language's lists, each built on its first use: a
	// rule that asks for a few lists of a lexicon one by one (the
	// forwarding rule's gate asks for five) does not build them all.
	lists map[lint.Lang]map[string]*lazy[*lint.Phrases]
	all   map[lint.Lang]*lazy[combined]
	// by are lists and all read by a message's language: rules ask for
	// lists several times a message, and a map keyed by language
	// compares the keys' strings each time.
	by *bookTables
	lx Lexicon
	// names are the lexicon's list names in every language, sorted: a
	// list's number (see findLists) is its place here.
	names []string
	typos bool // find only cues one typo away (see withTypos)
}

// bookTables are a phrase book's lists and combined matchers by language.
type bookTables struct {
	lists lint.LangTable[map[string]*lazy[*lint.Phrases]]
	all   lint.LangTable[*lazy[combined]]
	// numbered are each language's lists by their number (their place in
	// the book's names; nil where the language has none), and names the
	// numbers of the names by a hash of a few of their bytes: a list is
	// asked for by its name several times a message, and the map's hash
	// of the whole name cost more than the rule's look-up.
	numbered lint.LangTable[[]*lazy[*lint.Phrases]]
	names    listNumbers
}

// listNumbers finds a list's number by its name without hashing it: slot
// holds, by nameSlot of a name, its number plus one (0: no name there);
// seed is one for which no two names share a slot (0: none was found,
// and the lists are looked up by name).
type listNumbers struct {
	names []string
	seed  uint64
	slot  [listSlots]int16
}

const listSlotBits = 11
const listSlots = 1 << listSlotBits

// nameSlot is a name's slot under seed: its length and three of its
// bytes, mixed.
func nameSlot(name string, seed uint64) int {
	n := len(name)
	k := uint64(n) | uint64(name[0])<<8 | uint64(name[n/2])<<16 | uint64(name[n-1])<<24 | uint64(name[n/3])<<32
	return int((k * seed) >> (64 - listSlotBits))
}

// newListNumbers numbers names (at most 32 767 of them), with the first
// seed of a few hundred tried under which no two share a slot.
func newListNumbers(names []string) listNumbers {
	ln := listNumbers{names: names}
	if len(names) == 0 || len(names) >= 1<<15 || slices.Contains(names, "") {
		return ln
	}
seeds:
	for try := uint64(1); try <= 500; try++ {
		seed := try*0x9e3779b97f4a7c15 | 1
		clear(ln.slot[:])
		for i, name := range names {
			at := &ln.slot[nameSlot(name, seed)]
			if *at != 0 {
				continue seeds
			}
			*at = int16(i + 1)
		}
		ln.seed = seed
		return ln
	}
	return ln
}

// number is the number of a list name, -1 if no language has a list of
// that name; ok is false when the names found no seed.
func (ln *listNumbers) number(name string) (n int, ok bool) {
	if ln.seed == 0 {
		return -1, false
	}
	if name == "" {
		return -1, true
	}
	if i := int(ln.slot[nameSlot(name, ln.seed)]) - 1; i >= 0 && ln.names[i] == name {
		return i, true
	}
	return -1, true
}

// lazy is a value made on its first use, once, and read after that with
// one load: a phrase book's matchers are asked for several times a
// message, and sync.OnceValue's call cost more than the load.
type lazy[T any] struct {
	v     atomic.Pointer[T]
	once  sync.Once
	build func() T
}

func newLazy[T any](build func() T) *lazy[T] { return &lazy[T]{build: build} }

// get is the value, made if it is not yet.
func (z *lazy[T]) get() T {
	if v := z.v.Load(); v != nil {
		return *v
	}
	z.once.Do(func() {
		v := z.build()
		z.v.Store(&v)
	})
	return *z.v.Load()
}

// combined is every list of a language in one matcher, with the lists each
// cue belongs to.
type combined struct {
	p     *lint.Phrases
	names []string // the lists, in order: the book's names
	// lists are, by the number of a cue of p (lint.Phrases.Number), the
	// lists holding the cue its matches name, by their place in names:
	// a match is filed by its cue's number, not by hashing its text.
	lists [][]int32
}

func (lx Lexicon) compile() phraseBook { return lx.book(false) }

// listNames are the names of a lexicon's lists in any language, sorted.
func (lx Lexicon) listNames() []string {
	var names []string
	for _, lists := range lx {
		for name := range lists {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// book is the lexicon's phrase book, its matchers built on first use;
// typos makes them find cues one typo away (see withTypos).
func (lx Lexicon) book(typos bool) phraseBook {
	pb := phraseBook{lists: map[lint.Lang]map[string]*lazy[*lint.Phrases]{}, all: map[lint.Lang]*lazy[combined]{}, lx: lx, names: lx.listNames(), typos: typos}
	for l, lists := range lx {
		byName := make(map[string]*lazy[*lint.Phrases], len(lists))
		for name, cues := range lists {
			byName[name] = newLazy(func() *lint.Phrases {
				p := lint.NewPhrases(l, cues)
				if typos {
					p.AllowTypos(knownWord(l))
				}
				return p
			})
		}
		pb.lists[l] = byName
		pb.all[l] = newLazy(func() combined {
			c := combined{names: pb.names}
			byCue := map[string][]int32{}
			var cues []string
			for i, name := range c.names {
				for _, cue := range lists[name] {
					if len(byCue[cue]) == 0 {
						cues = append(cues, cue)
					}
					if !slices.Contains(byCue[cue], int32(i)) {
						byCue[cue] = append(byCue[cue], int32(i))
					}
				}
			}
			c.p = lint.NewPhrases(l, cues)
			if typos {
				c.p.AllowTypos(knownWord(l))
			}
			// A match is in the lists of the cue its Cue names, which is
			// its own cue but for one written with spaces around it.
			c.lists = make([][]int32, len(cues))
			for n := range cues {
				c.lists[n] = byCue[c.p.MatchCue(n)]
			}
			return c
		})
	}
	numbered := map[lint.Lang][]*lazy[*lint.Phrases]{}
	for l, byName := range pb.lists {
		lists := make([]*lazy[*lint.Phrases], len(pb.names))
		for i, name := range pb.names {
			lists[i] = byName[name]
		}
		numbered[l] = lists
	}
	pb.by = &bookTables{lists: lint.NewLangTable(pb.lists), all: lint.NewLangTable(pb.all),
		numbered: lint.NewLangTable(numbered), names: newListNumbers(pb.names)}
	return pb
}

// combined returns a language's combined matcher.
func (pb phraseBook) combined(l lint.Lang) (combined, bool) {
	build, ok := pb.all[l]
	if !ok {
		return combined{}, false
	}
	return build.get(), true
}

// combinedIn returns the combined matcher of a message's language.
func (pb phraseBook) combinedIn(m *lint.Message) (combined, bool) {
	if pb.by == nil { // a book made by no compile: it has no lists
		return pb.combined(m.Lang)
	}
	build := pb.by.all.Of(m)
	if build == nil {
		return combined{}, false
	}
	return build.get(), true
}

// wordSets turns one list per language into sets of normalised words.
func (lx Lexicon) wordSets(list string) map[lint.Lang]map[string]bool {
	out := map[lint.Lang]map[string]bool{}
	for l, lists := range lx {
		out[l] = map[string]bool{}
		for _, w := range lists[list] {
			out[l][lint.NormWord(l, w)] = true
		}
	}
	return out
}

// find returns the cues of one list found in a message's body.
func (pb phraseBook) find(m *lint.Message, list string) []lint.Match {
	p := pb.listIn(m, list)
	switch {
	case p == nil:
		return nil
	case pb.typos:
		return p.FindTyposIn(m)
	}
	return p.FindIn(m)
}

// list is one list's matcher in a language, nil if it has none.
func (pb phraseBook) list(l lint.Lang, list string) *lint.Phrases {
	if build, ok := pb.lists[l][list]; ok {
		return build.get()
	}
	return nil
}

// listIn is one list's matcher in a message's language, nil if it has
// none.
func (pb phraseBook) listIn(m *lint.Message, list string) *lint.Phrases {
	if pb.by == nil { // a book made by no compile: it has no lists
		return pb.list(m.Lang, list)
	}
	if n, ok := pb.by.names.number(list); ok {
		if lists := pb.by.numbered.Of(m); n >= 0 && n < len(lists) && lists[n] != nil {
			return lists[n].get()
		}
		return nil
	}
	if build, ok := pb.by.lists.Of(m)[list]; ok {
		return build.get()
	}
	return nil
}

// withTypos lets the book's long cue words match a word one typo away (see
// lint.Phrases.AllowTypos): for courtesies, which people type in a hurry.
// The book finds only what is one typo away: a rule asks it only when the
// cues as written are not there.
func (pb phraseBook) withTypos() phraseBook {
	return pb.lx.book(true)
}

// knownWord asks a language's spelling dictionary (loaded on the first
// question) whether a word is one of its words: a real word is never
// another's typo. A language without a dictionary knows none.
func knownWord(l lint.Lang) func(string) bool {
	return func(w string) bool {
		d, err := dict.For(string(l))
		return err == nil && d.Has(w)
	}
}

// findAll returns the cues of every list found in a message's body, by
// list, in one pass over its words. The lists' matches share one
// allocation, each list's slice capped at its own, so a rule may append to
// one without writing over another.
func (pb phraseBook) findAll(m *lint.Message) map[string][]lint.Match {
	s := findAllScratches.Get().(*cueScratch)
	defer findAllScratches.Put(s)
	found := pb.findAllIn(m, s)
	if found == nil {
		return nil // most messages
	}
	// Copied out of the scratch, which the next message reuses.
	n := 0
	for _, ms := range found {
		n += len(ms)
	}
	all := make([]lint.Match, 0, n)
	out := make(map[string][]lint.Match, len(found))
	for _, l := range s.hits {
		start := len(all)
		all = append(all, found[pb.names[l]]...)
		out[pb.names[l]] = all[start:len(all):len(all)]
	}
	return out
}

// findAllScratches are findAll's memory while it sorts a message's cues.
var findAllScratches = sync.Pool{New: func() any { return new(cueScratch) }}

// cueScratch is the memory of findAllIn and findLists for a rule that asks
// for a message's lists on every message and is done with them when its
// check returns: the lists, the map, the matches' array and the lists'
// counts, reused from one message to the next.
type cueScratch struct {
	lists [][]lint.Match // by list number
	hits  []int32        // the lists found, ascending
	found map[string][]lint.Match
	cues  []lint.Match // the lists in one's matches
	nums  []int32      // their cues' numbers
	of    [][]int32    // each of cues' lists
	all   []lint.Match
	ends  []int32
}

// findAllIn is findAll answered in s's memory: what it returns is
// overwritten by the next call with s.
func (pb phraseBook) findAllIn(m *lint.Message, s *cueScratch) map[string][]lint.Match {
	if s.found != nil {
		clear(s.found)
	}
	c, found, nums := pb.cuesIn(m, s.cues[:0], s.nums[:0])
	s.cues, s.nums = found, nums
	if len(found) == 0 {
		return nil // most messages
	}
	lists := s.sort(c, found, nums, len(pb.names))
	out := s.found
	if out == nil {
		out = make(map[string][]lint.Match, len(s.hits))
		s.found = out
	}
	for _, l := range s.hits {
		out[pb.names[l]] = lists[l]
	}
	return out
}

// findLists returns the cues of every list found in a message's body, by
// list number (a list's place in pb.names), in one pass over its words:
// a rule that reads the lists by number hashes no name. The slice has at
// least size entries, the lists' and, after them, empty ones the caller
// may use for its own; it and the lists' matches are s's memory,
// overwritten by the next call with s. s.hits are the numbers of the
// lists found, ascending. Each list's slice is capped at its own, so a
// rule may append to one without writing over another.
func (pb phraseBook) findLists(m *lint.Message, s *cueScratch, size int) [][]lint.Match {
	c, found, nums := pb.cuesIn(m, s.cues[:0], s.nums[:0])
	s.cues, s.nums = found, nums
	return s.sort(c, found, nums, max(size, len(pb.names)))
}

// cuesIn are the cues of a language's lists in one found in a message,
// appended to buf, their cues' numbers (lint.Phrases.Number) appended to
// nums, and the lists in one.
func (pb phraseBook) cuesIn(m *lint.Message, buf []lint.Match, nums []int32) (combined, []lint.Match, []int32) {
	c, ok := pb.combinedIn(m)
	switch {
	case !ok:
		return c, nil, nums
	case pb.typos:
		found := c.p.FindTyposIn(m)
		for i := range found {
			nums = append(nums, c.p.Number(found[i].Cue))
		}
		return c, found, nums
	}
	found, nums := c.p.AppendNumbered(buf, nums, m)
	return c, found, nums
}

// sort puts the matches of c's lists in one in their lists, in s.lists
// (size entries, those of no list found empty) and s.hits; nums are the
// matches' cues' numbers.
func (s *cueScratch) sort(c combined, found []lint.Match, nums []int32, size int) [][]lint.Match {
	if cap(s.lists) < size {
		s.lists = make([][]lint.Match, size)
	}
	s.lists = s.lists[:size]
	clear(s.lists)
	s.hits = s.hits[:0]
	if len(found) == 0 {
		return s.lists // most messages
	}
	// Each list's matches counted, then written in its part of all.
	lists := s.of[:0]
	ends := slices.Grow(s.ends[:0], len(c.names))[:len(c.names)]
	clear(ends)
	s.ends = ends
	for _, n := range nums {
		var ls []int32
		if n >= 0 {
			ls = c.lists[n]
		}
		lists = append(lists, ls)
		for _, l := range ls {
			if ends[l] == 0 {
				s.hits = append(s.hits, l)
			}
			ends[l]++
		}
	}
	s.of = lists
	slices.Sort(s.hits)
	var total int32
	for _, l := range s.hits {
		n := ends[l]
		ends[l] = total // where the list starts; its end once filled
		total += n
	}
	if cap(s.all) < int(total) {
		s.all = make([]lint.Match, total)
	}
	all := s.all[:total]
	for i, mt := range found {
		for _, l := range lists[i] {
			all[ends[l]] = mt
			ends[l]++
		}
	}
	start := int32(0)
	for _, l := range s.hits {
		end := ends[l]
		s.lists[l] = all[start:end:end]
		start = end
	}
	return s.lists
}

// has reports whether any cue of a list is in a message's body, without
// copying the cues out as find does.
func (pb phraseBook) has(m *lint.Message, list string) bool {
	p := pb.listIn(m, list)
	switch {
	case p == nil:
		return false
	case pb.typos:
		return len(p.FindTyposIn(m)) > 0
	}
	return p.HasIn(m)
}

// lexiconRule builds the constructor shared by the rules whose options are a
// lexicon plus their own settings: T embeds LexiconOptions inline.
func lexiconRule[T any](defaults T, base Lexicon, lex func(*T) *LexiconOptions, build func(T, Lexicon, phraseBook) lint.Check) func(*yaml.Node) (lint.Check, error) {
	return func(node *yaml.Node) (lint.Check, error) {
		o, err := lint.DecodeOptions(node, defaults)
		if err != nil {
			return nil, err
		}
		lx, err := lex(&o).apply(base)
		if err != nil {
			return nil, err
		}
		return build(o, lx, lx.compile()), nil
	}
}

// sentenceOf returns the index of the sentence holding byte offset off: the
// first that ends after it, else the last (-1 for none). sents are in text
// order; a binary search, as the rules ask for every word and match, and a
// scan made a long message quadratic.
func sentenceOf(sents []lint.Span, off int) int {
	lo, hi := 0, len(sents)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if off < sents[mid].End {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return min(lo, len(sents)-1)
}

// sentenceFrom is sentenceOf(sents, off) for an offset at or after the one
// sentence i was the answer for (start a walk at min(0, len(sents)-1)): a
// walk over a message's tokens in order moves on instead of searching.
func sentenceFrom(sents []lint.Span, i, off int) int {
	for i < len(sents)-1 && off >= sents[i].End {
		i++
	}
	return i
}

// anyLang is the union of one word set over every language that has it.
func anyLang(d *lint.RuleData, list string) map[string]bool {
	out := map[string]bool{}
	for _, words := range d.WordSets(list) {
		for w := range words {
			out[w] = true
		}
	}
	return out
}
