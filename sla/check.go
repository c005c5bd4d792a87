package sla

import (
	"strconv"
	"time"

	"github.com/slakit/slakit/internal/fault"
)

// checkTicket reports what makes a ticket's record wrong before its timeline
// is read: an instant outside years 1–9999 (which no calendar covers and
// RFC 3339 cannot write), an event recorded under another ticket.
func checkTicket(t *Ticket) error {
	if err := checkYear("received", t.Received); err != nil {
		return err
	}
	for i := range t.Events {
		ev := &t.Events[i]
		if ev.Ticket != "" && ev.Ticket != t.ID {
			return fault.Field(fault.Index("events", i)+".ticket", ev.Ticket, ErrInvalid,
				"want "+strconv.Quote(t.ID)+", the ticket it is recorded in: an event of another ticket")
		}
		if !inYears(ev.At) {
			return checkYear(fault.Index("events", i)+".at", ev.At)
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
