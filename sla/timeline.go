package sla

import (
	"fmt"
	"time"

	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/severity"
)

// timeline is what a ticket's events say, as of an instant.
type timeline struct {
	cycles     []cycle
	responded  time.Time // first response, workaround or fix of the first cycle
	pauses     []pause
	changes    []change
	excluded   bool
	category   availability.Category
	notADefect bool
	waived     time.Time
}

// cycle is one round of workaround and fix: the first starts at receipt, each
// reopening starts another.
type cycle struct {
	start, workaround, fix time.Time
}

// pause is a wait on the customer, [from, to); to is zero while it lasts.
type pause struct{ from, to time.Time }

type change struct {
	at    time.Time
	level severity.Level
}

// walk checks every event of t in canonical order and records those at or
// before until. Any impossible event is an *EventError.
func walk(t *Ticket, evs []indexed, until time.Time, tl *timeline) error {
	bad := func(e indexed, reason string) error {
		return &EventError{Ticket: t.ID, Index: e.index, Event: e.Event, Reason: reason, Err: ErrTimeline}
	}
	level := t.Severity
	paused := false
	cur := cycle{start: t.Received}
	var responded, excluded, notADefect, waived bool
	for _, e := range evs {
		switch {
		case e.At.IsZero():
			return &EventError{Ticket: t.ID, Index: e.index, Event: e.Event, Reason: "no time given", Err: ErrZeroTime}
		case e.At.Before(t.Received):
			return bad(e, "before the ticket was received at "+t.Received.Format(time.RFC3339))
		}
		keep := !e.At.After(until)
		switch e.Kind {
		case Resumed:
			if !paused {
				return bad(e, "resumed without a pause")
			}
			paused = false
			if keep {
				tl.pauses[len(tl.pauses)-1].to = e.At
			}
		case Waiting:
			if paused {
				return bad(e, "waiting while already waiting")
			}
			paused = true
			if keep {
				tl.pauses = append(tl.pauses, pause{from: e.At})
			}
		case SeverityChanged:
			if !e.Severity.IsValid() {
				return bad(e, fmt.Sprintf("invalid severity %v", e.Severity))
			}
			if e.Severity == level {
				return bad(e, "severity unchanged")
			}
			level = e.Severity
			if keep {
				tl.changes = append(tl.changes, change{e.At, e.Severity})
			}
		case Responded:
			if responded {
				return bad(e, "responded twice")
			}
			responded = true
			if keep && tl.responded.IsZero() {
				tl.responded = e.At
			}
		case WorkaroundGiven:
			if !cur.fix.IsZero() {
				return bad(e, "workaround after the fix of the same cycle")
			}
			if !cur.workaround.IsZero() {
				return bad(e, "workaround given twice in one cycle")
			}
			cur.workaround = e.At
		case Fixed:
			if !cur.fix.IsZero() {
				return bad(e, "fixed twice in one cycle (reopen it first)")
			}
			cur.fix = e.At
		case Reopened:
			if cur.fix.IsZero() {
				return bad(e, "reopened before it was fixed")
			}
			if paused {
				return bad(e, "reopened while waiting on the customer")
			}
			if keep {
				tl.cycles = append(tl.cycles, clip(cur, until))
			}
			cur = cycle{start: e.At}
		case NotADefect:
			if notADefect {
				return bad(e, "not-a-defect given twice")
			}
			notADefect = true
			tl.notADefect = tl.notADefect || keep
		case Excluded:
			if excluded {
				return bad(e, "excluded twice")
			}
			if e.Category == availability.NoCategory || e.Category.String() == "" || e.Category > availability.BeyondControl {
				return bad(e, "an exclusion needs its R4 category")
			}
			excluded = true
			if keep {
				tl.excluded, tl.category = true, e.Category
			}
		case Waived:
			if waived {
				return bad(e, "waived twice")
			}
			waived = true
			if keep {
				tl.waived = e.At
			}
		default:
			return bad(e, "unknown kind")
		}
		// The first of responded, workaround and fixed answers the request.
		if keep && tl.responded.IsZero() && len(tl.cycles) == 0 &&
			(e.Kind == WorkaroundGiven || e.Kind == Fixed) {
			tl.responded = e.At
		}
	}
	if !cur.start.After(until) {
		tl.cycles = append(tl.cycles, clip(cur, until))
	}
	return nil
}

// clip forgets the milestones of c that happen after until.
func clip(c cycle, until time.Time) cycle {
	if c.workaround.After(until) {
		c.workaround = time.Time{}
	}
	if c.fix.After(until) {
		c.fix = time.Time{}
	}
	return c
}
