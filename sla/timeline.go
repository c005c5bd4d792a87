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

	// Room for the usual timeline, so that evaluating one allocates nothing
	// here: a timeline lives on its caller's stack.
	cycleBuf  [2]cycle
	pauseBuf  [4]pause
	changeBuf [2]change
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

// walker replays events; it knows what has happened so far.
type walker struct {
	t                                        *Ticket
	tl                                       *timeline
	until                                    time.Time
	level                                    severity.Level
	paused, responded, excluded, nad, waived bool
	cur                                      cycle
	lastChange                               time.Time
}

// walk checks every event of t and records those at or before until. Events
// are taken in canonical order, except that among events of one instant the
// first that can happen goes first, so that "waiting" and "resumed" at the same
// instant work whichever state the ticket is in. Any impossible event is an
// *EventError.
func walk(t *Ticket, evs []indexed, until time.Time, tl *timeline) error {
	tl.cycles, tl.pauses, tl.changes = tl.cycleBuf[:0], tl.pauseBuf[:0], tl.changeBuf[:0]
	w := walker{t: t, tl: tl, until: until, level: t.Severity, cur: cycle{start: t.Received}}
	for i := 0; i < len(evs); i++ {
		e := evs[i]
		switch {
		case e.At.IsZero():
			return &EventError{Ticket: t.ID, Index: e.index, Event: e.Event, Reason: "no time given", Err: ErrZeroTime}
		case e.At.Before(t.Received):
			return w.bad(e, "before the ticket was received at "+t.Received.Format(time.RFC3339))
		}
		if w.check(e) != "" { // look for one of the same instant that can go first
			for j := i + 1; j < len(evs) && evs[j].At.Equal(e.At); j++ {
				if w.check(evs[j]) == "" {
					evs[i], evs[j] = evs[j], evs[i]
					e = evs[i]
					break
				}
			}
		}
		if reason := w.check(e); reason != "" {
			return w.bad(e, reason)
		}
		w.apply(e)
	}
	if !w.cur.start.After(until) {
		tl.cycles = append(tl.cycles, clip(w.cur, until))
	}
	return nil
}

func (w *walker) bad(e indexed, reason string) error {
	return &EventError{Ticket: w.t.ID, Index: e.index, Event: e.Event, Reason: reason, Err: ErrTimeline}
}

// check returns why e cannot happen now, or "".
func (w *walker) check(e indexed) string {
	switch e.Kind {
	case Resumed:
		if !w.paused {
			return "resumed without a pause"
		}
	case Waiting:
		if w.paused {
			return "waiting while already waiting"
		}
	case SeverityChanged:
		if !e.Severity.IsValid() {
			return fmt.Sprintf("invalid severity %v", e.Severity)
		}
		if !w.lastChange.IsZero() && e.At.Equal(w.lastChange) {
			return "two severity changes at the same instant"
		}
		if e.Severity == w.level {
			return "severity unchanged"
		}
	case Responded:
		if w.responded {
			return "responded twice"
		}
	case WorkaroundGiven:
		if !w.cur.fix.IsZero() {
			return "workaround after the fix of the same cycle"
		}
		if !w.cur.workaround.IsZero() {
			return "workaround given twice in one cycle"
		}
	case Fixed:
		if !w.cur.fix.IsZero() {
			return "fixed twice in one cycle (reopen it first)"
		}
	case Reopened:
		if w.cur.fix.IsZero() {
			return "reopened before it was fixed"
		}
		if w.paused {
			return "reopened while waiting on the customer"
		}
	case NotADefect:
		if w.nad {
			return "not-a-defect given twice"
		}
	case Excluded:
		if w.excluded {
			return "excluded twice"
		}
		if !e.Category.IsValid() {
			return "an exclusion needs its R4 category"
		}
	case Waived:
		if w.waived {
			return "waived twice"
		}
	default:
		return "unknown kind"
	}
	return ""
}

// apply records e, which check accepted.
func (w *walker) apply(e indexed) {
	tl, keep := w.tl, !e.At.After(w.until)
	switch e.Kind {
	case Resumed:
		w.paused = false
		if keep {
			tl.pauses[len(tl.pauses)-1].to = e.At
		}
	case Waiting:
		w.paused = true
		if keep {
			tl.pauses = append(tl.pauses, pause{from: e.At})
		}
	case SeverityChanged:
		w.level, w.lastChange = e.Severity, e.At
		if keep {
			tl.changes = append(tl.changes, change{e.At, e.Severity})
		}
	case Responded:
		w.responded = true
	case WorkaroundGiven:
		w.cur.workaround = e.At
	case Fixed:
		w.cur.fix = e.At
	case Reopened:
		if keep {
			tl.cycles = append(tl.cycles, clip(w.cur, w.until))
		}
		w.cur = cycle{start: e.At}
	case NotADefect:
		w.nad = true
		tl.notADefect = tl.notADefect || keep
	case Excluded:
		w.excluded = true
		if keep {
			tl.excluded, tl.category = true, e.Category
		}
	case Waived:
		w.waived = true
		if keep {
			tl.waived = e.At
		}
	}
	// The first of responded, workaround and fixed answers the request.
	if keep && tl.responded.IsZero() && len(tl.cycles) == 0 &&
		(e.Kind == Responded || e.Kind == WorkaroundGiven || e.Kind == Fixed) {
		tl.responded = e.At
	}
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
