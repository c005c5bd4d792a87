package sla

import (
	"fmt"
	"math/bits"
	"time"

	"github.com/slakit/slakit/severity"
)

// Evaluate returns the status of every target of ticket t as it stands at now:
// for each cycle (the first from receipt, one more per reopening) the response
// (first cycle only), workaround and fix targets, each with its due time, state,
// clock time used and remaining, paused time, and the steps that produced the
// due time.
//
// Evaluation follows SPEC I3 and I7–I9:
//   - every target is measured from the start of its cycle, on its own clock;
//   - the first of responded, workaround and fixed meets the response target,
//     the first of workaround and fixed the workaround target;
//   - waiting on the customer stops every running clock: the paused clock time
//     is added to the due time;
//   - a severity change leaves met targets met; under [Restart] each unmet
//     target is measured afresh from the change under the new level, under
//     [Recompute] from the cycle's start under the new level;
//   - an excluded ticket's targets are all [StateExcluded]; the fix of a ticket
//     found not to be a defect is [StateNotApplicable]; a waived ticket's unmet
//     targets are [StateWaived]; a request from someone not designated has
//     every target [StateNotCovered] (due times are still computed, for
//     information).
//
// Events after now have not happened yet, but they are checked like the rest:
// any impossible event is an error ([*EventError]). Evaluate is pure: the same
// ticket and now give the same status, whatever the order of the events.
func (e *Engine) Evaluate(t Ticket, now time.Time) (Status, error) {
	return e.evaluate(t, now, true)
}

// evaluate is Evaluate, with the steps of each target only when explain is set:
// a month report counts outcomes and needs no explanation.
func (e *Engine) evaluate(t Ticket, now time.Time, explain bool) (Status, error) {
	now = now.Round(0)
	t.Received = t.Received.Round(0)
	switch {
	case t.Received.IsZero():
		return Status{}, &FieldError{Field: "ticket " + t.ID + ": received", Err: ErrZeroTime}
	case !t.Severity.IsValid():
		return Status{}, &FieldError{Field: "ticket " + t.ID + ": severity", Value: t.Severity.String(), Err: ErrInvalid}
	case now.Before(t.Received):
		return Status{}, &FieldError{Field: "ticket " + t.ID + ": now", Value: now.Format(time.RFC3339),
			Err: fmt.Errorf("%w: before the ticket was received at %s", ErrInvalid, t.Received.Format(time.RFC3339))}
	}
	p, err := e.at(t.Received)
	if err != nil {
		return Status{}, err
	}
	loc := p.support.Location() // times read in the customer's zone
	t.Received = t.Received.In(loc)
	var buf [16]indexed
	evs := ordered(t.Events, loc, buf[:])
	var tl timeline
	if err := walk(&t, evs, now, &tl); err != nil {
		return Status{}, err
	}
	st := Status{
		Ticket:   t.ID,
		At:       now,
		Policy:   p.Name,
		Severity: levelAt(t.Severity, tl.changes, now),
		Covered:  e.Covers(t.Contact),
	}
	switch {
	case !st.Covered:
		st.Reason = fmt.Sprintf("%q is not a designated contact (R1)", t.Contact)
	case tl.excluded:
		st.Reason = "excluded: " + tl.category.String() + " (R4)"
	case !tl.waived.IsZero():
		st.Reason = "waived at " + tl.waived.Format(time.RFC3339) + ": requested information never came (R9)"
	}
	n := 2*len(tl.cycles) + 1
	st.Targets = make([]TargetStatus, 0, n)
	var steps []Step
	if explain {
		steps = make([]Step, 0, n*(1+len(tl.pauses)))
	}
	for k := range tl.cycles {
		for m := Response; m <= Fix; m++ {
			if m == Response && k > 0 {
				continue
			}
			x := explainer{steps: steps, on: explain}
			ts := p.target(&t, &tl, k, m, now, &x)
			if explain {
				ts.Steps = x.steps[len(steps):len(x.steps):len(x.steps)]
				steps = x.steps
			}
			switch {
			case !st.Covered:
				ts.State = StateNotCovered
			case tl.excluded:
				ts.State = StateExcluded
			}
			st.Targets = append(st.Targets, ts)
		}
	}
	return st, nil
}

// levelAt returns the severity in force at t.
func levelAt(initial severity.Level, changes []change, t time.Time) severity.Level {
	l := initial
	for _, c := range changes {
		if c.at.After(t) {
			break
		}
		l = c.level
	}
	return l
}

// explainer collects the steps of a target when asked to.
type explainer struct {
	steps []Step
	on    bool
}

func (x *explainer) add(s Step) {
	if x.on {
		x.steps = append(x.steps, s)
	}
}

// target evaluates milestone m of cycle k, telling x its steps.
func (p *compiled) target(t *Ticket, tl *timeline, k int, m Milestone, now time.Time, x *explainer) TargetStatus {
	c := tl.cycles[k]
	var done time.Time
	switch m {
	case Response:
		done = tl.responded
	case Workaround:
		done = earliest(c.workaround, c.fix)
	case Fix:
		done = c.fix
	}
	ref := now
	if !done.IsZero() {
		ref = done
	}

	// The level in force, and where the clock starts (I8).
	base, level, why := c.start, levelAt(t.Severity, tl.changes, c.start), whyReceived
	if k > 0 {
		why = whyReopened
	}
	for _, ch := range tl.changes {
		if ch.at.After(ref) {
			break
		}
		if ch.at.After(c.start) {
			level = ch.level
			if p.SeverityChange == Restart {
				base, why = ch.at, whyChange
			}
		}
	}
	rule := pick(p.Severities[level], m)
	ts := TargetStatus{Cycle: k, Milestone: m, Level: level, Rule: rule, Done: done}

	if !rule.IsApplicable() || (m == Fix && tl.notADefect) {
		ts.State = StateNotApplicable
		if rule.IsApplicable() {
			why, rule = whyNotADefect, severity.Target{}
		}
		x.add(Step{What: StepStart, At: base, Why: why, Level: level, Milestone: m, Rule: rule})
		return ts
	}
	clock := rule.Clock()
	if !clock.IsValid() {
		clock = severity.Continuous
	}
	due, _ := rule.Due(base, p.support)
	var cal string
	if clock == severity.Business && rule.Unit() != severity.Months {
		cal = p.calendar
	}
	x.add(Step{What: StepStart, At: base, Why: why, Due: due, Level: level, Milestone: m, Rule: rule, Calendar: cal})

	// Waiting on the customer stops the clock (I7): each pause that starts
	// before the due time pushes it back by the clock time paused.
	var paused time.Duration
	for _, pz := range tl.pauses {
		from, to := later(pz.from, base), pz.to
		if to.IsZero() || to.After(ref) {
			to = ref
		}
		if !from.Before(to) {
			continue
		}
		if !from.Before(due) {
			break
		}
		by, _ := clock.Between(from, to, p.support)
		if by <= 0 {
			continue
		}
		due, _ = clock.Add(due, by, p.support)
		paused += by
		x.add(Step{What: StepPause, At: from, To: to, By: Duration(by), Due: due})
	}
	ts.Due = due
	ts.Paused = Duration(paused)
	used, _ := clock.Between(base, ref, p.support)
	ts.Used = Duration(used - paused)
	remaining, _ := clock.Between(ref, due, p.support)
	ts.Remaining = Duration(remaining)

	switch {
	case !done.IsZero():
		ts.State = StateMet
		if done.After(due) {
			ts.State = StateMissed
		}
	case !tl.waived.IsZero():
		ts.State = StateWaived
	case now.After(due):
		ts.State = StateMissed
	case p.atRisk(used-paused, remaining):
		ts.State = StateAtRisk
	default:
		ts.State = StatePending
	}
	return ts
}

// Why a clock starts, or why there is no target.
const (
	whyReceived   = "received"
	whyReopened   = "reopened"
	whyChange     = "severity changed"
	whyNotADefect = "not a program error (R3): no fix target"
)

// atRisk reports whether used has reached the policy's share of used+remaining,
// compared exactly in 128-bit integers.
func (p *compiled) atRisk(used, remaining time.Duration) bool {
	if used < 0 || remaining < 0 {
		return false
	}
	hiA, loA := bits.Mul64(uint64(used), p.riskDen)
	hiB, loB := bits.Mul64(uint64(used+remaining), p.riskNum)
	return hiA > hiB || hiA == hiB && loA >= loB
}

func pick(ts severity.Targets, m Milestone) severity.Target {
	switch m {
	case Response:
		return ts.Response
	case Workaround:
		return ts.Workaround
	}
	return ts.Fix
}

// earliest returns the earlier of two times, ignoring zero ones.
func earliest(a, b time.Time) time.Time {
	if a.IsZero() || (!b.IsZero() && b.Before(a)) {
		return b
	}
	return a
}

func later(a, b time.Time) time.Time {
	if a.Before(b) {
		return b
	}
	return a
}
