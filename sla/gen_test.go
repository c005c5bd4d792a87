package sla_test

import (
	"time"

	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/severity"
	"github.com/slakit/slakit/sla"
	"pgregory.net/rapid"
)

var contacts = []string{"ann@acme.example", "bob@acme.example", "cy@acme.example", "dee@acme.example", "eve@acme.example"}

// genTicket draws a ticket with a valid timeline: a state machine over the
// events, with times spread over weeks so that business hours, weekends,
// holidays and the DST change of 25 October 2026 all come up.
func genTicket(t *rapid.T, id string) sla.Ticket {
	recv := time.Date(2026, 10, 1, 0, 0, 0, 0, paris).Add(time.Duration(rapid.Int64Range(0, int64(40*24*time.Hour)).Draw(t, "received")))
	tk := sla.Ticket{
		ID:       id,
		Contact:  rapid.SampledFrom(append(contacts, "stranger@else.example")).Draw(t, "contact"),
		Received: recv,
		Severity: severity.Level(rapid.IntRange(1, 4).Draw(t, "severity")),
	}
	now := recv
	level := tk.Severity
	paused, fixed, wk, responded, excluded, nad, waived := false, false, false, false, false, false, false
	var changed time.Time // one severity change an instant: two would be ambiguous
	reopened := false
	n := rapid.IntRange(0, 12).Draw(t, "events")
	for range n {
		now = now.Add(time.Duration(rapid.Int64Range(0, int64(4*24*time.Hour)).Draw(t, "gap")))
		var options []sla.Kind
		if paused {
			options = append(options, sla.Resumed)
		} else {
			options = append(options, sla.Waiting)
			if fixed {
				options = append(options, sla.Reopened)
			}
		}
		if !responded {
			options = append(options, sla.Responded)
		}
		if !fixed {
			options = append(options, sla.Fixed)
			if !changed.Equal(now) {
				options = append(options, sla.SeverityChanged)
			}
			if !wk {
				options = append(options, sla.WorkaroundGiven)
			}
		}
		if !excluded && rapid.IntRange(0, 9).Draw(t, "rare") == 0 {
			options = append(options, sla.Excluded)
		}
		if !nad && rapid.IntRange(0, 9).Draw(t, "rare") == 0 {
			options = append(options, sla.NotADefect)
		}
		if !waived && paused {
			options = append(options, sla.Waived)
		}
		ev := sla.Event{At: now, Kind: rapid.SampledFrom(options).Draw(t, "kind")}
		// A fix, a reopening and the next cycle's milestones at one instant
		// have no order: keep a reopening apart from what surrounds it.
		if ev.Kind == sla.Reopened || reopened {
			now = now.Add(time.Minute)
			ev.At = now
		}
		reopened = ev.Kind == sla.Reopened
		switch ev.Kind {
		case sla.Resumed:
			paused = false
		case sla.Waiting:
			paused = true
		case sla.Reopened:
			fixed, wk = false, false
		case sla.Responded:
			responded = true
		case sla.Fixed:
			fixed = true
		case sla.WorkaroundGiven:
			wk = true
		case sla.SeverityChanged:
			for ev.Severity == 0 || ev.Severity == level {
				ev.Severity = severity.Level(rapid.IntRange(1, 4).Draw(t, "newSeverity"))
			}
			level, changed = ev.Severity, now
		case sla.Excluded:
			excluded = true
			ev.Category = availability.Category(rapid.IntRange(int(availability.CustomerInfrastructure), int(availability.BeyondControl)).Draw(t, "category"))
		case sla.NotADefect:
			nad = true
		case sla.Waived:
			waived = true
		}
		tk.Events = append(tk.Events, ev)
	}
	return tk
}

// genNow draws an evaluation instant from the receipt to weeks after it.
func genNow(t *rapid.T, tk sla.Ticket) time.Time {
	return tk.Received.Add(time.Duration(rapid.Int64Range(0, int64(90*24*time.Hour)).Draw(t, "now")))
}
