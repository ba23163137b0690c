//go:build race

package lint

// raceEnabled: under the race detector sync.Pool drops some of what it is
// given back, so a test of what a recycled slice saves cannot count on it.
const raceEnabled = true
