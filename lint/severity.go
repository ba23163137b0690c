package lint

import (
	"fmt"
	"strings"
)

// Severity orders findings; a higher value is more severe.
type Severity int

const (
	// Info is advice that never fails a run unless --fail-on info.
	Info Severity = iota + 1
	// Warning is guidance: a message that works but serves the customer badly.
	Warning
	// Error is a message that breaks a platform limit or a policy.
	Error
)

var severityNames = [...]string{Info: "info", Warning: "warning", Error: "error"}

func (s Severity) String() string {
	if s >= Info && s <= Error {
		return severityNames[s]
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// ParseSeverity reads "error", "warning" or "info" (any case).
func ParseSeverity(v string) (Severity, error) {
	for s := Info; s <= Error; s++ {
		if strings.EqualFold(v, severityNames[s]) {
			return s, nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning or info)", v)
}

// MarshalText makes Severity a plain string in JSON and YAML.
func (s Severity) MarshalText() ([]byte, error) {
	if s < Info || s > Error {
		return nil, fmt.Errorf("invalid severity %d", int(s))
	}
	return []byte(s.String()), nil
}

// UnmarshalText accepts the names ParseSeverity accepts.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}
