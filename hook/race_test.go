//go:build race

package hook

// raceEnabled: the race detector slows every request several times over,
// so the latency bounds of the load tests are checked in a plain build
// (.ci/run runs them once more without -race).
const raceEnabled = true
