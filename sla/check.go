package sla

import (
	"strconv"
	"time"

	"github.com/slakit/slakit/internal/fault"
)

// checkEvents refuses an event recorded under another ticket: exports that
// keep events in a file of their own name the ticket of each.
func checkEvents(t *Ticket) error {
	for i := range t.Events {
		if id := t.Events[i].Ticket; id != "" && id != t.ID {
			return fault.Field(fault.Index("events", i)+".ticket", id, ErrInvalid,
				"want "+strconv.Quote(t.ID)+", the ticket it is recorded in: an event of another ticket")
		}
	}
	return nil
}

// checkYear refuses an instant outside years 1–9999; the zero instant is
// left to the caller.
func checkYear(path string, t time.Time) error {
	if inYears(t) {
		return nil
	}
	return fault.Field(path, t.Format(time.RFC3339), ErrRange, "want an instant in years 1 to 9999")
}

// Instants of years 1 and 10000 in UTC, as Unix seconds.
const (
	year1     = -62135596800
	year10000 = 253402300800
)

// inYears reports whether t is zero or in years 1–9999 in UTC.
func inYears(t time.Time) bool {
	if t.IsZero() {
		return true
	}
	s := t.Unix()
	return s >= year1 && s < year10000
}

// representable reports whether JSON and RFC 3339 can write t: the zero
// instant, or one whose year, in its own zone, is 0 to 9999.
func representable(t time.Time) bool {
	if t.IsZero() {
		return true
	}
	y := t.Year()
	return y >= 0 && y <= 9999
}
