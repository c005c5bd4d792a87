package recovery

import (
	"time"

	"github.com/slakit/slakit/internal/dur"
	"github.com/slakit/slakit/internal/fault"
	"github.com/slakit/slakit/internal/jsonx"
)

// Point is a recovery point: a backup, snapshot or replica state from which the data
// can be restored as it was at At. A point is usable at instant x when At ≤ x and,
// if Stored is set, Stored ≤ x: a backup still being written protects nothing.
//
// In JSON a Point is {"at":…,"stored":…}, instants in RFC 3339; stored is
// omitted when zero.
type Point struct {
	At     time.Time `json:"at"`              // the data is consistent as of this instant; required
	Stored time.Time `json:"stored,omitzero"` // when the point was durably stored; zero means usable from At; never before At
}

// MarshalJSON writes the JSON form described on [Point].
func (p Point) MarshalJSON() ([]byte, error) { return jsonx.Marshal(p) }

// UnmarshalJSON reads the JSON form described on [Point], strictly: an
// unknown key, a key written twice or anything after the object is an error,
// a [*FieldError] naming the key.
func (p *Point) UnmarshalJSON(b []byte) error {
	type plain Point
	return decode(b, (*plain)(p))
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

// checkPoint validates the point at index i of the caller's slice: At set,
// Stored zero or not before At. Its path is built only for an error, as
// million-point histories are checked point by point.
func checkPoint(i int, at, stored time.Time) error {
	if at.IsZero() {
		return fault.Field(pointField(i, "at"), "", ErrZeroTime, "want the instant the data is consistent as of")
	}
	if !stored.IsZero() && instantOf(stored).before(instantOf(at)) {
		return timeError(pointField(i, "stored"), stored.Round(0), ErrReversed,
			"want an instant at or after at "+stamp(at.Round(0)))
	}
	return nil
}

// LossResult is the data loss at one instant: the time between that instant and the
// latest recovery point usable at it, checked against the recovery point objective.
// The zero value is not a valid result; results come from [DataLoss] and [Current].
//
// In JSON durations are text such as "20m" (Go's duration syntax without zero
// units).
type LossResult struct {
	At        time.Time     `json:"at"`        // the instant measured: the incident, or now
	Point     Point         `json:"point"`     // evidence: the latest point usable at At
	Loss      time.Duration `json:"loss"`      // At − Point.At
	Objective time.Duration `json:"objective"` // the RPO
	Margin    time.Duration `json:"margin"`    // Objective − Loss; negative when missed
	Met       bool          `json:"met"`       // Loss ≤ Objective
}

// MarshalJSON writes the result with snake_case names and durations as text.
func (r LossResult) MarshalJSON() ([]byte, error) { return jsonx.Marshal(r) }

// UnmarshalJSON reads the form MarshalJSON writes, strictly.
func (r *LossResult) UnmarshalJSON(b []byte) error {
	type plain LossResult
	return decode(b, (*plain)(r))
}

// String returns a one-line summary such as "lost 20m of 30m: met (margin 10m)".
func (r LossResult) String() string {
	return "lost " + dur.Format(r.Loss) + " of " + dur.Format(r.Objective) + ": " + verdict(r.Met) + " (margin " + dur.Format(r.Margin) + ")"
}

// DataLoss returns the data lost by an incident: incident − At of the latest point
// usable at the incident (see [Point]), met when ≤ objective. Points after the
// incident, or stored after it, are ignored; the order of points does not matter and
// duplicates are harmless. When several usable points share the latest At, the
// evidence is the one usable first.
//
// It returns a [*FieldError] wrapping [ErrNoPoint] when no point is usable at the
// incident (the loss is unbounded), and one wrapping [ErrZeroTime], [ErrReversed] or
// [ErrObjective] for a zero incident or point time, a point stored before its At, or
// an objective that is not positive. A point at fault is named by its index:
// "points[3].stored".
func DataLoss(points []Point, incident time.Time, objective time.Duration) (LossResult, error) {
	return loss(points, "incident", incident.Round(0), objective, false)
}

// Current returns the exposure at now: the data an incident at now would lose, as
// [DataLoss] measures it. A point whose At or Stored is after now is a fact nobody
// can know yet: Current rejects it with a [*FieldError] wrapping [ErrFuture].
func Current(points []Point, now time.Time, objective time.Duration) (LossResult, error) {
	return loss(points, "now", now.Round(0), objective, true)
}

func loss(points []Point, field string, x time.Time, objective time.Duration, past bool) (LossResult, error) {
	when, what := "the incident", "the instant of the incident"
	if past {
		when, what = "now", "the current instant"
	}
	if err := checkInstant(field, x, what); err != nil {
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
				return LossResult{}, timeError(pointField(i, "at"), p.At.Round(0), ErrFuture, "want an instant at or before now "+stamp(x))
			}
			if u.after(xi) { // Stored is after now, At is not
				return LossResult{}, timeError(pointField(i, "stored"), p.Stored.Round(0), ErrFuture, "want an instant at or before now "+stamp(x))
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
		return LossResult{}, timeError(field, x, ErrNoPoint, "want a recovery point usable at "+when)
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
