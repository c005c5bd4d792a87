package availability

import (
	"slices"
	"time"

	"github.com/slakit/slakit/calendar"
)

// Probe is one timestamped result of an availability check (SPEC R8).
type Probe struct {
	At time.Time `json:"at"` // when the check ran; required
	Up bool      `json:"up"` // whether the service answered
}

// Observation is what monitoring saw of a period, weighted by time rather than
// by probe count.
type Observation struct {
	Period calendar.Interval // the period observed, monotonic readings stripped

	// Outages are the maximal runs of failing probes, as [Unplanned] outages
	// clipped to the period, in time order. Give them to [Compute] with the
	// announced maintenance and the exclusions.
	Outages []Outage

	// Gaps are the maximal intervals with no data, in time order: before the
	// first probe, after the last one, and between two probes further apart
	// than the limit. Their time is neither up nor down; [Compute] would count
	// it as up, so show Gaps beside the report.
	Gaps []calendar.Interval

	Up      time.Duration // time observed up
	Down    time.Duration // time observed down: the Outages
	Missing time.Duration // time not observed: the Gaps
}

// FromProbes turns probe results into an [Observation] of period. A probe's
// result holds from its instant until the next probe, when that comes at most
// maxGap later. A longer wait, the time before the first probe and the time
// after the last are missing data, never counted as up or down. Probes may
// come in any order and may lie outside the period (one just before it gives
// the state at its start); several probes at one instant count as down if any
// failed. The probes slice is read, never modified.
//
// An error is a [*FieldError]: a bad period as in [Compute], a maxGap that is
// not positive, or a probe with a zero time ("probes[4].at").
func FromProbes(period calendar.Interval, probes []Probe, maxGap time.Duration) (Observation, error) {
	period, _, err := checkPeriod(period)
	if err != nil {
		return Observation{}, err
	}
	if maxGap <= 0 {
		return Observation{}, fieldError("", -1, "max_gap", maxGap.String(), ErrNotPositive)
	}
	ps := make([]Probe, len(probes))
	for i, p := range probes {
		if p.At.IsZero() {
			return Observation{}, fieldError("probes", i, "at", "", ErrMissing)
		}
		ps[i] = Probe{At: p.At.Round(0), Up: p.Up}
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
