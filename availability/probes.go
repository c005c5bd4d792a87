package availability

import (
	"slices"
	"time"

	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/internal/dur"
	"github.com/slakit/slakit/internal/fault"
	"github.com/slakit/slakit/internal/jsonx"
)

// Probe is one timestamped result of an availability check (R8).
type Probe struct {
	At time.Time `json:"at"` // when the check ran; required
	Up bool      `json:"up"` // whether the service answered
}

// UnmarshalJSON reads {"at":"2026-06-10T09:00:00Z","up":true} strictly:
// unknown or repeated keys are errors with their path.
func (p *Probe) UnmarshalJSON(data []byte) error {
	type plain Probe
	return jsonx.Decode(data, (*plain)(p))
}

// Observation is what monitoring saw of a period, weighted by time rather than
// by probe or request count: from probes ([FromProbes]) or from per-slice
// request counts ([FromSlices]). Up, Down and Missing add up to the period's
// length.
type Observation struct {
	Period calendar.Interval `json:"period"` // the period observed, monotonic readings stripped

	// Outages are the maximal stretches observed down, as [Unplanned] outages
	// clipped to the period, in time order. Give them to [ComputeCovered] with
	// the announced maintenance, the exclusions and [Observation.Coverage].
	Outages []Outage `json:"outages"`

	// Gaps are the maximal intervals with no data, in time order. Their time
	// is neither up nor down: it is unknown (I15).
	Gaps []calendar.Interval `json:"gaps"`

	Up      time.Duration `json:"up"`      // time observed up
	Down    time.Duration `json:"down"`    // time observed down: the Outages
	Missing time.Duration `json:"missing"` // time not observed: the Gaps
}

// Coverage returns where monitoring saw the period: the period less the
// gaps, for [ComputeCovered]. It is supplied even when nothing was seen, in
// which case the verdict is unknown.
func (o Observation) Coverage() Coverage {
	seen := make([]calendar.Interval, 0, len(o.Gaps)+1)
	from := o.Period.Start
	for _, g := range o.Gaps {
		if g.Start.After(from) {
			seen = append(seen, calendar.Interval{Start: from, End: g.Start})
		}
		from = g.End
	}
	if o.Period.End.After(from) {
		seen = append(seen, calendar.Interval{Start: from, End: o.Period.End})
	}
	return Coverage{kind: coverageListed, intervals: seen}
}

// MarshalJSON writes the fields under their snake_case names, durations in
// the text form "1h30m", instants RFC 3339 as [Outage.MarshalJSON] writes
// them.
func (o Observation) MarshalJSON() ([]byte, error) {
	o.Period = calendar.Interval{Start: rfc3339(o.Period.Start), End: rfc3339(o.Period.End)}
	if len(o.Gaps) > 0 {
		gaps := make([]calendar.Interval, len(o.Gaps))
		for i, g := range o.Gaps {
			gaps[i] = calendar.Interval{Start: rfc3339(g.Start), End: rfc3339(g.End)}
		}
		o.Gaps = gaps
	}
	return jsonx.Marshal(o)
}

// FromProbes turns probe results into an [Observation] of period. A probe's
// result holds from its instant until the next probe, when that comes at most
// maxGap later. A longer wait, the time before the first probe and the time
// after the last are missing data, never counted as up or down. Probes may
// come in any order and may lie outside the period (one just before it gives
// the state at its start); several probes at one instant count as down if any
// failed. The probes slice is read, never modified.
//
// An error lists every problem (up to 20, joined), each a [*FieldError]: a
// bad period as in [Compute], a maxGap that is not positive ("max_gap"), or a
// probe with a zero time ("probes[4].at").
func FromProbes(period calendar.Interval, probes []Probe, maxGap time.Duration) (Observation, error) {
	var bad problems
	period, _ = checkPeriod(period, &bad)
	if maxGap <= 0 {
		bad.add(fault.Field("max_gap", dur.Format(maxGap), ErrNotPositive, "want the longest wait between probes that still counts, such as \"5m\""))
	}
	ps := make([]Probe, len(probes))
	for i, p := range probes {
		if p.At.IsZero() {
			bad.add(fault.Field(fault.Join(fault.Index("probes", i), "at"), "", ErrMissing, "want an RFC 3339 time"))
		}
		ps[i] = Probe{At: p.At.Round(0), Up: p.Up}
	}
	if err := bad.err(); err != nil {
		return Observation{}, err
	}
	slices.SortFunc(ps, func(a, b Probe) int { return a.At.Compare(b.At) })

	b := observer{obs: Observation{Period: period}}
	if len(ps) == 0 {
		b.add(missing, period.Start, period.End)
		return b.done(), nil
	}
	b.add(missing, period.Start, ps[0].At)
	for i := 0; i < len(ps); {
		at, st := ps[i].At, up
		for ; i < len(ps) && ps[i].At.Equal(at); i++ {
			if !ps[i].Up {
				st = down
			}
		}
		if i == len(ps) {
			b.add(missing, at, period.End)
			break
		}
		if next := ps[i].At; next.Sub(at) > maxGap {
			b.add(missing, at, next)
		} else {
			b.add(st, at, next)
		}
	}
	return b.done(), nil
}

// state is what monitoring knows of a stretch of time.
type state uint8

const (
	missing state = iota
	up
	down
)

// observer accumulates consecutive stretches of known state into an
// Observation, clipping them to the period and merging neighbours.
type observer struct {
	obs      Observation
	cur      state
	from, to time.Time // the stretch being extended; empty when from == to
}

// add records that st held over [from, to); calls come in time order.
func (b *observer) add(st state, from, to time.Time) {
	p := b.obs.Period
	from, to = clamp(from, p.Start, p.End), clamp(to, p.Start, p.End)
	if !to.After(from) {
		return
	}
	if st == b.cur && from.Equal(b.to) && b.to.After(b.from) {
		b.to = to
		return
	}
	b.flush()
	b.cur, b.from, b.to = st, from, to
}

// flush moves the current stretch into the observation.
func (b *observer) flush() {
	d := b.to.Sub(b.from)
	if d <= 0 {
		return
	}
	switch b.cur {
	case up:
		b.obs.Up += d
	case down:
		b.obs.Down += d
		b.obs.Outages = append(b.obs.Outages, Outage{Start: b.from, End: b.to, Cause: Unplanned})
	case missing:
		b.obs.Missing += d
		b.obs.Gaps = append(b.obs.Gaps, calendar.Interval{Start: b.from, End: b.to})
	}
	b.from = b.to
}

func (b *observer) done() Observation {
	b.flush()
	return b.obs
}
