package sla_test

import (
	"slices"
	"time"

	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/severity"
	"github.com/slakit/slakit/sla"
	"pgregory.net/rapid"
)

var contacts = []string{"ann@acme.example", "bob@acme.example", "cy@acme.example", "dee@acme.example", "eve@acme.example"}

// genTicket draws a ticket with a valid timeline: a state machine over the
// events, with times spread over weeks so that business hours, weekends,
// holidays and the DST change of 25 October 2026 all come up. Several events
// may share an instant; there they come in the order of their kinds (the
// order a ticket's events are replayed in), but for "resumed", which may
// follow a "waiting" of the same instant: a timeline with, say, a reopening
// then a fix at one instant is valid in the order drawn but not in the
// canonical one, and is refused.
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
	var last sla.Kind     // the largest kind so far at the instant now
	n := rapid.IntRange(0, 12).Draw(t, "events")
	for range n {
		if gap := time.Duration(rapid.Int64Range(0, int64(4*24*time.Hour)).Draw(t, "gap")); gap > 0 {
			now, last = now.Add(gap), 0
		}
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
		options = slices.DeleteFunc(options, func(k sla.Kind) bool { return k < last && k != sla.Resumed })
		if len(options) == 0 {
			continue
		}
		ev := sla.Event{At: now, Kind: rapid.SampledFrom(options).Draw(t, "kind")}
		last = max(last, ev.Kind)
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
