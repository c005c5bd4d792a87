package recovery

import (
	"fmt"
	"time"
)

// Point is a recovery point: a backup, snapshot or replica state from which the data
// can be restored as it was at At. A point is usable at instant x when At ≤ x and,
// if Stored is set, Stored ≤ x: a backup still being written protects nothing.
type Point struct {
	At     time.Time // the data is consistent as of this instant; required
	Stored time.Time // when the point was durably stored; zero means usable from At; never before At
}

// UsableFrom returns the first instant at which the point is usable: the later of
// At and Stored.
func (p Point) UsableFrom() time.Time { return usableFrom(p.At, p.Stored) }

func usableFrom(at, stored time.Time) time.Time {
	if stored.After(at) {
		return stored
	}
	return at
}

// strip returns p without monotonic clock readings, and the instant it becomes usable.
func (p Point) strip() (Point, time.Time) {
	p = Point{At: p.At.Round(0), Stored: p.Stored.Round(0)}
	return p, p.UsableFrom()
}

// instants returns At and the instant p becomes usable, for fast comparisons.
func (p *Point) instants() (at, u instant) {
	at = instantOf(p.At)
	if p.Stored.IsZero() {
		return at, at
	}
	if st := instantOf(p.Stored); st.after(at) {
		return at, st
	}
	return at, at
}

// checkPoint validates the point at index i: At set, Stored zero or not before At.
func checkPoint(i int, at, stored time.Time) error {
	if at.IsZero() {
		return timeError("at", i, at, ErrZeroTime)
	}
	if !stored.IsZero() && instantOf(stored).before(instantOf(at)) {
		stored, at = stored.Round(0), at.Round(0)
		return timeError("stored", i, stored,
			fmt.Errorf("%w: before at %s", ErrReversed, stamp(at)))
	}
	return nil
}

// LossResult is the data loss at one instant: the time between that instant and the
// latest recovery point usable at it, checked against the recovery point objective.
// The zero value is not a valid result; results come from [DataLoss] and [Current].
type LossResult struct {
	At        time.Time     // the instant measured: the incident, or now
	Point     Point         // evidence: the latest point usable at At
	Loss      time.Duration // At − Point.At
	Objective time.Duration // the RPO
	Margin    time.Duration // Objective − Loss; negative when missed
	Met       bool          // Loss ≤ Objective
}

// String returns a one-line summary such as "lost 20m0s of 30m0s: met (margin 10m0s)".
func (r LossResult) String() string {
	return fmt.Sprintf("lost %v of %v: %s (margin %v)", r.Loss, r.Objective, verdict(r.Met), r.Margin)
}

// DataLoss returns the data lost by an incident: incident − At of the latest point
// usable at the incident (see [Point]), met when ≤ objective. Points after the
// incident, or stored after it, are ignored; the order of points does not matter and
// duplicates are harmless. When several usable points share the latest At, the
// evidence is the one usable first.
//
// It returns an [*InputError] wrapping [ErrNoPoint] when no point is usable at the
// incident (the loss is unbounded), and one wrapping [ErrZeroTime], [ErrReversed] or
// [ErrObjective] for a zero incident or point time, a point stored before its At, or
// an objective that is not positive.
func DataLoss(points []Point, incident time.Time, objective time.Duration) (LossResult, error) {
	return loss(points, "incident", incident.Round(0), objective, false)
}

// Current returns the exposure at now: the data an incident at now would lose, as
// [DataLoss] measures it. A point whose At or Stored is after now is a fact nobody
// can know yet: Current rejects it with an [*InputError] wrapping [ErrFuture].
func Current(points []Point, now time.Time, objective time.Duration) (LossResult, error) {
	return loss(points, "now", now.Round(0), objective, true)
}

func loss(points []Point, field string, x time.Time, objective time.Duration, past bool) (LossResult, error) {
	if err := checkInstant(field, x); err != nil {
		return LossResult{}, err
	}
	if err := checkObjective(objective); err != nil {
		return LossResult{}, err
	}
	xi := instantOf(x)
	var (
		best          *Point
		bestAt, bestU instant
	)
	for i := range points {
		p := &points[i]
		if err := checkPoint(i, p.At, p.Stored); err != nil {
			return LossResult{}, err
		}
		at, u := p.instants()
		if past {
			if at.after(xi) {
				return LossResult{}, timeError("at", i, p.At.Round(0), fmt.Errorf("%w %s", ErrFuture, stamp(x)))
			}
			if u.after(xi) { // Stored is after now, At is not
				return LossResult{}, timeError("stored", i, p.Stored.Round(0), fmt.Errorf("%w %s", ErrFuture, stamp(x)))
			}
		}
		if u.after(xi) {
			continue
		}
		if best == nil || better(p, at, u, best, bestAt, bestU) {
			best, bestAt, bestU = p, at, u
		}
	}
	if best == nil {
		return LossResult{}, timeError(field, -1, x, ErrNoPoint)
	}
	l := xi.sub(bestAt)
	point, _ := best.strip()
	return LossResult{
		At:        x,
		Point:     point,
		Loss:      l,
		Objective: objective,
		Margin:    objective - l,
		Met:       l <= objective,
	}, nil
}

// better reports whether p (data as of at, usable from u) is better evidence than q
// (as of qat, usable from qu): a later At, then the one usable first, then the one
// without a Stored time. The order makes the choice independent of the input's order.
func better(p *Point, at, u instant, q *Point, qat, qu instant) bool {
	if c := at.compare(qat); c != 0 {
		return c > 0
	}
	if c := u.compare(qu); c != 0 {
		return c < 0
	}
	return p.Stored.IsZero() && !q.Stored.IsZero()
}
