//go:build race

package policy

// raceEnabled: the race detector slows regexps many times over, and the
// tests that hold hand-written readers to their patterns on the whole
// corpus run on goroutine-free code: under it they read a sample.
const raceEnabled = true
