package calendar

import (
	"time"

	"github.com/slakit/slakit/internal/fault"
)

// Interval is the half-open span of time [Start, End). The zero Interval is empty.
// An Interval with End before Start is invalid; [NewInterval] refuses to build one and
// the methods treat it as empty.
type Interval struct {
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
}

// NewInterval returns [start, end), or an error wrapping [ErrReversed] when end
// is before start. Monotonic
// clock readings are stripped so that intervals compare by wall instant only.
func NewInterval(start, end time.Time) (Interval, error) {
	if end.Before(start) {
		return Interval{}, fault.Field("end", end.Format(time.RFC3339Nano), ErrReversed,
			"want at or after start "+start.Format(time.RFC3339Nano))
	}
	return Interval{Start: start.Round(0), End: end.Round(0)}, nil
}

// Duration returns End − Start, or 0 for an empty or invalid interval.
func (i Interval) Duration() time.Duration {
	if !i.End.After(i.Start) {
		return 0
	}
	return i.End.Sub(i.Start)
}

// IsEmpty reports whether the interval contains no instant.
func (i Interval) IsEmpty() bool { return !i.End.After(i.Start) }

// Contains reports whether Start ≤ t < End.
func (i Interval) Contains(t time.Time) bool {
	return !t.Before(i.Start) && t.Before(i.End)
}

// Overlaps reports whether the two intervals share at least one instant. Touching
// intervals ([a, b) and [b, c)) do not overlap.
func (i Interval) Overlaps(o Interval) bool {
	return !i.IsEmpty() && !o.IsEmpty() && i.Start.Before(o.End) && o.Start.Before(i.End)
}

// Intersect returns the instants common to both intervals, and false when there
// are none.
func (i Interval) Intersect(o Interval) (Interval, bool) {
	if !i.Overlaps(o) {
		return Interval{}, false
	}
	r := i
	if o.Start.After(r.Start) {
		r.Start = o.Start
	}
	if o.End.Before(r.End) {
		r.End = o.End
	}
	return r, true
}

// String formats the interval as "[start, end)" in RFC 3339.
func (i Interval) String() string {
	return "[" + i.Start.Format(time.RFC3339Nano) + ", " + i.End.Format(time.RFC3339Nano) + ")"
}
