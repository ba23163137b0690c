package rules

import (
	"regexp"
	"sync"
)

// lazyRegexp is a pattern compiled the first time it is used. A class such
// as \p{L} takes a few hundred microseconds to compile, which a cold check
// of a small file paid at start for patterns (an e-mail address, a name from
// code) that its text may never reach: their callers look for an @ or an _
// first, or reach them only after a cue.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
