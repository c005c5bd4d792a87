package sla

// The evaluation algorithm as it was before issue 12 (commit cbc852a), kept
// verbatim but for names, as the reference the O(n log n) engine is checked
// against on small tickets (checkSameAsReference). It reserved cycles × pauses
// steps up front and searched a whole instant for an event that can go first,
// which is what made big tickets fail (TestOneTicketKillsTheProcess,
// TestQuadraticTime).

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/severity"
)

// refEventError is the old EventError: which event, and why.
type refEventError struct {
	Index  int
	Reason string
}

func (e *refEventError) Error() string { return fmt.Sprintf("events[%d]: %s", e.Index, e.Reason) }

type refIndexed struct {
	Event
	index int
}

func refOrdered(events []Event, loc *time.Location, buf []refIndexed) []refIndexed {
	out := buf[:0]
	for i, e := range events {
		e.At = e.At.In(loc)
		out = append(out, refIndexed{e, i})
	}
	slices.SortFunc(out, func(a, b refIndexed) int {
		return cmp.Or(a.At.Compare(b.At), cmp.Compare(a.Kind, b.Kind),
			cmp.Compare(a.Severity, b.Severity), cmp.Compare(a.Category, b.Category),
			strings.Compare(a.Note, b.Note), cmp.Compare(a.index, b.index))
	})
	return out
}

type refTimeline struct {
	cycles     []refCycle
	responded  time.Time
	pauses     []refPause
	changes    []refChange
	excluded   bool
	category   availability.Category
	notADefect bool
	waived     time.Time
}

type refCycle struct{ start, workaround, fix time.Time }
type refPause struct{ from, to time.Time }
type refChange struct {
	at    time.Time
	level severity.Level
}

type refWalker struct {
	t                                        *Ticket
	tl                                       *refTimeline
	until                                    time.Time
	level                                    severity.Level
	paused, responded, excluded, nad, waived bool
	cur                                      refCycle
	lastChange                               time.Time
}

func refWalk(t *Ticket, evs []refIndexed, until time.Time, tl *refTimeline) error {
	w := refWalker{t: t, tl: tl, until: until, level: t.Severity, cur: refCycle{start: t.Received}}
	for i := 0; i < len(evs); i++ {
		e := evs[i]
		switch {
		case e.At.IsZero():
			return &refEventError{Index: e.index, Reason: "no time given"}
		case e.At.Before(t.Received):
			return &refEventError{Index: e.index, Reason: "before the ticket was received at " + t.Received.Format(time.RFC3339)}
		}
		if w.check(e) != "" {
			for j := i + 1; j < len(evs) && evs[j].At.Equal(e.At); j++ {
				if w.check(evs[j]) == "" {
					evs[i], evs[j] = evs[j], evs[i]
					e = evs[i]
					break
				}
			}
		}
		if reason := w.check(e); reason != "" {
			return &refEventError{Index: e.index, Reason: reason}
		}
		w.apply(e)
	}
	if !w.cur.start.After(until) {
		tl.cycles = append(tl.cycles, refClip(w.cur, until))
	}
	return nil
}

func (w *refWalker) check(e refIndexed) string {
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
		if e.Category == availability.NoCategory || e.Category > availability.BeyondControl {
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

func (w *refWalker) apply(e refIndexed) {
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
			tl.pauses = append(tl.pauses, refPause{from: e.At})
		}
	case SeverityChanged:
		w.level, w.lastChange = e.Severity, e.At
		if keep {
			tl.changes = append(tl.changes, refChange{e.At, e.Severity})
		}
	case Responded:
		w.responded = true
	case WorkaroundGiven:
		w.cur.workaround = e.At
	case Fixed:
		w.cur.fix = e.At
	case Reopened:
		if keep {
			tl.cycles = append(tl.cycles, refClip(w.cur, w.until))
		}
		w.cur = refCycle{start: e.At}
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
	if keep && tl.responded.IsZero() && len(tl.cycles) == 0 &&
		(e.Kind == Responded || e.Kind == WorkaroundGiven || e.Kind == Fixed) {
		tl.responded = e.At
	}
}

func refClip(c refCycle, until time.Time) refCycle {
	if c.workaround.After(until) {
		c.workaround = time.Time{}
	}
	if c.fix.After(until) {
		c.fix = time.Time{}
	}
	return c
}

// refEvaluate is the old Engine.evaluate. Errors other than timeline errors
// are reported as plain errors: only their presence is compared.
func refEvaluate(e *Engine, t Ticket, now time.Time, explain bool) (Status, error) {
	now = now.Round(0)
	t.Received = t.Received.Round(0)
	switch {
	case t.Received.IsZero():
		return Status{}, fmt.Errorf("received: zero time")
	case !t.Severity.IsValid():
		return Status{}, fmt.Errorf("severity: invalid")
	case now.Before(t.Received):
		return Status{}, fmt.Errorf("now: before received")
	}
	p, err := e.at(t.Received)
	if err != nil {
		return Status{}, err
	}
	loc := p.support.Location()
	t.Received = t.Received.In(loc)
	var buf [16]refIndexed
	evs := refOrdered(t.Events, loc, buf[:])
	var tl refTimeline
	if err := refWalk(&t, evs, now, &tl); err != nil {
		return Status{}, err
	}
	st := Status{
		Ticket:   t.ID,
		At:       now,
		Policy:   p.Name,
		Severity: refLevelAt(t.Severity, tl.changes, now),
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
	for k := range tl.cycles {
		for m := Response; m <= Fix; m++ {
			if m == Response && k > 0 {
				continue
			}
			var steps []Step
			ts := refTarget(p, &t, &tl, k, m, now, explain, &steps)
			ts.Steps = steps
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

func refLevelAt(initial severity.Level, changes []refChange, t time.Time) severity.Level {
	l := initial
	for _, c := range changes {
		if c.at.After(t) {
			break
		}
		l = c.level
	}
	return l
}

func refTarget(p *compiled, t *Ticket, tl *refTimeline, k int, m Milestone, now time.Time, explain bool, steps *[]Step) TargetStatus {
	add := func(s Step) {
		if explain {
			*steps = append(*steps, s)
		}
	}
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
	base, level, why := c.start, refLevelAt(t.Severity, tl.changes, c.start), whyReceived
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
	rule := refPick(p.Severities[level], m)
	ts := TargetStatus{Cycle: k, Milestone: m, Level: level, Rule: rule, Done: done}
	if !rule.IsApplicable() || (m == Fix && tl.notADefect) {
		ts.State = StateNotApplicable
		if rule.IsApplicable() {
			why, rule = whyNotADefect, severity.Target{}
		}
		add(Step{What: StepStart, At: base, Why: why, Level: level, Milestone: m, Rule: rule})
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
	add(Step{What: StepStart, At: base, Why: why, Due: due, Level: level, Milestone: m, Rule: rule, Calendar: cal})
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
		add(Step{What: StepPause, At: from, To: to, By: Duration(by), Due: due})
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

func refPick(ts severity.Targets, m Milestone) severity.Target {
	switch m {
	case Response:
		return ts.Response
	case Workaround:
		return ts.Workaround
	}
	return ts.Fix
}
