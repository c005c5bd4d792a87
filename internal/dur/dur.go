// Package dur holds slakit's one text form of a duration: Go's duration syntax
// without zero units ("24h", "1h49m", "41m18.6s", "-1h37m41.4s"), which
// [time.ParseDuration] reads back exactly.
package dur

import (
	"strings"
	"time"

	"github.com/slakit/slakit/internal/fault"
)

// Format writes d in the shortest exact form: "24h", "1h49m", "41m18.6s",
// "0s"; never "24h0m0s".
func Format(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = s[:len(s)-2]
	}
	if strings.HasSuffix(s, "h0m") {
		s = s[:len(s)-2]
	}
	return s
}

// Parse reads a duration in Go's syntax ("24h", "1h30m", "90s"); the error is
// a [fault.FieldError] with no field, carrying the value and what is wanted,
// so that callers put their path in front with [fault.At].
func Parse(s string) (time.Duration, error) {
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fault.Field("", s, fault.ErrSyntax, `want a duration such as "24h", "1h30m" or "90s"`)
	}
	return d, nil
}
