package policy

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// where names an earlier event: by its line in a transcript, by its time in
// the hook, which has no lines.
func where(line int, at time.Time) string {
	if line > 0 {
		return "on line " + strconv.Itoa(line)
	}
	return "at " + at.UTC().Format(time.RFC3339)
}

func orNone(s []string) string {
	if len(s) == 0 {
		return "none"
	}
	return strings.Join(s, ", ")
}

// human writes a duration the way people say it: 1d2h, 2h5m, 45m, 1s.
func human(d time.Duration) string {
	if d < 0 {
		d = -d
	}
	d = d.Round(time.Second)
	var buf [32]byte
	b := buf[:0]
	for _, u := range [...]struct {
		size time.Duration
		name byte
	}{{24 * time.Hour, 'd'}, {time.Hour, 'h'}, {time.Minute, 'm'}, {time.Second, 's'}} {
		if n := d / u.size; n > 0 {
			b = append(strconv.AppendInt(b, int64(n), 10), u.name)
			d -= n * u.size
		}
	}
	if len(b) == 0 {
		return "0s"
	}
	return string(b)
}

// missedBy says how late a send was: "2h5m after", or "at the second".
func missedBy(d time.Duration) string {
	if d == 0 {
		return "at the second"
	}
	return human(d) + " after"
}

// length says a period in words: "24 hours", "7 days", "15 minutes".
func length(d time.Duration) string {
	plural := func(n time.Duration, unit string) string {
		if n == 1 {
			return "1 " + unit
		}
		return fmt.Sprintf("%d %ss", n, unit)
	}
	switch {
	case d >= 48*time.Hour && d%(24*time.Hour) == 0:
		return plural(d/(24*time.Hour), "day")
	case d >= time.Hour && d%time.Hour == 0:
		return plural(d/time.Hour, "hour")
	case d >= time.Minute && d%time.Minute == 0:
		return plural(d/time.Minute, "minute")
	}
	return human(d)
}

// span names a window's length: "24-hour", "7-day".
func span(d time.Duration) string {
	switch {
	case d >= 48*time.Hour && d%(24*time.Hour) == 0:
		return fmt.Sprintf("%d-day", d/(24*time.Hour))
	case d%time.Hour == 0:
		return fmt.Sprintf("%d-hour", d/time.Hour)
	}
	return human(d)
}

func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return fmt.Sprintf("%d%s", n, suffix)
}
