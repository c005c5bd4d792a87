package availability

import (
	"bytes"
	"slices"
	"strconv"
	"time"

	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/internal/fault"
	"github.com/slakit/slakit/internal/jsonx"
)

// Coverage says where monitoring covered a period (I15): availability is
// known only there. Time that monitoring did not cover, and that no outage,
// window or maintenance accounts for, is unknown: [ComputeCovered] counts it
// neither as up nor as down, and gives a verdict only when the objective is
// decided whatever that time was.
//
// There are three kinds of Coverage, told apart by [Coverage.IsSupplied] and
// [Coverage.IsFull]:
//
//   - the zero value: coverage not supplied. Nothing is known, and the
//     verdict is [VerdictUnknown] whatever the outages say.
//   - [FullyMonitored]: monitoring covered every instant, so the outages given
//     are the complete record and every other instant was up. [Compute] uses
//     it.
//   - [Monitored] with a list of intervals, such as [Observation.Coverage]
//     returns. Monitored() with none is supplied but empty: nothing was
//     monitored, and the verdict is unknown as for the zero value.
//
// A Coverage is immutable and safe for concurrent use. Its JSON form is null
// (not supplied), "full", or a list of intervals:
//
//	[{"start":"2026-06-01T00:00:00+02:00","end":"2026-06-10T00:00:00+02:00"}, …]
type Coverage struct {
	kind      coverageKind
	intervals []calendar.Interval // for coverageListed: as given, monotonic readings stripped
}

type coverageKind uint8

const (
	coverageNone coverageKind = iota
	coverageFull
	coverageListed
)

// FullyMonitored returns the coverage of monitoring that saw every instant.
func FullyMonitored() Coverage { return Coverage{kind: coverageFull} }

// Monitored returns the coverage of monitoring that saw the given intervals,
// half-open [Start, End). They may overlap, touch, come in any order and
// reach outside the period computed; [ComputeCovered] unites them and clips
// them to the period, and reports a zero time or an end before its start as
// an error ("coverage[2].end"). The slice is copied.
func Monitored(intervals ...calendar.Interval) Coverage {
	c := Coverage{kind: coverageListed, intervals: make([]calendar.Interval, len(intervals))}
	for i, iv := range intervals {
		c.intervals[i] = calendar.Interval{Start: iv.Start.Round(0), End: iv.End.Round(0)}
	}
	return c
}

// IsSupplied reports whether c says anything: false only for the zero value.
func (c Coverage) IsSupplied() bool { return c.kind != coverageNone }

// IsFull reports whether c is [FullyMonitored].
func (c Coverage) IsFull() bool { return c.kind == coverageFull }

// Intervals returns a copy of the intervals given to [Monitored], as given;
// nil for the zero value and for [FullyMonitored].
func (c Coverage) Intervals() []calendar.Interval {
	if c.kind != coverageListed {
		return nil
	}
	return slices.Clone(c.intervals)
}

// Validate reports every interval with a zero time or an end before its start
// (joined), each a [*FieldError] with its path ("coverage[2].end").
func (c Coverage) Validate() error {
	var p problems
	c.check(&p)
	return p.err()
}

func (c Coverage) check(p *problems) {
	for i, iv := range c.intervals {
		at := func(f string) string { return fault.Join(fault.Index("coverage", i), f) }
		switch {
		case iv.Start.IsZero():
			p.add(fault.Field(at("start"), "", ErrMissing, "want an RFC 3339 time"))
		case iv.End.IsZero():
			p.add(fault.Field(at("end"), "", ErrMissing, "want an RFC 3339 time"))
		case iv.End.Before(iv.Start):
			p.add(fault.Field(at("end"), timeText(iv.End), ErrReversed, "want at or after start "+strconv.Quote(timeText(iv.Start))))
		}
	}
}

// MarshalJSON writes null, "full" or the list of intervals (see [Coverage]).
// Times are RFC 3339 in their own zone, as [Outage.MarshalJSON] writes them.
func (c Coverage) MarshalJSON() ([]byte, error) {
	switch c.kind {
	case coverageNone:
		return []byte("null"), nil
	case coverageFull:
		return []byte(`"full"`), nil
	}
	out := make([]calendar.Interval, len(c.intervals))
	for i, iv := range c.intervals {
		out[i] = calendar.Interval{Start: rfc3339(iv.Start), End: rfc3339(iv.End)}
	}
	return jsonx.Marshal(out)
}

// UnmarshalJSON reads what MarshalJSON writes, strictly: anything but "full",
// null or a list of objects with exactly "start" and "end" is an error with
// its path. It checks the syntax only; [Coverage.Validate] and
// [ComputeCovered] check the times.
func (c *Coverage) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	switch {
	case string(data) == "null":
		return nil
	case string(data) == `"full"`:
		*c = FullyMonitored()
		return nil
	case len(data) > 0 && data[0] == '[':
		var ivs []calendar.Interval
		if err := jsonx.Decode(data, &ivs); err != nil {
			return err
		}
		*c = Monitored(ivs...)
		return nil
	}
	if err := jsonx.Decode(data, new(any)); err != nil {
		return err
	}
	return fault.Field("", fault.Short(string(data)), ErrInvalid, `want "full" or a list of intervals [{"start":…,"end":…}]`)
}

// timeText writes t for an error message.
func timeText(t time.Time) string { return t.Format(time.RFC3339Nano) }
