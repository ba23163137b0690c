//go:build race

package hook

// raceEnabled: the race detector slows every request several times over,
// so the load tests check their latency bounds in a plain build only
// (.ci/run runs them once more without -race); under it they check that
// every request is answered.
const raceEnabled = true
