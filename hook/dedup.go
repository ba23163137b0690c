package hook

import (
	"crypto/sha256"
	"encoding/base64"
	"slices"
	"time"

	"github.com/msglint/msglint/policy"
)

// Meta retries a delivery that was not acknowledged for up to 36 hours;
// the hook remembers what it applied for twice that.
const (
	dedupFor   = 72 * time.Hour
	maxApplied = 1024 // ids remembered per conversation, the latest
)

// idDigest is how an event id is remembered: short, whatever the id's
// length.
func idDigest(id string) string {
	sum := sha256.Sum256([]byte(id))
	return base64.RawURLEncoding.EncodeToString(sum[:12])
}

// applyOnce applies an event to a state unless an event with its id was
// applied before; it says whether it applied it.
func applyOnce(st *policy.State, e *policy.Event, now time.Time, apply func()) bool {
	if e.EventID == "" {
		apply()
		return true
	}
	d := idDigest(e.EventID)
	if _, ok := st.Applied[d]; ok {
		return false
	}
	apply()
	if st.Applied == nil {
		st.Applied = map[string]int64{}
	}
	st.Applied[d] = now.Unix()
	forget(st.Applied, now)
	return true
}

// forget drops the ids older than dedupFor, and the oldest past maxApplied.
func forget(applied map[string]int64, now time.Time) {
	from := now.Add(-dedupFor).Unix()
	for d, at := range applied {
		if at < from {
			delete(applied, d)
		}
	}
	if len(applied) <= maxApplied {
		return
	}
	ats := make([]int64, 0, len(applied))
	for _, at := range applied {
		ats = append(ats, at)
	}
	slices.Sort(ats)
	cut := ats[len(ats)-maxApplied]
	for d, at := range applied {
		if at < cut {
			delete(applied, d)
		}
	}
}
