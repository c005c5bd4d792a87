package recovery

import (
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/slakit/slakit/internal/dur"
	"github.com/slakit/slakit/internal/jsonx"
)

// Gap is a stretch [Since, To) of a period during which one baseline was the latest
// recovery point usable. Across the gap the exposure (what an incident would lose)
// rises from Since − From to just under To − From, so Duration is the worst exposure
// in it. Since is after From when the baseline point was stored after its At or
// predates the period.
//
// In JSON durations are text such as "45m" (Go's duration syntax without zero
// units); no_point is omitted when false.
type Gap struct {
	From     time.Time     `json:"from"`               // the baseline: At of the latest usable point, or the period start when NoPoint
	Since    time.Time     `json:"since"`              // the first instant of the period with this baseline
	To       time.Time     `json:"to"`                 // when a newer point became usable, or the period end
	Duration time.Duration `json:"duration"`           // To − From: the exposure just before To
	Breach   time.Duration `json:"breach"`             // the time in [Since, To) during which the exposure exceeded the objective
	NoPoint  bool          `json:"no_point,omitempty"` // no point was usable yet: the period start stands in as the baseline
}

// MarshalJSON writes the gap with snake_case names and durations as text.
func (g Gap) MarshalJSON() ([]byte, error) { return jsonx.Marshal(g) }

// UnmarshalJSON reads the form MarshalJSON writes, strictly.
func (g *Gap) UnmarshalJSON(b []byte) error {
	type plain Gap
	return decode(b, (*plain)(g))
}

// String returns a summary of the gap such as
// "2026-06-01T00:00:00Z → 2026-06-01T00:45:00Z (45m, 15m in breach)".
func (g Gap) String() string {
	s := stamp(g.From) + " → " + stamp(g.To) + " (" + dur.Format(g.Duration)
	if g.Breach > 0 {
		s += ", " + dur.Format(g.Breach) + " in breach"
	}
	if g.NoPoint {
		s += ", no point yet"
	}
	return s + ")"
}

// ExposureResult is the recovery point history of a period checked against the
// recovery point objective: the worst gap, the total time in breach and the gaps in
// breach as evidence. The zero value is not a valid result; results come from
// [Exposure].
//
// In JSON durations are text such as "45m" (Go's duration syntax without zero
// units); breaching is omitted when empty.
type ExposureResult struct {
	Start     time.Time     `json:"start"`               // first instant of the period [Start, End)
	End       time.Time     `json:"end"`                 // first instant after the period
	Objective time.Duration `json:"objective"`           // the RPO
	Worst     Gap           `json:"worst"`               // the gap with the largest Duration; the earliest on a tie
	Breach    time.Duration `json:"breach"`              // total time in breach: the sum of Breaching[i].Breach
	Breaching []Gap         `json:"breaching,omitempty"` // the gaps with a positive Breach, in time order; nil when none
	Margin    time.Duration `json:"margin"`              // Objective − Worst.Duration; negative when missed
	Met       bool          `json:"met"`                 // Worst.Duration ≤ Objective, which is the same as Breach == 0
}

// MarshalJSON writes the result with snake_case names and durations as text.
func (r ExposureResult) MarshalJSON() ([]byte, error) { return jsonx.Marshal(r) }

// UnmarshalJSON reads the form MarshalJSON writes, strictly.
func (r *ExposureResult) UnmarshalJSON(b []byte) error {
	type plain ExposureResult
	return decode(b, (*plain)(r))
}

// String returns a one-line summary such as
// "worst gap 45m of 30m: missed (margin -15m), 15m in breach in 1 gap(s)".
func (r ExposureResult) String() string {
	return "worst gap " + dur.Format(r.Worst.Duration) + " of " + dur.Format(r.Objective) + ": " + verdict(r.Met) +
		" (margin " + dur.Format(r.Margin) + "), " + dur.Format(r.Breach) + " in breach in " + strconv.Itoa(len(r.Breaching)) + " gap(s)"
}

// Exposure checks the recovery points against the objective over the period
// [start, end). The exposure at an instant x is what an incident at x would lose,
// x − L(x), where L(x) is the latest At among the points usable at x (as [DataLoss]
// measures it), or start while no point is usable yet. The period splits into gaps,
// one per baseline L; the worst gap is the supremum of the exposure over the period,
// and the time in breach is the measure of the instants where the exposure exceeds
// the objective. In gap terms, for each [Gap]:
//
//	Duration = To − From
//	Breach   = max(0, To − max(Since, From + objective))
//
// With no Stored times and no point before start this is the plain gap history: the
// gaps run from start to the first point, between consecutive points and from the last
// point to end, and Breach = max(0, Duration − objective). A point before start that is
// usable at start is the baseline there, so the first gap runs from that point, not
// from start: an incident just after start would lose that much. Points usable only at
// or after end play no part.
//
// Points supplied of which none is usable before end, an empty slice included,
// mean that no restore point existed during the period (I15): the worst gap is
// then the whole period, from start (NoPoint) to end, in breach from start +
// objective, so it misses every objective shorter than the period. That is a
// result, not an error: whether points were supplied at all is for the caller
// to say.
//
// Consequences of the definition: the worst gap is never less than the [DataLoss] at
// any instant of [start, end); the time in breach never exceeds end − start; adding a
// point never increases the worst gap or the time in breach, except when no point was
// usable at start and the new point is older than start (it then replaces the
// stand-in start with a real, older baseline).
//
// The order of points does not matter, duplicates are harmless and the slice is not
// modified. Input sorted by [Point.UsableFrom], as a backup log is, takes one pass and
// no copy; other input is sorted in a copy, in O(n log n).
//
// Exposure does not know the current time: to check a period still running, pass
// end = now. It returns a [*FieldError] wrapping [ErrZeroTime] for a zero start, end
// or point time, [ErrReversed] when end is not after start or a point is stored before
// its At ("points[3].stored"), and [ErrObjective] for an objective that is not
// positive.
func Exposure(points []Point, start, end time.Time, objective time.Duration) (ExposureResult, error) {
	start, end = start.Round(0), end.Round(0)
	if err := checkInstant("start", start, "the first instant of the period"); err != nil {
		return ExposureResult{}, err
	}
	if err := checkInstant("end", end, "the first instant after the period"); err != nil {
		return ExposureResult{}, err
	}
	if !end.After(start) {
		return ExposureResult{}, timeError("end", end, ErrReversed, "want an instant after start "+stamp(start))
	}
	if err := checkObjective(objective); err != nil {
		return ExposureResult{}, err
	}
	// One pass validates every point and, while they come sorted by usability (as
	// a backup log does), sweeps them; unsorted input is swept again once sorted.
	sw := newSweep(start, end, objective)
	sorted := true
	var prev instant
	for i := range points {
		p := &points[i]
		if err := checkPoint(i, p.At, p.Stored); err != nil {
			return ExposureResult{}, err
		}
		if !sorted {
			continue
		}
		at, u := p.instants()
		if i > 0 && u.before(prev) {
			sorted = false
			continue
		}
		prev = u
		sw.add(p, at, u)
	}
	if !sorted {
		type key struct {
			u, at instant
			i     int
		}
		keys := make([]key, len(points))
		for i := range points {
			at, u := points[i].instants()
			keys[i] = key{u, at, i}
		}
		slices.SortFunc(keys, func(a, b key) int { return a.u.compare(b.u) })
		sw = newSweep(start, end, objective)
		for _, k := range keys {
			sw.add(&points[k.i], k.at, k.u)
		}
	}
	return sw.result(), nil
}

// sweep builds an [ExposureResult] from points fed in order of usability.
type sweep struct {
	r          ExposureResult
	start, end instant
	// The gap in progress: its baseline point (nil while the period start stands in),
	// the instant the baseline's data is as of, and the first instant of the gap.
	base        *Point
	from, since instant
}

func newSweep(start, end time.Time, objective time.Duration) *sweep {
	s, e := instantOf(start), instantOf(end)
	return &sweep{
		r:     ExposureResult{Start: start, End: end, Objective: objective},
		start: s, end: e, from: s, since: s,
	}
}

// add feeds point p, whose data is as of at and which is usable from u; u never
// decreases from one call to the next.
func (s *sweep) add(p *Point, at, u instant) {
	switch {
	case !u.after(s.start): // usable at the start: a candidate baseline
		if s.base == nil || at.after(s.from) {
			s.base, s.from = p, at
		}
	case !u.before(s.end): // usable only after the period
	case s.base != nil && !at.after(s.from): // not newer than the baseline
	case u == s.since: // several points usable from the same instant
		s.base, s.from = p, at
	default:
		s.close(u, p)
		s.base, s.from, s.since = p, at, u
	}
}

// close ends the gap in progress at to, when next becomes usable (nil: at the period
// end), and records the gap if it is the worst so far or in breach.
func (s *sweep) close(to instant, next *Point) {
	d := to.sub(s.from)
	var breach time.Duration
	if d >= s.r.Objective { // else no instant of the gap is in breach
		lo := s.from.add(s.r.Objective)
		if s.since.after(lo) {
			lo = s.since
		}
		if to.after(lo) {
			breach = to.sub(lo)
		}
	}
	first := s.r.Worst.To.IsZero()
	if !first && d <= s.r.Worst.Duration && breach == 0 {
		return
	}
	g := Gap{From: s.r.Start, Since: s.r.Start, To: s.r.End, Duration: d, Breach: breach, NoPoint: s.base == nil}
	if s.base != nil {
		b, _ := s.base.strip()
		g.From = b.At
		if u := b.UsableFrom(); u.After(g.Since) {
			g.Since = u
		}
	}
	if next != nil {
		_, g.To = next.strip()
	}
	if first || d > s.r.Worst.Duration {
		s.r.Worst = g
	}
	if breach > 0 {
		s.r.Breaching = append(s.r.Breaching, g)
		s.r.Breach = addSat(s.r.Breach, breach)
	}
}

// result closes the last gap at the period end and returns the verdict.
func (s *sweep) result() ExposureResult {
	s.close(s.end, nil)
	s.r.Margin = s.r.Objective - s.r.Worst.Duration
	s.r.Met = s.r.Breaching == nil
	return s.r
}

// addSat returns a + b for non-negative durations, saturating like [time.Time.Sub].
func addSat(a, b time.Duration) time.Duration {
	if a > math.MaxInt64-b {
		return math.MaxInt64
	}
	return a + b
}
