package sla

import (
	"fmt"
	"math/bits"
	"strconv"
	"time"

	"github.com/slakit/slakit/internal/fault"
	"github.com/slakit/slakit/severity"
)

// Evaluate returns the status of every target of ticket t as it stands at now:
// for each cycle (the first from receipt, one more per reopening) the response
// (first cycle only), workaround and fix targets, then the instances of the
// next-reply and update targets of the policy (I16), each with its due time,
// state, clock time used and remaining, paused time, the instant its outcome
// was decided, its warning points (I17), and the steps that produced the due
// time; and the instant at which the status will next change ([Status.Recheck]).
//
// Evaluation follows I3, I7–I9 and I16–I17:
//   - every target is measured from the start of its cycle (or of its
//     instance), on its own clock;
//   - the first of responded, workaround and fixed meets the response target,
//     the first of workaround and fixed the workaround target; each agent reply
//     (responded, workaround or fixed) meets the running next-reply and update
//     targets;
//   - waiting on the customer stops every running clock: the paused clock time
//     is added to the due time;
//   - a severity change leaves met targets met; under [Restart] each unmet
//     target is measured afresh from the change under the new level, under
//     [Recompute] from its start under the new level, pauses counted as
//     always;
//   - an excluded ticket's targets are all [StateExcluded]; the fix of a ticket
//     found not to be a defect is [StateNotApplicable]; a waived ticket's unmet
//     targets are [StateWaived]; a request from someone not designated has
//     every target [StateNotCovered] (due times are still computed, for
//     information).
//
// Events after now have not happened yet, but they are checked like the rest:
// any impossible event is a [FieldError] naming it ("events[3]"), as is a
// ticket of more than [MaxEvents] events. Evaluate is pure: the same ticket and
// now give the same status, whatever the order of the events. It takes
// O(n log n) time and O(n) memory for n events, whatever their instants.
//
// Instants must lie in the years 1 to 9999 of the customer's zone (the
// calendars' range); instants computed beyond (a due time 99999 months away)
// are reported as the last nanosecond of 9999 there, so that every status
// marshals to JSON. The zero Engine and a nil *Engine have no policy in force:
// Evaluate returns an error.
func (e *Engine) Evaluate(t Ticket, now time.Time) (Status, error) {
	return e.evaluateInto(&t, now, true, nil)
}

// evaluate is Evaluate, with the steps, warnings, Recheck and Reason only when
// explain is set: a month report counts outcomes and needs no explanation.
func (e *Engine) evaluate(t Ticket, now time.Time, explain bool) (Status, error) {
	return e.evaluateInto(&t, now, explain, nil)
}

// evaluator evaluates ticket after ticket for a month report without
// explanations (no steps, warnings, Recheck or Reason, and no Used or
// Remaining for a target met in time), reusing the memory of its targets:
// once it has seen tickets with as many targets as the next, and for tickets
// of up to 16 events and a few pauses, it allocates nothing. It is not safe
// for concurrent use; each goroutine needs its own.
type evaluator struct {
	e       *Engine
	targets []TargetStatus
}

// evaluator returns an evaluator for the month report.
func (e *Engine) evaluator() *evaluator { return &evaluator{e: e} }

// status evaluates t at now; the Targets of the status are valid until the
// next call.
func (v *evaluator) status(t *Ticket, now time.Time) (Status, error) {
	st, err := v.e.evaluateInto(t, now, false, v.targets)
	if st.Targets != nil {
		v.targets = st.Targets
	}
	return st, err
}

// evaluateInto is Evaluate. With explain unset it appends the targets to
// buf[:0] (a new slice when buf is nil): the status's Targets alias buf.
func (e *Engine) evaluateInto(t *Ticket, now time.Time, explain bool, buf []TargetStatus) (Status, error) {
	now = now.Round(0)
	received := t.Received.Round(0)
	switch {
	case received.IsZero():
		return Status{}, fault.Field("received", "", ErrZeroTime, "want the instant support received the request")
	case t.Severity == 0:
		return Status{}, fault.Field("severity", "", ErrMissing, "want sev1 to sev4")
	case !t.Severity.IsValid():
		return Status{}, fault.Field("severity", t.Severity.String(), ErrInvalid, "want sev1 to sev4")
	case now.Before(received):
		return Status{}, fault.Field("now", now.Format(time.RFC3339Nano), ErrInvalid,
			"want an instant at or after the receipt at "+received.Format(time.RFC3339Nano))
	case len(t.Events) > MaxEvents:
		return Status{}, fault.Field("events", strconv.Itoa(len(t.Events))+" events", ErrLimit,
			"want at most "+strconv.Itoa(MaxEvents)+" events per ticket")
	}
	if err := checkEvents(t); err != nil {
		return Status{}, err
	}
	if e == nil {
		e = &Engine{} // no policy: the same error as the zero Engine
	}
	p, err := e.at(received)
	if err != nil {
		return Status{}, err
	}
	loc := p.support.Location() // times read in the customer's zone
	received, now = received.In(loc), now.In(loc)
	if err := p.inRange("received", received); err != nil {
		return Status{}, err
	}
	if err := p.inRange("now", now); err != nil {
		return Status{}, err
	}
	tk := *t
	tk.Received = received
	var orderBuf [16]int32
	order := ordered(t.Events, orderBuf[:])
	var tlBuf timelineBuf
	tl, fx, err := walk(&tk, order, loc, now, p.replies, &tlBuf)
	if err != nil {
		return Status{}, err
	}
	if n := len(order); n > 0 { // in order: the last is the latest
		if last := t.Events[order[n-1]].At.In(loc); last.After(p.last) {
			return Status{}, p.inRange(fault.Index("events", int(order[n-1]))+".at", last)
		}
	}

	st := Status{
		Ticket:   t.ID,
		At:       now,
		Policy:   p.Name,
		Severity: levelAt(t.Severity, tl.changes, now),
		Covered:  e.Covers(t.Contact),
	}
	if explain {
		st.Reason = reasonOf(t, &fx, st.Covered)
	}
	n := 2*len(tl.cycles) + 1 + len(tl.instances)
	ev := evaluation{p: p, initial: t.Severity, now: now, explain: explain,
		covered: st.Covered}
	switch {
	case explain:
		// A start (and the warnings) per target, and a step per wait of the
		// usual few targets; append finds room for more.
		st.Targets, ev.steps = newStatus(n, n*(1+len(p.warnings))+2*min(len(tl.pauses), 16))
	case buf == nil:
		st.Targets = make([]TargetStatus, 0, n)
	default:
		st.Targets = buf[:0]
	}
	add := func(j job) { // evaluates j into a new element of st.Targets
		st.Targets = append(st.Targets, TargetStatus{})
		ev.target(&st.Targets[len(st.Targets)-1], &tl, &fx, j)
	}
	ii := 0 // the first instance of the cycle
	for k, c := range tl.cycles {
		why := whyReceived
		if k > 0 {
			why = whyReopened
		}
		if k == 0 {
			add(job{cycle: k, m: Response, start: c.start, done: fx.responded, why: why})
		}
		add(job{cycle: k, m: Workaround, start: c.start, done: earliest(c.workaround, c.fix), why: why})
		add(job{cycle: k, m: Fix, start: c.start, done: c.fix, why: why})
		end := ii
		for end < len(tl.instances) && tl.instances[end].cycle == k {
			end++
		}
		for _, m := range [...]Milestone{NextReply, Update} {
			n := 0
			for _, in := range tl.instances[ii:end] {
				if in.m == m {
					add(job{cycle: k, m: m, instance: n, start: in.start, done: in.done, why: in.why})
					n++
				}
			}
		}
		ii = end
	}
	if explain && !ev.recheck.IsZero() {
		st.Recheck = ev.recheck
	}
	return st, nil
}

// newStatus returns room for the targets and the steps of a status; the
// usual one (one cycle, a few waits) gets both in a single allocation.
func newStatus(targets, steps int) ([]TargetStatus, []Step) {
	switch {
	case targets <= 3 && steps <= 8:
		m := new(struct {
			t [3]TargetStatus
			s [8]Step
		})
		return m.t[:0:targets], m.s[:0:steps]
	}
	return make([]TargetStatus, 0, targets), make([]Step, 0, steps)
}

// inRange checks that t lies in the years the calendars cover, so that every
// instant of a status marshals to JSON.
func (p *compiled) inRange(path string, t time.Time) error {
	if t.Before(p.first) || t.After(p.last) {
		return fault.Field(path, t.Format(time.RFC3339Nano), ErrInvalid, "want an instant in the years 1 to 9999 of the customer's zone")
	}
	return nil
}

func reasonOf(t *Ticket, fx *facts, covered bool) string {
	switch {
	case !covered:
		return fmt.Sprintf("%q is not a designated contact (R1)", t.Contact)
	case !fx.excluded.IsZero():
		return "excluded: " + fx.category.String() + " (R4)"
	case !fx.waived.IsZero():
		return "waived at " + fx.waived.Format(time.RFC3339) + ": requested information never came (R9)"
	}
	return ""
}

// job is one target to evaluate: a milestone of a cycle, or an instance of a
// reply target, from its start to its completion (zero if not yet).
type job struct {
	cycle, instance int
	m               Milestone
	start, done     time.Time
	why             string
}

// evaluation is what evaluating the targets of one ticket shares.
type evaluation struct {
	p       *compiled
	initial severity.Level
	now     time.Time
	explain bool
	covered bool
	steps   []Step    // the targets' Steps, each capped, in chunks
	first   int       // where the steps of the target in hand start in steps
	recheck time.Time // the earliest change after now so far
	memo    memo
}

// step adds s to the steps of the target in hand. When the chunk is full the
// target's steps so far move to a new one, twice as large: the targets before
// keep theirs in the old chunk, so nothing is held twice.
func (ev *evaluation) step(s Step) {
	if !ev.explain {
		return
	}
	if len(ev.steps) == cap(ev.steps) {
		cur := ev.steps[ev.first:]
		next := make([]Step, len(cur), max(2*cap(ev.steps), 2*len(cur)+1, 16))
		copy(next, cur)
		ev.steps, ev.first = next, 0
	}
	ev.steps = append(ev.steps, s)
}

// target evaluates one target into ts, which is zero.
func (ev *evaluation) target(ts *TargetStatus, tl *timeline, fx *facts, j job) {
	ev.first = len(ev.steps)
	ev.judge(ts, tl, fx, j)
	if ev.explain {
		ts.Steps = ev.steps[ev.first:len(ev.steps):len(ev.steps)]
	}
	switch {
	case !ev.covered:
		ts.State, ts.Decided = StateNotCovered, j.start
	case !fx.excluded.IsZero():
		ts.State, ts.Decided = StateExcluded, later(fx.excluded, j.start)
	}
	ts.Due = ev.clamp(ts.Due)
	ts.Decided = ev.clamp(ts.Decided)
}

// judge works out the due time, state and warnings of one target into ts (I3,
// I7–I9, I17), telling ev its steps.
func (ev *evaluation) judge(ts *TargetStatus, tl *timeline, fx *facts, j job) {
	p, now := ev.p, ev.now
	ref := now
	if !j.done.IsZero() {
		ref = j.done
	}

	// The level in force, and where the clock starts (I8).
	base, why, since := j.start, j.why, j.start
	level := levelAt(ev.initial, tl.changes, j.start)
	if ch, ok := changeIn(tl.changes, j.start, ref); ok {
		level, since = ch.level, ch.at
		if p.SeverityChange == Restart {
			base, why = ch.at, whyChange
		}
	}
	rule := p.rules[level][j.m]
	ts.Cycle, ts.Milestone, ts.Instance, ts.Level, ts.Rule, ts.Start, ts.Done = j.cycle, j.m, j.instance, level, rule, j.start, j.done

	if !rule.IsApplicable() || (j.m == Fix && !fx.notADefect.IsZero()) {
		ts.State, ts.Decided = StateNotApplicable, since
		if rule.IsApplicable() {
			why, rule = whyNotADefect, severity.Target{}
			ts.Decided = later(fx.notADefect, since)
		}
		ev.step(Step{What: StepStart, At: ev.clamp(base), Why: why, Level: level, Milestone: j.m, Rule: rule})
		return
	}
	clock := rule.Clock()
	if !clock.IsValid() {
		clock = severity.Continuous
	}
	due, _ := rule.Due(base, p.support)
	if ev.explain {
		var cal string
		if clock == severity.Business && rule.Unit() != severity.Months {
			cal = p.calendar
		}
		ev.step(Step{What: StepStart, At: base, Why: why, Due: ev.clamp(due), Level: level, Milestone: j.m, Rule: rule, Calendar: cal})
	}

	due, paused := ev.pause(tl, clock, base, ref, due)
	ts.Due = due
	ts.Paused = Duration(paused)
	// A month report reads neither clock time of a target met in time.
	var used, remaining time.Duration
	if ev.explain || j.done.IsZero() || j.done.After(due) {
		used = ev.used(clock, base, ref) - paused
		remaining, _ = clock.Between(ref, due, p.support)
		ts.Used, ts.Remaining = Duration(used), Duration(remaining)
	}

	switch {
	case !j.done.IsZero():
		ts.State, ts.Decided = StateMet, j.done
		if j.done.After(due) {
			ts.State, ts.Decided = StateMissed, due
		}
	case !fx.waived.IsZero():
		ts.State, ts.Decided = StateWaived, later(fx.waived, j.start)
		return
	case now.After(due):
		ts.State, ts.Decided = StateMissed, due
	case p.atRisk(used, remaining):
		ts.State = StateAtRisk
	default:
		ts.State = StatePending
	}
	if !ev.explain || !ev.covered || !fx.excluded.IsZero() {
		return
	}

	// Warning points (I17): the instants at which the clock time used reaches
	// each point's share of the target's clock time, or leaves the point's
	// offset before the due time.
	length := satAdd(used, remaining) // the target's clock time, pauses aside
	if len(p.warnings) > 0 {
		ts.Warnings = make([]WarningStatus, len(p.warnings))
		for i, w := range p.warnings {
			u := w.threshold(length)
			ws := WarningStatus{Point: w.Warning, Passed: used >= u}
			if ws.Passed {
				ws.At = ev.pointPassed(tl, clock, base, ref, u)
			} else {
				ws.At, _ = clock.Add(ref, u-used, p.support)
			}
			ws.At = ev.clamp(ws.At)
			ts.Warnings[i] = ws
			ev.step(Step{What: StepWarning, At: ws.At, Why: w.text, Due: ev.clamp(due)})
		}
	}

	// The next change of this target, if nothing happens (Status.Recheck):
	// none while a wait that started before the due time lasts, since the due
	// time and every point ahead move with it (each lies just after open time,
	// which the wait absorbs); otherwise the at-risk point, the warning points
	// still ahead, and the instant after the due time.
	if !j.done.IsZero() || ts.State == StateMissed {
		return
	}
	if n := len(tl.pauses); n > 0 && tl.pauses[n-1].to.IsZero() && later(tl.pauses[n-1].from, base).Before(due) {
		return
	}
	ev.candidate(due.Add(1))
	for _, ws := range ts.Warnings {
		if !ws.Passed {
			ev.candidate(ws.At)
		}
	}
	// The at-risk point is no earlier than its clock time after now: look it
	// up only when that could come first.
	if u := p.riskPoint(length); ts.State == StatePending && (ev.recheck.IsZero() || now.Add(u-used).Before(ev.recheck)) {
		t, _ := clock.Add(now, u-used, p.support)
		ev.candidate(t)
	}
}

// pause applies the waits on the customer to a target started at base, due at
// due and measured up to ref (I7): each wait that starts before the due time
// pushes it back by the clock time it lasted, up to ref. It returns the due
// time and the clock time paused. Waits that end before base or start after
// ref change nothing.
//
// Adding clock time composes (the earliest instant with a+b of clock time
// after t is the earliest with b after the earliest with a, I5), so without
// explanations the due time moves once, by the sum, and only a wait starting
// after the first due time needs the due time so far. Targets of one cycle
// measured over the same span share the waits: the sum is kept for the next.
func (ev *evaluation) pause(tl *timeline, clock severity.Clock, base, ref, due time.Time) (time.Time, time.Duration) {
	if len(tl.pauses) == 0 {
		return due, 0
	}
	p, m := ev.p, ev.span(clock, base, ref)
	if !ev.explain && m.whole && m.last.Before(due) {
		if m.paused > 0 {
			due, _ = clock.Add(due, m.paused, p.support)
		}
		return due, m.paused
	}
	first := due
	var paused, added time.Duration // in all, and in due so far
	var last time.Time              // the start of the last wait counted
	whole := true                   // no wait left out for starting after the due time
	k := 0                          // waits measured
	for i := firstPause(tl.pauses, base); i < len(tl.pauses); i++ {
		pz := &tl.pauses[i]
		if !pz.from.Before(ref) {
			break
		}
		from, to := later(pz.from, base), pz.to
		if to.IsZero() || to.After(ref) {
			to = ref
		}
		if !from.Before(to) {
			continue
		}
		if !from.Before(first) {
			if added != paused {
				due, _ = clock.Add(due, paused-added, p.support)
				added = paused
			}
			if !from.Before(due) {
				whole = false
				break
			}
		}
		var by time.Duration
		if k < m.measured {
			by = m.by[k]
		} else {
			by, _ = clock.Between(from, to, p.support)
			if k < len(m.by) {
				m.by[k], m.measured = by, k+1
			}
		}
		k++
		if by <= 0 {
			continue
		}
		paused += by
		last = from
		if ev.explain {
			due, _ = clock.Add(due, by, p.support)
			added = paused
			ev.step(Step{What: StepPause, At: from, To: to, By: Duration(by), Due: ev.clamp(due)})
		}
	}
	if added != paused {
		due, _ = clock.Add(due, paused-added, p.support)
	}
	if whole {
		m.whole, m.paused, m.last = true, paused, last
	}
	return due, paused
}

// used returns the clock time in [base, ref), shared by the targets measured
// over the same span.
func (ev *evaluation) used(clock severity.Clock, base, ref time.Time) time.Duration {
	m := ev.span(clock, base, ref)
	if !m.usedOK {
		m.used, _ = clock.Between(base, ref, ev.p.support)
		m.usedOK = true
	}
	return m.used
}

// span returns the memo of the span [base, ref) on clock, emptied when it
// held another span.
func (ev *evaluation) span(clock severity.Clock, base, ref time.Time) *memo {
	m := &ev.memo
	if m.clock != clock || !m.base.Equal(base) || !m.ref.Equal(ref) {
		m.clock, m.base, m.ref = clock, base, ref
		m.measured, m.whole, m.usedOK = 0, false, false
	}
	return m
}

// memo keeps what targets measured over one span [base, ref) on one clock
// share: the clock time of the first waits in it, whether a target counted
// every wait of the span (then their sum, and the start of the last), and the
// clock time of the span.
type memo struct {
	clock     severity.Clock
	base, ref time.Time
	by        [4]time.Duration
	measured  int
	whole     bool
	paused    time.Duration
	last      time.Time
	usedOK    bool
	used      time.Duration
}

// pointPassed returns the instant, at or before ref, at which the clock time
// used from base reached u: like a due time, u of clock time from base, pushed
// back by each pause that starts before it.
func (ev *evaluation) pointPassed(tl *timeline, clock severity.Clock, base, ref time.Time, u time.Duration) time.Time {
	p := ev.p
	w, _ := clock.Add(base, u, p.support)
	for i := firstPause(tl.pauses, base); i < len(tl.pauses); i++ {
		pz := tl.pauses[i]
		if !pz.from.Before(ref) {
			break
		}
		from, to := later(pz.from, base), pz.to
		if to.IsZero() || to.After(ref) {
			to = ref
		}
		if !from.Before(to) {
			continue
		}
		if !from.Before(w) {
			break
		}
		if by, _ := clock.Between(from, to, p.support); by > 0 {
			w, _ = clock.Add(w, by, p.support)
		}
	}
	return w
}

// candidate keeps t as the next change when it is the earliest after now
// within the supported years.
func (ev *evaluation) candidate(t time.Time) {
	if t.After(ev.now) && !t.After(ev.p.last) && (ev.recheck.IsZero() || t.Before(ev.recheck)) {
		ev.recheck = t
	}
}

// clamp keeps t within the years a status reports (see Evaluate).
func (ev *evaluation) clamp(t time.Time) time.Time {
	if t.After(ev.p.last) {
		return ev.p.last
	}
	return t
}

// Why a clock starts, or why there is no target.
const (
	whyReceived   = "received"
	whyReopened   = "reopened"
	whyChange     = "severity changed"
	whyCustomer   = "customer replied"
	whyAgent      = "agent replied"
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

// riskPoint is the clock time used at which a target of clock time length is
// at risk: the least u with u/length at least the threshold.
func (p *compiled) riskPoint(length time.Duration) time.Duration {
	return ceilShare(length, p.riskNum, p.riskDen)
}

// ceilShare returns ⌈d × num / den⌉ for d ≥ 0 and num ≤ den, exactly.
func ceilShare(d time.Duration, num, den uint64) time.Duration {
	if d <= 0 {
		return 0
	}
	hi, lo := bits.Mul64(uint64(d), num)
	q, r := bits.Div64(hi, lo, den)
	if r > 0 {
		q++
	}
	return time.Duration(q)
}

func satAdd(a, b time.Duration) time.Duration {
	s := a + b
	switch {
	case a > 0 && b > 0 && s < 0:
		return 1<<63 - 1
	case a < 0 && b < 0 && s >= 0:
		return -1 << 63
	}
	return s
}

// levelAt returns the severity in force at t.
func levelAt(initial severity.Level, changes []change, t time.Time) severity.Level {
	if i := changesUpTo(changes, t); i > 0 {
		return changes[i-1].level
	}
	return initial
}

// changeIn returns the last change in (from, to].
func changeIn(changes []change, from, to time.Time) (change, bool) {
	if i := changesUpTo(changes, to); i > 0 && changes[i-1].at.After(from) {
		return changes[i-1], true
	}
	return change{}, false
}

// changesUpTo returns the number of changes at or before t.
func changesUpTo(changes []change, t time.Time) int {
	lo, hi := 0, len(changes)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if changes[m].at.After(t) {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}

// firstPause returns the index of the first pause that ends after t (or has
// not ended).
func firstPause(pauses []pause, t time.Time) int {
	lo, hi := 0, len(pauses)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if pauses[m].to.IsZero() || pauses[m].to.After(t) {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
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
