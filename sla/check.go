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
		path := fault.Index("events", i)
		if ev.Ticket != "" && ev.Ticket != t.ID {
			return fault.Field(path+".ticket", ev.Ticket, ErrInvalid,
				"want "+strconv.Quote(t.ID)+", the ticket it is recorded in: an event of another ticket")
		}
		if err := checkYear(path+".at", ev.At); err != nil {
			return err
		}
	}
	return nil
}

// checkYear refuses an instant outside years 1–9999; the zero instant is
// left to the caller.
func checkYear(path string, t time.Time) error {
	if t.IsZero() {
		return nil
	}
	if y := t.UTC().Year(); y < 1 || y > 9999 {
		return fault.Field(path, t.Format(time.RFC3339), ErrRange, "want an instant in years 1 to 9999")
	}
	return nil
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
